"""The Arrow batch functions fed by the engines a plugin author has at hand: polars (which
exports its strings as Arrow string views, and a Categorical as a dictionary of them) and
DuckDB (a query result through the PyCapsule stream). Each must give exactly what the row API
gives over the same receivables. The engines are test dependencies (scripts/python_test.sh
installs them); without them these tests are skipped, unless CRM_REQUIRE_ENGINES=1."""

import datetime
import os
import random
from decimal import Decimal

import pytest

import crmrules
from crmrules import Money

REQUIRED = os.environ.get("CRM_REQUIRE_ENGINES") == "1"


def engine(name):
    if REQUIRED:
        return __import__(name)
    return pytest.importorskip(name)


AS_OF = datetime.date(2025, 3, 31)


def rows_of(rng, n):
    # Account ids of every length: up to 12 bytes a string view holds the bytes inline, longer
    # ones point into a data buffer (客户 is 6 bytes in UTF-8).
    accounts = ["A", "B-22", "客户-0001", "KEY-ACCOUNT-000042", "华东机电集团有限公司"]
    out = []
    for _ in range(n):
        due = datetime.date(2023, 6, 1) + datetime.timedelta(days=rng.randint(0, 700))
        out.append(
            {
                "account": rng.choice(accounts),
                "due_on": due,
                "open_amount": Decimal(rng.randint(0, 10**11)).scaleb(-2),
            }
        )
    return out


def row_api(rows, as_of):
    receivables = [
        {
            "invoice": f"INV-{i}",
            "account": r["account"],
            "invoiced_on": r["due_on"] - datetime.timedelta(days=30),
            "due_on": r["due_on"],
            "open_amount": Money(r["open_amount"], "CNY"),
        }
        for i, r in enumerate(rows)
    ]
    ledger = {"currency": "CNY", "receivables": receivables}
    return crmrules.aging(ledger, as_of), {k: v.total for k, v in crmrules.aging(ledger, as_of, by="account").items()}


def test_polars_worked_example():
    pl = engine("polars")
    # At 2025-03-31: due 2025-03-31 (current) 10.00 for a 16-byte id (out of line), due
    # 2025-03-01 (30 days: 1-30) 0.05 for "A" (inline); total 10.05.
    df = pl.DataFrame(
        {
            "account": ["KEY-ACCOUNT-0042", "A"],
            "due_on": [datetime.date(2025, 3, 31), datetime.date(2025, 3, 1)],
            "open_amount": [Decimal("10.00"), Decimal("0.05")],
        },
        schema={"account": pl.String, "due_on": pl.Date, "open_amount": pl.Decimal(38, 2)},
    )
    r = crmrules.aging_arrow(df, AS_OF, currency="CNY")
    assert r.total == Money(Decimal("10.05"), "CNY")
    assert [b.amount.amount for b in r][:2] == [Decimal("10.00"), Decimal("0.05")]
    assert crmrules.open_by_account_arrow(df, currency="CNY") == {
        "A": Money(Decimal("0.05"), "CNY"),
        "KEY-ACCOUNT-0042": Money(Decimal("10.00"), "CNY"),
    }


def test_property_polars_equals_the_row_api():
    pl = engine("polars")
    rng = random.Random(16)
    for case in range(60):
        rows = rows_of(rng, rng.randint(0, 80))
        as_of = AS_OF - datetime.timedelta(days=rng.randint(0, 400))
        expected_aging, expected_open = row_api(rows, as_of)
        categorical = rng.random() < 0.5
        df = pl.DataFrame(
            {
                "account": [r["account"] for r in rows],
                "due_on": [r["due_on"] for r in rows],
                "open_amount": [r["open_amount"] for r in rows],
            },
            schema={
                "account": pl.Categorical if categorical else pl.String,
                "due_on": pl.Date,
                "open_amount": pl.Decimal(38, 2),
            },
        )
        if rows and rng.random() < 0.3:  # a slice: views read from an offset
            k = rng.randint(0, len(rows) - 1)
            df, rows = df.slice(k), rows[k:]
            expected_aging, expected_open = row_api(rows, as_of)
        assert crmrules.aging_arrow(df, as_of, currency="CNY", threads=rng.choice([1, 2])) == expected_aging, case
        assert crmrules.open_by_account_arrow(df, currency="CNY") == expected_open, (case, categorical)


def test_duckdb_query_result():
    duckdb = engine("duckdb")
    rows = rows_of(random.Random(7), 50)
    con = duckdb.connect()
    con.execute("create table ar(account varchar, due_on date, open_amount decimal(38, 2))")
    con.executemany("insert into ar values (?, ?, ?)", [(r["account"], r["due_on"], r["open_amount"]) for r in rows])
    rel = con.sql("select account, due_on, open_amount from ar")
    expected_aging, expected_open = row_api(rows, AS_OF)
    assert crmrules.aging_arrow(rel, AS_OF, currency="CNY") == expected_aging
    assert crmrules.open_by_account_arrow(con.sql("select * from ar"), currency="CNY") == expected_open


def test_wrong_column_type_from_polars_names_the_column():
    pl = engine("polars")
    df = pl.DataFrame(
        {"account": ["A"], "due_on": [datetime.date(2025, 3, 1)], "open_amount": [10.5]},
        schema={"account": pl.String, "due_on": pl.Date, "open_amount": pl.Float64},
    )
    with pytest.raises(crmrules.Error) as e:
        crmrules.aging_arrow(df, AS_OF, currency="CNY")
    assert e.value.field == "open_amount"
    assert "float" in str(e.value) or "binary floating" in str(e.value)


def test_hostile_string_views_are_refused_not_read():
    # A string-view array built by hand: a 20-byte value must point inside one of the data
    # buffers (here one of 26 bytes). An index past the buffers, or an offset whose value
    # runs past the buffer's end, is an Error naming the value; a view inside is read.
    import struct

    import pyarrow as pa

    data = pa.py_buffer(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    def table_with(view):
        account = pa.Array.from_buffers(pa.string_view(), 1, [None, pa.py_buffer(view), data])
        return pa.table(
            {
                "account": account,
                "due_on": pa.array([datetime.date(2025, 1, 1)], pa.date32()),
                "open_amount": pa.array([Decimal("1.00")], pa.decimal128(38, 2)),
            }
        )

    for index, offset in [(3, 0), (0, 10), (-1, 0), (0, -4)]:
        with pytest.raises(crmrules.Error) as e:
            crmrules.open_by_account_arrow(table_with(struct.pack("<i4sii", 20, b"ABCD", index, offset)), currency="CNY")
        assert e.value.field == "account[0]" and "outside" in e.value.message, (index, offset)
    with pytest.raises(crmrules.Error) as e:
        crmrules.open_by_account_arrow(table_with(struct.pack("<i12s", -1, b"")), currency="CNY")
    assert e.value.field == "account[0]" and "negative" in e.value.message
    # bytes 2..21 of the buffer: C..V
    got = crmrules.open_by_account_arrow(table_with(struct.pack("<i4sii", 20, b"CDEF", 0, 2)), currency="CNY")
    assert got == {"CDEFGHIJKLMNOPQRSTUV": Money(Decimal("1.00"), "CNY")}
