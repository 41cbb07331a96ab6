"""`make bench`: the speed and memory figures of the pipeline on this machine.

Writes output/bench.json and prints a table. Each figure is measured on a fresh copy of
the project in a temp folder, so the user's output/ and cache are never touched.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.project import Project  # noqa: E402

TARGETS = {"cold_ratio": ("<=", 0.65), "noop_rerun_s": ("<=", 2.0), "voice_tweak_fraction_ok": ("==", True),
           "mix_master_60min_s": ("<=", 40.0), "peak_rss_mb": ("<=", 1024.0), "season_speedup": (">=", 1.7)}


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


def tts_raw_s(project: Project, threads: int | None = None) -> float:
    """Every voiced line of chapter 1 through its voice's engine in one process, nothing else.

    Engines are loaded before the clock starts and run with onnxruntime's default of one
    thread per core, as a script calling piper or Kokoro directly would.
    """
    from pipeline.engines import PiperEngine, SynthesisRequest
    from pipeline.episode import adapt_chapter, load_casting
    from pipeline.kokoro import KokoroEngine
    from pipeline.script import load_script
    from pipeline.voices import resolve_model
    adapt_chapter(project, 1)
    voices, cast, lexicon = load_casting(project)
    script = load_script(project.script(1))
    threads = threads or os.cpu_count() or 1
    engines, work = {}, []
    for _, line in script.voiced_lines():
        voice = voices[cast.voice_for(line.speaker)]
        model = resolve_model(voice, project.voices)
        if (voice.engine, model) not in engines:
            engines[voice.engine, model] = (PiperEngine(model, threads) if voice.engine == "piper"
                                            else KokoroEngine(None, threads))
        work.append((engines[voice.engine, model], SynthesisRequest(lexicon.apply(line.text), speaker=voice.speaker)))
    start = time.perf_counter()
    for engine, request in work:
        engine.synthesize(request)
    return time.perf_counter() - start


def voice_tweak(project: Project) -> tuple[float, float, bool]:
    from pipeline.episode import render_chapter
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
from pipeline.project import Project
from pipeline.script import load_script, Script
from pipeline.episode import render_chapter, mix_chapter, master_chapter
from pipeline.files import write_text
from pipeline.script import to_yaml
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
    from pipeline.episode import render_chapter
    times = {}
    for workers in (1, 2):
        shutil.rmtree(project.take_cache, ignore_errors=True)
        start = time.perf_counter()
        render_chapter(project, 1, workers=workers)
        times[workers] = time.perf_counter() - start
    return times[1] / times[2]


def season_project(into: Path) -> Project:
    """A season of four generated chapters: chapter 1's paragraphs dealt out in turn."""
    project = copy_project(into)
    for script in project.scripts.glob("*.yaml"):
        script.unlink()
    paragraphs = [p for p in (REPO / "chapters" / "ch01.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    for path in project.chapters.glob("*.txt"):
        path.unlink()
    for number in range(1, 5):
        chosen = paragraphs[2:][number - 1::4] or paragraphs[2:4]
        (project.chapters / f"ch{number:02d}.txt").write_text("\n\n".join(chosen) + "\n", encoding="utf-8")
    return project


def season_speedup() -> dict:
    """The same cold season on a Dask cluster of one worker, of two, and in the local pool."""
    from distributed import Client, LocalCluster

    from pipeline.season import render_season
    times = {}
    # best of two runs each: a season of this size is short enough for scheduling noise to show
    for label, workers in (("one_worker", 1), ("two_workers", 2), ("local_pool", None)) * 2:
        with tempfile.TemporaryDirectory() as tmp:
            project = season_project(Path(tmp))
            start = time.perf_counter()
            if workers is None:
                render_season(project, log=lambda *_: None)
            else:
                with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, Client(cluster) as client:
                    render_season(project, client=client, log=lambda *_: None)
            times[label] = min(times.get(label, float("inf")), time.perf_counter() - start)
    return {"season_one_worker_s": times["one_worker"], "season_two_workers_s": times["two_workers"],
            "season_speedup": times["one_worker"] / times["two_workers"],
            "season_local_pool_s": times["local_pool"],
            "cluster_overhead": times["two_workers"] / times["local_pool"]}


def main() -> int:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        results["tts_raw_s"] = tts_raw_s(project)
        results["tts_raw_1thread_s"] = tts_raw_s(project, threads=1)
        # the render stage: every take from a cold cache, in its own process as a user runs it
        results["cold_render_s"] = cli(project, "render", "1")
        results["cold_ratio"] = results["cold_render_s"] / results["tts_raw_s"]
        results["cold_ratio_vs_1thread"] = results["cold_render_s"] / results["tts_raw_1thread_s"]
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
    results.update(season_speedup())
    results["cores"] = os.cpu_count()
    out = REPO / "output" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    from pipeline.files import write_text
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
