"""Stage 4: takes -> mix. Lines on a timeline with pauses, beds, SFX, music, ducking and rooms.

The timeline is planned first (plain cue objects, also written as cues.json), then rendered
block by block into stems and a stereo mix, so memory stays flat however long the episode.

    dialogue bus: takes -> pan -> scene room reverb (narration stays dry and centred)
    ambience bus: scene beds, crossfaded at scene changes, ducked under speech
    sfx bus:      one-shots at their cue
    music bus:    intro, stings at scene changes, outro
"""
from __future__ import annotations

import wave

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pathlib import Path

import numpy as np
import pedalboard as pb

from pipeline.core import audio
from pipeline.core import yamlfile
from pipeline.core.errors import PipelineError, unknown_value
from pipeline.core.files import atomic_path
from pipeline.model.script import Script
from pipeline.model.timeline import Cue, Take
from pipeline.mix.sounds import SoundLibrary
from pipeline.text.vocabulary import resolve_ambience
from pipeline.core.audio import SAMPLE_RATE

BLOCK = SAMPLE_RATE * 10
ROOM_TAIL = SAMPLE_RATE * 6     # how long a room keeps ringing after its last line
STEMS = ("dialogue", "ambience", "sfx", "music")


class MixSettings(BaseModel):
    """Levels and timings a producer may change in mix.yaml; defaults tuned for speech drama."""
    model_config = ConfigDict(extra="forbid")
    bed_gain_db: float = Field(-3.0, ge=-40, le=12)       # beds are made at about -30 dBFS RMS
    duck_db: float = Field(8.0, ge=0, le=40)              # how far beds dip while someone speaks
    duck_attack_s: float = Field(0.25, gt=0, le=5)
    duck_release_s: float = Field(0.7, gt=0, le=10)
    bed_fade_s: float = Field(2.0, ge=1.0, le=20)         # fade in, fade out, crossfade at scene changes
    sfx_gain_db: float = Field(-8.0, ge=-40, le=12)
    music_gain_db: float = Field(-4.0, ge=-40, le=12)
    pause_paragraph_s: float = Field(0.65, ge=0, le=10)
    pause_exchange_s: float = Field(0.35, ge=0, le=10)
    pause_same_speaker_s: float = Field(0.45, ge=0, le=10)
    pause_beat_s: float = Field(0.25, ge=0, le=10)        # narration and speech from one paragraph
    pause_scene_s: float = Field(1.6, ge=0, le=30)
    mix_gain_db: float = Field(-3.0, ge=-24, le=6)
    intro: bool = True
    outro: bool = True
    stings: bool = True
    stems: bool = False       # also write dialogue/ambience/sfx/music WAVs: four more hour-long files


def load_mix_settings(path: Path) -> MixSettings:
    """mix.yaml beside the project's voices/, if the producer made one."""
    if not path.exists():
        return MixSettings()
    data = yamlfile.load(path, "mix settings") or {}
    if not isinstance(data, dict):
        raise PipelineError(path, 1, "mix.yaml must map settings to values", "see README 'Mix'")
    try:
        return MixSettings.model_validate(dict(data))
    except ValidationError as exc:
        error = exc.errors()[0]
        line, key = yamlfile.locate(data, tuple(error["loc"]))
        if error["type"] == "extra_forbidden":
            raise unknown_value(path, line, "mix setting", key, MixSettings.model_fields) from None
        raise PipelineError(path, line, f"{key}: {error['msg']}",
                            f"settings are: {', '.join(MixSettings.model_fields)}") from None


# A room a scene is heard in: reverb settings, picked from its ambience or place.
ROOMS = {
    "small": dict(room_size=0.25, damping=0.6, wet_level=0.12, dry_level=0.9, width=0.6),
    "hall": dict(room_size=0.6, damping=0.4, wet_level=0.18, dry_level=0.85, width=0.9),
    "open": dict(room_size=0.15, damping=0.8, wet_level=0.05, dry_level=0.95, width=1.0),
    "wet": dict(room_size=0.85, damping=0.2, wet_level=0.22, dry_level=0.85, width=1.0),
}
ROOM_OF_AMBIENCE = {"hospital": "small", "office": "small", "room": "small", "market": "open",
                    "forest": "open", "night": "open", "training_ground": "open", "rain": "open",
                    "thunderstorm": "open", "waterfall": "wet", "countryside": "open", "garden": "open",
                    "street": "open", "shore": "open", "wind": "open", "crowd": "hall", "church": "hall",
                    "ship": "small", "train": "small", "carriage": "small", "car": "small", "aircraft": "small", "helicopter": "small", "kitchen": "small",
                    "pub": "small", "shop": "small"}
# Weather and night play over the place's bed, a little under it: the place stays the place.
LAYER_GAIN_DB = -3.0


