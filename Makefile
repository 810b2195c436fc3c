# Two commands do all the set-up on a fresh machine:
#   make demo   install into .venv and run `repackage all` on the bundled sample article
#   make test   install system packages the tests need, install into .venv, run the tests

VENV ?= .venv
PYTHON ?= python3
PIP := $(VENV)/bin/pip
OUT ?= out
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the tests need: Tesseract with Arabic (and English, for quotes that mix
# scripts) reads the cards back; FriBiDi lets Pillow's Raqm layout load (the product falls
# back without it, the tests cover both paths). Chromium loads the review pages in the
# browser tests (Playwright drives /usr/bin/chromium).
TEST_DEBS := tesseract-ocr tesseract-ocr-ara tesseract-ocr-eng libfribidi0 chromium

# The MBROLA Arabic voices (clearer offline speech) come from Debian's contrib/non-free: the
# script enables those for these packages only and says so; where it cannot, it writes why to
# $(MBROLA_REASON) and the run goes on with espeak-ng's own voice.
MBROLA_REASON := $(VENV)/mbrola-unavailable.txt

.PHONY: demo test install system-deps mbrola clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

install: $(VENV)/bin/python
	$(PIP) install --quiet ".[test]"

mbrola:
	@bash tools/install-mbrola.sh $(MBROLA_REASON)

demo: install mbrola
	$(VENV)/bin/repackage all assets/sample-article.txt --out $(OUT)
	@echo
	@echo "Results are in $(OUT)/sample-article/: audio/episode.mp3, cards/*.png, thread/*.md, manifest.json"

system-deps:
	@missing=""; for p in $(TEST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

test: system-deps mbrola install
	$(VENV)/bin/pytest -q

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache
