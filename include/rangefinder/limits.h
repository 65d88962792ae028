// SPDX-License-Identifier: GPL-3.0-or-later
// Resource limits for untrusted input. Every file Rangefinder reads — raws, XMP sidecars,
// edit documents, looks, LUTs — may come from anywhere, and a header can claim anything: a
// 60000 × 40000 sensor in a 2 KB file, a sidecar nested a million elements deep. Each reader
// checks what a file claims against these limits before it allocates or recurses, and refuses
// with an rf::Error naming the file and the limit. The limits are far above any real file.
//
// The process holds one set (resourceLimits()), read by the decoder and the sidecar and edit
// document readers. It starts from the built-in defaults with the environment's overrides
// (RANGEFINDER_MAX_MEGAPIXELS, RANGEFINDER_MAX_MEMORY); a front end may replace it at start-up
// (the command line's --max-megapixels and --max-memory). docs/security.md lists them all.
// Look files and .cube LUTs keep their own fixed limits (looks.h, lut.h).
#pragma once

#include <cstdint>
#include <string>

namespace rf {

inline constexpr std::int64_t kMiB = std::int64_t(1) << 20;
inline constexpr std::int64_t kGiB = std::int64_t(1) << 30;

/// The built-in memory limit for decoding one raw: three quarters of the machine's physical
/// memory (4 GiB when it cannot be read), so a file the machine cannot hold is refused rather
/// than swapped or killed by the kernel.
std::int64_t defaultDecodeMemoryLimit();

struct ResourceLimits {
    /// Raws: the largest sensor, in pixels, that is decoded at all (masked borders
    /// included). Real cameras reach 150 MP, pixel-shift composites about 400 MP.
    std::int64_t maxPixels = 500'000'000;
    /// Raws: the largest estimated working memory of one photo, in bytes — LibRaw's buffer,
    /// the mosaic, the developed image and the output (about 42 bytes per pixel for a Bayer
    /// sensor, see decodeMemoryEstimate()). Checked per photo; a batch decodes one per job.
    std::int64_t maxDecodeBytes = defaultDecodeMemoryLimit();
    /// XMP sidecars: the largest file read (real ones are a few KB; a long edit history
    /// some hundred KB).
    std::int64_t maxSidecarBytes = 16 * kMiB;
    /// XMP sidecars: the deepest element nesting accepted (real ones nest about 12 deep).
    /// Checked by a scan of the text before the XMP parser, which recurses per level.
    int maxXmpDepth = 100;
    /// Edit documents and edit histories (JSON, in files or sidecars): the largest text.
    std::int64_t maxEditDocumentBytes = 16 * kMiB;
    /// Edit documents and histories: the deepest nesting of JSON arrays and objects (our
    /// own documents nest 4 deep; unknown keys from other versions are kept verbatim).
    int maxJsonDepth = 100;
};

/// The process's limits. Thread-safe. The first call reads the environment
/// (limitsFromEnvironment(); a malformed variable leaves that limit at its default).
ResourceLimits resourceLimits();
/// Replaces the process's limits (a front end, at start-up). Thread-safe.
void setResourceLimits(const ResourceLimits& limits);

/// `base` with the environment's overrides: RANGEFINDER_MAX_MEGAPIXELS (a number of
/// megapixels, "500" or "0.5") and RANGEFINDER_MAX_MEMORY (a size, see parseByteSize()).
/// Throws rf::Error naming the variable when one is malformed.
ResourceLimits limitsFromEnvironment(ResourceLimits base = {});

/// A size as a person writes it: "4GiB", "4G", "512MiB", "512M", "512k", "1048576" (bytes).
/// Suffixes are binary (K = 1024) and case-insensitive; a fraction is allowed ("1.5G").
/// Throws rf::Error for anything else, zero or negative sizes included.
std::int64_t parseByteSize(const std::string& text);

/// A byte count for messages: "512 bytes", "16.0 MiB", "4.0 GiB".
std::string byteSizeText(std::int64_t bytes);

/// The working memory the pipeline needs for one raw at full size, from the sizes in its
/// header: LibRaw's unpacked data (2 bytes per sample of the raw area, a 3- or 4-sample
/// layout when the file is not a colour filter mosaic), LibRaw's interpolation buffer for
/// mosaics it demosaics itself, and, per visible pixel, the float mosaic (1 channel for a
/// plain Bayer sensor, else 3), a working copy, the developed image and the output (3
/// channels each).
std::int64_t decodeMemoryEstimate(std::int64_t rawWidth, std::int64_t rawHeight, std::int64_t width,
                                  std::int64_t height, bool plainBayer, int rawSamplesPerPixel);

}  // namespace rf
