"""score and sla_status from Python: the request documents of the command line
(tests/cli/data), exact types out (Decimal scores, Percent weights, datetime clocks), bad input
as crmrules.Error naming the JSON Pointer."""

import datetime
import json
from decimal import Decimal

import pytest

import crmrules
from crmrules import Percent


@pytest.fixture(scope="module")
def scoring(data):
    return crmrules.load_policy_set(data / "policy_scoring.json")


def test_the_account_grading_card(scoring, data):
    # policy_scoring.json, 客户分级 2024: ACC-1 revenue 2,500,000 -> 25.00 x 40% = 10; turnover
    # 75 days -> 50.00 x 30% = 15; 3 years -> 80.00 x 10% = 8; fit "key" -> 70.00 x 20% = 14:
    # 47.0000, grade C.
    doc = crmrules.score(scoring, data / "score_accounts.json")
    acc1 = next(s for s in doc["subjects"] if s["id"] == "ACC-1")
    assert acc1["total"] == Decimal("47.0000") and acc1["grade"] == "C"
    revenue = acc1["criteria"][0]
    assert revenue["score"] == Decimal("25.00") and revenue["weight"] == Percent(Decimal("40"))
    assert revenue["contribution"] == Decimal("10.0000") and revenue["raw"] == "2500000"
    # ACC-2 80.9990 is first; ACC-1 and ACC-3 tie at 47.0000 and share rank 2.
    assert {s["id"]: s["rank"] for s in doc["subjects"]} == {"ACC-2": 1, "ACC-1": 2, "ACC-3": 2}
    assert all(isinstance(s["total"], Decimal) for s in doc["subjects"])


def test_a_dict_request_with_decimal_facts(scoring):
    request = {"as_of": datetime.date(2024, 12, 31), "scorecard": "客户分级 2024",
               "subjects": [{"id": "X", "facts": {"revenue": Decimal("2500000"), "turnover_days": Decimal("75"),
                                                  "years": Decimal("3"), "fit": "key"}}]}
    doc = crmrules.score(scoring, request)
    assert doc["subjects"][0]["total"] == Decimal("47.0000")


def test_the_at_risk_complaint(scoring, data):
    # Received Monday 2024-06-03 10:00, high, tier A: respond by 12:00; at 11:45, 105 of the
    # 120 business minutes are used (87.5% >= 80%): at risk.
    doc = crmrules.sla_status(scoring, data / "sla_complaints.json", lang="en")
    c1 = doc["complaints"][0]
    assert c1["complaint"]["id"] == "C-1" and c1["state"] == "at_risk"
    assert c1["response"]["deadline"] == datetime.datetime(2024, 6, 3, 12, 0)
    assert (c1["response"]["elapsed"], c1["response"]["allowed"]) == (105, 120)
    assert c1["response"]["done"] is None
    assert doc["as_of"] == datetime.datetime(2024, 6, 3, 11, 45)


def test_bad_input_names_the_pointer(scoring, data):
    request = json.loads((data / "score_accounts.json").read_text("utf-8"))
    request["subjects"][0]["facts"]["revenue"] = "lots"
    with pytest.raises(crmrules.Error) as e:
        crmrules.score(scoring, json.dumps(request, ensure_ascii=False))
    assert e.value.field == "/subjects/0/facts/revenue"
    sla = json.loads((data / "sla_complaints.json").read_text("utf-8"))
    sla["complaints"][0]["tier"] = "Z"
    with pytest.raises(crmrules.Error) as e:
        crmrules.sla_status(scoring, sla)
    assert (e.value.code, e.value.field) == ("not_found", "/complaints/0/tier")
    request["subjects"][0]["facts"]["revenue"] = 2.5e6
    with pytest.raises(TypeError):
        crmrules.score(scoring, request)


