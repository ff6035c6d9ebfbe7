"""crmrules: key-account business rules with exact decimal money.

Values in and out are exact: ``decimal.Decimal`` for money, rates and scores, ``datetime.date``
for dates, ``Money(amount, currency)`` for an amount in a currency. A ``float`` where one of
those is expected is a ``TypeError``: binary floating point cannot carry money exactly
(0.1 + 0.2 != 0.3). Bad input is a ``crmrules.Error`` (a ``ValueError``) with the library's
``code``, the ``field`` it is about and a ``message``.

Documents (policy sets, credit accounts, orders, receivables ledgers) are the JSON documents
of the ``crm`` command line, read by the same C++ readers: from a file (``pathlib.Path``),
from JSON text (``str``) or from a ``dict`` (turned into that JSON text first).
"""

from __future__ import annotations

import datetime as _dt
import decimal as _decimal
import enum as _enum
import json as _json
import os as _os
import pathlib as _pathlib
from dataclasses import dataclass as _dataclass
from typing import Any, Dict, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

from . import _crmrules as _native
from ._error import Error

__all__ = [
    "Error",
    "Money",
    "Percent",
    "Outcome",
    "Reason",
    "Decision",
    "AgingBucket",
    "AgingReport",
    "PolicySet",
    "CreditAccount",
    "Order",
    "ReceivablesLedger",
    "load_policy_set",
    "policy_set_from_json",
    "policy_set_from_dict",
    "credit_account",
    "order",
    "receivables",
    "check_order",
    "Answer",
    "price",
    "route",
    "verify",
    "MonthlyReport",
    "monthly_report",
    "score",
    "sla_status",
    "due_for_release",
    "overdue_visits",
    "replay",
    "aging",
    "aging_arrow",
    "open_by_account_arrow",
    "score_arrow",
    "combine_aging",
    "combine_open_by_account",
]

__version__: str = _native.__version__

PolicySet = _native.PolicySet
CreditAccount = _native.CreditAccount
Order = _native.Order
ReceivablesLedger = _native.ReceivablesLedger

_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()
_FLOAT_WHY = "binary floating point cannot carry money exactly; pass a decimal.Decimal (Decimal('12.34')) or a string"


# ---- exact values ------------------------------------------------------------------------------


def _refuse_float(value: object, what: str) -> None:
    if isinstance(value, float):
        raise TypeError(f"{what} is a float ({value!r}): {_FLOAT_WHY}")


def _as_decimal(value: object, what: str) -> _decimal.Decimal:
    _refuse_float(value, what)
    if isinstance(value, bool):
        raise TypeError(f"{what} is a bool, not an amount")
    if isinstance(value, _decimal.Decimal):
        return value
    if isinstance(value, int):
        return _decimal.Decimal(value)
    raise TypeError(f"{what} must be a decimal.Decimal (or an int), not {type(value).__name__}")


class _MoneyFields(NamedTuple):
    amount: _decimal.Decimal
    currency: str


class Money(_MoneyFields):
    """An exact amount in a currency: ``Money(Decimal("1200.00"), "CNY")``.

    ``amount`` is a ``decimal.Decimal``; an ``int`` is accepted too (it is exact) and becomes a
    Decimal; a ``float`` is a TypeError. ``currency`` is the ISO 4217 code; the library checks it
    (and the number of decimal places the currency allows) when the amount is used.
    """

    __slots__ = ()

    @classmethod
    def of(cls, amount: Union[_decimal.Decimal, int, str], currency: str) -> "Money":
        """Money from a Decimal, an int or a decimal string (``Money.of("12.50", "CNY")``)."""
        if isinstance(amount, str):
            return cls(_decimal.Decimal(amount), currency)
        return cls(_as_decimal(amount, "amount"), currency)

    def __new__(cls, amount: Union[_decimal.Decimal, int], currency: str) -> "Money":
        if not isinstance(currency, str):
            raise TypeError(f"currency must be a str (an ISO 4217 code), not {type(currency).__name__}")
        return super().__new__(cls, _as_decimal(amount, "amount"), currency)

    def __str__(self) -> str:
        return f"{self.currency} {self.amount}"


class Percent(NamedTuple):
    """A percentage as the library states it: ``points`` is 92 for 92%."""

    points: _decimal.Decimal

    @property
    def fraction(self) -> _decimal.Decimal:
        """The same quantity as a fraction (0.92 for 92%), exact."""
        return self.points.scaleb(-2)

    def __str__(self) -> str:
        return f"{self.points}%"


