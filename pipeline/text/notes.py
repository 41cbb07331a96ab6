"""What an author says to readers, not story: a note before or after the chapter ("A/N: thanks for
the reviews!", "Disclaimer: I don't own Naruto") and an aside in brackets inside a paragraph. The
adapter keeps them out of the play."""
from __future__ import annotations

import re

_NOTE_MARKER = re.compile(r"^\W*(A/N|AN:|Author'?s? ?note|Disclaimer|Note:)", re.IGNORECASE)
# Words only an author writing to readers uses ("thanks for the reviews", "I don't own Naruto"), and
# words a story uses too ("my story", "someone had written PIKE across the front", "the next chapter")
_META_WORDS = re.compile(
    r"\b(fic|fanfic|fan ?fiction|reviews|reviewers?|disclaimer|own(ed)? (naruto|the characters|anything)|canon|"
    r"oneshot|one-shot|R&R|ch\.\s*\d+)\b", re.IGNORECASE)
_STORY_WORDS = re.compile(
    r"\b(stor(y|ies)|chapters?|series|readers?|review|update[ds]?|anime|manga|episodes?|plot|flames?|beta|author|"
    r"writ(e|ing|ten))\b", re.IGNORECASE)
_FIRST_PERSON_META = re.compile(r"(^|\W)(i|I|I've|i've|I'm|i'm|I'll|i'll|my|me)(\W|$)")
_READER_ADDRESS = re.compile(r"\b(you|your|you'll|you're)\b", re.IGNORECASE)
_ASIDE_OPENING = re.compile(r"^\(\s*(A/N|AN\b|think|imagine|remember|lol|btw|note|see|just so you)", re.IGNORECASE)


def is_author_note(paragraph: str) -> bool:
    """Text the author addresses to readers rather than story."""
    text = paragraph.strip()
    if _NOTE_MARKER.match(text) or _ASIDE_OPENING.match(text):
        return True
    if '"' in text or "“" in text:
        return False
    meta = len(_META_WORDS.findall(text))
    told = len(_STORY_WORDS.findall(text))
    personal = bool(_FIRST_PERSON_META.search(text)) or bool(_READER_ADDRESS.search(text))
    # Lower-case "i" is how fan-fiction authors write to readers, rarely how they narrate.
    casual = bool(re.search(r"(^|\s)i(\s|'|$)", text))
    # (a first-person teller's "my" beside "written" is story: "someone had written PIKE across the front")
    return (meta >= 1 and personal) or (meta >= 1 and meta + told >= 2) or (casual and personal and meta + told >= 1) \
        or (told >= 2 and bool(_READER_ADDRESS.search(text))
            and bool(re.search(r"\b(?:chapters?|updated?|updates|readers?|author)\b", text, re.IGNORECASE)))


def _aside_spans(paragraph: str) -> list[tuple[int, int]]:
    """Parenthetical asides to the reader inside a story paragraph."""
    spans = []
    for match in re.finditer(r"\([^()]*(?:\([^()]*\)[^()]*)*\)", paragraph):
        inner = match.group(0)
        if _ASIDE_OPENING.match(inner) or (_READER_ADDRESS.search(inner) and len(inner) > 25) \
                or (len(_META_WORDS.findall(inner)) >= 1 and _FIRST_PERSON_META.search(inner)):
            spans.append(match.span())
    return spans


def split_asides(sentence: str) -> list[tuple[str, str]]:
    """A sentence as its pieces in order, ("narration", story) and ("note", an aside to the reader)."""
    spans = _aside_spans(sentence)
    if not spans:
        return [("narration", sentence)]
    pieces, cursor = [], 0
    for a, b in spans:
        if sentence[cursor:a].strip():
            pieces.append(("narration", sentence[cursor:a].strip()))
        pieces.append(("note", sentence[a:b]))
        cursor = b
    if sentence[cursor:].strip(" .,"):
        pieces.append(("narration", sentence[cursor:].strip()))
    return pieces
