// crmrules._crmrules: the native half of the Python package. Thin by design: documents are read
// by crm::io's readers, answers come from the library's own functions and the columnar kernels,
// and every value crosses as text the library parses (a Decimal's str(), an ISO date) or as an
// exact integer (a date's day number). The Python half (crmrules/__init__.py) checks types,
// refuses floats and turns the tuples returned here into Decimal, date and Money values.

#include "arrow_c.hpp"

#include <crm/core/decision.hpp>
#include <crm/core/error.hpp>
#include <crm/credit/aging.hpp>
#include <crm/credit/aging_columns.hpp>
#include <crm/credit/check.hpp>
#include <crm/io/account.hpp>
#include <crm/io/approval.hpp>
#include <crm/io/json.hpp>
#include <crm/io/pricing.hpp>
#include <crm/io/replay.hpp>
#include <crm/io/report.hpp>
#include <crm/io/scoring.hpp>
#include <crm/io/xlsx.hpp>
#include <crm/money/rounding.hpp>
#include <crm/policy/policy_set.hpp>
#include <crm/report/render.hpp>
#include <crm/scoring/columns.hpp>
#include <crm/version.hpp>

#include <nanobind/nanobind.h>
#include <nanobind/stl/optional.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/string_view.h>
#include <nanobind/stl/tuple.h>
#include <nanobind/stl/vector.h>

#include <charconv>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <map>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace nb = nanobind;
using namespace nb::literals;

namespace {

using crm::Error;
using crm::ErrorCode;

// ---- values across the boundary ----------------------------------------------------------------

/// A document's bytes as the readers take them (UTF-8 is checked by the reader, with a position).
std::string_view bytes_view(const nb::bytes& b) { return {b.c_str(), b.size()}; }

crm::Date date_of(std::int64_t serial) {
    return crm::at_field("as_of", [&] { return crm::Date::from_serial(serial); });
}

crm::Lang lang_of(std::string_view lang) {
    if (lang == "zh") return crm::Lang::zh;
    if (lang == "en") return crm::Lang::en;
    throw Error(ErrorCode::invalid_argument, "lang", "the language is 'zh' or 'en', not '" + std::string(lang) + "'");
}

crm::credit::AgingBasis basis_of(std::string_view basis) {
    if (basis == "days_past_due") return crm::credit::AgingBasis::days_past_due;
    if (basis == "days_since_invoice") return crm::credit::AgingBasis::days_since_invoice;
    throw Error(ErrorCode::invalid_argument, "basis",
                "the basis is 'days_past_due' or 'days_since_invoice', not '" + std::string(basis) + "'");
}

// A figure as (name, kind, text, currency): the Python side builds the value from the text with
// the exact constructor of its kind (Decimal(text), date.fromisoformat(text), int(text)).
using FigureTuple = std::tuple<std::string, std::string, std::string, std::string>;

FigureTuple figure_tuple(const crm::Figure& f) {
    const std::string name(f.name);
    return std::visit(
        [&](const auto& v) -> FigureTuple {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, crm::Decimal>) return {name, "decimal", v.to_string(), ""};
            else if constexpr (std::is_same_v<T, crm::Money>)
                return {name, "money", v.amount().to_string(), std::string(v.currency().code())};
            else if constexpr (std::is_same_v<T, crm::Percent>) return {name, "percent", v.value().to_string(), ""};
            else if constexpr (std::is_same_v<T, crm::Rate>) return {name, "rate", v.value().to_string(), ""};
            else if constexpr (std::is_same_v<T, crm::Days>) return {name, "days", std::to_string(v.count()), ""};
            else if constexpr (std::is_same_v<T, crm::Date>) return {name, "date", v.to_string(), ""};
            else if constexpr (std::is_same_v<T, std::int64_t>) return {name, "int", std::to_string(v), ""};
            else return {name, "str", v, ""};
        },
        f.value);
}

// An aging report as plain values: (as_of serial, basis, currency, total,
// [(label, from_days, to_days or None, amount, items)]).
using BucketTuple = std::tuple<std::string, std::int64_t, std::optional<std::int64_t>, std::string, std::size_t>;
using ReportTuple = std::tuple<std::int64_t, std::string, std::string, std::string, std::vector<BucketTuple>>;

ReportTuple report_tuple(const crm::credit::AgingReport& r) {
    std::vector<BucketTuple> buckets;
    const auto labels = r.buckets.buckets();
    buckets.reserve(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i)
        buckets.emplace_back(labels[i].label, labels[i].from_days, labels[i].to_days, r.amounts[i].amount().to_string(),
                             r.items[i]);
    return {r.as_of.serial(), std::string(crm::credit::to_string(r.basis)), std::string(r.currency().code()),
            r.total.amount().to_string(), std::move(buckets)};
}

using BucketSpec = std::tuple<std::string, std::int64_t, std::optional<std::int64_t>>;

crm::credit::AgingBuckets buckets_of(const std::optional<std::vector<BucketSpec>>& spec) {
    if (!spec) return crm::credit::AgingBuckets{};
    std::vector<crm::credit::AgingBucket> list;
    list.reserve(spec->size());
    for (const auto& [label, from, to] : *spec) list.push_back({.label = label, .from_days = from, .to_days = to});
    return crm::credit::AgingBuckets(std::move(list), "buckets");
}

// ---- Arrow batches -----------------------------------------------------------------------------

struct OwnedSchema {
    ArrowSchema s{};
    OwnedSchema() = default;
    OwnedSchema(const OwnedSchema&) = delete;
    OwnedSchema& operator=(const OwnedSchema&) = delete;
    OwnedSchema(OwnedSchema&& o) noexcept : s(o.s) { o.s.release = nullptr; }  // the spec allows moving the struct
    OwnedSchema& operator=(OwnedSchema&& o) noexcept {
        if (this != &o) {
            if (s.release != nullptr) s.release(&s);
            s = o.s;
            o.s.release = nullptr;
        }
        return *this;
    }
    ~OwnedSchema() {
        if (s.release != nullptr) s.release(&s);
    }
};
struct OwnedArray {
    ArrowArray a{};
    OwnedArray() = default;
    OwnedArray(const OwnedArray&) = delete;
    OwnedArray& operator=(const OwnedArray&) = delete;
    OwnedArray(OwnedArray&& o) noexcept : a(o.a) { o.a.release = nullptr; }  // the spec allows moving the struct
    OwnedArray& operator=(OwnedArray&& o) noexcept {
        if (this != &o) {
            if (a.release != nullptr) a.release(&a);
            a = o.a;
            o.a.release = nullptr;
        }
        return *this;
    }
    ~OwnedArray() {
        if (a.release != nullptr) a.release(&a);
    }
};
struct OwnedStream {
    ArrowArrayStream s{};
    OwnedStream() = default;
    OwnedStream(const OwnedStream&) = delete;
    OwnedStream& operator=(const OwnedStream&) = delete;
    OwnedStream(OwnedStream&& o) noexcept : s(o.s) { o.s.release = nullptr; }  // the spec allows moving the struct
    OwnedStream& operator=(OwnedStream&& o) noexcept {
        if (this != &o) {
            if (s.release != nullptr) s.release(&s);
            s = o.s;
            o.s.release = nullptr;
        }
        return *this;
    }
    ~OwnedStream() {
        if (s.release != nullptr) s.release(&s);
    }
};

/// The table a batch function reads: its schema and its record batches, owned until the call
/// ends (the kernels read the producer's buffers in place).
struct ArrowInput {
    OwnedSchema schema;
    std::vector<std::unique_ptr<OwnedArray>> batches;
};

