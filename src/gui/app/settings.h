// SPDX-License-Identifier: GPL-3.0-or-later
// The QSettings keys the app keeps between runs, in one place so the editor and the library
// read the same names. The organisation and application names set in main() decide where the
// file lives (~/.config/Rangefinder/Rangefinder.conf on Linux).
#pragma once

namespace rf::gui::settings {

inline constexpr char kLastFolder[] = "library/lastFolder";
inline constexpr char kTileWidth[] = "library/tileWidth";
inline constexpr char kSortKey[] = "library/sortKey";  ///< "name" or "time"
/// Each folder's filters (app/folder_filters.h): an array of folder, minimumRating,
/// showRejected and label (absent: any label).
inline constexpr char kFolderFilters[] = "library/folderFilters";
// Before the filters were kept per folder, one set served every folder. Read once, as the
// filters of the folder open last, then removed.
inline constexpr char kMinimumRating[] = "library/minimumRating";
inline constexpr char kShowRejected[] = "library/showRejected";
inline constexpr char kLabelFilter[] = "library/labelFilter";  ///< absent: any label
inline constexpr char kGeometry[] = "window/geometry";
inline constexpr char kWindowState[] = "window/state";
inline constexpr char kDevelopSplitter[] = "window/developSplitter";  ///< editor over filmstrip
/// Path of the monitor's ICC profile; empty or absent: the display is taken to be sRGB.
inline constexpr char kDisplayProfile[] = "display/iccProfile";

}  // namespace rf::gui::settings
