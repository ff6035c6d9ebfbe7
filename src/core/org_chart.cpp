#include <crm/core/error.hpp>
#include <crm/core/org_chart.hpp>

#include <algorithm>
#include <limits>
#include <ostream>
#include <string>

namespace crm {

namespace {
constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

std::string indexed(const char* what, std::size_t i) {
    return std::string(what) + "[" + std::to_string(i) + "]";
}
}  // namespace

std::vector<Role> default_roles() {
    return {
        Role{RoleId{"sales_rep"}, "sales rep 销售代表", 1},
        Role{RoleId{"regional_manager"}, "regional manager 区域经理", 2},
        Role{RoleId{"key_account_manager"}, "key-account manager 大客户经理", 3},
        Role{RoleId{"sales_director"}, "sales director 销售总监", 4},
        Role{RoleId{"general_manager"}, "general manager 总经理", 5},
    };
}

OrgChart::OrgChart(std::vector<Role> roles, std::vector<Person> people)
    : roles_(std::move(roles)), people_(std::move(people)) {
    role_index_.reserve(roles_.size());
    for (std::size_t i = 0; i < roles_.size(); ++i)
        if (!role_index_.emplace(roles_[i].id, i).second)
            throw Error(ErrorCode::duplicate, indexed("roles", i) + ".id", "a role id appears twice");
    person_index_.reserve(people_.size());
    for (std::size_t i = 0; i < people_.size(); ++i) {
        if (!person_index_.emplace(people_[i].id, i).second)
            throw Error(ErrorCode::duplicate, indexed("people", i) + ".id", "a person id appears twice");
        if (!role_index_.contains(people_[i].role))
            throw Error(ErrorCode::not_found, indexed("people", i) + ".role", "the role is not in the chart");
    }
    parent_.assign(people_.size(), npos);
    for (std::size_t i = 0; i < people_.size(); ++i) {
        if (!people_[i].manager) continue;
        const auto it = person_index_.find(*people_[i].manager);
        if (it == person_index_.end())
            throw Error(ErrorCode::not_found, indexed("people", i) + ".manager",
                        "the manager is not in the chart");
        parent_[i] = it->second;
    }
    for (std::size_t i = 0; i < people_.size(); ++i)
        for (const RegionId& region : people_[i].regions) region_managers_[region].push_back(i);
    // A reporting line loops when walking up from someone takes more steps than there are people.
    // Colour each chain once: 0 unvisited, 1 on the current walk, 2 known to reach the top.
    std::vector<unsigned char> state(people_.size(), 0);
    for (std::size_t start = 0; start < people_.size(); ++start) {
        std::size_t i = start;
        while (i != npos && state[i] == 0) {
            state[i] = 1;
            i = parent_[i];
        }
        if (i != npos && state[i] == 1)
            throw Error(ErrorCode::inconsistent, indexed("people", i) + ".manager",
                        "the reporting line loops");
        for (std::size_t j = start; j != npos && state[j] == 1; j = parent_[j]) state[j] = 2;
    }
}

const Person* OrgChart::find(const PersonId& id) const noexcept {
    const auto it = person_index_.find(id);
    return it == person_index_.end() ? nullptr : &people_[it->second];
}

const Person& OrgChart::person(const PersonId& id, std::string_view field) const {
    const Person* p = find(id);
    if (p == nullptr)
        throw Error(ErrorCode::not_found, std::string(field), "the person is not in the org chart");
    return *p;
}

const Role* OrgChart::find_role(const RoleId& id) const noexcept {
    const auto it = role_index_.find(id);
    return it == role_index_.end() ? nullptr : &roles_[it->second];
}

int OrgChart::rank_of(const PersonId& id, std::string_view field) const {
    return roles_[role_index_.at(person(id, field).role)].rank;
}

std::vector<PersonId> OrgChart::managers_of(const PersonId& id) const {
    std::vector<PersonId> out;
    const auto it = person_index_.find(id);
    if (it == person_index_.end()) return out;
    for (std::size_t i = parent_[it->second]; i != npos; i = parent_[i]) out.push_back(people_[i].id);
    return out;
}

bool OrgChart::is_above(const PersonId& manager, const PersonId& report) const noexcept {
    const auto m = person_index_.find(manager);
    const auto r = person_index_.find(report);
    if (m == person_index_.end() || r == person_index_.end()) return false;
    for (std::size_t i = parent_[r->second]; i != npos; i = parent_[i])
        if (i == m->second) return true;
    return false;
}

std::vector<PersonId> OrgChart::managers_of_region(const RegionId& region) const {
    std::vector<PersonId> out;
    const auto it = region_managers_.find(region);
    if (it == region_managers_.end()) return out;
    for (std::size_t i : it->second) out.push_back(people_[i].id);
    return out;
}

bool OrgChart::manages_region(const PersonId& person, const RegionId& region) const noexcept {
    const auto p = find(person);
    return p != nullptr && std::find(p->regions.begin(), p->regions.end(), region) != p->regions.end();
}

std::string display_name(const Role& role, Lang lang) {
    const std::string& name = role.name;
    if (name.empty()) return role.id.value();
    std::size_t cut = 0;
    while (cut < name.size() && static_cast<unsigned char>(name[cut]) < 0x80) ++cut;
    std::string en = name.substr(0, cut);
    while (!en.empty() && (en.back() == ' ' || en.back() == '\t')) en.pop_back();
    std::string zh = name.substr(cut);
    if (lang == Lang::zh) return zh.empty() ? name : zh;
    return en.empty() ? name : en;
}

std::string role_display_name(std::span<const Role> roles, const RoleId& id, Lang lang) {
    for (const Role& r : roles)
        if (r.id == id) return display_name(r, lang);
    return id.value();
}

std::ostream& operator<<(std::ostream& os, const Person& p) { return os << p.id << " (" << p.name << ")"; }

}  // namespace crm