template <class T>
T* capsule_pointer(nb::handle capsule, const char* name) {
    void* p = PyCapsule_GetPointer(capsule.ptr(), name);
    if (p == nullptr) {
        PyErr_Clear();
        throw nb::type_error((std::string("expected a PyCapsule named '") + name + "'").c_str());
    }
    return static_cast<T*>(p);
}

/// Moves the producer's structs out of the capsules (the PyCapsule interface: the consumer
/// takes the struct and marks the capsule's copy released).
ArrowInput import_arrow(nb::handle source) {
    ArrowInput in;
    if (nb::hasattr(source, "__arrow_c_stream__")) {
        nb::object capsule = source.attr("__arrow_c_stream__")();
        auto* p = capsule_pointer<ArrowArrayStream>(capsule, "arrow_array_stream");
        OwnedStream stream;
        stream.s = *p;
        p->release = nullptr;
        if (stream.s.get_schema(&stream.s, &in.schema.s) != 0) {
            const char* msg = stream.s.get_last_error != nullptr ? stream.s.get_last_error(&stream.s) : nullptr;
            throw Error(ErrorCode::invalid_argument, "table",
                        std::string("the Arrow stream gave no schema: ") + (msg != nullptr ? msg : "(no message)"));
        }
        for (;;) {
            auto batch = std::make_unique<OwnedArray>();
            if (stream.s.get_next(&stream.s, &batch->a) != 0) {
                const char* msg = stream.s.get_last_error != nullptr ? stream.s.get_last_error(&stream.s) : nullptr;
                throw Error(ErrorCode::invalid_argument, "table",
                            std::string("the Arrow stream failed: ") + (msg != nullptr ? msg : "(no message)"));
            }
            if (batch->a.release == nullptr) break;  // the end of the stream
            in.batches.push_back(std::move(batch));
        }
        return in;
    }
    if (nb::hasattr(source, "__arrow_c_array__")) {
        nb::object pair = source.attr("__arrow_c_array__")();
        nb::tuple t = nb::cast<nb::tuple>(pair);
        if (t.size() != 2) throw nb::type_error("__arrow_c_array__ must return (schema capsule, array capsule)");
        auto* ps = capsule_pointer<ArrowSchema>(t[0], "arrow_schema");
        auto* pa = capsule_pointer<ArrowArray>(t[1], "arrow_array");
        in.schema.s = *ps;
        ps->release = nullptr;
        auto batch = std::make_unique<OwnedArray>();
        batch->a = *pa;
        pa->release = nullptr;
        in.batches.push_back(std::move(batch));
        return in;
    }
    throw nb::type_error(
        "expected an Arrow table, record batch or stream (an object with __arrow_c_stream__ or "
        "__arrow_c_array__: pyarrow, polars, DuckDB ...)");
}

/// A human name for an Arrow format string, for column-type errors.
std::string describe_format(std::string_view f) {
    if (f == "g") return "float64 (binary floating point)";
    if (f == "f") return "float32 (binary floating point)";
    if (f == "e") return "float16 (binary floating point)";
    if (f == "u" || f == "U" || f == "vu") return "string";
    if (f == "l") return "int64";
    if (f == "i") return "int32";
    if (f == "tdm") return "date64";
    if (f.starts_with("ts")) return "timestamp";
    if (f.starts_with("d:")) return "decimal (" + std::string(f.substr(2)) + ")";
    if (f == "n") return "null";
    return "Arrow format '" + std::string(f) + "'";
}

[[noreturn]] void column_type_error(std::string_view column, std::string_view format, std::string_view wanted) {
    std::string msg = "column " + std::string(column) + " is " + describe_format(format) + ", expected " +
                      std::string(wanted);
    if (format == "g" || format == "f" || format == "e")
        msg += " (binary floating point cannot carry money exactly: use decimal128 with the currency's scale)";
    throw Error(ErrorCode::invalid_argument, std::string(column), msg);
}

/// One column of one batch: its schema, its array and the offset of its first row (the
/// struct's offset plus the child's own).
struct ColumnRef {
    const ArrowSchema* schema = nullptr;
    const ArrowArray* array = nullptr;
    std::int64_t offset = 0;
};

/// The validity of `length` rows from bit `offset` of the array's bitmap, as the columnar
/// views want it (bit 0 = row 0): the producer's bytes when the offset is byte-aligned, else a
/// shifted copy kept in `store`. Empty when the column has no nulls.
crm::columnar::Validity validity_of(const ArrowArray& a, std::int64_t offset, std::int64_t length,
                                    std::vector<std::uint8_t>& store) {
    if (a.null_count == 0 || a.n_buffers < 1 || a.buffers[0] == nullptr || length == 0) return {};
    const auto* bits = static_cast<const std::uint8_t*>(a.buffers[0]);
    const auto n = static_cast<std::size_t>(length);
    const auto off = static_cast<std::size_t>(offset);
    if (off % 8 == 0) return {std::span<const std::uint8_t>(bits + off / 8, (n + 7) / 8)};
    store.assign((n + 7) / 8, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t j = off + i;
        if (((bits[j / 8] >> (j % 8)) & 1u) != 0) store[i / 8] = static_cast<std::uint8_t>(store[i / 8] | (1u << (i % 8)));
    }
    return {std::span<const std::uint8_t>(store)};
}

/// What one batch's columns need to stay alive while a kernel reads them.
struct BatchColumns {
    crm::credit::ReceivableColumns columns;
    std::vector<std::uint8_t> due_valid, invoiced_valid, amount_valid, account_valid;
    std::vector<std::string_view> dictionary;
    std::vector<std::int32_t> indices;  // a plain string column, encoded here
    std::size_t rows = 0;
};

const void* buffer(const ArrowArray& a, std::int64_t i, std::string_view column) {
    if (a.n_buffers <= i || a.buffers[i] == nullptr) {
        if (a.length == 0) return nullptr;
        throw Error(ErrorCode::invalid_argument, std::string(column), "the Arrow array has no data buffer");
    }
    return a.buffers[i];
}

crm::columnar::DateColumn date_column(const ColumnRef& c, std::string_view name, std::size_t rows,
                                      std::vector<std::uint8_t>& valid) {
    const std::string_view f = c.schema->format;
    if (f != "tdD") column_type_error(name, f, "date32 (pyarrow: pa.date32())");
    crm::columnar::DateColumn col{.name = name};
    const auto* days = static_cast<const std::int32_t*>(buffer(*c.array, 1, name));
    if (days != nullptr) col.days = std::span<const std::int32_t>(days + c.offset, rows);
    col.validity = validity_of(*c.array, c.offset, static_cast<std::int64_t>(rows), valid);
    return col;
}

/// The scale of a decimal128 column (Arrow format "d:precision,scale" or
/// "d:precision,scale,bitwidth"); any other type, or another bit width, is a column_type_error.
int decimal128_scale(std::string_view name, std::string_view f) {
    if (!f.starts_with("d:")) column_type_error(name, f, "decimal128(38, scale) (pyarrow: pa.decimal128(38, 2))");
    std::string_view rest = f.substr(2);
    int precision = 0;
    int scale = 0;
    int width = 128;
    auto parse_int = [&](int& out) {
        const auto r = std::from_chars(rest.data(), rest.data() + rest.size(), out);
        if (r.ec != std::errc{}) column_type_error(name, f, "decimal128(38, scale)");
        rest.remove_prefix(static_cast<std::size_t>(r.ptr - rest.data()));
    };
    parse_int(precision);
    if (rest.empty() || rest.front() != ',') column_type_error(name, f, "decimal128(38, scale)");
    rest.remove_prefix(1);
    parse_int(scale);
    if (!rest.empty()) {
        if (rest.front() != ',') column_type_error(name, f, "decimal128(38, scale)");
        rest.remove_prefix(1);
        parse_int(width);
    }
    if (width != 128) column_type_error(name, f, "decimal128(38, scale), not a " + std::to_string(width) + "-bit decimal");
    return scale;
}

