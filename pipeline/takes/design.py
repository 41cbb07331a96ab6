"""Voice design: a new voice, as far as it can be from every voice already in the cast, within
the limits of intelligibility, gender and age.

The raw material and the moves that keep a voice a person (measured, see README 'Designed voices'):
  * Kokoro's style vectors. Their first 128 values (the decoder's) set who the voice sounds like
    and how intelligible it is; their last 128 (the prosody predictor's) set pitch and pace. A
    designed Kokoro voice blends the two halves independently: `timbre` and `prosody`.
  * piper's joe for men, moved by vocal-tract length: formant and pitch shifted together, with
    its noise and speed settings.
  * a vocal-tract ("size") shift on top of either, a pitch offset of a few semitones to land in
    the gender and age's range, and a gentle EQ colour.

Design is a search: speech is drawn from a seeded generator for the gender and age and reads
DESIGN_TEXT (one of the two sentences of QA's voice references); each speech is heard with a few
sizes and EQs, landed in the pitch range, and these candidates are ranked by their nearest cast
voice (speaker-embedding cosine against the cast's references; the voices of its own episode,
when known, count most). The best one pocketsphinx understands is then heard as QA will hear
it, by its own reference (pipeline/qa/voiceprint.py), and kept only if that reference keeps
ACCEPT's margin from every cast voice's; otherwise the next is. Every speech costs one
synthesis, so the screening stops at a CPU budget.
"""
from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.core.errors import PipelineError
from pipeline.model.ages import infer_age, infer_gender
from pipeline.model.casting import AGES, Voice
from pipeline.engines.registry import engine_class, engine_version, resolve_model
from pipeline.takes.effects import SAMPLE_RATE, process_take
from pipeline.takes.render import synthesize_raw, take_key, take_path
from pipeline.qa.voiceprint import REFERENCE_TEXTS
from pipeline.takes.voice_file import voice_yaml

# Candidates are heard on the second sentence of QA's voice references (common words the
# recogniser knows, about 4.5 s: two or three of the embedding's 1.6 s windows), so the chosen
# one's take is half its reference already.
DESIGN_TEXT = REFERENCE_TEXTS[1]
WER_LIMIT = 0.45            # the target is 0.5; a little margin for other texts
# CPU seconds one design may spend, hearing its chosen voice's reference included (target 20 s,
# kept short of it: a second reference is sometimes needed): speech is screened while the
# screening, one more speech and the one reference still to make fit in it (MIN_CANDIDATES
# speeches are screened whatever they cost). Measured on a loaded machine, a Kokoro speech
# costs 4-6 s of one core and its reference 7-10 s; a piper one a tenth of that.
BUDGET_S = 15.0
NEAR_DUPLICATE = 0.95       # above this, two voices are one (the limit, as `voices list` says)
# Screening a candidate on one sentence against the cast's two-sentence references: measured, two
# voices whose candidate read 0.93-0.95 apart had references 0.96 apart.
DUPLICATE_GUARD = 0.92
# A chosen candidate's whole reference (both of QA's sentences) must keep this far from every
# cast voice's reference, or the next candidate is heard: a margin under NEAR_DUPLICATE for other texts.
ACCEPT = 0.93
# Voices never heard in the same episode as the new one (another story's cast, a character of
# another chapter) count this much less similar than they are: distinct voices are scarce, so they are
# spent on the characters who talk to each other. Beyond DUPLICATE_GUARD no voice is discounted.
APART_SLACK = 0.10
# The voices that tell the story (the narrator's, and a first-person teller's if it has its own)
# count this much closer than they are: they speak most lines of every episode, so a voice
# 0.93 from the narrator's had two of a teller's lines heard nearer it (0.82, 0.91) in a
# 14-minute episode, and one such line stops it being publishable.
TELLER_MARGIN = 0.08
# The other voices of its episode count this much closer than they are: two old men 0.85 apart
# (the unseen 131a render) had three of the shorter one's lines heard nearer the other's voice,
# which stops an episode being publishable; a line of a second or two is heard by one or two of the
# embedding's windows, and wanders by about this much from its voice's reference.
EPISODE_MARGIN = 0.06
REFERENCES_PER_ROUND = 2
# Size, pitch and EQ are applied to speech once it is spoken, and hearing a candidate costs a
# tenth of speaking it (measured: Kokoro speaks the design text in 3.2 s of CPU, a sound and its
# embedding take 0.3 s), so each speech is heard with this many sounds.
SOUNDS_PER_SPEECH = 4
MIN_CANDIDATES = 2
MAX_CANDIDATES = 12

