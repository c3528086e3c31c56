#!/usr/bin/env bash
# Create .venv and install checker with its test and bench extras (idempotent).
# torch is installed first, pinned, so pip takes the local CPU build and never a CUDA one.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
stamp=".venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
if [ -f "$stamp" ]; then exit 0; fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet "torch==2.13.0"
.venv/bin/pip install --quiet -e ".[test,bench,dev]"
rm -f .venv/.installed-*
touch "$stamp"
