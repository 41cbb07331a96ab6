"""Listening with numbers: pitch, level and silence measurements used by checks and tests."""
from __future__ import annotations

import numpy as np


def frame_pitches_hz(audio: np.ndarray, rate: int, fmin_hz: float = 60.0, fmax_hz: float = 500.0,
                     frame_s: float = 0.04, threshold: float = 0.3) -> np.ndarray:
    """Fundamental frequency of each voiced frame (YIN difference function, coarse)."""
    if audio.ndim == 2:
        audio = audio.mean(axis=1)
    size = int(frame_s * rate)
    hop = size // 2
    min_lag, max_lag = int(rate / fmax_hz), int(rate / fmin_hz)
    if audio.size < size + max_lag:
        return np.zeros(0)
    audio = audio.astype(np.float64)
    level = np.sqrt(np.mean(audio ** 2))
    lags = np.arange(1, max_lag + 1)
    pitches = []
    for start in range(0, audio.size - size - max_lag, hop):
        frame = audio[start:start + size + max_lag]
        base = frame[:size]
        base_energy = np.dot(base, base)
        if np.sqrt(base_energy / size) < level * 0.5:
            continue
        # d(lag) = sum((base - shifted)^2) = |base|^2 + |shifted|^2 - 2 base.shifted, every lag at once
        # (the per-lag sum was 80 % of a voice design's pitch time)
        squares = np.concatenate(([0.0], np.cumsum(frame * frame)))
        shifted_energy = squares[lags + size] - squares[lags]
        cross = np.correlate(frame[1:], base, mode="valid")[:max_lag]
        diffs = np.maximum(base_energy + shifted_energy - 2.0 * cross, 0.0)
        cumulative = np.cumsum(diffs) / lags
        normalised = diffs / np.maximum(cumulative, 1e-12)
        candidates = np.where(normalised[min_lag - 1:] < threshold)[0]
        if candidates.size == 0:
            continue
        lag = candidates[0] + min_lag
        while lag < max_lag and normalised[lag] < normalised[lag - 1]:
            lag += 1
        pitches.append(rate / lag)
    return np.array(pitches)


def median_pitch_hz(audio: np.ndarray, rate: int) -> float:
    pitches = frame_pitches_hz(audio, rate)
    return float(np.median(pitches)) if pitches.size else 0.0


def semitones_between(a_hz: float, b_hz: float) -> float:
    return float(12 * np.log2(b_hz / a_hz))


def rms_dbfs(audio: np.ndarray) -> float:
    value = float(np.sqrt(np.mean(np.asarray(audio, dtype=np.float64) ** 2))) if audio.size else 0.0
    return 20 * np.log10(value) if value > 0 else -120.0