# Median pitch a designed voice must land in, by gender and age (Hz). Women stay at or above
# 165 Hz and adult and old men at or below it, with margin for other texts.
PITCH_RANGE_HZ = {
    ("F", "child"): (240.0, 320.0), ("F", "teen"): (205.0, 280.0), ("F", "young"): (190.0, 260.0),
    ("F", "adult"): (180.0, 240.0), ("F", "old"): (175.0, 225.0),
    ("M", "child"): (220.0, 310.0), ("M", "teen"): (125.0, 175.0), ("M", "young"): (100.0, 150.0),
    ("M", "adult"): (88.0, 145.0), ("M", "old"): (80.0, 140.0),
    # a child the text never says is a boy or a girl: a child's voice all the same
    ("X", "child"): (220.0, 320.0),
}
NEUTRAL_RANGE_HZ = (145.0, 200.0)

KOKORO_WOMEN = ("jf_gongitsune", "jf_nezumi", "jf_alpha", "jf_tebukuro")
KOKORO_MAN = "jm_kumo"
# jf_alpha's and jf_tebukuro's decoder halves are hard to understand (pocketsphinx WER near
# 0.8 whatever the prosody): they may colour a timbre but not lead it.
KOKORO_UNCLEAR = ("jf_alpha", "jf_tebukuro")
UNCLEAR_SHARE = 0.45


@dataclass
class Design:
    voice: Voice
    nearest: str | None         # the cast voice it is closest to
    similarity: float           # and how close (cosine of speaker embeddings)
    pitch_hz: float
    wer: float
    candidates: int
    seconds: float


def pitch_range(gender: str, age: str) -> tuple[float, float]:
    return PITCH_RANGE_HZ.get((gender, age), NEUTRAL_RANGE_HZ)


def voice_file_name(character: str, taken) -> str:
    """A voices/ file name for a character: lower-case letters, digits and -; unique."""
    base = re.sub(r"[^a-z0-9]+", "-", character.lower()).strip("-")[:40] or "voice"
    if not base[0].isalnum():
        base = "v" + base
    name, number = base, 2
    while name in taken:
        name, number = f"{base}-{number}", number + 1
    return name


# ---------------------------------------------------------------- the cast as heard

def _references(cast_voices: dict[str, Voice], voices_dir: Path, cache_dir: Path) -> dict[str, np.ndarray]:
    """Each cast voice's reference embedding: QA's (pipeline/qa/voiceprint.py), kept in the cache."""
    from pipeline.qa.voiceprint import voice_references
    if not cast_voices:
        return {}
    return voice_references(cast_voices, sorted(cast_voices), voices_dir, cache_dir, workers=1)


# ---------------------------------------------------------------- candidates

def _blend(rng: np.random.Generator, names: tuple[str, ...], concentration: float) -> dict[str, float]:
    weights = rng.dirichlet([concentration] * len(names))
    return {n: float(w) for n, w in zip(names, weights)}


def _tidy(blend: dict[str, float]) -> dict[str, float]:
    """Weights rounded to 2 decimals, tiny ones dropped, summing to 1."""
    kept = {n: w for n, w in blend.items() if abs(w) >= 0.03}
    total = sum(kept.values())
    return {n: round(w / total, 2) for n, w in sorted(kept.items(), key=lambda item: -item[1])}


def _female_timbre(rng: np.random.Generator) -> dict[str, float]:
    while True:
        blend = _blend(rng, KOKORO_WOMEN, 0.7)
        if sum(blend[n] for n in KOKORO_UNCLEAR) <= UNCLEAR_SHARE:
            break
    if rng.random() < 0.3:                  # a little beyond: away from one of the others
        away = str(rng.choice([n for n in KOKORO_WOMEN if blend[n] < 0.2]))
        blend[away] -= float(rng.uniform(0.1, 0.3))
    return _tidy(blend)


