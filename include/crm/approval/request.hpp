#pragma once
/// \file
/// What is asked for approval (审批申请): a request's kind, its figures (an amount, a percent, a
/// number of days), the segment, region and product line it concerns, who asks, and the
/// fingerprint of the content being approved. Domain: docs/domain.md section 6. Proven by
/// tests/approval/request_test.cpp.
///
/// ```cpp
/// using namespace crm::approval;
/// Request discount{.id = crm::RequestId{"Q-17"}, .kind = RequestKind::discount,
///                  .requester = crm::PersonId{"wang"}, .segment = "government",
///                  .region = crm::RegionId{"east"}, .percent = crm::Percent{"12"}};
/// Fingerprint before = fingerprint(discount);
/// discount.percent = crm::Percent{"15"};  // edited after approval
/// fingerprint(discount) != before;        // approvals given for 12% no longer count
/// ```

#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/export.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>
#include <crm/time/date.hpp>

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crm::approval {

/// What a request asks for. The figures each kind uses (the others stay zero):
///
/// | kind | amount | percent | days |
/// |---|---|---|---|
/// | `discount` (折扣) | how far the deal's price is below the requester's pricing authority | percent off
/// list | | | `order` (订单) | order value | | | | `contract` (合同评审) | contract value | | duration | |
/// `payment_term` (付款条件) | | | days beyond the standard term | | `credit_overrun` (信用超额) | amount
/// over the credit limit | percent over the limit | | | `expense` (费用) | expense amount | | | | `leave`
/// (请假) | | | days of leave | | `account_transfer` (客户转移) | (the account's annual revenue, if the
/// matrix uses it) | | |
///
/// The table is documentation, not a restriction: a matrix may threshold any figure of any kind.
enum class RequestKind : std::uint8_t {
    discount,
    order,
    contract,
    payment_term,
    credit_overrun,
    expense,
    leave,
    account_transfer,
};
/// The number of request kinds (the matrix indexes its rows by kind).
inline constexpr std::size_t request_kind_count = 8;
/// Every kind, in declaration order.
inline constexpr std::array<RequestKind, request_kind_count> all_request_kinds{
    RequestKind::discount,       RequestKind::order,   RequestKind::contract, RequestKind::payment_term,
    RequestKind::credit_overrun, RequestKind::expense, RequestKind::leave,    RequestKind::account_transfer,
};
/// The enumerator's name: "discount", "payment_term", ...
[[nodiscard]] CRM_EXPORT std::string_view to_string(RequestKind kind) noexcept;
/// The name a user reads: en "payment term", zh "付款条件".
[[nodiscard]] CRM_EXPORT std::string_view display_name(RequestKind kind, Lang lang) noexcept;
/// Prints to_string(kind).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, RequestKind kind);

/// Which figure of a request a matrix threshold reads. `none` is a row without threshold (it
/// applies whenever its kind and conditions match).
enum class Dimension : std::uint8_t { none, amount, percent, days };
/// "none", "amount", "percent", "days".
[[nodiscard]] CRM_EXPORT std::string_view to_string(Dimension dimension) noexcept;
/// Prints to_string(dimension).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Dimension dimension);

/// The authority types of the seed's job description (工作权限). Only `approval` (审批权)
/// satisfies an approval step: a proposal (建议权, "suggest hiring, transfer, reward") or a
/// rating (评定权, "rate the daily assessment score") recorded against a request never counts
/// as its approval (tests/approval/verify_test.cpp, "a proposal is not an approval").
enum class Authority : std::uint8_t {
    proposal,  ///< 建议权: may propose; someone else decides
    rating,    ///< 评定权: may rate (a score, an assessment)
    approval,  ///< 审批权: may approve
};
/// The stable name: `proposal`, `rating` or `approval` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(Authority authority) noexcept;
/// Prints to_string(authority).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Authority authority);

/// A request for approval. An aggregate: build it with designated initialisers.
///
/// Invariants checked by `validate()` (called by `route`): the amount, percent and days are not
/// negative; a non-zero amount is in the matrix's currency (checked by `route`). Figures a kind
/// does not use stay zero. `segment` is the account segment's stable name, as
/// `crm::account::to_string(Segment)` spells it ("government", "group", "enterprise",
/// "channel", "alliance"); the approval layer does not include the account area (layer rule).
struct CRM_EXPORT Request {
    RequestId id;  ///< the request's own id; approvals name it (not part of the fingerprint)
    RequestKind kind = RequestKind::order;  ///< what is asked for (折扣, 订单, 合同 ...); default order
    PersonId requester;           ///< who asks; never empty, and never an approver of their own request
    std::string segment;          ///< "government", "group", ...; empty when not relevant
    RegionId region;              ///< the sales region the request concerns
    ProductGroupId product_line;  ///< the product line the request concerns
    Money amount;                 ///< see RequestKind for its meaning per kind; zero CNY when unused
    Percent percent;              ///< percentage points: 12 is 12%
    Days days;                    ///< a duration in days
    /// What else is being approved, as the host identifies it: the contract document's hash,
    /// the order's line list, a description. Folded into the fingerprint, so an edit of the
    /// content that leaves the figures alone is still an edit.
    std::string content;

    /// Throws crm::Error(invalid_argument) naming `request.amount`, `request.percent` or
    /// `request.days` when a figure is negative, `request.requester` when it is empty, and
    /// `request.kind` when it is outside the enum.
    void validate() const;

    /// Memberwise equality.
    friend bool operator==(const Request&, const Request&) = default;
};

/// A fingerprint of what is approved: SHA-256 over the request's canonical text. A
/// cryptographic hash, because the content is the requester's: nobody can edit a request so
/// that it keeps the fingerprint an approval was given for (FNV or std::hash would let a
/// deliberate edit collide). Stable across compilers, platforms and runs, so it can be stored
/// with an approval and compared years later. The zero value (all bytes 0) is "no fingerprint".
struct CRM_EXPORT Fingerprint {
    std::array<std::uint8_t, 32> bytes{};  ///< the digest, most significant byte first
    /// Memberwise equality.
    friend constexpr bool operator==(const Fingerprint&, const Fingerprint&) noexcept = default;
    /// Byte-wise order (for sorted containers; it means nothing about the content).
    friend constexpr std::strong_ordering operator<=>(const Fingerprint&,
                                                      const Fingerprint&) noexcept = default;
};
/// Sixty-four lower-case hex digits: `9f3a0c...`.
[[nodiscard]] CRM_EXPORT std::string to_string(const Fingerprint& fp);
/// The fingerprint written by `to_string` (64 hex digits, either case); throws crm::Error
/// (parse_error) naming `field` for anything else.
[[nodiscard]] CRM_EXPORT Fingerprint parse_fingerprint(std::string_view hex,
                                                       std::string_view field = "fingerprint");
/// Prints to_string(fp): 64 lower-case hex digits.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Fingerprint& fp);

/// The text `fingerprint` hashes, for documentation and debugging:
/// `approval-request/v1|kind=<kind>|requester=<n>:<id>|segment=<n>:<text>|region=<n>:<id>|`
/// `product_line=<n>:<id>|amount=<currency>:<d>|percent=<d>|days=<n>|content=<n>:<text>`, where
/// `<n>:` is the byte length of the text that follows (so no separator inside an id can make two
/// requests collide) and `<d>` is the number with its trailing zeros removed, written
/// `<sign><digits>E<exponent>` (`12.50` -> `125E-1`, `100` -> `1E2`, `0.00` -> `0E0`), so numbers
/// that are equal give the same text. The request id is not part of it: the id names the request,
/// the fingerprint its content (a resubmitted duplicate has a new id and the same fingerprint).
[[nodiscard]] CRM_EXPORT std::string canonical_text(const Request& request);

/// SHA-256 of `canonical_text(request)` (OpenSSL's libcrypto, behind this function).
/// Equal content gives equal fingerprints; any change of kind, requester, segment, region,
/// product line, a figure's value, the amount's currency or the content gives another one.
/// tests/approval/request_test.cpp pins known values.
[[nodiscard]] CRM_EXPORT Fingerprint fingerprint(const Request& request);

/// Why a request is a duplicate of an earlier one in the same batch.
enum class DuplicateBy : std::uint8_t {
    same_id,       ///< the same request id appears again
    same_content,  ///< another id, but the same kind, requester and fingerprint (a resubmission)
};
/// The stable name: `same_id` or `same_content` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(DuplicateBy by) noexcept;
/// Prints to_string(by).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, DuplicateBy by);

/// `requests[index]` repeats `requests[first]` (first < index).
struct CRM_EXPORT Duplicate {
    std::size_t index = 0;                  ///< the index of the repeating request in the batch
    std::size_t first = 0;                  ///< the index of its first occurrence (first < index)
    DuplicateBy by = DuplicateBy::same_id;  ///< why it is a duplicate; default same_id
    /// Memberwise equality.
    friend bool operator==(const Duplicate&, const Duplicate&) = default;
};
/// Prints `requests[<index>] repeats requests[<first>] (<by>)`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Duplicate& d);

/// The requests of a batch that repeat an earlier one: the same id (`same_id`), or the same kind,
/// requester and fingerprint under another id (`same_content`: the "submit it again and get it
/// approved twice" bypass). One entry per repeating request, in index order, naming the first
/// occurrence. Approvals themselves never carry over between ids: `verify` ignores an approval
/// given for another request id (`approval.other_request`).
[[nodiscard]] CRM_EXPORT std::vector<Duplicate> find_duplicates(std::span<const Request> requests);

}  // namespace crm::approval
