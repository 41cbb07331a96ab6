"""The annotated script: the artifact a producer edits by hand between adapt and render.

On disk it reads like a screenplay in YAML, one short mapping a line:

    - narrator: The next morning Tsunade returned to the hospital.
    - sfx: knock
    - Tsunade: Naruto, I know you feel bad...
      direction: quiet
    - letter: Dear Oba-chan, ...
      by: Naruto
    - note: (A/N: kept in the script, never voiced)
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pipeline.core import yamlfile
from pipeline.core.errors import PipelineError, unknown_value
from pipeline.model.directions import DIRECTIONS

NARRATOR = "narrator"
LINE_KINDS = ("narration", "dialogue", "letter", "sfx", "music", "note")
# Keys that modify a line rather than name its speaker.
OPTION_KEYS = ("direction", "thought", "by", "pause_s", "gain_db", "tag", "how", "check")
# How the adapter decided a line's speaker, surest first (see pipeline.text.attribution).
HOW = ("tag", "pronoun", "continued", "lead-in", "beat", "turns", "scene", "guess", "ranked")
KIND_KEYS = ("narrator", "sfx", "music", "note", "letter")
SPEECH_TAG_SETTINGS = ("keep", "drop")
SCENE_KEYS = ("id", "place", "ambience", "layers", "lines")
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class Line:
    kind: str                      # one of LINE_KINDS
    text: str = ""                 # what is spoken (narration, dialogue, letter) or the note
    speaker: str | None = None     # who voices it: a character name; None means the narrator
    name: str | None = None        # cue name for sfx and music
    direction: str | None = None   # delivery, used by synthesis
    thought: bool = False          # inner voice, mixed dry and close
    pause_s: float | None = None   # silence after this line, overriding the natural pause
    gain_db: float = 0.0           # per-line level trim (sfx, music, speech)
    tag: str | None = None         # the prose's speech tag ("Jiraiya said"), narrated only with speech_tags: keep
    how: str | None = None         # how the adapter chose the speaker: one of HOW
    check: bool = False            # the adapter was unsure (a guess or a near tie): a producer should listen
    source_line: int = 0           # line in the YAML file, for messages

    @property
    def voiced(self) -> bool:
        return self.kind in ("narration", "dialogue", "letter") and bool(self.text.strip())


@dataclass(frozen=True)
class Scene:
    id: str
    place: str = ""
    ambience: str | None = None
    lines: tuple[Line, ...] = ()
    source_line: int = 0
    layers: tuple[str, ...] = ()   # beds played over the place's bed: weather and time (rain, night)
    # where ambience and layers are written, for messages (not part of what the scene is)
    ambience_line: int = field(default=0, repr=False, compare=False)
    layers_line: int = field(default=0, repr=False, compare=False)


@dataclass(frozen=True)
class Script:
    title: str
    scenes: tuple[Scene, ...]
    source: str = ""
    speech_tags: str = "drop"      # "drop": speech tags the voice makes redundant are left out
    notes: tuple[str, ...] = ()    # author's preamble and asides that are not story
    path: str = ""

    def voiced_lines(self):
        for scene in self.scenes:
            for line in scene.lines:
                if line.voiced:
                    yield scene, line

    def lines_to_check(self) -> list[Line]:
        """Lines the adapter was unsure of and no producer has cleared yet."""
        return [line for scene in self.scenes for line in scene.lines if line.check]

    def speakers(self) -> set[str]:
        return {line.speaker for _, line in self.voiced_lines() if line.speaker}


# ---------------------------------------------------------------- writing

def line_to_yaml(line: Line) -> dict[str, Any]:
    if line.kind == "narration":
        out: dict[str, Any] = {NARRATOR: line.text}
    elif line.kind == "dialogue":
        out = {line.speaker: line.text}
    elif line.kind == "letter":
        out = {"letter": line.text}
        if line.speaker:
            out["by"] = line.speaker
    elif line.kind in ("sfx", "music"):
        out = {line.kind: line.name}
    else:
        out = {"note": line.text}
    if line.direction:
        out["direction"] = line.direction
    if line.thought:
        out["thought"] = True
    if line.pause_s is not None:
        out["pause_s"] = line.pause_s
    if line.gain_db:
        out["gain_db"] = line.gain_db
    if line.tag:
        out["tag"] = line.tag
    if line.how:
        out["how"] = line.how
    if line.check:
        out["check"] = True
    return out


def to_yaml(script: Script) -> str:
    data: dict[str, Any] = {"title": script.title}
    if script.source:
        data["source"] = script.source
    data["speech_tags"] = script.speech_tags
    if script.notes:
        data["notes"] = list(script.notes)
    data["scenes"] = []
    for scene in script.scenes:
        entry: dict[str, Any] = {"id": scene.id, "place": scene.place}
        entry["ambience"] = scene.ambience
        if scene.layers:
            entry["layers"] = list(scene.layers)
        entry["lines"] = [line_to_yaml(line) for line in scene.lines]
        data["scenes"].append(entry)
    header = (
        "# Annotated script. Edit freely: `make episode` never overwrites this file\n"
        "# (`python -m pipeline adapt --force` regenerates it and keeps a backup).\n"
        "# A line is one short mapping:  `- Name: what they say`, `- narrator: ...`,\n"
        "# `- sfx: knock`, `- music: sting`, `- letter: ...` with `by: Name`, `- note: ...` (not voiced).\n"
        f"# Optional on a line: direction ({', '.join(DIRECTIONS[:6])}, ...),\n"
        "# thought: true, pause_s: seconds of silence after it, gain_db, and tag: the prose's\n"
        "# speech tag, narrated only when speech_tags is keep; how: how the adapter chose the speaker\n"
        "# (tag, pronoun, continued, lead-in, beat, turns, scene, guess); check: true where it was\n"
        "# unsure. Fix the speaker and delete `check` and you are not asked again.\n"
        "# A scene's ambience is the bed of its place; layers (rain, thunderstorm, wind, night) play over it.\n"
    )
    return header + yamlfile.dump(data)


# ---------------------------------------------------------------- reading

def load_script(path: str | Path) -> Script:
    path = Path(path)
    data = yamlfile.load(path, "script")
    return parse_script(data, path)


def _fail(path, line, problem, fix=""):
    raise PipelineError(path, line, problem, fix)


MAX_TEXT_CHARS = 20_000


def _text(value: Any, path: Path, line: int, what: str) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        _fail(path, line, f"{what} must be text, not {_type_name(value)}", "write it as plain text")
    text = str(value)
    if len(text) > MAX_TEXT_CHARS:
        _fail(path, line, f"{what} is {len(text)} characters long (at most {MAX_TEXT_CHARS})",
              "split it into several lines")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
        _fail(path, line, f"{what} contains a control character", "remove it")
    return text


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    return {bool: "true/false", list: "a list", dict: "a mapping", int: "a number",
            float: "a number", str: "text"}.get(type(value), type(value).__name__)


def _number(value: Any, path: Path, line: int, what: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        _fail(path, line, f"{what} must be a number, not {_type_name(value)}", f"give a number from {low} to {high}")
    if not (low <= float(value) <= high):
        _fail(path, line, f"{what} is {value}, outside {low} to {high}", "use a value in range")
    return float(value)


def parse_line(item: Any, path: Path, line_no: int) -> Line:
    if isinstance(item, str):
        # A bare string is narration: the easiest thing to type.
        return Line("narration", text=_text(item, path, line_no, "narration"), source_line=line_no)
    if not isinstance(item, dict) or not item:
        _fail(path, line_no, f"a line must be a mapping like `- Name: text`, not {_type_name(item)}",
              "write `- narrator: ...` or `- Speaker: ...`")
    kinds = [k for k in item if k in KIND_KEYS]
    speakers = [k for k in item if k not in KIND_KEYS and k not in OPTION_KEYS]
    if len(kinds) + len(speakers) > 1:
        # `direciton: whisper` reads as a second speaker: say which option was meant
        for key in speakers:
            if str(key).islower() and difflib.get_close_matches(str(key), OPTION_KEYS + KIND_KEYS, n=1, cutoff=0.75):
                raise unknown_value(path, yamlfile.line_of(item, key, line_no), "line option", key,
                                    OPTION_KEYS + KIND_KEYS)
    if len(kinds) + len(speakers) != 1:
        found = ", ".join(kinds + speakers) or "none"
        _fail(path, line_no, f"a line needs exactly one speaker or kind, found: {found}",
              f"split it into separate lines; options are {', '.join(OPTION_KEYS)}")
    options: dict[str, Any] = {"source_line": line_no}
    if "direction" in item:
        where = yamlfile.line_of(item, "direction", line_no)
        direction = _text(item["direction"], path, where, "direction").strip().lower() or None
        if direction is not None and direction not in DIRECTIONS:
            raise unknown_value(path, where, "direction", direction, DIRECTIONS)
        options["direction"] = direction
    if "thought" in item:
        if not isinstance(item["thought"], bool):
            _fail(path, yamlfile.line_of(item, "thought", line_no), "thought must be true or false")
        options["thought"] = item["thought"]
    if "pause_s" in item:
        options["pause_s"] = _number(item["pause_s"], path, yamlfile.line_of(item, "pause_s", line_no), "pause_s", 0, 60)
    if "gain_db" in item:
        options["gain_db"] = _number(item["gain_db"], path, yamlfile.line_of(item, "gain_db", line_no), "gain_db", -60, 24)
    if "tag" in item:
        options["tag"] = _text(item["tag"], path, yamlfile.line_of(item, "tag", line_no), "tag").strip() or None
    if "how" in item:
        how = _text(item["how"], path, yamlfile.line_of(item, "how", line_no), "how").strip().lower()
        if how not in HOW:
            _fail(path, yamlfile.line_of(item, "how", line_no), f"how is '{how[:40]}'", f"use one of {', '.join(HOW)}")
        options["how"] = how
    if "check" in item:
        if not isinstance(item["check"], bool):
            _fail(path, yamlfile.line_of(item, "check", line_no), "check must be true or false",
                  "write `check: true`, or delete it once the line is right")
        options["check"] = item["check"]
    if "by" in item and "letter" not in item:
        _fail(path, yamlfile.line_of(item, "by", line_no), "`by` only goes with `letter`",
              "name the speaker as the key instead: `- Name: text`")
    if speakers:
        speaker = speakers[0]
        if not speaker.strip() or len(speaker) > 80:
            _fail(path, line_no, f"'{speaker[:40]}' is not a usable speaker name", "use the character's name")
        return Line("dialogue", text=_text(item[speaker], path, line_no, f"{speaker}'s line"),
                    speaker=speaker.strip(), **options)
    kind = kinds[0]
    value = item[kind]
    if kind == "narrator":
        return Line("narration", text=_text(value, path, line_no, "narration"), **options)
    if kind == "note":
        return Line("note", text=_text(value, path, line_no, "note"), **options)
    if kind == "letter":
        writer = item.get("by")
        if writer is not None:
            writer = _text(writer, path, yamlfile.line_of(item, "by", line_no), "by").strip() or None
        return Line("letter", text=_text(value, path, line_no, "letter"), speaker=writer, **options)
    name = _text(value, path, line_no, f"{kind} cue").strip()
    if not _ID_PATTERN.match(name):
        _fail(path, line_no, f"'{name[:40]}' is not a {kind} cue name", "use a name like knock or door_slam")
    return Line(kind, name=name, **options)


def parse_script(data: Any, path: Path) -> Script:
    if not isinstance(data, dict):
        _fail(path, 1, f"a script must be a mapping with title and scenes, not {_type_name(data)}",
              "start from a script written by `python -m pipeline adapt`")
    known = {"title", "source", "speech_tags", "notes", "scenes"}
    for key in data:
        if key not in known:
            raise unknown_value(path, yamlfile.line_of(data, key), "key", key, known)
    title = _text(data.get("title", path.stem), path, yamlfile.line_of(data, "title"), "title")
    speech_tags = data.get("speech_tags", "drop")
    if speech_tags not in SPEECH_TAG_SETTINGS:
        raise unknown_value(path, yamlfile.line_of(data, "speech_tags"), "speech_tags setting", speech_tags,
                            SPEECH_TAG_SETTINGS)
    notes_raw = data.get("notes") or []
    if not isinstance(notes_raw, list):
        _fail(path, yamlfile.line_of(data, "notes"), "notes must be a list", "write each note as `- text`")
    notes = tuple(_text(n, path, yamlfile.line_of(notes_raw, i), "note") for i, n in enumerate(notes_raw))
    scenes_raw = data.get("scenes")
    if not isinstance(scenes_raw, list) or not scenes_raw:
        _fail(path, yamlfile.line_of(data, "scenes", 1), "the script has no scenes", "add a `scenes:` list")
    scenes = []
    seen_ids: set[str] = set()
    for index, raw in enumerate(scenes_raw):
        line_no = yamlfile.line_of(scenes_raw, index)
        if not isinstance(raw, dict):
            _fail(path, line_no, "a scene must be a mapping with id, place, ambience and lines")
        for key in raw:
            if key not in SCENE_KEYS:
                raise unknown_value(path, yamlfile.line_of(raw, key), "scene key", key, SCENE_KEYS)
        scene_id = _text(raw.get("id", f"scene{index + 1}"), path, yamlfile.line_of(raw, "id", line_no), "scene id").strip()
        if not _ID_PATTERN.match(scene_id):
            _fail(path, yamlfile.line_of(raw, "id", line_no), f"scene id '{scene_id[:40]}' is not a simple name",
                  "use letters, digits, - and _")
        if scene_id in seen_ids:
            _fail(path, yamlfile.line_of(raw, "id", line_no), f"scene id '{scene_id}' is used twice", "make each id unique")
        seen_ids.add(scene_id)
        place = _text(raw.get("place") or "", path, yamlfile.line_of(raw, "place", line_no), "place")
        ambience = raw.get("ambience")
        if ambience is not None:
            ambience = _text(ambience, path, yamlfile.line_of(raw, "ambience", line_no), "ambience").strip() or None
            if ambience and not _ID_PATTERN.match(ambience):
                _fail(path, yamlfile.line_of(raw, "ambience", line_no), f"ambience '{ambience[:40]}' is not a bed name",
                      "use a name like hospital or waterfall")
        layers = _layers(raw, path, line_no)
        lines_raw = raw.get("lines") or []
        if not isinstance(lines_raw, list):
            _fail(path, yamlfile.line_of(raw, "lines", line_no), "lines must be a list", "write each line as `- ...`")
        lines = tuple(parse_line(item, path, yamlfile.line_of(lines_raw, i, line_no)) for i, item in enumerate(lines_raw))
        scenes.append(Scene(scene_id, place=place, ambience=ambience, lines=lines, source_line=line_no, layers=layers,
                            ambience_line=yamlfile.line_of(raw, "ambience", line_no),
                            layers_line=yamlfile.line_of(raw, "layers", line_no)))
    return Script(title=title, scenes=tuple(scenes), source=str(data.get("source") or ""),
                  speech_tags=speech_tags, notes=notes, path=str(path))


def _layers(raw: dict, path: Path, scene_line: int) -> tuple[str, ...]:
    """`layers: [rain, night]`: bed names played over the scene's ambience."""
    value = raw.get("layers")
    line = yamlfile.line_of(raw, "layers", scene_line)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and _ID_PATTERN.match(v.strip()) for v in value):
        _fail(path, line, "layers must be a list of bed names", "write e.g. `layers: [rain, night]`")
    return tuple(dict.fromkeys(v.strip() for v in value))


def as_performed(script: Script) -> Script:
    """The script as it will be heard: with speech_tags: keep, each tag becomes narration."""
    if script.speech_tags != "keep":
        return script
    scenes = []
    for scene in script.scenes:
        lines = []
        for line in scene.lines:
            lines.append(line)
            if line.tag and line.kind == "dialogue":
                lines.append(Line("narration", text=line.tag, source_line=line.source_line))
        scenes.append(replace(scene, lines=tuple(lines)))
    return replace(script, scenes=tuple(scenes))
