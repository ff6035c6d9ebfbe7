// The key-account archive: segment and status names, account validation, archive checks
// against the org chart, and the promise that errors never carry contact data.

#include <crm/account/account.hpp>
#include <crm/core/error.hpp>
#include <crm/core/org_chart.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "../support/generators.hpp"

using crm::AccountId;
using crm::Date;
using crm::PersonId;
using crm::RegionId;
using crm::RoleId;
using namespace crm::account;

namespace {

crm::OrgChart small_org() {
    return crm::OrgChart{
        crm::default_roles(),
        {crm::Person{PersonId{"li"}, "Li Na", RoleId{"regional_manager"}, std::nullopt, {RegionId{"east"}}},
         crm::Person{PersonId{"wang"}, "Wang Fang", RoleId{"sales_rep"}, PersonId{"li"}, {}}}};
}

Account good_account(const char* id = "ACC-1") {
    return Account{.id = AccountId{id},
                   .name = "华东电网",
                   .segment = Segment::government,
                   .region = RegionId{"east"},
                   .industry = "utilities",
                   .tier = "A",
                   .owner = PersonId{"wang"},
                   .status = Status::active,
                   .created = Date(2023, 3, 1),
                   .owned_since = Date(2023, 3, 1),
                   .last_follow_up = Date(2024, 5, 20),
                   .contacts = {Contact{"Zhang Wei", "采购部经理", "13812345678", "zhang.wei@example.com"},
                                Contact{"Liu Yang", "总工", "+86 (21) 6888-1234", ""}}};
}

struct Caught {
    crm::ErrorCode code = crm::ErrorCode::invalid_argument;
    std::string field;
    std::string what;
};

Caught caught(auto&& f) {
    try {
        f();
    } catch (const crm::Error& e) {
        return Caught{e.code(), e.field(), e.what()};
    }
    FAIL("no crm::Error thrown");
    return {};
}

}  // namespace

