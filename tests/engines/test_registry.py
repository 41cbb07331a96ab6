"""The engine registry: an engine is one module under engines/, found there and used by every stage."""
import importlib
import textwrap

import numpy as np
import pytest

import pipeline.engines
from pipeline.core.errors import PipelineError
from pipeline.engines import registry
from pipeline.engines.base import SynthesisRequest
from pipeline.model.casting import Cast, CastMember, load_casting, load_voice
from pipeline.model.script import as_performed, load_script
from pipeline.takes.render import estimated_cost, plan_takes, render_takes

# A whole engine, as a producer's developer would add it: this one file and nothing else.
TOY_ENGINE = textwrap.dedent('''
    """A test engine: a tone per word, its pitch from the word, so every text sounds different."""
    from pathlib import Path

    import numpy as np

    from pipeline.engines.base import SynthesisRequest, model_in_voices


    class ToyEngine:
        name = "toy"
        cost = 0.5
        shippable = True
        default_model = "toy.model"

        def __init__(self, model_path: Path, threads: int = 1):
            self.model_path = Path(model_path)
            self.sample_rate = 16000

        @staticmethod
        def version() -> str:
            return "toy 1.0"

        @classmethod
        def installed(cls, model: str) -> bool:
            return False

        @classmethod
        def resolve_model(cls, model: str, voices_dir: Path, where: Path) -> Path:
            return model_in_voices(model, voices_dir, where, "write a toy.model file there")

        @classmethod
        def model_files(cls, model_path: Path) -> list[Path]:
            return [Path(model_path)]

        def phonemes(self, text: str) -> list[list[str]]:
            return [text.split()]

        def synthesize(self, request: SynthesisRequest) -> np.ndarray:
            rng = np.random.default_rng(request.seed)
            pieces = []
            for word in request.text.split():
                hz = 120 + sum(map(ord, word)) % 200
                t = np.arange(int(0.12 * self.sample_rate * request.length_scale)) / self.sample_rate
                pieces.append(0.3 * np.sin(2 * np.pi * hz * t) + 0.001 * rng.standard_normal(t.size))
            return np.concatenate(pieces).astype(np.float32) if pieces else np.zeros(0, np.float32)


    ENGINE = ToyEngine
''')


@pytest.fixture
def toy_engine(tmp_path, monkeypatch):
    """engines/toy.py, dropped beside the shipped engines (on the package's path, not in the repo)."""
    folder = tmp_path / "more_engines"
    folder.mkdir()
    (folder / "toy.py").write_text(TOY_ENGINE, encoding="utf-8")
    monkeypatch.setattr(pipeline.engines, "__path__", [*pipeline.engines.__path__, str(folder)])
    registry.names.cache_clear()
    yield "toy"
    registry.names.cache_clear()
    importlib.invalidate_caches()


def test_the_shipped_engines_are_found_by_their_modules():
    assert registry.names() == ("coqui", "kokoro", "piper")
    for name in registry.names():
        cls = registry.engine_class(name)
        assert cls.name == name and cls.cost > 0 and isinstance(cls.shippable, bool)
        assert name in cls.version().split(";")[0] or name == "piper" and "piper-tts" in cls.version()


def test_an_unknown_engine_is_reported_with_the_voice_file_and_line(tmp_path):
    path = tmp_path / "v.yaml"
    path.write_text("gender: F\nengine: pipr\n", encoding="utf-8")
    with pytest.raises(PipelineError) as caught:
        load_voice(path)
    assert str(caught.value).startswith(f"{path}:2: unknown engine 'pipr' — did you mean 'piper'?") and "coqui, kokoro, piper" in str(caught.value)


def test_a_new_engine_is_one_module(toy_engine, project):
    assert "toy" in registry.names()
    (project.voices / "toy.model").write_bytes(b"toy weights")
    script = as_performed(load_script(project.script(9)))
    speakers = sorted({line.speaker for scene in script.scenes for line in scene.lines if line.speaker} - {"narrator"})
    # each speaker a toy voice of their own (the casting rules forbid sharing the narrator's)
    for name in ("toy", *(f"toy-{s.lower()}" for s in speakers)):
        (project.voices / f"{name}.yaml").write_text("engine: toy\ngender: F\nlength_scale: 1.2\n", encoding="utf-8")
    voices, _, lexicon = load_casting(project.voices)
    assert voices["toy"].engine == "toy"
    assert registry.resolve_model(voices["toy"], project.voices) == (project.voices / "toy.model").resolve()
    cast = Cast("toy", {name: CastMember(voice=f"toy-{name.lower()}") for name in speakers}, {})

    takes, jobs = plan_takes(script, cast, voices, lexicon, project.voices, project.take_cache)
    assert jobs and all(job.engine == "toy" for job in jobs)
    # the engine's own cost orders the work: half of piper's for the same text
    assert estimated_cost(jobs[0]) == pytest.approx(len(jobs[0].text) * 1.2 * 0.5)

    result = render_takes(script, cast, voices, lexicon, project.voices, project.take_cache, workers=2)
    assert result.synthesized == len(jobs) and len(result.takes) == len(takes)
    for take in result.takes:
        words = len(take.text.split())
        # each word is a 0.144 s tone, resampled to 44.1 kHz and shaped by the voice's chain
        assert take.duration_s == pytest.approx(words * 0.144, abs=0.25)
    again = render_takes(script, cast, voices, lexicon, project.voices, project.take_cache, workers=1)
    assert again.synthesized == 0 and [t.key for t in again.takes] == [t.key for t in result.takes]

    # the engine's version is part of the take's identity: a new version is a new take
    cls = registry.engine_class("toy")
    original = cls.version
    try:
        cls.version = staticmethod(lambda: "toy 2.0")
        _, redo = plan_takes(script, cast, voices, lexicon, project.voices, project.take_cache)
    finally:
        cls.version = original
    assert len(redo) == len(jobs)


def test_a_model_that_cannot_travel_is_refused_for_a_cluster(tmp_path):
    with pytest.raises(PipelineError, match="not sent to a cluster"):
        registry.model_files("coqui", tmp_path / "model.pth")
    assert registry.model_files("piper", tmp_path / "v.onnx") == [tmp_path / "v.onnx", tmp_path / "v.onnx.json"]


def test_engines_are_loaded_once_per_slot(toy_engine, tmp_path):
    model = tmp_path / "toy.model"
    model.write_bytes(b"x")
    first = registry.get_engine("toy", model)
    assert registry.get_engine("toy", model) is first
    registry.use_slot(7)
    try:
        assert registry.get_engine("toy", model) is not first
    finally:
        registry.use_slot(0)
    audio = first.synthesize(SynthesisRequest("one two", seed=3))
    assert np.array_equal(audio, first.synthesize(SynthesisRequest("one two", seed=3)))
