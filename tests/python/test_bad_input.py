"""Bad input at every entry point: a clear error naming the field, never a crash and never a
partial answer. Floats are TypeErrors (binary floating point cannot carry money exactly);
everything the library refuses is a crmrules.Error with its code and field."""

import datetime
import pathlib
from decimal import Decimal

import pyarrow as pa
import pytest

import crmrules
from crmrules import Money

AS_OF = datetime.date(2025, 3, 31)
D = pathlib.Path(__file__).resolve().parents[1] / "cli" / "data"


def good_table(**override):
    cols = {
        "due_on": pa.array([datetime.date(2025, 1, 1)] * 5, pa.date32()),
        "open_amount": pa.array([Decimal("1.00")] * 5, pa.decimal128(38, 2)),
        "account": pa.array(["A", "B", "A", "C", "B"]),
    }
    cols.update(override)
    return pa.table({k: v for k, v in cols.items() if v is not None})


def aging_of(t, **kw):
    return lambda: crmrules.aging_arrow(t, AS_OF, currency=kw.pop("currency", "CNY"), **kw)


def policy():
    return crmrules.load_policy_set(D / "policy.json")


def account():
    return crmrules.credit_account(D / "account.json")


# (name, call, code, field) for crmrules.Error; the field is matched exactly.
ERRORS = [
    ("malformed JSON", lambda: crmrules.load_policy_set(D / "bad" / "malformed.json"), "parse_error", ""),
    ("empty document", lambda: crmrules.load_policy_set(D / "bad" / "empty.json"), "parse_error", ""),
    ("invalid UTF-8", lambda: crmrules.load_policy_set(D / "bad" / "invalid_utf8.json"), "parse_error", ""),
    ("unknown key", lambda: crmrules.load_policy_set(D / "bad" / "unknown_key.json"), "parse_error",
     "/versions/0/credit/policies/0/warn_utilisaton"),
    ("key given twice", lambda: crmrules.load_policy_set(D / "bad" / "duplicate_key.json"), "duplicate", "/versions/0/id"),
    ("missing key", lambda: crmrules.load_policy_set(D / "bad" / "missing_key.json"), "parse_error", "/versions/0"),
    ("impossible date", lambda: crmrules.load_policy_set(D / "bad" / "bad_date.json"), "invalid_date",
     "/versions/0/effective_from"),
    ("huge integer", lambda: crmrules.load_policy_set(D / "bad" / "huge_integer.json"), "overflow",
     "/versions/0/account/pool/reclaim_cooldown"),
    ("semantic error", lambda: crmrules.policy_set_from_json((D / "bad" / "semantic.json").read_text()), "invalid_argument",
     "/versions/0/credit/policies/2/warn_utilisation"),
    ("no such file", lambda: crmrules.load_policy_set(D / "bad" / "no-such-file.json"), "not_found", "PolicySet"),
    ("JSON number as money", lambda: crmrules.order(D / "bad" / "number_as_money.json"), "parse_error", "/amount/amount"),
    ("unknown currency", lambda: crmrules.check_order(policy(), account(), D / "bad" / "unknown_currency.json", AS_OF),
     "unknown_currency", "/amount/currency"),
    ("unknown key in a dict", lambda: crmrules.order({"id": "x", "amount": Money(Decimal("1.00"), "CNY"), "qty": 2}),
     "parse_error", "/qty"),
    ("fraction of a cent", lambda: crmrules.check_order(policy(), account(), crmrules.order(
        id="x", amount=Money(Decimal("1.001"), "CNY")), AS_OF), "invalid_argument", "order.amount"),
    ("bad Decimal text", lambda: crmrules.order(id="x", amount=Money(Decimal("NaN"), "CNY")), "parse_error", "/amount/amount"),
    ("as_of before the first version", lambda: crmrules.check_order(policy(), account(), D / "order_small.json",
                                                                     datetime.date(2023, 1, 1)), "not_found", "as_of"),
    ("as_of outside the calendar", lambda: crmrules.check_order(policy(), account(), D / "order_small.json",
                                                                 datetime.date(1000, 1, 1)), "invalid_date", "as_of"),
    ("bad language", lambda: crmrules.check_order(policy(), account(), D / "order_small.json", AS_OF).explain("fr"),
     "invalid_argument", "lang"),
    ("bad basis", lambda: crmrules.aging(D / "receivables.json", AS_OF, basis="days"), "invalid_argument", "basis"),
    ("bad by", lambda: crmrules.aging(D / "receivables.json", AS_OF, by="planet"), "invalid_argument", "by"),
    ("buckets with a gap", lambda: crmrules.aging(D / "receivables.json", AS_OF, buckets=[("a", 0, 10), ("b", 12, None)]),
     "inconsistent", "buckets[1].from_days"),
    # Arrow columns
    ("float64 money column", aging_of(good_table(open_amount=pa.array([1.0] * 5))), "invalid_argument", "open_amount"),
    ("decimal256 column", aging_of(good_table(open_amount=pa.array([Decimal("1.00")] * 5, pa.decimal256(40, 2)))),
     "invalid_argument", "open_amount"),
    ("string money column", aging_of(good_table(open_amount=pa.array(["1.00"] * 5))), "invalid_argument", "open_amount"),
    ("timestamp date column", aging_of(good_table(due_on=pa.array([datetime.datetime(2025, 1, 1)] * 5))),
     "invalid_argument", "due_on"),
    ("date64 column", aging_of(good_table(due_on=pa.array([datetime.date(2025, 1, 1)] * 5, pa.date64()))),
     "invalid_argument", "due_on"),
    ("missing column", aging_of(good_table(due_on=None)), "not_found", "due_on"),
    ("wrong type in an empty table", aging_of(pa.table({"due_on": pa.array([], pa.string()),
                                                        "open_amount": pa.array([], pa.decimal128(38, 2))})),
     "invalid_argument", "due_on"),
    ("null amount", aging_of(good_table(open_amount=pa.array([Decimal("1.00")] * 3 + [None, Decimal("1.00")],
                                                               pa.decimal128(38, 2)))), "invalid_argument", "open_amount[3]"),
    ("null date", aging_of(good_table(due_on=pa.array([datetime.date(2025, 1, 1), None] + [datetime.date(2025, 1, 1)] * 3,
                                                        pa.date32()))), "invalid_argument", "due_on[1]"),
    ("null in a later batch", aging_of(pa.Table.from_batches(good_table(
        open_amount=pa.array([Decimal("1.00")] * 4 + [None], pa.decimal128(38, 2))).to_batches(max_chunksize=2))),
     "invalid_argument", "open_amount[4]"),
    # A slice starting at row 3 is read from bit 3 of the producer's validity bitmap: the null at
    # row 5 of the table is row 2 of the slice.
    ("null after an unaligned slice", aging_of(pa.table({
        "due_on": pa.array([datetime.date(2025, 1, 1)] * 9, pa.date32()),
        "open_amount": pa.array([Decimal("1.00")] * 5 + [None] + [Decimal("1.00")] * 3, pa.decimal128(38, 2))}).slice(3)),
     "invalid_argument", "open_amount[2]"),
    ("scale the currency cannot carry", aging_of(good_table(open_amount=pa.array([Decimal("1.000")] * 5,
                                                                                 pa.decimal128(38, 3)))),
     "invalid_argument", "open_amount.scale"),
    ("JPY with cents", aging_of(good_table(), currency="JPY"), "invalid_argument", "open_amount.scale"),
    ("negative amount", aging_of(good_table(open_amount=pa.array([Decimal("1.00")] * 2 + [Decimal("-1.00")] * 3,
                                                                  pa.decimal128(38, 2)))), "invalid_argument", "open_amount[2]"),
    ("no invoice dates for days_since_invoice", aging_of(good_table(), basis="days_since_invoice"), "not_found",
     "invoiced_on"),
    ("unknown currency for a column", aging_of(good_table(), currency="XYZ"), "unknown_currency", "currency"),
    ("negative threads", aging_of(good_table(), threads=-1), "invalid_argument", "threads"),
    ("int64 account column", lambda: crmrules.open_by_account_arrow(good_table(account=pa.array([1, 2, 3, 4, 5])),
                                                                     currency="CNY"), "invalid_argument", "account"),
    ("no account column", lambda: crmrules.open_by_account_arrow(good_table(account=None), currency="CNY"),
     "not_found", "account"),
    ("not a table", aging_of(pa.array([1, 2, 3])), "invalid_argument", "table"),
]


