import contextlib
import functools
import shutil
from pathlib import Path

import pytest

from pipeline.core.project import Project

REPO = Path(__file__).resolve().parents[1]

SHORT_SCRIPT = """\
title: Test Episode
speech_tags: drop
scenes:
- id: s1-hospital
  place: hospital
  ambience: hospital
  lines:
  - narrator: The next morning Tsunade returned to the hospital.
  - sfx: knock
  - Tsunade: Naruto, I know you feel bad, but don't worry.
  - Naruto: I will bring him back, believe it!
- id: s2-waterfall
  place: waterfall
  ambience: waterfall
  lines:
  - narrator: Meanwhile, at the waterfall, the water roared.
  - Naruto: Again!
    direction: shout
"""


def narration_told_as_i() -> str:
    """Narration that says "I" as often as a chapter told as "I" does (twenty times and more), to stand in one."""
    return " ".join(f"I check bed {n} and I write it down in my notes." for n in range(1, 9))


def make_project(root: Path, script: str | None = SHORT_SCRIPT) -> Project:
    for folder in ("voices", "sounds"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "podcast.yaml", root / "podcast.yaml")
    (root / "chapters").mkdir()
    (root / "scripts").mkdir()
    shutil.copy(REPO / "chapters" / "ch01.txt", root / "chapters" / "ch01.txt")
    if script is not None:
        (root / "scripts" / "ch09.yaml").write_text(script, encoding="utf-8")
    return Project(root)


@pytest.fixture
def project(tmp_path) -> Project:
    return make_project(tmp_path / "proj")


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory, worker_id) -> Path:
    """One output/cache for the projects that share it: takes and voice references are kept by
    their content, so the shipped voices' references are made once a session, not once a test.
    The workers of one `pytest -n` run share it too: every take and reference is written whole
    (temp file, then rename), so a worker finds another's or makes its own."""
    if worker_id == "master":
        shared = tmp_path_factory.mktemp("shared-cache")
    else:
        shared = tmp_path_factory.getbasetemp().parent / "shared-cache"
        shared.mkdir(exist_ok=True)
    _make_shipped_references(shared, tmp_path_factory.mktemp("references"))
    return shared


def _make_shipped_references(cache: Path, scratch: Path) -> None:
    """The shipped voices' references, which nearly every render, design and QA needs: the first worker
    to ask makes them on both cores while the other waits, rather than each making them on one."""
    import fcntl
    from pipeline.model.casting import load_casting
    from pipeline.qa.voiceprint import voice_profiles
    with open(cache / "references.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        project = share_cache(make_project(scratch / "proj", script=None), cache)
        voices, _, _ = load_casting(project.voices)
        voice_profiles(voices, sorted(voices), project.voices, project.take_cache, workers=2)


def share_cache(project: Project, cache: Path) -> Project:
    project.output.mkdir(parents=True, exist_ok=True)
    (project.output / "cache").symlink_to(cache, target_is_directory=True)
    return project


def share_references(project: Project, cache: Path) -> Project:
    """The project keeps its own takes but finds QA's voice references in the shared cache."""
    from pipeline.qa.voiceprint import voiceprint_dir
    project.take_cache.parent.mkdir(parents=True, exist_ok=True)
    voiceprint_dir(cache / "takes").mkdir(exist_ok=True)
    voiceprint_dir(project.take_cache).symlink_to(voiceprint_dir(cache / "takes"), target_is_directory=True)
    return project


@pytest.fixture
def cast_project(tmp_path, session_cache) -> Project:
    """A project for tests of what the adapter casts: the shared cache and the quick voice design."""
    with quick_design():
        yield share_cache(make_project(tmp_path / "proj"), session_cache)


@pytest.fixture(scope="session")
def rendered_episode(tmp_path_factory, session_cache):
    """One short episode rendered end to end, shared by the tests that inspect its outputs."""
    from pipeline.run.episode import make_episode
    project = share_references(make_project(tmp_path_factory.mktemp("episode") / "proj"), session_cache)
    (project.root / "mix.yaml").write_text("stems: true\n", encoding="utf-8")   # the tests inspect them
    summary = make_episode(project, 9, workers=2, log=lambda *_: None)
    return project, summary


@contextlib.contextmanager
def quick_design():
    """Voice design at its smallest search (one candidate at a time: one speech heard with one
    sound, no time budget; the near-duplicate guard and the intelligibility check still hold).
    For tests of what the adapter writes; how far apart designed voices sit is tested with the
    full search in tests/takes/test_design.py."""
    from pipeline.takes import design
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(design, "design_voice", functools.partial(design.design_voice, budget_s=0.0, min_candidates=1))
        patch.setattr(design, "SOUNDS_PER_SPEECH", 1)
        yield


# The files whose shared renders and designs take minutes go first, so that `make test` (both cores, a file
# to each worker in turn) never leaves one of them to start last on one core while the other waits.
SLOW_FILES_FIRST = ("tests/takes/test_design.py", "tests/text/test_cast.py", "tests/text/test_places.py",
                    "tests/run/test_season.py", "tests/e2e/test_reliability.py")


def pytest_collection_modifyitems(config, items):
    def rank(item) -> int:
        path = item.nodeid.split("::")[0]
        return SLOW_FILES_FIRST.index(path) if path in SLOW_FILES_FIRST else len(SLOW_FILES_FIRST)
    items.sort(key=rank)        # stable: each file keeps its own order
