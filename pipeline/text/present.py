"""Who is there when words are spoken: a name that opens a sentence and acts just before a quote
("Janet leaned over the partition. 'Tea?'"), or that the narration of a paragraph holding one
names. A minor speaker is often named only so, once."""
from __future__ import annotations

import re
from collections import Counter

from pipeline.text.aliases import _Speech
from pipeline.text.first_names import first_name_gender


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4):start]
    return start == 0 or re.search(r"(^|[.!?:;]['\"”’]?\s+|\n\s*|[\"“‘]\s*|—\s*|--\s*|\(\s*)$", before) is not None


_ACTS = re.compile(r"\s+(?:[a-z]+ed|[a-z]+[a-rt-z]s|was|had|is|has|came|went|stood|sat|took|put|got|ran|turned|looked|leant|knelt|bent)\b")
_AFTER_A_QUOTE = re.compile(r"[\"”’'][ \t]+$")


def _acting_before_speech(speech: _Speech, where: dict[str, list[int]], beside: Counter) -> Counter:
    """A first name that opens a sentence or clause and acts ("Before I could answer, Janet leaned
    over the partition"), in a
    paragraph with a quote or just before one: a minor character about to speak, named once."""
    text = speech.text
    acting = Counter()
    for form, positions in where.items():
        if " " in form:
            continue
        if not first_name_gender(form):
            # a surname the list cannot know acts again and again right after the words it
            # gives ('"Come on, pal." Pruitt put a hand on his shoulder'): a speaker's beat (once is
            # someone only where they are also spoken to: "...lap." Dev grins / "Dev, you've the floor.")
            beats = sum(1 for at in positions if _AFTER_A_QUOTE.search(text, max(0, at - 4), at)
                        and _ACTS.match(text, at + len(form)))
            if beats:
                acting[form] = beats
            continue
        for at in positions:
            after = text[at + len(form):at + len(form) + 30]
            opens_clause = _sentence_start(text, at) or text[max(0, at - 2):at] == ", "
            if not (opens_clause and _ACTS.match(after)):
                continue
            following = speech.paragraph_of(at) + 1
            opens_with_quote = following < len(speech.paragraphs) and any(
                a == speech.paragraphs[following][0] or not text[speech.paragraphs[following][0]:a - 1].strip()
                for a, _ in speech.quotes_in(following)[:1])
            if beside[form] or opens_with_quote:
                acting[form] += 1
    return acting


def _beside_speech(speech: _Speech, where: dict[str, list[int]]) -> Counter:
    """Mentions in the narration of a paragraph that also holds a quote ("Father Dunstan went back
    to his crossword. 'Seven letters,' he murmured"): someone present in the scene, most often
    its speaker, even when named only once."""
    return Counter(form for form, positions in where.items() for at in positions
                   if not speech.inside_quote(at) and speech.quotes_in(speech.paragraph_of(at)))
