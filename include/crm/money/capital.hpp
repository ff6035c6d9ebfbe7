#pragma once
/// \file
/// Amounts in capital numerals (人民币大写, 金额大写), as bills, settlement vouchers, contracts
/// and receipts write them: 零壹贰叁肆伍陆柒捌玖, the place units 拾佰仟, the group units 万 and
/// 亿, then 元角分 and 整. The rules are the People's Bank of China's for filling in bills and
/// settlement vouchers (also in the accounting basic work norms):
/// - a zero between non-zero digits is written 零, several zeros in a row one 零
///   (¥6,007.14 -> 陆仟零柒元壹角肆分);
/// - when the 万 (or 亿) place is zero and the 仟 place below it is not, the 零 may be written or
///   not (¥107,000.53 -> 壹拾万柒仟元零伍角叁分 or 壹拾万零柒仟元伍角叁分);
/// - when the 元 place is zero and 角 is not, likewise (¥1,680.32 -> 壹仟陆佰捌拾元零叁角贰分
///   or 壹仟陆佰捌拾元叁角贰分);
/// - when 角 is zero and 分 is not, 零 follows 元 (¥16,409.02 -> 壹万陆仟肆佰零玖元零贰分);
/// - an amount in whole yuan ends in 整; after 角, 整 is optional; after 分, never;
/// - a leading ten is 壹拾 (¥15.00 -> 壹拾伍元整).
/// The choices the rules leave open are CapitalOptions with documented defaults.
/// Proven by tests/money/capital_test.cpp.

#include <crm/export.hpp>
#include <crm/money/money.hpp>

#include <string>
#include <string_view>

namespace crm {

/// The choices the capital-numeral rules leave open. The defaults give the first form each
/// rule cites.
struct CRM_EXPORT CapitalOptions {
    /// Write 零 when the 万 or 亿 place is zero and the 仟 place right below is not (and the 万
    /// or 亿 is written): false gives 壹拾万柒仟元 for ¥107,000, true 壹拾万零柒仟元. When the
    /// whole 万 group is zero (¥100,005,000: 壹亿零伍仟元整) the 零 is always written, since no
    /// 万 separates the digits.
    bool zero_at_group_place = false;
    /// Write 零 when the 元 place is zero and 角 is not: true gives 壹仟陆佰捌拾元零叁角贰分
    /// for ¥1,680.32, false 壹仟陆佰捌拾元叁角贰分.
    bool zero_at_yuan_place = true;
    /// End an amount whose last digit is 角 with 整: false gives 伍角, true 伍角整.
    bool zheng_after_jiao = false;
    /// Start with 人民币 (the rules ask for it on bills where the form does not print it).
    bool renminbi_prefix = false;
    /// Write a negative amount with 负 in front (after 人民币 when that is written); false
    /// makes a negative amount an error.
    bool allow_negative = false;

    /// Memberwise equality.
    friend constexpr bool operator==(const CapitalOptions&, const CapitalOptions&) noexcept = default;
};

/// The largest amount with a capital form: ¥9,999,999,999,999,999.99, just under 1亿亿 (groups
/// 万, 亿 and 万亿; the rules define no unit above).
[[nodiscard]] CRM_EXPORT Money max_capital_amount();

/// `amount` in capital numerals: ¥1,409.50 -> 壹仟肆佰零玖元伍角, zero -> 零元整, ¥0.05 -> 伍分.
/// Throws crm::Error naming `field`: currency_mismatch when the currency is not CNY,
/// invalid_argument when the amount is not a whole number of fen (round it first) or is
/// negative without `allow_negative`, out_of_range above max_capital_amount().
[[nodiscard]] CRM_EXPORT std::string to_capital(const Money& amount, const CapitalOptions& options = {},
                                                std::string_view field = "amount");

/// Reads an amount in capital numerals back, as a CNY amount with two places. Accepted: every
/// form to_capital writes under any CapitalOptions, with 圆 for 元 and 正 for 整 (both allowed
/// by the rules). Anything else throws crm::Error(parse_error) naming `field`, with the form
/// the rules give when the value could be read (壹仟玖元 is refused: the rules write
/// 壹仟零玖元整). So `parse_capital(to_capital(m, o)) == m` for every amount and options.
[[nodiscard]] CRM_EXPORT Money parse_capital(std::string_view text,
                                             std::string_view field = "amount_in_words");

}  // namespace crm
