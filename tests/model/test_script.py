import pytest

from pipeline.core.errors import PipelineError
from pipeline.model.script import as_performed, load_script, parse_script, to_yaml
from pipeline.core import yamlfile


def write(tmp_path, text):
    path = tmp_path / "ch01.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_every_kind_of_line(tmp_path):
    path = write(tmp_path, """\
title: One
scenes:
- id: s1
  place: hospital
  ambience: hospital
  lines:
  - narrator: She knocked.
  - sfx: knock
  - Tsunade: Naruto!
    direction: shout
    tag: she said
  - letter: Dear Oba-chan, I am leaving.
    by: Naruto
  - note: (A/N not voiced)
  - Naruto: I'll get him back.
    thought: true
    pause_s: 1.5
  - music: sting
""")
    script = load_script(path)
    kinds = [line.kind for line in script.scenes[0].lines]
    assert kinds == ["narration", "sfx", "dialogue", "letter", "note", "dialogue", "music"]
    tsunade = script.scenes[0].lines[2]
    assert (tsunade.speaker, tsunade.direction, tsunade.tag) == ("Tsunade", "shout", "she said")
    letter = script.scenes[0].lines[3]
    assert letter.speaker == "Naruto" and letter.voiced
    assert not script.scenes[0].lines[4].voiced
    assert script.scenes[0].lines[5].thought and script.scenes[0].lines[5].pause_s == 1.5
    assert script.speakers() == {"Tsunade", "Naruto"}


def test_round_trip_through_yaml(tmp_path):
    path = write(tmp_path, """\
title: "Chapter: 1 & more"
scenes:
- id: s1
  lines:
  - narrator: "Quotes \\"inside\\" and: colons"
  - Sakura: 'It''s fine'
    direction: whisper
""")
    script = load_script(path)
    again = parse_script(yamlfile.loads(to_yaml(script), path), path)
    assert [(l.kind, l.text, l.speaker, l.direction) for l in again.scenes[0].lines] == \
        [(l.kind, l.text, l.speaker, l.direction) for l in script.scenes[0].lines]
    assert again.title == "Chapter: 1 & more"


def test_keep_speech_tags_narrates_them(tmp_path):
    path = write(tmp_path, "title: t\nspeech_tags: keep\nscenes:\n- id: s1\n  lines:\n  - Jiraiya: Long enough.\n    tag: Jiraiya said\n")
    performed = as_performed(load_script(path))
    assert [(l.kind, l.text) for l in performed.scenes[0].lines] == [("dialogue", "Long enough."), ("narration", "Jiraiya said")]


@pytest.mark.parametrize("text, line, words", [
    ("title: t\nscenes:\n- id: s1\n  lines:\n  - Naruto: hi\n    Sakura: hello\n", 5, "exactly one speaker"),
    ("title: t\nscenes:\n- id: s1\n  lines:\n  - narrator: ok\n  - [1, 2]\n", 6, "must be a mapping"),
    ("title: t\nscenes:\n- id: s1\n  lines:\n  - Naruto: [a, b]\n", 5, "must be text"),
    ("title: t\nscenes:\n- id: s1\n  lines:\n  - narrator: hi\n    pause_s: lots\n", 6, "pause_s must be a number"),
    ("title: t\nscenes:\n- id: s1\n  lines:\n  - sfx: ../../etc/passwd\n", 5, "not a sfx cue name"),
    ("title: t\nscenes:\n- id: s1\n  lines: []\n- id: s1\n  lines: []\n", 5, "used twice"),
    ("title: t\nscenes:\n- id: s1\n  colour: red\n", 4, "unknown scene key"),
    ("title: t\nscenes: []\n", 2, "no scenes"),
    ("title: t\nscenes:\n- id: s1\n  lines:\n  - narrator: 'unclosed\n", 5, "invalid YAML"),
    ("title: t\nspeech_tags: sometimes\nscenes:\n- id: s1\n", 2, "speech_tags"),
    ("title: t\nscenes:\n- id: s1\n  lines:\n  - Naruto: hi\n    by: Sakura\n", 6, "`by` only goes with `letter`"),
])
def test_mistakes_name_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(PipelineError) as caught:
        load_script(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert words in message
    assert "\n" not in message


def test_binary_and_non_utf8_are_refused(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"title: caf\xe9\n")
    with pytest.raises(PipelineError, match="not valid UTF-8"):
        load_script(path)
    path.write_bytes(b"\x00\x01\x02")
    with pytest.raises(PipelineError, match="binary"):
        load_script(path)
