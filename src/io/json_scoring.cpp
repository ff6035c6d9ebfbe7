// The `scoring` section of a policy version (scorecards, the KPI policy) and the complaint SLA
// table of its `account` section.

#include "json_codec.hpp"

namespace crm::io::codec {

account::SlaPolicy sla_policy(const In& in) {
    fail(in, ErrorCode::parse_error,
         "the complaint SLA policy cannot be read from a document by this version of crm yet");
}

std::optional<Json> w_sla(const account::SlaPolicy& sla, const std::string& path) {
    refuse_unwritable(!(sla == account::SlaPolicy{}), path, "the complaint SLA policy");
    return std::nullopt;
}

policy::ScoringPolicies scoring_policies(const In& in) {
    fail(in, ErrorCode::parse_error,
         "the scorecards and the KPI policy cannot be read from a document by this version of crm yet");
}

std::optional<Json> w_scoring(const policy::ScoringPolicies& scoring, const std::string& path) {
    refuse_unwritable(!(scoring == policy::ScoringPolicies{}), path, "the scoring policies");
    return std::nullopt;
}

}  // namespace crm::io::codec
