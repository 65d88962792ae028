// SPDX-License-Identifier: GPL-3.0-or-later
// The white-balance and highlight stages' parameters (declare.h says how a row reads).
#include "schema/stage_tables.h"

namespace rf {

const decl::Table<HighlightParams>& highlightTable() {
    using P = HighlightParams;
    static const decl::Table<P> table(
        "highlights", 1, ParamScope::Develop,
        {
            decl::bind<P>(decl::choice("highlights.mode", "reconstruct", {"clip", "reconstruct"},
                                       "Highlight recovery", ParamGroup::Tone,
                                       "how clipped sensor channels are repaired"),
                          &P::mode, std::vector{HighlightMode::Clip, HighlightMode::Reconstruct})
                .at("basic", "Rendering", 110),
        });
    return table;
}

const decl::Table<WhiteBalanceParams>& whiteBalanceTable() {
    using P = WhiteBalanceParams;
    using G = ParamGroup;
    static const decl::Table<P> table(
        "whitebalance", 1, ParamScope::Develop,
        {
            // The mode's control carries the neutral-patch picker: the panel builds it.
            decl::bind<P>(decl::choice("wb.mode", "as_shot",
                                       {"as_shot", "auto", "daylight", "cloudy", "shade",
                                        "tungsten", "fluorescent", "flash", "custom"},
                                       "White balance", G::WhiteBalance,
                                       "as_shot: the camera's (auto when it recorded none); "
                                       "auto: estimated from the image; custom uses "
                                       "wb.temperature and wb.tint"),
                          &P::mode)
                .at("basic", "", 10),
            decl::bind<P>(
                decl::num("wb.temperature", 5000, 2000, 50000, "K", "Temperature", G::WhiteBalance,
                          "correlated colour temperature of the light (custom white "
                          "balance)"),
                &P::temperature)
                .at("basic", "", 20),
            decl::bind<P>(decl::num("wb.tint", 0, -150, 150, "", "Tint", G::WhiteBalance,
                                    "+ magenta, − green (custom white balance)"),
                          &P::tint)
                .at("basic", "", 30),
        });
    return table;
}

HighlightParams HighlightParams::from(const EditDocument& doc) {
    return highlightTable().read(doc);
}

WhiteBalanceParams WhiteBalanceParams::from(const EditDocument& doc) {
    return whiteBalanceTable().read(doc);
}

}  // namespace rf