crm::columnar::AmountColumn amount_column(const ColumnRef& c, std::string_view name, std::size_t rows,
                                          crm::Currency currency, std::vector<std::uint8_t>& valid) {
    const int scale = decimal128_scale(name, c.schema->format);
    crm::columnar::AmountColumn col{.name = name, .scale = scale, .currency = currency};
    const auto* bytes = static_cast<const std::byte*>(buffer(*c.array, 1, name));
    if (bytes != nullptr) col.data = std::span<const std::byte>(bytes + 16 * c.offset, 16 * rows);
    col.validity = validity_of(*c.array, c.offset, static_cast<std::int64_t>(rows), valid);
    return col;
}

/// The string values of a string or large-string array, as views into its buffers.
template <class Offset>
void string_views(const ArrowArray& a, std::int64_t offset, std::size_t n, std::string_view column,
                  std::vector<std::string_view>& out) {
    out.clear();
    out.reserve(n);
    if (n == 0) return;
    const auto* offsets = static_cast<const Offset*>(buffer(a, 1, column));
    const auto* data = static_cast<const char*>(a.n_buffers > 2 ? a.buffers[2] : nullptr);
    for (std::size_t i = 0; i < n; ++i) {
        const auto begin = offsets[static_cast<std::size_t>(offset) + i];
        const auto end = offsets[static_cast<std::size_t>(offset) + i + 1];
        if (data == nullptr || end < begin) {
            out.emplace_back();
            continue;
        }
        out.emplace_back(data + begin, static_cast<std::size_t>(end - begin));
    }
}

/// The values of a string-view array (Arrow format "vu", what polars exports its strings as):
/// a 16-byte view per value, `int32 length` then either the bytes themselves (12 at most) or a
/// 4-byte prefix, `int32 buffer index` and `int32 offset` into one of the variadic data buffers
/// (the C data interface's buffers 2 .. n_buffers - 2; the last holds the buffers' sizes, which
/// bound every view before it is read).
void string_view_views(const ArrowArray& a, std::int64_t offset, std::size_t n, std::string_view column,
                       std::vector<std::string_view>& out) {
    out.clear();
    out.reserve(n);
    if (n == 0) return;
    const auto* views = static_cast<const std::byte*>(buffer(a, 1, column));
    if (a.n_buffers < 3)
        throw Error(ErrorCode::invalid_argument, std::string(column),
                    "the string-view array has no buffer of data-buffer sizes");
    const std::int64_t data_buffers = a.n_buffers - 3;
    const auto* sizes = static_cast<const std::int64_t*>(a.buffers[a.n_buffers - 1]);
    for (std::size_t i = 0; i < n; ++i) {
        const std::byte* v = views + 16 * (static_cast<std::size_t>(offset) + i);
        std::int32_t length = 0;
        std::memcpy(&length, v, 4);
        if (length < 0)
            throw Error(ErrorCode::invalid_argument, std::string(column) + "[" + std::to_string(i) + "]",
                        "a string view has a negative length");
        if (length <= 12) {
            out.emplace_back(reinterpret_cast<const char*>(v + 4), static_cast<std::size_t>(length));
            continue;
        }
        std::int32_t index = 0, start = 0;
        std::memcpy(&index, v + 8, 4);
        std::memcpy(&start, v + 12, 4);
        if (index < 0 || index >= data_buffers || sizes == nullptr || start < 0 ||
            std::int64_t{start} + length > sizes[index] || a.buffers[2 + index] == nullptr)
            throw Error(ErrorCode::invalid_argument, std::string(column) + "[" + std::to_string(i) + "]",
                        "a string view points outside the array's data buffers");
        out.emplace_back(static_cast<const char*>(a.buffers[2 + index]) + start, static_cast<std::size_t>(length));
    }
}

void fill_strings(const ArrowSchema& s, const ArrowArray& a, std::int64_t offset, std::size_t n,
                  std::string_view column, std::vector<std::string_view>& out) {
    const std::string_view f = s.format;
    if (f == "u") string_views<std::int32_t>(a, offset, n, column, out);
    else if (f == "U") string_views<std::int64_t>(a, offset, n, column, out);
    else if (f == "vu") string_view_views(a, offset, n, column, out);
    else column_type_error(column, f, "string, large string, string view or dictionary<int32, string>");
}

crm::columnar::IdColumn id_column(const ColumnRef& c, std::string_view name, BatchColumns& b) {
    const std::size_t rows = b.rows;
    const std::string_view f = c.schema->format;
    crm::columnar::IdColumn col{.name = name};
    col.validity = validity_of(*c.array, c.offset, static_cast<std::int64_t>(rows), b.account_valid);
    if (c.schema->dictionary != nullptr) {
        // dictionary<int32, string>: the indices are read in place; uint32 indices have the same
        // bits, and one beyond int32 reads as negative, which check_ids reports as out of range.
        if (f != "i" && f != "I") column_type_error(name, f, "dictionary with int32 indices");
        if (c.array->dictionary == nullptr && rows == 0) return col;
        if (c.array->dictionary == nullptr)
            throw Error(ErrorCode::invalid_argument, std::string(name), "the dictionary array is missing");
        const ArrowArray& dict = *c.array->dictionary;
        fill_strings(*c.schema->dictionary, dict, dict.offset, static_cast<std::size_t>(dict.length), name,
                     b.dictionary);
        const auto* idx = static_cast<const std::int32_t*>(buffer(*c.array, 1, name));
        if (idx != nullptr) col.indices = std::span<const std::int32_t>(idx + c.offset, rows);
        col.dictionary = b.dictionary;
        return col;
    }
    // A plain string column: the distinct ids are views into the producer's buffer, the
    // indices are built here (4 bytes a row).
    std::vector<std::string_view> values;
    fill_strings(*c.schema, *c.array, c.offset, rows, name, values);
    std::unordered_map<std::string_view, std::int32_t> index_of;
    b.indices.resize(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        auto [it, inserted] = index_of.try_emplace(values[i], static_cast<std::int32_t>(b.dictionary.size()));
        if (inserted) b.dictionary.push_back(values[i]);
        b.indices[i] = it->second;
    }
    col.indices = b.indices;
    col.dictionary = b.dictionary;
    return col;
}

/// Names of the table's columns in the ledger: the member (`due_on`) to the column's name.
struct ColumnNames {
    std::string due_on = "due_on";
    std::string open_amount = "open_amount";
    std::string invoiced_on = "invoiced_on";
    std::string account = "account";
};

std::optional<ColumnRef> find_column(const ArrowSchema& schema, const ArrowArray& batch, std::string_view name) {
    for (std::int64_t i = 0; i < schema.n_children; ++i) {
        const ArrowSchema* child = schema.children[i];
        if (child->name != nullptr && name == child->name) {
            if (i >= batch.n_children) break;
            return ColumnRef{child, batch.children[i], batch.offset + batch.children[i]->offset};
        }
    }
    return std::nullopt;
}

[[noreturn]] void missing_column(const ArrowSchema& schema, std::string_view name) {
    std::string have;
    for (std::int64_t i = 0; i < schema.n_children; ++i) {
        if (!have.empty()) have += ", ";
        have += schema.children[i]->name != nullptr ? schema.children[i]->name : "?";
    }
    throw Error(ErrorCode::not_found, std::string(name),
                "the table has no column " + std::string(name) + " (its columns: " + (have.empty() ? "none" : have) +
                    ")");
}

