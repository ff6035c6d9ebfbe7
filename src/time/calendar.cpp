#include <crm/core/error.hpp>
#include <crm/time/calendar.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <ostream>
#include <set>
#include <string>
#include <utility>

namespace crm {

// ---- the immutable data and its index --------------------------------------------------------
//
// Every query reduces to two functions over day serials (int64, so that the day before
// 1400-01-01 or after 9999-12-31 can be asked about without a Date):
//   rank(s)   = the number of business days <= s, counted from an arbitrary origin;
//   select(k) = the business day whose rank is k (the smallest s with rank(s) >= k).
// Then business_days_between(a, b) = rank(b) - rank(a), and the n-th business day after d is
// select(rank(d) + n).
//
// The holiday data lives in a window of whole years [first_, first_ + len). Inside, rank and
// select are table reads. Outside, only the weekend matters, so they follow the weekly pattern:
// week_rank(s) counts the non-weekend days up to s in whole weeks plus a prefix of the last
// week. Before the window rank(s) = week_rank(s); after it, rank(s) = week_rank(s) + shift_,
// where shift_ is what the data added over the window (make-up days minus weekday holidays).
struct Calendar::Impl {
    std::string name;
    std::vector<Weekday> weekend;  // ascending, unique
    std::vector<Date> holidays;    // ascending, unique
    std::vector<Date> working_days;
    std::optional<std::pair<Date, Date>> range;
    unsigned weekend_mask = 0;  // bit (weekday - 1)

    // weekly pattern, relative to a Monday
    static constexpr std::int64_t monday = 4;  // 1970-01-05
    std::int64_t per_week = 0;                 // business days in a plain week, 1..7
    std::array<std::int64_t, 7> prefix{};      // business days among Monday..Monday+r
    std::array<std::int64_t, 7> position{};    // offset from Monday of the (j+1)-th business day

    // the window
    std::int64_t first = 0;                  // serial of its first day
    std::int64_t len = 0;                    // days in it (0 without data)
    std::int64_t rank_before = 0;            // rank(first - 1)
    std::int64_t shift = 0;                  // rank(s) - week_rank(s) after the window
    std::vector<std::int32_t> rank_table;    // rank(first + i) - rank_before
    std::vector<std::int32_t> select_table;  // select(rank_before + 1 + j) - first

    [[nodiscard]] static std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
        const std::int64_t q = a / b;
        return (a % b < 0) ? q - 1 : q;
    }
    [[nodiscard]] static unsigned weekday_bit(std::int64_t serial) noexcept {
        return 1u << static_cast<unsigned>((serial % 7 + 10) % 7);  // Monday -> bit 0
    }
    [[nodiscard]] bool weekend_day(std::int64_t serial) const noexcept {
        return (weekend_mask & weekday_bit(serial)) != 0;
    }
    [[nodiscard]] std::int64_t week_rank(std::int64_t s) const noexcept {
        const std::int64_t t = s - monday;
        const std::int64_t q = floor_div(t, 7);
        return q * per_week + prefix[static_cast<std::size_t>(t - q * 7)];
    }
    [[nodiscard]] std::int64_t week_select(std::int64_t k) const noexcept {
        const std::int64_t q = floor_div(k - 1, per_week);
        return monday + q * 7 + position[static_cast<std::size_t>(k - 1 - q * per_week)];
    }
    [[nodiscard]] std::int64_t rank(std::int64_t s) const noexcept {
        const std::int64_t i = s - first;
        if (static_cast<std::uint64_t>(i) < static_cast<std::uint64_t>(len))
            return rank_before + rank_table[static_cast<std::size_t>(i)];
        return week_rank(s) + (i < 0 ? 0 : shift);
    }
    [[nodiscard]] std::int64_t select(std::int64_t k) const noexcept {
        const std::int64_t j = k - rank_before - 1;
        if (static_cast<std::uint64_t>(j) < select_table.size())
            return first + select_table[static_cast<std::size_t>(j)];
        return j < 0 ? week_select(k) : week_select(k - shift);
    }
    [[nodiscard]] bool business_day(std::int64_t s) const noexcept {
        const std::int64_t i = s - first;
        if (static_cast<std::uint64_t>(i) < static_cast<std::uint64_t>(len)) {
            const auto at = static_cast<std::size_t>(i);
            return rank_table[at] != (at == 0 ? 0 : rank_table[at - 1]);
        }
        return !weekend_day(s);
    }
};