def _male_timbre(rng: np.random.Generator) -> dict[str, float]:
    share = float(rng.uniform(0.55, 1.0))
    blend = {KOKORO_MAN: share}
    rest = _blend(rng, ("jf_gongitsune", "jf_nezumi"), 0.8)
    for name, weight in rest.items():
        blend[name] = (1 - share) * weight
    if rng.random() < 0.3:
        blend[KOKORO_MAN] += 0.2            # beyond kumo, away from the women
        blend[str(rng.choice(list(rest)))] -= 0.2
    return _tidy(blend)


def _prosody(rng: np.random.Generator, gender: str, age: str) -> dict[str, float]:
    """Pitch and pace: women's prosody for women and children, kumo's for men, mixed for others."""
    women = _blend(rng, ("jf_gongitsune", "jf_nezumi", "jf_alpha", "jf_tebukuro"), 1.0)
    if gender == "F" or age == "child":
        male_share = float(rng.uniform(0.0, 0.3 if age in ("adult", "old") else 0.12))
    elif gender == "M":
        male_share = float(rng.uniform(0.7 if age == "teen" else 0.85, 1.0))
    else:
        male_share = float(rng.uniform(0.3, 0.6))
    blend = {n: (1 - male_share) * w for n, w in women.items()}
    blend[KOKORO_MAN] = male_share
    return _tidy(blend)


def _size_range(gender: str, age: str) -> tuple[float, float]:
    """Vocal-tract shift in semitones (> 0 smaller): children and teens smaller, grown-ups larger.

    Measured on DESIGN_TEXT, the pitch landed in range afterwards: a smaller tract costs
    intelligibility fast (+2 semitones: pocketsphinx WER 0.47-0.88 where the voice scored 0.12-0.18),
    a larger one hardly (-2 to -3.5: WER 0.06-0.29), and it is where the room is: Kokoro women
    at -2.5 semitones sat 0.79-0.86 from a cast (8 shipped voices, 12 designed) where the same
    voices unshifted sat 0.90-0.96. Women stop at -2.5 (further, their formants are a man's);
    men go to -3 when old."""
    if age == "child":
        return (0.5, 2.0)
    if age == "teen":
        return (-1.0, 1.2)
    if gender == "F":
        return {"young": (-2.0, 0.8), "old": (-2.5, 0.3)}.get(age, (-2.5, 0.5))
    if gender == "M":
        return {"young": (-2.0, 1.0), "old": (-3.0, 0.0)}.get(age, (-2.5, 1.0))
    return (-1.5, 1.0)


# The families a candidate comes from, by gender (children of either gender use the women's).
# Each family is its own region of the speaker-embedding space (measured with Resemblyzer on
# the design sentence): jf_* blends sit 0.84-0.97 from one another, so women are spread by
# prosody and vocal-tract size too; a jf_* timbre with jm_kumo's prosody and a longer vocal
# tract speaks at about 100 Hz and sits 0.72 from its nearest voice (WER 0.25): a man of its
# own; joe's and kumo's neighbourhoods are the other men.
FAMILIES = {
    "F": ("kokoro-women", "kokoro-women", "kokoro-kumo-high"),
    "M": ("piper-joe", "kokoro-kumo", "kokoro-women-low"),
    "X": ("kokoro-mixed", "kokoro-women-low", "kokoro-kumo-high"),
}


def _sound(rng: np.random.Generator, gender: str, age: str, family: str, like: Voice | None) -> dict:
    """What is done to a voice's speech after it is spoken: vocal-tract size (with the pitch it
    moves) and EQ. Drawn anew, it makes another candidate of the same speech."""
    eq = {"highpass_hz": round(float(rng.uniform(60, 110))), "low_shelf_db": round(float(rng.uniform(-3, 3)), 1),
          "presence_db": round(float(rng.uniform(-1.5, 3)), 1), "high_shelf_db": round(float(rng.uniform(-3, 2)), 1)}
    low, high = _size_range(gender, age)
    if like is not None:
        low, high = like.formant_semitones - 1.2, like.formant_semitones + 1.2
    elif family == "kokoro-women-low":
        low, high = (-2.5, -1.2)        # a longer vocal tract for a woman's timbre speaking low
    elif family == "kokoro-kumo-high":
        low, high = (max(low, 0.3), max(high, 1.5))
    size = round(float(rng.uniform(low, high)), 1)
    return {"eq": eq, "formant_semitones": size, "pitch_semitones": size}


