// The `pricing` section of a policy version: the rule book and the price-authority table.

#include "json_codec.hpp"

namespace crm::io::codec {

policy::PricingPolicies pricing_policies(const In& in) {
    fail(in, ErrorCode::parse_error,
         "the pricing policies (rule book, authority) cannot be read from a document by this version of crm "
         "yet");
}

std::optional<Json> w_pricing(const policy::PricingPolicies& pricing, const std::string& path) {
    refuse_unwritable(!(pricing == policy::PricingPolicies{}), path, "the pricing policies");
    return std::nullopt;
}

}  // namespace crm::io::codec
