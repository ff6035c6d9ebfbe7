#pragma once
// Internals of the JSON documents shared by the io sources; not installed.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace crm::io::detail {

/// "/" and `name` with '~' and '/' escaped (RFC 6901).
[[nodiscard]] std::string pointer_token(std::string_view name);

/// A key given twice in one object: the JSON Pointer of its value and the byte offset of the
/// second occurrence of the key.
struct DuplicateKey {
    std::string pointer;
    std::size_t offset = 0;
};

/// The first key given twice in one object of the well-formed JSON `text`, or nullopt.
[[nodiscard]] std::optional<DuplicateKey> duplicate_key(std::string_view text);

}  // namespace crm::io::detail
