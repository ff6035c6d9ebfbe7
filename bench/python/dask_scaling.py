"""Benchmark: the scaling of crmrules aging on Dask. Prints figures; asserts only that the
answers agree.

N generated receivables (default 4,000,000) in P partitions (default 16) are made on the
workers of a distributed.LocalCluster (worker processes, one thread each) and kept in their
memory; then each partition is aged by crmrules.aging_arrow (map_partitions) and its exposure
by account summed by crmrules.open_by_account_arrow, and the partial results are combined
exactly (crmrules.combine_aging, combine_open_by_account). Timed: the map_partitions
computations and the combine, best of --repeat, first with 1 worker, then with 2. The goal on
2 cores is a ratio of at least 1.6.

    python bench/python/dask_scaling.py [--rows 4000000] [--partitions 16] [--repeat 3]

Needs dask[dataframe], distributed, numpy and pyarrow (PyPI). On a shared or loaded machine
the figures say little; run it on a quiet one.
"""

import argparse
import datetime
import time

import dask.dataframe as dd
import distributed
import numpy as np
import pandas as pd
import pyarrow as pa

import crmrules
from crmrules import AgingBucket, AgingReport, Money

AS_OF = datetime.date(2025, 3, 31)
ACCOUNTS = 2000
AGING_SCHEMA = pa.schema(
    [
        ("partition", pa.int64()),
        ("label", pa.string()),
        ("from_days", pa.int64()),
        ("to_days", pa.int64()),
        ("amount", pa.decimal128(38, 2)),
        ("items", pa.int64()),
        ("total", pa.decimal128(38, 2)),
    ]
)
EXPOSURE_SCHEMA = pa.schema([("partition", pa.int64()), ("account", pa.string()), ("open_amount", pa.decimal128(38, 2))])


def receivables(rows, seed):
    """account (string), due_on (date32), open_amount (decimal128(38, 2)): whole cents drawn as
    integers and laid into the decimal128 buffer as they are, no float involved."""
    rng = np.random.default_rng(seed)
    words = np.zeros((rows, 2), dtype=np.int64)
    words[:, 0] = rng.integers(0, 5_000_000_00, rows, dtype=np.int64)
    amount = pa.Array.from_buffers(pa.decimal128(38, 2), rows, [None, pa.py_buffer(words.tobytes())])
    serial = (AS_OF - datetime.date(1970, 1, 1)).days
    due = pa.array(serial + rng.integers(-900, 90, rows, dtype=np.int32), pa.int32()).view(pa.date32())
    names = pa.array([f"KA-{i:05d}" for i in range(ACCOUNTS)], pa.string())
    account = names.take(pa.array(rng.integers(0, ACCOUNTS, rows, dtype=np.int32)))
    return pa.table({"account": account, "due_on": due, "open_amount": amount})


def frame(table):
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def make_partition(spec):
    number, rows = spec
    return frame(receivables(rows, seed=4000 + number))


def aging_partition(df, partition_info=None):
    report = crmrules.aging_arrow(pa.Table.from_pandas(df, preserve_index=False), AS_OF, currency="CNY")
    n = partition_info["number"] if partition_info else -1
    rows = [
        {"partition": n, "label": b.label, "from_days": b.from_days, "to_days": b.to_days,
         "amount": b.amount.amount, "items": b.items, "total": report.total.amount}
        for b in report.buckets
    ]
    return frame(pa.Table.from_pylist(rows, schema=AGING_SCHEMA))


def exposure_partition(df, partition_info=None):
    batch = pa.record_batch(
        crmrules.open_by_account_arrow(pa.Table.from_pandas(df, preserve_index=False), currency="CNY", as_arrow=True)
    )
    n = partition_info["number"] if partition_info else -1
    t = pa.Table.from_batches([batch]).add_column(0, "partition", pa.array([n] * batch.num_rows, pa.int64()))
    return frame(t.cast(EXPOSURE_SCHEMA))


def combine(aging_rows, exposure_rows):
    parts = {}
    for r in pa.Table.from_pandas(aging_rows, preserve_index=False).to_pylist():
        parts.setdefault(r["partition"], []).append(r)
    reports = [
        AgingReport(AS_OF, "days_past_due", "CNY", Money(p[0]["total"], "CNY"),
                    tuple(AgingBucket(r["label"], r["from_days"], r["to_days"], Money(r["amount"], "CNY"), r["items"]) for r in p))
        for _, p in sorted(parts.items())
    ]
    exposures = {}
    for r in pa.Table.from_pandas(exposure_rows, preserve_index=False).to_pylist():
        exposures.setdefault(r["partition"], {})[r["account"]] = Money(r["open_amount"], "CNY")
    return crmrules.combine_aging(reports), crmrules.combine_open_by_account([exposures[k] for k in sorted(exposures)])


def run(workers, specs, repeat):
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            distributed.Client(cluster):
        meta = frame(receivables(0, seed=0))
        ddf = dd.from_map(make_partition, specs, meta=meta).persist()
        distributed.wait(ddf)
        aging_meta, exposure_meta = frame(AGING_SCHEMA.empty_table()), frame(EXPOSURE_SCHEMA.empty_table())
        # One run unmeasured: the workers import and warm up.
        answer = combine(ddf.map_partitions(aging_partition, meta=aging_meta).compute(),
                         ddf.map_partitions(exposure_partition, meta=exposure_meta).compute())
        best_aging = best_both = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            aging_rows = ddf.map_partitions(aging_partition, meta=aging_meta).compute()
            t1 = time.perf_counter()
            exposure_rows = ddf.map_partitions(exposure_partition, meta=exposure_meta).compute()
            again = combine(aging_rows, exposure_rows)
            t2 = time.perf_counter()
            assert again == answer
            best_aging = min(best_aging, t1 - t0)
            best_both = min(best_both, t2 - t0)
    return answer, best_aging, best_both


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=4_000_000)
    p.add_argument("--partitions", type=int, default=16)
    p.add_argument("--repeat", type=int, default=3)
    a = p.parse_args()
    base, extra = divmod(a.rows, a.partitions)
    specs = [(n, base + (1 if n < extra else 0)) for n in range(a.partitions)]

    whole = pa.concat_tables([receivables(rows, seed=4000 + n) for n, rows in specs])
    t0 = time.perf_counter()
    expected = (crmrules.aging_arrow(whole, AS_OF, currency="CNY"), crmrules.open_by_account_arrow(whole, currency="CNY"))
    single = time.perf_counter() - t0
    del whole

    print(f"{a.rows} receivables in {a.partitions} partitions; best of {a.repeat}")
    print(f"  one process, no Dask (aging + exposure): {single * 1e3:9.1f} ms")
    results = {}
    for workers in (1, 2):
        answer, aging_s, both_s = run(workers, specs, a.repeat)
        assert answer == expected, f"{workers} worker(s): the combined answer differs from the single-process one"
        results[workers] = (aging_s, both_s)
        print(f"  {workers} worker process(es): aging {aging_s * 1e3:9.1f} ms, aging + exposure + combine {both_s * 1e3:9.1f} ms")
    print(f"  ratio 1 -> 2 workers: aging {results[1][0] / results[2][0]:.2f}x, "
          f"aging + exposure + combine {results[1][1] / results[2][1]:.2f}x (goal >= 1.6x on 2 cores)")
    print("  answers agree: combined == single-process (aging report and exposure by account)")


if __name__ == "__main__":
    main()
