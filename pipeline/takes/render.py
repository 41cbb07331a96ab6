"""Stage 3: script -> takes. One audio file per voiced line, cached by its content.

A take's cache key hashes everything that changes its sound: the spoken text (after the
lexicon), the voice's sound settings, the direction, the engine and its version, the model
file's content and the source of the code that synthesizes and shapes it (core/versions.py). A re-run synthesizes only what changed.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import os
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.core import audio
from pipeline.core.versions import code_version
from pipeline.takes.effects import SAMPLE_RATE, process_take
from pipeline.engines.base import SynthesisRequest
from pipeline.engines.pieces import synthesize_bounded
from pipeline.engines.registry import check_speaker, engine_class, engine_cost, engine_version, get_engine, resolve_model, use_slot
from pipeline.core.errors import PipelineError
from pipeline.model.script import Line, Script
from pipeline.model.timeline import Take
from pipeline.model.casting import Cast, Lexicon, Voice, file_digest

# What makes a take from its text besides the engine's packages: editing any of it makes new takes.
TAKE_CODE = ("pipeline.takes.effects", "pipeline.engines")


@dataclass(frozen=True)
class TakeJob:
    key: str
    text: str               # as given to the engine, lexicon applied
    voice: Voice
    engine: str
    model_path: str
    direction: str | None
    seed: int
    path: str


@dataclass
class RenderResult:
    takes: list[Take]
    synthesized: int
    reused: int


def take_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / key[:2] / f"{key}.wav"


# A take's noise seed comes from what is said and how, never from the versions of the code that
# makes it: a change to the code that keeps the sound keeps every line's samples. It is computed
# in the form the first takes were seeded with (their chain version, "4", and the voice settings
# of that time; a setting added since counts only when it is set), so those takes stay the same.
SEED_FORM = "4"
SEED_SETTINGS = ("engine", "model", "speaker", "length_scale", "noise_scale", "noise_w", "pitch_semitones",
                 "formant_semitones", "eq", "gain_db", "sentence_pause_s", "seed")


def take_seed(spoken: str, voice: Voice, direction: str | None, version: str, model_digest: str) -> int:
    settings = voice.sound_fields()
    defaults = Voice().sound_fields()
    settings = {k: v for k, v in settings.items() if k in SEED_SETTINGS or v != defaults.get(k)}
    settings["model"] = voice.model or engine_class(voice.engine).default_model
    identity = {"text": spoken, "voice": settings, "direction": direction, "engine": voice.engine,
                "engine_version": version, "model": model_digest, "chain": SEED_FORM}
    digest = hashlib.sha256(json.dumps(identity, sort_keys=True).encode()).hexdigest()
    return (int(digest[:8], 16) ^ voice.seed) & 0x7FFFFFFF


def take_key(spoken: str, voice: Voice, direction: str | None, version: str, model: Path) -> tuple[str, int]:
    """The cache key of a take (everything that changes its sound, the code included) and its noise seed."""
    digest = file_digest(model)
    identity = {"text": spoken, "voice": voice.sound_fields(), "direction": direction, "engine": voice.engine,
                "engine_version": version, "model": digest, "code": code_version(*TAKE_CODE)}
    key = hashlib.sha256(json.dumps(identity, sort_keys=True).encode()).hexdigest()
    return key, take_seed(spoken, voice, direction, version, digest)


def speaker_of(line: Line) -> str:
    return line.speaker or "narrator"


def plan_takes(script: Script, cast: Cast, voices: dict[str, Voice], lexicon: Lexicon,
               voices_dir: Path, cache_dir: Path) -> tuple[list[Take], list[TakeJob]]:
    """Decide every take's key and file; return the takes and the jobs still to synthesize."""
    takes, jobs = [], {}
    versions: dict[str, str] = {}
    checked: set[str] = set()
    for scene in script.scenes:
        for index, line in enumerate(scene.lines):
            if not line.voiced:
                continue
            if line.speaker and line.speaker not in cast.characters:
                raise PipelineError(script.path or None, line.source_line or None,
                                    f"speaker '{line.speaker}' is not in the cast",
                                    "add them to voices/cast.yaml, or fix the name")
            voice_name = cast.voice_for(line.speaker)
            if voice_name not in voices:
                raise PipelineError(cast.path, None, f"voice '{voice_name}' is not in voices/",
                                    f"add voices/{voice_name}.yaml or change the cast")
            voice = voices[voice_name]
            model = resolve_model(voice, voices_dir)
            if voice_name not in checked:
                check_speaker(voice, model, voices_dir)
                checked.add(voice_name)
            spoken = lexicon.apply(line.text)
            versions.setdefault(voice.engine, engine_version(voice.engine))
            key, seed = take_key(spoken, voice, line.direction, versions[voice.engine], model)
            path = take_path(cache_dir, key)
            duration = audio.cached_duration(path)
            takes.append(Take(scene.id, index, speaker_of(line), voice_name, line.text, path, key, duration or 0.0,
                              line.direction))
            if duration is None and key not in jobs:
                jobs[key] = TakeJob(key, spoken, voice, voice.engine, str(model), line.direction, seed, str(path))
    return takes, list(jobs.values())


