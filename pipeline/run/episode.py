"""One episode: every stage of the one list (run/stages.py) on a chapter, under the chapter's lock."""
from __future__ import annotations

from pipeline.core.files import exclusive_lock, remove_partials
from pipeline.core.project import Project
from pipeline.run.stages import STAGE_NAMES, ChapterRun, run_stages


def make_episode(project: Project, chapter, workers: int | None = None, progress=None, log=print,
                 check: bool = True) -> dict:
    """All stages for one chapter; what is up to date is reused."""
    chapter_id = project.chapter_id(chapter)
    with exclusive_lock(project.chapter_lock(chapter), f"a render of {chapter_id}"):
        remove_partials(project.output)
        names = STAGE_NAMES if check else tuple(n for n in STAGE_NAMES if n != "qa")
        run = run_stages(ChapterRun(project, chapter, workers, progress), names, log)
        return {"script": str(run.script_path), "synthesized": run.takes.synthesized, "takes": len(run.takes.takes),
                "mix": run.mixed, "master": run.mastered, "qa": run.report, "episode": str(project.episode(chapter))}
