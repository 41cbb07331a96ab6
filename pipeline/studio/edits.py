"""Edits the studio makes to files a producer also edits by hand: scripts and voice configs.

Each edit is a round trip through ruamel.yaml, so comments, key order, quoting and layout
outside the edited line survive. The new text is checked with the same loaders the command
line uses before anything is written, so an invalid edit gets the same `file:line: what — fix`
message and leaves the file as it was.
"""
from __future__ import annotations

import io
import re
import tempfile
import typing
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import ScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from pipeline.core import yamlfile
from pipeline.core.errors import PipelineError
from pipeline.core.files import read_text, write_text
from pipeline.model.casting import Voice, load_casting, load_voice
from pipeline.model.script import KIND_KEYS, NARRATOR, OPTION_KEYS, Script, as_performed, parse_script
from pipeline.takes.render import plan_takes

# A line's id is its scene's id and its position in that scene: edits from the studio change
# a line's speaker, text or direction but never add or remove lines, so ids stay put.
_LINE_ID = re.compile(r"^([A-Za-z0-9][A-Za-z0-9_.-]{0,63})\.(\d{1,6})$")
EDITABLE = ("speaker", "text", "direction", "check")


def line_id(scene_id: str, index: int) -> str:
    return f"{scene_id}.{index}"


def split_line_id(value: str) -> tuple[str, int] | None:
    match = _LINE_ID.match(value or "")
    return (match.group(1), int(match.group(2))) if match else None


class RoundTrip:
    """A YAML file loaded for editing, dumped back with the indentation it was written with."""

    def __init__(self, text: str, shown_path: str):
        self.shown_path = shown_path
        try:
            self.data, indent, block_seq_indent = load_yaml_guess_indent(text)
        except YAMLError:
            # the loaders the command line uses say where and why
            yamlfile.loads(text, shown_path)
            raise PipelineError(shown_path, None, "invalid YAML", "fix the file by hand") from None
        self.yaml = YAML()
        self.yaml.preserve_quotes = True
        self.yaml.width = 100       # as pipeline.core.yamlfile.dump wraps, so untouched lines stay
        indent = indent or 2
        block_seq_indent = block_seq_indent or 0
        self.yaml.indent(mapping=indent, sequence=indent + block_seq_indent, offset=block_seq_indent)

    def dump(self) -> str:
        stream = io.StringIO()
        self.yaml.dump(self.data, stream)
        return stream.getvalue()


def _same_style(old: Any, new: str) -> Any:
    """Keep a quoted or block scalar quoted or block after its text changes."""
    if isinstance(old, ScalarString) and "\n" not in new:
        return type(old)(new)
    return new


def _rename_key(item: CommentedMap, old: str, new: str) -> None:
    """Replace a key in place, keeping its position and any comment after it."""
    position = list(item.keys()).index(old)
    value = item.pop(old)
    item.insert(position, new, value)
    if old in item.ca.items:
        item.ca.items[new] = item.ca.items.pop(old)


def _speaker_key(item: CommentedMap) -> str:
    # the adapter's own annotations are not speakers even where the script model lists them apart
    return next(k for k in item if k in KIND_KEYS or k not in (*OPTION_KEYS, "check", "how"))


