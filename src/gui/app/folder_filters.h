// SPDX-License-Identifier: GPL-3.0-or-later
// The library's filters belong to the folder they were set in. Culling one shoot down to its
// three-star photos says nothing about the next folder, so a filter never follows to another
// folder (which opens showing every photo); coming back to the first finds its filter as it
// was left, across runs too. Each folder's filters are kept in QSettings under its canonical
// path (symbolic links resolved, so two ways to one folder are one folder); a folder whose
// filters hide nothing has no entry, and only the most recently filtered folders are kept.
#pragma once

#include <QSettings>
#include <QString>

#include "library/photo_filter_model.h"

namespace rf::gui {

/// The name a folder's filters are kept under: its canonical path (its clean absolute path
/// when it no longer exists).
QString folderFilterKey(const QString& folder);

/// The filters last used in `folder`; none when it never had any.
PhotoFilterModel::Filters loadFolderFilters(QSettings& settings, const QString& folder);

/// Keeps `filters` for `folder` (filters that hide nothing remove its entry).
void saveFolderFilters(QSettings& settings, const QString& folder,
                       const PhotoFilterModel::Filters& filters);

/// How many folders' filters are kept; the least recently changed go first.
inline constexpr int kMaxFilteredFolders = 200;

}  // namespace rf::gui
