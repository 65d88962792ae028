// SPDX-License-Identifier: GPL-3.0-or-later
// The documentation's examples are the files they show: docs/looks.md's example look file is
// the installed looks/leica-authentic.look, word for word, so re-tuning the look without the
// documentation (or the other way round) fails here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    EXPECT_TRUE(f) << "cannot read " << p;
    return std::string(std::istreambuf_iterator<char>(f), {});
}

/// The body of the first ```toml block after the heading `heading` (a whole line), or
/// "<no block>" when there is none.
std::string tomlBlockAfter(const std::string& markdown, const std::string& heading) {
    const std::size_t h = markdown.find("\n" + heading + "\n");
    if (h == std::string::npos) return "<no heading '" + heading + "'>";
    const std::string open = "\n```toml\n";
    const std::size_t start = markdown.find(open, h);
    if (start == std::string::npos) return "<no block>";
    const std::size_t body = start + open.size();
    const std::size_t end = markdown.find("\n```\n", body - 1);
    if (end == std::string::npos) return "<unterminated block>";
    return markdown.substr(body, end + 1 - body);
}

TEST(Docs, LooksMdExampleIsTheInstalledLeicaAuthenticLook) {
    const fs::path root = RF_SOURCE_DIR;
    const std::string doc = readText(root / "docs" / "looks.md");
    const std::string look = readText(root / "looks" / "leica-authentic.look");
    ASSERT_FALSE(look.empty());
    EXPECT_EQ(tomlBlockAfter(doc, "## A look file"), look)
        << "docs/looks.md's example under '## A look file' must be looks/leica-authentic.look "
           "as shipped; copy the file into the ```toml block";
}

TEST(Docs, TomlBlockExtractionFindsTheBlockAndNoticesItsAbsence) {
    const std::string md =
        "# T\n\n## A look file\n\ntext\n\n```toml\na = 1\n\nb = 2\n```\n\nmore\n";
    EXPECT_EQ(tomlBlockAfter(md, "## A look file"), "a = 1\n\nb = 2\n");
    EXPECT_EQ(tomlBlockAfter(md, "## Other"), "<no heading '## Other'>");
    EXPECT_EQ(tomlBlockAfter("## A look file\n", "## A look file"),
              "<no heading '## A look file'>");
    EXPECT_EQ(tomlBlockAfter("x\n## A look file\nno block\n", "## A look file"), "<no block>");
}

}  // namespace
