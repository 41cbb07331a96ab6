"""Each voice's reference embedding, and how well each take matches its own voice.

A voice's reference is the mean embedding (pipeline/qa/speaker.py) of its takes of a few fixed
sentences, rendered like any preview and kept in the take cache; the reference (with the median
pitch of those takes) is cached in output/cache/voiceprints/ by a key made of those takes' keys (so of everything that changes the
voice's sound) and the encoder's weights.

A take is judged against the voices of its episode (and the narrator's): its `voice_match` is its similarity to its own
voice's reference. It is flagged when another voice's reference is closer (clearly closer, for a
take shorter than one embedding window), or when its own is far (below FAR_FROM_OWN). Takes with less than MIN_JUDGED_S of speech get a `voice_match` but are not
flagged: over a few words the embedding varies too much to accuse anyone.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from pipeline.core import audio
from pipeline.core.files import write_text
from pipeline.qa import speaker
from pipeline.qa.analysis import median_pitch_hz

# Plain sentences with no names, so no lexicon entry changes them; about 8 s of speech in all, a
# statement and a question.
REFERENCE_TEXTS = (
    "The village had become accustomed to him always smiling. Nobody was going to interfere, not this time!",
    "Do you really think we can make it home before the sun goes down over the hills?",
)
# Measured with the shipped cast: chapter 1's takes of a second or more match their own voice at
# 0.95-0.98, and 28 takes of the narrator and Sakura under seven deliveries (none, whisper, shout,
# mutter, laugh, excited, fear) match their voice in that delivery at 0.85-0.99; a take's
# similarity to any other voice of the cast is at most 0.78 in chapter 1 (0.87 for the narrator
# shouting against Sasuke, joe pitched up). 0.80 sits between: a take in a voice from outside the
# episode is caught, a right take is not.
FAR_FROM_OWN = 0.80
CLOSER_MARGIN = 0.0          # another voice is closer when its similarity exceeds the own one by more
MIN_JUDGED_S = 1.0           # seconds of speech (after silence trimming) below which a take is not flagged
# A take shorter than one of the embedding's windows is heard by one partial window, and wanders:
# in the unseen 131a episode (201 takes, four men), takes of 1.0-1.6 s came up to 0.014 nearer
# another voice than their own (median 0.11 farther), those of 1.6-2.5 s never nearer than 0.08
# short of their own. So such a take is in another voice only when that voice is clearly nearer;
# a take really in another voice is about 0.1 nearer it.
SHORT_TAKE_S = speaker.WINDOW_FRAMES / 100
SHORT_TAKE_MARGIN = 0.03
NEAR_DUPLICATE = 0.95        # voices this similar to the own voice cannot be told from it: not rivals
VERSION = "1"


def _weights_digest(_memo: dict = {}) -> str:  # noqa: B006 - per-process memo of a file that never changes
    if "digest" not in _memo:
        _memo["digest"] = hashlib.sha256(speaker.WEIGHTS.read_bytes()).hexdigest()[:16]
    return _memo["digest"]


def voiceprint_dir(cache_dir: Path) -> Path:
    """Where references are kept: beside the take cache (output/cache/voiceprints)."""
    return Path(cache_dir).parent / "voiceprints"


@dataclass(frozen=True)
class VoiceProfile:
    embedding: np.ndarray       # unit-length reference embedding
    median_pitch_hz: float      # of the reference takes; 0 when no voiced frame was found


def label(voice: str, direction: str | None = None) -> str:
    """The name of a reference: the voice's, or the voice's in one delivery ("naruto (shout)")."""
    return f"{voice} ({direction})" if direction else voice


def voice_profiles(voices: dict, names: Sequence[str], voices_dir: Path, cache_dir: Path,
                   workers: int | None = None, direction: str | None = None) -> dict[str, VoiceProfile]:
    """{voice name: its profile} (delivered with `direction`), rendering and measuring only what is
    not cached yet."""
    from pipeline.takes.render import preview_jobs, run_jobs
    names = list(dict.fromkeys(names))
    takes, jobs = preview_jobs(voices, names, list(REFERENCE_TEXTS), voices_dir, cache_dir, direction)
    stored = {}
    for name, paths in zip(names, takes):
        identity = json.dumps({"takes": [p.stem for p in paths], "encoder": _weights_digest(), "version": VERSION})
        stored[name] = voiceprint_dir(cache_dir) / f"{hashlib.sha256(identity.encode()).hexdigest()[:32]}.json"
    profiles, todo = {}, []
    for name in names:
        try:
            record = json.loads(stored[name].read_text(encoding="utf-8"))
            profiles[name] = VoiceProfile(np.array(record["embedding"], np.float32), float(record["median_pitch_hz"]))
        except (OSError, ValueError, KeyError, TypeError):
            todo.append(name)
    # Only the voices without a stored profile need their takes (a cluster worker gets the profiles).
    needed = {path.stem for name, paths in zip(names, takes) if name in todo for path in paths}
    run_jobs([job for key, job in jobs.items() if key in needed], workers)
    for name, paths in zip(names, takes):
        if name not in todo:
            continue
        clips = [audio.read_wav(path) for path in paths]
        embedding = speaker.mean_embedding(speaker.embed_utterances(clips))
        # Pitch at 16 kHz: the same median, measured in a ninth of the time it takes at 44.1 kHz.
        mono = np.concatenate([speaker.resample(samples, rate) for samples, rate in clips])
        profile = VoiceProfile(embedding, round(median_pitch_hz(mono, speaker.RATE), 1))
        write_text(stored[name], json.dumps({"voice": name, "median_pitch_hz": profile.median_pitch_hz,
                                             "embedding": [round(float(v), 7) for v in embedding]}))
        profiles[name] = profile
    return {name: profiles[name] for name in names}


def voice_references(voices: dict, names: Sequence[str], voices_dir: Path, cache_dir: Path,
                     workers: int | None = None, deliveries: Iterable[tuple[str, str | None]] = ()) -> dict[str, np.ndarray]:
    """{label: unit-length reference embedding} for each named voice, and for each (voice, direction)
    of `deliveries`: a whispered or shouted take is compared with its voice whispering or shouting
    (a whisper keeps little of a voice; a shout moves a low voice towards a higher one)."""
    references = {name: profile.embedding for name, profile in
                  voice_profiles(voices, names, voices_dir, cache_dir, workers).items()}
    by_direction: dict[str, list[str]] = {}
    for voice, direction in deliveries:
        if direction and voice in voices:
            by_direction.setdefault(direction, []).append(voice)
    for direction, delivered in sorted(by_direction.items()):
        for name, profile in voice_profiles(voices, delivered, voices_dir, cache_dir, workers, direction).items():
            references[label(name, direction)] = profile.embedding
    return references


def episode_references(project, used: Sequence[str], deliveries: Iterable[tuple[str | None, str | None]] = (),
                       workers: int | None = None) -> dict[str, np.ndarray]:
    """References of the voices a take could be confused with: the narrator's and those the episode
    uses (the characters who speak to each other), each also in the deliveries it is used with.
    A take in a voice from outside the episode is caught as far from its own voice."""
    from pipeline.model.casting import load_casting
    voices, cast, _ = load_casting(project.voices)
    names = [n for n in [cast.narrator, *used] if n in voices]
    return voice_references(voices, names, project.voices, project.take_cache, workers,
                            [(v, d) for v, d in deliveries if v in voices])


def embed_takes(paths: Sequence[Path]) -> tuple[np.ndarray, list[float]]:
    """(n, 256) embeddings of take WAVs and the seconds of speech each kept after silence trimming."""
    prepared = []
    for path in paths:
        samples, rate = audio.read_wav(Path(path))
        prepared.append(speaker.prepare(samples, rate))
    return speaker.embed_prepared(prepared), [len(p) / speaker.RATE for p in prepared]


def match_takes(paths: Sequence[Path], own_voices: Sequence[str], references: dict[str, np.ndarray],
                directions: Sequence[str | None] | None = None) -> list[dict]:
    """For each take: voice_match (similarity to its own voice, in its delivery where that reference
    exists), the nearest other voice, and a flag. Rivals are the other voices' plain references."""
    if not paths:
        return []
    embeddings, speech_s = embed_takes(paths)
    directions = list(directions) if directions is not None else [None] * len(paths)
    names = list(references)
    plain = [n for n in names if " (" not in n]
    scores = speaker.similarity(embeddings, np.stack([references[n] for n in names]))
    between = speaker.similarity(np.stack([references[n] for n in plain]), np.stack([references[n] for n in plain]))
    results = []
    for row, own, direction, seconds in zip(scores, own_voices, directions, speech_s):
        own_label = label(own, direction) if label(own, direction) in references else own
        own_score = float(row[names.index(own_label)])
        own_plain = plain.index(own)
        rivals = [names.index(n) for j, n in enumerate(plain) if n != own and between[own_plain, j] < NEAR_DUPLICATE]
        entry = {"voice_match": round(float(np.clip(own_score, 0, 1)), 3)}
        if rivals:
            nearest = max(rivals, key=lambda j: row[j])
            entry["nearest_other_voice"] = names[nearest]
            entry["nearest_other_match"] = round(float(row[nearest]), 3)
        problem = None
        if seconds >= MIN_JUDGED_S:
            # (a rival no closer than voices of the cast ever are to each other's takes is no evidence
            # the take is in its voice: a short line far from every voice is far from its own)
            margin = SHORT_TAKE_MARGIN if seconds < SHORT_TAKE_S else CLOSER_MARGIN
            if rivals and row[nearest] > own_score + margin and row[nearest] >= FAR_FROM_OWN:
                problem = f"sounds closer to voice '{names[nearest]}' ({row[nearest]:.2f}) than to its own '{own_label}'"
            elif own_score < FAR_FROM_OWN:
                # (rounded down: 0.799 is not shown as "0.80 < 0.80")
                problem = f"far from its own voice '{own_label}' ({np.floor(own_score * 100) / 100:.2f} < {FAR_FROM_OWN:.2f})"
        if problem:
            entry["voice_problem"] = problem
        results.append(entry)
    return results


def nearest_voices(profiles: dict[str, VoiceProfile]) -> dict[str, tuple[str | None, float]]:
    """For each voice, the most similar other voice and their similarity (None alone)."""
    names = list(profiles)
    if len(names) < 2:
        return {name: (None, 0.0) for name in names}
    matrix = np.stack([profiles[n].embedding for n in names])
    scores = speaker.similarity(matrix, matrix)
    np.fill_diagonal(scores, -np.inf)
    return {name: (names[int(np.argmax(row))], float(np.max(row))) for name, row in zip(names, scores)}
