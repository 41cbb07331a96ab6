"""A job told by what someone wears: "Angus MacRae put his head in, his purser's cap pushed back" makes
him "the purser" the tags speak of later ("'Hm,' said the purser")."""
from __future__ import annotations

import re

from pipeline.text.aliases import _Person
from pipeline.text.names import NAME

_WORN = r"(?:cap|hat|helmet|uniform|badge|jacket|coat|tunic|whistle|apron|overalls|tabard|lanyard|epaulettes|stripes|bag)"


def join_roles_by_what_they_wear(text: str, people: list[_Person]) -> None:
    """The role ("the purser") is the one named person who, in the same sentence, wears its cap or
    its uniform ("his purser's cap", "her warden's jacket"), when no one else does."""
    owner = {form: p for p in people for form in p.forms}
    for role in [p for p in people if p.forms and len(p.words) == 2 and p.words[0] == "the"]:
        job = re.escape(role.words[1])
        wearers = {}
        for worn in re.finditer(rf"\b(?:his|her)\s+{job}['’]s\s+{_WORN}\b", text):
            before = re.split(r"[.!?\"“”]", text[max(0, worn.start() - 120):worn.start()])[-1]
            for name in re.finditer(rf"{NAME}(?:\s+{NAME})?", before):
                person = owner.get(name.group(0))
                if person is not None and person is not role and person.words[0] != "the":
                    wearers[id(person)] = person
        # ("...the guard in his plastic hat cover right beside Whitlock, and she sees the name tag pinned to his chest:
        # EARL WASHBURN, NIGHT SECURITY": the name read off the badge the job wears)
        for read in re.finditer(rf"\b[Tt]he\s+{job}\b[^.!?]{{0,200}}?\b(?:name\s*tag|name\s*badge|badge|tag)\b[^.!?:]{{0,40}}?"
                                r"[:,]\s+([A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+)+)\b", text):
            person = owner.get(read.group(1).title())
            if person is not None and person is not role and person.words[0] != "the":
                wearers[id(person)] = person
        if len(wearers) == 1:
            wearer = next(iter(wearers.values()))
            if role.listed_gender in ("", wearer.listed_gender):
                wearer.absorb(role)
    people[:] = [p for p in people if p.forms]
