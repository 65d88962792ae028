#!/usr/bin/env bash
# The README's first command: installs what is needed, builds in Release, and runs the main
# job on the embedded default: it generates the synthetic ColorChecker DNG, adds the real
# Canon EOS 30D raw that Debian's rawtran-doc installs, and batch-exports them to web JPEGs,
# plainly and with two of the bundled looks.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build=${RF_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" --parallel "$(nproc)" --target rangefinder-cli rangefinder-make-sample

samples=out/samples
mkdir -p "$samples"
"$build/rangefinder-make-sample" -o "$samples" >/dev/null
canon=/usr/share/doc/rawtran/IMG_5952.CR2
# A link, not a copy: the sample folder points at the real file, which is never written.
[[ -f $canon ]] && ln -sf "$canon" "$samples/canon-eos30d.CR2"

"$build/rangefinder-cli" export --preset web --overwrite -o out/web "$samples"
"$build/rangefinder-cli" export --preset web --overwrite -o out/looks -t '{name}-{look}' \
    --look "Leica Authentic" --look "Leica Vibrant" "$samples"
echo
echo "Web JPEGs are in $(pwd)/out/web, and with looks applied in $(pwd)/out/looks"
ls -l out/web out/looks
