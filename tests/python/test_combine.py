"""combine_aging and combine_open_by_account: the partial results of the parts of a table add
up, exactly, to the result of the whole table."""

import datetime
import random
from decimal import Decimal

import pyarrow as pa
import pytest

import crmrules
from crmrules import Money

AS_OF = datetime.date(2025, 3, 31)


def ledger(rows):
    return pa.table(
        {
            "account": pa.array([r[0] for r in rows], pa.string()),
            "due_on": pa.array([r[1] for r in rows], pa.date32()),
            "open_amount": pa.array([r[2] for r in rows], pa.decimal128(38, 2)),
        }
    )


def amounts(report):
    return {b.label: (b.amount.amount, b.items) for b in report.buckets if b.items}


def test_worked_example():
    # Part 1 at 2025-03-31: A-1 due 2025-03-31 (current) 10.00; A-2 due 2025-03-01 (30 days,
    # 1-30) 0.05. Part 2: A-1 due 2025-03-21 (10 days, 1-30) 99.95; A-3 due 2024-03-31 (365
    # days, 181-365) 1,000,000.00.
    # Combined: current 10.00 (1 item); 1-30 0.05 + 99.95 = 100.00 (2 items); 181-365
    # 1,000,000.00 (1 item); total 10.00 + 100.00 + 1,000,000.00 = 1,000,110.00.
    # By account: A-1 10.00 + 99.95 = 109.95; A-2 0.05; A-3 1,000,000.00.
    p1 = ledger([("A-1", datetime.date(2025, 3, 31), Decimal("10.00")), ("A-2", datetime.date(2025, 3, 1), Decimal("0.05"))])
    p2 = ledger([("A-1", datetime.date(2025, 3, 21), Decimal("99.95")), ("A-3", datetime.date(2024, 3, 31), Decimal("1000000.00"))])
    r = crmrules.combine_aging([crmrules.aging_arrow(p, AS_OF, currency="CNY") for p in (p1, p2)])
    assert amounts(r) == {
        "current": (Decimal("10.00"), 1),
        "1-30": (Decimal("100.00"), 2),
        "181-365": (Decimal("1000000.00"), 1),
    }
    assert r.total == Money(Decimal("1000110.00"), "CNY")
    assert r.as_of == AS_OF and r.basis == "days_past_due" and r.currency == "CNY"
    e = crmrules.combine_open_by_account([crmrules.open_by_account_arrow(p, currency="CNY") for p in (p1, p2)])
    assert list(e) == ["A-1", "A-2", "A-3"]
    assert e == {"A-1": Money(Decimal("109.95"), "CNY"), "A-2": Money(Decimal("0.05"), "CNY"), "A-3": Money(Decimal("1000000.00"), "CNY")}


def test_sums_beyond_28_digits_are_not_rounded():
    # The decimal module's default context keeps 28 digits; two amounts of 36 digits each add
    # to 37 digits: 10^35 - 0.01 twice = 2 * 10^35 - 0.02, every digit kept.
    big = Decimal("99999999999999999999999999999999999.99")
    p = ledger([("A-1", datetime.date(2025, 3, 1), big)])
    r = crmrules.combine_aging([crmrules.aging_arrow(p, AS_OF, currency="CNY")] * 2)
    assert r.total.amount == Decimal("199999999999999999999999999999999999.98")
    assert amounts(r)["1-30"] == (Decimal("199999999999999999999999999999999999.98"), 2)
    e = crmrules.combine_open_by_account([crmrules.open_by_account_arrow(p, currency="CNY")] * 2)
    assert e["A-1"].amount == Decimal("199999999999999999999999999999999999.98")


def test_property_any_split_combines_to_the_whole():
    rng = random.Random(16)
    for case in range(60):
        n = rng.randint(1, 300)
        rows = [
            (
                f"A-{rng.randint(1, 12)}",
                AS_OF + datetime.timedelta(days=rng.randint(-800, 60)),
                Decimal(rng.randint(0, 10**9)).scaleb(-2),
            )
            for _ in range(n)
        ]
        cuts = sorted(rng.sample(range(1, n), min(n - 1, rng.randint(0, 6)))) if n > 1 else []
        bounds = [0, *cuts, n]
        parts = [ledger(rows[a:b]) for a, b in zip(bounds, bounds[1:])]
        whole = ledger(rows)
        buckets = None if case % 2 else [("0-30", 0, 30), ("31-90", 31, 90), (">90", 91, None)]
        combined = crmrules.combine_aging([crmrules.aging_arrow(p, AS_OF, currency="CNY", buckets=buckets) for p in parts])
        assert combined == crmrules.aging_arrow(whole, AS_OF, currency="CNY", buckets=buckets), case
        exposure = crmrules.combine_open_by_account([crmrules.open_by_account_arrow(p, currency="CNY") for p in parts])
        expected = crmrules.open_by_account_arrow(whole, currency="CNY")
        assert exposure == expected and list(exposure) == list(expected), case


def test_bad_input():
    p = ledger([("A-1", datetime.date(2025, 3, 1), Decimal("1.00"))])
    r = crmrules.aging_arrow(p, AS_OF, currency="CNY")
    with pytest.raises(crmrules.Error) as e:
        crmrules.combine_aging([])
    assert e.value.field == "reports" and e.value.code == "invalid_argument"
    with pytest.raises(crmrules.Error) as e:
        crmrules.combine_aging([r, crmrules.aging_arrow(p, AS_OF + datetime.timedelta(days=1), currency="CNY")])
    assert e.value.field == "reports[1].as_of"
    with pytest.raises(crmrules.Error) as e:
        crmrules.combine_aging([r, crmrules.aging_arrow(p, AS_OF, currency="CNY", buckets=[("all", 0, None)])])
    assert e.value.field == "reports[1].buckets"
    with pytest.raises(crmrules.Error) as e:
        crmrules.combine_aging([r, crmrules.aging_arrow(p, AS_OF, currency="USD")])
    assert e.value.field == "reports[1].currency"
    with pytest.raises(TypeError, match="reports\\[0\\]"):
        crmrules.combine_aging([r.as_dict()])
    with pytest.raises(crmrules.Error) as e:
        crmrules.combine_open_by_account([{"A-1": Money(Decimal("1.00"), "CNY")}, {"A-7": Money(Decimal("1.00"), "USD")}])
    assert e.value.field == "parts[1]['A-7']" and e.value.code == "currency_mismatch"
    with pytest.raises(TypeError, match="float"):
        crmrules.combine_open_by_account([{"A-1": 1.5}])
