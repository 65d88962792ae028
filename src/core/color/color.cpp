// SPDX-License-Identifier: GPL-3.0-or-later
// The colour-space side of the pipeline that needs no colour-management engine: the matrices
// from camera RGB and XYZ into the linear Rec.2020 working space, their per-pixel application
// and the cache of output transforms (whose lcms2 side lives in lcms_adapter.cpp). The output
// spaces' names are the export schema's (export_schema.h).
#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <utility>

#include "rangefinder/color.h"
#include "rangefinder/error.h"

namespace rf {

Mat3 workingFromXYZ() {
    return inverse(xyzFromLinearRec2020());
}

Mat3 workingFromCamera(const Mat3& cameraFromXYZ) {
    // dcraw's construction: the camera's response to the working primaries, each row scaled
    // so the working white (which is the D65 white of the matrix) gives camera (1,1,1). White
    // balancing has already made the light neutral in camera RGB, so balanced (1,1,1) must
    // land on working white whatever the light was.
    return inverse(normaliseRows(mul(cameraFromXYZ, xyzFromLinearRec2020())));
}

void applyMatrix(ImageView rgb, const Mat3& m, const CancelToken* cancel) {
    if (rgb.empty()) return;
    if (rgb.channels != 3) throw Error("colour matrix needs a 3-channel image");
    const float a = float(m[0][0]), b = float(m[0][1]), c = float(m[0][2]);
    const float d = float(m[1][0]), e = float(m[1][1]), f = float(m[1][2]);
    const float g = float(m[2][0]), h = float(m[2][1]), i = float(m[2][2]);
    parallelFor(
        0, rgb.height,
        [&](int y0, int y1) {
            for (int y = y0; y < y1; ++y) {
                float* __restrict p = rgb.row(y);
                const int w = rgb.width;
                for (int x = 0; x < w; ++x) {
                    const float r = p[3 * x], gg = p[3 * x + 1], bb = p[3 * x + 2];
                    p[3 * x] = a * r + b * gg + c * bb;
                    p[3 * x + 1] = d * r + e * gg + f * bb;
                    p[3 * x + 2] = g * r + h * gg + i * bb;
                }
            }
        },
        16, cancel);
}

std::shared_ptr<const OutputTransform> outputTransform(OutputSpace space, RenderingIntent intent) {
    // Immutable once built, so sharing them across renders and threads is safe; the map only
    // grows (at most 3 × 2 entries).
    static std::mutex mutex;
    static std::map<std::pair<OutputSpace, RenderingIntent>, std::shared_ptr<const OutputTransform>>
        cache;
    std::lock_guard lock(mutex);
    auto& slot = cache[{space, intent}];
    if (!slot) slot = std::make_shared<const OutputTransform>(space, intent);
    return slot;
}

}  // namespace rf
