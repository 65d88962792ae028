// SPDX-License-Identifier: GPL-3.0-or-later
// The camera's own picture in the photo's frame, so that an edit can be compared with what the
// camera made. The preview a camera embeds in its raw is its finished JPEG, but not exactly of
// the frame the raw decodes to: it may be framed a little inside the sensor's area (the EOS
// 30D's is 66 sensor pixels narrower), already cropped to another shape (phones), smaller,
// and it never has our lens correction's border-hiding zoom. So it is first placed on the
// frame — the oriented sensor frame before the photographer's geometry — by registration: the
// scale and offset at which its luminance correlates best with a small render of that frame.
// A picture with too little structure to tell (a clear sky) is centred at the largest size
// of its own aspect that fits instead. Then it goes through the same geometry as the render
// (the core's applyGeometry: quarter turns, flips, straighten, the crop as fractions of the
// frame), so both halves of a comparison show the same part of the scene. Where the camera's
// picture does not reach, the viewer's background shows.
#pragma once

#include <QImage>
#include <QRectF>
#include <QSize>

#include "rangefinder/geometry.h"
#include "rangefinder/image.h"
#include "rangefinder/parallel.h"

namespace rf::gui {

/// A preview with a shorter long edge is a thumbnail, too small to compare a photo with.
inline constexpr int kMinCameraJpegEdge = 640;

/// Where the camera's JPEG lies on the frame, in fractions of the frame's width and height; it
/// reaches beyond [0, 1] where the JPEG shows more than the frame (a lens correction's zoom).
struct CameraPlacement {
    QRectF rect{0, 0, 1, 1};
    bool registered = false;  ///< found by registration rather than assumed
    double correlation = 0;   ///< of the luminances, at the placement found
};

/// A JPEG of `jpegSize` centred on a frame of `frameSize`: the whole frame when their aspects
/// differ by less than 1 % (a few pixels of sensor border), else the largest centred
/// rectangle of the JPEG's own aspect.
QRectF centredPlacement(QSizeF jpegSize, QSizeF frameSize);

/// Registers `jpeg` — upright, decoded a few hundred pixels across from a JPEG of
/// `jpegSize` — on `frame`, a render of the whole frame of `frameSize` (3-channel display RGB,
/// about as large; an empty size is the image's own): a search over scales from 80 % to
/// 120 % of the centred placement and offsets of up to 8 % of the frame, coarse to fine, to
/// a few hundredths of a pixel of `frame`. A best correlation under 0.7 is no match: the
/// centred placement.
CameraPlacement placeCameraJpeg(const QImage& jpeg, QSizeF jpegSize, const Image& frame,
                                QSizeF frameSize = {}, const CancelToken* cancel = nullptr);

/// What a render of a frame of `frameSize` pixels through `geometry` shows, made of the camera's
/// JPEG placed at `placement` instead (display RGB, 3 channels). `jpeg` is best decoded at
/// about the size it takes on the frame.
Image cameraJpegInFrame(const QImage& jpeg, const QRectF& placement, QSize frameSize,
                        const GeometryParams& geometry, const CancelToken* cancel = nullptr);

}  // namespace rf::gui