def _serial(d: object, what: str = "as_of") -> int:
    if isinstance(d, _dt.datetime):
        raise TypeError(f"{what} is a datetime; pass a datetime.date (d.date())")
    if not isinstance(d, _dt.date):
        _refuse_float(d, what)
        raise TypeError(f"{what} must be a datetime.date, not {type(d).__name__}")
    return d.toordinal() - _EPOCH_ORDINAL


def _date(serial: int) -> _dt.date:
    return _dt.date.fromordinal(serial + _EPOCH_ORDINAL)


# ---- documents ---------------------------------------------------------------------------------


def _plain(value: Any, path: str) -> Any:
    """The JSON value of a Python value: Decimal and Money as strings, dates in ISO form; a
    float anywhere is a TypeError naming its JSON Pointer."""
    if isinstance(value, float):
        raise TypeError(f"{path or '/'} is a float ({value!r}): {_FLOAT_WHY}")
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, _decimal.Decimal):
        return str(value)
    if isinstance(value, Money):
        return {"amount": str(value.amount), "currency": value.currency}
    if isinstance(value, Percent):
        return f"{value.points}%"
    if isinstance(value, _dt.datetime):
        raise TypeError(f"{path or '/'} is a datetime; the documents take dates (datetime.date)")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError(f"{path or '/'} has a key of type {type(k).__name__}; keys are strings")
            out[k] = _plain(v, f"{path}/{k.replace('~', '~0').replace('/', '~1')}")
        return out
    if isinstance(value, (list, tuple)):
        return [_plain(v, f"{path}/{i}") for i, v in enumerate(value)]
    raise TypeError(f"{path or '/'} is a {type(value).__name__}, which has no JSON document form")


def _text_of(source: Any, kind: str) -> Tuple[bytes, str]:
    """(UTF-8 bytes of the JSON document, name for messages) of a document given as a path,
    text or dict. The reader checks the bytes (UTF-8 included) and reports line and column."""
    if isinstance(source, _os.PathLike):
        path = _os.fspath(source)
        try:
            with open(path, "rb") as f:
                return f.read(), str(path)
        except OSError as e:
            raise Error("not_found", kind, f"cannot open the file '{path}': {e.strerror}") from None
    if isinstance(source, str):
        return source.encode("utf-8", "surrogatepass"), "<json>"
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), "<json>"
    if isinstance(source, Mapping):
        return _json.dumps(_plain(source, ""), ensure_ascii=False).encode("utf-8", "surrogatepass"), "<dict>"
    raise TypeError(
        f"a {kind} is a pathlib.Path, JSON text (str or bytes), a dict or an already read "
        f"crmrules.{kind}; got {type(source).__name__}"
    )


def load_policy_set(path: Union[str, "_os.PathLike[str]"]) -> PolicySet:
    """Reads and validates the policy set document at ``path`` (a file name or a Path)."""
    if not isinstance(path, (str, _os.PathLike)):
        raise TypeError(f"path must be a str or a PathLike, not {type(path).__name__}")
    text, name = _text_of(_pathlib.Path(path), "PolicySet")
    return _native.read_policy_set(text, name)


def policy_set_from_json(text: Union[str, bytes]) -> PolicySet:
    """Reads and validates a policy set from JSON text."""
    t, name = _text_of(text, "PolicySet")
    return _native.read_policy_set(t, name)


def policy_set_from_dict(document: Mapping[str, Any]) -> PolicySet:
    """Reads and validates a policy set from a dict shaped like the JSON document (Decimal,
    Money and date values are accepted and written as the document's strings)."""
    if not isinstance(document, Mapping):
        raise TypeError(f"a policy set document is a dict, not {type(document).__name__}")
    t, name = _text_of(document, "PolicySet")
    return _native.read_policy_set(t, name)


def _load(source: Any, cls: type, reader: Any, kind: str) -> Any:
    if isinstance(source, cls):
        return source
    text, name = _text_of(source, kind)
    return reader(text, name)


def credit_account(source: Any) -> CreditAccount:
    """Reads a credit account document (profile, tier, segment, receivables, orders, rates) from a
    Path, JSON text or a dict."""
    return _load(source, CreditAccount, _native.read_credit_account, "CreditAccount")


def order(source: Any = None, *, id: Optional[str] = None, amount: Optional[Money] = None) -> Order:
    """Reads an order document (``{"id": "SO-1", "amount": {"amount": "1000.00", "currency":
    "CNY"}}``) from a Path, JSON text or a dict, or builds one from ``id=`` and ``amount=``
    (a Money), through the same reader."""
    if source is None:
        if id is None or amount is None:
            raise TypeError("order() takes a document, or both id= and amount=")
        if not isinstance(amount, Money):
            _refuse_float(amount, "amount")
            raise TypeError(f"amount must be a crmrules.Money, not {type(amount).__name__}")
        source = {"id": id, "amount": amount}
    return _load(source, Order, _native.read_order, "Order")