/// The ledger columns of one record batch.
std::unique_ptr<BatchColumns> bind_batch(const ArrowSchema& schema, const ArrowArray& batch, const ColumnNames& names,
                                         crm::Currency currency, bool want_invoiced, bool want_account) {
    if (std::string_view(schema.format) != "+s")
        throw Error(ErrorCode::invalid_argument, "table",
                    "expected a table (an Arrow struct of columns), got " + describe_format(schema.format));
    if (batch.null_count > 0)
        throw Error(ErrorCode::invalid_argument, "table", "a record batch has null rows (a null struct)");
    auto b = std::make_unique<BatchColumns>();
    b->rows = static_cast<std::size_t>(batch.length);
    auto need = [&](const std::string& name) {
        auto c = find_column(schema, batch, name);
        if (!c) missing_column(schema, name);
        return *c;
    };
    b->columns.due_on = date_column(need(names.due_on), names.due_on, b->rows, b->due_valid);
    b->columns.open_amount =
        amount_column(need(names.open_amount), names.open_amount, b->rows, currency, b->amount_valid);
    if (auto c = find_column(schema, batch, names.invoiced_on))
        b->columns.invoiced_on = date_column(*c, names.invoiced_on, b->rows, b->invoiced_valid);
    else if (want_invoiced)
        missing_column(schema, names.invoiced_on);
    if (want_account) b->columns.account = id_column(need(names.account), names.account, *b);
    return b;
}

/// `open_amount[17]` of a batch starting at row `first` is `open_amount[first + 17]` of the
/// table: the error again, its row counted from the table's start.
Error shift_row(const Error& e, std::size_t first) {
    if (first == 0) return e;
    const std::string& f = e.field();
    const auto open = f.find('[');
    const auto close = f.find(']', open == std::string::npos ? 0 : open);
    if (open == std::string::npos || close == std::string::npos) return e;
    std::size_t row = 0;
    const auto r = std::from_chars(f.data() + open + 1, f.data() + close, row);
    if (r.ec != std::errc{} || r.ptr != f.data() + close) return e;
    return Error(e.code(), f.substr(0, open + 1) + std::to_string(row + first) + f.substr(close), e.message());
}

/// A table bound to the ledger's columns. The columns' names in errors are views of `names`,
/// so a ledger lives on the heap and is never moved.
struct ArrowLedger {
    ColumnNames names;
    ArrowInput input;
    std::vector<std::unique_ptr<BatchColumns>> batches;
    std::vector<ArrowArray> empty_children;  // the stand-in batch of a table with no batches
    std::vector<ArrowArray*> empty_pointers;
    ArrowArray empty_batch{};
};

std::unique_ptr<ArrowLedger> bind_ledger(nb::handle source, ColumnNames names, crm::Currency currency,
                                         bool want_invoiced, bool want_account) {
    auto l = std::make_unique<ArrowLedger>();
    l->names = std::move(names);
    l->input = import_arrow(source);
    if (l->input.batches.empty()) {
        // A table of no batches still has its columns checked (and ages to a zero report): a
        // batch of zero rows with one empty child per column stands in.
        const auto n = static_cast<std::size_t>(l->input.schema.s.n_children < 0 ? 0 : l->input.schema.s.n_children);
        l->empty_children.assign(n, ArrowArray{});
        for (auto& c : l->empty_children) l->empty_pointers.push_back(&c);
        l->empty_batch.n_children = static_cast<std::int64_t>(n);
        l->empty_batch.children = l->empty_pointers.data();
        l->batches.push_back(
            bind_batch(l->input.schema.s, l->empty_batch, l->names, currency, want_invoiced, want_account));
        return l;
    }
    for (const auto& batch : l->input.batches)
        l->batches.push_back(bind_batch(l->input.schema.s, batch->a, l->names, currency, want_invoiced, want_account));
    return l;
}

ColumnNames names_of(const std::optional<std::tuple<std::string, std::string, std::string, std::string>>& spec) {
    ColumnNames n;
    if (spec) std::tie(n.due_on, n.open_amount, n.invoiced_on, n.account) = *spec;
    return n;
}

using NamesSpec = std::optional<std::tuple<std::string, std::string, std::string, std::string>>;

// ---- Arrow out ---------------------------------------------------------------------------------

/// The buffers of an exported table (account: string, open_amount: decimal128(38, s)), shared
/// by the structs handed to the consumer and freed when the last of them is released.
struct ExportData {
    std::vector<std::int32_t> offsets{0};
    std::string chars;
    std::vector<std::uint8_t> amounts;  // 16 bytes a row
    std::int64_t rows = 0;
    std::string amount_format;
};

struct ExportSchemaPrivate {
    std::string format, name;
    std::vector<ArrowSchema> child_structs;
    std::vector<ArrowSchema*> children;
};

void release_schema(ArrowSchema* s) {
    if (s == nullptr || s->release == nullptr) return;
    for (std::int64_t i = 0; i < s->n_children; ++i)
        if (s->children[i]->release != nullptr) s->children[i]->release(s->children[i]);
    delete static_cast<ExportSchemaPrivate*>(s->private_data);
    s->release = nullptr;
}

void make_schema(ArrowSchema* out, std::string format, std::string name,
                 std::vector<std::pair<std::string, std::string>> children) {
    auto* p = new ExportSchemaPrivate{std::move(format), std::move(name), {}, {}};
    p->child_structs.resize(children.size());
    for (std::size_t i = 0; i < children.size(); ++i) {
        make_schema(&p->child_structs[i], children[i].first, children[i].second, {});
        p->children.push_back(&p->child_structs[i]);
    }
    *out = ArrowSchema{};
    out->format = p->format.c_str();
    out->name = p->name.c_str();
    out->n_children = static_cast<std::int64_t>(p->children.size());
    out->children = p->children.empty() ? nullptr : p->children.data();
    out->release = &release_schema;
    out->private_data = p;
}

struct ExportArrayPrivate {
    std::shared_ptr<const ExportData> data;
    std::vector<const void*> buffers;
    std::vector<ArrowArray> child_structs;
    std::vector<ArrowArray*> children;
};

void release_array(ArrowArray* a) {
    if (a == nullptr || a->release == nullptr) return;
    for (std::int64_t i = 0; i < a->n_children; ++i)
        if (a->children[i]->release != nullptr) a->children[i]->release(a->children[i]);
    delete static_cast<ExportArrayPrivate*>(a->private_data);
    a->release = nullptr;
}

void make_array(ArrowArray* out, const std::shared_ptr<const ExportData>& d, std::vector<const void*> buffers,
                std::size_t children) {
    auto* p = new ExportArrayPrivate{d, std::move(buffers), {}, {}};
    p->child_structs.resize(children);
    for (auto& c : p->child_structs) p->children.push_back(&c);
    *out = ArrowArray{};
    out->length = d->rows;
    out->n_buffers = static_cast<std::int64_t>(p->buffers.size());
    out->buffers = p->buffers.data();
    out->n_children = static_cast<std::int64_t>(children);
    out->children = p->children.empty() ? nullptr : p->children.data();
    out->release = &release_array;
    out->private_data = p;
}

/// A result table handed to Python as an Arrow record batch through `__arrow_c_array__`
/// (pyarrow: `pa.record_batch(result)`; polars: `pl.from_arrow`).
struct ArrowResult {
    std::shared_ptr<const ExportData> data;
};

void capsule_schema_destructor(PyObject* capsule) {
    auto* s = static_cast<ArrowSchema*>(PyCapsule_GetPointer(capsule, "arrow_schema"));
    if (s == nullptr) return;
    if (s->release != nullptr) s->release(s);
    delete s;
}
void capsule_array_destructor(PyObject* capsule) {
    auto* a = static_cast<ArrowArray*>(PyCapsule_GetPointer(capsule, "arrow_array"));
    if (a == nullptr) return;
    if (a->release != nullptr) a->release(a);
    delete a;
}

