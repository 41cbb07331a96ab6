"""`make train` (`python -m pipeline train DIR`): fit ranking.py's weights on the development
novels in ../shared/eval and write pipeline/text/speaker_ranking.json.

Each paragraph of speech the rules attributed by inference is one example: its candidates'
feature rows and which of them the gold annotation names. The model is a conditional logit
(a softmax over one paragraph's candidates), fitted by gradient descent with an L2 penalty,
on the novels both with their character lists and with the cast the adapter discovers, and on
the chapters written with their answers in tests/data/chapters/gold.
Leave-one-novel-out accuracy is printed first, so the weights are judged on novels they did
not see.

Development material only: the product and `make test` never need it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.core.files import write_text
from pipeline.text.attribution import discover_characters, load_characters, read_speakers
from pipeline.text.evaluate import _scorer, usual_names
from pipeline.text.names import merge_repeated
from pipeline.text.ranking import FEATURES, WEIGHTS_FILE, Choice, choices


@dataclass
class Example:
    features: np.ndarray     # one row per candidate
    right: np.ndarray        # 1.0 where the candidate is the gold speaker
    weight: float            # how many gold quotes the paragraph holds


@dataclass
class Novel:
    name: str
    listed: bool
    examples: list[Example]
    choices: list[Choice]
    quotes: list
    usual: dict[str, str]
    gold: list[dict]
    characters: dict


def read_novel(folder: Path, listed: bool, scorer) -> Novel:
    text = (folder / "text.txt").read_text(encoding="utf-8")
    gold_characters = json.loads((folder / "characters.json").read_text(encoding="utf-8"))
    characters = load_characters(folder / "characters.json") if listed else discover_characters(text)
    quotes, groups, reader = read_speakers(text, merge_repeated(characters) if listed else characters)
    usual = usual_names(text, characters, full_name_first=listed)
    gold = sorted(scorer.load_jsonl(folder / "quotes.jsonl"), key=lambda g: g["start"])
    aliases = scorer.alias_table(gold_characters)
    starts = [g["start"] for g in gold]
    found = choices(reader, quotes, groups)
    examples = []
    for choice in found:
        speakers = []
        for index in choice.quotes:
            quote = quotes[index]
            at = np.searchsorted(starts, quote.end) - 1
            if at >= 0 and gold[at]["end"] > quote.start:
                speakers.append(gold[at]["speaker"])
        if not speakers:
            continue
        wanted = max(set(speakers), key=speakers.count)
        right = np.array([float(wanted in aliases.get(usual.get(c, c).lower(), ()) or
                                usual.get(c, c).lower() == wanted.lower()) for c in choice.candidates])
        if right.any():
            examples.append(Example(choice.features, right, float(len(speakers))))
    return Novel(folder.name, listed, examples, found, quotes, usual, gold, gold_characters)


def read_chapter(path: Path) -> list[Example]:
    """A chapter written with its answers (tests/data/chapters/gold: chNN.txt beside chNN.gold.json,
    each quote by its opening words), its cast discovered as the adapter does: modern prose, where
    a beat ("Owen offered") is as good as a tag and the novels alone would teach otherwise."""
    text = path.read_text(encoding="utf-8")
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    characters = discover_characters(text)
    quotes, groups, reader = read_speakers(text, characters)
    spoken, position = {}, 0
    for line in gold["quotes"]:
        position = text.find(line["start"], position)
        spoken[position] = line["speaker"]
    examples = []
    for choice in choices(reader, quotes, groups):
        quote = quotes[choice.quotes[0]]
        wanted = next((who for at, who in spoken.items() if quote.start <= at <= quote.end), None)
        if wanted is None:
            continue
        names = {wanted.lower(), *(a.lower() for a in gold["cast"].get(wanted, {}).get("aliases", []))}
        teller = wanted == gold.get("narrator")
        right = np.array([float(bool(names & {c.lower(), *(a.lower() for a in characters[c].aliases)})
                                or (teller and c == reader.narrator)) for c in choice.candidates])
        if right.any():
            examples.append(Example(choice.features, right, float(len(choice.quotes))))
    return examples


def fit(examples: list[Example], l2: float = 0.001, steps: int = 1500, rate: float = 3.0) -> np.ndarray:
    """Weights that maximise the log-likelihood of the gold candidate, by full-batch gradient
    descent (a convex problem: a few hundred steps settle it)."""
    if not examples:
        return np.zeros(len(FEATURES))
    rows = np.vstack([e.features for e in examples])
    sizes = np.array([len(e.right) for e in examples])
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    target = np.concatenate([e.right / e.right.sum() for e in examples])
    weight = np.repeat([e.weight for e in examples], sizes)
    weight = weight / sum(e.weight for e in examples)
    weights = np.zeros(len(FEATURES))
    for _ in range(steps):
        scores = rows @ weights
        scores -= np.repeat(np.maximum.reduceat(scores, offsets), sizes)
        p = np.exp(scores)
        p /= np.repeat(np.add.reduceat(p, offsets), sizes)
        gradient = l2 * weights - rows.T @ (weight * (target - p))
        weights -= rate * gradient
    return weights


def accuracy(novel: Novel, weights: np.ndarray | None, scorer) -> float:
    """The novel's speaker accuracy with its inferred paragraphs reranked by these weights."""
    speakers = {i: q.speaker for i, q in enumerate(novel.quotes)}
    if weights is not None:
        for choice in novel.choices:
            best = choice.candidates[int(np.argmax(choice.features @ weights))]
            for index in choice.quotes:
                speakers[index] = best
    rows = [{"start": q.start, "end": q.end, "speaker": novel.usual.get(speakers[i], speakers[i])}
            for i, q in enumerate(novel.quotes) if q.kind in ("speech", "thought")]
    return scorer.score(novel.gold, rows, novel.characters)["speaker_accuracy"]


