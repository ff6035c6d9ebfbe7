"""crmrules.Error: the one exception for bad input, with the library's code and field."""

from __future__ import annotations


class Error(ValueError):
    """Malformed input or an impossible computation, as the C++ library reports it.

    ``code`` is the stable name of the error (``"parse_error"``, ``"invalid_argument"``,
    ``"currency_mismatch"`` ...), ``field`` the path of the offending input (a JSON Pointer
    such as ``/receivables/3/due_on`` for a document, ``open_amount[17]`` for a row of an
    Arrow column) and ``message`` what is wrong.
    """

    def __init__(self, code: str, field: str, message: str) -> None:
        super().__init__(code, field, message)
        self.code = code
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.message} [{self.code}]" if self.field else f"{self.message} [{self.code}]"

    def __reduce__(self):  # picklable, e.g. across Dask or multiprocessing workers
        return (type(self), (self.code, self.field, self.message))


Error.__module__ = "crmrules"  # shown as crmrules.Error in tracebacks
