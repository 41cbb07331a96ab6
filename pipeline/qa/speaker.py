"""Who is speaking: a speaker embedding computed with numpy alone (no torch at run time).

The encoder is Resemblyzer's pretrained voice encoder (Apache-2.0, see speaker_encoder.NOTICE):
a 3-layer LSTM of 256 units over 40 mel bands at 16 kHz, whose last hidden state goes through a
linear layer and a ReLU and is scaled to unit length. Its weights ship beside this file as float16
(speaker_encoder.npz, converted once from the package's checkpoint; the arithmetic runs in float32).
The maths below follows that model's published design; the numbers it gives agree with the
reference implementation within 1e-3 cosine (tests/test_speaker.py, on clips stored as test data).

An utterance is volume-normalised, its long silences are cut out (WebRTC's voice activity detector),
and it is cut into 1.6 s windows (160 frames of 10 ms) starting every 0.77 s; the unit-length mean
of the windows' embeddings is the utterance's embedding. Two embeddings' cosine similarity is their
dot product: 1 for the same voice, about 0.5-0.75 between different voices of one sex.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Sequence

import numpy as np

RATE = 16000                  # the encoder's sample rate
MEL_BANDS = 40
FFT_SIZE = 400                # 25 ms windows
HOP = 160                     # every 10 ms
WINDOW_FRAMES = 160           # 1.6 s of frames per partial utterance
WINDOWS_PER_S = 1.3           # partial utterances start every round(16000 / 1.3 / 160) = 77 frames
MIN_COVERAGE = 0.75           # a last partial utterance shorter than this share of a window is dropped
TARGET_DBFS = -30.0           # quieter speech is raised to this RMS level (louder is left alone)
VAD_WINDOW = 480              # 30 ms at 16 kHz, one of the detector's allowed frame sizes
VAD_SMOOTHING = 8             # moving average over this many detector frames
VAD_MAX_GAP = 6               # silences up to this many frames are kept inside speech
EMBEDDING_SIZE = 256

WEIGHTS = Path(__file__).with_name("speaker_encoder.npz")
_INT16_MAX = 32767


# ---------------------------------------------------------------- preprocessing

def resample(samples: np.ndarray, rate: int) -> np.ndarray:
    """Mono float32 at the encoder's 16 kHz (channels are averaged)."""
    mono = np.asarray(samples, dtype=np.float32)
    if mono.ndim == 2:
        mono = mono.mean(axis=1)
    if rate != RATE:
        import soxr
        mono = soxr.resample(np.ascontiguousarray(mono), rate, RATE, quality="HQ").astype(np.float32)
    return mono


def normalise_volume(samples: np.ndarray) -> np.ndarray:
    """Raise quiet speech to -30 dBFS RMS; louder speech is left as it is."""
    rms = float(np.sqrt(np.mean((samples.astype(np.float64) * _INT16_MAX) ** 2))) if samples.size else 0.0
    if rms <= 0:
        return samples
    change_db = TARGET_DBFS - 20 * np.log10(rms / _INT16_MAX)
    return samples if change_db < 0 else samples * np.float32(10 ** (change_db / 20))


_vad_lock = threading.Lock()


