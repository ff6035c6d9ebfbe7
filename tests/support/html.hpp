#pragma once
// Reading the SVG charts of a rendered page in tests: the widths of its bars, by class.

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace crm::test {

/// The widths of the `<rect class="cls" ...>` elements of `page`, in page order.
inline std::vector<long> rect_widths(const std::string& page, const std::string& cls) {
    std::vector<long> out;
    const std::string tag = "<rect class=\"" + cls + "\"";
    for (std::size_t at = page.find(tag); at != std::string::npos; at = page.find(tag, at + 1)) {
        const std::size_t w = page.find("width=\"", at);
        REQUIRE(w != std::string::npos);
        out.push_back(std::stol(page.substr(w + 7)));
    }
    return out;
}

}  // namespace crm::test
