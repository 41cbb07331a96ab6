"""Places from a scene's own words, weather and night as layers, sounds/places.yaml, beds that
sound like their places (measured), and sound cues that are sounds, on passages of our own."""
import json
from pathlib import Path

import numpy as np
import pytest
import yaml

from pipeline.core.errors import PipelineError
from pipeline.mix.mixer import LAYER_GAIN_DB, MixSettings, plan_timeline
from pipeline.mix.sounds import AMBIENCES, SAMPLE_RATE, SoundLibrary
from pipeline.model.script import Line, Scene, Script, load_script, parse_script, to_yaml
from pipeline.core import yamlfile
from pipeline.text import attribution
from pipeline.text.adapt import adapt_text
from pipeline.text.cues import sfx_in
from pipeline.text.places import LAYERS, PLACE_WORDS, layers_in, load_vocabulary, place_of

from conftest import make_project

DATA = Path(__file__).parent / "data"
CAST = {"Mara": attribution.Character("Mara", (), "F"), "Tom": attribution.Character("Tom", (), "M")}


def beds(text, **kwargs):
    script = adapt_text(text, CAST, **kwargs)
    return [(s.ambience, s.layers) for s in script.scenes]


# ---------------------------------------------------------------- places from the scene's words

@pytest.mark.parametrize("sentence, bed", [
    ("The captain's cabin smelled of tar and wet rope.", "ship"),
    ("The courtyard was flooded by nightfall.", "garden"),
    ("The offices of Hale and Marsh took up the top floor.", "office"),
    ("Mrs. Oduya's kitchen smelled of cardamom.", "kitchen"),
    ("The noodle stall at the end of the lane was busy.", "street"),
    ("The lower meadow lay under an inch of water.", "countryside"),
    ("They sat in silence on the night train to Leeds.", "train"),
    ("By noon the pub was full.", "pub"),
    ("Inside the chapel, candles guttered.", "church"),
    ("She waited on the beach until the tide turned.", "shore"),
    ("The back seat of the car was covered in maps.", "car"),
    ("He found her in the garden, cutting roses.", "garden"),
])
def test_the_opening_names_the_place(sentence, bed):
    assert place_of(sentence)[0] == bed


@pytest.mark.parametrize("sentence", [
    "The forest was never mentioned again.",
    "He was in time for the train.",          # a figure: no train
    "She wanted to study.",
    "He was going to train all night.",
    "It was a quiet afternoon.",
])
def test_words_that_are_not_a_place(sentence):
    assert place_of(sentence) is None


def test_a_scene_moves_only_when_someone_goes_somewhere():
    assert place_of("She ran into the kitchen.", opening=False)[0] == "kitchen"
    assert place_of("The kitchen smelled of bread.", opening=False) is None     # a subject later on: no move
    assert place_of("He walked into the room.", opening=False) is None          # a room is not a new scene


def test_rooms_carry_on_and_only_movement_splits_a_scene():
    text = ("Tom waited in the hospital corridor all night.\n\n"
            '"Go home," Mara said.\n\n***\n\n'
            "The next morning Tom went back to Mara's room.\n\n"    # a room of the hospital: still the hospital
            "He walked into the room and sat down. Later he ran out into the street.\n")
    found = beds(text)
    assert [bed for bed, _ in found] == ["hospital", "hospital", "street"]
    assert found[0][1] == ("night",) and "night" not in found[1][1]    # the next morning is not night


def test_layers_are_weather_and_time_over_a_place_never_a_place():
    text = ("The lower field was flooded by nightfall. Rain fell steadily on the brown water.\n\n"
            '"Stay back," Tom said.\n')
    [(bed, layers)] = beds(text)
    assert bed == "countryside" and set(layers) == {"rain", "night"}
    assert layers_in("The rain had stopped by noon.") == []
    assert layers_in("Last night he had slept badly.") == []
    assert layers_in("The wind rose and thunder rolled over the hills.") == ["thunderstorm", "wind"]
    # a stormy night on its own gives layers and no place: the scene keeps a quiet room
    assert beds("It was a dark and stormy night.\n\nMara waited.\n") == [("room", ("thunderstorm", "night"))]


def test_an_unnamed_scene_keeps_the_last_place_and_never_borrows_a_later_one():
    text = ("Mara read by the window.\n\n***\n\n"
            "Tom's kitchen smelled of onions.\n\n***\n\n"
            "Nobody spoke for a long time.\n\n***\n\n"
            "The forest was dark and full of birds.\n")
    assert [bed for bed, _ in beds(text)] == ["room", "kitchen", "kitchen", "forest"]


def test_chapter_one_keeps_its_beds():
    text = (Path(__file__).parents[1] / "chapters" / "ch01.txt").read_text(encoding="utf-8")
    found = [bed for bed, _ in beds(text)]
    assert [b for i, b in enumerate(found) if i == 0 or b != found[i - 1]] == ["hospital", "forest", "waterfall"]


@pytest.mark.parametrize("name, expected", [
    ("first-person-office-street-kitchen.txt", [("office", set()), ("street", {"rain", "night"}), ("kitchen", set())]),
    ("third-person-stall-office-field.txt", [("street", set()), ("office", set()),
                                             ("countryside", {"rain", "night"})]),
])
def test_demo_chapters_get_their_places(name, expected):
    script = adapt_text((DATA / "chapters" / name).read_text(encoding="utf-8"), None)
    assert [(s.ambience, set(s.layers)) for s in script.scenes] == expected