namespace {

// ---- building: collect entries with where they came from, validate, index ------------------

// `base`: an entry of the calendar being extended (with_text, with_holidays, ...), valid there.
enum class Source : std::uint8_t { holidays, working_days, line, base };

struct Origin {
    Source source = Source::holidays;
    std::size_t index = 0;  // into the list, or the 1-based line number
};

std::string field_of(Origin o) {
    switch (o.source) {
    case Source::holidays: return "holidays[" + std::to_string(o.index) + "]";
    case Source::working_days: return "working_days[" + std::to_string(o.index) + "]";
    case Source::line:
    case Source::base: break;
    }
    return "line " + std::to_string(o.index);
}

struct Entry {
    Date date;
    bool working = false;
    Origin origin;
};

// Everything a calendar is built from, before validation. Entries are in the order given.
struct Draft {
    std::string name;
    std::vector<Weekday> weekend;
    std::optional<Origin> weekend_origin;  // a `weekend` line of the text, if any
    std::vector<Entry> entries;
    bool strict = false;

    void add(std::span<const Date> days, bool working, Source source) {
        for (std::size_t i = 0; i < days.size(); ++i) entries.push_back({days[i], working, {source, i}});
    }
};

Draft draft_of(const Calendar::Impl& impl, bool strict) {
    Draft d{impl.name, impl.weekend, std::nullopt, {}, strict};
    d.entries.reserve(impl.holidays.size() + impl.working_days.size());
    d.add(impl.holidays, false, Source::base);
    d.add(impl.working_days, true, Source::base);
    return d;
}

Draft draft_of(Calendar::Spec spec) {
    Draft d{std::move(spec.name), std::move(spec.weekend), std::nullopt, {}, spec.strict};
    d.entries.reserve(spec.holidays.size() + spec.working_days.size());
    d.add(spec.holidays, false, Source::holidays);
    d.add(spec.working_days, true, Source::working_days);
    return d;
}

std::shared_ptr<const Calendar::Impl> build(Draft draft) {
    auto impl = std::make_shared<Calendar::Impl>();
    impl->name = std::move(draft.name);

    // the weekend
    for (std::size_t i = 0; i < draft.weekend.size(); ++i) {
        const auto v = static_cast<int>(draft.weekend[i]);
        if (v < 1 || v > 7)
            throw Error(
                ErrorCode::invalid_argument,
                draft.weekend_origin ? field_of(*draft.weekend_origin) : "weekend[" + std::to_string(i) + "]",
                "weekday number " + std::to_string(v) + " is not 1 (Monday) .. 7 (Sunday)");
        impl->weekend_mask |= 1u << static_cast<unsigned>(v - 1);
    }
    if (impl->weekend_mask == 0x7fu)
        throw Error(ErrorCode::invalid_argument,
                    draft.weekend_origin ? field_of(*draft.weekend_origin) : "weekend",
                    "a weekend of all seven days leaves no business day");
    for (int v = 1; v <= 7; ++v)
        if (impl->weekend_mask & (1u << static_cast<unsigned>(v - 1)))
            impl->weekend.push_back(static_cast<Weekday>(v));

    // the entries, in the order given: a make-up day must be a weekend day, and the first entry
    // that contradicts an earlier one is the one named
    std::set<Date> holidays;
    std::set<Date> working;
    for (const Entry& e : draft.entries) {
        if (e.working) {
            if (impl->weekend_day(e.date.serial()))
                working.insert(e.date);
            else if (e.origin.source == Source::base)  // valid before: the new weekend is what is wrong
                throw Error(ErrorCode::invalid_argument,
                            draft.weekend_origin ? field_of(*draft.weekend_origin) : "weekend",
                            "this weekend makes the calendar's make-up working day " + e.date.to_string() +
                                " (a " + std::string(to_string(e.date.weekday())) + ") a plain weekday");
            else
                throw Error(ErrorCode::invalid_argument, field_of(e.origin),
                            "make-up working day " + e.date.to_string() + " is a " +
                                std::string(to_string(e.date.weekday())) + ", not a weekend day");
            if (holidays.contains(e.date))
                throw Error(ErrorCode::inconsistent, field_of(e.origin),
                            e.date.to_string() + " is both a holiday and a make-up working day");
        } else {
            if (working.contains(e.date))
                throw Error(ErrorCode::inconsistent, field_of(e.origin),
                            e.date.to_string() + " is both a holiday and a make-up working day");
            holidays.insert(e.date);
        }
    }
    impl->holidays.assign(holidays.begin(), holidays.end());
    impl->working_days.assign(working.begin(), working.end());

    // the weekly pattern
    for (std::size_t r = 0; r < 7; ++r) {
        const bool business = (impl->weekend_mask & (1u << r)) == 0;
        if (business)
            impl->position[static_cast<std::size_t>(impl->per_week++)] = static_cast<std::int64_t>(r);
        impl->prefix[r] = impl->per_week;
    }

    // the data range (whole years) and its index
    if (!holidays.empty() || !working.empty()) {
        Date lo = Date::max();
        Date hi = Date::min();
        if (!holidays.empty()) {
            lo = std::min(lo, *holidays.begin());
            hi = std::max(hi, *holidays.rbegin());
        }
        if (!working.empty()) {
            lo = std::min(lo, *working.begin());
            hi = std::max(hi, *working.rbegin());
        }
        const Date first(lo.year(), 1, 1);
        const Date last(hi.year(), 12, 31);
        impl->range = std::pair{first, last};
        impl->first = first.serial();
        impl->len = (last - first).count() + 1;

        std::vector<std::int8_t> state(static_cast<std::size_t>(impl->len), 0);  // -1 off, +1 worked
        for (const Date d : impl->holidays) state[static_cast<std::size_t>(d.serial() - impl->first)] = -1;
        for (const Date d : impl->working_days) state[static_cast<std::size_t>(d.serial() - impl->first)] = 1;

        impl->rank_before = impl->week_rank(impl->first - 1);
        impl->rank_table.resize(state.size());
        std::int32_t count = 0;
        for (std::size_t i = 0; i < state.size(); ++i) {
            const std::int64_t s = impl->first + static_cast<std::int64_t>(i);
            const bool business = state[i] == 0 ? !impl->weekend_day(s) : state[i] > 0;
            if (business) {
                impl->select_table.push_back(static_cast<std::int32_t>(i));
                ++count;
            }
            impl->rank_table[i] = count;
        }
        impl->shift = impl->rank_before + count - impl->week_rank(impl->first + impl->len - 1);
    }
    return impl;
}

// ---- the text format ---------------------------------------------------------------------------

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

std::vector<std::string_view> words_of(std::string_view line) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && is_space(line[i])) ++i;
        const std::size_t start = i;
        while (i < line.size() && !is_space(line[i])) ++i;
        if (i > start) words.push_back(line.substr(start, i - start));
    }
    return words;
}

