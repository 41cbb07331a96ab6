"""Quality check of a rendered episode, written to output/chNN/qa.json.

What a listener would notice, measured rather than guessed:
  - lines the voice got wrong: each take is transcribed back (pocketsphinx, its bundled US English
    model) and compared with the script; a word error rate above 0.5 flags the line;
  - clipping: decoded samples at full scale;
  - dead air: stretches under -60 dBFS longer than 2.5 s that no scripted pause explains;
  - who speaks: each take is embedded (pipeline/qa/speaker.py) and compared with its own voice's
    reference and the other voices of the episode (pipeline/qa/voiceprint.py); a take closer to
    another voice, or far from its own, is flagged with its time;
  - loudness, true peak and loudness range of the file as published.
"""
from __future__ import annotations

import json
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Sequence

import numpy as np

from pipeline.core import audio
from pipeline.core.errors import PipelineError
from pipeline.core.files import file_sha256, write_text
from pipeline.core.project import Project
from pipeline.core.timefmt import minutes_clock
from pipeline.core.versions import code_version
from pipeline.model.timeline import Cue, read_cues
from pipeline.qa import voiceprint
from pipeline.qa.recognizer import recognizer_version, transcribe, word_error_rate

WER_FLAG = 0.5


def qa_rules() -> str:
    """The version of the rules that decide a verdict (the QA code's own digest): a report made
    under other rules is made again, not reused."""
    return code_version("pipeline.qa")


CLIP_LEVEL = 0.999
SILENCE_DBFS = -60.0
SILENCE_WINDOW_S = 0.05
SILENCE_MIN_S = 2.5
# Below this much speech a process pool costs more (spawning, loading the model twice) than it saves.
POOL_MIN_SPEECH_S = 30.0


# ---------------------------------------------------------------- transcription (runs in workers)

def transcribe_take(path: str) -> tuple[str, float]:
    """(what the recognizer heard, seconds of audio) for one take WAV."""
    samples, rate = audio.read_wav(Path(path))
    return transcribe(samples, rate), samples.shape[0] / rate


def usable_cores() -> int:
    # The cores this process may run on (a container or taskset can allow fewer than the machine has).
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def transcribe_all(paths: Sequence[Path], workers: int | None = None) -> tuple[list[tuple[str, float]], int]:
    """Transcribe takes, in parallel over the cores when there is enough speech to pay for it.

    A take of the cache is heard once: what the recogniser heard is kept beside it (keyed by
    the take's checksum and the recogniser's version), so a re-run after one voice changed
    transcribes only that voice's new takes.
    """
    if not paths:
        return [], 0
    known = {p: heard_before(Path(p)) for p in paths}
    todo = [p for p in paths if known[p] is None]
    fresh, used = _transcribe(todo, workers)
    for path, heard in zip(todo, fresh):
        remember_heard(Path(path), heard)
        known[path] = heard
    return [known[p] for p in paths], used


def _transcribe(paths: Sequence[Path], workers: int | None) -> tuple[list[tuple[str, float]], int]:
    if not paths:
        return [], 0
    speech_s = sum(max(0, p.stat().st_size - 44) / (2 * audio.SAMPLE_RATE) for p in paths)
    workers = min(workers or usable_cores(), len(paths))
    if workers <= 1 or speech_s < POOL_MIN_SPEECH_S:
        return [transcribe_take(str(p)) for p in paths], 1
    import multiprocessing
    # spawn, not fork: the caller may hold onnxruntime thread pools, which fork can deadlock.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        chunk = max(1, len(paths) // (workers * 4))
        return list(pool.map(transcribe_take, [str(p) for p in paths], chunksize=chunk)), workers


def _take_checksum(take: Path) -> str | None:
    """The checksum the take cache keeps beside a take; None for any other WAV."""
    try:
        meta = json.loads(take.with_suffix(".json").read_text(encoding="utf-8"))
        return meta.get("sha256") if isinstance(meta, dict) else None
    except (OSError, ValueError):
        return None


