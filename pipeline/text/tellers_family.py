"""The teller's family as a story told as "I" names it: who of the cast "my mother" is (the one
who goes by Mum), whether the narration says "my mother" at all, and where it does as the one a
sentence is about ("My mother found me there.")."""
from __future__ import annotations

import re

from pipeline.text.names import MY_KIN_WORDS, Character, my_kin
from pipeline.text.narrator import _narration
from pipeline.text.quotes import find_quotes

# (as the one a sentence is about: not "a word my gran would have skelped me for")
_MY_KIN_TOLD = re.compile(rf"(?:(?:^|(?<=[.!?;])[\"”’']?\s+|(?<=\n))\s*My|\b(?:and|but|then|when|while|until)\s+my)\s+"
                          rf"(?:(?:own|dear|late|poor|old)\s+)?({MY_KIN_WORDS})\b")


class TellersFamily:
    def __init__(self, text: str, characters: dict[str, Character], narrator: str):
        self.text = text
        self.characters = characters
        self.narrator = narrator
        self._found: dict[str, str] = {}        # "mother" -> the one "my mother" is, or ""
        self._told: str | None = None           # the narration, quotes taken out

    def who(self, relation: str) -> str:
        """The one of the cast "my <relation>" is; "" when no one or several."""
        if not self.narrator:
            return ""
        if relation not in self._found:
            self._found[relation] = my_kin(relation, [(main, {main, *c.aliases}) for main, c in self.characters.items()
                                                      if main != self.narrator]) or ""
        return self._found[relation]

    def told(self, relation: str) -> bool:
        """The narration says "my mother" (or "my mum", "my mom"; "my father", "my dad")."""
        words = "mother|mum|mom|mam|ma" if relation == "mother" else "father|dad|da|pa"
        if self._told is None:
            self._told = _narration(self.text, find_quotes(self.text))
        return re.search(rf"\b[Mm]y\s+(?:{words})\b", self._told) is not None

    def mentions(self, start: int, end: int) -> list[tuple[int, str]]:
        """(position, main) of each "My mother" in text[start:end] that is the one its sentence is about."""
        if not self.narrator:
            return []
        # (where "My" is, not the space before it: the sentence it opens is the one it is the subject of)
        return [(start + m.start() + len(m.group(0)) - len(m.group(0).lstrip()), who)
                for m in _MY_KIN_TOLD.finditer(self.text[start:end]) if (who := self.who(m.group(1)))]
