"""Aging from Python: the row API over a ledger document, and the Arrow batch functions, which
must give the same report to the representation."""

import datetime
import random
from decimal import Decimal

import pyarrow as pa

import crmrules
from crmrules import Money

AS_OF = datetime.date(2025, 3, 31)


def amounts(report):
    return {b.label: b.amount.amount for b in report.buckets if b.items}


def test_worked_example_row_api(data):
    # receivables.json at 2025-03-31 (report currency CNY, USD at 7.10):
    #   INV-1 A-1 due 2025-02-14: 45 days past due  -> 31-60   CNY 400,000.00
    #   INV-2 A-1 due 2024-10-31: 151 days          -> 91-180  CNY  50,000.00
    #   INV-3 B-7 due 2025-03-03: 28 days           -> 1-30    USD 1,000.00 x 7.10 = CNY 7,100.00
    #   total 400,000 + 50,000 + 7,100 = 457,100.00
    r = crmrules.aging(data / "receivables.json", AS_OF)
    assert r.as_of == AS_OF and r.currency == "CNY" and r.basis == "days_past_due"
    assert r.total == Money(Decimal("457100.00"), "CNY")
    assert amounts(r) == {"1-30": Decimal("7100.00"), "31-60": Decimal("400000.00"), "91-180": Decimal("50000.00")}
    assert [b.label for b in r] == ["current", "1-30", "31-60", "61-90", "91-180", "181-365", ">365"]
    assert sum(b.amount.amount for b in r) == r.total.amount
    assert r.as_dict()["total"] == Decimal("457100.00")


def test_by_account_and_region(data):
    by_account = crmrules.aging(data / "receivables.json", AS_OF, by="account")
    assert list(by_account) == ["A-1", "B-7"]
    assert by_account["A-1"].total.amount == Decimal("450000.00")  # 400,000 + 50,000
    assert by_account["B-7"].total.amount == Decimal("7100.00")
    by_region = crmrules.aging(data / "receivables.json", AS_OF, by="region")
    assert {k: v.total.amount for k, v in by_region.items()} == {"east": Decimal("450000.00"), "north": Decimal("7100.00")}


def test_custom_buckets_and_invoice_basis(data):
    # Buckets 0-30, 31-90, >90 days past due: 7,100 | 400,000 | 50,000.
    r = crmrules.aging(data / "receivables.json", AS_OF, buckets=[("0-30", 0, 30), ("31-90", 31, 90), (">90", 91, None)])
    assert amounts(r) == {"0-30": Decimal("7100.00"), "31-90": Decimal("400000.00"), ">90": Decimal("50000.00")}
    # Days since invoice: INV-1 2025-01-15 -> 75 (61-90), INV-2 2024-10-01 -> 181 (181-365),
    # INV-3 2025-02-01 -> 58 (31-60).
    r = crmrules.aging(data / "receivables.json", AS_OF, basis="days_since_invoice")
    assert amounts(r) == {"31-60": Decimal("7100.00"), "61-90": Decimal("400000.00"), "181-365": Decimal("50000.00")}
    # The policy set's buckets (policy.json keeps the default schedule).
    assert crmrules.aging(data / "receivables.json", AS_OF, policy_set=data / "policy.json") == crmrules.aging(
        data / "receivables.json", AS_OF
    )


def table(rows, *, chunk=None, dictionary=False, large=False):
    t = pa.table(
        {
            "invoiced_on": pa.array([r["invoiced_on"] for r in rows], pa.date32()),
            "due_on": pa.array([r["due_on"] for r in rows], pa.date32()),
            "open_amount": pa.array([r["open_amount"].amount for r in rows], pa.decimal128(38, 2)),
            "account": pa.array([r["account"] for r in rows], pa.large_string() if large else pa.string()),
        }
    )
    if dictionary:
        t = t.set_column(3, "account", t.column("account").dictionary_encode())
    if chunk:
        t = pa.Table.from_batches(t.to_batches(max_chunksize=chunk), schema=t.schema)
    return t


def test_worked_example_arrow():
    # Three items at 2025-03-31: due 2025-03-31 (age 0, current) CNY 10.00; due 2025-03-01
    # (30 days, 1-30) CNY 0.05; due 2024-03-31 (365 days, 181-365) CNY 1,000,000.00.
    t = pa.table(
        {
            "due_on": pa.array([datetime.date(2025, 3, 31), datetime.date(2025, 3, 1), datetime.date(2024, 3, 31)], pa.date32()),
            "open_amount": pa.array([Decimal("10.00"), Decimal("0.05"), Decimal("1000000.00")], pa.decimal128(38, 2)),
        }
    )
    r = crmrules.aging_arrow(t, AS_OF, currency="CNY")
    assert amounts(r) == {"current": Decimal("10.00"), "1-30": Decimal("0.05"), "181-365": Decimal("1000000.00")}
    assert r.total == Money(Decimal("1000010.05"), "CNY")
    assert [b.items for b in r] == [1, 1, 0, 0, 0, 1, 0]


