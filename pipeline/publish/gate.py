"""The gate: an episode is published only when it is complete and QA passed this very render of it."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.core.errors import PipelineError
from pipeline.core.files import file_sha256
from pipeline.core.project import Project
from pipeline.qa.checks import alternate_problems


def read_json(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PipelineError(path, None, f"{what} is missing", "render the episode again (make episode)") from None
    except (OSError, ValueError) as exc:
        raise PipelineError(path, None, f"{what} is unreadable ({exc})", "render the episode again") from None


def check_publishable(project: Project, chapter) -> None:
    """Refuse, with the reason, an episode that is incomplete, clipped or checked against an older render."""
    chapter_id = project.chapter_id(chapter)
    again = f"render it again: make episode CH={project.chapter_number(chapter)}"
    for path in (project.episode(chapter), project.cues(chapter), project.loudness(chapter),
                 project.chapter_marks(chapter), project.transcript(chapter)):
        if not path.is_file():
            raise PipelineError(path, None, f"{chapter_id} cannot be published: {path.name} is missing", again)
    qa_path = project.qa_report(chapter)
    if not qa_path.is_file():
        raise PipelineError(qa_path, None, f"{chapter_id} has not been through QA",
                            "run the QA check on it before publishing")
    qa = read_json(qa_path, qa_path.name)
    if not isinstance(qa, dict):
        raise PipelineError(qa_path, None, "qa.json is not a QA report", "run the QA check again")
    checked = {project.episode(chapter): qa.get("episode_sha256")}
    for alternate in project.alternates(chapter):
        entry = (qa.get("alternates") or {}).get(alternate.suffix[1:])
        checked[alternate] = entry.get("sha256") if isinstance(entry, dict) else None
    for path, sha256 in checked.items():
        if sha256 != file_sha256(path):
            raise PipelineError(qa_path, None, f"qa.json of {chapter_id} is for an older render of {path.name}",
                                f"run the QA check again: python -m pipeline qa {project.chapter_number(chapter)}")
    clipped = qa.get("clipped_samples")
    if not isinstance(clipped, int) or clipped > 0:
        first = (qa.get("clipped_first_s") or [None])[0]
        where = f", first at {first:.2f} s" if isinstance(first, (int, float)) else ""
        raise PipelineError(qa_path, None, f"{chapter_id} cannot be published: {clipped} clipped samples{where}",
                            "lower the mix or the master ceiling and render again")
    missing = qa.get("missing_takes") or []
    if missing:
        first = missing[0]
        raise PipelineError(qa_path, None, f"{chapter_id} cannot be published: {len(missing)} take(s) missing, "
                            f"first '{str(first.get('text', ''))[:40]}' at {first.get('start_s', 0):.1f} s", again)
    problems = alternate_problems(qa.get("alternates") or {})
    if problems:
        raise PipelineError(qa_path, None, f"{chapter_id} cannot be published: {problems[0]}",
                            f"master the alternate again: python -m pipeline master {project.chapter_number(chapter)} "
                            f"--format {problems[0].split(':')[0]}")