def receivables(source: Any) -> ReceivablesLedger:
    """Reads a receivables ledger document (currency, receivables, rates, regions) from a Path,
    JSON text or a dict."""
    return _load(source, ReceivablesLedger, _native.read_receivables, "ReceivablesLedger")


def _policy_set(source: Any) -> PolicySet:
    return _load(source, PolicySet, _native.read_policy_set, "PolicySet")


# ---- decisions ---------------------------------------------------------------------------------


class Outcome(str, _enum.Enum):
    """What a rule says, by severity: allow < warn < needs_approval < block. Compares equal to
    its name (``Outcome.block == "block"``)."""

    allow = "allow"
    warn = "warn"
    needs_approval = "needs_approval"
    block = "block"

    def __str__(self) -> str:
        return self.value


def _figure(kind: str, text: str, currency: str) -> Any:
    if kind == "money":
        return Money(_decimal.Decimal(text), currency)
    if kind in ("decimal", "rate"):
        return _decimal.Decimal(text)
    if kind == "percent":
        return Percent(_decimal.Decimal(text))
    if kind == "date":
        return _dt.date.fromisoformat(text)
    if kind in ("days", "int"):
        return int(text)
    return text


class Reason:
    """One reason behind a decision: a stable ``code`` (``credit.over_limit``), the ``severity``
    this reason alone implies, and the ``figures`` it was decided on, by name, as Python values
    (Money, Decimal for rates and decimals, Percent, int for days and counts, date, str)."""

    __slots__ = ("code", "severity", "figures", "_owner", "_index")

    def __init__(self, code: str, severity: str, figures: Dict[str, Any], owner: Any, index: int) -> None:
        self.code = code
        self.severity = Outcome(severity)
        self.figures = figures
        self._owner = owner
        self._index = index

    def explain(self, lang: str = "zh") -> str:
        """The reason in words, ``"zh"`` (default) or ``"en"``."""
        return self._owner.explain_reason(self._index, lang)

    def __repr__(self) -> str:
        return f"Reason({self.code!r}, {self.severity.value!r}, {self.figures!r})"


class Decision:
    """A rule's answer: the ``outcome`` (the most severe of its reasons, ``allow`` when there are
    none) and the ``reasons``, in order."""

    __slots__ = ("_native", "_reasons", "outcome")

    def __init__(self, native: Any) -> None:
        self._native = native
        self._reasons: Optional[List[Reason]] = None
        self.outcome = Outcome(native.outcome)

    @property
    def reasons(self) -> List[Reason]:
        if self._reasons is None:
            self._reasons = [
                Reason(code, severity, {n: _figure(k, t, c) for n, k, t, c in figures}, self._native, i)
                for i, (code, severity, figures) in enumerate(self._native.reasons())
            ]
        return self._reasons

    @property
    def policy_version(self) -> str:
        """The id of the policy version in force at the as-of date."""
        return self._native.policy_version

    def has(self, code: str) -> bool:
        """True when some reason has this code."""
        return any(r.code == code for r in self.reasons)

    def explain(self, lang: str = "zh") -> str:
        """The outcome in words, then each reason on its own line (``"zh"`` or ``"en"``)."""
        return self._native.explain(lang)

    def __repr__(self) -> str:
        return f"Decision({self.outcome.value!r}, {[r.code for r in self.reasons]!r})"


def check_order(policy_set: Any, account: Any, order: Any, as_of: _dt.date) -> Decision:
    """The credit check of one order of an account at ``as_of`` under the policy version in
    force then (the account's tier and segment pick the credit policy row).

    ``policy_set``, ``account`` and ``order`` are read documents (PolicySet, CreditAccount,
    Order) or anything the readers take: a pathlib.Path, JSON text or a dict. Read them once
    and reuse them for speed."""
    serial = _serial(as_of)
    return Decision(
        _native.check_order(
            _policy_set(policy_set),
            _load(account, CreditAccount, _native.read_credit_account, "CreditAccount"),
            _load(order, Order, _native.read_order, "Order"),
            serial,
        )
    )


# ---- price, route, verify: requests answered by documents ----------------------------------------


