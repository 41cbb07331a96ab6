"""A published-ready episode made in a test: a real MP3 with everything mastering writes beside it, QA passed.

Shared by the publishing tests and the fuzz tests of the feed (tests/ is on the import path).
"""
import json
import subprocess
from pathlib import Path

from pipeline.core.project import Project
from pipeline.master.companions import write_chapters_json, write_transcript_vtt
from pipeline.model.timeline import Cue
from pipeline.qa.checks import check_episode

PODCAST_YAML = """\
title: The Rejected Shinobi
author: Audio Drama Studio
description: A fan-fiction chapter performed as a multi-voice radio play.
language: en
category: Fiction
subcategory: Drama
explicit: false
owner: {name: Studio Owner, email: owner@example.com}
base_url: https://example.com/drama/
episodes:
  1:
    title: The Hospital
    description: Tsunade visits Naruto.
    date: 2026-11-24
"""

CUES = [
    {"start": 0.0, "end": 6.0, "kind": "ambience", "scene": "s1", "speaker": None, "text": None, "name": "hospital"},
    {"start": 0.2, "end": 1.5, "kind": "speech", "scene": "s1", "speaker": "narrator",
     "text": "The next morning Tsunade returned.", "name": None},
    {"start": 1.6, "end": 1.9, "kind": "sfx", "scene": "s1", "speaker": None, "text": None, "name": "knock"},
    {"start": 2.0, "end": 3.4, "kind": "speech", "scene": "s1", "speaker": "Tsunade",
     "text": "Naruto, <don't> worry & rest.", "name": None},
    {"start": 3.5, "end": 5.8, "kind": "speech", "scene": "s2", "speaker": "Naruto",
     "text": "I will bring him back, believe it!", "name": None},
]
CHAPTERS = [(0.0, 3.5, "Hospital"), (3.5, 6.0, "Waterfall")]


def write_episode(project: Project, number: int, seconds: float = 6.0, frequency_hz: int = 440,
                  cues=CUES, chapters=CHAPTERS) -> Path:
    """A real MP3 (a tone, ID3 chapters as mastering writes them) with cues.json, loudness.json, qa.json."""
    from mutagen.id3 import CHAP, CTOC, ID3, TIT2, CTOCFlags

    from pipeline.core.audio import ffmpeg_exe
    folder = project.episode_dir(number)
    folder.mkdir(parents=True, exist_ok=True)
    mp3 = folder / "episode.mp3"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-nostdin", "-y", "-f", "lavfi",
                    "-i", f"sine=frequency={frequency_hz}:sample_rate=44100:duration={seconds}",
                    "-af", "volume=0.3", "-ac", "2", "-c:a", "libmp3lame", "-b:a", "128k",
                    "-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1", str(mp3)], check=True)
    tags = ID3()
    tags.add(TIT2(encoding=3, text=f"Chapter {number}"))
    ids = [f"chp{i}" for i in range(len(chapters))]
    if chapters:
        tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                      sub_frames=[TIT2(encoding=3, text="toc")]))
    for element, (start, end, title) in zip(ids, chapters):
        tags.add(CHAP(element_id=element, start_time=int(start * 1000), end_time=int(end * 1000),
                      sub_frames=[TIT2(encoding=3, text=title)]))
    tags.save(str(mp3), v2_version=4)
    (folder / "cues.json").write_text(json.dumps(cues, ensure_ascii=False), encoding="utf-8")
    # what mastering writes beside the episode
    write_chapters_json(chapters, project.chapter_marks(number))
    write_transcript_vtt([Cue(**cue) for cue in cues], project.transcript(number))
    (folder / "loudness.json").write_text(json.dumps({"integrated_lufs": -16.0, "true_peak_dbtp": -1.5,
                                                      "loudness_range_lu": 1.0, "duration_s": seconds}))
    check_episode(project, number, takes=[])
    return mp3


def new_project(root: Path, config: str = PODCAST_YAML) -> Project:
    root.mkdir(parents=True, exist_ok=True)
    (root / "podcast.yaml").write_text(config, encoding="utf-8")
    return Project(root)
