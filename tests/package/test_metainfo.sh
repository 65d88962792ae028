#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The AppStream metadata and the desktop entry pass their validators (offline: the screenshot
# URLs are not fetched).
# Usage: test_metainfo.sh METAINFO DESKTOP_FILE
set -euo pipefail
command -v appstreamcli >/dev/null || { echo "appstreamcli is not installed"; exit 77; }
appstreamcli validate --no-net "$1"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$2"
    echo "desktop entry valid"
fi
