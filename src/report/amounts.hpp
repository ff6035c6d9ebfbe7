#pragma once
// Internal to src/report: amounts as RenderOptions say, shared by the monthly report's and the
// annual summary's renderers, so both settle 万元 columns the same way (through wan_column).

#include <crm/money/money.hpp>
#include <crm/money/wan.hpp>
#include <crm/report/render.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace crm::report::detail {

inline std::string money(const Money& m) { return format(m); }

inline std::string_view rounding_name(RoundingMode mode, bool zh) {
    switch (mode) {
    case RoundingMode::half_even: return zh ? "四舍六入五成双" : "half-even";
    case RoundingMode::half_up: return zh ? "四舍五入" : "half-up";
    case RoundingMode::half_down: return zh ? "五舍六入" : "half-down";
    case RoundingMode::up: return zh ? "远离零进位" : "away from zero";
    case RoundingMode::down: return zh ? "舍去" : "toward zero";
    case RoundingMode::ceiling: return zh ? "向上取整" : "ceiling";
    case RoundingMode::floor: return zh ? "向下取整" : "floor";
    }
    return zh ? "未知" : "unknown";
}

// Amounts as the options say: exact yuan, or 万元 figures whose columns meet their totals.
class Amounts {
public:
    Amounts(const RenderOptions& o, bool zh)
        : wan_(o.unit == Unit::wan),
          zh_(zh),
          wan_options_{.decimals = o.places, .rounding = o.rounding, .grouping = o.grouping},
          totals_(o.totals) {}

    [[nodiscard]] bool wan() const noexcept { return wan_; }
    [[nodiscard]] const WanOptions& wan_options() const noexcept { return wan_options_; }
    [[nodiscard]] WanTotals totals() const noexcept { return totals_; }

    // One figure on its own.
    [[nodiscard]] std::string one(const Money& m) const {
        return wan_ ? format_wan(to_wan(m, wan_options_), wan_options_) : money(m);
    }

    // The parts (the regions) then their total (the company). A total equal to the parts' sum
    // is settled with wan_column; a mark it needs goes to `notes`, named by `column`.
    [[nodiscard]] std::vector<std::string> column(const std::vector<Money>& parts, const Money& total,
                                                  std::string_view column,
                                                  std::vector<std::string>& notes) const {
        std::vector<std::string> out;
        out.reserve(parts.size() + 1);
        if (!wan_ || parts.empty() || !adds_up(parts, total)) {
            for (const Money& m : parts) out.push_back(one(m));
            out.push_back(one(total));
            return out;
        }
        const WanColumn c = wan_column(parts, wan_options_, totals_);
        for (const Decimal& d : c.parts) out.push_back(format_wan(d, wan_options_));
        std::string shown = format_wan(c.total, wan_options_);
        if (!c.difference.is_zero()) {
            shown += " *";
            const std::string sum = format_wan(c.total - c.difference, wan_options_);
            const std::string diff = format_wan(c.difference, wan_options_);
            notes.push_back(zh_ ? std::string(column) + "：各区域合计 " + sum + "，与全公司合计相差 " + diff +
                                      "（尾差）。"
                                : std::string(column) + ": the regions add up to " + sum +
                                      "; the company total differs by " + diff + " (rounding).");
        }
        out.push_back(std::move(shown));
        return out;
    }

private:
    static bool adds_up(const std::vector<Money>& parts, const Money& total) {
        for (const Money& m : parts)
            if (m.currency() != total.currency()) return false;
        Money sum = Money::zero(total.currency());
        for (const Money& m : parts) sum += m;
        return sum == total;
    }

    bool wan_;
    bool zh_;
    WanOptions wan_options_;
    WanTotals totals_;
};

// The line under the title in 万元: the unit, the places, the rounding and how totals are settled.
inline std::string unit_line(const RenderOptions& options, bool zh) {
    const std::string places = std::to_string(options.places);
    const std::string how(rounding_name(options.rounding, zh));
    const bool allocate = options.totals == WanTotals::allocate;
    return zh ? "金额单位：万元（保留" + places + "位小数，" + how + "；" +
                    (allocate ? "尾差按最大余数法分配，各区域之和等于全公司合计" : "合计与各区域之和不等处以 * 标注") + "）"
              : "Amounts in 万元 (CNY 10,000), " + places + " places, " + how + "; " +
                    (allocate ? "rounding moved to the largest remainders so the regions add up to the company"
                              : "a company total its regions do not add up to is marked *");
}

}  // namespace crm::report::detail
