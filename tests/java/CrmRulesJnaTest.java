// The C ABI from Java through JNA, as a Kingdee or Yonyou plugin would call it: load a policy
// set, check one order, read an error back, and share one handle between threads.
//   java -cp classes:jna.jar CrmRulesJnaTest <libcrmrules_c.so> <policy set document>

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

public final class CrmRulesJnaTest {
    /** The functions of include/crm/c/crmrules.h; texts in are bytes with their length. */
    public interface CrmRules extends Library {
        String crm_version();
        String crm_status_name(int status);
        int crm_error_code(Pointer error);
        Pointer crm_error_field(Pointer error);
        Pointer crm_error_message(Pointer error);
        void crm_error_free(Pointer error);
        void crm_string_free(Pointer text);
        int crm_policy_set_load(byte[] json, long len, String fileName, PointerByReference out,
                                PointerByReference err);
        void crm_policy_set_free(Pointer set);
        int crm_call(Pointer set, String entry, byte[] request, long len, PointerByReference response,
                     PointerByReference err);
    }

    /** A status other than CRM_OK, with the error's field and message (UTF-8). */
    static final class CrmException extends Exception {
        private static final long serialVersionUID = 1L;
        final String code;
        final String field;

        CrmException(CrmRules lib, int status, Pointer err) {
            super(lib.crm_error_message(err).getString(0, "UTF-8"));
            this.code = lib.crm_status_name(status);
            this.field = lib.crm_error_field(err).getString(0, "UTF-8");
            lib.crm_error_free(err);
        }
    }

    static String call(CrmRules lib, Pointer set, String entry, String request) throws CrmException {
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        PointerByReference response = new PointerByReference();
        PointerByReference err = new PointerByReference();
        int status = lib.crm_call(set, entry, bytes, bytes.length, response, err);
        if (status != 0) throw new CrmException(lib, status, err.getValue());
        try {
            return response.getValue().getString(0, "UTF-8");
        } finally {
            lib.crm_string_free(response.getValue());
        }
    }

    static int failures = 0;

    static void check(boolean ok, String what) {
        if (!ok) {
            ++failures;
            System.err.println("FAILED: " + what);
        }
    }

    static String money(String amount) {
        return "{\"amount\": \"" + amount + "\", \"currency\": \"CNY\"}";
    }

    // Account A-1 of tier B: limit 1,000,000.00, INV-1 of 400,000.00 not yet due, SO-0 of
    // 100,000.00 on order.
    static final String ACCOUNT = "{\"profile\": {\"account\": \"A-1\", \"limit\": " + money("1000000.00") + "},"
            + " \"tier\": \"B\", \"segment\": \"经销商\","
            + " \"receivables\": [{\"invoice\": \"INV-1\", \"account\": \"A-1\", \"invoiced_on\": \"2025-02-12\","
            + " \"due_on\": \"2025-03-14\", \"open_amount\": " + money("400000.00") + "}],"
            + " \"open_orders\": [{\"id\": \"SO-0\", \"amount\": " + money("100000.00") + "}]}";

    static String checkRequest(String orderAmount, String lang) {
        return "{\"account\": " + ACCOUNT + ", \"order\": {\"id\": \"SO-1\", \"amount\": " + orderAmount
                + "}, \"as_of\": \"2025-03-01\", \"lang\": \"" + lang + "\"}";
    }

    public static void main(String[] args) throws Exception {
        CrmRules lib = Native.load(args[0], CrmRules.class);
        System.out.println("crmrules " + lib.crm_version() + " through JNA");
        byte[] policy = Files.readAllBytes(Path.of(args[1]));
        PointerByReference out = new PointerByReference();
        PointerByReference err = new PointerByReference();
        int status = lib.crm_policy_set_load(policy, policy.length, args[1], out, err);
        if (status != 0) throw new CrmException(lib, status, err.getValue());
        Pointer set = out.getValue();
        try {
            // 400,000 + 100,000 + 700,000 = 1,200,000: 200,000.00 over the limit, beyond the
            // tolerance of 10% of it (100,000.00): block, the reason in Chinese
            String r = call(lib, set, "check_order", checkRequest(money("700000.00"), "zh"));
            check(r.contains("\"outcome\": \"block\""), r);
            check(r.contains("\"exposure\": \"CNY 1,200,000.00\""), r);
            check(r.contains("\"excess\": \"CNY 200,000.00\""), r);
            check(r.contains("信用额度"), "the reason's text in Chinese: " + r);

            // money as a JSON number is refused, naming the value
            try {
                call(lib, set, "check_order", checkRequest("{\"amount\": 700000, \"currency\": \"CNY\"}", "en"));
                check(false, "a JSON number as money was accepted");
            } catch (CrmException e) {
                check(e.code.equals("parse_error") && e.field.equals("/order/amount/amount"),
                        e.code + " at " + e.field + ": " + e.getMessage());
            }
            // an unknown entry names the name
            try {
                call(lib, set, "approve_order", "{}");
                check(false, "an unknown entry was accepted");
            } catch (CrmException e) {
                check(e.code.equals("unknown_entry") && e.getMessage().contains("\"approve_order\""), e.getMessage());
            }
            // a NULL request is an error naming the argument, not a crash
            PointerByReference response = new PointerByReference();
            status = lib.crm_call(set, "validate", null, 0, response, err);
            check(lib.crm_status_name(status).equals("invalid_argument"), "NULL request: " + status);
            check(lib.crm_error_field(err.getValue()).getString(0, "UTF-8").equals("request"), "NULL request field");
            lib.crm_error_free(err.getValue());

            // one handle, four threads, the same answer each time
            final String expected = call(lib, set, "check_order", checkRequest(money("550000.00"), "en"));
            check(expected.contains("\"outcome\": \"needs_approval\""), expected);
            ConcurrentLinkedQueue<String> differences = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; ++t) {
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 25; ++i) {
                        try {
                            String answer = call(lib, set, "check_order", checkRequest(money("550000.00"), "en"));
                            if (!answer.equals(expected)) differences.add(answer);
                        } catch (CrmException e) {
                            differences.add(e.getMessage());
                        }
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) thread.join();
            check(differences.isEmpty(), differences.size() + " answers differ");
        } finally {
            lib.crm_policy_set_free(set);
        }
        System.out.println(failures == 0 ? "passed" : failures + " failure(s)");
        System.exit(failures == 0 ? 0 : 1);
    }
}
