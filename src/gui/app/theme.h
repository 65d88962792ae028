// SPDX-License-Identifier: GPL-3.0-or-later
// The app's look: Qt's Fusion style with a dark palette of neutral greys (R = G = B
// everywhere, selection included), so nothing around a photo shifts how its colours are
// seen. main() applies it; the widget tests apply it too, so they see what users see.
#pragma once

class QApplication;
class QIcon;

namespace rf::gui {

void applyDarkTheme(QApplication& app);

/// The window icon (data/rangefinder.svg as a PNG, compiled into the app's resources).
QIcon appIcon();

}  // namespace rf::gui