def voiced_mask(samples: np.ndarray) -> np.ndarray:
    """One flag per 30 ms frame: speech (smoothed, with short gaps kept) or a long silence."""
    import webrtcvad
    count = len(samples) // VAD_WINDOW
    pcm = np.round(samples[: count * VAD_WINDOW] * _INT16_MAX).astype("<i2").tobytes()
    detector = webrtcvad.Vad(3)    # the most aggressive mode: only clear speech counts
    with _vad_lock:
        flags = np.array([detector.is_speech(pcm[i * VAD_WINDOW * 2:(i + 1) * VAD_WINDOW * 2], RATE)
                          for i in range(count)], dtype=np.float64)
    # A centred moving average (a frame's mean over 8 frames around it), rounded back to flags.
    padded = np.concatenate([np.zeros((VAD_SMOOTHING - 1) // 2), flags, np.zeros(VAD_SMOOTHING // 2)])
    sums = np.cumsum(padded)
    sums[VAD_SMOOTHING:] = sums[VAD_SMOOTHING:] - sums[:-VAD_SMOOTHING]
    smooth = np.round(sums[VAD_SMOOTHING - 1:] / VAD_SMOOTHING).astype(bool)
    if not smooth.any():
        return smooth
    # Widen every voiced run by VAD_MAX_GAP / 2 frames each side, which closes gaps up to VAD_MAX_GAP.
    from scipy.ndimage import binary_dilation
    return binary_dilation(smooth, np.ones(VAD_MAX_GAP + 1))


def trim_silences(samples: np.ndarray) -> np.ndarray:
    """The utterance without its long silences (at most its own length; whole 30 ms frames)."""
    count = len(samples) // VAD_WINDOW
    mask = voiced_mask(samples)
    return samples[: count * VAD_WINDOW][np.repeat(mask, VAD_WINDOW)]


def prepare(samples: np.ndarray, rate: int) -> np.ndarray:
    """Any float audio -> the 16 kHz, level-normalised, silence-trimmed signal the encoder reads."""
    return trim_silences(normalise_volume(resample(samples, rate)))


# ---------------------------------------------------------------- mel spectrogram

def _hz_to_mel(hz: np.ndarray) -> np.ndarray:
    # Slaney's mel scale: linear (3 per 200 Hz) up to 1 kHz, logarithmic above (27 steps per 6.4x).
    hz = np.asarray(hz, dtype=np.float64)
    linear = hz * 3 / 200
    log_part = 15 + np.log(np.maximum(hz, 1e-10) / 1000) / (np.log(6.4) / 27)
    return np.where(hz >= 1000, log_part, linear)


def _mel_to_hz(mel: np.ndarray) -> np.ndarray:
    mel = np.asarray(mel, dtype=np.float64)
    return np.where(mel >= 15, 1000 * np.exp((np.log(6.4) / 27) * (mel - 15)), mel * 200 / 3)


def mel_filters() -> np.ndarray:
    """(40, 201) triangular filters spaced evenly in mel from 0 to 8 kHz, each of unit area in Hz."""
    edges_hz = _mel_to_hz(np.linspace(_hz_to_mel(0.0), _hz_to_mel(RATE / 2), MEL_BANDS + 2))
    bins_hz = np.linspace(0, RATE / 2, FFT_SIZE // 2 + 1)
    widths = np.diff(edges_hz)
    offsets = edges_hz[:, None] - bins_hz[None, :]
    rising = -offsets[:-2] / widths[:-1, None]
    falling = offsets[2:] / widths[1:, None]
    filters = np.maximum(0, np.minimum(rising, falling))
    filters *= (2.0 / (edges_hz[2:] - edges_hz[:-2]))[:, None]
    return filters.astype(np.float32)


_MEL = mel_filters()
# A periodic Hann window, as spectral analysis uses.
_HANN = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(FFT_SIZE) / FFT_SIZE)).astype(np.float32)


def mel_spectrogram(samples: np.ndarray) -> np.ndarray:
    """(frames, 40) mel power spectrum (not logarithmic): frames centred every 10 ms, zero-padded ends."""
    padded = np.pad(samples.astype(np.float32), FFT_SIZE // 2)
    count = 1 + (len(padded) - FFT_SIZE) // HOP
    frames = np.lib.stride_tricks.as_strided(
        padded, (count, FFT_SIZE), (padded.strides[0] * HOP, padded.strides[0]), writeable=False)
    spectrum = np.fft.rfft(frames * _HANN, axis=1)
    power = (spectrum.real ** 2 + spectrum.imag ** 2).astype(np.float32)
    return power @ _MEL.T


# ---------------------------------------------------------------- the network

class Encoder:
    """The LSTM and its output layer, run on a batch of (160, 40) spectrogram windows at once."""

    def __init__(self, path: Path = WEIGHTS):
        with np.load(path) as data:
            self.layers = [(data[f"w_ih{k}"].astype(np.float32).T.copy(), data[f"w_hh{k}"].astype(np.float32).T.copy(),
                            (data[f"b_ih{k}"].astype(np.float32) + data[f"b_hh{k}"].astype(np.float32)))
                           for k in range(3)]
            self.out_weight = data["w_out"].astype(np.float32).T.copy()
            self.out_bias = data["b_out"].astype(np.float32)

    def __call__(self, windows: np.ndarray) -> np.ndarray:
        """(n, frames, 40) -> (n, 256) unit-length, non-negative embeddings."""
        sequence = np.asarray(windows, dtype=np.float32)
        batch, steps = sequence.shape[:2]
        for w_ih, w_hh, bias in self.layers:
            hidden_size = w_hh.shape[0]
            # The input's share of every gate, for all steps in one product; then the recurrence.
            gates_in = sequence @ w_ih + bias
            h = np.zeros((batch, hidden_size), np.float32)
            c = np.zeros((batch, hidden_size), np.float32)
            outputs = np.empty((batch, steps, hidden_size), np.float32)
            for t in range(steps):
                gates = gates_in[:, t] + h @ w_hh
                # Gates in the order input, forget, cell, output; sigmoid(x) = (1 + tanh(x / 2)) / 2
                # cannot overflow.
                i, f, o = (0.5 + 0.5 * np.tanh(0.5 * gates[:, k * hidden_size:(k + 1) * hidden_size])
                           for k in (0, 1, 3))
                g = np.tanh(gates[:, 2 * hidden_size:3 * hidden_size])
                c = f * c + i * g
                h = o * np.tanh(c)
                outputs[:, t] = h
            sequence = outputs
        raw = np.maximum(h @ self.out_weight + self.out_bias, 0)
        norms = np.linalg.norm(raw, axis=1, keepdims=True)
        return raw / np.maximum(norms, 1e-12)


_encoder: Encoder | None = None
_encoder_lock = threading.Lock()


def encoder() -> Encoder:
    global _encoder
    with _encoder_lock:
        if _encoder is None:
            _encoder = Encoder()
        return _encoder


# ---------------------------------------------------------------- utterances

def window_starts(sample_count: int) -> list[int]:
    """First frame of each 160-frame window covering an utterance of this many 16 kHz samples."""
    frames = int(np.ceil((sample_count + 1) / HOP))
    step = int(np.round(RATE / WINDOWS_PER_S / HOP))
    starts = list(range(0, max(1, frames - WINDOW_FRAMES + step + 1), step))
    # The last window may run past the end; it counts only if the utterance fills enough of it.
    covered = (sample_count - starts[-1] * HOP) / (WINDOW_FRAMES * HOP)
    if covered < MIN_COVERAGE and len(starts) > 1:
        starts.pop()
    return starts


def _windows(prepared: np.ndarray) -> np.ndarray:
    starts = window_starts(len(prepared))
    end = (starts[-1] + WINDOW_FRAMES) * HOP
    padded = np.pad(prepared, (0, max(0, end - len(prepared))))
    mel = mel_spectrogram(padded)
    return np.stack([mel[s:s + WINDOW_FRAMES] for s in starts])


def embed_prepared(prepared: Sequence[np.ndarray]) -> np.ndarray:
    """(n, 256) embeddings of utterances already through prepare(); all windows in one batch."""
    if not len(prepared):
        return np.zeros((0, EMBEDDING_SIZE), np.float32)
    windows = [_windows(p) for p in prepared]
    partial = encoder()(np.concatenate(windows))
    bounds = np.cumsum([0] + [len(w) for w in windows])
    means = np.stack([partial[a:b].mean(axis=0) for a, b in zip(bounds[:-1], bounds[1:])])
    return means / np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)


def embed_utterance(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """Unit-length 256-value embedding of one utterance (mono or (n, channels) float audio)."""
    return embed_prepared([prepare(samples, sample_rate)])[0]


def embed_utterances(clips: Sequence[tuple[np.ndarray, int]]) -> np.ndarray:
    """(n, 256) embeddings of (samples, rate) clips, batched through the network together."""
    return embed_prepared([prepare(samples, rate) for samples, rate in clips])


def embed_file(path: Path) -> np.ndarray:
    from pipeline.core import audio
    samples, rate = audio.read_wav(Path(path))
    return embed_utterance(samples, rate)


def mean_embedding(embeddings: np.ndarray) -> np.ndarray:
    """A speaker's embedding from several of its utterances: their unit-length mean."""
    mean = np.asarray(embeddings, dtype=np.float32).mean(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


def similarity(a: np.ndarray, b: np.ndarray) -> float | np.ndarray:
    """Cosine similarity of embeddings (or of each row of a with each row of b)."""
    a, b = np.asarray(a, dtype=np.float32), np.asarray(b, dtype=np.float32)
    a = a / np.maximum(np.linalg.norm(a, axis=-1, keepdims=True), 1e-12)
    b = b / np.maximum(np.linalg.norm(b, axis=-1, keepdims=True), 1e-12)
    if a.ndim == 1 and b.ndim == 1:
        return float(a @ b)
    return np.atleast_2d(a) @ np.atleast_2d(b).T
