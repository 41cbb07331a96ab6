"""One episode: every stage of the one list (run/stages.py) on a chapter, under the chapter's lock."""
from __future__ import annotations

from pipeline.core.files import exclusive_lock, remove_partials
from pipeline.core.project import Project
from pipeline.model.casting import load_voices
from pipeline.qa.checks import lines_in_another_voice
from pipeline.run.stages import STAGE_NAMES, ChapterRun, run_stages


def make_episode(project: Project, chapter, workers: int | None = None, progress=None, log=print,
                 check: bool = True) -> dict:
    """All stages for one chapter; what is up to date is reused. A designed voice QA heard a line of
    closer to another voice is designed once more (its next seed) and the episode made again."""
    chapter_id = project.chapter_id(chapter)
    with exclusive_lock(project.chapter_lock(chapter), f"a render of {chapter_id}"):
        remove_partials(project.output)
        names = STAGE_NAMES if check else tuple(n for n in STAGE_NAMES if n != "qa")
        run = run_stages(ChapterRun(project, chapter, workers, progress), tuple(n for n in names if n != "qa"), log)
        # QA's verdict is told once, of the episode that stays: not of one about to be made again
        verdict: list[str] = []
        run = run_stages(run, ("qa",), verdict.append) if check else run
        redesign = voices_heard_as_others(project, run.report) if check else {}
        for said in verdict if not redesign else ():
            log(said)
        if redesign:
            from pipeline.takes.design import design_and_write
            heard = len([e for e in lines_in_another_voice(run.report) if e.get("voice") in redesign])
            log(f"qa       {heard} line(s) heard nearer another voice than their own; making the episode again")
            for name, voice in redesign.items():
                design_and_write(project, name, voice.gender, voice.age, description=voice.description or "",
                                 chapter=chapter)
                log(f"voices   voices/{name}.yaml designed again: a line of it was heard nearer another voice")
            again = ChapterRun(project, chapter, workers, progress, script_path=run.script_path,
                               script_written=run.script_written)
            run = run_stages(again, tuple(n for n in names if n != "script"), log)
        return {"script": str(run.script_path), "synthesized": run.takes.synthesized, "takes": len(run.takes.takes),
                "mix": run.mixed, "master": run.mastered, "qa": run.report, "episode": str(project.episode(chapter))}


def voices_heard_as_others(project: Project, report: dict | None) -> dict:
    """The designed voices (not pinned, not written by hand), by name, with a line QA heard closer to another voice."""
    flagged = {entry.get("voice") for entry in lines_in_another_voice(report)}
    voices = load_voices(project.voices) if flagged and project.voices.is_dir() else {}
    return {n: voices[n] for n in sorted(flagged, key=str)
            if n in voices and voices[n].design_seed is not None and not voices[n].pinned}