def apply_line_edit(item: Any, changes: dict[str, Any], where: str) -> Any:
    """Return the YAML item of a script line with `changes` applied (a new item if it was a
    bare string). `where` names the line in messages."""
    if isinstance(item, str):
        # a bare string is narration; any edit turns it into the mapping form
        item = CommentedMap([(NARRATOR, item)])
    if not isinstance(item, CommentedMap):
        raise PipelineError(where, None, "this line is not a mapping", "fix it in the script file first")
    key = _speaker_key(item)
    kind = "letter" if key == "letter" else key if key in KIND_KEYS else "dialogue"
    if "text" in changes:
        text = changes["text"]
        if not isinstance(text, str):
            raise PipelineError(where, None, "text must be a string", "send the line's words as text")
        if kind in ("sfx", "music"):
            raise PipelineError(where, None, f"a {kind} line has a cue name, not text", "edit it in the script file")
        item[key] = _same_style(item[key], text)
    if "speaker" in changes:
        speaker = changes["speaker"]
        if speaker is not None and not isinstance(speaker, str):
            raise PipelineError(where, None, "speaker must be a name", "pick a speaker from the cast")
        speaker = (speaker or "").strip() or NARRATOR
        if kind in ("sfx", "music", "note"):
            raise PipelineError(where, None, f"a {kind} line has no speaker", "change the speaker of a spoken line")
        if kind == "letter":
            if speaker == NARRATOR:
                item.pop("by", None)
            else:
                item["by"] = speaker
        elif speaker != key:
            if speaker in KIND_KEYS and speaker != NARRATOR:
                raise PipelineError(where, None, f"'{speaker}' is a kind of line, not a speaker",
                                    "pick a speaker from the cast")
            if speaker in item:
                raise PipelineError(where, None, f"'{speaker}' is already an option of this line",
                                    "pick a speaker from the cast")
            _rename_key(item, key, speaker)
        # choosing the speaker is the producer's answer to the adapter's doubt
        item.pop("check", None)
    if "direction" in changes:
        direction = changes["direction"]
        if direction is not None and not isinstance(direction, str):
            raise PipelineError(where, None, "direction must be text", "pick a direction or leave it empty")
        direction = (direction or "").strip()
        if direction:
            item["direction"] = direction
        else:
            item.pop("direction", None)
    if "check" in changes:
        if changes["check"] not in (False, None):
            raise PipelineError(where, None, "the studio only clears `check`", "send check: false once the line is right")
        item.pop("check", None)
    return item


def validate_script_text(text: str, shown_path: str, voices_dir: Path, cache_dir: Path) -> Script:
    """Parse a script as the command line does, and plan its takes as a render would, so a
    speaker missing from the cast is refused now rather than at render time."""
    script = parse_script(yamlfile.loads(text, shown_path), Path(shown_path))
    voices, cast, lexicon = load_casting(voices_dir)
    plan_takes(as_performed(script), cast, voices, lexicon, voices_dir, cache_dir)
    return script


