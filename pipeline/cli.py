"""The command line: one subcommand per stage, each a thin shell over a plain function."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .errors import PipelineError


def _project(args):
    from .project import Project, find_project
    return Project(Path(args.project).resolve()) if args.project else find_project()


def _progress(total: int, label: str):
    """A rich progress bar when attached to a terminal, a quiet counter otherwise."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    progress = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        transient=True, disable=not sys.stderr.isatty())
    return progress


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
    from .episode import adapt_chapter
    project = _project(args)
    path, written = adapt_chapter(project, args.chapter, force=args.force)
    print(f"{path.relative_to(project.root)}: {'written' if written else 'exists, kept (use --force to regenerate; a backup is kept)'}")
    return 0


def cmd_render(args) -> int:
    from .episode import render_chapter
    project = _project(args)
    with _TakeProgress() as progress:
        _, result = render_chapter(project, args.chapter, args.jobs, progress)
    print(f"{len(result.takes)} takes: {result.synthesized} synthesized, {result.reused} from cache")
    return 0


def cmd_mix(args) -> int:
    from .episode import mix_chapter, render_chapter
    project = _project(args)
    script, result = render_chapter(project, args.chapter, args.jobs)
    if result.synthesized:
        print(f"({result.synthesized} missing takes were synthesized first)")
    summary = mix_chapter(project, args.chapter, script, result)
    print(f"{project.episode_dir(args.chapter).relative_to(project.root)}/mix.wav: "
          f"{'up to date' if summary['skipped'] else 'mixed, peak %.1f dBFS' % summary['peak_dbfs']}")
    return 0


def cmd_master(args) -> int:
    from .episode import master_chapter, mix_chapter, render_chapter
    project = _project(args)
    script, result = render_chapter(project, args.chapter, args.jobs)
    mixed = mix_chapter(project, args.chapter, script, result)
    figures = master_chapter(project, args.chapter, script, mixed["stamp"], fmt=args.format)
    print(json.dumps(figures, indent=1))
    return 0


def cmd_episode(args) -> int:
    from .episode import make_episode
    project = _project(args)
    with _TakeProgress() as progress:
        summary = make_episode(project, args.chapter, args.jobs, progress)
    print(f"episode  {summary['episode']}")
    return 0


def cmd_attribute(args) -> int:
    from . import attribution
    from .files import read_text
    text = read_text(Path(args.text), "text")
    characters = attribution.load_characters(Path(args.characters)) if args.characters else None
    for row in attribution.attribute_to_jsonl_rows(text, characters):
        print(json.dumps(row, ensure_ascii=False))
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
    attribute = sub.add_parser("attribute", help="print one JSON object per quote with its speaker")
    attribute.add_argument("text")
    attribute.add_argument("--characters", help="characters.json: {name: {aliases, gender}}")
    attribute.set_defaults(func=cmd_attribute)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except PipelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
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
