"""price, route and verify from Python: the same request documents as the command line
(tests/cli/data), the same answers, exact types out, bad input as crmrules.Error."""

import datetime
import json
from decimal import Decimal

import pytest

import crmrules
from crmrules import Money, Percent


@pytest.fixture(scope="module")
def full(data):
    return crmrules.load_policy_set(data / "policy_full.json")


def test_price_worked_example(full, data):
    # policy_full.json: PUMP-100 list 1,000.00 x 60 takes the 5% quantity break, then the 3%
    # government discount: 1000 x 0.95 x 0.97 = 921.50 a unit, net 921.50 x 60 = 55,290.00;
    # VALVE-20 at ACME's contract price 180.00 x 10 = 1,800.00; net 57,090.00. 7.85% off list is
    # beyond the sales rep's 5%: needs the regional manager.
    a = crmrules.price(full, data / "price_pumps.json")
    assert a.outcome == "needs_approval"
    doc = a.document("en")
    assert doc["totals"]["net"] == Money(Decimal("57090.00"), "CNY")
    pump = doc["lines"][0]
    assert pump["product"] == "PUMP-100"
    assert pump["unit_price"] == Money(Decimal("921.50"), "CNY")
    assert pump["net_amount"] == Money(Decimal("55290.00"), "CNY")
    assert json.loads(a.to_json("en")) == json.loads(a.to_json("en"))  # a fixed text
    assert "regional" in a.explain("en") and a.policy_version
    assert any(isinstance(v, Percent) for r in a.reasons for v in r.figures.values())



def test_price_from_a_dict_equals_from_the_file(full, data):
    # The same request as a dict with Decimal quantities: the same answer, to the byte.
    request = {
        "context": {"account": "ACME", "tier": "A", "segment": "government", "region": "east"},
        "lines": [
            {"product": "PUMP-100", "currency": "CNY", "quantity": Decimal("60")},
            {"product": "VALVE-20", "currency": "CNY", "quantity": Decimal("10")},
        ],
        "as_of": datetime.date(2025, 3, 1),
        "role": "sales_rep",
    }
    assert crmrules.price(full, request).to_json("zh") == crmrules.price(full, data / "price_pumps.json").to_json("zh")


def test_price_outcomes(full, data):
    assert crmrules.price(full, data / "price_pumps_manager.json").outcome == "allow"
    block = crmrules.price(full, data / "price_seal.json")
    assert block.outcome == "block" and "every role" in block.explain("en")


def test_price_as_of_given_by_the_caller(full, data):
    request = json.loads((data / "price_pumps.json").read_text("utf-8"))
    del request["as_of"]
    with pytest.raises(crmrules.Error) as e:
        crmrules.price(full, request)
    assert e.value.code == "not_found" and "as_of" in e.value.field
    assert crmrules.price(full, request, as_of=datetime.date(2025, 3, 1)).to_json() == crmrules.price(
        full, data / "price_pumps.json"
    ).to_json()


def test_route_and_verify(full, data):
    # A 12% discount passes the 10% band (inclusive): regional manager, then sales director.
    r = crmrules.route(full, data / "route_discount.json")
    assert r.outcome == "needs_approval"
    doc = r.document()
    assert len(doc["steps"]) == 2 and len(doc["fingerprint"]) == 64
    assert crmrules.route(full, data / "route_small_order.json").outcome == "allow"
    assert crmrules.verify(full, data / "verify_ok.json").outcome == "allow"
    missing = crmrules.verify(full, data / "verify_missing.json")
    assert missing.outcome == "needs_approval" and missing.has("approval.step_missing")


@pytest.mark.parametrize(
    "call, field, code",
    [
        (lambda s, d: crmrules.price(s, d / "bad" / "price_number_as_quantity.json"), "/lines/0/quantity", "parse_error"),
        (lambda s, d: crmrules.price(s, d / "bad" / "price_unknown_role.json"), "/role", "not_found"),
        (lambda s, d: crmrules.route(s, d / "bad" / "route_number_as_percent.json"), "/request/percent", "parse_error"),
        (lambda s, d: crmrules.route(s, d / "bad" / "route_unknown_role.json"), "/people/2/role", "not_found"),
        (lambda s, d: crmrules.verify(s, d / "bad" / "bad_fingerprint.json"), "/approvals/0/fingerprint", "parse_error"),
        (lambda s, d: crmrules.price(s, "{"), "", "parse_error"),
    ],
)
def test_bad_requests(full, data, call, field, code):
    with pytest.raises(crmrules.Error) as e:
        call(full, data)
    assert e.value.field == field and e.value.code == code


def test_float_in_a_request_is_a_type_error(full):
    with pytest.raises(TypeError, match="float"):
        crmrules.price(full, {"lines": [{"product": "PUMP-100", "currency": "CNY", "quantity": 60.0}]})
    with pytest.raises(TypeError):
        crmrules.route(full, 42)
