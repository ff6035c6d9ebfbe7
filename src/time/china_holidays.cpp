// Mainland China's official public holidays and make-up working days, 2024-2026.
//
// The data is written in the calendar text format (see Calendar::parse), so the shipped data
// and the format callers use to add later years are the same thing. Facts and sources are
// also listed in docs/domain.md (holiday data); tests/time/calendar_test.cpp checks
// every day below against that table, year by year.

#include <crm/time/calendar.hpp>

#include <string_view>

namespace crm {

namespace {

// Sources: the State Council General Office's yearly notices on holiday arrangements,
// 国务院办公厅关于部分节假日安排的通知:
//   2024: 国办发明电〔2023〕7号, 2023-10-25
//   2025: 国办发明电〔2024〕12号, 2024-11-12 (first year under the November 2024 revision of the
//         national holiday regulations: one more day for Spring Festival and for Labour Day)
//   2026: the notice of 2025-11-04
// Every day of a range is a day off (放假, weekend days included); a `workday` is a Saturday or
// Sunday that is worked (调休上班).
constexpr std::string_view china_mainland_text =
    R"crm(# Mainland China public holidays (放假) and make-up working days (调休上班)
weekend saturday sunday

# 2024: 国办发明电〔2023〕7号 (2023-10-25)
2024-01-01             holiday 元旦
2024-02-10..2024-02-17 holiday 春节
2024-02-04             workday 春节调休 (Sun)
2024-02-18             workday 春节调休 (Sun)
2024-04-04..2024-04-06 holiday 清明节
2024-04-07             workday 清明节调休 (Sun)
2024-05-01..2024-05-05 holiday 劳动节
2024-04-28             workday 劳动节调休 (Sun)
2024-05-11             workday 劳动节调休 (Sat)
2024-06-10             holiday 端午节
2024-09-15..2024-09-17 holiday 中秋节
2024-09-14             workday 中秋节调休 (Sat)
2024-10-01..2024-10-07 holiday 国庆节
2024-09-29             workday 国庆节调休 (Sun)
2024-10-12             workday 国庆节调休 (Sat)

# 2025: 国办发明电〔2024〕12号 (2024-11-12)
2025-01-01             holiday 元旦
2025-01-28..2025-02-04 holiday 春节
2025-01-26             workday 春节调休 (Sun)
2025-02-08             workday 春节调休 (Sat)
2025-04-04..2025-04-06 holiday 清明节
2025-05-01..2025-05-05 holiday 劳动节
2025-04-27             workday 劳动节调休 (Sun)
2025-05-31..2025-06-02 holiday 端午节
2025-10-01..2025-10-08 holiday 国庆节、中秋节
2025-09-28             workday 国庆节调休 (Sun)
2025-10-11             workday 国庆节调休 (Sat)

# 2026: the notice of 2025-11-04
2026-01-01..2026-01-03 holiday 元旦
2026-01-04             workday 元旦调休 (Sun)
2026-02-15..2026-02-23 holiday 春节
2026-02-14             workday 春节调休 (Sat)
2026-02-28             workday 春节调休 (Sat)
2026-04-04..2026-04-06 holiday 清明节
2026-05-01..2026-05-05 holiday 劳动节
2026-05-09             workday 劳动节调休 (Sat)
2026-06-19..2026-06-21 holiday 端午节
2026-09-25..2026-09-27 holiday 中秋节
2026-10-01..2026-10-07 holiday 国庆节
2026-09-20             workday 国庆节调休 (Sun)
2026-10-10             workday 国庆节调休 (Sat)
)crm";

}  // namespace

std::string_view china_mainland_calendar_text() noexcept { return china_mainland_text; }

Calendar china_mainland_calendar(bool strict) {
    // Parsed once (thread-safe static initialisation); the calendar is immutable, so every
    // caller shares its data and gets its own strictness (strict unless asked otherwise).
    static const Calendar china =
        Calendar::parse(china_mainland_text, Calendar::Spec{.name = "mainland China"});
    return china.strict(strict);
}

}  // namespace crm
