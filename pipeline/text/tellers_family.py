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


_MY_CHILD_NAMED = re.compile(r"\b[Mm]y\s+(?:(?:eldest|youngest|little|baby|teenage|grown|only)\s+)?(?:son|daughter|boy|girl),?\s+"
                             r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


class TellersFamily:
    def __init__(self, text: str, characters: dict[str, Character], narrator: str):
        self.text = text
        self.characters = characters
        self.narrator = narrator
        self._found: dict[str, str] = {}        # "mother" -> the one "my mother" is, or ""
        self._told: str | None = None           # the narration, quotes taken out

    @property
    def told_text(self) -> str:
        """The narration, quotes taken out (read once)."""
        if self._told is None:
            self._told = _narration(self.text, find_quotes(self.text))
        return self._told

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
        return re.search(rf"\b[Mm]y\s+(?:{words})\b", self.told_text) is not None

    def is_a_parent(self) -> bool:
        """The narration says "my son" (or "my daughter", "my kids"): the teller is someone's mother or father."""
        return re.search(r"\b[Mm]y\s+(?:son|daughter|boy|girl|children|kids|eldest|youngest)\b", self.told_text) is not None

    def child(self) -> str:
        """The one of the cast the narration calls "my son" or "my daughter" by name ("My son, Kareem Baptiste, was
        fifteen"), when it names only one; else ""."""
        if not self.narrator:
            return ""
        owner = {name: main for main, c in self.characters.items() if main != self.narrator for name in (main, *c.aliases)}
        named = {owner[m.group(1)] for m in _MY_CHILD_NAMED.finditer(self.told_text) if m.group(1) in owner}
        return named.pop() if len(named) == 1 else ""

    def mentions(self, start: int, end: int) -> list[tuple[int, str]]:
        """(position, main) of each "My mother" in text[start:end] that is the one its sentence is about."""
        if not self.narrator:
            return []
        # (where "My" is, not the space before it: the sentence it opens is the one it is the subject of)
        return [(start + m.start() + len(m.group(0)) - len(m.group(0).lstrip()), who)
                for m in _MY_KIN_TOLD.finditer(self.text[start:end]) if (who := self.who(m.group(1)))]
