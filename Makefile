# Two commands matter: `make episode CH=1` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
READY  := $(VENV)/.ready
CH     ?= 1
EVAL   ?= ../shared/eval

.PHONY: setup episode publish season studio adapt render mix master test test-coqui eval train bench bench-long voices-check designed-cast speaker-reference clean distclean

$(READY): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(READY)

setup: $(READY)

episode: $(READY)
	$(PY) -m pipeline episode $(CH)

adapt render mix master: $(READY)
	$(PY) -m pipeline $@ $(CH)

season: $(READY)
	$(PY) -m pipeline season $(if $(SCHEDULER),--scheduler $(SCHEDULER),)

# Renders whatever is not rendered yet (every chapter), then builds output/site/.
publish: $(READY)
	$(PY) -m pipeline season
	$(PY) -m pipeline publish

# The studio: a page on http://127.0.0.1:$(PORT)/ to review, fix and re-render line by line.
PORT ?= 8765
studio: $(READY)
	$(PY) -m pipeline studio --port $(PORT)

# Both cores, a test file to each in turn (a file's shared renders are made once, in one worker); the
# slowest steps are listed, so a CI log shows where the ten minutes go.
test: $(READY)
	$(PY) -m pytest -n 2 --dist loadfile --durations=12

eval: $(READY)
	$(PY) -m pipeline eval $(EVAL)/pdnc

# Refits pipeline/text/speaker_ranking.json on the development novels (about three minutes).
train: $(READY)
	$(PY) -m pipeline train $(EVAL)/pdnc

clean:
	rm -rf output

distclean: clean
	rm -rf $(VENV) $(COQUI_VENV)

voices-check: $(READY)
	$(PY) bench/voices_check.py

# A cast of 16 designed one after the other: identification, near duplicates, WER, pitch,
# consistency and design time (about 15 minutes on one core).
designed-cast: $(READY)
	OMP_NUM_THREADS=1 $(PY) bench/designed_cast.py

# Only to recompute the speaker embedding's reference data (bench/speaker_reference.py): the real
# Resemblyzer needs torch (large), so it gets a venv of its own. Nothing else uses it.
CHECK_VENV := .venv-check
$(CHECK_VENV)/.ready: pyproject.toml
	$(PYTHON) -m venv $(CHECK_VENV)
	$(CHECK_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(CHECK_VENV)/bin/python -m pip install --quiet -e . resemblyzer pocketsphinx 'setuptools<81'
	touch $(CHECK_VENV)/.ready

speaker-reference: $(CHECK_VENV)/.ready
	$(PY) bench/speaker_reference.py clips
	$(CHECK_VENV)/bin/python bench/speaker_reference.py

bench: $(READY)
	$(PY) bench/bench.py

# Only the long chapter of the bench (20,000 generated words, cold): WORDS=5000 for a shorter one.
bench-long: $(READY)
	$(PY) bench/long_chapter.py $(WORDS)

# Coqui TTS pulls in torch (about 6 GB), so its engine is tested in a venv of its own.
COQUI_VENV := .venv-coqui
$(COQUI_VENV)/.ready: pyproject.toml
	$(PYTHON) -m venv $(COQUI_VENV)
	$(COQUI_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(COQUI_VENV)/bin/python -m pip install --quiet -e '.[test,coqui]'
	touch $(COQUI_VENV)/.ready

# Fails rather than skipping when TTS is missing, so a broken install cannot pass as "skipped".
test-coqui: $(COQUI_VENV)/.ready
	$(COQUI_VENV)/bin/python -c 'import TTS, torch, torchaudio'
	$(COQUI_VENV)/bin/python -m pytest tests/engines/test_coqui.py
