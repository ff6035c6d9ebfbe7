#pragma once
// Internals of the JSON documents shared by the io sources; not installed.

#include <optional>
#include <string>
#include <string_view>

namespace crm::io::detail {

/// "/" and `name` with '~' and '/' escaped (RFC 6901).
[[nodiscard]] std::string pointer_token(std::string_view name);

/// The JSON Pointer of the first key given twice in one object of the well-formed JSON
/// `text` (the second occurrence's value), or nullopt.
[[nodiscard]] std::optional<std::string> duplicate_key(std::string_view text);

}  // namespace crm::io::detail