def test_replay_counts_what_the_change_moves(data):
    # Old: 10% over the limit needs approval; new: no tolerance, orders of CNY 600,000.00 or more
    # need the regional manager. SO-1 (1,050,000 of 1,000,000) goes from needs approval to block.
    old = crmrules.load_policy_set(data / "replay_old.json")
    new = crmrules.load_policy_set(data / "replay_new.json")
    doc = crmrules.replay(old, new, data / "replay_history.json", threads=2, lang="en")
    assert doc["total"]["newly_blocked"] == {"orders": 1, "amount": crmrules.Money(Decimal("650000.00"), "CNY")}
    assert doc["total"]["approval_tighter"]["orders"] == 2
    assert [c["order"] for c in doc["cases"]] == ["SO-1", "SO-3"]
    history = json.loads((data / "replay_history.json").read_text("utf-8"))
    history["orders"][1]["account"]["tier"] = "Z"
    with pytest.raises(crmrules.Error) as e:
        crmrules.replay(old, new, history)
    assert (e.value.code, e.value.field) == ("not_found", "/orders/1/account/tier")


def test_replay_reprices_the_lines_and_reruns_the_pool(data):
    # SO-4's 10 x P1 (list 100.00, floor 85.00): 900.00 under 10% off, 800.00 under 20% and refused.
    # Pool run on 2025-03-01: K1 (B, 40 days without a follow-up) kept under 45 days; K2 (C, 71 days
    # without a deal) released under 60.
    old = crmrules.load_policy_set(data / "replay_priced_old.json")
    new = crmrules.load_policy_set(data / "replay_priced_new.json")
    doc = crmrules.replay(old, new, data / "replay_history_priced.json", lang="en")
    so4 = next(c for c in doc["cases"] if c["order"] == "SO-4")
    assert so4["price"] == "tighter"
    assert so4["price_reason"] == "pricing.below_floor"
    assert so4["before"]["net_total"] == crmrules.Money(Decimal("900.00"), "CNY")
    assert so4["after"]["net_total"] == crmrules.Money(Decimal("800.00"), "CNY")
    assert doc["total"]["priced_lower"] == {"orders": 1, "amount": crmrules.Money(Decimal("100.00"), "CNY")}
    assert (doc["pool"]["tighter"], doc["pool"]["looser"]) == (1, 1)
    assert [(c["account"], c["shift"]) for c in doc["pool_cases"]] == [("K1", "looser"), ("K2", "tighter")]


# ---- score_arrow: the scoring kernel over an Arrow table --------------------------------------

pa = pytest.importorskip("pyarrow")

AS_OF = datetime.date(2024, 12, 31)
CARD = "客户分级 2024"


def facts_table(rows, fit_type=None):
    """rows: (revenue, turnover_days, years, fit) with None for a missing fact."""
    return pa.table({
        "revenue": pa.array([r[0] for r in rows], pa.decimal128(38, 2)),
        "turnover_days": pa.array([r[1] for r in rows], pa.int64()),
        "years": pa.array([r[2] for r in rows], pa.decimal128(38, 1)),
        "fit": pa.array([r[3] for r in rows], fit_type or pa.string()),
    })


def test_score_arrow_worked_example(scoring):
    # ACC-1 of policy_scoring.json: revenue 2,500,000 -> 25.00 x 40% = 10; turnover 75 days ->
    # 50.00 x 30% = 15; 3 years -> 80.00 x 10% = 8; fit "key" -> 70.00 x 20% = 14: 47.0000, C.
    # Years missing (score_zero): 10 + 15 + 0 + 14 = 39.0000, C. Fit "other" takes otherwise
    # (40 x 20% = 8): 10 + 15 + 8 + 8 = 41.0000, C.
    rows = [(Decimal("2500000"), 75, Decimal("3"), "key"), (Decimal("2500000"), 75, None, "key"),
            (Decimal("2500000"), 75, Decimal("3"), "other")]
    got = crmrules.score_arrow(scoring, facts_table(rows), CARD, as_of=AS_OF)
    assert got == [(Decimal("47.0000"), "C"), (Decimal("39.0000"), "C"), (Decimal("41.0000"), "C")]
    assert all(isinstance(t, Decimal) for t, _ in got)
    # The same labels dictionary-encoded, and the table as a stream of two batches.
    encoded = facts_table(rows, pa.dictionary(pa.int32(), pa.string()))
    assert crmrules.score_arrow(scoring, encoded, CARD, as_of=AS_OF) == got
    two = pa.Table.from_batches(facts_table(rows).to_batches(max_chunksize=2))
    assert crmrules.score_arrow(scoring, two, CARD, as_of=AS_OF, threads=2) == got


