"""`make eval` (`python -m pipeline eval DIR [NOVEL...]`): quote attribution scored on the development novels in ../shared/eval, twice:
with the gold character list and without one (the adapter finds the cast itself, as a user
meets it).

Development material only: the product and `make test` never need it.
"""
from __future__ import annotations

import importlib.util
import json
import re
import time
from collections import Counter
from pathlib import Path

from pipeline.text.attribution import Character, attribute, discover_characters, load_characters
from pipeline.text.first_names import _first_names
from pipeline.text.names import NAME, _PARTICLES, _TITLES, _Names, merge_repeated


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


def attribute_to_jsonl_rows(text: str, characters: dict[str, Character] | None) -> list[dict]:
    """What characters say or think; quoted titles and words, verse and letters set apart as
    blocks are not utterances (the adapter still narrates or voices them). Each speaker is
    named by their full name when a given list has one, else as the text names them most
    often (a list's main name may be one the prose hardly uses: "Miss Honeychurch" is "Lucy"
    on most pages)."""
    listed = bool(characters)
    characters = characters if characters else discover_characters(text)
    # a list someone wrote may name one person twice ("Reggie", "Reggie St Cloud"); a discovered
    # cast is merged already. Each speaker is still named from the list as written.
    quotes = attribute(text, merge_repeated(characters) if listed else characters)
    usual = usual_names(text, characters, full_name_first=listed)
    return [{"start": q.start, "end": q.end, "speaker": usual.get(q.speaker, q.speaker)} for q in quotes
            if q.kind in ("speech", "thought")]


_DETERMINERS = {"the", "a", "an", "that", "this", "his", "her", "their", "our", "my", "your", "old", "young"}
_FULL_NAME = re.compile(rf"{NAME}(?:\s+(?:{'|'.join(sorted(_PARTICLES))}))?(?:\s+{NAME})+")


def _full_name(name: str) -> bool:
    """A given name and a surname with no title ("Ellen Olenska", not "Madame Olenska")."""
    words = name.split()
    return (bool(_FULL_NAME.fullmatch(name.strip())) and words[0].lower() in _first_names()
            and not any(word.lower() in _TITLES or word.lower() in _DETERMINERS for word in words))


def usual_names(text: str, characters: dict[str, Character], full_name_first: bool = False) -> dict[str, str]:
    """Main name -> the one of its names the text uses most, or with `full_name_first` (a list
    someone wrote, whose every name is sure) the full name a reader files them under ("Ellen
    Olenska", not "Madame Olenska") when the list has one. A discovered cast keeps the usual
    name: its full names are only guesses ("Lydia Wickham" for Lydia)."""
    names = _Names(characters)
    counts: dict[str, Counter] = {}
    for start, end, main in names.mentions(text):
        written = " ".join(text[start:end].split()).lower()
        counts.setdefault(main, Counter())[written] += 1
    usual = {}
    for main, character in characters.items():
        spelled = {n.lower(): n for n in (*character.aliases, main) if n.strip()}
        used = counts.get(main) or Counter()
        full = [(used[written], written) for written, name in spelled.items() if full_name_first and _full_name(name)]
        found = full or [(count, written) for written, count in used.items() if written in spelled]
        usual[main] = spelled[max(found)[1]] if found else main
    return usual
