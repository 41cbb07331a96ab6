"""`make eval` (`python -m pipeline eval DIR`): quote attribution scored on the development novels in ../shared/eval.

Development material only: the product and `make test` never need it.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.text.attribution import attribute_to_jsonl_rows, load_characters


def evaluate(pdnc_dir: Path) -> str:
    scorer = pdnc_dir.parent / "score_attribution.py"
    rows, accuracies = [], []
    for novel in sorted(p for p in pdnc_dir.iterdir() if (p / "text.txt").exists()):
        text = (novel / "text.txt").read_text(encoding="utf-8")
        characters = load_characters(novel / "characters.json")
        started = time.perf_counter()
        predictions = attribute_to_jsonl_rows(text, characters)
        seconds = time.perf_counter() - started
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
            handle.write("".join(json.dumps(p) + "\n" for p in predictions))
        result = subprocess.run([sys.executable, str(scorer), "--gold", str(novel), "--pred", handle.name, "--json"],
                                capture_output=True, text=True, check=True)
        Path(handle.name).unlink()
        score = json.loads(result.stdout)
        rows.append((novel.name, score, seconds))
    lines = [f"{'novel':32} {'det P':>6} {'det R':>6} {'det F1':>6} {'speaker acc':>11} {'seconds':>8}"]
    for name, score, seconds in rows:
        accuracy = score["speaker_accuracy"]
        accuracies.append(accuracy)
        lines.append(f"{name:32} {score['detection_precision']:6.3f} {score['detection_recall']:6.3f} "
                     f"{score['detection_f1']:6.3f} {accuracy:11.3f} {seconds:8.2f}")
    lines.append(f"{'mean speaker accuracy':32} {'':6} {'':6} {'':6} {sum(accuracies) / max(1, len(accuracies)):11.3f}")
    return "\n".join(lines)
