"""Voices and the cast: who sounds like what, as YAML files a producer tweaks like a mixing desk.

voices/<name>.yaml   one voice: engine, model, speed, pitch, formant, EQ, gain, pan
voices/cast.yaml     narrator voice, and each character's voice, gender and aliases
voices/lexicon.yaml  how to say names and terms: word -> respelling or [[ phonemes ]]
"""
from __future__ import annotations

import hashlib
import json
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pipeline.core import yamlfile
from pipeline.core.errors import PipelineError, unknown_value

class EQ(BaseModel):
    model_config = ConfigDict(extra="forbid")
    highpass_hz: float = Field(60.0, ge=20, le=2000)
    low_shelf_db: float = Field(0.0, ge=-24, le=24)
    low_shelf_hz: float = Field(200.0, ge=40, le=1000)
    presence_db: float = Field(0.0, ge=-24, le=24)
    presence_hz: float = Field(3000.0, ge=500, le=8000)
    high_shelf_db: float = Field(0.0, ge=-24, le=24)
    high_shelf_hz: float = Field(6000.0, ge=1000, le=16000)


AGES = ("child", "teen", "young", "adult", "old")
# How far a designed blend may reach beyond the shipped voices (kokoro.MIN_BEYOND_WEIGHT).
MIN_BLEND_WEIGHT = -0.5


def _blend_text(blend: dict[str, float]) -> str:
    return ",".join(f"{name}:{weight:g}" for name, weight in blend.items())


class Voice(BaseModel):
    """One voice as configured in voices/<name>.yaml."""
    model_config = ConfigDict(extra="forbid")
    name: str = ""
    description: str = ""
    engine: str = "piper"
    model: str | None = None        # None: the engine's own default model
    speaker: str | int | None = None
    # Kokoro only: who it sounds like (blend of the first halves of the style vectors) and its
    # pitch and pace (blend of the second halves), e.g. timbre: {jf_nezumi: 0.7, jf_alpha: 0.3}
    timbre: dict[str, float] | None = None
    prosody: dict[str, float] | None = None
    gender: Literal["M", "F", "U", "X"] = "U"
    age: Literal["child", "teen", "young", "adult", "old"] | None = None
    pinned: bool = False        # `voices design` and the adapter never rewrite a pinned voice
    design_seed: int | None = Field(None, ge=0)     # set by `voices design`: the roll that made it
    length_scale: float = Field(1.0, ge=0.5, le=2.0)
    noise_scale: float = Field(0.667, ge=0.0, le=1.5)
    noise_w: float = Field(0.8, ge=0.0, le=1.5)
    pitch_semitones: float = Field(0.0, ge=-12, le=12)
    formant_semitones: float = Field(0.0, ge=-6, le=6)
    eq: EQ = Field(default_factory=EQ)
    gain_db: float = Field(0.0, ge=-24, le=12)
    pan: float = Field(0.0, ge=-1.0, le=1.0)
    sentence_pause_s: float = Field(0.3, ge=0.0, le=3.0)
    seed: int = Field(0, ge=0, le=2**31 - 1)

    @field_validator("engine")
    @classmethod
    def _known_engine(cls, value: str) -> str:
        from pipeline.engines.registry import names
        if value not in names():
            raise ValueError(f"unknown engine '{value}' (known: {', '.join(names())})")
        return value

    @model_validator(mode="after")
    def _timbre_and_prosody(self):
        if self.timbre is None and self.prosody is None:
            return self
        if self.engine != "kokoro":
            raise ValueError("timbre and prosody are Kokoro style blends: set engine: kokoro, or remove them")
        if self.speaker is not None and not str(self.speaker).count("|"):
            raise ValueError("give either speaker or timbre/prosody, not both")
        for blend in (self.timbre, self.prosody):
            if blend is None:
                continue
            if not blend or sum(blend.values()) <= 0:
                raise ValueError("a blend needs at least one voice and weights summing above 0")
            for voice, weight in blend.items():
                if not re.fullmatch(r"[A-Za-z0-9_]+", str(voice)) or weight < MIN_BLEND_WEIGHT:
                    raise ValueError(f"'{voice}: {weight}' must be a Kokoro voice name with a weight "
                                     f">= {MIN_BLEND_WEIGHT}")
        timbre = self.timbre or self.prosody
        self.speaker = f"{_blend_text(timbre)}|{_blend_text(self.prosody or timbre)}"
        return self

    def sound_fields(self) -> dict[str, Any]:
        """Everything that changes the take's audio (pan is applied in the mix; timbre and
        prosody are inside `speaker`)."""
        return self.model_dump(exclude={"description", "pan", "gender", "name", "age", "pinned", "design_seed",
                                        "timbre", "prosody"})