@pytest.mark.parametrize("name,call,code,field", ERRORS, ids=[e[0] for e in ERRORS])
def test_errors_name_the_field(name, call, code, field):
    with pytest.raises(crmrules.Error) as info:
        call()
    e = info.value
    assert isinstance(e, ValueError)
    assert (e.code, e.field) == (code, field), str(e)
    assert e.message and e.field in str(e)


def test_a_json_error_carries_the_line_and_column():
    with pytest.raises(crmrules.Error) as info:
        crmrules.load_policy_set(D / "bad" / "malformed.json")
    assert "malformed.json:1:31: not valid JSON" in info.value.message


def test_the_float_column_error_says_why():
    with pytest.raises(crmrules.Error, match="binary floating point cannot carry money exactly"):
        aging_of(good_table(open_amount=pa.array([1.0] * 5)))()


# (name, call, message fragment) for TypeError: wrong Python types, floats first.
TYPE_ERRORS = [
    ("float Money", lambda: Money(1.5, "CNY"), "binary floating point"),
    ("float in a dict", lambda: crmrules.order({"id": "x", "amount": {"amount": 1000.5, "currency": "CNY"}}),
     "/amount/amount is a float"),
    ("float in a nested list", lambda: crmrules.credit_account({"receivables": [{"open_amount": {"amount": 0.1}}]}),
     "/receivables/0/open_amount/amount is a float"),
    ("float amount=", lambda: crmrules.order(id="x", amount=12.5), "binary floating point"),
    ("str currency only", lambda: Money(Decimal("1.00"), 156), "currency must be a str"),
    ("bool amount", lambda: Money(True, "CNY"), "bool"),
    ("datetime as_of", lambda: crmrules.aging(D / "receivables.json", datetime.datetime(2025, 3, 31)), "datetime"),
    ("str as_of", lambda: crmrules.aging(D / "receivables.json", "2025-03-31"), "datetime.date"),
    ("float as_of", lambda: crmrules.aging(D / "receivables.json", 20250331.0), "binary floating point"),
    ("datetime in a dict", lambda: crmrules.order({"id": "x", "when": datetime.datetime(2025, 1, 1)}), "datetime"),
    ("set in a dict", lambda: crmrules.order({"id": {"x"}}), "no JSON document form"),
    ("non-str key", lambda: crmrules.order({1: "x"}), "keys are strings"),
    ("a number as a document", lambda: crmrules.credit_account(42), "pathlib.Path"),
    ("float bucket edge", lambda: crmrules.aging(D / "receivables.json", AS_OF, buckets=[("a", 0, 30.0), ("b", 31, None)]),
     "binary floating point"),
    ("float threads", lambda: crmrules.aging_arrow(good_table(), AS_OF, currency="CNY", threads=2.0), "binary floating point"),
    ("no Arrow protocol", lambda: crmrules.aging_arrow([1, 2], AS_OF, currency="CNY"), "__arrow_c_stream__"),
    ("unknown columns= key", lambda: crmrules.aging_arrow(good_table(), AS_OF, currency="CNY", columns={"due": "x"}),
     "unknown: due"),
    ("buckets and policy", lambda: crmrules.aging(D / "receivables.json", AS_OF, buckets=[], policy_set=D / "policy.json"),
     "not both"),
]


@pytest.mark.parametrize("name,call,fragment", TYPE_ERRORS, ids=[e[0] for e in TYPE_ERRORS])
def test_wrong_python_types_are_type_errors(name, call, fragment):
    with pytest.raises(TypeError, match=fragment.replace("(", r"\(").replace(".", r"\.")):
        call()


def test_an_int_is_accepted_for_money():
    assert Money(12, "CNY") == Money(Decimal(12), "CNY")
    assert isinstance(Money(12, "CNY").amount, Decimal)
