"""Running the stages on a project's chapter: each stage reads one artifact, writes the next.

    chapters/chNN.txt -> scripts/chNN.yaml -> takes -> output/chNN/mix.wav -> output/chNN/episode.mp3

A stage whose inputs have not changed since its last run is skipped (its stamp matches).
"""
from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict
from pathlib import Path

from pipeline.text import attribution
from pipeline.text.cast import NARRATOR_ALIASES
from pipeline.publish import site as publish
from pipeline.qa import checks as qa
from pipeline.text.adapt import adapt_text
from pipeline.text.places import load_vocabulary
from pipeline.master.companions import write_chapters_json, write_transcript_vtt
from pipeline.core.files import exclusive_lock, read_text, remove_partials, write_text
from pipeline.master.mastering import EpisodeTags, master
from pipeline.mix.mixer import MixSettings, load_mix_settings, plan_timeline, render_mix, write_cues
from pipeline.core.project import Project
from pipeline.takes.render import RenderResult, render_takes
from pipeline.model.script import Script, as_performed, load_script, to_yaml
from pipeline.mix.sounds import SoundLibrary
from pipeline.model import casting as voices_module
from pipeline.model.casting import Cast

CODE_VERSION = "1"


def cast_characters(cast: Cast) -> dict[str, attribution.Character]:
    return {name: attribution.Character(name=name, aliases=tuple(member.aliases), gender=member.gender)
            for name, member in cast.characters.items()}


def load_casting(project: Project):
    return voices_module.load_casting(project.voices)


# ---------------------------------------------------------------- stage runners

def adapt_chapter(project: Project, chapter, force: bool = False) -> tuple[Path, bool]:
    """Write scripts/chNN.yaml from the chapter, unless it exists (producers edit it by hand).

    Characters the prose introduces that the cast does not know are added to voices/cast.yaml
    with a suggested voice, so the next stage can voice them.
    """
    script_path = project.script(chapter)
    if script_path.exists() and not force:
        return script_path, False
    chapter_path = project.chapter_text(chapter)
    text = read_text(chapter_path, "chapter")
    voices, cast, _ = load_casting(project)
    characters = known_and_new_characters(text, cast)
    # the producer's place words (sounds/places.yaml), checked against the beds the library has
    places = load_vocabulary(project.sounds / "places.yaml", SoundLibrary(project.sounds).names("ambience"))
    script = adapt_text(text, characters, title=chapter_title(project, chapter), places=places,
                        source=str(chapter_path.relative_to(project.root)) if chapter_path.is_relative_to(project.root)
                        else str(chapter_path))
    cast_new_speakers(script, characters, cast, voices)
    if script_path.exists():
        shutil.copy2(script_path, _free_backup_name(script_path))
    write_text(script_path, to_yaml(script))
    return script_path, True


def chapter_title(project: Project, chapter) -> str:
    return f"Chapter {project.chapter_number(chapter)}"


def known_and_new_characters(text: str, cast: Cast) -> dict[str, attribution.Character]:
    """The cast's characters, plus those found in the prose under none of their names."""
    known = cast_characters(cast)
    names = {n.lower() for c in known.values() for n in (c.name, *c.aliases)}
    found = attribution.discover_characters(text)
    for name, character in found.items():
        if not ({name.lower(), *(a.lower() for a in character.aliases)} & names):
            known[name] = character
    return known


def cast_new_speakers(script: Script, characters, cast: Cast, voices) -> list[str]:
    """Give every speaker the cast does not know a voice, and write them into cast.yaml."""
    added = []
    for scene in script.scenes:
        busy = {cast.voice_for(line.speaker) for line in scene.lines if line.voiced}
        for line in scene.lines:
            if not line.voiced or not line.speaker or line.speaker in cast.characters:
                continue
            character = characters.get(line.speaker)
            gender = character.gender if character and character.gender in ("M", "F", "U", "X") else "U"
            # the first-person narrator's own quotes ("I said") keep the narrator's voice
            narrating = character is not None and bool(set(character.aliases) & set(NARRATOR_ALIASES))
            voice = cast.narrator if narrating else voices_module.suggest_voice(cast, voices, gender, busy)
            aliases = [a for a in (character.aliases if character else ()) if a != line.speaker]
            voices_module.add_to_cast(cast, line.speaker, voices_module.CastMember(voice=voice, gender=gender,
                                                                                   aliases=aliases))
            busy.add(voice)
            added.append(line.speaker)
    return added


