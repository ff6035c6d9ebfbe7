#pragma once
/// \file
/// The one exception type of crmrules. Thrown only for malformed input (an unknown
/// currency, an end before a start, weights that do not sum to 100%) and for arithmetic
/// that cannot give an exact, representable answer. A business "no" is never an Error:
/// it is a returned crm::Decision. Proven by tests/core/error_test.cpp.

#include <crm/config.hpp>  // first: the C++20 check and the export macros
#include <crm/export.hpp>

#include <exception>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>

namespace crm {

/// What went wrong, as a stable code a host program can switch on.
enum class ErrorCode {
    invalid_argument,   ///< a value outside what the field allows (negative days, a 0th day)
    parse_error,        ///< text that is not in the expected syntax
    overflow,           ///< a result (or an input) beyond the representable range
    underflow,          ///< a non-zero result too small for the exponent range
    division_by_zero,   ///< a finite non-zero number divided by zero
    invalid_operation,  ///< an operation with no defined result (0/0, a quantize that cannot fit)
    inexact,            ///< an exact operation whose result would need rounding
    currency_mismatch,  ///< two amounts of different currencies combined
    unknown_currency,   ///< a currency code not in the ISO 4217 table
    invalid_date,       ///< a calendar date that does not exist
    out_of_range,       ///< a value outside the range the data covers (a date past a calendar's data)
    not_found,          ///< a reference to something the input does not contain
    duplicate,          ///< the same id (or key) given twice
    inconsistent,       ///< parts of the input that contradict each other (a loop, a gap, a sum)
};

/// The stable name of a code, e.g. "division_by_zero".
[[nodiscard]] CRM_EXPORT std::string_view to_string(ErrorCode code) noexcept;
/// Prints to_string(code).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, ErrorCode code);

/// Malformed input or an impossible computation. `field()` is the path of the offending
/// input (`policy.tiers[2].limit`, or the operand of an operation such as `divisor`);
/// `message()` says what is wrong without repeating confidential data; `what()` joins them.
class CRM_EXPORT Error : public std::exception {
public:
    /// An error of kind `code` about the input at path `field` (may be empty), with a message for people.
    Error(ErrorCode code, std::string field, std::string message);

    /// The kind of error, for a host program to switch on.
    [[nodiscard]] ErrorCode code() const noexcept { return code_; }
    /// The path of the offending input (`policy.tiers[2].limit`); empty when no input is to blame.
    [[nodiscard]] const std::string& field() const noexcept { return field_; }
    /// What is wrong, in English, without the offending value.
    [[nodiscard]] const std::string& message() const noexcept { return message_; }
    /// `<code> in <field>: <message>` (`invalid_argument in order.amount: must not be negative`); without `
    /// in <field>` when the field is empty.
    [[nodiscard]] const char* what() const noexcept override { return what_.c_str(); }

    /// The same error reported against the input `field` (`order.amount`) instead of the
    /// operation that detected it (`add`); the old field is kept at the end of the message
    /// ("... (in add)") so nothing is lost. Used through `crm::at_field`.
    [[nodiscard]] Error at(std::string_view field) const;

private:
    ErrorCode code_;
    std::string field_;
    std::string message_;
    std::string what_;
};

/// Runs `compute()`; a crm::Error it throws is rethrown naming `field`, the path of the input
/// the computation was working on. This is how a rule turns a vocabulary error (an `add`
/// that overflowed, a `quantize` that could not fit) into one that names the caller's input:
/// `at_field("order.amount", [&] { return exposure + order.amount; })`.
template <class F>
decltype(auto) at_field(std::string_view field, F&& compute) {
    try {
        return std::forward<F>(compute)();
    } catch (const Error& e) {
        throw e.at(field);
    }
}

}  // namespace crm
