"""The adapter on chapter 1 and on prose of our own."""
import re
from pathlib import Path

import pytest

from pipeline.text import attribution
from pipeline.core.errors import PipelineError
from pipeline.text.adapt import adapt_text, is_author_note, is_scene_break, sfx_in
from pipeline.text.places import place_of
from pipeline.run.stages import adapt_chapter
from pipeline.model.script import load_script, parse_script, to_yaml
from pipeline.core import yamlfile
from pipeline.model.casting import load_casting


@pytest.fixture(scope="module")
def chapter_one(tmp_path_factory):
    from conftest import make_project
    project = make_project(tmp_path_factory.mktemp("adapt") / "proj", script=None)
    path, written = adapt_chapter(project, 1)
    assert written
    return project, load_script(path)


def all_lines(script):
    return [line for scene in script.scenes for line in scene.lines]


def test_preamble_and_author_notes_are_notes_not_story(chapter_one):
    _, script = chapter_one
    assert len(script.notes) == 2
    assert script.notes[0].startswith("I've watched the Naruto series")
    assert script.notes[1].startswith("This is placed AFTER")
    notes = [l.text for l in all_lines(script) if l.kind == "note"]
    assert any(n.startswith("(A/N: When Jiraiya") for n in notes)
    voiced = " ".join(l.text for l in all_lines(script) if l.voiced)
    assert "A/N" not in voiced and "I've watched" not in voiced


def test_tsunade_speaks_her_line(chapter_one):
    _, script = chapter_one
    line = next(l for l in all_lines(script) if l.text.startswith("Naruto, I know you feel bad"))
    assert (line.kind, line.speaker) == ("dialogue", "Tsunade")


def test_the_letter_is_voiced_by_naruto(chapter_one):
    _, script = chapter_one
    letter = next(l for l in all_lines(script) if l.kind == "letter")
    assert letter.speaker == "Naruto" and letter.text.startswith("Dear Oba-chan")
    assert letter.voiced


def test_scenes_follow_the_places(chapter_one):
    _, script = chapter_one
    beds = [s.ambience for s in script.scenes]
    assert beds[0] == "hospital"
    order = [b for i, b in enumerate(beds) if i == 0 or b != beds[i - 1]]
    assert order == ["hospital", "forest", "waterfall"]
    forest = next(s for s in script.scenes if s.ambience == "forest")
    assert forest.lines[0].text.startswith("Meanwhile, Naruto was in his favorite hiding place")


def test_the_knock_is_a_sound_cue(chapter_one):
    _, script = chapter_one
    lines = all_lines(script)
    knock = next(i for i, l in enumerate(lines) if l.kind == "sfx" and l.name == "knock")
    assert "knocked on his door" in lines[knock - 1].text


