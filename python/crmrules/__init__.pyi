"""Type stubs of crmrules (see __init__.py and docs/python.md for the full story).

Exact types only: decimal.Decimal for amounts, rates and scores, datetime.date for dates,
Money(amount, currency) for money. A float is a TypeError; bad input is a crmrules.Error."""

import datetime
import decimal
import enum
import os
from typing import Any, Dict, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

__all__ = [
    "Error", "Money", "Percent", "Outcome", "Reason", "Decision", "AgingBucket", "AgingReport",
    "PolicySet", "CreditAccount", "Order", "ReceivablesLedger", "load_policy_set",
    "policy_set_from_json", "policy_set_from_dict", "credit_account", "order", "receivables",
    "check_order", "Answer", "price", "route", "verify", "aging", "aging_arrow", "open_by_account_arrow", "score_arrow",
    "combine_aging", "combine_open_by_account",
]

__version__: str

class Error(ValueError):
    """Bad input or an impossible computation: ``code`` (stable name such as "parse_error"),
    ``field`` (a JSON Pointer like "/receivables/3/due_on", or "open_amount[17]") and ``message``."""

    code: str
    field: str
    message: str
    def __init__(self, code: str, field: str, message: str) -> None: ...

class Money(NamedTuple):
    """An exact amount in a currency: Money(Decimal("1200.00"), "CNY"). An int amount is
    accepted (it is exact); a float is a TypeError."""

    amount: decimal.Decimal
    currency: str
    @classmethod
    def of(cls, amount: Union[decimal.Decimal, int, str], currency: str) -> "Money":
        """Money from a Decimal, an int or a decimal string."""

class Percent(NamedTuple):
    """A percentage: ``points`` is 92 for 92%."""

    points: decimal.Decimal
    @property
    def fraction(self) -> decimal.Decimal:
        """0.92 for 92%, exact."""

class Outcome(str, enum.Enum):
    """allow < warn < needs_approval < block; equal to its name as a str."""

    allow = "allow"
    warn = "warn"
    needs_approval = "needs_approval"
    block = "block"

_Figure = Union[Money, decimal.Decimal, Percent, int, datetime.date, str]

class Reason:
    """One reason behind a decision."""

    code: str
    """Stable, dotted: "credit.over_limit"."""
    severity: Outcome
    """The outcome this reason alone implies."""
    figures: Dict[str, _Figure]
    """The figures it was decided on, by name (days and counts are ints, rates Decimals)."""
    def explain(self, lang: str = "zh") -> str:
        """The reason in words: "zh" (default) or "en"."""

class Decision:
    """A rule's answer: the most severe outcome of its reasons, and the reasons."""

    outcome: Outcome
    @property
    def reasons(self) -> List[Reason]: ...
    @property
    def policy_version(self) -> str:
        """The id of the policy version in force at the as-of date."""
    def has(self, code: str) -> bool:
        """True when some reason has this code."""
    def explain(self, lang: str = "zh") -> str:
        """The outcome in words, then one line per reason."""

class Answer(Decision):
    """A Decision with its answer document (price, route, verify)."""

    def document(self, lang: Optional[str] = None) -> Dict[str, Any]:
        """The answer document as a dict (amounts as Money; lang defaults to the request's)."""
    def to_json(self, lang: Optional[str] = None) -> str:
        """The answer document's JSON text."""

def price(policy_set: Any, request: Any, as_of: Optional[datetime.date] = None) -> Answer:
    """A price request priced with the rule book in force, each line checked against the
    asking role's authority."""

def route(policy_set: Any, request: Any) -> Answer:
    """The approval route of a route request under the matrix in force at its date."""

def verify(policy_set: Any, request: Any) -> Answer:
    """Whether the approvals given fill the route of the request."""

def score(policy_set: Any, request: Any, lang: Optional[str] = None) -> Dict[str, Any]:
    """The subjects of a score request scored on a scorecard (or the KPI card) and ranked."""

def sla_status(policy_set: Any, request: Any, lang: Optional[str] = None) -> Dict[str, Any]:
    """Each complaint of an SLA request against the SLA table of the version in force."""

def due_for_release(
    policy_set: Any, request: Any, as_of: Optional[datetime.date] = None, lang: Optional[str] = None
) -> Dict[str, Any]:
    """The owned accounts of an account request that return to the public pool on as_of."""

def overdue_visits(
    policy_set: Any, request: Any, as_of: Optional[datetime.date] = None, lang: Optional[str] = None
) -> Dict[str, Any]:
    """The accounts of an account request whose visit is overdue on as_of."""

def replay(old: Any, new: Any, history: Any, threads: int = 1, lang: str = "zh") -> Dict[str, Any]:
    """Past orders replayed under the old and the new policy set: what the change would move."""

class MonthlyReport:
    """The monthly key-account report of one month, rendered on demand."""

    @property
    def year(self) -> int: ...
    @property
    def month(self) -> int: ...
    def render(self, format: str = "text", lang: Optional[str] = None, wan: bool = False) -> str:
        """The report as "text", "md" or "html" (lang defaults to the request's)."""
    def write_xlsx(self, path: Union[str, "os.PathLike[str]"], lang: Optional[str] = None) -> None:
        """Writes the report as a workbook."""

def monthly_report(policy_set: Any, facts: Any, as_of: Optional[datetime.date] = None) -> MonthlyReport:
    """The monthly report of a report request under the policy version in force."""

