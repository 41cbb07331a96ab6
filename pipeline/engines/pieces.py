"""Synthesis in bounded pieces, for every engine: a line is never given to a model longer than it can hold.

A VITS model holds a whole utterance in memory at once, and its memory grows faster than the
utterance: piper with joe needs about 120 MB more for 230 phonemes, 360 MB for 465 and 610 MB
for 700, and a 15 KB paragraph with no sentence end is one utterance (24 GB before the kernel
killed it). So a line with a sentence over PHONEME_BUDGET is cut with
pipeline.text.sentences.bounded_pieces (sentence ends, then clause marks, then between words),
each piece is synthesized on its own, and the pieces are joined with short pauses whose
length follows the cut: a sentence pause after a sentence, shorter after a clause mark,
shortest between words. Each piece fades in and out over a few milliseconds, so a join is
silence meeting silence and never a click. The line stays one line and one take.

A line whose every sentence fits goes to the engine whole, as before.
"""
from __future__ import annotations

import dataclasses

import numpy as np

from pipeline.text.sentences import CLAUSE, SENTENCE, bounded_pieces

# Phonemes a model is given at once. With two synthesis threads this keeps synthesis under
# 1 GB resident on piper and Kokoro (see README, "Long lines"); an engine may declare a
# smaller `phoneme_budget` of its own.
PHONEME_BUDGET = 250
# Pause after a piece, as a share of the voice's sentence pause, by what ended the piece.
PAUSE_SHARE = {SENTENCE: 1.0, CLAUSE: 0.5}
WORD_PAUSE_SHARE = 0.2
FADE_S = 0.006


def budget_of(engine) -> int:
    return int(min(PHONEME_BUDGET, getattr(engine, "phoneme_budget", PHONEME_BUDGET)))


def phoneme_count(engine, text: str) -> int:
    """The symbols the engine would give its model for `text` (all sentences together)."""
    return sum(len(symbol) for sentence in engine.phonemes(text) for symbol in sentence)


def fits(engine, text: str, budget: int) -> bool:
    """True when no sentence of the text, as the engine itself splits it, is over the budget."""
    return all(sum(len(symbol) for symbol in sentence) <= budget for sentence in engine.phonemes(text))


def piece_seed(seed: int, index: int) -> int:
    return int(np.random.SeedSequence([int(seed), index]).generate_state(1)[0]) & 0x7FFFFFFF


def synthesize_bounded(engine, request) -> np.ndarray:
    """engine.synthesize(request), with no sentence given to the model over the engine's budget."""
    if fits(engine, request.text, budget_of(engine)):
        return engine.synthesize(request)
    return synthesize_in_pieces(engine, request)[0]


def synthesize_in_pieces(engine, request) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The line cut to the engine's budget, synthesized piece by piece and joined.

    Returns the audio and each join as (sample where a piece ends, sample where the next starts).
    """
    budget = budget_of(engine)
    pieces = bounded_pieces(request.text, budget, lambda text: phoneme_count(engine, text))
    rate = engine.sample_rate
    fade = max(1, int(FADE_S * rate))
    ramp = (0.5 - 0.5 * np.cos(np.linspace(0.0, np.pi, fade))).astype(np.float32)
    parts: list[np.ndarray] = []
    joins: list[tuple[int, int]] = []
    length, pause_after = 0, 0.0
    for index, piece in enumerate(pieces):
        audio = engine.synthesize(dataclasses.replace(request, text=piece.text,
                                                      seed=piece_seed(request.seed, index)))
        if audio.size == 0:
            continue
        audio = np.array(audio, dtype=np.float32)
        n = min(fade, audio.size // 2)
        if n:
            audio[:n] *= ramp[:n]
            audio[-n:] *= ramp[:n][::-1]
        if parts:
            end = length
            if pause_after > 0:
                parts.append(np.zeros(int(pause_after * rate), dtype=np.float32))
                length += parts[-1].size
            joins.append((end, length))
        parts.append(audio)
        length += audio.size
        pause_after = request.sentence_pause_s * PAUSE_SHARE.get(piece.after, WORD_PAUSE_SHARE)
    if not parts:
        return np.zeros(0, dtype=np.float32), []
    return np.concatenate(parts), joins
