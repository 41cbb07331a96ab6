"""Casting from the prose: the characters a chapter brings, and a voice for each new speaker.

The cast (voices/cast.yaml) knows some characters; the prose may bring others. A new speaker
gets a voice designed for them (pipeline/takes/design.py: their gender, their age as the text
tells it, far from every voice already there) and is written into cast.yaml, so the producer
hears them at once and can re-roll or change the choice there.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from pipeline.model.ages import age_in_text, infer_age
from pipeline.model.casting import Cast, CastMember, add_to_cast, voices_heard
from pipeline.model.script import Script
from pipeline.text import attribution
from pipeline.text.cast import NARRATOR_ALIASES
from pipeline.text.quotes import says_the_word


def cast_characters(cast: Cast) -> dict[str, attribution.Character]:
    return {name: attribution.Character(name=name, aliases=tuple(member.aliases), gender=member.gender)
            for name, member in cast.characters.items()}


def known_and_new_characters(text: str, cast: Cast) -> dict[str, attribution.Character]:
    """The cast's characters, plus those found in the prose under none of their names."""
    known = cast_characters(cast)
    told_as_i = {a.lower() for a in NARRATOR_ALIASES}
    # ("I" and "narrator" are no one's name: the teller of the last chapter is not this one's for saying "I")
    names = {n.lower() for c in known.values() for n in (c.name, *c.aliases)} - told_as_i
    found = attribution.discover_characters(text)
    teller = ""
    for name, character in found.items():
        overlap = {name.lower(), *(a.lower() for a in character.aliases)} & names
        narrating = bool(set(character.aliases) & set(NARRATOR_ALIASES))
        if not overlap and not (narrating and name == "Narrator" and _teller_of(known)):
            known[name] = character
            teller = name if narrating else teller
        elif narrating:
            # the chapter is told as "I" by someone the cast knows (by name, or a teller with none): their
            # quotes ("I said") are theirs
            member = next((c for c in known.values() if {n.lower() for n in (c.name, *c.aliases)} & overlap), None) \
                or known[_teller_of(known)]
            known[member.name] = attribution.Character(
                name=member.name, gender=member.gender,
                aliases=(*member.aliases, *(a for a in NARRATOR_ALIASES if a not in member.aliases)))
            teller = member.name
    if teller:
        # one "I" a chapter: the cast's other tellers (of other chapters) speak here only by their names
        known = {name: c if name == teller else attribution.Character(
                     name=c.name, gender=c.gender, aliases=tuple(a for a in c.aliases if a not in NARRATOR_ALIASES))
                 for name, c in known.items()}
    return known


def _teller_of(characters: dict[str, attribution.Character]) -> str:
    """The cast's first-person teller, by the "I" among their aliases ("" when none)."""
    return next((name for name, c in characters.items() if set(c.aliases) & set(NARRATOR_ALIASES)), "")


def cast_new_speakers(script, characters, cast: Cast, voices, text: str = "") -> list[str]:
    """Give every speaker of a script the cast does not know a voice designed for them, and write
    them into cast.yaml (and the voice into voices/).

    `characters` maps names to what the prose told of them (their gender and aliases); `text`,
    the prose, tells their age where it names them ("the old woman Kiyomi").
    """
    from pipeline.takes.design import voice_for_new_character
    added = []
    tagged_ages = ages_in_tags(text, characters) if text else {}
    # the voices heard in this episode: new voices keep farthest from these
    heard_with = voices_heard(cast, script.speakers())
    for scene in script.scenes:
        for line in scene.lines:
            if not line.voiced or not line.speaker or line.speaker in cast.characters:
                continue
            character = characters.get(line.speaker)
            gender = character.gender if character and character.gender in ("M", "F", "U", "X") else "U"
            # the first-person narrator's own quotes ("I said") keep the narrator's voice
            narrating = character is not None and bool(set(character.aliases) & set(NARRATOR_ALIASES))
            aliases = [a for a in (character.aliases if character else ()) if a != line.speaker]
            if narrating:
                member = CastMember(voice=cast.narrator, gender=gender, aliases=aliases, narrator=True)
            else:
                # the prose where it names them, else the tags that describe them
                # (only someone of the same gender can be the one brought in unnamed before them)
                others = [n for name, c in characters.items() if name != line.speaker
                          and c.gender in (gender, "U", "X") for n in (name, *c.aliases)]
                age = getattr(character, "age", None) \
                    or speaker_age(text, [line.speaker, *aliases], others, gender, tagged_ages.get(line.speaker))
                member = voice_for_new_character(cast, voices, line.speaker, aliases, gender, age, heard_with)
            heard_with.add(member.voice)
            add_to_cast(cast, line.speaker, member)
            added.append(line.speaker)
    return added


def speaker_age(text: str, names: list[str], others: list[str], gender: str, tagged: str | None = None) -> str | None:
    """A new speaker's age: old when a name says so ("Grandad", "Gran", "the old man"), which is
    surer than the prose near it (the child brought in just before Grandad is named is not
    Grandad); else the prose where it names them, else what their tags call them."""
    if infer_age(names) == "old":
        return "old"
    # ('"Nana," said Aoife from the settle bed': one who calls someone Nana or Grandad is a grandchild, young)
    grandchild = text and any(says_the_word(text, word, names) for word in _GRANDPARENT_CALLS)
    return (age_in_text(text, names, others, gender) if text else None) or tagged or ("young" if grandchild else None)


_GRANDPARENT_CALLS = ("Nana", "Nan", "Nanna", "Gran", "Granny", "Grandma", "Grandad", "Granda", "Grandpa", "Gramps",
                      "Taid", "Nain", "Mamgu", "Babcia", "Yiayia", "Bubbe", "Zayde", "Ouma", "Oupa")


def unknown_genders(script: Script, cast: Cast) -> list[str]:
    """The script's speakers whose gender nothing in the text told (U), for the producer to set."""
    return sorted(s for s in script.speakers() if s in cast.characters and cast.characters[s].gender == "U")


def ages_in_tags(text: str, characters) -> dict[str, str]:
    """Ages the speech tags give speakers the text never describes by name: `"I am not," said the
    girl` makes the girl who was just called Pip a child; "said the old man", an old man."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for quote in attribution.attribute(text, characters):
        # not when the speaker is only the scene's or a guess: `"It's June," the girl said.`
        # given to her grandmother says nothing of the grandmother's age
        if quote.speaker and quote.tag_span and quote.basis not in ("scene", "guess", "ranked"):
            tag = text[quote.tag_span[0]:quote.tag_span[1]]
            if re.search(r"\b(?:the|a|an)\s", tag, re.IGNORECASE):
                age = infer_age([tag])
                if age != "adult":
                    votes[quote.speaker][age] += 1
    return {speaker: ages.most_common(1)[0][0] for speaker, ages in votes.items()}