# The chapters are few and short beside the novels; weighted up so, the weights keep the novels'
# gain without costing the chapters any (chapters never trained on: 553 of 690 lines right with
# the ranking and without it; weighted 1, 547)
CHAPTER_WEIGHT = 10.0
GOLD_CHAPTERS = Path(__file__).parents[2] / "tests" / "data" / "chapters" / "gold"


def train(pdnc_dir: Path, out: Path = WEIGHTS_FILE, chapters: Path = GOLD_CHAPTERS) -> str:
    scorer = _scorer(pdnc_dir)
    folders = sorted(p for p in pdnc_dir.iterdir() if (p / "text.txt").exists())
    novels = [read_novel(folder, listed, scorer) for listed in (True, False) for folder in folders]
    modern = [e for path in sorted(chapters.glob("*.txt")) for e in read_chapter(path)]
    for example in modern:
        example.weight *= CHAPTER_WEIGHT
    lines = [f"{'novel':32} {'list':>5} {'rules':>6} {'held out':>9}"]
    sums = {True: [0.0, 0.0], False: [0.0, 0.0]}
    for novel in novels:
        others = [e for n in novels if n.name != novel.name for e in n.examples] + modern
        rules, held_out = accuracy(novel, None, scorer), accuracy(novel, fit(others), scorer)
        sums[novel.listed][0] += rules
        sums[novel.listed][1] += held_out
        lines.append(f"{novel.name:32} {'yes' if novel.listed else 'no':>5} {rules:6.3f} {held_out:9.3f}")
    for listed in (True, False):
        n = len(folders) or 1
        lines.append(f"{'mean':32} {'yes' if listed else 'no':>5} {sums[listed][0] / n:6.3f} {sums[listed][1] / n:9.3f}")
    weights = fit([e for n in novels for e in n.examples] + modern)
    write_text(out, json.dumps({"features": list(FEATURES), "weights": [round(float(w), 4) for w in weights]},
                                 indent=1) + "\n")
    lines.append(f"weights written to {out}")
    return "\n".join(lines)
