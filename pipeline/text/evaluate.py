"""`make eval` (`python -m pipeline eval DIR [NOVEL...]`): quote attribution scored on the development novels in ../shared/eval, twice:
with the gold character list and without one (the adapter finds the cast itself, as a user
meets it).

Development material only: the product and `make test` never need it.
"""
from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

from pipeline.text.attribution import attribute_to_jsonl_rows, load_characters


def _scorer(pdnc_dir: Path):
    """The scoring function of ../shared/eval/score_attribution.py, loaded from its file."""
    spec = importlib.util.spec_from_file_location("score_attribution", pdnc_dir.parent / "score_attribution.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_novel(novel: Path, with_list: bool, scorer) -> tuple[dict, float]:
    text = (novel / "text.txt").read_text(encoding="utf-8")
    gold_characters = json.loads((novel / "characters.json").read_text(encoding="utf-8"))
    characters = load_characters(novel / "characters.json") if with_list else None
    started = time.perf_counter()
    predictions = attribute_to_jsonl_rows(text, characters)
    seconds = time.perf_counter() - started
    gold = sorted(scorer.load_jsonl(novel / "quotes.jsonl"), key=lambda g: g["start"])
    return scorer.score(gold, predictions, gold_characters), seconds


def evaluate(pdnc_dir: Path, novels: list[str] | None = None) -> str:
    scorer = _scorer(pdnc_dir)
    folders = sorted(p for p in pdnc_dir.iterdir() if (p / "text.txt").exists() and (not novels or p.name in novels))
    lines = []
    for with_list in (True, False):
        lines.append("with the gold character list" if with_list else "without a character list (cast discovered)")
        lines.append(f"{'novel':32} {'det P':>6} {'det R':>6} {'det F1':>6} {'speaker acc':>11} {'seconds':>8}")
        totals = {"detection_precision": [], "detection_recall": [], "detection_f1": [], "speaker_accuracy": []}
        for novel in folders:
            score, seconds = score_novel(novel, with_list, scorer)
            for key, values in totals.items():
                values.append(score[key])
            lines.append(f"{novel.name:32} {score['detection_precision']:6.3f} {score['detection_recall']:6.3f} "
                         f"{score['detection_f1']:6.3f} {score['speaker_accuracy']:11.3f} {seconds:8.2f}")
        means = {key: sum(values) / max(1, len(values)) for key, values in totals.items()}
        lines.append(f"{'mean':32} {means['detection_precision']:6.3f} {means['detection_recall']:6.3f} "
                     f"{means['detection_f1']:6.3f} {means['speaker_accuracy']:11.3f}")
        lines.append("")
    return "\n".join(lines).rstrip()