TEST_SUITE("account.archive") {
    TEST_CASE("segments and statuses have stable names and Chinese names") {
        CHECK(to_string(Segment::government) == "government");
        CHECK(display_name(Segment::government, crm::Lang::zh) == "政府单位");
        CHECK(display_name(Segment::group, crm::Lang::zh) == "集团客户");
        CHECK(display_name(Segment::channel, crm::Lang::zh) == "经销商");
        CHECK(display_name(Segment::alliance, crm::Lang::zh) == "异业联盟");
        CHECK(display_name(Segment::channel, crm::Lang::en) == "channel partner");
        CHECK(display_name(Status::dormant, crm::Lang::zh) == "休眠客户");
        CHECK(to_string(Status::lost) == "lost");
        for (Segment s : {Segment::government, Segment::group, Segment::enterprise, Segment::channel,
                          Segment::alliance}) {
            CAPTURE(s);
            CHECK(parse_segment(to_string(s)) == s);
            CHECK(parse_segment(display_name(s, crm::Lang::zh)) == s);
        }
        for (Status s : {Status::prospect, Status::active, Status::dormant, Status::lost}) {
            CAPTURE(s);
            CHECK(parse_status(to_string(s)) == s);
            CHECK(parse_status(display_name(s, crm::Lang::zh)) == s);
        }
        std::ostringstream names;
        names << Segment::alliance << ' ' << Status::prospect;
        CHECK(names.str() == "alliance prospect");
        const Caught bad = caught([] { (void)parse_segment("govt", "accounts[3].segment"); });
        CHECK(bad.code == crm::ErrorCode::parse_error);
        CHECK(bad.field == "accounts[3].segment");
        CHECK(caught([] { (void)parse_status("sleeping"); }).field == "status");
    }

    TEST_CASE("a well-formed account and archive pass validation") {
        const std::vector<Account> archive{good_account("ACC-1"), good_account("ACC-2")};
        CHECK_NOTHROW(validate(archive[0]));
        CHECK_NOTHROW(validate_archive(archive, small_org()));
        Account pool = good_account("ACC-3");
        pool.owner.reset();
        pool.owned_since.reset();
        CHECK_NOTHROW(validate(pool));  // an account in the public pool has no owner
    }

    TEST_CASE("printing an account shows no contact data and no amounts") {
        Account a = good_account();
        a.annual_revenue = crm::Money{"8800000.00", "CNY"};
        std::ostringstream os;
        os << a;
        CHECK(os.str() == "ACC-1 \"华东电网\" tier A owner wang (active)");
        a.owner.reset();
        std::ostringstream pool;
        pool << a;
        CHECK(pool.str() == "ACC-1 \"华东电网\" tier A owner (pool) (active)");
    }

    TEST_CASE("phones and e-mails are checked for shape") {
        CHECK(is_valid_phone("13812345678"));
        CHECK(is_valid_phone("+86 138 1234 5678"));
        CHECK(is_valid_phone("(010) 8888-6666"));
        CHECK_FALSE(is_valid_phone(""));
        CHECK_FALSE(is_valid_phone("1234"));                   // 4 digits: too short
        CHECK_FALSE(is_valid_phone("138-1234-5678 ext"));      // letters
        CHECK_FALSE(is_valid_phone("86+13812345678"));         // '+' only in front
        CHECK_FALSE(is_valid_phone("123456789012345678901"));  // 21 digits
        CHECK(is_valid_email("zhang.wei@example.com"));
        CHECK(is_valid_email("张伟@例子.中国"));
        CHECK_FALSE(is_valid_email("zhang.wei"));
        CHECK_FALSE(is_valid_email("@example.com"));
        CHECK_FALSE(is_valid_email("a@b@example.com"));
        CHECK_FALSE(is_valid_email("zhang@localhost"));
        CHECK_FALSE(is_valid_email("zhang@.example.com"));
        CHECK_FALSE(is_valid_email("zhang@example.com."));
        CHECK_FALSE(is_valid_email("zhang wei@example.com"));
    }

    TEST_CASE("a malformed contact is an error naming the field but never the value") {
        Account a = good_account();
        a.contacts[1].phone = "138-1234-5678 call after 6";
        const Caught phone = caught([&] { validate(a); });
        CHECK(phone.code == crm::ErrorCode::invalid_argument);
        CHECK(phone.field == "account.contacts[1].phone");
        CHECK(phone.what.find("1234") == std::string::npos);
        CHECK(phone.what.find("5678") == std::string::npos);

        Account b = good_account();
        b.contacts[0].email = "zhang.wei-at-example.com";
        const Caught email = caught([&] { validate(b, "accounts[7]"); });
        CHECK(email.field == "accounts[7].contacts[0].email");
        CHECK(email.what.find("zhang") == std::string::npos);
        CHECK(email.what.find("example") == std::string::npos);
    }

    TEST_CASE("bad accounts are errors naming the field") {
        Account no_id = good_account();
        no_id.id = AccountId{};
        CHECK(caught([&] { validate(no_id); }).field == "account.id");
        Account no_tier = good_account();
        no_tier.tier.clear();
        CHECK(caught([&] { validate(no_tier); }).field == "account.tier");
        Account orphan_date = good_account();
        orphan_date.owner.reset();
        const Caught c = caught([&] { validate(orphan_date); });
        CHECK(c.code == crm::ErrorCode::inconsistent);
        CHECK(c.field == "account.owned_since");
        CHECK_THROWS_AS(validate(no_id), crm::Error);
    }

    TEST_CASE("an archive with a duplicate id or an owner outside the org chart is refused") {
        const crm::OrgChart org = small_org();
        const std::vector<Account> twice{good_account("ACC-1"), good_account("ACC-2"), good_account("ACC-1")};
        const Caught dup = caught([&] { validate_archive(twice, org); });
        CHECK(dup.code == crm::ErrorCode::duplicate);
        CHECK(dup.field == "accounts[2].id");
        CHECK(dup.what.find("accounts[0]") != std::string::npos);  // points at the first one

        std::vector<Account> stranger{good_account("ACC-1"), good_account("ACC-2")};
        stranger[1].owner = PersonId{"ghost"};
        const Caught owner = caught([&] { validate_archive(stranger, org); });
        CHECK(owner.code == crm::ErrorCode::not_found);
        CHECK(owner.field == "accounts[1].owner");

        std::vector<Account> bad_contact{good_account("ACC-1")};
        bad_contact[0].contacts[0].phone = "12";
        CHECK(caught([&] { validate_archive(bad_contact, org); }).field == "accounts[0].contacts[0].phone");
        CHECK_THROWS_AS(validate_archive(twice, org), crm::Error);
    }

    TEST_CASE(
        "an org chart with duplicate people or a looping line is refused before any account rule runs") {
        // OrgChart itself validates (crm/core): the accounts rules only ever see a valid chart.
        const auto roles = crm::default_roles();
        const Caught dup = caught([&] {
            crm::OrgChart{roles,
                          {crm::Person{PersonId{"a"}, "A", RoleId{"sales_rep"}},
                           crm::Person{PersonId{"a"}, "A", RoleId{"sales_rep"}}}};
        });
        CHECK(dup.code == crm::ErrorCode::duplicate);
        CHECK(dup.field == "people[1].id");
        const Caught loop = caught([&] {
            crm::OrgChart{roles,
                          {crm::Person{PersonId{"a"}, "A", RoleId{"sales_rep"}, PersonId{"b"}},
                           crm::Person{PersonId{"b"}, "B", RoleId{"sales_rep"}, PersonId{"a"}}}};
        });
        CHECK(loop.code == crm::ErrorCode::inconsistent);
    }

    TEST_CASE("property: no validation error over thousands of malformed contacts repeats the contact data") {
        crm::test::Rng rng(4242);
        const std::string junk = "0123456789abcxyz@.+-() #";
        int errors = 0;
        for (int k = 0; k < 3000; ++k) {
            std::string value;
            const auto length = rng.between(1, 24);
            for (std::int64_t i = 0; i < length; ++i) value += junk[rng.below(junk.size())];
            // a marker that cannot be mistaken for any part of a message; Q and Z also make it no phone
            value += "Q" + std::to_string(100000 + k) + "Z";
            Account a = good_account();
            const bool as_phone = rng.coin();
            (as_phone ? a.contacts[0].phone : a.contacts[0].email) = value;
            CAPTURE(value);
            bool threw = false;
            try {
                validate(a);
            } catch (const crm::Error& e) {
                threw = true;
                ++errors;
                CHECK(e.field() == (as_phone ? "account.contacts[0].phone" : "account.contacts[0].email"));
                CHECK(std::string(e.what()).find(value) == std::string::npos);
                CHECK(std::string(e.what()).find(std::to_string(100000 + k)) == std::string::npos);
            }
            CHECK(threw == (as_phone || !is_valid_email(value)));
        }
        CHECK(errors > 2000);  // every phone and most e-mails
    }

}  // TEST_SUITE
