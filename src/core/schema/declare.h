// SPDX-License-Identifier: GPL-3.0-or-later
// How a stage declares its parameters, once. A stage's table (in its own folder, next to the
// code that uses the values) has one row per parameter: the schema entry (key, type, default,
// range, unit, label, copy group, help, and where the app shows it) bound to the field of the
// stage's params struct that receives it. Everything else is derived from the rows, in the
// spirit of libvips' VIPS_ARG_* declarations and darktable's params introspection:
//
//   schema() and `rangefinder-cli params`   the rows' ParamDecls, stage by stage
//   Params::from(EditDocument)              Table::read, each row converting its value
//   the pipeline's cache keys               the keys of every stage in a cache scope
//   hashes of a struct (the look's bake)    Table::hash over the rows of a part
//   "does this stage do anything?"          Table::active over the rows of a part
//   sidecars, --set, the GUI's controls     the ParamDecls, by key
//
// A table also carries its stage's version and the migrations from each older version, so a
// document written when a stage meant something else is brought to today's meaning on load.
#pragma once

#include <bit>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "rangefinder/params.h"

namespace rf::decl {

// FNV-1a over exact bit patterns: any change to a value gives a different hash, and +0/−0
// (which no stage tells apart) the same one.
class Hasher {
  public:
    void add(std::uint64_t v) {
        for (int i = 0; i < 8; ++i) {
            h_ ^= (v >> (8 * i)) & 0xff;
            h_ *= 0x100000001b3ull;
        }
    }
    void add(float v) { add(std::uint64_t(std::bit_cast<std::uint32_t>(v == 0 ? 0.f : v))); }
    void add(double v) { add(std::bit_cast<std::uint64_t>(v == 0 ? 0.0 : v)); }
    void add(const std::string& s) {
        add(std::uint64_t(s.size()));
        for (unsigned char c : s) add(std::uint64_t(c));
    }
    template <class T>
    requires(std::is_integral_v<T> || std::is_enum_v<T>) void add(T v) { add(std::uint64_t(v)); }
    std::uint64_t value() const { return h_; }

  private:
    std::uint64_t h_ = 0xcbf29ce484222325ull;
};

// ---- schema entries ----------------------------------------------------------------------

ParamDecl num(std::string key, double def, double lo, double hi, std::string unit,
              std::string label, ParamGroup g, std::string help);
ParamDecl integer(std::string key, double def, double lo, double hi, std::string unit,
                  std::string label, ParamGroup g, std::string help);
ParamDecl flag(std::string key, bool def, std::string label, ParamGroup g, std::string help);
ParamDecl choice(std::string key, std::string def, std::vector<std::string> choices,
                 std::string label, ParamGroup g, std::string help);
ParamDecl text(std::string key, std::string label, ParamGroup g, std::string help);

// ---- rows: a schema entry bound to a field ------------------------------------------------

/// A migration from `from` to from + 1, on a document that still holds the old meaning.
struct Migration {
    int from = 1;
    std::string what;  ///< one line for the changelog and the tests
    std::function<void(EditDocument&)> apply;
};

template <class P>
struct Row {
    ParamDecl decl;
    /// Stores the document's value into the struct; empty for a parameter no field holds
    /// (an instruction to the front ends, such as tone.auto).
    std::function<void(P&, const EditDocument&)> read;
    std::function<void(Hasher&, const P&)> hash;
    /// The value changes the picture by itself (not at its neutral value). Qualifiers (a
    /// pivot, a tint's hue, a LUT's encoding) never do: they only shape another row's effect.
    std::function<bool(const P&)> active;
    /// A part of the stage with its own identity or cache (the look's colour, vignette, grain).
    std::string part;

    /// Where the app shows it: a panel ("basic", "crop", "detail"), the heading it sits
    /// under there, and its order in the panel.
    Row at(std::string panel, std::string section, int order) && {
        decl.panel = std::move(panel);
        decl.section = std::move(section);
        decl.order = order;
        return std::move(*this);
    }
    /// A look file may set it (see ParamDecl::inLooks).
    Row inLooks() && {
        decl.inLooks = true;
        return std::move(*this);
    }
    Row in(std::string p) && {
        part = std::move(p);
        return std::move(*this);
    }
    Row qualifier() && {
        active = [](const P&) { return false; };
        return std::move(*this);
    }
    template <class F, class T>
    Row neutral(F field, T value) && {
        active = [field, value](const P& p) { return std::invoke(field, p) != value; };
        return std::move(*this);
    }
};

namespace detail {

template <class P, class F>
using FieldType = std::remove_cvref_t<std::invoke_result_t<F, P&>>;

}  // namespace detail

/// Binds a number, flag, text or string-valued choice to a field. Numbers are converted as
/// T(value / divisor): a percentage slider read into a fraction has divisor 100.
template <class P, class F>
Row<P> bind(ParamDecl d, F field, double divisor = 1) {
    using T = detail::FieldType<P, F>;
    Row<P> row;
    const std::string key = d.key;
    switch (d.type) {
        case ParamType::Float:
        case ParamType::Int:
            if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
                row.read = [key, field, divisor](P& p, const EditDocument& doc) {
                    std::invoke(field, p) = T(doc.getFloat(key) / divisor);
                };
                const T neutral = T(d.defaultValue / divisor);
                row.active = [field, neutral](const P& p) {
                    return std::invoke(field, p) != neutral;
                };
            } else {
                throw std::logic_error(key + ": a number needs a numeric field");
            }
            break;
        case ParamType::Bool:
            if constexpr (std::is_same_v<T, bool>) {
                row.read = [key, field](P& p, const EditDocument& doc) {
                    std::invoke(field, p) = doc.getBool(key);
                };
                const bool neutral = d.defaultValue != 0;
                row.active = [field, neutral](const P& p) {
                    return std::invoke(field, p) != neutral;
                };
            } else {
                throw std::logic_error(key + ": a flag needs a bool field");
            }
            break;
        case ParamType::Choice:
        case ParamType::Text:
            if constexpr (std::is_same_v<T, std::string>) {
                row.read = [key, field](P& p, const EditDocument& doc) {
                    std::invoke(field, p) = doc.getText(key);
                };
                const std::string neutral = d.defaultText;
                row.active = [field, neutral](const P& p) {
                    return std::invoke(field, p) != neutral;
                };
            } else {
                throw std::logic_error(key + ": text needs a string field");
            }
            break;
    }
    row.hash = [field](Hasher& h, const P& p) { h.add(std::invoke(field, p)); };
    row.decl = std::move(d);
    return row;
}

