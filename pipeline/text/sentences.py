"""Splitting text into sentences: the one splitter the speech engines use."""
from __future__ import annotations

import re

# A sentence ends at . ! ? or … (closing quotes and brackets stay with it) before whitespace and
# a character that is not a lower-case letter, unless the word before the mark is a title or a
# common abbreviation.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?![a-z])")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "vs", "etc", "e.g", "i.e",
                  "a.m", "p.m", "mt", "capt", "gen", "lt", "col", "sgt", "rev", "fig"}


def split_sentences(text: str) -> list[str]:
    """Sentences of a text, one per line of output; newlines always end a sentence."""
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
            if piece.endswith(".") and last in _ABBREVIATIONS:
                continue
            if current.strip():
                sentences.append(current.strip())
            current = ""
        current += paragraph[position:]
        if current.strip():
            sentences.append(current.strip())
    return sentences