def heard_before(take: Path) -> tuple[str, float] | None:
    checksum = _take_checksum(take)
    if checksum is None:
        return None
    try:
        record = json.loads(take.with_suffix(".heard.json").read_text(encoding="utf-8"))
        if record["take_sha256"] == checksum and record["recognizer"] == recognizer_version():
            return str(record["heard"]), float(record["duration_s"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def remember_heard(take: Path, heard: tuple[str, float]) -> None:
    checksum = _take_checksum(take)
    if checksum is not None:
        write_text(take.with_suffix(".heard.json"), json.dumps(
            {"take_sha256": checksum, "recognizer": recognizer_version(), "heard": heard[0],
             "duration_s": heard[1]}))


# ---------------------------------------------------------------- signal checks

def clipped_samples(samples: np.ndarray) -> tuple[int, list[float]]:
    """Count of samples (over all channels) at full scale, and the first few times in seconds."""
    hits = np.abs(samples) >= CLIP_LEVEL
    count = int(np.count_nonzero(hits))
    frames = np.flatnonzero(hits.any(axis=1)) if hits.ndim == 2 else np.flatnonzero(hits)
    return count, [round(int(f) / audio.SAMPLE_RATE, 3) for f in frames[:5]]


def silent_stretches(samples: np.ndarray, rate: int = audio.SAMPLE_RATE) -> list[tuple[float, float]]:
    """(start_s, end_s) of runs of 50 ms windows under -60 dBFS RMS lasting over 2.5 s."""
    return _silent_runs(_quiet_windows(samples, rate))


def _quiet_windows(samples: np.ndarray, rate: int = audio.SAMPLE_RATE) -> np.ndarray:
    """For each whole 50 ms window of the samples: whether it is under -60 dBFS RMS."""
    window = int(rate * SILENCE_WINDOW_S)
    count = samples.shape[0] // window
    if count == 0:
        return np.zeros(0, dtype=bool)
    frames = samples[: count * window].reshape(count, window, -1)
    # einsum sums the squares without a full-length temporary
    rms = np.sqrt(np.einsum("ijk,ijk->i", frames, frames, dtype=np.float64) / (window * frames.shape[2]))
    return 20 * np.log10(np.maximum(rms, 1e-12)) < SILENCE_DBFS


def signal_checks(path: Path) -> tuple[float, int, list[float], list[tuple[float, float]]]:
    """Duration, clipped samples (and the first few times) and silent stretches of an encoded file.

    Decoded ten seconds at a time, so memory stays flat for any length: decoded whole, a
    14-minute episode took 750 MB here, and an hour three times that.
    """
    window = int(audio.SAMPLE_RATE * SILENCE_WINDOW_S)
    frames, clips, first, quiet = 0, 0, [], []
    for block in audio.decode_blocks(path, block=window * 200):
        count, times = clipped_samples(block)
        clips += count
        first += [round(t + frames / audio.SAMPLE_RATE, 3) for t in times][:5 - len(first)]
        quiet.append(_quiet_windows(block))
        frames += block.shape[0]
    runs = _silent_runs(np.concatenate(quiet) if quiet else np.zeros(0, dtype=bool))
    return frames / audio.SAMPLE_RATE, clips, first, runs


def _silent_runs(quiet: np.ndarray) -> list[tuple[float, float]]:
    edges = np.diff(np.concatenate([[0], quiet.astype(np.int8), [0]]))
    runs = zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1))
    return [(round(float(a * SILENCE_WINDOW_S), 3), round(float(b * SILENCE_WINDOW_S), 3)) for a, b in runs
            if (b - a) * SILENCE_WINDOW_S > SILENCE_MIN_S]


def scripted_pauses(cues: list[Cue]) -> list[tuple[float, float]]:
    """Time spans where the script asks for silence: a line with `pause_s` and the pause after it.

    The span starts at the line itself because a take's own quiet tail runs into the pause.
    """
    return [(float(cue.start), float(cue.end) + cue.pause_s + 0.5) for cue in cues
            if cue.kind == "speech" and cue.pause_s]


# ---------------------------------------------------------------- the check

