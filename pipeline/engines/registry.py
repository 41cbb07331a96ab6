"""The engines there are, found by module: engines/<name>.py that sets ENGINE is engine <name>.

Everything the rest of the pipeline asks of an engine goes through here: which names exist,
its class (cost, shippability, version), the model file a voice names, and a loaded model
per thread slot. Adding an engine is adding its module; nothing here names one.
"""
from __future__ import annotations

import functools
import importlib
import pkgutil
import threading
from pathlib import Path

from pipeline.core import yamlfile
from pipeline.core.errors import PipelineError, unknown_value

_PACKAGE = __name__.rpartition(".")[0]
# modules of the package that hold what engines share, not an engine
_NOT_ENGINES = {"base", "registry", "onnx_graph", "pieces"}


@functools.lru_cache(maxsize=None)
def names() -> tuple[str, ...]:
    """Every engine's name, sorted: the modules of this package that define ENGINE."""
    package = importlib.import_module(_PACKAGE)
    found = []
    for module in pkgutil.iter_modules(package.__path__):
        if module.name not in _NOT_ENGINES and not module.name.startswith("_"):
            if getattr(importlib.import_module(f"{_PACKAGE}.{module.name}"), "ENGINE", None) is not None:
                found.append(module.name)
    return tuple(sorted(found))


def engine_class(name: str, where: Path | str | None = None):
    """The class of engine `name`; an unknown name is the producer's mistake, said with its file."""
    if name not in names():
        raise unknown_value(where, None, "engine", name, names())
    return importlib.import_module(f"{_PACKAGE}.{name}").ENGINE


def engine_version(name: str) -> str:
    return engine_class(name).version()


def engine_cost(name: str) -> float:
    """Seconds of synthesis per character relative to piper."""
    return float(engine_class(name).cost)


def resolve_model(voice, voices_dir: Path, source: Path | None = None) -> Path:
    """The model file of a voice (its `engine` and `model`): a shipped model by name, or a file in voices/."""
    where = source or Path(voices_dir) / f"{voice.name}.yaml"
    cls = engine_class(voice.engine, where)
    return cls.resolve_model(voice.model or cls.default_model, Path(voices_dir), where)


def check_speaker(voice, model_path: Path, voices_dir: Path) -> None:
    """A voice's `speaker` is one its model has, or an error at that line of voices/<name>.yaml.

    Engines that can list their speakers without loading the model (`speakers`) are checked
    here, before any synthesis; the others check when the model loads.
    """
    cls = engine_class(voice.engine)
    known = cls.speakers(model_path) if voice.speaker is not None and hasattr(cls, "speakers") else None
    if known is None:
        return
    where = Path(voices_dir) / f"{voice.name}.yaml"
    try:
        line = yamlfile.load(where, "voice").line_of("speaker")
    except (PipelineError, AttributeError):
        line = None
    if isinstance(voice.speaker, int) and not isinstance(voice.speaker, bool) and known:
        if 0 <= voice.speaker < len(known):
            return
        raise PipelineError(where, line, f"speaker {voice.speaker} is not in the model",
                            f"use 0..{len(known) - 1} or a name: {', '.join(known[:8])}")
    try:
        names = cls.speaker_names(voice.speaker)
    except PipelineError as exc:
        raise PipelineError(where, line, exc.problem, exc.fix) from None
    for name in names:
        if not known:
            raise PipelineError(where, line, f"unknown speaker '{name}': the model {Path(model_path).name} has one voice",
                                "remove `speaker:`, or use a multi-speaker model")
        if name not in known:
            raise unknown_value(where, line, "speaker", name, known)


def installed_model(voice) -> bool:
    """Whether the voice's model comes with the installed packages (a worker has it already)."""
    cls = engine_class(voice.engine)
    return cls.installed(voice.model or cls.default_model)


def model_files(engine: str, model_path: Path) -> list[Path]:
    """What must travel to a worker for it to load this model; refused for an engine that cannot ship."""
    cls = engine_class(engine)
    if not cls.shippable:
        raise PipelineError(model_path, None, f"{engine} voices are not sent to a cluster (a model is a folder)",
                            "render this season without --scheduler, or use a piper voice")
    return cls.model_files(Path(model_path))


_ENGINES: dict[tuple[str, str, int], object] = {}
_LOADING: dict[tuple[str, str, int], threading.Lock] = {}
_ENGINES_LOCK = threading.Lock()
_SLOT = threading.local()


def use_slot(slot: int) -> None:
    """Give the calling thread engines of its own (slot 0 is the default).

    Two threads running one onnxruntime session take turns, so each synthesis thread of a
    pool takes a slot and loads its own copy of the model (about 100 MB each).
    """
    _SLOT.index = slot


def get_engine(engine: str, model_path: Path, threads: int = 1):
    """One loaded engine per model, process and slot: loading a model takes about a second."""
    key = (engine, str(model_path), getattr(_SLOT, "index", 0))
    with _ENGINES_LOCK:
        if key in _ENGINES:
            return _ENGINES[key]
        loading = _LOADING.setdefault(key, threading.Lock())
    with loading:       # slots load their models at the same time, each only once
        if key not in _ENGINES:
            _ENGINES[key] = engine_class(engine, model_path)(Path(model_path), threads)
        return _ENGINES[key]


def release_engines() -> None:
    """Drop every loaded model, so the stages after synthesis have its memory (reloaded when asked for)."""
    with _ENGINES_LOCK:
        _ENGINES.clear()
