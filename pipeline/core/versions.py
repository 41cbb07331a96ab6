"""The one way to version code that changes what a stage makes: a digest of that code's source.

A cached artifact (a take, a mix, a master) is keyed by the source of the modules that make it,
so editing them redoes what they made and nothing else, and nobody has to remember to bump a
number. Modules are named as dotted names or given as packages (every module in them counts).
"""
from __future__ import annotations

import hashlib
import importlib
from pathlib import Path


def _source_files(name: str) -> list[Path]:
    module = importlib.import_module(name)
    if hasattr(module, "__path__"):             # a package: all of its own modules
        return sorted(Path(module.__file__).parent.rglob("*.py"))
    return [Path(module.__file__)]


_DIGESTS: dict[tuple[str, int, int], str] = {}


def _file_digest(path: Path) -> str:
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _DIGESTS:
        _DIGESTS[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return _DIGESTS[key]


def code_version(*modules: str) -> str:
    """A digest of the source of these modules (or packages), 16 hex digits."""
    digest = hashlib.sha256()
    for name in modules:
        for path in _source_files(name):
            digest.update(f"{path.name} {_file_digest(path)}".encode())
    return digest.hexdigest()[:16]