def _candidate(rng: np.random.Generator, gender: str, age: str, like: Voice | None, family: str) -> Voice:
    common = {"gender": gender if gender in ("M", "F", "X") else "X", "age": age,
              **_sound(rng, gender, age, family, like),
              "length_scale": round(float(rng.uniform(0.92, 1.1)), 2), "pan": round(float(rng.uniform(-0.5, 0.5)), 2)}
    if like is not None:
        return _near(rng, like, common)
    kokoro = {"engine": "kokoro", "model": engine_class("kokoro").default_model}
    if family == "piper-joe":
        return Voice(engine="piper", model="en_US-joe-medium", noise_scale=round(float(rng.uniform(0.45, 0.85)), 2),
                     noise_w=round(float(rng.uniform(0.5, 0.95)), 2), **common)
    if family == "kokoro-kumo":
        return Voice(**kokoro, timbre=_male_timbre(rng), prosody=_prosody(rng, "M", age), **common)
    if family == "kokoro-women-low":
        return Voice(**kokoro, timbre=_female_timbre(rng), prosody=_prosody(rng, "M", age), **common)
    if family == "kokoro-kumo-high":
        share = float(rng.uniform(0.4, 0.7))
        timbre = {KOKORO_MAN: share, **{n: (1 - share) * w for n, w in _blend(rng, ("jf_gongitsune", "jf_nezumi"),
                                                                                   1.0).items()}}
        return Voice(**kokoro, timbre=_tidy(timbre), prosody=_prosody(rng, "F", age), **common)
    if family == "kokoro-mixed":
        timbre = _tidy({**_blend(rng, ("jf_gongitsune", "jf_nezumi"), 1.0), KOKORO_MAN: float(rng.uniform(0.3, 0.7))})
        return Voice(**kokoro, timbre=timbre, prosody=_prosody(rng, "X", age), **common)
    return Voice(**kokoro, timbre=_female_timbre(rng), prosody=_prosody(rng, "F", age), **common)


def _near(rng: np.random.Generator, like: Voice, common: dict) -> Voice:
    """A candidate in the neighbourhood of another voice: same engine and blends, moved a little."""
    data = like.model_dump(exclude={"name", "speaker", "pinned", "design_seed", "description"})
    data.update({k: common[k] for k in ("gender", "age", "pan")})
    data["formant_semitones"] = common["formant_semitones"]
    data["pitch_semitones"] = like.pitch_semitones + (data["formant_semitones"] - like.formant_semitones)
    data["length_scale"] = round(like.length_scale * float(rng.uniform(0.94, 1.06)), 2)
    data["eq"] = common["eq"]
    if like.engine == "kokoro":
        timbre = like.timbre or {n: w for n, w in _speaker_blend(like.speaker)}
        other = str(rng.choice(KOKORO_WOMEN if like.gender != "M" else (KOKORO_MAN, "jf_gongitsune")))
        share = float(rng.uniform(0.1, 0.3))
        moved = {n: w * (1 - share) for n, w in timbre.items()}
        moved[other] = moved.get(other, 0.0) + share
        data["timbre"] = _tidy(moved)
        data["prosody"] = like.prosody or {n: w for n, w in _speaker_blend(like.speaker)}
    return Voice(**data)


def _speaker_blend(speaker) -> list[tuple[str, float]]:
    """A Kokoro speaker's (first) blend, 'a:0.6,b:0.4' -> [(a, 0.6), (b, 0.4)]; a name alone weighs 1."""
    parts = []
    for item in str(speaker or "jf_alpha").split("|")[0].split(","):
        name, _, weight = item.strip().partition(":")
        try:
            parts.append((name.strip(), float(weight) if weight else 1.0))
        except ValueError:
            continue
    return parts or [("jf_alpha", 1.0)]


# ---------------------------------------------------------------- the search

