"""Coqui TTS engine: a local multi-speaker VITS model, loaded with Coqui's own classes.

Optional: `pip install -e '.[coqui]'` (coqui-tts with torch, several GB). Nothing is fetched
from a model hub; the model is a folder as Coqui's trainer leaves it, under voices/:

  config.json                                   the VitsConfig: text cleaner, characters or
                                                phonemes, sample rate, speaker settings
  model.pth | best_model.pth | checkpoint_N.pth the weights (a voice may name one .pth)
  speakers.pth | speaker_ids.json ...           speaker name -> id, for a multi-speaker model

config.json records the speaker file by the path it had on the training machine. That path
is not followed: a file of the same name (or a usual name) beside the model is used instead,
so a copied folder loads anywhere and a model never reads outside its folder.

Determinism: VITS draws Gaussian noise (durations, latent) from torch's global generator.
Each sentence is synthesized with that generator seeded from (request.seed, sentence index),
inside torch.random.fork_rng and under a lock, so the same request gives bit-identical
samples and nothing else in the process sees its random state change.
"""
from __future__ import annotations

import re
import threading
from pathlib import Path

import numpy as np

from pipeline.engines.base import RAW_PHONEMES, join_with_pauses, model_in_voices, package_version
from pipeline.core.errors import PipelineError
from pipeline.text.sentences import split_sentences

INSTALL_HINT = "install it with `.venv/bin/pip install -e '.[coqui]'`"
NEEDS_EXTRA = "engine coqui needs the coqui extra"
# What Coqui names the weights, in the order we prefer them when a folder holds several.
CHECKPOINT_NAMES = ("model.pth", "model_file.pth", "best_model.pth")
SPEAKER_FILES = ("speakers.pth", "speakers.json", "speaker_ids.pth", "speaker_ids.json")
# .pth files in a model folder that are not the model's weights
_AUX_FILES = {*SPEAKER_FILES, "model_se.pth", "language_ids.pth"}
_CHECKPOINT_STEP = re.compile(r"(?:checkpoint|best_model)_(\d+)\.pth")


def require(where: str | Path | None = None) -> None:
    """A PipelineError saying how to install the extra, unless Coqui TTS imports."""
    try:
        import TTS  # noqa: F401 - TTS itself checks torch, torchaudio and torchcodec here
    except ImportError:
        raise PipelineError(where, None, NEEDS_EXTRA, INSTALL_HINT) from None


def checkpoint_of(path: Path, where: str | Path | None = None) -> Path:
    """The weights file of a model given as its folder or as one .pth in it."""
    path = Path(path)
    where = where if where is not None else path
    if path.is_file():
        if path.suffix != ".pth":
            raise PipelineError(where, None, f"'{path.name}' is not a Coqui checkpoint",
                                "give the model folder, or the .pth file in it")
        if not (path.parent / "config.json").is_file():
            raise PipelineError(where, None, f"Coqui model {path} has no config.json beside it",
                                "copy the config.json saved with the model into its folder")
        return path
    if not path.is_dir():
        raise PipelineError(where, None, f"Coqui model {path} not found", "give the model folder under voices/")
    if not (path / "config.json").is_file():
        raise PipelineError(where, None, f"Coqui model folder {path} has no config.json",
                            "copy the config.json saved with the model into the folder")
    for name in CHECKPOINT_NAMES:
        if (path / name).is_file():
            return path / name
    candidates = sorted(p for p in path.glob("*.pth") if p.is_file() and p.name not in _AUX_FILES)
    stepped = [p for p in candidates if _CHECKPOINT_STEP.fullmatch(p.name)]
    if stepped:
        # a training run leaves checkpoint_N.pth at each save; the latest step is the model
        return max(stepped, key=lambda p: (int(_CHECKPOINT_STEP.fullmatch(p.name).group(1)), p.name))
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise PipelineError(where, None, f"Coqui model folder {path} holds no checkpoint (.pth)",
                            "copy the model's .pth file into the folder")
    raise PipelineError(where, None, f"Coqui model folder {path} holds several checkpoints",
                        f"name one in `model:`, e.g. {path.name}/{candidates[0].name}")


def _speaker_file(folder: Path, config) -> Path | None:
    """The speaker id file beside the model: the configured name first, then the usual ones."""
    names = []
    for holder in (config, config.get("model_args") or {}):
        for key in ("speakers_file", "speaker_file"):
            value = holder.get(key) if hasattr(holder, "get") else None
            if isinstance(value, str) and value:
                names.append(Path(value).name)
    for name in [*names, *SPEAKER_FILES]:
        if name and (folder / name).is_file():
            return folder / name
    return None