def synthesize_job(job: TakeJob) -> tuple[str, float]:
    """Run in a worker: synthesize, shape and store one take."""
    engine = get_engine(job.engine, Path(job.model_path))
    raw = synthesize_bounded(engine, SynthesisRequest(
        text=job.text, length_scale=job.voice.length_scale, noise_scale=job.voice.noise_scale,
        noise_w=job.voice.noise_w, speaker=job.voice.speaker,
        sentence_pause_s=job.voice.sentence_pause_s, seed=job.seed))
    if raw.size == 0:
        raw = np.zeros(int(0.2 * engine.sample_rate), dtype=np.float32)
    take = process_take(raw, engine.sample_rate, job.voice, job.direction, job.seed)
    audio.write_take(Path(job.path), take)
    return job.key, take.size / SAMPLE_RATE


def estimated_cost(job: TakeJob) -> float:
    """How long a take will take, roughly: the costliest go first so the cores finish together."""
    return len(job.text) * job.voice.length_scale * engine_cost(job.engine)


def run_jobs(jobs: list[TakeJob], workers: int | None = None, progress=None) -> dict[str, float]:
    """Synthesize jobs on all cores; the costliest first so the cores finish together.

    Threads, not processes: onnxruntime releases the GIL while it runs, so no time goes to
    starting interpreters and importing the pipeline again; each thread has its own engines.
    """
    jobs = sorted(jobs, key=lambda j: (-estimated_cost(j), j.key))
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    durations: dict[str, float] = {}
    if workers == 1:
        for job in jobs:
            key, duration = synthesize_job(job)
            durations[key] = duration
            if progress:
                progress(1)
        return durations
    slots = itertools.count()
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="synth",
                            initializer=lambda: use_slot(next(slots))) as pool:
        futures = [pool.submit(synthesize_job, job) for job in jobs]
        try:
            for future in as_completed(futures):
                key, duration = future.result()
                durations[key] = duration
                if progress:
                    progress(1)
        except BaseException:
            for future in futures:      # a failed take stops the render without waiting for the rest
                future.cancel()
            raise
    return durations


def render_takes(script: Script, cast: Cast, voices: dict[str, Voice], lexicon: Lexicon,
                 voices_dir: Path, cache_dir: Path, workers: int | None = None, progress=None) -> RenderResult:
    takes, jobs = plan_takes(script, cast, voices, lexicon, voices_dir, cache_dir)
    durations = run_jobs(jobs, workers, progress) if jobs else {}
    done = [t if t.duration_s else Take(**{**t.__dict__, "duration_s": durations[t.key]}) for t in takes]
    return RenderResult(done, synthesized=len(jobs), reused=len(takes) - len({j.key for j in jobs}))


PREVIEW_TEXT = ("The village had become accustomed to him always smiling. "
                "Nobody was going to interfere, not this time!")


def preview_jobs(voices: dict[str, Voice], names: list[str], spoken: list[str], voices_dir: Path,
                 cache_dir: Path, direction: str | None = None) -> tuple[list[list[Path]], dict[str, TakeJob]]:
    """For each named voice, the cache paths of its takes of each text in `spoken` (as given to the
    engine, delivered with `direction`), and the jobs that would make those not cached yet (by take key)."""
    unknown = [n for n in names if n not in voices]
    if unknown:
        raise PipelineError(voices_dir, None, f"no voice named '{unknown[0]}'", f"use one of: {', '.join(sorted(voices))}")
    if not all(text.strip() for text in spoken):
        raise PipelineError(None, None, "the preview text is empty", "give some words with --text")
    jobs, paths = {}, []
    for name in names:
        voice = voices[name]
        model = resolve_model(voice, voices_dir)
        paths.append([])
        for text in spoken:
            key, seed = take_key(text, voice, direction, engine_version(voice.engine), model)
            path = take_path(cache_dir, key)
            if key not in jobs and audio.cached_duration(path) is None:
                jobs[key] = TakeJob(key, text, voice, voice.engine, str(model), direction, seed, str(path))
            paths[-1].append(path)
    return paths, jobs


def preview_takes(voices: dict[str, Voice], names: list[str], spoken: list[str], voices_dir: Path, cache_dir: Path,
                  workers: int | None = None, direction: str | None = None) -> list[list[Path]]:
    """For each named voice, its cached takes of each text in `spoken`, made if missing."""
    paths, jobs = preview_jobs(voices, names, spoken, voices_dir, cache_dir, direction)
    run_jobs(list(jobs.values()), workers)
    return paths


def preview_voices(voices: dict[str, Voice], names: list[str], text: str, lexicon: Lexicon, voices_dir: Path,
                   cache_dir: Path, out_dir: Path, workers: int | None = None) -> list[Path]:
    """DIR/<voice>.wav for each named voice, all reading the same text."""
    from pipeline.core.files import write_bytes
    if not text.strip():
        raise PipelineError(None, None, "the preview text is empty", "give some words with --text")
    written = []
    for name, (path,) in zip(names, preview_takes(voices, names, [lexicon.apply(text)], voices_dir, cache_dir, workers)):
        target = out_dir / f"{name}.wav"
        write_bytes(target, path.read_bytes())
        written.append(target)
    return written
