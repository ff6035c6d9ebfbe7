// Plan allocation requests: worked requests answered through the documents, bad input naming
// the JSON Pointer, and the property that every generated request's answer is exact on its
// rows, columns and total, each cell the floor or the ceiling of its ideal share, and equal to
// planning::allocate_matrix on the same values (io adds no rule: it reads, maps errors, writes).

#include <crm/core/error.hpp>
#include <crm/io/json.hpp>
#include <crm/io/planning.hpp>
#include <crm/planning/allocation.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/files.hpp"
#include "../support/generators.hpp"

using crm::Decimal;
using crm::ErrorCode;
using crm::Money;
using crm::test::Rng;

namespace {

Money cny(const char* s) { return Money{s, "CNY"}; }

// Fen (minor units) of an amount.
std::int64_t fen(const Money& m) { return (m.amount() * Decimal{100}).to_int64(); }

std::string amount(const std::string& a, const std::string& currency = "CNY") {
    return R"({"amount": ")" + a + R"(", "currency": ")" + currency + R"("})";
}

// `n` copies of `w` as a JSON array of strings.
std::string weights(const std::string& w, int n = 12) {
    std::string out = "[";
    for (int j = 0; j < n; ++j) out += (j ? ", \"" : "\"") + w + "\"";
    return out + "]";
}

// A `total` request of CNY 1,000.00 over the three regions given.
std::string by_weights(const std::string& regions, const std::string& total = amount("1000.00")) {
    return R"({"total": )" + total + R"(, "regions": )" + regions + "}";
}

std::string region(const std::string& id, const std::string& member) {
    return R"({"region": ")" + id + R"(", )" + member + "}";
}

// A `month_weights` request: R1 CNY 500.00, R2 CNY 300.00, R3 CNY 200.00, the months as given.
std::string by_targets(const std::string& months = weights("1"), const std::string& extra = "") {
    return R"({"regions": [)" + region("R1", R"("target": )" + amount("500.00")) + ", " +
           region("R2", R"("target": )" + amount("300.00")) + ", " +
           region("R3", R"("target": )" + amount("200.00")) + "], " + extra + R"("month_weights": )" +
           months + "}";
}

// `s` with the first `what` replaced by `with`.
std::string replaced(std::string s, const std::string& what, const std::string& with) {
    REQUIRE(s.find(what) != std::string::npos);
    return s.replace(s.find(what), what.size(), with);
}

// Within [floor, ceiling] of num / den fen.
bool floor_or_ceiling(const Money& got, const Decimal& num, const Decimal& den) {
    const Decimal lo = divide(num, den, 0, crm::RoundingMode::floor);
    const Decimal hi = divide(num, den, 0, crm::RoundingMode::ceiling);
    return Decimal{fen(got)} >= lo && Decimal{fen(got)} <= hi;
}

// Rows, columns and total exact: every row of cells sums to its row, every column to its
// column, rows and columns to the total.
void check_margins(const crm::io::PlanAllocation& a) {
    const auto& x = a.allocation;
    REQUIRE(x.cells.size() == a.regions.size());
    REQUIRE(x.rows.size() == a.regions.size());
    REQUIRE(x.columns.size() == 12);
    Money rows = Money::zero(a.total.currency());
    for (std::size_t i = 0; i < x.cells.size(); ++i) {
        REQUIRE(x.cells[i].size() == 12);
        Money row = Money::zero(a.total.currency());
        for (const Money& m : x.cells[i]) row += m;
        CHECK(row == x.rows[i]);
        rows += x.rows[i];
    }
    Money columns = Money::zero(a.total.currency());
    for (std::size_t j = 0; j < 12; ++j) {
        Money column = Money::zero(a.total.currency());
        for (const auto& row : x.cells) column += row[j];
        CHECK(column == x.columns[j]);
        columns += x.columns[j];
    }
    CHECK(rows == a.total);
    CHECK(columns == a.total);
}

}  // namespace