def _answer_hook(obj: Dict[str, Any]) -> Any:
    if set(obj) == {"amount", "currency"} and isinstance(obj["amount"], str) and isinstance(obj["currency"], str):
        return Money(_decimal.Decimal(obj["amount"]), obj["currency"])
    return obj


class Answer(Decision):
    """A Decision that comes with an answer document (price, route, verify): ``document(lang)``
    is that document as a dict, amounts as Money and every other figure as the document
    writes it (decimals and dates as their strings); ``to_json(lang)`` the document's text, as
    the command line and the C ABI give it. ``lang`` defaults to the request's ``lang``."""

    __slots__ = ()

    def to_json(self, lang: Optional[str] = None) -> str:
        return self._native.document(lang or self._native.request_lang)

    def document(self, lang: Optional[str] = None) -> Dict[str, Any]:
        return _json.loads(self.to_json(lang), object_hook=_answer_hook, parse_float=_decimal.Decimal)


def price(policy_set: Any, request: Any, as_of: Optional[_dt.date] = None) -> Answer:
    """Prices a price request (its context, lines, ``as_of``, the asking ``role``) with the rule
    book of the policy version in force at the request's ``as_of`` (or ``as_of=`` when the
    request has none), and checks each line's price against the asking role's authority.

    ``request`` is a pathlib.Path, JSON text or a dict shaped like the price request document
    (docs/documents.md): quantities and amounts as Decimal or strings, never float. The
    Answer's outcome is allow (within authority), needs_approval (a higher role must grant a
    line's price) or block (under a floor, or beyond every role); its ``document()`` has the
    lines with their waterfalls and the totals."""
    serial = None if as_of is None else _serial(as_of)
    text, name = _text_of(request, "PriceRequest")
    return Answer(_native.price(_policy_set(policy_set), text, name, serial))


def route(policy_set: Any, request: Any) -> Answer:
    """The approval route (审批流程) of a route request (the approval request, the people, its
    ``as_of``) under the matrix of the policy version in force then; ``document()`` has the
    steps, the copy recipients and the fingerprint approvals must carry."""
    text, name = _text_of(request, "RouteRequest")
    return Answer(_native.route(_policy_set(policy_set), text, name))


def verify(policy_set: Any, request: Any) -> Answer:
    """Whether the approvals of a verify request (a route request with ``approvals`` and
    ``delegations``) fill the request's route: allow when they do, needs_approval with a reason
    per missing or invalid approval otherwise."""
    text, name = _text_of(request, "VerifyRequest")
    return Answer(_native.verify(_policy_set(policy_set), text, name))


# ---- scores and complaint SLAs: answers without a decision --------------------------------------

_DECIMAL_KEYS = frozenset({"total", "score", "contribution"})
_DATETIME_KEYS = frozenset({"as_of", "deadline", "done", "received", "responded", "resolved"})


def _figures_hook(obj: Dict[str, Any]) -> Any:
    """Exact types for the score and SLA documents: scores as Decimal, weights as Percent,
    timestamps as datetime.datetime, amounts as Money; ids, labels and raw facts stay strings."""
    money = _answer_hook(obj)
    if money is not obj:
        return money
    for k, v in obj.items():
        if not isinstance(v, str):
            continue
        if k in _DECIMAL_KEYS:
            obj[k] = _decimal.Decimal(v)
        elif k == "weight" and v.endswith("%"):
            obj[k] = Percent(_decimal.Decimal(v[:-1]))
        elif k in _DATETIME_KEYS and len(v) == 16:
            obj[k] = _dt.datetime.fromisoformat(v)
    return obj


def _figures(text: str) -> Dict[str, Any]:
    return _json.loads(text, object_hook=_figures_hook, parse_float=_decimal.Decimal)


def score(policy_set: Any, request: Any, lang: Optional[str] = None) -> Dict[str, Any]:
    """Scores the subjects of a score request (``scorecard``: the name of a scorecard of the
    policy version in force at its ``as_of``, or ``kpi: True`` for the KPI card) and ranks them.

    The answer is ``crm score --format json``'s document as a dict: per subject ``rank``,
    ``total`` (Decimal), ``grade`` and ``criteria`` (``score`` and ``contribution`` as Decimal,
    ``weight`` as Percent, ``raw`` as given). Facts are strings or Decimal, never float."""
    text, name = _text_of(request, "ScoreRequest")
    return _figures(_native.score(_policy_set(policy_set), text, name, lang))


