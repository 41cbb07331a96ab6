"""`make voices-check`: are the shipped voices different enough, and still intelligible?

Every voice reads the same text; the built-in speaker embedding (pipeline/qa/speaker.py,
Resemblyzer's encoder run with numpy: no torch) embeds each, and the pairwise cosine similarity
must stay at or below 0.80. Each voice also reads a plain sentence that pocketsphinx transcribes
back (QA's recogniser, pipeline/qa/recognizer.py); its word error rate must stay at or below 0.5.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TEXT = ("It was the same thing every day. No matter what he did, no matter how hard he tried, "
        "the village could only reject him. But he would never stop training.")
PLAIN = "the weather is nice today and the children are playing outside"
MAX_SIMILARITY = 0.80
MAX_WER = 0.5


def transcribe(path: Path) -> str:
    from pipeline.core import audio
    from pipeline.qa.recognizer import RECOGNIZER_RATE, transcribe as heard
    return heard(audio.decode(path, rate=RECOGNIZER_RATE, channels=1)[:, 0], RECOGNIZER_RATE)


def main() -> int:
    from pipeline.qa import speaker
    from pipeline.qa.recognizer import word_error_rate
    with tempfile.TemporaryDirectory() as tmp:
        story, plain = Path(tmp) / "story", Path(tmp) / "plain"
        for folder, text in ((story, TEXT), (plain, PLAIN)):
            subprocess.run([sys.executable, "-m", "pipeline", "--project", str(REPO), "voices", "preview",
                            "--text", text, "--out", str(folder)], check=True, cwd=REPO, stdout=subprocess.DEVNULL)
        names = sorted(p.stem for p in story.glob("*.wav"))
        embeddings = np.array([speaker.embed_file(story / f"{n}.wav") for n in names])
        similarity = speaker.similarity(embeddings, embeddings)
        errors = {n: word_error_rate(PLAIN, transcribe(plain / f"{n}.wav")) for n in names}
    width = max(len(n) for n in names)
    print(" " * width + " " + " ".join(f"{n[:7]:>7}" for n in names))
    for i, name in enumerate(names):
        print(f"{name:>{width}} " + " ".join(f"{similarity[i, j]:7.2f}" for j in range(len(names))))
    off_diagonal = similarity[~np.eye(len(names), dtype=bool)]
    worst = float(off_diagonal.max())
    print(f"\n{len(names)} voices; most similar pair: {worst:.2f} (limit {MAX_SIMILARITY})")
    print("word error rate on a plain sentence: " + ", ".join(f"{n} {e:.2f}" for n, e in errors.items()))
    ok = len(names) >= 8 and worst <= MAX_SIMILARITY and max(errors.values()) <= MAX_WER
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
