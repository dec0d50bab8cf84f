#!/usr/bin/env bash
# Builds and runs Examples/ as another package would use the libraries: from a git repository of
# this working tree, tagged, depended on by version (`.package(url:, exact:)`), not by path.
# Run by `make test`; prints what each example printed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The working tree (tracked and new files, not ignored ones) as a tagged repository.
mkdir "$work/gan-losses"
(cd "$root" && git ls-files -z --cached --others --exclude-standard) |
    (cd "$root" && xargs -0 cp --parents -t "$work/gan-losses")
git -C "$work/gan-losses" init -q
git -C "$work/gan-losses" add -A
git -C "$work/gan-losses" -c user.name=ci -c user.email=ci@localhost commit -qm "snapshot for the consumer check"
git -C "$work/gan-losses" tag 0.1.0

# The consumer: Examples/ with its manifest pointing at that repository by version.
mkdir "$work/consumer"
cp -r "$root/Examples/Sources" "$work/consumer/"
sed -e "s|.package(name: \"gan-losses\", path: \"..\")|.package(url: \"file://$work/gan-losses\", exact: \"0.1.0\")|" \
    "$root/Examples/Package.swift" > "$work/consumer/Package.swift"
grep -q "exact: \"0.1.0\"" "$work/consumer/Package.swift" || { echo "error: Examples/Package.swift has no path dependency to replace" >&2; exit 1; }

cd "$work/consumer"
swift build 2>&1 | tail -1
for example in evaluate-batch custom-curve course-figure-pdf mathtext-sheet; do
    echo "--- $example"
    ".build/debug/$example"
done
test -s custom-curve.svg && test -s gradient-vs-d.pdf && test -s parallel-lines.pdf && test -s mathtext-sheet.png
echo "the examples build against gan-losses 0.1.0 by version and run"