def sla_status(policy_set: Any, request: Any, lang: Optional[str] = None) -> Dict[str, Any]:
    """The SLA of each complaint of an SLA request (its ``as_of`` instant, ``complaints``,
    optional ``calendar`` and ``working_hours``) under the ``account.sla`` table of the policy
    version in force that day: ``crm sla --format json``'s document as a dict, per complaint its
    ``state``, the ``response`` and ``resolution`` clocks (``deadline`` and ``done`` as
    datetime.datetime, ``allowed`` and ``elapsed`` in business minutes) and the ``escalation``."""
    text, name = _text_of(request, "SlaRequest")
    return _figures(_native.sla(_policy_set(policy_set), text, name, lang))


def due_for_release(
    policy_set: Any, request: Any, as_of: Optional[_dt.date] = None, lang: Optional[str] = None
) -> Dict[str, Any]:
    """The owned accounts of an account request (its ``accounts``, key accounts as in
    docs/documents.md) that return to the public pool (公海) on ``as_of`` (``as_of=`` wins over
    the request's) under the ``account.pool`` rules of the version in force: ``crm pool --format
    json``'s document as a dict, per release the ``account``, ``owner``, ``tier``, the
    ``no_follow_up`` and ``no_deal`` triggers (``since``, ``limit``, ``deadline``, ``elapsed``
    in days, ``side``) and the ``reasons``."""
    serial = None if as_of is None else _serial(as_of)
    text, name = _text_of(request, "AccountRequest")
    return _figures(_native.pool(_policy_set(policy_set), text, name, serial, lang))


def overdue_visits(
    policy_set: Any, request: Any, as_of: Optional[_dt.date] = None, lang: Optional[str] = None
) -> Dict[str, Any]:
    """The accounts of an account request whose visit (拜访) is overdue on ``as_of`` under the
    ``account.visits`` rules of the version in force: ``crm visits --format json``'s document
    as a dict, per account its ``owner``, ``last_visit``, ``due``, ``overdue_days`` and the
    ``reason``."""
    serial = None if as_of is None else _serial(as_of)
    text, name = _text_of(request, "AccountRequest")
    return _figures(_native.visits(_policy_set(policy_set), text, name, serial, lang))


def replay(old: Any, new: Any, history: Any, threads: int = 1, lang: str = "zh") -> Dict[str, Any]:
    """What-if replay (策略回放): every past order of ``history`` (a replay history document: each
    order with its account's credit account document of the day, and its lines when its price
    is to be replayed) checked under the ``old`` and the ``new`` policy set, with the version of
    each in force on the order's day: the credit check, the approval route and the price; and
    each of the history's ``pool`` runs through both sets' pool rules. The answer is ``crm
    replay --format json``'s document as a dict: ``total``, ``regions`` and ``reasons`` counting
    the orders that move (``credit_tighter``, ``newly_blocked``, ``approval_tighter``,
    ``price_tighter``, ``priced_lower`` ..., each ``{"orders", "amount"}`` with the amount as
    Money), the ``cases``, and ``pool``, ``pool_regions`` and ``pool_cases`` for the accounts one
    set only releases. ``threads`` never changes the answer; the GIL is released while it runs."""
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads is an int, not {type(threads).__name__}")
    text, name = _text_of(history, "ReplayHistory")
    return _figures(_native.replay(_policy_set(old), _policy_set(new), text, name, threads, lang))


# ---- the monthly report --------------------------------------------------------------------------


class MonthlyReport:
    """The monthly key-account report (大客户月报) of one month: build it once with
    ``monthly_report`` and render it in as many forms as needed. ``year`` and ``month`` are the
    month reported."""

    __slots__ = ("_native",)

    def __init__(self, native: Any) -> None:
        self._native = native

    @property
    def year(self) -> int:
        return self._native.year

    @property
    def month(self) -> int:
        return self._native.month

    def render(self, format: str = "text", lang: Optional[str] = None, wan: bool = False) -> str:
        """The report as ``"text"``, ``"md"`` (Markdown) or ``"html"`` (one self-contained page:
        inline SVG charts, no script, no external resource), in ``lang`` (``"zh"`` or ``"en"``;
        default the request's). ``wan=True`` shows amounts in 万元, each column adding up."""
        if not isinstance(wan, bool):
            raise TypeError(f"wan is True or False, not {type(wan).__name__}")
        return self._native.render(lang or self._native.request_lang, format, wan)

    def write_xlsx(self, path: Union[str, "_os.PathLike[str]"], lang: Optional[str] = None) -> None:
        """Writes the report as a workbook (one sheet per section) to ``path``, through a
        temporary file renamed over it."""
        if not isinstance(path, (str, _os.PathLike)):
            raise TypeError(f"path must be a str or a PathLike, not {type(path).__name__}")
        self._native.write_xlsx(_os.fspath(path), lang or self._native.request_lang)

    def __repr__(self) -> str:
        return f"MonthlyReport({self.year}-{self.month:02d})"


