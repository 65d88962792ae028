// SPDX-License-Identifier: GPL-3.0-or-later
// The declaration tables of the stages, each defined in its stage's folder (see declare.h).
// The schema lists them in pipeline order (schema.cpp); a new stage adds its table there.
#pragma once

#include "rangefinder/demosaic.h"
#include "rangefinder/denoise.h"
#include "rangefinder/geometry.h"
#include "rangefinder/lens.h"
#include "rangefinder/look.h"
#include "rangefinder/tone.h"
#include "rangefinder/whitebalance.h"
#include "schema/declare.h"

namespace rf {

const decl::Table<DemosaicParams>& demosaicTable();          // stages/demosaic
const decl::Table<HighlightParams>& highlightTable();        // stages/whitebalance
const decl::Table<WhiteBalanceParams>& whiteBalanceTable();  // stages/whitebalance
const decl::Table<ToneParams>& toneTable();                  // stages/tone
const decl::Table<LensParams>& lensTable();                  // stages/lens
const decl::Table<GeometryParams>& geometryTable();          // stages/geometry
const decl::Table<DenoiseParams>& denoiseTable();            // stages/denoise
const decl::Table<LookParams>& lookTable();                  // look/look_params.cpp

}  // namespace rf