def room_for(ambience: str | None, place: str) -> str:
    name = ambience or resolve_ambience(place or "") or ""
    return ROOM_OF_AMBIENCE.get(name, "small")


def _pause_after(previous, line, settings: MixSettings) -> float:
    if previous is None:
        return 0.0
    if previous.pause_s is not None:
        return previous.pause_s
    if previous.kind == "dialogue" and line.kind == "dialogue":
        same = previous.speaker == line.speaker
        return settings.pause_same_speaker_s if same else settings.pause_exchange_s
    if "letter" in (previous.kind, line.kind):
        return settings.pause_paragraph_s * 1.3
    if previous.kind == "narration" and line.kind == "narration":
        return settings.pause_paragraph_s
    return settings.pause_beat_s


def plan_timeline(script: Script, takes: list[Take], pans: dict[str, float], library: SoundLibrary,
                  settings: MixSettings | None = None) -> list[Cue]:
    """Place every line, bed, SFX and music cue in episode time (seconds)."""
    settings = settings or MixSettings()
    take_at = {(t.scene, t.index): t for t in takes}
    cues: list[Cue] = []
    t = 0.0
    if settings.intro:
        intro = library.music("intro")
        length = intro.shape[0] / SAMPLE_RATE
        cues.append(Cue(0.0, length, "music", script.scenes[0].id, name="intro",
                        gain_db=settings.music_gain_db, fade_out_s=2.0))
        t = max(0.0, length - 2.5)     # the first words come in over the music's tail
    bed_spans = []
    for number, scene in enumerate(script.scenes):
        if number:
            if settings.stings:
                sting = library.music("sting")
                cues.append(Cue(t, t + sting.shape[0] / SAMPLE_RATE, "music", scene.id, name="sting",
                                gain_db=settings.music_gain_db - 2))
            t += settings.pause_scene_s
        scene_start = t
        room = room_for(scene.ambience, scene.place)
        previous = None
        for index, line in enumerate(scene.lines):
            if line.kind == "note":
                continue
            t += _pause_after(previous, line, settings)
            if line.kind in ("sfx", "music"):
                clip = library.sfx(line.name) if line.kind == "sfx" else library.music(line.name)
                length = clip.shape[0] / SAMPLE_RATE
                cues.append(Cue(t, t + length, line.kind, scene.id, name=line.name,
                                gain_db=(settings.sfx_gain_db if line.kind == "sfx" else settings.music_gain_db) + line.gain_db))
                t += min(length, 1.5) * 0.8     # speech may start over an effect's tail
            elif line.voiced:
                take = take_at[(scene.id, index)]
                treatment = "letter" if line.kind == "letter" else ("thought" if line.thought else None)
                narrator = line.kind == "narration"
                cues.append(Cue(t, t + take.duration_s, "speech", scene.id, speaker=take.speaker, text=line.text,
                                take=take.key, pause_s=line.pause_s, path=str(take.path), gain_db=line.gain_db,
                                pan=0.0 if narrator else pans.get(take.speaker, 0.0),
                                room=None if narrator or treatment else room, treatment=treatment))
                t += take.duration_s
            previous = line
        t += 0.8
        bed_spans.append((scene, scene_start, t))
    beds = set(library.names("ambience"))
    for number, (scene, start, end) in enumerate(bed_spans):
        first, last = number == 0, number == len(bed_spans) - 1
        fade = settings.bed_fade_s
        bed_start = 0.0 if first else max(0.0, start - fade)
        bed_end = end + (fade + 4.0 if last else fade / 2)
        for layer, name in enumerate(dict.fromkeys((scene.ambience, *scene.layers))):
            if not name or name not in beds:
                continue
            cues.append(Cue(bed_start, bed_end, "ambience", scene.id, name=name,
                            gain_db=settings.bed_gain_db + (LAYER_GAIN_DB if layer else 0.0),
                            fade_in_s=fade if not first else fade * 1.5, fade_out_s=fade))
    total = max(c.end for c in cues) if cues else 1.0
    if settings.outro:
        outro = library.music("outro")
        speech_end = max((c.end for c in cues if c.kind == "speech"), default=t)
        start = speech_end + 1.0
        cues.append(Cue(start, start + outro.shape[0] / SAMPLE_RATE, "music", script.scenes[-1].id,
                        name="outro", gain_db=settings.music_gain_db, fade_out_s=1.0))
        total = max(total, start + outro.shape[0] / SAMPLE_RATE)
    cues.sort(key=lambda c: (c.start, c.kind))
    return cues


# ---------------------------------------------------------------- rendering

def _pan_gains(pan: float) -> np.ndarray:
    angle = (pan + 1.0) * np.pi / 4       # constant power
    return np.array([np.cos(angle), np.sin(angle)], dtype=np.float32)


