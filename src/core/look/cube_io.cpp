// SPDX-License-Identifier: GPL-3.0-or-later
// .cube files: the Adobe Cube LUT Specification 1.0 and DaVinci Resolve's variant (which spells
// the domain LUT_3D_INPUT_RANGE and may put a 1D shaper in front of the 3D table: LUT_1D_SIZE
// M and LUT_1D_INPUT_RANGE, its M entries before the table's). Keywords come first, in any
// order, then the entries, three floats each, the 3D table's N³ with red varying fastest. Numbers
// go through std::from_chars, so the reader does not depend on the locale (a German one would
// otherwise read "0.5" as 0). Every complaint names the file and the line, because people fix these
// files by hand in a text editor.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string_view>

#include "io/atomic_file.h"
#include "look_internal.h"
#include "rangefinder/error.h"
#include "rangefinder/lut.h"
#include "util/text.h"

namespace rf {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& source, std::size_t line, const std::string& reason) {
    throw Error(source + ":" + std::to_string(line) + ": " + reason);
}

// A token as it appears in a message: quoted, and cut short so a megabyte of garbage on one
// line does not become a megabyte of error message.
std::string quoted(std::string_view token) {
    constexpr std::size_t kMax = 40;
    std::string out(1, '\'');
    out.append(token.substr(0, kMax));
    if (token.size() > kMax) out.append("…");
    out.push_back('\'');
    return out;
}

std::string formatNumber(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

// Lines end in LF, CRLF or a lone CR; numbered as a text editor shows them.
class Lines {
  public:
    explicit Lines(std::string_view text) : text_(text) {}

    bool next(std::string_view& line) {
        if (pos_ >= text_.size()) return false;
        const std::size_t end = text_.find_first_of("\r\n", pos_);
        if (end == std::string_view::npos) {
            line = text_.substr(pos_);
            pos_ = text_.size();
        } else {
            line = text_.substr(pos_, end - pos_);
            pos_ = end + 1;
            if (text_[end] == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
        }
        ++number_;
        return true;
    }
    std::size_t number() const { return number_; }
    /// Where "the end of the file" is reported: the last line (line 1 of an empty file).
    std::size_t lastLine() const { return std::max<std::size_t>(number_, 1); }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t number_ = 0;
};

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && isBlank(s.front())) s.remove_prefix(1);
    while (!s.empty() && isBlank(s.back())) s.remove_suffix(1);
    return s;
}

std::string_view beforeComment(std::string_view line) {
    const std::size_t hash = line.find('#');
    return hash == std::string_view::npos ? line : line.substr(0, hash);
}

// Splits at blanks into `out` (at most `max` kept) and returns how many tokens there are.
int split(std::string_view s, std::string_view* out, int max) {
    int count = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && isBlank(s[i])) ++i;
        if (i == s.size()) break;
        const std::size_t start = i;
        while (i < s.size() && !isBlank(s[i])) ++i;
        if (count < max) out[count] = s.substr(start, i - start);
        ++count;
    }
    return count;
}

enum class NumberProblem { none, notANumber, notFinite, outOfRange };

template <class T>
NumberProblem parseNumber(std::string_view token, T& value) {
    const char* begin = token.data();
    const char* const end = begin + token.size();
    // from_chars refuses an explicit plus sign, which some writers emit.
    if (end - begin > 1 && *begin == '+' &&
        (begin[1] == '.' || (begin[1] >= '0' && begin[1] <= '9')))
        ++begin;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ptr != end || ec == std::errc::invalid_argument) return NumberProblem::notANumber;
    if (ec == std::errc::result_out_of_range) {
        // Too small to represent is zero for any colour purpose; too large is not a colour.
        long double wide = 0;
        const auto [wptr, wec] = std::from_chars(begin, end, wide);
        if (wec == std::errc() && wptr == end && std::fabs(wide) < 1) {
            value = T(wide);
            return NumberProblem::none;
        }
        return NumberProblem::outOfRange;
    }
    return std::isfinite(value) ? NumberProblem::none : NumberProblem::notFinite;
}

