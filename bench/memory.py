"""Peak resident memory of a command and every process it starts, sampled with psutil.

`/usr/bin/time -v` reports the largest single process; an episode also runs ffmpeg and
encoders beside Python, so this adds up the resident sets of the whole tree at each sample.

    .venv/bin/python bench/memory.py -- .venv/bin/python -m pipeline episode 2
"""
from __future__ import annotations

import subprocess
import sys
import time

import psutil


def run_measured(args: list[str], cwd=None, interval_s: float = 0.05, **popen) -> dict:
    """Run `args`; return its exit code, seconds, and the peak RSS of its process tree in MB."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, **popen)
    root = psutil.Process(process.pid)
    peak_tree, peak_one = 0, 0
    while process.poll() is None:
        total = 0
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for member in tree:
            try:
                rss = member.memory_info().rss
            except psutil.NoSuchProcess:    # ended between the listing and the reading
                continue
            total += rss
            peak_one = max(peak_one, rss)
        peak_tree = max(peak_tree, total)
        time.sleep(interval_s)
    process.wait()
    return {"returncode": process.returncode, "seconds": time.perf_counter() - start,
            "peak_rss_mb": peak_tree / 2**20, "peak_process_rss_mb": peak_one / 2**20}


if __name__ == "__main__":
    command = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else sys.argv[1:]
    result = run_measured(command)
    print(f"exit {result['returncode']}  {result['seconds']:.1f} s  peak RSS {result['peak_rss_mb']:.0f} MB "
          f"(largest process {result['peak_process_rss_mb']:.0f} MB)", file=sys.stderr)
    sys.exit(result["returncode"])
