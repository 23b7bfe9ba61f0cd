# Everyday commands; each says what it runs. Use the project's virtual environment
# (python3 -m venv .venv && .venv/bin/pip install -e '.[test]'; . .venv/bin/activate).

PYTEST ?= pytest
FAST = not browser and not benchmark and not slow

.PHONY: test test-fast lint messages

test:  ## the whole suite, browser tests included (Debian's chromium)
	$(PYTEST)

test-fast:  ## no browser, no benchmarks, no slow tests: the quick check before a commit
	$(PYTEST) -q -m "$(FAST)"

lint:  ## ruff (pycodestyle, pyflakes, import sorting, bugbear, pyupgrade, complexity), layering
	ruff check .
	python tools/layering.py --quiet --max 0

messages:  ## German translations: collect new strings into django.po, then compile django.mo
	cd src/leitstand && leitstand makemessages -l de --no-obsolete \
		--ignore 'ingest/*' --ignore '*/migrations/*'
	cd src/leitstand && leitstand compilemessages -l de
