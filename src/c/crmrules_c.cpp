// The C ABI (include/crm/c/crmrules.h): a thin edge over crm::io. Every request is read by the
// document readers (crm::io::read_*_request), answered by the same functions as the crm
// command line and written by the same writers (crm/io/response.hpp). No exception leaves a
// function of this file: each body runs inside `guarded`, which turns it into a status and an
// error object.

#include <crm/c/crmrules.h>
#include <crm/core/error.hpp>
#include <crm/io/account.hpp>
#include <crm/io/approval.hpp>
#include <crm/io/json.hpp>
#include <crm/io/pricing.hpp>
#include <crm/io/report.hpp>
#include <crm/io/response.hpp>
#include <crm/io/scoring.hpp>
#include <crm/policy/policy_set.hpp>
#include <crm/version.hpp>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

struct crm_error {
    crm_status code;
    std::string field;
    std::string message;
};

struct crm_policy_set {
    crm::policy::PolicySet set;
};

namespace {

// The error handed out when not even an error object can be allocated. Its strings fit the
// small-string buffer, so building it allocates nothing; crm_error_free never frees it.
const crm_error out_of_memory_error{CRM_E_OUT_OF_MEMORY, "", "out of memory"};

crm_status status_of(crm::ErrorCode code) noexcept {
    switch (code) {
    case crm::ErrorCode::invalid_argument: return CRM_E_INVALID_ARGUMENT;
    case crm::ErrorCode::parse_error: return CRM_E_PARSE_ERROR;
    case crm::ErrorCode::overflow: return CRM_E_OVERFLOW;
    case crm::ErrorCode::underflow: return CRM_E_UNDERFLOW;
    case crm::ErrorCode::division_by_zero: return CRM_E_DIVISION_BY_ZERO;
    case crm::ErrorCode::invalid_operation: return CRM_E_INVALID_OPERATION;
    case crm::ErrorCode::inexact: return CRM_E_INEXACT;
    case crm::ErrorCode::currency_mismatch: return CRM_E_CURRENCY_MISMATCH;
    case crm::ErrorCode::unknown_currency: return CRM_E_UNKNOWN_CURRENCY;
    case crm::ErrorCode::invalid_date: return CRM_E_INVALID_DATE;
    case crm::ErrorCode::out_of_range: return CRM_E_OUT_OF_RANGE;
    case crm::ErrorCode::not_found: return CRM_E_NOT_FOUND;
    case crm::ErrorCode::duplicate: return CRM_E_DUPLICATE;
    case crm::ErrorCode::inconsistent: return CRM_E_INCONSISTENT;
    }
    return CRM_E_INTERNAL;
}

/// A failure of the C ABI itself (a NULL argument, an unknown entry): code, field, message.
struct AbiFailure {
    crm_status code;
    std::string field;
    std::string message;
};

[[noreturn]] void null_argument(const char* name) {
    throw AbiFailure{CRM_E_INVALID_ARGUMENT, name, std::string("the argument ") + name + " is NULL"};
}

void store(crm_error** err, crm_status code, std::string field, std::string message) noexcept {
    if (err == nullptr) return;
    try {
        *err = new crm_error{code, std::move(field), std::move(message)};
    } catch (...) {
        *err = const_cast<crm_error*>(&out_of_memory_error);
    }
}

/// Runs `body` (which returns nothing or throws); every exception becomes a status and, when
/// `err` is not NULL, an error object.
template <class F>
crm_status guarded(crm_error** err, F&& body) noexcept {
    if (err != nullptr) *err = nullptr;
    try {
        std::forward<F>(body)();
        return CRM_OK;
    } catch (const AbiFailure& f) {
        store(err, f.code, f.field, f.message);
        return f.code;
    } catch (const crm::Error& e) {
        const crm_status code = status_of(e.code());
        store(err, code, e.field(), e.message());
        return code;
    } catch (const std::bad_alloc&) {
        if (err != nullptr) *err = const_cast<crm_error*>(&out_of_memory_error);
        return CRM_E_OUT_OF_MEMORY;
    } catch (const std::exception& e) {
        store(err, CRM_E_INTERNAL, "", std::string("internal failure: ") + e.what());
        return CRM_E_INTERNAL;
    } catch (...) {
        store(err, CRM_E_INTERNAL, "", "internal failure");
        return CRM_E_INTERNAL;
    }
}

/// A copy of `text` the caller frees with crm_string_free.
char* new_text(const std::string& text) {
    auto* out = static_cast<char*>(std::malloc(text.size() + 1));
    if (out == nullptr) throw std::bad_alloc();
    std::memcpy(out, text.c_str(), text.size() + 1);
    return out;
}

// ---- errors of the computation, pointed back into the request -----------------------------------
// The readers name a JSON Pointer of the request already. A rule that finds a problem while it
// computes (a rate missing for a currency, a tier without a credit policy row) names its own
// input (`options.rates.USD`, `tier`); `request_pointer` turns those into the pointer of the
// request member they came from, and the message gets that member's position.

struct Rebase {
    std::string_view from;  // a library path, or its prefix before '.' or '['
    std::string_view to;    // the request's JSON Pointer
};

constexpr Rebase check_order_paths[] = {
    {"as_of", "/as_of"},
    {"tier", "/account/tier"},
    {"segment", "/account/segment"},
    {"order", "/order"},
    {"profile", "/account/profile"},
    {"snapshot.receivables", "/account/receivables"},
    {"snapshot.open_orders", "/account/open_orders"},
    {"snapshot.shipped_not_invoiced", "/account/shipped_not_invoiced"},
    {"snapshot.rates", "/account/rates"},
    {"rates", "/account/rates"},
};

constexpr Rebase aging_paths[] = {
    {"as_of", "/as_of"},
    {"receivables", "/receivables/receivables"},
    {"items", "/receivables/receivables"},
    {"options.rates", "/receivables/rates"},
    {"rates", "/receivables/rates"},
    {"regions", "/receivables/regions"},
    {"options.basis", "/basis"},
    {"buckets", "/buckets"},
};

constexpr Rebase price_paths[] = {
    {"as_of", "/as_of"},
    {"lines", "/lines"},
};

constexpr Rebase approval_paths[] = {
    {"as_of", "/as_of"},
    {"request", "/request"},
    {"approvals", "/approvals"},
    {"delegations", "/delegations"},
};

/// The pointer for library path `field` under `paths`, or nullopt when none fits.
template <std::size_t N>
std::optional<std::string> rebase(const Rebase (&paths)[N], std::string_view field) {
    for (const auto& p : paths) {
        if (!field.starts_with(p.from)) continue;
        const std::string_view rest = field.substr(p.from.size());
        if (rest.empty()) return std::string(p.to);
        if (rest[0] == '[') return std::string(p.to) + crm::io::to_json_pointer(rest);
        if (rest[0] == '.') {
            // `options.rates.USD` names a currency, not a member: the pointer stays at the list
            if (p.to.ends_with("/rates")) return std::string(p.to);
            return std::string(p.to) + crm::io::to_json_pointer(rest.substr(1));
        }
    }
    return std::nullopt;
}

/// Runs `answer`; a crm::Error from the computation (not from a reader, whose field is already
/// a pointer starting with '/') is rethrown with the request's pointer and position.
template <std::size_t N, class F>
std::string pointed(const Rebase (&paths)[N], std::string_view request, F&& answer) {
    try {
        return std::forward<F>(answer)();
    } catch (const crm::Error& e) {
        if (e.field().empty() || e.field().starts_with('/')) throw;
        const auto pointer = rebase(paths, e.field());
        const std::string ptr = pointer.value_or("");
        const auto at = crm::io::position_of(request, crm::io::locate(request, ptr));
        std::string message =
            "<request>:" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + e.message();
        if (!pointer) message += " (in " + e.field() + ")";
        throw crm::Error(e.code(), ptr, std::move(message));
    }
}

// ---- the entry points ---------------------------------------------------------------------------

std::string call_check_order(const crm::policy::PolicySet& set, std::string_view request) {
    const auto r = crm::io::read_check_order_request(request);
    return pointed(check_order_paths, request, [&] {
        return crm::io::write_credit_check(crm::io::check_order(set, r.account, r.order, r.as_of), r.lang);
    });
}

std::string call_aging(const crm::policy::PolicySet& set, std::string_view request) {
    const auto r = crm::io::read_aging_request(request);
    return pointed(aging_paths, request, [&] {
        const crm::credit::AgingBuckets buckets =
            r.buckets ? *r.buckets : crm::policy::aging_buckets(set.in_force(r.as_of));
        return crm::io::write_aging(
            crm::io::aging_table(r.receivables, r.as_of, buckets, r.basis, r.by, r.lang));
    });
}

std::string call_validate(const crm::policy::PolicySet& set, std::string_view request) {
    const auto r = crm::io::read_validate_request(request);
    const auto findings = set.validate();
    return crm::io::write_validation(set, findings, r.lang);
}

std::string call_price(const crm::policy::PolicySet& set, std::string_view request) {
    const auto r = crm::io::read_price_request(request);
    return pointed(price_paths, request,
                   [&] { return crm::io::write_price(crm::io::price(set, r), r.lang); });
}

std::string call_route(const crm::policy::PolicySet& set, std::string_view request) {
    const auto r = crm::io::read_route_request(request);
    return pointed(approval_paths, request,
                   [&] { return crm::io::write_route(crm::io::route(set, r), r.lang); });
}

std::string call_verify(const crm::policy::PolicySet& set, std::string_view request) {
    const auto r = crm::io::read_verify_request(request);
    return pointed(approval_paths, request,
                   [&] { return crm::io::write_verify(crm::io::verify(set, r), r.route.lang); });
}

/// Runs `answer`; an error naming a pointer of the request gets the request's position (the
/// monthly report, score and SLA answers name the request's pointers themselves); a policy's
/// pointer (`/versions/...`) stays as it is.
template <class F>
std::string positioned(std::string_view request, F&& answer) {
    try {
        return std::forward<F>(answer)();
    } catch (const crm::Error& e) {
        if (!e.field().starts_with("/") || e.field().starts_with("/versions")) throw;
        const auto at = crm::io::position_of(request, crm::io::locate(request, e.field()));
        throw crm::Error(e.code(), e.field(),
                         "<request>:" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
                             e.message());
    }
}

std::string call_monthly_report(const crm::policy::PolicySet& set, std::string_view request) {
    const auto r = crm::io::read_monthly_report_request(request);
    return positioned(request, [&] {
        const crm::report::MonthlyKeyAccountReport report = crm::io::monthly_report(set, r);
        return crm::io::write_monthly_report(report, set.in_force(report.as_of).id, r.lang, r.format);
    });
}

std::string call_score(const crm::policy::PolicySet& set, std::string_view request) {
    const auto r = crm::io::read_score_request(request);
    return positioned(request, [&] { return crm::io::write_score(crm::io::score(set, r), r.lang); });
}

std::string call_sla(const crm::policy::PolicySet& set, std::string_view request) {
    const auto r = crm::io::read_sla_request(request);
    return positioned(request, [&] { return crm::io::write_sla(crm::io::sla(set, r), r.lang); });
}

std::string call_pool(const crm::policy::PolicySet& set, std::string_view request) {
    const auto r = crm::io::read_account_request(request);
    return positioned(request, [&] { return crm::io::write_pool(crm::io::pool(set, r), r.lang); });
}

std::string call_visits(const crm::policy::PolicySet& set, std::string_view request) {
    const auto r = crm::io::read_account_request(request);
    return positioned(request, [&] { return crm::io::write_visits(crm::io::visits(set, r), r.lang); });
}

struct Entry {
    std::string_view name;
    std::string (*call)(const crm::policy::PolicySet&, std::string_view);
};

constexpr Entry entries[] = {
    {"aging", call_aging},
    {"check_order", call_check_order},
    {"monthly_report", call_monthly_report},
    {"pool", call_pool},
    {"price", call_price},
    {"route", call_route},
    {"score", call_score},
    {"sla", call_sla},
    {"validate", call_validate},
    {"verify", call_verify},
    {"visits", call_visits},
};

}  // namespace

