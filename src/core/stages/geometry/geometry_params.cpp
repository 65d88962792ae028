// SPDX-License-Identifier: GPL-3.0-or-later
// The geometry stage's parameters (declare.h says how a row reads). The crop tool, the
// straighten slider and the turn and flip buttons are the crop panel's own controls.
#include <string>

#include "rangefinder/error.h"
#include "schema/stage_tables.h"

namespace rf {

const decl::Table<GeometryParams>& geometryTable() {
    using P = GeometryParams;
    using G = ParamGroup;
    using decl::bind;
    using decl::num;
    static const decl::Table<P> table(
        "geometry", 1, ParamScope::Shape,
        {
            decl::custom<P>(
                decl::integer("geometry.rotate", 0, 0, 270, "°", "Rotate", G::Crop,
                              "clockwise quarter turns on top of the camera's orientation: 0, "
                              "90, 180, 270"),
                [](P& p, const EditDocument& doc) {
                    const int rotate = doc.getInt("geometry.rotate");
                    if (rotate % 90 != 0)
                        throw Error("geometry.rotate: " + std::to_string(rotate) +
                                    "° is not one of 0, 90, 180, 270");
                    p.quarterTurns = (rotate / 90) % 4;
                },
                [](decl::Hasher& h, const P& p) { h.add(p.quarterTurns); },
                [](const P& p) { return p.quarterTurns % 4 != 0; }),
            bind<P>(decl::flag("geometry.flip_h", false, "Flip horizontal", G::Crop,
                               "mirror left to right"),
                    &P::flipH),
            bind<P>(decl::flag("geometry.flip_v", false, "Flip vertical", G::Crop,
                               "mirror top to bottom"),
                    &P::flipV),
            bind<P>(num("geometry.angle", 0, -45, 45, "°", "Straighten", G::Crop,
                        "rotation, + counter-clockwise; the frame is trimmed to hide empty "
                        "corners"),
                    &P::angleDeg)
                .at("crop", "", 10),
            bind<P>(num("crop.left", 0, 0, 1, "", "Crop left", G::Crop, "fraction of the width"),
                    &P::cropLeft),
            bind<P>(num("crop.top", 0, 0, 1, "", "Crop top", G::Crop, "fraction of the height"),
                    &P::cropTop),
            bind<P>(num("crop.right", 1, 0, 1, "", "Crop right", G::Crop, "fraction of the width"),
                    &P::cropRight),
            bind<P>(
                num("crop.bottom", 1, 0, 1, "", "Crop bottom", G::Crop, "fraction of the height"),
                &P::cropBottom),
            // "original" on an uncropped frame is the frame itself.
            decl::custom<P>(
                decl::choice("crop.aspect", "free",
                             {"free", "original", "3:2", "2:3", "4:3", "3:4", "1:1", "16:9", "9:16",
                              "4:5", "5:4", "65:24", "24:65"},
                             "Aspect", G::Crop,
                             "constrains the crop to the largest centred frame of this ratio"),
                [](P& p, const EditDocument& doc) { p.aspect = doc.getText("crop.aspect"); },
                [](decl::Hasher& h, const P& p) { h.add(p.aspect); },
                [](const P& p) {
                    return !(p.aspect == "free" || p.aspect == "original" || p.aspect.empty());
                })
                .inLooks(),  // a look may frame the picture (Hasselblad XPan: 65:24)
        });
    return table;
}

GeometryParams GeometryParams::from(const EditDocument& doc) {
    return geometryTable().read(doc);
}

bool GeometryParams::isIdentity() const {
    return !geometryTable().active(*this);
}

}  // namespace rf
