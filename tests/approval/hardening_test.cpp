// Hostile input at the approval area's entry points: enum values outside their enum (as JSON,
// C and Python hosts may pass them) are refused naming the field, before any index is used.

#include <crm/approval/matrix.hpp>
#include <crm/approval/route.hpp>
#include <crm/approval/verify.hpp>
#include <crm/core/error.hpp>

#include <doctest/doctest.h>

#include <vector>

#include "../support/errors.hpp"
#include "fixtures.hpp"

using crm::ErrorCode;
using crm::test::check_error;

TEST_SUITE("approval.hardening") {
    TEST_CASE("a matrix row of a kind outside the enum is refused instead of indexing past the table") {
        // the reproducer: kind 200 used to write past the per-kind index
        check_error(
            [] {
                return Matrix{{Row{.id = RuleId{"O1"},
                                   .kind = static_cast<RequestKind>(200),
                                   .levels = {{RoleId{"sales_director"}}}}},
                              crm::default_roles()};
            },
            ErrorCode::invalid_argument, "rows[0].kind");
        // the first kind past the end, too
        check_error(
            [] {
                return Matrix{{Row{.id = RuleId{"O1"},
                                   .kind = static_cast<RequestKind>(request_kind_count),
                                   .levels = {{RoleId{"sales_director"}}}}},
                              crm::default_roles()};
            },
            ErrorCode::invalid_argument, "rows[0].kind");
    }

    TEST_CASE("a level reach outside the enum is refused") {
        check_error(
            [] {
                return Matrix{{Row{.id = RuleId{"O1"},
                                   .kind = RequestKind::order,
                                   .levels = {{RoleId{"sales_director"}, static_cast<Reach>(7)}}}},
                              crm::default_roles()};
            },
            ErrorCode::invalid_argument, "rows[0].levels[0].reach");
    }

    TEST_CASE("routing a request of a kind outside the enum is an error naming request.kind") {
        const Matrix m = sample_matrix();
        const crm::OrgChart org = sample_org();
        Request r = request(RequestKind::order);
        r.kind = static_cast<RequestKind>(200);
        check_error([&] { return route(m, r, org); }, ErrorCode::invalid_argument, "request.kind");
        // verify refuses it too, rather than fingerprinting an unknown kind
        const Route rt = route(m, request(RequestKind::order), org);
        check_error([&] { return verify(rt, {}, r, org, {}); }, ErrorCode::invalid_argument, "request.kind");
    }

    TEST_CASE("a delegation kind and an approval authority outside their enums are refused") {
        const Matrix m = sample_matrix();
        const crm::OrgChart org = sample_org();
        Request r = request(RequestKind::order);
        r.amount = cny("300000");
        const Route rt = route(m, r, org);
        const std::vector<Delegation> bad_delegation{
            Delegation{.principal = PersonId{"li"},
                       .delegate = PersonId{"chen"},
                       .kinds = {RequestKind::order, RequestKind(99)},
                       .from = crm::Date(2024, 1, 1),
                       .to = crm::Date(2024, 12, 31)}};
        check_error([&] { return verify(rt, {}, r, org, bad_delegation); }, ErrorCode::invalid_argument,
                    "delegations[0].kinds[1]");
        const std::vector<Approval> bad_authority{Approval{.request = r.id,
                                                           .fingerprint = fingerprint(r),
                                                           .level = RoleId{"regional_manager"},
                                                           .approver = PersonId{"li"},
                                                           .date = crm::Date(2024, 5, 6),
                                                           .authority = static_cast<Authority>(42)}};
        check_error([&] { return verify(rt, bad_authority, r, org, {}); }, ErrorCode::invalid_argument,
                    "approvals[0].authority");
    }
}
