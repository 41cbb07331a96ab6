"""The second look at inferred speakers (ranking.py) and the training that fits it (training.py)."""
import json

import numpy as np

from pipeline.text.attribution import Character, attribute, read_speakers
from pipeline.text.ranking import FEATURES, choices, load_weights, rank_speakers
from pipeline.text.training import Example, fit, read_chapter

CAST = {"Mara": Character("Mara", (), "F"), "Tobin": Character("Tobin", (), "M"), "Ilse": Character("Ilse", (), "F")}

# Mara and Tobin talk; the fourth and fifth lines have no tag, Ilse is only spoken of
DIALOGUE = ('Mara and Tobin sat by the stove while Ilse slept upstairs.\n\n'
            '"Is she still asleep?" Mara asked.\n\n'
            '"Like a stone," said Tobin.\n\n'
            '"Ilse never sleeps past six."\n\n'
            '"She does today."\n\n'
            '"Then we let her," Mara said.\n')


def weights_for(**named) -> np.ndarray:
    return np.array([named.get(f, 0.0) for f in FEATURES])


def test_each_inferred_paragraph_gets_the_people_at_hand_with_one_row_each():
    quotes, groups, reader = read_speakers(DIALOGUE, CAST)
    found = choices(reader, quotes, groups)
    assert [quotes[c.quotes[0]].text for c in found] == ["Ilse never sleeps past six.", "She does today."]
    for choice in found:
        assert choice.features.shape == (len(choice.candidates), len(FEATURES))
        assert {"Mara", "Tobin"} <= set(choice.candidates)
        # Ilse is named in the first of them: a sign against her saying it
        row = choice.features[choice.candidates.index("Ilse")] if "Ilse" in choice.candidates else None
        if row is not None and "Ilse never" in quotes[choice.quotes[0]].text:
            assert row[FEATURES.index("named_here")] == 1


def test_the_weights_decide_and_a_change_is_marked_check():
    quotes, groups, reader = read_speakers(DIALOGUE, CAST)
    rank_speakers(reader, quotes, groups, weights_for(spoke_2_before=2.0))
    assert [q.speaker for q in quotes] == ["Mara", "Tobin", "Mara", "Tobin", "Mara"]
    # weights that prefer whoever the rules had speaking just before give each bare line to
    # them (all at once, from the rules' reading), and every line they moved asks the producer
    # to confirm it
    quotes, groups, reader = read_speakers(DIALOGUE, CAST)
    rank_speakers(reader, quotes, groups, weights_for(spoke_1_before=2.0))
    assert [q.speaker for q in quotes][2:4] == ["Tobin", "Mara"]
    assert quotes[2].basis == "ranked" and quotes[2].check


def test_a_tagged_line_is_never_reranked():
    quotes, groups, reader = read_speakers(DIALOGUE, CAST)
    rank_speakers(reader, quotes, groups, weights_for(narrator=5.0, recent_1=-5.0, spoke_1_before=9.0))
    assert [(q.speaker, q.basis) for q in quotes if q.basis == "tag"] == [("Mara", "tag"), ("Tobin", "tag"),
                                                                         ("Mara", "tag")]


def test_fit_learns_which_feature_marks_the_speaker():
    rng = np.random.default_rng(1)
    examples = []
    for _ in range(200):
        rows = rng.integers(0, 2, (3, len(FEATURES))).astype(float)
        right = np.zeros(3)
        gold = rng.integers(0, 3)
        right[gold] = 1
        rows[:, FEATURES.index("called_before")] = right        # the one called by name answers
        examples.append(Example(rows, right, 1.0))
    weights = fit(examples, steps=300)
    assert weights[FEATURES.index("called_before")] == max(weights) > 1.0
    assert all(np.argmax(e.features @ weights) == np.argmax(e.right) for e in examples)


def test_the_shipped_weights_match_the_features_and_are_used():
    weights = load_weights()
    assert weights is not None and len(weights) == len(FEATURES)
    assert weights[FEATURES.index("rule")] > 0 and weights[FEATURES.index("named_here")] < 0


def test_weights_for_other_features_are_ignored(tmp_path):
    stale = tmp_path / "ranking.json"
    stale.write_text(json.dumps({"features": ["rule"], "weights": [1.0]}))
    assert load_weights(stale) is None
    assert load_weights(tmp_path / "missing.json") is None


def test_a_gold_chapter_becomes_examples_with_the_right_speaker_among_candidates(tmp_path):
    chapter = tmp_path / "ch.txt"
    chapter.write_text(DIALOGUE)
    chapter.with_suffix(".gold.json").write_text(json.dumps({
        "cast": {"Mara": {"aliases": [], "gender": "F"}, "Tobin": {"aliases": [], "gender": "M"}},
        "quotes": [{"start": "Is she", "speaker": "Mara"}, {"start": "Like a", "speaker": "Tobin"},
                   {"start": "Ilse never", "speaker": "Mara"}, {"start": "She does", "speaker": "Tobin"},
                   {"start": "Then we", "speaker": "Mara"}]}))
    examples = read_chapter(chapter)
    assert len(examples) == 2
    for example in examples:
        assert example.right.sum() == 1 and example.features.shape[1] == len(FEATURES)


def test_attribute_applies_the_shipped_ranking_and_keeps_alternation():
    assert [q.speaker for q in attribute(DIALOGUE, CAST)] == ["Mara", "Tobin", "Mara", "Tobin", "Mara"]