std::string describe(NumberProblem p, std::string_view token) {
    switch (p) {
        case NumberProblem::notANumber:
            return quoted(token) + " is not a number";
        case NumberProblem::notFinite:
            return quoted(token) + " is not a finite number (NaN and infinity are not colours)";
        case NumberProblem::outOfRange:
            return quoted(token) + " is too large for a 32-bit float";
        case NumberProblem::none:
            break;
    }
    return {};
}

// Numbers (including "nan" and "inf") start table lines; anything else starts a keyword.
bool looksLikeData(std::string_view token) {
    const char c = token.front();
    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') return true;
    float v;
    const NumberProblem p = parseNumber(token, v);
    return p == NumberProblem::none || p == NumberProblem::notFinite;
}

enum class Keyword {
    none,
    title,
    size3d,
    domainMin,
    domainMax,
    inputRange3d,
    size1d,
    inputRange1d
};

Keyword keywordOf(std::string_view token) {
    if (token == "TITLE") return Keyword::title;
    if (token == "LUT_3D_SIZE") return Keyword::size3d;
    if (token == "DOMAIN_MIN") return Keyword::domainMin;
    if (token == "DOMAIN_MAX") return Keyword::domainMax;
    if (token == "LUT_3D_INPUT_RANGE") return Keyword::inputRange3d;
    if (token == "LUT_1D_SIZE") return Keyword::size1d;
    if (token == "LUT_1D_INPUT_RANGE") return Keyword::inputRange1d;
    return Keyword::none;
}

// Everything the keywords said, with the line each came from (0: absent).
struct Header {
    std::string title;
    std::size_t titleLine = 0;
    int size = 0;
    std::size_t sizeLine = 0;
    Vec3 domainMin{0, 0, 0}, domainMax{1, 1, 1};
    std::size_t domainMinLine = 0, domainMaxLine = 0;
    double rangeMin = 0, rangeMax = 1;
    std::size_t rangeLine = 0;
    int size1d = 0;  ///< the shaper's entries (0: none)
    std::size_t size1dLine = 0;
    double range1dMin = 0, range1dMax = 1;
    std::size_t range1dLine = 0;
};

class CubeParser {
  public:
    CubeParser(std::string_view text, const std::string& source) : lines_(text), source_(source) {}

    Lut3D parse() {
        std::string_view line;
        while (lines_.next(line)) {
            std::string_view tok[4];
            const int n = split(beforeComment(line), tok, 4);
            if (n == 0) continue;
            if (const Keyword kw = keywordOf(tok[0]); kw != Keyword::none) {
                if (!lut_.empty())
                    fail(source_, lines_.number(),
                         std::string(tok[0]) + " after the table data: keywords come first");
                keyword(kw, line, tok, n);
                continue;
            }
            if (!looksLikeData(tok[0]))
                fail(source_, lines_.number(), "unknown keyword " + quoted(tok[0]));
            if (lut_.empty()) startTable(true);
            entry(tok, n);
        }
        if (lut_.empty()) startTable(false);
        if (found_ < expected_)
            fail(source_, lines_.lastLine(),
                 "too few entries: " + needs() + ", the file has " + std::to_string(found_));
        return std::move(lut_);
    }

  private:
    void once(std::size_t& seen, std::string_view name) {
        if (seen != 0)
            fail(source_, lines_.number(),
                 std::string(name) + " given twice (first on line " + std::to_string(seen) + ")");
        seen = lines_.number();
    }

    void count(std::string_view name, int n, int want) {
        static const char* const kHowMany[] = {"", "one number", "two numbers", "three numbers"};
        if (n != want)
            fail(source_, lines_.number(),
                 std::string(name) + " takes " + kHowMany[want] + ", this line has " +
                     std::to_string(n));
    }

    double number(std::string_view token) {
        double v = 0;
        const NumberProblem p = parseNumber(token, v);
        if (p != NumberProblem::none) fail(source_, lines_.number(), describe(p, token));
        return v;
    }

