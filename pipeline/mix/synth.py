"""Building blocks of procedural sounds: seeded noise, filters, slow modulation, scattered events.

Every sound is made from a generator seeded by the library's seed and the sound's name, so the
same seed always gives the same samples.
"""
from __future__ import annotations

import hashlib

import numpy as np

from pipeline.core.audio import SAMPLE_RATE

BED_S = 24.0


def _rng(seed: int, name: str) -> np.random.Generator:
    digest = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "little")
    return np.random.default_rng([seed, digest])


def _band(noise: np.ndarray, low_hz: float | None, high_hz: float | None, order: int = 2) -> np.ndarray:
    from scipy.signal import butter, sosfilt   # slow to import: only when a sound is made
    if low_hz and high_hz:
        sos = butter(order, [low_hz, high_hz], btype="band", fs=SAMPLE_RATE, output="sos")
    elif low_hz:
        sos = butter(order, low_hz, btype="high", fs=SAMPLE_RATE, output="sos")
    else:
        sos = butter(order, high_hz, btype="low", fs=SAMPLE_RATE, output="sos")
    return sosfilt(sos, noise, axis=0)


def _slow(rng, n: int, rate_hz: float, depth: float) -> np.ndarray:
    """A smooth random modulation between 1 - depth and 1."""
    from scipy.signal import butter, sosfiltfilt
    points = max(4, int(n / SAMPLE_RATE * rate_hz) + 2)
    curve = np.interp(np.arange(n), np.linspace(0, n, points), rng.random(points))
    curve = sosfiltfilt(butter(1, rate_hz, fs=SAMPLE_RATE, output="sos"), curve) if n > 100 else curve
    return 1 - depth + depth * np.clip(curve, 0, 1)


def _stereo_noise(rng, n: int) -> np.ndarray:
    return rng.standard_normal((n, 2))


def _seamless(sound: np.ndarray, fade_s: float = 2.0) -> np.ndarray:
    """Turn a sound longer than the loop into a loop: its tail crossfades into its head."""
    fade = int(fade_s * SAMPLE_RATE)
    body, tail = sound[:-fade], sound[-fade:]
    ramp = np.sqrt(np.linspace(0, 1, fade))[:, np.newaxis]
    body = body.copy()
    body[:fade] = body[:fade] * ramp + tail * ramp[::-1]
    return body


def _level(sound: np.ndarray, rms_db: float) -> np.ndarray:
    rms = np.sqrt(np.mean(sound ** 2))
    return (sound * (10 ** (rms_db / 20) / max(rms, 1e-12))).astype(np.float32)


def _peak(sound: np.ndarray, peak_db: float) -> np.ndarray:
    return (sound * (10 ** (peak_db / 20) / max(np.max(np.abs(sound)), 1e-12))).astype(np.float32)


def _events(rng, total: int, every_s: float, make, jitter: float = 0.5, pan_spread: float = 0.8) -> np.ndarray:
    """Scatter short events (chirps, drops, clinks) over a stereo track."""
    track = np.zeros((total, 2))
    t = rng.random() * every_s
    while t < total / SAMPLE_RATE:
        event = make(rng)
        start = int(t * SAMPLE_RATE)
        end = min(total, start + event.size)
        pan = (rng.random() * 2 - 1) * pan_spread
        gains = np.array([np.cos((pan + 1) * np.pi / 4), np.sin((pan + 1) * np.pi / 4)])
        track[start:end] += event[: end - start, np.newaxis] * gains
        t += every_s * (1 - jitter + 2 * jitter * rng.random())
    return track


def _tone(freq_hz, duration_s, decay=8.0, harmonics=(1.0,), sweep_to_hz=None) -> np.ndarray:
    t = np.arange(int(duration_s * SAMPLE_RATE)) / SAMPLE_RATE
    freq = freq_hz if sweep_to_hz is None else np.linspace(freq_hz, sweep_to_hz, t.size)
    phase = 2 * np.pi * np.cumsum(np.broadcast_to(freq, t.shape)) / SAMPLE_RATE
    wave = sum(a * np.sin((k + 1) * phase) for k, a in enumerate(harmonics))
    attack = np.minimum(1, t / 0.004)
    return wave * np.exp(-t * decay) * attack


