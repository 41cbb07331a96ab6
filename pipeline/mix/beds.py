"""Ambience beds, made procedurally: one loop a place (and the weather and night layers).

Each bed is a whole number of seconds that loops without a seam, at -30 dBFS RMS; what makes a
place sound like itself is said beside it (a ship creaks and its water laps, a train's wheels
click at the rail joints).
"""
from __future__ import annotations

import numpy as np

from pipeline.mix.synth import (BED_S, SAMPLE_RATE, _band, _events, _level, _rng, _seamless, _slow,
                                _stereo_noise, _tone)


def _pulses(n: int, period_s: float, make, offset_s: float = 0.0) -> np.ndarray:
    """A mono track with one event every period (periods that divide 24 s keep time across the loop)."""
    track = np.zeros(n)
    for start in range(int(offset_s * SAMPLE_RATE), n, int(period_s * SAMPLE_RATE)):
        piece = make()
        track[start:start + piece.size] += piece[: n - start]
    return track


def _thud(rng, low_hz: float, high_hz: float, length_s: float, decay_s: float) -> np.ndarray:
    size = int(length_s * SAMPLE_RATE)
    return _band(rng.standard_normal(size), low_hz, high_hz) * np.exp(-np.arange(size) / (decay_s * SAMPLE_RATE))


def _voices(rng, n: int, bands=(250, 400, 650, 1000, 1500), syllables_hz: float = 5.0) -> np.ndarray:
    """Many people talking far enough away that no word is heard: voice-band noise at syllable rate."""
    def talker(low_hz):
        # syllables: short swells a few times a second, in phrases with pauses between
        syllables = np.zeros(n)
        t = rng.random() / syllables_hz
        while t < n / SAMPLE_RATE:
            size = int((0.12 + 0.1 * rng.random()) * SAMPLE_RATE)
            start = int(t * SAMPLE_RATE)
            piece = np.hanning(size)[: n - start]
            syllables[start:start + piece.size] += piece * (0.5 + 0.5 * rng.random())
            t += (0.7 + 0.6 * rng.random()) / syllables_hz
        phrases = _slow(rng, n, 0.4, 0.8)
        return _band(_stereo_noise(rng, n), low_hz, low_hz * 1.8) * (syllables * phrases)[:, None]
    return sum(talker(f) for f in bands)


def _birds(rng, n: int, every_s: float, level: float) -> np.ndarray:
    def song(r):
        notes = [_tone(2200 + 2500 * r.random(), 0.08 + 0.08 * r.random(), decay=18, sweep_to_hz=2600 + 2600 * r.random())
                 for _ in range(1 + int(r.random() * 4))]
        gap = np.zeros(int(0.04 * SAMPLE_RATE))
        return np.concatenate([x for note in notes for x in (note, gap)])
    return _events(rng, n, every_s, song, pan_spread=1.0) * level


def _countryside(rng, n, noise):
    # open country: wind that rises and falls, grass, a few distant birds
    wind = _band(noise, 120, 1800) * _slow(rng, n, 0.12, 0.8)[:, None]
    grass = _band(_stereo_noise(rng, n), 3000, 8000) * _slow(rng, n, 0.5, 0.9)[:, None] * 0.15
    return wind * 0.7 + grass + _birds(rng, n, 3.5, 0.25)


def _garden(rng, n, noise):
    # a garden or courtyard: sheltered air, leaves, birds close by and often
    air = _band(noise, 150, 1500) * _slow(rng, n, 0.2, 0.5)[:, None] * 0.35
    leaves = _band(_stereo_noise(rng, n), 2000, 7000) * _slow(rng, n, 1.0, 0.95)[:, None] * 0.2
    return air + leaves + _birds(rng, n, 0.9, 0.5)


