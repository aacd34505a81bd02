# Lockstep: `make demo` starts the shell on the shipped example; `make test` runs every test.
SWIFT ?= swift
APT_PACKAGES = libedit-dev libyaml-dev tmux graphviz
PYPI_PACKAGES = jsonschema xmlschema pyyaml ruamel.yaml markdown-it-py
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build release demo test bench docs tour deps clean

all: build

# The setup step: installs what a fresh machine lacks, and nothing when it has it all. The C libraries
# Lockstep links; tmux and Graphviz for the terminal and diagram tests; the peer validators the report
# tests run from PyPI: jsonschema for SARIF, xmlschema for JUnit, PyYAML and ruamel.yaml for saved
# workbooks, markdown-it-py for the Markdown Lockstep writes.
deps:
	@if ! pkg-config --exists libedit yaml-0.1 || ! command -v tmux >/dev/null || ! command -v dot >/dev/null; then \
		echo "installing $(APT_PACKAGES)"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi
	@python3 -c "import jsonschema, xmlschema, yaml, ruamel.yaml, markdown_it" 2>/dev/null || { echo "installing $(PYPI_PACKAGES)"; python3 -m pip install --quiet $(PYPI_PACKAGES); }

build: deps
	$(SWIFT) build

# The Swift runtime is linked statically: it halves start-up (no shared-library relocation).
# Cross-module optimisation lets the plugins' calls into the core be specialised and inlined.
release: deps
	$(SWIFT) build -c release --product lockstep --static-swift-stdlib -Xswiftc -cross-module-optimization

demo: release
	.build/release/lockstep examples/acme.yaml

# Every test; 'deps' has installed what they run first, so the test run itself installs nothing.
test: deps
	$(SWIFT) build
	$(SWIFT) test

# The command and rule reference in docs/, generated from the commands and rules themselves.
docs: build
	.build/debug/lockstep docs docs

# The guided tour for new hires, on the B2B software example.
tour: release
	.build/release/lockstep tour examples/saas/brightlane.yaml

bench: release
	@command -v hyperfine >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq hyperfine; }
	benchmarks/startup.sh
	$(SWIFT) run -c release ExpressionBenchmark
	benchmarks/large-workbook.sh
	benchmarks/save-workbook.sh
	benchmarks/lead-data.sh

clean:
	rm -rf .build