void add_text(Draft& draft, std::string_view text) {
    std::size_t number = 0;
    while (!text.empty()) {
        ++number;
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        if (const std::size_t hash = line.find('#'); hash != std::string_view::npos)
            line = line.substr(0, hash);
        const std::vector<std::string_view> words = words_of(line);
        if (words.empty()) continue;

        const Origin origin{Source::line, number};
        const std::string field = field_of(origin);
        if (words[0] == "weekend") {
            draft.weekend.clear();
            for (std::size_t i = 1; i < words.size(); ++i)
                draft.weekend.push_back(parse_weekday(words[i], field));
            draft.weekend_origin = origin;
            continue;
        }
        if (words.size() < 2 || (words[1] != "holiday" && words[1] != "workday"))
            throw Error(
                ErrorCode::parse_error, field,
                "expected `YYYY-MM-DD holiday|workday [label]`, `YYYY-MM-DD..YYYY-MM-DD holiday|workday "
                "[label]` or `weekend <day names>`");
        const bool working = words[1] == "workday";
        const std::string_view dates = words[0];
        const std::size_t dots = dates.find("..");
        const Date from = Date::parse(dates.substr(0, dots), field);
        const Date to = dots == std::string_view::npos ? from : Date::parse(dates.substr(dots + 2), field);
        if (to < from) throw Error(ErrorCode::invalid_argument, field, "the range ends before it starts");
        if ((to - from).count() >= 366)
            throw Error(ErrorCode::invalid_argument, field, "a range spans at most 366 days");
        // by count, not `d <= to; d += 1`: stepping past 9999-12-31 would overflow
        const std::int64_t days = (to - from).count();
        for (std::int64_t k = 0; k <= days; ++k) draft.entries.push_back({from + Days{k}, working, origin});
    }
}

