"""The sound library and the mix, measured: beds loop seamlessly, places sound like places,
ambience fills the gaps but sits under the voices."""
import json

import numpy as np
import pytest

from pipeline.core import audio
from pipeline.core.errors import PipelineError
from pipeline.mix.sounds import AMBIENCES, MUSIC, SFX, SAMPLE_RATE, SoundLibrary
from pipeline.text.vocabulary import resolve_ambience


@pytest.fixture(scope="module")
def library():
    return SoundLibrary(seed=0)


def rms_db(x):
    return 10 * np.log10(np.mean(np.asarray(x, dtype=np.float64) ** 2) + 1e-20)


def high_band_fraction(x, cutoff_hz=2000):
    spectrum = np.abs(np.fft.rfft(x.mean(axis=1))) ** 2
    freqs = np.fft.rfftfreq(x.shape[0], 1 / SAMPLE_RATE)
    return spectrum[freqs > cutoff_hz].sum() / spectrum.sum()


@pytest.mark.parametrize("kind, names", [("ambience", AMBIENCES), ("sfx", SFX), ("music", MUSIC)])
def test_every_sound_is_real_audio(library, kind, names):
    for name in names:
        sound = {"ambience": library.bed, "sfx": library.sfx, "music": library.music}[kind](name)
        assert sound.ndim == 2 and sound.shape[1] == 2 and sound.dtype == np.float32
        assert np.isfinite(sound).all() and np.max(np.abs(sound)) <= 1.0
        assert rms_db(sound) > -45, f"{kind} {name} is nearly silent"
        if kind == "ambience":
            assert abs(rms_db(sound) - (-30)) < 1.0
            # wide, not mono: the channels are not the same signal
            assert np.corrcoef(sound[:, 0], sound[:, 1])[0, 1] < 0.95


def test_same_seed_same_bytes_other_seed_other_bytes():
    assert SoundLibrary(seed=3).bed("forest").tobytes() == SoundLibrary(seed=3).bed("forest").tobytes()
    assert SoundLibrary(seed=3).bed("forest").tobytes() != SoundLibrary(seed=4).bed("forest").tobytes()


@pytest.mark.parametrize("name", AMBIENCES)
def test_beds_loop_without_a_click(library, name):
    bed = library.bed(name)
    looped = np.concatenate([bed, bed])
    seam = bed.shape[0]
    step = np.abs(np.diff(looped, axis=0))
    body = np.percentile(step[: seam - 10], 99.9)
    assert step[seam - 64: seam + 64].max() <= max(1.5 * body, 1e-4)
    window = int(0.25 * SAMPLE_RATE)
    assert abs(rms_db(looped[seam - window: seam]) - rms_db(looped[seam: seam + window])) < 3.0


def test_one_shots_start_and_end_in_silence(library):
    for name in SFX + MUSIC:
        sound = library.sfx(name) if name in SFX else library.music(name)
        assert np.max(np.abs(sound[:2])) < 1e-3 and np.max(np.abs(sound[-2:])) < 1e-3, name


def test_the_waterfall_is_brighter_than_the_hospital(library):
    assert high_band_fraction(library.bed("waterfall")) > 2 * high_band_fraction(library.bed("hospital"))


