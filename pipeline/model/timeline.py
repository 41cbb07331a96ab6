"""The timeline: the takes the mix is given, every event of an episode in episode seconds, and
cues.json, the timeline's one reader and writer.

The mix plans cues, writes them, and plays them; mastering (scene marks, transcript), QA (which
take each line is, scripted pauses) and publishing read them back from cues.json. A speech cue
carries its take's cache key, so a reader finds the take without pairing lines by position.
"""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.core.errors import PipelineError
from pipeline.core.files import write_text

@dataclass(frozen=True)
class Take:
    """One voiced line's audio in the take cache: what the takes stage hands the mix."""
    scene: str
    index: int              # position of the line in its scene
    speaker: str            # character name, or "narrator"
    voice: str
    text: str               # as written in the script
    path: Path
    key: str
    duration_s: float
    direction: str | None = None    # the line's delivery (whisper, shout...), which changes how the voice sounds


KINDS = ("speech", "ambience", "sfx", "music")
# What cues.json holds of a cue; the rest only tells the mixer how to play it.
PUBLIC = ("start", "end", "kind", "scene", "speaker", "text", "name", "take", "pause_s")


@dataclass
class Cue:
    start: float
    end: float
    kind: str                  # speech | ambience | sfx | music
    scene: str | None
    speaker: str | None = None
    text: str | None = None
    name: str | None = None
    take: str | None = None    # a speech cue's take key (the take cache names its file by it)
    pause_s: float | None = None   # silence the script asks for after this line
    # how to render it (not written to cues.json)
    path: str | None = field(default=None, repr=False)
    gain_db: float = field(default=0.0, repr=False)
    pan: float = field(default=0.0, repr=False)
    room: str | None = field(default=None, repr=False)
    treatment: str | None = field(default=None, repr=False)   # letter | thought
    fade_in_s: float = field(default=0.0, repr=False)
    fade_out_s: float = field(default=0.0, repr=False)

    def public(self) -> dict:
        data = asdict(self)
        return {k: (round(data[k], 3) if k in ("start", "end") else data[k]) for k in PUBLIC}


def write_cues(cues: list[Cue], path: Path) -> None:
    write_text(path, json.dumps([c.public() for c in cues], indent=1, ensure_ascii=False) + "\n")


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def read_cues(path: Path) -> list[Cue]:
    """cues.json as the mix wrote it; anything else is an error that says to render again."""
    path = Path(path)
    again = "render the episode again (make episode)"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PipelineError(path, None, "cues.json is missing", again) from None
    except (OSError, ValueError) as exc:
        raise PipelineError(path, None, f"cues.json is unreadable ({exc})", again) from None
    if not isinstance(data, list):
        raise PipelineError(path, None, "cues.json is not a list of cues", again)
    cues = []
    for index, item in enumerate(data):
        fine = (isinstance(item, dict) and _number(item.get("start")) and _number(item.get("end"))
                and item.get("kind") in KINDS
                and all(item.get(k) is None or isinstance(item.get(k), str) for k in ("scene", "speaker", "text",
                                                                                        "name", "take"))
                and (item.get("pause_s") is None or _number(item.get("pause_s"))))
        if not fine:
            raise PipelineError(path, None, f"cue {index + 1} of cues.json is not a cue with start and end times",
                                again)
        cues.append(Cue(**{k: item.get(k) for k in PUBLIC}))
    return cues


def speech(cues: list[Cue]) -> list[Cue]:
    """The spoken lines in time order."""
    return sorted((c for c in cues if c.kind == "speech"), key=lambda c: (c.start, c.end))


def scene_marks(scenes, cues: list[Cue]) -> list[tuple[float, float, str]]:
    """One mark per scene, named by its place: from its first line or effect (the intro belongs to the first)."""
    starts = []
    for scene in scenes:
        times = [c.start for c in cues if c.scene == scene.id and c.kind in ("speech", "sfx")]
        if times:
            starts.append([min(times), scene.place.strip().capitalize() if scene.place else scene.id])
    if not starts:
        return []
    starts[0][0] = 0.0
    end = max(c.end for c in cues)
    return [(start, starts[i + 1][0] if i + 1 < len(starts) else end, title)
            for i, (start, title) in enumerate(starts)]