constexpr std::int64_t max_steps = Date::max_serial - Date::min_serial + 1;

[[noreturn]] void throw_leaves_dates(const char* field) {
    throw Error(ErrorCode::overflow, field, "the result leaves 1400-01-01..9999-12-31");
}

const std::shared_ptr<const Calendar::Impl>& weekends_only() {
    static const std::shared_ptr<const Calendar::Impl> impl =
        build(draft_of(Calendar::Spec{.name = "weekends only"}));
    return impl;
}

}  // namespace

// ---- construction ------------------------------------------------------------------------------

Calendar::Calendar() : impl_(weekends_only()) {}

Calendar::Calendar(Spec spec) : strict_(spec.strict) { impl_ = build(draft_of(std::move(spec))); }

Calendar Calendar::parse(std::string_view text) { return parse(text, Spec{}); }

Calendar Calendar::parse(std::string_view text, Spec base) {
    Draft draft = draft_of(std::move(base));
    add_text(draft, text);
    const bool strict = draft.strict;
    return Calendar(build(std::move(draft)), strict);
}

Calendar Calendar::with_holidays(std::span<const Date> days) const {
    Draft draft = draft_of(*impl_, strict_);
    draft.add(days, false, Source::holidays);
    return Calendar(build(std::move(draft)), strict_);
}

Calendar Calendar::with_working_days(std::span<const Date> days) const {
    Draft draft = draft_of(*impl_, strict_);
    draft.add(days, true, Source::working_days);
    return Calendar(build(std::move(draft)), strict_);
}

Calendar Calendar::with_text(std::string_view text) const {
    Draft draft = draft_of(*impl_, strict_);
    add_text(draft, text);
    return Calendar(build(std::move(draft)), strict_);
}

Calendar Calendar::strict(bool on) const { return Calendar(impl_, on); }

// ---- observers ---------------------------------------------------------------------------------

const std::string& Calendar::name() const noexcept { return impl_->name; }
const std::vector<Weekday>& Calendar::weekend() const noexcept { return impl_->weekend; }
const std::vector<Date>& Calendar::holidays() const noexcept { return impl_->holidays; }
const std::vector<Date>& Calendar::working_days() const noexcept { return impl_->working_days; }
std::optional<std::pair<Date, Date>> Calendar::data_range() const noexcept { return impl_->range; }

bool Calendar::covers(Date d) const noexcept {
    if (!impl_->range) return true;
    return d >= impl_->range->first && d <= impl_->range->second;
}

void Calendar::require_covered(Date d, std::string_view field) const {
    if (!strict_ || covers(d)) return;
    const auto& [first, last] = *impl_->range;
    const std::string label = impl_->name.empty() ? std::string("this calendar") : impl_->name;
    const int year = d.year();
    const std::string where = d > last ? "after " + last.to_string() + ", the last day"
                                       : "before " + first.to_string() + ", the first day";
    throw Error(
        ErrorCode::out_of_range, std::string(field),
        d.to_string() + " is " + where + " the holiday data of " + label + " covers. Add the holidays and " +
            "make-up working days of " + std::to_string(year) +
            " as the official notice gives them (for mainland China the State Council's 国务院办公厅关于" +
            std::to_string(year) + "年部分节假日安排的通知) with Calendar::with_text(\"" +
            std::to_string(year) + "-01-01 holiday ...\"), or ask calendar.strict(false) to count " +
            "weekends only outside the data");
}

bool Calendar::is_business_day(Date d) const {
    if (strict_) require_covered(d, "date");
    return impl_->business_day(d.serial());
}

bool Calendar::is_holiday(Date d) const {
    if (strict_) require_covered(d, "date");
    return std::binary_search(impl_->holidays.begin(), impl_->holidays.end(), d);
}

bool Calendar::is_weekend(Date d) const noexcept { return impl_->weekend_day(d.serial()); }

bool Calendar::is_working_weekend(Date d) const {
    if (strict_) require_covered(d, "date");
    return std::binary_search(impl_->working_days.begin(), impl_->working_days.end(), d);
}

// ---- arithmetic --------------------------------------------------------------------------------

