"""Coqui engine: a tiny randomly initialised multi-speaker VITS, saved the way Coqui saves one.

Needs the coqui extra (`make test-coqui`); the plain `make test` skips this file.
"""
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("TTS")

from pipeline.engines.base import SynthesisRequest  # noqa: E402
from pipeline.engines.registry import engine_version, get_engine, resolve_model  # noqa: E402
from pipeline.core.errors import PipelineError  # noqa: E402
from pipeline.model.casting import load_voice  # noqa: E402

SPEAKERS = ["alice", "bob", "carol"]
LINE = "Tsunade returned to the hospital. Nobody said a word!"
RATE = 16000


def build_tiny_vits(folder: Path) -> None:
    """A multi-speaker VITS of about a million weights, random, written by Coqui's own savers.

    Characters instead of phonemes so nothing needs espeak. The config records the speaker
    file by its path at 'training' time, as Coqui's trainer does.
    """
    import torch
    from trainer.io import save_checkpoint
    from TTS.config.shared_configs import BaseAudioConfig
    from TTS.tts.configs.shared_configs import CharactersConfig
    from TTS.tts.configs.vits_config import VitsArgs, VitsConfig
    from TTS.tts.models.vits import Vits
    from TTS.tts.utils.speakers import SpeakerManager

    folder.mkdir(parents=True)
    speakers_file = folder / "speakers.pth"
    manager = SpeakerManager()
    manager.name_to_id = {name: index for index, name in enumerate(SPEAKERS)}
    manager.save_ids_to_file(str(speakers_file))
    args = VitsArgs(
        hidden_channels=16, hidden_channels_ffn_text_encoder=32, num_heads_text_encoder=2,
        num_layers_text_encoder=1, num_layers_posterior_encoder=1, num_layers_flow=1,
        upsample_initial_channel_decoder=32, upsample_rates_decoder=[8, 8, 4],
        upsample_kernel_sizes_decoder=[16, 16, 8], resblock_kernel_sizes_decoder=[3],
        resblock_dilation_sizes_decoder=[[1, 3, 5]], use_speaker_embedding=True,
        speaker_embedding_channels=16, speakers_file=str(speakers_file), init_discriminator=False)
    config = VitsConfig(
        model_args=args, use_phonemes=False, text_cleaner="basic_cleaners",
        use_speaker_embedding=True, speakers_file=str(speakers_file),
        audio=BaseAudioConfig(sample_rate=RATE, hop_length=256, win_length=1024, fft_size=1024, num_mels=80),
        characters=CharactersConfig(characters_class="TTS.tts.models.vits.VitsCharacters",
                                    characters="abcdefghijklmnopqrstuvwxyz", punctuations=" .,;:!?'-",
                                    pad="_", eos="", bos="", blank="<BLNK>", phonemes=""))
    torch.manual_seed(7)
    model = Vits(config)
    with torch.no_grad():
        # random speaker rows are close together; spread them so speakers are heard apart
        model.emb_g.weight.mul_(20.0)
    config.save_json(str(folder / "config.json"))
    save_checkpoint(config, model, str(folder), current_step=1000, epoch=1)


@pytest.fixture(scope="module")
def voices_dir(tmp_path_factory):
    """voices/ with the model copied in from where it was 'trained' (which then disappears)."""
    root = tmp_path_factory.mktemp("coqui")
    build_tiny_vits(root / "training-run")
    voices = root / "voices"
    (voices / "models").mkdir(parents=True)
    shutil.move(str(root / "training-run"), str(voices / "models" / "tiny-vits"))
    return voices


def write_voice(voices_dir: Path, name: str, body: str) -> Path:
    path = voices_dir / f"{name}.yaml"
    path.write_text(body)
    return path


@pytest.fixture(scope="module")
def engine(voices_dir):
    path = write_voice(voices_dir, "alice", "engine: coqui\nmodel: models/tiny-vits\nspeaker: alice\n")
    return get_engine("coqui", resolve_model(load_voice(path), voices_dir))


@pytest.fixture(scope="module")
def takes(engine):
    return {name: engine.synthesize(SynthesisRequest(LINE, speaker=name, seed=5)) for name in SPEAKERS}


def rms(audio):
    return float(np.sqrt(np.mean(audio.astype(np.float64) ** 2)))


def test_a_voice_folder_resolves_to_its_latest_checkpoint(voices_dir):
    path = write_voice(voices_dir, "v", "engine: coqui\nmodel: models/tiny-vits\nspeaker: bob\n")
    model = resolve_model(load_voice(path), voices_dir)
    assert model == (voices_dir / "models" / "tiny-vits" / "checkpoint_1000.pth").resolve()
    direct = write_voice(voices_dir, "v", "engine: coqui\nmodel: models/tiny-vits/checkpoint_1000.pth\n")
    assert resolve_model(load_voice(direct), voices_dir) == model
    assert "coqui-tts 0.28" in engine_version("coqui") and "torch" in engine_version("coqui")