nb::tuple export_result(const ArrowResult& r, nb::handle requested_schema) {
    if (!requested_schema.is_none())
        throw nb::type_error("this result is exported in its own schema only (requested_schema must be None)");
    auto schema = std::make_unique<ArrowSchema>();
    make_schema(schema.get(), "+s", "", {{"u", "account"}, {r.data->amount_format, "open_amount"}});
    auto array = std::make_unique<ArrowArray>();
    make_array(array.get(), r.data, {nullptr}, 2);
    make_array(array->children[0], r.data, {nullptr, r.data->offsets.data(), r.data->chars.data()}, 0);
    make_array(array->children[1], r.data, {nullptr, r.data->amounts.data()}, 0);
    nb::object s = nb::steal(PyCapsule_New(schema.get(), "arrow_schema", &capsule_schema_destructor));
    if (!s.is_valid()) throw nb::python_error();
    schema.release();
    nb::object a = nb::steal(PyCapsule_New(array.get(), "arrow_array", &capsule_array_destructor));
    if (!a.is_valid()) throw nb::python_error();
    array.release();
    return nb::make_tuple(s, a);
}

/// The exposure by account as an Arrow result: every amount at the currency's scale.
ArrowResult result_of(const std::map<std::string, crm::Money>& sums, crm::Currency currency) {
    auto d = std::make_shared<ExportData>();
    const int scale = currency.minor_units();
    d->amount_format = "d:38," + std::to_string(scale);
    d->rows = static_cast<std::int64_t>(sums.size());
    d->amounts.reserve(16 * sums.size());
    for (const auto& [account, money] : sums) {
        d->chars += account;
        if (d->chars.size() > static_cast<std::size_t>(INT32_MAX))
            throw Error(ErrorCode::overflow, "account", "the account ids exceed 2 GiB");
        d->offsets.push_back(static_cast<std::int32_t>(d->chars.size()));
        // Exact: a sum of amounts of scale s has scale s; round_to_scale only pads.
        const crm::Decimal v = crm::round_to_scale(money.amount(), scale, crm::RoundingMode::half_even);
        crm::detail::uint128 c = v.coefficient();
        if (v.signum() < 0) c = ~c + 1u;  // two's complement
        for (int byte = 0; byte < 16; ++byte)
            d->amounts.push_back(static_cast<std::uint8_t>((c >> (8 * byte)) & 0xffu));
    }
    return {std::move(d)};
}

ReportTuple aging_arrow(nb::handle source, std::int64_t as_of_serial, std::string_view currency_code,
                        const std::optional<std::vector<BucketSpec>>& bucket_spec, std::string_view basis_text,
                        int threads, const NamesSpec& names_spec) {
    const crm::Date as_of = date_of(as_of_serial);
    const crm::Currency currency(currency_code, "currency");
    const auto buckets = buckets_of(bucket_spec);
    crm::credit::AgingOptions options{.basis = basis_of(basis_text), .currency = currency};
    if (threads < 0) throw Error(ErrorCode::invalid_argument, "threads", "threads is 0 (all cores) or more");
    const auto ledger =
        bind_ledger(source, names_of(names_spec), currency,
                    options.basis == crm::credit::AgingBasis::days_since_invoice, false);
    std::optional<crm::credit::AgingReport> total;
    {
        nb::gil_scoped_release release;
        crm::credit::BatchOptions batch{.threads = threads};
        std::size_t first = 0;
        for (const auto& b : ledger->batches) {
            try {
                auto r = crm::credit::aging(b->columns, as_of, buckets, options, batch);
                if (!total) {
                    total = std::move(r);
                } else {
                    total->total += r.total;
                    for (std::size_t i = 0; i < r.amounts.size(); ++i) {
                        total->amounts[i] += r.amounts[i];
                        total->items[i] += r.items[i];
                    }
                }
            } catch (const Error& e) {
                throw shift_row(e, first);
            }
            first += b->rows;
        }
    }
    return report_tuple(*total);
}

nb::object open_by_account_arrow(nb::handle source, std::string_view currency_code, int threads,
                                 const NamesSpec& names_spec, bool as_arrow) {
    const crm::Currency currency(currency_code, "currency");
    if (threads < 0) throw Error(ErrorCode::invalid_argument, "threads", "threads is 0 (all cores) or more");
    crm::credit::AgingOptions options{.currency = currency};
    const auto ledger = bind_ledger(source, names_of(names_spec), currency, false, true);
    std::map<std::string, crm::Money> sums;
    {
        nb::gil_scoped_release release;
        crm::credit::BatchOptions batch{.threads = threads};
        std::size_t first = 0;
        for (const auto& b : ledger->batches) {
            try {
                for (auto& [account, amount] : crm::credit::open_by_account(b->columns, options, batch)) {
                    auto [it, inserted] = sums.try_emplace(account.value(), amount);
                    if (!inserted) it->second += amount;
                }
            } catch (const Error& e) {
                throw shift_row(e, first);
            }
            first += b->rows;
        }
    }
    if (as_arrow) return nb::cast(result_of(sums, currency));
    std::vector<std::tuple<std::string, std::string>> out;
    out.reserve(sums.size());
    for (const auto& [account, amount] : sums) out.emplace_back(account, amount.amount().to_string());
    return nb::cast(out);
}

// ---- scoring over Arrow ------------------------------------------------------------------------

/// One record batch's facts as the scoring kernel's columns, one per criterion, named by the
/// criterion's id: a decimal128 column is read in place; an integer column, and a lookup
/// criterion's labels (string or dictionary<int32, string>, turned into category codes), are
/// written into decimal128 columns here. Nulls stay nulls (missing facts).
struct ScoreColumns {
    std::vector<crm::columnar::NumberColumn> columns;
    std::deque<crm::columnar::NumberColumnBuilder> built;
    std::deque<std::vector<std::uint8_t>> valid;
};

template <class Int>
void integer_column(const ColumnRef& c, std::string_view name, std::size_t rows, ScoreColumns& out) {
    const crm::columnar::Validity v = validity_of(*c.array, c.offset, static_cast<std::int64_t>(rows), out.valid.emplace_back());
    const auto* values = static_cast<const Int*>(buffer(*c.array, 1, name));
    auto& b = out.built.emplace_back(0, std::string(name));
    for (std::size_t i = 0; i < rows; ++i) {
        if (v.valid(i)) b.push_back(crm::Decimal{static_cast<std::int64_t>(values[c.offset + static_cast<std::int64_t>(i)])});
        else b.push_null();
    }
    out.columns.push_back(b.view());
}

