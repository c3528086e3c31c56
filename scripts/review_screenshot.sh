#!/usr/bin/env bash
# Refresh docs/review-queue.png: the browser test at scale (a queue of 2,000 findings in
# headless Chromium) saves its queue screenshot there when CHECKER_DOCS_SCREENSHOT is set.
set -euo pipefail
cd "$(dirname "$0")/.."
CHECKER_DOCS_SCREENSHOT=1 .venv/bin/python -m pytest -q tests/test_browser.py \
    -k test_a_queue_of_thousands_pages_searches_groups_and_undoes
echo "wrote docs/review-queue.png"