    void keyword(Keyword kw, std::string_view line, const std::string_view* tok, int n) {
        switch (kw) {
            case Keyword::title:
                once(h_.titleLine, "TITLE");
                h_.title = title(line);
                break;
            case Keyword::size3d:
                once(h_.sizeLine, "LUT_3D_SIZE");
                count(tok[0], n - 1, 1);
                h_.size = size(tok[1], "LUT_3D_SIZE", Lut3D::kMaxSize);
                break;
            case Keyword::domainMin:
            case Keyword::domainMax: {
                const bool isMin = kw == Keyword::domainMin;
                once(isMin ? h_.domainMinLine : h_.domainMaxLine, tok[0]);
                count(tok[0], n - 1, 3);
                Vec3& v = isMin ? h_.domainMin : h_.domainMax;
                for (int c = 0; c < 3; ++c) v[c] = number(tok[1 + c]);
                break;
            }
            case Keyword::inputRange3d:
                once(h_.rangeLine, tok[0]);
                count(tok[0], n - 1, 2);
                h_.rangeMin = number(tok[1]);
                h_.rangeMax = number(tok[2]);
                break;
            case Keyword::size1d:
                once(h_.size1dLine, "LUT_1D_SIZE");
                count(tok[0], n - 1, 1);
                h_.size1d = size(tok[1], "LUT_1D_SIZE", Lut3D::kMaxShaperSize);
                break;
            case Keyword::inputRange1d:
                once(h_.range1dLine, tok[0]);
                count(tok[0], n - 1, 2);
                h_.range1dMin = number(tok[1]);
                h_.range1dMax = number(tok[2]);
                break;
            case Keyword::none:
                break;
        }
    }

    // TITLE "text" (a '#' inside the quotes is part of the title); Resolve also accepts the
    // text without quotes.
    std::string title(std::string_view line) {
        std::string_view rest = trim(line);
        rest = trim(rest.substr(std::string_view("TITLE").size()));
        if (rest.empty() || rest.front() != '"') return std::string(trim(beforeComment(rest)));
        const std::size_t close = rest.find('"', 1);
        if (close == std::string_view::npos)
            fail(source_, lines_.number(), "TITLE's closing quote is missing");
        const std::string_view after = trim(rest.substr(close + 1));
        if (!after.empty() && after.front() != '#')
            fail(source_, lines_.number(),
                 "unexpected " + quoted(after) + " after TITLE's closing quote");
        return std::string(rest.substr(1, close - 1));
    }

    // Checked here, at the header line, so a file claiming 10⁴ points is refused before any
    // table is allocated or read.
    int size(std::string_view token, const char* keyword, int max) {
        int v = 0;
        const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
        if (ptr != token.data() + token.size() || ec == std::errc::invalid_argument)
            fail(source_, lines_.number(),
                 std::string(keyword) + " must be a whole number, not " + quoted(token));
        std::string shown = keyword;
        shown += ' ';
        shown.append(token.substr(0, 40));
        const bool negative = token.front() == '-';
        if ((ec == std::errc::result_out_of_range && !negative) || v > max)
            fail(source_, lines_.number(), shown + " is larger than " + std::to_string(max));
        if (ec == std::errc::result_out_of_range || v < 2)
            fail(source_, lines_.number(), shown + " is smaller than 2");
        return v;
    }

