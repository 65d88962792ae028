// SPDX-License-Identifier: GPL-3.0-or-later
// From a render to the screen. The core renders display-encoded float RGB (sRGB unless asked
// otherwise); the screen wants 8-bit pixels. One parallel pass quantises the render into a
// QImage, counts its histogram (the render's own values, so it describes the photo, not the
// monitor), optionally marks clipped pixels in a second image, and — when the user has set a
// monitor profile — re-encodes the pixels for that monitor through the core's
// DisplayTransform. Nothing here is image processing of the photo: it is the last step of
// showing a finished render, and it runs on the render worker, never on the GUI thread.
#pragma once

#include <QImage>
#include <array>
#include <cstdint>
#include <vector>

#include "rangefinder/color.h"
#include "rangefinder/image.h"

namespace rf::gui {

/// 256-bin histograms of a display image's 8-bit values.
struct Histogram {
    enum Channel { Red, Green, Blue, Luminance };
    std::array<std::array<std::uint32_t, 256>, 4> bins{};
    std::uint64_t pixels = 0;
    bool empty() const { return pixels == 0; }
};

struct DisplayOptions {
    /// Re-encodes for the monitor; nullptr shows the render's values as they are (sRGB).
    const DisplayTransform* monitor = nullptr;
    /// Filled with the histogram of the render when given.
    Histogram* histogram = nullptr;
    /// When given, receives the image with blown highlights (a channel at 255) painted red
    /// and blocked shadows (every channel at 0) painted blue.
    QImage* clipping = nullptr;
};

/// The colours of the clipping warning.
inline constexpr QRgb kHighlightClipColor = 0xffff2020;
inline constexpr QRgb kShadowClipColor = 0xff2060ff;

/// A 3-channel render in [0, 1] as a QImage::Format_RGB32 image of the same size.
QImage toDisplayImage(const Image& rgb, const DisplayOptions& options = {});

/// The photo's embedded JPEG preview turned upright with the raw's EXIF orientation (1…8);
/// a null image when the bytes are empty or not an image. With `maxSize` > 0 it is decoded at
/// most that many pixels on its long edge — libjpeg scales while decoding, several times faster
/// than decoding in full (the library's thumbnails).
QImage decodePreview(const std::vector<std::uint8_t>& jpeg, int exifOrientation, int maxSize = 0);

/// Mean of a Format_RGB32 image's channels, 0…255 (for tests and the benchmark).
double meanLevel(const QImage& image);

}  // namespace rf::gui