def _street(rng, n, noise):
    # traffic: a low rumble, cars passing left to right, a horn now and then
    rumble = _band(noise, 30, 300) * _slow(rng, n, 0.2, 0.4)[:, None]
    def passing(r):
        size = int((2.0 + 2.0 * r.random()) * SAMPLE_RATE)
        return _band(r.standard_normal(size), 50, 900) * np.hanning(size) ** 2 * 2.0
    cars = _events(rng, n, 3.5, passing, pan_spread=0.9)
    horn = _events(rng, n, 11.0, lambda r: _tone(420, 0.35, decay=2, harmonics=(1, 0.6, 0.4, 0.3)) * 0.3
                   + _tone(520, 0.35, decay=2, harmonics=(1, 0.5, 0.3)) * 0.3, jitter=0.4)
    steps = _events(rng, n, 0.55, lambda r: _thud(r, 150, 2500, 0.06, 0.012) * 0.3, jitter=0.2)
    return rumble * 1.6 + cars + horn * 0.5 + steps


def _shore(rng, n, noise):
    # waves breaking every six seconds (four to the loop), the wash, gulls
    t = np.arange(n) / SAMPLE_RATE
    phase = (t % 6.0) / 6.0
    swell = np.where(phase < 0.35, (phase / 0.35) ** 2, np.exp(-(phase - 0.35) * 6))
    surf = _band(noise, 150, 5000) * (0.15 + swell)[:, None]
    wash = _band(_stereo_noise(rng, n), 2000, 9000) * (np.roll(swell, int(0.8 * SAMPLE_RATE)) * 0.4)[:, None]
    gulls = _events(rng, n, 7.0, lambda r: np.concatenate([
        _tone(1300 + 300 * r.random(), 0.25, decay=4, harmonics=(1, 0.5, 0.3), sweep_to_hz=1900),
        _tone(1800, 0.3, decay=5, harmonics=(1, 0.5, 0.3), sweep_to_hz=1100)]), pan_spread=1.0)
    return surf + wash + gulls * 0.12


def _crowd(rng, n, noise):
    # a crowd in a large space: many voices, footsteps, the space's low hum
    hum = _band(noise, 60, 300) * 0.3
    steps = _events(rng, n, 0.18, lambda r: _thud(r, 200, 3000, 0.05, 0.01) * 0.25, pan_spread=1.0)
    return _voices(rng, n, (200, 320, 500, 800, 1200, 1800), 4.0) * 1.2 + hum + steps


def _ship(rng, n, noise):
    # a wooden ship: the hull's low groan rolling slowly, timbers creaking, water lapping
    roll = _slow(rng, n, 0.1, 0.6)
    hull = _band(noise, 30, 180, order=3) * roll[:, None] * 1.5
    def creak(r):
        size = int((0.4 + 0.6 * r.random()) * SAMPLE_RATE)
        t = np.arange(size) / SAMPLE_RATE
        pitch = 180 + 250 * r.random() + 60 * np.sin(2 * np.pi * 0.8 * t)
        grain = (np.sin(2 * np.pi * (25 + 20 * r.random()) * t) > 0.2)
        return _band(np.sin(2 * np.pi * np.cumsum(pitch) / SAMPLE_RATE) * grain, 150, 2500) * np.hanning(size)
    creaks = _events(rng, n, 2.8, creak, pan_spread=0.9)
    lapping = _events(rng, n, 1.1, lambda r: _thud(r, 200, 1500, 0.35, 0.08), pan_spread=1.0)
    return hull + creaks * 0.35 + lapping * 0.8


def _train(rng, n, noise):
    # inside a train: rumble, and the wheels' clickety-clack at the rail joints once a second
    rumble = _band(noise, 40, 350) * 1.0
    rattle = _band(_stereo_noise(rng, n), 2000, 6000) * 0.08
    def clack():
        pair = np.zeros(int(0.3 * SAMPLE_RATE))
        for at in (0.0, 0.16):
            hit = _thud(rng, 300, 3000, 0.1, 0.015) + _thud(rng, 60, 250, 0.1, 0.03)
            pair[int(at * SAMPLE_RATE): int(at * SAMPLE_RATE) + hit.size] += hit
        return pair * 1.5
    clacks = _pulses(n, 1.0, clack, 0.2)
    return rumble + rattle + clacks[:, None] * np.array([1.0, 0.9])


