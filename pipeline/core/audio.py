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

# scipy.signal is imported where it is used: it takes 0.6 s to import, which a cached re-run
# or the start of a render would otherwise wait for.

from pipeline.core.errors import PipelineError
from pipeline.core.files import atomic_path, write_text

SAMPLE_RATE = 44100


def ffmpeg_exe() -> str:
    import imageio_ffmpeg
    return imageio_ffmpeg.get_ffmpeg_exe()


# ---------------------------------------------------------------- takes: 16-bit WAV + checksum

def to_pcm16(samples: np.ndarray) -> np.ndarray:
    return np.round(np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2")


def as_stored(samples: np.ndarray) -> np.ndarray:
    """The samples as a take file gives them back (16-bit), for judging what will be heard later."""
    return to_pcm16(samples).astype(np.float32) / 32767.0


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

def _command(graph, *options: str) -> list[str]:
    """The ffmpeg command line of an ffmpeg-python graph, its global options first (quiet, no stdin).

    Every ffmpeg graph of the pipeline is built with ffmpeg-python in this module, so each one
    reads as its signal path: input -> (filters) -> output with its codec and container.
    """
    import ffmpeg
    return [ffmpeg_exe(), "-v", "error", "-nostdin", *options, *ffmpeg.get_args(graph)]


def _pcm_in(rate: int, channels: int):
    """An input stream: raw float32 samples on stdin."""
    import ffmpeg
    return ffmpeg.input("pipe:", format="f32le", ar=rate, ac=channels)


def _decoder(path: str, rate: int, channels: int, container: str | None = None):
    """Any audio ffmpeg reads -> float32 samples at `rate` on stdout."""
    import ffmpeg
    source = ffmpeg.input(path, **({"format": container} if container else {}))
    return source.output("pipe:", format="f32le", ac=channels, ar=rate)


def decode(path: Path, rate: int = SAMPLE_RATE, channels: int = 2) -> np.ndarray:
    """Any audio file ffmpeg reads -> float32 (n, channels) at `rate`."""
    result = subprocess.run(_command(_decoder(str(path), rate, channels)), capture_output=True, check=False)
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip().splitlines()
        raise PipelineError(path, None, f"cannot decode audio: {message[-1] if message else 'ffmpeg failed'}",
                            "check the file is a WAV, FLAC, OGG or MP3")
    return np.frombuffer(result.stdout, dtype="<f4").reshape(-1, channels)


ENCODERS = {
    # codec settings and container of each format.
    # LAME's fast mode (compression level 7) encodes twice as fast; at 128 kbps CBR speech and
    # ambience stay clean, and an hour-long episode masters in well under a minute.
    ".mp3": ({"c:a": "libmp3lame", "b:a": "128k", "compression_level": 7}, "mp3"),
    ".m4a": ({"c:a": "aac", "b:a": "128k"}, "ipod"),
    ".opus": ({"c:a": "libopus", "b:a": "64k"}, "ogg"),
}
# No encoder timestamps or tool versions in the file, and no metadata from the input: the same
# samples always make the same bytes.
BITEXACT = {"map_metadata": -1, "fflags": "+bitexact", "flags:a": "+bitexact"}


def encode(blocks: Iterable[np.ndarray], path: Path, rate: int = SAMPLE_RATE, channels: int = 2,
           measure: bool = False) -> dict | None:
    """Stream float32 blocks into an encoded file, atomically; bit-exact for the same input.

    With `measure`, also return measure_file's figures for the encoded file. For MP3, ffmpeg's
    tee muxer sends the same frames to a decoder while the file is written, so the file is
    heard back as it is made instead of in a second pass.
    """
    suffix = path.suffix.lower()
    if suffix not in ENCODERS:
        raise PipelineError(path, None, f"cannot encode '{suffix}'", f"use one of {', '.join(ENCODERS)}")
    listen = measure and suffix == ".mp3"
    codec, container = ENCODERS[suffix]
    with atomic_path(path) as tmp:
        # samples in -> the codec -> the file (and, listening, the same frames to a pipe as well)
        target, container = (f"[f=mp3]{_tee_escape(tmp)}|[f=mp3]pipe:1", "tee") if listen else (str(tmp), container)
        graph = _pcm_in(rate, channels).audio.output(target, format=container, **BITEXACT, **codec)
        command = _command(graph, "-y")
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=subprocess.PIPE,
                                   stdout=subprocess.PIPE if listen else None)
        listener = _Listener(process.stdout, rate, channels) if listen else None
        _feed(process.stdin, blocks)
        error = process.stderr.read().decode(errors="replace")
        failed = process.wait() != 0
        figures = listener.result() if listener else None
        if failed:
            raise PipelineError(path, None, f"encoding failed: {error.strip()[-200:]}", "check free disk space")
    if measure and figures is None:
        figures = measure_file(path)
    return figures


