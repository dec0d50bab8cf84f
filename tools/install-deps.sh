#!/usr/bin/env bash
# Installs the system packages the build needs when they are missing: cairo's and zlib's development
# files (the plotting renderer links the system cairo, and zlib for its PNG encoder, through
# pkg-config) and pkg-config itself; and,
# for the locale-independence test, the de_DE.UTF-8 locale (a decimal comma) when it can.
# Debian packages named as arguments are installed too (`install-deps.sh qemu-user`).
# Uses apt-get as root, else sudo; otherwise says what to install and fails (cairo) or warns (locale).
set -euo pipefail

packages=("$@")
command -v pkg-config >/dev/null 2>&1 || packages+=(pkg-config)
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists cairo; then
    packages+=(libcairo2-dev)
fi
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists zlib; then
    packages+=(zlib1g-dev)
fi
need_locale=false
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\{0,1\}8$'; then
    need_locale=true
fi
[ ${#packages[@]} -eq 0 ] && [ "$need_locale" = false ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run=(sudo)
else
    if [ ${#packages[@]} -gt 0 ]; then
        echo "error: missing ${packages[*]}; install with: sudo apt-get install ${packages[*]}" >&2
        exit 1
    fi
    echo "warning: the de_DE.UTF-8 locale is missing, so the locale test compares C with C" >&2
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    if [ ${#packages[@]} -gt 0 ]; then
        echo "error: missing ${packages[*]} and no apt-get here; install cairo's development files (e.g. brew install cairo pkg-config)" >&2
        exit 1
    fi
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
updated=false
if [ ${#packages[@]} -gt 0 ]; then
    echo "installing ${packages[*]} with apt-get" >&2
    "${run[@]}" apt-get update -qq
    updated=true
    "${run[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
    pkg-config --exists cairo || { echo "error: cairo still not found by pkg-config after installing ${packages[*]}" >&2; exit 1; }
fi
if [ "$need_locale" = true ]; then
    echo "generating the de_DE.UTF-8 locale for the locale test" >&2
    {
        command -v localedef >/dev/null 2>&1 || { [ "$updated" = true ] || "${run[@]}" apt-get update -qq; "${run[@]}" apt-get install -y -qq locales >/dev/null; }
        "${run[@]}" localedef -i de_DE -f UTF-8 de_DE.UTF-8
    } || echo "warning: could not generate de_DE.UTF-8; the locale test compares C with C" >&2
fi