class CoquiEngine:
    name = "coqui"
    cost = 3.0
    # a model is a folder (config, checkpoint, speaker file): it is not sent to cluster workers
    shippable = False
    default_model = None

    @classmethod
    def installed(cls, model: str) -> bool:
        return False

    @classmethod
    def resolve_model(cls, model: str | None, voices_dir: Path, where: Path) -> Path:
        """A folder (or one .pth in it) stands for its checkpoint, whose content then keys the takes."""
        require(where)
        if model is None:
            raise PipelineError(where, None, "engine coqui needs a model of its own",
                                "put the Coqui model folder under voices/models/ and give its relative path")
        resolved = model_in_voices(model, voices_dir, where, "copy the Coqui model folder there")
        checkpoint = checkpoint_of(resolved, where).resolve()
        if Path(voices_dir).resolve() not in checkpoint.parents:
            raise PipelineError(where, None, f"model '{model}' links outside the voices folder",
                                "copy the model into voices/models/ instead of linking to it")
        return checkpoint

    @classmethod
    def model_files(cls, model_path: Path) -> list[Path]:
        return [Path(model_path)]

    def __init__(self, model_path: Path, threads: int = 1):
        require(model_path)
        import torch
        from TTS.config import load_config

        self.model_path = Path(model_path)
        checkpoint = checkpoint_of(self.model_path)
        folder = checkpoint.parent
        config_path = folder / "config.json"
        torch.set_num_threads(max(1, int(threads)))
        try:
            config = load_config(str(config_path))
        except Exception as exc:  # noqa: BLE001 - a broken config must not become a traceback
            raise PipelineError(config_path, None, f"cannot read the Coqui config: {_reason(exc)}",
                                "use the config.json saved with the model") from None
        if str(config.get("model", "")).lower() != "vits":
            raise PipelineError(config_path, None, f"this is a '{config.get('model')}' model; "
                                "the coqui engine loads VITS models", "use a Coqui VITS model")
        args = config.model_args
        if args.get("use_d_vector_file") or config.get("use_d_vector_file"):
            raise PipelineError(config_path, None, "this VITS model takes speaker embeddings (d-vectors)",
                                "use a VITS model trained with speaker ids (use_speaker_embedding)")
        if args.get("use_language_embedding"):
            raise PipelineError(config_path, None, "multilingual VITS models are not supported",
                                "use a single-language VITS model")
        self.speakers_path = None
        if args.get("use_speaker_embedding") or config.get("use_speaker_embedding"):
            self.speakers_path = _speaker_file(folder, config)
            if self.speakers_path is None and not config.get("speakers"):
                raise PipelineError(config_path, None, "this multi-speaker model has no speaker file beside it",
                                    f"copy its {' or '.join(SPEAKER_FILES[:2])} into {folder}")
            for holder in (config, args):
                holder.speakers_file = str(self.speakers_path) if self.speakers_path else None
            if self.speakers_path is not None:
                _check_speaker_file(self.speakers_path)
        # speaker_encoder_* would load another network from wherever the config points
        args.speaker_encoder_model_path = ""
        args.speaker_encoder_config_path = ""

        from TTS.tts.models.vits import Vits
        with torch.random.fork_rng(devices=[]):
            # Coqui fills speakers a checkpoint lacks with random rows; a mismatch is refused
            # below when the checkpoint can be peeked at, and stays repeatable when it cannot
            torch.manual_seed(0)
            try:
                model = Vits(config)
            except Exception as exc:  # noqa: BLE001
                fix = ("install espeak-ng (Debian: apt-get install espeak-ng)" if "espeak" in str(exc).lower()
                       else "use the config.json saved with the model")
                raise PipelineError(config_path, None, f"cannot build the model from config.json: {_reason(exc)}",
                                    fix) from None
            table = getattr(model, "emb_g", None)
            rows = _speaker_rows(checkpoint, torch)
            if table is not None and rows is not None and rows != table.num_embeddings:
                # Coqui would pad the table with random speakers or fail deep in torch
                raise PipelineError(self.speakers_path or config_path, None,
                                    f"the speaker file names {table.num_embeddings} speakers, "
                                    f"the checkpoint {checkpoint.name} has {rows}",
                                    "use the speaker file saved with this checkpoint")
            try:
                model.load_checkpoint(config, str(checkpoint), eval=True, strict=True, cache=False)
            except Exception as exc:  # noqa: BLE001 - a broken checkpoint must not become a traceback
                raise PipelineError(checkpoint, None, f"cannot load the Coqui checkpoint: {_reason(exc)}",
                                    "replace it with the .pth saved with this config.json") from None
        self.model = model
        self.config = config
        self.tokenizer = model.tokenizer
        self.sample_rate = int(config.audio.get("output_sample_rate") or config.audio["sample_rate"])
        embedding = getattr(model, "emb_g", None)
        self.num_speakers = int(embedding.num_embeddings) if embedding is not None else 0
        manager = model.speaker_manager
        self.speakers: dict[str, int] = dict(manager.name_to_id) if manager is not None and manager.name_to_id else {}
        chars = self.tokenizer.characters
        self._special = {chars.pad, chars.blank, chars.bos, chars.eos} - {None, ""}
        self._torch = torch
        self._lock = threading.Lock()

    @staticmethod
    def version() -> str:
        return f"coqui-tts {package_version('coqui-tts')}; torch {package_version('torch')}"

    def speaker_id(self, speaker: str | int | None) -> int | None:
        if self.num_speakers <= 0:
            return None
        if speaker is None:
            return min(self.speakers.values()) if self.speakers else 0
        if isinstance(speaker, int) and not isinstance(speaker, bool):
            if 0 <= speaker < self.num_speakers:
                return speaker
        elif speaker in self.speakers:
            return self.speakers[speaker]
        names = ", ".join(sorted(self.speakers)[:8])
        raise PipelineError(self.speakers_path or self.model_path, None,
                            f"speaker '{speaker}' is not in this Coqui model",
                            f"use one of {names} or 0..{self.num_speakers - 1}" if names
                            else f"use 0..{self.num_speakers - 1}")

    def _ids(self, sentence: str) -> list[int]:
        # The model's own cleaner and phonemizer; [[ ]] marks IPA for the other engines, and
        # a Coqui tokenizer has no way in for raw phonemes, so only the brackets go.
        return self.tokenizer.text_to_ids(RAW_PHONEMES.sub(r"\1", sentence))

    def _symbols(self, ids: list[int]) -> list[str]:
        chars = self.tokenizer.characters
        return [s for s in (chars.id_to_char(i) for i in ids) if s not in self._special]

    def phonemes(self, text: str) -> list[list[str]]:
        """What the model reads, one list of symbols (characters or phonemes) per sentence."""
        result = []
        for sentence in split_sentences(text):
            symbols = self._symbols(self._ids(sentence))
            if any(s.isalpha() for s in symbols):
                result.append(symbols)
        return result

    def synthesize(self, request) -> np.ndarray:
        for name in ("length_scale", "noise_scale", "noise_w"):
            value = getattr(request, name)
            if not np.isfinite(value) or value < 0 or (name == "length_scale" and value == 0):
                raise PipelineError(None, None, f"{name} must be a number above 0, not {value}",
                                    "use the voice's defaults (1.0, 0.667, 0.8)")
        sid = self.speaker_id(request.speaker)
        pause = np.zeros(max(0, int(request.sentence_pause_s * self.sample_rate)), dtype=np.float32)
        pieces: list[np.ndarray] = []
        for index, sentence in enumerate(split_sentences(request.text)):
            ids = self._ids(sentence)
            if any(s.isalpha() for s in self._symbols(ids)):
                pieces.append(self._run(ids, sid, request, index))
        return join_with_pauses(pieces, pause)

    def _run(self, ids: list[int], sid: int | None, request, index: int) -> np.ndarray:
        torch = self._torch
        seed = int(np.random.SeedSequence([int(request.seed), index]).generate_state(1)[0])
        aux = {"x_lengths": None, "d_vectors": None, "language_ids": None, "durations": None,
               "speaker_ids": None if sid is None else torch.tensor([sid], dtype=torch.long)}
        with self._lock:
            model = self.model
            # Vits.inference reads its scales from the model, so they are set per call, locked
            model.length_scale = float(request.length_scale)
            model.inference_noise_scale = float(request.noise_scale)
            model.inference_noise_scale_dp = float(request.noise_w)
            try:
                with torch.random.fork_rng(devices=[]):
                    torch.manual_seed(seed)
                    output = model.inference(torch.tensor([ids], dtype=torch.long), aux_input=aux)
            except Exception as exc:  # noqa: BLE001 - torch raises its own types
                raise PipelineError(self.model_path, None, f"the Coqui model failed on this text: {_reason(exc)}",
                                    "shorten the line or check the model") from None
        audio = output["model_outputs"].detach().reshape(-1).to(torch.float32).numpy()
        audio = np.nan_to_num(audio, nan=0.0, posinf=1.0, neginf=-1.0)
        return np.clip(audio, -1.0, 1.0).astype(np.float32)


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:160]}" if text else type(exc).__name__