TEST_SUITE("io.planning_request") {
    TEST_CASE("a worked plan request split by a regions x months weight matrix") {
        // CNY 1,000.00 = 100,000 fen. R1 (华东) weighs 2 every month, R2 (华北) 1 every month, R3
        // (华南) 1 from January to April and 0 after: W = 24 + 12 + 4 = 40, so every ideal cell is
        // 100,000 x w / 40 = 2,500 x w fen, whole: R1 50.00 a month (row 600.00), R2 25.00 (row
        // 300.00), R3 25.00 from January to April and exactly 0.00 after (row 100.00); January to
        // April 50 + 25 + 25 = 100.00 each, May to December 75.00 each; 4 x 100 + 8 x 75 = 1,000.
        const std::string text = by_weights(R"([
            {"region": "R1", "name": "华东", "weights": )" +
                                            weights("2") + R"(},
            {"region": "R2", "name": "华北", "weights": )" +
                                            weights("1") + R"(},
            {"region": "R3", "weights": ["1", "1", "1", "1.0", "0", "0", "0", "0", "0", "0", "0", "0"]}])");
        const auto request = crm::io::read_plan_request(text, "plan.json");
        REQUIRE(request.regions.size() == 3);
        CHECK(request.total == cny("1000.00"));
        CHECK(!request.month_weights);
        CHECK(request.regions[0].name == "华东");
        CHECK(!request.regions[2].name);  // left out
        const auto a = crm::io::plan_allocation(request);
        check_margins(a);
        for (std::size_t j = 0; j < 12; ++j) {
            CAPTURE(j);
            CHECK(a.allocation.cells[0][j] == cny("50.00"));
            CHECK(a.allocation.cells[1][j] == cny("25.00"));
            CHECK(a.allocation.cells[2][j] == (j < 4 ? cny("25.00") : cny("0.00")));
            CHECK(a.allocation.columns[j] == (j < 4 ? cny("100.00") : cny("75.00")));
        }
        CHECK(a.allocation.rows == std::vector<Money>{cny("600.00"), cny("300.00"), cny("100.00")});
        CHECK(a.total == cny("1000.00"));
        const std::string doc = crm::io::write_plan_allocation(a);
        CHECK(doc.find(R"("currency": "CNY")") != std::string::npos);
        CHECK(doc.find(R"("total": "1000.00")") != std::string::npos);
        CHECK(doc.find(R"("months": [
    "100.00",
    "100.00",)") != std::string::npos);
        CHECK(doc.find(R"("name": "华东",
      "region": "R1",
      "total": "600.00")") != std::string::npos);
        CHECK(doc.find(R"("name": null)") != std::string::npos);
        CHECK(crm::io::write_plan_allocation(a) == doc);  // canonical: the same text twice
    }

    TEST_CASE("a worked plan request split from the regions' targets by month weights") {
        // R1 CNY 500.00, R2 CNY 300.00, R3 CNY 200.00, every month weighing 1. R2: 30,000 / 12 =
        // 2,500 fen a month, whole. R1: 50,000 / 12 = 4,166.67 fen, floors 12 x 4,166 = 49,992, so
        // 8 months get 41.67 and 4 get 41.66; R3: 20,000 / 12 = 1,666.67, so 8 months 16.67 and 4
        // 16.66. Each month's ideal is 100,000 / 12 = 8,333.33 fen, so every month is 83.33 or
        // 83.34 and, as 12 x 8,333 = 99,996, exactly 4 months are 83.34. A month is R1 + 25.00 +
        // R3, so R1 and R3 are never both rounded down in one month (that would be 83.32): the
        // 16 roundings up fall 1 in each of the 12 months and 2 in the 4 months of 83.34.
        const auto request = crm::io::read_plan_request(by_targets(), "plan.json");
        CHECK(!request.total);
        REQUIRE(request.month_weights);
        CHECK(request.month_weights->size() == 12);
        const auto a = crm::io::plan_allocation(request);
        check_margins(a);
        CHECK(a.total == cny("1000.00"));
        CHECK(a.allocation.rows == std::vector<Money>{cny("500.00"), cny("300.00"), cny("200.00")});
        int r1_up = 0, r3_up = 0, months_up = 0;
        for (std::size_t j = 0; j < 12; ++j) {
            CAPTURE(j);
            CHECK(a.allocation.cells[1][j] == cny("25.00"));
            const bool up1 = a.allocation.cells[0][j] == cny("41.67");
            const bool up3 = a.allocation.cells[2][j] == cny("16.67");
            CHECK((up1 || a.allocation.cells[0][j] == cny("41.66")));
            CHECK((up3 || a.allocation.cells[2][j] == cny("16.66")));
            CHECK((up1 || up3));
            r1_up += up1 ? 1 : 0;
            r3_up += up3 ? 1 : 0;
            const bool up = a.allocation.columns[j] == cny("83.34");
            CHECK((up || a.allocation.columns[j] == cny("83.33")));
            CHECK(up == (up1 && up3));
            months_up += up ? 1 : 0;
        }
        CHECK(r1_up == 8);
        CHECK(r3_up == 8);
        CHECK(months_up == 4);
        // the same answer as the library's own call
        const std::vector<Money> targets{cny("500.00"), cny("300.00"), cny("200.00")};
        CHECK(a.allocation == crm::planning::allocate_matrix(targets, std::vector<Decimal>(12, Decimal{1})));
    }

    TEST_CASE("bad plan requests name the JSON Pointer") {
        using crm::io::read_plan_request;
        using crm::test::check_error;
        const std::string r1 = region("R1", R"("weights": )" + weights("1"));
        const auto read = [](const std::string& text) { return [text] { return read_plan_request(text); }; };
        const auto answer = [](const std::string& text) {
            return [text] { return crm::io::plan_allocation(read_plan_request(text)); };
        };
        // money and weights as JSON numbers, whatever their value
        check_error(read(by_weights("[" + r1 + "]", R"({"amount": 1000, "currency": "CNY"})")),
                    ErrorCode::parse_error, "/total/amount");
        check_error(read(by_weights("[" + r1 + "]", "1000")), ErrorCode::parse_error, "/total");
        check_error(
            read(by_weights(
                R"([{"region": "R1", "weights": ["1", "1", 1, "1", "1", "1", "1", "1", "1", "1", "1", "1"]}])")),
            ErrorCode::parse_error, "/regions/0/weights/2");
        check_error(read(replaced(by_targets(), R"("500.00")", "500")), ErrorCode::parse_error,
                    "/regions/0/target/amount");
        check_error(read(by_targets(R"(["1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", 1])")),
                    ErrorCode::parse_error, "/month_weights/11");
        // unknown keys, at every level
        check_error(read(replaced(by_weights("[" + r1 + "]"), "{", R"({"currency": "CNY", )")),
                    ErrorCode::parse_error, "/currency");
        check_error(read(by_weights(
                        "[" + region("R1", R"("weights": )" + weights("1") + R"(, "weight": "1")") + "]")),
                    ErrorCode::parse_error, "/regions/0/weight");
        check_error(read(by_weights("[" + r1 + "]", R"({"amount": "1.00", "currency": "CNY", "rate": "1"})")),
                    ErrorCode::parse_error, "/total/rate");
        // wrong lengths: 12 month weights, no more, no fewer
        check_error(
            read(by_weights("[" + r1 + ", " + region("R2", R"("weights": )" + weights("1", 11)) + "]")),
            ErrorCode::inconsistent, "/regions/1/weights");
        check_error(read(by_weights("[" + region("R1", R"("weights": )" + weights("1", 13)) + "]")),
                    ErrorCode::inconsistent, "/regions/0/weights");
        check_error(read(by_targets(weights("1", 4))), ErrorCode::inconsistent, "/month_weights");
        // exactly one form, and each region in it
        check_error(
            read(replaced(by_weights("[" + r1 + "]"), "{", R"({"month_weights": )" + weights("1") + ", ")),
            ErrorCode::parse_error, "/month_weights");
        check_error(read(R"({"regions": [)" + r1 + "]}"), ErrorCode::parse_error, "");
        check_error(read(by_weights("[" + region("R1", R"("name": "华东")") + "]")), ErrorCode::parse_error,
                    "/regions/0");
        check_error(
            read(by_weights(
                "[" + region("R1", R"("weights": )" + weights("1") + R"(, "target": )" + amount("1.00")) +
                "]")),
            ErrorCode::parse_error, "/regions/0/target");
        check_error(
            read(replaced(by_targets(), R"("target")", R"("weights": )" + weights("1") + R"(, "target")")),
            ErrorCode::parse_error, "/regions/0/weights");
        check_error(read(R"({"regions": [{"region": "R1"}], "month_weights": )" + weights("1") + "}"),
                    ErrorCode::parse_error, "/regions/0");
        // region ids: present, not empty, unique
        check_error(read(by_weights("[" + r1 + ", " + r1 + "]")), ErrorCode::duplicate, "/regions/1/region");
        check_error(read(by_weights("[" + region("", R"("weights": )" + weights("1")) + "]")),
                    ErrorCode::parse_error, "/regions/0/region");
        check_error(read(by_weights(R"([{"weights": )" + weights("1") + "}]")), ErrorCode::parse_error,
                    "/regions/0");
        check_error(read(by_weights(R"({"R1": {}})")), ErrorCode::parse_error, "/regions");
        // what allocate_matrix refuses, mapped from its C++ path to the request's pointer
        check_error(answer(by_weights("[" + r1 + "]", amount("-1.00"))), ErrorCode::invalid_argument,
                    "/total");
        check_error(answer(by_weights("[" + r1 + "]", amount("1.001"))), ErrorCode::invalid_argument,
                    "/total");
        check_error(answer(by_weights("[]")), ErrorCode::invalid_argument, "/regions");
        check_error(answer(by_weights("[" + region("R1", R"("weights": )" + weights("0")) + "]")),
                    ErrorCode::invalid_argument, "/regions");
        check_error(
            answer(by_weights(
                "[" + r1 + ", " +
                region("R2", R"("weights": ["1", "1", "1", "-1", "1", "1", "1", "1", "1", "1", "1", "1"])") +
                "]")),
            ErrorCode::invalid_argument, "/regions/1/weights/3");
        check_error(answer(by_weights("[" + region("R1", R"("weights": )" + weights("0.0000001")) + "]")),
                    ErrorCode::invalid_argument, "/regions/0/weights/0");
        check_error(answer(by_weights("[" + region("R1", R"("weights": )" + weights("1000000001")) + "]")),
                    ErrorCode::invalid_argument, "/regions/0/weights/0");
        check_error(answer(by_targets(weights("0"))), ErrorCode::invalid_argument, "/month_weights");
        check_error(answer(by_targets(R"(["1", "1", "1", "1", "1", "1", "1", "1", "1", "-2", "1", "1"])")),
                    ErrorCode::invalid_argument, "/month_weights/9");
        check_error(answer(R"({"regions": [], "month_weights": )" + weights("1") + "}"),
                    ErrorCode::invalid_argument, "/regions");
        check_error(answer(replaced(by_targets(), R"("200.00", "currency": "CNY")",
                                    R"("200.00", "currency": "USD")")),
                    ErrorCode::currency_mismatch, "/regions/2/target");
        const std::string negative = replaced(by_targets(), "300.00", "-300.00");
        check_error(answer(negative), ErrorCode::invalid_argument, "/regions/1/target");
        check_error(read(by_weights("[" + r1 + "]", "null")), ErrorCode::parse_error, "/total");
        // a request a host built is checked for its form as a document is
        crm::io::PlanRequest host{.total = cny("1.00"), .regions = {{.region = "R1"}}};
        check_error([&] { return crm::io::plan_allocation(host); }, ErrorCode::parse_error, "/regions/0");
        host.regions[0].weights.assign(12, Decimal{1});
        host.month_weights = std::vector<Decimal>(12, Decimal{1});
        check_error([&] { return crm::io::plan_allocation(host); }, ErrorCode::parse_error, "/month_weights");
        host.month_weights.reset();
        CHECK(crm::io::plan_allocation(host).allocation.rows == std::vector<Money>{cny("1.00")});
        host.regions.push_back(host.regions[0]);
        check_error([&] { return crm::io::plan_allocation(host); }, ErrorCode::duplicate,
                    "/regions/1/region");
        // the message names the region; the reader's errors carry file:line:column
        try {
            (void)crm::io::plan_allocation(read_plan_request(negative));
            FAIL("no error");
        } catch (const crm::Error& e) {
            CHECK(std::string(e.message()).starts_with("region R2: "));
        }
        try {
            (void)read_plan_request(by_weights("[" + r1 + "]", "1000"), "plan.json");
            FAIL("no error");
        } catch (const crm::Error& e) {
            CHECK(std::string(e.message()).starts_with("plan.json:1:11: "));
            CHECK(std::string(e.message()).find("JSON number") != std::string::npos);
        }
    }

    TEST_CASE("the plan examples of docs/documents.md read and split as the page says") {
        // the first: a weight of 1 is CNY 25.00 of 1,000.00 (W = 40); R3 0.00 after April
        const std::string first = crm::test::documents_example("plan_request");
        const auto a = crm::io::plan_allocation(crm::io::read_plan_request(first, "documents.md"));
        check_margins(a);
        CHECK(a.allocation.rows == std::vector<Money>{cny("600.00"), cny("300.00"), cny("100.00")});
        CHECK(a.allocation.cells[2][4] == cny("0.00"));
        CHECK(a.allocation.columns[0] == cny("100.00"));
        CHECK(a.allocation.columns[11] == cny("75.00"));
        // the second, the next block of the same schema: R1 January 6,000,000.00 x 8 / 100
        const std::string md = crm::test::source_file("docs/documents.md");
        const std::string marker = "<!-- schema: plan_request -->\n```json\n";
        const std::size_t at = md.find(marker, md.find(marker) + marker.size());
        REQUIRE(at != std::string::npos);
        const std::size_t start = at + marker.size();
        const auto b = crm::io::plan_allocation(
            crm::io::read_plan_request(md.substr(start, md.find("```", start) - start), "documents.md"));
        check_margins(b);
        CHECK(b.allocation.cells[0][0] == cny("480000.00"));
        CHECK(b.total == cny("9600000.00"));
    }

    TEST_CASE("a property: generated plan requests are exact on rows and columns and total") {
        Rng rng(20261203);
        for (int trial = 0; trial < 400; ++trial) {
            CAPTURE(trial);
            const bool by_total = rng.coin();
            const std::size_t m = 1 + rng.below(6);
            // weights of up to 6 decimals, zeros often; not all zero
            const auto weight = [&] {
                const auto kind = rng.below(4);
                return kind == 0   ? Decimal{0}
                       : kind == 1 ? Decimal{static_cast<std::int64_t>(rng.below(10))}
                                   : Decimal::scaled(static_cast<std::int64_t>(rng.below(10'000'000)),
                                                     -static_cast<int>(rng.below(7)));
            };
            const auto row_of = [&] {
                std::vector<Decimal> row(12);
                for (Decimal& w : row) w = weight();
                return row;
            };
            const auto json_row = [](const std::vector<Decimal>& row) {
                std::string out = "[";
                for (std::size_t j = 0; j < row.size(); ++j)
                    out += (j ? ", \"" : "\"") + row[j].to_string() + "\"";
                return out + "]";
            };
            const auto cents = [&] {
                return Money{Decimal::scaled(static_cast<std::int64_t>(rng.below(100'000'000'000)), -2),
                             crm::Currency{"CNY"}};
            };
            std::vector<std::vector<Decimal>> w;
            std::vector<Money> targets;
            std::vector<Decimal> months;
            std::string regions = "[";
            for (std::size_t i = 0; i < m; ++i) {
                std::string member;
                if (by_total) {
                    w.push_back(row_of());
                    if (i == 0 && w[0][0].signum() == 0) w[0][0] = Decimal{1};  // not all zero
                    member = R"("weights": )" + json_row(w.back());
                } else {
                    targets.push_back(cents());
                    member = R"("target": )" + amount(targets.back().amount().to_string());
                }
                regions += (i ? ", " : "") + region("R" + std::to_string(i), member);
            }
            regions += "]";
            const Money total = cents();
            std::string text;
            if (by_total) {
                text = by_weights(regions, amount(total.amount().to_string()));
            } else {
                months = row_of();
                if (months[0].signum() == 0) months[0] = Decimal{1};  // not all zero
                text = R"({"regions": )" + regions + R"(, "month_weights": )" + json_row(months) + "}";
            }
            CAPTURE(text);
            const auto a = crm::io::plan_allocation(crm::io::read_plan_request(text));
            check_margins(a);
            // each cell the floor or the ceiling of its ideal share, in fen
            if (by_total) {
                CHECK(a.total == total);
                Decimal all{0};
                for (const auto& row : w)
                    for (const Decimal& x : row) all += x;
                const Decimal t{fen(total)};
                for (std::size_t i = 0; i < m; ++i)
                    for (std::size_t j = 0; j < 12; ++j)
                        CHECK(floor_or_ceiling(a.allocation.cells[i][j], t * w[i][j], all));
                CHECK(a.allocation == crm::planning::allocate_matrix(total, w));
            } else {
                Decimal all{0};
                for (const Decimal& x : months) all += x;
                for (std::size_t i = 0; i < m; ++i) {
                    CHECK(a.allocation.rows[i] == targets[i]);  // every region exactly its target
                    const Decimal t{fen(targets[i])};
                    for (std::size_t j = 0; j < 12; ++j)
                        CHECK(floor_or_ceiling(a.allocation.cells[i][j], t * months[j], all));
                }
                CHECK(a.allocation == crm::planning::allocate_matrix(targets, months));
            }
        }
    }
}
