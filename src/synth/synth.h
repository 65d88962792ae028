// SPDX-License-Identifier: GPL-3.0-or-later
// Synthetic ground truth. A ColorChecker-24 scene defined in colorimetric terms is "taken"
// through a known XYZ→camera matrix and white balance, mosaiced through any Bayer phase and
// written as a DNG that LibRaw reads. Because every step is known, what the pipeline renders
// can be compared with the truth by CIEDE2000. Used by the tests, the benchmarks and the
// sample the README's first command exports.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "rangefinder/colormath.h"
#include "rangefinder/image.h"
#include "rangefinder/raw.h"

namespace rf::synth {

struct Patch {
    const char* name;
    Vec3 lab;  ///< CIE L*a*b*, D50 (BabelColor average)
};
/// The 24 patches in the usual order (dark skin … black).
const std::array<Patch, 24>& colorChecker();

/// The patch's colour as linear sRGB (D65), via Bradford from D50.
Vec3 patchLinearSRGB(const Patch& p);

/// Where patch i (row-major, 6 × 4) lies in a chart of the given size; a margin inside each
/// cell is left out so measurements avoid the edges.
Rect patchRect(int index, int width, int height, double inset = 0.2);

/// A linear-sRGB scene: the 24 patches on a dark grey surround.
Image renderChart(int width, int height);

/// A few cameras' XYZ(D65)→camera matrices, as DNG ColorMatrix2 would hold them.
Mat3 cameraMatrixA();  ///< a typical modern CMOS (strong green)
Mat3 cameraMatrixB();  ///< a different, older sensor

struct DngOptions {
    CfaPattern cfa{0, 1, 1, 2};
    Mat3 cameraFromXYZ = cameraMatrixA();
    Vec3 illuminantXYZ = kD65;   ///< scene light: sets the as-shot neutral
    double exposureScale = 0.5;  ///< scene Y = 1 maps to this fraction of the white level in green
    int blackLevel = 512;
    int whiteLevel = 16383;
    bool linear = false;         ///< write 3-channel LinearRaw instead of a CFA
    int orientation = 1;
    double noise = 0;            ///< std-dev of added Gaussian noise, in fractions of white
    std::string make = "Rangefinder", model = "Synthetic Chart";
};

/// Writes `sceneLinearSRGB` as a DNG. Throws rf::Error on write failure.
void writeDng(const std::string& path, ConstImageView sceneLinearSRGB, const DngOptions& o);

}  // namespace rf::synth
