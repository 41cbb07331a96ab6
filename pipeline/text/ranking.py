"""A second look at the quotes the rules could only infer: for each paragraph of speech whose
speaker came from turn-taking, the scene or a guess, every person at hand
(the rules' choice, the speakers two paragraphs either side, whoever was just called by name,
the people the narration last named, the teller) is scored on what a reader weighs, and the
best one speaks.

The weights are a conditional logit model trained on the development novels (`make train`,
pipeline/text/training.py) and ship beside this file as speaker_ranking.json: a few dozen
numbers, no download, microseconds a quote.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.text.addressed import title_called
from pipeline.text.turns import _called_gender, departed

WEIGHTS_FILE = Path(__file__).with_name("speaker_ranking.json")

# the rules' choices this model may overrule; a tag, a continued speech and a lead-in are left alone
# (an action beat is left alone too: in modern prose "Owen offered" is as sure as a tag, and
# reranking beats helped the novels only as much as it hurt the chapters)
RANKED_BASES = ("turns", "scene", "guess")

FEATURES = (
    # the rules' own choice, and how they made it
    "rule", "rule_turns", "rule_scene", "rule_guess", "rule_check",
    # who spoke in the paragraphs around, and whether a tag said so
    "spoke_1_before", "spoke_2_before", "spoke_3_before", "spoke_1_after", "spoke_2_after",
    "tagged_2_before", "tagged_2_after", "tagged_1_before", "tagged_1_after",
    "alternates_before", "alternates_after",
    "anchor_before_even", "anchor_before_odd", "anchor_after_even", "anchor_after_odd",
    # names said in speech: the one called answers, the one spoken of does not speak
    "called_before", "called_after", "called_here", "called_in_run", "named_here", "named_before",
    # the narration: who it names, who it ended on, who it named last
    "named_in_narration_here", "scene", "subject_before",
    "recent_1", "recent_2", "recent_3", "recent_later", "not_recent",
    # who the person is: the sex a tag says, the teller, how much they talk (one a tag's "she"
    # or a "sir" rules out is no candidate at all)
    "gender_fits", "narrator",
    "share_of_tags", "tagged_in_run", "tags_nearby", "run_start",
)


@dataclass
class Choice:
    """One paragraph of speech to decide: its quotes, the people who might say it and what
    speaks for each (one row of FEATURES per candidate)."""
    quotes: list[int]
    candidates: list[str]
    features: np.ndarray


def load_weights(path: Path = WEIGHTS_FILE) -> np.ndarray | None:
    """The trained weights, in FEATURES order; None when the file is missing or was trained on
    other features (the rules' choices then stand)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("features") != list(FEATURES):
        return None
    return np.array(data["weights"], dtype=float)


def choices(reader, quotes, groups) -> list[Choice]:
    """Every paragraph of speech the rules attributed by inference, with its candidates."""
    tag_counts = Counter(q.speaker for q in quotes if q.basis == "tag" and q.speaker)
    # a short text's two tags say little about who talks most
    most = max([30, *tag_counts.values()])
    found = []
    run_start = 0
    for i, group in enumerate(groups):
        if not group.quotes:
            run_start = i + 1
            continue
        if quotes[group.quotes[0]].basis not in RANKED_BASES or group.held:
            continue
        run_end = i
        while run_end + 1 < len(groups) and groups[run_end + 1].quotes:
            run_end += 1
        around = _Around(reader, quotes, groups, i, range(run_start, run_end + 1))
        candidates = [around.rule.speaker, *(s for s, _ in around.before[:2]), *(s for s, _ in around.after),
                      *around.called_before, group.scene, around.subject_before, *around.recent[:6],
                      *sorted(around.run_tagged), reader.narrator]
        # never one a "sir", a "madam" or a tag's "she" rules out
        # (nor one the narration says is dead)
        # (nor the one a title said alone calls: "Doctor.")
        called = set().union(*(title_called(quotes[index].text, reader.names) for index in group.quotes))
        candidates = [name for name in dict.fromkeys(candidates) if name in reader.names.characters and name not in called
                      and not around.against(name) and name not in departed(reader, quotes, quotes[group.quotes[0]].start)]
        if len(candidates) < 2:
            continue
        rows = [[float(value) for value in around.features(name, tag_counts, most)] for name in candidates]
        found.append(Choice(list(group.quotes), candidates, np.array(rows)))
    return found


class _Around:
    """What the paragraphs around one of speech say about who might be saying it."""

    def __init__(self, reader, quotes, groups, i: int, run: range):
        group = groups[i]
        self.reader, self.group = reader, group
        self.rule = quotes[group.quotes[0]]
        self.run_start = i == run.start

        def spoke(j: int) -> tuple[str, bool]:
            if j not in run:
                return "", False
            quote = quotes[groups[j].quotes[0]]
            return quote.speaker, quote.basis == "tag"

        def said(j: int) -> str:
            return " ".join(quotes[q].text for q in groups[j].quotes) if j in run else ""

        self.before = [spoke(i - k) for k in (1, 2, 3)]
        self.after = [spoke(i + k) for k in (1, 2)]
        # the nearest paragraph either side that a tag attributed, and whether it is an even
        # number of turns away (the same speaker, if two people alternate)
        self.anchors = {}
        for side, steps in (("before", range(i - 1, run.start - 1, -1)), ("after", range(i + 1, run.stop))):
            for j in steps:
                quote = quotes[groups[j].quotes[0]]
                if quote.basis == "tag" and quote.speaker:
                    self.anchors[side] = (quote.speaker, (i - j) % 2 == 0)
                    break
        self.called_before = groups[i - 1].addressed or set() if i - 1 in run else set()
        self.called_after = groups[i + 1].addressed or set() if i + 1 in run else set()
        self.called_in_run = set().union(*(groups[j].addressed or set() for j in run if j != i))
        self.named_here = {main for _, _, main in reader.names.mentions(said(i))}
        self.named_before = {main for _, _, main in reader.names.mentions(said(i - 1))} - self.called_before
        inside = [(quotes[q].start, quotes[q].end) for q in group.quotes]
        self.in_narration = {main for start, _, main in reader.names.mentions(reader.text, *group.span)
                             if not any(a <= start < b for a, b in inside)}
        self.subject_before = groups[i - 1].subject if i and not groups[i - 1].quotes else ""
        self.recent = reader.recent(self.rule.start, None, limit=60)
        self.run_tagged = {quotes[q].speaker for j in run for q in groups[j].quotes if quotes[q].basis == "tag"}
        self.nearby = Counter(quotes[q].speaker for j in range(max(run.start, i - 12), min(run.stop, i + 13))
                              for q in groups[j].quotes if quotes[q].basis == "tag" and quotes[q].speaker)
        self.sir = _called_gender(quotes, groups[i - 1]) if i - 1 in run else ""

    def against(self, name: str) -> bool:
        known = self.reader.genders.get(name, "U")
        return known in ("M", "F") and any(said and said != known for said in (self.group.gender, self.sir))

    def features(self, name: str, tag_counts: Counter, most: int) -> list:
        """One row, in FEATURES order."""
        rule, before, after, group = self.rule, self.before, self.after, self.group
        chosen = name == rule.speaker
        rank = self.recent.index(name) if name in self.recent else 99
        known = self.reader.genders.get(name, "U")
        return [
            chosen, chosen and rule.basis == "turns", chosen and rule.basis == "scene",
            chosen and rule.basis == "guess", chosen and rule.check,
            name == before[0][0], name == before[1][0], name == before[2][0], name == after[0][0], name == after[1][0],
            name == before[1][0] and before[1][1], name == after[1][0] and after[1][1],
            name == before[0][0] and before[0][1], name == after[0][0] and after[0][1],
            name == before[1][0] != before[0][0], name == after[1][0] != after[0][0],
            self.anchors.get("before") == (name, True), self.anchors.get("before") == (name, False),
            self.anchors.get("after") == (name, True), self.anchors.get("after") == (name, False),
            name in self.called_before, name in self.called_after, name in (group.addressed or ()),
            name in self.called_in_run, name in self.named_here, name in self.named_before,
            name in self.in_narration, name == group.scene, name == self.subject_before,
            rank == 0, rank == 1, rank == 2, 3 <= rank < 99, rank == 99,
            bool(group.gender) and known == group.gender, name == self.reader.narrator,
            math.log1p(tag_counts.get(name, 0)) / math.log1p(most), name in self.run_tagged,
            math.log1p(self.nearby.get(name, 0)), self.run_start,
        ]


def rank_speakers(reader, quotes, groups, weights: np.ndarray | None) -> None:
    """Give each inferred paragraph to the candidate the model scores highest; a paragraph it
    changes, or whose best two candidates nearly tie, is marked `check`."""
    if weights is None:
        return
    for choice in choices(reader, quotes, groups):
        scores = choice.features @ weights
        order = np.argsort(-scores)
        best = choice.candidates[int(order[0])]
        margin = float(scores[order[0]] - scores[order[1]])
        for index in choice.quotes:
            quote = quotes[index]
            if best != quote.speaker:
                quote.speaker, quote.basis = best, "ranked"
                quote.check = True
            elif margin < 0.5:
                quote.check = True
