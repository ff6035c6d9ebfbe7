// Positions in JSON text: nlohmann reports byte positions for syntax errors only, so the value
// behind a JSON Pointer is found here by scanning the (already parsed, hence well-formed) text.

#include <crm/io/json.hpp>

#include <string>

#include "json_detail.hpp"

namespace crm::io {

namespace {

class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    void skip_ws() {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t'))
            ++pos_;
    }
    [[nodiscard]] bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
    [[nodiscard]] bool end() const { return pos_ >= text_.size(); }
    [[nodiscard]] std::size_t pos() const { return pos_; }
    void advance() { ++pos_; }

    /// Reads a string starting at '"', decoding the simple escapes (a \u escape is kept as
    /// its six characters, which only matters for keys that contain one).
    std::string string() {
        std::string out;
        ++pos_;  // opening quote
        while (pos_ < text_.size() && text_[pos_] != '"') {
            if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
                const char e = text_[pos_ + 1];
                switch (e) {
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'u':
                    out.append(text_.substr(pos_, 6));
                    pos_ += 4;
                    break;
                default: out += e; break;
                }
                pos_ += 2;
            } else {
                out += text_[pos_++];
            }
        }
        ++pos_;  // closing quote
        return out;
    }

    /// Skips one value of any kind.
    void skip_value() {
        skip_ws();
        if (end()) return;
        const char c = text_[pos_];
        if (c == '"') {
            (void)string();
        } else if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++pos_;
            skip_ws();
            if (at(close)) {
                ++pos_;
                return;
            }
            while (!end()) {
                if (c == '{') {
                    skip_ws();
                    (void)string();
                    skip_ws();
                    ++pos_;  // ':'
                }
                skip_value();
                skip_ws();
                if (at(',')) {
                    ++pos_;
                    continue;
                }
                ++pos_;  // close
                return;
            }
        } else {
            while (!end() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
                   text_[pos_] != ' ' && text_[pos_] != '\n' && text_[pos_] != '\r' && text_[pos_] != '\t')
                ++pos_;
        }
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

/// The pointer's reference tokens, unescaped (~1 is '/', ~0 is '~').
std::vector<std::string> tokens_of(std::string_view pointer) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < pointer.size()) {
        if (pointer[i] != '/') break;
        ++i;
        std::string token;
        while (i < pointer.size() && pointer[i] != '/') {
            if (pointer[i] == '~' && i + 1 < pointer.size()) {
                token += pointer[i + 1] == '1' ? '/' : '~';
                i += 2;
            } else {
                token += pointer[i++];
            }
        }
        out.push_back(std::move(token));
    }
    return out;
}

}  // namespace

TextPosition position_of(std::string_view text, std::size_t offset) noexcept {
    if (offset > text.size()) offset = text.size();
    TextPosition p;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0u) != 0x80u) {  // not a UTF-8 continuation byte
            ++p.column;
        }
    }
    return p;
}

std::size_t locate(std::string_view text, std::string_view pointer) noexcept {
    try {
        Scanner s(text);
        s.skip_ws();
        std::size_t found = s.pos();
        for (const std::string& token : tokens_of(pointer)) {
            s.skip_ws();
            if (s.at('{')) {
                s.advance();
                bool hit = false;
                while (true) {
                    s.skip_ws();
                    if (!s.at('"')) return found;
                    const std::string key = s.string();
                    s.skip_ws();
                    s.advance();  // ':'
                    s.skip_ws();
                    if (key == token) {
                        hit = true;
                        break;
                    }
                    s.skip_value();
                    s.skip_ws();
                    if (!s.at(',')) return found;
                    s.advance();
                }
                if (!hit) return found;
            } else if (s.at('[')) {
                std::size_t index = 0;
                for (const char c : token) {
                    if (c < '0' || c > '9') return found;
                    index = index * 10 + static_cast<std::size_t>(c - '0');
                }
                if (token.empty()) return found;
                s.advance();
                for (std::size_t k = 0; k < index; ++k) {
                    s.skip_ws();
                    if (s.at(']')) return found;
                    s.skip_value();
                    s.skip_ws();
                    if (!s.at(',')) return found;
                    s.advance();
                }
                s.skip_ws();
                if (s.at(']')) return found;
            } else {
                return found;
            }
            found = s.pos();
        }
        return found;
    } catch (...) {  // only allocation can throw here
        return 0;
    }
}

std::string to_json_pointer(std::string_view path) {
    std::string out;
    std::size_t i = 0;
    auto name = [&](std::string_view n) {
        out += '/';
        for (const char c : n) {
            if (c == '~')
                out += "~0";
            else if (c == '/')
                out += "~1";
            else
                out += c;
        }
    };
    while (i < path.size()) {
        if (path[i] == '.') {
            ++i;
        } else if (path[i] == '[') {
            const std::size_t close = path.find(']', i);
            if (close == std::string_view::npos) {
                name(path.substr(i + 1));
                break;
            }
            name(path.substr(i + 1, close - i - 1));
            i = close + 1;
        } else {
            const std::size_t stop = path.find_first_of(".[", i);
            name(path.substr(i, stop == std::string_view::npos ? std::string_view::npos : stop - i));
            i = stop == std::string_view::npos ? path.size() : stop;
        }
    }
    return out;
}

namespace detail {

std::string pointer_token(std::string_view name) {
    std::string out = "/";
    for (const char c : name) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::optional<DuplicateKey> duplicate_key(std::string_view text) {
    // A recursive walk keeping each object's keys; the text is well-formed JSON.
    Scanner s(text);
    std::optional<DuplicateKey> dup;
    auto walk = [&](auto& self, const std::string& ptr, int depth) -> void {
        s.skip_ws();
        if (dup || s.end() || depth > 512) return;
        if (s.at('{')) {
            s.advance();
            std::vector<std::string> keys;
            while (true) {
                s.skip_ws();
                if (!s.at('"')) {
                    s.advance();  // '}'
                    return;
                }
                const std::size_t key_at = s.pos();
                std::string key = s.string();
                s.skip_ws();
                s.advance();  // ':'
                for (const auto& k : keys)
                    if (k == key) {
                        dup = DuplicateKey{.pointer = ptr + pointer_token(key), .offset = key_at};
                        return;
                    }
                keys.push_back(key);
                self(self, ptr + pointer_token(key), depth + 1);
                if (dup) return;
                s.skip_ws();
                if (s.at(',')) {
                    s.advance();
                    continue;
                }
                s.advance();  // '}'
                return;
            }
        } else if (s.at('[')) {
            s.advance();
            s.skip_ws();
            if (s.at(']')) {
                s.advance();
                return;
            }
            for (std::size_t i = 0;; ++i) {
                self(self, ptr + "/" + std::to_string(i), depth + 1);
                if (dup) return;
                s.skip_ws();
                if (s.at(',')) {
                    s.advance();
                    continue;
                }
                s.advance();  // ']'
                return;
            }
        } else {
            s.skip_value();
        }
    };
    walk(walk, "", 0);
    return dup;
}

}  // namespace detail

}  // namespace crm::io
