"""Signal chains for a take: the voice's own colour, then the line's delivery.

    raw speech -> formant/pitch shift -> EQ -> delivery (whisper, shout...) -> level

Each step is a small pedalboard chain or a numpy function, in the order the signal flows.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pedalboard as pb

from pipeline.core.audio import SAMPLE_RATE
from pipeline.model.casting import Voice

SPEECH_LEVEL_DB = -20.0     # RMS of voiced audio every take is brought to before its voice gain


@dataclass(frozen=True)
class Delivery:
    """How a direction changes a take: speed, pitch, level and colour."""
    rate: float = 1.0            # > 1 faster
    pitch_semitones: float = 0.0
    gain_db: float = 0.0
    highpass_hz: float | None = None
    lowpass_hz: float | None = None
    drive_db: float = 0.0        # saturation for strained, shouted speech
    breath: float = 0.0          # 0..1 mix of noise shaped by the speech envelope (whisper)


# One delivery for each name in pipeline.model.directions.DIRECTIONS (a test holds them equal).
DELIVERIES = {
    "whisper": Delivery(rate=0.95, gain_db=-9, highpass_hz=500, breath=0.85),
    "shout": Delivery(rate=1.06, pitch_semitones=2.0, gain_db=5, drive_db=10),
    "mutter": Delivery(rate=1.08, pitch_semitones=-1.0, gain_db=-6, lowpass_hz=3500),
    "snap": Delivery(rate=1.12, pitch_semitones=1.0, gain_db=3, drive_db=4),
    "quiet": Delivery(rate=0.95, gain_db=-5, lowpass_hz=6000),
    "sad": Delivery(rate=0.88, pitch_semitones=-1.5, gain_db=-3, lowpass_hz=5000),
    "angry": Delivery(rate=1.08, pitch_semitones=1.0, gain_db=4, drive_db=8),
    "laugh": Delivery(rate=1.05, pitch_semitones=1.5, gain_db=1),
    "cry": Delivery(rate=0.9, pitch_semitones=1.0, gain_db=-2, lowpass_hz=5000),
    "excited": Delivery(rate=1.1, pitch_semitones=1.5, gain_db=2),
    "tender": Delivery(rate=0.92, gain_db=-3, lowpass_hz=7000),
    "cold": Delivery(rate=0.95, pitch_semitones=-1.0),
    "ask": Delivery(pitch_semitones=0.5),
    "tired": Delivery(rate=0.88, pitch_semitones=-1.0, gain_db=-2),
    "fear": Delivery(rate=1.1, pitch_semitones=1.5, gain_db=-1),
}


def delivery_for(direction: str | None) -> Delivery:
    """How a direction sounds; no direction is a plain reading (scripts are checked when read)."""
    if not direction:
        return Delivery()
    return DELIVERIES[direction.lower()]


def resample(audio: np.ndarray, from_rate: float, to_rate: int) -> np.ndarray:
    if abs(from_rate - to_rate) < 1e-6:
        return audio.astype(np.float32)
    # imported here: scipy.signal takes 0.6 s to import, which the start of a render would wait for
    from scipy.signal import resample_poly
    ratio = Fraction(to_rate / from_rate).limit_denominator(2000)
    return resample_poly(audio, ratio.numerator, ratio.denominator).astype(np.float32)


def shift_voice(audio: np.ndarray, rate: int, pitch_semitones: float, formant_semitones: float,
                speed: float = 1.0) -> tuple[np.ndarray, int]:
    """Move pitch and vocal-tract size independently, then return audio at SAMPLE_RATE.

    Playing the samples faster by a factor f scales pitch, formants and speed alike; a
    formant-preserving time stretch then restores the duration and sets the final pitch.
    """
    factor = 2.0 ** (formant_semitones / 12.0)
    audio = resample(audio, rate * factor, SAMPLE_RATE)
    residual_pitch = pitch_semitones - formant_semitones
    stretch = speed / factor
    if abs(residual_pitch) > 0.01 or abs(stretch - 1.0) > 0.001:
        audio = pb.time_stretch(audio[np.newaxis, :], SAMPLE_RATE, stretch_factor=stretch,
                                pitch_shift_in_semitones=residual_pitch, preserve_formants=True)[0]
    return audio.astype(np.float32), SAMPLE_RATE


def eq_chain(voice: Voice) -> pb.Pedalboard:
    eq = voice.eq
    return pb.Pedalboard([
        pb.HighpassFilter(cutoff_frequency_hz=eq.highpass_hz),
        pb.LowShelfFilter(cutoff_frequency_hz=eq.low_shelf_hz, gain_db=eq.low_shelf_db),
        pb.PeakFilter(cutoff_frequency_hz=eq.presence_hz, gain_db=eq.presence_db, q=0.9),
        pb.HighShelfFilter(cutoff_frequency_hz=eq.high_shelf_hz, gain_db=eq.high_shelf_db),
    ])


def delivery_chain(delivery: Delivery) -> pb.Pedalboard:
    chain = pb.Pedalboard()
    if delivery.highpass_hz:
        chain.append(pb.HighpassFilter(cutoff_frequency_hz=delivery.highpass_hz))
    if delivery.lowpass_hz:
        chain.append(pb.LowpassFilter(cutoff_frequency_hz=delivery.lowpass_hz))
    if delivery.drive_db:
        chain.append(pb.Distortion(drive_db=delivery.drive_db))
        chain.append(pb.Gain(gain_db=-delivery.drive_db / 2))
    return chain


def add_breath(audio: np.ndarray, amount: float, seed: int) -> np.ndarray:
    """Whisper: replace much of the voicing by noise that follows the speech envelope."""
    if amount <= 0 or audio.size == 0:
        return audio
    rng = np.random.default_rng(seed)
    noise = rng.standard_normal(audio.size).astype(np.float32)
    noise = pb.Pedalboard([pb.HighpassFilter(1500), pb.LowpassFilter(7000)])(noise[np.newaxis, :], SAMPLE_RATE)[0]
    window = max(1, int(0.01 * SAMPLE_RATE))
    envelope = np.sqrt(np.convolve(audio.astype(np.float64) ** 2, np.ones(window) / window, mode="same"))
    breath = noise * envelope.astype(np.float32) * 1.6
    return ((1.0 - amount) * audio + amount * breath).astype(np.float32)


def rms_db(audio: np.ndarray) -> float:
    """RMS level of the voiced part (frames within 30 dB of the loudest), in dBFS."""
    if audio.size == 0:
        return -120.0
    frame = 1024
    usable = audio[: audio.size - audio.size % frame].reshape(-1, frame) if audio.size >= frame else audio[np.newaxis, :]
    energies = np.mean(usable.astype(np.float64) ** 2, axis=1)
    if energies.max() <= 1e-12:
        return -120.0
    voiced = energies[energies > energies.max() * 1e-3]
    return float(10 * np.log10(np.mean(voiced)))


def fade_edges(audio: np.ndarray, fade_s: float = 0.005) -> np.ndarray:
    n = min(int(fade_s * SAMPLE_RATE), audio.size // 2)
    if n > 0:
        ramp = np.linspace(0.0, 1.0, n, dtype=np.float32)
        audio = audio.copy()
        audio[:n] *= ramp
        audio[-n:] *= ramp[::-1]
    return audio


def process_take(raw: np.ndarray, rate: int, voice: Voice, direction: str | None, seed: int) -> np.ndarray:
    """The full chain for one line: voice colour, delivery, then a fixed speech level."""
    delivery = delivery_for(direction)
    audio, _ = shift_voice(raw, rate, voice.pitch_semitones + delivery.pitch_semitones,
                           voice.formant_semitones, speed=delivery.rate)
    audio = eq_chain(voice)(audio[np.newaxis, :], SAMPLE_RATE)[0]
    audio = add_breath(audio, delivery.breath, seed)
    audio = delivery_chain(delivery)(audio[np.newaxis, :], SAMPLE_RATE)[0]
    level = rms_db(audio)
    if level > -100:
        audio = audio * np.float32(10 ** ((SPEECH_LEVEL_DB - level + voice.gain_db + delivery.gain_db) / 20))
    # Takes stay below full scale so mixing has headroom; the master sets the final level.
    peak = float(np.max(np.abs(audio))) if audio.size else 0.0
    if peak > 0.98:
        audio = audio * np.float32(0.98 / peak)
    return fade_edges(audio.astype(np.float32))