def generated(rng, n):
    rows = []
    for i in range(n):
        due = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randint(0, 900))
        rows.append(
            {
                "invoice": f"INV-{i}",
                "account": rng.choice(["A-1", "B-2", "C-3", "客户-4"]),
                "invoiced_on": due - datetime.timedelta(days=rng.randint(0, 120)),
                "due_on": due,
                "open_amount": Money(Decimal(rng.randint(0, 10**12)).scaleb(-2), "CNY"),
            }
        )
    return rows


def test_property_arrow_equals_the_row_api():
    # Many generated ledgers, every Arrow layout (one batch, many batches, a slice, dictionary
    # and large strings) and thread count: the same report as the row API over the same items.
    rng = random.Random(2026)
    for case in range(120):
        rows = generated(rng, rng.randint(0, 60))
        as_of = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 700))
        basis = rng.choice(["days_past_due", "days_since_invoice"])
        ledger = {"currency": "CNY", "receivables": rows}
        expected = crmrules.aging(ledger, as_of, basis=basis)
        layout = dict(chunk=rng.choice([None, 1, 7]), dictionary=rng.random() < 0.5, large=rng.random() < 0.3)
        t = table(rows, **layout)
        got = crmrules.aging_arrow(t, as_of, currency="CNY", basis=basis, threads=rng.choice([1, 2, 0]))
        assert got == expected, (case, layout)
        by_account = crmrules.aging(ledger, as_of, by="account")
        assert crmrules.open_by_account_arrow(t, currency="CNY") == {k: v.total for k, v in by_account.items()}, case
        if len(rows) > 2:  # a slice starts at an offset inside the producer's buffers
            k = rng.randint(1, len(rows) - 1)
            assert crmrules.aging_arrow(t.slice(k), as_of, currency="CNY", basis=basis) == crmrules.aging(
                {"currency": "CNY", "receivables": rows[k:]}, as_of, basis=basis
            ), case


def test_record_batches_and_any_pycapsule_producer():
    rows = generated(random.Random(5), 40)
    t = table(rows)
    expected = crmrules.aging_arrow(t, AS_OF, currency="CNY")

    class StreamOnly:  # a producer that only speaks the PyCapsule stream protocol
        def __init__(self, t):
            self._t = t

        def __arrow_c_stream__(self, requested_schema=None):
            return self._t.__arrow_c_stream__(requested_schema)

    class ArrayOnly:
        def __init__(self, b):
            self._b = b

        def __arrow_c_array__(self, requested_schema=None):
            return self._b.__arrow_c_array__(requested_schema)

    assert crmrules.aging_arrow(StreamOnly(t), AS_OF, currency="CNY") == expected
    assert crmrules.aging_arrow(ArrayOnly(t.combine_chunks().to_batches()[0]), AS_OF, currency="CNY") == expected
    assert crmrules.aging_arrow(pa.RecordBatchReader.from_batches(t.schema, t.to_batches()), AS_OF, currency="CNY") == expected


def test_empty_table_and_renamed_columns():
    t = pa.table({"Due": pa.array([], pa.date32()), "Open": pa.array([], pa.decimal128(38, 2))})
    r = crmrules.aging_arrow(t, AS_OF, currency="CNY", columns={"due_on": "Due", "open_amount": "Open"})
    assert r.total == Money(Decimal("0.00"), "CNY") and all(b.items == 0 for b in r)
    # A JPY column has scale 0: 1,000 yen.
    t = pa.table({"due_on": pa.array([AS_OF], pa.date32()), "open_amount": pa.array([Decimal("1000")], pa.decimal128(38, 0))})
    assert crmrules.aging_arrow(t, AS_OF, currency="JPY").total == Money(Decimal("1000"), "JPY")


def test_a_slice_with_nulls_outside_it_is_read_from_the_right_bits():
    # Nulls at rows 0-2 and 8 of the table; the slice of rows 3-7 has none and ages normally
    # (5 items of CNY 2.00, due 2025-03-01: 30 days at 2025-03-31, bucket 1-30).
    amounts_ = [None] * 3 + [Decimal("2.00")] * 5 + [None]
    t = pa.table({"due_on": pa.array([datetime.date(2025, 3, 1)] * 9, pa.date32()),
                  "open_amount": pa.array(amounts_, pa.decimal128(38, 2))}).slice(3, 5)
    r = crmrules.aging_arrow(t, AS_OF, currency="CNY")
    assert amounts(r) == {"1-30": Decimal("10.00")} and r.total.amount == Decimal("10.00")


