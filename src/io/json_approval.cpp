// The `approval` section of a policy version: the role ladder, the matrix rows, their currency.

#include "json_codec.hpp"

namespace crm::io::codec {

policy::ApprovalPolicies approval_policies(const In& in) {
    fail(in, ErrorCode::parse_error,
         "the approval matrix cannot be read from a document by this version of crm yet");
}

std::optional<Json> w_approval(const policy::ApprovalPolicies& approval, const std::string& path) {
    refuse_unwritable(!(approval == policy::ApprovalPolicies{}), path, "the approval matrix");
    return std::nullopt;
}

}  // namespace crm::io::codec
