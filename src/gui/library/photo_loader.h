// SPDX-License-Identifier: GPL-3.0-or-later
// What the library learns about one raw file in the background: its capture metadata, its
// sidecar's rating, label and whether it holds edits, and a thumbnail. The thumbnail comes from
// the raw's embedded JPEG preview, decoded straight to tile size (libjpeg's DCT scaling does
// most of the shrinking) and turned upright by the raw's EXIF orientation, which the preview
// itself does not carry (common/display_image.h's decodePreview, which the editor uses too). A raw
// without a usable preview is rendered small through the core pipeline instead, so a DNG without a
// preview still gets a picture; only when that fails too does the tile show the reason. Every
// function here is safe on a worker thread and reports failures in its result instead of throwing:
// one bad file never stops a folder loading.
#pragma once

#include <QDateTime>
#include <QImage>
#include <QSize>
#include <QString>

namespace rf {
struct CaptureInfo;
}

namespace rf::gui {

/// The capture metadata the library shows and sorts by.
struct PhotoMetadata {
    bool ok = false;
    QString error;       ///< why the file could not be read (empty when ok)
    QDateTime captured;  ///< invalid when the camera recorded no time
    QString camera;      ///< "Canon EOS 30D"
    QString lens;
    QString exposure;  ///< "1/250 s  f/8  ISO 100  50 mm", parts the camera recorded
    int orientation = 1;
    QSize size;  ///< pixels after orientation
};

/// The photographer's part of the sidecar.
struct SidecarSummary {
    int rating = 0;  ///< -1 rejected, 0 … 5
    QString label;
    bool edited = false;  ///< the sidecar sets any edit parameter
    QString error;        ///< the sidecar exists but cannot be read
};

struct PhotoLoad {
    PhotoMetadata metadata;
    SidecarSummary sidecar;
    QImage thumbnail;        ///< null when there is none; then thumbnailError says why
    QString thumbnailError;  ///< empty when the thumbnail loaded
};

PhotoMetadata metadataFrom(const rf::CaptureInfo& info);
PhotoMetadata readMetadata(const QString& path);
SidecarSummary readSidecarSummary(const QString& path);

/// The thumbnail of `path`, at most `size` pixels on its long edge, upright for `orientation`
/// (EXIF 1–8). Sets `error` and returns a null image when neither the preview nor a render works.
QImage loadThumbnail(const QString& path, int orientation, int size, QString& error);

/// Everything at once, as a background job runs it. `knownMetadata` skips re-reading the
/// capture metadata when the model already has it.
PhotoLoad loadPhoto(const QString& path, int thumbnailSize, bool withThumbnail,
                    const PhotoMetadata* knownMetadata = nullptr);

/// The reason of an rf::Error without the file name in front (tiles already show the name).
QString reasonOf(const std::exception& e);

}  // namespace rf::gui