def _landed(voice: Voice, raw_pitch_hz: float, gender: str, age: str, rng: np.random.Generator) -> Voice | None:
    """The candidate with its pitch offset chosen to land in range, or None if that needs more
    than 4 semitones beyond its vocal-tract shift (pitch alone makes voices unnatural)."""
    if raw_pitch_hz <= 0:
        return None
    low, high = pitch_range(gender, age)
    now = raw_pitch_hz * 2 ** (voice.formant_semitones / 12)
    target = float(np.exp(rng.uniform(np.log(low * 1.04), np.log(high / 1.04))))
    if low <= now <= high and rng.random() < 0.5:
        target = now                                # already in range: leave it be
    offset = 12 * np.log2(target / now)
    if abs(offset) > 4.0:
        return None
    pitch = round(voice.formant_semitones + offset, 1)
    if abs(pitch) > 9:
        return None
    return voice.model_copy(update={"pitch_semitones": pitch})


def _seed_for(name: str, seed: int | None) -> int:
    base = int(hashlib.sha256(name.encode()).hexdigest()[:8], 16)
    return (base + 7919 * (seed or 0)) & 0x7FFFFFFF


def design_voice(name: str, gender: str, age: str, cast_voices: dict[str, Voice], voices_dir: Path,
                 cache_dir: Path, seed: int | None = None, like: Voice | None = None, description: str = "",
                 budget_s: float = BUDGET_S, min_candidates: int = MIN_CANDIDATES, log=None,
                 heard_with=None, tellers=()) -> Design:
    """Search for a voice far from every voice in cast_voices (all of them: the cast as it is),
    farthest from those of `heard_with` (the voices of its episode, by EPISODE_MARGIN) when given,
    and from the `tellers`' voices (the narrator's) by TELLER_MARGIN.

    Candidates are screened on DESIGN_TEXT, which is one of the two sentences of QA's voice
    references; the best is then heard as QA will hear it, its whole reference (both sentences,
    made and kept as voiceprint makes them), and accepted only if no cast voice's reference is
    within ACCEPT of it. Otherwise the next candidate is heard, and more are drawn while
    MAX_CANDIDATES allow."""
    if age not in AGES:
        raise PipelineError(None, None, f"age '{age}' is not one of {', '.join(AGES)}", "pick one of them")
    if gender not in ("M", "F", "X", "U"):
        raise PipelineError(None, None, f"gender '{gender}' is not F, M or X", "pick one of them")
    gender = "X" if gender == "U" else gender
    references = _references({n: v for n, v in cast_voices.items() if n != name}, voices_dir, cache_dir)
    # CPU time: the budget is one core's, whatever else the machine runs; the cast's references
    # are outside it (each was made once, when its voice was designed, and is kept in the cache)
    started = time.process_time()
    names = list(references)
    matrix = np.array([references[n] for n in names]) if names else np.zeros((0, 1))
    slack = _slack(names, heard_with, tellers)
    used_seed = seed if seed is not None else 0
    rng = np.random.default_rng(_seed_for(name, used_seed))
    screened: list[_Candidate] = []
    families = FAMILIES["F" if age == "child" else gender]
    offset = int(rng.integers(len(families)))
    tried, costs, speech_costs = 0, [], []

    def searching() -> bool:
        spent = time.process_time() - started
        nearest = min((c.screen_nearest for c in screened), default=1.0)
        # the reference reads REFERENCE_TEXTS[0] besides the screened sentence, and embeds both; the
        # costliest candidate's engine (Kokoro's, where joe's were screened too) may be the one chosen
        reference_s = 1.6 * max(costs, default=0.0) * len(REFERENCE_TEXTS[0]) / len(DESIGN_TEXT)
        next_s = float(np.mean(speech_costs)) if speech_costs else 0.0
        return tried < min_candidates or spent + next_s + reference_s < budget_s \
            or nearest > DUPLICATE_GUARD      # never a near duplicate while MAX_CANDIDATES allow another try

    heard: list[_Candidate] = []            # candidates whose whole reference was measured
    while True:
        while tried < MAX_CANDIDATES and searching():
            tried += 1
            # the families take turns, so even a short search tries each region of voices
            before = time.process_time()
            candidates, speak_s = _screen(rng, gender, age, like, families[(offset + tried) % len(families)],
                                          voices_dir, cache_dir, matrix, slack)
            costs.append(speak_s)
            speech_costs.append(time.process_time() - before)
            screened.extend(candidates)
            if log and candidates:
                log(f"  speech {tried}: nearest {min(c.screen_nearest for c in candidates):.2f} "
                    f"({candidates[0].voice.engine}, {len(candidates)} sounds)")
        # a reference costs more than a candidate: past two refused ones, new candidates are the better buy
        chosen = _first_accepted(screened, heard, name, matrix, slack, voices_dir, cache_dir,
                                 None if tried >= MAX_CANDIDATES else REFERENCES_PER_ROUND)
        if chosen is not None or tried >= MAX_CANDIDATES:
            break
        if time.process_time() - started > 2 * budget_s and any(c.raw_nearest <= NEAR_DUPLICATE for c in heard):
            break                   # a crowded cast: the farthest reference heard, if not a near duplicate
        # every screened candidate failed on its reference: draw one more each round
        min_candidates = tried + 1
    if chosen is None:
        # none kept ACCEPT's margin: the farthest reference still short of a near duplicate
        chosen = min((c for c in heard if c.raw_nearest <= NEAR_DUPLICATE), key=lambda c: c.nearest, default=None)
    if chosen is None:
        raise PipelineError(None, None, f"no {gender} {age} voice for '{name}' was in range, intelligible and "
                            f"unlike every cast voice after {tried} tries",
                            "re-roll with --seed N, or write the voice by hand")
    closeness = matrix @ chosen.reference if names else np.zeros(0)
    nearest_name = names[int(np.argmax(closeness))] if names else None
    voice = chosen.voice.model_copy(update={"name": name, "description": description, "design_seed": used_seed})
    return Design(voice, nearest_name, float(closeness.max()) if names else 0.0, chosen.pitch_hz, chosen.wer,
                  tried, time.process_time() - started)


