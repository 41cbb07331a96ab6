"""End to end: a short script becomes a mastered episode, measured on the encoded file."""
import json

import numpy as np
from mutagen.id3 import ID3

from pipeline.core import audio
from pipeline.run.episode import make_episode


def test_episode_is_loud_enough_and_not_silence(rendered_episode):
    project, summary = rendered_episode
    episode = project.episode_dir(9) / "episode.mp3"
    figures = audio.measure_file(episode)
    assert abs(figures["integrated_lufs"] - (-16.0)) <= 1.0
    assert figures["true_peak_dbtp"] <= -1.0
    samples = audio.decode(episode)
    assert samples.shape[1] == 2
    # speech is there: most 1 s windows carry real signal
    windows = samples[: samples.shape[0] // 44100 * 44100].reshape(-1, 44100, 2)
    levels = 10 * np.log10(np.mean(windows ** 2, axis=(1, 2)) + 1e-12)
    assert np.mean(levels > -40) > 0.8


def test_cues_place_every_line_in_time(rendered_episode):
    project, _ = rendered_episode
    cues = json.loads((project.episode_dir(9) / "cues.json").read_text())
    assert {c["kind"] for c in cues} >= {"speech", "ambience", "sfx", "music"}
    speech = [c for c in cues if c["kind"] == "speech"]
    assert [c["speaker"] for c in speech] == ["narrator", "Tsunade", "Naruto", "narrator", "Naruto"]
    assert {c["scene"] for c in speech} == {"s1-hospital", "s2-waterfall"}
    starts = [c["start"] for c in speech]
    assert starts == sorted(starts)
    assert all(b["start"] >= a["end"] for a, b in zip(speech, speech[1:])), "lines overlap"
    duration = audio.measure_file(project.episode_dir(9) / "episode.mp3")["duration_s"]
    assert max(c["end"] for c in cues) <= duration + 0.1
    for cue in cues:
        assert set(cue) == {"start", "end", "kind", "scene", "speaker", "text", "name", "take", "pause_s"}
        assert cue["end"] > cue["start"] >= 0
    # each line names its take, the cache file it was mixed from; nothing else has one
    assert all(project.take_cache.joinpath(c["take"][:2], f"{c['take']}.wav").is_file() for c in speech)
    assert all(c["take"] is None for c in cues if c["kind"] != "speech")
    knock = next(c for c in cues if c["kind"] == "sfx")
    assert knock["name"] == "knock" and speech[0]["end"] <= knock["start"] <= speech[1]["start"]


def test_tags_and_scene_chapters(rendered_episode):
    project, _ = rendered_episode
    tags = ID3(project.episode_dir(9) / "episode.mp3")
    assert str(tags["TIT2"]) == "Test Episode"
    assert str(tags["TALB"]) == "The Rejected Shinobi"
    assert str(tags["TRCK"]) == "9"
    chapters = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    assert [str(c.sub_frames["TIT2"]) for c in chapters] == ["Hospital", "Waterfall"]
    assert chapters[0].start_time == 0


def test_stems_add_up_to_the_mix(rendered_episode):
    project, _ = rendered_episode
    stems = {name: audio.read_wav(project.episode_dir(9) / "stems" / f"{name}.wav")[0]
             for name in ("dialogue", "ambience", "sfx", "music")}
    mix, _ = audio.read_wav(project.episode_dir(9) / "mix.wav")
    assert all(stem.shape == mix.shape for stem in stems.values())
    assert np.max(np.abs(mix)) < 0.999, "the mix clips before mastering"
    total = sum(stems.values()) * 10 ** (-3 / 20)
    # the mix is the stems at -3 dB; only the safety limiter may differ, and only briefly
    residual_db = 10 * np.log10(np.sum((total - mix) ** 2) / np.sum(mix ** 2))
    assert residual_db < -30


def test_second_run_changes_nothing(rendered_episode):
    project, _ = rendered_episode
    episode = project.episode_dir(9) / "episode.mp3"
    before = episode.read_bytes()
    summary = make_episode(project, 9, workers=1, log=lambda *_: None)
    assert summary["synthesized"] == 0
    assert summary["mix"]["skipped"]
    assert episode.read_bytes() == before
    assert not list(project.output.rglob(".*.part*")), "a temp file was left behind"


def test_encoding_hears_the_file_back_even_in_an_odd_folder(tmp_path):
    # the tee muxer takes [ ] | : as syntax; a project may live in a folder named with them
    folder = tmp_path / "show [draft] | take: 2"
    folder.mkdir()
    rng = np.random.default_rng(3)
    noise = (rng.standard_normal((44100 * 3, 2)) * 0.1).astype(np.float32)
    heard = audio.encode([noise], folder / "episode.mp3", measure=True)
    on_disk = audio.measure_file(folder / "episode.mp3")
    assert abs(heard["integrated_lufs"] - on_disk["integrated_lufs"]) < 0.1
    assert abs(heard["duration_s"] - 3.0) < 0.1 and heard["integrated_lufs"] > -30


def test_every_voiced_line_is_matched_to_its_voice(rendered_episode):
    project, summary = rendered_episode
    report = json.loads(project.qa_report(9).read_text(encoding="utf-8"))
    assert report["lines"] and all(0 <= line["voice_match"] <= 1 for line in report["lines"])
    # Every voice heard is a reference; the shouted "Again!" is compared with its voice shouting.
    references = set(report["voice_check"]["references"])
    assert {line["voice"] for line in report["lines"]} <= references
    (shout,) = [line for line in report["lines"] if line.get("direction") == "shout"]
    assert f"{shout['voice']} (shout)" in references
    judged = [line for line in report["lines"] if line["end_s"] - line["start_s"] > 2]
    assert judged and all(line["voice_match"] > line["nearest_other_match"] for line in judged), judged
    assert report["voice_flagged_lines"] == []
