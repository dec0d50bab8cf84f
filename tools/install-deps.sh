#!/usr/bin/env bash
# Installs the system packages the build needs when they are missing: cairo's development files
# (the plotting renderer links the system cairo through pkg-config) and pkg-config itself.
# Uses apt-get as root, else sudo; otherwise says what to install and fails.
set -euo pipefail

packages=()
command -v pkg-config >/dev/null 2>&1 || packages+=(pkg-config)
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists cairo; then
    packages+=(libcairo2-dev)
fi
[ ${#packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run=(sudo)
else
    echo "error: missing ${packages[*]}; install with: sudo apt-get install ${packages[*]}" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: missing ${packages[*]} and no apt-get here; install cairo's development files (e.g. brew install cairo pkg-config)" >&2
    exit 1
fi
echo "installing ${packages[*]} with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
pkg-config --exists cairo || { echo "error: cairo still not found by pkg-config after installing ${packages[*]}" >&2; exit 1; }
