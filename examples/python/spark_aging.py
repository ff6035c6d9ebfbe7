"""Aging and the exposure by account of a receivables table on Spark, computed by crmrules
partition by partition with DataFrame.mapInArrow, then combined exactly on the driver.

Each Arrow batch Spark hands to a Python worker goes to crmrules.aging_arrow and
open_by_account_arrow as it is (a pyarrow RecordBatch, read through the Arrow PyCapsule
interface: DecimalType(38, 2) arrives as decimal128(38, 2), DateType as date32). Each batch
gives back a small batch of its bucket sums, amounts as decimal strings, so nothing becomes a
double on the way; the driver collects those rows, rebuilds the reports and adds them with
crmrules.combine_aging and combine_open_by_account.

    pip install pyspark          # not a dependency of crmrules or of its tests
    python examples/python/spark_aging.py [ledger.parquet] [--as-of 2025-03-31] [--currency CNY]

The parquet file needs the columns account (string), due_on (date) and open_amount
(decimal(38, s), s the currency's minor units). Without one, the example writes a generated
ledger of 100,000 receivables to a temporary file and, at the end, checks the Spark answer
against crmrules on the whole table in one process. The batch functions use only pyarrow and
crmrules, so this module imports without pyspark (tests/python/test_examples.py runs them on
pyarrow batches).
"""

import argparse
import datetime
import itertools
import os
import random
import tempfile
from decimal import Decimal
from typing import Any, Dict, Iterable, Iterator, List, Mapping

import pyarrow as pa

import crmrules
from crmrules import AgingBucket, AgingReport, Money

# The schemas of the batches the workers give back (Spark DDL; amounts as decimal strings).
AGING_DDL = "part string, label string, from_days int, to_days int, amount string, items long, total string"
EXPOSURE_DDL = "part string, account string, open_amount string"

AGING_SCHEMA = pa.schema(
    [("part", pa.string()), ("label", pa.string()), ("from_days", pa.int32()), ("to_days", pa.int32()),
     ("amount", pa.string()), ("items", pa.int64()), ("total", pa.string())]
)
EXPOSURE_SCHEMA = pa.schema([("part", pa.string()), ("account", pa.string()), ("open_amount", pa.string())])


def _partition_id() -> int:
    """The Spark partition of the running task (0 outside Spark)."""
    try:
        from pyspark import TaskContext
    except ImportError:
        return 0
    ctx = TaskContext.get()
    return ctx.partitionId() if ctx is not None else 0


def aging_batches(batches: Iterable[pa.RecordBatch], as_of: datetime.date, currency: str) -> Iterator[pa.RecordBatch]:
    """mapInArrow's function for the aging: one row per bucket for each batch it is given."""
    partition = _partition_id()
    for k, batch in enumerate(batches):
        report = crmrules.aging_arrow(batch, as_of, currency=currency)
        part = f"{partition}/{k}"
        yield pa.RecordBatch.from_pylist(
            [{"part": part, "label": b.label, "from_days": b.from_days, "to_days": b.to_days,
              "amount": str(b.amount.amount), "items": b.items, "total": str(report.total.amount)}
             for b in report.buckets],
            schema=AGING_SCHEMA,
        )


def exposure_batches(batches: Iterable[pa.RecordBatch], currency: str) -> Iterator[pa.RecordBatch]:
    """mapInArrow's function for the exposure: the open amount of each account of each batch."""
    partition = _partition_id()
    for k, batch in enumerate(batches):
        part = f"{partition}/{k}"
        yield pa.RecordBatch.from_pylist(
            [{"part": part, "account": account, "open_amount": str(money.amount)}
             for account, money in crmrules.open_by_account_arrow(batch, currency=currency).items()],
            schema=EXPOSURE_SCHEMA,
        )


def combine_aging_rows(rows: Iterable[Mapping[str, Any]], as_of: datetime.date, currency: str) -> AgingReport:
    """The report of the whole table from the collected bucket rows (Spark Rows or dicts)."""
    parts: Dict[str, List[Mapping[str, Any]]] = {}
    for r in rows:
        parts.setdefault(r["part"], []).append(r)
    reports = [
        AgingReport(
            as_of, "days_past_due", currency, Money(Decimal(p[0]["total"]), currency),
            tuple(AgingBucket(r["label"], r["from_days"], r["to_days"], Money(Decimal(r["amount"]), currency), r["items"])
                  for r in p),
        )
        for _, p in sorted(parts.items())
    ]
    return crmrules.combine_aging(reports)


def combine_exposure_rows(rows: Iterable[Mapping[str, Any]], currency: str) -> Dict[str, Money]:
    parts: Dict[str, Dict[str, Money]] = {}
    for r in rows:
        parts.setdefault(r["part"], {})[r["account"]] = Money(Decimal(r["open_amount"]), currency)
    return crmrules.combine_open_by_account(list(parts.values()))


def generated_ledger(rows: int, as_of: datetime.date, seed: int = 16) -> pa.Table:
    rng = random.Random(seed)
    return pa.table(
        {
            "account": pa.array([f"KA-{rng.randint(1, 500):04d}" for _ in range(rows)], pa.string()),
            "due_on": pa.array([as_of + datetime.timedelta(days=rng.randint(-900, 90)) for _ in range(rows)], pa.date32()),
            "open_amount": pa.array([Decimal(rng.randint(0, 10**9)).scaleb(-2) for _ in range(rows)], pa.decimal128(38, 2)),
        }
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("parquet", nargs="?", help="a ledger in parquet (default: a generated one)")
    p.add_argument("--as-of", type=datetime.date.fromisoformat, default=datetime.date(2025, 3, 31))
    p.add_argument("--currency", default="CNY")
    a = p.parse_args()

    from pyspark.sql import SparkSession  # only here: the module imports without pyspark

    whole = None
    path = a.parquet
    tmp = None
    if path is None:
        import pyarrow.parquet as pq

        whole = generated_ledger(100_000, a.as_of)
        tmp = tempfile.mkdtemp()
        path = os.path.join(tmp, "ledger.parquet")
        pq.write_table(whole, path)

    spark = SparkSession.builder.master("local[2]").appName("crmrules aging").getOrCreate()
    try:
        df = spark.read.parquet(path).select("account", "due_on", "open_amount")
        as_of, currency = a.as_of, a.currency
        aging_rows = df.mapInArrow(lambda batches: aging_batches(batches, as_of, currency), AGING_DDL).collect()
        exposure_rows = df.mapInArrow(lambda batches: exposure_batches(batches, currency), EXPOSURE_DDL).collect()
    finally:
        spark.stop()

    report = combine_aging_rows(aging_rows, a.as_of, a.currency)
    exposure = combine_exposure_rows(exposure_rows, a.currency)
    for b in report:
        print(f"{b.label:>8} {b.amount} ({b.items} items)")
    print(f"   total {report.total}; {len(exposure)} accounts, the largest exposures:")
    for account, money in itertools.islice(sorted(exposure.items(), key=lambda kv: kv[1].amount, reverse=True), 5):
        print(f"   {account} {money}")
    if whole is not None:
        assert report == crmrules.aging_arrow(whole, a.as_of, currency=a.currency)
        assert exposure == crmrules.open_by_account_arrow(whole, currency=a.currency)
        print("the Spark answer is the single-process answer, to the cent")


if __name__ == "__main__":
    main()
