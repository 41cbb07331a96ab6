"""What every speech engine is: the Engine protocol, the request it answers and the helpers they share.

An engine turns text + voice settings + seed into mono float32 audio at its own sample rate,
the same samples every time for the same request. One module under engines/ is one engine:
it defines a class that follows `Engine` and names it `ENGINE`; registry.py finds it there.
Nothing else in the pipeline names an engine.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import ClassVar, Protocol

import numpy as np

from pipeline.core.errors import PipelineError


@dataclass(frozen=True)
class SynthesisRequest:
    text: str
    length_scale: float = 1.0
    noise_scale: float = 0.667
    noise_w: float = 0.8
    speaker: str | int | None = None
    sentence_pause_s: float = 0.3
    seed: int = 0


class Engine(Protocol):
    """A speech engine. The class attributes and class methods are used before any model loads."""

    name: ClassVar[str]
    # Seconds of synthesis per character relative to piper, so the costliest takes start first.
    cost: ClassVar[float]
    # Whether a Dask worker can get the model as files (a model that is a whole folder cannot).
    shippable: ClassVar[bool]
    sample_rate: int

    def __init__(self, model_path: Path, threads: int = 1) -> None: ...

    @staticmethod
    def version() -> str:
        """Versions of everything that changes the engine's samples; part of every take's key."""

    @classmethod
    def resolve_model(cls, model: str, voices_dir: Path, where: Path) -> Path:
        """The file a voice's `model:` names, whose content keys its takes; errors name `where`."""

    @classmethod
    def installed(cls, model: str) -> bool:
        """Whether `model` comes with the installed packages (a cluster worker has it already)."""

    @classmethod
    def model_files(cls, model_path: Path) -> list[Path]:
        """The files a worker needs to load the model, the model file first."""

    def phonemes(self, text: str) -> list[list[str]]:
        """What the model would read, one list of symbols per sentence: pieces.py keeps each
        sentence within the engine's budget (an engine may set a smaller `phoneme_budget`)."""

    def synthesize(self, request: SynthesisRequest) -> np.ndarray:
        """Mono float32 samples in [-1, 1] at self.sample_rate."""


# espeak-ng keeps global state, so phonemizing is one thread at a time (piper and Kokoro share it).
PHONEMIZER_LOCK = threading.Lock()

# `[[ IPA ]]` in a line (from the lexicon) is given to a model as phonemes, not read as text
RAW_PHONEMES = re.compile(r"\[\[\s*(.*?)\s*\]\]", re.DOTALL)


def package_version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def join_with_pauses(sentences: list[np.ndarray], pause: np.ndarray) -> np.ndarray:
    """Sentences end to end with `pause` between them; empty audio when none has any."""
    kept = [s for s in sentences if s.size]
    if not kept:
        return np.zeros(0, dtype=np.float32)
    pieces = [kept[0]]
    for sentence in kept[1:]:
        pieces += [pause, sentence]
    return np.concatenate(pieces).astype(np.float32)


def model_in_voices(model: str, voices_dir: Path, where: Path, hint: str) -> Path:
    """A model file or folder the producer put under voices/: it may not lead outside it."""
    candidate = Path(model)
    if candidate.is_absolute() or ".." in candidate.parts:
        raise PipelineError(where, None, f"model path '{model}' leaves the voices folder",
                            "put the model under voices/models/ and give its relative path")
    root = Path(voices_dir).resolve()
    try:
        resolved = (Path(voices_dir) / candidate).resolve(strict=True)
    except (FileNotFoundError, OSError):
        raise PipelineError(where, None, f"model file '{model}' not found in {voices_dir}", hint) from None
    if root not in resolved.parents:
        raise PipelineError(where, None, f"model path '{model}' leaves the voices folder",
                            "copy the model into voices/models/ instead of linking to it")
    return resolved
