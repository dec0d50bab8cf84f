# gan-losses: `make figures` builds the tool and writes the figure set; `make test` runs every test
# in debug and in release (automatic differentiation has release-only compiler bugs).
SWIFT ?= swift
# The tool that `make figures` runs (and `make compare` measures) links the Swift runtime
# statically: 25 shared libraries to load instead of 40 and 20 MiB resident for a plot instead
# of 24. It has a build folder of its own, so that it and the dynamically linked release build of
# `make test` (whose test bundles cannot link statically) do not rebuild each other.
STATIC := --static-swift-stdlib --scratch-path .build/static
BIN := .build/static/release/gan-losses

# `make release` tunes the code for the building machine: -target-cpu native, and on x86-64 loops
# eight doubles wide where the machine has AVX-512 (LLVM's tuning for those CPUs prefers four;
# clang's target feature -prefer-256-bit lifts that). `make release PORTABLE=1` builds for any
# x86-64 (or aarch64) machine instead, for a binary handed to others. The results are the same
# bits either way: the kernels use only correctly rounded operations and explicit fma, never
# contraction. The tuning is given here, on the command line, and not in Package.swift, so that
# the libraries carry no unsafe flags and other packages can depend on them by version.
ifeq ($(PORTABLE),1)
TUNE :=
else
TUNE := -Xswiftc -target-cpu -Xswiftc native
ifeq ($(shell uname -m),x86_64)
TUNE += $(foreach flag,-Xcc -Xclang -Xcc -target-feature -Xcc -Xclang -Xcc -prefer-256-bit,-Xswiftc $(flag))
endif
endif

.PHONY: all deps build release test test-debug test-release test-browser browser-check explorer-screenshots docs figures reference benchmarks compare portable-check clean

all: build

deps:
	@./tools/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product gan-losses $(STATIC) $(TUNE)
	$(SWIFT) build -c release --product gan-losses-explorer $(STATIC) $(TUNE)
	@echo "the tool: $(BIN), and the explorer's server beside it (gan-losses serve)"

# `swift test -c release` builds the release products too (with testing enabled), and the
# browser test drives them as they are: a plain `swift build -c release` beside it would rebuild
# everything twice more (about 3 minutes of CI).
test: deps
	$(SWIFT) build
	$(SWIFT) test
	$(SWIFT) test -c release
	$(MAKE) browser-check
	./tools/check-consumer.sh
	$(MAKE) docs

test-debug: deps
	$(SWIFT) test

test-release: deps
	$(SWIFT) test -c release

# The explorer (`gan-losses serve`) in headless Chromium, driven by Playwright for Python
# (tests/browser/test_explorer.py): each view, sliders by keyboard and mouse, permalinks, downloads.
test-browser: deps
	$(SWIFT) build -c release --product gan-losses
	$(SWIFT) build -c release --product gan-losses-explorer
	$(MAKE) browser-check

# The browser test on the release build as it stands (`make test` has just built it).
browser-check:
	$$(./tools/browser-venv.sh) tests/browser/test_explorer.py --tool .build/release/gan-losses

# The screenshots of docs/explorer.md and the README, taken by the browser test.
explorer-screenshots: release
	$$(./tools/browser-venv.sh) tests/browser/test_explorer.py --tool $(BIN) --screenshots docs

# The DocC documentation of the libraries (swift-docc-plugin), one archive per library in
# .build/plugins/Swift-DocC/outputs/ (not committed). A documentation warning fails the build:
# docc's --warnings-as-errors, passed on by the plugin.
DOC_TARGETS := LossMath LossPlot LossPlotCairo
docs: deps
	$(SWIFT) package generate-documentation $(foreach target,$(DOC_TARGETS),--target $(target)) --warnings-as-errors

# The coursework figure set: every figure as PNG, SVG and PDF in figures/, and the README's
# animation of the DiracGAN's steps (a GIF of 40 frames, about 0.3 s).
figures: release
	$(BIN) figures --out figures
	$(BIN) simulate dirac --loss minimax,nonsat,r1 -o figures/dirac-trajectories.gif

# Regenerates the 60-digit reference vectors (needs Python 3 and mpmath: pip install mpmath).
reference:
	python3 tools/make_reference.py

# The ordo-one/benchmark suite (Benchmarks/, a package of its own): allocation counts of the batch
# and scalar loss paths and of the default plot figure against Benchmarks/Thresholds (exit 2 on a
# regression); wall time is reported, not checked. After a deliberate change:
#   cd Benchmarks && swift package --allow-writing-to-package-directory benchmark thresholds update
benchmarks: deps
	cd Benchmarks && $(SWIFT) package benchmark thresholds check --no-progress

# The portable build on a CPU without AVX: builds `make release PORTABLE=1` and runs eval and plot
# under qemu-user emulating a Nehalem (SSE4.2, no AVX, no FMA); installs qemu-user if missing.
portable-check:
	$(MAKE) release PORTABLE=1
	@command -v qemu-x86_64 >/dev/null || ./tools/install-deps.sh qemu-user
	qemu-x86_64 -cpu Nehalem $(BIN) eval --loss minimax,nonsat --logit -745,0,40 --format csv
	qemu-x86_64 -cpu Nehalem $(BIN) plot --loss minimax,nonsat -o .build/portable-check.png
	@echo "the portable tool runs without AVX: .build/portable-check.png"

# Side by side with numpy, scipy and matplotlib (own venv); writes bench/RESULTS.md.
compare: release
	./tools/install-deps.sh gnuplot-nox
	python3 bench/compare.py

clean:
	rm -rf .build
