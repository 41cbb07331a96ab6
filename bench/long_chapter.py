"""The long chapter of `make bench`: 20,000 words or more, generated, rendered cold.

The chapter is made from chapter 1's vocabulary with a seeded generator: narration
paragraphs of two to five sentences and lines of dialogue said by the cast's characters, in
about the proportions of chapter 1, so that every voice and engine of the cast takes part.
No two lines are alike, so nothing is synthesized once for several lines.
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.text.adapt import is_author_note  # noqa: E402

WORDS = 20_000
CHAPTER = 50
_PERSONAL = {"i", "me", "my", "mine", "you", "your", "yours", "we", "us", "our"}


def _vocabulary() -> list[str]:
    text = (REPO / "chapters" / "ch01.txt").read_text(encoding="utf-8")
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    return sorted(w for w in words if len(w) > 1 and w not in _PERSONAL and not is_author_note(f"{w} {w}"))


def _sentence(rng: random.Random, vocabulary: list[str]) -> str:
    words = [rng.choice(vocabulary) for _ in range(rng.randint(5, 18))]
    if len(words) > 9 and rng.random() < 0.5:
        words[rng.randint(3, len(words) - 4)] += ","
    return " ".join(words).capitalize() + rng.choice(".....?!")


def long_chapter_text(words: int = WORDS, speakers: tuple[str, ...] = (), seed: int = 17) -> str:
    """At least `words` words of prose: narration, and dialogue by `speakers` with its speech tags."""
    rng = random.Random(seed)
    vocabulary = _vocabulary()
    paragraphs, count = [], 0
    while count < words:
        if speakers and rng.random() < 0.45:
            said = " ".join(_sentence(rng, vocabulary) for _ in range(rng.randint(1, 2)))
            paragraph = f"\u201c{said}\u201d said {rng.choice(speakers)}."
        else:
            paragraph = " ".join(_sentence(rng, vocabulary) for _ in range(rng.randint(2, 5)))
        if is_author_note(paragraph):
            continue
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs) + "\n"


def long_chapter(project, measure) -> dict:
    """Render the generated chapter cold to a mastered episode; its peak RSS and speed.

    `measure(args)` runs a command and returns its seconds and the peak RSS of its process tree.
    """
    import json

    from pipeline.model.casting import load_casting
    _, cast, _ = load_casting(project.voices)
    text = long_chapter_text(WORDS, tuple(sorted(cast.characters)))
    (project.chapters / f"ch{CHAPTER:02d}.txt").write_text(text, encoding="utf-8")
    seconds, peak_mb = 0.0, 0.0
    # adapt, then render, mix and master: `make episode` without its QA hearing (of 2 hours' speech)
    for stage in ("adapt", "master"):
        result = measure([sys.executable, "-m", "pipeline", "--project", str(project.root), stage, str(CHAPTER)])
        if result["returncode"] != 0:
            raise RuntimeError(f"the long chapter failed at {stage}: exit {result['returncode']}")
        seconds += result["seconds"]
        peak_mb = max(peak_mb, result["peak_rss_mb"])
    figures = json.loads((project.episode_dir(CHAPTER) / "loudness.json").read_text(encoding="utf-8"))
    minutes = figures["duration_s"] / 60
    return {"long_chapter_words": len(text.split()), "long_chapter_audio_min": minutes,
            "long_chapter_s": seconds, "long_chapter_s_per_audio_min": seconds / minutes,
            "long_chapter_peak_rss_mb": peak_mb}


if __name__ == "__main__":
    # on its own: python bench/long_chapter.py [words]
    import json
    import subprocess
    import tempfile

    sys.path.insert(0, str(REPO / "bench"))
    from bench import copy_project
    from memory import run_measured
    if len(sys.argv) > 1:
        WORDS = int(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        figures = long_chapter(copy_project(Path(tmp)),
                               lambda args: run_measured(args, cwd=REPO, stdout=subprocess.DEVNULL))
    print(json.dumps(figures, indent=1))
