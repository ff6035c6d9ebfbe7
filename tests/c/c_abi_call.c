/* Asks the C ABI one question and prints the answer, for the tests that compare it with the
 * crm command line (same_document.cmake):
 *   c_abi_call <policy set document> <entry> <request document>
 * Prints the response on standard output (exit 0), or "<status name> at <field>: <message>" on
 * standard error (exit 1). */

#include <crm/c/crmrules.h>

#include <stdio.h>
#include <stdlib.h>

static char* read_file(const char* path, size_t* len) {
    FILE* f = fopen(path, "rb");
    if (f == NULL) return NULL;
    char* buf = NULL;
    size_t n = 0, cap = 0, got = 0;
    do {
        n += got;
        if (n == cap) {
            cap = cap == 0 ? 4096 : cap * 2;
            char* bigger = realloc(buf, cap);
            if (bigger == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = bigger;
        }
    } while ((got = fread(buf + n, 1, cap - n, f)) > 0);
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char** argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: c_abi_call <policy set document> <entry> <request document>\n");
        return 2;
    }
    size_t policy_len = 0, request_len = 0;
    char* policy = read_file(argv[1], &policy_len);
    char* request = read_file(argv[3], &request_len);
    if (policy == NULL || request == NULL) {
        fprintf(stderr, "cannot read the documents\n");
        return 2;
    }
    crm_policy_set* set = NULL;
    crm_error* err = NULL;
    char* response = NULL;
    crm_status s = crm_policy_set_load(policy, policy_len, argv[1], &set, &err);
    if (s == CRM_OK) s = crm_call(set, argv[2], request, request_len, &response, &err);
    if (s == CRM_OK) {
        fputs(response, stdout);
    } else {
        fprintf(stderr, "%s at %s: %s\n", crm_status_name(s), crm_error_field(err), crm_error_message(err));
    }
    crm_string_free(response);
    crm_error_free(err);
    crm_policy_set_free(set);
    free(policy);
    free(request);
    return s == CRM_OK ? 0 : 1;
}
