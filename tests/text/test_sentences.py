"""The one sentence splitter, and pieces cut to a budget: sentence ends, then clause marks, then words."""
import re

from pipeline.text.sentences import CLAUSE, SENTENCE, WORD, bounded_pieces, split_clauses, split_sentences


def _letters(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_sentences_keep_titles_quotes_and_lower_case_continuations():
    text = 'Dr. Watson came in. "Where?" he asked... and sat down. It was 3 p.m. Then it rained!\nA new line'
    assert split_sentences(text) == ["Dr. Watson came in.", '"Where?" he asked... and sat down.',
                                     "It was 3 p.m. Then it rained!", "A new line"]


def test_clauses_keep_their_marks():
    assert split_clauses("Well, he said; then — nothing: at all -- really.") == [
        "Well,", "he said;", "then —", "nothing:", "at all --", "really."]


def test_sentences_that_fit_stay_whole():
    text = "One short sentence. Another one, with a comma. A third!"
    pieces = bounded_pieces(text, 100, len)
    assert [p.text for p in pieces] == split_sentences(text)
    assert all(p.after == SENTENCE for p in pieces)


def test_an_unpunctuated_paragraph_is_cut_between_words_within_the_budget():
    words = [f"word{i % 37}" for i in range(3000)]
    text = " ".join(words)
    pieces = bounded_pieces(text, 120, len)
    assert all(len(p.text) <= 120 for p in pieces)
    assert " ".join(p.text for p in pieces) == text     # nothing lost, nothing cut inside a word
    assert [p.after for p in pieces[:-1]] == [WORD] * (len(pieces) - 1) and pieces[-1].after == SENTENCE
    assert min(len(p.text) for p in pieces[:-1]) > 40    # gathered, not word by word


def test_a_long_comma_laden_sentence_is_cut_at_its_commas_first():
    clauses = [f"and then the {i}th rider came over the hill" for i in range(60)]
    text = ", ".join(clauses) + "."
    pieces = bounded_pieces(text, 200, len)
    assert all(len(p.text) <= 200 for p in pieces)
    assert all(p.text.endswith(",") for p in pieces[:-1])
    assert {p.after for p in pieces[:-1]} == {CLAUSE}
    assert _letters("".join(p.text for p in pieces)) == _letters(text)


def test_the_budget_holds_for_the_measure_not_the_characters():
    # digits read as many more phonemes than characters: the measure, not length, decides
    measure = lambda s: sum(8 if ch.isdigit() else 1 for ch in s)  # noqa: E731
    text = " ".join(["1999 was a year"] * 200)
    pieces = bounded_pieces(text, 150, measure)
    assert all(measure(p.text) <= 150 for p in pieces)
    assert " ".join(p.text for p in pieces) == text


def test_a_run_without_spaces_is_cut_between_characters():
    text = "x" * 1000 + " tail"
    pieces = bounded_pieces(text, 64, len)
    assert all(len(p.text) <= 64 for p in pieces)
    assert _letters("".join(p.text for p in pieces)) == _letters(text)