def monthly_report(policy_set: Any, facts: Any, as_of: Optional[_dt.date] = None) -> MonthlyReport:
    """The monthly report of a monthly report request (the month's facts: plan, accounts,
    people, sales, collections, expenses, orders, receivables, approvals, complaints;
    docs/documents.md) under the policy version in force at its ``as_of`` (``as_of=`` wins).

    ``facts`` is a pathlib.Path, JSON text or a dict shaped like the document (amounts as
    Decimal or strings, dates as datetime.date). The report equals the one the C++ library and
    ``crm report monthly`` give for the same documents."""
    serial = None if as_of is None else _serial(as_of)
    text, name = _text_of(facts, "MonthlyReportRequest")
    return MonthlyReport(_native.monthly_report(_policy_set(policy_set), text, name, serial))


# ---- aging -------------------------------------------------------------------------------------


@_dataclass(frozen=True)
class AgingBucket:
    """One bucket of an aging report: ages ``from_days`` to ``to_days`` (None: open-ended),
    the open ``amount`` in it and the number of ``items``."""

    label: str
    from_days: int
    to_days: Optional[int]
    amount: Money
    items: int


@_dataclass(frozen=True)
class AgingReport:
    """Open amounts by age at ``as_of``; the buckets' amounts sum exactly to ``total``."""

    as_of: _dt.date
    basis: str
    currency: str
    total: Money
    buckets: Tuple[AgingBucket, ...]

    def __iter__(self) -> Iterator[AgingBucket]:
        return iter(self.buckets)

    def as_dict(self) -> Dict[str, Any]:
        """The report as plain values (Decimal amounts), e.g. for a template."""
        return {
            "as_of": self.as_of,
            "basis": self.basis,
            "currency": self.currency,
            "total": self.total.amount,
            "buckets": [
                {"label": b.label, "from_days": b.from_days, "to_days": b.to_days, "amount": b.amount.amount, "items": b.items}
                for b in self.buckets
            ],
        }


def _report(t: Tuple[Any, ...]) -> AgingReport:
    serial, basis, currency, total, buckets = t
    return AgingReport(
        as_of=_date(serial),
        basis=basis,
        currency=currency,
        total=Money(_decimal.Decimal(total), currency),
        buckets=tuple(
            AgingBucket(label, f, to, Money(_decimal.Decimal(amount), currency), items)
            for label, f, to, amount, items in buckets
        ),
    )


_Buckets = Optional[Sequence[Tuple[str, int, Optional[int]]]]


def _bucket_spec(buckets: _Buckets, policy_set: Any, as_of_serial: int) -> Optional[List[Tuple[str, int, Optional[int]]]]:
    if buckets is not None and policy_set is not None:
        raise TypeError("give buckets= or policy_set=, not both")
    if policy_set is not None:
        return _native.policy_buckets(_policy_set(policy_set), as_of_serial)
    if buckets is None:
        return None
    spec = []
    for i, b in enumerate(buckets):
        if not isinstance(b, (tuple, list)) or len(b) != 3:
            raise TypeError(f"buckets[{i}] is (label, from_days, to_days or None)")
        label, f, to = b
        for name, v in (("from_days", f), ("to_days", to)):
            _refuse_float(v, f"buckets[{i}].{name}")
            if v is not None and (not isinstance(v, int) or isinstance(v, bool)):
                raise TypeError(f"buckets[{i}].{name} must be an int")
        if f is None:
            raise TypeError(f"buckets[{i}].from_days must be an int")
        spec.append((str(label), f, to))
    return spec


def aging(
    ledger: Any,
    as_of: _dt.date,
    *,
    by: str = "total",
    basis: str = "days_past_due",
    buckets: _Buckets = None,
    policy_set: Any = None,
) -> Union[AgingReport, Dict[str, AgingReport]]:
    """Aging of a receivables ledger (a ReceivablesLedger, Path, JSON text or dict) at ``as_of``.

    ``by="total"`` gives one AgingReport; ``"account"`` or ``"region"`` a dict from the account
    (region) id to its report, in id order. The buckets are the default past-due schedule
    (current, 1-30 ... >365 days), ``buckets=[(label, from_days, to_days or None), ...]``, or
    those of the policy version in force at ``as_of`` (``policy_set=``)."""
    serial = _serial(as_of)
    spec = _bucket_spec(buckets, policy_set, serial)
    if not isinstance(by, str) or not isinstance(basis, str):
        raise TypeError("by and basis are strings")
    rows = _native.aging(receivables(ledger), serial, spec, basis, by)
    if by == "total":
        return _report(rows[0][1])
    return {key: _report(r) for key, r in rows}


