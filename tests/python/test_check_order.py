"""check_order from Python: worked examples over the documents of tests/cli/data.

The account (account.json): limit CNY 1,000,000.00, tier B (tolerance 10% of the limit, the
default warning at 90% utilisation), one receivable of CNY 400,000.00 due 2025-03-14 and an
open order of CNY 100,000.00. Checked on 2025-03-01 (version 2025-v1 in force), nothing is
overdue, so the exposure is 400,000 + 100,000 + the new order."""

import datetime
import json
from decimal import Decimal

import pytest

import crmrules
from crmrules import Money, Outcome, Percent

AS_OF = datetime.date(2025, 3, 1)


def test_a_small_order_is_allowed(policy_set, account, data):
    # 400,000 + 100,000 + 100,000 = 600,000: 60% of the limit, below the 90% warning.
    d = crmrules.check_order(policy_set, account, crmrules.order(data / "order_small.json"), AS_OF)
    assert d.outcome is Outcome.allow
    assert d.outcome == "allow"
    assert d.reasons == []
    assert d.explain() == "通过"
    assert d.explain("en") == "allow"
    assert d.policy_version == "2025-v1"


def test_utilisation_above_90_percent_warns(policy_set, account, data):
    # 400,000 + 100,000 + 420,000 = 920,000 = 92.00% of 1,000,000 >= 90%; available 80,000.
    d = crmrules.check_order(policy_set, account, data / "order_warn.json", AS_OF)
    assert d.outcome == Outcome.warn
    (r,) = d.reasons
    assert r.code == "credit.high_utilisation"
    assert r.severity == "warn"
    assert r.figures["utilisation"] == Percent(Decimal("92.00"))
    assert r.figures["utilisation"].fraction == Decimal("0.92")
    assert r.figures["warn_at"] == Percent(Decimal("90"))
    assert r.figures["exposure"] == Money(Decimal("920000.00"), "CNY")
    assert r.figures["available"] == Money(Decimal("80000.00"), "CNY")
    assert isinstance(r.figures["exposure"].amount, Decimal)
    assert "92.00%" in r.explain("zh") and "CNY 80,000.00" in r.explain("zh")


def test_over_the_limit_within_tolerance_needs_approval(policy_set, account, data):
    # 400,000 + 100,000 + 550,000 = 1,050,000: 50,000 over the limit, within the tolerance of
    # 10% x 1,000,000 = 100,000, so an approver may let it through.
    d = crmrules.check_order(policy_set, account, data / "order_approval.json", AS_OF)
    assert d.outcome == "needs_approval"
    assert [r.code for r in d.reasons] == ["credit.over_limit"]
    assert d.reasons[0].figures["excess"] == Money(Decimal("50000.00"), "CNY")
    assert d.explain() == "需审批\n- 信用敞口 CNY 1,050,000.00 超过信用额度 CNY 1,000,000.00，超出 CNY 50,000.00"


def test_beyond_the_tolerance_is_blocked(policy_set, account, data):
    # 400,000 + 100,000 + 700,000 = 1,200,000: 200,000 over, beyond the 100,000 tolerance.
    d = crmrules.check_order(policy_set, account, data / "order_block.json", AS_OF)
    assert d.outcome == Outcome.block
    assert d.has("credit.over_limit") and d.has("credit.over_tolerance")
    tol = next(r for r in d.reasons if r.code == "credit.over_tolerance")
    assert tol.figures["tolerance"] == Money(Decimal("100000.00"), "CNY")
    assert tol.figures["excess"] == Money(Decimal("200000.00"), "CNY")
    assert d.explain().startswith("拒绝\n- ")
    assert d.explain("en").startswith("block\n- exposure CNY 1,200,000.00 exceeds")


def account_dict():
    """account.json as a Python dict with exact values (Decimal, date, Money)."""
    return {
        "profile": {
            "account": "A-1",
            "limit": Money(Decimal("1000000.00"), "CNY"),
            "rating": "AA",
            "limit_reviewed_on": datetime.date(2024, 12, 1),
        },
        "tier": "B",
        "segment": "经销商",
        "receivables": [
            {
                "invoice": "INV-1",
                "account": "A-1",
                "invoiced_on": datetime.date(2025, 2, 12),
                "due_on": datetime.date(2025, 3, 14),
                "open_amount": {"amount": Decimal("400000.00"), "currency": "CNY"},
            }
        ],
        "open_orders": [{"id": "SO-0", "amount": Money(Decimal("100000.00"), "CNY")}],
    }


def test_dicts_json_text_and_files_give_the_same_decision(policy_set, account, data):
    policy_dict = json.loads((data / "policy.json").read_text(encoding="utf-8"))
    order = crmrules.order(id="SO-warn", amount=Money(Decimal("420000.00"), "CNY"))
    from_files = crmrules.check_order(data / "policy.json", data / "account.json", data / "order_warn.json", AS_OF)
    from_dicts = crmrules.check_order(policy_dict, account_dict(), order, AS_OF)
    from_text = crmrules.check_order(
        (data / "policy.json").read_text(encoding="utf-8"),
        json.dumps(json.loads(crmrules.credit_account(account_dict()).to_json())),
        '{"id": "SO-warn", "amount": {"amount": "420000.00", "currency": "CNY"}}',
        AS_OF,
    )
    for d in (from_dicts, from_text):
        assert d.outcome == from_files.outcome
        assert [(r.code, r.figures) for r in d.reasons] == [(r.code, r.figures) for r in from_files.reasons]
        assert d.explain() == from_files.explain()
    assert crmrules.credit_account(account_dict()).to_json() == account.to_json()
    assert crmrules.policy_set_from_dict(policy_dict).to_json() == policy_set.to_json()
    assert crmrules.policy_set_from_json(json.dumps(policy_dict)).to_json() == policy_set.to_json()


def test_loaded_documents_expose_their_facts(policy_set, account):
    assert policy_set.company == "华东机电"
    assert [v for v, _ in policy_set.versions] == ["2024-v1", "2025-v1"]
    assert (account.account, account.tier, account.segment, account.receivable_count) == ("A-1", "B", "经销商", 1)


@pytest.mark.parametrize("amount", ["0.01", "1.00", "999999999999999999999999999999999.99", "123456.78"])
def test_order_amounts_round_trip_exactly(amount):
    o = crmrules.order(id="SO-1", amount=Money(Decimal(amount), "CNY"))
    assert o.id == "SO-1"
    assert o.amount == (amount, "CNY")


def test_decimal_round_trip_property():
    # Many generated amounts: Decimal -> document -> crm::Decimal -> text -> Decimal is the
    # identity, digits and scale included (never through a binary float).
    import random

    rng = random.Random(16)
    for _ in range(500):
        digits = rng.randint(1, 34)
        coefficient = rng.randrange(10 ** (digits - 1), 10**digits)
        d = Decimal(coefficient).scaleb(-2)
        o = crmrules.order(id="SO", amount=Money(d, "CNY"))
        back = Decimal(o.amount[0])
        assert back == d and str(back) == str(d)


def test_the_type_stubs_are_installed_and_cover_the_api(installed_package):
    import ast

    folder = installed_package.parent
    assert (folder / "py.typed").exists()
    stub = ast.parse((folder / "__init__.pyi").read_text(encoding="utf-8"))
    names = {n.name for n in stub.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    names |= {t.id for n in stub.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
    assert set(crmrules.__all__) - names == set()
    for name in crmrules.__all__:  # docstrings, for IDEs and help()
        assert getattr(crmrules, name).__doc__, name
