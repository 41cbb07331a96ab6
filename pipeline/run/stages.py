"""The one list of stages a chapter goes through, each reading one artifact and writing the next.

    chapters/chNN.txt -> script -> takes -> mix (+ cues.json) -> master (+ chapters.json, transcript.vtt) -> qa.json

STAGES is that list: `make episode`, each stage's own command, and a season (locally or on a
Dask worker) all run it through run_stages. A stage whose inputs have not changed since it last
ran is skipped: the script is never overwritten, takes are cached by content, and the mix and
the master keep a stamp of their inputs (including the source of the code that makes them).
"""
from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from pipeline.core.files import file_sha256, read_text, write_text
from pipeline.core.project import Project
from pipeline.core.versions import code_version
from pipeline.master.companions import show_cover, write_chapters_json, write_transcript_vtt
from pipeline.master.mastering import EpisodeTags, master
from pipeline.engines.registry import release_engines
from pipeline.mix.mixer import MixSettings, load_mix_settings, plan_timeline, render_mix
from pipeline.mix.sounds import SoundLibrary, check_script_sounds
from pipeline.model import casting
from pipeline.model.script import Script, as_performed, load_script, to_yaml
from pipeline.model.show import load_config
from pipeline.model.timeline import read_cues, scene_marks, speech, write_cues
from pipeline.qa import checks as qa
from pipeline.qa.voiceprint import episode_references
from pipeline.takes.render import RenderResult, render_takes, take_path
from pipeline.text.adapt import adapt_text
from pipeline.text.casting import cast_new_speakers, known_and_new_characters, unknown_genders
from pipeline.text.vocabulary import load_vocabulary
from pipeline.text.quotes import lines_as_paragraphs

# What the mix and the master are made by: editing any of it redoes them (the takes have their own key).
MIX_CODE = ("pipeline.mix", "pipeline.model.timeline")
MASTER_CODE = ("pipeline.master", "pipeline.core.audio")


def load_casting(project: Project):
    return casting.load_casting(project.voices)


# ---------------------------------------------------------------- the stages

def adapt_chapter(project: Project, chapter, force: bool = False) -> tuple[Path, bool]:
    """Write scripts/chNN.yaml from the chapter, unless it exists (producers edit it by hand).

    Characters the prose introduces that the cast does not know are added to voices/cast.yaml
    with a voice designed for each, so the next stage can voice them.
    """
    script_path = project.script(chapter)
    if script_path.exists() and not force:
        return script_path, False
    chapter_path = project.chapter_text(chapter)
    text = lines_as_paragraphs(read_text(chapter_path, "chapter"))
    voices, cast, _ = load_casting(project)
    characters = known_and_new_characters(text, cast)
    # the producer's place words (sounds/places.yaml), checked against the beds the library has
    places = load_vocabulary(project.sounds / "places.yaml", SoundLibrary(project.sounds).names("ambience"))
    script = adapt_text(text, characters, title=chapter_title(project, chapter), places=places,
                        source=str(chapter_path.relative_to(project.root)) if chapter_path.is_relative_to(project.root)
                        else str(chapter_path))
    cast_new_speakers(script, characters, cast, voices, text)
    if script_path.exists():
        shutil.copy2(script_path, _free_backup_name(script_path))
    write_text(script_path, to_yaml(script))
    return script_path, True


def chapter_title(project: Project, chapter) -> str:
    return f"Chapter {project.chapter_number(chapter)}"


def _free_backup_name(path: Path) -> Path:
    number = 1
    while (candidate := path.with_name(f"{path.name}.bak{number}")).exists():
        number += 1
    return candidate


def performed_script(project: Project, chapter) -> Script:
    """The chapter's script as it will be heard, its sound names checked against the project's library."""
    script = load_script(project.script(chapter))
    check_script_sounds(script, SoundLibrary(project.sounds if project.sounds.is_dir() else None))
    return as_performed(script)


def render_chapter(project: Project, chapter, workers: int | None = None, progress=None) -> tuple[Script, RenderResult]:
    script = performed_script(project, chapter)
    voices, cast, lexicon = load_casting(project)
    result = render_takes(script, cast, voices, lexicon, project.voices, project.take_cache, workers, progress)
    return script, result


def lines_to_check(project: Project, chapter) -> dict:
    """The script's lines still marked `check: true` (speaker guessed or a near tie), by line number."""
    path = project.script(chapter)
    script = load_script(path)
    numbers = [line.source_line for line in script.lines_to_check()]
    return {"script": str(path.relative_to(project.root)) if path.is_relative_to(project.root) else str(path),
            "lines": numbers}


def check_message(found: dict) -> str:
    if not found["lines"]:
        return "check    no lines to check"
    return f"check    {len(found['lines'])} lines to check in {found['script']}: lines " + \
        ", ".join(str(n) for n in found["lines"])