def unknown_genders(project: Project, chapter) -> str:
    """The chapter's speakers whose gender nothing in the text told (U), for the producer."""
    _, cast, _ = load_casting(project)
    script = load_script(project.script(chapter))
    unknown = sorted(s for s in script.speakers() if s in cast.characters and cast.characters[s].gender == "U")
    if not unknown:
        return ""
    return f"cast     gender unknown for {', '.join(unknown)}: set `gender: M` or `F` in voices/cast.yaml"


def _free_backup_name(path: Path) -> Path:
    number = 1
    while (candidate := path.with_name(f"{path.name}.bak{number}")).exists():
        number += 1
    return candidate


def render_chapter(project: Project, chapter, workers: int | None = None, progress=None) -> tuple[Script, RenderResult]:
    script = as_performed(load_script(project.script(chapter)))
    voices, cast, lexicon = load_casting(project)
    result = render_takes(script, cast, voices, lexicon, project.voices, project.take_cache, workers, progress)
    return script, result


def _stamp(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _fresh(stamp_path: Path, stamp: str, *outputs: Path) -> bool:
    try:
        return stamp_path.read_text() == stamp and all(p.exists() for p in outputs)
    except OSError:
        return False


def mix_chapter(project: Project, chapter, script: Script, result: RenderResult,
                settings: MixSettings | None = None) -> dict:
    settings = settings or load_mix_settings(project.root / "mix.yaml")
    out = project.episode_dir(chapter)
    voices, cast, _ = load_casting(project)
    pans = {name: (member.pan if member.pan is not None else voices[cast.voice_for(name)].pan)
            for name, member in cast.characters.items()}
    library = SoundLibrary(project.sounds if project.sounds.is_dir() else None)
    stamp = _stamp(CODE_VERSION, [t.key for t in result.takes], settings.model_dump(), pans,
                   script.title, [_scene_digest(s) for s in script.scenes], _library_fingerprint(project))
    mix_path, cues_path = out / "mix.wav", out / "cues.json"
    if _fresh(out / ".mix.stamp", stamp, mix_path, cues_path, out / "mix.json"):
        return {**json.loads((out / "mix.json").read_text()), "skipped": True, "stamp": stamp}
    cues = plan_timeline(script, result.takes, pans, library, settings)
    if not settings.stems:
        shutil.rmtree(out / "stems", ignore_errors=True)    # stems of an older mix would mislead
    summary = render_mix(cues, library, mix_path, out / "stems" if settings.stems else None, settings)
    write_cues(cues, cues_path)
    write_text(out / "mix.json", json.dumps(summary, indent=1) + "\n")
    write_text(out / ".mix.stamp", stamp)
    return {**summary, "skipped": False, "stamp": stamp}


def _library_fingerprint(project: Project) -> str:
    """Changes when the producer's sound files or the built-in generators change."""
    import sys
    digest = hashlib.sha256(Path(sys.modules[SoundLibrary.__module__].__file__).read_bytes())
    if project.sounds.is_dir():
        for path in sorted(p for p in project.sounds.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(project.sounds)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _scene_digest(scene) -> str:
    return hashlib.sha256(repr(scene).encode()).hexdigest()


def master_chapter(project: Project, chapter, script: Script, mixed: dict, fmt: str = "mp3") -> dict:
    """Master the mix, tag it, and write chapters.json and transcript.vtt beside it."""
    out = project.episode_dir(chapter)
    show = publish.load_config(project)
    number = project.chapter_number(chapter)
    cues = json.loads((out / "cues.json").read_text(encoding="utf-8"))
    chapters = tuple(scene_chapters(script, cues))
    configured = show.episodes.get(number)
    tags = EpisodeTags(title=(configured.title if configured and configured.title else script.title),
                       show=show.title, episode=number, author=show.author, year=str(show.year or ""),
                       description=(configured.description or "") if configured else "",
                       chapters=chapters, cover_jpeg=publish.site_cover(project, show))
    episode_path = out / f"episode.{fmt}"
    stamp = _stamp(CODE_VERSION, mixed["stamp"], {**asdict(tags), "cover_jpeg": hashlib.sha256(tags.cover_jpeg).hexdigest()}, fmt)
    if _fresh(out / f".master-{fmt}.stamp", stamp, episode_path, out / "loudness.json"):
        return json.loads((out / "loudness.json").read_text())
    figures = master(out / "mix.wav", episode_path, tags, mix_lufs=mixed.get("integrated_lufs"))
    write_chapters_json(list(chapters), out / "chapters.json")
    write_transcript_vtt(cues, out / "transcript.vtt")
    write_text(out / "loudness.json", json.dumps(figures, indent=1) + "\n")
    write_text(out / f".master-{fmt}.stamp", stamp)
    return figures


def check_chapter(project: Project, chapter, result: RenderResult, workers: int | None = None) -> dict:
    """qa.json: every take heard back and matched to its voice, clipping, silences and loudness;
    redone only for a new master."""
    out = project.episode_dir(chapter)
    episode = out / "episode.mp3"
    try:
        previous = json.loads((out / "qa.json").read_text(encoding="utf-8"))
        if previous.get("episode_sha256") == qa.file_sha256(episode) and previous.get("voice_check"):
            return {**previous, "lines_to_check": lines_to_check(project, chapter)}
    except (OSError, ValueError):
        pass
    cues = json.loads((out / "cues.json").read_text(encoding="utf-8"))
    speech = sorted((c for c in cues if c["kind"] == "speech"), key=lambda c: c["start"])
    pairs = [(cue, take.path) for cue, take in zip(speech, result.takes)]
    references = cast_references(project, [take.voice for take in result.takes], workers,
                                 [(take.voice, take.direction) for take in result.takes])
    report = qa.check_episode(out, pairs, [take.text for take in result.takes], workers=workers,
                              voices=[take.voice for take in result.takes], references=references,
                              directions=[take.direction for take in result.takes])
    # read from the script each time (not kept in qa.json): a producer who clears a line is not asked again
    return {**report, "lines_to_check": lines_to_check(project, chapter)}


def cast_references(project: Project, used: list[str], workers: int | None = None,
                    deliveries: list[tuple[str, str | None]] = ()) -> dict:
    """Reference embeddings of the voices a take could be confused with: the narrator's and those the
    episode uses (the characters who speak to each other). A take in a voice from outside the
    episode is caught as far from its own voice."""
    from pipeline.qa.voiceprint import voice_references
    voices, cast, _ = load_casting(project)
    names = [cast.narrator, *used]
    return voice_references(voices, [n for n in names if n in voices], project.voices, project.take_cache, workers,
                            sorted(set(deliveries), key=str))


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


def scene_chapters(script: Script, cues: list[dict]) -> list[tuple[float, float, str]]:
    """One chapter mark per scene: from its first cue (the intro belongs to the first)."""
    starts = []
    for scene in script.scenes:
        times = [c["start"] for c in cues if c["scene"] == scene.id and c["kind"] in ("speech", "sfx")]
        if times:
            title = scene.place.strip().capitalize() if scene.place else scene.id
            starts.append([min(times), title])
    if not starts:
        return []
    starts[0][0] = 0.0
    end = max(c["end"] for c in cues)
    return [(start, starts[i + 1][0] if i + 1 < len(starts) else end, title)
            for i, (start, title) in enumerate(starts)]


def make_episode(project: Project, chapter, workers: int | None = None, progress=None, log=print,
                 check: bool = True) -> dict:
    """All stages for one chapter; what is up to date is reused."""
    chapter_id = project.chapter_id(chapter)
    out = project.episode_dir(chapter)
    with exclusive_lock(project.output / "locks" / f"{chapter_id}.lock", f"a render of {chapter_id}"):
        remove_partials(project.output)
        script_path, written = adapt_chapter(project, chapter)
        log(f"script   {script_path.relative_to(project.root)} ({'written' if written else 'kept, edits preserved'})")
        log(check_message(lines_to_check(project, chapter)))
        if written and unknown_genders(project, chapter):
            log(unknown_genders(project, chapter))
        script, result = render_chapter(project, chapter, workers, progress)
        log(f"takes    {len(result.takes)} lines, {result.synthesized} synthesized, {result.reused} from cache")
        mixed = mix_chapter(project, chapter, script, result)
        log(f"mix      {out.relative_to(project.root)}/mix.wav ({'up to date' if mixed['skipped'] else 'mixed'})")
        figures = master_chapter(project, chapter, script, mixed)
        log(f"master   {out.relative_to(project.root)}/episode.mp3  {figures['duration_s'] / 60:.1f} min, "
            f"{figures['integrated_lufs']:.1f} LUFS, true peak {figures['true_peak_dbtp']:.1f} dBTP, "
            f"LRA {figures['loudness_range_lu']:.1f} LU")
        report = check_chapter(project, chapter, result) if check else None
        if report:
            log(qa.summary(report))
        return {"script": str(script_path), "synthesized": result.synthesized, "takes": len(result.takes),
                "mix": mixed, "master": figures, "qa": report, "episode": str(out / "episode.mp3")}