def test_the_gil_is_released_while_the_kernel_runs():
    # A second Python thread spins, counting, whenever it holds the GIL. With a long switch
    # interval it gets the GIL from the main thread only when the main thread lets it go: the
    # count read just before and just after the call differs only if the call released the GIL
    # (a call that held it throughout would leave the count unchanged).
    import sys
    import threading

    n = 100_000  # 40 batches sharing one set of buffers: 4M rows, tens of milliseconds of kernel time
    batch = pa.record_batch({"due_on": pa.array([datetime.date(2024, 1, 1)] * n, pa.date32()),
                             "open_amount": pa.array([Decimal("1.00")] * n, pa.decimal128(38, 2))})
    t = pa.Table.from_batches([batch] * 40)
    started = threading.Event()
    done = []
    count = [0]

    def spin():
        started.set()
        while not done:
            count[0] += 1

    old = sys.getswitchinterval()
    sys.setswitchinterval(0.5)
    try:
        th = threading.Thread(target=spin)
        th.start()
        started.wait()
        before = count[0]
        report = crmrules.aging_arrow(t, AS_OF, currency="CNY")
        after = count[0]
        done.append(True)
        th.join()
    finally:
        sys.setswitchinterval(old)
    assert after > before
    assert report.total.amount == Decimal("4000000.00")  # 40 x 100,000 x CNY 1.00


def test_open_by_account_as_an_arrow_record_batch():
    # 10.00 + 0.50 = 10.50; 客户-2: 1,000,000.00; B-3: 0.00 (an item of zero still counts).
    t = pa.table({
        "due_on": pa.array([AS_OF] * 4, pa.date32()),
        "open_amount": pa.array([Decimal("10.00"), Decimal("1000000.00"), Decimal("0.50"), Decimal("0.00")],
                                pa.decimal128(38, 2)),
        "account": pa.array(["A-1", "客户-2", "A-1", "B-3"]).dictionary_encode(),
    })
    result = crmrules.open_by_account_arrow(t, currency="CNY", as_arrow=True)
    assert len(result) == 3
    batch = pa.record_batch(result)
    assert batch.schema == pa.schema([pa.field("account", pa.string(), nullable=False),
                                      pa.field("open_amount", pa.decimal128(38, 2), nullable=False)])
    assert batch.to_pylist() == [
        {"account": "A-1", "open_amount": Decimal("10.50")},
        {"account": "B-3", "open_amount": Decimal("0.00")},
        {"account": "客户-2", "open_amount": Decimal("1000000.00")},
    ]
    # The same figures as the dict form, and a JPY result at scale 0.
    as_dict = crmrules.open_by_account_arrow(t, currency="CNY")
    assert {r["account"]: Money(r["open_amount"], "CNY") for r in batch.to_pylist()} == as_dict
    jpy = pa.table({"due_on": pa.array([AS_OF], pa.date32()), "open_amount": pa.array([Decimal("5")], pa.decimal128(38, 0)),
                    "account": ["J"]})
    assert pa.record_batch(crmrules.open_by_account_arrow(jpy, currency="JPY", as_arrow=True)).column(1).type == pa.decimal128(38, 0)
    # Exported twice, released in any order: each export owns its structs.
    first, second = result.__arrow_c_array__(), result.__arrow_c_array__()
    del first
    assert pa.RecordBatch._import_from_c_capsule(*second).num_rows == 3


def test_property_arrow_exposure_round_trips():
    rng = random.Random(77)
    for _ in range(50):
        rows = generated(rng, rng.randint(0, 40))
        t = table(rows, chunk=rng.choice([None, 5]))
        expected = crmrules.open_by_account_arrow(t, currency="CNY")
        got = pa.record_batch(crmrules.open_by_account_arrow(t, currency="CNY", as_arrow=True)).to_pylist()
        assert {r["account"]: Money(r["open_amount"], "CNY") for r in got} == expected
        assert [r["account"] for r in got] == sorted(expected)


def test_prepayment_request_is_an_item():
    # A due date before the invoice date is a prepayment request (the money is asked for before
    # the invoice is issued), aged like any item, not an error. Invoiced 2025-02-01, due
    # 2025-01-15, CNY 500.00, at 2025-03-31: 75 days past due (61-90); days since invoice from
    # the earlier of the two dates, 2025-01-15: 75 days too (61-90), not the invoice's 58 (31-60).
    t = pa.table(
        {
            "invoiced_on": pa.array([datetime.date(2025, 2, 1)], pa.date32()),
            "due_on": pa.array([datetime.date(2025, 1, 15)], pa.date32()),
            "open_amount": pa.array([Decimal("500.00")], pa.decimal128(38, 2)),
        }
    )
    for basis in ("days_past_due", "days_since_invoice"):
        r = crmrules.aging_arrow(t, AS_OF, currency="CNY", basis=basis)
        assert amounts(r) == {"61-90": Decimal("500.00")}, basis