    // The header is complete: check it as a whole and allocate the table. `atData` tells
    // whether a table line was reached (reported there) or the file ended (reported at its end).
    void startTable(bool atData) {
        const std::size_t here = atData ? lines_.number() : lines_.lastLine();
        if (h_.size1dLine != 0 && h_.sizeLine == 0)
            fail(source_, h_.size1dLine,
                 "1D LUTs (LUT_1D_SIZE) are not supported on their own; only 3D LUTs "
                 "(LUT_3D_SIZE), with or without a 1D shaper, are");
        if (h_.range1dLine != 0 && h_.size1dLine == 0)
            fail(source_, h_.range1dLine, "LUT_1D_INPUT_RANGE without LUT_1D_SIZE");
        if (h_.range1dLine != 0 && !(h_.range1dMin < h_.range1dMax))
            fail(source_, h_.range1dLine,
                 "LUT_1D_INPUT_RANGE's minimum must be below its maximum; it is " +
                     formatNumber(h_.range1dMin) + " … " + formatNumber(h_.range1dMax));
        if (h_.sizeLine == 0)
            fail(source_, here,
                 atData ? "table data before LUT_3D_SIZE" : "no LUT_3D_SIZE: not a 3D .cube LUT");

        Vec3 lo = h_.domainMin, hi = h_.domainMax;
        std::size_t domainLine = std::max(h_.domainMinLine, h_.domainMaxLine);
        if (h_.rangeLine != 0) {
            const Vec3 rlo{h_.rangeMin, h_.rangeMin, h_.rangeMin};
            const Vec3 rhi{h_.rangeMax, h_.rangeMax, h_.rangeMax};
            if ((h_.domainMinLine != 0 && lo != rlo) || (h_.domainMaxLine != 0 && hi != rhi))
                fail(source_, std::max(domainLine, h_.rangeLine),
                     "LUT_3D_INPUT_RANGE disagrees with DOMAIN_MIN / DOMAIN_MAX");
            lo = rlo, hi = rhi;
            domainLine = std::max(domainLine, h_.rangeLine);
        }
        if (h_.size1d != 0 &&
            (lo[0] != lo[1] || lo[0] != lo[2] || hi[0] != hi[1] || hi[0] != hi[2]))
            fail(source_, domainLine,
                 "a file with a 1D shaper gives its 3D table one input range for all three "
                 "channels (LUT_3D_INPUT_RANGE), not a DOMAIN_MIN / DOMAIN_MAX per channel");
        static const char* const kChannel[3] = {"red", "green", "blue"};
        for (int c = 0; c < 3; ++c)
            if (!(lo[c] < hi[c]))
                fail(source_, domainLine,
                     std::string("the domain's minimum must be below its maximum; in ") +
                         kChannel[c] + " it is " + formatNumber(lo[c]) + " … " +
                         formatNumber(hi[c]));

        lut_ = Lut3D(h_.size);
        lut_.domainMin = lo;
        lut_.domainMax = hi;
        lut_.title = h_.title.empty() ? fs::path(source_).stem().string() : h_.title;
        if (h_.size1d != 0) {
            lut_.shaper.assign(std::size_t(3) * std::size_t(h_.size1d), 0.0f);
            lut_.shaperMin = h_.range1dMin;
            lut_.shaperMax = h_.range1dMax;
        }
        shaperEntries_ = std::size_t(h_.size1d);
        expected_ =
            shaperEntries_ + std::size_t(h_.size) * std::size_t(h_.size) * std::size_t(h_.size);
    }

    // "LUT_3D_SIZE 2 needs 8", or with a shaper "LUT_1D_SIZE 4 and LUT_3D_SIZE 2 need 12 (4 + 8)".
    std::string needs() const {
        const std::string grid = "LUT_3D_SIZE " + std::to_string(h_.size);
        if (shaperEntries_ == 0) return grid + " needs " + std::to_string(expected_);
        return "LUT_1D_SIZE " + std::to_string(h_.size1d) + " and " + grid + " need " +
               std::to_string(expected_) + " (" + std::to_string(shaperEntries_) + " + " +
               std::to_string(expected_ - shaperEntries_) + ")";
    }

    void entry(const std::string_view* tok, int n) {
        if (found_ == expected_) {
            const std::size_t first = lines_.number();
            std::size_t total = found_ + 1;
            std::string_view line;
            while (lines_.next(line)) {
                std::string_view ignored[1];
                if (split(beforeComment(line), ignored, 1) > 0) ++total;
            }
            fail(source_, first,
                 "too many entries: " + needs() + ", the file has " + std::to_string(total) +
                     " (the first extra one is on this line)");
        }
        if (n != 3)
            fail(source_, lines_.number(),
                 "a table entry is three numbers (red, green, blue); this line has " +
                     std::to_string(n));
        float* out = found_ < shaperEntries_ ? lut_.shaper.data() + 3 * found_
                                             : lut_.data().data() + 3 * (found_ - shaperEntries_);
        for (int c = 0; c < 3; ++c) {
            const NumberProblem p = parseNumber(tok[c], out[c]);
            if (p != NumberProblem::none) fail(source_, lines_.number(), describe(p, tok[c]));
        }
        ++found_;
    }

