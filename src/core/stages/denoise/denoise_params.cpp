// SPDX-License-Identifier: GPL-3.0-or-later
// The noise reduction stage's parameters (declare.h says how a row reads). The strengths are
// relative to the noise measured in the photo, so 100 % means the same thing for every camera
// and ISO; the detail slider only shapes the luminance strength's effect.
#include "schema/stage_tables.h"

namespace rf {

namespace {

// Noise reduction did not exist when the first documents were written: a photo edited then
// was seen, and judged, without it.
void offForEditsMadeWithoutIt(EditDocument& doc) {
    doc.setFloat("denoise.luminance", 0);
    doc.setFloat("denoise.color", 0);
}

}  // namespace

const decl::Table<DenoiseParams>& denoiseTable() {
    using P = DenoiseParams;
    using G = ParamGroup;
    using decl::bind;
    using decl::num;
    constexpr double pct = 100;
    static const decl::Table<P> table(
        "denoise", 1, ParamScope::Detail,
        {
            bind<P>(num("denoise.luminance", 100, 0, 200, "%", "Luminance", G::Detail,
                        "removes grain-like noise in brightness; 100 % removes the noise "
                        "measured in this photo, 0 turns it off"),
                    &P::luminance, pct)
                .at("detail", "Noise reduction", 11)
                .neutral(&P::luminance, 0.f),
            bind<P>(num("denoise.detail", 50, 0, 100, "%", "Detail", G::Detail,
                        "how much fine texture luminance noise reduction keeps: lower is "
                        "smoother, higher keeps more grain and texture"),
                    &P::detail, pct)
                .at("detail", "Noise reduction", 12)
                .qualifier(),
            bind<P>(num("denoise.color", 100, 0, 200, "%", "Color", G::Detail,
                        "removes coloured speckles and blotches; 100 % removes the colour "
                        "noise measured in this photo, 0 turns it off"),
                    &P::color, pct)
                .at("detail", "Noise reduction", 13)
                .neutral(&P::color, 0.f),
        },
        {},
        decl::Migration{0,
                        "noise reduction is off for photos edited before it existed, so they "
                        "render as they did",
                        offForEditsMadeWithoutIt});
    return table;
}

DenoiseParams DenoiseParams::from(const EditDocument& doc) {
    return denoiseTable().read(doc);
}

bool DenoiseParams::isIdentity() const {
    return !denoiseTable().active(*this);
}

}  // namespace rf