class CastMember(BaseModel):
    model_config = ConfigDict(extra="forbid")
    voice: str | None = None
    gender: Literal["M", "F", "U", "X"] = "U"
    age: Literal["child", "teen", "young", "adult", "old"] | None = None
    aliases: list[str] = Field(default_factory=list)
    pan: float | None = Field(None, ge=-1.0, le=1.0)
    # A voice is one character's in an episode. `shared: true` lets this character share theirs
    # on purpose (a crowd, a double role); `narrator: true` marks the first-person narrator,
    # who may speak with the narrator's voice.
    shared: bool = False
    narrator: bool = False


class CastFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    narrator: str = "narrator"
    characters: dict[str, CastMember] = Field(default_factory=dict)
    pool: dict[str, list[str]] = Field(default_factory=dict)   # gender -> voices free for casting


@dataclass
class Cast:
    narrator: str
    characters: dict[str, CastMember]
    pool: dict[str, list[str]]
    path: Path | None = None

    def voice_for(self, speaker: str | None) -> str:
        if not speaker:
            return self.narrator
        member = self.characters.get(speaker)
        if member and member.voice:
            return member.voice
        return self.narrator


def check_distinct_voices(cast: Cast, speakers, where: str | Path | None = None) -> None:
    """Characters who speak in one episode each have a voice of their own (unless cast.yaml
    marks them `shared: true`), and only the narrator and a first-person narrator character
    (`narrator: true`) speak with the narrator's voice."""
    by_voice: dict[str, list[str]] = {}
    for speaker in sorted(set(speakers)):
        member = cast.characters.get(speaker)
        if member is None:
            continue
        voice = cast.voice_for(speaker)
        if voice == cast.narrator and not member.narrator:
            raise PipelineError(cast.path, _cast_line(cast, speaker),
                                f"{speaker} speaks with the narrator's voice '{voice}'",
                                f"give {speaker} a voice of their own (python -m pipeline voices design), "
                                "or mark a first-person narrator with `narrator: true`")
        if not member.shared:
            by_voice.setdefault(voice, []).append(speaker)
    for voice, names in by_voice.items():
        if len(names) > 1:
            raise PipelineError(cast.path, _cast_line(cast, names[1]),
                                f"{' and '.join(names[:2])} both speak in {Path(where).name if where else 'this episode'} "
                                f"with voice '{voice}'",
                                f"give {names[1]} a voice of their own (python -m pipeline voices design), "
                                "or mark them `shared: true` to share it on purpose")


def _cast_line(cast: Cast, name: str) -> int | None:
    if cast.path is None or not cast.path.exists():
        return None
    try:
        data = yamlfile.load(cast.path, "cast")
        return yamlfile.line_of(data.get("characters") or {}, name) or None
    except PipelineError:
        return None


@dataclass
class Lexicon:
    entries: dict[str, str] = field(default_factory=dict)

    def apply(self, text: str) -> str:
        """Replace listed words (whole words, case-insensitive) by their respelling or phonemes."""
        if not self.entries:
            return text
        words = sorted(self.entries, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)
        lookup = {w.lower(): v for w, v in self.entries.items()}
        return pattern.sub(lambda m: lookup[m.group(1).lower()], text)

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.entries, sort_keys=True).encode()).hexdigest()[:16]


