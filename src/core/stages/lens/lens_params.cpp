// SPDX-License-Identifier: GPL-3.0-or-later
// The lens stage's parameters (declare.h says how a row reads). The switches default to on:
// a photographer opening a wide-angle shot expects its barrel distortion and dark corners
// gone when the lens is known for certain (docs/lens.md). Edits written before the stage
// existed were made on the uncorrected picture, so its `before` migration switches them off.
#include "rangefinder/lens.h"
#include "schema/stage_tables.h"

namespace rf {

const decl::Table<LensParams>& lensTable() {
    using P = LensParams;
    using G = ParamGroup;
    using decl::bind;
    static const decl::Table<P> table(
        "lens", 1, ParamScope::Shape,
        {
            bind<P>(decl::flag("lens.distortion", true, "Distortion", G::Detail,
                               "straightens the lines the lens bends, from its profile; the "
                               "frame is scaled so no empty border shows"),
                    &P::distortion)
                .neutral(&P::distortion, false)
                .at("lens", "Corrections", 10),
            bind<P>(decl::flag("lens.tca", true, "Chromatic aberration", G::Detail,
                               "aligns the red and blue images with the green one (colour "
                               "fringes towards the corners), from the lens's profile"),
                    &P::tca)
                .neutral(&P::tca, false)
                .at("lens", "Corrections", 20),
            bind<P>(decl::flag("lens.vignetting", true, "Vignetting", G::Detail,
                               "brightens the corners the lens darkens, from its profile at "
                               "the shot's focal length and aperture"),
                    &P::vignetting)
                .neutral(&P::vignetting, false)
                .at("lens", "Corrections", 30),
            bind<P>(decl::text("lens.camera", "Camera", G::Detail,
                               "the camera's name in the lens database; empty: the camera "
                               "the file names"),
                    &P::camera)
                .at("lens", "Profile", 40),
            bind<P>(decl::text("lens.lens", "Lens", G::Detail,
                               "the lens's name in the lens database (rangefinder-cli lenses "
                               "lists them); empty: the lens the file names"),
                    &P::lens)
                .at("lens", "Profile", 50),
        },
        {},
        decl::Migration{0, "edits from before lens correction keep the uncorrected picture",
                        [](EditDocument& doc) {
                            doc.setBool("lens.distortion", false);
                            doc.setBool("lens.tca", false);
                            doc.setBool("lens.vignetting", false);
                        }});
    return table;
}

LensParams LensParams::from(const EditDocument& doc) {
    return lensTable().read(doc);
}

bool LensParams::isIdentity() const {
    return !distortion && !tca && !vignetting;
}

}  // namespace rf
