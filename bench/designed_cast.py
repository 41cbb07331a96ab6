"""`make designed-cast`: design a cast of 16 (8 women, 8 men) and measure whether the ear could tell them apart.

The 16 voices are designed one after the other into a copy of the shipped voices/ (each against
every voice before it, and farthest from the voices of its episode, the 16 and the narrator's, as
the adapter designs them). Each then reads five lines of 1.5-5 s that no
design step ever read. Reported:
  * identification: for each line of at least 1 s of speech, is the nearest reference among the
    16 designed voices and the narrator's (QA's references, pipeline/qa/voiceprint.py) its own?
  * the similarity matrix of those references (max and mean over pairs, the closest pairs);
  * each voice's pocketsphinx WER (mean over its lines), median pitch, and consistency (mean
    similarity between its own lines);
  * design CPU seconds per voice.
Run it on one core (OMP_NUM_THREADS=1) for design times comparable with the 20 s target.
"""
from __future__ import annotations

import argparse
import itertools
import json
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CAST = [("F", "child"), ("M", "teen"), ("F", "teen"), ("M", "young"), ("F", "young"), ("M", "young"),
        ("F", "young"), ("M", "adult"), ("F", "adult"), ("M", "adult"), ("F", "adult"), ("M", "adult"),
        ("F", "old"), ("M", "old"), ("F", "old"), ("M", "old")]
LINES = (
    "I told you already, the bridge is closed until morning.",
    "Where did you put the letters?",
    "We should leave now, before anyone notices that we are gone.",
    "That is not what your brother said yesterday.",
    "Come inside, the soup is getting cold.",
    "Nobody in this town remembers the old mill burning down.",
    "If you want my help, you will have to ask me properly.",
    "Look at the sky. It is going to rain all week.",
    "I have waited three years for this day, and I am not waiting any longer.",
    "Thank you. I will never forget what you did for us.",
)
LINES_PER_VOICE = 5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", type=Path, help="keep the test project here (a new folder)")
    args = parser.parse_args()
    from pipeline.core import audio
    from pipeline.core.project import Project
    from pipeline.model.casting import load_casting
    from pipeline.qa import speaker
    from pipeline.qa.analysis import median_pitch_hz
    from pipeline.qa.recognizer import transcribe, word_error_rate
    from pipeline.qa.voiceprint import embed_takes, voice_references
    from pipeline.takes.design import design_and_write
    from pipeline.takes.render import preview_takes

    root = args.keep or Path(tempfile.mkdtemp(prefix="designed-cast-"))
    if not (root / "voices").is_dir():          # a kept project is measured again as it is
        root.mkdir(parents=True, exist_ok=True)
        shutil.copytree(REPO / "voices", root / "voices")
        shutil.copy(REPO / "podcast.yaml", root / "podcast.yaml")
    project = Project(root)
    designed, design_s = [], {}
    for index, (gender, age) in enumerate(CAST):
        name = f"{gender.lower()}{index:02d}-{age}"
        designed.append(name)
        if (project.voices / f"{name}.yaml").exists():
            design_s[name] = None
            continue
        # the design's own CPU time (Design.seconds): its search and its own reference; the cast's
        # references were made when those voices were designed (the shipped ones before the first).
        # As the adapter does, it keeps farthest from the voices of its episode: the 16 and the narrator.
        design = design_and_write(project, name, gender, age, heard_with={"narrator", *designed})
        design_s[name] = round(design.seconds, 1)
        print(f"{name}: {design.voice.engine} nearest {design.nearest} {design.similarity:.3f}, "
              f"{design.pitch_hz:.0f} Hz, WER {design.wer:.2f}, {design.candidates} candidates, "
              f"{design_s[name]} s", flush=True)

    voices, cast, lexicon = load_casting(project.voices)
    judged = [cast.narrator, *designed]
    references = voice_references(voices, judged, project.voices, project.take_cache, workers=1)
    matrix = np.stack([references[n] for n in judged])
    between = speaker.similarity(matrix, matrix)

    per_voice, hits, total, confusions = {}, 0, 0, {}
    for index, name in enumerate(designed):
        spoken = [lexicon.apply(LINES[(index + k) % len(LINES)]) for k in range(LINES_PER_VOICE)]
        paths = [p for (p,) in (preview_takes(voices, [name], [text], project.voices, project.take_cache, 1)[0]
                                for text in spoken)]
        embeddings, speech_s = embed_takes(paths)
        scores = speaker.similarity(embeddings, matrix)
        for row, seconds in zip(scores, speech_s):
            if seconds < 1.0:
                continue
            total += 1
            nearest = judged[int(np.argmax(row))]
            hits += nearest == name
            if nearest != name:
                confusions[f"{name} -> {nearest}"] = confusions.get(f"{name} -> {nearest}", 0) + 1
        own = speaker.similarity(embeddings, embeddings)
        consistency = float(own[~np.eye(len(paths), dtype=bool)].mean())
        errors, pitches = [], []
        for path, text in zip(paths, spoken):
            heard = transcribe(*audio.read_wav(path))
            errors.append(word_error_rate(text, heard))
            samples, rate = audio.read_wav(path)
            pitches.append(median_pitch_hz(samples[:, 0] if samples.ndim == 2 else samples, rate))
        per_voice[name] = {"engine": voices[name].engine, "wer": round(float(np.mean(errors)), 3),
                           "median_pitch_hz": round(float(np.median(pitches)), 1),
                           "consistency": round(consistency, 3), "design_cpu_s": design_s[name]}

    pairs = sorted(((float(between[i, j]), judged[i], judged[j])
                    for i, j in itertools.combinations(range(len(judged)), 2)), reverse=True)
    figures = {"identification": round(hits / max(1, total), 3), "lines": total, "hits": hits,
               "confusions": confusions, "max_pair": round(pairs[0][0], 3),
               "mean_pair": round(float(np.mean([p[0] for p in pairs])), 3),
               "closest_pairs": [[round(s, 3), a, b] for s, a, b in pairs[:6]], "voices": per_voice}
    for name, row in per_voice.items():
        print(f"{name:>14} {row['engine']:>6}  WER {row['wer']:.2f}  {row['median_pitch_hz']:5.0f} Hz  "
              f"consistency {row['consistency']:.2f}  design {row['design_cpu_s']} s")
    print(f"closest pairs: {figures['closest_pairs']}")
    print(f"pairs: max {figures['max_pair']}, mean {figures['mean_pair']}")
    print(f"confusions: {confusions}")
    print(f"identification: {hits}/{total} = {figures['identification']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    if args.keep is None:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