def _content_line(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _first_key_lines(block: list[str], key_column: int) -> int:
    """How many lines of an item belong to its first key (its words, wrapped as they are)."""
    for number in range(1, len(block)):
        if _content_line(block[number]) and _indent(block[number]) <= key_column:
            return number
    return len(block)


def splice_item(text: str, doc: RoundTrip, seq, index: int, item: Any, keep_first: bool = False) -> str:
    """`text` with only the lines of `seq[index]` replaced by `item` rendered at its place;
    with `keep_first`, the lines of its first key (unchanged) are kept as they are too.

    A whole-file dump would re-wrap every long line differently from the writer that made the
    file; splicing keeps every other byte, comments between lines included, as it was.
    """
    lines = text.splitlines(keepends=True)
    start, column = seq.lc.item(index)
    dash = lines[start].rfind("-", 0, column + 1)
    end = start + 1
    for number in range(start + 1, len(lines)):
        if _content_line(lines[number]):
            if _indent(lines[number]) <= dash:
                break
            end = number + 1
    stream = io.StringIO()
    single = YAML()
    single.preserve_quotes = True
    single.width = doc.yaml.width
    # dumped at its own depth, so wrapped text and end-of-line comments keep their columns
    single.indent(mapping=doc.yaml.map_indent, sequence=dash + 2, offset=dash)
    single.dump([item], stream)
    rendered = stream.getvalue().splitlines(keepends=True)
    while rendered and not _content_line(rendered[-1]):
        rendered.pop()      # comments after the item stay where they are in the file
    if not any("\n" in str(value) for value in (item.values() if isinstance(item, dict) else [item])):
        # where the dumper wrapped a plain line it leaves a space, which reading folds away anyway
        rendered = [line.rstrip(" \n") + "\n" for line in rendered]
    if rendered and not rendered[-1].endswith("\n"):
        rendered[-1] += "\n"
    if keep_first:
        kept = lines[start:end][:_first_key_lines(lines[start:end], column)]
        rendered = kept + rendered[_first_key_lines(rendered, dash + 2):]
    return "".join(lines[:start]) + "".join(rendered) + "".join(lines[end:])


def edit_script_line(path: Path, shown_path: str, scene_index: int, line_index: int, changes: dict[str, Any],
                     voices_dir: Path, cache_dir: Path) -> Script:
    """Apply `changes` to one line of the script at `path`; write it only if it stays valid."""
    unknown = [k for k in changes if k not in EDITABLE]
    if unknown:
        raise PipelineError(shown_path, None, f"'{unknown[0]}' cannot be edited here",
                            f"send any of {', '.join(EDITABLE)}")
    original = read_text(path, "script")
    doc = RoundTrip(original, shown_path)
    lines = doc.data["scenes"][scene_index]["lines"]
    where_line = lines.lc.item(line_index)[0] + 1
    before = lines[line_index]
    first = next(iter(before.items())) if isinstance(before, CommentedMap) and before else None
    try:
        item = apply_line_edit(before, changes, shown_path)
    except PipelineError as exc:
        raise PipelineError(shown_path, where_line, exc.problem, exc.fix) from None
    # an edit of the direction or `check` leaves the words' own lines as the file has them
    keep_first = first is not None and item is before and next(iter(item.items())) == first
    text = splice_item(original, doc, lines, line_index, item, keep_first)
    script = validate_script_text(text, shown_path, voices_dir, cache_dir)
    write_text(path, text)
    return script


# ---------------------------------------------------------------- voices

def blend_fields(model=Voice) -> list[str]:
    """Voice settings that map voice names to weights (a Kokoro blend): saved whole, never merged."""
    def is_mapping(annotation) -> bool:
        return typing.get_origin(annotation) is dict or any(is_mapping(a) for a in typing.get_args(annotation))
    return [name for name, field in model.model_fields.items() if is_mapping(field.annotation)]


def _merge(target: CommentedMap, changes: dict[str, Any], whole: frozenset = frozenset()) -> None:
    for key, value in changes.items():
        if key in whole:
            if value:
                target[key] = CommentedMap(value) if isinstance(value, dict) else value
            else:
                target.pop(key, None)
        elif isinstance(value, dict):
            if not isinstance(target.get(key), CommentedMap):
                target[key] = CommentedMap()
            _merge(target[key], value)
        elif value is None:
            target.pop(key, None)
        else:
            target[key] = value


def voice_text_with(path: Path, shown_path: str, changes: dict[str, Any]) -> tuple[str, Voice]:
    """The voice file's text with `changes` merged in (nested for eq), and the voice it makes,
    checked by `load_voice` itself."""
    doc = RoundTrip(read_text(path, "voice config"), shown_path)
    if not isinstance(doc.data, CommentedMap):
        raise PipelineError(shown_path, 1, "a voice config must be a mapping of settings", "see README 'Voices'")
    _merge(doc.data, changes, frozenset(blend_fields()))
    text = doc.dump()
    with tempfile.TemporaryDirectory(prefix="studio-voice-") as folder:
        trial = Path(folder) / path.name
        trial.write_text(text, encoding="utf-8")
        try:
            voice = load_voice(trial)
        except PipelineError as exc:
            raise PipelineError(shown_path, exc.line, exc.problem, exc.fix) from None
    return text, voice


def voice_with(path: Path, shown_path: str, changes: dict[str, Any]) -> Voice:
    """The voice as it would be with `changes`, for an audition; nothing is written."""
    return voice_text_with(path, shown_path, changes)[1]


def save_voice(path: Path, shown_path: str, changes: dict[str, Any]) -> None:
    write_text(path, voice_text_with(path, shown_path, changes)[0])
