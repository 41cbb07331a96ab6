"""Casting from the prose: the characters a chapter brings, and a voice for each new speaker.

The cast (voices/cast.yaml) knows some characters; the prose may bring others. A new speaker
gets a voice suggested from the pool for their gender and is written into cast.yaml, so the
producer hears them at once and can change the choice there.
"""
from __future__ import annotations

from pipeline.model.casting import Cast, CastMember, add_to_cast, suggest_voice
from pipeline.model.script import Script
from pipeline.text import attribution
from pipeline.text.cast import NARRATOR_ALIASES


def cast_characters(cast: Cast) -> dict[str, attribution.Character]:
    return {name: attribution.Character(name=name, aliases=tuple(member.aliases), gender=member.gender)
            for name, member in cast.characters.items()}


def known_and_new_characters(text: str, cast: Cast) -> dict[str, attribution.Character]:
    """The cast's characters, plus those found in the prose under none of their names."""
    known = cast_characters(cast)
    names = {n.lower() for c in known.values() for n in (c.name, *c.aliases)}
    found = attribution.discover_characters(text)
    for name, character in found.items():
        if not ({name.lower(), *(a.lower() for a in character.aliases)} & names):
            known[name] = character
    return known


def cast_new_speakers(script, characters, cast: Cast, voices) -> list[str]:
    """Give every speaker of a script the cast does not know a voice, and write them into cast.yaml.

    `characters` maps names to what the prose told of them (their gender and aliases).
    """
    added = []
    for scene in script.scenes:
        busy = {cast.voice_for(line.speaker) for line in scene.lines if line.voiced}
        for line in scene.lines:
            if not line.voiced or not line.speaker or line.speaker in cast.characters:
                continue
            character = characters.get(line.speaker)
            gender = character.gender if character and character.gender in ("M", "F", "U", "X") else "U"
            # the first-person narrator's own quotes ("I said") keep the narrator's voice
            narrating = character is not None and bool(set(character.aliases) & set(NARRATOR_ALIASES))
            voice = cast.narrator if narrating else suggest_voice(cast, voices, gender, busy)
            aliases = [a for a in (character.aliases if character else ()) if a != line.speaker]
            add_to_cast(cast, line.speaker, CastMember(voice=voice, gender=gender, aliases=aliases))
            busy.add(voice)
            added.append(line.speaker)
    return added


def unknown_genders(script: Script, cast: Cast) -> list[str]:
    """The script's speakers whose gender nothing in the text told (U), for the producer to set."""
    return sorted(s for s in script.speakers() if s in cast.characters and cast.characters[s].gender == "U")
