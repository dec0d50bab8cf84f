# gan-losses: `make figures` builds the tool and writes the figure set; `make test` runs every test
# in debug and in release (automatic differentiation has release-only compiler bugs).
SWIFT ?= swift
# The tool that `make figures` runs (and `make compare` measures) links the Swift runtime
# statically: 25 shared libraries to load instead of 40 and 20 MiB resident for a plot instead
# of 24. It has a build folder of its own, so that it and the dynamically linked release build of
# `make test` (whose test bundles cannot link statically) do not rebuild each other.
STATIC := --static-swift-stdlib --scratch-path .build/static
BIN := .build/static/release/gan-losses

.PHONY: all deps build release test test-debug test-release figures reference benchmarks compare clean

all: build

deps:
	@./tools/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product gan-losses $(STATIC)

test: deps
	$(SWIFT) build
	$(SWIFT) test
	$(SWIFT) build -c release
	$(SWIFT) test -c release

test-debug: deps
	$(SWIFT) test

test-release: deps
	$(SWIFT) test -c release

# The coursework figure set: every figure as PNG, SVG and PDF in figures/.
figures: release
	$(BIN) figures --out figures

# Regenerates the 60-digit reference vectors (needs Python 3 and mpmath: pip install mpmath).
reference:
	python3 tools/make_reference.py

# The ordo-one/benchmark suite (Benchmarks/, a package of its own): allocation counts of the batch
# and scalar loss paths and of the default plot figure against Benchmarks/Thresholds (exit 2 on a
# regression); wall time is reported, not checked. After a deliberate change:
#   cd Benchmarks && swift package --allow-writing-to-package-directory benchmark thresholds update
benchmarks: deps
	cd Benchmarks && $(SWIFT) package benchmark thresholds check --no-progress

# Side by side with numpy, scipy and matplotlib (own venv); writes bench/RESULTS.md.
compare: release
	python3 bench/compare.py

clean:
	rm -rf .build
