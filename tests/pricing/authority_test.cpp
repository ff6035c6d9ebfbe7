// Pricing authority (销售价格权限): who may grant a price.
#include <crm/pricing/authority.hpp>

#include <doctest/doctest.h>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using namespace crm;
using namespace crm::pricing;

namespace {

Money cny(std::string_view a) { return Money{a, "CNY"}; }

PricedLine priced(std::string_view list, std::string_view unit) {
    PricedLine p;
    p.list_price = cny(list);
    p.unit_price = cny(unit);
    return p;
}

// rep up to 5%, regional manager 10%, director 20% and not below 50, general manager 99.995%
AuthorityTable ladder() {
    return AuthorityTable{{
        AuthorityRow{.role = RoleId{"sales_rep"}, .rank = 1, .max_discount = Percent{"5"}},
        AuthorityRow{.role = RoleId{"regional_manager"}, .rank = 2, .max_discount = Percent{"10"}},
        AuthorityRow{.role = RoleId{"sales_director"},
                     .rank = 4,
                     .max_discount = Percent{"20"},
                     .min_price = cny("50")},
        AuthorityRow{.role = RoleId{"general_manager"}, .rank = 5, .max_discount = Percent{"99.995"}},
    }};
}

}  // namespace

TEST_SUITE("pricing.authority") {
    TEST_CASE("the lowest role whose authority covers the discount is needed") {
        const AuthorityTable t = ladder();
        CHECK(authority_needed(priced("100", "100"), t).role == RoleId{"sales_rep"});
        CHECK(authority_needed(priced("100", "95"), t).role == RoleId{"sales_rep"});  // exactly 5%
        CHECK(authority_needed(priced("100", "94.9999"), t).role == RoleId{"regional_manager"});  // 5.0001%
        const AuthorityNeeded d = authority_needed(priced("100", "85"), t);                       // 15%
        CHECK(d.role == RoleId{"sales_director"});
        CHECK(d.rank == 4);
        CHECK(d.discount_off_list == Percent{"15"});
        CHECK(d.decision.outcome() == Outcome::allow);
        CHECK(d.decision.has("pricing.within_authority"));
    }

    TEST_CASE("a minimum price limits a role regardless of the discount") {
        // 20% off 60 is 48, below the director's 50: the general manager is needed
        CHECK(authority_needed(priced("60", "48"), ladder()).role == RoleId{"general_manager"});
        CHECK(authority_needed(priced("60", "50"), ladder()).role == RoleId{"sales_director"});
    }

    TEST_CASE("99.995 percent is not 100 percent") {
        const AuthorityTable t = ladder();
        // 1000 x (1 - 0.99995) = 0.05: exactly the general manager's limit
        CHECK(authority_needed(priced("1000", "0.05"), t).role == RoleId{"general_manager"});
        // 0.0499 is 99.99501% off: beyond every role
        const AuthorityNeeded d = authority_needed(priced("1000", "0.0499"), t);
        CHECK(!d.role.has_value());
        CHECK(d.decision.outcome() == Outcome::block);
        CHECK(d.decision.has("pricing.beyond_authority"));
        CHECK(d.discount_off_list == Percent{"99.995"});  // shown rounded down, never 100
        CHECK(authority_needed(priced("1000", "0"), t).discount_off_list == Percent{"100"});
    }

    TEST_CASE("the role found covers the price and no lower role does over generated tables") {
        test::Rng rng{606};
        int beyond = 0;
        for (int n = 0; n < 3000; ++n) {
            CAPTURE(n);
            AuthorityTable t;
            std::int64_t limit = 0;
            const auto rows = rng.between(1, 5);
            for (std::int64_t r = 0; r < rows; ++r) {
                limit += rng.between(0, 3'000);  // thousandths of a per cent, rising with rank
                AuthorityRow row{
                    .role = RoleId{"role" + std::to_string(r)},
                    .rank = static_cast<int>(r + 1),
                    .max_discount = Percent{Decimal::scaled(std::min<std::int64_t>(limit, 100'000), -3)}};
                if (rng.below(4) == 0)
                    row.min_price = Money{Decimal::scaled(rng.between(0, 5'000), -2), Currency{}};
                t.rows.push_back(row);
            }
            const Decimal list = Decimal::scaled(rng.between(1, 1'000'000), -2);
            const Decimal unit = Decimal::scaled(rng.between(0, 1'000'000), -4) * Decimal{rng.between(0, 1)} +
                                 (rng.coin() ? list : Decimal{});
            PricedLine p;
            p.list_price = Money{list, Currency{}};
            p.unit_price = Money{unit, Currency{}};
            const AuthorityNeeded a = authority_needed(p, t);
            const auto covers = [&](const AuthorityRow& row) {
                const bool discount_ok = (list - unit) * Decimal{100} <= row.max_discount->value() * list;
                const bool price_ok = !row.min_price || unit >= row.min_price->amount();
                return discount_ok && price_ok;
            };
            for (const AuthorityRow& row : t.rows) {
                if (a.role && row.role == *a.role) CHECK(covers(row));
                if (!a.role || row.rank < a.rank) CHECK(!covers(row));
            }
            if (!a.role) {
                ++beyond;
                CHECK(a.decision.outcome() == Outcome::block);
            }
        }
        CHECK(beyond > 0);
    }

    TEST_CASE("a malformed authority table names the field") {
        AuthorityTable t = ladder();
        t.rows[1].rank = 1;
        test::check_error([&] { (void)authority_needed(priced("1", "1"), t); }, ErrorCode::duplicate,
                          "rows[1].rank");
        t = ladder();
        t.rows[2].role = RoleId{"sales_rep"};
        test::check_error([&] { validate_authority(t); }, ErrorCode::duplicate, "rows[2].role");
        t = ladder();
        t.rows[0].max_discount = Percent{"100.5"};
        test::check_error([&] { validate_authority(t); }, ErrorCode::invalid_argument,
                          "rows[0].max_discount");
        t = ladder();
        t.rows[2].min_price = cny("-1");
        test::check_error([&] { validate_authority(t); }, ErrorCode::invalid_argument, "rows[2].min_price");
    }

}  // TEST_SUITE
