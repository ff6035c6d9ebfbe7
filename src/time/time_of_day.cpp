#include <crm/core/error.hpp>
#include <crm/time/time_of_day.hpp>

#include <ostream>
#include <string>

namespace crm {

namespace detail {
void throw_invalid_time(std::string_view field, std::string_view message) {
    throw Error(ErrorCode::invalid_argument, std::string(field), std::string(message));
}
}  // namespace detail

namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

int two_digits_value(char tens, char units) noexcept { return (tens - '0') * 10 + (units - '0'); }

void append_two_digits(std::string& out, int n) {
    out.push_back(static_cast<char>('0' + n / 10 % 10));
    out.push_back(static_cast<char>('0' + n % 10));
}

}  // namespace

TimeOfDay TimeOfDay::parse(std::string_view text, std::string_view field) {
    if (text.size() != 5 || !is_digit(text[0]) || !is_digit(text[1]) || text[2] != ':' ||
        !is_digit(text[3]) || !is_digit(text[4]))
        throw Error(ErrorCode::parse_error, std::string(field), "expected a time as HH:MM");
    const int hour = two_digits_value(text[0], text[1]);
    const int minute = two_digits_value(text[3], text[4]);
    if (!((hour <= 23 && minute <= 59) || (hour == 24 && minute == 0)))
        throw Error(ErrorCode::invalid_argument, std::string(field),
                    "a time of day is 00:00..23:59 or 24:00");
    return TimeOfDay(hour, minute);
}

std::string TimeOfDay::to_string() const {
    std::string out;
    out.reserve(5);
    append_two_digits(out, hour());
    out.push_back(':');
    append_two_digits(out, minute());
    return out;
}

std::ostream& operator<<(std::ostream& os, TimeOfDay t) { return os << t.to_string(); }

DateTime DateTime::parse(std::string_view text, std::string_view field) {
    if (text.size() != 16 || (text[10] != ' ' && text[10] != 'T'))
        throw Error(ErrorCode::parse_error, std::string(field), "expected a timestamp as YYYY-MM-DD HH:MM");
    return DateTime{Date::parse(text.substr(0, 10), field), TimeOfDay::parse(text.substr(11), field)};
}

std::string DateTime::to_string() const { return date.to_string() + ' ' + time.to_string(); }

std::ostream& operator<<(std::ostream& os, const DateTime& t) { return os << t.to_string(); }

}  // namespace crm
