/* A credit check from C through the C ABI: load a policy set, ask check_order, print the
 * answer; then the same question with the amount as a JSON number, which is refused.
 *   check_order <policy set document>      (e.g. tests/cli/data/policy.json) */
#include <crm/c/crmrules.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char* request =
    "{\"as_of\": \"2025-03-01\", \"lang\": \"en\",\n"
    " \"account\": {\"profile\": {\"account\": \"A-1\",\n"
    "                            \"limit\": {\"amount\": \"1000000.00\", \"currency\": \"CNY\"}},\n"
    "             \"tier\": \"B\",\n"
    "             \"open_orders\": [{\"id\": \"SO-0\",\n"
    "                              \"amount\": {\"amount\": \"500000.00\", \"currency\": \"CNY\"}}]},\n"
    " \"order\": {\"id\": \"SO-1\", \"amount\": {\"amount\": \"550000.00\", \"currency\": \"CNY\"}}}";

static const char* money_as_number =
    "{\"as_of\": \"2025-03-01\",\n"
    " \"account\": {\"profile\": {\"account\": \"A-1\",\n"
    "                            \"limit\": {\"amount\": \"1000000.00\", \"currency\": \"CNY\"}},\n"
    "             \"tier\": \"B\"},\n"
    " \"order\": {\"id\": \"SO-1\", \"amount\": {\"amount\": 550000.00, \"currency\": \"CNY\"}}}";

/* The whole file, NUL-terminated; NULL when it cannot be read. */
static char* slurp(const char* path, size_t* len) {
    FILE* f = fopen(path, "rb");
    if (f == NULL) return NULL;
    char* text = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        const long size = ftell(f);
        if (size >= 0 && fseek(f, 0, SEEK_SET) == 0 && (text = malloc((size_t)size + 1)) != NULL) {
            *len = fread(text, 1, (size_t)size, f);
            text[*len] = '\0';
        }
    }
    fclose(f);
    return text;
}

static void report(crm_status status, const crm_error* err) {
    printf("error %s at %s: %s\n", crm_status_name(status), crm_error_field(err), crm_error_message(err));
}

int main(int argc, char** argv) {
    size_t len = 0;
    char* policy = argc == 2 ? slurp(argv[1], &len) : NULL;
    if (policy == NULL) {
        fprintf(stderr, "usage: check_order <policy set document>\n");
        return 2;
    }
    printf("crmrules %s\n", crm_version());

    crm_policy_set* set = NULL;
    crm_error* err = NULL;
    crm_status status = crm_policy_set_load(policy, len, argv[1], &set, &err);
    free(policy);
    if (status != CRM_OK) {
        report(status, err);
        crm_error_free(err);
        return 1;
    }

    /* exposure 500,000.00 open + 550,000.00 this order = 1,050,000.00 against a limit of
     * 1,000,000.00: 50,000.00 over, within tier B's 10% tolerance, so it needs approval */
    char* response = NULL;
    status = crm_call(set, "check_order", request, strlen(request), &response, &err);
    if (status == CRM_OK) {
        printf("%s", response);
        crm_string_free(response);
    } else {
        report(status, err);
        crm_error_free(err);
    }

    /* money as a JSON number is refused, naming the value: /order/amount/amount */
    status = crm_call(set, "check_order", money_as_number, strlen(money_as_number), &response, &err);
    if (status != CRM_OK) {
        report(status, err);
        crm_error_free(err);
    }

    crm_policy_set_free(set);
    return 0;
}
