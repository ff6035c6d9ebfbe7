#pragma once
/// \file
/// Strong identifiers. An id is the host system's key for a thing (an account's code, an
/// invoice number), kept as text. Each kind of thing has its own id type, so an AccountId
/// cannot be passed where a PersonId is expected, compared with one, or made from a bare
/// string by accident. Proven by tests/core/ids_test.cpp.

#include <compare>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace crm {

/// An identifier of the kind `Tag` (an incomplete type that only names the kind).
///
/// Invariant: none beyond being text; ids are compared byte for byte ("A1" != "a1"). The
/// default is the empty id, which rules treat like any other key; whether an empty id is
/// acceptable input is for each rule's validation to say.
template <class Tag>
class Id {
public:
    Id() = default;
    /// The id with text `value` (taken over without a copy).
    explicit Id(std::string value) noexcept : value_(std::move(value)) {}
    /// The id with text `value`.
    explicit Id(std::string_view value) : value_(value) {}
    /// The id with text `value` (a string literal: `AccountId{"ACC-001"}`).
    explicit Id(const char* value) : value_(value) {}

    /// The id's text.
    [[nodiscard]] const std::string& value() const noexcept { return value_; }
    /// True for the empty id.
    [[nodiscard]] bool empty() const noexcept { return value_.empty(); }

    /// Memberwise equality.
    friend bool operator==(const Id&, const Id&) noexcept = default;
    /// Byte-wise order of the texts.
    friend std::strong_ordering operator<=>(const Id&, const Id&) noexcept = default;

    /// The id's text, unquoted.
    friend std::ostream& operator<<(std::ostream& os, const Id& id) { return os << id.value_; }

private:
    std::string value_;
};

/// A customer organisation (domain.md section 1).
using AccountId = Id<struct AccountIdTag>;
/// A person: an account manager, an approver, a contact.
using PersonId = Id<struct PersonIdTag>;
/// A product (产品) of the price list.
using ProductId = Id<struct ProductIdTag>;
/// A product group or product line (产品组 / 产品线).
using ProductGroupId = Id<struct ProductGroupIdTag>;
/// An invoice (发票).
using InvoiceId = Id<struct InvoiceIdTag>;
/// A sales order (订单).
using OrderId = Id<struct OrderIdTag>;
/// A pricing, credit or approval rule inside a policy.
using RuleId = Id<struct RuleIdTag>;
/// An annual sales agreement (domain.md section 3).
using AgreementId = Id<struct AgreementIdTag>;
/// A sales region (销售区域).
using RegionId = Id<struct RegionIdTag>;
/// A customer complaint (投诉).
using ComplaintId = Id<struct ComplaintIdTag>;
/// An approval request (domain.md section 6).
using RequestId = Id<struct RequestIdTag>;
/// A role in an org chart (sales rep, regional manager, ...), as configured.
using RoleId = Id<struct RoleIdTag>;

}  // namespace crm

template <class Tag>
/// Hashes any crm::Id by its text, so ids can key unordered containers.
struct std::hash<crm::Id<Tag>> {
    /// The hash of the id's text.
    std::size_t operator()(const crm::Id<Tag>& id) const noexcept {
        return std::hash<std::string>{}(id.value());
    }
};
