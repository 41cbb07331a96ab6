"""The command line, the only one: one subcommand per stage, each a thin shell over a plain function."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from pipeline.core.errors import PipelineError


def _project(args):
    from pipeline.core.project import Project, find_project
    return Project(Path(args.project).resolve()) if args.project else find_project()


class _TakeProgress:
    def __init__(self):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
        self.progress = Progress(TextColumn("takes"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                 transient=True, disable=not sys.stderr.isatty())
        self.task = None

    def __enter__(self):
        self.progress.__enter__()
        self.task = self.progress.add_task("takes", total=None)
        return self

    def __exit__(self, *exc):
        return self.progress.__exit__(*exc)

    def __call__(self, advance: int) -> None:
        self.progress.advance(self.task, advance)


def cmd_adapt(args) -> int:
    from pipeline.run.stages import adapt_chapter, script_notes
    project = _project(args)
    path, written = adapt_chapter(project, args.chapter, force=args.force)
    print(f"{path.relative_to(project.root)}: {'written' if written else 'exists, kept (use --force to regenerate; a backup is kept)'}")
    print("\n".join(script_notes(project, args.chapter, written)))
    return 0


def _stages(args, names: tuple[str, ...], progress=None, fmt: str = "mp3"):
    """Run some stages of the one list (run/stages.py) on the chapter given on the command line."""
    from pipeline.run.stages import ChapterRun, run_stages
    return run_stages(ChapterRun(_project(args), args.chapter, args.jobs, progress, fmt), names)


def cmd_render(args) -> int:
    with _TakeProgress() as progress:
        result = _stages(args, ("takes",), progress).takes
    print(f"{len(result.takes)} takes: {result.synthesized} synthesized, {result.reused} from cache")
    return 0


def cmd_mix(args) -> int:
    run = _stages(args, ("takes", "mix"))
    if run.takes.synthesized:
        print(f"({run.takes.synthesized} missing takes were synthesized first)")
    print(f"{run.project.mix(args.chapter).relative_to(run.project.root)}: "
          f"{'up to date' if run.mixed['skipped'] else 'mixed, peak %.1f dBFS' % run.mixed['peak_dbfs']}")
    return 0


def cmd_master(args) -> int:
    print(json.dumps(_stages(args, ("takes", "mix", "master"), fmt=args.format).mastered, indent=1))
    return 0


def cmd_episode(args) -> int:
    from pipeline.run.episode import make_episode
    project = _project(args)
    with _TakeProgress() as progress:
        summary = make_episode(project, args.chapter, args.jobs, progress)
    print(f"episode  {summary['episode']}")
    return 0


def cmd_season(args) -> int:
    from pipeline.run.season import make_season
    project = _project(args)
    scheduler = args.scheduler or os.environ.get("SCHEDULER") or None
    with _TakeProgress() as progress:
        results = make_season(project, scheduler, progress)
    print(f"season   {len(results)} episodes in {project.output.relative_to(project.root)}/")
    return 0


def cmd_publish(args) -> int:
    from pipeline.publish.site import build_site
    project = _project(args)
    site = build_site(project)
    print(f"site     {site.relative_to(project.root)}/ (feed.xml, index.html, one page per episode)")
    return 0


def cmd_qa(args) -> int:
    from pipeline.qa import checks as qa
    print(qa.summary(_stages(args, ("takes", "qa")).report))
    return 0


def _development_novels(args, command: str) -> Path:
    folder = Path(args.folder)
    if not folder.is_dir() or not (folder.parent / "score_attribution.py").exists():
        raise PipelineError(folder, None, "no development novels here",
                            f"`make {command}` needs ../shared/eval beside the project")
    return folder


def cmd_eval(args) -> int:
    from pipeline.text.evaluate import evaluate
    print(evaluate(_development_novels(args, "eval"), args.novels or None))
    return 0


def cmd_train(args) -> int:
    from pipeline.text.training import train
    print(train(_development_novels(args, "train")))
    return 0


def cmd_attribute(args) -> int:
    from pipeline.text import attribution, evaluate
    from pipeline.core.files import read_text
    text = read_text(Path(args.text), "text")
    characters = attribution.load_characters(Path(args.characters)) if args.characters else None
    for row in evaluate.attribute_to_jsonl_rows(text, characters):
        print(json.dumps(row, ensure_ascii=False))
    return 0


def cmd_voices_list(args) -> int:
    from pipeline.model.casting import load_casting
    from pipeline.qa.voiceprint import NEAR_DUPLICATE, nearest_voices, voice_profiles
    project = _project(args)
    voices, cast, _ = load_casting(project.voices)
    users = {}
    for character, member in cast.characters.items():
        users.setdefault(member.voice, []).append(character)
    users.setdefault(cast.narrator, []).insert(0, "(narrator)")
    # Each voice reads two sentences (kept in the take cache) to be measured and embedded.
    profiles = voice_profiles(voices, list(voices), project.voices, project.take_cache, args.jobs)
    nearest = nearest_voices(profiles)
    width = max([len(n) for n in voices] + [5])
    print(f"{'voice':{width}}  sex  age     pitch   nearest voice{'':{max(0, width - 13)}}  similarity  used by")
    for name, voice in voices.items():
        other, score = nearest[name]
        clash = "  (near duplicate)" if other and score >= NEAR_DUPLICATE else ""
        pitch = profiles[name].median_pitch_hz
        print(f"{name:{width}}  {voice.gender:3}  {getattr(voice, 'age', None) or '-':6} "
              f"{f'{pitch:4.0f} Hz' if pitch else '   - Hz'}  {other or '-':{max(width, 13)}}  "
              f"{score:10.2f}  {', '.join(users.get(name, [])) or '-'}{clash}")
    return 0


def cmd_voices_preview(args) -> int:
    from pipeline.takes.render import PREVIEW_TEXT, preview_voices
    from pipeline.model.casting import load_casting
    project = _project(args)
    voices, _, lexicon = load_casting(project.voices)
    names = args.names or list(voices)
    written = preview_voices(voices, names, args.text or PREVIEW_TEXT, lexicon, project.voices,
                             project.take_cache, Path(args.out), args.jobs)
    for path in written:
        print(path)
    return 0


def cmd_voices_design(args) -> int:
    from pipeline.takes.design import design_and_write
    project = _project(args)
    design = design_and_write(project, args.name, args.gender, args.age, description=args.description or "",
                              like=args.like, seed=args.seed, force=args.force, chapter=args.chapter)
    v = design.voice
    print(f"voices/{args.name}.yaml  {v.engine} {v.gender} {v.age}, median pitch {design.pitch_hz:.0f} Hz, "
          f"WER {design.wer:.2f}, nearest {design.nearest or '-'} at {design.similarity:.2f} "
          f"({design.candidates} candidates, {design.seconds:.1f} s)")
    return 0


def cmd_studio(args) -> int:
    from pipeline.studio.app import serve
    serve(_project(args), port=args.port)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pipeline", description="Prose chapter -> multi-voice audio drama episode.")
    parser.add_argument("--project", help="project folder (default: the nearest one with voices/ and chapters/)")
    sub = parser.add_subparsers(dest="command", required=True)

    def chapter_command(name, func, help_text):
        command = sub.add_parser(name, help=help_text)
        command.add_argument("chapter", help="chapter number, e.g. 1")
        command.add_argument("--jobs", type=int, default=None, help="synthesis processes (default: all cores)")
        command.set_defaults(func=func)
        return command

    adapt = sub.add_parser("adapt", help="chapter text -> scripts/chNN.yaml (never overwrites edits)")
    adapt.add_argument("chapter")
    adapt.add_argument("--force", action="store_true", help="regenerate, keeping a backup of the old script")
    adapt.set_defaults(func=cmd_adapt)
    chapter_command("render", cmd_render, "script -> one cached take per line")
    chapter_command("mix", cmd_mix, "takes -> output/chNN/mix.wav, stems and cues.json")
    master_cmd = chapter_command("master", cmd_master, "mix -> loudness-normalized, tagged episode")
    master_cmd.add_argument("--format", choices=("mp3", "m4a", "opus"), default="mp3")
    chapter_command("episode", cmd_episode, "every stage, reusing whatever is up to date")
    voices = sub.add_parser("voices", help="list the voices, or preview them side by side")
    voices_sub = voices.add_subparsers(dest="voices_command", required=True)
    listing = voices_sub.add_parser("list", help="every voice with its sex, age, median pitch, nearest other voice "
                                    "(speaker-embedding similarity) and who uses it")
    listing.add_argument("--jobs", type=int, default=None)
    listing.set_defaults(func=cmd_voices_list)
    preview = voices_sub.add_parser("preview", help="DIR/<voice>.wav for each voice reading the same text")
    preview.add_argument("names", nargs="*", help="voices to preview (default: all)")
    preview.add_argument("--text", help="what they read (default: a short sentence)")
    preview.add_argument("--out", required=True, help="folder for the WAV files")
    preview.add_argument("--jobs", type=int, default=None)
    preview.set_defaults(func=cmd_voices_preview)
    design = voices_sub.add_parser("design", help="voices/NAME.yaml: a new voice as far as it can be from the cast")
    design.add_argument("name", help="the voice's name (its file voices/NAME.yaml)")
    design.add_argument("--gender", required=True, choices=("F", "M", "X"))
    design.add_argument("--age", default="adult", choices=("child", "teen", "young", "adult", "old"))
    design.add_argument("--description", help="a few words kept in the file; 'old', 'little'... set the age")
    design.add_argument("--like", help="start near this voice")
    design.add_argument("--seed", type=int, default=None, help="another roll of the dice (default 0)")
    design.add_argument("--force", action="store_true", help="replace a hand-written voice of that name")
    design.add_argument("--chapter", type=int, help="keep farthest from the voices heard in this chapter's episode")
    design.set_defaults(func=cmd_voices_design)
    sub.add_parser("publish", help="output/site/: podcast feed, pages and media of every episode").set_defaults(func=cmd_publish)
    chapter_command("qa", cmd_qa, "check an episode: each take heard back, clipping, silences, loudness")
    season = sub.add_parser("season", help="every chapter in chapters/ into its episode")
    season.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 (default: $SCHEDULER, else local)")
    season.set_defaults(func=cmd_season)
    studio = sub.add_parser("studio", help="the studio: review, fix and re-render line by line in a browser")
    studio.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (default 8765)")
    studio.set_defaults(func=cmd_studio)
    attribute = sub.add_parser("attribute", help="print one JSON object per quote with its speaker")
    attribute.add_argument("text")
    attribute.add_argument("--characters", help="characters.json: {name: {aliases, gender}}")
    attribute.set_defaults(func=cmd_attribute)
    evaluation = sub.add_parser("eval", help="score quote attribution on development novels (make eval)")
    evaluation.add_argument("folder", nargs="?", default="../shared/eval/pdnc", help="the PDNC folder")
    evaluation.add_argument("novels", nargs="*", help="only these novels (default: all)")
    evaluation.set_defaults(func=cmd_eval)
    training = sub.add_parser("train", help="fit the speaker ranking on development novels (make train)")
    training.add_argument("folder", nargs="?", default="../shared/eval/pdnc", help="the PDNC folder")
    training.set_defaults(func=cmd_train)
    return parser


def _relative(error: PipelineError, args) -> PipelineError:
    """Name files as the user sees them: relative to the project folder when inside it."""
    if error.path and os.path.isabs(error.path):
        try:
            root = _project(args).root
            error.path = str(Path(error.path).relative_to(root))
        except (ValueError, OSError):
            pass
    return error


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except PipelineError as exc:
        print(f"error: {_relative(exc, args)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: finished files are kept; run the same command again to resume", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the user gets one line, developers set PIPELINE_DEBUG
        if os.environ.get("PIPELINE_DEBUG"):
            raise
        print(f"internal error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''} "
              "— please report it; PIPELINE_DEBUG=1 shows the traceback", file=sys.stderr)
        return 1