def _carriage(rng, n, noise):
    # a horse-drawn carriage: hooves in a trotting two-beat, iron-shod wheels rumbling
    wheels = _band(noise, 60, 500) * _slow(rng, n, 0.5, 0.3)[:, None] * 0.8
    def clop():
        hit = _thud(rng, 500, 2500, 0.08, 0.012) + _tone(700 + 200 * rng.random(), 0.08, decay=60) * 0.4
        return hit * 2.0
    hooves = _pulses(n, 0.5, clop, 0.05) + _pulses(n, 0.5, clop, 0.3) * 0.8
    return wheels + hooves[:, None] * np.array([0.9, 1.0])


def _car(rng, n, noise):
    # inside a car: the engine's low harmonic drone, road noise, a little tyre hiss
    t = np.arange(n) / SAMPLE_RATE
    rev = 32 * (1 + 0.05 * (_slow(rng, n, 0.1, 1.0) - 0.5))
    phase = 2 * np.pi * np.cumsum(rev) / SAMPLE_RATE
    engine = sum(a * np.sin(k * phase) for k, a in ((1, 1.0), (2, 0.6), (3, 0.3), (4, 0.2)))
    road = _band(noise, 40, 600) * 0.6
    tyres = _band(_stereo_noise(rng, n), 1000, 4000) * 0.06
    return engine[:, None] * np.array([0.25, 0.25]) + road + tyres


def _aircraft(rng, n, noise):
    # inside an airliner: the cabin's steady broadband roar, air hissing from the vents
    roar = _band(noise, 70, 1100) * (0.9 + 0.1 * _slow(rng, n, 0.05, 1.0))[:, None]
    vents = _band(_stereo_noise(rng, n), 2500, 7000) * 0.06
    return roar + vents


def _helicopter(rng, n, noise):
    # inside a helicopter: the turbine's whine over the cabin's roar, and the blades beating the air eighteen times
    # a second (a whole number, so the loop keeps the beat)
    t = np.arange(n) / SAMPLE_RATE
    blades = (0.5 + 0.5 * np.cos(2 * np.pi * 18 * t)) ** 6
    thump = _band(_stereo_noise(rng, n), 40, 300) * blades[:, None] * 5.0
    whine = np.sin(2 * np.pi * 1800 * t) * 0.01
    return _band(noise, 80, 900) * 0.35 + thump + whine[:, None] * np.ones(2)


def _kitchen(rng, n, noise):
    # a kitchen: the icebox or range humming at mains frequency, a pot simmering, crockery
    t = np.arange(n) / SAMPLE_RATE
    hum = (np.sin(2 * np.pi * 50 * t) + 0.5 * np.sin(2 * np.pi * 100 * t) + 0.2 * np.sin(2 * np.pi * 150 * t)) * 0.04
    bubbles = _events(rng, n, 0.12, lambda r: _tone(250 + 400 * r.random(), 0.05, decay=80,
                                                    sweep_to_hz=500 + 600 * r.random()) * 0.3, pan_spread=0.3)
    clinks = _events(rng, n, 3.0, lambda r: _tone(3000 + 2000 * r.random(), 0.3, decay=18, harmonics=(1, 0.6, 0.4)) * 0.35)
    return _band(noise, 80, 1000) * 0.25 + hum[:, None] * np.ones(2) + bubbles + clinks


def _pub(rng, n, noise):
    # a pub or restaurant: conversation at the tables, glasses and cutlery, a warm low room
    glasses = _events(rng, n, 0.8, lambda r: _tone(2800 + 2500 * r.random(), 0.25, decay=22,
                                                    harmonics=(1, 0.7, 0.4, 0.2)) * 0.4, pan_spread=0.9)
    return _voices(rng, n, (220, 350, 560, 900), 4.5) * 2.5 + _band(noise, 60, 400) * 0.3 + glasses


