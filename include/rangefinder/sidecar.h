// SPDX-License-Identifier: GPL-3.0-or-later
// XMP sidecars: the edits and the photographer's own metadata (rating, label, title, keywords)
// live beside the raw in `NAME.EXT.xmp`, the raw itself is never written. A sidecar is shared
// ground — darktable, Lightroom and digiKam keep their own properties in the same kind of file —
// so a save reads the file on disk, changes only the properties Rangefinder owns (its
// `rangefinder:` namespace and the standard rating/label/Dublin Core fields) and keeps every
// other property as it was. Files are replaced atomically; a sidecar that cannot be parsed is
// reported, never overwritten, and can be moved aside with quarantineSidecar(). Programs
// changing one photo's sidecar at once (the app, the command line, two of either) take
// turns: every save and update holds a lock on the photo while it reads, changes and
// writes, so neither loses the other's change.
// See docs/sidecars.md for the namespace, the encoding of the edit document and versioning.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "rangefinder/history.h"
#include "rangefinder/params.h"

namespace rf {

/// The namespace Rangefinder owns inside a sidecar.
inline constexpr const char* kSidecarNamespace = "http://rangefinder.photo/xmp/1.0/";
inline constexpr const char* kSidecarPrefix = "rangefinder";
/// Version of the `rangefinder:` properties (rangefinder:Version). 2: the stage versions of
/// the edits are kept (as the extra property "stages"); a version 1 sidecar's edits are read
/// as written before stage versions, and migrated.
inline constexpr int kSidecarFormatVersion = 2;

/// What a photographer says about a photo, in the standard properties every DAM reads.
struct PhotoInfo {
    int rating = 0;                     ///< xmp:Rating: -1 rejected, 0 unrated, 1 … 5 stars
    std::string label;                  ///< xmp:Label, e.g. "Red"; empty = none
    std::string title;                  ///< dc:title (x-default)
    std::string description;            ///< dc:description (x-default)
    std::vector<std::string> keywords;  ///< dc:subject
    std::string creator;                ///< dc:creator (first entry of the seq)
    std::string rights;                 ///< dc:rights (x-default)

    bool operator==(const PhotoInfo&) const = default;
};

struct Sidecar {
    EditDocument edits;
    PhotoInfo info;
    /// The undo/redo list, stored as rangefinder:History so undo survives a restart.
    EditHistory history;
    /// The file it was read from; empty when the raw had no sidecar.
    std::string path;
    /// rangefinder:Version found in the file (0 when absent). A newer version is read as far
    /// as it is understood; its unknown parameter keys survive a save.
    int formatVersion = 0;
};

enum class SidecarNaming {
    RawExtXmp,    ///< IMG_0001.CR2.xmp (darktable, digiKam; our default)
    BaseNameXmp,  ///< IMG_0001.xmp (Lightroom, Capture One)
};

/// Where a sidecar of `rawPath` lives under the given naming convention.
std::string sidecarPath(const std::string& rawPath,
                        SidecarNaming naming = SidecarNaming::RawExtXmp);

/// The existing sidecar of `rawPath`: NAME.EXT.xmp first, else NAME.xmp; empty when none.
std::string findSidecar(const std::string& rawPath);

/// The naming a save of `rawPath` should use: that of its existing sidecar (whatever other
/// tool made it), else `fallback`.
SidecarNaming sidecarNamingFor(const std::string& rawPath,
                               SidecarNaming fallback = SidecarNaming::RawExtXmp);

/// Reads the sidecar of `rawPath`; defaults when there is none. A sidecar that cannot be
/// parsed throws rf::Error naming the file and the reason (for malformed XML, the line; see
/// quarantineSidecar()); so does one that is there but cannot be read: a folder, a device
/// or a broken link at the sidecar's name, or a file we may not read. Only a name where
/// nothing exists means "no sidecar".
Sidecar loadSidecar(const std::string& rawPath);

/// Reads one sidecar file directly (same rules as loadSidecar()).
Sidecar loadSidecarFile(const std::string& sidecarFile);

/// Writes `sidecar` to sidecarPath(rawPath, naming): the existing file there (if any) is read
/// and only Rangefinder's properties are replaced; the result is written atomically. Throws
/// rf::Error when the folder cannot be written or the existing file cannot be parsed (it is
/// then left untouched). The raw file is never opened. Holds the photo's lock (see
/// updateSidecar()) while it reads and writes.
void saveSidecar(const std::string& rawPath, const Sidecar& sidecar,
                 SidecarNaming naming = SidecarNaming::RawExtXmp);

/// How long a save or update waits for another program to finish with the same photo.
inline constexpr std::chrono::milliseconds kSidecarLockTimeout{10000};

/// Read-modify-write of one photo's sidecar as a single step against every other process
/// and thread doing the same: takes the photo's lock (flock on `.NAME.EXT.xmp.lock` beside
/// the raw, removed afterwards), loads the sidecar (loadSidecar()), calls `change` and, when
/// it returns true, saves the result with the naming of the existing sidecar, else
/// `fallback` (sidecarNamingFor()). Returns the sidecar as it now is on disk. Throws
/// rf::Error naming the sidecar when the lock is not granted within `timeout` (another
/// program is changing it), and whatever loading or saving throws; nothing is written then.
/// `change` must not itself save the same photo's sidecar: the lock is not re-entrant.
Sidecar updateSidecar(const std::string& rawPath, const std::function<bool(Sidecar&)>& change,
                      SidecarNaming fallback = SidecarNaming::RawExtXmp,
                      std::chrono::milliseconds timeout = kSidecarLockTimeout);

/// Renames an unreadable sidecar aside to `PATH.bad-YYYYmmdd-HHMMSS` (UTC; a counter is added
/// if that exists) so that a later save never overwrites it. Returns the new path; throws
/// rf::Error when the rename fails.
std::string quarantineSidecar(const std::string& sidecarFile);

}  // namespace rf