extern "C" {

const char* crm_version(void) { return CRM_VERSION_STRING; }

int crm_abi_version(void) { return CRM_C_ABI_VERSION; }

const char* crm_status_name(crm_status status) {
    switch (status) {
    case CRM_OK: return "ok";
    case CRM_E_INVALID_ARGUMENT: return "invalid_argument";
    case CRM_E_PARSE_ERROR: return "parse_error";
    case CRM_E_OVERFLOW: return "overflow";
    case CRM_E_UNDERFLOW: return "underflow";
    case CRM_E_DIVISION_BY_ZERO: return "division_by_zero";
    case CRM_E_INVALID_OPERATION: return "invalid_operation";
    case CRM_E_INEXACT: return "inexact";
    case CRM_E_CURRENCY_MISMATCH: return "currency_mismatch";
    case CRM_E_UNKNOWN_CURRENCY: return "unknown_currency";
    case CRM_E_INVALID_DATE: return "invalid_date";
    case CRM_E_OUT_OF_RANGE: return "out_of_range";
    case CRM_E_NOT_FOUND: return "not_found";
    case CRM_E_DUPLICATE: return "duplicate";
    case CRM_E_INCONSISTENT: return "inconsistent";
    case CRM_E_UNKNOWN_ENTRY: return "unknown_entry";
    case CRM_E_OUT_OF_MEMORY: return "out_of_memory";
    case CRM_E_INTERNAL: return "internal";
    default: return "unknown";
    }
}

crm_status crm_error_code(const crm_error* error) {
    return error == nullptr ? CRM_E_INVALID_ARGUMENT : error->code;
}

const char* crm_error_field(const crm_error* error) { return error == nullptr ? "" : error->field.c_str(); }

const char* crm_error_message(const crm_error* error) {
    return error == nullptr ? "" : error->message.c_str();
}

void crm_error_free(crm_error* error) {
    if (error != &out_of_memory_error) delete error;
}

void crm_string_free(char* text) { std::free(text); }

crm_status crm_policy_set_load(const char* json, size_t len, const char* file_name, crm_policy_set** out,
                               crm_error** err) {
    if (out != nullptr) *out = nullptr;
    return guarded(err, [&] {
        if (out == nullptr) null_argument("out");
        if (json == nullptr) null_argument("json");
        const std::string_view name = file_name == nullptr ? std::string_view("<policy set>") : file_name;
        *out = new crm_policy_set{crm::io::read_policy_set(std::string_view(json, len), name)};
    });
}

void crm_policy_set_free(crm_policy_set* set) { delete set; }

crm_status crm_call(const crm_policy_set* set, const char* entry, const char* request, size_t len,
                    char** response, crm_error** err) {
    if (response != nullptr) *response = nullptr;
    return guarded(err, [&] {
        if (response == nullptr) null_argument("response");
        if (set == nullptr) null_argument("set");
        if (entry == nullptr) null_argument("entry");
        if (request == nullptr) null_argument("request");
        const std::string_view name(entry);
        for (const auto& e : entries) {
            if (e.name != name) continue;
            *response = new_text(e.call(set->set, std::string_view(request, len)));
            return;
        }
        std::string known;
        for (const auto& e : entries) known += (known.empty() ? "" : ", ") + std::string(e.name);
        // the name is quoted as given, cut at 100 bytes so a garbage pointer cannot flood the message
        const std::string shown(name.substr(0, 100));
        throw AbiFailure{CRM_E_UNKNOWN_ENTRY, "entry",
                         "no entry point named \"" + shown + "\" (entry points: " + known + ")"};
    });
}

}  // extern "C"