def _validation_error(path: Path, data: Any, exc: ValidationError, model: type[BaseModel]) -> PipelineError:
    err = exc.errors()[0]
    line, key = yamlfile.locate(data, tuple(err["loc"]))
    loc = [str(part) for part in err["loc"]]
    message = err["msg"].replace("\n", " ")
    if err["type"] == "extra_forbidden":
        return unknown_value(path, line, "setting", key, [".".join([*loc[:-1], f]) for f in _fields_at(model, loc[:-1])])
    if err["type"] == "value_error" and loc == ["engine"]:
        from pipeline.engines.registry import names
        return unknown_value(path, line, "engine", err.get("input"), names())
    if err["type"] == "literal_error":
        return unknown_value(path, line, loc[-1] if loc else "value", err.get("input"),
                             re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", ""))))
    return PipelineError(path, line, f"{key or 'file'}: {message}", "fix the value; see README 'Voices'")


def _validated(model: type[BaseModel], path: Path, data: Any, not_a_mapping: str, fix: str):
    """A YAML mapping checked against its schema; the first mistake is reported with its line."""
    if not isinstance(data, dict):
        raise PipelineError(path, 1, not_a_mapping, fix)
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        raise _validation_error(path, data, exc, model) from None


def _fields_at(model: type[BaseModel], loc: list[str]) -> list[str]:
    """The settings a nested mapping of `model` may hold (eq: highpass_hz, ...)."""
    parts = list(loc)
    while parts:
        part = parts.pop(0)
        annotation = model.model_fields[part].annotation if part in model.model_fields else None
        if typing.get_origin(annotation) is dict and parts:     # characters: {name: CastMember}
            annotation = typing.get_args(annotation)[1]
            parts.pop(0)
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return []
        model = annotation
    return list(model.model_fields)


def _safe_name(name: str, path: Path, line: int, what: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", name or ""):
        raise PipelineError(path, line, f"{what} '{str(name)[:40]}' is not a simple name",
                            "use letters, digits, - and _ (it names a file in voices/)")
    return name


def load_voice(path: str | Path) -> Voice:
    path = Path(path)
    data = yamlfile.load(path, "voice config")
    voice = _validated(Voice, path, data, "a voice config must be a mapping of settings", "see README 'Voices'")
    return voice.model_copy(update={"name": path.stem})


def load_voices(folder: str | Path) -> dict[str, Voice]:
    folder = Path(folder)
    voices = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name in ("cast.yaml", "lexicon.yaml"):
            continue
        voices[path.stem] = load_voice(path)
    if not voices:
        raise PipelineError(folder, None, "no voice configs found", "add voices/<name>.yaml files")
    return voices


def load_cast(path: str | Path, voices: dict[str, Voice]) -> Cast:
    path = Path(path)
    data = yamlfile.load(path, "cast") if path.exists() else yamlfile.Mapping()
    if data is None:
        data = yamlfile.Mapping()
    cast_file = _validated(CastFile, path, data, "the cast must be a mapping with narrator and characters",
                           "see README 'Cast'")
    names = dict(voices)

    def check(voice: str, line: int) -> None:
        _safe_name(voice, path, line, "voice")
        if voice not in names:
            raise unknown_value(path, line, "voice", voice, names)

    check(cast_file.narrator, yamlfile.line_of(data, "narrator"))
    chars = data.get("characters") or {}
    for name, member in cast_file.characters.items():
        if member.voice:
            check(member.voice, yamlfile.line_of(chars.get(name, {}), "voice") or yamlfile.line_of(chars, name))
    pool_data = data.get("pool") or {}
    genders = typing.get_args(CastMember.model_fields["gender"].annotation)
    for gender, pool_voices in cast_file.pool.items():
        if gender not in genders:
            raise unknown_value(path, yamlfile.line_of(pool_data, gender), "gender", gender, genders)
        for voice in pool_voices:
            check(voice, yamlfile.line_of(pool_data, gender))
    return Cast(cast_file.narrator, dict(cast_file.characters), dict(cast_file.pool), path)


def load_lexicon(path: str | Path) -> Lexicon:
    path = Path(path)
    if not path.exists():
        return Lexicon()
    data = yamlfile.load(path, "lexicon")
    if data is None:
        return Lexicon()
    if not isinstance(data, dict):
        raise PipelineError(path, 1, "the lexicon must map words to respellings", "write `Word: respelling`")
    entries = {}
    for word, say in data.items():
        line = yamlfile.line_of(data, word)
        if not isinstance(say, str) or not say.strip():
            raise PipelineError(path, line, f"'{word}' needs a respelling or [[ phonemes ]] as text",
                                "write `Word: respelling`")
        entries[str(word)] = say.strip()
    return Lexicon(entries)


def load_casting(folder: str | Path) -> tuple[dict[str, Voice], Cast, Lexicon]:
    """Everything in voices/: the voices, the cast and the lexicon, validated together."""
    folder = Path(folder)
    voices = load_voices(folder)
    return voices, load_cast(folder / "cast.yaml", voices), load_lexicon(folder / "lexicon.yaml")


def suggest_voice(cast: Cast, voices: dict[str, Voice], gender: str, busy: set[str] = frozenset()) -> str:
    """A voice for a new character: from the pool for their gender, never the narrator's,
    not one already heard in their scenes while another is free, the least used first."""
    pool = cast.pool.get(gender) or [name for name, v in voices.items() if v.gender == gender] \
        or cast.pool.get("U") or sorted(voices)
    candidates = [v for v in pool if v in voices and v != cast.narrator] or \
        [v for v in sorted(voices) if v != cast.narrator] or [cast.narrator]
    free = [v for v in candidates if v not in busy] or candidates
    usage = {v: 0 for v in candidates}
    for member in cast.characters.values():
        if member.voice in usage:
            usage[member.voice] += 1
    return min(free, key=lambda v: (usage[v], candidates.index(v)))


def add_to_cast(cast: Cast, name: str, member: CastMember) -> None:
    """Record a new character in cast.yaml without disturbing the producer's comments."""
    cast.characters[name] = member
    if cast.path is None:
        return
    from pipeline.core.files import write_text
    extra = (f", age: {member.age}" if member.age else "") + (", narrator: true" if member.narrator else "") \
        + (", shared: true" if member.shared else "")
    flow = (f"{yamlfile.flow_key(name)}: {{voice: {member.voice}, gender: {member.gender}{extra}, "
            f"aliases: [{', '.join(yamlfile.flow_key(a) for a in member.aliases)}]}}")
    text = cast.path.read_text(encoding="utf-8") if cast.path.exists() else ""
    lines = text.splitlines()
    end = yamlfile.block_end(text, "characters")
    if end is None:
        lines += ["characters:", f"  {flow}"]
    else:
        lines.insert(end, f"  {flow}")
    write_text(cast.path, "\n".join(lines) + "\n")


def file_digest(path: Path, _cache: dict = {}) -> str:  # noqa: B006 - deliberate per-process memo
    """Content hash of a model file, memoised by size and mtime (models are large)."""
    from pipeline.core.files import file_sha256
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _cache:
        _cache[key] = file_sha256(path)[:16]
    return _cache[key]


def episode_voices(project, chapter) -> set[str]:
    """The voices heard in a chapter's episode: its script's speakers' and the narrator's."""
    from pipeline.model.script import load_script
    path = project.script(chapter)
    if not path.exists():
        raise PipelineError(path, None, "no script for that chapter", f"adapt it first: make adapt CH={chapter}")
    _, cast, _ = load_casting(project.voices)
    return voices_heard(cast, load_script(path).speakers())


def voices_heard(cast: Cast, speakers) -> set[str]:
    """The voices an episode with these speakers is heard in: theirs and the narrator's."""
    return {cast.narrator} | {cast.voice_for(speaker) for speaker in speakers}


def telling_voices(cast: Cast) -> set[str]:
    """The voices the story is told in: the narrator's and a first-person teller's."""
    return {cast.narrator} | {member.voice for member in cast.characters.values() if member.narrator}
