/* The C ABI from the outside: a C11 program (compiled as C, -std=c11 -Wall -Wextra -Werror)
 * that loads a policy set, asks every entry point a question whose answer is computed by hand
 * below, feeds it a table of bad inputs (each must give its code and field, never a crash) and
 * calls one shared handle from several threads at once.
 *   c_abi_test <policy set document>      (tests/cli/data/policy.json)
 * Exit status 0 when every check passes; each failure is printed. */

#include <crm/c/crmrules.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond, ...)                                                \
    do {                                                                \
        ++checks;                                                       \
        if (!(cond)) {                                                  \
            ++failures;                                                 \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                               \
            fprintf(stderr, "\n");                                      \
        }                                                               \
    } while (0)

static char* read_file(const char* path, size_t* len) {
    FILE* f = fopen(path, "rb");
    if (f == NULL) return NULL;
    size_t cap = 4096, n = 0;
    char* buf = malloc(cap);
    size_t got;
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char* bigger = realloc(buf, cap *= 2);
            if (bigger == NULL) free(buf);
            buf = bigger;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Calls `entry` with the NUL-terminated `request`; returns the response (to be freed) or NULL,
 * with *status and *err set. */
static char* call(const crm_policy_set* set, const char* entry, const char* request, crm_status* status,
                  crm_error** err) {
    char* response = NULL;
    *status = crm_call(set, entry, request, strlen(request), &response, err);
    return response;
}

/* True when `text` contains `part`; prints the text when not, to show what came instead. */
static int contains(const char* text, const char* part) {
    if (text != NULL && strstr(text, part) != NULL) return 1;
    fprintf(stderr, "--- expected to find\n%s\n--- in\n%s\n---\n", part, text ? text : "(null)");
    return 0;
}

/* Money is never a JSON number: every "amount" and "total" member is followed by a string. */
static int money_as_strings(const char* text) {
    const char* keys[] = {"\"amount\": ", "\"total\": "};
    for (size_t k = 0; k < 2; ++k) {
        for (const char* p = strstr(text, keys[k]); p != NULL; p = strstr(p + 1, keys[k]))
            if (p[strlen(keys[k])] != '"') return 0;
    }
    return 1;
}

/* ---- the documents --------------------------------------------------------------------------- */

/* Account A-1 of tier B (tests/cli/data/account.json): limit CNY 1,000,000.00, INV-1 of
 * 400,000.00 not yet due at 2025-03-01 (due 03-14), open order SO-0 of 100,000.00. */
#define ACCOUNT                                                                                  \
    "{\"profile\": {\"account\": \"A-1\", \"limit\": {\"amount\": \"1000000.00\", \"currency\": \"CNY\"}," \
    " \"rating\": \"AA\", \"limit_reviewed_on\": \"2024-12-01\"},"                              \
    " \"tier\": \"B\", \"segment\": \"经销商\","                                                 \
    " \"receivables\": [{\"invoice\": \"INV-1\", \"account\": \"A-1\", \"invoiced_on\": \"2025-02-12\"," \
    " \"due_on\": \"2025-03-14\", \"open_amount\": {\"amount\": \"400000.00\", \"currency\": \"CNY\"}}]," \
    " \"open_orders\": [{\"id\": \"SO-0\", \"amount\": {\"amount\": \"100000.00\", \"currency\": \"CNY\"}}]}"

#define ORDER(id, amount) "{\"id\": \"" id "\", \"amount\": {\"amount\": \"" amount "\", \"currency\": \"CNY\"}}"

#define CHECK_REQUEST(order, lang) \
    "{\"account\": " ACCOUNT ", \"order\": " order ", \"as_of\": \"2025-03-01\", \"lang\": \"" lang "\"}"

/* A ledger of two accounts at 2025-03-01, aged by days past due into the default buckets:
 *   I-1 A-1 due 2025-02-27  100.50 CNY    2 days past due  -> 1-30
 *   I-2 A-1 due 2025-01-30  200.25 CNY   30 days (1 + 28 + 1) -> 1-30 (its last day)
 *   I-3 A-1 due 2025-01-29 1000.00 CNY   31 days           -> 31-60 (its first day)
 *   I-4 A-1 due 2025-03-01   50.00 CNY    0 days (due today) -> current
 *   I-5 B-7 due 2024-12-01   10.00 USD x 7.10 = 71.00 CNY, 31 + 31 + 28 = 90 days -> 61-90
 *   I-6 B-7 due 2024-08-01 3000.00 CNY  31+30+31+30+31+31+28 = 212 days -> 181-365
 * By bucket: current 50.00 (1), 1-30 100.50 + 200.25 = 300.75 (2), 31-60 1000.00 (1),
 * 61-90 71.00 (1), 91-180 0.00 (0), 181-365 3000.00 (1), >365 0.00 (0);
 * total 50.00 + 300.75 + 1000.00 + 71.00 + 3000.00 = 4421.75.
 * By account: A-1 100.50 + 200.25 + 1000.00 + 50.00 = 1350.75; B-7 71.00 + 3000.00 = 3071.00. */
#define ITEM(inv, acct, due, amount, cur)                                                         \
    "{\"invoice\": \"" inv "\", \"account\": \"" acct "\", \"invoiced_on\": \"2024-07-01\", \"due_on\": \"" due \
    "\", \"open_amount\": {\"amount\": \"" amount "\", \"currency\": \"" cur "\"}}"
#define ITEMS                                                                                      \
    ITEM("I-1", "A-1", "2025-02-27", "100.50", "CNY") ", " ITEM("I-2", "A-1", "2025-01-30", "200.25", "CNY") ", " \
    ITEM("I-3", "A-1", "2025-01-29", "1000.00", "CNY") ", " ITEM("I-4", "A-1", "2025-03-01", "50.00", "CNY") ", " \
    ITEM("I-5", "B-7", "2024-12-01", "10.00", "USD") ", " ITEM("I-6", "B-7", "2024-08-01", "3000.00", "CNY")
#define LEDGER                                                                               \
    "{\"currency\": \"CNY\", \"rates\": [{\"from\": \"USD\", \"rate\": \"7.10\"}], \"receivables\": [" ITEMS \
    "], \"regions\": [{\"account\": \"A-1\", \"region\": \"east\"}, {\"account\": \"B-7\", \"region\": \"north\"}]}"

/* One bucket of a response row, as the canonical writer lays it out (sorted keys, indented). */
#define BUCKET(label, amount, items)                                                              \
    "\"amount\": \"" amount "\",\n          \"bucket\": \"" label "\",\n          \"items\": " items

/* ---- worked examples --------------------------------------------------------------------------- */

static void test_version(void) {
    CHECK(crm_abi_version() == CRM_C_ABI_VERSION, "abi %d", crm_abi_version());
    const char* v = crm_version();
    int major = -1, minor = -1, patch = -1;
    CHECK(v != NULL && sscanf(v, "%d.%d.%d", &major, &minor, &patch) == 3 && major >= 0, "version '%s'", v);
    CHECK(strcmp(crm_status_name(CRM_OK), "ok") == 0, "ok");
    CHECK(strcmp(crm_status_name(CRM_E_PARSE_ERROR), "parse_error") == 0, "parse_error");
    CHECK(strcmp(crm_status_name(CRM_E_UNKNOWN_ENTRY), "unknown_entry") == 0, "unknown_entry");
    CHECK(strcmp(crm_status_name(12345), "unknown") == 0, "a value that is no status");
    /* every status has its stable name (those of crm::ErrorCode for 1-14) */
    static const struct {
        crm_status status;
        const char* name;
    } names[] = {
        {CRM_OK, "ok"}, {CRM_E_INVALID_ARGUMENT, "invalid_argument"}, {CRM_E_PARSE_ERROR, "parse_error"},
        {CRM_E_OVERFLOW, "overflow"}, {CRM_E_UNDERFLOW, "underflow"}, {CRM_E_DIVISION_BY_ZERO, "division_by_zero"},
        {CRM_E_INVALID_OPERATION, "invalid_operation"}, {CRM_E_INEXACT, "inexact"},
        {CRM_E_CURRENCY_MISMATCH, "currency_mismatch"}, {CRM_E_UNKNOWN_CURRENCY, "unknown_currency"},
        {CRM_E_INVALID_DATE, "invalid_date"}, {CRM_E_OUT_OF_RANGE, "out_of_range"}, {CRM_E_NOT_FOUND, "not_found"},
        {CRM_E_DUPLICATE, "duplicate"}, {CRM_E_INCONSISTENT, "inconsistent"}, {CRM_E_UNKNOWN_ENTRY, "unknown_entry"},
        {CRM_E_OUT_OF_MEMORY, "out_of_memory"}, {CRM_E_INTERNAL, "internal"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i)
        CHECK(strcmp(crm_status_name(names[i].status), names[i].name) == 0, "status %d is '%s', not '%s'",
              names[i].status, crm_status_name(names[i].status), names[i].name);
    CHECK(CRM_E_INCONSISTENT == 14 && CRM_E_UNKNOWN_ENTRY == 64, "the values are part of the ABI");
}

static void test_check_order(const crm_policy_set* set) {
    crm_status status;
    crm_error* err = NULL;
    /* 400,000 + 100,000 + 100,000 = 600,000 of 1,000,000: 60%, under the 90% warning: allow,
     * no reasons. Version 2025-v1 is in force (effective 2025-01-01). */
    char* r = call(set, "check_order", CHECK_REQUEST(ORDER("SO-small", "100000.00"), "en"), &status, &err);
    CHECK(status == CRM_OK && err == NULL, "status %d", status);
    CHECK(contains(r, "\"outcome\": \"allow\"") && contains(r, "\"reasons\": []") &&
              contains(r, "\"policy_version\": \"2025-v1\"") && contains(r, "\"order\": \"SO-small\"") &&
              contains(r, "\"account\": \"A-1\"") && contains(r, "\"as_of\": \"2025-03-01\""),
          "allow");
    crm_string_free(r);

    /* + 420,000 = 920,000: 92.00% >= 90%: warn, available 1,000,000 - 920,000 = 80,000.00. */
    r = call(set, "check_order", CHECK_REQUEST(ORDER("SO-warn", "420000.00"), "en"), &status, &err);
    CHECK(status == CRM_OK, "status %d", status);
    CHECK(contains(r, "\"outcome\": \"warn\"") && contains(r, "\"code\": \"credit.high_utilisation\"") &&
              contains(r, "\"exposure\": \"CNY 920,000.00\"") && contains(r, "\"available\": \"CNY 80,000.00\"") &&
              contains(r, "\"utilisation\": \"92.00%\""),
          "warn");
    crm_string_free(r);

    /* + 550,000 = 1,050,000: 50,000.00 over the limit, within the tier B tolerance of 10% of the
     * limit (100,000.00): needs approval. */
    r = call(set, "check_order", CHECK_REQUEST(ORDER("SO-approval", "550000.00"), "en"), &status, &err);
    CHECK(status == CRM_OK, "status %d", status);
    CHECK(contains(r, "\"outcome\": \"needs_approval\"") && contains(r, "\"exposure\": \"CNY 1,050,000.00\"") &&
              contains(r, "exceeds the credit limit"),
          "needs approval");
    CHECK(money_as_strings(r), "money as strings");
    crm_string_free(r);

    /* + 700,000 = 1,200,000: 200,000.00 over, beyond the tolerance: block; the reason in
     * Chinese when lang is zh. */
    r = call(set, "check_order", CHECK_REQUEST(ORDER("SO-block", "700000.00"), "zh"), &status, &err);
    CHECK(status == CRM_OK, "status %d", status);
    CHECK(contains(r, "\"outcome\": \"block\"") && contains(r, "\"exposure\": \"CNY 1,200,000.00\"") &&
              contains(r, "信用额度"),
          "block");
    crm_string_free(r);

    /* the same account at 2024-12-31 is checked against version 2024-v1 */
    r = call(set, "check_order",
             "{\"account\": " ACCOUNT ", \"order\": " ORDER("SO-1", "1.00") ", \"as_of\": \"2024-12-31\"}",
             &status, &err);
    CHECK(status == CRM_OK && contains(r, "\"policy_version\": \"2024-v1\""), "status %d", status);
    crm_string_free(r);
}

static void test_aging(const crm_policy_set* set) {
    crm_status status;
    crm_error* err = NULL;
    /* the buckets of the policy version in force (2025-v1 has the default ones); see LEDGER */
    char* r = call(set, "aging", "{\"receivables\": " LEDGER ", \"as_of\": \"2025-03-01\", \"lang\": \"en\"}",
                   &status, &err);
    CHECK(status == CRM_OK && err == NULL, "status %d", status);
    CHECK(contains(r, "\"as_of\": \"2025-03-01\"") && contains(r, "\"basis\": \"days_past_due\"") &&
              contains(r, "\"by\": \"total\"") && contains(r, "\"currency\": \"CNY\""),
          "header");
    CHECK(contains(r, BUCKET("current", "50.00", "1")) && contains(r, BUCKET("1-30", "300.75", "2")) &&
              contains(r, BUCKET("31-60", "1000.00", "1")) && contains(r, BUCKET("61-90", "71.00", "1")) &&
              contains(r, BUCKET("91-180", "0.00", "0")) && contains(r, BUCKET("181-365", "3000.00", "1")) &&
              contains(r, BUCKET(">365", "0.00", "0")),
          "buckets");
    CHECK(contains(r, "\"key\": \"total\",\n      \"total\": \"4421.75\""), "total");
    CHECK(money_as_strings(r), "money as strings");
    crm_string_free(r);

    /* by account, then the total ("合计" in Chinese, the default language) */
    r = call(set, "aging", "{\"receivables\": " LEDGER ", \"as_of\": \"2025-03-01\", \"by\": \"account\"}",
             &status, &err);
    CHECK(status == CRM_OK, "status %d", status);
    CHECK(contains(r, "\"key\": \"A-1\",\n      \"total\": \"1350.75\"") &&
              contains(r, "\"key\": \"B-7\",\n      \"total\": \"3071.00\"") &&
              contains(r, "\"key\": \"合计\",\n      \"total\": \"4421.75\""),
          "by account");
    crm_string_free(r);

    /* buckets given in the request: 未到期 0 days: I-4 50.00; 1-60: I-1, I-2, I-3 = 1300.75;
     * >60: I-5, I-6 = 3071.00 */
    r = call(set, "aging",
             "{\"receivables\": " LEDGER ", \"as_of\": \"2025-03-01\", \"buckets\": ["
             "{\"label\": \"未到期\", \"from_days\": 0, \"to_days\": 0},"
             "{\"label\": \"1-60\", \"from_days\": 1, \"to_days\": 60},"
             "{\"label\": \">60\", \"from_days\": 61, \"to_days\": null}]}",
             &status, &err);
    CHECK(status == CRM_OK, "status %d", status);
    CHECK(contains(r, BUCKET("未到期", "50.00", "1")) && contains(r, BUCKET("1-60", "1300.75", "3")) &&
              contains(r, BUCKET(">60", "3071.00", "2")),
          "own buckets");
    crm_string_free(r);

    /* days since invoice: every item was invoiced 2024-07-01, 31+31+30+31+30+31+31+28 = 243 days
     * before 2025-03-01: all 4421.75 in 181-365 (6 items) */
    r = call(set, "aging",
             "{\"receivables\": " LEDGER ", \"as_of\": \"2025-03-01\", \"basis\": \"days_since_invoice\"}",
             &status, &err);
    CHECK(status == CRM_OK && contains(r, BUCKET("181-365", "4421.75", "6")) &&
              contains(r, "\"basis\": \"days_since_invoice\""),
          "status %d", status);
    crm_string_free(r);
}

static void test_validate(const crm_policy_set* set) {
    crm_status status;
    crm_error* err = NULL;
    /* tests/cli/data/policy.json: company 华东机电, versions 2024-v1 and 2025-v1 */
    char* r = call(set, "validate", "{\"lang\": \"en\"}", &status, &err);
    CHECK(status == CRM_OK && err == NULL, "status %d", status);
    CHECK(contains(r, "\"valid\": true") && contains(r, "\"company\": \"华东机电\"") &&
              contains(r, "\"id\": \"2024-v1\"") && contains(r, "\"effective_from\": \"2025-01-01\"") &&
              contains(r, "\"findings\": ["),
          "validate");
    crm_string_free(r);
    r = call(set, "validate", "{}", &status, &err);
    CHECK(status == CRM_OK && contains(r, "\"valid\": true"), "status %d", status);
    crm_string_free(r);
}

/* A route request of a 12% discount by wang (a sales rep reporting to li). */
#define PEOPLE "[{\"id\": \"wang\", \"role\": \"sales_rep\", \"manager\": \"li\"}, {\"id\": \"li\", \"role\": \"regional_manager\"}]"
#define ROUTE_REQUEST(percent, extra)                                                                   \
    "{\"request\": {\"id\": \"Q-1\", \"kind\": \"discount\", \"requester\": \"wang\", \"percent\": " percent \
    "}, \"people\": " PEOPLE ", \"as_of\": \"2025-03-01\"" extra "}"
#define PRICE_REQUEST(quantity) \
    "{\"lines\": [{\"product\": \"P-1\", \"currency\": \"CNY\", \"quantity\": " quantity "}], \"as_of\": \"2025-03-01\"}"

static void test_route_and_verify(const crm_policy_set* set) {
    crm_status status;
    crm_error* err = NULL;
    /* tests/cli/data/policy.json has no approval rows: no request needs approval, so the route is
     * empty and verify allows with no record at all */
    char* r = call(set, "route", ROUTE_REQUEST("\"12%\"", ", \"lang\": \"en\""), &status, &err);
    CHECK(status == CRM_OK && err == NULL, "status %d", status);
    CHECK(contains(r, "\"outcome\": \"allow\"") && contains(r, "\"code\": \"approval.not_needed\"") &&
              contains(r, "\"steps\": []") && contains(r, "\"policy_version\": \"2025-v1\""),
          "route");
    crm_string_free(r);
    r = call(set, "verify", ROUTE_REQUEST("\"12%\"", ", \"approvals\": []"), &status, &err);
    CHECK(status == CRM_OK && contains(r, "\"outcome\": \"allow\"") && contains(r, "\"request\": \"Q-1\""),
          "status %d", status);
    crm_string_free(r);
}

/* A monthly report request: one region, east, planned CNY 1,000.00 of sales in March 2025; K1
 * bought CNY 420.00 on 2025-03-05: 42.00% of the month's plan. */
#define REPORT_REQUEST(extra)                                                                              \
    "{\"as_of\": \"2025-03-10\", \"plan\": {\"year\": 2025, \"regions\": [{\"region\": \"east\", \"name\": " \
    "\"华东区\", \"months\": [{\"month\": 3, \"sales\": {\"amount\": \"1000.00\", \"currency\": \"CNY\"}}]}]}, " \
    "\"accounts\": [{\"id\": \"K1\", \"region\": \"east\", \"tier\": \"A\", \"created\": \"2024-01-01\"}], " \
    "\"actuals\": {\"sales\": [{\"account\": \"K1\", \"date\": \"2025-03-05\", \"amount\": {\"amount\": "  \
    "\"420.00\", \"currency\": \"CNY\"}}]}" extra "}"

static void test_monthly_report(const crm_policy_set* set) {
    crm_status status;
    crm_error* err = NULL;
    char* r = call(set, "monthly_report", REPORT_REQUEST(", \"lang\": \"en\""), &status, &err);
    CHECK(status == CRM_OK && err == NULL, "status %d", status);
    CHECK(contains(r, "\"policy_version\": \"2025-v1\"") && contains(r, "\"year\": 2025") &&
              contains(r, "\"month\": 3") && contains(r, "\"format\": \"text\"") &&
              contains(r, "Key-account report for 2025-3 (as of 2025-03-10)") &&
              contains(r, "华东区 | CNY 1,000.00 | CNY 420.00 | 42.00%"),
          "monthly_report");
    crm_string_free(r);
    r = call(set, "monthly_report", REPORT_REQUEST(", \"format\": \"html\""), &status, &err);
    CHECK(status == CRM_OK && contains(r, "\"format\": \"html\"") && contains(r, "<!DOCTYPE html>") &&
              contains(r, "2025年3月大客户月报"),
          "status %d", status);
    crm_string_free(r);
}

/* The KPI card of policy.json (the default weights): sales achievement 1.00 scores 83.33 x 25% =
 * 20.8325; collection 0.95: 95.00 x 20% = 19; receivables 1.15 of the cap: 50.00 x 10% = 5;
 * turnover 12 days over target: 60.00 x 15% = 9; expense ratio 0.05: 60.00 x 10% = 6;
 * satisfaction 95: 100 x 5% = 5; visits kept 1.00: 100 x 5% = 5; new products 0.05: 25.00 x
 * 10% = 2.5. Total 72.3325, grade C (60 to 75). */
#define KPI_FACTS(sales)                                                                                  \
    "{\"as_of\": \"2025-03-01\", \"kpi\": true, \"subjects\": [{\"id\": \"li\", \"facts\": "              \
    "{\"sales_achievement\": " sales ", \"collection_achievement\": \"0.95\", \"receivables_vs_cap\": "  \
    "\"1.15\", \"turnover_days_over_target\": \"12\", \"sales_expense_ratio\": \"0.05\", "             \
    "\"satisfaction\": \"95\", \"visit_plan_kept\": \"1.00\", \"new_product_share\": \"0.05\"}}]}"
/* Received Monday 2024-06-03 10:00, high, tier A: 2 business hours to respond; at 11:45, 105 of
 * the 120 minutes are used (87.5% >= 80%): at risk. */
#define SLA_REQUEST(tier)                                                                              \
    "{\"as_of\": \"2024-06-03 11:45\", \"complaints\": [{\"id\": \"C-1\", \"account\": \"ACC-1\", "   \
    "\"tier\": " tier ", \"severity\": \"high\", \"received\": \"2024-06-03 10:00\"}]}"

/* Under policy.json's 2025-v1 (pool: A exempt, B 30 days without a follow-up; visits: A monthly,
 * B every two months), on 2025-03-01: ACC-B (B) was last followed up on 2025-01-20, 40 days ago,
 * more than 30: released; ACC-A is A: exempt. ACC-A was last visited on 2025-01-15: due
 * 2025-02-15, 14 days overdue; ACC-B on 2025-01-10: due 2025-03-10, not yet. */
#define ACCOUNTS_REQUEST(tier)                                                                          \
    "{\"as_of\": \"2025-03-01\", \"accounts\": [{\"id\": \"ACC-A\", \"region\": \"east\", \"tier\": "   \
    "\"A\", \"owner\": \"wang\", \"status\": \"active\", \"created\": \"2024-01-01\", "                  \
    "\"last_follow_up\": \"2024-06-01\", \"last_visit\": \"2025-01-15\"}, {\"id\": \"ACC-B\", "            \
    "\"region\": \"east\", \"tier\": " tier ", \"owner\": \"li\", \"status\": \"active\", "              \
    "\"created\": \"2024-05-01\", \"last_follow_up\": \"2025-01-20\", \"last_deal\": \"2024-12-01\", "     \
    "\"last_visit\": \"2025-01-10\"}]}"

static void test_pool_and_visits(const crm_policy_set* set) {
    crm_status status;
    crm_error* err = NULL;
    char* r = call(set, "pool", ACCOUNTS_REQUEST("\"B\""), &status, &err);
    CHECK(status == CRM_OK && err == NULL, "status %d", status);
    CHECK(contains(r, "\"accounts\": 2") && contains(r, "\"account\": \"ACC-B\"") &&
              !contains(r, "\"account\": \"ACC-A\"") && contains(r, "\"elapsed\": 40") &&
              contains(r, "\"deadline\": \"2025-02-19\""),
          "pool");
    crm_string_free(r);
    r = call(set, "visits", ACCOUNTS_REQUEST("\"B\""), &status, &err);
    CHECK(status == CRM_OK && err == NULL, "status %d", status);
    CHECK(contains(r, "\"account\": \"ACC-A\"") && contains(r, "\"overdue_days\": 14") &&
              !contains(r, "\"account\": \"ACC-B\""),
          "visits");
    crm_string_free(r);
}

static void test_score_and_sla(const crm_policy_set* set) {
    crm_status status;
    crm_error* err = NULL;
    char* r = call(set, "score", KPI_FACTS("\"1.00\""), &status, &err);
    CHECK(status == CRM_OK && err == NULL, "status %d", status);
    CHECK(contains(r, "\"total\": \"72.3325\"") && contains(r, "\"grade\": \"C\"") && contains(r, "\"rank\": 1"),
          "score");
    crm_string_free(r);
    r = call(set, "sla", SLA_REQUEST("\"A\""), &status, &err);
    CHECK(status == CRM_OK && err == NULL, "status %d", status);
    CHECK(contains(r, "\"state\": \"at_risk\"") && contains(r, "\"elapsed\": 105") && contains(r, "\"allowed\": 120"),
          "sla");
    crm_string_free(r);
}

/* ---- bad input ------------------------------------------------------------------------------- */

struct bad_case {
    const char* what;
    const char* entry;
    const char* request;
    crm_status code;
    const char* field;
    const char* message_part; /* or NULL */
};

static const struct bad_case bad_cases[] = {
    {"price: a quantity as a JSON number", "price", PRICE_REQUEST("5"), CRM_E_PARSE_ERROR, "/lines/0/quantity",
     "binary floating-point"},
    {"price: a product the rule book does not know", "price", PRICE_REQUEST("\"5\""), CRM_E_NOT_FOUND,
     "/lines/0/product", "<request>:1:"},
    {"route: a percent as a JSON number", "route", ROUTE_REQUEST("12", ""), CRM_E_PARSE_ERROR, "/request/percent",
     "binary floating-point"},
    {"route: a role not on the ladder", "route",
     "{\"request\": {\"id\": \"Q\", \"kind\": \"order\", \"requester\": \"wang\"}, \"people\": [{\"id\": "
     "\"wang\", \"role\": \"ceo\"}], \"as_of\": \"2025-03-01\"}",
     CRM_E_NOT_FOUND, "/people/0/role", NULL},
    {"verify: a fingerprint too short", "verify",
     ROUTE_REQUEST("\"1\"", ", \"approvals\": [{\"request\": \"Q-1\", \"fingerprint\": \"00\", \"level\": "
                              "\"regional_manager\", \"approver\": \"li\", \"date\": \"2025-03-02\"}]"),
     CRM_E_PARSE_ERROR, "/approvals/0/fingerprint", "64 hex digits"},
    {"monthly_report: a sale as a JSON number", "monthly_report",
     "{\"plan\": {\"year\": 2025, \"regions\": [{\"region\": \"east\"}]}, \"actuals\": {\"sales\": "
     "[{\"account\": \"K1\", \"date\": \"2025-03-05\", \"amount\": 420}]}}",
     CRM_E_PARSE_ERROR, "/actuals/sales/0/amount", "binary floating-point"},
    {"monthly_report: an account in a region the plan does not have", "monthly_report",
     "{\"as_of\": \"2025-03-10\", \"plan\": {\"year\": 2025, \"regions\": [{\"region\": \"east\"}]}, "
     "\"accounts\": [{\"id\": \"K1\", \"region\": \"west\", \"tier\": \"A\", \"created\": \"2024-01-01\"}]}",
     CRM_E_NOT_FOUND, "/accounts/0/region", "<request>:1:"},
    {"monthly_report: a format that does not exist", "monthly_report", REPORT_REQUEST(", \"format\": \"pdf\""),
     CRM_E_PARSE_ERROR, "/format", "text, md, html"},
    {"score: a fact as a JSON number", "score", KPI_FACTS("1"), CRM_E_PARSE_ERROR,
     "/subjects/0/facts/sales_achievement", "binary floating-point"},
    {"sla: a tier the table does not know", "sla", SLA_REQUEST("\"Z\""), CRM_E_NOT_FOUND, "/complaints/0/tier",
     "<request>:1:"},
    {"pool: a tier the pool rules do not know", "pool", ACCOUNTS_REQUEST("\"Z\""), CRM_E_NOT_FOUND,
     "/accounts/1/tier", "<request>:1:"},
    {"visits: a date as a number", "visits", "{\"as_of\": 20250301, \"accounts\": []}", CRM_E_PARSE_ERROR,
     "/as_of", "expected a string"},
    {"malformed JSON", "check_order", "{\"as_of\": ", CRM_E_PARSE_ERROR, "", "ends too early"},
    {"not JSON at all", "validate", "hello", CRM_E_PARSE_ERROR, "", "<request>:1:1: not valid JSON"},
    {"an empty request", "validate", "", CRM_E_PARSE_ERROR, "", NULL},
    {"invalid UTF-8", "validate", "{\"lang\": \"\xff\"}", CRM_E_PARSE_ERROR, "", "UTF-8"},
    {"text after the document", "validate", "{} {}", CRM_E_PARSE_ERROR, "", "<request>:1:4:"},
    {"unknown entry", "chek_order", "{}", CRM_E_UNKNOWN_ENTRY, "entry", "\"chek_order\""},
    {"entry names are exact", "Check_Order", "{}", CRM_E_UNKNOWN_ENTRY, "entry", "check_order"},
    {"the request is not an object", "validate", "[]", CRM_E_PARSE_ERROR, "", "expected an object"},
    {"a date as a number", "check_order",
     "{\"account\": " ACCOUNT ", \"order\": " ORDER("SO-1", "1.00") ", \"as_of\": 20250301}", CRM_E_PARSE_ERROR,
     "/as_of", "expected a string"},
    {"money as a JSON number", "check_order",
     "{\"account\": " ACCOUNT ", \"order\": {\"id\": \"SO-1\", \"amount\": {\"amount\": 1000.5, \"currency\": "
     "\"CNY\"}}, \"as_of\": \"2025-03-01\"}",
     CRM_E_PARSE_ERROR, "/order/amount/amount", "binary floating-point"},
    {"money as a bare JSON number", "check_order",
     "{\"account\": " ACCOUNT ", \"order\": {\"id\": \"SO-1\", \"amount\": 1000}, \"as_of\": \"2025-03-01\"}",
     CRM_E_PARSE_ERROR, "/order/amount", "binary floating-point"},
    {"a limit as a JSON number", "check_order",
     "{\"account\": {\"profile\": {\"account\": \"A-1\", \"limit\": {\"amount\": 5e5, \"currency\": \"CNY\"}},"
     " \"tier\": \"B\"}, \"order\": " ORDER("SO-1", "1.00") ", \"as_of\": \"2025-03-01\"}",
     CRM_E_PARSE_ERROR, "/account/profile/limit/amount", NULL},
    {"a missing member", "check_order", "{\"account\": " ACCOUNT ", \"as_of\": \"2025-03-01\"}",
     CRM_E_PARSE_ERROR, "", "\"order\" is required"},
    {"an unknown member", "check_order",
     "{\"account\": " ACCOUNT ", \"order\": " ORDER("SO-1", "1.00") ", \"as_of\": \"2025-03-01\", \"langs\": \"en\"}",
     CRM_E_PARSE_ERROR, "/langs", "unknown key"},
    {"a key twice", "validate", "{\"lang\": \"en\", \"lang\": \"zh\"}", CRM_E_DUPLICATE, "/lang", NULL},
    {"an unknown language", "validate", "{\"lang\": \"fr\"}", CRM_E_PARSE_ERROR, "/lang", "zh, en"},
    {"a date that does not exist", "check_order",
     "{\"account\": " ACCOUNT ", \"order\": " ORDER("SO-1", "1.00") ", \"as_of\": \"2025-02-29\"}",
     CRM_E_INVALID_DATE, "/as_of", NULL},
    {"an unknown currency", "check_order",
     "{\"account\": " ACCOUNT ", \"order\": {\"id\": \"SO-1\", \"amount\": {\"amount\": \"1.00\", \"currency\": "
     "\"XYZ\"}}, \"as_of\": \"2025-03-01\"}",
     CRM_E_UNKNOWN_CURRENCY, "/order/amount/currency", NULL},
    {"a negative order", "check_order",
     "{\"account\": " ACCOUNT ", \"order\": " ORDER("SO-1", "-1.00") ", \"as_of\": \"2025-03-01\"}",
     CRM_E_INVALID_ARGUMENT, "/order/amount", NULL},
    {"no version in force", "check_order",
     "{\"account\": " ACCOUNT ", \"order\": " ORDER("SO-1", "1.00") ", \"as_of\": \"2023-12-31\"}",
     CRM_E_NOT_FOUND, "/as_of", "no policy version is in force"},
    {"a tier without a policy row", "check_order",
     "{\"account\": {\"profile\": {\"account\": \"A-1\", \"limit\": {\"amount\": \"1.00\", \"currency\": \"CNY\"}},"
     " \"tier\": \"Z\"}, \"order\": " ORDER("SO-1", "1.00") ", \"as_of\": \"2025-03-01\"}",
     CRM_E_NOT_FOUND, "/account/tier", "tier 'Z'"},
    {"an unknown aging basis", "aging", "{\"receivables\": " LEDGER ", \"as_of\": \"2025-03-01\", \"basis\": \"overdue\"}",
     CRM_E_PARSE_ERROR, "/basis", "days_past_due, days_since_invoice"},
    {"an unknown grouping", "aging", "{\"receivables\": " LEDGER ", \"as_of\": \"2025-03-01\", \"by\": \"rep\"}",
     CRM_E_PARSE_ERROR, "/by", "total, account, region"},
    {"buckets with a gap", "aging",
     "{\"receivables\": " LEDGER ", \"as_of\": \"2025-03-01\", \"buckets\": ["
     "{\"label\": \"a\", \"from_days\": 0, \"to_days\": 10}, {\"label\": \"b\", \"from_days\": 12, \"to_days\": null}]}",
     CRM_E_INCONSISTENT, "/buckets/1/from_days", NULL},
    {"a missing exchange rate", "aging",
     "{\"receivables\": {\"currency\": \"CNY\", \"receivables\": [" ITEM("I-5", "B-7", "2024-12-01", "10.00", "USD")
     "]}, \"as_of\": \"2025-03-01\"}",
     CRM_E_NOT_FOUND, "/receivables/rates", "USD"},
    {"an account without a region", "aging",
     "{\"receivables\": {\"receivables\": [" ITEM("I-1", "A-1", "2025-02-27", "100.50", "CNY")
     "]}, \"as_of\": \"2025-03-01\", \"by\": \"region\"}",
     CRM_E_NOT_FOUND, "/receivables/regions", NULL},
    {"an amount finer than a fen", "aging",
     "{\"receivables\": {\"receivables\": [" ITEM("I-1", "A-1", "2025-02-27", "100.505", "CNY")
     "]}, \"as_of\": \"2025-03-01\"}",
     CRM_E_INVALID_ARGUMENT, "/receivables/receivables/0/open_amount", "minor units"},
    {"a negative open amount", "aging",
     "{\"receivables\": {\"receivables\": [" ITEM("I-1", "A-1", "2025-02-27", "-100.50", "CNY")
     "]}, \"as_of\": \"2025-03-01\"}",
     CRM_E_INVALID_ARGUMENT, "/receivables/receivables/0/open_amount", "negative"},
    {"a huge integer", "aging",
     "{\"receivables\": " LEDGER ", \"as_of\": \"2025-03-01\", \"buckets\": ["
     "{\"label\": \"a\", \"from_days\": 0, \"to_days\": 99999999999999999999999}]}",
     CRM_E_OVERFLOW, "/buckets/0/to_days", NULL},
};

static void test_bad_input(const crm_policy_set* set) {
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; ++i) {
        const struct bad_case* c = &bad_cases[i];
        crm_status status;
        crm_error* err = NULL;
        char* r = call(set, c->entry, c->request, &status, &err);
        CHECK(status == c->code && r == NULL && err != NULL, "%s: status %s (%d), expected %s", c->what,
              crm_status_name(status), status, crm_status_name(c->code));
        CHECK(crm_error_code(err) == status, "%s: the error's code is the status", c->what);
        CHECK(strcmp(crm_error_field(err), c->field) == 0, "%s: field '%s', expected '%s' (message: %s)", c->what,
              crm_error_field(err), c->field, crm_error_message(err));
        CHECK(c->message_part == NULL || strstr(crm_error_message(err), c->message_part) != NULL,
              "%s: message '%s' lacks '%s'", c->what, crm_error_message(err), c->message_part);
        crm_string_free(r);
        crm_error_free(err);
        /* without an error object the status alone comes back */
        r = call(set, c->entry, c->request, &status, NULL);
        CHECK(status == c->code && r == NULL, "%s without err: status %d", c->what, status);
    }
    printf("bad input: %zu cases\n", sizeof bad_cases / sizeof bad_cases[0]);
}

static void expect_null_argument(crm_status status, crm_error* err, const char* argument) {
    CHECK(status == CRM_E_INVALID_ARGUMENT && err != NULL, "NULL %s: status %d", argument, status);
    CHECK(strcmp(crm_error_field(err), argument) == 0, "NULL %s: field '%s'", argument, crm_error_field(err));
    CHECK(strstr(crm_error_message(err), "NULL") != NULL, "NULL %s: message '%s'", argument, crm_error_message(err));
    crm_error_free(err);
}

static void test_null_arguments(const crm_policy_set* set, const char* policy, size_t policy_len) {
    crm_error* err = NULL;
    char* response = (char*)"untouched";
    crm_status s = crm_call(NULL, "validate", "{}", 2, &response, &err);
    CHECK(response == NULL, "the response is NULL on failure");
    expect_null_argument(s, err, "set");
    s = crm_call(set, NULL, "{}", 2, &response, &err);
    expect_null_argument(s, err, "entry");
    s = crm_call(set, "validate", NULL, 0, &response, &err);
    expect_null_argument(s, err, "request");
    s = crm_call(set, "validate", "{}", 2, NULL, &err);
    expect_null_argument(s, err, "response");
    CHECK(crm_call(NULL, NULL, NULL, 0, NULL, NULL) == CRM_E_INVALID_ARGUMENT, "all NULL");

    crm_policy_set* loaded = (crm_policy_set*)(void*)&checks; /* must be overwritten with NULL */
    s = crm_policy_set_load(NULL, 0, "p.json", &loaded, &err);
    CHECK(loaded == NULL, "the handle is NULL on failure");
    expect_null_argument(s, err, "json");
    s = crm_policy_set_load(policy, policy_len, "p.json", NULL, &err);
    expect_null_argument(s, err, "out");

    /* the accessors and free functions take NULL */
    CHECK(crm_error_code(NULL) == CRM_E_INVALID_ARGUMENT, "code of NULL");
    CHECK(strcmp(crm_error_field(NULL), "") == 0 && strcmp(crm_error_message(NULL), "") == 0, "texts of NULL");
    crm_error_free(NULL);
    crm_string_free(NULL);
    crm_policy_set_free(NULL);
}

static void test_load_errors(const char* policy, size_t policy_len) {
    crm_error* err = NULL;
    crm_policy_set* set = NULL;
    /* a warning threshold above 100%: the policy set's own validation, at the JSON Pointer of
     * the value and with the file name, line and column */
    const char* bad = "{\"versions\": [{\"id\": \"v1\", \"effective_from\": \"2025-01-01\",\n"
                      "  \"credit\": {\"policies\": [{\"tier\": \"A\", \"warn_utilisation\": \"120%\"}]}}]}";
    crm_status s = crm_policy_set_load(bad, strlen(bad), "bad.json", &set, &err);
    CHECK(s == CRM_E_INVALID_ARGUMENT && set == NULL, "status %d", s);
    CHECK(strcmp(crm_error_field(err), "/versions/0/credit/policies/0/warn_utilisation") == 0, "field '%s'",
          crm_error_field(err));
    CHECK(strncmp(crm_error_message(err), "bad.json:2:", 11) == 0, "message '%s'", crm_error_message(err));
    crm_error_free(err);

    /* truncated: only the first half of a good document; no file name: "<policy set>" */
    s = crm_policy_set_load(policy, policy_len / 2, NULL, &set, &err);
    CHECK(s == CRM_E_PARSE_ERROR && set == NULL, "status %d", s);
    CHECK(strstr(crm_error_message(err), "<policy set>:") == crm_error_message(err), "message '%s'",
          crm_error_message(err));
    crm_error_free(err);

    /* a money amount as a JSON number in a policy */
    const char* number = "{\"versions\": [{\"id\": \"v1\", \"effective_from\": \"2025-01-01\", \"credit\": "
                         "{\"region_caps\": [{\"region\": \"east\", \"cap\": {\"amount\": 5000000, \"currency\": "
                         "\"CNY\"}}]}}]}";
    s = crm_policy_set_load(number, strlen(number), "n.json", &set, &err);
    CHECK(s == CRM_E_PARSE_ERROR && strcmp(crm_error_field(err), "/versions/0/credit/region_caps/0/cap/amount") == 0,
          "status %d field '%s'", s, crm_error_field(err));
    crm_error_free(err);
}

/* ---- one handle, many threads ------------------------------------------------------------------ */

enum { thread_count = 4, rounds = 25 };

struct shared_work {
    const crm_policy_set* set;
    const char* expected_check; /* the single-threaded answers */
    const char* expected_aging;
    int mismatches;
};

static void* worker(void* arg) {
    struct shared_work* w = arg;
    int bad = 0;
    for (int i = 0; i < rounds; ++i) {
        crm_status s;
        crm_error* err = NULL;
        char* r = call(w->set, "check_order", CHECK_REQUEST(ORDER("SO-approval", "550000.00"), "zh"), &s, &err);
        bad += s != CRM_OK || r == NULL || strcmp(r, w->expected_check) != 0;
        crm_string_free(r);
        r = call(w->set, "aging", "{\"receivables\": " LEDGER ", \"as_of\": \"2025-03-01\", \"by\": \"region\"}", &s,
                 &err);
        bad += s != CRM_OK || r == NULL || strcmp(r, w->expected_aging) != 0;
        crm_string_free(r);
        r = call(w->set, "check_order", "{\"as_of\": 1}", &s, &err); /* errors are per call too */
        bad += s != CRM_E_PARSE_ERROR || err == NULL;
        crm_error_free(err);
    }
    w->mismatches = bad;
    return NULL;
}

static void test_threads(const crm_policy_set* set) {
    crm_status s;
    crm_error* err = NULL;
    char* check = call(set, "check_order", CHECK_REQUEST(ORDER("SO-approval", "550000.00"), "zh"), &s, &err);
    char* aging = call(set, "aging", "{\"receivables\": " LEDGER ", \"as_of\": \"2025-03-01\", \"by\": \"region\"}", &s,
                       &err);
    CHECK(check != NULL && aging != NULL, "reference answers");
    /* by region: east = A-1 (1350.75), north = B-7 (3071.00) */
    CHECK(contains(aging, "\"key\": \"east\",\n      \"total\": \"1350.75\"") &&
              contains(aging, "\"key\": \"north\",\n      \"total\": \"3071.00\""),
          "by region");
    pthread_t threads[thread_count];
    struct shared_work work[thread_count];
    for (int i = 0; i < thread_count; ++i) {
        work[i] = (struct shared_work){set, check, aging, -1};
        CHECK(pthread_create(&threads[i], NULL, worker, &work[i]) == 0, "thread %d", i);
    }
    int total = 0;
    for (int i = 0; i < thread_count; ++i) {
        pthread_join(threads[i], NULL);
        CHECK(work[i].mismatches == 0, "thread %d: %d answers differ", i, work[i].mismatches);
        total += work[i].mismatches;
    }
    printf("threads: %d x %d rounds on one handle, %d differences\n", thread_count, rounds, total);
    crm_string_free(check);
    crm_string_free(aging);
}

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: c_abi_test <policy set document>\n");
        return 2;
    }
    size_t len = 0;
    char* policy = read_file(argv[1], &len);
    if (policy == NULL) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    crm_policy_set* set = NULL;
    crm_error* err = NULL;
    const crm_status s = crm_policy_set_load(policy, len, argv[1], &set, &err);
    if (s != CRM_OK) {
        fprintf(stderr, "load failed: %s at '%s': %s\n", crm_status_name(s), crm_error_field(err),
                crm_error_message(err));
        crm_error_free(err);
        free(policy);
        return 1;
    }
    CHECK(err == NULL, "no error object on success");

    test_version();
    test_check_order(set);
    test_aging(set);
    test_validate(set);
    test_route_and_verify(set);
    test_monthly_report(set);
    test_score_and_sla(set);
    test_pool_and_visits(set);
    test_bad_input(set);
    test_null_arguments(set, policy, len);
    test_load_errors(policy, len);
    test_threads(set);

    crm_policy_set_free(set);
    free(policy);
    printf("%d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
