// The answers and their documents (include/crm/io/response.hpp). nlohmann::json stays inside.

#include <crm/core/error.hpp>
#include <crm/credit/check.hpp>
#include <crm/io/response.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "json_codec.hpp"

namespace crm::io {

namespace {

using Json = nlohmann::json;
using codec::reason_json;

std::string dump(const Json& j) {
    try {
        return j.dump(2, ' ', false, Json::error_handler_t::strict) + "\n";
    } catch (const Json::exception&) {
        throw Error(ErrorCode::invalid_argument, "",
                    "a text of the answer is not valid UTF-8 and cannot be written");
    }
}

}  // namespace

CreditCheck check_order(const policy::PolicySet& set, const CreditAccount& account,
                        const credit::Order& order, Date as_of) {
    const auto& version = set.in_force(as_of);
    const auto& policy = policy::credit_policy(version, account.tier, account.segment);
    return CreditCheck{
        .order = order.id,
        .account = account.profile.account,
        .as_of = as_of,
        .policy_version = version.id,
        .decision = credit::check_order(policy, account.profile, account.snapshot(), order, as_of)};
}

std::string write_credit_check(const CreditCheck& check, Lang lang) {
    Json reasons = Json::array();
    for (const auto& r : check.decision.reasons()) reasons.push_back(reason_json(r, lang));
    return dump(Json{{"order", check.order.value()},
                     {"account", check.account.value()},
                     {"as_of", check.as_of.to_string()},
                     {"policy_version", check.policy_version},
                     {"outcome", std::string(to_string(check.decision.outcome()))},
                     {"reasons", reasons}});
}

AgingTable aging_table(const ReceivablesLedger& ledger, Date as_of, const credit::AgingBuckets& buckets,
                       credit::AgingBasis basis, AgingScope by, Lang lang) {
    const credit::AgingOptions options{.basis = basis, .currency = ledger.currency, .rates = ledger.rates};
    AgingTable table{.as_of = as_of, .by = by};
    auto total = credit::aging(ledger.receivables, as_of, buckets, options);
    if (by == AgingScope::account || by == AgingScope::region) {
        auto accounts = credit::aging_by_account(ledger.receivables, as_of, buckets, options);
        if (by == AgingScope::account) {
            for (auto& a : accounts) table.lines.push_back({a.account.value(), std::move(a.report)});
        } else {
            for (auto& r : credit::aging_by_region(accounts, ledger.regions))
                table.lines.push_back({r.region.value(), std::move(r.report)});
        }
    }
    table.lines.push_back({lang == Lang::zh ? "合计" : "total", std::move(total)});
    return table;
}

std::string write_aging(const AgingTable& table) {
    const auto& total = table.total();
    const auto labels = total.buckets.buckets();
    Json rows = Json::array();
    for (const auto& l : table.lines) {
        Json amounts = Json::array();
        for (std::size_t i = 0; i < labels.size(); ++i)
            amounts.push_back(Json{{"bucket", labels[i].label},
                                   {"amount", l.report.amounts[i].amount().to_string()},
                                   {"items", l.report.items[i]}});
        rows.push_back(
            Json{{"key", l.key}, {"total", l.report.total.amount().to_string()}, {"buckets", amounts}});
    }
    return dump(Json{{"as_of", table.as_of.to_string()},
                     {"basis", std::string(credit::to_string(total.basis))},
                     {"currency", std::string(total.currency().code())},
                     {"by", std::string(to_string(table.by))},
                     {"rows", rows}});
}

std::string write_validation(const policy::PolicySet& set, std::span<const policy::Finding> findings,
                             Lang lang) {
    Json versions = Json::array();
    for (const auto& v : set.versions)
        versions.push_back(Json{{"id", v.id}, {"effective_from", v.effective_from.to_string()}});
    Json list = Json::array();
    for (const auto& f : findings) {
        Json j = reason_json(f.reason, lang);
        j["field"] = f.field;
        list.push_back(j);
    }
    return dump(Json{{"valid", true}, {"company", set.company}, {"versions", versions}, {"findings", list}});
}

}  // namespace crm::io
