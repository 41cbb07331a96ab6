"""A designed voice's file, voices/NAME.yaml: readable, each value with why it is what it is."""
from __future__ import annotations

import json


def _flow(mapping: dict) -> str:
    return "{" + ", ".join(f"{k}: {v:g}" if isinstance(v, float) else f"{k}: {v}" for k, v in mapping.items()) + "}"


def voice_yaml(design) -> str:
    """voices/NAME.yaml for a designed voice (a takes.design.Design): readable, with why it is what it is."""
    v = design.voice
    who = {"F": "woman", "M": "man", "X": "voice"}.get(v.gender, "voice")
    if v.age == "child":
        who = {"F": "girl", "M": "boy"}.get(v.gender, "child")
    lines = [f"# Designed by `python -m pipeline voices design` (seed {v.design_seed}): {v.age} {who}, median pitch "
             f"{design.pitch_hz:.0f} Hz, pocketsphinx WER {design.wer:.2f},",
             f"# nearest other voice {design.nearest or '-'} at {design.similarity:.2f} cosine. Re-roll with --seed N; "
             "`pinned: true` keeps it as it is."]
    if v.description:
        lines.append(f"description: {_quoted(v.description)}")
    lines += [f"engine: {v.engine}"] + ([f"model: {v.model}"] if v.model else [])
    if v.engine == "kokoro":
        lines += [f"timbre: {_flow(v.timbre or {})}       # who it sounds like (style values 1-128)",
                  f"prosody: {_flow(v.prosody or {})}      # pitch and pace (style values 129-256)"]
    lines += [f"gender: {v.gender}", f"age: {v.age}", f"length_scale: {v.length_scale:g}"]
    if v.engine == "piper":
        lines += [f"noise_scale: {v.noise_scale:g}", f"noise_w: {v.noise_w:g}"]
    eq = v.eq.model_dump()
    lines += [f"pitch_semitones: {v.pitch_semitones:g}",
              f"formant_semitones: {v.formant_semitones:g}   # vocal-tract size: > 0 smaller",
              "eq: " + _flow({k: eq[k] for k in ("highpass_hz", "low_shelf_db", "presence_db", "high_shelf_db")}),
              f"gain_db: {v.gain_db:g}", f"pan: {v.pan:g}", f"design_seed: {v.design_seed}", f"pinned: {str(v.pinned).lower()}"]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return json.dumps(" ".join(text.split()), ensure_ascii=False)