def _feed(pipe, blocks: Iterable[np.ndarray]) -> None:
    """Write blocks to the encoder from a thread of its own, a few blocks ahead.

    A pipe holds only 64 KB: written inline, the encoder would wait while the next block is
    computed, and the block's computation would wait while the encoder drains the pipe.
    """
    import queue
    import threading
    pending: queue.Queue = queue.Queue(maxsize=3)

    def write() -> None:
        broken = False
        while (data := pending.get()) is not None:
            if not broken:
                try:
                    pipe.write(memoryview(data).cast("B"))
                except BrokenPipeError:
                    broken = True     # the encoder failed; its error message says why
        try:
            pipe.close()
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        for block in blocks:
            pending.put(np.ascontiguousarray(block, dtype="<f4"))
    finally:
        pending.put(None)
        writer.join()


def _tee_escape(path: Path) -> str:
    return "".join("\\" + ch if ch in "[]|:\\" else ch for ch in str(path))


class _Listener:
    """Decodes an MP3 stream on a thread of its own and measures it as a player would hear it."""

    def __init__(self, mp3_stream, rate: int, channels: int):
        import threading
        command = _command(_decoder("pipe:", rate, channels, container="mp3"))
        self._decoder = subprocess.Popen(command, stdin=mp3_stream, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        mp3_stream.close()      # the decoder holds the pipe now; EOF reaches it when the encoder ends
        self._figures: dict | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(channels,), daemon=True)
        self._thread.start()

    def _run(self, channels: int) -> None:
        try:
            self._figures = measure_blocks(_read_blocks(self._decoder.stdout, channels))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller in result()
            self._error = exc

    def result(self) -> dict | None:
        self._thread.join()
        self._decoder.stdout.close()
        self._decoder.stderr.read()
        self._decoder.stderr.close()
        if self._decoder.wait() != 0 or self._error is not None:
            return None         # the caller measures the finished file instead
        return self._figures


def _read_blocks(stream, channels: int, block: int = SAMPLE_RATE * 10) -> Iterator[np.ndarray]:
    frame_bytes = 4 * channels
    while True:
        data = stream.read(block * frame_bytes)
        if not data:
            return
        usable = len(data) - len(data) % frame_bytes
        yield np.frombuffer(data[:usable], dtype="<f4").reshape(-1, channels)


def measure_blocks(blocks: Iterable[np.ndarray]) -> dict:
    loudness, peak, samples = LoudnessMeter(), TruePeakMeter(), 0
    for block in blocks:
        loudness.add(block)
        peak.add(block)
        samples += block.shape[0]
    return {"integrated_lufs": loudness.integrated(), "true_peak_dbtp": peak.db(),
            "loudness_range_lu": loudness.loudness_range(), "duration_s": samples / SAMPLE_RATE}


# ---------------------------------------------------------------- loudness (ITU-R BS.1770-4)

def frame_peaks(block: np.ndarray) -> np.ndarray:
    """|sample| of the loudest channel in each frame of an (n, channels) block.

    Channel by channel: numpy reduces a short last axis some fifty times slower.
    """
    peaks = np.abs(block[:, 0])
    for channel in range(1, block.shape[1]):
        np.maximum(peaks, np.abs(block[:, channel]), out=peaks)
    return peaks