def words(text):
    # quote marks are not words: dialogue lines drop them, 'single-quoted' speech included
    return re.findall(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*", text)


def test_nothing_of_the_story_is_lost(chapter_one):
    project, script = chapter_one
    source = (project.chapters / "ch01.txt").read_text(encoding="utf-8")
    kept = " ".join([*script.notes, *(f"{l.text} {l.tag or ''}" for l in all_lines(script))])
    assert sorted(words(source)) == sorted(words(kept))


def test_the_script_is_never_overwritten_without_force(chapter_one):
    project, _ = chapter_one
    path = project.script(1)
    path.write_text(path.read_text() + "# my edit\n")
    assert adapt_chapter(project, 1) == (path, False)
    assert path.read_text().endswith("# my edit\n")
    adapt_chapter(project, 1, force=True)
    assert path.with_name("ch01.yaml.bak1").read_text().endswith("# my edit\n")
    assert not path.read_text().endswith("# my edit\n")


def test_new_characters_join_the_cast_with_a_voice(cast_project):
    project = cast_project
    (project.chapters / "ch03.txt").write_text(
        'Ino Yamanaka walked into the flower shop.\n\n"Forehead, you are late," Ino said.\n\n'
        '"Sorry," said Sakura.\n', encoding="utf-8")
    adapt_chapter(project, 3)
    voices, cast, _ = load_casting(project.voices)
    speakers = {l.speaker for l in all_lines(load_script(project.script(3))) if l.kind == "dialogue"}
    assert "Sakura" in speakers
    newcomers = speakers - {"Sakura"}
    assert newcomers, speakers
    for name in newcomers:
        assert cast.characters[name].voice not in (None, cast.narrator)
        assert cast.characters[name].voice != cast.characters["Sakura"].voice
    assert "# Who speaks with which voice" in (project.voices / "cast.yaml").read_text()


def test_author_notes_and_places_and_cues_on_prose_of_our_own():
    assert is_author_note("A/N: thanks for all the reviews!")
    assert is_author_note("Disclaimer: I don't own any of these characters.")
    assert not is_author_note("The rain fell on the old roof all night.")
    # a first-person teller's own words about writing, a story or a review are still the story
    for told in ("The file landed on my desk at nine. Someone had written PIKE across the front in capitals.",
                 "I take my laptop to the end of the table and start writing. Two hundred words on the flood.",
                 "He woke up under the heat lamp and ate a dandelion leaf, which I took as a good review.",
                 "I told my story to the sergeant twice, and the second time he wrote it down."):
        assert not is_author_note(told), told
    for note in ("Sorry this chapter took so long to update, you guys are the best readers ever!",
                 "Please review! i love reading your reviews", "thanks for reading my fic everyone"):
        assert is_author_note(note), note
    assert place_of("She ran into the woods behind the house.")[0] == "forest"
    assert place_of("The forest was never mentioned.") is None
    assert "door_slam" in sfx_in("He slammed the door behind him.")
    assert "thunder" in sfx_in("Thunder rolled over the hills.")
    assert sfx_in("He did not knock on the door.") == []


def test_scene_break_marks_and_speech_tags():
    text = ('Mara sat in the library.\n\n"Long enough," Mara said, "to know better."\n\n***\n\n'
            'Later that night, the wind rose.\n')
    cast = {"Mara": attribution.Character("Mara", (), "F")}
    script = adapt_text(text, cast)
    assert len(script.scenes) == 2
    line = next(l for l in all_lines(script) if l.kind == "dialogue")
    assert line.speaker == "Mara" and line.text == "Long enough, to know better."
    assert line.tag and "Mara said" in line.tag


try:
    from hypothesis import given, settings, strategies as st
except ImportError:  # pragma: no cover - hypothesis is a test dependency
    given = None

if given:
    prose = st.lists(st.one_of(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
        st.sampled_from(['"Hello," said Mara.', "'Run!' he shouted.", "***", "A/N: thanks!", "“Curly” she said",
                         '"Unclosed', "He knocked.", "In the forest.", "(think of it)", "\n", "~Mara~"])),
        max_size=12).map("\n\n".join)

    @settings(max_examples=60, deadline=None)
    @given(prose)
    def test_any_text_gives_a_valid_script_and_loses_nothing(text):
        cast = {"Mara": attribution.Character("Mara", (), "F")}
        if not re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", text).strip():
            with pytest.raises(PipelineError, match="empty"):
                adapt_text(text, cast)
            return
        script = adapt_text(text, cast)
        again = parse_script(yamlfile.loads(to_yaml(script), "fuzz.yaml"), Path("fuzz.yaml"))
        assert len(again.scenes) == len(script.scenes)
        kept = " ".join([*script.notes, *(f"{l.text} {l.tag or ''}" for l in all_lines(script))])
        story = [p for p in re.split(r"\n", text) if not is_scene_break(p)]
        assert sorted(words(" ".join(story))) == sorted(words(kept))


def test_a_scene_full_of_desks_and_printers_is_an_office_and_a_classroom_is_not():
    cast = {"Ines": attribution.Character("Ines", (), "F"), "Rob": attribution.Character("Rob", (), "M")}
    work = ('The desks on the third floor had been pushed into pods. The printer jammed again.\n\n'
            '"Coffee?" said Ines.\n\n"Always," said Rob.\n')
    school = ('The desks were in rows and the chalk dust hung in the light.\n\n'
              '"Sit down," said Ines.\n\n"Yes, miss," said Rob.\n')
    assert [s.ambience for s in adapt_text(work, cast).scenes] == ["office"]
    assert [s.ambience for s in adapt_text(school, cast).scenes] == ["room"]


def test_a_building_the_opening_names_gives_way_to_the_room_of_it_the_next_sentence_works_in():
    cast = {"Ines": attribution.Character("Ines", (), "F"), "Rob": attribution.Character("Rob", (), "M")}
    court = ('Nobody at the Bexley Courthouse would say the word flood.\n\n'
             'My desk was in the tax office on the ground floor, behind a glass window.\n\n"Busy?" said Ines.\n\n"No," said Rob.\n')
    hotel = ('The Grand Hotel stood on the front. Its kitchen was hot and loud at six.\n\n"Plates!" said Ines.\n')
    # a house with an armchair in it is still the house
    house = ('The cottage sat low under the hill. Ines was asleep in the armchair.\n\n"Tea?" said Rob.\n')
    assert [(s.ambience, s.place) for s in adapt_text(court, cast).scenes] == [("office", "office")]
    assert [s.ambience for s in adapt_text(hotel, cast).scenes] == ["kitchen"]
    assert [(s.ambience, s.place) for s in adapt_text(house, cast).scenes] == [("room", "cottage")]


@pytest.mark.parametrize("chapter, scenes", [
    ("first-person-past-office-motorway-field.txt", [("office", ()), ("car", ("rain",)),
                                                     ("countryside", ("night", "rain"))]),
    ("single-quotes-harbour-boat-pub.txt", [("shore", ()), ("ship", ("wind",)), ("pub", ())]),
    ("present-we-classroom-forest-platform.txt", [("room", ()), ("forest", ("night", "thunderstorm")),
                                                  ("street", ("night",))]),
    # (the wind at the kitchen window goes out with them: "the door banged behind us in the wind")
    ("first-person-single-quotes-hall-kitchen-field.txt", [("crowd", ()), ("kitchen", ("wind",)),
                                                           ("countryside", ("wind", "rain", "night", "thunderstorm"))]),
    ("first-person-present-office-court-garden.txt", [("office", ()), ("room", ()), ("garden", ("rain", "night"))]),
    ("victorian-lawn-carriage-drawing-room.txt", [("garden", ()), ("carriage", ("rain", "night", "wind", "thunderstorm")),
                                                  ("room", ("rain", "wind", "night"))]),
    ("first-person-noir-office-hospital-docks.txt", [("office", ()), ("hospital", ()), ("street", ("rain", "night")),
                                                     ("shore", ("rain", "night"))]),
    ("space-bridge-medical-bay-market.txt", [("ship", ()), ("hospital", ()), ("market", ())]),
    ("first-person-present-teen-pitch-kitchen-beach.txt", [("training_ground", ()), ("kitchen", ()),
                                                           ("shore", ("wind", "night"))]),
])
def test_chapters_written_blind_get_their_places_without_breaks_or_with_one(chapter, scenes):
    text = (Path(__file__).parents[1] / "data" / "chapters" / chapter).read_text(encoding="utf-8")
    script = adapt_text(text, None)
    assert [(s.ambience, tuple(s.layers)) for s in script.scenes] == scenes


def test_a_chapter_written_a_paragraph_a_line_is_read_paragraph_by_paragraph_its_blank_line_a_scene_break():
    from pipeline.text.quotes import lines_as_paragraphs
    office = ("The office of Hale & Sons was on the first floor, over a bakery.\n"
              '"You\'re late," said Margaret Hale.\n"The bus was late," said Tom Briggs.\n"Then get a bike."\n'
              '"On these hills?"\nMargaret laughed and went back to her ledger.\n')
    beach = ("That night the rain came in off the sea, and Tom walked along the beach below the pier.\n"
             '"Evening," said Old Sam, mending a net by the lifeboat slip.\n"Evening, Sam."\n')
    script = adapt_text(office + "\n" + beach, None)
    assert [scene.ambience for scene in script.scenes] == ["office", "shore"]
    assert [line.speaker for line in script.scenes[0].lines if line.kind == "dialogue"] == [
        "Margaret Hale", "Tom Briggs", "Margaret Hale", "Tom Briggs"]
    assert "rain" in script.scenes[1].layers and "night" in script.scenes[1].layers
    # hard-wrapped prose (lines broken mid-sentence) and prose already spaced are left alone
    wrapped = ("The office of Hale & Sons was on the first\nfloor, over a bakery, and the smell of bread\n"
               "came up through the boards all day. Tom\nliked it. Margaret said it made her hungry,\n"
               "and hungry made her cross, and cross\nmade her a good deal quicker with the ledger.\n")
    assert lines_as_paragraphs(wrapped) == wrapped
    assert lines_as_paragraphs(office.replace("\n", "\n\n")) == office.replace("\n", "\n\n")


def test_a_single_mark_on_a_line_of_its_own_is_a_scene_break_and_old_men_who_argued_all_night_are_a_figure():
    from pipeline.text.weather import layers_in
    assert all(is_scene_break(mark) for mark in ("~", "§", "⁂", "◆ ◆", "* * *", "#"))
    assert not any(is_scene_break(line) for line in ("x", "I", "A.", '"—"'))
    assert "night" not in layers_in("The boats lay nodding at their moorings like old men who had argued all night.")
    text = ("The kitchen at the farm was warm, and the kettle was on.\n\n\"Tea?\" said Ann.\n\n\"Please,\" said Tom.\n\n"
            "~\n\nThe beach below the cliff was empty and the tide was out.\n\n\"Cold,\" said Tom.\n")
    assert [s.ambience for s in adapt_text(text, None).scenes] == ["kitchen", "shore"]
