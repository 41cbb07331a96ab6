"""Where prose divides: sentences, and pieces no longer than a budget. The one splitter of the package.

The adapter cuts narration at sentence ends, the engines synthesize sentence by sentence,
and a line too long for an engine's phoneme budget is cut into pieces here: at sentence
ends first, then at clause marks (; : , — and dashes), then between words; and, for a run of
characters with no space at all, between characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

# A sentence ends at . ! ? or … (closing quotes and brackets stay with it) before whitespace and
# a character that is not a lower-case letter, unless the word before the mark is a title or a
# common abbreviation ("Mr. Smith" is one sentence).
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?![a-z])")
ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "vs", "etc", "e.g", "i.e",
                           "a.m", "p.m", "mt", "capt", "gen", "lt", "col", "sgt", "rev", "fig"})
# A clause ends after ; : or , (closing quotes stay with it) before whitespace, or at a dash
# (— – or a spaced --) that stands between words.
_CLAUSE_END = re.compile(r"(?<=[;:,])[\"'”’)\]]*\s+|\s*(?:—|–|\s--\s)\s*")


def split_sentences(text: str) -> list[str]:
    """Sentences of a text, stripped; a newline always ends a sentence."""
    sentences: list[str] = []
    for paragraph in text.splitlines():
        current = ""
        position = 0
        for match in _SENTENCE_END.finditer(paragraph):
            piece = paragraph[position:match.start()]
            position = match.end()
            current += piece + paragraph[match.start():match.end()]
            words = piece.split()
            last = words[-1].rstrip(".!?…").lower() if words else ""
            if piece.endswith(".") and last in ABBREVIATIONS:
                continue
            if current.strip():
                sentences.append(current.strip())
            current = ""
        current += paragraph[position:]
        if current.strip():
            sentences.append(current.strip())
    return sentences


def split_clauses(sentence: str) -> list[str]:
    """A sentence cut after each clause mark; the mark stays with the clause it ends.

    A dash is kept at the end of the clause before it, so the pieces read back as the sentence.
    """
    clauses, position = [], 0
    for match in _CLAUSE_END.finditer(sentence):
        end = match.start() if match.group().strip() == "" else match.end()
        piece = sentence[position:match.end()].strip()
        if piece:
            clauses.append(piece)
        position = max(end, match.end())
    rest = sentence[position:].strip()
    if rest:
        clauses.append(rest)
    return clauses


# What follows a piece: the pause the synthesizer leaves after it depends on it.
SENTENCE, CLAUSE, WORD = "sentence", "clause", "word"
_LEVELS = (SENTENCE, CLAUSE, WORD, "character")


@dataclass(frozen=True)
class Piece:
    text: str
    after: str      # SENTENCE, CLAUSE or WORD: the kind of boundary that follows this piece


def bounded_pieces(text: str, budget: int, measure: Callable[[str], int]) -> list[Piece]:
    """The text cut into pieces each measuring at most `budget` (say, phonemes), in order.

    Sentences that fit are kept whole. A sentence over the budget is cut at clause marks,
    clauses are gathered back while they fit together, and a clause over the budget is cut
    between words the same way; a word over the budget is cut between characters. `measure`
    is called on whole candidate pieces, so the budget holds for what the engine is given,
    whatever a word expands to (digits, abbreviations); it is called about twice per piece.
    """
    if budget < 1:
        raise ValueError("budget must be at least 1")
    pieces: list[Piece] = []
    for sentence in split_sentences(text):
        found = _fit(sentence, 0, budget, measure, measure(sentence))
        pieces.extend(Piece(p.text, p.after) for p in found[:-1])
        pieces.append(Piece(found[-1].text, SENTENCE))
    return pieces


def _units(text: str, level: int) -> list[str]:
    if _LEVELS[level] == SENTENCE:
        return split_clauses(text)
    if _LEVELS[level] == CLAUSE:
        return text.split()
    return list(text)


def _fit(text: str, level: int, budget: int, measure, size: int) -> list[Piece]:
    """Pieces of `text` (which measures `size`) that each fit; `level` says how it was cut out."""
    if size <= budget or level == len(_LEVELS) - 1:
        return [Piece(text, SENTENCE if level == 0 else WORD)]
    units = _units(text, level)
    if len(units) <= 1:
        return _fit(text, level + 1, budget, measure, size)
    glue = "" if _LEVELS[level] == WORD else " "
    # gather units while their share of the measured size fits; each gathered group is then
    # measured itself and halved until it fits, so estimates never let a piece through too big
    per_char = size / max(1, len(text))
    groups: list[list[str]] = [[]]
    for unit in units:
        grown = glue.join([*groups[-1], unit])
        if groups[-1] and len(grown) * per_char > budget * 0.9:
            groups.append([unit])
        else:
            groups[-1].append(unit)
    pieces: list[Piece] = []
    for group in groups:
        pieces.extend(_fit_group(group, glue, level, budget, measure))
    return pieces


def _fit_group(units: list[str], glue: str, level: int, budget: int, measure) -> list[Piece]:
    text = glue.join(units)
    size = measure(text)
    boundary = CLAUSE if level == 0 else WORD
    if size <= budget:
        return [Piece(text, boundary)]
    if len(units) == 1:
        inner = _fit(text, level + 1, budget, measure, size)
        return [*inner[:-1], Piece(inner[-1].text, boundary)]
    half = len(units) // 2
    return _fit_group(units[:half], glue, level, budget, measure) + _fit_group(units[half:], glue, level, budget, measure)