class LoudnessMeter:
    """Integrated loudness, fed block by block, so a long episode never sits in memory whole."""

    def __init__(self, rate: int = SAMPLE_RATE):
        self.rate = rate
        # K-weighting (the high shelf and high pass of BS.1770, as pyloudnorm derives them),
        # run as one cascade of second-order sections in float32 for speed.
        from pyloudnorm import Meter
        from scipy.signal import tf2sos
        meter = Meter(rate)
        self._sos = np.concatenate([tf2sos(f.b, f.a) for f in meter._filters.values()]).astype(np.float32)
        self._state = None
        self._step = int(0.1 * rate)          # 100 ms hops; a gating block is 4 hops (400 ms)
        self._pending = None
        self._hops: list[float] = []

    def add(self, block: np.ndarray) -> None:
        block = np.asarray(block, dtype=np.float32)
        if self._state is None:
            self._state = np.zeros((self._sos.shape[0], 2, block.shape[1]), dtype=np.float32)
            self._pending = np.zeros((0, block.shape[1]), dtype=np.float32)
        from scipy.signal import sosfilt
        weighted, self._state = sosfilt(self._sos, block, axis=0, zi=self._state)
        data = np.concatenate([self._pending, weighted]) if self._pending.size else weighted
        whole = data.shape[0] // self._step
        if whole:
            hops = data[: whole * self._step].reshape(whole, self._step, -1).astype(np.float64)
            self._hops.extend(np.einsum("ijk,ijk->i", hops, hops) / self._step)
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


