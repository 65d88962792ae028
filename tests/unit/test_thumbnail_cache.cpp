// SPDX-License-Identifier: GPL-3.0-or-later
// The developed thumbnails' disk cache: a key changes with everything the picture depends on
// (the edits as the pipeline sees them, the raw's identity, the size) and nothing else; an entry
// reads back as stored; a damaged entry or another key's is never handed out; the folder stays
// under its cap, the least recently used entries going first; an unwritable folder is an
// rf::Error naming it; the folder follows XDG_CACHE_HOME.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "rangefinder/error.h"
#include "rangefinder/lut.h"
#include "rangefinder/params.h"
#include "rangefinder/thumbnail_cache.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using rf::EditDocument;
using rf::ThumbnailCache;
using rf::thumbnailKey;

namespace {

void writeBytes(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

class ThumbnailCacheTest : public ::testing::Test {
  protected:
    void SetUp() override { writeBytes(raw, "not really a raw, but a file with an identity"); }
    rf::test::TempDir dir{"thumbnail-cache"};
    fs::path raw = dir.path() / "IMG_0001.CR2";
    std::string cacheDir = dir.str("cache");
};

}  // namespace

TEST_F(ThumbnailCacheTest, TheKeyFollowsTheEditsAsThePipelineSeesThem) {
    EditDocument none;
    const auto plain = thumbnailKey(raw.string(), none, 256);
    EXPECT_EQ(plain.text, thumbnailKey(raw.string(), none, 256).text);
    EXPECT_EQ(plain.fileName, thumbnailKey(raw.string(), none, 256).fileName);
    EXPECT_TRUE(plain.fileName.ends_with(".thumb"));

    EditDocument brighter;
    brighter.setFloat("exposure.ev", 1.0);
    const auto b = thumbnailKey(raw.string(), brighter, 256);
    EXPECT_NE(b.fileName, plain.fileName);
    brighter.setFloat("exposure.ev", 1.5);
    EXPECT_NE(thumbnailKey(raw.string(), brighter, 256).fileName, b.fileName);

    EditDocument cropped;
    cropped.setFloat("crop.right", 0.5);
    EXPECT_NE(thumbnailKey(raw.string(), cropped, 256).fileName, plain.fileName);

    // A value set to what it is by default renders the same: the same picture, the same key.
    EditDocument explicitDefault;
    explicitDefault.setFloat("exposure.ev", 0.0);
    EXPECT_EQ(thumbnailKey(raw.string(), explicitDefault, 256).fileName, plain.fileName);

    // Another size is another picture.
    EXPECT_NE(thumbnailKey(raw.string(), none, 512).fileName, plain.fileName);

    // The file's part is the same for all of them.
    EXPECT_EQ(b.file, plain.file);
    EXPECT_EQ(thumbnailKey(raw.string(), cropped, 512).file, plain.file);
    EXPECT_NE(plain.file.find(fs::canonical(raw).string()), std::string::npos);
}

TEST_F(ThumbnailCacheTest, TheKeyFollowsTheContentOfTheLooksLutFile) {
    // A learned look saved again over itself keeps its LUT's name and changes its content:
    // the thumbnails of photos with that look must be developed again.
    const fs::path lut = dir.path() / "learned.cube";
    const auto writeLut = [&](double gain) {
        rf::Lut3D cube(2);
        for (int b = 0; b < 2; ++b)
            for (int g = 0; g < 2; ++g)
                for (int r = 0; r < 2; ++r) cube.at(r, g, b)[0] = float(r * gain);
        rf::writeCube(lut.string(), cube);
    };
    writeLut(1.0);
    EditDocument look;
    look.setText("look.lut.file", lut.string());
    const auto before = thumbnailKey(raw.string(), look, 256);
    EXPECT_EQ(thumbnailKey(raw.string(), look, 256).fileName, before.fileName);

    fs::last_write_time(lut, fs::last_write_time(lut) - std::chrono::seconds(60));
    const auto settled = thumbnailKey(raw.string(), look, 256);
    writeLut(0.5);
    EXPECT_NE(thumbnailKey(raw.string(), look, 256).fileName, settled.fileName);
}

TEST_F(ThumbnailCacheTest, TheKeyFollowsTheFilesIdentity) {
    const auto before = thumbnailKey(raw.string(), {}, 256);
    // The same file reached through a link is the same photo.
    fs::create_symlink(raw, dir.path() / "link.CR2");
    EXPECT_EQ(thumbnailKey(dir.str("link.CR2"), {}, 256).text, before.text);
    // Rewritten (a new modification time), or another file at the name: another key.
    fs::last_write_time(raw, fs::last_write_time(raw) + std::chrono::seconds(5));
    const auto touched = thumbnailKey(raw.string(), {}, 256);
    EXPECT_NE(touched.fileName, before.fileName);
    EXPECT_NE(touched.file, before.file);
    const auto time = fs::last_write_time(raw);
    writeBytes(raw, "a different file of another length");
    fs::last_write_time(raw, time);
    EXPECT_NE(thumbnailKey(raw.string(), {}, 256).fileName, touched.fileName);

    try {
        thumbnailKey(dir.str("missing.CR2"), {}, 256);
        FAIL() << "no key for a file that is not there";
    } catch (const rf::Error& e) {
        EXPECT_EQ(e.file(), dir.str("missing.CR2"));
    }
}

TEST_F(ThumbnailCacheTest, AnEntryReadsBackAsStored) {
    ThumbnailCache cache(cacheDir);
    const auto key = thumbnailKey(raw.string(), {}, 256);
    EXPECT_FALSE(cache.load(key)) << "nothing stored yet, and no folder";
    std::string bytes = "\xff\xd8 a picture";
    bytes.push_back('\0');
    bytes += "with a zero byte inside";
    cache.store(key, bytes);
    EXPECT_TRUE(fs::exists(fs::path(cacheDir) / key.fileName));
    ASSERT_TRUE(cache.load(key));
    EXPECT_EQ(*cache.load(key), bytes);
    cache.store(key, "replaced");
    EXPECT_EQ(cache.load(key).value_or(""), "replaced");
    cache.remove(key);
    EXPECT_FALSE(cache.load(key));
}

TEST_F(ThumbnailCacheTest, ADamagedEntryIsNeverHandedOutAndIsDeleted) {
    ThumbnailCache cache(cacheDir);
    const auto key = thumbnailKey(raw.string(), {}, 256);
    const fs::path file = fs::path(cacheDir) / key.fileName;
    const std::string picture(2000, 'p');
    cache.store(key, picture);
    const std::string good = readBytes(file);

    // Cut short (a crash of a program without atomic writes, a full disk, a copy).
    writeBytes(file, good.substr(0, good.size() - 10));
    EXPECT_FALSE(cache.load(key));
    EXPECT_FALSE(fs::exists(file)) << "a damaged entry is deleted";

    // One byte of the picture changed.
    std::string flipped = good;
    flipped[flipped.size() - 100] ^= 0x40;
    writeBytes(file, flipped);
    EXPECT_FALSE(cache.load(key));
    EXPECT_FALSE(fs::exists(file));

    // Not an entry at all; empty.
    writeBytes(file, "garbage");
    EXPECT_FALSE(cache.load(key));
    writeBytes(file, "");
    EXPECT_FALSE(cache.load(key));

    // Longer than it says.
    writeBytes(file, good + "trailing");
    EXPECT_FALSE(cache.load(key));

    writeBytes(file, good);
    EXPECT_EQ(cache.load(key).value_or(""), picture) << "the intact entry still reads";
}

TEST_F(ThumbnailCacheTest, AnotherKeysEntryIsAMiss) {
    ThumbnailCache cache(cacheDir);
    const auto a = thumbnailKey(raw.string(), {}, 256);
    EditDocument edited;
    edited.setFloat("exposure.ev", 1);
    const auto b = thumbnailKey(raw.string(), edited, 256);
    cache.store(a, "picture of a");
    // As if b's name collided with a's: its file holds a's entry.
    fs::copy_file(fs::path(cacheDir) / a.fileName, fs::path(cacheDir) / b.fileName);
    EXPECT_FALSE(cache.load(b));
    EXPECT_EQ(cache.load(a).value_or(""), "picture of a");
}

TEST_F(ThumbnailCacheTest, TheFolderStaysUnderItsCapLeastRecentlyUsedFirst) {
    constexpr int kEntries = 30;
    const std::string picture(1000, 'x');
    ThumbnailCache cache(cacheDir, 10'000);
    std::vector<rf::ThumbnailKey> keys;
    const auto start = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (int i = 0; i < kEntries; ++i) {
        keys.push_back(thumbnailKey(raw.string(), {}, 100 + i));
        cache.store(keys.back(), picture);
        // Stored in order, a minute apart.
        fs::last_write_time(fs::path(cacheDir) / keys.back().fileName,
                            start + std::chrono::minutes(i));
        if (i == 3) {
            // The fourth is used again later than all the others were stored.
            EXPECT_TRUE(cache.load(keys[3]));
        }
        EXPECT_LE(cache.sizeOnDisk(), cache.maxBytes()) << "after " << i + 1 << " entries";
    }
    EXPECT_GT(cache.sizeOnDisk(), cache.maxBytes() / 2) << "pruned to the cap, not emptied";
    EXPECT_FALSE(cache.load(keys[0])) << "the oldest went";
    EXPECT_TRUE(cache.load(keys[kEntries - 1])) << "the newest stayed";

    // Pruning by hand, in a folder filled without a cap: the least recently used go first.
    const std::string fullDir = dir.str("full");
    ThumbnailCache full(fullDir, std::int64_t(1) << 30);
    for (int i = 0; i < kEntries; ++i) {
        full.store(keys[std::size_t(i)], picture);
        fs::last_write_time(fs::path(fullDir) / keys[std::size_t(i)].fileName,
                            start + std::chrono::minutes(i));
    }
    ASSERT_TRUE(full.load(keys[0]));  // used now: the most recent of all
    ThumbnailCache smaller(fullDir, 5'000);
    EXPECT_GT(smaller.prune(), 0);
    EXPECT_LE(smaller.sizeOnDisk(), 5'000);
    EXPECT_TRUE(smaller.load(keys[0])) << "used last, so kept";
    EXPECT_FALSE(smaller.load(keys[1]));
    EXPECT_TRUE(smaller.load(keys[kEntries - 1]));

    // Files that are not entries are not the cache's to delete.
    writeBytes(fs::path(fullDir) / "notes.txt", std::string(20'000, 'n'));
    ThumbnailCache(fullDir, 1).prune();
    EXPECT_TRUE(fs::exists(fs::path(fullDir) / "notes.txt"));
    EXPECT_EQ(ThumbnailCache(fullDir).sizeOnDisk(), 0);
}

TEST_F(ThumbnailCacheTest, AnUnwritableFolderIsAnErrorNamingIt) {
    // A folder that cannot be made (a file is in the way: refused even for root).
    writeBytes(dir.path() / "file", "x");
    ThumbnailCache cache(dir.str("file") + "/thumbnails");
    const auto key = thumbnailKey(raw.string(), {}, 256);
    try {
        cache.store(key, "picture");
        FAIL() << "stored into a folder that cannot exist";
    } catch (const rf::Error& e) {
        EXPECT_NE(std::string(e.what()).find(dir.str("file") + "/thumbnails"), std::string::npos)
            << e.what();
    }
    EXPECT_FALSE(cache.load(key));
}

TEST(ThumbnailCacheDir, FollowsXdgCacheHome) {
    {
        rf::test::ScopedEnv xdg("XDG_CACHE_HOME", "/tmp/xdg-cache");
        EXPECT_EQ(ThumbnailCache::defaultDir(), "/tmp/xdg-cache/rangefinder/thumbnails");
    }
    {
        rf::test::ScopedEnv xdg("XDG_CACHE_HOME", nullptr);
        rf::test::ScopedEnv home("HOME", "/home/someone");
        EXPECT_EQ(ThumbnailCache::defaultDir(), "/home/someone/.cache/rangefinder/thumbnails");
        rf::test::ScopedEnv relative("XDG_CACHE_HOME", "relative/path");
        EXPECT_EQ(ThumbnailCache::defaultDir(), "/home/someone/.cache/rangefinder/thumbnails")
            << "the XDG spec ignores relative paths";
    }
}
