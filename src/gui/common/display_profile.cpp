// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/display_profile.h"

#include <QSettings>

#include "rangefinder/error.h"

namespace rf::gui {

DisplayProfile displayProfileFromSettings() {
    DisplayProfile p;
    const QString path = QSettings().value(kDisplayProfileKey).toString();
    if (path.isEmpty()) return p;
    try {
        p.transform =
            std::make_shared<const DisplayTransform>(OutputSpace::SRGB, path.toStdString());
    } catch (const Error& e) {
        p.error = QString::fromStdString(e.what());
    }
    return p;
}

}  // namespace rf::gui