_Names = Optional[Mapping[str, str]]


def _names(columns: _Names) -> Optional[Tuple[str, str, str, str]]:
    if columns is None:
        return None
    members = ("due_on", "open_amount", "invoiced_on", "account")
    unknown = set(columns) - set(members)
    if unknown:
        raise TypeError(f"columns= maps {', '.join(members)} to column names; unknown: {', '.join(sorted(unknown))}")
    return tuple(str(columns.get(m, m)) for m in members)  # type: ignore[return-value]


def _threads(threads: object) -> int:
    _refuse_float(threads, "threads")
    if not isinstance(threads, int) or isinstance(threads, bool):
        raise TypeError("threads must be an int (0: every core)")
    return threads


def aging_arrow(
    table: Any,
    as_of: _dt.date,
    *,
    currency: str,
    basis: str = "days_past_due",
    buckets: _Buckets = None,
    policy_set: Any = None,
    threads: int = 1,
    columns: _Names = None,
) -> AgingReport:
    """Aging of an Arrow table of receivables (anything with ``__arrow_c_stream__`` or
    ``__arrow_c_array__``: a pyarrow Table or RecordBatch, a polars DataFrame ...), computed by
    the columnar kernel on the table's own buffers with the GIL released.

    Columns: ``due_on`` date32, ``open_amount`` decimal128(38, s) with s the currency's minor
    units, and ``invoiced_on`` date32 (needed for ``basis="days_since_invoice"``; a due
    date before it is a prepayment request, aged from the earlier date). ``columns={"due_on": "DueDate", ...}`` names them
    otherwise. Every amount is in ``currency``. A wrong type, a missing column, a null or a
    bad scale is a crmrules.Error naming the column (and the row: ``open_amount[17]``).
    ``threads`` as the kernel takes it (0: every core); the answer is the same for any count."""
    serial = _serial(as_of)
    if not isinstance(currency, str):
        raise TypeError("currency must be a str (an ISO 4217 code)")
    spec = _bucket_spec(buckets, policy_set, serial)
    return _report(_native.aging_arrow(table, serial, currency, spec, basis, _threads(threads), _names(columns)))


def open_by_account_arrow(
    table: Any, *, currency: str, threads: int = 1, columns: _Names = None, as_arrow: bool = False
) -> Any:
    """The open amount of each account of an Arrow table of receivables, in account id order:
    columns ``account`` (string or dictionary<int32, string>), ``due_on`` date32 and
    ``open_amount`` decimal128(38, s), as aging_arrow reads them.

    A dict from account id to Money, or with ``as_arrow=True`` an Arrow record batch (an object
    with ``__arrow_c_array__``; ``pyarrow.record_batch(result)``) of columns ``account``
    (string) and ``open_amount`` (decimal128(38, s) at the currency's minor units)."""
    if not isinstance(currency, str):
        raise TypeError("currency must be a str (an ISO 4217 code)")
    if not isinstance(as_arrow, bool):
        raise TypeError("as_arrow must be a bool")
    rows = _native.open_by_account_arrow(table, currency, _threads(threads), _names(columns), as_arrow)
    if as_arrow:
        return rows
    return {account: Money(_decimal.Decimal(amount), currency) for account, amount in rows}


def score_arrow(
    policy_set: Any,
    table: Any,
    scorecard: Optional[str] = None,
    *,
    as_of: _dt.date,
    kpi: bool = False,
    threads: int = 1,
) -> List[Tuple[_decimal.Decimal, str]]:
    """Scores every row of an Arrow table (anything with ``__arrow_c_stream__`` or
    ``__arrow_c_array__``) with the scorecard named ``scorecard`` (or, with ``kpi=True``, the
    KPI card) of the policy version in force at ``as_of``, on the columnar kernel with the GIL
    released. The same totals and grades as ``score`` gives for the same facts.

    One column per criterion, named by the criterion's id: decimal128(38, s) (any scale) or an
    integer for a numeric criterion, string or dictionary<int32, string> labels for a lookup.
    A null is a missing fact (the criterion's missing-data policy applies). A list of
    ``(total, grade)`` in row order, totals as Decimal. A wrong type, a missing column, an
    unknown label, a value a criterion refuses: a crmrules.Error naming the column and the row
    (``fit[17]``)."""
    if scorecard is not None and not isinstance(scorecard, str):
        raise TypeError("scorecard must be a str (the scorecard's name) or None with kpi=True")
    if not isinstance(kpi, bool):
        raise TypeError("kpi must be a bool")
    rows = _native.score_arrow(policy_set, table, scorecard, kpi, _serial(as_of), _threads(threads))
    return [(_decimal.Decimal(total), grade) for total, grade in rows]