def _stamp(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _fresh(stamp_path: Path, stamp: str, *outputs: Path) -> bool:
    try:
        return stamp_path.read_text() == stamp and all(p.exists() for p in outputs)
    except OSError:
        return False


def mix_chapter(project: Project, chapter, script: Script, result: RenderResult,
                settings: MixSettings | None = None) -> dict:
    settings = settings or load_mix_settings(project.mix_settings)
    voices, cast, _ = load_casting(project)
    pans = {name: (member.pan if member.pan is not None else voices[cast.voice_for(name)].pan)
            for name, member in cast.characters.items()}
    library = SoundLibrary(project.sounds if project.sounds.is_dir() else None)
    stamp = _stamp(code_version(*MIX_CODE), [t.key for t in result.takes], settings.model_dump(), pans,
                   script.title, [_scene_digest(s) for s in script.scenes], _sounds_fingerprint(project))
    mix_path, cues_path, summary_path = project.mix(chapter), project.cues(chapter), project.mix_summary(chapter)
    if _fresh(project.stamp(chapter, "mix"), stamp, mix_path, cues_path, summary_path):
        return {**json.loads(summary_path.read_text()), "skipped": True, "stamp": stamp}
    cues = plan_timeline(script, result.takes, pans, library, settings)
    if not settings.stems:
        shutil.rmtree(project.stems(chapter), ignore_errors=True)    # stems of an older mix would mislead
    summary = render_mix(cues, library, mix_path, project.stems(chapter) if settings.stems else None, settings)
    write_cues(cues, cues_path)
    write_text(summary_path, json.dumps(summary, indent=1) + "\n")
    write_text(project.stamp(chapter, "mix"), stamp)
    return {**summary, "skipped": False, "stamp": stamp}


def _sounds_fingerprint(project: Project) -> str:
    """Changes when the producer's sound files change."""
    digest = hashlib.sha256()
    if project.sounds.is_dir():
        for path in sorted(p for p in project.sounds.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(project.sounds)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _scene_digest(scene) -> str:
    return hashlib.sha256(repr(scene).encode()).hexdigest()


def master_chapter(project: Project, chapter, script: Script, mixed: dict, fmt: str = "mp3") -> dict:
    """Master the mix, tag it with a chapter mark per scene, and write chapters.json and transcript.vtt."""
    show = load_config(project)
    number = project.chapter_number(chapter)
    # read back as written: the marks' times are those cues.json and the transcript give
    cues = read_cues(project.cues(chapter))
    marks = tuple(scene_marks(script.scenes, cues))
    configured = show.episodes.get(number)
    tags = EpisodeTags(title=(configured.title if configured and configured.title else script.title),
                       show=show.title, episode=number, author=show.author, year=str(show.year or ""),
                       description=(configured.description or "") if configured else "",
                       chapter_marks=marks, cover_jpeg=show_cover(project, show))
    episode_path = project.episode(chapter, fmt)
    stamp = _stamp(code_version(*MASTER_CODE), mixed["stamp"],
                   {**asdict(tags), "cover_jpeg": hashlib.sha256(tags.cover_jpeg).hexdigest()}, fmt)
    if _fresh(project.stamp(chapter, f"master-{fmt}"), stamp, episode_path, project.loudness(chapter, fmt)):
        return json.loads(project.loudness(chapter, fmt).read_text())
    figures = master(project.mix(chapter), episode_path, tags, mix_lufs=mixed.get("integrated_lufs"))
    write_chapters_json(list(marks), project.chapter_marks(chapter))
    write_transcript_vtt(cues, project.transcript(chapter))
    write_text(project.loudness(chapter, fmt), json.dumps(figures, indent=1) + "\n")
    write_text(project.stamp(chapter, f"master-{fmt}"), stamp)
    return figures


def _checked(project: Project, chapter, report: dict) -> bool:
    """Whether qa.json is of the episode and alternates on disk now, judged by today's rules."""
    alternates = report.get("alternates") or {}
    return (report.get("qa_rules") == qa.qa_rules() and report.get("episode_sha256") == file_sha256(project.episode(chapter))
            and sorted(alternates) == sorted(p.suffix[1:] for p in project.alternates(chapter))
            and all(alternates[p.suffix[1:]].get("sha256") == file_sha256(p) for p in project.alternates(chapter))
            and "voice_check" in report)


def check_chapter(project: Project, chapter, result: RenderResult, workers: int | None = None) -> dict:
    """qa.json: every take heard back, clipping, silences and loudness; redone only for a new master.

    The lines still to check are read from the script each time (not kept in qa.json): a producer
    who clears a line is not asked again.
    """
    try:
        previous = json.loads(project.qa_report(chapter).read_text(encoding="utf-8"))
        if isinstance(previous, dict) and _checked(project, chapter, previous):
            return {**previous, "lines_to_check": lines_to_check(project, chapter)}
    except (OSError, ValueError, AttributeError):
        pass
    written = {take.key: take for take in result.takes}
    lines = speech(read_cues(project.cues(chapter)))
    pairs = [(cue, take_path(project.take_cache, cue.take) if cue.take else None) for cue in lines]
    takes = [written.get(cue.take) for cue in lines]
    voices = [take.voice if take else None for take in takes]
    directions = [take.direction if take else None for take in takes]
    # each take is matched against the episode's voices (and the narrator's), in its own delivery
    references = episode_references(project, [v for v in voices if v], sorted(set(zip(voices, directions)), key=str),
                                    workers)
    report = qa.check_episode(project, chapter, pairs, [take.text if take else None for take in takes],
                              workers=workers, voices=voices, references=references, directions=directions)
    return {**report, "lines_to_check": lines_to_check(project, chapter)}


# ---------------------------------------------------------------- the one list

@dataclass
class ChapterRun:
    """One chapter going through the stages: what each stage made, for the ones after it."""
    project: Project
    chapter: str | int
    workers: int | None = None          # synthesis threads (default: all cores)
    progress: Callable | None = None    # called with 1 per take synthesized
    fmt: str = "mp3"                    # the master's format
    qa_workers: int | None = None       # transcription processes (default: all cores)
    settings: MixSettings | None = None
    script_path: Path | None = None
    script_written: bool = False
    script: Script | None = None
    takes: RenderResult | None = None
    mixed: dict | None = None
    mastered: dict | None = None
    report: dict | None = None


def script_notes(project: Project, chapter, written: bool) -> list[str]:
    """What the producer should know of a script: its lines to check, and for a new one, speakers of unknown gender."""
    notes = [check_message(lines_to_check(project, chapter))]
    if written:
        unknown = unknown_genders(load_script(project.script(chapter)), load_casting(project)[1])
        if unknown:
            notes.append(f"cast     gender unknown for {', '.join(unknown)}: set `gender: M` or `F` in voices/cast.yaml")
    return notes


def _script_stage(run: ChapterRun) -> str:
    project = run.project
    run.script_path, run.script_written = adapt_chapter(project, run.chapter)
    return "\n".join([f"{run.script_path.relative_to(project.root)} "
                      f"({'written' if run.script_written else 'kept, edits preserved'})",
                      *script_notes(project, run.chapter, run.script_written)])


def _takes_stage(run: ChapterRun) -> str:
    # mix.yaml's and podcast.yaml's mistakes show before any synthesis
    run.settings = load_mix_settings(run.project.mix_settings)
    load_config(run.project)
    run.script, run.takes = render_chapter(run.project, run.chapter, run.workers, run.progress)
    if run.takes.synthesized:
        release_engines()       # the models' memory goes to the mix, master and QA
    return f"{len(run.takes.takes)} lines, {run.takes.synthesized} synthesized, {run.takes.reused} from cache"


def _mix_stage(run: ChapterRun) -> str:
    run.mixed = mix_chapter(run.project, run.chapter, run.script, run.takes, run.settings)
    return (f"{run.project.mix(run.chapter).relative_to(run.project.root)} "
            f"({'up to date' if run.mixed['skipped'] else 'mixed'})")


def _master_stage(run: ChapterRun) -> str:
    run.mastered = figures = master_chapter(run.project, run.chapter, run.script, run.mixed, run.fmt)
    return (f"{run.project.episode(run.chapter, run.fmt).relative_to(run.project.root)}  "
            f"{figures['duration_s'] / 60:.1f} min, {figures['integrated_lufs']:.1f} LUFS, "
            f"true peak {figures['true_peak_dbtp']:.1f} dBTP, LRA {figures['loudness_range_lu']:.1f} LU")


def _qa_stage(run: ChapterRun) -> str:
    run.report = check_chapter(run.project, run.chapter, run.takes, run.qa_workers)
    return qa.summary(run.report)


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[ChapterRun], str]    # does the stage's work, returns what to tell the producer
    labelled: bool = True               # its line starts with the stage's name (QA's summary names itself)


STAGES = (Stage("script", _script_stage), Stage("takes", _takes_stage), Stage("mix", _mix_stage),
          Stage("master", _master_stage), Stage("qa", _qa_stage, labelled=False))
STAGE_NAMES = tuple(stage.name for stage in STAGES)


def run_stages(run: ChapterRun, names: tuple[str, ...] = STAGE_NAMES, log: Callable | None = None) -> ChapterRun:
    """Run the named stages, in the list's order, on `run`; each says what it did through `log`."""
    unknown = set(names) - set(STAGE_NAMES)
    if unknown:
        raise ValueError(f"no stage named {sorted(unknown)}")
    for stage in STAGES:
        if stage.name in names:
            said = stage.run(run)
            if log:
                log(f"{stage.name:8} {said}" if stage.labelled else said)
    return run