class PolicySet:
    """A validated policy set."""

    @property
    def company(self) -> str: ...
    @property
    def versions(self) -> List[Tuple[str, int]]:
        """(id, effective-from day number since 1970-01-01) of each version."""
    def to_json(self) -> str:
        """The canonical document."""

class CreditAccount:
    """An account's credit facts: profile, tier, segment, receivables, orders, rates."""

    @property
    def account(self) -> str: ...
    @property
    def tier(self) -> str: ...
    @property
    def segment(self) -> str: ...
    @property
    def receivable_count(self) -> int: ...
    def to_json(self) -> str: ...

class Order:
    """An order to check."""

    @property
    def id(self) -> str: ...
    @property
    def amount(self) -> Tuple[str, str]:
        """(amount as decimal text, currency)."""
    def to_json(self) -> str: ...

class ReceivablesLedger:
    """A receivables ledger: items, report currency, rates, regions."""

    def __len__(self) -> int: ...
    def to_json(self) -> str: ...

_Document = Union[os.PathLike, str, bytes, Mapping[str, Any]]
"""A pathlib.Path (a file), JSON text (str or bytes) or a dict shaped like the document."""

def load_policy_set(path: Union[str, os.PathLike]) -> PolicySet:
    """Reads and validates the policy set document at ``path``."""

def policy_set_from_json(text: Union[str, bytes]) -> PolicySet:
    """Reads and validates a policy set from JSON text."""

def policy_set_from_dict(document: Mapping[str, Any]) -> PolicySet:
    """Reads and validates a policy set from a dict (Decimal, Money and date values allowed)."""

def credit_account(source: Union[CreditAccount, _Document]) -> CreditAccount:
    """Reads a credit account document."""

def order(source: Union[Order, _Document, None] = None, *, id: Optional[str] = None, amount: Optional[Money] = None) -> Order:
    """Reads an order document, or builds one from id= and amount=."""

def receivables(source: Union[ReceivablesLedger, _Document]) -> ReceivablesLedger:
    """Reads a receivables ledger document."""

def check_order(
    policy_set: Union[PolicySet, _Document],
    account: Union[CreditAccount, _Document],
    order: Union[Order, _Document],
    as_of: datetime.date,
) -> Decision:
    """The credit check of one order at ``as_of`` under the policy version in force then."""

class AgingBucket:
    label: str
    from_days: int
    to_days: Optional[int]
    amount: Money
    items: int
    def __init__(self, label: str, from_days: int, to_days: Optional[int], amount: Money, items: int) -> None: ...

class AgingReport:
    """Open amounts by age; the buckets sum exactly to ``total``."""

    as_of: datetime.date
    basis: str
    currency: str
    total: Money
    buckets: Tuple[AgingBucket, ...]
    def __init__(
        self, as_of: datetime.date, basis: str, currency: str, total: Money, buckets: Tuple[AgingBucket, ...]
    ) -> None: ...
    def __iter__(self) -> Iterator[AgingBucket]: ...
    def as_dict(self) -> Dict[str, Any]:
        """Plain values with Decimal amounts."""

_Buckets = Optional[Sequence[Tuple[str, int, Optional[int]]]]

def aging(
    ledger: Union[ReceivablesLedger, _Document],
    as_of: datetime.date,
    *,
    by: str = "total",
    basis: str = "days_past_due",
    buckets: _Buckets = None,
    policy_set: Union[PolicySet, _Document, None] = None,
) -> Union[AgingReport, Dict[str, AgingReport]]:
    """Aging of a ledger: one report (by="total") or a dict by account or region."""

def aging_arrow(
    table: Any,
    as_of: datetime.date,
    *,
    currency: str,
    basis: str = "days_past_due",
    buckets: _Buckets = None,
    policy_set: Union[PolicySet, _Document, None] = None,
    threads: int = 1,
    columns: Optional[Mapping[str, str]] = None,
) -> AgingReport:
    """Aging of an Arrow table (``__arrow_c_stream__`` / ``__arrow_c_array__``) with columns
    due_on date32, open_amount decimal128(38, s), optional invoiced_on date32; zero copy, GIL
    released."""

def open_by_account_arrow(
    table: Any, *, currency: str, threads: int = 1, columns: Optional[Mapping[str, str]] = None, as_arrow: bool = False
) -> Any:
    """The open amount of each account (column ``account``: string or dictionary<int32, string>):
    a dict from account id to Money, or with as_arrow=True an Arrow record batch (account:
    string, open_amount: decimal128(38, s)) through ``__arrow_c_array__``."""

def score_arrow(
    policy_set: PolicySet,
    table: Any,
    scorecard: Optional[str] = None,
    *,
    as_of: datetime.date,
    kpi: bool = False,
    threads: int = 1,
) -> List[Tuple[decimal.Decimal, str]]:
    """Scores every row of an Arrow table, one column per criterion named by its id
    (decimal128 or integer numbers, string or dictionary labels for lookups; a null is a
    missing fact), with the named scorecard (or the KPI card) in force at as_of: (total, grade)
    per row, in row order."""

def combine_aging(reports: Sequence[AgingReport]) -> AgingReport:
    """The report of the union of the ledgers the reports were computed over (one per
    partition): each bucket's amount and item count added exactly (Decimal, never rounded).
    The reports must share as_of, basis, currency and buckets, else a crmrules.Error naming
    the field (``reports[3].as_of``)."""

def combine_open_by_account(parts: Sequence[Mapping[str, Money]]) -> Dict[str, Money]:
    """The exposures by account of several partitions added up exactly, per account, in
    account id order; one currency throughout (else a crmrules.Error naming the account)."""