# ---- combining partial results -----------------------------------------------------------------

# Sums of amounts are exact: a context wide enough for any sum of decimal128(38, s) values (and
# of many of them), with every rounding trapped, so a sum is never rounded to the default 28
# digits of the decimal module.
_EXACT = _decimal.Context(prec=200, traps=[_decimal.Inexact, _decimal.Rounded, _decimal.InvalidOperation])


def _exact_sum(values: Sequence[_decimal.Decimal]) -> _decimal.Decimal:
    total = values[0]
    for v in values[1:]:
        total = _EXACT.add(total, v)
    return total


def combine_aging(reports: Sequence[AgingReport]) -> AgingReport:
    """The aging report of the union of the ledgers that ``reports`` were computed over: the
    amount and the item count of each bucket added up, exactly (Decimal, never rounded). This
    is how the partial reports of a partitioned table (one per Dask partition or Spark batch)
    become the report of the whole table.

    Every report must have the same ``as_of``, ``basis``, ``currency`` and buckets (labels and
    day ranges, in order); otherwise the sum would mean nothing and a ``crmrules.Error``
    (``invalid_argument``) names the first field that differs, as ``reports[3].as_of``."""
    parts = list(reports)
    if not parts:
        raise Error("invalid_argument", "reports", "there is no report to combine (give at least one)")
    for i, r in enumerate(parts):
        if not isinstance(r, AgingReport):
            raise TypeError(f"reports[{i}] is a {type(r).__name__}, not a crmrules.AgingReport")
    first = parts[0]
    shape = [(b.label, b.from_days, b.to_days) for b in first.buckets]
    for i, r in enumerate(parts[1:], start=1):
        for name in ("as_of", "basis", "currency"):
            if getattr(r, name) != getattr(first, name):
                raise Error(
                    "invalid_argument",
                    f"reports[{i}].{name}",
                    f"is {getattr(r, name)}, reports[0].{name} is {getattr(first, name)}: only reports of the same {name} add up",
                )
        if [(b.label, b.from_days, b.to_days) for b in r.buckets] != shape:
            raise Error("invalid_argument", f"reports[{i}].buckets", "are not the buckets of reports[0] (labels and day ranges)")
    currency = first.currency
    buckets = tuple(
        AgingBucket(
            b.label,
            b.from_days,
            b.to_days,
            Money(_exact_sum([r.buckets[k].amount.amount for r in parts]), currency),
            sum(r.buckets[k].items for r in parts),
        )
        for k, b in enumerate(first.buckets)
    )
    return AgingReport(
        as_of=first.as_of,
        basis=first.basis,
        currency=currency,
        total=Money(_exact_sum([r.total.amount for r in parts]), currency),
        buckets=buckets,
    )


def combine_open_by_account(parts: Sequence[Mapping[str, Money]]) -> Dict[str, Money]:
    """The open amount of each account over several exposures by account (the dicts of
    ``open_by_account_arrow`` over the partitions of a table): an account found in several
    parts has its amounts added, exactly. In account id order, as ``open_by_account_arrow``
    gives them. Every amount must be in the same currency (a ``crmrules.Error`` naming the
    account otherwise, as ``parts[2]['A-7']``)."""
    sums: Dict[str, List[_decimal.Decimal]] = {}
    currency: Optional[str] = None
    for i, part in enumerate(parts):
        if not isinstance(part, Mapping):
            raise TypeError(f"parts[{i}] is a {type(part).__name__}, not a dict of Money by account")
        for account, money in part.items():
            if not isinstance(money, Money):
                _refuse_float(money, f"parts[{i}][{account!r}]")
                raise TypeError(f"parts[{i}][{account!r}] is a {type(money).__name__}, not a crmrules.Money")
            if currency is None:
                currency = money.currency
            elif money.currency != currency:
                raise Error(
                    "currency_mismatch",
                    f"parts[{i}][{account!r}]",
                    f"is in {money.currency}, the amounts before it are in {currency}",
                )
            sums.setdefault(account, []).append(money.amount)
    return {account: Money(_exact_sum(sums[account]), currency or "") for account in sorted(sums)}
