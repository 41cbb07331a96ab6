"""Beds for places that had none, measured: each sounds like its place by spectrum, rhythm and
level (a train clatters once a second, the sea breaks every six seconds, a kitchen hums at mains
frequency), and a scene's layers play over its bed."""
import numpy as np
import pytest

from pipeline.mix.mixer import LAYER_GAIN_DB, MixSettings, plan_timeline
from pipeline.mix.sounds import SAMPLE_RATE, SoundLibrary
from pipeline.model.script import Line, Scene, Script


@pytest.fixture(scope="module")
def library():
    return SoundLibrary(seed=0)


def band_fraction(x, low_hz, high_hz):
    spectrum = np.abs(np.fft.rfft(x.mean(axis=1))) ** 2
    freqs = np.fft.rfftfreq(x.shape[0], 1 / SAMPLE_RATE)
    return spectrum[(freqs >= low_hz) & (freqs < high_hz)].sum() / spectrum.sum()


def envelope(x, low_hz, high_hz, hop_s=0.01):
    spectrum = np.fft.rfft(x.mean(axis=1))
    freqs = np.fft.rfftfreq(x.shape[0], 1 / SAMPLE_RATE)
    spectrum[(freqs < low_hz) | (freqs > high_hz)] = 0
    band = np.fft.irfft(spectrum, x.shape[0]) ** 2
    hop = int(hop_s * SAMPLE_RATE)
    return band[: band.size // hop * hop].reshape(-1, hop).mean(axis=1)


def period_s(frames, low_s, high_s, hop_s=0.01):
    frames = frames - frames.mean()
    correlation = np.correlate(frames, frames, "full")[frames.size - 1:]
    low, high = int(low_s / hop_s), int(high_s / hop_s)
    return (np.argmax(correlation[low:high]) + low) * hop_s


def levels_db(x, window_s=0.5):
    size = int(window_s * SAMPLE_RATE)
    windows = x[: x.shape[0] // size * size].reshape(-1, size, 2)
    return 10 * np.log10(np.mean(windows.astype(np.float64) ** 2, axis=(1, 2)) + 1e-20)


def test_the_train_clatters_once_a_second(library):
    assert abs(period_s(envelope(library.bed("train"), 300, 3000), 0.5, 2.0) - 1.0) <= 0.02


def test_the_sea_breaks_every_six_seconds(library):
    assert abs(period_s(envelope(library.bed("shore"), 150, 5000, 0.05), 3.0, 10.0, 0.05) - 6.0) <= 0.2


def test_interiors_with_engines_and_hulls_are_low_and_the_street_rumbles_and_varies(library):
    assert band_fraction(library.bed("car"), 20, 200) > 0.6               # the engine's drone
    assert band_fraction(library.bed("ship"), 20, 200) > 0.4              # the hull
    street, room = library.bed("street"), library.bed("room")
    assert band_fraction(street, 20, 400) > 1.5 * band_fraction(room, 20, 400)     # traffic rumbles
    assert np.std(levels_db(street)) > 2 * np.std(levels_db(room))         # cars come and go


def test_crowds_and_pubs_are_voices_at_syllable_rate(library):
    assert band_fraction(library.bed("crowd"), 200, 3000) > 0.7     # so many voices that they blur
    for name in ("pub", "market"):                                   # a few tables: syllables heard
        bed = library.bed(name)
        assert band_fraction(bed, 200, 3000) > 0.7, name
        frames = envelope(bed, 200, 2000)
        modulation = np.abs(np.fft.rfft(frames - frames.mean())) ** 2
        rates = np.fft.rfftfreq(frames.size, 0.01)
        syllabic = modulation[(rates > 2) & (rates < 10)].sum() / modulation[(rates > 0.05) & (rates < 40)].sum()
        assert syllabic > 0.3, name


def test_the_kitchen_hums_at_mains_frequency(library):
    bed = library.bed("kitchen").mean(axis=1)
    spectrum = np.abs(np.fft.rfft(bed))
    freqs = np.fft.rfftfreq(bed.size, 1 / SAMPLE_RATE)
    at_50 = spectrum[np.argmin(np.abs(freqs - 50))]
    around = np.median(spectrum[(freqs > 30) & (freqs < 70)])
    assert at_50 > 20 * around


def test_the_garden_has_more_birdsong_than_the_open_field_and_wind_gusts(library):
    def chirps(bed):
        frames = envelope(bed, 2200, 6000)
        return int(np.sum((frames[1:] > 4 * np.median(frames)) & (frames[:-1] <= 4 * np.median(frames))))
    assert chirps(library.bed("garden")) > 2 * chirps(library.bed("countryside")) > 0
    assert np.std(levels_db(library.bed("wind"))) > 2 * np.std(levels_db(library.bed("rain")))


def test_the_church_is_a_large_quiet_space(library):
    church = library.bed("church")
    frames = envelope(church, 200, 2500, 0.05)
    loud = np.argmax(frames)
    after = frames[loud: loud + 40]          # two seconds after its loudest moment
    decay_db = 10 * np.log10(after[0] / max(after[-1], 1e-20))
    assert decay_db < 25                      # a long tail, not a dry click (a dry click falls > 40 dB)
    assert band_fraction(church, 2000, 22050) < 0.2


def test_layers_play_over_the_bed_a_little_under_it(library):
    script = Script("T", (Scene("s1-field", ambience="countryside", layers=("rain", "night", "nosuchbed"),
                                lines=(Line("sfx", name="knock"),)),))
    cues = plan_timeline(script, [], {}, library, MixSettings(intro=False, outro=False))
    ambience = {c.name: c for c in cues if c.kind == "ambience"}
    assert set(ambience) == {"countryside", "rain", "night"}
    assert ambience["rain"].gain_db == ambience["countryside"].gain_db + LAYER_GAIN_DB
    assert ambience["rain"].start == ambience["countryside"].start and ambience["rain"].end == ambience["countryside"].end




def test_an_airliner_roars_steadily_and_a_helicopters_blades_beat_eighteen_times_a_second(library):
    aircraft, room = library.bed("aircraft"), library.bed("room")
    assert band_fraction(aircraft, 60, 1200) > 0.75                      # the cabin's roar, low and broad
    assert np.std(levels_db(aircraft)) < 1.0                              # and steady: no traffic coming and going
    helicopter = library.bed("helicopter")
    beat_s = period_s(envelope(helicopter, 40, 300, 0.005), 0.03, 0.1, 0.005)
    assert abs(beat_s - 1 / 18) <= 0.006
    # the airliner has no such beat: its low band's envelope barely moves at the blade rate
    frames = envelope(aircraft, 40, 300, 0.005)
    modulation = np.abs(np.fft.rfft(frames - frames.mean())) ** 2
    rates = np.fft.rfftfreq(frames.size, 0.005)
    near_18 = modulation[(rates > 16) & (rates < 20)].sum() / modulation[(rates > 0.5) & (rates < 60)].sum()
    helicopter_frames = envelope(helicopter, 40, 300, 0.005)
    h_mod = np.abs(np.fft.rfft(helicopter_frames - helicopter_frames.mean())) ** 2
    assert h_mod[(rates > 16) & (rates < 20)].sum() / h_mod[(rates > 0.5) & (rates < 60)].sum() > 5 * near_18
