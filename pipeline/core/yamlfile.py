"""YAML in and out for files people edit by hand: safe loading that remembers line numbers."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from pipeline.core.errors import PipelineError
from pipeline.core.files import read_text


class Mapping(dict):
    """A YAML mapping that knows the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class Sequence(list):
    line: int = 0
    item_lines: list


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    result = Mapping()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) or key is None:
            raise PipelineError(None, key_node.start_mark.line + 1, "a key must be plain text")
        key = str(key)
        if key in result:
            raise _Located(key_node.start_mark.line + 1, f"'{key}' appears twice in one mapping",
                           "keep only one")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> Sequence:
    result = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


class _Located(Exception):
    def __init__(self, line: int, problem: str, fix: str = ""):
        self.line, self.problem, self.fix = line, problem, fix


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)

MAX_YAML_BYTES = 5_000_000


def load(path: str | Path, what: str = "YAML file") -> Any:
    """Parse a YAML file safely; any mistake becomes `path:line: problem — fix`."""
    path = Path(path)
    text = read_text(path, what)
    if len(text) > MAX_YAML_BYTES:
        raise PipelineError(path, None, f"{what} is larger than {MAX_YAML_BYTES // 1_000_000} MB",
                            "split it or check that it is the right file")
    return loads(text, path)


def loads(text: str, path: str | Path) -> Any:
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except _Located as exc:
        raise PipelineError(path, exc.line, exc.problem, exc.fix) from None
    except PipelineError as exc:
        raise PipelineError(path, exc.line, exc.problem, exc.fix) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and mark and mark.index >= len(text.rstrip()):
            # "unexpected end of stream": the mistake is where the unclosed thing began
            mark = exc.context_mark
        line = mark.line + 1 if mark else None
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise PipelineError(path, line, f"invalid YAML: {problem}",
                            "fix the indentation or quoting on that line") from None
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        raise PipelineError(path, None, f"invalid YAML: {type(exc).__name__}",
                            "check the file is YAML") from None


def line_of(node: Any, key: str | int | None = None, default: int = 0) -> int:
    if isinstance(node, Mapping):
        return node.line_of(str(key)) if key is not None else node.line
    if isinstance(node, Sequence):
        if isinstance(key, int) and 0 <= key < len(node.item_lines):
            return node.item_lines[key]
        return node.line
    return default


def locate(data: Any, loc: tuple) -> tuple[int, str]:
    """The line and dotted name of a validation error's location (pydantic's `loc`) in loaded YAML.

    The one way a schema mistake becomes `file:LINE:`: the deepest key that exists gives the line.
    """
    node, line, names = data, line_of(data, None, 1) or 1, []
    for part in loc:
        if part == "[key]":
            continue
        names.append(str(part))
        if isinstance(node, Mapping) and str(part) in node:
            line = node.line_of(str(part)) or line
            node = node[str(part)]
        elif isinstance(node, Sequence) and isinstance(part, int) and 0 <= part < len(node):
            line = line_of(node, part) or line
            node = node[part]
        else:
            line = line_of(node) or line
            break
    return line, ".".join(names)


class _Dumper(yaml.SafeDumper):
    pass


def _str_presenter(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)


def dump(data: Any) -> str:
    """YAML for people: block style, keys in the order given, long lines wrapped."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


def flow_key(text: str) -> str:
    """A string as a YAML scalar that is safe inside a flow mapping."""
    plain = yaml.safe_dump(text, default_flow_style=True, width=10_000).strip()
    return plain[:-4].strip() if plain.endswith("\n...") else plain.removesuffix("...").strip()


def block_end(text: str, key: str) -> int | None:
    """Line index just after the block mapping under top-level `key`, or None if it is absent
    or not a block mapping (then a caller appends a new block)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    for key_node, value_node in root.value:
        if key_node.value == key:
            if isinstance(value_node, yaml.MappingNode) and not value_node.flow_style and value_node.value:
                last = value_node.value[-1][1]
                return last.end_mark.line + (1 if last.end_mark.column else 0)
            return None
    return None
