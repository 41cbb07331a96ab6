"""What the studio's pages show, assembled from the stages' own files and functions.

A line joins four sources: the script (what is written), the take plan (which take file it
sounds like now), cues.json (where the last render placed it) and qa.json (what QA heard).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pipeline.core.errors import PipelineError
from pipeline.core.project import Project
from pipeline.model.casting import Voice, load_casting
from pipeline.model import timeline
from pipeline.model.script import Script, as_performed, load_script
from pipeline.qa import checks as qa
from pipeline.studio.edits import blend_fields, line_id
from pipeline.takes.render import plan_takes

TAKE_KEY = re.compile(r"^[0-9a-f]{64}$")


def shown(project: Project, path: Path) -> str:
    """A path as the producer sees it in messages: relative to the project."""
    try:
        return str(path.relative_to(project.root))
    except ValueError:
        return str(path)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def chapter_numbers(project: Project) -> list[int]:
    numbers = set()
    for folder, suffix in ((project.chapters, ".txt"), (project.scripts, ".yaml")):
        if folder.is_dir():
            for path in folder.glob(f"ch*{suffix}"):
                match = re.fullmatch(r"ch0*(\d{1,4})", path.stem)
                if match:
                    numbers.add(int(match.group(1)))
    return sorted(numbers)


def verdict(report: dict | None) -> str | None:
    """QA's verdict, as its summary words it (one home for what blocks publishing)."""
    if not report:
        return None
    last = qa.summary(report).splitlines()[-1]
    return last.removeprefix("verdict").strip()


def chapter_summary(project: Project, number: int) -> dict:
    script_path = project.script(number)
    title, problem = f"Chapter {number}", None
    if script_path.exists():
        try:
            title = load_script(script_path).title
        except PipelineError as exc:
            exc.path = shown(project, script_path)
            problem = str(exc)
    loudness = _read_json(project.loudness(number)) or {}
    report = _read_json(project.qa_report(number))
    rendered = project.episode(number).is_file()
    return {"chapter": number, "title": title, "script": script_path.exists(), "rendered": rendered,
            "duration_s": loudness.get("duration_s") if rendered else None,
            "integrated_lufs": loudness.get("integrated_lufs") if rendered else None,
            "true_peak_dbtp": loudness.get("true_peak_dbtp") if rendered else None,
            "verdict": verdict(report) if rendered else None,
            "mean_wer": report.get("mean_wer") if rendered and report else None,
            "problem": problem}


def _performed_positions(script: Script) -> dict[int, int]:
    """id() of each written voiced line -> its position among the performed voiced lines,
    which is the order of the speech cues in cues.json."""
    written = {id(line) for scene in script.scenes for line in scene.lines}
    positions, position = {}, 0
    for _, line in as_performed(script).voiced_lines():
        if id(line) in written:
            positions[id(line)] = position
        position += 1
    return positions


def _speech_cues(project: Project, number: int, expected: int) -> list[dict] | None:
    try:
        speech = [cue.public() for cue in timeline.speech(timeline.read_cues(project.cues(number)))]
    except PipelineError:
        return None
    # cues of a render made before lines were added or removed would point at the wrong lines
    return speech if len(speech) == expected else None


def _qa_by_start(project: Project, number: int) -> tuple[dict[float, dict], dict]:
    report = _read_json(project.qa_report(number)) or {}
    entries = {}
    for entry in report.get("lines", []) if isinstance(report, dict) else []:
        if isinstance(entry, dict) and "start_s" in entry:
            entries[round(float(entry["start_s"]), 3)] = entry
    return entries, report.get("thresholds", {}) if isinstance(report, dict) else {}


def take_plan(project: Project, script: Script) -> tuple[dict[tuple[str, int], Any], str | None]:
    """(scene id, line index) -> the take the line sounds like now; and why there is none."""
    voices, cast, lexicon = load_casting(project.voices)
    try:
        takes, _ = plan_takes(script, cast, voices, lexicon, project.voices, project.take_cache)
    except PipelineError as exc:
        if exc.path:
            exc.path = shown(project, Path(exc.path)) if Path(exc.path).is_absolute() else exc.path
        return {}, str(exc)
    return {(t.scene, t.index): t for t in takes}, None


def takes_to_synthesize(project: Project, script: Script) -> int:
    """How many takes a render of `script` will synthesize (its progress counts these)."""
    voices, cast, lexicon = load_casting(project.voices)
    return len(plan_takes(as_performed(script), cast, voices, lexicon, project.voices, project.take_cache)[1])


def chapter_script(project: Project, number: int) -> Script:
    path = project.script(number)
    if not path.exists():
        raise PipelineError(shown(project, path), None, "this chapter has no script yet",
                            "render it once (make episode) or run `python -m pipeline adapt`")
    script = load_script(path)
    return script


