#include <crm/scoring/score.hpp>

#include <ostream>

namespace crm::scoring {

std::string to_string(const Score& s) { return s.points().to_plain_string(); }

std::ostream& operator<<(std::ostream& os, const Score& s) { return os << to_string(s); }

}  // namespace crm::scoring
