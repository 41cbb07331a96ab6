"""A small project for the studio's tests: one chapter of a few lines with piper voices only,
so a cold render takes seconds."""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import make_project

from pipeline.core.project import Project

TINY_SCRIPT = """\
# A producer's note at the top: kept by every edit.
title: The Tiny Test
speech_tags: drop
scenes:
- id: s1-hospital
  place: hospital
  ambience: hospital
  lines:
  # the opening, as the author wrote it
  - narrator: The door opened and the morning light came in.
  - sfx: knock
  - Naruto: I am back, and I am not leaving again.   # he means it
  - Naruto: Nobody is going to stop me this time!
    direction: shout
- id: s2-forest
  place: forest
  ambience: forest
  lines:
  - narrator: Far away, the trees kept their secrets.
"""
ORIGIN = "http://127.0.0.1:8765"


def tiny_project(root: Path) -> Project:
    project = make_project(root, script=None)
    (project.scripts / "ch01.yaml").write_text(TINY_SCRIPT, encoding="utf-8")
    return project


def copy_project(project: Project, root: Path) -> Project:
    """A copy with its renders and take cache, so a test can edit without disturbing others."""
    shutil.copytree(project.root, root, symlinks=True)
    return Project(root)
