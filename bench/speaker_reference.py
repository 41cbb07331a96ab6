"""Offline, once: convert Resemblyzer's voice encoder weights and embed the test clips with it.

`make speaker-reference` runs both steps. First the clips, made with this project's own voices
(`.venv/bin/python bench/speaker_reference.py clips` writes tests/data/speaker/*.wav); then, where
torch and resemblyzer are installed (`.venv-check/bin/python bench/speaker_reference.py`), it writes
  pipeline/qa/speaker_encoder.npz            the encoder's weights as float16 (the product's copy)
  tests/data/speaker/reference.json          Resemblyzer's own embedding of each clip there
The product never imports torch: pipeline/qa/speaker.py recomputes these embeddings with numpy,
and tests/test_speaker.py checks it agrees with the stored ones.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
CLIPS = REPO / "tests" / "data" / "speaker"


def convert(encoder) -> dict[str, np.ndarray]:
    state = {name: tensor.detach().cpu().numpy() for name, tensor in encoder.state_dict().items()}
    arrays = {}
    for k in range(3):
        for ours, theirs in (("w_ih", "weight_ih_l"), ("w_hh", "weight_hh_l"), ("b_ih", "bias_ih_l"),
                             ("b_hh", "bias_hh_l")):
            arrays[f"{ours}{k}"] = state[f"lstm.{theirs}{k}"]
    arrays["w_out"], arrays["b_out"] = state["linear.weight"], state["linear.bias"]
    return arrays


# (file, voice, rate, text): three engines' voices, at 16 kHz and at piper's own 22.05 kHz (so the
# resampling is compared too), one with a long pause inside (so the silence trimming is).
CLIP_SPECS = [
    ("narrator_16k.wav", "narrator", 16000, "The village had become accustomed to him always smiling."),
    ("sakura_16k.wav", "sakura", 16000, "You are late again, and you know it."),
    ("jiraiya_22k.wav", "jiraiya", 22050, "Listen to me, boy. A ninja never gives up."),
    ("naruto_pause_16k.wav", "naruto", 16000, "I will bring him back. | I promise you that, believe it."),
]


def make_clips() -> None:
    sys.path.insert(0, str(REPO))
    import soxr
    from pipeline.core import audio
    from pipeline.model.casting import load_casting
    from pipeline.takes.render import preview_voices
    import tempfile
    voices, _, lexicon = load_casting(REPO / "voices")
    with tempfile.TemporaryDirectory() as tmp:
        for name, voice, rate, text in CLIP_SPECS:
            pieces = []
            for index, part in enumerate(text.split(" | ")):
                folder = Path(tmp) / f"{name}-{index}"
                preview_voices(voices, [voice], part, lexicon, REPO / "voices", Path(tmp) / "cache", folder)
                samples, source_rate = audio.read_wav(folder / f"{voice}.wav")
                pieces += [soxr.resample(samples[:, 0], source_rate, rate), np.zeros(int(1.5 * rate), np.float32)]
            audio.write_wav(CLIPS / name, np.concatenate(pieces[:-1]).astype(np.float32), rate)
            print(CLIPS / name)


def main() -> int:
    if sys.argv[1:] == ["clips"]:
        make_clips()
        return 0
    import resemblyzer
    from resemblyzer import VoiceEncoder, preprocess_wav
    encoder = VoiceEncoder("cpu", verbose=False)
    arrays = convert(encoder)
    np.savez_compressed(REPO / "pipeline" / "qa" / "speaker_encoder.npz",
                        **{name: value.astype(np.float16) for name, value in arrays.items()})
    reference = {"implementation": f"resemblyzer {getattr(resemblyzer, '__version__', '0.1.4')}", "clips": {}}
    for clip in sorted(CLIPS.glob("*.wav")):
        embedding = encoder.embed_utterance(preprocess_wav(clip))
        reference["clips"][clip.name] = [round(float(v), 7) for v in embedding]
        print(clip.name, embedding[:4])
    (CLIPS / "reference.json").write_text(json.dumps(reference, indent=0) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