def test_layers_survive_the_script_file(tmp_path):
    script = Script("T", (Scene("s1", place="field", ambience="countryside", layers=("rain", "night"),
                                lines=(Line("narration", text="Rain."),)),))
    path = tmp_path / "ch01.yaml"
    path.write_text(to_yaml(script))
    assert load_script(path).scenes[0].layers == ("rain", "night")
    bad = to_yaml(script).replace("- rain", "- {rain: 1}")
    with pytest.raises(PipelineError, match="layers must be a list of bed names"):
        parse_script(yamlfile.loads(bad, "x.yaml"), Path("x.yaml"))


# ---------------------------------------------------------------- sounds/places.yaml

def test_a_producers_words_choose_beds(tmp_path):
    path = tmp_path / "places.yaml"
    path.write_text("places:\n  office: [scriptorium]\n  pub: [gin palace]\nlayers:\n  rain: [monsoon]\n")
    vocabulary = load_vocabulary(path, AMBIENCES)
    assert place_of("The scriptorium was cold.", vocabulary)[0] == "office"
    assert place_of("The scriptorium was cold.") is None
    assert beds("The gin palace was loud with the monsoon.\n\nTom drank.\n", places=vocabulary) == [("pub", ("rain",))]


@pytest.mark.parametrize("text, line, words", [
    ("places:\n  ofice: [counting house]\n", 2, "there is no bed called 'ofice' — did you mean 'office'?"),
    ("places:\n  office: [counting house]\n  pubb: gin palace\n", 3, "did you mean 'pub'?"),
    ("places:\n  office: []\n", 2, "'office' needs a list of words"),
    ("rooms:\n  office: [x]\n", 1, "unknown section 'rooms'"),
    ("- office\n", 1, "places.yaml must have"),
])
def test_places_yaml_mistakes_are_reported_with_their_line(tmp_path, text, line, words):
    path = tmp_path / "places.yaml"
    path.write_text(text)
    with pytest.raises(PipelineError) as caught:
        load_vocabulary(path, AMBIENCES)
    assert str(caught.value).startswith(f"{path}:{line}: ") and words in str(caught.value)


def test_the_shipped_places_yaml_is_valid_and_every_word_has_a_bed():
    load_vocabulary(Path(__file__).parents[1] / "sounds" / "places.yaml", AMBIENCES)
    assert set(PLACE_WORDS) <= set(AMBIENCES) and set(LAYERS) <= set(AMBIENCES)


# ---------------------------------------------------------------- beds that sound like their places

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


# ---------------------------------------------------------------- sound cues that are sounds

CUE_SET = yaml.safe_load((DATA / "sound_cue_sentences.yaml").read_text(encoding="utf-8"))


def test_figures_of_speech_cue_no_sound():
    wrong = {item["text"]: sfx_in(item["text"]) for item in CUE_SET if not item["cues"] and sfx_in(item["text"])}
    assert wrong == {}


def test_real_events_are_kept_with_high_precision():
    hits = extra = missed = 0
    for item in CUE_SET:
        found, wanted = set(sfx_in(item["text"])), set(item["cues"])
        hits, extra, missed = hits + len(found & wanted), extra + len(found - wanted), missed + len(wanted - found)
    assert hits / (hits + extra) >= 0.95 and hits / (hits + missed) >= 0.85


# ---------------------------------------------------------------- end to end

SHORT_CHAPTER = """\
The office of Dunmore Shipping was on the second floor, above a bakery. Mara Quill had the desk by the window.

"The manifest is wrong," said Mara. "Three crates too many."

"Then count them again," said Tom Bell, without looking up.

She shut the door of the office behind her.

***

The lower field was flooded by nightfall, and the rain had not let up since noon. Old Fen stood at the gate with a lantern.

"You're late," said Fen.

"The bus ran into the ditch," Tom said.
"""


@pytest.fixture(scope="module")
def rendered_short_chapter(tmp_path_factory):
    from pipeline.run.episode import make_episode
    project = make_project(tmp_path_factory.mktemp("places") / "proj", script=None)
    (project.chapters / "ch05.txt").write_text(SHORT_CHAPTER, encoding="utf-8")
    make_episode(project, 5, workers=2, log=lambda *_: None, check=False)
    return project


def test_a_rendered_chapter_has_its_places_and_layers(rendered_short_chapter):
    project = rendered_short_chapter
    script = load_script(project.script(5))
    assert [(s.ambience, set(s.layers)) for s in script.scenes] == [("office", set()), ("countryside", {"rain", "night"})]
    sfx = [l.name for s in script.scenes for l in s.lines if l.kind == "sfx"]
    assert sfx == ["door_close"]                    # the bus "ran into the ditch" is no footsteps
    cues = json.loads((project.episode_dir(5) / "cues.json").read_text())
    by_scene = {}
    for cue in cues:
        if cue["kind"] == "ambience":
            by_scene.setdefault(cue["scene"], set()).add(cue["name"])
    assert list(by_scene.values()) == [{"office"}, {"countryside", "rain", "night"}]
    assert not {"forest", "market", "waterfall", "hospital"} & set().union(*by_scene.values())
    speakers = {c["speaker"] for c in cues if c["kind"] == "speech"}
    assert {"Mara", "Tom", "Fen"} <= {s.split()[0] for s in speakers}