    Lines lines_;
    const std::string& source_;
    Header h_;
    Lut3D lut_;
    std::size_t shaperEntries_ = 0, expected_ = 0, found_ = 0;
};

void appendNumber(std::string& out, float v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

// Shortest representations that read back as the same float: exact round trips.
void appendTriples(std::string& out, const std::vector<float>& data) {
    for (std::size_t i = 0; i + 2 < data.size(); i += 3) {
        appendNumber(out, data[i]);
        out += ' ';
        appendNumber(out, data[i + 1]);
        out += ' ';
        appendNumber(out, data[i + 2]);
        out += '\n';
    }
}

// What a file that is not a regular one is, for the message refusing it.
std::string fileKind(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a plain file";
}

std::string notRegular(mode_t mode) {
    return "is not a regular file (it is " + fileKind(mode) + "); a LUT must be a file";
}

// "a .cube LUT" → "far larger than any .cube LUT; a .cube LUT file may be at most 64 MB".
std::string tooLarge(std::uintmax_t bytes, std::uintmax_t maxBytes, const char* kind) {
    const std::string noun = std::string_view(kind).starts_with("a ") ? kind + 2 : kind;
    return "is " + std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB, far larger than any " +
           noun + "; " + kind + " file may be at most " + std::to_string(maxBytes >> 20) + " MB";
}

std::uintmax_t capFor(const std::string& path, const char*& kind) {
    const std::string ext = asciiLower(fs::path(path).extension().string());
    if (ext == ".cube") {
        kind = "a .cube LUT";
        return look::kMaxCubeFileBytes;
    }
    if (ext == ".png" || ext == ".tif" || ext == ".tiff") {
        kind = "a Hald CLUT image";
        return look::kMaxHaldFileBytes;
    }
    kind = "";
    return 0;
}

}  // namespace

namespace look {

std::string lutFileProblem(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return errno == ENOENT ? std::string("does not exist")
                               : std::string("cannot be read: ") + std::strerror(errno);
    if (!S_ISREG(st.st_mode)) return notRegular(st.st_mode);
    const char* kind = "";
    const std::uintmax_t cap = capFor(path, kind);
    if (cap && std::uintmax_t(st.st_size) > cap)
        return tooLarge(std::uintmax_t(st.st_size), cap, kind);
    return "";
}

std::string readLutFileBytes(const std::string& path, std::uintmax_t maxBytes, const char* kind) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        const int err = errno;
        throw Error(path, std::string("cannot open: ") + std::strerror(err), err);
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    // The file opened, not whatever the name points to a moment later.
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        throw Error(path, std::string("cannot read: ") + std::strerror(errno));
    if (!S_ISREG(st.st_mode)) throw Error(path, notRegular(st.st_mode));
    if (std::uintmax_t(st.st_size) > maxBytes)
        throw Error(path, tooLarge(std::uintmax_t(st.st_size), maxBytes, kind));
    std::string bytes;
    bytes.reserve(std::size_t(st.st_size));
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw Error(path, std::string("cannot read: ") + std::strerror(errno));
        if (n == 0) break;
        bytes.append(buf, std::size_t(n));
        if (bytes.size() > maxBytes)
            throw Error(path, std::string("grew past the ") + std::to_string(maxBytes >> 20) +
                                  " MB " + kind + " file may be while it was read");
    }
    return bytes;
}

}  // namespace look

Lut3D parseCube(const std::string& text, const std::string& source) {
    std::string_view body(text);
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);  // UTF-8 byte order mark
    return CubeParser(body, source).parse();
}

Lut3D readCube(const std::string& path) {
    return parseCube(look::readLutFileBytes(path, look::kMaxCubeFileBytes, "a .cube LUT"), path);
}