def test_speaks_finite_non_silent_audio_at_the_model_rate(engine, takes):
    assert engine.sample_rate == RATE
    assert engine.speakers == {"alice": 0, "bob": 1, "carol": 2}
    audio = takes["alice"]
    assert audio.dtype == np.float32 and audio.ndim == 1
    assert np.isfinite(audio).all() and np.abs(audio).max() <= 1.0
    assert 0.5 < audio.size / RATE < 10
    assert rms(audio) > 1e-3 and audio.std() > 1e-3      # not silent, and not a constant


def test_speakers_differ_and_an_index_names_the_same_speaker(engine, takes):
    for a, b in (("alice", "bob"), ("bob", "carol"), ("alice", "carol")):
        assert takes[a].tobytes() != takes[b].tobytes()
        size = min(takes[a].size, takes[b].size)
        assert np.abs(takes[a][:size] - takes[b][:size]).mean() > 0.2 * takes[a].std()
    by_index = engine.synthesize(SynthesisRequest(LINE, speaker=1, seed=5))
    assert by_index.tobytes() == takes["bob"].tobytes()
    assert engine.synthesize(SynthesisRequest(LINE, seed=5)).tobytes() == takes["alice"].tobytes()


def test_same_seed_gives_identical_samples_and_another_seed_does_not(engine, takes, voices_dir):
    from pipeline.engines.coqui import CoquiEngine
    import torch
    torch.manual_seed(123)
    before = torch.rand(3)
    again = engine.synthesize(SynthesisRequest(LINE, speaker="carol", seed=5))
    assert again.tobytes() == takes["carol"].tobytes()
    fresh = CoquiEngine(voices_dir / "models" / "tiny-vits", threads=1)
    assert fresh.synthesize(SynthesisRequest(LINE, speaker="carol", seed=5)).tobytes() == takes["carol"].tobytes()
    assert engine.synthesize(SynthesisRequest(LINE, speaker="carol", seed=6)).tobytes() != takes["carol"].tobytes()
    torch.manual_seed(123)
    assert torch.equal(torch.rand(3), before)        # the caller's random state is left alone


def test_scales_and_sentence_pauses_are_honoured(engine, takes):
    slow = engine.synthesize(SynthesisRequest(LINE, speaker="alice", seed=5, length_scale=2.0))
    assert slow.size > 1.5 * takes["alice"].size
    calm = engine.synthesize(SynthesisRequest(LINE, speaker="alice", seed=5, noise_scale=0.0, noise_w=0.0))
    assert calm.tobytes() != takes["alice"].tobytes()
    assert len(engine.phonemes(LINE)) == 2 and engine.phonemes("...") == []
    assert "".join(engine.phonemes("Bob!")[0]) == "bob!"
    assert engine.synthesize(SynthesisRequest("... --")).size == 0
    one = engine.synthesize(SynthesisRequest("Wait.", speaker="bob", seed=1))
    two = engine.synthesize(SynthesisRequest("Wait. Wait.", speaker="bob", seed=1, sentence_pause_s=0.5))
    assert two.size >= 2 * one.size - 1024 + int(0.5 * RATE) - 1024
    assert np.all(two[one.size:one.size + int(0.5 * RATE)] == 0)


def test_an_episode_render_uses_coqui_voices(voices_dir, tmp_path):
    """The render stage, as the rest of the suite drives it, with three voices on the model."""
    from conftest import make_project
    from pipeline.takes.render import render_takes
    from pipeline.model.script import load_script
    from pipeline.model.casting import load_cast, load_lexicon, load_voices
    project = make_project(tmp_path / "proj")
    shutil.copytree(voices_dir / "models", project.voices / "models")
    for voice, speaker in (("narrator", "alice"), ("naruto", "bob"), ("tsunade", "carol")):
        write_voice(project.voices, voice, f"engine: coqui\nmodel: models/tiny-vits\nspeaker: {speaker}\n")

    def render():
        voices = load_voices(project.voices)
        cast = load_cast(project.voices / "cast.yaml", voices)
        return render_takes(load_script(project.script(9)), cast, voices, load_lexicon(project.voices / "lexicon.yaml"),
                            project.voices, project.take_cache, workers=2)

    first = render()
    # an untrained model's durations depend on the seed (which the take's content key sets), so
    # only ask for real audio on every line, not a length
    assert first.synthesized == 5 and all(t.duration_s > 0.05 for t in first.takes)
    assert sum(t.duration_s for t in first.takes) > 1.0
    assert render().synthesized == 0
    write_voice(project.voices, "tsunade", "engine: coqui\nmodel: models/tiny-vits\nspeaker: dave\n")
    with pytest.raises(PipelineError) as caught:
        render()
    assert "'dave'" in str(caught.value) and "tiny-vits" in str(caught.value)
    assert "alice, bob, carol" in str(caught.value)


