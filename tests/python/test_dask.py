"""Scale-out on Dask: a distributed.LocalCluster of 2 worker processes ages a partitioned table
of receivables and sums its exposure by account with map_partitions, crmrules computing each
partition, and the exact combine of the partial results is the single-process answer on the
whole table. Amounts stay decimal128 / Decimal the whole way (pandas columns of
pd.ArrowDtype(pa.decimal128(38, 2)), never float64). The Dask recipe of docs/python.md runs
on the same cluster and must give the same report."""

import datetime
import pathlib
import re
import sys
import time

import cloudpickle
import dask.dataframe as dd
import distributed
import numpy as np
import pandas as pd
import pyarrow as pa

import crmrules
from crmrules import AgingBucket, AgingReport, Money

AS_OF = datetime.date(2025, 3, 31)
ROWS = 200_000
PARTITIONS = 8
ACCOUNTS = 300

# The partition functions below run in the worker processes; they travel by value, so the
# workers need not import this test module.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def receivables(rows, seed):
    """A generated ledger: account (string), due_on (date32), open_amount (decimal128(38, 2)).
    The amounts are whole cents drawn as integers and laid into the decimal128 buffer as they
    are (little-endian 128-bit integers), so no float is involved."""
    rng = np.random.default_rng(seed)
    cents = rng.integers(0, 5_000_000_00, rows, dtype=np.int64)
    words = np.zeros((rows, 2), dtype=np.int64)
    words[:, 0] = cents  # non-negative: the high word is 0
    amount = pa.Array.from_buffers(pa.decimal128(38, 2), rows, [None, pa.py_buffer(words.tobytes())])
    as_of_serial = (AS_OF - datetime.date(1970, 1, 1)).days
    due = pa.array(as_of_serial + rng.integers(-900, 90, rows, dtype=np.int32), pa.int32()).view(pa.date32())
    names = pa.array([f"KA-{i:04d}" for i in range(ACCOUNTS)], pa.string())
    account = names.take(pa.array(rng.integers(0, ACCOUNTS, rows, dtype=np.int32)))
    return pa.table({"account": account, "due_on": due, "open_amount": amount})


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


def frame(table):
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def partition(number):
    """Partition ``number`` of the ledger, generated where it is loaded (on a worker)."""
    return frame(receivables(ROWS // PARTITIONS, seed=1600 + number))


def aging_partition(df, partition_info=None):
    """One partition's aging as rows of a small frame, one row per bucket."""
    report = crmrules.aging_arrow(pa.Table.from_pandas(df, preserve_index=False), AS_OF, currency="CNY")
    number = partition_info["number"] if partition_info else -1
    rows = [
        {
            "partition": number,
            "label": b.label,
            "from_days": b.from_days,
            "to_days": b.to_days,
            "amount": b.amount.amount,
            "items": b.items,
            "total": report.total.amount,
        }
        for b in report.buckets
    ]
    return frame(pa.Table.from_pylist(rows, schema=AGING_SCHEMA))


def exposure_partition(df, partition_info=None):
    """One partition's open amount by account, as the kernel's Arrow record batch."""
    batch = pa.record_batch(
        crmrules.open_by_account_arrow(pa.Table.from_pandas(df, preserve_index=False), currency="CNY", as_arrow=True)
    )
    number = partition_info["number"] if partition_info else -1
    t = pa.Table.from_batches([batch]).add_column(0, "partition", pa.array([number] * batch.num_rows, pa.int64()))
    return frame(t.cast(EXPOSURE_SCHEMA))


def reports_of(rows):
    """The AgingReport of each partition back from the computed rows (Decimal amounts)."""
    by_partition = {}
    for r in rows:
        by_partition.setdefault(r["partition"], []).append(r)
    return [
        AgingReport(
            as_of=AS_OF,
            basis="days_past_due",
            currency="CNY",
            total=Money(part[0]["total"], "CNY"),
            buckets=tuple(AgingBucket(r["label"], r["from_days"], r["to_days"], Money(r["amount"], "CNY"), r["items"]) for r in part),
        )
        for _, part in sorted(by_partition.items())
    ]


def exposures_of(rows):
    by_partition = {}
    for r in rows:
        by_partition.setdefault(r["partition"], {})[r["account"]] = Money(r["open_amount"], "CNY")
    return [by_partition[k] for k in sorted(by_partition)]


def docs_dask_block():
    text = (pathlib.Path(__file__).resolve().parents[2] / "docs" / "python.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```python\n(.*?)```", text, re.S) if "map_partitions" in b]
    assert len(blocks) == 1, "docs/python.md has one Dask example"
    return blocks[0]


def test_local_cluster_two_processes_exact():
    # The whole table in this process, for the single-process answer.
    table = pa.concat_tables([receivables(ROWS // PARTITIONS, seed=1600 + n) for n in range(PARTITIONS)])
    assert table.num_rows == ROWS
    whole_aging = crmrules.aging_arrow(table, AS_OF, currency="CNY")
    whole_exposure = crmrules.open_by_account_arrow(table, currency="CNY")

    start = time.monotonic()
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster, distributed.Client(cluster) as client:
        # The partitions are made on the workers (as a real loader reads its files there) and
        # kept in their memory for the two computations.
        ddf = dd.from_map(partition, range(PARTITIONS), meta=frame(receivables(0, seed=0))).persist()
        distributed.wait(ddf)
        assert ddf.npartitions == PARTITIONS
        assert ddf.dtypes["open_amount"] == pd.ArrowDtype(pa.decimal128(38, 2))
        aging_rows = ddf.map_partitions(aging_partition, meta=frame(AGING_SCHEMA.empty_table())).compute()
        exposure_rows = ddf.map_partitions(exposure_partition, meta=frame(EXPOSURE_SCHEMA.empty_table())).compute()
        # The Dask recipe of docs/python.md ("Scale-out"), on the same partitions.
        docs = {"__name__": "__docs_dask__"}
        exec(compile(docs_dask_block(), "docs/python.md", "exec"), docs)
        assert docs["aging"](ddf) == whole_aging
        # Both worker processes hold partitions of the table (the work was spread).
        holding = client.has_what()
        assert len(holding) == 2 and all(keys for keys in holding.values()), holding
    print(f"dask: {PARTITIONS} partitions of {ROWS} receivables on 2 worker processes in {time.monotonic() - start:.1f}s")

    aging_rows = pa.Table.from_pandas(aging_rows, preserve_index=False)
    assert aging_rows.schema.field("amount").type == pa.decimal128(38, 2)
    reports = reports_of(aging_rows.to_pylist())
    assert len(reports) == PARTITIONS
    # Each partition's report is a real part: they hold every item between them.
    assert sum(sum(b.items for b in r.buckets) for r in reports) == ROWS
    assert all(sum(b.items for b in r.buckets) > 0 for r in reports)
    combined = crmrules.combine_aging(reports)
    assert combined == whole_aging
    assert sum(b.items for b in combined.buckets) == ROWS

    exposure_rows = pa.Table.from_pandas(exposure_rows, preserve_index=False)
    assert exposure_rows.schema.field("open_amount").type == pa.decimal128(38, 2)
    parts = exposures_of(exposure_rows.to_pylist())
    assert len(parts) == PARTITIONS
    exposure = crmrules.combine_open_by_account(parts)
    assert exposure == whole_exposure and list(exposure) == list(whole_exposure)
    assert len(exposure) == ACCOUNTS
    assert sum(m.amount for m in exposure.values()) == whole_aging.total.amount
