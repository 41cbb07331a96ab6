"""One error type for everything a user can get wrong, printed as a single line."""
from __future__ import annotations

from pathlib import Path


class PipelineError(Exception):
    """A mistake in the user's input: `file:line: what is wrong — what to do`."""

    def __init__(self, path: str | Path | None, line: int | None, problem: str, fix: str = ""):
        self.path = str(path) if path is not None else None
        self.line = line
        self.problem = problem
        self.fix = fix
        super().__init__(str(self))

    def __reduce__(self):
        # Errors raised in worker processes travel back pickled; keep every field.
        return (type(self), (self.path, self.line, self.problem, self.fix))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        text = f"{where}{self.problem}"
        if self.fix:
            text += f" — {self.fix}"
        # One line, always: a message must never smuggle a newline or control char.
        return "".join(ch if ch.isprintable() else " " for ch in text)


def unknown_value(path: str | Path | None, line: int | None, what: str, value, known) -> PipelineError:
    """The error for a name that is not one of the known ones, with the closest match suggested:

    `scripts/ch01.yaml:12: unknown direction 'whipser' — did you mean 'whisper'? (known: ...)`
    """
    import difflib
    names = sorted({str(name) for name in known})
    shown = str(value)[:40]
    close = difflib.get_close_matches(str(value).strip().lower(), [n.lower() for n in names], n=1, cutoff=0.6)
    match = next((n for n in names if close and n.lower() == close[0]), None)
    listing = ", ".join(names[:24]) + (", ..." if len(names) > 24 else "")
    fix = f"did you mean '{match}'? (known: {listing})" if match else f"use one of the known: {listing}"
    return PipelineError(path, line, f"unknown {what} '{shown}'", fix)
