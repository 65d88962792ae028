// SPDX-License-Identifier: GPL-3.0-or-later
// Geometry: the camera's EXIF orientation, the user's quarter turns and flips, a straighten
// angle, and a crop. The crop is stored normalised ([0, 1] of the oriented, straightened
// image) so it survives any render scale; an aspect ratio constrains it to the largest
// centred rectangle of that ratio inside the crop rectangle. Straightening rotates about the
// centre and trims to the largest rectangle with the original aspect that holds no empty
// corner.
//
// Invalid parameters (crop edges outside [0, 1], left ≥ right, top ≥ bottom, a frame under
// one pixel, an unknown aspect, |angle| > 45°) throw rf::Error naming the problem.
#pragma once

#include <string>

#include "rangefinder/image.h"
#include "rangefinder/parallel.h"
#include "rangefinder/params.h"

namespace rf {

struct GeometryParams {
    int quarterTurns = 0;  ///< clockwise, 0..3, on top of the EXIF orientation
    bool flipH = false, flipV = false;
    double angleDeg = 0;  ///< straighten, −45 … +45, positive = counter-clockwise
    double cropLeft = 0, cropTop = 0, cropRight = 1, cropBottom = 1;
    std::string aspect = "free";  ///< free, original, 3:2, 4:3, 1:1, 16:9, 4:5, 5:4, 2:3 …

    static GeometryParams from(const EditDocument& doc);
    /// Throws rf::Error for settings no image can render (an angle beyond ±45°, crop edges
    /// outside [0, 1] or crossed, an unknown aspect): checked before any file is decoded.
    void validate() const;
    bool isIdentity() const;
};

/// The size of the image `applyGeometry` produces for an input of width × height.
void geometryOutputSize(int width, int height, int exifOrientation, const GeometryParams& p,
                        int& outWidth, int& outHeight);

/// Orientation, quarter turns, flips, straighten (Catmull-Rom bicubic) and crop, in that
/// order, in one pass. Any channel count; `out` must not hold `in`. Without a straighten
/// angle the result is an exact pixel copy.
void applyGeometry(ConstImageView in, int exifOrientation, const GeometryParams& p, Image& out,
                   const CancelToken* cancel = nullptr);

/// Maps a point of the geometry's output (pixels) back to the input image (pixels): the
/// white-balance picker uses it to find a marked patch in the sensor data. Coordinates are
/// pixel indices (the centre of pixel i is i, fractions in between); it is the exact map
/// `applyGeometry` samples through.
void geometryMapToInput(int width, int height, int exifOrientation, const GeometryParams& p,
                        double outX, double outY, double& inX, double& inY);

/// Orientation alone (EXIF 1..8; other values mean "as stored"), lossless.
void applyOrientation(ConstImageView in, int exifOrientation, Image& out);

}  // namespace rf
