#!/usr/bin/env python3
"""The C ABI from Python's ctypes, the standard library only (no package, no build step):
loads libcrmrules_c, checks one order and reads an error back.
    c_abi_ctypes_test.py <libcrmrules_c.so> <policy set document>
"""
import ctypes
import json
import sys
import threading


def bind(path):
    lib = ctypes.CDLL(path)
    c_char_pp = ctypes.POINTER(ctypes.c_void_p)
    lib.crm_version.restype = ctypes.c_char_p
    lib.crm_version.argtypes = []
    lib.crm_status_name.restype = ctypes.c_char_p
    lib.crm_status_name.argtypes = [ctypes.c_int]
    lib.crm_error_code.restype = ctypes.c_int
    lib.crm_error_code.argtypes = [ctypes.c_void_p]
    lib.crm_error_field.restype = ctypes.c_char_p
    lib.crm_error_field.argtypes = [ctypes.c_void_p]
    lib.crm_error_message.restype = ctypes.c_char_p
    lib.crm_error_message.argtypes = [ctypes.c_void_p]
    lib.crm_error_free.restype = None
    lib.crm_error_free.argtypes = [ctypes.c_void_p]
    # the response is read through a void* so that the library's own crm_string_free frees it
    lib.crm_string_free.restype = None
    lib.crm_string_free.argtypes = [ctypes.c_void_p]
    lib.crm_policy_set_load.restype = ctypes.c_int
    lib.crm_policy_set_load.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, c_char_pp, c_char_pp]
    lib.crm_policy_set_free.restype = None
    lib.crm_policy_set_free.argtypes = [ctypes.c_void_p]
    lib.crm_call.restype = ctypes.c_int
    lib.crm_call.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t, c_char_pp,
                             c_char_pp]
    return lib


class CrmError(Exception):
    def __init__(self, lib, status, err):
        self.code = lib.crm_status_name(status).decode()
        self.field = lib.crm_error_field(err).decode()
        self.message = lib.crm_error_message(err).decode()
        lib.crm_error_free(err)
        super().__init__(f"{self.code} at {self.field}: {self.message}")


def load(lib, text, name):
    data = text.encode()
    handle, err = ctypes.c_void_p(), ctypes.c_void_p()
    status = lib.crm_policy_set_load(data, len(data), name.encode(), ctypes.byref(handle), ctypes.byref(err))
    if status != 0:
        raise CrmError(lib, status, err)
    return handle


def call(lib, handle, entry, request):
    data = json.dumps(request, ensure_ascii=False).encode()
    response, err = ctypes.c_void_p(), ctypes.c_void_p()
    status = lib.crm_call(handle, entry.encode(), data, len(data), ctypes.byref(response), ctypes.byref(err))
    if status != 0:
        assert not response.value, "no response with an error"
        raise CrmError(lib, status, err)
    assert not err.value, "no error object on success"
    try:
        return json.loads(ctypes.string_at(response).decode())
    finally:
        lib.crm_string_free(response)


def money(amount):
    return {"amount": amount, "currency": "CNY"}


ACCOUNT = {
    "profile": {"account": "A-1", "limit": money("1000000.00")},
    "tier": "B",
    "receivables": [{"invoice": "INV-1", "account": "A-1", "invoiced_on": "2025-02-12", "due_on": "2025-03-14",
                     "open_amount": money("400000.00")}],
    "open_orders": [{"id": "SO-0", "amount": money("100000.00")}],
}

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAILED:", what, file=sys.stderr)


def main():
    lib = bind(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        handle = load(lib, f.read(), sys.argv[2])
    try:
        print("crmrules", lib.crm_version().decode())
        # 400,000 + 100,000 + 420,000 = 920,000 of 1,000,000: 92.00%, at or above the 90% warning;
        # available 80,000.00
        r = call(lib, handle, "check_order", {"account": ACCOUNT, "order": {"id": "SO-warn", "amount": money("420000.00")},
                                              "as_of": "2025-03-01", "lang": "en"})
        check(r["outcome"] == "warn", f"outcome {r['outcome']}")
        check(r["policy_version"] == "2025-v1", "version in force")
        reason = r["reasons"][0]
        check(reason["code"] == "credit.high_utilisation", reason["code"])
        check(reason["figures"]["utilisation"] == "92.00%", reason["figures"])
        check(reason["figures"]["available"] == "CNY 80,000.00", reason["figures"])
        check(all(isinstance(v, str) for v in reason["figures"].values()), "figures are strings")

        # money as a JSON number: refused, naming the value
        try:
            call(lib, handle, "check_order", {"account": ACCOUNT, "order": {"id": "SO-1", "amount": {"amount": 1.5,
                                              "currency": "CNY"}}, "as_of": "2025-03-01"})
            check(False, "a JSON number as money was accepted")
        except CrmError as e:
            check(e.code == "parse_error" and e.field == "/order/amount/amount", str(e))
            check("binary floating-point" in e.message, e.message)

        # an unknown entry names the name
        try:
            call(lib, handle, "credit_check", {})
            check(False, "an unknown entry was accepted")
        except CrmError as e:
            check(e.code == "unknown_entry" and e.field == "entry" and '"credit_check"' in e.message, str(e))

        # a NULL argument is an error, not a crash
        err = ctypes.c_void_p()
        status = lib.crm_call(handle, b"validate", None, 0, ctypes.byref(ctypes.c_void_p()), ctypes.byref(err))
        check(lib.crm_status_name(status) == b"invalid_argument" and lib.crm_error_field(err) == b"request",
              "NULL request")
        lib.crm_error_free(err)

        # one handle from several Python threads (ctypes releases the GIL during the call)
        answers = []

        def worker():
            for _ in range(20):
                answers.append(call(lib, handle, "validate", {"lang": "en"}))

        threads = [threading.Thread(target=worker) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        check(len(answers) == 80 and all(a == answers[0] for a in answers), "threads")
        check([v["id"] for v in answers[0]["versions"]] == ["2024-v1", "2025-v1"], answers[0])
    finally:
        lib.crm_policy_set_free(handle)
    print(f"{'FAILED' if failures else 'passed'}: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
