"""Benchmark: crmrules from Python. Prints figures; asserts only that the answers agree.

1. Aging of N receivables (default 1,000,000) at an as-of date with the default past-due
   buckets: through Arrow (crmrules.aging_arrow: the C++ columnar kernel on the table's
   buffers, GIL released) against the same rules written as a Python plugin author would,
   with decimal.Decimal, in this script.
2. One credit check (crmrules.check_order) of one order of an account with 50 open items,
   per call, in microseconds: with the documents read once, and with the order read from a
   dict on every call.

    python bench/python/aging_bench.py [--rows 1000000] [--threads 1] [--peer plugin.py]

`--peer FILE` also times the aging of an existing plugin module in the same run: FILE must
define `aging(items, as_of)` over a list of `(due_date, Decimal)` pairs (the shape ERP plugin
code usually has), returning the bucket sums; its sums are checked against crmrules'.

On a shared or loaded machine the figures say little; run it on a quiet one.
"""

import argparse
import datetime
import importlib.util
import random
import time
from decimal import Decimal

import pyarrow as pa

import crmrules
from crmrules import Money

# The default past-due buckets of crmrules: current, 1-30, 31-60, 61-90, 91-180, 181-365, >365.
BUCKETS = [("current", 0, 0), ("1-30", 1, 30), ("31-60", 31, 60), ("61-90", 61, 90), ("91-180", 91, 180),
           ("181-365", 181, 365), (">365", 366, None)]


def python_aging(due_dates, amounts, as_of):
    """Aging as plain Python: days past due (0 on or before the due date), the bucket whose
    range holds them, exact Decimal sums per bucket and in total."""
    uppers = [b[2] for b in BUCKETS[:-1]]
    sums = [Decimal("0.00") for _ in BUCKETS]
    counts = [0] * len(BUCKETS)
    for due, amount in zip(due_dates, amounts):
        if amount < 0:
            raise ValueError("a negative open amount")
        days = (as_of - due).days
        if days < 0:
            days = 0
        i = 0
        for upper in uppers:
            if days > upper:
                i += 1
            else:
                break
        sums[i] += amount
        counts[i] += 1
    return sum(sums, Decimal("0.00")), sums, counts


def timed(f, repeat=3):
    best = None
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = f()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def load_peer(path):
    spec = importlib.util.spec_from_file_location("crm_peer_plugin", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def aging_bench(rows, threads, peer=None):
    rng = random.Random(1)
    as_of = datetime.date(2025, 6, 30)
    base = datetime.date(2023, 1, 1)
    due = [base + datetime.timedelta(days=rng.randint(0, 900)) for _ in range(rows)]
    amounts = [Decimal(rng.randint(0, 10**9)).scaleb(-2) for _ in range(rows)]
    table = pa.table({"due_on": pa.array(due, pa.date32()), "open_amount": pa.array(amounts, pa.decimal128(38, 2))})

    t_arrow, report = timed(lambda: crmrules.aging_arrow(table, as_of, currency="CNY", threads=threads))
    t_python, (total, sums, counts) = timed(lambda: python_aging(due, amounts, as_of), repeat=1)
    assert report.total.amount == total
    assert [b.amount.amount for b in report] == sums and [b.items for b in report] == counts
    print(f"aging of {rows:,} receivables (threads={threads})")
    print(f"  crmrules.aging_arrow : {t_arrow * 1e3:10.1f} ms")
    print(f"  Python with decimal  : {t_python * 1e3:10.1f} ms")
    print(f"  ratio                : {t_python / t_arrow:10.1f} x")
    if peer is not None:
        items = list(zip(due, amounts))
        t_peer, peer_sums = timed(lambda: peer.aging(items, as_of), repeat=1)
        assert sum(peer_sums, Decimal(0)) == total, "the peer's bucket sums disagree with crmrules"
        print(f"  peer plugin aging    : {t_peer * 1e3:10.1f} ms ({peer.__file__})")
        print(f"  ratio to the peer    : {t_peer / t_arrow:10.1f} x")


def check_bench(calls):
    rng = random.Random(2)
    items = []
    for i in range(50):
        due = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randint(0, 150))
        items.append({"invoice": f"INV-{i}", "account": "A-1", "invoiced_on": due - datetime.timedelta(days=30),
                      "due_on": due, "open_amount": Money(Decimal(rng.randint(1, 10**7)).scaleb(-2), "CNY")})
    policy = crmrules.policy_set_from_dict({"versions": [{"id": "v1", "effective_from": datetime.date(2024, 1, 1),
                                                          "credit": {"policies": [{"tier": "A"}]}}]})
    account = crmrules.credit_account({"profile": {"account": "A-1", "limit": Money(Decimal("100000000.00"), "CNY")},
                                       "tier": "A", "receivables": items})
    order_doc = {"id": "SO-1", "amount": Money(Decimal("12345.67"), "CNY")}
    order = crmrules.order(order_doc)
    as_of = datetime.date(2025, 3, 1)

    def loop(make_order):
        start = time.perf_counter()
        for _ in range(calls):
            crmrules.check_order(policy, account, make_order(), as_of)
        return (time.perf_counter() - start) / calls

    once = min(loop(lambda: order) for _ in range(3))
    each = min(loop(lambda: order_doc) for _ in range(3))
    d = crmrules.check_order(policy, account, order, as_of)
    print(f"check_order, 50 open items ({d.outcome.value}), {calls:,} calls")
    print(f"  documents read once         : {once * 1e6:8.1f} us per call")
    print(f"  order read from a dict each : {each * 1e6:8.1f} us per call")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--calls", type=int, default=20_000)
    p.add_argument("--peer", help="a plugin module with aging(items, as_of) to time in the same run")
    a = p.parse_args()
    aging_bench(a.rows, a.threads, load_peer(a.peer) if a.peer else None)
    check_bench(a.calls)


if __name__ == "__main__":
    main()