namespace {

// The serial as a Date, or overflow naming `field`.
Date to_date(std::int64_t serial, const char* field) {
    if (serial < Date::min_serial || serial > Date::max_serial) throw_leaves_dates(field);
    return Date::from_serial(serial);
}

}  // namespace

Date Calendar::add_business_days(Date d, std::int64_t n) const {
    if (strict_) require_covered(d, "date");
    if (n > max_steps || n < -max_steps) throw_leaves_dates("n");
    const Impl& x = *impl_;
    const std::int64_t s = d.serial();
    // n > 0: rank(s) counts d itself if it is a business day, which never counts, so the n-th
    // one after is rank(s) + n. n <= 0: the last business day before d has rank(s - 1); the
    // |n|-th before has rank(s - 1) + n + 1 (n == 0: the following business day).
    const std::int64_t k = n > 0 ? x.rank(s) + n : x.rank(s - 1) + n + 1;
    const Date result = to_date(x.select(k), "n");
    if (strict_) require_covered(result, "n");
    return result;
}

std::int64_t Calendar::business_days_between(Date from, Date to) const {
    if (strict_) {
        require_covered(from, "from");
        require_covered(to, "to");
    }
    return impl_->rank(to.serial()) - impl_->rank(from.serial());
}

Date Calendar::next_business_day(Date d) const {
    if (strict_) require_covered(d, "date");
    const Date result = to_date(impl_->select(impl_->rank(d.serial()) + 1), "date");
    if (strict_) require_covered(result, "date");
    return result;
}

Date Calendar::previous_business_day(Date d) const {
    if (strict_) require_covered(d, "date");
    const Date result = to_date(impl_->select(impl_->rank(d.serial() - 1)), "date");
    if (strict_) require_covered(result, "date");
    return result;
}

Date Calendar::adjust(Date d, BusinessDayConvention c) const {
    if (strict_) require_covered(d, "date");
    const Impl& x = *impl_;
    const std::int64_t s = d.serial();
    if (c == BusinessDayConvention::unadjusted || x.business_day(s)) return d;
    const auto following = [&] { return to_date(x.select(x.rank(s - 1) + 1), "date"); };
    const auto preceding = [&] { return to_date(x.select(x.rank(s)), "date"); };
    const auto same_month = [&](Date r) { return r.month() == d.month() && r.year() == d.year(); };
    Date result = d;
    switch (c) {
    case BusinessDayConvention::following: result = following(); break;
    case BusinessDayConvention::preceding: result = preceding(); break;
    case BusinessDayConvention::modified_following:
        result = following();
        if (!same_month(result)) result = preceding();
        break;
    case BusinessDayConvention::modified_preceding:
        result = preceding();
        if (!same_month(result)) result = following();
        break;
    case BusinessDayConvention::unadjusted: break;
    }
    if (strict_) require_covered(result, "date");
    return result;
}

// ---- comparison and printing -------------------------------------------------------------------

bool operator==(const Calendar& a, const Calendar& b) noexcept {
    if (a.strict_ != b.strict_) return false;
    if (a.impl_ == b.impl_) return true;
    return a.impl_->weekend_mask == b.impl_->weekend_mask && a.impl_->holidays == b.impl_->holidays &&
           a.impl_->working_days == b.impl_->working_days;
}

std::string_view to_string(BusinessDayConvention c) noexcept {
    switch (c) {
    case BusinessDayConvention::unadjusted: return "unadjusted";
    case BusinessDayConvention::following: return "following";
    case BusinessDayConvention::preceding: return "preceding";
    case BusinessDayConvention::modified_following: return "modified_following";
    case BusinessDayConvention::modified_preceding: return "modified_preceding";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, BusinessDayConvention c) { return os << to_string(c); }

std::ostream& operator<<(std::ostream& os, const Calendar& c) {
    os << (c.name().empty() ? std::string("calendar") : c.name()) << " (weekend";
    for (const Weekday w : c.weekend()) os << ' ' << w;
    if (c.weekend().empty()) os << " none";
    os << ", " << c.holidays().size() << " holidays, " << c.working_days().size() << " working days, ";
    if (const auto range = c.data_range())
        os << range->first << ".." << range->second;
    else
        os << "no data";
    return os << (c.is_strict() ? ", strict)" : ", lenient)");
}

}  // namespace crm
