"""The speech recogniser QA listens with, and the word error rate it is judged by.

pocketsphinx with its bundled US English model, one decoder a process. QA transcribes every take
with it; voice design asks it whether a candidate voice is still understood, so both judge
intelligibility the same way.
"""
from __future__ import annotations

import re
import unicodedata

import numpy as np

RECOGNIZER_RATE = 16000
# One search pass (no flat-lexicon rescoring) over the 2 best codewords a frame: on chapter 1
# this hears every take in 24 s of CPU instead of 34-45 s, and its word error rate against the
# script moves from 0.287 to 0.289
RECOGNIZER_SETTINGS = {"fwdflat": False, "topn": 2}

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_decoder = None


def normalise_words(text: str) -> list[str]:
    """Lower-case words without punctuation; numbers are left as written."""
    text = unicodedata.normalize("NFKC", text or "").translate(_APOSTROPHES).lower()
    # Hyphens and dashes join words in prose ("Oba-chan") but are separate words when spoken.
    text = re.sub(r"[^\w']+", " ", text)
    return [word.strip("'") for word in text.split() if word.strip("'")]


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Word-level edit distance / reference length (0 = perfect; can exceed 1)."""
    ref, hyp = normalise_words(reference), normalise_words(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    previous = list(range(len(hyp) + 1))
    for i, ref_word in enumerate(ref, 1):
        current = [i] + [0] * len(hyp)
        for j, hyp_word in enumerate(hyp, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref_word != hyp_word))
        previous = current
    return previous[-1] / len(ref)


def recognizer_version() -> str:
    """What a remembered transcription depends on: the package and its settings."""
    from importlib import metadata
    settings = ", ".join(f"{k}={v}" for k, v in sorted(RECOGNIZER_SETTINGS.items()))
    return f"pocketsphinx {metadata.version('pocketsphinx')} ({settings}, each take afresh)"


def recognizer_pcm(samples: np.ndarray, rate: int) -> bytes:
    """Any (n,) or (n, ch) float audio -> 16 kHz mono 16-bit PCM, what the model was trained on."""
    import soxr
    mono = samples.mean(axis=1) if samples.ndim == 2 else samples
    if rate != RECOGNIZER_RATE:
        mono = soxr.resample(np.ascontiguousarray(mono, dtype=np.float32), rate, RECOGNIZER_RATE, quality="HQ")
    return np.round(np.clip(mono, -1.0, 1.0) * 32767).astype("<i2").tobytes()


def transcribe(samples: np.ndarray, rate: int) -> str:
    """What the recogniser hears in (n,) or (n, ch) float audio at any rate."""
    global _decoder
    if _decoder is None:
        from pocketsphinx import Decoder
        _decoder = Decoder(samprate=RECOGNIZER_RATE, loglevel="FATAL", **RECOGNIZER_SETTINGS)
    # Each take is heard from the decoder's first state: its feature normalisation would otherwise
    # carry over from the takes before, and what a take is heard as would depend on which takes
    # the same process heard first (serial QA and the process pool would disagree)
    _decoder.reinit_feat()
    _decoder.start_utt()
    _decoder.process_raw(recognizer_pcm(samples, rate), full_utt=True)
    _decoder.end_utt()
    hypothesis = _decoder.hyp()
    return hypothesis.hypstr if hypothesis else ""
