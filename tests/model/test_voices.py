from pathlib import Path

import pytest

from pipeline.core.errors import PipelineError
from pipeline.engines.registry import resolve_model
from pipeline.model.casting import Lexicon, load_cast, load_lexicon, load_voice, load_voices

REPO = Path(__file__).resolve().parents[2]


def test_shipped_voices_load_and_cast_covers_chapter_one():
    voices = load_voices(REPO / "voices")
    assert len(voices) >= 8
    cast = load_cast(REPO / "voices" / "cast.yaml", voices)
    for name in ("Naruto", "Tsunade", "Jiraiya", "Sakura"):
        assert cast.voice_for(name) != cast.narrator
    assert len({cast.voice_for(n) for n in ("Naruto", "Tsunade", "Jiraiya", "Sakura")}) == 4


@pytest.mark.parametrize("text, line, words", [
    ("engine: piper\npitch_semitones: 40\n", 2, "pitch_semitones"),
    ("engine: piper\npich_semitones: 2\n", 2, "unknown setting 'pich_semitones'"),
    ("engine: espeak\n", 1, "engine"),
    ("eq:\n  low_shelf_db: loud\n", 2, "eq.low_shelf_db"),
    ("- a\n- b\n", 1, "must be a mapping"),
])
def test_voice_mistakes_name_file_and_line(tmp_path, text, line, words):
    path = tmp_path / "x.yaml"
    path.write_text(text)
    with pytest.raises(PipelineError) as caught:
        load_voice(path)
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert words in str(caught.value)


def test_model_paths_cannot_escape_the_voices_folder(tmp_path):
    (tmp_path / "outside.onnx").write_bytes(b"x")
    voices_dir = tmp_path / "voices"
    voices_dir.mkdir()
    (voices_dir / "link.onnx").symlink_to(tmp_path / "outside.onnx")
    for model in ("../outside.onnx", "/etc/passwd", "link.onnx", "missing.onnx"):
        path = voices_dir / "v.yaml"
        path.write_text(f"model: {model}\n")
        with pytest.raises(PipelineError) as caught:
            resolve_model(load_voice(path), voices_dir)
        assert str(caught.value).startswith(str(path))


def test_cast_naming_a_missing_voice_is_an_error(tmp_path):
    voices = load_voices(REPO / "voices")
    path = tmp_path / "cast.yaml"
    path.write_text("narrator: narrator\ncharacters:\n  Naruto:\n    voice: nobody\n")
    with pytest.raises(PipelineError) as caught:
        load_cast(path, voices)
    assert str(caught.value).startswith(f"{path}:4: ")


def test_lexicon_changes_the_phonemes_given_to_the_model():
    from pipeline.engines.registry import get_engine
    voice = load_voices(REPO / "voices")["narrator"]
    engine = get_engine("piper", resolve_model(voice, REPO / "voices"))
    lexicon = load_lexicon(REPO / "voices" / "lexicon.yaml")
    plain = engine.phonemes("Tsunade went to Ichiraku's.")
    respelled = engine.phonemes(lexicon.apply("Tsunade went to Ichiraku's."))
    assert plain != respelled
    # the respelling says "Tsoo-nah-day": the last vowel is eɪ, not a silent e
    assert "".join(respelled[0]).startswith("tsˈuːnɑːdˌeɪ")
    assert Lexicon({"[[x]]": "y"}).apply("keep this") == "keep this"
