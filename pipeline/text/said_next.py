"""Who said a bare quote, from the paragraphs beside it: the newcomer the answer calls by name, or the paragraph
after that says who said it ("Priya Mistry didn't look up when she said it") or brings them in ("Pastor Emmanuel is
sixty-one and built like a wardrobe")."""
from __future__ import annotations

import re

from pipeline.text.names import _gender_of_phrase
from pipeline.text.quotes import Quote
from pipeline.text.reader import _Reader
from pipeline.text.strangers import _DESCRIBED_OR_BARE
from pipeline.text.turns import Paragraph


def newcomers_answered_by_name(reader: _Reader, quotes: list[Quote], groups: list[Paragraph]) -> None:
    """`An old woman put her head out.` / `"Stop shouting at my dog," she said.` / `"PC Hardacre,
    Mrs. Pell."`: the "she" is the newcomer, whom the answer calls by name, not the last woman named."""
    for i in range(1, len(groups) - 1):
        before, group, after = groups[i - 1], groups[i], groups[i + 1]
        spoken = [quotes[index] for index in group.quotes if quotes[index].basis == "pronoun"]
        if before.quotes or not spoken or not after.quotes or len(after.addressed or ()) != 1:
            continue
        called = next(iter(after.addressed))
        gender = reader.genders.get(spoken[0].speaker, "U")
        told = reader.text[before.span[0]:before.span[1]]
        if called == spoken[0].speaker or reader.genders.get(called) != gender or reader.names.mentions(told) \
                or not any(m.group(0).split()[0].lower() in ("a", "an") and _gender_of_phrase(m.group(0)) == gender
                           for m in _DESCRIBED_OR_BARE.finditer(told)):
            continue
        for quote in spoken:
            quote.speaker, quote.basis, quote.check = called, "turns", True


# the paragraph after a bare quote says who it was: "Priya Mistry didn't look up from her screen when she said it."
_SAID_IT = re.compile(r"\W*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\b(?:(?:[^.!?\"“”‘’\n]|(?<=\w)[’'](?=\w)){0,100}?\b(?:when|as)\s+"
                      r"(he|she)\s+said|\s+(?:had\s+)?said)\s+(?:it|that|this|so)\b(?!\s+(?:was|is|to|about|of|before)\b)")


# or brings them in, named in the narration for the first time: "Pastor Emmanuel is sixty-one and built like a wardrobe"
_BROUGHT_IN = re.compile(r"\W*((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+(?:is|was)\s+(?:an?|(?:twenty|thirty|forty|fifty|sixty|"
                         r"seventy|eighty|ninety)(?:-\w+)?|\d{1,2}|built|tall|short|small|big|huge|tiny|stout|thin|wiry|broad)\b"
                         # ("Kareem was standing by the tenor rack with his palms turned up": where the one asking is)
                         r"|\W*((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+(?:(?:is|was)\s+(?:standing|sitting|leaning|kneeling|"
                         r"crouching|crouched|perched|waiting)|stood|sat|leaned|knelt)\s+(?:by|at|in|on|under|beside|in\s+front\s+of)\b")


def said_it_next(reader: _Reader, quotes: list[Quote], groups: list[Paragraph]) -> None:
    for group, after in zip(groups, groups[1:]):
        if not group.quotes or group.speaker or after.quotes:
            continue
        said = _SAID_IT.match(reader.text, *after.span) or _BROUGHT_IN.match(reader.text, *after.span)
        named = (said.start(1), said.end(1)) if said and said.group(1) else (said.start(2), said.end(2)) if said else None
        who = reader.names.at(reader.text, *named) if said else None
        if who is None or (said.re is _SAID_IT and said.group(2) and reader.genders.get(who[1], "U") not in ("U", _gender_of_phrase(said.group(2)))):
            continue
        if said.re is _BROUGHT_IN and any(main == who[1] and not any(q.start <= at < q.end for q in quotes)
                                          for at, _, main in reader.names.mentions(reader.text, 0, group.span[0])):
            continue    # (someone the narration has already brought in)
        group.speaker, group.basis = who[1], "beat"
        for index in group.quotes:
            if not quotes[index].speaker:
                quotes[index].speaker, quotes[index].basis = who[1], "beat"
