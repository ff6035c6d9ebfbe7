#include <crm/version.hpp>

namespace crm {

std::string_view version() noexcept { return CRM_VERSION_STRING; }

}  // namespace crm
