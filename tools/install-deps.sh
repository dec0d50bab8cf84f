#!/usr/bin/env bash
# Installs the system packages the build needs when they are missing: cairo's and zlib's development
# files (the plotting renderer links the system cairo, and zlib for its PNG encoder, through
# pkg-config), libcurl's (the explorer's server, statically linked) and pkg-config itself; and,
# for the locale-independence test, the de_DE.UTF-8 locale (a decimal comma) when it can; and the
# fonts and the tools the tests run: DejaVu Sans and Serif (fonts-dejavu-core, as a rule already
# there with fontconfig), DejaVu Math TeX Gyre for \mathcal (fonts-dejavu-extra), Latin Modern Roman and Latin Modern Math (fonts-lmodern) for
# `--font serif`, rsvg-convert (librsvg2-bin, to draw the SVGs), xmllint and the SVG 1.1 DTD
# (libxml2-utils, w3c-sgml-lib, to validate them) and pdffonts and pdftoppm (poppler-utils, to
# read the PDFs).
# Debian packages named as arguments are installed too (`install-deps.sh qemu-user`).
# Uses apt-get as root, else sudo; otherwise says what to install and fails (cairo) or warns (locale,
# fonts and test tools: the build works without them, `--font serif` and some tests do not).
set -euo pipefail

packages=("$@")
extras=()
if ! command -v fc-list >/dev/null 2>&1 || ! fc-list : family | grep -qi '^latin modern roman\(,\|$\)'; then
    extras+=(fonts-lmodern)
fi
if ! command -v fc-list >/dev/null 2>&1 || ! fc-list : family | grep -qi '^dejavu serif\(,\|$\)'; then
    extras+=(fonts-dejavu-core)
fi
if ! command -v fc-list >/dev/null 2>&1 || ! fc-list : family | grep -qi '^dejavu math tex gyre\(,\|$\)'; then
    extras+=(fonts-dejavu-extra)
fi
command -v rsvg-convert >/dev/null 2>&1 || extras+=(librsvg2-bin)
if ! command -v pdffonts >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
    extras+=(poppler-utils)
fi
command -v xmllint >/dev/null 2>&1 || extras+=(libxml2-utils)
[ -e /usr/share/xml/w3c-sgml-lib/schema/dtd/REC-SVG11-20110816/svg11.dtd ] || extras+=(w3c-sgml-lib)
command -v pkg-config >/dev/null 2>&1 || packages+=(pkg-config)
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists cairo; then
    packages+=(libcairo2-dev)
fi
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists zlib; then
    packages+=(zlib1g-dev)
fi
# The explorer's server links Foundation's networking, which links libcurl: the statically linked
# release build (`make release`) needs its development files.
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcurl; then
    packages+=(libcurl4-openssl-dev)
fi
need_locale=false
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\{0,1\}8$'; then
    need_locale=true
fi
[ ${#packages[@]} -eq 0 ] && [ ${#extras[@]} -eq 0 ] && [ "$need_locale" = false ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run=(sudo)
else
    if [ ${#packages[@]} -gt 0 ]; then
        echo "error: missing ${packages[*]}; install with: sudo apt-get install ${packages[*]}" >&2
        exit 1
    fi
    if [ ${#extras[@]} -gt 0 ]; then
        echo "warning: missing ${extras[*]} (the serif font and the tests' tools); install with: sudo apt-get install ${extras[*]}" >&2
    fi
    if [ "$need_locale" = true ]; then
        echo "warning: the de_DE.UTF-8 locale is missing, so the locale test compares C with C" >&2
    fi
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    if [ ${#packages[@]} -gt 0 ]; then
        echo "error: missing ${packages[*]} and no apt-get here; install cairo's development files (e.g. brew install cairo pkg-config)" >&2
        exit 1
    fi
    if [ ${#extras[@]} -gt 0 ]; then
        echo "warning: no apt-get here: install Latin Modern Roman and Math, rsvg-convert, xmllint with the SVG 1.1 DTD and pdffonts/pdftoppm (poppler) for --font serif and the tests" >&2
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
if [ ${#extras[@]} -gt 0 ]; then
    echo "installing ${extras[*]} with apt-get (the serif font and the tests' tools)" >&2
    [ "$updated" = true ] || { "${run[@]}" apt-get update -qq; updated=true; }
    "${run[@]}" apt-get install -y -qq --no-install-recommends "${extras[@]}" >/dev/null \
        || echo "warning: could not install ${extras[*]}; --font serif and the tests that draw SVGs or read PDFs will fail" >&2
fi
if [ "$need_locale" = true ]; then
    echo "generating the de_DE.UTF-8 locale for the locale test" >&2
    {
        command -v localedef >/dev/null 2>&1 || { [ "$updated" = true ] || "${run[@]}" apt-get update -qq; "${run[@]}" apt-get install -y -qq locales >/dev/null; }
        "${run[@]}" localedef -i de_DE -f UTF-8 de_DE.UTF-8
    } || echo "warning: could not generate de_DE.UTF-8; the locale test compares C with C" >&2
fi
