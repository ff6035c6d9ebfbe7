#include <crm/core/error.hpp>

#include <ostream>
#include <utility>

namespace crm {

std::string_view to_string(ErrorCode code) noexcept {
    switch (code) {
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::parse_error: return "parse_error";
    case ErrorCode::overflow: return "overflow";
    case ErrorCode::underflow: return "underflow";
    case ErrorCode::division_by_zero: return "division_by_zero";
    case ErrorCode::invalid_operation: return "invalid_operation";
    case ErrorCode::inexact: return "inexact";
    case ErrorCode::currency_mismatch: return "currency_mismatch";
    case ErrorCode::unknown_currency: return "unknown_currency";
    case ErrorCode::invalid_date: return "invalid_date";
    case ErrorCode::out_of_range: return "out_of_range";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::duplicate: return "duplicate";
    case ErrorCode::inconsistent: return "inconsistent";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, ErrorCode code) { return os << to_string(code); }

Error::Error(ErrorCode code, std::string field, std::string message)
    : code_(code), field_(std::move(field)), message_(std::move(message)) {
    what_ = std::string(to_string(code_));
    if (!field_.empty()) what_ += " in " + field_;
    what_ += ": " + message_;
}

Error Error::at(std::string_view field) const {
    std::string message = message_;
    if (!field_.empty() && field_ != field) message += " (in " + field_ + ")";
    return Error(code_, std::string(field), std::move(message));
}

}  // namespace crm