/// Binds a choice to an enum field: `values` in the order of the declaration's choices.
template <class P, class F, class E>
Row<P> bind(ParamDecl d, F field, std::vector<E> values) {
    static_assert(std::is_enum_v<E>);
    if (d.type != ParamType::Choice || values.size() != d.choices.size())
        throw std::logic_error(d.key + ": one enum value per choice");
    Row<P> row;
    const std::string key = d.key;
    const std::vector<std::string> names = d.choices;
    row.read = [key, field, names, values](P& p, const EditDocument& doc) {
        const std::string v = doc.getText(key);
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == v) std::invoke(field, p) = values[i];
    };
    E neutral = values.front();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == d.defaultText) neutral = values[i];
    row.active = [field, neutral](const P& p) { return std::invoke(field, p) != neutral; };
    row.hash = [field](Hasher& h, const P& p) { h.add(std::invoke(field, p)); };
    row.decl = std::move(d);
    return row;
}

/// A parameter whose conversion is its own (a parsed curve, quarter turns from degrees).
template <class P>
Row<P> custom(ParamDecl d, std::function<void(P&, const EditDocument&)> read,
              std::function<void(Hasher&, const P&)> hash, std::function<bool(const P&)> active) {
    Row<P> row;
    row.decl = std::move(d);
    row.read = std::move(read);
    row.hash = std::move(hash);
    row.active = std::move(active);
    return row;
}

/// A parameter no field of the stage holds: the front ends act on it before rendering.
template <class P>
Row<P> declared(ParamDecl d) {
    Row<P> row;
    row.decl = std::move(d);
    row.hash = [](Hasher&, const P&) {};
    row.active = [](const P&) { return false; };
    return row;
}

// ---- a stage's table ---------------------------------------------------------------------

/// What every table gives the schema, without its params type.
struct StageEntry {
    StageInfo info;
    std::vector<ParamDecl> params;
    std::vector<Migration> migrations;
    /// For a stage added after documents were first written (lens correction, noise
    /// reduction): what an edited document from before it existed means, as a migration
    /// "from version 0" (typically: the stage off, so the photo renders as it did). Stages as
    /// old as the format have none.
    std::optional<Migration> before;
};

/// Every stage's entry, in pipeline order (schema.cpp).
const std::vector<const StageEntry*>& stageEntries();

template <class P>
class Table {
  public:
    Table(std::string stage, int version, ParamScope scope, std::vector<Row<P>> rows,
          std::vector<Migration> migrations = {}, std::optional<Migration> before = {})
        : rows_(std::move(rows)) {
        entry_.info = {std::move(stage), version, scope};
        for (Row<P>& r : rows_) {
            r.decl.stage = entry_.info.name;
            r.decl.scope = scope;
            entry_.params.push_back(r.decl);
        }
        entry_.migrations = std::move(migrations);
        if (before && (before->from != 0 || !before->apply))
            throw std::logic_error(entry_.info.name + ": the migration from before it is from 0");
        entry_.before = std::move(before);
        bool stepwise = version >= 1 && entry_.migrations.size() == std::size_t(version - 1);
        for (std::size_t i = 0; stepwise && i < entry_.migrations.size(); ++i)
            stepwise = entry_.migrations[i].from == int(i) + 1 && entry_.migrations[i].apply;
        if (!stepwise)
            throw std::logic_error(entry_.info.name + ": one migration per version step");
    }

    const StageEntry& entry() const { return entry_; }
    const std::vector<Row<P>>& rows() const { return rows_; }

    /// The struct as the document sets it (defaults for keys it does not set).
    P read(const EditDocument& doc) const {
        P p;
        for (const Row<P>& r : rows_)
            if (r.read) r.read(p, doc);
        return p;
    }
    /// Exact hash of the fields of one part (all rows when `part` is empty).
    std::uint64_t hash(const P& p, std::string_view part = {}) const {
        Hasher h;
        for (const Row<P>& r : rows_)
            if (part.empty() || r.part == part) r.hash(h, p);
        return h.value();
    }
    /// True when a row of the part holds a value that changes the picture.
    bool active(const P& p, std::string_view part = {}) const {
        for (const Row<P>& r : rows_)
            if ((part.empty() || r.part == part) && r.active(p)) return true;
        return false;
    }

  private:
    std::vector<Row<P>> rows_;
    StageEntry entry_;
};

}  // namespace rf::decl
