#!/usr/bin/env bash
# The browser test's tools: Debian's Chromium (installed by install-deps.sh if missing) and
# Playwright for Python in its own venv, .venv-browser/, which drives that Chromium (Playwright
# downloads no browser of its own here). Prints the venv's python.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null 2>&1 || ./tools/install-deps.sh chromium >&2
if ! .venv-browser/bin/python -c 'import playwright' 2>/dev/null; then
    python3 -m venv .venv-browser >&2
    .venv-browser/bin/pip install --quiet 'playwright>=1.40,<2' >&2
fi
echo .venv-browser/bin/python
