#pragma once
// Reading a file of the source tree (test data, the docs' examples) in a test. Include after
// <doctest/doctest.h>; CRM_SOURCE_DIR is the repository root the tests are built from.

#include <fstream>
#include <iterator>
#include <string>

namespace crm::test {

/// The whole of `path`, relative to the repository root; fails the test when it cannot be read.
inline std::string source_file(const std::string& path) {
    std::ifstream in(std::string(CRM_SOURCE_DIR "/") + path, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot read " << path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The ```json block that follows the marker `<!-- schema: <name> -->` in docs/documents.md.
inline std::string documents_example(const std::string& name) {
    const std::string md = source_file("docs/documents.md");
    const std::string marker = "<!-- schema: " + name + " -->\n```json\n";
    const std::size_t at = md.find(marker);
    REQUIRE_MESSAGE(at != std::string::npos, "no example marked " << name);
    const std::size_t start = at + marker.size();
    return md.substr(start, md.find("```", start) - start);
}

}  // namespace crm::test
