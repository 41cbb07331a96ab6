"""Every enumerated value has one list, and what the pipeline writes itself passes the checks it reads with."""
from pathlib import Path

import pytest

from pipeline.core.errors import unknown_value
from pipeline.mix.sounds import SoundLibrary, check_script_sounds
from pipeline.model.directions import DIRECTIONS
from pipeline.model.script import load_script, parse_script
from pipeline.takes.effects import DELIVERIES
from pipeline.text import attribution
from pipeline.text.adapt import adapt_text

REPO = Path(__file__).resolve().parents[2]


def test_every_direction_has_a_sound_and_every_sound_a_direction():
    assert set(DELIVERIES) == set(DIRECTIONS)


def test_the_adapter_only_writes_known_directions():
    derived = set(attribution.SPEECH_VERBS.values()) | set(attribution.ADVERBS.values())
    assert derived - {None} <= set(DIRECTIONS)


def test_unknown_value_suggests_the_closest_name_or_lists_them_all():
    close = str(unknown_value("scripts/ch01.yaml", 12, "direction", "whipser", DIRECTIONS))
    assert close.startswith("scripts/ch01.yaml:12: unknown direction 'whipser' — did you mean 'whisper'? (known: ")
    assert all(name in close for name in DIRECTIONS)
    far = str(unknown_value("mix.yaml", 3, "mix setting", "zzzz", ["duck_db", "stems"]))
    assert far == "mix.yaml:3: unknown mix setting 'zzzz' — use one of the known: duck_db, stems"


@pytest.mark.parametrize("chapter", sorted(p.name for p in (REPO / "chapters").glob("*.txt")))
def test_adapted_chapters_name_only_sounds_the_library_has(chapter):
    script = adapt_text((REPO / "chapters" / chapter).read_text(encoding="utf-8"), None, title=chapter)
    check_script_sounds(script, SoundLibrary(REPO / "sounds"))


@pytest.mark.parametrize("script", sorted(p.name for p in (REPO / "scripts").glob("*.yaml")))
def test_shipped_scripts_pass_every_check(script):
    check_script_sounds(load_script(REPO / "scripts" / script), SoundLibrary(REPO / "sounds"))


def test_a_user_sound_adds_a_name_a_script_may_use(tmp_path):
    import numpy as np

    from pipeline.core.audio import write_wav
    sounds = tmp_path / "sounds"
    sounds.mkdir()
    write_wav(sounds / "gong.wav", np.zeros((4410, 2), dtype=np.float32), 44100)
    (sounds / "index.yaml").write_text("sfx:\n  gong: {file: gong.wav, license: CC0, attribution: me}\n")
    script = parse_script({"title": "t", "scenes": [{"id": "s1", "lines": [{"sfx": "gong"}]}]}, tmp_path / "s.yaml")
    check_script_sounds(script, SoundLibrary(sounds))
    with pytest.raises(Exception, match="unknown sfx 'gong'"):
        check_script_sounds(script, SoundLibrary(None))