@dataclass
class _Candidate:
    voice: Voice
    take: np.ndarray                # its take of DESIGN_TEXT, exactly as the take cache would hold it
    score: float                    # lower is better: the nearest cast voice, the next ones breaking ties
    screen_nearest: float           # similarity of the take to the nearest cast reference (unweighed)
    order: int
    pitch_hz: float = 0.0
    wer: float = 1.0
    reference: np.ndarray | None = None
    nearest: float = 1.0            # of its whole reference to the nearest cast reference, as weighed
    raw_nearest: float = 1.0        # and as it is


def _slack(names: list[str], heard_with, tellers) -> np.ndarray:
    """How much less similar than it is each cast voice counts (below 0: more similar)."""
    return np.array([-TELLER_MARGIN if n in tellers else 0.0 if heard_with is None
                     else -EPISODE_MARGIN if n in heard_with else APART_SLACK for n in names])


def _apart(closeness: np.ndarray, slack: np.ndarray) -> np.ndarray:
    """Similarities as the search weighs them: voices of other episodes discounted by their slack,
    but never a near duplicate, and those of its episode and the tellers' (a slack below 0) counted closer."""
    return np.where((closeness > DUPLICATE_GUARD) & (slack > 0), closeness, closeness - slack)


def _screen(rng, gender: str, age: str, like: Voice | None, family: str, voices_dir: Path, cache_dir: Path,
            matrix: np.ndarray, slack: np.ndarray) -> tuple[list[_Candidate], float]:
    """Candidates of the family heard on DESIGN_TEXT, and the CPU seconds speaking cost: the speech
    is made once and heard with SOUNDS_PER_SPEECH sizes and EQs, each landed in the pitch range
    (none if none lands). Piper's speech depends on the take's seed, so its best sound is spoken
    again with that seed and kept alone."""
    from pipeline.qa.analysis import median_pitch_hz
    voice = _candidate(rng, gender, age, like, family)
    model = resolve_model(voice, voices_dir)
    before = time.process_time()
    raw, rate = synthesize_raw(DESIGN_TEXT, voice, model, 1)
    speak_s = time.process_time() - before
    raw_pitch_hz = median_pitch_hz(raw, rate)
    candidates = []
    for sound in range(SOUNDS_PER_SPEECH):
        sounded = voice if sound == 0 else Voice(**{**voice.model_dump(), **_sound(rng, gender, age, family, like)})
        landed = _landed(sounded, raw_pitch_hz, gender, age, rng)
        if landed is not None:
            candidates.append(_heard(raw, rate, landed, model, matrix, slack))
    if voice.engine != "kokoro" and candidates:
        best = min(candidates, key=lambda c: c.score).voice
        # the take QA's reference will use, with that take's seed: piper draws its noise from it
        raw, rate = synthesize_raw(DESIGN_TEXT, best, model, _take_seed(best, model))
        candidates = [_heard(raw, rate, best, model, matrix, slack)]
    return candidates, speak_s


