#include <crm/core/error.hpp>
#include <crm/pricing/authority.hpp>
#include <crm/pricing/reasons.hpp>

#include <algorithm>
#include <string>
#include <unordered_set>

namespace crm::pricing {

namespace {

std::string row_field(std::size_t i, std::string_view rest) {
    return "rows[" + std::to_string(i) + "]." + std::string{rest};
}

// (list - unit) x 100 <= max x list, exactly (no division).
bool covers(const AuthorityRow& row, const Money& list, const Money& unit) {
    if (row.max_discount) {
        const Decimal off = (list.amount() - unit.amount()) * Decimal{100};
        if (off > row.max_discount->value() * list.amount()) return false;
    }
    if (row.min_price) {
        if (row.min_price->currency() != unit.currency()) return false;
        if (unit.amount() < row.min_price->amount()) return false;
    }
    return true;
}

}  // namespace

void validate_authority(const AuthorityTable& table) {
    std::unordered_set<RoleId> roles;
    std::unordered_set<int> ranks;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const AuthorityRow& r = table.rows[i];
        if (!roles.insert(r.role).second)
            throw Error(ErrorCode::duplicate, row_field(i, "role"), "role given twice");
        if (!ranks.insert(r.rank).second)
            throw Error(ErrorCode::duplicate, row_field(i, "rank"), "rank given twice");
        if (r.max_discount &&
            (r.max_discount->value().signum() < 0 || r.max_discount->value() > Decimal{100}))
            throw Error(ErrorCode::invalid_argument, row_field(i, "max_discount"), "must be 0..100%");
        if (r.min_price && r.min_price->signum() < 0)
            throw Error(ErrorCode::invalid_argument, row_field(i, "min_price"), "must not be negative");
    }
}

AuthorityNeeded authority_needed(const PricedLine& line, const AuthorityTable& table) {
    return authority_needed(line, table, {});
}

AuthorityNeeded authority_needed(const PricedLine& line, const AuthorityTable& table,
                                 std::span<const Role> roles) {
    validate_authority(table);
    AuthorityNeeded out;
    out.list_price = line.list_price;
    out.unit_price = line.unit_price;
    if (!line.list_price.is_zero()) {
        const Decimal off = (line.list_price.amount() - line.unit_price.amount()) * Decimal{100};
        out.discount_off_list = Percent{divide(off, line.list_price.amount(), 4, RoundingMode::down)};
    }
    const AuthorityRow* best = nullptr;
    for (const AuthorityRow& r : table.rows) {
        if (covers(r, line.list_price, line.unit_price) && (best == nullptr || r.rank < best->rank))
            best = &r;
    }
    if (best == nullptr) {
        out.decision.add(
            Reason{reasons::beyond_authority, Outcome::block}.with("discount", out.discount_off_list));
        return out;
    }
    out.role = best->role;
    out.rank = best->rank;
    out.decision.add(Reason{reasons::within_authority, Outcome::allow}
                         .with("discount", out.discount_off_list)
                         .with("role", role_display_name(roles, best->role, Lang::en))
                         .with("role_zh", role_display_name(roles, best->role, Lang::zh)));
    return out;
}

}  // namespace crm::pricing
