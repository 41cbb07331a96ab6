"""Never lose work: kills at any point resume to the same bytes (cold renders are identical:
tests/e2e/test_determinism.py)."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import make_project, share_references
from pipeline.run.episode import make_episode

REPO = Path(__file__).resolve().parents[2]


def start_episode(project):
    return subprocess.Popen([sys.executable, "-m", "pipeline", "--project", str(project.root), "episode", "9", "--jobs", "2"],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def test_killed_render_resumes_to_the_same_episode(tmp_path, rendered_episode, session_cache):
    reference_project, _ = rendered_episode
    reference = (reference_project.episode_dir(9) / "episode.mp3").read_bytes()
    project = share_references(make_project(tmp_path / "proj"), session_cache)
    for delay_s in (1.5, 2.5, 3.5, 4.5, 6.0):
        process = start_episode(project)
        time.sleep(delay_s)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    final = start_episode(project)
    _, error = final.communicate(timeout=300)
    assert final.returncode == 0, error.decode()
    assert (project.episode_dir(9) / "episode.mp3").read_bytes() == reference
    leftovers = [p for p in project.output.rglob("*") if ".part" in p.name]
    assert not leftovers, leftovers


def test_a_second_render_of_the_same_chapter_waits_its_turn(project):
    from pipeline.core.errors import PipelineError
    from pipeline.core.files import exclusive_lock
    import pytest
    with exclusive_lock(project.chapter_lock(9), "a render of ch09"):
        with pytest.raises(PipelineError, match="already running"):
            make_episode(project, 9, workers=1, log=lambda *_: None)
