"""Nicknames that carry the family name: "Bomber Llewellyn" is the Gareth Llewellyn his mother scolds."""
from __future__ import annotations

from pipeline.text.aliases import _Person, _Speech
from pipeline.text.first_names import first_name_gender
from pipeline.text.names import FAMILY_NAMES
from pipeline.text.roles import _ROLE_TITLES


def join_given_name_to_nickname(speech: _Speech, people: list[_Person]) -> None:
    """"Gareth Llewellyn, you are thirty-four years of age": a full name said only in speech, of the one man (woman)
    the story knows by a nickname and that surname ("Bomber Llewellyn"), is his given name."""
    for full in [p for p in people if len(p.words) == 2 and p.words[0] != "the" and first_name_gender(p.words[0])
                 and p.count <= 2]:
        nicknamed = [p for p in people if p is not full and p.forms and not p.title_gender and any(
            len(f.split()) == 2 and f.split()[1] == full.words[-1] and not first_name_gender(f.split()[0])
            and f.split()[0] not in FAMILY_NAMES and f.split()[0].lower() not in _ROLE_TITLES for f in p.forms)]
        sexes = {first_name_gender(full.words[0])} | {p.listed_gender for p in nicknamed} - {""}
        # (the narration reading for the one full name that may join, last: it scans the text)
        if len(nicknamed) == 1 and len(sexes) == 1 and not any(speech.told_at(f) for f in full.forms):
            nicknamed[0].absorb(full)
    people[:] = [p for p in people if p.forms]