def test_score_arrow_equals_score_on_generated_facts(scoring):
    import random
    rng = random.Random(20261204)
    rows = []
    for _ in range(600):
        rows.append((Decimal(rng.randrange(0, 1_500_000_000)) / 100, rng.randrange(0, 200),
                     None if rng.random() < 0.1 else Decimal(rng.randrange(0, 100)) / 10,
                     rng.choice(["strategic", "key", "normal"])))
    got = crmrules.score_arrow(scoring, facts_table(rows), CARD, as_of=AS_OF, threads=0)
    subjects = []
    for i, (revenue, days, years, fit) in enumerate(rows):
        facts = {"revenue": revenue, "turnover_days": Decimal(days), "fit": fit}
        if years is not None:
            facts["years"] = years
        subjects.append({"id": f"S{i}", "facts": facts})
    doc = crmrules.score(scoring, {"as_of": AS_OF, "scorecard": CARD, "subjects": subjects})
    assert got == [(s["total"], s["grade"]) for s in doc["subjects"]]


def test_score_arrow_bad_input(scoring):
    good = [(Decimal("1"), 75, Decimal("3"), "key")] * 3
    cases = [
        # a float column: binary floating point cannot carry the facts exactly
        (pa.table({"revenue": [1.5], "turnover_days": [1], "years": [1], "fit": ["key"]}), "revenue", "floating"),
        # a missing column names the criterion's id
        (pa.table({"revenue": pa.array([Decimal("1")]), "turnover_days": [1], "years": [1]}), "fit", "no column"),
        # a null where the criterion requires the fact (turnover_days: MissingData::error)
        (facts_table([good[0], (Decimal("1"), None, Decimal("3"), "key")]), "turnover_days[1]", "null"),
        # a lookup's column of numbers, not labels
        (pa.table({"revenue": [1], "turnover_days": [1], "years": [1], "fit": [3]}), "fit", "string"),
    ]
    for table, field, words in cases:
        with pytest.raises(crmrules.Error) as e:
            crmrules.score_arrow(scoring, table, CARD, as_of=AS_OF)
        assert e.value.field == field, (field, e.value)
        assert words in str(e.value), (words, str(e.value))
    # The row counts from the table's start across batches: a null turnover in the first row
    # of the second batch (batches of 2) is row 2 of the table.
    rows = good[:2] + [(Decimal("1"), None, Decimal("3"), "key")]
    two = pa.Table.from_batches(facts_table(rows).to_batches(max_chunksize=2))
    with pytest.raises(crmrules.Error) as e:
        crmrules.score_arrow(scoring, two, CARD, as_of=AS_OF)
    assert e.value.field == "turnover_days[2]"
    with pytest.raises(crmrules.Error) as e:
        crmrules.score_arrow(scoring, facts_table(good), "no such card", as_of=AS_OF)
    assert (e.value.code, e.value.field) == ("not_found", "/scorecard")
    with pytest.raises(crmrules.Error) as e:
        crmrules.score_arrow(scoring, facts_table(good), CARD, kpi=True, as_of=AS_OF)
    assert e.value.field == "scorecard"
    with pytest.raises(TypeError):
        crmrules.score_arrow(scoring, facts_table(good), CARD, as_of=AS_OF, threads=1.5)
