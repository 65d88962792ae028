#!/usr/bin/env bash
# Refreshes the desktop app's translation files from the sources: first the list of the
# core's texts (src/gui/i18n/core_strings.cpp, when RF_CORE_STRINGS names the built
# rangefinder-core-strings), then translations/*.ts with lupdate. New messages arrive
# unfinished, for a translator to fill in (Qt Linguist, `linguist translations/rangefinder_it.ts`);
# messages gone from the sources are dropped. The build runs it as `update_translations`;
# test_translations runs it on copies (TS_DIR) to see whether anything is missing.
#
#   scripts/update-translations.sh [TS_DIR]     TS_DIR: where the .ts files are (translations)
set -euo pipefail
cd "$(dirname "$0")/.."
ts_dir=${1:-translations}
lupdate=${LUPDATE:-$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)}

if [[ -n ${RF_CORE_STRINGS:-} ]]; then
    generated=src/gui/i18n/core_strings.cpp
    "$RF_CORE_STRINGS" . > "$generated.tmp"
    mv "$generated.tmp" "$generated"
fi

# Without line numbers a .ts file changes only when a message does.
options=(-silent -no-obsolete -locations none -extensions cpp,h src/gui)
"$lupdate" "${options[@]}" -ts "$ts_dir/rangefinder_it.ts" "$ts_dir/rangefinder_de.ts"
# English needs only the plural forms: its other messages are the sources themselves.
"$lupdate" "${options[@]}" -pluralonly -ts "$ts_dir/rangefinder_en.ts"
