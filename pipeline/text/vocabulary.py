"""A producer's words for places and weather (sounds/places.yaml) on top of the built-in ones,
and the bed a place's own name calls for."""
from __future__ import annotations

import re
from pathlib import Path

from pipeline.core import yamlfile
from pipeline.core.errors import PipelineError, unknown_value
from pipeline.text.places import DEFAULT, PLACE_WORDS, Vocabulary
from pipeline.text.weather import LAYER_PATTERNS


def resolve_ambience(words: str, vocabulary: Vocabulary = DEFAULT) -> str | None:
    """The bed a place's own name calls for ("the falls" -> waterfall), or None."""
    lowered = words.lower().replace("_", " ").strip()
    if not lowered:
        return None
    word_bed = vocabulary.patterns.word_bed
    if lowered in word_bed:
        return word_bed[lowered]
    if lowered in vocabulary.places or lowered in vocabulary.extra:
        return lowered
    tokens = re.findall(r"[\w'-]+", lowered)
    for size in (3, 2, 1):     # the longest phrase wins: "police station" is an office, not a crowd
        for i in range(len(tokens) - size + 1):
            phrase = " ".join(tokens[i:i + size])
            for candidate in (phrase, phrase[:-1] if phrase.endswith("s") else phrase):
                if candidate in word_bed:
                    return word_bed[candidate]
    return None


# ---------------------------------------------------------------- sounds/places.yaml

def load_vocabulary(path: Path, beds) -> Vocabulary:
    """The built-in words plus a producer's sounds/places.yaml, checked against the beds there are."""
    if not path.exists():
        return DEFAULT
    data = yamlfile.load(path, "place words") or {}
    if not isinstance(data, dict):
        raise PipelineError(path, 1, "places.yaml must have a places: and/or a layers: section",
                            "write `places:` then `bed: [word, word]` lines (see README 'Places')")
    beds = sorted(set(beds))
    extra: dict[str, tuple[str, ...]] = {}
    layers = dict(LAYER_PATTERNS)
    for section, entries in data.items():
        line = yamlfile.line_of(data, section)
        if section not in ("places", "layers"):
            raise unknown_value(path, line, "section", section, ("places", "layers"))
        if entries is None:
            continue
        if not isinstance(entries, dict):
            raise PipelineError(path, line, f"{section} must map bed names to lists of words",
                                "write `office: [counting house, precinct]`")
        for bed, words in entries.items():
            bed_line = yamlfile.line_of(entries, bed) or line
            bed = str(bed)
            if bed not in beds:     # a bed of your own is a sound added to sounds/index.yaml
                raise unknown_value(path, bed_line, "bed", bed, beds)
            if isinstance(words, str):
                words = [words]
            if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
                raise PipelineError(path, bed_line, f"'{bed}' needs a list of words",
                                    f"write `{bed}: [word, another word]`")
            cleaned = tuple(w.strip().lower() for w in words)
            if section == "places":
                extra[bed] = extra.get(bed, ()) + cleaned
            else:
                own = "|".join(re.escape(w) for w in sorted(cleaned, key=len, reverse=True))
                layers[bed] = rf"\b({own})\b" + (f"|{layers[bed]}" if bed in layers else "")
    return Vocabulary(places=dict(PLACE_WORDS), layers=layers, extra=extra)
