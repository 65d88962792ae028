// SPDX-License-Identifier: GPL-3.0-or-later
// The demosaic stage's parameters (declare.h says how a row reads).
#include "schema/stage_tables.h"

namespace rf {

const decl::Table<DemosaicParams>& demosaicTable() {
    using P = DemosaicParams;
    using enum DemosaicChoice;
    static const decl::Table<P> table(
        "demosaic", 1, ParamScope::Develop,
        {
            decl::bind<P>(decl::choice("demosaic.method", "auto", {"auto", "fast", "hq"},
                                       "Demosaic", ParamGroup::Detail,
                                       "auto: 2×2 superpixel when the output is at most half "
                                       "the sensor size, high quality otherwise"),
                          &P::method, std::vector{Auto, Fast, HighQuality})
                .at("detail", "", 10),
        });
    return table;
}

DemosaicParams DemosaicParams::from(const EditDocument& doc) {
    return demosaicTable().read(doc);
}

}  // namespace rf
