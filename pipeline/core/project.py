"""Where a project's files live, and what every artifact is called. Stages take paths from here, never from guesses.

    chapters/chNN.txt            the prose                       scripts/chNN.yaml  the script
    output/cache/takes/          the take cache (takes/render.py lays it out)
    output/chNN/mix.wav          the mix, with cues.json (the timeline), mix.json and stems/
    output/chNN/episode.mp3      the master (episode.m4a, episode.opus: the alternate formats),
                                 with loudness.json, chapters.json and transcript.vtt
    output/chNN/qa.json          the quality check
    output/site/                 the published feed and pages
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.errors import PipelineError


# The formats an episode is mastered in: the MP3 is the episode, the others are alternates of it.
EPISODE_FORMATS = ("mp3", "m4a", "opus")
MAIN_FORMAT = "mp3"


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
    def mix_settings(self) -> Path:
        """mix.yaml: the producer's levels and timings (optional)."""
        return self.root / "mix.yaml"

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

    # ------------------------------------------------------------ a chapter's artifacts

    def episode(self, chapter, fmt: str = MAIN_FORMAT) -> Path:
        """The mastered episode in one of EPISODE_FORMATS."""
        if fmt not in EPISODE_FORMATS:
            raise PipelineError(None, None, f"format '{fmt}' is not one an episode is made in",
                                f"use one of: {', '.join(EPISODE_FORMATS)}")
        return self.episode_dir(chapter) / f"episode.{fmt}"

    def alternates(self, chapter) -> list[Path]:
        """The episode's alternate formats that have been mastered (the MP3 is not one)."""
        return [path for fmt in EPISODE_FORMATS if fmt != MAIN_FORMAT
                and (path := self.episode(chapter, fmt)).is_file()]

    def mix(self, chapter) -> Path:
        return self.episode_dir(chapter) / "mix.wav"

    def mix_summary(self, chapter) -> Path:
        return self.episode_dir(chapter) / "mix.json"

    def stems(self, chapter) -> Path:
        return self.episode_dir(chapter) / "stems"

    def cues(self, chapter) -> Path:
        return self.episode_dir(chapter) / "cues.json"

    def loudness(self, chapter, fmt: str = MAIN_FORMAT) -> Path:
        """The master's measured figures: loudness.json for the MP3, loudness.<fmt>.json for an alternate."""
        name = "loudness.json" if fmt == MAIN_FORMAT else f"loudness.{fmt}.json"
        return self.episode_dir(chapter) / name

    def chapter_marks(self, chapter) -> Path:
        """Podcasting 2.0 chapters: one mark per scene."""
        return self.episode_dir(chapter) / "chapters.json"

    def transcript(self, chapter) -> Path:
        return self.episode_dir(chapter) / "transcript.vtt"

    def qa_report(self, chapter) -> Path:
        return self.episode_dir(chapter) / "qa.json"

    def stamp(self, chapter, stage: str) -> Path:
        """Where a stage keeps the stamp of the inputs it last ran on."""
        return self.episode_dir(chapter) / f".{stage}.stamp"

    def lock(self, name: str) -> Path:
        """The lock file of one kind of work: a chapter's id (its render), "season" or "publish"."""
        return self.output / "locks" / f"{name}.lock"

    def chapter_lock(self, chapter) -> Path:
        """Held by whoever renders the chapter or edits its script: `make episode`, a season, the studio."""
        return self.lock(self.chapter_id(chapter))

    @property
    def site(self) -> Path:
        return self.output / "site"

    def rendered_chapters(self) -> list[int]:
        """Numbers of the chapters with a mastered episode, in order."""
        numbers = []
        if self.output.is_dir():
            for folder in self.output.iterdir():
                match = re.fullmatch(r"ch(\d{2,4})", folder.name)
                if match and self.episode(int(match.group(1))).is_file():
                    numbers.append(int(match.group(1)))
        return sorted(numbers)


def find_project(start: Path | None = None) -> Project:
    """The project is the nearest folder upwards that has voices/ and chapters/ or scripts/."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "voices").is_dir() and ((folder / "chapters").is_dir() or (folder / "scripts").is_dir()):
            return Project(folder)
    return Project(here)
