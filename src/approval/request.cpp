#include <crm/approval/request.hpp>
#include <crm/core/error.hpp>

#include <charconv>
#include <cstdint>
#include <map>
#include <openssl/evp.h>
#include <ostream>
#include <string>
#include <tuple>
#include <unordered_map>

namespace crm::approval {

std::string_view to_string(RequestKind kind) noexcept {
    switch (kind) {
    case RequestKind::discount: return "discount";
    case RequestKind::order: return "order";
    case RequestKind::contract: return "contract";
    case RequestKind::payment_term: return "payment_term";
    case RequestKind::credit_overrun: return "credit_overrun";
    case RequestKind::expense: return "expense";
    case RequestKind::leave: return "leave";
    case RequestKind::account_transfer: return "account_transfer";
    }
    return "unknown";
}

std::string_view display_name(RequestKind kind, Lang lang) noexcept {
    const bool zh = lang == Lang::zh;
    switch (kind) {
    case RequestKind::discount: return zh ? "折扣" : "discount";
    case RequestKind::order: return zh ? "订单" : "order";
    case RequestKind::contract: return zh ? "合同评审" : "contract review";
    case RequestKind::payment_term: return zh ? "付款条件" : "payment term";
    case RequestKind::credit_overrun: return zh ? "信用超额" : "credit overrun";
    case RequestKind::expense: return zh ? "费用" : "expense";
    case RequestKind::leave: return zh ? "请假" : "leave";
    case RequestKind::account_transfer: return zh ? "客户转移" : "account transfer";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, RequestKind kind) { return os << to_string(kind); }

std::string_view to_string(Dimension dimension) noexcept {
    switch (dimension) {
    case Dimension::none: return "none";
    case Dimension::amount: return "amount";
    case Dimension::percent: return "percent";
    case Dimension::days: return "days";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, Dimension dimension) { return os << to_string(dimension); }

std::string_view to_string(Authority authority) noexcept {
    switch (authority) {
    case Authority::proposal: return "proposal";
    case Authority::rating: return "rating";
    case Authority::approval: return "approval";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, Authority authority) { return os << to_string(authority); }

void Request::validate() const {
    if (static_cast<std::size_t>(kind) >= request_kind_count)
        throw Error(ErrorCode::invalid_argument, "request.kind", "not a request kind");
    if (amount.signum() < 0)
        throw Error(ErrorCode::invalid_argument, "request.amount", "the amount is negative");
    if (percent.value().signum() < 0)
        throw Error(ErrorCode::invalid_argument, "request.percent", "the percent is negative");
    if (days.count() < 0)
        throw Error(ErrorCode::invalid_argument, "request.days", "the number of days is negative");
    if (requester.empty())
        throw Error(ErrorCode::invalid_argument, "request.requester", "the requester is empty");
}

// ---- fingerprint ---------------------------------------------------------------------------

namespace {

struct Collector {
    std::string text;
    void put(std::string_view piece) { text.append(piece); }
};

template <class Sink>
void put_number(Sink& sink, std::int64_t n) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    sink.put(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
}

// A length-prefixed field: `name=<n>:<text>|`.
template <class Sink>
void put_text(Sink& sink, std::string_view name, std::string_view text) {
    sink.put(name);
    sink.put("=");
    put_number(sink, static_cast<std::int64_t>(text.size()));
    sink.put(":");
    sink.put(text);
    sink.put("|");
}

// The number without trailing zeros: <sign><digits>E<exponent>.
template <class Sink>
void put_decimal(Sink& sink, const Decimal& d) {
    if (d.is_zero()) {
        sink.put("0E0");
        return;
    }
    if (d.is_signed()) sink.put("-");
    if (d.coefficient() <= Decimal::Coefficient(~std::uint64_t{0})) {
        auto c = static_cast<std::uint64_t>(d.coefficient());
        std::int64_t e = d.exponent();
        while (c % 10u == 0u) {
            c /= 10u;
            ++e;
        }
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, c);
        sink.put(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
        sink.put("E");
        put_number(sink, e);
        return;
    }
    const Decimal reduced = reduce(d);
    sink.put(reduced.coefficient_digits());
    sink.put("E");
    put_number(sink, reduced.exponent());
}

template <class Sink>
void put_request(Sink& sink, const Request& r) {
    sink.put("approval-request/v1|kind=");
    sink.put(to_string(r.kind));
    sink.put("|");
    put_text(sink, "requester", r.requester.value());
    put_text(sink, "segment", r.segment);
    put_text(sink, "region", r.region.value());
    put_text(sink, "product_line", r.product_line.value());
    sink.put("amount=");
    sink.put(r.amount.currency().code());
    sink.put(":");
    put_decimal(sink, r.amount.amount());
    sink.put("|percent=");
    put_decimal(sink, r.percent.value());
    sink.put("|days=");
    put_number(sink, r.days.count());
    sink.put("|");
    put_text(sink, "content", r.content);
}

}  // namespace

std::string canonical_text(const Request& request) {
    Collector c;
    put_request(c, request);
    return std::move(c.text);
}

Fingerprint fingerprint(const Request& request) {
    Collector c;
    c.text.reserve(160 + request.content.size());
    put_request(c, request);
    Fingerprint fp;
    unsigned int size = 0;
    if (EVP_Digest(c.text.data(), c.text.size(), fp.bytes.data(), &size, EVP_sha256(), nullptr) != 1 ||
        size != fp.bytes.size())
        throw Error(ErrorCode::invalid_operation, "request", "SHA-256 is not available from libcrypto");
    return fp;
}

std::string to_string(const Fingerprint& fp) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * fp.bytes.size());
    for (const std::uint8_t b : fp.bytes) {
        out += hex[b >> 4u];
        out += hex[b & 0xfu];
    }
    return out;
}

Fingerprint parse_fingerprint(std::string_view hex, std::string_view field) {
    Fingerprint fp;
    if (hex.size() != 2 * fp.bytes.size())
        throw Error(ErrorCode::parse_error, std::string(field), "a fingerprint is 64 hex digits");
    const auto digit = [&](char c) -> unsigned {
        if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
        if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
        if (c >= 'A' && c <= 'F') return static_cast<unsigned>(c - 'A' + 10);
        throw Error(ErrorCode::parse_error, std::string(field), "a fingerprint is 64 hex digits");
    };
    for (std::size_t i = 0; i < fp.bytes.size(); ++i)
        fp.bytes[i] = static_cast<std::uint8_t>((digit(hex[2 * i]) << 4u) | digit(hex[2 * i + 1]));
    return fp;
}

std::ostream& operator<<(std::ostream& os, const Fingerprint& fp) { return os << to_string(fp); }

// ---- duplicates ----------------------------------------------------------------------------

std::string_view to_string(DuplicateBy by) noexcept {
    switch (by) {
    case DuplicateBy::same_id: return "same_id";
    case DuplicateBy::same_content: return "same_content";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, DuplicateBy by) { return os << to_string(by); }

std::ostream& operator<<(std::ostream& os, const Duplicate& d) {
    return os << "requests[" << d.index << "] repeats requests[" << d.first << "] (" << d.by << ')';
}

std::vector<Duplicate> find_duplicates(std::span<const Request> requests) {
    std::vector<Duplicate> out;
    std::unordered_map<RequestId, std::size_t> by_id;
    // (kind, requester, fingerprint) -> the first index with that content
    std::map<std::tuple<RequestKind, std::string, Fingerprint>, std::size_t> by_content;
    by_id.reserve(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const Request& r = requests[i];
        const auto [id_it, new_id] = by_id.emplace(r.id, i);
        if (!new_id) {
            out.push_back(Duplicate{i, id_it->second, DuplicateBy::same_id});
            continue;
        }
        const auto [content_it, new_content] =
            by_content.emplace(std::tuple{r.kind, r.requester.value(), fingerprint(r)}, i);
        if (!new_content) out.push_back(Duplicate{i, content_it->second, DuplicateBy::same_content});
    }
    return out;
}

}  // namespace crm::approval
