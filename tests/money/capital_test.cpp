// Amounts in capital numerals (人民币大写) and reading them back.

#include <crm/core/error.hpp>
#include <crm/money/capital.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::CapitalOptions;
using crm::Decimal;
using crm::ErrorCode;
using crm::Money;
using crm::parse_capital;
using crm::to_capital;

namespace {
Money cny(const char* amount) { return Money{amount, "CNY"}; }
}  // namespace

TEST_SUITE("money.capital") {
    TEST_CASE("the examples the bill-filling rules give") {
        // a zero between digits is 零; after 角, 整 is optional (left out by default)
        CHECK(to_capital(cny("1409.50")) == "壹仟肆佰零玖元伍角");
        CHECK(to_capital(cny("1409.50"), {.zheng_after_jiao = true}) == "壹仟肆佰零玖元伍角整");
        // several zeros in a row: one 零
        CHECK(to_capital(cny("6007.14")) == "陆仟零柒元壹角肆分");
        // the 元 place is zero, 角 is not: 零 written by default, or not
        CHECK(to_capital(cny("1680.32")) == "壹仟陆佰捌拾元零叁角贰分");
        CHECK(to_capital(cny("1680.32"), {.zero_at_yuan_place = false}) == "壹仟陆佰捌拾元叁角贰分");
        // the 万 place is zero, 仟 is not: by default no 零 there; the other allowed form moves it
        CHECK(to_capital(cny("107000.53")) == "壹拾万柒仟元零伍角叁分");
        CHECK(to_capital(cny("107000.53"), {.zero_at_group_place = true, .zero_at_yuan_place = false}) ==
              "壹拾万零柒仟元伍角叁分");
        // 角 is zero, 分 is not: 零 after 元 (not optional)
        CHECK(to_capital(cny("16409.02")) == "壹万陆仟肆佰零玖元零贰分");
        CHECK(to_capital(cny("16409.02"), {.zero_at_yuan_place = false}) == "壹万陆仟肆佰零玖元零贰分");
        CHECK(to_capital(cny("325.04")) == "叁佰贰拾伍元零肆分");
        // a leading ten is 壹拾; whole yuan end in 整
        CHECK(to_capital(cny("15.00")) == "壹拾伍元整");
        CHECK(to_capital(cny("15")) == "壹拾伍元整");
        // an amount with 分 has no 整, whatever the options
        CHECK(to_capital(cny("0.01"), {.zheng_after_jiao = true}) == "壹分");
    }

    TEST_CASE("zero amounts below one yuan prefixes and signs") {
        CHECK(to_capital(cny("0")) == "零元整");
        CHECK(to_capital(cny("0.00")) == "零元整");
        CHECK(to_capital(cny("0.50")) == "伍角");
        CHECK(to_capital(cny("0.05")) == "伍分");
        CHECK(to_capital(cny("0.15")) == "壹角伍分");
        CHECK(to_capital(cny("1.500")) == "壹元伍角");  // more places, still whole fen
        CHECK(to_capital(cny("1E+3")) == "壹仟元整");
        CHECK(to_capital(cny("1409.50"), {.renminbi_prefix = true}) == "人民币壹仟肆佰零玖元伍角");
        CHECK(to_capital(cny("-25.30"), {.allow_negative = true}) == "负贰拾伍元叁角");
        CHECK(to_capital(cny("-25.30"), {.renminbi_prefix = true, .allow_negative = true}) ==
              "人民币负贰拾伍元叁角");
        CHECK(to_capital(cny("-0.00"), {.allow_negative = false}) == "零元整");
    }

    TEST_CASE("万 and 亿 groups with the zeros the rules ask for") {
        CHECK(to_capital(cny("10000")) == "壹万元整");
        CHECK(to_capital(cny("1200000")) == "壹佰贰拾万元整");
        // 1,000,500: the zeros of 十万, 万 and 仟 are one 零 (the 仟 place is zero: not optional)
        CHECK(to_capital(cny("1000500")) == "壹佰万零伍佰元整");
        // 1,005,000: 万 is zero and 仟 is not: optional
        CHECK(to_capital(cny("1005000")) == "壹佰万伍仟元整");
        CHECK(to_capital(cny("1005000"), {.zero_at_group_place = true}) == "壹佰万零伍仟元整");
        // 100,005,000: the whole 万 group is zero, no 万 is written: the 零 stays
        CHECK(to_capital(cny("100005000")) == "壹亿零伍仟元整");
        CHECK(to_capital(cny("100000000")) == "壹亿元整");
        CHECK(to_capital(cny("1010000000")) == "壹拾亿壹仟万元整");
        CHECK(to_capital(cny("1010000000"), {.zero_at_group_place = true}) == "壹拾亿零壹仟万元整");
        CHECK(to_capital(cny("10050000")) == "壹仟零伍万元整");
        CHECK(to_capital(cny("1000000500")) == "壹拾亿零伍佰元整");
        // 1,2345,6789,0123: 万亿
        CHECK(to_capital(cny("1234567890123")) == "壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元整");
        CHECK(to_capital(cny("1000000000000")) == "壹万亿元整");
        CHECK(to_capital(cny("1000000000000.10")) == "壹万亿元零壹角");
        CHECK(to_capital(crm::max_capital_amount()) ==
              "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");
    }

    TEST_CASE("what has no capital form is refused naming the field") {
        using crm::test::check_error;
        check_error([] { return to_capital(cny("12.345")); }, ErrorCode::invalid_argument, "amount");
        check_error([] { return to_capital(cny("-1.00")); }, ErrorCode::invalid_argument, "amount");
        check_error(
            [] {
                return to_capital(Money{"1.00", "USD"}, {}, "agreement.amount");
            },
            ErrorCode::currency_mismatch, "agreement.amount");
        check_error([] { return to_capital(cny("10000000000000000")); }, ErrorCode::out_of_range, "amount");
        check_error([] { return to_capital(cny("1E+36")); }, ErrorCode::out_of_range, "amount");
        check_error([] { return to_capital(cny("139E-935359191")); }, ErrorCode::invalid_argument, "amount");
    }

    TEST_CASE("reading capital numerals back") {
        CHECK(parse_capital("壹仟肆佰零玖元伍角") == cny("1409.50"));
        CHECK(parse_capital("壹仟肆佰零玖元伍角整") == cny("1409.50"));
        CHECK(parse_capital("壹拾万零柒仟元伍角叁分") == cny("107000.53"));
        CHECK(parse_capital("壹拾万柒仟元零伍角叁分") == cny("107000.53"));
        CHECK(parse_capital("壹仟陆佰捌拾元叁角贰分") == cny("1680.32"));
        CHECK(parse_capital("人民币壹拾伍元整") == cny("15.00"));
        CHECK(parse_capital("壹拾伍圆正") == cny("15.00"));  // 圆 and 正, as the rules also allow
        CHECK(parse_capital("零元整") == cny("0"));
        CHECK(parse_capital("负伍分") == cny("-0.05"));
        CHECK(parse_capital("壹万亿元整") == cny("1000000000000"));
        CHECK(parse_capital("壹仟元整").amount().to_string() == "1000.00");
    }

    TEST_CASE("text the rules do not write is refused saying what they would write") {
        const auto message_of = [](std::string_view text) {
            try {
                (void)parse_capital(text);
            } catch (const crm::Error& e) {
                CHECK(e.code() == ErrorCode::parse_error);
                CHECK(e.field() == "amount_in_words");
                return e.message();
            }
            FAIL_CHECK("no crm::Error thrown");
            return std::string{};
        };
        CHECK(message_of("壹仟玖元整").find("壹仟零玖元整") != std::string::npos);      // missing 零
        CHECK(message_of("壹仟零零玖元整").find("壹仟零玖元整") != std::string::npos);  // two 零
        CHECK(message_of("拾伍元整").find("壹拾伍元整") != std::string::npos);          // a bare 拾
        CHECK(message_of("壹拾伍元").find("壹拾伍元整") != std::string::npos);    // whole yuan without 整
        CHECK(message_of("壹元伍分整").find("壹元零伍分") != std::string::npos);  // 整 after 分, 零 missing
        CHECK(message_of("零伍角").find("伍角") != std::string::npos);
        crm::test::check_error([] { return parse_capital(""); }, ErrorCode::parse_error, "amount_in_words");
        crm::test::check_error([] { return parse_capital("壹仟肆佰元整 "); }, ErrorCode::parse_error,
                               "amount_in_words");
        crm::test::check_error([] { return parse_capital("1409元"); }, ErrorCode::parse_error,
                               "amount_in_words");
        crm::test::check_error([] { return parse_capital("壹仟肆"); }, ErrorCode::parse_error,
                               "amount_in_words");
        crm::test::check_error([] { return parse_capital("壹亿壹亿元整"); }, ErrorCode::parse_error,
                               "amount_in_words");
        crm::test::check_error([] { return parse_capital("壹万亿亿元整", "agreement.amount_in_words"); },
                               ErrorCode::parse_error, "agreement.amount_in_words");
        crm::test::check_error([] { return parse_capital("壹元伍角叁角"); }, ErrorCode::parse_error,
                               "amount_in_words");
        crm::test::check_error(
            [] {
                return parse_capital("玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖万元整");
            },
            ErrorCode::parse_error, "amount_in_words");
    }

    TEST_CASE("property: every amount's capital form reads back to it with no stray 零") {
        crm::test::Rng rng(20261201);
        const std::string ling = "零";
        for (int i = 0; i < 4000; ++i) {
            // fen counts of every length up to 18 digits, zeros in runs more often than chance
            std::uint64_t fen = 0;
            const int length = static_cast<int>(rng.between(1, 18));
            for (int k = 0; k < length; ++k) fen = fen * 10 + (rng.below(3) == 0 ? rng.below(10) : 0);
            if (rng.coin()) fen += rng.below(100);
            const Money m{Decimal::scaled(static_cast<std::int64_t>(fen), -2), crm::Currency{"CNY"}};
            for (unsigned bits = 0; bits < 8; ++bits) {
                const CapitalOptions o{.zero_at_group_place = (bits & 1u) != 0,
                                       .zero_at_yuan_place = (bits & 2u) != 0,
                                       .zheng_after_jiao = (bits & 4u) != 0,
                                       .renminbi_prefix = rng.coin()};
                const std::string text = to_capital(m, o);
                CAPTURE(m);
                CAPTURE(text);
                CHECK(parse_capital(text) == m);
                if (fen == 0) continue;
                CHECK(text.find(ling + ling) == std::string::npos);
                CHECK(text.find(ling + "元") == std::string::npos);
                CHECK(text.find(ling + "万") == std::string::npos);
                CHECK(text.find(ling + "亿") == std::string::npos);
                CHECK(text.find("零元整") == std::string::npos);
                // 整 exactly when there are no 分 (and, after 角, only when asked for)
                CHECK((text.find("整") != std::string::npos) ==
                      (fen % 10 == 0 && (fen % 100 == 0 || o.zheng_after_jiao)));
            }
        }
    }

    TEST_CASE("property: negative amounts read back with their sign") {
        crm::test::Rng rng(7);
        for (int i = 0; i < 500; ++i) {
            const auto fen = static_cast<std::int64_t>(rng.below(1'000'000'000'000ULL)) + 1;
            const Money m{Decimal::scaled(-fen, -2), crm::Currency{"CNY"}};
            const std::string text = to_capital(m, {.allow_negative = true});
            CAPTURE(text);
            CHECK(text.starts_with("负"));
            CHECK(parse_capital(text) == m);
        }
    }
}