def _church(rng, n, noise):
    # a church: near silence in a very large stone room: low air, a few far sounds with long tails
    import pedalboard as pb
    air = _band(noise, 40, 500) * 0.35
    far = _events(rng, n, 4.0, lambda r: _thud(r, 200, 2500, 0.08, 0.02) * 0.8, pan_spread=1.0)
    tail = pb.Reverb(room_size=0.98, damping=0.3, wet_level=1.0, dry_level=0.15, width=1.0)(
        far.T.astype(np.float32), SAMPLE_RATE).T
    return air + tail


def _shop(rng, n, noise):
    # a shop: a quiet room, a customer or two talking low, the till's bell now and then
    bell = _events(rng, n, 8.0, lambda r: _tone(2100, 0.9, decay=5, harmonics=(1, 0.3, 0.5)) * 0.2, jitter=0.4)
    return _band(noise, 60, 900) * 0.4 + _voices(rng, n, (300, 600), 4.0) * 0.2 + bell


def _wind(rng, n, noise):
    # wind as a layer: gusts that swell and fade, with a whistle in the gaps and corners
    gusts = _slow(rng, n, 0.15, 0.95) ** 2
    body = _band(noise, 150, 1200) * gusts[:, None]
    t = np.arange(n) / SAMPLE_RATE
    whistle_hz = 500 + 250 * _slow(rng, n, 0.3, 1.0)
    whistle = np.sin(2 * np.pi * np.cumsum(whistle_hz) / SAMPLE_RATE) * gusts * 0.05
    return body + whistle[:, None] * np.array([1.0, 0.8])


_PLACE_BEDS = {"countryside": _countryside, "garden": _garden, "street": _street, "shore": _shore,
               "crowd": _crowd, "ship": _ship, "train": _train, "carriage": _carriage, "car": _car,
               "aircraft": _aircraft, "helicopter": _helicopter,
               "kitchen": _kitchen, "pub": _pub, "church": _church, "shop": _shop, "wind": _wind}
AMBIENCES = ("waterfall", "hospital", "forest", "rain", "thunderstorm", "market", "night", "office",
             "training_ground", "room", *_PLACE_BEDS)