def chapter_lines(project: Project, number: int, script: Script) -> tuple[list[dict], str | None]:
    """Every line of the script with its take, its place in the episode and QA's flags."""
    takes, problem = take_plan(project, script)
    positions = _performed_positions(script)
    speech = _speech_cues(project, number, len(list(as_performed(script).voiced_lines())))
    heard, thresholds = _qa_by_start(project, number)
    wer_flag = thresholds.get("wer_flag")
    rows = []
    for scene in script.scenes:
        for index, line in enumerate(scene.lines):
            speaker = line.speaker or ("narrator" if line.kind == "narration" or line.voiced else None)
            row = {"id": line_id(scene.id, index), "scene": scene.id, "kind": line.kind, "speaker": speaker,
                   "text": line.text if line.kind not in ("sfx", "music") else "", "name": line.name,
                   "direction": line.direction, "thought": line.thought,
                   "check": bool(getattr(line, "check", False)), "how": getattr(line, "how", None),
                   "source_line": line.source_line, "voice": None, "take_url": None, "pending": False,
                   "start_s": None, "end_s": None, "qa": None}
            take = takes.get((scene.id, index))
            if take is not None:
                row["voice"] = take.voice
                if take.duration_s:
                    row["take_url"] = f"/api/takes/{take.key}.wav"
                else:
                    row["pending"] = True       # the next render synthesizes it
            if line.voiced and speech is not None and id(line) in positions:
                cue = speech[positions[id(line)]]
                row["start_s"], row["end_s"] = round(cue["start"], 3), round(cue["end"], 3)
                entry = heard.get(round(cue["start"], 3))
                if entry and entry.get("text") == line.text:
                    row["qa"] = {k: v for k, v in entry.items() if k not in ("start_s", "end_s", "speaker", "text")}
                    if wer_flag is not None and entry.get("wer") is not None:
                        row["qa"]["wer_flagged"] = entry["wer"] > wer_flag
            rows.append(row)
    return rows, problem


def chapter_detail(project: Project, number: int) -> dict:
    script = chapter_script(project, number)
    _, problem = take_plan(project, script)
    return {**chapter_summary(project, number), "speech_tags": script.speech_tags,
            "scenes": [{"id": s.id, "place": s.place, "ambience": s.ambience, "layers": list(s.layers)}
                       for s in script.scenes],
            "episode_url": f"/api/chapters/{number}/{project.episode(number).name}" if project.episode(number).is_file() else None,
            "problem": problem}


# ---------------------------------------------------------------- cast

def tunable_fields() -> list[dict]:
    """The voice settings a producer may adjust, with their limits, from the Voice model itself."""
    fields = []
    schema = Voice.model_json_schema()
    definitions = schema.get("$defs", {})

    def numeric(props: dict, prefix: str = "") -> None:
        for name, spec in props.items():
            if "$ref" in spec:
                numeric(definitions[spec["$ref"].split("/")[-1]].get("properties", {}), f"{prefix}{name}.")
            elif spec.get("type") in ("number", "integer") and "minimum" in spec and "maximum" in spec \
                    and name != "seed":
                fields.append({"key": f"{prefix}{name}", "kind": "number", "min": spec["minimum"], "max": spec["maximum"],
                               "default": spec.get("default")})

    numeric(schema.get("properties", {}))
    return fields + [{"key": name, "kind": "blend"} for name in blend_fields()]


def voice_settings(voice: Voice) -> dict:
    """A voice's settings, eq's flattened to `eq.presence_db`; a blend stays one mapping."""
    data = voice.model_dump()
    flat = {}
    blends = set(blend_fields())
    for key, value in data.items():
        if isinstance(value, dict) and key not in blends:
            flat.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            flat[key] = value
    return flat


def cast_view(project: Project) -> dict:
    voices, cast, _ = load_casting(project.voices)
    users: dict[str, list[str]] = {}
    for name in cast.characters:
        users.setdefault(cast.voice_for(name), []).append(name)
    characters = [{"name": "narrator", "voice": cast.narrator, "gender": voices[cast.narrator].gender, "aliases": []}]
    characters += [{"name": name, "voice": cast.voice_for(name), "gender": member.gender,
                    "aliases": list(member.aliases)} for name, member in cast.characters.items()]
    return {"narrator": cast.narrator, "characters": characters,
            "voices": [{"name": name, "engine": v.engine, "model": v.model, "speaker": v.speaker, "gender": v.gender,
                        "description": v.description, "settings": voice_settings(v),
                        "used_by": (["narrator"] if name == cast.narrator else []) + users.get(name, [])}
                       for name, v in voices.items()],
            "fields": tunable_fields()}


def close_voices(project: Project) -> list[dict]:
    """Each voice with the voice it sounds most like (speaker-embedding similarity, as
    `voices list` measures it), closest pairs first."""
    from pipeline.qa.voiceprint import NEAR_DUPLICATE, nearest_voices, voice_profiles
    voices, _, _ = load_casting(project.voices)
    profiles = voice_profiles(voices, list(voices), project.voices, project.take_cache)
    rows = [{"voice": name, "nearest": other, "similarity": round(float(score), 3),
             "near_duplicate": bool(other) and score >= NEAR_DUPLICATE,
             "median_pitch_hz": profiles[name].median_pitch_hz}
            for name, (other, score) in nearest_voices(profiles).items()]
    return sorted(rows, key=lambda row: -row["similarity"])