void label_column(const ColumnRef& c, const crm::scoring::CompiledScorecard& card, std::size_t criterion,
                  std::string_view name, std::size_t rows, ScoreColumns& out) {
    const crm::columnar::Validity v = validity_of(*c.array, c.offset, static_cast<std::int64_t>(rows), out.valid.emplace_back());
    std::vector<std::string_view> labels;
    if (c.schema->dictionary != nullptr) {
        const std::string_view f = c.schema->format;
        if (f != "i" && f != "I") column_type_error(name, f, "dictionary with int32 indices");
        std::vector<std::string_view> dictionary;
        if (c.array->dictionary != nullptr) {
            const ArrowArray& dict = *c.array->dictionary;
            fill_strings(*c.schema->dictionary, dict, dict.offset, static_cast<std::size_t>(dict.length), name, dictionary);
        }
        const auto* idx = static_cast<const std::int32_t*>(rows == 0 ? nullptr : buffer(*c.array, 1, name));
        labels.resize(rows);
        for (std::size_t i = 0; i < rows; ++i) {
            if (!v.valid(i)) continue;
            const std::int32_t k = idx[static_cast<std::size_t>(c.offset) + i];
            if (k < 0 || static_cast<std::size_t>(k) >= dictionary.size())
                throw Error(ErrorCode::out_of_range, std::string(name) + "[" + std::to_string(i) + "]",
                            "the dictionary index " + std::to_string(k) + " is outside the dictionary");
            labels[i] = dictionary[static_cast<std::size_t>(k)];
        }
    } else {
        fill_strings(*c.schema, *c.array, c.offset, rows, name, labels);
    }
    std::unordered_map<std::string_view, crm::Decimal> codes;
    auto& b = out.built.emplace_back(0, std::string(name));
    for (std::size_t i = 0; i < rows; ++i) {
        if (!v.valid(i)) {
            b.push_null();
            continue;
        }
        auto it = codes.find(labels[i]);
        if (it == codes.end()) {
            try {
                it = codes.emplace(labels[i], card.category_code(criterion, labels[i])).first;
            } catch (const Error& e) {
                throw Error(e.code(), std::string(name) + "[" + std::to_string(i) + "]", e.message());
            }
        }
        b.push_back(it->second);
    }
    out.columns.push_back(b.view());
}

ScoreColumns bind_scores(const ArrowSchema& schema, const ArrowArray& batch, const crm::scoring::CompiledScorecard& card) {
    if (std::string_view(schema.format) != "+s")
        throw Error(ErrorCode::invalid_argument, "table",
                    "expected a table (an Arrow struct of columns), got " + describe_format(schema.format));
    if (batch.null_count > 0)
        throw Error(ErrorCode::invalid_argument, "table", "a record batch has null rows (a null struct)");
    ScoreColumns out;
    const auto rows = static_cast<std::size_t>(batch.length);
    const auto& criteria = card.scorecard().criteria;
    for (std::size_t i = 0; i < criteria.size(); ++i) {
        const std::string_view name = criteria[i].id;  // lives as long as the card
        const auto c = find_column(schema, batch, name);
        if (!c) missing_column(schema, name);
        const std::string_view f = c->schema->format;
        if (std::holds_alternative<crm::scoring::Lookup>(criteria[i].function)) {
            label_column(*c, card, i, name, rows, out);
        } else if (f == "l") {
            integer_column<std::int64_t>(*c, name, rows, out);
        } else if (f == "i") {
            integer_column<std::int32_t>(*c, name, rows, out);
        } else {
            if (!f.starts_with("d:"))
                column_type_error(name, f, "decimal128(38, scale) or an integer (pyarrow: pa.decimal128(38, 2))");
            crm::columnar::NumberColumn col{.name = name, .scale = decimal128_scale(name, f)};
            const auto* bytes = static_cast<const std::byte*>(buffer(*c->array, 1, name));
            if (bytes != nullptr) col.data = std::span<const std::byte>(bytes + 16 * c->offset, 16 * rows);
            col.validity = validity_of(*c->array, c->offset, static_cast<std::int64_t>(rows), out.valid.emplace_back());
            out.columns.push_back(col);
        }
    }
    return out;
}

/// Scores every row of an Arrow table with a scorecard of the version of `set` in force at
/// `as_of`: one column per criterion, named by its id. The totals as decimal strings and the
/// grades' labels, in row order.
std::vector<std::tuple<std::string, std::string>> score_arrow(const crm::policy::PolicySet& set, nb::handle source,
                                                              std::optional<std::string> scorecard, bool kpi,
                                                              std::int64_t as_of_serial, int threads) {
    if (threads < 0) throw Error(ErrorCode::invalid_argument, "threads", "threads is 0 (all cores) or more");
    const crm::Date as_of = date_of(as_of_serial);
    const crm::io::ScoreRequest request{.scorecard = std::move(scorecard), .kpi = kpi};
    if (request.kpi == request.scorecard.has_value())
        throw Error(ErrorCode::invalid_argument, "scorecard", "give a scorecard's name or kpi=True, not both or neither");
    const crm::scoring::CompiledScorecard card(crm::io::scorecard_for(set.in_force(as_of), request));
    const ArrowInput input = import_arrow(source);
    std::vector<crm::scoring::Summary> out;
    {
        nb::gil_scoped_release release;
        std::size_t first = 0;
        for (const auto& batch : input.batches) {
            try {
                const ScoreColumns columns = bind_scores(input.schema.s, batch->a, card);
                out.resize(first + static_cast<std::size_t>(batch->a.length));
                crm::scoring::evaluate_columns(card, columns.columns,
                                               std::span(out).subspan(first, static_cast<std::size_t>(batch->a.length)),
                                               threads);
            } catch (const Error& e) {
                throw shift_row(e, first);
            }
            first += static_cast<std::size_t>(batch->a.length);
        }
    }
    std::vector<std::tuple<std::string, std::string>> rows;
    rows.reserve(out.size());
    const auto& bands = card.scorecard().bands;
    for (const auto& s : out) rows.emplace_back(s.total.points().to_string(), bands[s.grade].label);
    return rows;
}

// ---- row API -----------------------------------------------------------------------------------

std::vector<std::tuple<std::string, ReportTuple>> aging_rows(const crm::io::ReceivablesLedger& ledger,
                                                             std::int64_t as_of_serial,
                                                             const std::optional<std::vector<BucketSpec>>& bucket_spec,
                                                             std::string_view basis_text, std::string_view by) {
    const crm::Date as_of = date_of(as_of_serial);
    const auto buckets = buckets_of(bucket_spec);
    crm::credit::AgingOptions options{.basis = basis_of(basis_text), .currency = ledger.currency, .rates = ledger.rates};
    std::vector<std::tuple<std::string, ReportTuple>> out;
    nb::gil_scoped_release release;  // only C++ values from here on
    if (by == "total") {
        out.emplace_back("", report_tuple(crm::credit::aging(ledger.receivables, as_of, buckets, options)));
    } else if (by == "account" || by == "region") {
        const auto accounts = crm::credit::aging_by_account(ledger.receivables, as_of, buckets, options);
        if (by == "account") {
            for (const auto& a : accounts) out.emplace_back(a.account.value(), report_tuple(a.report));
        } else {
            for (const auto& r : crm::credit::aging_by_region(accounts, ledger.regions))
                out.emplace_back(r.region.value(), report_tuple(r.report));
        }
    } else {
        throw Error(ErrorCode::invalid_argument, "by", "by is 'total', 'account' or 'region', not '" + std::string(by) + "'");
    }
    return out;
}

std::vector<BucketSpec> policy_buckets(const crm::policy::PolicySet& set, std::int64_t as_of_serial) {
    const auto buckets = crm::policy::aging_buckets(set.in_force(date_of(as_of_serial)));
    std::vector<BucketSpec> out;
    for (const auto& b : buckets.buckets()) out.emplace_back(b.label, b.from_days, b.to_days);
    return out;
}

/// A decision with the facts it was decided on, for the Python Decision; for an entry point
/// answered by a document (price, route, verify) also that document's writer.
struct CheckResult {
    crm::Decision decision;
    std::string policy_version;
    std::function<std::string(crm::Lang)> document{};
    crm::Lang lang = crm::Lang::zh;  ///< the request's language, the document's default
};