def test_the_hospital_has_a_heart_monitor(library):
    bed = library.bed("hospital").mean(axis=1)
    spectrum = np.fft.rfft(bed)
    freqs = np.fft.rfftfreq(bed.size, 1 / SAMPLE_RATE)
    spectrum[(freqs < 900) | (freqs > 1100)] = 0
    envelope = np.abs(np.fft.irfft(spectrum, bed.size))
    hop = SAMPLE_RATE // 100
    frames = envelope[: envelope.size // hop * hop].reshape(-1, hop).mean(axis=1)
    frames = frames - frames.mean()
    correlation = np.correlate(frames, frames, "full")[frames.size - 1:]
    lag = np.argmax(correlation[50:200]) + 50           # between 0.5 s and 2 s
    assert abs(lag - 100) <= 2                          # one beep a second


def test_place_words_choose_beds():
    assert resolve_ambience("the falls") == "waterfall"
    assert resolve_ambience("infirmary") == "hospital"
    assert resolve_ambience("deep woods") == "forest"
    assert resolve_ambience("a quiet moment") is None


def write_wav(path, seconds=5.0):
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    tone = (0.2 * np.sin(2 * np.pi * 330 * t)).astype(np.float32)
    audio.write_wav(path, np.stack([tone, tone], axis=1))


def test_a_producers_file_replaces_a_built_in(tmp_path):
    write_wav(tmp_path / "my-falls.wav")
    (tmp_path / "index.yaml").write_text(
        "ambience:\n  waterfall: {file: my-falls.wav, license: CC-BY 4.0, attribution: Me}\n")
    library = SoundLibrary(tmp_path)
    bed = library.bed("waterfall")
    assert bed.shape[1] == 2 and abs(rms_db(bed) - rms_db(0.2 * np.sin(np.linspace(0, 1000, 1000)))) < 1.5
    assert library.info("ambience", "waterfall")["license"] == "CC-BY 4.0"
    assert library.info("ambience", "hospital")["license"] == "CC0"


@pytest.mark.parametrize("file, words", [("../../etc/passwd", "outside the sounds folder"),
                                         ("/etc/passwd", "outside the sounds folder"),
                                         ("link.wav", "links outside"),
                                         ("missing.wav", "does not exist")])
def test_sound_paths_stay_inside_the_sounds_folder(tmp_path, file, words):
    outside = tmp_path / "outside.wav"
    write_wav(outside)
    folder = tmp_path / "sounds"
    folder.mkdir()
    (folder / "link.wav").symlink_to(outside)
    (folder / "index.yaml").write_text(f"sfx:\n  knock: {{file: '{file}', license: CC0, attribution: x}}\n")
    with pytest.raises(PipelineError) as caught:
        SoundLibrary(folder)
    assert str(caught.value).startswith(f"{folder / 'index.yaml'}:2: ")
    assert words in str(caught.value)


def read(path):
    samples, _ = audio.read_wav(path)
    return samples


def test_the_mix_fills_gaps_with_ambience_under_the_voices(rendered_episode):
    project, summary = rendered_episode
    out = project.episode_dir(9)
    cues = json.loads((out / "cues.json").read_text())
    episode = audio.decode(out / "episode.mp3")
    speech = [c for c in cues if c["kind"] == "speech"]
    others = [c for c in cues if c["kind"] in ("sfx", "music")]
    gaps = 0
    for a, b in zip(speech, speech[1:]):
        if a["scene"] != b["scene"] or b["start"] - a["end"] < 0.3:
            continue
        lo, hi = a["end"] + 0.08, b["start"] - 0.05
        if any(o["start"] < hi and o["end"] > lo for o in others):
            continue
        level = rms_db(episode[int(lo * SAMPLE_RATE): int(hi * SAMPLE_RATE)])
        assert -55 <= level <= -25, f"gap {lo:.2f}-{hi:.2f} s is at {level:.1f} dBFS"
        gaps += 1
    assert gaps >= 1
    dialogue, ambience = read(out / "stems" / "dialogue.wav"), read(out / "stems" / "ambience.wav")
    during = np.zeros(dialogue.shape[0], dtype=bool)
    for c in speech:
        during[int(c["start"] * SAMPLE_RATE): int(c["end"] * SAMPLE_RATE)] = True
    assert rms_db(dialogue[during]) - rms_db(ambience[during]) >= 12
    assert np.max(np.abs(read(out / "mix.wav"))) < 0.999


def test_scene_change_crossfades_the_beds(rendered_episode):
    project, _ = rendered_episode
    cues = json.loads((project.episode_dir(9) / "cues.json").read_text())
    beds = [c for c in cues if c["kind"] == "ambience"]
    assert [b["name"] for b in beds] == ["hospital", "waterfall"]
    assert beds[0]["end"] - beds[1]["start"] >= 1.0      # they overlap by at least a second
