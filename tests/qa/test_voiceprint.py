"""QA hears who speaks: every voiced line gets voice_match; a line in another voice is flagged."""

import numpy as np
import pytest

from conftest import make_project
from pipeline.core import audio
from pipeline.model.timeline import Cue, write_cues
from pipeline.model.casting import load_casting
from pipeline.qa import checks as qa
from pipeline.qa import voiceprint
from pipeline.takes.render import preview_takes

RATE = audio.SAMPLE_RATE
# (speaker, the voice the cast gives them, the voice the take was really rendered with, text, direction)
LINES = [
    ("narrator", "narrator", "narrator", "The next morning the doctor returned to the hospital, tired but calm.", None),
    ("Naruto", "naruto", "naruto", "I will bring him back, I promise you that, believe it!", None),
    ("Tsunade", "tsunade", "tsunade", "Sit down and listen to me for once, you stubborn boy.", None),
    ("Sakura", "sakura", "jiraiya", "You are late again, and everybody in the village knows it.", None),
    # A whisper keeps little of a voice: it is compared with its voice whispering.
    ("Naruto", "naruto", "naruto", "Quiet, they will hear us if you keep talking like that.", "whisper"),
    ("narrator", "narrator", "narrator", "She closed the window and the room fell quiet again.", None),
]
DIRECTIONS = [direction for *_, direction in LINES]
CAST_VOICES = ["narrator", "naruto", "tsunade", "sakura", "jiraiya"]


@pytest.fixture(scope="module")
def episode(tmp_path_factory):
    """output/ch01 whose fourth take was rendered with the wrong voice, laid end to end into an MP3."""
    project = make_project(tmp_path_factory.mktemp("voiceprint") / "proj", script=None)
    voices, _, lexicon = load_casting(project.voices)
    folder = project.episode_dir(1)
    folder.mkdir(parents=True)
    gap = np.zeros(int(0.6 * RATE), np.float32)
    pieces, takes, time_s = [gap], [], gap.shape[0] / RATE
    for speaker_name, _, rendered_with, text, direction in LINES:
        ((path,),) = preview_takes(voices, [rendered_with], [lexicon.apply(text)], project.voices, project.take_cache,
                                   direction=direction)
        samples = audio.read_wav(path)[0][:, 0]
        cue = Cue(round(time_s, 3), round(time_s + samples.shape[0] / RATE, 3), "speech", "s1",
                  speaker=speaker_name, text=text, take=path.stem)
        takes.append((cue, path))
        pieces += [samples, gap]
        time_s = cue.end + gap.shape[0] / RATE
    mono = np.concatenate(pieces) * 0.5
    audio.encode(audio.blocks_of(np.stack([mono, mono], axis=1)), project.episode(1))
    write_cues([cue for cue, _ in takes], project.cues(1))
    references = voiceprint.voice_references(voices, CAST_VOICES, project.voices, project.take_cache,
                                             deliveries=[("naruto", "whisper")])
    return project, folder, takes, references


def test_a_line_in_another_voice_is_flagged_with_its_time(episode):
    project, folder, takes, references = episode
    report = qa.check_episode(project, 1, takes, voices=[line[1] for line in LINES], references=references,
                              directions=DIRECTIONS)
    assert all("voice_match" in line and 0 <= line["voice_match"] <= 1 for line in report["lines"])
    (flagged,) = report["voice_flagged_lines"]
    assert flagged["speaker"] == "Sakura" and flagged["start_s"] == takes[3][0].start
    assert "closer to voice 'jiraiya'" in flagged["voice_problem"]
    assert flagged["nearest_other_voice"] == "jiraiya"
    for line in report["lines"]:
        if line is not flagged and line["start_s"] != flagged["start_s"]:
            assert line["voice_match"] >= voiceprint.FAR_FROM_OWN, line
            assert line["voice_match"] > line["nearest_other_match"], line
    assert flagged["voice_match"] < flagged["nearest_other_match"]
    assert report["voice_check"]["lines_matched"] == len(LINES)
    text = qa.summary(report)
    assert "1 closer to another voice" in text and "Sakura" in text, text
    assert text.splitlines()[-1].startswith("verdict  NOT publishable: 1 line(s) in another character's voice, first at")
    print(text)


def test_the_right_voices_pass(episode):
    project, folder, takes, references = episode
    voices = [line[2] for line in LINES]       # what really speaks each take
    report = qa.check_episode(project, 1, takes, voices=voices, references=references, directions=DIRECTIONS)
    (whispered,) = [line for line in report["lines"] if line.get("direction") == "whisper"]
    assert whispered["voice_match"] >= voiceprint.FAR_FROM_OWN
    assert report["voice_flagged_lines"] == []
    assert report["voice_check"]["min_voice_match"] >= voiceprint.FAR_FROM_OWN
    assert qa.summary(report).splitlines()[-1] == "verdict  publishable"


