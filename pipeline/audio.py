"""Audio files in and out: cached takes, ffmpeg encode/decode, loudness and true peak."""
from __future__ import annotations

import hashlib
import io
import json
import subprocess
import wave
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
from scipy.signal import lfilter, resample_poly

from .errors import PipelineError
from .files import atomic_path, write_text

SAMPLE_RATE = 44100


def ffmpeg_exe() -> str:
    import imageio_ffmpeg
    return imageio_ffmpeg.get_ffmpeg_exe()


# ---------------------------------------------------------------- takes: 16-bit WAV + checksum

def to_pcm16(samples: np.ndarray) -> np.ndarray:
    return np.round(np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2")


def write_wav(path: Path, samples: np.ndarray, rate: int = SAMPLE_RATE) -> bytes:
    """Write mono or (n, channels) float audio as 16-bit PCM, atomically; return the bytes."""
    buffer = io.BytesIO()
    _write_wav_to(buffer, samples, rate)
    payload = buffer.getvalue()
    with atomic_path(path) as tmp:
        tmp.write_bytes(payload)
    return payload


def _write_wav_to(target, samples: np.ndarray, rate: int = SAMPLE_RATE) -> None:
    data = samples if samples.ndim == 2 else samples[:, np.newaxis]
    with wave.open(target, "wb") as out:
        out.setnchannels(data.shape[1])
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(to_pcm16(data).tobytes())


def write_take(path: Path, samples: np.ndarray) -> None:
    buffer = io.BytesIO()
    _write_wav_to(buffer, samples)
    # The checksum is written after the audio: a take without a matching one counts as missing.
    write_take_bytes(path, buffer.getvalue())


def write_take_bytes(path: Path, payload: bytes) -> None:
    """Store a take that was made elsewhere (a cluster worker), with its checksum."""
    with wave.open(io.BytesIO(payload), "rb") as source:
        samples = source.getnframes()
    with atomic_path(path) as tmp:
        tmp.write_bytes(payload)
    write_text(path.with_suffix(".json"), json.dumps(
        {"samples": samples, "sha256": hashlib.sha256(payload).hexdigest()}))


def cached_duration(path: Path) -> float | None:
    """Duration of a valid cached take, or None when missing, truncated or corrupt."""
    meta_path = path.with_suffix(".json")
    try:
        meta = json.loads(meta_path.read_text())
        payload = path.read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or hashlib.sha256(payload).hexdigest() != meta.get("sha256"):
        return None
    return int(meta["samples"]) / SAMPLE_RATE


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """Read 16-bit PCM WAV as float32 (n, channels)."""
    try:
        with wave.open(str(path), "rb") as source:
            if source.getsampwidth() != 2:
                raise PipelineError(path, None, "only 16-bit WAV is read here", "convert the file to 16-bit WAV")
            frames = source.readframes(source.getnframes())
            channels, rate = source.getnchannels(), source.getframerate()
    except (wave.Error, EOFError) as exc:
        raise PipelineError(path, None, f"not a readable WAV file ({exc})", "re-render or replace it") from None
    data = np.frombuffer(frames, dtype="<i2").astype(np.float32) / 32767.0
    return data.reshape(-1, channels), rate


# ---------------------------------------------------------------- ffmpeg

def decode(path: Path, rate: int = SAMPLE_RATE, channels: int = 2) -> np.ndarray:
    """Any audio file ffmpeg reads -> float32 (n, channels) at `rate`."""
    command = [ffmpeg_exe(), "-v", "error", "-nostdin", "-i", str(path), "-f", "f32le",
               "-ac", str(channels), "-ar", str(rate), "-"]
    result = subprocess.run(command, capture_output=True, check=False)
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip().splitlines()
        raise PipelineError(path, None, f"cannot decode audio: {message[-1] if message else 'ffmpeg failed'}",
                            "check the file is a WAV, FLAC, OGG or MP3")
    return np.frombuffer(result.stdout, dtype="<f4").reshape(-1, channels)


ENCODERS = {
    ".mp3": ["-c:a", "libmp3lame", "-b:a", "128k", "-reservoir", "1"],
    ".m4a": ["-c:a", "aac", "-b:a", "128k"],
    ".opus": ["-c:a", "libopus", "-b:a", "64k"],
}


def encode(blocks: Iterable[np.ndarray], path: Path, rate: int = SAMPLE_RATE, channels: int = 2) -> None:
    """Stream float32 blocks into an encoded file, atomically; bit-exact for the same input."""
    suffix = path.suffix.lower()
    if suffix not in ENCODERS:
        raise PipelineError(path, None, f"cannot encode '{suffix}'", f"use one of {', '.join(ENCODERS)}")
    with atomic_path(path) as tmp:
        command = [ffmpeg_exe(), "-v", "error", "-nostdin", "-y", "-f", "f32le", "-ar", str(rate),
                   "-ac", str(channels), "-i", "-", "-map_metadata", "-1", "-fflags", "+bitexact",
                   "-flags:a", "+bitexact", *ENCODERS[suffix], "-f", {".mp3": "mp3", ".m4a": "ipod", ".opus": "ogg"}[suffix],
                   str(tmp)]
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            for block in blocks:
                process.stdin.write(np.ascontiguousarray(block, dtype="<f4").tobytes())
            process.stdin.close()
        except BrokenPipeError:
            pass
        error = process.stderr.read().decode(errors="replace")
        if process.wait() != 0:
            raise PipelineError(path, None, f"encoding failed: {error.strip()[-200:]}", "check free disk space")


# ---------------------------------------------------------------- loudness (ITU-R BS.1770-4)

class LoudnessMeter:
    """Integrated loudness, fed block by block, so a long episode never sits in memory whole."""

    def __init__(self, rate: int = SAMPLE_RATE):
        self.rate = rate
        # K-weighting: high shelf then high pass, coefficients as pyloudnorm derives them.
        from pyloudnorm import Meter
        meter = Meter(rate)
        self._filters = [(f.b, f.a) for f in meter._filters.values()]
        self._states: list | None = None
        self._step = int(0.1 * rate)          # 100 ms hops; a gating block is 4 hops (400 ms)
        self._pending = np.zeros((0, 2))
        self._hops: list[float] = []

    def add(self, block: np.ndarray) -> None:
        block = block.astype(np.float64)
        if self._states is None:
            self._states = [np.zeros((max(len(a), len(b)) - 1, block.shape[1])) for b, a in self._filters]
        for i, (b, a) in enumerate(self._filters):
            block, self._states[i] = lfilter(b, a, block, axis=0, zi=self._states[i])
        data = np.concatenate([self._pending, block]) if self._pending.size else block
        whole = data.shape[0] // self._step
        if whole:
            hops = data[: whole * self._step].reshape(whole, self._step, -1)
            self._hops.extend(np.sum(np.mean(hops ** 2, axis=1), axis=1).tolist())
        self._pending = data[whole * self._step:]

    def integrated(self) -> float:
        hops = np.array(self._hops)
        if hops.size < 4:
            return -70.0
        blocks = np.convolve(hops, np.ones(4) / 4, mode="valid")
        loudness = -0.691 + 10 * np.log10(np.maximum(blocks, 1e-15))
        gated = blocks[loudness > -70]
        if gated.size == 0:
            return -70.0
        relative = -0.691 + 10 * np.log10(np.mean(gated)) - 10
        final = blocks[(loudness > -70) & (loudness > relative)]
        return float(-0.691 + 10 * np.log10(np.mean(final))) if final.size else -70.0

    def loudness_range(self) -> float:
        """EBU Tech 3342 LRA from 3 s windows, 10th to 95th percentile."""
        hops = np.array(self._hops)
        if hops.size < 30:
            return 0.0
        windows = np.convolve(hops, np.ones(30) / 30, mode="valid")[::10]
        loudness = -0.691 + 10 * np.log10(np.maximum(windows, 1e-15))
        gated = windows[loudness > -70]
        if gated.size == 0:
            return 0.0
        relative = -0.691 + 10 * np.log10(np.mean(gated)) - 20
        kept = loudness[(loudness > -70) & (loudness > relative)]
        if kept.size < 2:
            return 0.0
        return float(np.percentile(kept, 95) - np.percentile(kept, 10))


def true_peak_db(blocks: Iterable[np.ndarray]) -> float:
    """Highest inter-sample peak (4x oversampled), in dBTP."""
    peak = 0.0
    for block in blocks:
        if block.size:
            peak = max(peak, float(np.max(np.abs(resample_poly(block, 4, 1, axis=0)))))
    return 20 * np.log10(peak) if peak > 0 else -120.0


def blocks_of(data: np.ndarray, size: int = SAMPLE_RATE * 10) -> Iterator[np.ndarray]:
    for start in range(0, data.shape[0], size):
        yield data[start:start + size]


def measure_file(path: Path) -> dict:
    """Loudness figures of an encoded file, decoded the way a listener's player would."""
    data = decode(path)
    meter = LoudnessMeter()
    for block in blocks_of(data):
        meter.add(block)
    return {"integrated_lufs": meter.integrated(), "true_peak_dbtp": true_peak_db(blocks_of(data)),
            "loudness_range_lu": meter.loudness_range(), "duration_s": data.shape[0] / SAMPLE_RATE}