def _bed(name: str, seed: int) -> np.ndarray:
    rng = _rng(seed, name)
    n = int((BED_S + 2.0) * SAMPLE_RATE)
    noise = _stereo_noise(rng, n)
    if name == "waterfall":
        roar = _band(noise, 300, 9000) * _slow(rng, n, 0.3, 0.25)[:, None]
        hiss = _band(_stereo_noise(rng, n), 2500, None) * 0.8
        splash = _events(rng, n, 0.08, lambda r: _band(r.standard_normal(int(0.05 * SAMPLE_RATE)), 1500, 8000)
                         * np.exp(-np.arange(int(0.05 * SAMPLE_RATE)) / 400), pan_spread=1.0)
        sound = roar + hiss + splash * 1.5
    elif name == "hospital":
        tone = _band(noise, 80, 600) * 0.5
        t = np.arange(n) / SAMPLE_RATE
        hum = (0.05 * np.sin(2 * np.pi * 60 * t) + 0.03 * np.sin(2 * np.pi * 120 * t))[:, None] * np.ones(2)
        murmur = _band(_stereo_noise(rng, n), 250, 1500) * _slow(rng, n, 3.0, 0.8)[:, None] * 0.25
        beep = np.zeros(n)
        period = SAMPLE_RATE    # one beep a second; BED_S + 2 is whole seconds, so the loop keeps time
        for start in range(int(0.5 * SAMPLE_RATE), n, period):
            piece = _tone(1000, 0.12, decay=2.0)
            beep[start:start + piece.size] += piece[: n - start] * 0.25
        sound = tone + hum + murmur + beep[:, None] * np.array([0.8, 1.0])
    elif name == "forest":
        wind = _band(noise, 200, 3000) * _slow(rng, n, 0.2, 0.7)[:, None]
        leaves = _band(_stereo_noise(rng, n), 2000, 7000) * _slow(rng, n, 1.5, 0.9)[:, None] * 0.3
        birds = _events(rng, n, 1.2, lambda r: _tone(2500 + 2000 * r.random(), 0.15, decay=15,
                                                       sweep_to_hz=3000 + 2500 * r.random()), pan_spread=1.0)
        sound = wind * 0.6 + leaves + birds * 0.6
    elif name in ("rain", "thunderstorm"):
        hiss = _band(noise, 800, 10000) * 0.7
        drops = _events(rng, n, 0.015, lambda r: _band(r.standard_normal(300), 2000, 9000)
                        * np.exp(-np.arange(300) / 60), pan_spread=1.0)
        sound = hiss + drops * 0.8
        if name == "thunderstorm":
            rumble = _events(rng, n, 9.0, lambda r: _band(r.standard_normal(int(4 * SAMPLE_RATE)), 30, 200)
                             * np.exp(-np.arange(int(4 * SAMPLE_RATE)) / SAMPLE_RATE), jitter=0.3)
            sound = sound + rumble * 6
    elif name == "market":
        voices = _voices(rng, n, (300, 500, 800, 1200), 4.0) * 2.0
        clinks = _events(rng, n, 1.5, lambda r: _tone(2500 + 1500 * r.random(), 0.2, decay=25,
                                                        harmonics=(1, 0.5, 0.3)))
        sound = voices + clinks * 0.3
    elif name == "night":
        air = _band(noise, 100, 1500) * 0.3
        t = np.arange(n) / SAMPLE_RATE
        chirp = np.sin(2 * np.pi * 4500 * t) * (np.sin(2 * np.pi * 30 * t) > 0.3) * (np.sin(2 * np.pi * 0.7 * t) > 0.4)
        sound = air + np.stack([chirp * 0.25, np.roll(chirp, 15000) * 0.2], axis=1)
    elif name == "office":
        tone = _band(noise, 100, 800) * 0.4
        tick = np.zeros(n)
        for start in range(int(0.25 * SAMPLE_RATE), n, SAMPLE_RATE):
            piece = _band(rng.standard_normal(400), 2000, 6000) * np.exp(-np.arange(400) / 40)
            tick[start:start + 400] += piece[: n - start] * 1.5
        # someone typing in bursts across the room
        def burst(r):
            keys = [_thud(r, 1500, 7000, 0.03, 0.004) * (0.6 + 0.4 * r.random()) for _ in range(4 + int(r.random() * 14))]
            gaps = [np.zeros(int((0.08 + 0.1 * r.random()) * SAMPLE_RATE)) for _ in keys]
            return np.concatenate([x for pair in zip(keys, gaps) for x in pair])
        typing = _events(rng, n, 4.0, burst, pan_spread=0.7)
        sound = tone + tick[:, None] * np.array([1.0, 0.7]) + typing * 0.25
    elif name == "training_ground":
        wind = _band(noise, 150, 2500) * _slow(rng, n, 0.3, 0.6)[:, None]
        birds = _events(rng, n, 3.0, lambda r: _tone(3000 + 1000 * r.random(), 0.1, decay=20,
                                                       sweep_to_hz=3500), pan_spread=1.0)
        sound = wind * 0.6 + birds * 0.4
    elif name in _PLACE_BEDS:
        sound = _PLACE_BEDS[name](rng, n, noise)
    else:   # room: quiet room tone
        sound = _band(noise, 60, 1200) * 0.5
    # whole-second loops keep periodic events (beeps, ticks) on time across the seam
    return _level(_seamless(sound, 2.0), -30.0)