def test_references_are_cached_by_the_voice_content(episode):
    project, _, _, references = episode
    voices, _, _ = load_casting(project.voices)
    stored = sorted(voiceprint.voiceprint_dir(project.take_cache).glob("*.json"))
    assert len(stored) == len(CAST_VOICES) + 1     # and naruto whispering
    assert "naruto (whisper)" in references
    again = voiceprint.voice_references(voices, CAST_VOICES, project.voices, project.take_cache,
                                        deliveries=[("naruto", "whisper")])
    assert all(np.allclose(again[n], references[n], atol=1e-6) for n in CAST_VOICES)
    assert sorted(voiceprint.voiceprint_dir(project.take_cache).glob("*.json")) == stored
    # A changed voice is a new voice: a new reference, the others untouched.
    changed = voices["naruto"].model_copy(update={"pitch_semitones": voices["naruto"].pitch_semitones + 3})
    fresh = voiceprint.voice_references({**voices, "naruto": changed}, ["naruto"], project.voices, project.take_cache)
    assert len(list(voiceprint.voiceprint_dir(project.take_cache).glob("*.json"))) == len(CAST_VOICES) + 2
    assert 0.5 < float(fresh["naruto"] @ references["naruto"]) < 0.999


def test_voices_list_shows_pitch_and_the_nearest_voice(episode, capsys):
    from pipeline.cli import main
    project = episode[0]
    voices, cast, _ = load_casting(project.voices)
    assert main(["--project", str(project.root), "voices", "list", "--jobs", "2"]) == 0
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert set(rows) == set(voices)
    profiles = voiceprint.voice_profiles(voices, list(voices), project.voices, project.take_cache)
    nearest = voiceprint.nearest_voices(profiles)
    for name, row in rows.items():
        fields = row.split()
        assert fields[1] == voices[name].gender
        pitch_hz = float(fields[3])
        assert 60 < pitch_hz < 500 and pitch_hz == round(profiles[name].median_pitch_hz)
        other, score = nearest[name]
        assert fields[5] == other and other != name and float(fields[6]) == round(score, 2)
        assert float(fields[6]) == max(round(float(profiles[name].embedding @ profiles[n].embedding), 2)
                                       for n in voices if n != name)
    assert "(narrator)" in rows[cast.narrator]


def test_a_take_far_from_every_voice_is_far_from_its_own_not_in_another_voice(monkeypatch, tmp_path):
    references = {"denise": np.array([1.0, 0.0, 0.0]), "loretta": np.array([0.0, 1.0, 0.0]),
                  "ray": np.array([0.0, 0.0, 1.0])}
    takes = {"short": np.array([0.60, 0.62, 0.50]),        # 0.60 to its own, 0.62 to Loretta's
             "wrong": np.array([0.30, 0.95, 0.0]),          # 0.95 to Loretta's: in her voice
             "edge": np.array([0.799, 0.0, 0.6013])}        # just under the line, and said so
    monkeypatch.setattr(voiceprint, "embed_takes", lambda paths: (np.stack([takes[p.stem] for p in paths]),
                                                                   [1.5] * len(paths)))
    short, wrong, edge = voiceprint.match_takes([tmp_path / f"{n}.wav" for n in ("short", "wrong", "edge")],
                                                ["denise"] * 3, references)
    assert edge["voice_problem"] == "far from its own voice 'denise' (0.79 < 0.80)", edge
    assert short["voice_problem"].startswith("far from its own voice 'denise'"), short
    assert wrong["voice_problem"].startswith("sounds closer to voice 'loretta'"), wrong


def test_a_take_shorter_than_one_window_is_in_another_voice_only_when_clearly_nearer_it(monkeypatch, tmp_path):
    """Two old men 0.84 apart: a line of 1.4 s came 0.014 nearer the other's voice than its own
    (the embedding hears it through one partial window), while a line really in the other's voice
    is about 0.1 nearer it."""
    references = {"alph": np.array([1.0, 0.0]), "gerald": np.array([0.84, np.sqrt(1 - 0.84 ** 2)])}

    def unit(toward_gerald):
        v = (1 - toward_gerald) * references["alph"] + toward_gerald * references["gerald"]
        return v / np.linalg.norm(v)
    tie, wrong = unit(0.55), unit(0.95)
    takes = {"tie-short": (tie, 1.4), "wrong-short": (wrong, 1.4), "tie-long": (tie, 2.5)}
    monkeypatch.setattr(voiceprint, "embed_takes", lambda paths: (np.stack([takes[p.stem][0] for p in paths]),
                                                                   [takes[p.stem][1] for p in paths]))
    short_tie, short_wrong, long_tie = voiceprint.match_takes(
        [tmp_path / f"{n}.wav" for n in takes], ["alph"] * 3, references)
    assert 0 < short_tie["nearest_other_match"] - short_tie["voice_match"] < voiceprint.SHORT_TAKE_MARGIN
    assert "voice_problem" not in short_tie, short_tie
    assert short_wrong["voice_problem"].startswith("sounds closer to voice 'gerald'"), short_wrong
    assert long_tie["voice_problem"].startswith("sounds closer to voice 'gerald'"), long_tie