def _envelope(n: int, offset: int, length: int, fade_in: int, fade_out: int) -> np.ndarray:
    """Gain over samples [offset, offset + n) of a clip `length` long with linear fades."""
    position = np.arange(offset, offset + n, dtype=np.float32)
    gain = np.ones(n, dtype=np.float32)
    if fade_in > 0:
        gain = np.minimum(gain, position / fade_in)
    if fade_out > 0:
        gain = np.minimum(gain, (length - position) / fade_out)
    return np.clip(gain, 0.0, 1.0)


def _loop(clip: np.ndarray, offset: int, n: int) -> np.ndarray:
    """Samples [offset, offset + n) of a clip repeated end to end."""
    first = offset % clip.shape[0]
    if first + n <= clip.shape[0]:
        return clip[first:first + n]
    reps = -(-(first + n) // clip.shape[0])
    return np.concatenate([clip] * reps)[first:first + n]


class _Clips:
    """Loads each clip once, as stereo at the mix rate; drops takes no longer needed."""

    def __init__(self, library: SoundLibrary):
        self.library = library
        self.cache: dict[tuple, np.ndarray] = {}

    def get(self, cue: Cue) -> np.ndarray:
        key = (cue.kind, cue.name, cue.path)
        if key not in self.cache:
            if cue.kind == "speech":
                data, _ = audio.read_wav(Path(cue.path))
                clip = data[:, 0:1] * _pan_gains(cue.pan)[np.newaxis, :]
                clip = _treat(clip, cue.treatment)
            elif cue.kind == "ambience":
                clip = self.library.bed(cue.name)
            elif cue.kind == "sfx":
                clip = self.library.sfx(cue.name)
            else:
                clip = self.library.music(cue.name)
            self.cache[key] = np.ascontiguousarray(clip, dtype=np.float32)
        return self.cache[key]

    def forget(self, cue: Cue) -> None:
        if cue.kind == "speech":
            self.cache.pop((cue.kind, cue.name, cue.path), None)


def _treat(clip: np.ndarray, treatment: str | None) -> np.ndarray:
    if treatment == "letter":
        # A letter is heard as read in the writer's head: narrower band, soft close echo.
        board = pb.Pedalboard([pb.HighpassFilter(250), pb.LowpassFilter(5000),
                               pb.Delay(delay_seconds=0.09, feedback=0.15, mix=0.15)])
    elif treatment == "thought":
        board = pb.Pedalboard([pb.Reverb(room_size=0.3, wet_level=0.15, dry_level=0.9, width=0.3),
                               pb.LowShelfFilter(cutoff_frequency_hz=250, gain_db=2)])
    else:
        return clip
    tail = np.zeros((SAMPLE_RATE // 2, 2), dtype=np.float32)
    out = board(np.concatenate([clip, tail]).T, SAMPLE_RATE).T
    return out[: clip.shape[0] + tail.shape[0] // 2]


class _Ducking:
    """Bed gain (linear) that dips under speech with smooth ramps, for any run of samples."""

    def __init__(self, speech: list[tuple[float, float]], settings: MixSettings):
        self.settings = settings
        spans = sorted(speech)
        self.starts = np.array([a for a, _ in spans])
        self.ends = np.maximum.accumulate(np.array([b for _, b in spans])) if spans else np.array([])
        self.spans = spans

    def gain(self, start: int, n: int) -> np.ndarray:
        s = self.settings
        activity = np.zeros(n, dtype=np.float32)
        t0 = start / SAMPLE_RATE - s.duck_release_s
        t1 = (start + n) / SAMPLE_RATE + s.duck_attack_s
        first = int(np.searchsorted(self.ends, t0))        # ends are non-decreasing
        last = int(np.searchsorted(self.starts, t1, side="right"))
        if first >= last:
            return np.ones(n, dtype=np.float32)
        rate = np.float32(SAMPLE_RATE)
        for a, b in self.spans[first:last]:
            # only the samples this span's ramps and body touch
            lo = max(0, int((a - s.duck_attack_s) * SAMPLE_RATE) - start)
            hi = min(n, int((b + s.duck_release_s) * SAMPLE_RATE) + 1 - start)
            if hi <= lo:
                continue
            times = np.arange(start + lo, start + hi, dtype=np.float64).astype(np.float32) / rate
            rise = np.clip((times - np.float32(a - s.duck_attack_s)) / np.float32(s.duck_attack_s), 0, 1)
            fall = np.clip((np.float32(b + s.duck_release_s) - times) / np.float32(s.duck_release_s), 0, 1)
            np.maximum(activity[lo:hi], np.minimum(rise, fall), out=activity[lo:hi])
        return np.exp(activity * np.float32(-s.duck_db * np.log(10) / 20))


class _WavWriter:
    def __init__(self, path: Path):
        self._atomic = atomic_path(path)
        self._tmp = self._atomic.__enter__()
        self._wav = wave.open(str(self._tmp), "wb")
        self._wav.setnchannels(2)
        self._wav.setsampwidth(2)
        self._wav.setframerate(SAMPLE_RATE)

    def write(self, block: np.ndarray) -> None:
        self._wav.writeframes(audio.to_pcm16(block).tobytes())

    def close(self, ok: bool = True) -> None:
        self._wav.close()
        if ok:
            self._atomic.__exit__(None, None, None)
        else:
            self._atomic.__exit__(RuntimeError, RuntimeError(), None)


def render_mix(cues: list[Cue], library: SoundLibrary, mix_path: Path, stems_dir: Path | None,
               settings: MixSettings | None = None) -> dict:
    """Render the timeline to a 16-bit stereo WAV (and stems), one block at a time.

    Only the cues sounding in a block are touched, and a room's reverb runs only while it
    has input or a tail, so the work grows with the episode's length and no faster.
    """
    settings = settings or MixSettings()
    total = int(np.ceil(max(c.end for c in cues) * SAMPLE_RATE)) + SAMPLE_RATE
    ducking = _Ducking([(c.start, c.end) for c in cues if c.kind == "speech"], settings)
    rooms = {name: pb.Reverb(**params) for name, params in ROOMS.items()}
    room_tail_until = {name: -1 for name in ROOMS}
    # Headroom, then a safety limiter: the mix never clips, the master sets the final level.
    mix_gain = np.float32(10 ** (settings.mix_gain_db / 20))
    safety = audio.LookaheadLimiter(-1.0)
    clips = _Clips(library)
    loudness = audio.LoudnessMeter()     # measured here so the master need not read the mix twice
    writers = {"mix": _WavWriter(mix_path)}
    if stems_dir is not None:
        writers.update({stem: _WavWriter(stems_dir / f"{stem}.wav") for stem in STEMS})
    upcoming = sorted(cues, key=lambda c: c.start)
    next_cue = 0
    active: list[Cue] = []
    peak = 0.0
    ok = False
    try:
        for start in range(0, total, BLOCK):
            n = min(BLOCK, total - start)
            end = start + n
            while next_cue < len(upcoming) and int(round(upcoming[next_cue].start * SAMPLE_RATE)) < end:
                active.append(upcoming[next_cue])
                next_cue += 1
            buses = {stem: np.zeros((n, 2), dtype=np.float32) for stem in STEMS}
            room_buses: dict[str, np.ndarray] = {}
            still = []
            for cue in active:
                first, last = int(round(cue.start * SAMPLE_RATE)), int(round(cue.end * SAMPLE_RATE))
                if last <= start:
                    clips.forget(cue)
                    continue
                still.append(cue)
                clip = clips.get(cue)
                lo, hi = max(first, start), min(last, end)
                offset = lo - first
                if cue.kind == "ambience":     # beds are loops, tiled as long as the scene lasts
                    piece = _loop(clip, offset, hi - lo)
                else:
                    piece = clip[offset: offset + (hi - lo)]
                if piece.shape[0] == 0:
                    continue
                gain = _envelope(piece.shape[0], offset, last - first, int(cue.fade_in_s * SAMPLE_RATE),
                                 int(cue.fade_out_s * SAMPLE_RATE)) * np.float32(10 ** (cue.gain_db / 20))
                if cue.kind == "ambience":
                    gain = gain * ducking.gain(lo, piece.shape[0])
                if cue.kind == "speech" and cue.room:
                    target = room_buses.setdefault(cue.room, np.zeros((n, 2), dtype=np.float32))
                    room_tail_until[cue.room] = max(room_tail_until[cue.room], hi + ROOM_TAIL)
                else:
                    target = buses["dialogue" if cue.kind == "speech" else cue.kind]
                target[lo - start: lo - start + piece.shape[0]] += piece * gain[:, np.newaxis]
            active = still
            for name, board in rooms.items():
                if room_tail_until[name] < start:
                    continue
                dry = room_buses.get(name)
                dry = np.zeros((n, 2), dtype=np.float32) if dry is None else dry
                # reset=False keeps each room's tail flowing from one block into the next
                buses["dialogue"] += board(dry.T, SAMPLE_RATE, reset=False).T
                if room_tail_until[name] < end:
                    board.reset()
            mix = safety.process(sum(buses.values()) * mix_gain, final=end >= total)
            peak = max(peak, float(np.max(np.abs(mix))) if mix.size else 0.0)
            loudness.add(mix)
            writers["mix"].write(mix)
            for stem in STEMS:
                if stem in writers:
                    writers[stem].write(buses[stem])
        ok = True
    finally:
        for writer in writers.values():
            writer.close(ok)
    return {"duration_s": total / SAMPLE_RATE, "peak_dbfs": 20 * np.log10(peak) if peak > 0 else -120.0,
            "integrated_lufs": loudness.integrated()}
