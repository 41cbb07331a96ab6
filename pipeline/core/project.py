"""Where a project's files live. Every stage takes paths from here, never from guesses."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.errors import PipelineError


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def chapters(self) -> Path:
        return self.root / "chapters"

    @property
    def scripts(self) -> Path:
        return self.root / "scripts"

    @property
    def voices(self) -> Path:
        return self.root / "voices"

    @property
    def sounds(self) -> Path:
        return self.root / "sounds"

    @property
    def output(self) -> Path:
        return self.root / "output"

    @property
    def take_cache(self) -> Path:
        return self.output / "cache" / "takes"

    def chapter_id(self, chapter: str | int) -> str:
        text = str(chapter).strip()
        match = re.fullmatch(r"(?:ch)?0*(\d{1,4})", text, re.IGNORECASE)
        if not match:
            raise PipelineError(None, None, f"chapter '{text[:20]}' is not a chapter number",
                                "give a number, e.g. CH=1")
        return f"ch{int(match.group(1)):02d}"

    def chapter_text(self, chapter) -> Path:
        return self.chapters / f"{self.chapter_id(chapter)}.txt"

    def script(self, chapter) -> Path:
        return self.scripts / f"{self.chapter_id(chapter)}.yaml"

    def episode_dir(self, chapter) -> Path:
        return self.output / self.chapter_id(chapter)

    def chapter_number(self, chapter) -> int:
        return int(self.chapter_id(chapter)[2:])


def find_project(start: Path | None = None) -> Project:
    """The project is the nearest folder upwards that has voices/ and chapters/ or scripts/."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "voices").is_dir() and ((folder / "chapters").is_dir() or (folder / "scripts").is_dir()):
            return Project(folder)
    return Project(here)