def _check_speaker_file(path: Path) -> None:
    """Read the speaker file as Coqui will, so a broken one is reported by its own name."""
    from TTS.tts.utils.managers import load_file
    try:
        ids = load_file(path)
    except Exception as exc:  # noqa: BLE001 - torch.load and json raise many types
        raise PipelineError(path, None, f"cannot read the speaker file: {_reason(exc)}",
                            "use the speaker file saved with this checkpoint") from None
    if not isinstance(ids, dict) or not all(isinstance(k, str) and isinstance(v, int) for k, v in ids.items()):
        raise PipelineError(path, None, "the speaker file is not a mapping of speaker names to ids",
                            "use the speaker file saved with this checkpoint")
    if sorted(ids.values()) != list(range(len(ids))):
        raise PipelineError(path, None, f"the speaker ids are not 0..{len(ids) - 1}, one each",
                            "use the speaker file saved with this checkpoint")


def _speaker_rows(checkpoint: Path, torch) -> int | None:
    """Rows of a checkpoint's speaker table, peeked at through mmap without reading the weights."""
    try:
        state = torch.load(str(checkpoint), map_location="cpu", weights_only=True, mmap=True)
        return int(state["model"]["emb_g.weight"].shape[0])
    except Exception:  # noqa: BLE001 - an old or broken file: load_checkpoint reports it
        return None


ENGINE = CoquiEngine