std::string formatCube(const Lut3D& lut, const std::vector<std::string>& comments) {
    if (lut.empty()) throw Error("cannot write an empty LUT as .cube");
    const int shaperN = lut.shaperSize();
    if (!lut.shaper.empty() && (shaperN < 2 || shaperN > Lut3D::kMaxShaperSize ||
                                lut.shaper.size() % 3 != 0 || !(lut.shaperMin < lut.shaperMax)))
        throw Error("cannot write a 1D shaper of " + std::to_string(lut.shaper.size()) +
                    " values over " + formatNumber(lut.shaperMin) + " … " +
                    formatNumber(lut.shaperMax) + " as .cube");
    if (shaperN && (lut.domainMin[0] != lut.domainMin[1] || lut.domainMin[0] != lut.domainMin[2] ||
                    lut.domainMax[0] != lut.domainMax[1] || lut.domainMax[0] != lut.domainMax[2]))
        throw Error(
            "cannot write a LUT with a shaper and a different domain per channel as .cube "
            "(LUT_3D_INPUT_RANGE is one range for all three)");
    std::vector<std::string> commentLines = comments;
    // Readers of Resolve's shaper files refuse TITLE: the title goes into a comment.
    if (shaperN && !lut.title.empty()) commentLines.push_back("Title: " + lut.title);
    std::string out;
    out.reserve((lut.data().size() + lut.shaper.size()) * 12 + 512);
    for (const std::string& comment : commentLines) {
        Lines lines(comment);
        std::string_view line;
        bool any = false;
        while (lines.next(line)) {
            out += line.empty() ? "#" : "# ";
            out.append(line);
            out += '\n';
            any = true;
        }
        if (!any) out += "#\n";
    }
    if (shaperN) {
        const auto keyword = [&](const char* name, const std::string& a, const std::string& b) {
            out += name;
            out += ' ';
            out += a;
            if (!b.empty()) {
                out += ' ';
                out += b;
            }
            out += '\n';
        };
        keyword("LUT_1D_SIZE", std::to_string(shaperN), "");
        keyword("LUT_1D_INPUT_RANGE", formatNumber(lut.shaperMin), formatNumber(lut.shaperMax));
        keyword("LUT_3D_SIZE", std::to_string(lut.size()), "");
        keyword("LUT_3D_INPUT_RANGE", formatNumber(lut.domainMin[0]),
                formatNumber(lut.domainMax[0]));
        appendTriples(out, lut.shaper);
        appendTriples(out, lut.data());
        return out;
    }
    if (!lut.title.empty()) {
        // .cube has no escapes: a quote or a line break would end the title early.
        std::string title = lut.title;
        std::replace(title.begin(), title.end(), '"', '\'');
        std::replace(title.begin(), title.end(), '\n', ' ');
        std::replace(title.begin(), title.end(), '\r', ' ');
        out += "TITLE \"" + title + "\"\n";
    }
    out += "LUT_3D_SIZE ";
    out += std::to_string(lut.size());
    out += '\n';
    for (const auto& [name, v] :
         {std::pair{"DOMAIN_MIN", lut.domainMin}, std::pair{"DOMAIN_MAX", lut.domainMax}}) {
        out += name;
        for (int c = 0; c < 3; ++c) {
            out += ' ';
            out += formatNumber(v[c]);
        }
        out += "\n";
    }
    appendTriples(out, lut.data());
    return out;
}

void writeCube(const std::string& path, const Lut3D& lut,
               const std::vector<std::string>& comments) {
    if (lut.empty()) throw Error(path, "cannot write an empty LUT");
    writeFileAtomically(path, formatCube(lut, comments));
}

Lut3D readLut(const std::string& path) {
    // Before the extension: /dev/zero has none, but a link named zero.cube could lead there.
    if (const std::string why = look::lutFileProblem(path); !why.empty()) throw Error(path, why);
    const std::string ext = asciiLower(fs::path(path).extension().string());
    if (ext == ".cube") return readCube(path);
    if (ext == ".png" || ext == ".tif" || ext == ".tiff") return readHaldClut(path);
    throw Error(path, "not a LUT file: a LUT is a .cube, or a Hald CLUT in a .png, .tif or .tiff");
}

}  // namespace rf