/// A price request document priced under `set` (crm::io::price): the decision and the answer.
CheckResult price_request(const crm::policy::PolicySet& set, nb::bytes text, std::string_view file,
                          std::optional<std::int64_t> as_of_serial) {
    std::optional<crm::Date> as_of;
    if (as_of_serial) as_of = date_of(*as_of_serial);
    auto answer = std::make_shared<crm::io::PriceAnswer>();
    crm::Lang lang{};
    {
        nb::gil_scoped_release unlocked;  // text is kept alive by the caller's reference
        const crm::io::PriceRequest request = crm::io::read_price_request(bytes_view(text), file);
        *answer = crm::io::price(set, request, as_of);
        lang = request.lang;
    }
    return {answer->decision, answer->policy_version,
            [answer](crm::Lang l) { return crm::io::write_price(*answer, l); }, lang};
}

/// A monthly report built from a report request under `set` (crm::io::monthly_report), kept to
/// be rendered in several forms without building it again.
struct MonthlyReport {
    std::shared_ptr<const crm::report::MonthlyKeyAccountReport> report;
    crm::Lang lang = crm::Lang::zh;  ///< the request's language, the renderings' default
};

MonthlyReport monthly_report_request(const crm::policy::PolicySet& set, nb::bytes text, std::string_view file,
                                     std::optional<std::int64_t> as_of_serial) {
    std::optional<crm::Date> as_of;
    if (as_of_serial) as_of = date_of(*as_of_serial);
    MonthlyReport out;
    {
        nb::gil_scoped_release unlocked;  // text is kept alive by the caller's reference
        const crm::io::MonthlyReportRequest request = crm::io::read_monthly_report_request(bytes_view(text), file);
        out.report = std::make_shared<const crm::report::MonthlyKeyAccountReport>(
            crm::io::monthly_report(set, request, as_of));
        out.lang = request.lang;
    }
    return out;
}

crm::report::Format report_format(std::string_view format) {
    if (format == "text") return crm::report::Format::text;
    if (format == "md" || format == "markdown") return crm::report::Format::markdown;
    if (format == "html") return crm::report::Format::html;
    throw crm::Error(crm::ErrorCode::invalid_argument, "format",
                     "a report renders as \"text\", \"md\" or \"html\" (a workbook: write_xlsx), not \"" +
                         std::string(format) + "\"");
}

/// An account request document (crm::io::read_account_request) answered under `set` by
/// `answer(set, request, lang)` (the pool or the visits answer, written): `as_of` (a serial) wins
/// over the request's day, as the command line's --as-of does; `lang` over the request's.
template <class Answer>
std::string account_request(const crm::policy::PolicySet& set, nb::bytes text, std::string_view file,
                            std::optional<std::int64_t> as_of_serial, std::optional<std::string_view> lang,
                            Answer&& answer) {
    std::optional<crm::Date> as_of;
    if (as_of_serial) as_of = date_of(*as_of_serial);
    nb::gil_scoped_release unlocked;  // text is kept alive by the caller's reference
    crm::io::AccountRequest request = crm::io::read_account_request(bytes_view(text), file);
    if (as_of) request.as_of = as_of;
    return answer(set, request, lang ? lang_of(*lang) : request.lang);
}

/// A route request document routed under `set` (crm::io::route).
CheckResult route_request(const crm::policy::PolicySet& set, nb::bytes text, std::string_view file) {
    const crm::io::RouteRequest request = crm::io::read_route_request(bytes_view(text), file);
    auto answer = std::make_shared<crm::io::RouteAnswer>(crm::io::route(set, request));
    return {answer->decision, answer->policy_version,
            [answer](crm::Lang l) { return crm::io::write_route(*answer, l); }, request.lang};
}

/// A verify request document checked under `set` (crm::io::verify).
CheckResult verify_request(const crm::policy::PolicySet& set, nb::bytes text, std::string_view file) {
    const crm::io::VerifyRequest request = crm::io::read_verify_request(bytes_view(text), file);
    auto answer = std::make_shared<crm::io::VerifyAnswer>(crm::io::verify(set, request));
    return {answer->decision, answer->policy_version,
            [answer](crm::Lang l) { return crm::io::write_verify(*answer, l); }, request.route.lang};
}

CheckResult check_order(const crm::policy::PolicySet& set, const crm::io::CreditAccount& account,
                        const crm::credit::Order& order, std::int64_t as_of_serial) {
    const crm::Date as_of = date_of(as_of_serial);
    const auto& version = set.in_force(as_of);
    const auto& policy = crm::policy::credit_policy(version, account.tier, account.segment);
    return {crm::credit::check_order(policy, account.profile, account.snapshot(), order, as_of), version.id};
}

std::vector<std::tuple<std::string, std::string, std::vector<FigureTuple>>> reasons_of(const crm::Decision& d) {
    std::vector<std::tuple<std::string, std::string, std::vector<FigureTuple>>> out;
    out.reserve(d.reasons().size());
    for (const auto& r : d.reasons()) {
        std::vector<FigureTuple> figures;
        figures.reserve(r.figures().size());
        for (const auto& f : r.figures()) figures.push_back(figure_tuple(f));
        out.emplace_back(std::string(r.code()), std::string(crm::to_string(r.severity())), std::move(figures));
    }
    return out;
}

}  // namespace