def check_episode(project: Project, chapter, takes: list[tuple[Cue, Path | None]],
                  script_texts: Sequence[str | None] | None = None, workers: int | None = None,
                  voices: Sequence[str] | None = None, references: dict[str, np.ndarray] | None = None,
                  directions: Sequence[str | None] | None = None) -> dict:
    """Check a chapter's episode, its alternate formats and its takes; write and return qa.json.

    `takes` pairs each speech cue with its take WAV; `script_texts`, when given, is the script's
    text for each pair (the cue's own text is used where it is None or not given). With `voices`
    (the voice of each pair), `references` (voiceprint.voice_references) and optionally `directions`
    (each line's delivery), every voiced line also gets its `voice_match`.
    """
    episode = project.episode(chapter)
    if not episode.is_file():
        raise PipelineError(episode, None, f"{episode.name} is missing", "render the episode first (make episode)")
    if script_texts is not None and len(script_texts) != len(takes):
        raise ValueError("script_texts must have one entry per take")
    if voices is not None and len(voices) != len(takes):
        raise ValueError("voices must have one entry per take")
    cues = read_cues(project.cues(chapter))

    lines, missing, present = [], [], []
    for index, (cue, take_path) in enumerate(takes):
        text = (script_texts[index] if script_texts is not None else None) or cue.text or ""
        entry = {"start_s": round(float(cue.start), 3), "end_s": round(float(cue.end), 3),
                 "speaker": cue.speaker, "text": text}
        if voices is not None:
            entry["voice"] = voices[index]
            if directions is not None and directions[index]:
                entry["direction"] = directions[index]
        if take_path is None or not Path(take_path).is_file():
            missing.append({**entry, "take": str(take_path)})
        elif text.strip():
            lines.append(entry)
            present.append(Path(take_path))

    started = time.perf_counter()
    heard, used_workers = transcribe_all(present, workers)
    elapsed_s = time.perf_counter() - started
    speech_s = 0.0
    for entry, (hypothesis, duration_s) in zip(lines, heard):
        entry["heard"] = hypothesis
        entry["wer"] = round(word_error_rate(entry["text"], hypothesis), 3)
        speech_s += duration_s
    voice_check = _match_voices(lines, present, references)

    duration_s, clip_count, clip_times, stretches = signal_checks(episode)
    pauses = scripted_pauses(cues)
    silences = [{"start_s": a, "end_s": b, "duration_s": round(b - a, 3)} for a, b in stretches
                if not any(p0 <= a and b <= p1 for p0, p1 in pauses)]
    loudness = audio.measure_file(episode)

    report = {
        "qa_rules": qa_rules(),
        "chapter": project.chapter_id(chapter),
        "episode": episode.name,
        "episode_sha256": file_sha256(episode),
        "duration_s": round(duration_s, 3),
        "loudness": {key: round(float(value), 2) for key, value in loudness.items()},
        "alternates": {path.suffix[1:]: measure_alternate(path, duration_s) for path in project.alternates(chapter)},
        "clipped_samples": clip_count,
        "clipped_first_s": clip_times,
        "silences": silences,
        "lines_checked": len(lines),
        "mean_wer": round(float(np.mean([e["wer"] for e in lines])), 3) if lines else None,
        "flagged_lines": [e for e in lines if e["wer"] > WER_FLAG],
        "missing_takes": missing,
        "voice_flagged_lines": [e for e in lines if "voice_problem" in e],
        "voice_check": voice_check,
        "lines": lines,
        "transcription": {
            "speech_s": round(speech_s, 2), "elapsed_s": round(elapsed_s, 2), "workers": used_workers,
            "s_per_speech_min": round(elapsed_s / (speech_s / 60), 2) if speech_s else None,
        },
        "thresholds": {"wer_flag": WER_FLAG, "clip_level": CLIP_LEVEL, "silence_dbfs": SILENCE_DBFS,
                       "silence_min_s": SILENCE_MIN_S, "voice_far_from_own": voiceprint.FAR_FROM_OWN,
                       "voice_min_judged_s": voiceprint.MIN_JUDGED_S,
                       "voice_short_take_s": voiceprint.SHORT_TAKE_S, "voice_short_take_margin": voiceprint.SHORT_TAKE_MARGIN},
    }
    write_text(project.qa_report(chapter), json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    return report


def _match_voices(lines: list[dict], takes: list[Path], references: dict[str, np.ndarray] | None) -> dict | None:
    """Add voice_match (and any voice_problem) to each line that has a voice with a reference."""
    if not references:
        return None
    judged = [i for i, entry in enumerate(lines) if entry.get("voice") in references]
    started = time.perf_counter()
    matches = voiceprint.match_takes([takes[i] for i in judged], [lines[i]["voice"] for i in judged], references,
                                     [lines[i].get("direction") for i in judged])
    for i, match in zip(judged, matches):
        lines[i].update(match)
    scores = [m["voice_match"] for m in matches]
    return {"lines_matched": len(judged), "references": sorted(references),
            "mean_voice_match": round(float(np.mean(scores)), 3) if scores else None,
            "min_voice_match": round(float(np.min(scores)), 3) if scores else None,
            "elapsed_s": round(time.perf_counter() - started, 2)}


# An alternate format whose length differs from the MP3's by more than this was cut short or padded.
ALTERNATE_DURATION_TOLERANCE_S = 0.5


def measure_alternate(path: Path, main_duration_s: float) -> dict:
    """Loudness, true peak and duration of an alternate format (M4A, Opus), against the MP3's duration."""
    duration_s, clip_count, _, _ = signal_checks(path)
    return {"sha256": file_sha256(path), "size_bytes": path.stat().st_size, "duration_s": round(duration_s, 3),
            "duration_diff_s": round(duration_s - main_duration_s, 3), "clipped_samples": clip_count,
            "loudness": {key: round(float(value), 2) for key, value in audio.measure_file(path).items()}}


# ---------------------------------------------------------------- for people

def _quote(text: str, limit: int = 48) -> str:
    text = " ".join(str(text).split())
    return f"\"{text[:limit - 1]}…\"" if len(text) > limit else f"\"{text}\""


def lines_in_another_voice(qa: dict | None) -> list[dict]:
    """The flagged lines heard closer to another voice than to their own (the verdict's blockers)."""
    return [e for e in (qa or {}).get("voice_flagged_lines", []) if "closer to" in e.get("voice_problem", "")]


def summary(qa: dict) -> str:
    """Five to eight lines a producer can read at a glance, ending with whether it may be published."""
    loud = qa.get("loudness", {})
    out = [f"QA {qa.get('chapter', '')}/{qa.get('episode', '')}: {qa.get('duration_s', 0) / 60:.1f} min, "
           f"{loud.get('integrated_lufs', float('nan')):.1f} LUFS, true peak {loud.get('true_peak_dbtp', float('nan')):.1f} dBTP, "
           f"LRA {loud.get('loudness_range_lu', float('nan')):.1f} LU"]
    alternates = qa.get("alternates") or {}
    for fmt, alt in alternates.items():
        out[0] += (f"; {fmt} {alt['loudness'].get('integrated_lufs', float('nan')):.1f} LUFS, "
                   f"{alt['loudness'].get('true_peak_dbtp', float('nan')):.1f} dBTP, {alt['duration_diff_s']:+.2f} s")
    flagged = qa.get("flagged_lines", [])
    mean = qa.get("mean_wer")
    out.append(f"speech   {qa.get('lines_checked', 0)} lines transcribed back, "
               f"mean WER {'n/a' if mean is None else f'{mean:.2f}'}, {len(flagged)} over {WER_FLAG}")
    for entry in flagged[:2]:
        out.append(f"  {minutes_clock(entry['start_s'])} {entry.get('speaker') or 'narrator'}: {_quote(entry['text'])} "
                   f"heard {_quote(entry.get('heard', ''), 32)} (WER {entry['wer']:.2f})")
    clipped = qa.get("clipped_samples", 0)
    out.append("clipping none" if not clipped else
               f"clipping {clipped} samples at full scale, first at {minutes_clock(qa['clipped_first_s'][0])}")
    silences = qa.get("silences", [])
    out.append("silence  none over 2.5 s" if not silences else
               f"silence  {len(silences)} unscripted: " + ", ".join(
                   f"{minutes_clock(s['start_s'])} ({s['duration_s']:.1f} s)" for s in silences[:3]))
    voice_check = qa.get("voice_check")
    wrong_voice = lines_in_another_voice(qa)
    far_voice = [e for e in qa.get("voice_flagged_lines", []) if e not in wrong_voice]
    if voice_check:
        mean_match = voice_check.get("mean_voice_match")
        out.append(f"voices   {voice_check['lines_matched']} lines matched to their voice, mean similarity "
                   f"{'n/a' if mean_match is None else f'{mean_match:.2f}'}, {len(wrong_voice)} closer to another voice, "
                   f"{len(far_voice)} far from their own")
        for entry in (wrong_voice + far_voice)[:2]:
            out.append(f"  {minutes_clock(entry['start_s'])} {entry.get('speaker') or 'narrator'}: "
                       f"{_quote(entry['text'], 36)} {entry['voice_problem']}")
    timing = qa.get("transcription", {})
    if timing.get("s_per_speech_min"):
        out.append(f"timing   {timing['s_per_speech_min']:.1f} s per minute of speech on {timing['workers']} process(es)")
    missing = qa.get("missing_takes", [])
    blockers = ([f"{clipped} clipped samples"] if clipped else []) + \
        ([f"{len(missing)} missing take(s), first at {minutes_clock(missing[0]['start_s'])}"] if missing else []) + \
        alternate_problems(alternates) + \
        ([f"{len(wrong_voice)} line(s) in another character's voice, first at {minutes_clock(wrong_voice[0]['start_s'])}"]
         if wrong_voice else [])
    # A take far from its own voice (a whisper, a shout) may be right: it is counted, not a blocker.
    notes = (f" ({len(far_voice)} line(s) far from their voice, first at {minutes_clock(far_voice[0]['start_s'])})"
             if far_voice else "")
    to_check = (qa.get("lines_to_check") or {}).get("lines") or []
    unsure = f"; {len(to_check)} lines to check in {qa['lines_to_check']['script']}: lines " + \
        ", ".join(str(n) for n in to_check) if to_check else ""
    out.append(("verdict  publishable" if not blockers else "verdict  NOT publishable: " + ", ".join(blockers))
               + notes + unsure)
    return "\n".join(out)


def alternate_problems(alternates: dict) -> list[str]:
    """What keeps an alternate format from being published: clipping, or a length that is not the MP3's."""
    problems = []
    for fmt, alt in alternates.items():
        if alt.get("clipped_samples"):
            problems.append(f"{fmt}: {alt['clipped_samples']} clipped samples")
        if abs(alt.get("duration_diff_s", 0.0)) > ALTERNATE_DURATION_TOLERANCE_S:
            problems.append(f"{fmt}: {alt['duration_diff_s']:+.2f} s against the MP3")
    return problems
