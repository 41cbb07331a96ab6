"""A job the tags name, told by what someone wears or does: "Angus MacRae put his head in, his purser's cap pushed
back" makes him "the purser" the tags speak of later ("'Hm,' said the purser"); "Dezzy eased off the clutch" makes
him "the driver"."""
from __future__ import annotations

import re

from pipeline.text.aliases import _NAME, _Person, _Speech
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


_VEHICLE = r"(?:truck|van|lorry|cab|taxi|bus|minibus|coach|pickup|ute|tractor|wagon|rig)"
_VEHICLE_DRIVEN = r"(?:car|" + _VEHICLE[3:]
# what the one driving does, as the narration tells it (a possessive alone, "Dezzy's truck", is who owns it; it
# counts only beside one of these)
_AT_THE_WHEEL = re.compile(
    rf"\b({_NAME}(?:\s+{_NAME})?)\s+(?:(?:finally|slowly|carefully|gently|already|still|just)\s+)?"
    rf"(?:(?:drove|drives|eased|eases|swung|swings|reversed|reverses|nosed|noses|steered|steers|parked|parks)\s+"
    rf"(?:the|his|her|their)\s+(?:\w+\s+)?{_VEHICLE_DRIVEN}\b"
    rf"|(?:eased|eases|let|lets)\s+(?:off\s+|out\s+)?the\s+clutch\b"
    rf"|(?:climbed|climbs|clambered|clambers|got|gets|swung|swings)\s+(?:back\s+)?(?:up\s+)?(?:down\s+from|out\s+of|into|in\s+to)"
    rf"\s+the\s+cab\b"
    rf"|(?:was\s+|is\s+)?(?:driving|at\s+the\s+wheel|behind\s+the\s+wheel)\b)"
    # ("in the driver's seat, with the dome light on, Marcel is doing a crossword")
    rf"|\bin\s+the\s+driver['’]s\s+seat,?\s+(?:[^.!?\"“”,]{{0,40}},\s+)?({_NAME})\b")
_OWNED = re.compile(rf"\b({_NAME})['’]s\s+(?:\w+\s+)?{_VEHICLE}\b")
_DRIVERS = {"driver", "cabbie", "chauffeur", "cabdriver", "trucker"}


def join_drivers_at_the_wheel(speech: _Speech, people: list[_Person]) -> None:
    """"the driver", one of the cast, is the one named person the narration has at the wheel twice or more (and no
    one else), of the driver's sex where the tags give one."""
    owner = {form: p for p in people for form in p.forms}
    roles = [p for p in people if p.forms and p.words[0] == "the" and p.words[-1] in _DRIVERS]
    if len(roles) != 1:
        return
    seen: dict[int, list] = {}
    owned = []
    for told in speech.narrations:
        for m in _AT_THE_WHEEL.finditer(told):
            if (person := owner.get(m.group(1) or m.group(2))) is not None and person.words[0] != "the":
                seen.setdefault(id(person), [person, 0])[1] += 1
        owned += [owner.get(m.group(1)) for m in _OWNED.finditer(told)]
    for person in owned:
        if id(person) in seen:
            seen[id(person)][1] += 1
    role = roles[0]
    if len(seen) == 1 and (found := next(iter(seen.values())))[1] >= 2 \
            and role.listed_gender in ("", found[0].listed_gender or role.listed_gender):
        found[0].absorb(role, owner)
        people[:] = [p for p in people if p.forms]
