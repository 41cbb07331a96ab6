"""Someone the narration calls "the boy" until they give their name.

A stranger speaks before anyone knows who they are: the narration says "the boy nodded", "the
girl licked her lips", and only later, asked, they answer "Nico Sarrat." Until then the rules
have no name to give their lines, and "he" goes to the last man named. Here such a description
becomes one more name of the person who then names themself, so the lines before the name are
theirs too."""
from __future__ import annotations

import bisect
import re
from collections import Counter

from pipeline.text.names import Character, _gender_of_phrase, _Names, self_named
from pipeline.text.quotes import inside_span

# "And your name?", "Who are you?": the answer that follows is the speaker's own name ("Who are
# you here for?" asks for someone else's)
NAME_ASKED = re.compile(r"\b(?:(?:your|ur)\s+(?:other\s+)?name|who\s+are\s+you|what\s+(?:do\s+(?:they|people)\s+)?"
                        r"call\s+you)\b(?:,\s*\w+)?\s*\?\s*$", re.IGNORECASE)

# how a narration describes someone it cannot name yet; "the man" and "the woman" describe
# too many people to be one of them
_STRANGER = re.compile(r"\b[Tt]he\s+(?:(?:old|young|little|small|tall|thin|strange|new)\s+)?"
                       r"(boy|girl|kid|child|lad|lass|youth|stranger|newcomer|visitor|old\s+man|old\s+woman|"
                       r"young\s+man|young\s+woman)\b")
_WINDOW = 6000          # characters of narration before the name is given
_AT_LEAST = 2           # times the description is used there


def answered_with_name(quote: str, names: _Names) -> str:
    """The name a quote gives in answer to "What's your name?": the whole quote is it."""
    said = names.mentions(quote)
    if said and said[0][0] == 0 and re.fullmatch(r"[\s.,!]*", quote[said[0][1]:][:3] or "") is not None:
        return said[0][2]
    return ""


def name_the_strangers(text: str, spans: list[tuple[int, int]], characters: dict[str, Character]
                       ) -> dict[str, Character]:
    """The cast with "the boy" as one more name of whoever the boy turned out to be."""
    names = _Names(characters)
    starts = [a for a, _ in spans]
    # descriptions in the narration, not inside anyone's speech
    described = [(m.start(), " ".join(m.group(1).split()).lower()) for m in _STRANGER.finditer(text)
                 if not inside_span(m.start(), spans, starts)]
    at = [position for position, _ in described]
    found: dict[str, str] = {}
    for index, (start, end) in enumerate(spans):
        window = described[bisect.bisect_left(at, start - _WINDOW):bisect.bisect_left(at, start)]
        if len(window) < _AT_LEAST:
            continue
        quote = text[start:end]
        named = self_named(quote, names)
        if not named and index and NAME_ASKED.search(text[spans[index - 1][0]:spans[index - 1][1]]):
            named = answered_with_name(quote, names)
        if not named:
            continue
        gender = characters[named].gender
        counts = Counter(noun for _, noun in window
                         if gender not in ("M", "F") or _gender_of_phrase(noun) in ("", gender))
        for noun, count in counts.items():
            description = "the " + noun
            if count >= _AT_LEAST and not names.lookup(description) and description not in found:
                found[description] = named
    if not found:
        return characters
    updated = dict(characters)
    for description, main in found.items():
        character = updated[main]
        updated[main] = Character(character.name, (*character.aliases, description), character.gender)
    return updated