NB_MODULE(_crmrules, m) {
    m.doc() = "The native half of crmrules (use the crmrules package, not this module).";
    m.attr("__version__") = CRM_VERSION_STRING;

    // Every crm::Error becomes crmrules.Error(code, field, message), a ValueError.
    nb::register_exception_translator([](const std::exception_ptr& p, void*) {
        try {
            std::rethrow_exception(p);
        } catch (const Error& e) {
            nb::object cls = nb::module_::import_("crmrules._error").attr("Error");
            nb::object err = cls(std::string(crm::to_string(e.code())), e.field(), e.message());
            PyErr_SetObject(cls.ptr(), err.ptr());
        }
    });

    nb::class_<crm::policy::PolicySet>(m, "PolicySet", "A validated policy set (read with crmrules.load_policy_set).")
        .def_prop_ro("company", [](const crm::policy::PolicySet& s) { return s.company; })
        .def_prop_ro("versions",
                     [](const crm::policy::PolicySet& s) {
                         std::vector<std::tuple<std::string, std::int64_t>> out;
                         for (const auto& v : s.versions) out.emplace_back(v.id, v.effective_from.serial());
                         return out;
                     })
        .def("to_json", [](const crm::policy::PolicySet& s) { return crm::io::write_policy_set(s); });

    nb::class_<crm::io::CreditAccount>(m, "CreditAccount", "An account's credit facts (read with crmrules.credit_account).")
        .def_prop_ro("account", [](const crm::io::CreditAccount& a) { return a.profile.account.value(); })
        .def_prop_ro("tier", [](const crm::io::CreditAccount& a) { return a.tier; })
        .def_prop_ro("segment", [](const crm::io::CreditAccount& a) { return a.segment; })
        .def_prop_ro("receivable_count", [](const crm::io::CreditAccount& a) { return a.receivables.size(); })
        .def("to_json", [](const crm::io::CreditAccount& a) { return crm::io::write_credit_account(a); });

    nb::class_<crm::credit::Order>(m, "Order", "An order to check (read with crmrules.order).")
        .def_prop_ro("id", [](const crm::credit::Order& o) { return o.id.value(); })
        .def_prop_ro("amount",
                     [](const crm::credit::Order& o) {
                         return std::make_tuple(o.amount.amount().to_string(), std::string(o.amount.currency().code()));
                     })
        .def("to_json", [](const crm::credit::Order& o) { return crm::io::write_order(o); });

    nb::class_<crm::io::ReceivablesLedger>(m, "ReceivablesLedger", "A receivables ledger (read with crmrules.receivables).")
        .def("__len__", [](const crm::io::ReceivablesLedger& l) { return l.receivables.size(); })
        .def("to_json", [](const crm::io::ReceivablesLedger& l) { return crm::io::write_receivables(l); });

    nb::class_<CheckResult>(m, "CheckResult")
        .def_prop_ro("outcome", [](const CheckResult& r) { return std::string(crm::to_string(r.decision.outcome())); })
        .def_prop_ro("policy_version", [](const CheckResult& r) { return r.policy_version; })
        .def("reasons", [](const CheckResult& r) { return reasons_of(r.decision); })
        .def("explain", [](const CheckResult& r, std::string_view lang) { return crm::explain(r.decision, lang_of(lang)); },
             "lang"_a)
        .def("explain_reason",
             [](const CheckResult& r, std::size_t i, std::string_view lang) {
                 const auto reasons = r.decision.reasons();
                 if (i >= reasons.size()) throw nb::index_error("no such reason");
                 return crm::explain(reasons[i], lang_of(lang));
             },
             "index"_a, "lang"_a)
        .def_prop_ro("request_lang", [](const CheckResult& r) { return r.lang == crm::Lang::en ? "en" : "zh"; })
        .def(
            "document",
            [](const CheckResult& r, std::string_view lang) {
                if (!r.document) throw nb::type_error("this decision has no answer document");
                return r.document(lang_of(lang));
            },
            "lang"_a);

    nb::class_<MonthlyReport>(m, "MonthlyReport")
        .def_prop_ro("request_lang", [](const MonthlyReport& r) { return std::string(r.lang == crm::Lang::en ? "en" : "zh"); })
        .def_prop_ro("year", [](const MonthlyReport& r) { return r.report->year; })
        .def_prop_ro("month", [](const MonthlyReport& r) { return r.report->month; })
        .def("render",
             [](const MonthlyReport& r, std::string_view lang, std::string_view format, bool wan) {
                 crm::report::RenderOptions options;
                 if (wan) options.unit = crm::report::Unit::wan;
                 const crm::report::Format f = report_format(format);
                 const crm::Lang l = lang_of(lang);
                 nb::gil_scoped_release unlocked;
                 return crm::report::render(*r.report, l, f, options);
             },
             "lang"_a, "format"_a, "wan"_a)
        .def("write_xlsx",
             [](const MonthlyReport& r, const std::string& path, std::string_view lang) {
                 const crm::Lang l = lang_of(lang);
                 nb::gil_scoped_release unlocked;
                 crm::io::write_report_xlsx(*r.report, l, path);
             },
             "path"_a, "lang"_a);
    m.def(
        "score",
        [](const crm::policy::PolicySet& set, nb::bytes text, std::string_view file, std::optional<std::string_view> lang) {
            nb::gil_scoped_release unlocked;  // text is kept alive by the caller's reference
            const crm::io::ScoreRequest request = crm::io::read_score_request(bytes_view(text), file);
            return crm::io::write_score(crm::io::score(set, request), lang ? lang_of(*lang) : request.lang);
        },
        "policy_set"_a, "text"_a, "file"_a, "lang"_a.none());
    m.def(
        "sla",
        [](const crm::policy::PolicySet& set, nb::bytes text, std::string_view file, std::optional<std::string_view> lang) {
            nb::gil_scoped_release unlocked;
            const crm::io::SlaRequest request = crm::io::read_sla_request(bytes_view(text), file);
            return crm::io::write_sla(crm::io::sla(set, request), lang ? lang_of(*lang) : request.lang);
        },
        "policy_set"_a, "text"_a, "file"_a, "lang"_a.none());
    m.def(
        "replay",
        [](const crm::policy::PolicySet& before, const crm::policy::PolicySet& after, nb::bytes text,
           std::string_view file, int threads, std::string_view lang) {
            const crm::Lang l = lang_of(lang);
            nb::gil_scoped_release unlocked;  // text is kept alive by the caller's reference
            const std::string_view history_text = bytes_view(text);
            const crm::replay::History history = crm::io::read_replay_history(history_text, file);
            try {
                return crm::io::write_replay(
                    crm::replay::replay(before, after, history, crm::replay::ReplayOptions{.threads = threads}), l);
            } catch (const crm::Error& e) {  // a field of the history: its pointer in the document
                if (!crm::io::names_history(e.field())) throw;
                throw crm::Error(e.code(), crm::io::history_pointer(e.field()), e.message());
            }
        },
        "before"_a, "after"_a, "text"_a, "file"_a, "threads"_a, "lang"_a);
    m.def(
        "pool",
        [](const crm::policy::PolicySet& set, nb::bytes text, std::string_view file,
           std::optional<std::int64_t> as_of, std::optional<std::string_view> lang) {
            return account_request(set, text, file, as_of, lang, [](const auto& s, const auto& request, crm::Lang l) {
                return crm::io::write_pool(crm::io::pool(s, request), l);
            });
        },
        "policy_set"_a, "text"_a, "file"_a, "as_of"_a.none(), "lang"_a.none());
    m.def(
        "visits",
        [](const crm::policy::PolicySet& set, nb::bytes text, std::string_view file,
           std::optional<std::int64_t> as_of, std::optional<std::string_view> lang) {
            return account_request(set, text, file, as_of, lang, [](const auto& s, const auto& request, crm::Lang l) {
                return crm::io::write_visits(crm::io::visits(s, request), l);
            });
        },
        "policy_set"_a, "text"_a, "file"_a, "as_of"_a.none(), "lang"_a.none());
    m.def("monthly_report", &monthly_report_request, "policy_set"_a, "text"_a, "file"_a, "as_of"_a.none());
    m.def("price", &price_request, "policy_set"_a, "text"_a, "file"_a, "as_of"_a.none());
    m.def("route", &route_request, "policy_set"_a, "text"_a, "file"_a);
    m.def("verify", &verify_request, "policy_set"_a, "text"_a, "file"_a);

    m.def("read_policy_set", [](nb::bytes text, std::string_view file) { return crm::io::read_policy_set(bytes_view(text), file); },
          "text"_a, "file"_a);
    m.def("read_credit_account", [](nb::bytes text, std::string_view file) { return crm::io::read_credit_account(bytes_view(text), file); },
          "text"_a, "file"_a);
    m.def("read_order", [](nb::bytes text, std::string_view file) { return crm::io::read_order(bytes_view(text), file); },
          "text"_a, "file"_a);
    m.def("read_receivables", [](nb::bytes text, std::string_view file) { return crm::io::read_receivables(bytes_view(text), file); },
          "text"_a, "file"_a);
    m.def("check_order", &check_order, "policy_set"_a, "account"_a, "order"_a, "as_of"_a);
    m.def("aging", &aging_rows, "ledger"_a, "as_of"_a, "buckets"_a.none(), "basis"_a, "by"_a);
    m.def("policy_buckets", &policy_buckets, "policy_set"_a, "as_of"_a);
    m.def("aging_arrow", &aging_arrow, "source"_a, "as_of"_a, "currency"_a, "buckets"_a.none(), "basis"_a, "threads"_a,
          "names"_a.none());
    m.def("score_arrow", &score_arrow, "policy_set"_a, "source"_a, "scorecard"_a.none(), "kpi"_a, "as_of"_a, "threads"_a);
    m.def("open_by_account_arrow", &open_by_account_arrow, "source"_a, "currency"_a, "threads"_a, "names"_a.none(),
          "as_arrow"_a);
    nb::class_<ArrowResult>(m, "ArrowResult", "A result as an Arrow record batch (the Arrow PyCapsule interface).")
        .def("__arrow_c_array__", &export_result, "requested_schema"_a = nb::none())
        .def("__len__", [](const ArrowResult& r) { return r.data->rows; });
}
