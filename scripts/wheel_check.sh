#!/usr/bin/env bash
# Build the wheel, install it into a fresh virtual environment and run `checker report` from an
# empty folder: the package must work outside the repository (bundled corpus and weights inside).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
work=$(mktemp -d)
# Building from the tree leaves build/ and checker.egg-info/ behind; the latter would shadow the
# installed package's metadata (version, repository URL) for anything run from the repo root.
trap 'rm -rf "$work" build checker.egg-info' EXIT
.venv/bin/pip wheel --quiet --no-deps --no-build-isolation --wheel-dir "$work/dist" .
"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --upgrade pip
"$work/venv/bin/pip" install --quiet "torch==2.13.0"  # the CPU build, before anything pulls another
"$work/venv/bin/pip" install --quiet "$work"/dist/checker-*.whl
mkdir "$work/empty"
cd "$work/empty"
"$work/venv/bin/checker" --version
"$work/venv/bin/checker" report --format md --out report.md --format html --out report.html --quiet
grep -q "</script>" report.html || { echo "wheel check: the HTML report lacks its script" >&2; exit 1; }
for kind in duplicate compatible divergent conflict update contradiction; do
    grep -qi "^## ${kind}" report.md || { echo "wheel check: no ${kind} in the default report" >&2; exit 1; }
done
echo "wheel check: installed wheel reports every kind on the bundled corpus from an empty folder"
