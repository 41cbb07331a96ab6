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
    level = np.sqrt(np.mean(audio.astype(np.float64) ** 2))
    pitches = []
    for start in range(0, audio.size - size - max_lag, hop):
        frame = audio[start:start + size + max_lag].astype(np.float64)
        if np.sqrt(np.mean(frame[:size] ** 2)) < level * 0.5:
            continue
        base = frame[:size]
        diffs = np.array([np.sum((base - frame[lag:lag + size]) ** 2) for lag in range(1, max_lag + 1)])
        cumulative = np.cumsum(diffs) / np.arange(1, max_lag + 1)
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
