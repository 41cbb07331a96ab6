"""Random YAML never crashes the script and voice loaders: it loads or fails in one clear line."""
from pathlib import Path

import yaml
from hypothesis import given, settings, strategies as st

from pipeline import yamlfile
from pipeline.errors import PipelineError
from pipeline.script import parse_script, to_yaml
from pipeline.voices import load_voice

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                    st.text(max_size=30))
keys = st.one_of(st.sampled_from(["title", "scenes", "id", "place", "ambience", "lines", "narrator", "sfx",
                                  "Naruto", "direction", "pause_s", "thought", "by", "letter", "note",
                                  "pitch_semitones", "eq", "engine", "model", "pan", "gain_db"]),
                 st.text(max_size=12))
documents = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                         st.dictionaries(keys, inner, max_size=6)), max_leaves=30)


def as_yaml(document) -> str:
    return yaml.safe_dump(document, allow_unicode=True)


@settings(max_examples=200, deadline=None)
@given(documents)
def test_script_loader_never_crashes(document):
    path = Path("scripts/fuzz.yaml")
    try:
        script = parse_script(yamlfile.loads(as_yaml(document), path), path)
    except PipelineError as error:
        assert str(error).startswith(str(path)) and "\n" not in str(error)
        return
    again = parse_script(yamlfile.loads(to_yaml(script), path), path)
    assert [s.id for s in again.scenes] == [s.id for s in script.scenes]


@settings(max_examples=200, deadline=None)
@given(st.one_of(documents, st.text(max_size=200)))
def test_voice_loader_never_crashes(tmp_path_factory, document):
    path = tmp_path_factory.mktemp("v") / "fuzz.yaml"
    path.write_text(document if isinstance(document, str) else as_yaml(document), encoding="utf-8")
    try:
        load_voice(path)
    except PipelineError as error:
        assert str(error).startswith(str(path)) and "\n" not in str(error)
