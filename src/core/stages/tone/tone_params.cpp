// SPDX-License-Identifier: GPL-3.0-or-later
// The tone stage's parameters (declare.h says how a row reads), and its migrations.
#include "schema/stage_tables.h"

namespace rf {

namespace {

// Version 2 (December 2026) brought the standard rendering that places the exposure and ends
// its shoulder at the sensor's clip (tone_curve.cpp). A document written before it that
// renders with the standard curve keeps the curve it was edited with, "legacy": the same
// picture as when it was made. The photographer can switch it to "standard" in one step.
void keepTheFirstStandardCurve(EditDocument& doc) {
    if (doc.getText("tone.curve") == "standard") doc.setText("tone.curve", "legacy");
}

}  // namespace

const decl::Table<ToneParams>& toneTable() {
    using P = ToneParams;
    using G = ParamGroup;
    using decl::bind;
    using decl::num;
    static const decl::Table<P> table(
        "tone", 2, ParamScope::Finish,
        {
            bind<P>(
                num("exposure.ev", 0, -5, 5, "EV", "Exposure", G::Tone, "exposure compensation"),
                &P::exposureEv)
                .at("basic", "Tone", 40),
            decl::declared<P>(
                decl::flag("tone.auto", false, "Auto tone", G::Tone,
                           "set exposure, highlights, shadows, whites and blacks from the image "
                           "when the file is exported (the values are written in place of this "
                           "flag)")),
            bind<P>(decl::choice("tone.curve", "standard", {"standard", "linear", "legacy"},
                                 "Base curve", G::Tone,
                                 "standard: camera-like rendering with a soft highlight "
                                 "roll-off; linear: none; legacy: the standard curve of "
                                 "releases before December 2026, kept for photos edited then"),
                    &P::curve,
                    std::vector{ToneCurve::Standard, ToneCurve::Linear, ToneCurve::Legacy})
                .neutral(&P::curve, ToneCurve::Linear)
                .at("basic", "Rendering", 100),
            bind<P>(
                num("tone.contrast", 0, -100, 100, "", "Contrast", G::Tone, "mid-tone contrast"),
                &P::contrast)
                .at("basic", "Tone", 50),
            bind<P>(num("tone.highlights", 0, -100, 100, "", "Highlights", G::Tone,
                        "− recovers bright areas, + brightens them"),
                    &P::highlights)
                .at("basic", "Tone", 60),
            bind<P>(num("tone.shadows", 0, -100, 100, "", "Shadows", G::Tone,
                        "+ opens dark areas, − deepens them"),
                    &P::shadows)
                .at("basic", "Tone", 70),
            bind<P>(num("tone.whites", 0, -100, 100, "", "Whites", G::Tone, "sets the white point"),
                    &P::whites)
                .at("basic", "Tone", 80),
            bind<P>(num("tone.blacks", 0, -100, 100, "", "Blacks", G::Tone, "sets the black point"),
                    &P::blacks)
                .at("basic", "Tone", 90),
            bind<P>(num("color.saturation", 0, -100, 100, "", "Saturation", G::Color,
                        "−100 gives black and white"),
                    &P::saturation)
                .at("basic", "Presence", 96),
            bind<P>(num("color.vibrance", 0, -100, 100, "", "Vibrance", G::Color,
                        "saturation that spares already saturated colours"),
                    &P::vibrance)
                .at("basic", "Presence", 95),
        },
        {
            {1, "documents that render with the standard curve keep it as \"legacy\"",
             keepTheFirstStandardCurve},
        });
    return table;
}

ToneParams ToneParams::from(const EditDocument& doc) {
    return toneTable().read(doc);
}

bool ToneParams::isIdentity() const {
    return !toneTable().active(*this);
}

}  // namespace rf