def test_unknown_speaker_names_the_model(engine):
    for speaker in ("dave", 3, -1):
        with pytest.raises(PipelineError) as caught:
            engine.synthesize(SynthesisRequest("Hello.", speaker=speaker))
        assert "tiny-vits" in str(caught.value) and "is not in this Coqui model" in str(caught.value)


@pytest.fixture
def copy_model(voices_dir, tmp_path):
    target = tmp_path / "voices" / "models" / "broken"
    shutil.copytree(voices_dir / "models" / "tiny-vits", target)
    return target


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_corrupt_checkpoint_is_a_pipeline_error(copy_model, damage):
    from pipeline.engines.coqui import CoquiEngine
    checkpoint = copy_model / "checkpoint_1000.pth"
    data = checkpoint.read_bytes()
    checkpoint.write_bytes({"garbage": b"not a model" * 100, "truncated": data[: len(data) // 2], "empty": b""}[damage])
    with pytest.raises(PipelineError, match="cannot load the Coqui checkpoint") as caught:
        CoquiEngine(copy_model)
    assert str(caught.value).startswith(str(checkpoint))


def test_a_checkpoint_of_another_shape_is_a_pipeline_error(copy_model):
    import json
    from pipeline.engines.coqui import CoquiEngine
    config = json.loads((copy_model / "config.json").read_text())
    config["model_args"]["hidden_channels"] = 24
    (copy_model / "config.json").write_text(json.dumps(config))
    with pytest.raises(PipelineError, match="cannot load the Coqui checkpoint"):
        CoquiEngine(copy_model)


@pytest.mark.parametrize("setup, where, words", [
    (lambda m: (m / "config.json").write_text("{not json"), "config.json", "cannot read the Coqui config"),
    (lambda m: (m / "config.json").unlink(), "broken", "has no config.json"),
    (lambda m: (m / "speakers.pth").unlink(), "config.json", "no speaker file"),
    (lambda m: (m / "speakers.pth").write_bytes(b"junk"), "speakers.pth", "cannot read the speaker file"),
    (lambda m: __import__("torch").save(["alice"], m / "speakers.pth"), "speakers.pth", "not a mapping"),
    (lambda m: __import__("torch").save({"alice": 0, "zed": 7}, m / "speakers.pth"), "speakers.pth", "not 0..1"),
    (lambda m: __import__("torch").save({"alice": 0, "bob": 1}, m / "speakers.pth"), "speakers.pth", "names 2 speakers"),
    (lambda m: __import__("torch").save({"alice": 0, "bob": 1, "carol": 2, "dave": 3}, m / "speakers.pth"),
     "speakers.pth", "names 4 speakers"),
    (lambda m: (m / "config.json").write_text('{"model": "glow_tts"}'), "config.json", "loads VITS models"),
    (lambda m: (m / "checkpoint_1000.pth").unlink(), "broken", "no checkpoint"),
])
def test_a_broken_model_folder_is_a_pipeline_error(copy_model, setup, where, words):
    from pipeline.engines.coqui import CoquiEngine
    setup(copy_model)
    with pytest.raises(PipelineError, match=words) as caught:
        CoquiEngine(copy_model)
    assert where in str(caught.value).split(":")[0]


def test_model_paths_cannot_leave_the_voices_folder(voices_dir, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    link = voices_dir / "models" / "linked"
    link.symlink_to(tmp_path / "elsewhere")
    try:
        for model in ("../outside", "/tmp", "models/linked", "models/missing", "alice.yaml"):
            path = write_voice(voices_dir, "v", f"engine: coqui\nmodel: {model}\n")
            with pytest.raises(PipelineError) as caught:
                resolve_model(load_voice(path), voices_dir)
            assert str(caught.value).startswith(str(path))
        path = write_voice(voices_dir, "v", "engine: coqui\n")       # the default piper model is no Coqui model
        with pytest.raises(PipelineError, match="needs a model of its own"):
            resolve_model(load_voice(path), voices_dir)
    finally:
        link.unlink()


def test_without_the_package_the_error_says_how_to_install_it(voices_dir, monkeypatch):
    from pipeline.engines.coqui import CoquiEngine
    monkeypatch.setitem(sys.modules, "TTS", None)       # `import TTS` now raises ImportError
    expected = "engine coqui needs the coqui extra — install it with `.venv/bin/pip install -e '.[coqui]'`"
    path = write_voice(voices_dir, "v", "engine: coqui\nmodel: models/tiny-vits\n")
    with pytest.raises(PipelineError) as caught:
        resolve_model(load_voice(path), voices_dir)
    assert str(caught.value) == f"{path}: {expected}"
    with pytest.raises(PipelineError) as caught:
        CoquiEngine(voices_dir / "models" / "tiny-vits")
    assert str(caught.value).endswith(expected)