class TruePeakMeter:
    """Highest inter-sample peak (4x oversampled, BS.1770), fed block by block.

    Oversampling everything is slow, so only 100 ms chunks whose sample peak could still
    raise the running maximum (within 1.5 dB of it) are oversampled.
    """

    CHUNK = SAMPLE_RATE // 10
    MARGIN = 32          # samples of context around a chunk for the interpolation filter

    def __init__(self):
        from scipy.signal import firwin
        self.peak = 0.0
        # resample_poly's own 4x interpolation filter, designed once instead of for every chunk
        self._taps = firwin(81, 1 / 4, window=("kaiser", 5.0)).astype(np.float32)

    def add(self, block: np.ndarray) -> None:
        from scipy.signal import resample_poly
        if block.size == 0:
            return
        magnitude = frame_peaks(block)
        chunks = -(-magnitude.size // self.CHUNK)
        padded = np.zeros(chunks * self.CHUNK, dtype=magnitude.dtype)
        padded[: magnitude.size] = magnitude
        chunk_peaks = padded.reshape(chunks, self.CHUNK).max(axis=1)
        # loudest first, so the running maximum rises fast and rules out the rest
        for index in np.argsort(-chunk_peaks, kind="stable"):
            sample_peak = float(chunk_peaks[index])
            # Real audio overshoots its sample peak by well under 1.5 dB between samples, so a
            # chunk more than that below the running maximum cannot raise it.
            if sample_peak * 1.189 <= self.peak:
                break
            start = int(index) * self.CHUNK
            lo, hi = max(0, start - self.MARGIN), min(block.shape[0], start + self.CHUNK + self.MARGIN)
            upsampled = resample_poly(block[lo:hi], 4, 1, axis=0, window=self._taps)
            inner = upsampled[4 * (start - lo): 4 * (min(block.shape[0], start + self.CHUNK) - lo)]
            self.peak = max(self.peak, sample_peak, float(np.max(np.abs(inner))) if inner.size else 0.0)

    def db(self) -> float:
        return 20 * np.log10(self.peak) if self.peak > 0 else -120.0


def true_peak_db(blocks: Iterable[np.ndarray]) -> float:
    meter = TruePeakMeter()
    for block in blocks:
        meter.add(block)
    return meter.db()


def blocks_of(data: np.ndarray, size: int = SAMPLE_RATE * 10) -> Iterator[np.ndarray]:
    for start in range(0, data.shape[0], size):
        yield data[start:start + size]


def decode_blocks(path: Path, rate: int = SAMPLE_RATE, channels: int = 2,
                  block: int = SAMPLE_RATE * 10) -> Iterator[np.ndarray]:
    """Decode with ffmpeg, streaming float32 (n, channels) blocks: flat memory for any length."""
    command = _command(_decoder(str(path), rate, channels))
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    finished = False
    try:
        yield from _read_blocks(process.stdout, channels, block)
        finished = True
    finally:
        if not finished:          # the caller stopped early: nothing is wrong with the file
            process.kill()
        process.stdout.close()
        error = process.stderr.read().decode(errors="replace").strip()
        process.stderr.close()
        if process.wait() != 0 and finished:
            raise PipelineError(path, None, f"cannot decode audio: {error.splitlines()[-1] if error else 'ffmpeg failed'}",
                                "check the file is a WAV, FLAC, OGG or MP3")


def measure_file(path: Path) -> dict:
    """Loudness figures of an encoded file, decoded the way a listener's player would."""
    return measure_blocks(decode_blocks(path))


class LookaheadLimiter:
    """A transparent brick-wall limiter that streams: no sample leaves above the ceiling.

    The gain at each sample is the smallest gain any sample in the next `lookahead_s`
    (and the last `hold_s`) needs, averaged over the lookahead so it ramps instead of
    stepping. Audio below the ceiling passes untouched and nothing is delayed: output n is
    input n times its gain, emitted once the lookahead for it has arrived.
    """

    def __init__(self, ceiling_db: float, rate: int = SAMPLE_RATE, lookahead_s: float = 0.005, hold_s: float = 0.03):
        self.ceiling = 10 ** (ceiling_db / 20)
        self.ahead = max(1, int(lookahead_s * rate))
        self.hold = int(hold_s * rate)
        self._pending = None        # input not yet emitted, preceded by `context` samples of history
        self._context = 0

    def process(self, block: np.ndarray, final: bool = False) -> np.ndarray:
        from scipy.ndimage import minimum_filter1d
        block = np.asarray(block, dtype=np.float32)
        if self._pending is None:
            self._pending = np.zeros((0, block.shape[1]), dtype=np.float32)
        data = np.concatenate([self._pending, block])
        ready = data.shape[0] if final else data.shape[0] - self.ahead
        if ready <= self._context:
            self._pending = data
            return np.zeros((0, data.shape[1]), dtype=np.float32)
        peaks = frame_peaks(data)
        if peaks.max(initial=0.0) <= self.ceiling:
            # nothing near the ceiling: pass the audio through untouched
            out = data[self._context:ready].copy()
            keep = self.hold + 2 * self.ahead
            start = max(0, ready - keep)
            self._pending = data[start:]
            self._context = ready - start
            return out
        need = np.minimum(1.0, self.ceiling / np.maximum(peaks, 1e-12))
        span = self.hold + self.ahead
        # minimum over the window [k - hold, k + ahead - 1] around each k
        held = minimum_filter1d(need, size=span, mode="constant", cval=1.0,
                                origin=self.hold - span // 2)
        cumulative = np.concatenate([np.ones(self.ahead), held]).cumsum()
        gain = (cumulative[self.ahead:] - cumulative[:-self.ahead]) / self.ahead
        out = data[self._context:ready] * gain[self._context:ready, np.newaxis].astype(np.float32)
        keep = span + self.ahead
        start = max(0, ready - keep)
        self._pending = data[start:]
        self._context = ready - start
        return np.clip(out, -self.ceiling, self.ceiling)

    def flush(self) -> np.ndarray:
        if self._pending is None:
            return np.zeros((0, 2), dtype=np.float32)
        return self.process(np.zeros((0, self._pending.shape[1]), dtype=np.float32), final=True)
