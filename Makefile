# gan-losses: `make figures` builds the tool and writes the figure set; `make test` runs every test
# in debug and in release (automatic differentiation has release-only compiler bugs).
SWIFT ?= swift
BIN := .build/release/gan-losses

.PHONY: all deps build release test test-debug test-release figures reference clean

all: build

deps:
	@./tools/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

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

clean:
	rm -rf .build