def _take_seed(voice: Voice, model) -> int:
    return take_key(DESIGN_TEXT, voice, None, engine_version(voice.engine), model)[1]


def _heard(raw: np.ndarray, rate: int, voice: Voice, model, matrix: np.ndarray, slack: np.ndarray) -> _Candidate:
    """The candidate's take of DESIGN_TEXT as the take cache would hold it, and how near the cast it is."""
    from pipeline.qa import speaker
    take = process_take(raw, rate, voice, None, _take_seed(voice, model))
    vector = speaker.embed_utterance(take, SAMPLE_RATE)
    raw = matrix @ vector if matrix.shape[0] else np.zeros(0)
    # the nearest voice (as weighed) counts most; the next ones break ties between equally near candidates
    ranked = np.sort(_apart(raw, slack))[::-1]
    score = float(ranked[0] + 0.2 * ranked[:3].mean()) if ranked.size else 0.0
    return _Candidate(voice, take, score, float(raw.max()) if raw.size else 0.0, 0)


def _first_accepted(screened: list[_Candidate], heard: list[_Candidate], name: str, matrix: np.ndarray,
                    slack: np.ndarray, voices_dir: Path, cache_dir: Path, limit: int | None) -> _Candidate | None:
    """The best screened candidate that pocketsphinx understands and whose whole reference keeps
    ACCEPT's margin from every cast voice's, hearing at most `limit` new references (None: all);
    the ones measured are added to `heard`."""
    new = 0
    from pipeline.qa.analysis import median_pitch_hz
    from pipeline.core.audio import as_stored
    from pipeline.qa.recognizer import transcribe, word_error_rate
    for order, candidate in enumerate(screened):
        candidate.order = order
    for candidate in sorted(screened, key=lambda c: (c.screen_nearest > DUPLICATE_GUARD, c.score, c.order)):
        if candidate.reference is not None or candidate.wer < 0:
            continue                                    # measured in an earlier round
        if limit is not None and new >= limit:
            return None
        # heard as the stored take is heard later (preview, QA): the recogniser tells 16-bit
        # rounding apart, and a candidate judged on the float take was heard worse from its file
        stored = as_stored(candidate.take)
        candidate.wer = word_error_rate(DESIGN_TEXT, transcribe(stored, SAMPLE_RATE))
        if candidate.wer > WER_LIMIT:
            candidate.wer = -1.0                        # not understood: never heard again
            continue
        candidate.pitch_hz = median_pitch_hz(candidate.take, SAMPLE_RATE)
        candidate.reference = _reference_of(candidate, name, voices_dir, cache_dir)
        new += 1
        raw = matrix @ candidate.reference if matrix.shape[0] else np.zeros(1)
        candidate.nearest, candidate.raw_nearest = float(_apart(raw, slack).max()), float(raw.max())
        heard.append(candidate)
        if candidate.nearest <= ACCEPT:
            return candidate
    return None


def _reference_of(candidate: _Candidate, name: str, voices_dir: Path, cache_dir: Path) -> np.ndarray:
    """The candidate's voice reference as QA makes it (pipeline/qa/voiceprint.py): its screening
    take is stored in the take cache under its key, so only the other sentence is synthesized."""
    from pipeline.core import audio
    from pipeline.qa.voiceprint import voice_profiles
    voice = candidate.voice
    key, _ = take_key(DESIGN_TEXT, voice, None, engine_version(voice.engine), resolve_model(voice, voices_dir))
    path = take_path(cache_dir, key)
    if audio.cached_duration(path) is None:
        audio.write_take(path, candidate.take)
    return voice_profiles({name: voice}, [name], voices_dir, cache_dir, workers=1)[name].embedding


