#pragma once
/// \file
/// crm::OrgChart: the people of a sales organisation, their roles, who reports to whom and
/// which regions they manage. It is vocabulary (layer 0) because two rule areas read it:
/// accounts (who may see an account) and approval (who may approve a request). Validated on
/// construction; immutable afterwards. Proven by tests/core/org_chart_test.cpp.
///
/// ```cpp
/// crm::OrgChart org{
///     {{crm::RoleId{"rep"}, "sales rep", 1}, {crm::RoleId{"rm"}, "regional manager", 2},
///      {crm::RoleId{"director"}, "sales director", 4}},
///     {{crm::PersonId{"zhang"}, "Zhang Wei", crm::RoleId{"director"}},
///      {crm::PersonId{"li"}, "Li Na", crm::RoleId{"rm"}, crm::PersonId{"zhang"}, {crm::RegionId{"east"}}},
///      {crm::PersonId{"wang"}, "Wang Fang", crm::RoleId{"rep"}, crm::PersonId{"li"}}}};
/// org.is_above(crm::PersonId{"zhang"}, crm::PersonId{"wang"});  // true: Zhang -> Li -> Wang
/// ```

#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/export.hpp>

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace crm {

/// A level of authority. `rank` orders roles: a higher rank holds at least the authority of
/// every lower one (sales rep 1, regional manager 2, key-account manager 3, sales director 4,
/// general manager 5 is the default ladder of `default_roles()`; any ladder can be configured).
struct CRM_EXPORT Role {
    RoleId id;  ///< the role's id (e.g. `sales_director`); unique in the chart
    /// Its name for people, shown in reasons: in one language, or in both, English first
    /// ("sales director 销售总监", as default_roles() gives them; see display_name(const Role&, Lang)).
    std::string name;
    int rank = 0;  ///< its place on the ladder: higher is more senior; default 0
    /// Memberwise equality.
    friend bool operator==(const Role&, const Role&) = default;
};

/// A person of the organisation: their role, their manager (none at the top) and the sales
/// regions they manage (empty for most people).
struct CRM_EXPORT Person {
    PersonId id;                      ///< the person's id; unique in the chart
    std::string name;                 ///< their name for people, shown in reasons
    RoleId role;                      ///< their role; must be a role of the chart
    std::optional<PersonId> manager;  ///< their direct manager (直属上级); none at the top of the chart
    std::vector<RegionId> regions;    ///< the sales regions (销售区域) they manage; empty for most people
    /// Memberwise equality.
    friend bool operator==(const Person&, const Person&) = default;
};

/// The default role ladder of domain.md section 1: sales rep (1), regional manager (2),
/// key-account manager (3), sales director (4), general manager (5); ids `sales_rep`,
/// `regional_manager`, `key_account_manager`, `sales_director`, `general_manager`.
[[nodiscard]] CRM_EXPORT std::vector<Role> default_roles();

/// The role's name in `lang`, for a sentence in that language. A name in both languages
/// ("sales director 销售总监") is split where its first non-ASCII character starts: the words before
/// it (trimmed) are the English name, the rest the Chinese. A name in one language only is shown
/// in both; an empty name shows the id.
[[nodiscard]] CRM_EXPORT std::string display_name(const Role& role, Lang lang);

/// The name in `lang` of role `id` of `roles` (display_name), or the id itself when `roles` has
/// no such role.
[[nodiscard]] CRM_EXPORT std::string role_display_name(std::span<const Role> roles, const RoleId& id,
                                                       Lang lang);

/// The organisation (组织架构) the rules read: a role ladder and the people with their roles, managers and
/// regions, validated and indexed once (see the constructor). A value; copies are independent. A chart is a
/// snapshot of one day: a promotion or a transfer is a new chart.
class CRM_EXPORT OrgChart {
public:
    /// An empty organisation.
    OrgChart() = default;
    /// Validates and indexes. Throws crm::Error naming the field: a duplicate role or person id
    /// (`duplicate`, `roles[i].id` / `people[i].id`), a person with an unknown role or manager
    /// (`not_found`, `people[i].role` / `people[i].manager`), a reporting line that loops
    /// (`inconsistent`, `people[i].manager`), a region managed by two people of the same rank
    /// is allowed (co-managers).
    OrgChart(std::vector<Role> roles, std::vector<Person> people);

    /// The role ladder, in the order given.
    [[nodiscard]] std::span<const Role> roles() const noexcept { return roles_; }
    /// The people, in the order given ("chart order").
    [[nodiscard]] std::span<const Person> people() const noexcept { return people_; }
    /// The number of people.
    [[nodiscard]] std::size_t size() const noexcept { return people_.size(); }

    /// The person, or nullptr when the chart has no one with that id.
    [[nodiscard]] const Person* find(const PersonId& id) const noexcept;
    /// The person; throws not_found naming `field`.
    [[nodiscard]] const Person& person(const PersonId& id, std::string_view field = "person") const;
    /// The role, or nullptr.
    [[nodiscard]] const Role* find_role(const RoleId& id) const noexcept;
    /// The rank of the person's role; throws not_found naming `field`.
    [[nodiscard]] int rank_of(const PersonId& id, std::string_view field = "person") const;

    /// The person's managers, nearest first, up to the top of the chart.
    [[nodiscard]] std::vector<PersonId> managers_of(const PersonId& id) const;
    /// True when `manager` is above `report` on the reporting line (not the person themself).
    /// Unknown ids are simply not above anyone.
    [[nodiscard]] bool is_above(const PersonId& manager, const PersonId& report) const noexcept;
    /// The people who manage `region`, in chart order.
    [[nodiscard]] std::vector<PersonId> managers_of_region(const RegionId& region) const;
    /// True when `person` manages `region`.
    [[nodiscard]] bool manages_region(const PersonId& person, const RegionId& region) const noexcept;

    /// Same roles and people, in the same order.
    friend bool operator==(const OrgChart& a, const OrgChart& b) {
        return a.roles_ == b.roles_ && a.people_ == b.people_;
    }

private:
    std::vector<Role> roles_;
    std::vector<Person> people_;
    std::unordered_map<PersonId, std::size_t> person_index_;
    std::unordered_map<RoleId, std::size_t> role_index_;
    std::vector<std::size_t> parent_;  // index of the manager; npos at the top
    std::unordered_map<RegionId, std::vector<std::size_t>> region_managers_;
};

/// Prints `<id> (<name>)`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Person& p);

}  // namespace crm
