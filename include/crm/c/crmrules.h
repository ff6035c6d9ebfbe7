#ifndef CRM_C_CRMRULES_H
#define CRM_C_CRMRULES_H
/* The C ABI of crmrules: what a Java (JNA), .NET (P/Invoke), Python (ctypes) or C host calls.
 *
 * JSON in, JSON out. A host loads a policy set document into an opaque handle, then asks
 * questions by name (crm_call) with a request document and gets a response document back; the
 * documents are those of docs/documents.md and docs/c-abi.md. Money is a JSON string in every
 * request and response ("400000.00"); a JSON number where money is expected is an error.
 *
 * The rules of every function:
 * - it returns a status, CRM_OK (0) or one of the CRM_E_* codes below; on failure it stores a
 *   new error object in *err (when err is not NULL), which the caller frees with
 *   crm_error_free, and leaves its other outputs NULL; on success *err is set to NULL;
 * - a NULL pointer where a value is required is CRM_E_INVALID_ARGUMENT whose field names the
 *   argument ("request"), never a crash; no C++ exception ever leaves the library;
 * - text is UTF-8; input texts come with their length in bytes (no NUL needed), output texts
 *   are NUL-terminated and owned by the caller (crm_string_free);
 * - a loaded policy set is immutable: any number of threads may call crm_call on one handle
 *   at once, and on distinct handles; the library keeps no global mutable state.
 * Proven by tests/c/c_abi_test.c (C11), tests/c/c_abi_ctypes_test.py and tests/java/. */

#include <stddef.h>

#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(CRM_C_BUILDING)
#define CRM_C_API __declspec(dllexport)
#else
#define CRM_C_API __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define CRM_C_API __attribute__((visibility("default")))
#else
#define CRM_C_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this interface: raised when a function or a code changes meaning. */
#define CRM_C_ABI_VERSION 1

/* A status: CRM_OK or one of the error codes. */
typedef int crm_status;

enum {
    CRM_OK = 0,
    /* the codes of crm::ErrorCode (include/crm/core/error.hpp), in its order */
    CRM_E_INVALID_ARGUMENT = 1,  /* a value outside what the field allows; a NULL argument */
    CRM_E_PARSE_ERROR = 2,       /* malformed JSON, a wrong type, a missing or unknown key */
    CRM_E_OVERFLOW = 3,          /* a number beyond range */
    CRM_E_UNDERFLOW = 4,
    CRM_E_DIVISION_BY_ZERO = 5,
    CRM_E_INVALID_OPERATION = 6,
    CRM_E_INEXACT = 7,
    CRM_E_CURRENCY_MISMATCH = 8,
    CRM_E_UNKNOWN_CURRENCY = 9,
    CRM_E_INVALID_DATE = 10,
    CRM_E_OUT_OF_RANGE = 11,
    CRM_E_NOT_FOUND = 12,        /* e.g. no policy version in force at the as-of date */
    CRM_E_DUPLICATE = 13,        /* e.g. a key given twice in one object */
    CRM_E_INCONSISTENT = 14,
    /* the codes of the C ABI itself */
    CRM_E_UNKNOWN_ENTRY = 64,    /* crm_call with an entry name the library does not have */
    CRM_E_OUT_OF_MEMORY = 65,
    CRM_E_INTERNAL = 66          /* a failure inside the library (a bug): please report it */
};

/* An error: code, field and message. */
typedef struct crm_error crm_error;
/* A loaded, validated policy set. */
typedef struct crm_policy_set crm_policy_set;

/* The library's version, "MAJOR.MINOR.PATCH" (static storage: never freed). */
CRM_C_API const char* crm_version(void);
/* The CRM_C_ABI_VERSION the library was built with. */
CRM_C_API int crm_abi_version(void);
/* The stable name of a status: "ok", "parse_error", "unknown_entry" ... ("unknown" for a value
 * that is no status). Static storage: never freed. */
CRM_C_API const char* crm_status_name(crm_status status);

/* The error's code (CRM_E_INVALID_ARGUMENT for a NULL error). */
CRM_C_API crm_status crm_error_code(const crm_error* error);
/* The JSON Pointer of the offending value in the document or request ("/order/amount/amount";
 * "" for the whole document), or the name of a NULL argument ("request"). Owned by the error:
 * valid until crm_error_free. "" for a NULL error. */
CRM_C_API const char* crm_error_field(const crm_error* error);
/* What is wrong; for a document, starting with "<file>:<line>:<column>: ". Owned by the error.
 * "" for a NULL error. */
CRM_C_API const char* crm_error_message(const crm_error* error);
/* Frees an error (NULL: nothing). */
CRM_C_API void crm_error_free(crm_error* error);

/* Frees a text the library returned (NULL: nothing). */
CRM_C_API void crm_string_free(char* text);

/* Reads the policy set document `json` (`len` bytes of UTF-8) and validates it; `file_name`
 * names it in error messages (NULL: "<policy set>"). On success *out is a new handle, freed
 * with crm_policy_set_free. */
CRM_C_API crm_status crm_policy_set_load(const char* json, size_t len, const char* file_name,
                                         crm_policy_set** out, crm_error** err);
/* Frees a handle (NULL: nothing). No call may be using it. */
CRM_C_API void crm_policy_set_free(crm_policy_set* set);

/* Asks the question `entry` (a NUL-terminated name) about `request` (`len` bytes of UTF-8
 * JSON) against the loaded policy set. On success *response is a new NUL-terminated JSON
 * document, freed with crm_string_free. Entries (docs/c-abi.md has their documents):
 *   "check_order"  credit check of one order: {"account", "order", "as_of", "lang"}
 *   "aging"        aging of a ledger: {"receivables", "as_of", "basis", "by", "buckets", "lang"}
 *   "validate"     the set's versions and lint findings: {"lang"}
 *   "price"        price of a quote's lines: {"context", "lines", "as_of", "role", "lang"}
 *   "route"        approval route of a request: {"request", "people", "as_of", "lang"}
 *   "verify"       approvals against the route: {"request", "people", "as_of", "approvals",
 *                  "delegations", "lang"}
 *   "monthly_report" the monthly key-account report of a month's facts: {"as_of", "plan",
 *                  "accounts", "people", "actuals", "receivables", ..., "lang", "format"};
 *                  the response holds the rendering ("text", "md" or "html") in "report"
 *   "score"        subjects scored on a scorecard or the KPI: {"as_of", "scorecard" | "kpi",
 *                  "subjects", "lang"}
 *   "sla"          complaints against the SLA table: {"as_of", "calendar", "working_hours",
 *                  "complaints", "lang"}
 *   "pool"         the owned accounts that return to the public pool: {"as_of", "accounts", "lang"}
 *   "visits"       the accounts whose visit is overdue: {"as_of", "accounts", "lang"}
 * An unknown name is CRM_E_UNKNOWN_ENTRY whose message names it. */
CRM_C_API crm_status crm_call(const crm_policy_set* set, const char* entry, const char* request, size_t len,
                              char** response, crm_error** err);

#ifdef __cplusplus
}
#endif

#endif /* CRM_C_CRMRULES_H */