# ---------------------------------------------------------------- descriptions

def description_hints(description: str) -> dict[str, str]:
    """What a producer's description says about age: 'old', 'little girl', 'teenage'..."""
    age = infer_age([description]) if description.strip() else ""
    return {"age": age} if age and age != "adult" else {}


def design_and_write(project, name: str, gender: str, age: str | None = None, description: str = "",
                     like: str | None = None, seed: int | None = None, force: bool = False,
                     budget_s: float = BUDGET_S, min_candidates: int = MIN_CANDIDATES, heard_with=None,
                     chapter=None) -> Design:
    """`voices design`: design voices/NAME.yaml against every other voice in voices/ (farthest
    from those of `heard_with`, or of chapter's episode: its speakers' and the narrator's) and write it.

    A pinned voice is never replaced; a hand-written one only with force. Designing a designed
    voice again without a seed re-rolls it (its seed + 1)."""
    from pipeline.core.files import write_text
    from pipeline.model.casting import load_cast, load_voice, load_voices, telling_voices
    voices_dir = project.voices
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", name or "") or name in ("cast", "lexicon"):
        raise PipelineError(None, None, f"'{name[:40]}' cannot name a voice file",
                            "use letters, digits, - and _ (not cast or lexicon)")
    path = voices_dir / f"{name}.yaml"
    if path.exists():
        old = load_voice(path)
        if old.pinned:
            raise PipelineError(path, None, f"voice '{name}' is pinned", "set `pinned: false` in it to design it again")
        if old.design_seed is None and not force:
            raise PipelineError(path, None, f"voice '{name}' was written by hand",
                                "pass --force to replace it with a designed voice, or pick another name")
        if seed is None and old.design_seed is not None:
            seed = old.design_seed + 1
    voices = load_voices(voices_dir) if voices_dir.is_dir() else {}
    if like is not None and like not in voices:
        raise PipelineError(voices_dir, None, f"no voice named '{like}' to design like",
                            f"use one of: {', '.join(sorted(voices))}")
    age = age or description_hints(description).get("age") or "adult"
    tellers = telling_voices(load_cast(voices_dir / "cast.yaml", voices))
    if chapter is not None:
        from pipeline.model.casting import episode_voices
        heard_with = {*(heard_with or ()), *episode_voices(project, chapter)}
    design = design_voice(name, gender, age, {n: v for n, v in voices.items() if n != name}, voices_dir,
                          project.take_cache, seed=seed, like=voices.get(like) if like else None,
                          description=description, budget_s=budget_s, min_candidates=min_candidates,
                          heard_with=heard_with, tellers=tellers)
    write_text(path, voice_yaml(design))
    return design


def voice_for_new_character(cast, voices: dict[str, Voice], character: str, aliases, gender: str = "U",
                            age: str | None = None, heard_with=None):
    """The cast entry for a character the adapter found: a voice designed for them and written
    to voices/, far from every voice there and farthest from those of `heard_with`, the voices of
    its episode (voices gains it). A cast kept only in memory (no
    voices/ folder to write in) gets the least used voice of its pool instead."""
    from pipeline.core.files import write_text
    from pipeline.core.project import Project
    from pipeline.model.casting import CastMember, suggest_voice, telling_voices
    names = [character, *aliases]
    gender = infer_gender(names, gender)
    age = age if age in AGES else infer_age(names)
    if cast.path is None:
        return CastMember(voice=suggest_voice(cast, voices, gender), gender=gender, age=age, aliases=list(aliases))
    voices_dir = Path(cast.path).parent
    name = voice_file_name(character, set(voices) | {p.stem for p in voices_dir.glob("*.yaml")} | {"cast", "lexicon"})
    design = design_voice(name, gender, age, voices, voices_dir, Project(voices_dir.parent).take_cache,
                          description=f"designed for {character}", heard_with=heard_with,
                          tellers=telling_voices(cast))
    write_text(voices_dir / f"{name}.yaml", voice_yaml(design))
    voices[name] = design.voice
    return CastMember(voice=name, gender=gender, age=age, aliases=list(aliases))
