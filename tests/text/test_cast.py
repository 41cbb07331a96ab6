"""Cast discovery on passages of our own: people only, one character per person, genders the
text gives, the first-person narrator; and how each line's speaker was decided."""
import re
from pathlib import Path

import pytest

from pipeline.text.attribution import attribute
from pipeline.text.cast import NARRATOR_ALIASES, discover_characters
from pipeline.text.first_names import first_name_gender
from pipeline.text.addressed import vocatives
from pipeline.text.animals import animal_names
from pipeline.text.names import Character, _Names

from conftest import narration_told_as_i

CHAPTERS = Path(__file__).parents[1] / "data" / "chapters"


def names_of(characters) -> dict[str, set[str]]:
    return {main: {main, *c.aliases} - set(NARRATOR_ALIASES) for main, c in characters.items()}


def every_name(characters) -> set[str]:
    """Every name and alias of a discovered cast, the teller's "I" left out."""
    return {n for names in names_of(characters).values() for n in names}


def teller(characters) -> str:
    """The first-person narrator's main name."""
    return next(main for main, c in characters.items() if "narrator" in c.aliases)


TOLD_AS_I = ("I had my coat on and my bag on my shoulder before I knew where I was going. I told myself I was "
             "tired, and I was; my feet ached and my hands were cold, and I wanted my bed more than I wanted my "
             "supper. I walked, and I counted my steps, and I kept my eyes on my boots until I was there.\n\n")


def owner(characters, name: str) -> str:
    found = [main for main, names in names_of(characters).items() if name in names]
    assert len(found) <= 1, f"{name} belongs to {found}"
    return found[0] if found else ""


def one_person(text, *names):
    """Discover the cast of `text` and assert that every one of `names` is one person's; the cast, to ask more of."""
    cast = discover_characters(text)
    assert owner(cast, names[0]) != "" and len({owner(cast, name) for name in names}) == 1, cast
    return cast


def gender_of(characters, name: str) -> str:
    return characters[owner(characters, name)].gender


def test_full_name_first_name_and_title_are_one_character():
    text = ('Martha Quayle came in from the yard. "Is it raining?" asked Martha.\n\n'
            '"Not yet," said the boy. Miss Quayle took off her gloves.\n\n'
            '"Then we walk," Martha said. Quayle was always in a hurry.\n')
    found = discover_characters(text)
    assert owner(found, "Martha") == owner(found, "Martha Quayle") == owner(found, "Miss Quayle") != ""
    assert found[owner(found, "Martha")].gender == "F"


def test_a_surname_two_people_share_keeps_them_apart():
    text = ('"Sit down," said Mr. Hallam. Mrs. Hallam did not sit.\n\n'
            '"I prefer to stand," said Mrs. Hallam.\n\n'
            '"As you like," Mr. Hallam said, and he opened the paper.\n\n'
            '"You always say that," she said.\n')
    found = discover_characters(text)
    assert owner(found, "Mr. Hallam") and owner(found, "Mrs. Hallam")
    assert owner(found, "Mr. Hallam") != owner(found, "Mrs. Hallam")
    assert found[owner(found, "Mr. Hallam")].gender == "M"
    assert found[owner(found, "Mrs. Hallam")].gender == "F"


def test_mr_and_bare_surname_go_to_the_man_the_text_introduces():
    text = ('I found Mr. Brack in the study. Oswin Brack was thin and neat, and his son Peter Brack '
            'sat by the window.\n\n"Sit," said Brack.\n\n"Thank you," I said.\n\n'
            '"Peter, leave us," said Mr. Brack. Peter Brack went out.\n')
    found = discover_characters(text)
    assert owner(found, "Mr. Brack") == owner(found, "Oswin Brack") == owner(found, "Brack")
    assert owner(found, "Peter Brack") not in ("", owner(found, "Oswin Brack"))


def test_a_nickname_the_narration_ties_to_a_name():
    text = ('Tobias Grell, whom everyone at the mill called Tibby, was the youngest. '
            '"Morning," said Tibby.\n\n"Morning, Tobias," said Anna Pryce.\n\n"Late again," Anna said.\n')
    found = discover_characters(text)
    assert owner(found, "Tibby") == owner(found, "Tobias Grell") != ""


def test_a_pet_name_given_after_the_full_name_is_the_same_person_and_his_gender_is_the_texts():
    # "Bertie" is listed as a woman's name; the text calls him "him" and "his"
    text = ('Albert Lowe found his seat. Bertie, as everyone who had known him a week called him, '
            'was tired.\n\n"Is this taken?" Bertie said. Bertie sat down with his case on his lap.\n\n'
            '"No," said Maud Hesketh. Bertie stood beside her. Bertie opened his case.\n\n'
            '"Thank you," said Bertie.\n')
    found = discover_characters(text)
    assert owner(found, "Bertie") == owner(found, "Albert Lowe") != ""
    assert found[owner(found, "Bertie")].gender == "M"


def test_the_title_alone_is_the_one_person_of_that_title():
    text = ('"Sit down," said the Colonel. Colonel Ruddock had a white moustache.\n\n'
            '"Thank you," said Ines Vane.\n\n"Not at all," said the Colonel.\n')
    found = discover_characters(text)
    assert owner(found, "the Colonel") == owner(found, "Colonel Ruddock") != ""
    two = text + '\n"Colonel Ashe is late," said Ines Vane. "Colonel Ashe always is," said the Colonel.\n'
    found = discover_characters(two)
    assert owner(found, "the Colonel") != owner(found, "Colonel Ashe")


def test_a_short_name_that_begins_a_full_one_is_that_person():
    text = ('"Tea?" asked Aunt Bea. Beatrice Harrow was seventy and wore her late husband\'s coat.\n\n'
            '"Please," said Ned Farr.\n\n"Sugar?" said Aunt Bea. Bea poured.\n')
    found = discover_characters(text)
    assert owner(found, "Aunt Bea") == owner(found, "Beatrice Harrow") != ""
    assert found[owner(found, "Aunt Bea")].gender == "F"


def test_a_pet_name_only_called_out_is_hers_whatever_the_name_list_says():
    # "Mads" is a Danish man's name in the list; called to Maddie, it is her pet name
    text = ('Maddie Pruitt led the heifers through the gate. She was fourteen.\n\n'
            '"Back up, Mads!" Ray yelled. "Keep backing up!"\n\n"I know, Dad!"\n\n'
            'Maddie walked backward, banging the bucket. "Come on," Maddie said.\n\n"Good girl," said Ray.\n')
    found = discover_characters(text)
    assert owner(found, "Mads") == owner(found, "Maddie") != ""
    assert found[owner(found, "Maddie")].gender == "F"
    # a Mads the narration writes is a man of his own
    text = text.replace('Ray yelled.', 'Ray yelled to Mads. Mads was his nephew, and he waved.')
    found = discover_characters(text)
    assert owner(found, "Mads") != owner(found, "Maddie")


def test_fellow_called_someone_names_him_and_is_not_a_person():
    text = ('"I met the manager," said the Colonel. "Fellow called Sam Cobb. A good cellar."\n\n'
            '"Did you?" said Ada Venn.\n\n"Sam Cobb, madam," said the porter later.\n')
    found = discover_characters(text)
    assert not owner(found, "Fellow")
    assert owner(found, "Sam Cobb")


def test_a_speaker_who_names_themself_says_the_line():
    cast = discover_characters('"Hello," said Ada Venn. "Hello," said Tom Garth. "Hello," said Ada Venn.\n')
    text = ('A woman in grey was reading. "He was told twice," she said. "I am Ada Venn, and I told him."\n\n'
            'The porter came in with a barrow. "Tom Garth, madam. Porter and cab." He lifted a case. '
            '"Mind the step."\n\n'
            '"Tom Garth is late," said Ada Venn. "Mr. Garth. I mean the other one."\n')
    said = [(q.text, q.speaker) for q in attribute(text, cast)]
    assert said[:4] == [("He was told twice,", "Ada Venn"), ("I am Ada Venn, and I told him.", "Ada Venn"),
                        ("Tom Garth, madam. Porter and cab.", "Tom Garth"), ("Mind the step.", "Tom Garth")]
    assert said[4][1] == "Ada Venn"
    # the name, then what she is to them: her own, though a tag-less beat is all that says so
    text = ('"Ada Venn. Niece. Don\'t mind my uncle," she said, and shook the porter\'s hand.\n\n'
            '"Tom Garth," said Tom Garth.\n')
    assert attribute(text, cast)[0].speaker == "Ada Venn"


def test_a_word_anyone_is_called_by_is_no_one_of_the_cast():
    text = ("Clipped to the file was a note. Mum says he didn't start it. Mate filmed it? Ask about K.\n\n"
            '"Who filmed it?" asked Callum Reid.\n\n"Mate."\n\n"Which mate?"\n\n'
            '"Mate. From school." Jordan Pike shrugged. "Cheers, pal."\n\n"Sweetheart, sit down," said Sandra Pike.\n\n'
            '"Mate, I mean it," said Callum Reid. "Mate, listen."\n')
    found = discover_characters(text)
    for word in ("Mate", "Pal", "Sweetheart"):
        assert not owner(found, word)
    assert owner(found, "Jordan Pike") and owner(found, "Sandra Pike")


def test_places_houses_days_and_possessives_are_not_people():
    text = ('On Monday in March we drove to Larkspur House, and from there into Carrowmore. '
            'Rose Street was empty. "Is this Thornfield Hall?" asked Ada Venn. In Carrowmore it rained.\n\n'
            '"It is," said John. John\'s coat was wet. We stayed in Carrowmore till Friday.\n\n'
            '"Then we stop here," Ada said. The Crown and Anchor was shut.\n')
    found = discover_characters(text)
    everything = every_name(found)
    for not_a_person in ("Monday", "March", "Larkspur House", "Carrowmore", "Rose Street", "Thornfield Hall",
                         "Friday", "John's", "Crown", "Anchor"):
        assert not_a_person not in everything
    assert owner(found, "John") and owner(found, "Ada Venn") == owner(found, "Ada")


def test_gender_from_title_name_list_and_pronouns_else_unknown():
    text = ('"Ready?" asked Colonel Strake.\n\n"Yes," said Ellen.\n\n'
            '"Go," said Okonkwo-Reeve. Okonkwo-Reeve turned away. Behind him the door banged.\n\n'
            '"Wait," said Zorvath.\n\n"No," said Zorvath.\n')
    found = discover_characters(text)
    assert found[owner(found, "Colonel Strake")].gender == "M"      # title
    assert found[owner(found, "Ellen")].gender == "F"               # first-name list
    assert found[owner(found, "Okonkwo-Reeve")].gender == "M"       # pronouns after the name
    assert found[owner(found, "Zorvath")].gender == "U"             # nothing says
    assert first_name_gender("Margaret") == "F" and first_name_gender("Harold") == "M"


def test_a_her_that_is_anothers_says_nothing_of_the_one_named():
    text = ('The man in the Liverpool shirt was a taxi driver called Terry Doyle.\n\n"Ribs," said Terry Doyle.\n\n'
            'Mum marched on Terry\'s other side in her good winter coat. "Slow down," said Mum.\n\n'
            'Terry Doyle caught her eye and grinned. "Right you are," said Terry.\n\n'
            'Ah Ma walked beside Terry in her plastic rain bonnet.\n')
    found = discover_characters(text)
    # the list's man, not the woman whose coat and eye they are
    assert found[owner(found, "Terry Doyle")].gender == "M"


def test_a_job_described_as_a_woman_after_an_aside_is_a_woman():
    text = ("I was early, as usual. The receptionist behind the glass was new, or new to me, a young woman with a "
            "silver stud in her nose.\n\n\"Name?\" said the receptionist.\n\n\"Pritchard,\" I said.\n\n"
            "\"Take a seat,\" said the receptionist.\n")
    found = discover_characters(text)
    assert found[owner(found, "the receptionist")].gender == "F"


def _first_person_text(name_line: str) -> str:
    narration = "I walked to my desk and I sat. My hands were cold and I was tired, and I said nothing.\n\n" * 4
    return (narration + f'"{name_line}" said Tarrant.\n\n"I know," I said.\n\n"Tell Wenna," said Tarrant.\n\n'
            '"Then go home," said Tarrant. He looked at me.\n\n"I will," I said.\n\n"Good," said Tarrant.\n')


def test_first_person_narrator_speaks_the_I_lines_and_is_named_when_addressed():
    text = _first_person_text("Wenna, you are late,")
    found = discover_characters(text)
    narrator = teller(found)
    assert narrator == "Wenna"
    said = [(q.text, q.speaker) for q in attribute(text, found)]
    assert [s for t, s in said if t.startswith("I ")] == ["Wenna", "Wenna"]
    assert {s for t, s in said if not t.startswith("I ")} == {"Tarrant"}


def test_a_present_tense_narrator_called_by_a_short_and_a_long_name_is_one_narrator():
    text = ("I sit at the back of the church and wait. My hands are cold. I do not look round. "
            "I count the candles. I count them again. I think of London and of my aunt. I am tired. "
            "I wait for the hymn to end. I know every word of it. I hum it under my breath. I close my eyes "
            "and I see my aunt's kitchen, and I smell the bread she made when I was small. I open them again.\n\n"
            '"Jo Marsh," says the vicar. "You came back."\n\n"I did," I say.\n\n'
            '"Josephine," says Mr. Pike from the door. "Your aunt is waiting."\n\n"I know," I tell him.\n\n'
            '"Go on, Jo," says the vicar. "She will not wait long."\n\n"I am going," I say.\n')
    found = discover_characters(text)
    narrator = teller(found)
    assert {"Jo", "Jo Marsh", "Josephine"} <= names_of(found)[narrator]
    assert [q.speaker for q in attribute(text, found) if q.text.startswith("I ")] == [narrator] * 3


def test_an_unnamed_first_person_narrator_is_narrator():
    found = discover_characters(_first_person_text("You are late,"))
    assert "Narrator" in found and "I" in found["Narrator"].aliases


def test_each_quote_records_how_its_speaker_was_decided_and_guesses_are_checked():
    text = ('Mara and Ilse and Tobin sat at the table.\n\n"Pass the salt," said Mara.\n\n'
            '"Here," she said.\n\n"Thank you."\n\n"Anything else?"\n')
    cast = {name: __import__("pipeline.text.names", fromlist=["Character"]).Character(name, (), gender)
            for name, gender in (("Mara", "F"), ("Ilse", "F"), ("Tobin", "M"))}
    quotes = attribute(text, cast)
    assert quotes[0].basis == "tag" and not quotes[0].check
    assert quotes[1].basis == "pronoun"
    from pipeline.model.script import HOW
    assert all(q.basis in HOW for q in quotes)
    assert all(q.check for q in quotes if q.basis in ("guess", "ranked"))


def test_own_chapter_cast_first_person_with_six_speakers():
    """tests/data/chapters/cast-first-person-harbour-house.txt, written for this test."""
    text = (CHAPTERS / "cast-first-person-harbour-house.txt").read_text(encoding="utf-8")
    found = discover_characters(text)
    everything = every_name(found)
    for place_or_day in ("Gullhaven", "Larkspur House", "Carrow", "Tuesday", "March", "Monday", "Christmas",
                         "Thursday", "Wickes's", "Father"):
        assert place_or_day not in everything
    people = {"Agnes": "F", "Mrs. Varga": "F", "Edmund Thorne": "M", "Toby": "M", "Clara": "F",
              "Hal Pellow": "M", "Jem": "M"}
    for name, gender in people.items():
        assert owner(found, name), name
        assert found[owner(found, name)].gender == gender, name
    same = [("Agnes", "Miss Quill"), ("Edmund Thorne", "Mr. Thorne"), ("Edmund Thorne", "Edmund"),
            ("Toby", "Tobias Thorne"), ("Clara", "Clara Thorne"), ("Hal", "Hal Pellow"), ("Jem", "Jem Pellow")]
    for a, b in same:
        assert owner(found, a) == owner(found, b), (a, b)
    assert len({owner(found, n) for n in people}) == len(people)
    narrator = owner(found, "Agnes")
    assert "I" in found[narrator].aliases
    quotes = attribute(text, found)
    told_as_i = [q for q in quotes if q.kind == "speech" and q.tag_span
                 and text[q.tag_span[0]:q.tag_span[1]].strip().startswith("I ")]
    assert len(told_as_i) >= 6 and {q.speaker for q in told_as_i} == {narrator}


@pytest.mark.parametrize("chapter, people, same, not_people, narrator", [
    ("third-person-train-platform-hotel.txt",
     {"Bertie": "M", "Father Doyle": "M", "Dr. Okafor": "F", "the Colonel": "M", "Mrs. Lindqvist": "F",
      "Pip": "F", "Sam Cobb": "M"},
     [("Bertie", "Albert Lowe"), ("Dr. Okafor", "Amara"), ("the Colonel", "Colonel Hartley"),
      ("Sam Cobb", "Mr. Cobb")],
     ("Carrow", "Thursday", "London", "Fellow", "Hartley Hall", "Harbour Hotel", "Lowe and Sons"), ""),
    ("first-person-present-church-pub-shore.txt",
     {"Jo": "F", "Reverend Cole": "M", "Nia": "F", "Callum": "M", "Mr. Pike": "M", "Tom Reyes": "M",
      "Aunt Bea": "F"},
     [("Jo", "Jo Marsh"), ("Jo", "Josephine"), ("Aunt Bea", "Beatrice Marsh"), ("Callum", "Callum Reid")],
     ("St. Brannoc's", "Gull Point", "London", "Marigold", "Anchor"), "Jo"),
])
def test_own_chapters_cast_without_a_list(chapter, people, same, not_people, narrator):
    """Chapters written for these checks (tests/data/chapters/README.md): every speaker a person
    under one name, of the gender the text gives; the first-person narrator speaks the I lines."""
    text = (CHAPTERS / chapter).read_text(encoding="utf-8")
    found = discover_characters(text)
    everything = every_name(found)
    for word in not_people:
        assert word not in everything, word
    for name, gender in people.items():
        assert owner(found, name), name
        assert found[owner(found, name)].gender == gender, name
    for a, b in same:
        assert owner(found, a) == owner(found, b), (a, b)
    assert len({owner(found, n) for n in people}) == len(people)
    speakers = {q.speaker for q in attribute(text, found) if q.kind == "speech"}
    assert speakers == {owner(found, n) for n in people}
    if narrator:
        assert "I" in found[owner(found, narrator)].aliases
        told_as_i = [q for q in attribute(text, found) if q.tag_span
                     and re.match(r"I\b", text[q.tag_span[0]:q.tag_span[1]].strip())]
        assert len(told_as_i) >= 4 and {q.speaker for q in told_as_i} == {owner(found, narrator)}


@pytest.mark.parametrize("chapter, people, same, apart, not_people, narrator", [
    ("first-person-past-office-motorway-field.txt",
     {"Maggie": "F", "Priya": "F", "Derek": "M", "Tom": "M", "Janet": "F", "Sergeant Okafor": "F", "Walt": "M",
      "Ellie": "F"},
     [("Walt", "Walter Pryce"), ("Walt", "Mr. Pryce"), ("Walt", "Grandad"), ("Maggie", "Margaret Quinn")],
     [("Walt", "Tom")], ("Calder End", "Estuary", "Marsh Bridge", "Facilities"), "Maggie"),
    ("third-person-ward-carpark-kitchen.txt",
     {"Daniel": "M", "June": "F", "Ray": "M", "Leon": "M", "Dr. Adeyemi": "F", "Arthur Fenwick": "M", "Chloe": "F",
      "Rosie": "F", "Mully": "F"},
     [("Ray", "Raymond Bellamy"), ("June", "June Bellamy"), ("June", "Mrs. Bellamy"), ("Rosie", "Rosie Bellamy"),
      ("Arthur", "Arthur Fenwick"), ("Mully", "Sister Katherine Mulroney")],
     [("June", "Rosie"), ("Ray", "Daniel")], ("Ward Nine", "Bristol"), ""),
    ("single-quotes-harbour-boat-pub.txt",
     {"Simon": "M", "Jack": "M", "Wenna": "F", "Kit": "M", "Mrs. Angove": "F", "Father Dunstan": "M", "Sal": "F"},
     [("Mrs. Angove", "Bridget"), ("Jack", "Uncle Jack"), ("Simon", "Simon Ashby")],
     [("Wenna", "Sal")], ("Morwenna Grace", "Crabs", "Porthkennack", "London"), ""),
    ("present-we-classroom-forest-platform.txt",
     {"Mr. Ferris": "M", "Bea": "F", "Hattie": "F", "Jonah": "M", "Dr. Dunmore": "F", "Mrs. Harrow": "F"},
     [("Hattie", "Harriet"), ("Mr. Ferris", "Alan Ferris"), ("Dr. Dunmore", "Claire Dunmore")],
     [("Hattie", "Bea")], ("Hollin Wood", "Iceland"), ""),
    ("first-person-bakery-ward-towpath.txt",
     {"Ines": "F", "Peg": "F", "Mr. Abernethy": "M", "Tilly": "F", "Callum": "M", "Jude": "F", "Dr. Okafor": "F",
      "Pop": "M", "Sol": "M"},
     [("Peg", "Margaret Lindqvist"), ("Mr. Abernethy", "Walter"), ("Pop", "Arthur Penhallow"),
      ("Pop", "Mr. Penhallow"), ("Dr. Okafor", "Dr. Grace Okafor"), ("Sol", "Sol Brannigan")],
     [("Pop", "Mr. Abernethy"), ("Ines", "Biscuit")], ("Calder", "Calder Street", "Ward Nine"), "Ines"),
    ("third-person-kitchen-platform-pub.txt",
     {"Hattie": "F", "Owen": "M", "Mr Ashdown": "M", "Mrs Ashdown": "F", "Lorna": "F", "Mr Pryce": "M"},
     [("Mr Ashdown", "Dad"), ("Mrs Ashdown", "Mum"), ("Mr Pryce", "Gwil"), ("Mr Pryce", "Gwilym Pryce")],
     [("Hattie", "Mrs Ashdown"), ("Owen", "Mr Ashdown")], ("Edinburgh", "Holloway Junction", "York"), ""),
    ("present-newsroom-car-harbor.txt",
     {"Dana": "F", "Derek": "M", "the editor": "F", "Kayla": "F", "Walt": "M", "Luis Ortega": "M"},
     [("the editor", "Ruth Ambler"), ("Dana", "Dana Whitcomb"), ("Derek", "Derek Ostrowski")],
     [("Dana", "Derek")], ("Gannet Point", "Port Calloway", "Route"), ""),
    ("first-person-single-quotes-hall-kitchen-field.txt",
     {"Owen": "M", "Sprout": "M", "Beatrice": "F", "Walter": "M", "the vicar": "M", "Hollis": "F", "Maud": "F",
      "Gilbert": "M", "Daisy": "F"},
     [("Sprout", "Lionel Ashby"), ("Maud", "Mrs Hardcastle"), ("Gilbert", "Mr Hardcastle"), ("Walter", "Mr Crouch"),
      ("Owen", "Owen Rees")],
     [("Daisy", "Margaret"), ("Maud", "Mum"), ("Maud", "Gilbert")], ("Nell", "Thursby", "Wend", "Low Ings"), "Owen"),
    ("third-person-ship-engine-room-bar.txt",
     {"Captain Kowalczyk": "F", "Kenji": "M", "Yumi": "F", "Okonkwo": "M", "Dr. Haddad": "M", "Sister Brigid": "F",
      "Father Fuentes": "M", "Alex": "F", "Ignacio": "M"},
     [("Captain Kowalczyk", "the captain"), ("Father Fuentes", "the priest"), ("Dr. Haddad", "the doctor"),
      ("Sister Brigid", "the nun")],
     [("Kenji", "Yumi")], ("Baltic Heron", "Rain", "Valparaiso", "Ancla"), ""),
    ("first-person-present-office-court-garden.txt",
     {"Nell": "F", "Ms. Okonkwo": "F", "Gerald": "M", "Callum": "M", "the guard": "M", "Judge Pemberton": "M",
      "Mr Ashdown": "M", "Mrs Kettering": "F", "Daniel": "M", "Dev": "M"},
     [("Ms. Okonkwo", "Miriam"), ("Gerald", "Gerald Finch"), ("Mr Ashdown", "Julian Ashdown")],
     [("Nell", "Ms. Okonkwo")], ("Crown", "Rapid", "Hartley"), "Nell"),
    ("victorian-lawn-carriage-drawing-room.txt",
     {"Mrs. Fenwick": "F", "Clara": "F", "Tom": "M", "the Colonel": "M", "Sir Gerald": "M", "Parker": "F",
      "Mr. Dobbs": "M", "Lady Harriet": "F", "Jarvis": "M"},
     [("Clara", "Miss Fenwick"), ("Tom", "Mr. Fenwick"), ("the Colonel", "Colonel Pryor"), ("Sir Gerald", "Ashcombe")],
     [("Clara", "Mrs. Fenwick"), ("Tom", "Sir Gerald")], ("Tempest Court", "Laurel Bank", "Mudie"), ""),
    ("first-person-teen-school-bus-hospital.txt",
     {"Wren": "M", "Mum": "F", "Chen": "F", "Jordan": "F", "Mr Hale": "M", "Abi": "F", "Dr Mensah": "F", "Gran": "F"},
     [("Mum", "Mrs Adeyemi"), ("Wren", "Emmanuel")],
     [("Mum", "Gran"), ("Chen", "Jordan")], ("Room", "Lukes"), "Wren"),
    ("regency-church-drawing-room-carriage.txt",
     {"Harriet": "F", "Kitty": "F", "Mrs. Ashdown": "F", "Mr. Pell": "M", "Sir Roland": "M", "Lady Vane": "F",
      "Mrs. Booth": "F", "Hollis": "M"},
     [("Harriet", "Miss Ashdown"), ("Harriet", "Harriet Ashdown"), ("Sir Roland", "Sir Roland Vane"),
      ("Lady Vane", "Augusta")],
     [("Harriet", "Mrs. Ashdown"), ("Harriet", "Kitty"), ("Sir Roland", "Mr. Pell")], ("Wexcombe", "Hatherley"), ""),
    ("first-person-noir-office-hospital-docks.txt",
     {"Anders": "M", "Simone Delacroix": "F", "Julien": "M", "Carmen Ruiz": "F", "Pockets": "M", "Brody": "M",
      "Nurse Okafor": "F"},
     [("Anders", "Mr. Lindqvist"), ("Anders", "Lind"), ("Carmen Ruiz", "Detective Ruiz"), ("Brody", "Hal Brody"),
      ("Simone Delacroix", "Mrs. Delacroix")],
     [("Simone Delacroix", "Carmen Ruiz"), ("Julien", "Brody")], ("Lindqvist Investigations", "Investigations"),
     "Anders"),
    ("space-bridge-medical-bay-market.txt",
     {"Ilse Marr": "F", "Tobias Marr": "M", "Priya Raman": "F", "Wick": "M", "Nico": "M", "Gus": "M", "HALDEN": "U"},
     [("Ilse Marr", "Marr"), ("Ilse Marr", "Captain Ilse Marr"), ("the Chief", "Priya Raman"), ("Tobias", "Toby")],
     [("Ilse Marr", "Tobias Marr"), ("the Chief", "Ilse Marr")], ("Corvina", "Kessel Station", "Tallis"), ""),
    ("first-person-present-teen-pitch-kitchen-beach.txt",
     {"Kofi": "M", "Dad": "M", "Ama": "F", "Nana": "F", "Mr. Dale": "M", "Danny": "M", "Leah": "F"},
     [("Kofi", "Kof"), ("Mr. Dale", "Graham Dale"), ("Leah", "Leah Marsh")],
     [("Kofi", "Dad"), ("Kofi", "Danny"), ("Kofi", "Fair"), ("Ama", "Leah")], ("St Aidan",), "Kofi"),
    ("gold/first-person-solicitors-office-car-flooded-mead-kitchen.txt",
     {"Tessa": "F", "Dad": "M", "Walter": "M", "Owen": "M", "Gideon": "M", "Hazel Brannock": "F", "Nat": "F"},
     [("Dad", "Roy"), ("Dad", "Roy Marchbank"), ("Tessa", "Ms. Marchbank")],
     [("Owen", "Gideon"), ("Dad", "Walter"), ("Tessa", "Nat")], ("Mr. Pryors", "Pryors"), "Tessa"),
    ("gold/third-person-sheriffs-office-flooded-pasture-kitchen-diner-curly-quotes.txt",
     {"Boone": "F", "Doc Hargrove": "M", "Wes": "M", "Ray": "M", "June Kessler": "F", "Tucker": "M", "Bird": "F"},
     [("Boone", "Delia"), ("Doc Hargrove", "the vet"), ("Ray", "Pop"), ("Ray", "Mr. Kessler"), ("Wes", "the deputy")],
     [("Ray", "Tucker"), ("June Kessler", "Boone")], ("Route", "Crossroads"), ""),
    ("gold/first-person-present-newsroom-water-meadow-kitchen-single-quotes.txt",
     {"Owen": "M", "Gran": "F", "Hollis": "M", "Alfie": "M", "Priya": "F", "Ruth": "F", "Pryce": "M"},
     [("Owen", "Rads"), ("Owen", "Mr. Radley"), ("Hollis", "Graham")],
     [("Alfie", "Owen"), ("Gran", "Ruth"), ("Hollis", "Pryce")], ("Biscuit", "Church Lane"), "Owen"),
    ("gold/third-person-loss-adjusters-office-flooded-meadow-village-hall.txt",
     {"Ruth": "F", "Tom": "M", "Robert": "M", "Gerald Haskett": "M", "Lily": "F", "Gwen Ashby": "F"},
     [("Councillor Price", "Derek Price"), ("Gerald Haskett", "Mr. Haskett"), ("Robert", "Bobby")],
     [("Tom", "Gerald Haskett"), ("Ruth", "Lily")], ("Harrowby", "Wend"), ""),
])
def test_chapters_written_blind_cast_without_a_list(chapter, people, same, apart, not_people, narrator):
    """Chapters written for these checks by someone who had not read the adapter
    (tests/data/chapters/README.md): the people found, each of the gender the text gives, the
    names the text ties together under one, no places, boats or plural nouns, and the "I"."""
    text = (CHAPTERS / chapter).read_text(encoding="utf-8")
    found = discover_characters(text)
    everything = every_name(found)
    for word in not_people:
        assert word not in everything, word
    for name, gender in people.items():
        assert owner(found, name), name
        assert found[owner(found, name)].gender == gender, name
    for a, b in same:
        assert owner(found, a) == owner(found, b), (a, b)
    for a, b in apart:
        assert owner(found, a) != owner(found, b), (a, b)
    if narrator:
        assert "I" in found[owner(found, narrator)].aliases


# ---------------------------------------------------------------- the adapter and the producer

@pytest.fixture(scope="module")
def harbour_house(tmp_path_factory, session_cache):
    """A chapter with eight speakers, adapted once (its new characters' voices designed) for the tests
    of what the adapter writes: (project, scripts/ch05.yaml)."""
    from pipeline.run.stages import adapt_chapter
    import shutil
    from conftest import make_project, quick_design, share_cache
    with quick_design():
        project = share_cache(make_project(tmp_path_factory.mktemp("cast") / "proj"), session_cache)
        shutil.copy(CHAPTERS / "cast-first-person-harbour-house.txt", project.root / "chapters" / "ch05.txt")
        path, written = adapt_chapter(project, 5)
    assert written
    return project, path


def test_adapt_writes_the_found_cast_and_the_narrator_keeps_the_narrator_voice(harbour_house):
    project, path = harbour_house
    from pipeline.model.casting import load_casting
    from pipeline.model.script import load_script
    _, cast, _ = load_casting(project.voices)
    script = load_script(path)
    speakers = script.speakers()
    assert speakers <= set(cast.characters)
    for place in ("Gullhaven", "Larkspur House", "Carrow", "Wickes"):
        assert place not in speakers
    names = {s: {s, *cast.characters[s].aliases} for s in speakers}
    for a, b in (("Edmund Thorne", "Mr. Thorne"), ("Clara", "Clara Thorne"), ("Toby", "Tobias Thorne")):
        assert [s for s in speakers if a in names[s]] == [s for s in speakers if b in names[s]] != []
    narrator = [s for s in speakers if "I" in cast.characters[s].aliases]
    assert narrator == ["Agnes"] and cast.characters["Agnes"].voice == cast.narrator
    assert cast.characters["Agnes"].gender == "F"
    assert cast.characters["Mrs. Varga"].gender == "F"
    assert cast.characters[[s for s in speakers if "Edmund Thorne" in names[s]][0]].gender == "M"
    said_i = [line for _, line in script.voiced_lines() if line.kind == "dialogue" and (line.tag or "").startswith("I ")]
    assert said_i and all(line.speaker == "Agnes" for line in said_i)


def test_lines_to_check_are_listed_by_script_line_and_a_cleared_one_is_not_asked_again(harbour_house):
    project, adapted = harbour_house
    import shutil
    from pipeline.qa.checks import summary
    from pipeline.run.stages import adapt_chapter, check_message, lines_to_check
    # the same chapter again as chapter 6, so the other tests' script is left as it was
    shutil.copy(project.root / "chapters" / "ch05.txt", project.root / "chapters" / "ch06.txt")
    path = project.script(6)
    shutil.copy(adapted, path)
    yaml_lines = path.read_text(encoding="utf-8").splitlines()
    found = lines_to_check(project, 6)
    flagged = [n for n, text in enumerate(yaml_lines, 1) if text.strip() == "check: true"]
    assert len(found["lines"]) == len(flagged) >= 1
    for line_number in found["lines"]:      # each number is the line that opens the flagged entry
        following = yaml_lines[line_number - 1:line_number + 4]
        assert following[0].lstrip().startswith("- ") and any(t.strip() == "check: true" for t in following)
    message = check_message(found)
    assert f"{len(flagged)} lines to check in scripts/ch06.yaml" in message
    assert str(found["lines"][0]) in message
    verdict = summary({"loudness": {}, "duration_s": 60, "lines_to_check": found}).splitlines()[-1]
    assert verdict.startswith("verdict  publishable") and str(found["lines"][-1]) in verdict
    # the producer fixes the first flagged line and deletes its `check`
    yaml_lines.pop(flagged[0] - 1)
    path.write_text("\n".join(yaml_lines) + "\n", encoding="utf-8")
    assert len(lines_to_check(project, 6)["lines"]) == len(flagged) - 1
    _, written = adapt_chapter(project, 6)
    assert not written and len(lines_to_check(project, 6)["lines"]) == len(flagged) - 1


def test_how_and_check_are_validated_in_a_script(tmp_path):
    import pytest
    from pipeline.core.errors import PipelineError
    from pipeline.model.script import load_script
    base = "title: T\nscenes:\n- id: s1\n  lines:\n  - Mara: Hello.\n"
    good = tmp_path / "good.yaml"
    good.write_text(base + "    how: turns\n    check: true\n", encoding="utf-8")
    line = load_script(good).scenes[0].lines[0]
    assert line.how == "turns" and line.check
    for bad in ("    how: hunch\n", "    check: maybe\n"):
        path = tmp_path / "bad.yaml"
        path.write_text(base + bad, encoding="utf-8")
        with pytest.raises(PipelineError) as error:
            load_script(path)
        assert ":6:" in str(error.value)


from hypothesis import given, settings, strategies as st  # noqa: E402

_pieces = st.sampled_from([
    '"Hello," said Mara Quill.', '"Where?" I asked.', '"Go," she said.', "Mr. Quill frowned.", '"No."',
    "We drove to Larkspur House on Monday.", '"Mara, wait!"', "John's coat was wet.", '"Fine," said Mrs. Quill.',
    "'Run!' he shouted.", "Mara laughed.", '"Unclosed', "I sat down and I waited.", "***", "Tobias Quill, whom "
    "they called Toby, came in.", '"Toby," said I.', "Old Dyer nodded.", "In the garden.", "\n"])
_chapters = st.lists(st.one_of(_pieces, st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)),
                     min_size=1, max_size=14).map("\n\n".join)


@settings(max_examples=60, deadline=None)
@given(_chapters)
def test_any_text_without_a_cast_gives_a_valid_script_that_loses_nothing(text):
    """The adapter finds the cast itself: the script loads back (how and check too) and every
    word of the story is in it."""
    import re
    from pipeline.core import yamlfile
    from pipeline.core.errors import PipelineError
    from pipeline.model.script import HOW, parse_script, to_yaml
    from pipeline.text.adapt import adapt_text, is_scene_break
    if not re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", text).strip():
        return
    try:
        script = adapt_text(text, None)
    except PipelineError as error:       # only ever the one-line "empty chapter" message
        assert "empty" in str(error)
        return
    again = parse_script(yamlfile.loads(to_yaml(script), "fuzz.yaml"), Path("fuzz.yaml"))
    lines = [line for scene in script.scenes for line in scene.lines]
    lines_again = [line for scene in again.scenes for line in scene.lines]
    assert [(l.speaker, l.how, l.check) for l in lines] == [(l.speaker, l.how, l.check) for l in lines_again]
    assert all(l.how in (None, *HOW) for l in lines)

    def words(value: str) -> list[str]:
        return re.findall(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*", value)
    kept = " ".join([*script.notes, *(f"{l.text} {l.tag or ''}" for l in lines)])
    story = [p for p in re.split(r"\n", text) if not is_scene_break(p)]
    assert sorted(words(" ".join(story))) == sorted(words(kept))


def test_a_doctor_and_a_mister_of_one_surname_are_one_man_but_his_wife_is_not():
    text = ('Dr. Orwin opened the gate. "Come in," said Dr. Orwin.\n\n'
            'Mrs. Orwin was in the kitchen. "Tea?" asked Mrs. Orwin.\n\n'
            '"Later," said Mr. Orwin, and Mr. Orwin sat down by the fire.\n\n'
            '"You work too hard," Mrs. Orwin said to him.\n')
    found = discover_characters(text)
    assert owner(found, "Dr. Orwin") == owner(found, "Mr. Orwin") != ""
    assert owner(found, "Mrs. Orwin") not in ("", owner(found, "Mr. Orwin"))


def test_a_family_surname_keeps_the_father_apart_from_the_son():
    text = ('The Pellews had taken the rooms upstairs. George Pellew stood at the window.\n\n'
            '"We have a view," said Mr. Pellew. "George, come and look."\n\n'
            'The Pellews were not liked. "I am looking," said George.\n\n'
            'Everyone avoided the Pellews at dinner. Mr. Pellew did not mind.\n')
    found = discover_characters(text)
    assert owner(found, "Mr. Pellew") not in ("", owner(found, "George Pellew"))
    assert owner(found, "George") == owner(found, "George Pellew") != ""


def test_a_speaker_the_tags_call_a_girl_or_an_old_man_gets_that_age():
    from pipeline.text.casting import ages_in_tags
    text = ('A small girl came in with her mother. "Sit here, Rosie," said Hester Vale.\n\n'
            '"I am sitting," said the girl.\n\n"Good evening, Mr. Pell," said Hester Vale.\n\n'
            '"Tickets, please," said the old man.\n\n"Here," said Amos Pell\'s daughter, Rosie.\n\n'
            '"Thank you," said Amos Pell.\n')
    found = discover_characters(text)
    assert ages_in_tags(text, found) == {owner(found, "Rosie"): "child", owner(found, "Amos Pell"): "old"}


def test_pet_forms_of_a_first_name_are_one_person():
    text = ('Walter Kettle leaned on the gate. "Morning," said Walt Kettle to nobody.\n\n'
            '"You\'re early, Mr. Kettle," said Nadia.\n\n"Always am," said Walt.\n\n'
            'Harriet ran up the lane. "Wait for me!" shouted Hattie.\n\n'
            '"Slow down, Harriet," said Nadia.\n\n"Hattie never slows down," said Walt.\n')
    found = discover_characters(text)
    assert owner(found, "Walt") == owner(found, "Walter Kettle") == owner(found, "Walt Kettle") \
        == owner(found, "Mr. Kettle") != ""
    assert owner(found, "Hattie") == owner(found, "Harriet") != ""
    assert owner(found, "Hattie") != owner(found, "Nadia")


def test_a_pet_first_name_with_the_same_surname_is_one_person_not_a_sister():
    text = ('At the table sat the vicar\'s sister, Miss Dorothy Hollis, with a ledger.\n\n'
            '"Order, please," said Dodie Hollis.\n\n"We can hear you, Miss Hollis," said Walter.\n\n'
            '"Then minute it," said Dodie Hollis.\n\n"Dodie, are we minuting?" Walter asked.\n\n'
            'Across the lane Mary Hollis and her sister Margaret Hollis were arguing.\n\n'
            '"Go home," said Mary Hollis.\n\n"Make me," said Margaret Hollis.\n')
    found = discover_characters(text)
    assert owner(found, "Dodie Hollis") == owner(found, "Miss Dorothy Hollis") == owner(found, "Miss Hollis") != ""
    assert owner(found, "Mary Hollis") != owner(found, "Margaret Hollis")
    assert owner(found, "Mary Hollis") not in ("", owner(found, "Dodie"))


def test_a_name_the_text_says_is_someones_name_joins_them():
    text = ('Walter Kettle came out of the barn.\n\n"Grandad says so," Poppy said. "Grandad\'s name is Walter '
            'but everybody calls him Walt."\n\n"Come in, Poppy," Grandad said. "Come in," Grandad said again.\n')
    found = discover_characters(text)
    assert owner(found, "Grandad") == owner(found, "Walter Kettle") != ""


def test_family_words_and_ranks_give_genders_the_way_the_text_does():
    text = ('"Time for bed," said Grandad. She looked at him and laughed. "Grandad, no," she said.\n\n'
            '"Listen to Grandad," said Mum. "Mum is right," said Poppy.\n\n'
            'Sergeant Adebayo was a tall woman in a long coat. "Stand back," said Sergeant Adebayo. '
            'She lifted the tape.\n\n"Nobody moves," said Sergeant Adebayo.\n\n'
            '"Fall in," said Colonel Marsh.\n\n"Now," said Colonel Marsh.\n\n'
            'It was an hour before Dr. Osei came. She was younger than anyone expected. '
            '"Sit down," said Dr. Osei.\n\n"Who is next?" asked Dr. Osei.\n')
    found = discover_characters(text)
    genders = {name: found[owner(found, name)].gender for name in
               ("Grandad", "Mum", "Sergeant Adebayo", "Colonel Marsh", "Dr. Osei")}
    assert genders == {"Grandad": "M", "Mum": "F", "Sergeant Adebayo": "F", "Colonel Marsh": "M", "Dr. Osei": "F"}


def test_a_month_that_speaks_is_a_woman_and_places_boats_and_plural_nouns_are_not_people():
    text = ('June Halloran was seventy. "Tea?" said June.\n\n"Please," said Tomasz. "Is it far to Harrow End?"\n\n'
            '"Not far," said June. Crabs went into one bucket and stones into another.\n\n'
            '"Harrow End is by the river," said Tomasz. "I will walk to Harrow End."\n\n'
            "The name on the bow was 'Rosalind Hart', and on the stern, smaller, 'Rosalind Hart' again.\n")
    found = discover_characters(text)
    assert owner(found, "June") == owner(found, "June Halloran") != ""
    assert found[owner(found, "June")].gender == "F"
    assert not owner(found, "Harrow End") and not owner(found, "Crabs") and not owner(found, "Rosalind Hart")


def test_someone_named_once_beside_a_quote_is_in_the_cast():
    text = ('"We sail at six," said Tomasz.\n\n"Then we sail at six," said June.\n\n'
            'Father Brannock looked up from his paper. "Seven letters," he murmured.\n')
    assert owner(discover_characters(text), "Father Brannock")


def test_the_first_name_an_answer_calls_the_last_speaker_by_is_theirs():
    text = ("'You're late, Tomasz,' said Mrs. Penrose.\n\n'I'm not late, Agnes. The tide is early.'\n\n"
            "'Tell that to the tide,' said Mrs. Penrose.\n\n'Agnes always says that,' said Tomasz.\n")
    found = discover_characters(text)
    assert owner(found, "Agnes") == owner(found, "Mrs. Penrose") != ""
    text = ("Agnes Penrose kept the shop. Her daughter Tess Penrose kept the books.\n\n"
            "'He'll pay,' said Mrs. Penrose.\n\n'I can count for myself, Agnes.'\n\n"
            "'Can you,' said Tess.\n\n'Yes, Tess,' said Mrs. Penrose.\n")
    found = discover_characters(text)
    assert owner(found, "Agnes Penrose") == owner(found, "Mrs. Penrose") != owner(found, "Tess Penrose")


def test_a_first_name_acting_once_just_before_a_line_is_a_speaker():
    text = ('"The tide is in," said Tomasz.\n\n"Then we wait," said June.\n\n'
            'Before anyone could move, Odile leaned over the counter.\n\n"You can wait outside," she said.\n')
    found = discover_characters(text)
    assert owner(found, "Odile") and found[owner(found, "Odile")].gender == "F"
    assert [q.speaker for q in attribute(text, found)][-1] == owner(found, "Odile")


def test_a_pet_name_made_from_a_surname_is_that_person():
    text = ('Her badge said Sister Agnes Mulcahy, but everyone called her Mully.\n\n'
            '"Tablets," said Mully.\n\n"Thank you, Mully," said Tomasz.\n\n"Sally says hello," said Mully.\n')
    found = discover_characters(text)
    assert owner(found, "Mully") == owner(found, "Sister Agnes Mulcahy") != ""
    assert owner(found, "Tomasz") != owner(found, "Mully")


def test_a_town_used_before_a_noun_and_as_a_nickname_is_not_a_person():
    text = ("'Is this the Leeds man?' asked Sal.\n\n'This is the Leeds man,' said Kit.\n\n"
            "'All right there, Leeds?' shouted Kit.\n\n'He came up from Leeds on the train,' said Sal.\n")
    found = discover_characters(text)
    assert not owner(found, "Leeds") and owner(found, "Sal") and owner(found, "Kit")


def test_a_first_name_that_answers_a_titled_man_just_named_in_the_narration_is_his():
    text = ('The bell over the door rang at six.\n\n'
            'It was Mr. Pruett, of course, in his cap and scarf. He had a key to nothing.\n\n'
            '"The back door was open," he said. "Somebody ought to mind that."\n\n'
            '"That somebody is me," said Nora Vance, coming in from the back. "Morning, Ansel. The usual?"\n\n'
            '"If it is warm."\n\n"It is always warm," said Nora. Mr. Pruett took his loaf and went.\n\n'
            '"It was stale last week."\n\n"It was the crust, Ansel. Bread has a crust."\n')
    found = discover_characters(text)
    assert owner(found, "Ansel") == owner(found, "Mr. Pruett") != ""


def test_a_pet_name_the_narration_says_someone_has_always_been_is_them():
    text = ('Pop was propped up on three pillows. Arthur Quennell had been a postman for thirty years, '
            'and to me he had only ever been Pop. He opened one eye.\n\n'
            '"Where is the dog?" said Pop.\n\n"At home," I said. "Rest, Pop."\n\n'
            'These manners did not please Ruth; but he was James\'s friend. "Hello," said James.\n')
    found = discover_characters(text)
    assert owner(found, "Pop") == owner(found, "Arthur Quennell") != ""
    assert owner(found, "James") != owner(found, "Arthur Quennell")


def test_the_narrator_is_the_first_name_said_to_them_not_the_one_they_call_out():
    text = ("I locked the shop at nine. My hands smelled of yeast and I was tired of everything.\n\n"
            '"Rufus," I called. "Where is Rufus?" The dog did not come. I went out into the rain.\n\n'
            'Callum Shaw was waiting by the gate with a torch. He had brought his coat for me.\n\n'
            '"Rufus," I said again. "You idiot." I walked on, and I did not look back.\n\n'
            '"He will turn up," said Callum. "He always does. I know it, and you know it."\n\n'
            'I said nothing. I wanted to believe him, and I did, a little. I was cold.\n\n'
            '"Deal," he said at last, and I smiled. "Thanks, Ines."\n\n'
            'I remember the walk home and the light in my kitchen and how I slept. I know I dreamed of '
            'the river, and I know I woke before my alarm, and I lay there while my tea went cold and I '
            'thought about my grandfather and my shop and my dog, and I was glad.\n')
    found = discover_characters(text)
    narrator = teller(found)
    assert narrator == "Ines" and found[narrator].gender == "F"


def test_gender_from_the_pronoun_beside_the_name_outweighs_a_name_list_that_disagrees():
    text = ('Sol Brannigan had been fishing off the bridge for years. Sol raised his rod to us.\n\n'
            '"Never caught a thing," said Sol happily. He laughed.\n\n'
            'Jude looked at Callum, who looked at his coffee. It was Jude who spoke first. '
            'She put her cup down.\n\n"Go home," said Jude.\n\n"I will," said Callum.\n')
    found = discover_characters(text)
    assert first_name_gender("Sol") == "F" and first_name_gender("Jude") == "M"    # what the list says
    assert found[owner(found, "Sol")].gender == "M"
    assert found[owner(found, "Jude")].gender == "F"


def test_a_speaker_the_tags_call_by_a_job_is_the_person_the_narration_names_there():
    text = ('The newsroom is empty by nine. Across the room the editor comes out of her glass office with a '
            'printout in her hand. Ruth Ambler has run the paper for fourteen years.\n\n'
            '"Dana. Derek. My office," the editor says.\n\n"Now?" asks Dana Whitcomb.\n\n'
            '"Now," says the editor. "A boat is missing off Gannet Point."\n\n'
            '"Which boat?" asks Derek Ostrowski.\n\n"The Osprey," the editor says quietly.\n\n'
            'Later the sergeant met them on the quay. "Nobody goes out," said the sergeant. '
            '"Not tonight," the sergeant said again, and turned away.\n')
    found = discover_characters(text)
    assert owner(found, "the editor") == owner(found, "Ruth Ambler") != ""
    assert found[owner(found, "the editor")].gender == "F"
    assert owner(found, "the sergeant") not in ("", owner(found, "Ruth Ambler"))
    quotes = attribute(text, found)
    assert [q.speaker for q in quotes if q.text.startswith(("Dana.", "Now,", "The Osprey"))] == \
        [owner(found, "the editor")] * 3


def test_a_pet_and_an_institution_are_not_people():
    text = ("The kitchen was warm, and Nell, the collie, lay across the draught under the door.\n\n"
            '"Down, Nell," said Maud Hardcastle. Nell thumped her tail.\n\n'
            '"The Crown doesn\'t oppose bail," said Julian Ashdown. "The Crown only notes the delay."\n\n'
            '"Then bail it is," said Judge Pemberton.\n')
    found = discover_characters(text)
    assert owner(found, "Nell") == "" and owner(found, "Crown") == ""
    assert owner(found, "Maud Hardcastle") and owner(found, "Julian Ashdown")


def test_a_league_a_grace_said_a_hospital_in_a_title_and_a_drill_that_finished_are_not_people():
    text = ("Drill finished at half eight. Nobody had gone home.\n\n"
            '"Are you coming Thursday?" Gerald Kavanagh asked.\n\n'
            '"The Women\'s League is cooking. Father only says the grace," said Bernie Walsh.\n\n'
            "Father Doyle finished the grace in the dark, and Bernie had the grace to laugh.\n\n"
            '"The League said it would only go to waste," said Gerald.\n\n'
            '"I want him in Prince Charles," said Huw. "His sats aren\'t great."\n\n'
            "Prince Charles at midnight was quiet.\n\n"
            '"He\'s in Prince Charles. He\'s cross," said Bernie.\n')
    found = discover_characters(text)
    for thing in ("Drill", "League", "the grace", "Prince Charles"):
        assert owner(found, thing) == "", thing
    assert owner(found, "Gerald Kavanagh") and owner(found, "Bernie Walsh") and owner(found, "Huw")


def test_a_nickname_no_one_calls_him_anything_but_and_two_first_names_that_share_no_sound():
    text = ("Lionel Ashby, whom nobody had called anything but Sprout since the infant class, was eating a biscuit.\n\n"
            '"Hello, Sprout," said Owen.\n\n"Hello yourself," said Sprout.\n\n'
            '"It\'s Margaret\'s lad," said Maud. Margaret had always been kind to her.\n\n'
            '"Can I come?" asked Daisy. Daisy was six.\n\n"No, Daisy," said Maud.\n')
    found = discover_characters(text)
    assert owner(found, "Sprout") == owner(found, "Lionel Ashby") != ""
    assert owner(found, "Daisy") != owner(found, "Margaret")       # a pet form of Margaret, but not hers here


def test_the_one_called_who_answers_next_is_that_person_and_the_priest_is_the_one_father():
    text = ('Gerald Finch came out of the kitchen with two mugs.\n\n'
            '"Miriam," he says, handing her one of them, "tell me the case is under control."\n\n'
            '"The case," Ms. Okonkwo says, "is under control."\n\n'
            'Father Tomás Fuentes sat at the corner table. Father Fuentes was pale. "I was sick all night," '
            'said the priest.\n\n'
            '"You were," said Sister Brigid. "Drink your water," the priest was told.\n\n'
            '"I will," said the priest again.\n')
    found = discover_characters(text)
    assert owner(found, "Miriam") == owner(found, "Ms. Okonkwo") != ""
    assert owner(found, "the priest") == owner(found, "Father Tomás Fuentes") != ""


def test_gender_from_what_the_role_is_and_not_from_the_him_beside_a_name():
    text = ('Inside, the guard at the security arch is a broad man with a grey moustache.\n\n'
            '"Bags in the tray," says the guard.\n\n"Phones off," says the guard.\n\n'
            'Okonkwo lay under the pump. Yumi knelt beside him, handing in tools before he asked for them.\n\n'
            '"Wrench," said Okonkwo.\n\n"Which one?" asked Yumi.\n\n'
            '"Four point two," Yumi said.\n\nOkonkwo laid his hand on the lever.\n')
    found = discover_characters(text)
    assert found[owner(found, "the guard")].gender == "M"
    assert found[owner(found, "Yumi")].gender == "F"


def test_a_crowded_first_person_chapter_still_has_its_narrator_and_mum_is_not_the_mrs_next_door():
    others = " ".join(f"{name} said he would help, and she said she would bring her van, and he nodded."
                      for name in ("Walter", "Beatrice", "Hollis", "Gilbert", "Maud", "Walter", "Beatrice", "Hollis",
                                   "Gilbert", "Maud"))
    text = ("I pushed the door open and sat near the radiator. I had been gone for eleven years, and I knew "
            "that I was the one they would stare at, and I let them, because I was too tired to mind what I "
            "looked like to anyone. " + others + "\n\n"
            "\"Mum asked me to come,\" I said. My hands were cold and I kept them in my pockets.\n\n"
            "\"You're Owen, aren't you?\" said Mrs Hardcastle. I nodded. I did not know what else to do.\n\n"
            "\"Owen, sit down,\" said Gilbert Hardcastle. I sat. I was tired, and my coat was wet, and I was "
            "glad of the fire and of my tea and of my chair. I stayed until I could feel my feet.\n")
    found = discover_characters(text)
    narrator = teller(found)
    assert narrator == "Owen"
    assert owner(found, "Mum") != owner(found, "Mrs Hardcastle")


def test_a_caller_who_names_themself_on_the_phone_is_in_the_cast():
    text = ("A phone rings on my desk. I pick it up.\n\n"
            "“Hi, it’s Dev from Rapid,” says a cheerful voice. “The ring road’s shut.”\n\n"
            "“Then go straight to the court,” I say.\n\nLater Dev is waiting on the steps with the box.\n")
    found = discover_characters(text)
    assert owner(found, "Dev") != ""
    quotes = attribute(text, found)
    assert quotes[0].speaker == owner(found, "Dev")


def test_mum_who_answers_to_mrs_adeyemi_is_her_and_the_narrator_is_the_name_i_answer_to():
    text = ("I waited by the lockers. I had my bag on my shoulder and my phone in my hand, and I knew I was in "
            "trouble, because I always know. I looked at the floor. I looked at the door. I counted the tiles. "
            "I thought about my gran and my coursework and my mum's face, and I wished I was anywhere else.\n\n"
            "“Wren! Is it true your mum’s coming in?” Chen shouted down the corridor.\n\n"
            "“Does literally everyone know?” I asked.\n\n"
            "“Mrs Adeyemi, thank you for coming in,” Mr Hale said, holding the door for both of us.\n\n"
            "“Emmanuel, look at me.” Mum didn’t raise her voice.\n\n"
            "I looked at her. I did not say anything.\n\n"
            "“Mrs Adeyemi? I’m Dr Mensah, I’m the registrar on tonight.”\n\n"
            "“Is it broken?” Mum asked.\n\n“He got the night bus, Mummy,” Mum said to Gran.\n\n"
            "“The night bus!” said Gran.\n")
    found = discover_characters(text)
    assert owner(found, "Mum") == owner(found, "Mrs Adeyemi") != ""
    assert owner(found, "Gran") not in ("", owner(found, "Mum")) and owner(found, "Mummy") != owner(found, "Mum")
    narrator = teller(found)
    assert owner(found, "Wren") == owner(found, "Emmanuel") == narrator


def test_miss_fenwick_spoken_to_mid_quote_is_clara_who_answers_and_a_letter_to_her_keeps_them_one():
    text = ('"I am always civil," said Sir Gerald. "Mrs. Fenwick, your servant. Miss Fenwick, they tell me you '
            'have read every novel in Mudie\'s list."\n\n'
            '"I lend them only to people who return them," said Clara.\n\n'
            '"Then I am undone," said Sir Gerald.\n\n'
            'Clara took the letter and read it by the fire. "Dear Miss Fenwick, I have this moment had a telegram."\n\n'
            '"Well?" said Mrs. Fenwick.\n')
    found = discover_characters(text)
    assert owner(found, "Clara") == owner(found, "Miss Fenwick") != ""
    assert owner(found, "Mrs. Fenwick") not in ("", owner(found, "Clara"))


def test_a_sheriff_his_call_sign_a_mare_and_a_minister_who_is_a_woman():
    text = ("Sheriff Earl Hadley came in out of the wind. Rosie's your mare, isn't she, the boy had asked him once.\n\n"
            '"Coffee, Sheriff?" asked Loretta.\n\n"Black," said the sheriff.\n\n'
            'The radio crackled. "Unit One, County. Highway Patrol reports water over the road."\n\n'
            '"Copy, County," said the sheriff. "Unit One out."\n\n'
            '"Is it Rosie?" said the trucker. "Did somebody hit Rosie?"\n\n"Nobody hit anything," said the trucker again.\n\n'
            'Reverend Bell came down the path. She had her hood up.\n\n"You\'ll catch your death," said Reverend Bell.\n')
    found = discover_characters(text)
    assert owner(found, "the sheriff") == owner(found, "Sheriff Earl Hadley") != ""
    for word in ("Unit One", "Highway Patrol", "Rosie", "County"):
        assert owner(found, word) == "", word
    assert owner(found, "the trucker") != ""
    assert found[owner(found, "Reverend Bell")].gender == "F"


def test_a_narrator_called_by_a_name_and_its_pet_form_is_one_narrator():
    text = ("I stood at the back of the function room with my shoes off. I had danced twice and I was done, and I "
            "knew my feet would tell me about it in the morning. I looked for my grandfather and I could not see "
            "him anywhere, and I told myself I was not worried. I had my bag and my coat and my phone, and I "
            "meant to go, and my mind was made up, and I would not change it.\n\n"
            "“Agata, have you seen Granda?” asked Auntie Mo. She did not wait for an answer.\n\n"
            "“Aggie, come and dance,” said Marek.\n\n“Not a chance,” I said.\n")
    found = discover_characters(text)
    narrator = teller(found)
    assert owner(found, "Agata") == owner(found, "Aggie") == narrator


def test_someone_the_tags_call_by_any_job_is_in_the_cast_and_speaks_their_lines():
    text = ('Rosa sat at the desk. The sound tech leaned in the doorway with a coil of cable.\n\n'
            '"The mics are dead again," the tech said.\n\n"Which ones?" Rosa asked.\n\n'
            '"All of stage left," said the sound tech.\n\nRosa groaned. "Fix them."\n\n'
            '"Give me ten minutes," the tech said.\n')
    cast = discover_characters(text)
    tech = next(m for m, c in cast.items() if "the tech" in (m, *c.aliases))
    assert "the sound tech" in (tech, *cast[tech].aliases)
    said = {q.text: q.speaker for q in attribute(text, cast)}
    assert said["The mics are dead again,"] == said["All of stage left,"] == said["Give me ten minutes,"] == tech
    assert said["Which ones?"] == "Rosa"
    # what a sign or a note "says" is no one
    assert not any(m.startswith("the ") for m in discover_characters(
        'The sign said "Closed." Rosa sighed.\n\n"Closed," the sign said again, or seemed to.\n\n'
        '"Open up," Rosa said.\n'))


def test_a_job_tagged_by_a_verb_that_is_a_tag_only_straight_after_the_quote_is_a_speaker():
    text = ("Priya wiped the window. The security guard bent down and peered in at us.\n\n"
            "“You can’t park here,” he said.\n\n“We’re going,” said Priya.\n\n"
            "“Oi!” the guard calls. “Mind the puddle!”\n")
    assert "the guard" in discover_characters(text)


@pytest.mark.parametrize("text, same, apart", [
    # a job is the full name the next sentence opens on, among others named there
    (("Mrs. Jones stood at the railings with her son.\n\n"
     "The manager came out of the lamp room a little after one. Gerald Harcourt was an Englishman sent by "
     "the Board, and Dai Price was at his elbow.\n\n“Ladies,” said Harcourt. “Your attention.”\n\n"
     "“Tell them,” said Dai Price.\n\nThe manager looked at the ground. “There has been a fall.”\n\n"
     "“How many?” asked Mrs. Jones.\n\n“Two,” said the manager.\n"),
     ['the manager', 'Gerald Harcourt'], 'Dai Price'),
    # a teller with a full name is not another first name said twice
    (TOLD_AS_I + ("“Mrs. Jones? I’m Daniel Marsh, the curate.”\n\n“I know who you are,” she said.\n\n"
     "A banksman was keeping the gate. I went to him.\n\n“Who is it, Wil?” said the vicar.\n\n"
     "“Two men, Vicar,” the banksman said.\n\n“Thank you, Mr. Marsh,” said Mrs. Jones to me.\n\n"
     "“Let him go, Wil,” said the doctor.\n\n“Mr. Marsh, sit down,” she said. I sat.\n\n"
     "“Mr. Marsh, your tea.”\n\nI took it.\n"),
     ['Mr. Marsh', 'Daniel Marsh'], 'Wil'),
    # Mummy in a story told in the third person is the woman the narration keeps calling her mother
    (("Anushka had been on set since six. Priya Shah, who played her sister, brought her tea.\n\n"
     "\"Drink it,\" Priya Shah said. \"Vikram wants you in ten.\"\n\n"
     "Mummy had warned her about the hours. Mummy warned her about everything.\n\n"
     "It was past eleven when she got home, and her mother was at the window.\n\n"
     "\"Train!\" Sunita Kapoor said. \"At this hour!\"\n\n\"I wasn't alone, Mummy.\"\n\n"
     "\"Sit,\" said Mummy.\n\nSunita Kapoor had warmed the dal twice already. She set the plate down.\n\n"
     "\"Eat,\" she said.\n\nAnushka ate, and when she had finished her mother was quiet for a long time.\n"),
     ['Mummy', 'Sunita Kapoor'], 'Priya Shah'),
    # a first name said back to the one who came in and spoke is hers
    (TOLD_AS_I + ("\"Anju, the peacock ones,\" Papa says.\n\nI pull them down.\n\n\"No, Anju, the other blue.\"\n\n"
     "Papa folds the silks.\n\nMummy comes through the bead curtain with a garment bag over each arm.\n\n"
     "\"Dinesh. It's quarter to twelve.\"\n\n\"Hema, two minutes.\"\n\n"
     "\"You said two hours three hours ago.\"\n\nPapa sighs and rings up the sari. Mummy says nothing.\n"),
     ['Hema', 'Mummy'], 'Papa'),
    # the names one man goes by, where and to whom, are his
    (TOLD_AS_I + ("My father was standing over the pot with a ladle. Tran Van Minh on his citizenship papers, Minh Tran "
     "on the lease, Mr. Tran to the suppliers and the landlord; Ba only to me.\n\n"
     "\"It's raining, Ba.\"\n\n\"Hoa. She's wet,\" said Mr. Tran to my mother.\n\n"
     "\"Night, Mrs. Tran,\" said Kevin. \"Night, Mr. Tran.\"\n\n\"Ba, I know.\"\n"),
     ['Ba', 'Mr. Tran', 'Minh Tran'], 'Mrs. Tran'),
])
def test_the_names_one_person_goes_by_are_theirs_and_not_another_s(text, same, apart):
    cast = discover_characters(text)
    assert len({owner(cast, name) for name in same}) == 1 and owner(cast, same[0]) not in ("", owner(cast, apart)), cast


def test_what_a_brother_calls_his_elder_sister_is_not_their_mother():
    text = ("Anushka came in out of the rain. Mummy was at the window.\n\n"
            "\"Late again,\" Mummy said. \"Where were you?\"\n\n\"At the studio, Mummy.\"\n\n"
            "\"Dilip-ji,\" said her mother, shaking the wet scarf out over the mat.\n\n"
            "\"Didi, did you see the hero?\" Kabir was in the doorway in his vest.\n\n"
            "\"Kabu, bed,\" said Mummy.\n\n\"I'm asking her, not you.\"\n\n"
            "\"Yes, I saw him,\" Anushka said. \"Go to bed.\"\n\n\"Didi, please.\"\n\n\"Bed,\" said Mummy.\n")
    cast = discover_characters(text)
    assert "Mummy" in cast and "Didi" not in cast["Mummy"].aliases, cast


@pytest.mark.parametrize("text, speaker, line", [
    # a ticket checker the narration keeps watching
    ("The train slowed for Andheri, and a ticket checker in a black coat came pushing through the crush.\n\n"
     "\"Tickets. Passes, please.\"\n\nRaju showed his pass. The checker glanced at it and nodded.\n\n"
     "\"And this one?\" The checker jerked his chin at Anushka.\n\n\"She is with me,\" said Raju.\n",
     "the checker", "And this one?"),
    # a stranger known by the town she came from
    ("Papa spreads the silks across the counter for a lady from Coventry who has said nothing for an hour.\n\n"
     "\"Pure Banarasi. For you, madam, special price, because it's a happy day.\"\n\n"
     "\"Whose happy day?\" says the lady from Coventry.\n\n\"My niece's,\" says Papa.\n",
     "the lady from Coventry", "Whose happy day?"),
])
def test_someone_known_by_a_job_or_a_town_is_in_the_cast_and_speaks(text, speaker, line):
    cast = discover_characters(text)
    assert speaker in cast, cast
    assert {q.text: q.speaker for q in attribute(text, cast)}[line] == speaker


def test_a_job_telling_the_names_of_others_is_not_introducing_itself():
    text = ("A banksman in a donkey jacket was keeping the gate. The vicar went straight to him.\n\n"
            "\"Who is it?\"\n\nThe banksman lowered his voice. \"Emlyn Jones. Tom Bevan's boy. And Ieuan Morgan.\"\n\n"
            "Later they laid Emlyn Jones out in the ambulance room. The banksman stood at the door.\n\n"
            "\"Go home,\" said the banksman.\n")
    cast = discover_characters(text)
    assert owner(cast, "the banksman") not in ("", owner(cast, "Emlyn Jones")), cast


def test_a_carer_taking_his_arm_is_not_a_man():
    from pipeline.text.names import _gender_hint
    for text in ("Precious took his arm and they went on round the path.", "Precious was there at his elbow.",
                 "Aoife patted his hand and said nothing."):
        assert _gender_hint(text, 0, text.index(" ")) == "", text
    assert _gender_hint("Dev put his hand on the table.", 0, 3) == "M"


def test_a_name_the_narration_says_is_a_chapel_is_no_one():
    text = ("“Where would he go?” I asked.\n\n“Bethel,” she said at last. “The chapel. Try Bethel.”\n\n"
            "The rain came while I was on the Bethel road.\n\n"
            "Bethel stood above the last terrace, a plain square chapel with tall windows. I went up between the "
            "graves, calling for him.\n\n“Go home,” said Gethin.\n")
    assert "Bethel" not in discover_characters(text)


def test_a_job_written_with_a_word_before_it_tells_its_gender_and_a_pandit_is_a_man():
    text = ("Priya wiped the window. The security guard bent down and peered in at us.\n\n"
            "\"You can't park here.\"\n\n\"We're going,\" said Priya.\n\n"
            "The security guard considers this, the rain drumming on his hood.\n\n"
            "\"Oi!\" the guard calls. \"Mind the puddle!\"\n\n\"Sorry,\" the guard said.\n")
    assert discover_characters(text)["the guard"].gender == "M"
    from pipeline.text.first_names import first_name_gender
    assert first_name_gender("Panditji") == "M"


def test_what_a_niece_calls_her_uncle_is_a_family_word_not_his_name():
    from pipeline.text.names import FAMILY_NAMES, kin_of
    assert {"Kaka", "Chacha", "Tante"} <= FAMILY_NAMES and kin_of("Kaka") == kin_of("Tía") == "uncle or aunt"
    text = TOLD_AS_I + ("Papa stands there in the rain with the umbrella over Priya.\n\n\"Thank you, Kaka,\" says Priya.\n\n"
                        "\"Come inside,\" Papa says.\n\n\"Kaka, wait.\"\n\nPapa waits.\n")
    assert "Kaka" not in discover_characters(text)


def test_a_job_the_narration_writes_with_a_word_before_it_counts_as_named():
    text = TOLD_AS_I + ("The triage nurse calls us in after forty minutes. She is small and quick.\n\n"
                        "\"And you are? Son?\"\n\n\"His barber,\" I say.\n\n"
                        "Near midnight the triage nurse comes back out and finds us.\n\n\"He's asking for you.\"\n")
    assert "the nurse" in discover_characters(text)


def test_a_pet_form_of_a_first_name_said_to_someone_is_them():
    text = ('Daniel Brennan sat on the counter. Owen stood by the mirror.\n\n'
            '"She cut your speech," said Daniel.\n\n"It\'s fine, Dan. She\'s right."\n')
    cast = discover_characters(text)
    said = {q.text: q.speaker for q in attribute(text, cast)}
    assert said["It's fine, Dan. She's right."] == "Owen"
    daniel = next(m for m in cast if m.startswith("Dan"))
    assert vocatives("It's fine, Dan. She's right.", _Names(cast)) == {daniel}
    assert vocatives("Will you stop, Kate?", _Names({"Katherine": Character("Katherine", (), "F")})) == {"Katherine"}


def test_mrs_and_miss_of_one_surname_are_mother_and_daughter_and_the_full_name_is_the_miss():
    text = ('Mrs. Hartley came out of church with her daughters. Eleanor Hartley was the elder.\n\n'
            '"A fine sermon," said Mrs. Hartley.\n\n"Too long," said Eleanor.\n\n'
            '"You are unkind, Miss Hartley," said the vicar.\n\n"Eleanor is always unkind," said Mrs. Hartley.\n\n'
            'Eleanor laughed. Mrs. Hartley did not.\n')
    cast = discover_characters(text)
    mother = next(m for m, c in cast.items() if "Mrs. Hartley" in (m, *c.aliases))
    daughter = next(m for m, c in cast.items() if "Eleanor" in (m, *c.aliases))
    assert mother != daughter
    assert "Miss Hartley" in (daughter, *cast[daughter].aliases)


def test_a_bare_surname_a_brother_and_sister_share_is_whom_its_pronouns_say():
    text = ('Captain Ilsa Brandt sat at the helm. Her brother Tomas Brandt had not written in years.\n\n'
            '"Course laid in," said Brandt. Brandt allowed herself a smile.\n\n'
            '"Aye," said Wick.\n\nBrandt turned her chair. "Then take us in."\n\n'
            'At the market Tomas Brandt was waiting. Tomas had grown a beard.\n\n'
            '"Hello, sister," said Tomas.\n\n"Hello," Brandt said, and she did not smile.\n')
    cast = discover_characters(text)
    ilsa = next(m for m, c in cast.items() if "Captain Ilsa Brandt" in (m, *c.aliases))
    assert "Brandt" in (ilsa, *cast[ilsa].aliases)
    assert cast[ilsa].gender == "F"
    said = {q.text: q.speaker for q in attribute(text, cast)}
    assert said["Course laid in,"] == said["Hello,"] == ilsa
    assert said["Hello, sister,"] != ilsa


def test_the_chief_is_the_full_name_the_narration_brings_in_beside_her_and_a_name_in_capitals_speaks():
    text = ('Nine weeks of ice and nickel and the Chief swearing at the reactor.\n\n'
            '"Docking in ten," said Wick.\n\n"Confirmed," ORLA said. The ship\'s voice came from everywhere.\n\n'
            'The door opened and the Chief came in. Dana Okoro was still in her coveralls.\n\n'
            '"The reactor held," the Chief said.\n\n"Good," said Wick.\n\n'
            '"Dana, go and sleep," said Wick.\n\n"Later," the Chief said.\n\n'
            '"Eleven minutes to the marker," said ORLA.\n')
    cast = discover_characters(text)
    chief = next(m for m, c in cast.items() if "the Chief" in (m, *c.aliases))
    assert {"Dana", "Dana Okoro"} <= {chief, *cast[chief].aliases}
    assert "ORLA" in cast
    said = {q.text: q.speaker for q in attribute(text, cast)}
    assert said["Confirmed,"] == said["Eleven minutes to the marker,"] == "ORLA"
    assert said["The reactor held,"] == said["Later,"] == chief
    # words in capitals inside a quote are shouting, not a name
    assert "STOP" not in discover_characters('"STOP," she said. "STOP right there," said Ana.\n')


def test_a_narrator_called_by_first_name_is_named_so_and_a_job_said_to_someone_is_not_the_narrator():
    text = ("I tie my boots. I tie them twice, because my hands shake. I think about Saturday and I think about my "
            "father, and I wish I could stop thinking. I run a lap. I run another. I am faster than last week.\n\n"
            "The whistle goes and I jog over. I know what he wants. I always know, and I hate it.\n\n"
            "'Mr. Osei,' Mr. Dale says. 'A word.'\n\n'Yes, Coach?'\n\n'Trials on Saturday, Mr. Osei. Be there.'\n\n"
            "I nod. I always nod. I nod and I run.\n\n'And Mr. Osei? Bring your own water.'\n\n"
            "At home my sister is at the table. I stop on the stairs and I wait.\n\n"
            "'Samuel,' she calls. 'Tea.'\n\n'Coming,' I say. I sit. I eat. I say nothing.\n\n"
            "'Samuel, what did he want?'\n\n'Nothing,' I say.\n\n"
            "'Mam, he's sulking,' my sister says. 'Mam, look at him. Mam!'\n\n'Leave him be,' says our mother.\n")
    cast = discover_characters(text)
    narrator = teller(cast)
    assert narrator == "Samuel"
    assert "Mr. Osei" in cast[narrator].aliases and "Coach" not in cast[narrator].aliases


def test_a_narrator_called_by_title_by_a_short_form_of_the_surname_and_by_first_name_is_one_man():
    text = ("I had an office over a laundromat, and I had a bottle in my desk, and I had my doubts about both. "
            "I kept my hat on the hook and my feet on the desk, and I let my coffee go cold.\n\n"
            "The phone rang and I picked it up. I said the name of the firm, the way I always do.\n\n"
            "\u201cHolmqvist Investigations.\u201d\n\nI listened. I said nothing for a while. I wrote it down. "
            "I put the phone back and I looked at the rain and I lit a cigarette I did not want.\n\n"
            "She came in at four. \u201cMr. Holmqvist?\u201d\n\n\u201cThat\u2019s me.\u201d\n\n"
            "\u201cMy husband is missing, Mr. Holmqvist.\u201d\n\nI took the case. I always take the case.\n\n"
            "Detective Ruiz met me at the hospital. \u201cHolm,\u201d she said. \u201cGo home, Holm.\u201d\n\n"
            "\u201cNot yet,\u201d I said.\n\n\u201cListen to me, Anders. Go home.\u201d\n\n"
            "\u201cI heard you, Holm.\u201d I did not go home. I went to the docks, and I waited.\n\n"
            "\u201cAnders, you are a fool,\u201d Ruiz said when she found me there.\n")
    cast = discover_characters(text)
    narrator = teller(cast)
    assert {"Mr. Holmqvist", "Holm", "Anders"} <= {narrator, *cast[narrator].aliases}
    assert cast[narrator].gender == "M"
    assert not any("Investigations" in (m, *c.aliases) for m, c in cast.items())


def test_a_rank_of_two_words_is_a_title_and_okay_is_no_one():
    text = ('Detective Sergeant Kieran Malik was waiting under the awning. "Okay," he said. "Okay. She\'s inside."\n\n'
            '"Did you see the car?" Kieran asked.\n\n"No," said Malik. "Okay, we go in."\n\n'
            'Chief Engineer Ines Calloway met us at the airlock. "Seals," Calloway said.\n\n"Noted, Chief," said Ines.\n')
    characters = discover_characters(text)
    assert owner(characters, "Kieran") == owner(characters, "Malik") == owner(characters, "Detective Sergeant Kieran Malik")
    assert owner(characters, "Ines") == owner(characters, "Calloway")
    assert not {"Okay", "Chief"} & set(characters)


def test_the_stranger_in_the_tweed_cap_who_names_himself_said_the_lines_before():
    text = ('Then a man in a tweed cap sat down opposite me. "Solicitor\'s letter," he said.\n\n"It is," I said.\n\n'
            'The man in the tweed cap turned to the window. "Everybody knew Abel," he said.\n\n'
            'Later, in the pub, Maudie poured the drinks. "On the house," she said.\n\n'
            '"Evening, Maudie." He nodded to me. "I\'m Walter Finch. I ought to have told you on the train."\n\n'
            '"Mr. Finch," said Maudie.\n')
    lines = [(q.text, q.speaker) for q in attribute(text) if q.kind == "speech"]
    finch = owner(discover_characters(text), "Walter Finch")
    assert [s for t, s in lines if t.startswith(("Solicitor", "Everybody"))] == [finch, finch]


def test_on_the_phone_this_is_and_a_full_name_then_a_short_one_introduce_the_speaker():
    names = _Names({"Connie Wilder": Character("Connie Wilder", ("Constance Wilder",), "F"),
                    "Sol": Character("Sol", ("Solomon Barker",), "M"), "Dana Reyes": Character("Dana Reyes", (), "F")})
    from pipeline.text.addressed import self_named
    assert self_named("This is Constance Wilder, on Orchard Hill.", names) == "Connie Wilder"
    assert self_named("Solomon Barker. Sol, to my friends.", names) == "Sol"
    assert self_named("Dana Reyes. We spoke on the phone.", names) == "Dana Reyes"
    # the one who answers called by name first
    assert self_named("Dana? It's Constance Wilder.", names) == "Connie Wilder"
    assert self_named("Sol. This is Dana Reyes, at the Ledger.", names) == "Dana Reyes"
    # someone else introduced, or talked of
    assert self_named("This is Dana Reyes, my wife.", names) == ""
    assert self_named("I saw Solomon Barker. Sol was there.", names) == ""
    assert self_named("Sol, look. It's Dana Reyes, my wife.", names) == ""
    assert self_named("Well? It's Dana Reyes.", names) == ""


def test_a_job_describes_a_stranger_only_when_no_one_in_the_cast_holds_it():
    from pipeline.text.strangers import name_the_strangers
    cast = {"Oyelaran": Character("Oyelaran", ("Captain Oyelaran",), "F"),
            "Verhoeven": Character("Verhoeven", ("Elias Verhoeven",), "M"),
            "Sol": Character("Sol", ("Sol Barker",), "M")}
    text = ('The captain looked at the screen. The captain frowned. "Who are you?"\n\n"I\'m Elias Verhoeven."\n\n'
            'Later the driver leaned back. The driver whistled. "I\'m Sol Barker, by the way."\n')
    spans = [(q.start, q.end) for q in attribute(text, cast)]
    named = name_the_strangers(text, spans, cast)
    assert "the captain" not in named["Verhoeven"].aliases
    assert "the driver" in named["Sol"].aliases


def test_a_name_after_the_is_a_ship_or_a_house_not_a_person():
    text = ('It was a long night on the Long Patience. "Contact," said Park. "She\'s the Coriolis Nine."\n\n'
            '"How long?" Lindqvist said. "A long time for the Long Patience."\n\n'
            '"Too long," said Park. "Tell the Long Patience to wait for the Coriolis Nine."\n')
    assert "Patience" not in discover_characters(text)


def test_a_cat_who_was_called_euclid_is_no_one_in_the_cast():
    text = ('She told me about the cat, who was called Euclid and was a disappointment to her.\n\n'
            '"Euclid!" she called. "Euclid, come in."\n\n"He won\'t," I said.\n')
    assert "Euclid" not in discover_characters(text)


def test_a_girl_in_a_tag_that_named_no_one_ages_no_one():
    # "It's June," the girl said: a line turn-taking gave to her grandmother once made Mrs. Wilder a child
    from pipeline.text.casting import ages_in_tags
    text = (CHAPTERS / "gold" / "first-person-locksmith-rain-porch-diner.txt").read_text(encoding="utf-8")
    ages = ages_in_tags(text, discover_characters(text))
    assert ages.get("Mrs. Wilder") != "child" and ages.get("Fee") != "child", ages


def test_a_titled_name_said_once_is_not_the_narrators_when_her_surname_is_another():
    text = ('The studio was cold. I pulled my headphones down and looked at the clock. I had been on the air '
            'since midnight, and my coffee had gone cold an hour before. I drank it anyway; I always do.\n\n'
            'I checked my running order twice. My hands were not quite steady, and I knew why. I had my '
            'notes, my pencil and my list, and I read them over until I could say them in my sleep. I '
            'thought of Eileen Barrow, who had listened every night, and I wished for a moment that I had '
            'stayed in my old job. Then I let it go.\n\n'
            '“Rosa, you’re on in five,” Agnes said.\n\n“I know, Agnes.”\n\n'
            'I read the travel news and the weather. Hugh Barrow rang in at ten past, as he always did, '
            'and I let him talk about the tide.\n\n“Rosa Delane, you have the voice of an angel,” he said.\n\n'
            '“And you have the sense of a goose, Hugh.”\n\n'
            '“He fell on the stairs,” Agnes told me later. “His daughter’s a doctor up there. Dr. Barrow, in A and E.”\n\n'
            'At the hospital I found his daughter by the vending machine. Imogen Barrow had her father’s chin.\n\n'
            '“Oh. You’re Rosa Delane.”\n\n“Dr. Barrow.”\n\n“He talks about you all the time,” Imogen said.\n\n'
            'I did not know what to say to that, so I said nothing.\n')
    cast = discover_characters(text)
    narrator = teller(cast)
    assert "Rosa Delane" in (narrator, *cast[narrator].aliases)
    assert "Dr. Barrow" not in cast[narrator].aliases, cast


def test_a_full_first_name_said_now_and_then_is_the_one_known_by_its_short_form():
    text = ("Sam Hale was up before the birds. Sam lit the ovens and Sam weighed the flour.\n\n"
            "'You're early,' said Walter.\n\n'Couldn't sleep.'\n\n"
            "'Then make yourself useful, Samuel. The tins want greasing.'\n\n"
            "Sam greased the tins. Walter watched him.\n\n'Good lad, Samuel.'\n\n"
            "Maud Iverson came in at six with her umbrella. 'Auntie Maud!' said Sam. 'You're back.'\n\n"
            "'I am,' said Maud Iverson. 'And wet through.'\n\n'Sit by the oven, Auntie Maud.'\n")
    cast = discover_characters(text)
    sam = next(main for main, c in cast.items() if "Sam" in (main, *c.aliases))
    assert "Samuel" in (sam, *cast[sam].aliases) and "Samuel" not in cast
    maud = next(main for main, c in cast.items() if "Maud Iverson" in (main, *c.aliases))
    assert "Auntie Maud" in (maud, *cast[maud].aliases), cast
    assert cast[maud].gender == "F"


def test_the_reverend_at_a_sentences_start_and_vicar_to_his_face_are_one_man():
    text = ("The Reverend Colin Ashby came up for drinks at the end of the over. 'Looks like weather.'\n\n"
            "'Forecasts are liars, Vicar,' said Dot.\n\n'Colin, sit down,' said Priya. 'You make the scorers nervous.'\n\n"
            "Reverend Ashby sat down. 'I was only saying,' he said.\n\n'Well, don't, Colin.'\n")
    cast = discover_characters(text)
    vicar = next(main for main, c in cast.items() if "Reverend Ashby" in (main, *c.aliases))
    assert {"Colin", "Vicar"} <= set((vicar, *cast[vicar].aliases)), cast
    assert [main for main, c in cast.items() if {"Colin", "Vicar", "Reverend Colin Ashby"} & {main, *c.aliases}] == [vicar]
    # and "Forecast said not till tonight", with "Forecasts are liars", is no one
    said = discover_characters(text.replace("'Looks like weather.'", "'Looks like weather. Forecast said not till tonight.'"))
    assert "Forecast" not in said and "Forecasts" not in said


def test_a_captain_is_the_one_of_his_surname_named_just_before_him_not_his_nephew():
    text = ("The barge was late. A tall man in an oilskin came down the gangway with a lantern.\n\n"
            "“Ansel Vardy. Master of this barge.” He looked us over. “You’ll be the ones for the island.”\n\n"
            "“We are.”\n\n“Then get aboard before the tide turns.” Captain Vardy hung the lantern on a hook.\n\n"
            "His nephew brought the bags. When Tam Vardy dropped one in the river, Captain Vardy swore at him "
            "and Tam fished it out with a boathook.\n\n“Sorry, Skip,” said Tam.\n\n"
            "“Skip,” I said to the captain, “how long is the crossing?”\n\n“An hour, if the wind holds.”\n")
    cast = discover_characters(text)
    captain = owner(cast, "Captain Vardy")
    assert {"Ansel Vardy", "Skip"} <= set((captain, *cast[captain].aliases)), cast
    assert "Tam Vardy" not in (captain, *cast[captain].aliases)
    tam = owner(cast, "Tam Vardy")
    assert cast[captain].gender == cast[tam].gender == "M"
    # he introduced himself: "Ansel Vardy. Master of this barge." is his line
    quotes = [q for q in attribute(text, cast) if q.kind == "speech"]
    assert quotes[0].speaker == captain


def test_a_doctor_of_a_family_is_the_one_of_them_named_beside_her_and_kin_words_are_who_they_answer():
    text = ("I drove to the hospital through the rain. Harold Quayle had rung the studio at midnight, and "
            "I had known him all my life. Mr. Quayle was not a man who rang anyone. His wife, Edith Quayle, "
            "had been dead ten years.\n\n"
            "“His daughter works there,” Agnes had said. “Dr. Quayle, on the night shift. He said to tell Moth he was sorry.”\n\n"
            "A woman in scrubs came out of the doors. She was small and fierce.\n\n“Dr. Quayle?”\n\n"
            "“Miriam, please. Where is he?”\n\nWe found him in the canteen. Miriam Quayle stopped in the "
            "doorway, then sat down beside him.\n\n“Moth,” he said at last.\n\n“Dad.”\n\n"
            "“I’m not going back to the ward,” said Harold.\n\n“Yes you are, Dad.”\n")
    cast = discover_characters(text)
    miriam = owner(cast, "Miriam Quayle")
    harold = owner(cast, "Harold Quayle")
    assert {"Dr. Quayle", "Moth"} <= set((miriam, *cast[miriam].aliases)), cast
    assert {"Mr. Quayle", "Dad"} <= set((harold, *cast[harold].aliases)), cast
    assert cast[miriam].gender == "F" and cast[harold].gender == "M"
    assert not [m for m, c in cast.items() if {"Dad", "Moth", "Dr. Quayle"} & {m, *c.aliases} and m not in (miriam, harold)]


def test_someone_spoken_of_by_name_after_a_brother_is_not_spoken_to():
    from pipeline.text.addressed import vocatives
    names = _Names({"Lee Hollis": Character("Lee Hollis", ("Lee",), "M")})
    assert vocatives("A brother, Lee.", names) == set()
    assert vocatives("My cousin, Lee, was there.", names) == set()
    assert vocatives("Sit down, Lee.", names) == {"Lee Hollis"}


def test_her_after_another_named_one_or_a_boat_held_a_while_is_not_his():
    text = ("Captain Rook took the wheel. “Skip held her five minutes for you,” said the boy.\n\n"
            "Captain Rook looked at us, the DJ in her wet jeans and the engineer, and said nothing. "
            "Captain Rook held her ten minutes more at the pier, and then Captain Rook cast off.\n")
    cast = discover_characters(text)
    rook = owner(cast, "Captain Rook")
    assert cast[rook].gender == "M", cast


def test_a_pet_form_of_the_first_syllable_and_a_name_to_my_friends_are_one_person():
    text = ("Benny Strand lay on the floor with his feet on the radiator.\n\n"
            "“Up, Benny,” said Hattie. “Half an hour.”\n\n"
            "“Benedict, dear, you know every line of mine,” said Celeste.\n\n"
            "“Every single one,” said Benedict Strand, with a little bow.\n\n"
            "Outside, the cab driver held the door. “Solomon Barker. Sol, to my friends.”\n\n"
            "“I can’t pay you for all that waiting, Sol,” said Hattie.\n\n"
            "“Then don’t,” said Sol.\n")
    cast = discover_characters(text)
    benny = [m for m, c in cast.items() if {"Benny", "Benny Strand", "Benedict", "Benedict Strand"} & {m, *c.aliases}]
    assert len(benny) == 1, cast
    sol = [m for m, c in cast.items() if {"Sol", "Solomon Barker"} & {m, *c.aliases}]
    assert len(sol) == 1 and {"Sol", "Solomon Barker"} <= {sol[0], *cast[sol[0]].aliases}, cast
    assert cast[sol[0]].gender == "M"


def test_a_nickname_said_to_whoever_spoke_by_turns_or_answers_a_question_is_theirs():
    text = ("The bridge was quiet. At the navigation station, Lieutenant Park snorted.\n\n"
            "“Or the clock’s wrong,” says Park.\n\n“Clocks are rarely wrong, Lieutenant.”\n\n"
            "“Rarely isn’t never.”\n\n“Min, stand down.” The captain does not raise her voice.\n\n"
            "In the medbay Dr. Yusuf Haddad keeps the heat up.\n\n“How is he, Doc?”\n\n"
            "“Cold and lucky,” Haddad says.\n\nPark comes in. “Anything?”\n\n“Nothing yet, Min.”\n")
    cast = discover_characters(text)
    park = owner(cast, "Lieutenant Park")
    assert {"Park", "Min"} <= {park, *cast[park].aliases}, cast
    haddad = owner(cast, "Dr. Haddad") or owner(cast, "Dr. Yusuf Haddad")
    assert "Doc" in (haddad, *cast[haddad].aliases), cast


def test_the_tellers_name_said_to_them_is_not_joined_to_whoever_spoke_before():
    text = ("I had not seen Holmes so restless in a month. Athelney Jones came in at noon.\n\n"
            "“Good day, gentlemen,” said Athelney Jones.\n\n“Sit down, Watson. Jones has news.”\n\n"
            "I sat down by the fire.\n\n“You look tired, Watson,” said Holmes.\n\n"
            "I said that I had not slept.\n\n“Then sleep, Watson. We go at dusk.”\n\n"
            "I nodded, and Jones laughed.\n")
    cast = discover_characters(text)
    jones = owner(cast, "Athelney Jones")
    assert "Watson" not in cast[jones].aliases, cast


def test_a_first_name_said_to_whoever_a_pronoun_tag_left_speaking_is_theirs():
    text = ("The lounge was warm. Ysolde had rung Dr. Mowbray, and he was sitting by the fire with his bag open.\n\n"
            "‘Sit down and let me listen to your chest, Hugh,’ he says.\n\n"
            "‘There’s nothing wrong with my chest, Iain.’\n\n"
            "Mrs. Carden came down in her dressing gown and took in the puddles.\n\n"
            "‘Daniel,’ she says.\n\n‘I can explain.’\n\n‘Sit down, Mr. Lomax, before you fall down.’\n\n"
            "‘I’m perfectly fine, Philippa.’\n\n‘Well, we carried him in, Abdullah, Akbar, and I.’\n")
    cast = discover_characters(text)
    mowbray = owner(cast, "Dr. Mowbray")
    assert "Iain" in (mowbray, *cast[mowbray].aliases), cast
    carden = owner(cast, "Mrs. Carden")
    assert "Philippa" in (carden, *cast[carden].aliases), cast
    assert not any("Akbar" in c.aliases for c in cast.values())


# a story told as "I" says so often: an opening that does (narrator.told_in_first_person)


def test_a_rank_and_a_mister_of_one_surname_are_father_and_son():
    text = ("‘Evening, Captain,’ I call.\n\n‘Ashworth.’ Captain Lomax comes into the light in his dressing gown. "
            "He is eighty-eight and has lived in room four for eleven years.\n\n"
            "Rupert Lomax is the Captain’s son, fifty-something and in insurance. Rupert puts his head round the "
            "kitchen door.\n\n‘Is my father down here?’\n\n‘No, Mr. Lomax. He went up at midnight.’\n\n"
            "‘I sent him to bed, Mr. Lomax.’\n\nCaptain Lomax laughed at that.\n")
    cast = discover_characters(text)
    rupert = owner(cast, "Rupert Lomax")
    captain = owner(cast, "Captain Lomax")
    assert rupert != captain and "Mr. Lomax" in (rupert, *cast[rupert].aliases), cast


def test_a_rank_the_narration_gives_a_full_name_joins_his_mister():
    text = ("The Major folded his newspaper and looked at me over it.\n\n“You’re late, Quinn.”\n\n"
            "“The bus, Major.”\n\n“There is no such thing as the bus,” the Major said.\n\n"
            "Arthur Penrose had never been late for anything. He had gone into the army at eighteen and come out "
            "a major at fifty, with a pension and a bad knee, and the habit of command had outlived both.\n\n"
            "“Mr. Penrose, your tea,” said the nurse.\n\n“Thank you, Mr. Penrose will take it black.”\n\n"
            "At nine the nurse brought Major Penrose the paper again, and Major Penrose thanked her.\n\n"
            "“Goodnight, Mr. Penrose,” she said.\n")
    cast = discover_characters(text)
    assert owner(cast, "Major Penrose") == owner(cast, "Mr. Penrose") == owner(cast, "Arthur Penrose"), cast


def test_the_names_a_person_goes_by_that_the_text_gives_are_theirs():
    text = TOLD_AS_I + ("Nobody has called Mrs. Carden Pip in six years. Mrs. Carden comes down the stairs.\n\n"
            "‘Pip,’ says the Captain. ‘Pip, give the girl a key.’\n\n"
            "‘Daniel,’ she says. She only ever calls me Daniel when I’m in trouble.\n\n‘I can explain,’ I said.\n\n"
            "Kasimir Dunne came splashing between the stalls, his hood down, because Kaz considered hoods weak.\n\n"
            "‘I’m the manager,’ said Kaz. ‘Kasimir Dunne. Kaz.’\n\n‘Sit down, Mr. Dunne,’ said Sergeant Quaye.\n\n"
            "‘Coffee, Sarge?’ asked Venn.\n\n‘Later.’\n\n‘Right you are, Sarge,’ said Venn.\n\nFergus leaned on the cabinet. ‘Ask Gran,’ he said.\n\n"
            "‘I swear to God, Gus,’ I said.\n\n‘Ask Gran,’ said Fergus again.\n")
    cast = discover_characters(text)
    assert owner(cast, "Pip") == owner(cast, "Mrs. Carden") != "" and "Mrs. Carden Pip" not in cast, cast
    assert owner(cast, "Daniel") == teller(cast), cast
    assert owner(cast, "Kaz") == owner(cast, "Kasimir Dunne") == owner(cast, "Mr. Dunne") != "", cast
    assert owner(cast, "Sarge") == owner(cast, "Sergeant Quaye") != "", cast
    assert owner(cast, "Gus") == owner(cast, "Fergus") != "", cast


def test_a_short_form_said_to_the_teller_is_theirs_whatever_a_list_says_of_it():
    text = TOLD_AS_I + ("I set out my stall in the rain. Ruth was lining up her jars.\n\n"
            "“Move the crate, Tamsin,” said Ruth.\n\n“Where to?”\n\n“That’s nowhere, Tam,” said Joel.\n\n"
            "I laughed at him.\n\n“Who else, Tam? The rain?” said Joel.\n\nI shrugged and said nothing.\n\n"
            "“Tamsin, sit down,” said Ruth.\n")
    cast = discover_characters(text)
    narrator = teller(cast)
    assert {"Tam", "Tamsin"} <= {narrator, *cast[narrator].aliases} and cast[narrator].gender == "F", cast


def test_a_name_asked_for_and_answered_and_a_family_word_then_a_full_name_are_one_woman():
    text = ("The door swung open and Gran came through it sideways with a tray. Margaret Pryce was eighty-one "
            "and she carried the tins herself.\n\n“Is that my good mug, Fergus?” said Gran.\n\n“No, Gran.”\n\n"
            "A man in a wet coat came into the shop. “Sorry to barge in,” he said. “Is there a Mrs. Pryce? "
            "Mrs. Margaret Pryce?”\n\nBoth women turned.\n\n“That’s me,” said Grandma.\n\n"
            "“Carol Pryce, the shop,” said the woman behind the counter. “She’s Mrs. Pryce.”\n\n"
            "“Thank you, Mrs. Pryce,” said the man to Grandma.\n")
    cast = discover_characters(text)
    margaret = owner(cast, "Margaret Pryce")
    assert {"Gran", "Grandma", "Mrs. Margaret Pryce", "Mrs. Pryce"} <= {margaret, *cast[margaret].aliases}, cast
    assert not any("Carol Pryce" in (m, *c.aliases) for m, c in cast.items() if m == margaret)


def test_dad_in_a_story_of_one_family_is_its_one_man_and_hollis_is_no_plural_of_holl():
    text = ("Hollis Pryce had heard the story of the ovens all her life. Hollis floured the bench.\n\n"
            "Dennis Pryce came in with a sack of flour on each shoulder. Carol Pryce was at the counter, and "
            "Margaret Pryce sat on the flour bin.\n\n“You knew, Dad?” Hollis said.\n\n"
            "“I knew,” said Dennis.\n\n“Don’t look at me like that, Holl.”\n\nHollis looked away.\n\n"
            "“Dad.”\n\n“Not now, Holl,” said Dennis.\n")
    cast = discover_characters(text)
    dennis = owner(cast, "Dennis Pryce")
    assert "Dad" in (dennis, *cast[dennis].aliases), cast
    assert any("Hollis" in (m, *c.aliases) for m, c in cast.items()), cast


def test_pet_names_the_text_gives_and_a_verb_in_ing_are_not_new_people():
    text = ("Judith Finch had not been home in twelve years. There was a sign about visiting hours by the lift.\n\n"
            "In the chair beside the bed his granddaughter looked up. Clementine Finch was fifteen and has been "
            "Clem to everyone since she could object.\n\n‘Bricklayers are underrated, Clemmie,’ said Walter.\n\n"
            "‘Grouse,’ said Clem.\n\nA woman in a wet hood came across the car park.\n\n"
            "‘You must be Clementine.’\n\n‘I’m Judith. Jude. I’m your aunt.’\n\n"
            "‘Does he,’ said Jude quietly.\n\nVisiting hours ended at eight.\n\n"
            "‘Visiting finished at eight,’ she said. ‘But I don’t see anybody.’\n\n‘Thank you, Jude,’ said Walter.\n")
    cast = discover_characters(text)
    clem = owner(cast, "Clementine Finch")
    assert {"Clem", "Clemmie"} <= {clem, *cast[clem].aliases}, cast
    jude = owner(cast, "Jude")
    assert "Judith Finch" in (jude, *cast[jude].aliases) and cast[jude].gender == "F", cast
    assert "Visiting" not in cast


def test_the_name_the_teller_says_she_was_called_is_hers():
    text = TOLD_AS_I + ("My birth certificate says Bridget Amory, but nobody here has called me Bridget since the bishop did. "
            "I was Birdie before I could walk, and I have been it ever since; my brother calls me Bird when "
            "I annoy him, which I do. I keep my boots by the door and my coat on the hook, and I was pulling "
            "them on when my brother came in.\n\n“In this, Birdie?” said Kit.\n\n“In this,” I said.\n\n"
            "“You’re going to the Plough, Bridget,” said Nan.\n\nI went.\n\n“Birdie, wait,” said Kit.\n")
    cast = discover_characters(text)
    narrator = teller(cast)
    assert {"Birdie", "Bridget"} <= {narrator, *cast[narrator].aliases}, cast


def test_a_pet_name_the_narration_says_she_was_called_and_a_name_said_to_be_someones_sister():
    # "Ellis" is a man's name to the list and "Elly" a woman's: "called her Elly" makes the pet name hers
    text = ('"Pass the salt, Ellis," said her uncle. Ellis passed it without a word. She was tired.\n\n'
            '"Are you listening, Elly?" asked Kit.\n\n'
            'Nobody had called her Elly since she was small. "Always," said Ellis.\n\n'
            'Rosalind Vane was Kit\'s older sister, and she had come home for the funeral. "Rosie!" said Marlis.\n\n'
            '"Hello, love," said Rosie. "Rosalind Vane. Sister. You must be the lodger," she told the man at the door.\n')
    found = discover_characters(text)
    assert owner(found, "Elly") == owner(found, "Ellis") != ""
    assert owner(found, "Rosie") == owner(found, "Rosalind Vane") != ""
    assert found[owner(found, "Ellis")].gender == "F"


def test_a_name_beside_a_kin_word_is_said_to_be_someone_elses_kin():
    text = ("Ada Brook came in at noon. Zeffa Orrin was Tom's younger sister. Harbour Street was quiet.\n\n"
            '"Coffee?" said Ada Brook. Zeffa Orrin shook her head.\n')
    found = discover_characters(text)
    assert owner(found, "Zeffa Orrin") and not owner(found, "Harbour Street")


def test_a_maid_the_mistress_calls_by_name_is_not_the_mistress():
    text = ('"You are late, Clara," said Mrs. Wace. "Did the boat come in?"\n\n'
            '"Not yet, Bess. The wind is against it."\n\n'
            '"Then we wait, Clara," said Mrs. Wace.\n\n"We wait, Bess."\n\n'
            'The door opened and Tilly came in with the coals.\n\n'
            '"Tilly, the lamp," said Mrs. Wace. "And then you may go."\n\n'
            '"Yes, ma\'am, directly."\n\n'
            '"Thank you, Tilly," said Mrs. Wace.\n\n'
            '"Goodnight, ma\'am," said Tilly.\n')
    found = discover_characters(text)
    assert owner(found, "Bess") == owner(found, "Mrs. Wace") != ""
    assert owner(found, "Tilly") not in ("", owner(found, "Mrs. Wace"))


def test_miss_and_a_first_name_is_a_younger_daughter_not_the_eldest_miss():
    text = ('"The tide is turning," said Miss Lucetta Vane. She pressed her face to the glass.\n\n'
            '"Sit down, Lucetta," said Miss Vane. "You will catch cold."\n\n'
            '"Miss Lucetta is quite right," said the Colonel. "The tide is turning."\n\n'
            '"Then we shall all catch cold," said Miss Vane.\n')
    found = discover_characters(text)
    assert owner(found, "Miss Lucetta Vane") == owner(found, "Lucetta") != ""
    assert owner(found, "Miss Vane") not in ("", owner(found, "Lucetta"))
    # without "Miss Lucetta", the two forms are one woman ("Miss Jane Marple" and "Miss Marple")
    text = ('"The tide is turning," said Miss Hester Vane. She pressed her face to the glass.\n\n'
            '"Sit down," said the Colonel. "You will catch cold, Miss Vane."\n\n'
            '"Then we shall all catch cold," said Miss Vane.\n')
    found = discover_characters(text)
    assert owner(found, "Miss Vane") == owner(found, "Miss Hester Vane") != ""


def test_a_one_word_question_is_not_someone_called_and_a_nickname_beside_the_name_on_a_badge():
    text = ('Moose was behind the counter. Everyone called him Moose, though his name tag said Alfred Pike.\n\n'
            '"Age?" asked Dr Rowe, pen ready.\n\n"Nine," said Moose. "Same as last year plus one."\n\n'
            '"Thank you, Moose," said Dr Rowe.\n')
    found = discover_characters(text)
    assert owner(found, "Moose") == owner(found, "Alfred Pike") != ""
    assert not owner(found, "Age")


def test_the_first_name_an_answer_gives_my_mother_is_hers():
    text = ("I came down late. Mum was at the sink and my uncle was reading the paper.\n\n"
            '"You missed the post," said my mother. "Again."\n\n'
            '"Leave the boy alone, Miriam. He works nights."\n\n'
            '"I know what he works," Mum said. I took an apple and said nothing.\n\n'
            '"He works too much," said Uncle Abe. "Sit down, Miriam. I\'ll make the tea."\n\n'
            "I went up to my room. I could hear them through the floor, and I put my headphones on.\n")
    found = discover_characters(text)
    assert owner(found, "Miriam") == owner(found, "Mum") != ""
    assert owner(found, "Uncle Abe") not in ("", owner(found, "Mum"))


def test_a_first_name_answering_the_woman_a_beat_paragraph_opens_on_is_hers():
    text = ("Colonel Ashby stood with his back to the fire. Mrs. Ashby sat at the card-table with Dr. Vell.\n\n"
            "“The wind is getting up,” said Colonel Ashby.\n\n“It always does in March,” said Dr. Vell.\n\n"
            "Mrs. Ashby, who had been watching her husband for some time, laid down her cards.\n\n"
            "“And where, pray, is your flask?”\n\n“I gave it to the boy, Winifred.”\n\n“The whole of it?”\n")
    cast = discover_characters(text)
    wife = owner(cast, "Mrs. Ashby")
    assert "Winifred" in (wife, *cast[wife].aliases), cast
    # a beat that names two people is no answer to either
    two = text.replace("Mrs. Ashby, who had been watching her husband", "Mrs. Ashby, who had been watching Dr. Vell")
    cast = discover_characters(two)
    assert "Winifred" not in (owner(cast, "Mrs. Ashby"), *cast[owner(cast, "Mrs. Ashby")].aliases), cast


def test_the_first_name_answering_a_captain_after_a_paragraph_about_him_is_his():
    text = ("Captain Lomax came into the light in his dressing gown. Mrs. Carden looked up from her ledger.\n\n"
            "‘Evening, Mrs. Carden,’ said Captain Lomax.\n\n‘You should be in bed,’ she said.\n\n"
            "The lift was broken again, so the Captain took the stairs. The Captain would not be hurried, and "
            "twice the Captain stopped to point out the place where the bandstand was.\n\n"
            "‘That was where I proposed,’ said the Captain.\n\n"
            "‘Pip,’ says the Captain suddenly. ‘Give the girl a key.’\n\n"
            "Nobody had called Mrs. Carden Pip in years; the Captain was best man at their wedding.\n\n"
            "‘We’ll see, Hugh,’ she says. ‘Bath first.’\n")
    cast = discover_characters(text)
    captain = owner(cast, "Captain Lomax")
    assert "Hugh" in (captain, *cast[captain].aliases), cast
    # a paragraph that brings someone else in, and not the Captain, lets the name be the newcomer's
    other = text.replace("Nobody had called Mrs. Carden Pip in years; the Captain was best man at their wedding.",
                         "The door opened and a young man came in out of the rain.")
    cast = discover_characters(other)
    assert "Hugh" not in (owner(cast, "Captain Lomax"), *cast[owner(cast, "Captain Lomax")].aliases), cast


def test_an_oath_is_no_one_called_and_a_family_words_kitchen_introduces_her():
    text = ("I came round the lock with the barrow. Kenny Bright jumped.\n\n"
            "\"Jesus Christ, girl.\" Kenny had one hand flat on his chest. \"What are you doing out here?\"\n\n"
            "\"Same as you, I reckon,\" said Pip.\n\n"
            "Gran's kitchen at seven smelled of toast. Margaret Pryce was eighty-one and had never raised her voice.\n\n"
            "\"So let me see if I have this right,\" said Gran.\n\n\"Yes, Gran.\"\n\n"
            "\"Thank you, Mrs. Pryce,\" said Pip.\n")
    cast = discover_characters(text)
    assert not any("Jesus" in name for m, c in cast.items() for name in (m, *c.aliases)), cast
    gran = owner(cast, "Gran")
    assert "Margaret Pryce" in (gran, *cast[gran].aliases) and cast[gran].gender == "F", cast
    # her friend is someone else
    friend = text.replace("Gran's kitchen at seven", "Gran's friend came in at seven")
    cast = discover_characters(friend)
    assert "Margaret Pryce" not in (owner(cast, "Gran"), *cast[owner(cast, "Gran")].aliases), cast


def test_a_three_word_name_nobody_calls_anything_but_kitty_and_the_one_miss_of_the_family():
    text = ("Katherine Mary Ashcombe, whom nobody since her christening had troubled to call anything but Kitty, "
            "sat by the window.\n\n\"You'll mark the glass,\" said Tom Ashcombe.\n\n\"I don't care,\" said Kitty.\n\n"
            "His wife sat at the tea-table. Harriet Ashcombe had been a Miss Lacy of Wantage.\n\n"
            "\"Well, Harriet.\"\n\n\"You are late, Lionel,\" said Mrs. Ashcombe.\n\n\"My dear Harriet, I am forty-three.\"\n\n"
            "\"Miss Ashcombe is home for the vacation?\" asked Dr. Penrose.\n\n\"Until January,\" said Mrs. Ashcombe.\n\n"
            "\"Miss Ashcombe! Thank God,\" said Hollins.\n\n\"Where is Tom?\" said Kitty.\n")
    cast = discover_characters(text)
    kitty = owner(cast, "Kitty")
    assert {"Katherine Mary Ashcombe", "Miss Ashcombe"} <= {kitty, *cast[kitty].aliases}, cast
    mother = owner(cast, "Mrs. Ashcombe")
    assert {"Harriet", "Harriet Ashcombe"} <= {mother, *cast[mother].aliases}, cast
    # "Miss Lucy Harper" is so written to tell her from the elder Miss Harper
    sisters = ("Miss Harper sat at the pianoforte without playing it.\n\n"
               "\"Do sit down, Lucy,\" said Miss Harper.\n\n\"I can see a light,\" said Lucy.\n\n"
               "\"Then I shall go too,\" said Miss Harper.\n\n"
               "\"Colonel Drake, and Miss Lucy Harper, and the maid,\" said the boatman.\n\n\"Pray do,\" said Miss Lucy.\n")
    cast = discover_characters(sisters)
    assert owner(cast, "Miss Harper") != owner(cast, "Lucy"), cast


def test_a_full_name_on_her_feet_then_thanked_by_her_title_and_surname_is_one_woman():
    text = ("The hall was full. Gerald Oakes had the microphone. Marisol Delgado sat in the third row beside "
            "Nico Delgado, her brother.\n\n"
            "“We’ll take comments now,” Gerald said. “Please state your name for the minutes.”\n\n"
            "Rosa Delgado was on her feet before he finished the sentence.\n\n"
            "“Rosa Delgado. Gull Point Road, thirty-one years.”\n\n“Thank you, Mrs. Delgado. Go ahead.”\n\n"
            "“The light has been kept for forty years.”\n\nMarisol looked at her mother. Rosa did not sit down.\n")
    cast = discover_characters(text)
    rosa = owner(cast, "Rosa Delgado")
    assert "Mrs. Delgado" in (rosa, *cast[rosa].aliases), cast


def test_my_father_named_in_full_a_car_by_its_make_and_a_pet_name_the_teller_answers_to():
    text = ("The staff car park was a black lake. I rang home from the shelter by the pay machine. I had not "
            "meant to. I was tired, and I wanted to hear a voice that was not asking me for anything. "
            + "I checked my phone and I put it away again. " * 7 + "\n\n"
            "My father, Glyn Doyle, had got up at four every morning for thirty years. He answered on the second ring.\n\n"
            "‘Sparrow? What’s happened?’\n\n‘Nothing’s happened, Dad.’\n\n‘You only ring me when something has.’\n\n"
            "‘That’s not true.’\n\nThat is when I saw her, between a silver Astra and a lamp post.\n\n"
            "‘Go on, then, Sparrow. Ring me after.’\n\nI ran. By the time I reached the Astra I was soaked.\n\n"
            "‘It’s locked,’ said the girl. ‘Rabbit’s in the car.’\n\n‘Where’s your mum, sweetheart?’ I asked.\n")
    cast = discover_characters(text)
    father = owner(cast, "Glyn Doyle")
    assert "Dad" in (father, *cast[father].aliases) and cast[father].gender == "M", cast
    assert not any("Astra" in (m, *c.aliases) for m, c in cast.items()), cast
    narrator = teller(cast)
    assert "Sparrow" in (narrator, *cast[narrator].aliases), cast


def test_a_pet_name_since_childhood_and_a_job_whose_name_the_narration_gives():
    text = ("The inquest room smelled of wet wool. Mr. Pellow sat near the door. Anton Kessler sat beside him.\n\n"
            "“Mr. Pellow, you found him?” said the coroner.\n\n“I did, ma’am.”\n\n"
            "The young man who stood up was known to nobody by that name. Thomas Pellow had been Tosh since the "
            "summer he was twelve.\n\n“And the door?” said the coroner.\n\n“Open,” Tosh said.\n\n"
            "“Thank you,” said Kessler.\n\n* * *\n\n"
            "The coroner was already buttoning her coat. Her name was Judith Penrose; she had held her office for "
            "six years.\n\n“Have you the key, Mr. Pellow?” said Judith Penrose.\n\n“Here,” said Tosh.\n\n"
            "“Good,” Judith said.\n")
    cast = discover_characters(text)
    assert owner(cast, "Tosh") == owner(cast, "Mr. Pellow") != "", cast
    assert owner(cast, "the coroner") == owner(cast, "Judith Penrose") != "", cast
    assert cast[owner(cast, "Judith")].gender == "F", cast


@pytest.mark.parametrize("naming", [
    "Loretta, then. Her nameplate had been hidden all evening behind a stack of clipboards.",
    "Her name tag, Maddie noticed, said LORETTA, with a sunflower sticker on the end.",
])
def test_a_job_named_by_the_name_just_learned_or_her_name_tag(naming):
    text = ("The waiting room had nineteen chairs. Ray sat by Maddie. A woman of fifty sat behind the glass.\n\n"
            "\"How long?\" said Ray.\n\n\"As long as it takes,\" said the receptionist.\n\n"
            "\"Loretta, can we get a bed?\" said Casey.\n\n"
            f"\"Already on it, hon,\" said the receptionist, and tapped at her keyboard. {naming}\n\n"
            "\"Thanks,\" said Maddie.\n\n\"Sit down,\" said Loretta.\n")
    cast = discover_characters(text)
    assert owner(cast, "the receptionist") == owner(cast, "Loretta") != "", cast


def test_the_job_the_narration_keeps_using_is_the_one_in_the_room_who_bears_its_title():
    # two captains, but Captain Bryce is only spoken of: "the captain" on the bridge is Oyelaran,
    # though only one tag calls her so
    text = ('Captain Adaeze Oyelaran sits in the command chair with her boots up on the rail. Ensign '
            'Lindqvist turns round at the comms station.\n\n'
            '"Nothing on any band, Captain," says Lindqvist.\n\n"Life signs?" Oyelaran asks.\n\n"None."\n\n'
            '"Keep trying." The captain does not raise her voice; she has never needed to.\n\n'
            '"The last log is from Captain Bryce," Lindqvist says. "Bryce took a call she never logged. Bryce said nothing to anyone."\n\n'
            'The captain closes her eyes. "Then Bryce knew," the captain says.\n')
    found = discover_characters(text)
    assert owner(found, "the captain") == owner(found, "Captain Adaeze Oyelaran") != ""
    quotes = attribute(text, found)
    assert [q.speaker for q in quotes if q.text.startswith(("Keep", "Then Bryce"))] == \
        [owner(found, "the captain")] * 2


def test_the_driver_the_tags_name_twice_is_whoever_he_turns_out_to_be_not_the_doctor_met_between():
    text = ('A black cab came round the corner and Hattie Vance stepped out in front of it.\n\n'
            'The driver was a heavy man with a football scarf. "You trying to get yourself killed, love?"\n\n'
            '"St. Bride\'s. As fast as you can," said Hattie.\n\n'
            '"Bad, is it?" said the driver, watching her in the mirror.\n\n"Bad enough," said Hattie.\n\n'
            'At the hospital a young man in a white coat met her at the door. "I\'m Dr. Menon," he said. '
            '"She\'s in cubicle four."\n\n"Is it broken?" Hattie asked.\n\n"Possibly," said Dr. Menon.\n\n'
            'The cab was still waiting, the driver arguing with a porter. "Need a lift back?" called the cab driver.\n\n'
            '"You waited?" said Hattie.\n\n'
            'He shrugged. "Solomon Barker. Sol, to my friends. Hop in."\n\n"Thanks, Sol," said Hattie.\n')
    quotes = attribute(text, discover_characters(text))
    said = {q.text[:6]: q.speaker for q in quotes}
    assert said["You tr"] == said["Bad, i"] == said["Need a"] == said["Solomo"] != said["I'm Dr"]
    assert len({q.speaker for q in quotes}) == 3


def test_a_boy_the_prose_calls_he_is_not_the_mrs_of_his_surname():
    # "Ollie" is a girl's name as often as a boy's; the pronouns say which this one is
    text = ('The smallest star in the line is little Ollie Pike, who is five. He has practised his line for weeks.\n\n'
            '"Ollie," Tess Harlow says gently. "Your turn."\n\n'
            'Ollie looks at the floor. He looks at the ceiling. "I can\'t," Ollie whispers.\n\n'
            'Then Ollie screws his eyes shut and says it. "The stars are out!"\n\n'
            'At the bus stop a woman in a wet anorak sits straighter. "You\'re his teacher," she says.\n\n'
            '"Mrs. Pike, isn\'t it?" says Tess.\n\n"Nobody calls me Mrs. Pike except the bank," says Mrs. Pike.\n')
    found = discover_characters(text)
    assert owner(found, "Ollie") == owner(found, "Ollie Pike") != owner(found, "Mrs. Pike") != ""
    assert found[owner(found, "Ollie")].gender == "M" and found[owner(found, "Mrs. Pike")].gender == "F"


def test_the_narration_introducing_the_father_and_the_girl_names_them():
    text = ('A girl in a yellow anorak sits at the next table with her father.\n\n'
            '"It said three hours on the website," the girl says.\n\n"Websites lie," says the girl\'s father.\n\n'
            '"Maps lie too," the girl says.\n\n"Not this one," says the father.\n\n'
            'The father introduces himself as Richard Ashby, and the girl as Nell.\n\n'
            'Later a young woman named Liesl came in. "Coffee?" asked Liesl.\n\n"Please," said Nell.\n\n'
            '"Two," said Richard Ashby.\n\n"Nell, sit down," said Liesl.\n')
    quotes = attribute(text, discover_characters(text))
    assert [q.speaker for q in quotes][:4] == ["Nell", "Richard Ashby", "Nell", "Richard Ashby"]


def test_a_pet_name_said_to_the_teller_the_others_call_by_her_surname_is_hers_and_says_she_is_a_woman():
    text = ('By the time I got to the diner the sun was going down. I took my usual stool and I put my hat on '
            'the counter. I had spent my whole day in the county records office, my feet hurt, my coat was wet '
            'through and I wanted my bed. I told myself I would have one coffee and then I would go home, and I '
            'knew I was lying to me. Gus Pappas worked the bar at the back.\n\n"You look like hell, Birdie," he said.\n\n'
            '"I\'ve been to hell. They call it the county records office."\n\n'
            'He poured me a coffee. He was the last man alive who still called me by the short end of my name. '
            'Everyone else called me Kestrel.\n\n'
            '"Kestrel," Ruiz said, sliding into the booth. "You\'re scaring off the clientele."\n\n'
            '"Go home, Kestrel," Ruiz said later. "Dry off."\n\n"Not yet," I said.\n\n'
            '"Then get in the car, Kestrel," said Ruiz.\n\n"Fine," I said.\n\n"Seatbelt, Kestrel," said Ruiz.\n\n'
            '"Another coffee, Birdie?" Gus asked.\n\n"I want you to forget you saw me leave," I said, and left.\n')
    found = discover_characters(text)
    assert owner(found, "Birdie") == owner(found, "Kestrel") == teller(found)
    assert found[teller(found)].gender == "F"


def test_a_titled_name_whom_someone_called_by_another_name_is_one_person():
    text = ("Mrs. Harcourt, whom her late husband had called Honoria and whom nobody now called anything but "
            "ma'am, had been a widow for four years.\n\n"
            '"Honoria, you are late," said Mrs. Pennyfeather.\n\n"I am never late," said Mrs. Harcourt.\n\n'
            '"Honoria, sit down," said Mrs. Pennyfeather.\n\n"I shall stand," said Mrs. Harcourt.\n')
    found = discover_characters(text)
    assert owner(found, "Honoria") == owner(found, "Mrs. Harcourt") != ""


def test_the_name_given_as_my_father_is_the_one_called_dad():
    text = ("Maureen Kerr ran the length of the ward. 'Dad,' she said. 'Dad, can you hear me?'\n\n"
            "'Maureen Kerr. Tam Dunlop is my father,' she told the nurse. 'Where is he?'\n\n"
            "Tam Dunlop opened his eyes. 'Mo,' he said.\n\n'Dad, don't talk,' said Maureen.\n\n"
            "'I'll talk if I want,' Dad said.\n\n'Then talk,' said Maureen.\n\n'Forty years,' said Dad.\n")
    found = discover_characters(text)
    assert owner(found, "Dad") == owner(found, "Tam Dunlop") != ""


def test_a_job_the_narration_keeps_using_is_the_one_whose_name_it_gives_there():
    text = ('The clerk was a soft, pale man with a little brass badge pinned to his cardigan that told the world '
            'his name was Dwight.\n\n"Room fourteen," Nell Hardy said. "Who\'s in it?"\n\n'
            '"Lady by the name of Dawes." The clerk folded the ten into his pocket.\n\n'
            '"Do me a favor, Dwight," said Nell.\n\n"Sure," Dwight said.\n\n'
            'Later the clerk was standing in the doorway. "Somebody move that car!"\n')
    found = discover_characters(text)
    assert owner(found, "the clerk") == owner(found, "Dwight") != ""
    quotes = attribute(text, found)
    assert [q.speaker for q in quotes if q.text.startswith(("Lady", "Somebody"))] == [owner(found, "Dwight")] * 2


def test_a_teller_called_one_name_at_home_and_another_on_the_boat_and_radio_talk_is_no_one():
    text = ('I was sitting at the kitchen table in my socks when Mum came down. I had not slept and I knew I '
            'would not, and my pager was on the table by my hand, where I always kept it, and my boots by my chair.'
            ' I ate my toast and I listened to my mother fill the kettle, as I had every night that week. I '
            'thought about my letter from the college and I put my mug down and I told myself I would answer it.\n\n'
            '"Callum. It\'s gone one."\n\n"I know what time it is," I said.\n\n'
            '"Callum. Your hat." She held it out.\n\n"Thanks," I said.\n\n'
            'At the boathouse Cox was already on the ladder. "Sprat! Kit on!"\n\n'
            'Cox unhooked the radio handset. "Ardmore Coastguard, this is Ardmore lifeboat."\n\n'
            '"Ardmore lifeboat, Coastguard. Roger. One person on board."\n\n"Roger, Coastguard," Cox said.\n\n'
            '"Where, Sprat? Show me!" Cox shouted.\n\n"There!" I shouted.\n\n'
            'At dawn Mum was on the quay. "Callum. You\'re frozen."\n\n"I\'m fine," I said.\n\n'
            '"Sprat, you\'re on wash-down," Cox said.\n')
    found = discover_characters(text)
    assert owner(found, "Callum") == owner(found, "Sprat") == teller(found)
    assert found[teller(found)].gender == "M"
    assert owner(found, "Roger") == ""


def test_the_bride_is_the_one_just_brought_in_not_the_brides_grandmother():
    text = ("Across the terrace the bride's grandmother sat in the only chair with arms. Rosalba Ferraro was "
            "eighty-four.\n\n"
            '"Sit, sit," said Rosalba Ferraro.\n\n'
            "Giulia Rinaldi came out of the farmhouse door at twenty past three, holding her dress off the "
            "flagstones.\n\n"
            '"Nobody look at me," the bride said. "I\'m not here yet."\n\n'
            '"Too late," said Rosalba Ferraro.\n\n"Nonna, please," the bride said.\n')
    found = discover_characters(text)
    assert owner(found, "the bride") == owner(found, "Giulia Rinaldi") != owner(found, "Rosalba Ferraro")


def test_who_that_was_is_the_full_name_the_next_sentence_brings_in():
    text = ('"Sprat! Kit on! Boat in four minutes!" That was Cox, bellowing from the top of the ladder. Alasdair '
            'Kerr was sixty years old and built like a mooring post.\n\n'
            '"Coming," said Jen Lowrie.\n\n"Move, then," said Cox.\n\n"Where, Sprat?" Cox shouted.\n')
    found = discover_characters(text)
    assert owner(found, "Cox") == owner(found, "Alasdair Kerr") != ""


def test_a_job_no_list_foresees_tagged_once_and_the_narrations_subject_again_is_a_speaker():
    # ("fishmonger" and "farmer" are in no list of jobs: the tag beside a quote and the
    # narration that keeps calling him so make him a person)
    text = ('The fishmonger had the pitch to my left, as he had every Thursday. He was a broad, bald man '
            'in a rubber apron.\n\n"You\'ll drown those books," the fishmonger bellowed across the gap.\n\n'
            '"Then buy one," said Nell.\n\n"Not likely."\n\n'
            'The fishmonger laughed and went back to his hake. Nell packed her boxes.\n\n'
            '"Crates cost extra," he said.\n\n"Everything costs extra," said Nell.\n')
    found = discover_characters(text)
    fishmonger = owner(found, "the fishmonger")
    assert fishmonger and found[fishmonger].gender == "M"
    quotes = attribute(text, found)
    assert [q.speaker for q in quotes] == [fishmonger, owner(found, "Nell"), fishmonger, fishmonger,
                                           owner(found, "Nell")]


def test_a_bare_surname_the_prose_calls_he_is_not_the_mrs_of_that_name():
    text = ('Halloran himself stood at the urns with a ladle, soaked to the skin. He waved at me.\n\n'
            '"Roz!" Halloran shouted. "Have you any of those books left?"\n\n'
            '"Two," I said.\n\nThe sergeant turned to Bridget. "Mrs. Halloran, isn\'t it? You rang us."\n\n'
            '"I did," said Bridget.\n\n"You told us it was nothing," Halloran said. He set the ladle down.\n')
    found = discover_characters(text)
    halloran, mrs = owner(found, "Halloran"), owner(found, "Mrs. Halloran")
    assert halloran and halloran != mrs and found[halloran].gender == "M"


def test_the_one_turned_to_is_the_one_the_quote_then_calls():
    text = ('Halloran stood at the urns. Bridget was cutting bread beside him.\n\n'
            '"Evening," the sergeant said to Halloran. "Quiet tonight?" He turned to Bridget. '
            '"Mrs. Halloran, isn\'t it? You rang the station last month."\n\nBridget only nodded and went on cutting.\n\n'
            '"You tell Mrs. Halloran it wants butter," the sergeant said to Halloran later.\n')
    found = discover_characters(text)
    assert owner(found, "Bridget") == owner(found, "Mrs. Halloran") != ""


def test_a_surname_no_list_knows_that_acts_after_its_own_words_is_a_speaker():
    # ("Pruitt" is on no list of first names and never tagged: his beats say he speaks)
    text = ('I pressed the button under the desk. Pruitt from security came up the stairs two at a time.\n\n'
            '"Evening, Sister. This the gentleman?"\n\n"He\'s leaving," said Sister Kavanagh.\n\n'
            '"Come on, pal." Pruitt put a hand on the man\'s shoulder. "Let\'s have a walk."\n\n'
            'Later I went down to the car park in the rain.\n\n'
            '"Only I\'ve told him once." Pruitt bent and rapped on the glass with his torch.\n')
    found = discover_characters(text)
    pruitt = owner(found, "Pruitt")
    assert pruitt and found[pruitt].gender == "M"
    assert [q.speaker for q in attribute(text, found) if q.text.startswith(("Come", "Only"))] == [pruitt, pruitt]


def test_a_stranger_described_again_and_again_and_never_named_speaks_for_himself():
    # (else "He shook his head" goes to the last man named, the patient in his bed)
    text = ('Mr. Hollis was asleep when I wheeled him back. "Goodnight, son," he said.\n\n'
            'At two the buzzer went. Outside stood a man in a wax jacket, rain running off the hem of it.\n\n'
            '"Is he on this ward?"\n\n"Who shall I say?" I said.\n\n'
            'The man in the wax jacket let himself be turned round. At the top of the stairs he stopped.\n\n'
            '"Tell him—" He shook his head. "No. Tell him nothing."\n\n'
            'At three the man in the wax jacket was still in his car.\n\n"You\'re the porter."\n')
    found = discover_characters(text)
    stranger = owner(found, "the man in the wax jacket")
    assert stranger and found[stranger].gender == "M"
    quotes = attribute(text, found)
    assert [q.speaker for q in quotes if q.text.startswith(("Tell", "No."))] == [stranger, stranger]


def test_a_thing_offered_at_the_start_of_a_quote_is_not_someone_spoken_to():
    # ("Tea" is a first name in the list too)
    text = ("Biscuit came down the hill with a tray of teas, slipping on the duckboards.\n\n"
            "‘Tea, Gideon?’\n\n‘Is it hot?’ Gideon said.\n\n‘It was,’ said Biscuit.\n\n"
            "‘Then no. Go and find Celeste.’\n\nBiscuit put the teas down and ran.\n")
    found = discover_characters(text)
    assert owner(found, "Tea") == "" and owner(found, "Gideon") and owner(found, "Biscuit")


def test_a_pet_name_spoken_with_a_z_is_the_full_name_s():
    # ("Roz" is in no nickname table under Rosalind)
    text = ('I had the pitch by the fountain, as I had every Thursday.\n\n'
            '"Roz!" Halloran waved the ladle at me. "Any of those books left?"\n\n"Two," I said.\n\n'
            'The sergeant took out his notebook. "I never got your name."\n\n"Devane. Rosalind Devane."\n\n'
            '"Thanks, Roz," Halloran said later, very quietly.\n')
    found = discover_characters(text)
    assert owner(found, "Roz") == owner(found, "Rosalind Devane") != ""


def test_a_job_the_narration_still_uses_after_someone_names_himself_is_not_him():
    text = ('The stationmaster jumped up so fast that he knocked his cap off the bench.\n\n'
            '"Well? Is it Pryce that sent you?"\n\n"There\'s a tree down," said Ellen.\n\n'
            'The stationmaster read the note twice. "Both roads?"\n\n'
            'A lean man in a grey mackintosh stood by the window, watching the rain.\n\n'
            '"I\'ll carry her," he said. "The name\'s Coyle. Frank Coyle."\n\n'
            'The stationmaster picked his cap up off the floor. "I\'ll stop here with the train."\n')
    quotes = attribute(text, discover_characters(text))
    coyle = next(q.speaker for q in quotes if "Coyle" in q.text)
    stationmaster = [q.speaker for q in quotes if q.text.startswith(("Well", "Both", "I'll stop"))]
    assert len(stationmaster) == 3 and coyle not in stationmaster


def test_a_call_answered_by_the_next_speech_is_not_answered_by_the_speaker_after():
    text = ('Ellen came in with Sparrow at her heels, and the stationmaster jumped up.\n\n'
            '"Mr. Hargreaves, there\'s a tree down." Ellen held out the note.\n\n'
            'The stationmaster read the note twice. "Across the line? Both roads?"\n\n'
            '"Roots and all," said Sparrow.\n\n"Go home, Sparrow," said Ellen.\n')
    found = discover_characters(text)
    assert owner(found, "Sparrow") and owner(found, "Sparrow") != owner(found, "Mr. Hargreaves")


def test_the_one_the_crew_call_him_by_is_a_man():
    text = ("The runner is trying to keep a tray of teas dry. The crew call him Biscuit, for reasons "
            "nobody will explain.\n\n‘Tea, Gideon?’\n\n‘Is it hot?’\n\n‘It was.’\n\n"
            "Biscuit sets the tray down and sprints off up the hill.\n\n"
            "‘She’s coming down!’ Biscuit bellows from the track.\n")
    found = discover_characters(text)
    assert found[owner(found, "Biscuit")].gender == "M"


def test_a_name_that_says_old_is_old_whoever_was_brought_in_before_it():
    from pipeline.text.casting import speaker_age
    text = ('A small boy in a red anorak was carrying the cups. "Grandad, you\'ve gone a funny colour."\n\n'
            '"It\'s the lights," said Grandad.\n')
    assert speaker_age(text, ["Grandad"], [], "M") == "old"
    assert speaker_age(text, ["Danny"], ["Grandad"], "M") in (None, "child")


def test_a_woman_asked_if_she_is_mrs_x_who_answers_with_her_first_name_is_one_person():
    text = ('A woman in a fleece came through the doors at one, her car keys still in her hand.\n\n'
            '"I\'ll take you up," I said. "Mrs. Quayle, isn\'t it?"\n\n'
            '"Gwen. Is he awake?"\n\n"On and off," I said.\n\n'
            'Mrs. Quayle sat down by the bed and took her father\'s hand.\n\n'
            '"Dad," Gwen said. "It\'s me."\n')
    found = discover_characters(text)
    assert owner(found, "Gwen") == owner(found, "Mrs. Quayle") != ""


def test_a_boy_the_prose_mostly_calls_he_is_not_the_mrs_of_his_surname():
    # (the "she" of "Alfie's coat over her arm" is his mother's: outvoted, not a tie)
    text = ('At the back of the line stood little Alfie Marsh, who was six. He had one line in the play.\n\n'
            '"Alfie," said Miss Reed. "Your turn."\n\nAlfie looked at the floor. He looked at the ceiling.\n\n'
            '"I can\'t," Alfie whispered.\n\nAlfie shut his eyes and said it, all on one breath.\n\n'
            'Afterwards a woman waited at the gate with Alfie\'s coat over her arm.\n\n'
            'She lifted Alfie onto her hip. Alfie rubbed his eyes.\n\n'
            '"Mrs. Marsh?" said Miss Reed.\n\n"Nobody calls me that. Is he all right?" said Mrs. Marsh.\n')
    found = discover_characters(text)
    toby, mrs = owner(found, "Alfie Marsh"), owner(found, "Mrs. Marsh")
    assert toby and mrs and toby != mrs
    assert found[toby].gender == "M" and found[mrs].gender == "F"


def test_an_untagged_answer_to_a_call_is_the_one_its_narration_opens_on():
    text = ('Dr. Pell came off the phone and looked across the station at Sister Rourke.\n\n'
            '"Aideen," said Dr. Pell, very quietly, "do you want me to ring her?"\n\n'
            '"I\'ll do it." Sister Rourke lifted the receiver. "You go on, you\'re wanted downstairs."\n\n'
            'Sister Rourke dialled and waited, her pen between her teeth.\n\n'
            '"It\'s Sister Rourke, on Ward Four," she said.\n')
    found = discover_characters(text)
    assert owner(found, "Aideen") == owner(found, "Sister Rourke") != ""


def test_a_pet_name_of_two_letters_is_the_woman_whose_name_it_sounds_like():
    # ("Mo" is a man's name in the list, and in no nickname table under Maureen)
    text = ('Maureen stood at the end of the line with her hands in her apron. She had not sat down since six.\n\n'
            '\'Don\'t look at it, Mo,\' said her aunt.\n\n\'I\'m not looking,\' said Maureen.\n\n'
            'Her aunt took her by the elbow. \'You stay with the line, Mo. I mean it.\'\n')
    found = discover_characters(text)
    assert owner(found, "Mo") == owner(found, "Maureen") != "" and found[owner(found, "Mo")].gender == "F"


def test_a_job_named_beside_a_person_or_giving_its_own_name_is_that_person():
    text = ('It was Jess Tolland, the station mechanic, already in her yellows.\n\n'
            '"Port engine\'s hot," the mechanic said.\n\n"Ease her back," I said.\n\n'
            '"Easing," said the mechanic.\n\nAt the quay a man in oilskins held the rope.\n\n'
            '"Cormac Dunne. Master of this tub." The ferryman nodded at the van.\n\n'
            '"Can you take us?" I asked.\n\n"In this?" said the ferryman. "Get in."\n')
    found = discover_characters(text)
    assert owner(found, "the mechanic") == owner(found, "Jess Tolland") != ""
    assert owner(found, "the ferryman") == owner(found, "Cormac Dunne") != ""


def test_an_assistant_director_is_not_the_director():
    text = ('Nadia Shah, the first assistant director, had a radio clamped to her ear.\n\n'
            '"Lamps are holding," said Nadia.\n\nThe director stood at the edge of the field, '
            'watching the sky.\n\n"Go again," said the director. "Now."\n\n"Going again!" Nadia yelled.\n\n'
            'The director pulled his hood up. "Quiet, please," said the director.\n')
    found = discover_characters(text)
    assert owner(found, "the director") != owner(found, "Nadia")


def test_the_vicar_is_the_one_reverend():
    # ("Reverend" is written "Rev" once a name is split into title and words)
    text = ("Out in the middle the vicar stands at the bowler's end in a white coat.\n\n"
            "'Howzat!' shouts the bowler.\n\nThe vicar considers for a long moment. Then his finger goes up.\n\n"
            "'He's not my Reverend Pollard, Mr. Pike,' says Jess.\n\n"
            "The Reverend Hugh Pollard comes up for drinks at the end of the over.\n\n"
            "'Lovely spell,' says the vicar.\n")
    found = discover_characters(text)
    assert owner(found, "the vicar") == owner(found, "Reverend Pollard") != ""


def test_the_teller_called_by_title_is_not_the_boy_she_is_sent_to_find_nor_his_dad():
    text = ('I had been on the Courier three years when Mr. Hale sent me out to the flood. I took my notebook and '
            'I went, because I always went, and I was glad of it. ' + 'I drove. I parked. I waded. I looked. ' * 4
            + '\n\n'
            '"Miss Thorne," he said. "Take the van. Find the Fenn boy."\n\n"Yes, Mr. Hale," I said.\n\n'
            'At the farm Irene Fenn met me at the gate. "Has anybody seen my Tommy?"\n\n'
            '"Tommy!" she called into the rain. "Tommy, come here!"\n\n"Maggie Thorne, Mrs. Fenn," I said. '
            '"From the Courier."\n\n"Go careful, Miss Thorne," said Irene.\n\nTommy came out of the barn. '
            '"Dad! Dad, the calf!"\n\nWalter Fenn ran past me. "I\'ve got him, Tommy."\n\n'
            '"Thank you, Miss Thorne," said Walter.\n\n"Dad, can we keep her?" said Tommy.\n')
    found = discover_characters(text)
    me = teller(found)
    assert owner(found, "Miss Thorne") == me and owner(found, "Tommy") != me and owner(found, "Dad") != me


def test_a_command_opening_a_quote_is_no_first_name():
    text = ('"Take Len," said Mr. Hale. "Take the van."\n\n"Len can\'t drive," I said.\n\n'
            'Len Pruett looked up from his camera. "Len can drive fine."\n\n"Ask Sully, then," said Mr. Hale.\n\n'
            '"Sully\'s out," said Len.\n')
    found = discover_characters(text)
    assert not any(name.startswith(("Take", "Ask")) for names in names_of(found).values() for name in names)


def test_a_mans_title_joined_to_a_woman_by_her_maiden_name_goes_to_the_man_of_that_name():
    # ("Ali" is a man's name in the list: "Mr. Kerr" first goes to "Ali Kerr", who turns out to be Alison)
    text = ('Alison Pike, whom her father had always called Ali, sat by his bed. Desmond Kerr was asleep.\n\n'
            '"Ali Kerr," said the woman in the next bed. "As I live and breathe."\n\n'
            '"Hello, Mrs. Tull," said Alison.\n\n"Mr. Kerr is comfortable," said the sister.\n\n'
            'Des Kerr opened his eyes. "Ali. Take me home."\n\n"Soon, Dad," said Alison. She took his hand.\n\n'
            '"Mrs. Pike, a word?" said the sister. Alison followed her out.\n\n'
            '"Mr. Kerr?" called the porter. "Ali, is he ready?"\n\n'
            'Alison packed his bag. Alison found the biscuits. Alison sighed and Alison zipped it shut.\n')
    found = discover_characters(text)
    assert owner(found, "Ali") == owner(found, "Alison Pike") != owner(found, "Mr. Kerr")
    assert found[owner(found, "Alison Pike")].gender == "F"


def test_a_pet_name_with_a_z_of_a_first_name_or_a_surname():
    text = ('Gareth Pike came in from the yard. He was soaked.\n\n"Thanks, Gaz," said Des.\n\n'
            '"Any time," said Gareth.\n\nNell Garside had the late shift at the Courier. She typed fast.\n\n'
            '"Gaz, you\'re a marvel," said the editor to Nell.\n')
    found = discover_characters(text)
    assert owner(found, "Gaz") in (owner(found, "Gareth Pike"), owner(found, "Nell Garside"))
    from pipeline.text.first_names import same_first_name
    assert same_first_name("Gaz", "Gareth") and same_first_name("Shaz", "Sharon")
    assert not same_first_name("Gaz", "Gabriel")


def test_pet_forms_with_an_australian_zza_or_a_south_asian_u_are_the_full_first_name():
    from pipeline.text.first_names import first_name_gender, same_first_name
    assert same_first_name("Shazza", "Sharon") and same_first_name("Bazza", "Barry")
    assert same_first_name("Anju", "Anjali") and same_first_name("Kiru", "Kiran") and same_first_name("Raju", "Rajesh")
    assert not same_first_name("Anju", "Andrew") and not same_first_name("Shazza", "Shane")
    text = ("“Two pies, Shazza,” said Bill.\n\nSharon Kiely wiped the counter. “Two pies.”\n\n"
            "“And a coffee, Shazza.”\n\n“Anju, the blue one,” Papa said.\n\n“Anjali, where’s Priya?” asked Mummy.\n\n"
            "Anju shrugged. “Not my job,” said Anju.\n")
    found = discover_characters(text)
    assert owner(found, "Shazza") == owner(found, "Sharon Kiely") != "" and owner(found, "Anju") == owner(found, "Anjali")
    assert first_name_gender("Wil") == "M"     # Welsh, of Wiliam
    assert same_first_name("Funks", "Funke") and not same_first_name("Bens", "Ben")
    assert not same_first_name("Babs", "Baby")     # a word, not a name the list knows


def test_the_first_name_given_for_a_title_is_hers_when_her_full_name_is_known_and_she_said_it():
    text = ("Nora Dunmore sat at the back, knitting. Susie was by the urn with the cups.\n\n"
            "Hugh Pell took the seat beside her. 'Mrs. Dunmore, isn't it?' he said quietly.\n\n"
            "'Nora,' she said. 'And you're the new doctor. Susie told me.'\n\n"
            "'Mrs. Dunmore!' called Susie from the urn. 'Your tea.'\n")
    found = discover_characters(text)
    assert owner(found, "Mrs. Dunmore") == owner(found, "Nora Dunmore") != ""
    nora = next(q for q in attribute(text, found) if q.text.startswith("Nora"))
    assert nora.speaker == owner(found, "Nora Dunmore")


def test_a_her_beside_another_body_says_nothing_of_the_boy():
    from pipeline.text.names import _gender_hint
    text = 'Alfie squeezes out past her legs. "Gran, can I ride on the trailer?"'
    assert _gender_hint(text, 0, 5) == ""
    text = "Ellen squeezed past and pushed her hair out of her eyes."
    assert _gender_hint(text, 0, 5) == "F"


def test_a_first_name_of_a_full_name_she_goes_by_is_hers_and_a_contraction_is_no_name():
    text = ("'Lacey. Katherine Lacey. District nurse.' She shook his hand. 'Everyone calls me Kit.'\n\n"
            "'Oh, much worse,' said Kit Lacey.\n\nKit had her coat off. 'Don't be silly,' said Kit.\n\n"
            "'Don't,' said Hugh. 'Don't you dare.'\n\n'Will you sign it, Nurse Lacey?'\n\n'Kit. And yes.'\n")
    found = discover_characters(text)
    assert owner(found, "Kit") == owner(found, "Katherine Lacey") != "" and found[owner(found, "Kit")].gender == "F"
    assert owner(found, "Don") == ""


def test_a_cat_that_howls_is_no_speaker():
    text = ('"Feed Admiral," said Des. "He\'ll be eating the furniture."\n\nAdmiral howled in his basket.\n\n'
            'Gareth looked at Admiral, who looked steadily back at him. "The cat\'s on my radiator."\n\n'
            'Admiral yowled. "He likes a radiator," said Des.\n')
    assert owner(discover_characters(text), "Admiral") == ""


def test_a_full_name_given_in_a_quote_is_the_titled_one_of_that_surname():
    text = ('The ward sister came down the ward with a tray. "Your biscuits were under your pillow, Mr. Kerr."\n\n'
            '"They were not," said Des.\n\n"Funmi Adeyemi. I run the ward." She put the tray down.\n\n'
            '"Thank you, Sister Adeyemi," said Alison.\n')
    found = discover_characters(text)
    assert owner(found, "Funmi Adeyemi") == owner(found, "Sister Adeyemi") != ""


def test_the_job_described_last_who_gives_a_surname_then_a_full_name_is_that_person():
    # ("so did the stationmaster" after the name: the one just described keeps his job)
    text = ("The stationmaster at Fenhallow stood with his watch open in his palm.\n\n"
            "The stationmaster came down the platform towards them.\n\n'Dr. Pell?' he said.\n\n'I'm afraid so.'\n\n"
            "'Everybody knows. It's a small place.' He put his watch away. 'Bray. Arthur Bray. I do the lamps.'\n\n"
            "Hugh coughed. So, Hugh noticed, did the stationmaster.\n\n'About the line,' said Bray.\n")
    quotes = attribute(text, discover_characters(text))
    speakers = {q.speaker for q in quotes if q.text.startswith(("Dr. Pell", "About"))}
    assert len(speakers) == 1


def test_someone_described_at_the_door_who_says_its_me_and_a_new_name_is_that_person():
    text = ("There was someone at the gate: a slight girl in a green coat with the hood up.\n\n"
            "The girl in the green coat looked past me, up the drive, at my grandmother on the porch.\n\n"
            "\"Hi,\" said the girl in the green coat.\n\n\"Who is it?\" said Grandma Ruth.\n\n"
            "\"It's June,\" the girl said. \"Grandma. It's June.\"\n\n\"June was nine,\" said Ruth.\n\n"
            "\"She grew,\" June said.\n")
    quotes = attribute(text, discover_characters(text))
    assert len({q.speaker for q in quotes if q.text.startswith(("Hi", "It's June", "She grew"))}) == 1
    # the locksmith chapter: the girl in the green coat at the gate is June
    text = (Path(__file__).parents[1] / "data" / "chapters" / "gold" / "first-person-locksmith-rain-porch-diner.txt"
            ).read_text(encoding="utf-8")
    quotes = attribute(text, discover_characters(text))
    assert len({q.speaker for q in quotes if q.text.startswith(("Hi,", "It’s June"))}) == 1
    # (someone already named, announced: "It's Walter," not the girl's own name)
    text = text.replace("It's June", "It's Ruth").replace("June was nine", "I know").replace("June said", "Ruth said")
    found = discover_characters(text)
    hi = next(q for q in attribute(text, found) if q.text.startswith("Hi"))
    assert hi.speaker and hi.speaker != owner(found, "Ruth")


def test_someone_described_then_named_by_a_tag_the_story_never_wrote_before_is_that_person():
    text = ("Sam is at the ovens when the bell goes.\n\nA man in a green anorak is standing in the yard with a "
            "rucksack.\n\n'Sorry,' says the man in the green anorak. 'I saw the light on.'\n\n"
            "'We're not open,' says Sam.\n\n'Hello, Sam,' says Daniel Hale. 'You've grown.'\n\n"
            "'Dad?' says Sam.\n\nDaniel nods slowly.\n")
    quotes = attribute(text, discover_characters(text))
    assert len({q.speaker for q in quotes if q.text.startswith(("Sorry", "Hello, Sam"))}) == 1
    # (not someone the story named before: Daniel Hale was at the door all along)
    text = text.replace("Sam is at the ovens", "Daniel Hale is out of the country. Sam is at the ovens")
    quotes = attribute(text, discover_characters(text))
    assert len({q.speaker for q in quotes if q.text.startswith(("Sorry", "Hello, Sam"))}) == 2


def test_a_pet_name_from_the_start_of_a_surname_is_the_one_full_name_it_begins():
    # (Dan Hutchinson is named once, then only "Hutch")
    text = ("Monday began the way Mondays always began: two phones ringing and Dan Hutchinson with his feet "
            "up on a desk that wasn't his.\n\n\"Feet,\" I said.\n\n\"Morning, Tom.\" He didn't move them.\n\n"
            "Hutch grinned at me. \"Your desk's comfier.\"\n\n\"Move, Hutch,\" said Sam.\n\n"
            "\"Moving,\" said Hutch, and did not.\n\n\"Hutch,\" I said.\n\n\"All right,\" said Hutch.\n")
    found = discover_characters(text)
    assert owner(found, "Hutch") == owner(found, "Dan Hutchinson") != ""
    morning = next(q for q in attribute(text, found) if q.text.startswith("Morning"))
    assert morning.speaker == owner(found, "Hutch")


def test_thunder_that_answers_once_is_weather():
    text = ('"Nobody is going out in this," said Ray.\n\nThunder came then, a long low roll that rattled the doors.\n\n'
            '"Told you," said Denise.\n\nThunder answered him, right on cue, and the lights flickered.\n\n'
            '"Fine," said Ray.\n')
    assert owner(discover_characters(text), "Thunder") == ""


def test_what_the_grandchildren_call_her_is_the_one_old_woman_the_narration_names():
    text = ("They were in the corner booth. Lorraine sat by Gavin, and wedged between them sat Iris Pollard, "
            "an old woman in a lilac anorak.\n\n\"Why, though, Nan?\" said Keeley.\n\n"
            "\"Why what, sweetheart?\" Iris said.\n\n\"Nan! There was thunder!\"\n\n\"I heard it, darling.\"\n\n"
            "\"Mum, please,\" said Lorraine.\n\n\"Is this you, Nan? With the perm?\"\n\n\"Don't,\" said Iris.\n")
    found = discover_characters(text)
    assert owner(found, "Nan") == owner(found, "Iris Pollard") != ""
    # (a third-person narration may call her so in the grandchildren's words: "Nan looked at the sea")
    told = text + "\nNan said nothing more. Nan looked at the sea.\n"
    assert owner(discover_characters(told), "Nan") == owner(discover_characters(told), "Iris Pollard") != ""
    # (not a first-person narrator's own Nan: then it is the narrator's name for someone)
    told = ("I had my coat on and my bag on my knee. I was cold, and I wanted my bed. My mother told me to sit up. "
            "I sat up. I looked at my hands and my tea. I was nine and I was bored, and my feet did not reach the "
            "floor. My brother kicked me, and I kicked him back under my side of the table, and I got told off "
            "for it by my mother. " + text
            + "\nNan said nothing more. I looked at the sea, and Nan looked at me.\n")
    assert owner(discover_characters(told), "Nan") != owner(discover_characters(told), "Iris Pollard")


def test_the_grandfather_seventy_nine_the_sentence_after_his_name_says_is_grandpa():
    text = ("Denise watched her father. Earl Haskins sat in the chair nearest the door, still in his barn coat. "
            "He was seventy-nine years old and looked about ninety tonight.\n\nRay sat down next to his wife.\n\n"
            "\"Language, Grandpa,\" said Cody.\n\n\"I'll say what I like,\" said Earl.\n\n"
            "\"Well, you did fall, Grandpa,\" said Ray.\n\nMaddie sent the picture to Grandpa.\n")
    found = discover_characters(text)
    assert owner(found, "Grandpa") == owner(found, "Earl Haskins") != ""


def test_an_aunt_whose_first_name_a_list_calls_a_man_keeps_her_title_and_her_sex():
    # ("Jess" is a man's name in the list; "Auntie Jess" says otherwise)
    text = ('"And that\'ll be his sister with him. Jess."\n\nJess is a few years younger than Tom.\n\n'
            '"Who\'s this?" Jess says.\n\n"Jess," Tom says. "Not now."\n\n'
            '"You\'re riding in the cab with Auntie Jess," says Tom.\n\nJess sits down across the table.\n')
    found = discover_characters(text)
    jess = owner(found, "Jess")
    assert jess and owner(found, "Auntie Jess") == jess and found[jess].gender == "F"


def test_dad_said_only_in_the_dialogue_is_each_childs_own_father_not_one_of_the_cast():
    # the county chapter: "Dad" is Ray to the children and Earl to their mother, "Grandpa" is Earl,
    # seventy-nine, and the receptionist is Loretta once her nameplate shows
    text = (Path(__file__).parents[1] / "data" / "chapters" / "gold" / "county-er-diner-flooded-farm.txt").read_text(encoding="utf-8")
    cast = discover_characters(text)
    assert "Dad" not in cast and all("Dad" not in c.aliases or c.name in ("Ray", "Earl") for c in cast.values())
    assert owner(cast, "Grandpa") == owner(cast, "Earl Haskins") != ""
    assert owner(cast, "the receptionist") == owner(cast, "Loretta") != ""
    # a narration that calls someone so keeps them: the narrator's own father
    text = ('"Dad, look," said Cody.\n\n"What?"\n\nDad came in with the milk and sat down. Dad looked tired.\n\n'
            '"Dad! The machine ate it."\n\n"I see that, bud," Dad said.\n')
    assert owner(discover_characters(text), "Dad") != ""


_GARAGE = ("I am under the Land Rover with the lamp. I can see the sump plug and I know I will have to force it. I "
           "hear the radio, and I hear the rain, and I think about lunch. I roll out when I am done. My hands are "
           "black. I wipe them on my overalls and I look at my watch, and I know I am late, and I do not care, "
           "because my grandfather opened this garage and my name is on the sign, and I am staying.\n\n"
           '"You\'ll want the fourteen," Grandad says from his chair.\n\n'
           '"It\'s a thirteen," I say.\n\n"It\'s not."\n\n'
           'Bee comes in with pasties and turns to the woman by the door. "Hello," she says. "I\'m Bethany. '
           'I belong to him."\n\n'
           '"Don\'t make that face, Cal," Bee says.\n\n"I\'m not," I say.\n\n'
           '"Frank," says Pat, "sit down, love."\n\n"There\'s the old drove," Grandad says, louder.\n\n'
           '"Frank," says Sergeant Mills, "that was fifty years ago."\n\n"Stone doesn\'t move," Grandad says.\n\n'
           '"Bethany, the lamp," says Pat.\n\n"Cal!" Bee shouts from the bank. "Cal!"\n\n"Here!" I shout.\n\n'
           '"And you stay in the car, Frank," Pat says.\n\n"I\'ll need to see the gateposts," Grandad says.\n\n'
           '"Cal, hold on," says Mills.\n\n"I am," I say.\n\n'
           '"Frank Pryce," Pat says quietly. "Stone doesn\'t move in fifty years."\n\n"Well done, Cal," Bee says.\n')


def test_the_narrator_is_the_name_i_answer_to_not_the_one_grandad_answers_to():
    # "Cal" and "Frank" five times each; "I" answer Cal, Grandad answers Frank
    found = discover_characters(_GARAGE)
    narrator = teller(found)
    assert owner(found, "Cal") == narrator
    assert owner(found, "Frank") == owner(found, "Grandad") == owner(found, "Frank Pryce") != narrator
    assert found[owner(found, "Grandad")].gender == "M"


def test_the_one_a_paragraph_opens_on_who_says_im_bethany_is_bethany():
    found = discover_characters(_GARAGE)
    assert owner(found, "Bee") == owner(found, "Bethany") != ""
    assert found[owner(found, "Bee")].gender == "F"
    # not when someone else is tagged: the one tagged says it
    found = discover_characters(_GARAGE.replace('"Hello," she says.', '"Hello," says Pat.'))
    assert owner(found, "Bee") != owner(found, "Bethany")


def test_the_editor_is_the_one_the_narration_says_has_edited_the_paper():
    text = ('The editor came out of her glass office. "Who has the fire?" said the editor.\n\n'
            '"Me," said Tess Morrow.\n\n"Then go," the editor said.\n\n"Now?" said Tess.\n\n'
            'Ruth Kaplan, who had edited the Ledger for eleven years, took her glasses off.\n\n'
            '"Now," said Ruth.\n\n"Fine," said Tess.\n')
    found = discover_characters(text)
    assert owner(found, "the editor") == owner(found, "Ruth Kaplan") != ""
    # one who has merely read it is not
    found = discover_characters(text.replace("who had edited", "who had read"))
    assert owner(found, "the editor") != owner(found, "Ruth Kaplan")


def test_a_name_the_list_calls_a_girls_is_a_man_when_he_answers_to_it():
    # the list says Jamie is mostly a girl's name; called, he answers, and the narration says "He"
    text = ('Dennis stared out at the water. Jamie stood by the gate.\n\n"That was me."\n\n"Jamie."\n\n'
            '"No, Dad, it was me." He pushed back his hood.\n\n"Is there paperwork?" said Claire Ashdown.\n\n'
            '"Mum has it," said Jamie.\n')
    found = discover_characters(text)
    assert found[owner(found, "Jamie")].gender == "M"
    # and a woman who answers is a woman
    found = discover_characters(text.replace("He pushed back his hood", "She pushed back her hood"))
    assert found[owner(found, "Jamie")].gender == "F"


def test_what_someone_is_to_another_says_their_gender():
    # every "his" after Ivy is her father's; "This is Ivy. My daughter." says she is a girl
    text = ('Ivy had slept since Perth. He sat with the engine off. Ivy held his hand. Ivy climbed onto his knee.\n\n'
            '"We\'re here, Ivy," said Marsh.\n\n"Is this it?" said Ivy.\n\n'
            '"This is Ivy. My daughter. Ivy, this is Mrs Dunn," said Marsh.\n\n"Hello," said Ivy.\n')
    found = discover_characters(text)
    assert found[owner(found, "Ivy")].gender == "F"
    found = discover_characters(text.replace("My daughter", "My son"))
    assert found[owner(found, "Ivy")].gender == "M"


def test_a_job_with_a_word_before_it_described_as_a_man_is_a_man():
    text = ('The charge nurse at the desk was a big man with a shaved head. Tess waited.\n\n'
            '"You\'re not a patient," the nurse said.\n\n"No," said Tess Morrow.\n\n'
            '"Then sit," said the nurse. The nurse capped the marker.\n\n"Thanks," said Tess.\n')
    found = discover_characters(text)
    assert found[owner(found, "the nurse")].gender == "M"


def test_a_job_who_gives_his_name_a_few_paragraphs_after_the_narration_speaks_of_him_is_that_person():
    text = ('The charge nurse at the desk was a big man with a shaved head. Tess Morrow waited.\n\n'
            '"Don\'t tell me," he said. "You\'re not a patient."\n\n"No."\n\n'
            'He turned round then and looked at her properly. "Gareth," he said. "Gareth Lyle. I\'m in charge '
            'of this corridor."\n\n"Is he alive?" said Tess.\n\n"He\'s in theatre," the nurse said.\n\n'
            '"Thank you," said Tess.\n\n"Sit there," said the nurse. The nurse went away.\n\n'
            '"Gareth!" Tess called after him.\n')
    found = discover_characters(text)
    assert owner(found, "the nurse") == owner(found, "Gareth Lyle") != ""
    # not when someone else comes in between and gives the name
    text = text.replace('He turned round then and looked at her properly. "Gareth," he said.',
                        'A porter came past with a trolley. "Gareth," he said.')
    found = discover_characters(text)
    assert owner(found, "the nurse") != owner(found, "Gareth Lyle")


def test_an_aunts_pet_name_is_the_woman_whose_full_name_the_list_reads_as_a_mans():
    # the list takes "Jess" for a man's name; "Jessica Ridley" and "Auntie Jess" say she is a woman
    text = ('Tom came in from the yard. "And that\'ll be his sister. Jess."\n\n'
            'Jess Ridley was a few years younger than Tom.\n\n"Who\'s this?" Jess said.\n\n'
            '"Ride with Auntie Jess," said Tom.\n\n"Come on then," said Jess. She held out a hand.\n\n'
            '"You can quote me. Jessica Ridley, Coldharbour Farm."\n')
    found = discover_characters(text)
    assert owner(found, "Jess") == owner(found, "Auntie Jess") == owner(found, "Jessica Ridley") != ""
    assert found[owner(found, "Jess")].gender == "F"


def test_a_first_name_that_is_also_a_word_is_a_person_when_the_tags_say_so():
    text = ('Will went back to the long table. Grace Oduya came in behind him.\n\n'
            '"Go on," said Grace. "I\'ll hold the fort."\n\n"Thanks," Will said.\n\n'
            '"Will you be long?" Grace said.\n\n"An hour," said Will. He took the stairs with more grace than usual.\n')
    found = discover_characters(text)
    assert owner(found, "Will") and owner(found, "Grace") and owner(found, "Will") != owner(found, "Grace")
    # one "Will you...?" and no tag is no one
    found = discover_characters('"Will you be long?" asked Ada.\n\n"An hour," said Ada.\n')
    assert not owner(found, "Will")


def test_a_town_or_a_places_first_word_is_no_one_in_the_cast():
    text = ('I told them about Leeds and the contract at the kitchen table.\n\n'
            '"Leeds," Mum said, when I had finished. "Leeds."\n\n'
            '"They\'ve no business moving things to Leeds," said Nan.\n\n'
            'The keeper of Carrick Head light was her father. The last train gets into Carrick Road at midnight.\n\n'
            '"Carrick Road," said the inspector. "Nobody goes to Carrick on a night like this."\n')
    found = discover_characters(text)
    assert not owner(found, "Leeds") and not owner(found, "Carrick") and not owner(found, "Carrick Head")
    assert owner(found, "Nan")
    # a town's name someone is spoken to by is theirs: Pop, not the town in Uzbekistan
    found = discover_characters('Pop was propped up on three pillows.\n\n"They don\'t allow dogs, Pop."\n\n'
                                '"He\'ll go to the bench," he said.\n\n"It\'s raining, Pop."\n')
    assert owner(found, "Pop")


def test_her_name_after_a_sentence_about_someone_is_that_persons_name():
    text = ('Nan came down at four with a flask, walking slowly with her stick. Her name is Edith Hartley and '
            'she is eighty-six.\n\n"I am a townie, Nan," I said.\n\n'
            'Robin climbed down from the tractor. "Edith, you\'re a saint."\n\n"Pity," said Nan.\n\n'
            '"Edith, it\'s pitch black out there," said Robin.\n')
    found = discover_characters(text)
    assert owner(found, "Nan") == owner(found, "Edith Hartley") != ""
    # "his name" is no woman's
    found = discover_characters(text.replace("Her name is", "His name is"))
    assert owner(found, "Nan") != owner(found, "Edith Hartley")


def test_more_jobs_are_people_the_tags_call_by_their_job():
    text = ('The keeper sat by the range with his foot up. Harriet Dunmore shook the rain off her coat.\n\n'
            '"You\'ve come all this way," said the keeper.\n\n"I have," said Harriet.\n\n'
            '"Then sit down," the keeper said.\n\nAt the Anchor the solicitor, Lionel Peabody, had a folder open.\n\n'
            '"The will is quite clear," said the solicitor.\n\n"Is it?" said Harriet.\n\n'
            '"Quite clear," the solicitor said.\n')
    found = discover_characters(text)
    assert owner(found, "the keeper") and found[owner(found, "the keeper")].gender == "M"
    assert owner(found, "the solicitor") == owner(found, "Lionel Peabody") != ""
    lines = [q.speaker for q in attribute(text, found) if q.kind == "speech"]
    assert lines[0] == owner(found, "the keeper") and lines[-1] == owner(found, "Lionel Peabody")



def test_what_we_do_in_a_first_person_story_the_teller_does_too():
    from pipeline.text.reader import _Reader
    text = 'Marta parked the car. We left it at the top of the slipway and ran.'
    reader = _Reader(text, {"Marta": Character("Marta", (), "F"), "Irene": Character("Irene", ("I",), "F")}, "Irene")
    reader.read_narration(0, len(text))
    assert reader.recent(len(text)) == ["Irene", "Marta"]


def test_he_was_a_man_in_a_grey_suit_brings_in_the_stranger_and_no_woman_is_him():
    text = ('Chef leaned over the pass. Teo was at the sink.\n\n'
            '"Service," said Chef.\n\nThe back door opened. He was a man in a grey suit, fifty or close to it. '
            'He stood just inside the doorway.\n\n"Can I help you?" said Teo.\n\n'
            '"I\'m not delivering anything." He had a quiet voice.\n\n'
            'The man in the grey suit took out a wallet.\n\n"Come with me, please," said the man in the grey suit.\n\n'
            'In the morning a woman in a black coat found me in the corridor.\n\n'
            '"Priya Raman. I\'m the duty solicitor," she said.\n\n"Thank you," said Teo.\n')
    found = discover_characters(text)
    quotes = [q for q in attribute(text, found) if q.kind == "speech"]
    delivering = next(q for q in quotes if q.text.startswith("I'm not delivering"))
    assert delivering.speaker == owner(found, "the man in the grey suit") != ""
    assert owner(found, "Priya Raman") != owner(found, "the man in the grey suit")


def test_a_full_name_said_alone_then_talked_about_is_not_the_speakers_own():
    text = ('Mrs Okafor stamped the card. "Bring it back in three weeks," said Mrs Okafor.\n\n'
            'That night Mum read the inside of the cover twice.\n\n"Where did you get this?" Mum asked.\n\n'
            '"The library," said Will.\n\nMum turned the page.\n\n'
            '"Ngozi Okafor," she said softly. "That woman never could leave a thing alone."\n\n'
            '"She put it in the book," said Will.\n')
    found = discover_characters(text)
    quotes = [q for q in attribute(text, found) if q.kind == "speech"]
    said = next(q for q in quotes if q.text.startswith("Ngozi"))
    assert said.speaker == owner(found, "Mum") != ""
    # a name said alone and then a sentence of one's own is still an introduction
    text = text.replace("That woman never could leave a thing alone.", "I run the library.")
    found = discover_characters(text)
    said = next(q for q in attribute(text, found) if q.text.startswith("Ngozi"))
    assert said.speaker == owner(found, "Mrs Okafor")


def test_the_job_is_the_one_the_paragraph_says_has_done_it():
    text = ('Since September the class had written to the keeper of the light. Walter Penrose had kept the light for '
            'thirty-one years.\n\nHarriet Dunmore got off the train at midnight.\n\n'
            '"You came," said the keeper.\n\n"I did," said Harriet.\n\nThe keeper looked at the fire for a while.\n\n'
            '"Your foot," said Harriet.\n\nThe keeper was already trying to get up.\n')
    found = discover_characters(text)
    assert owner(found, "the keeper") == owner(found, "Walter Penrose") != ""
    # a light kept by someone else in another paragraph says nothing of this keeper
    text = text.replace("Walter Penrose had kept the light for thirty-one years.", "").replace(
        "Harriet Dunmore got off", "Walter Penrose had kept the light. Harriet Dunmore got off")
    found = discover_characters(text)
    assert owner(found, "the keeper") != owner(found, "Walter Penrose")


def test_a_word_said_inside_a_quote_is_no_speech_tag():
    text = ('Will looked out at the rain.\n\n"He says your mam can\'t cover a room in Manchester," said Coach.\n\n'
            '"The wind doesn\'t say Manchester," said Maisie.\n\nWill thought about Manchester all the way home.\n\n'
            '"Bed," said Will.\n')
    found = discover_characters(text)
    assert not owner(found, "Manchester") and owner(found, "Maisie")


def test_a_caller_who_gives_her_name_when_asked_for_it_is_in_the_cast():
    text = ('My line beeped and I pressed the button.\n\n"Claims, how can I help?" I said.\n\n'
            'A woman\'s voice came down the wire, thin and tired.\n\n"It\'s the kitchen again."\n\n'
            '"I\'m sorry to hear that," I said. "Can I take your name and your policy number?"\n\n'
            '"Pauline Greaves. The number\'s on the letter, hang on, love."\n\nI waited while she read it out.\n')
    found = discover_characters(text)
    assert owner(found, "Pauline Greaves")
    said = next(q for q in attribute(text, found) if q.text.startswith("Pauline"))
    assert said.speaker == owner(found, "Pauline Greaves")


def test_a_job_the_narration_calls_someone_it_has_just_named_is_that_person():
    named_then_job = (
        'I hauled the shed door shut. Gareth Hebden was kneeling in the straw under a single bulb, '
        'his arms bare to the shoulder.\n\n"Dad," said Gareth, "let the man get his coat off."\n\n'
        'I got my coat off. The farmer shifted aside to let me into the pen.\n\n'
        '"Four o\'clock, near enough," the farmer said. "I\'ve had a feel."\n\n'
        '"You did right to ring," I said.\n\n"It might," said Gareth.\n')
    found = discover_characters(named_then_job)
    assert owner(found, "the farmer") == owner(found, "Gareth Hebden") != ""
    # a nurse who answers the visitor named before her is someone else
    taking_turns = (
        'Tess Carver went up to the desk with her coat still dripping.\n\n'
        '"Can I help you?" the nurse asked, without looking up.\n\n'
        '"I\'m looking for my father," said Tess. "Frank Carver."\n\n'
        '"Ward Nine," the nurse said. "Second on the left."\n')
    found = discover_characters(taking_turns)
    assert owner(found, "the nurse") not in ("", owner(found, "Tess Carver"))
    # and so is a waiter the narration brings in as "a waiter"
    new_waiter = (
        'Syme sat down by the window, and a waiter came over with the menu.\n\n'
        '"The soup is very good today," the waiter said.\n\n"Then soup," said Syme. He looked out.\n\n'
        'The waiter bowed. "And to drink?" the waiter asked.\n')
    found = discover_characters(new_waiter)
    assert owner(found, "the waiter") not in ("", owner(found, "Syme"))


def test_a_saints_surname_is_one_word_and_lord_and_lady_are_two_people():
    text = ('Lady St Cloud came down to breakfast late. "Is Reggie up?" asked Lady St Cloud.\n\n'
            '"Not yet," said Colonel Strapper, who had been waiting an hour.\n\n'
            'Lord St Cloud came in with the post. "Morning, all," said Lord St Cloud.\n\n'
            '"You look tired," said Lady St Cloud.\n\n"I am," said Lord St Cloud.\n')
    found = discover_characters(text)
    assert owner(found, "Lady St Cloud") not in ("", owner(found, "Lord St Cloud"))
    assert owner(found, "Colonel Strapper") not in (owner(found, "Lady St Cloud"), owner(found, "Lord St Cloud"))
    assert gender_of(found, "Lady St Cloud") == "F" and gender_of(found, "Lord St Cloud") == "M"


def test_a_word_that_is_no_noun_before_a_speech_verb_is_no_one():
    text = ('Tony went into the club, and they made room for him at the bar and said, "Well, old man?"\n\n'
            '"Well," said Tony.\n\nIn the spring the dining-hall and the library were added to the house. '
            'Later the trees were added to the drive.\n\n"Splendid," said Tony.\n')
    found = discover_characters(text)
    assert not [name for name in found if name.startswith("the ")]


def test_a_name_called_out_in_speech_says_nothing_of_its_gender():
    text = ('The phone rang at two. "Is that Rosa? Rosa Delane? It\'s Hugh here."\n\n'
            '"It is," I said.\n\n"I was in bed, Rosa, and I heard a pensioner tell the county he\'d escaped."\n\n'
            '"That was Hugh," I said.\n\n"Go on, Rosa, he\'s waiting for you," said Janice.\n')
    found = discover_characters(text)
    assert gender_of(found, "Rosa") == "F"


def test_a_chapter_told_as_i_by_someone_the_cast_knows_gives_them_their_own_quotes():
    """Chapter 3 told by Fran, whom cast.yaml knows from earlier chapters: her "I" quotes are hers,
    not a guess at whoever else is in the scene (they once went to the body in the doorway)."""
    from pipeline.model.casting import Cast, CastMember
    from pipeline.text.casting import known_and_new_characters
    text = (Path(__file__).resolve().parents[1] / "data" / "chapters" / "gold" /
            "first-person-police-rain-mortuary-single-quotes.txt").read_text(encoding="utf-8")
    cast = Cast(narrator="narrator", characters={"Fran": CastMember(voice="fran", gender="F", aliases=["Frances"])},
                pool={})
    characters = known_and_new_characters(text, cast)
    assert {"I", "narrator"} <= set(characters["Fran"].aliases) and "Frances" in characters["Fran"].aliases
    said = {q.text: q.speaker for q in attribute(text, characters) if q.kind == "speech"}
    assert said["Isn't it always? What have we got?"] == "Fran"
    assert said["Reckons?"] == "Fran"


def test_a_chapter_told_as_i_by_someone_new_is_not_the_last_chapters_teller():
    """Chapter 2 told by Danny, a taxi driver, is in cast.yaml with "I" among his aliases; chapter 3 is told by Nora,
    a widow in Kilmoyle: her "I" quotes are hers, and Danny keeps only his names in her chapter."""
    from pipeline.model.casting import Cast, CastMember
    from pipeline.text.casting import known_and_new_characters
    text = TOLD_AS_I + ('"You\'ve the crusts left on these, Nora," said Bridie.\n\n"I have," I said.\n\n'
                        '"Nobody calls me Con anymore only yourself, Nora," said Father Duffy.\n\n'
                        '"Then I will keep on," I said.\n\n"You look well, Nora," said Bridie.\n')
    cast = Cast(narrator="narrator", pool={}, characters={
        "Danny": CastMember(voice="narrator", gender="M", narrator=True, aliases=["Danny McLeish", "I", "narrator"])})
    characters = known_and_new_characters(text, cast)
    assert "Nora" in characters and {"I", "narrator"} <= set(characters["Nora"].aliases), characters
    assert not {"I", "narrator"} & set(characters["Danny"].aliases), characters
    said = {q.text: q.speaker for q in attribute(text, characters) if q.kind == "speech"}
    assert said["I have,"] == said["Then I will keep on,"] == "Nora", said


def test_names_spelled_beyond_latin_1_are_names_whole():
    text = ('Łukasz Dvořák came in from the rain. "Anyone seen my keys?" asked Łukasz.\n\n'
            '"On the hook," said Nguyễn Thị Lan. Lan did not look up.\n\n'
            '"Thank you, Lan," said Łukasz.\n\n"Again," said Lan.\n')
    found = discover_characters(text)
    assert owner(found, "Łukasz") == owner(found, "Łukasz Dvořák") != ""
    assert owner(found, "Lan") not in ("", owner(found, "Łukasz"))
    assert "Dvo" not in found and "Nguy" not in found


_KITCHEN_DAD = (
    'Dad was at the sink when I came in, his sleeves rolled to the elbow. I dropped my bag by the door and I '
    'hung my coat on the hook, the way I always did, and I waited for the lecture.\n\n'
    '"You\'re late," Dad said.\n\n'
    '"The bus broke down."\n\n'
    '"Again?" He dried his hands. "Your mother rang. She wants you to call her back."\n\n'
    'I said nothing. I thought about the bus, and I thought about the rain, and I thought about my exams, and '
    'I wondered whether I would ever get out of this town. My shoes were wet. My hands were cold. I wanted my '
    'bed. I was tired, and my feet hurt, and I had no wish to talk to my mother.\n\n'
    'Mrs. Okoro from next door leaned in at the back door. "Daniel, is your van free on Saturday?"\n\n'
    '"For you, Grace, always," he said.\n\n'
    '"You\'re a good man, Daniel Webb." She winked at me. "Don\'t let him tell you otherwise, Hannah."\n\n'
    '"I won\'t," I said.\n\n'
    'Dad laughed. "Traitor."\n\n'
)


def test_the_narrator_is_the_name_i_answer_to_not_the_one_he_answers_to():
    # "Daniel" (twice) is answered by "he said"; "Hannah" (once, said after him in her paragraph) by "I said"
    found = discover_characters(_KITCHEN_DAD)
    narrator = teller(found)
    assert owner(found, "Hannah") == narrator
    assert owner(found, "Daniel Webb") != narrator


def test_the_tellers_father_is_dad_to_her_and_roy_to_the_others():
    # "Roy Marchbank" shares the teller's surname, is never named in her narration, and is a man
    text = _KITCHEN_DAD.replace("Mrs. Okoro from next door", "Walter Greaves from next door") \
        .replace("Daniel, is your van", "Roy, is your van").replace("You're a good man, Daniel Webb.",
                                                                   "You're a good man, Roy Marchbank.") \
        .replace("otherwise, Hannah.", "otherwise, Hannah Marchbank.").replace("She winked", "He winked")
    found = discover_characters(text)
    assert owner(found, "Dad") == owner(found, "Roy") == owner(found, "Roy Marchbank") != ""
    assert found[owner(found, "Dad")].gender == "M"
    assert "narrator" in found[owner(found, "Hannah Marchbank")].aliases
    # a man of that surname the teller names herself is someone else (a brother, an uncle)
    found = discover_characters(text + "Roy Marchbank, my uncle, came in.\n\n\"Evening,\" said Roy.\n")
    assert owner(found, "Dad") != owner(found, "Roy")


def test_a_month_before_a_family_name_is_her_first_name_and_pop_is_the_one_mr():
    text = ('Ray Kessler stood on the tractor step. "Stay there," Mr. Kessler said.\n\n'
            '"Pop!" Tucker Kessler shouted. "Pop, come back!"\n\n"I\'m fine," said Ray.\n\n"Hold on, Pop!"\n\n'
            'June Kessler met them at the door. "You\'re soaked," she said.\n\n'
            'It rained all June. "Tea?" said June Kessler.\n')
    found = discover_characters(text)
    assert owner(found, "June Kessler") not in ("", owner(found, "Ray"))
    assert found[owner(found, "June Kessler")].gender == "F"
    assert owner(found, "Pop") == owner(found, "Ray Kessler") != ""


def test_a_name_said_to_someone_after_a_beast_is_no_beasts_name_nor_two_of_a_family_one_person():
    text = ('"Somebody has to hold the dog, Roy. Let her go." Walter Greaves pointed.\n\n'
            '"I have her," said Roy.\n\nAround the seventh ewe Walter handed me the torch.\n\n'
            'Gideon Pryor and Owen Pryor came in, the two Mr. Pryors together. "Well?" said Gideon.\n\n'
            '"Nothing," said Owen.\n')
    assert animal_names(text) == set()
    found = discover_characters(text)
    assert owner(found, "Roy")
    assert owner(found, "Mr. Pryors") == "" and owner(found, "Gideon") != owner(found, "Owen")


def test_doc_is_a_title_and_the_vet_is_the_one_doc():
    text = ('She had run into Doc Hargrove at the co-op.\n\nThe street door opened and the vet himself came in.\n\n'
            '"Rabies tags," Doc Hargrove said.\n\n"Thanks, Doc," said Boone.\n\n'
            'She looked at the vet, who was buttoning his slicker.\n\n"Heifer calving," said Doc Hargrove.\n')
    found = discover_characters(text)
    assert owner(found, "the vet") == owner(found, "Doc Hargrove") != ""


_KITCHEN_GRAN = (
    "I get in at seven. I hang up my coat and I look for the dog, and I do not find him. I call, and I wait, and I "
    "call again. My boots are soaked and my hands are cold, and I wonder, not for the first time, why I ever moved "
    "back here. I check the shed. I check the lane. I check under the table, where I always find him. I give up.\n\n"
    "‘Left, Owen! Your other left!’ Gran’s voice comes across the water.\n\n‘Ruth’s given him something!’ I call back.\n\n"
    "Hollis lowers his camera. ‘That’s going on the front, Rads,’ Hollis tells me.\n\n"
    "My phone buzzes on the dresser.\n\n‘Five,’ says Alfie. ‘That’s five.’\n\n"
    "‘Does it hurt him?’ Alfie asks.\n\n‘Owen! Has he had a tablet?’\n\n‘Yes,’ I say.\n\n"
    "‘Rads, you’re a star,’ Hollis says to me.\n\n‘You can put them where you like, Owen.’ Gran closes the door.\n"
)


def test_a_name_said_after_a_comma_is_said_to_someone_and_told_me_is_said_to_me():
    # "Left, Owen!" is no town after "left"; "..., Rads," Hollis tells me: Rads is "I", not Alfie who speaks next
    found = discover_characters(_KITCHEN_GRAN)
    narrator = teller(found)
    assert owner(found, "Owen") == narrator
    assert owner(found, "Alfie") not in ("", narrator) and owner(found, "Alfie") != owner(found, "Rads")
    # the nickname the newsroom gives him is his too, and the teller goes by the first name
    assert owner(found, "Rads") == narrator == "Owen"
    assert found[owner(found, "Alfie")].gender == "M"          # a name gender-guesser's list lacks


def test_councillor_is_a_title_old_mr_is_not_young_tom_and_a_village_in_speech_is_no_one():
    text = ('"Ah, Ms. Penhallow. Derek Price here. Councillor Price, Harrowby ward," said the voice.\n\n'
            '"Everybody in Harrowby thinks my boy did it," said old Mr. Haskett. "Young Tom Haskett had the key."\n\n'
            '"Dad," the younger man muttered.\n\n"Tom Haskett," said Tom, holding out a hand.\n\n'
            'Councillor Price rapped the table. "Order," said Councillor Price.\n\n'
            '"It was me," said Gerald Haskett. "I opened it." Old Mr. Haskett sat down.\n\n'
            '"Everyone in Harrowby knows," said Derek.\n\nHarrowby village hall was full. She left Harrowby at ten.\n')
    found = discover_characters(text)
    assert owner(found, "Councillor Price") == owner(found, "Derek Price") != ""
    assert owner(found, "Mr. Haskett") not in ("", owner(found, "Tom Haskett"))
    assert owner(found, "Harrowby") == ""


def test_a_wife_calls_the_man_the_narration_names_by_surname_by_his_first_name():
    text = ('Hollis came in soaked. "Got the shot," said Hollis.\n\n"Tea," said Ruth.\n\n'
            'Priya leaned on the sink, looking at her husband. Hollis sat at the end of the table.\n\n'
            '"Graham," she said.\n\n"Mm."\n\n"The car is in the river."\n\n"The car is fine."\n\n'
            'Priya put her mug down. "Do you know what that costs, Graham?"\n\nHollis turned the camera round.\n\n'
            '"Look at that," he said.\n')
    found = discover_characters(text)
    assert owner(found, "Graham") == owner(found, "Hollis") != ""
    # a title said by a man to one of the two the paragraph names is not taken for either
    found = discover_characters(text.replace('"Graham," she said.', '"Mrs. Pike," he said.'))
    assert owner(found, "Mrs. Pike") != owner(found, "Priya")


def test_grandpa_is_the_man_of_the_tellers_surname_others_call_walt_and_pastor_jim_is_reverend_lund():
    text = _KITCHEN_DAD.replace("Dad", "Grandpa").replace("Daniel Webb", "Walter Marchbank").replace("Daniel", "Walt") \
        .replace("otherwise, Hannah.", "otherwise, Hannah Marchbank.").replace("She winked", "He winked") \
        .replace("Mrs. Okoro from next door", "Pastor Jim")
    text += ('Reverend Lund put his hat on. "Evening, all," said Reverend Lund.\n\n'
             'Jim Lund had buried half the town. "Goodnight," said Pastor Jim.\n')
    found = discover_characters(text)
    assert owner(found, "Grandpa") == owner(found, "Walt") == owner(found, "Walter Marchbank") != ""
    assert owner(found, "Pastor Jim") == owner(found, "Reverend Lund") == owner(found, "Jim Lund") != ""


def test_des_on_his_own_is_a_man_and_a_rank_said_to_the_teller_is_hers():
    text = TOLD_AS_I + ("Behind the glass, Sergeant Desmond Pryce was pretending to write in a "
            "book. I had known him thirty years.\n\n\u201cIt\u2019s written down, Mrs Webb,\u201d he said.\n\n"
            "\u201cInspector Hale,\u201d Mrs Webb said, turning to me. \u201cThank God. You tell him.\u201d\n\n"
            "Des looked at me over her head. I looked back at Des.\n\n"
            "\u201cEvening, Mrs Hale,\u201d Des said.\n\n\u201cEvening, Des,\u201d I said. \u201cWhat have we got?\u201d\n\n"
            "\u201cYouths on the wall, Mrs Hale. Two of them.\u201d\n\nDes put the pen down.\n")
    cast = discover_characters(text)
    assert owner(cast, "Des") == owner(cast, "Sergeant Desmond Pryce") != ""
    assert cast[owner(cast, "Des")].gender == "M"
    assert owner(cast, "Inspector Hale") == owner(cast, "Mrs Hale") == teller(cast)


def test_a_pupils_miss_is_the_one_miss_named_later_and_nan_is_called_by_her_name():
    text = TOLD_AS_I + (
        "The door bangs open and Miss comes in with a stack of books under one arm.\n\n"
        '"Still here, Tyler?"\n\n"Nobody\'s coming, Miss."\n\n'
        "Miss sits down on the chair next to me and looks at my hand.\n\n"
        '"Let\'s see it," Miss says.\n\n* * *\n\n'
        'The phone rings for ages.\n\n"Westbrook Academy, Miss Devlin speaking."\n\n"It\'s me, Miss."\n\n'
        "Nan's called Maureen Platt and she's seventy-three.\n\n"
        '"Was that the teacher?" says Nan.\n\n"Miss Devlin. She\'s alright," I say.\n\n'
        '"Sit down, Tyler," says Nan.\n')
    cast = discover_characters(text)
    assert owner(cast, "Miss") == owner(cast, "Miss Devlin") != ""
    assert gender_of(cast, "Miss Devlin") == "F"
    assert owner(cast, "Nan") == owner(cast, "Maureen Platt") != ""
    assert not owner(cast, "Westbrook Academy")
    # (but "a friend of Tony's called Mr Beaver" is someone else)
    other = discover_characters('"We had a friend of Tony\'s called Mr Beaver," said Brenda.\n\n"Did you?" said Tony.\n\n'
                                'Mr Beaver came in. "Hello," said Mr Beaver.\n')
    assert owner(other, "Tony") != owner(other, "Mr Beaver")
    speakers = [q.speaker for q in attribute(text, cast) if q.kind == "speech"]
    assert speakers[3] == owner(cast, "Miss")      # '"Let's see it," Miss says.'


def test_a_surname_a_name_list_also_knows_a_rank_and_pc_as_police_write_it():
    text = ('Donald Gunn was the harbourmaster. Gunn had a beard.\n\n"How many keys are there, Mr Gunn?" she asked.\n\n'
            '"Three," said Gunn.\n\nSergeant Alasdair Munro came in with PC Morag Sinclair. Munro sat down.\n\n'
            '"Evening, Sarge," said Gunn.\n\n"Sergeant Munro! Are you here?" called Catriona Munro.\n\n"I am," said Munro.\n\n'
            '"PC Sinclair, take a note," said Munro.\n\n"Yes, Sarge," said the constable.\n\n'
            '"Now," said Munro.\n\n"Done," said the constable.\n')
    cast = discover_characters(text)
    # "Gunn" is a woman's first name in some lists: here it is his surname, and he is Mr Gunn
    assert owner(cast, "Mr Gunn") == owner(cast, "Donald Gunn") != ""
    # a rank's surname two people share is the one the text spells out with it, not his wife
    assert owner(cast, "Sergeant Munro") == owner(cast, "Sergeant Alasdair Munro") != owner(cast, "Catriona Munro")
    assert owner(cast, "Sarge") in ("", owner(cast, "Munro"))
    assert owner(cast, "PC Sinclair") == owner(cast, "PC Morag Sinclair") == owner(cast, "the constable") != ""


def test_pet_forms_from_the_end_of_a_name_or_with_an_accent_and_a_town_people_remark_on():
    from pipeline.text.first_names import same_first_name
    assert same_first_name("Tola", "Adetola") and same_first_name("Paddy", "Pádraig")
    assert same_first_name("Gaz", "Gary") and same_first_name("Ally", "Alasdair")
    assert not same_first_name("Rose", "Ambrose")      # a woman's name is no man's pet form
    # after an opening vowel alone: "Bena" of "Abena", "Nita" of "Anita" (but "Ella" is no "Bella")
    assert same_first_name("Bena", "Abena") and same_first_name("Nita", "Anita") and not same_first_name("Ella", "Bella")
    text = ('Pádraig Conneely stood at the counter. "Paddy," said Siobhán, "sit down."\n\n"I will," said Paddy.\n\n'
            'The people in Portlach remarked on it for weeks. Everyone in Portlach knew.\n\n'
            '"Another Morag," said Siobhán.\n\n"It is," said Pádraig.\n')
    cast = discover_characters(text)
    assert owner(cast, "Paddy") == owner(cast, "Pádraig Conneely") != ""
    assert not owner(cast, "Portlach") and not owner(cast, "Another Morag")


def test_the_tellers_gender_is_their_own_first_names_not_the_pronouns_of_those_who_call_them():
    text = TOLD_AS_I + ("My badge says Nate Ekstrom, and the sergeant has never once used the first half.\n\n"
                        '"Ekstrom," she said. "You\'re on nights."\n\n"Again?" I said.\n\n'
                        '"Again, Ekstrom." She handed me the keys. "And take the pastor."\n\n'
                        '"Fine," I said.\n\n"Ekstrom, you\'re a saint," she said.\n')
    cast = discover_characters(text)
    assert owner(cast, "Ekstrom") == owner(cast, "Nate Ekstrom") == teller(cast)
    assert cast[teller(cast)].gender == "M"


def test_a_radio_call_sign_is_no_one_and_the_pastor_is_the_one_pastor():
    text = ('Pastor Joanna Lindqvist got into the cruiser. "Thank you," said the pastor.\n\n'
            'The radio crackled. "Ostrander Two, County."\n\n"Ostrander Two, go ahead," Nate said.\n\n'
            '"Is it bad?" asked the pastor.\n\n"Bad enough," said Nate.\n')
    cast = discover_characters(text)
    assert not owner(cast, "Ostrander Two")
    assert owner(cast, "the pastor") == owner(cast, "Pastor Joanna Lindqvist") != ""


def test_a_storm_with_a_name_is_no_one():
    text = ("\"This one wants somebody who's done Desmond,\" said Pickering.\n\nThat was how he put it, as though "
            "Storm Desmond had been an exam. And I had done Desmond. Desmond had taught me what a river does.\n\n"
            "\"Go on, then,\" said Pickering.\n\n\"Den, two short,\" Maureen called.\n\n"
            "\"Hendersons went home,\" said Dennis.\n")
    cast = discover_characters(text)
    assert not owner(cast, "Desmond") and not owner(cast, "Storm Desmond")
    assert owner(cast, "Den") in ("", owner(cast, "Dennis"))


def test_a_double_first_name_without_the_surname_is_the_same_woman():
    text = ('Wanda Fay Odom had kept the extension office for thirty years.\n\n"Coffee?" said Wanda Fay.\n\n'
            '"Please," said Dale.\n\n"Black," said Wanda Fay, and poured it.\n')
    cast = discover_characters(text)
    assert owner(cast, "Wanda Fay") == owner(cast, "Wanda Fay Odom") != ""


def test_a_word_ending_ing_that_only_opens_sentences_is_no_one():
    text = ('"Visiting finished at eight, Owen," said Sister Okafor.\n\n"I know," said Owen.\n\n'
            '"And she is still here," said Sister Okafor.\n\nOwen went to the bay.\n')
    cast = discover_characters(text)
    assert not owner(cast, "Visiting")


def test_the_teller_is_not_named_by_a_chair_said_to_someone_else_nor_by_a_call_sign():
    text = ("The committee met in the back room, as it had met since long before I retired. I sat by the heater "
            "and I kept my coat on, because I know that room. I had brought my own pen. I always do.\n\n"
            "I remember my first meeting. I was nervous and my hands shook, and I told my wife I would never go "
            "back. I went back every month for thirty years. My pen, my notebook, my flask: I carry them still.\n\n"
            "'Item four,' said Dilys Hughes. 'The roof. Emrys?'\n\n"
            "'Two thousand pounds, Madam Chair,' said Emrys Lloyd-Jones.\n\n"
            "'Not enough,' I said. 'Not nearly.'\n\n'Thank you, Madam Chair,' said Hywel Bowen. 'I'll be off.'\n\n"
            "'Gareth, stay,' said Dilys.\n\n'I'm staying,' I said.\n\n'You know the roof, Gareth,' said Emrys.\n\n"
            "The radio on the desk crackled. 'Two-Two, copy. Clear in five.'\n\n"
            "'Two-Two, Cataraqui, go ahead,' I said into it.\n")
    found = discover_characters(text)
    narrator = next(main for main, c in found.items() if "narrator" in c.aliases)
    assert narrator == owner(found, "Gareth") and found[narrator].gender == "M"
    assert not owner(found, "Madam Chair") and not owner(found, "Two-Two")


def test_a_full_first_name_with_a_silent_h_is_the_pet_named_ones():
    text = ('At the desk, Tommy Nguyen held up a form. "Sign this," he said.\n\n'
            '"Thank you, Thomas," said Bernie Okafor.\n\n"Thomas, the fax," said Bernie.\n\n"On it," Tommy said.\n')
    found = discover_characters(text)
    assert owner(found, "Thomas") == owner(found, "Tommy Nguyen") != ""


def test_a_coastguard_called_over_the_radio_is_no_one_and_never_the_teller():
    text = ("I took the handset and I keyed it, and my voice sounded like somebody else's. I always hate the radio. "
            "I could hear my own breath in it, and my heart, and I thought of my father doing this job.\n\n") * 2 + (
            '"Falmouth Coastguard, Falmouth Coastguard, this is Porthcarrow Coastguard, radio check, over."\n\n'
            '"Porthcarrow Coastguard, Falmouth Coastguard. Loud and clear, over."\n\n'
            '"Falmouth Coastguard, Porthcarrow Lifeboat launching, over," I said.\n\n'
            '"Dan, you\'re on the cliff team," said Ruth Nance.\n\n"Right," I said.\n\n'
            '"Dan. Torch," said Ruth.\n')
    found = discover_characters(text)
    for station in ("Falmouth Coastguard", "Porthcarrow Coastguard", "Porthcarrow Lifeboat"):
        assert not owner(found, station)
    narrator = next(main for main, c in found.items() if "narrator" in c.aliases)
    assert narrator == owner(found, "Dan")


def test_the_job_someone_who_had_been_it_holds_is_theirs():
    text = ("Walter Brandt, who had been the editor of the Ledger for twenty-two years, stood at the window.\n\n"
            '"Print it," said Walter Brandt.\n\n"Now?" asked Ruth Ann Kessler.\n\n"Now," said Walter.\n\n'
            '"I was wrong," said the editor. "Sometimes the picture is just the picture."\n')
    found = discover_characters(text)
    assert owner(found, "the editor") == owner(found, "Walter Brandt") != ""


def test_a_first_name_said_once_is_the_titled_full_names_and_the_name_he_goes_by_is_his():
    text = ('Tess took the call at the desk. "It\'s the quarry. Can Alun come out?"\n\n'
            "Dr Alun Pryce, who had run the practice for twenty years, was stitching a sheepdog's ear. "
            "He looked up over his glasses. The whole parish called him Doc, and he liked it.\n\n"
            '"Not before noon," he said.\n\n'
            "By four the phone rang again, and it was the Doc, pleased with himself.\n\n"
            '"All done," he said. "Tell Tess to put the kettle on."\n')
    found = discover_characters(text)
    doctor = owner(found, "Dr Alun Pryce")
    assert doctor and owner(found, "Alun") == owner(found, "Doc") == owner(found, "the Doc") == doctor
    assert found[doctor].gender == "M"
    said = {q.text: q.speaker for q in attribute(text, found) if q.kind == "speech"}
    assert said["All done,"] == doctor


def test_a_name_said_back_over_and_over_is_the_greeters_not_the_greeted_ones_first_name():
    text = ('The phone went at six. I knew the number.\n\n"Morning, Mr. Hale."\n\n'
            '"Tommy. Tommy, Tommy, Tommy." Victor Hale owns the building and two more on the block. '
            '"Why am I getting emails at six in the morning?"\n\n"The boiler, Mr. Hale."\n\n'
            '"Fix it," said Victor Hale.\n\n"I\'m Tommy, by the way," I told the new kid later.\n')
    found = discover_characters(text)
    assert owner(found, "Victor Hale") == owner(found, "Mr. Hale") != ""
    assert owner(found, "Tommy") != owner(found, "Victor Hale")


def test_mr_of_a_surname_named_beside_the_son_in_the_narration_is_the_father_of_the_full_names():
    text = ("Amrit Gill stood at the grill with a cloth over his shoulder.\n\n"
            "Mr Gill came in from the back with the float bag. He watched Amrit turn the skewers.\n\n"
            '"Too much char," said Mr Gill.\n\n"Papa, it is fine," said Amrit.\n\n'
            "Mr Gill folded the cloth in half. Amrit did not look up from the grill.\n\n"
            '"Baldev Singh Gill," his mother said from the doorway, "leave the boy alone."\n\n'
            '"Fine," said Mr Gill.\n')
    found = discover_characters(text)
    assert owner(found, "Amrit Gill") == owner(found, "Amrit") != ""
    assert owner(found, "Mr Gill") not in ("", owner(found, "Amrit"))


def test_a_real_name_on_a_birth_certificate_is_the_nicknamed_mans_and_welsh_and_polish_pet_forms():
    text = ("The door opened and it was Dai Chips, still in his apron. He had been Gwyn Howells on his birth "
            "certificate and at his wedding, and on no other occasion.\n\n"
            '"Evening," said Dai Chips.\n\n"Evening, Gwyn," said the landlord.\n')
    found = discover_characters(text)
    assert owner(found, "Dai Chips") == owner(found, "Gwyn Howells") != ""


@pytest.mark.parametrize("short, long", [("Dai", "David"), ("Kasia", "Katarzyna"), ("Tomek", "Tomasz"),
                                         ("Mansie", "Magnus"), ("Paco", "Francisco")])
def test_pet_forms_the_english_table_lacks(short, long):
    from pipeline.text.first_names import same_first_name
    assert same_first_name(short, long)


def test_a_first_name_closing_a_sentence_of_a_quote_that_goes_on_is_someone_spoken_to():
    from pipeline.text.addressed import names_spoken_to
    assert names_spoken_to('"My phone\'s connected to a satellite, Martin. Your watch is connected to your wrist."')[
        "Martin"] == 1
    # (a dog named in passing is no one spoken to)
    assert names_spoken_to('"Dog\'s crook. The young one, Pepper. Got into a bait."')["Pepper"] == 0


def test_a_titled_name_said_back_by_the_one_just_thanked_is_not_the_thankers():
    text = ('"Where are you sleeping tonight, Immy?" I said.\n\n"At my sister\'s," said Immy.\n\n'
            "A young constable came down the steps with a torch.\n\n"
            '"Thank you, Darnell," said Immy, and he blushed.\n\n'
            '"PC Okoro," he said. "Officially. Off you go, then."\n')
    found = discover_characters(text)
    assert owner(found, "PC Okoro") != owner(found, "Immy")


def test_family_words_of_other_tongues_carry_their_sex():
    text = ('"Tomek, the oil," said Babcia. "Not too hot."\n\n"Tak, Babcia," said Tomek.\n\n'
            '"Leave the boy," said Dziadek from the door.\n\n"Yiayia says hello," said Tomek later.\n')
    found = discover_characters(text)
    assert found[owner(found, "Babcia")].gender == "F"
    assert found[owner(found, "Dziadek")].gender == "M"


def test_a_welsh_dewi_is_a_man_so_mr_lloyd_is_dewi_lloyd():
    text = ("The paramedic shouted the handover over the rotors. We slid Dewi Lloyd on to the trolley; "
            "then she was gone back into the cabin.\n\n"
            '"I\'m older than I look, Mr Lloyd," I said.\n\n"You look about twelve," said Dewi Lloyd.\n')
    found = discover_characters(text)
    assert owner(found, "Mr Lloyd") == owner(found, "Dewi Lloyd") != ""
    assert found[owner(found, "Dewi Lloyd")].gender == "M"


def test_a_surname_after_the_last_word_of_a_sentence_is_no_town():
    text = ("The wind rattled the shutters like somebody trying to get in. Hale's Ices sits on the promenade.\n\n"
            '"Afternoon, Hale," said the Colonel.\n\n"Afternoon, Colonel," I said.\n\n'
            '"The boy\'s done nothing wrong, Hale," said the Colonel.\n')
    found = discover_characters(text)
    assert owner(found, "Hale") != ""


def test_a_private_is_a_rank_before_a_surname():
    text = ('Callum Hale saluted. "Sir!"\n\n"Thank you, Private Hale. Dismissed," said Bernie Pike.\n\n'
            '"Yes, sir," said Callum, grinning.\n')
    found = discover_characters(text)
    assert owner(found, "Private Hale") == owner(found, "Callum") != ""


def test_a_woman_brought_in_then_said_the_woman_is_a_speaker_of_her_own():
    text = ("Edwin sat behind the desk. Across from him sat a woman in a navy raincoat with a laptop on her knees.\n\n"
            '"This is the lady from the council," Edwin said.\n\n"Voids," said Edwin.\n\n'
            '"Holes," said the woman. "The sea has been washing out the core."\n\n'
            '"We know what a void is," said Walter.\n\n"I understand that," the woman said.\n')
    found = discover_characters(text)
    stranger = owner(found, "the woman")
    assert stranger == "the woman in the navy raincoat"
    assert found[stranger].gender == "F"
    # (no one brought in before the tags: no one to give them to)
    assert owner(discover_characters(text.replace("sat a woman in a navy raincoat", "sat Tamsin")), "the woman") == ""


def test_a_chinese_name_puts_the_surname_first():
    text = ("Lim Kok Hua stood at the middle wok with his sleeves pushed up. He did not look up when his son came in.\n\n"
            '"Table six wants extra rice," said William.\n\n"Then give it," said Kok Hua.\n\n'
            '"Evening, Mr Lim," said Darren from the door. "Busy one?"\n\n"Always busy," said Kok Hua.\n')
    found = discover_characters(text)
    assert owner(found, "Lim Kok Hua") == owner(found, "Kok Hua") == owner(found, "Mr Lim") != ""
    assert found[owner(found, "Kok Hua")].gender == "M"


def test_chinese_family_words_of_two_words_are_grandparents():
    text = ("Ah Ma sat on an upturned crate in the corner, folding wontons.\n\n"
            '"Always sorry," said Ah Ma. "Never looking."\n\n'
            'At the rice cooker, Ah Gong himself gave a dry chuckle. Lim Boon Teck was eighty-one, and he came '
            'down every Friday anyway.\n\n'
            '"Boon Teck," said Ah Ma. "Sit down."\n\n'
            '"Ah Gong, you okay?" said Ling.\n\n"The rice," said Ah Gong. "Tell your father the rice is burning."\n\n'
            '"Ah Gong!"\n')
    found = discover_characters(text)
    assert found[owner(found, "Ah Ma")].gender == "F"
    assert owner(found, "Ah Gong") != "" and found[owner(found, "Ah Gong")].gender == "M"


def test_a_grandfather_word_said_is_the_one_old_man_whose_name_says_no_sex():
    text = ('At the rice cooker, Ah Gong himself gave a dry chuckle. Lim Boon Teck was eighty-one and had been told '
            'by three doctors to stay upstairs.\n\n"Boon Teck," said Ah Ma. "Sit down."\n\n'
            '"Ah Gong, you okay?" said Ling.\n\n"The rice," said Ah Gong.\n\n"Ah Gong!"\n')
    found = discover_characters(text)
    assert owner(found, "Ah Gong") == owner(found, "Boon Teck") != owner(found, "Ah Ma")
    assert found[owner(found, "Ah Gong")].gender == "M"


def test_the_base_a_radio_calls_and_a_ticket_that_says_are_no_one():
    text = ('The radio crackled.\n\n"Base, Car Nine."\n\n"Go ahead, Nine," I said.\n\n'
            '"Dropped at the Royal. I\'m a rich man, Base."\n\n"Get up to the rank at Queen Street," I said.\n\n'
            'Darren came through with the tickets. "I\'m telling you, Marty. Ticket says four."\n\n'
            '"Then it\'s four," said Marty. He pinned the ticket on the rail.\n')
    found = discover_characters(text)
    assert owner(found, "Base") == "" and owner(found, "Ticket") == ""
    assert owner(found, "Darren") != ""


def test_a_name_only_ever_after_at_or_of_is_a_place_and_a_nickname_given_finds_the_man_named_a_page_before():
    text = ("The ranger station at Glen Fada is a converted kennel block. Alasdair Grant, head ranger, stood at the map "
            "with his arms folded, glaring at four new pins as though they had been put there to annoy him. " * 3 + "\n\n"
            '"Amber warning from six," he said.\n\n"I know," I said.\n\n'
            "He had been head ranger at Glen Fada for nineteen years. Everybody on the estate called him Boss.\n\n"
            'In walked the Laird, Sir Hector Drummond of Glen Fada.\n\n"The track," said Boss. "I\'m locking the gate."\n\n'
            '"Yes, Boss," I said.\n')
    found = discover_characters(text)
    assert owner(found, "Glen Fada") == ""
    assert owner(found, "Boss") == owner(found, "Alasdair Grant") != ""


def test_the_di_said_once_is_someone_and_a_caller_on_the_radio_is_no_one():
    text = ("The door to the back office banged open and the DI came through in her good coat. Detective Inspector "
            "Anita Rawcliffe walked as if she was late for something.\n\n"
            '"Holtby, where are the reports?" said the DI.\n\n"On your desk, ma\'am," said Holtby.\n\n'
            'The radio crackled. "Any unit near Pickering Park. Caller says he went in after something."\n')
    found = discover_characters(text)
    assert owner(found, "the DI") == owner(found, "Detective Inspector Anita Rawcliffe") != ""
    assert found[owner(found, "the DI")].gender == "F"
    assert owner(found, "Caller") == ""


def test_the_surname_the_others_call_the_teller_is_the_one_of_the_cast_of_that_surname_whose_name_they_say():
    text = ("I was on the front desk when she came in. I knew her by sight; I had seen her at the bingo. I waited. "
            "I put my pen down and I looked at my screen, and then I looked at my hands, because I had a feeling I "
            "knew what she wanted, and I was right, and I wished I was not, and I wished my shift was over. " * 2 + "\n\n"
            '"Are you a proper policewoman?" she asked.\n\n"I\'m a PCSO, love," I said.\n\n'
            '"She\'s proper," said Holtby. "Coulson\'s the most proper thing in this building."\n\n'
            "He'd called me by my surname since my first week, as if the Leanne in Leanne Coulson were a word he'd "
            "never been issued.\n\n"
            '"Coulson, what are you pulling that face for?" said Holtby.\n\n"Nothing, Sarge."\n\n'
            '"Coulson! Get the kettle on. Thanks, Coulson."\n\nMam was at the door. "Our Leanne. You\'re an angel."\n\n'
            'Christine Coulson was fifty-nine and had worked in a fish house since she was fifteen. "Sit down," '
            'said Christine Coulson.\n')
    found = discover_characters(text)
    teller = next(main for main, character in found.items() if "narrator" in character.aliases)
    assert teller == owner(found, "Coulson") == owner(found, "Leanne Coulson")


def test_the_teller_is_the_one_who_gives_the_name_the_others_call_her_by():
    told = ("I was in the corner chair with thirty exercise books on my knee and a red pen that had started to skip. "
            "I looked up. I knew that voice, and I knew my afternoon was over before I had put my pen down. " * 3)
    text = (told + "\n\n"
            '"I\'ll take your class for the last twenty minutes, Catrin," said the Head.\n\n'
            '"Lucky us," said Josh.\n\n'
            '"Ivor," said Josh, "have you got the key for the PE cupboard?"\n\nIfor Jenkins shook his head.\n\n'
            '"Mind that road, Catrin," said the Head.\n\n"She always does," said Josh.\n\n'
            "I drove up the valley in the rain.\n\n"
            '"Mrs Ellis? My name\'s Catrin, I\'m with the mountain rescue. Are you hurt?"\n\n"My wrist," she said.\n')
    found = discover_characters(text)
    teller = next(main for main, character in found.items() if "narrator" in character.aliases)
    assert teller == owner(found, "Catrin")


def test_sir_who_said_in_the_narration_is_someone():
    text = ("The door opened and Ifor Jenkins came in. He is the deputy head, and has been called Sir by every child "
            "in the valley for thirty years.\n\n"
            '"Christmas," Sir agreed. "Then I set him a test."\n\n"He passed?" said Josh.\n\n'
            '"Catrin," Sir said, as I passed him. "Mind that road."\n\n"I know, Sir."\n')
    # (his lines are not yet his: "Sir" alone stays a word of address to the reader of tags, as a
    # list's "Sir" in Pride and Prejudice needs)
    found = discover_characters(text)
    assert owner(found, "Sir") != "" and found[owner(found, "Sir")].gender == "M"


def test_a_cab_firm_and_a_district_that_calls_him_something_are_no_one():
    text = ("Easton Star Cars occupied a narrow shopfront on Stapleton Road.\n\n"
            '"Easton Star Cars, good morning," said Hodan.\n\n'
            "Yusuf was tall and slow, which was why half of Easton called him Yusuf Dheere.\n\n"
            '"Morning, Hodan," said Yusuf.\n')
    found = discover_characters(text)
    assert owner(found, "Easton Star Cars") == owner(found, "Easton") == ""
    assert owner(found, "Yusuf") != ""


def test_to_everybodys_surprise_names_no_one():
    text = ("Pearl Edwards was Beverley's younger sister.\n\n"
            '"Go home, Pearl," said Beverley Campbell.\n\n"I\'m going," said Pearl.\n\n'
            "Pearl, to everybody's surprise, went.\n\n\"Thank God,\" said Bev.\n")
    found = discover_characters(text)
    assert owner(found, "Pearl") != owner(found, "Beverley Campbell")


@pytest.mark.parametrize("name, sex", [("Siân", "F"), ("Ciarán", "M"), ("Hyacinth", "F"), ("Meinir", "F"), ("Kyle", "M")])
def test_a_first_name_with_an_accent_is_the_lists_without_it(name, sex):
    from pipeline.text.first_names import first_name_gender
    assert first_name_gender(name) == sex


def test_said_the_chairman_is_someone():
    text = ('"You\'re late, Laidlaw," said the Chairman, without turning round.\n\n"The river\'s up," I said.\n\n'
            '"I remember," said the Chairman. "I also remember who paid for the drainage."\n')
    found = discover_characters(text)
    assert owner(found, "the Chairman") != "" and found[owner(found, "the Chairman")].gender == "M"


def test_calls_her_mrs_d_gives_no_one_the_name_mrs():
    from pipeline.text.aliases import _Person, _Speech
    from pipeline.text.roles import add_names_given
    text = ("Nobody calls her Maureen. Even the Padre calls her Mrs D, and he has married two of her nieces.\n\n"
            '"Sit down, Padre," said Mrs D.\n\n"Mrs D, you are a saint," said the Padre.\n')
    padre = _Person(("Padre",), "")
    padre.forms["Padre"] += 2
    add_names_given(_Speech(text), [padre])
    assert "Mrs" not in padre.forms


def test_ba_noi_is_the_grandmother_and_ba_the_father():
    text = ("The flat was on the third floor. Ba Noi, who was Do Thi Cuc on her passport, sat at the end of the table "
            "peeling garlic.\n\n"
            '"Too much water in that rice," said Ba Noi.\n\n"It\'s the same water as always, Ba Noi," said Bao.\n\n'
            '"Ba says if he goes he needn\'t come back," said Hoa.\n\n"Ba says a lot," said Ba Noi.\n')
    found = discover_characters(text)
    assert owner(found, "Ba Noi") != "" and found[owner(found, "Ba Noi")].gender == "F"
    assert owner(found, "Ba") != owner(found, "Ba Noi")


def test_a_thing_called_by_a_name_is_no_one():
    text = ("She paid cash, always for the same colour, a dark plum called Midnight Orchard.\n\n"
            '"Hello, Holly," she said. "Midnight Orchard\'s holding up, look."\n\n"It suits you," said Holly.\n\n'
            'A man called Sam Cobb came in.\n\n"Morning," said Sam Cobb.\n')
    found = discover_characters(text)
    assert owner(found, "Midnight Orchard") == ""
    assert owner(found, "Sam Cobb") != ""


def test_the_surname_on_the_tellers_door_and_said_to_him_is_his():
    told = ("I had been groundsman for twenty years, long enough for the committee to paint ROBERT LAIDLAW, GROUNDSMAN "
            "on the door of my shed. I kept my mower in there and my radio and my flask, and I went in when I wanted "
            "to think, which was most days, and I came out when I had thought enough, which was never. ")
    text = (told * 2 + "\n\n"
            '"You\'re late, Laidlaw," said the Chairman.\n\n"The river\'s up," I said.\n\n'
            '"Laidlaw. What do you need?" said the Chairman.\n\n"A pump," I said.\n\n'
            '"Call it off, Rab," said Morag.\n\n"I can\'t, love," I said.\n\n'
            '"Mr Laidlaw, is this everybody?" said Sergeant Kerr.\n\n"Rab, come on," said Morag.\n')
    found = discover_characters(text)
    teller = next(main for main, character in found.items() if "narrator" in character.aliases)
    assert teller == owner(found, "Rab") == owner(found, "Laidlaw") == owner(found, "Mr Laidlaw")


def test_a_nickname_the_narration_says_is_mine_is_the_tellers_whatever_the_pronouns_near_it_guessed():
    text = TOLD_AS_I + ("My phone buzzed. The screen said JESS. \"It's my sister,\" I said.\n\n"
                        "\"Noodle! You're awake!\" she said.\n\n\"I'm at work, Jess.\"\n\n"
                        "Nobody else on earth calls me Noodle. My sister has never let it go.\n\n"
                        "\"Love you, Noodle,\" she said. \"Go and save some lives.\"\n\n"
                        "\"Noodle?\" said Fitch, when I turned round. She smirked.\n\n\"Don't,\" I said. \"Maureen, don't.\"\n\n"
                        "\"Go on then, Liam,\" said Fitch. \"Go on, Liam Hartley.\"\n")
    cast = discover_characters(text)
    assert owner(cast, "Noodle") == teller(cast), cast
    assert first_name_gender("Jess") == "F"        # Jess of Jessica, mostly; the list has only a man's
    plain = discover_characters('Jess Hartley came in out of the rain.\n\n"Tea?" said Jess.\n\n"Go on," said Tom.\n')
    assert plain[owner(plain, "Jess")].gender == "F", plain


def test_everybody_calls_me_names_the_speaker_and_the_teller_is_never_the_stranger_who_asked():
    from pipeline.text.addressed import self_named
    from pipeline.text.names import _Names
    from pipeline.text.names import Character
    names = _Names({"Margaret": Character("Margaret", (), "F"), "Ken": Character("Ken", (), "M")})
    assert self_named("It's Margaret. Everybody calls me Margaret, except this one.", names) == "Margaret"
    text = TOLD_AS_I + ("I was scrubbing up when a small woman in a pink fleece came in backwards with a tray.\n\n"
                        "\"Here's the wife,\" said Ken.\n\n\"I just don't want lanolin in my bread.\" The woman in the "
                        "pink fleece set the tray down. \"You'll be the new vet. What do they call you?\"\n\n"
                        "\"Haworth. Nell Haworth.\"\n\n\"Eat something, Nell, love.\"\n\n\"Thank you, Mrs Dinsdale.\"\n\n"
                        "\"Oh, give over with Mrs Dinsdale. Everybody calls me Margaret, except Ken.\"\n\n"
                        "\"Thank you, Margaret,\" I said.\n")
    cast = discover_characters(text)
    from pipeline.text.attribution import attribute
    said = {q.text[:20]: q.speaker for q in attribute(text, cast) if q.kind == "speech"}
    assert said["Haworth. Nell Hawort"] == teller(cast) or "Nell" in cast[said["Haworth. Nell Hawort"]].aliases, said
    assert said["Oh, give over with M"] not in (teller(cast), said["Haworth. Nell Hawort"]), said


def test_the_tellers_mother_on_the_phone_is_a_voice_of_her_own_but_a_mum_only_spoken_of_is_not():
    call = TOLD_AS_I + ("\"You're late, Rhian,\" said Sian Hopkins.\n\n\"Sorry, boss.\"\n\n\"Tea, Rhian?\"\n\n"
                        "My phone buzzed. I knew who it was without looking.\n\n\"So you are alive.\"\n\n"
                        "\"Hi, Mam. I was on the bus. I've got about two minutes.\"\n\n"
                        "\"Then I'll be quick. Sunday. One o'clock.\"\n\n\"I know. I'm off.\"\n\n"
                        "\"Be careful on that motorway tonight.\"\n\n\"I will,\" I said, and Sian Hopkins laughed at me. "
                        "\"Your mam,\" said Sian.\n")
    cast = discover_characters(call)
    assert owner(cast, "Mam") not in ("", teller(cast)) and cast[owner(cast, "Mam")].gender == "F", cast
    from pipeline.text.attribution import attribute
    said = {q.text[:12]: q.speaker for q in attribute(call, cast) if q.kind == "speech"}
    assert said["So you are a"] == said["Then I'll be"] == owner(cast, "Mam"), said
    spoken_of = call.replace("Hi, Mam. I was", "Hi. I was")
    assert owner(discover_characters(spoken_of), "Mam") == ""


def test_a_job_tagged_after_someone_else_walks_in_is_not_the_man_named_just_before():
    text = ("The harbourmaster's office was a single room at the top of an outside stair.\n\n"
            "Declan Gallagher came up the stair two steps at a time, with his son behind him. The man at the chart "
            "table did not look up.\n\n"
            "\"If you've come to ask can you go out, Skipper, the answer's on the board,\" the harbourmaster said.\n\n"
            "\"I can read,\" said Declan. \"I'm asking where you want the boat tonight.\"\n\n"
            "The harbourmaster lifted his head at last. He was a heavy man of sixty.\n\n\"Inside, on the east wall.\"\n\n"
            "\"She's been on the slip since Tuesday.\"\n\n\"Then she'll come off it.\"\n\n"
            "Ciarán Gallagher went red.\n\n\"I can pull a rope,\" he said.\n\n"
            "\"Nobody said you couldn't, son,\" the harbourmaster said.\n\nThe harbourmaster turned back to his charts.\n")
    cast = discover_characters(text)
    assert owner(cast, "the harbourmaster") != owner(cast, "Declan") != "", cast


def test_eli_is_a_mans_name_unless_the_pronouns_say_otherwise():
    assert first_name_gender("Eli") == "M"          # the list has the Norwegian woman's
    cast = discover_characters('Eli Sutter came in out of the rain.\n\n"Coffee?" said Eli.\n\n"Sure," said Dale.\n')
    assert cast[owner(cast, "Eli")].gender == "M", cast
    hers = discover_characters('Eli Sutter came in out of the rain. She shook out her umbrella and her hair.\n\n'
                               '"Coffee?" said Eli. She smiled at her sister.\n\n"Sure," said Dale.\n')
    assert hers[owner(hers, "Eli")].gender == "F", hers


def test_a_stranger_known_by_the_makers_name_on_his_coat_keeps_its_capital():
    text = ("The diner was nearly empty. The man in the Carhartt jacket was sitting at the end of the counter.\n\n"
            "\"Warm that up for you?\" said Loretta.\n\n\"Yes, ma'am.\" The man in the Carhartt jacket pushed his cup "
            "across.\n\n\"You passing through?\" said Dale.\n\n\"Looking for work,\" said the man in the Carhartt jacket.\n")
    cast = discover_characters(text)
    assert "the man in the Carhartt jacket" in cast, cast


def test_a_polish_name_said_to_someone_is_theirs():
    from pipeline.text.first_names import same_first_name
    assert same_first_name("Kasiu", "Kasia") and same_first_name("Tomku", "Tomek") and not same_first_name("Kasiu", "Tomek")
    text = ("Katarzyna Nowak had been at the warehouse six years. Kasia, everyone called her.\n\n"
            "\"Kasia, the dock,\" said Darren.\n\n\"On it,\" said Kasia.\n\n"
            "At home her grandmother put down the spoon. \"Kasiu, sit.\"\n\n\"Babcia, I'm fine,\" said Kasia.\n\n"
            "\"Kasiu, eat,\" said Babcia.\n\n\"Later.\"\n\n\"Kasiu, now,\" said Babcia.\n")
    cast = discover_characters(text)
    assert owner(cast, "Kasiu") == owner(cast, "Kasia") == owner(cast, "Katarzyna Nowak") != "", cast


def test_a_scots_surname_with_a_capital_inside_is_a_name():
    text = ("I was halfway through the lesson when Shannon McAllister came in.\n\n\"Afternoon, McAllister,\" I said.\n\n"
            "\"Miss,\" said Shannon.\n\nAt the back, Iain MacLeod was asleep.\n\n\"Wake up, MacLeod,\" said Shannon.\n\n"
            "\"I'm awake,\" said MacLeod.\n")
    cast = discover_characters(text)
    assert owner(cast, "Shannon") == owner(cast, "Shannon McAllister") != "", cast
    assert owner(cast, "MacLeod") == owner(cast, "Iain MacLeod") != "", cast


def test_a_hall_hired_for_a_wedding_is_no_one():
    text = ("The Anatolia Suite had been a snooker hall, then a carpet warehouse. That night it glittered.\n\n"
            "\"Dance,\" said Deniz.\n\nThe Anatolia Suite was full by eight.\n\n\"Later,\" said Emre.\n\n"
            "Nobody left the Anatolia Suite before midnight.\n")
    assert owner(discover_characters(text), "Anatolia Suite") == ""


def test_a_yacht_read_off_the_stern_is_no_one_and_a_speakers_my_father_is_not_the_tellers_dad():
    text = TOLD_AS_I + ("A yacht had come in on the morning tide.\n\n"
                        "\"Kittiwake,\" Campbell read off the stern. \"Falmouth. One man aboard.\"\n\n"
                        "\"Where's he going?\"\n\n\"Faroes,\" said Campbell.\n\n"
                        "His name was Peter Hale, and he was sailing Kittiwake single-handed.\n\n"
                        "\"Only in winter, Mr Hale,\" I said.\n\n"
                        "\"Peter. Please. Mr Hale is my father, and he's in Bournemouth,\" said Peter.\n\n"
                        "My father Angus MacLeod came down the slip.\n\n\"A bit, Dad,\" I said.\n\n"
                        "\"Get back, Dad!\" I said.\n\n\"I'm coming,\" said Angus.\n")
    cast = discover_characters(text)
    assert owner(cast, "Kittiwake") == "", cast
    assert owner(cast, "Dad") != owner(cast, "Peter Hale"), cast


def test_one_who_gives_her_name_is_the_she_beside_it_though_a_his_follows_it_later():
    text = ("Eric Whitworth stood at the rail. Kofi Mensah held the door.\n\n"
            "\"Come in, Eric,\" said Kofi.\n\n\"In a minute,\" said Eric.\n\n"
            "The stairwell door banged, and a police officer came up the last flight, a young woman with her hat under "
            "her arm.\n\n"
            "\"Mr Whitworth? There you are.\" She came up beside him and put a hand on his arm. \"PC Sharma. Ruth. "
            "We met on Tuesday, do you remember?\"\n\n"
            "\"He's been on the roof an hour,\" said Kofi.\n\n\"Has he now,\" said Sharma, and smiled over his head.\n")
    cast = discover_characters(text)
    assert cast[owner(cast, "Sharma")].gender == "F", cast


def test_mama_before_a_nickname_is_her_name_and_before_her_sons_name_she_is_his_mother():
    text = ("By eleven I had the Duchess in my chair and Mama Texas under the far dryer. Nobody had mentioned Texas "
            "to her in years.\n\n\"Abena, is it done?\" said Mama Texas.\n\n\"Ten minutes,\" I said.\n\n"
            "\"In Houston they'd have charged you double,\" said Mama Texas, and laughed.\n")
    cast = discover_characters(text)
    assert owner(cast, "Mama Texas") != "" and cast[owner(cast, "Mama Texas")].gender == "F", cast
    text = ("Tunde Bakare was at the till. Mama Tunde came in with the shopping.\n\n\"Tunde, help me,\" she said.\n\n"
            "\"Coming,\" said Tunde.\n\n\"Lift it properly,\" said his mother.\n\n\"I am,\" said Tunde.\n")
    cast = discover_characters(text)
    assert cast[owner(cast, "Tunde")].gender == "M" and owner(cast, "Mama Tunde") == "", cast


def test_the_tellers_papa_whose_full_name_the_narration_gives_as_he_comes_in_is_that_man():
    text = TOLD_AS_I + ("\"Where is Papa?\" I said.\n\n\"Do not start with me, Abena Mensah,\" said Auntie.\n\n"
                        "\"Abena, eat something,\" said Auntie.\n\n\"Later,\" I said.\n\n"
            "Papa came in at last with the wine in a carrier bag. Kwame Mensah is sixty-six and was an accountant for "
            "thirty years.\n\n\"Bena,\" said Papa. \"Your auntie says you are worried.\"\n\n"
            "\"Kwame, let the girl alone,\" said Nana.\n\n\"Yes, Nana,\" said my father.\n")
    cast = discover_characters(text)
    assert owner(cast, "Papa") == owner(cast, "Kwame Mensah") != "", cast
    # the narration naming him on his own, not as the Papa just spoken of: someone else of the name
    apart = text.replace("Papa came in at last with the wine in a carrier bag. Kwame Mensah",
                         "Kwame Mensah lived next door.\n\nPapa came in at last with the wine in a carrier bag. He")
    apart = apart.replace("\"Kwame, let the girl alone,\" said Nana.\n\n\"Yes, Nana,\" said my father.\n", "")
    cast = discover_characters(apart)
    assert owner(cast, "Papa") != owner(cast, "Kwame Mensah"), cast


def test_sis_is_never_the_father_who_spoke_before_and_a_chief_by_apposition_is_the_chief():
    text = ("Walter Kessler was at the grill.\n\n\"You're late,\" he said.\n\n\"I'm early,\" said Nora.\n\n"
            "Dale Kessler sat at the counter.\n\n\"Morning, Sis.\"\n\n\"Morning,\" said Nora.\n\n"
            "Raymond Tibbetts, who had been chief of the Hollis Falls Police Department for twenty years, came in.\n\n"
            "\"Chief,\" said Dale.\n\n\"Coffee,\" said the chief.\n\n\"Sure,\" said Walter.\n\n"
            "\"Thanks,\" said the chief.\n")
    cast = discover_characters(text)
    assert owner(cast, "Sis") != owner(cast, "Walter Kessler"), cast
    assert owner(cast, "the chief") == owner(cast, "Raymond Tibbetts") != "", cast


def test_sis_at_the_family_counter_is_the_one_woman_of_the_family_the_story_is_about():
    text = ("Nora Kessler came in at six. Her brother Dale Kessler was at the counter and Walter Kessler at the grill. "
            "Ellen Pruitt had owned the farm by the bridge.\n\n"
            "\"Morning, Sis.\"\n\n\"Morning,\" said Nora.\n\n\"You look terrible,\" said Nora.\n\n"
            "\"Thanks,\" said Dale.\n\nNora drank her coffee. Nora read the paper. Nora went out.\n\n"
            "\"Bridge held, Sis,\" said Dale.\n\n\"It did,\" said Nora.\n")
    cast = discover_characters(text)
    assert owner(cast, "Sis") in ("", owner(cast, "Nora Kessler")), cast
    assert "Sis" not in cast, cast


def test_sarge_who_is_sergeant_ashdown_is_the_teller_frank_ashdown():
    from pipeline.text.narrator import first_person
    text = TOLD_AS_I + ("\"Morning, all. Frank, your pills. Reg, your water.\"\n\n\"Come in, Frank. Sit down.\"\n\n"
                        "\"Dennis,\" said Mrs Fenwick, \"is quicker on the stairs. Thank you, Sergeant Ashdown. That "
                        "will be all.\"\n\n\"Sarge! Sarge, is she with you? I must have dropped off.\"\n\n"
                        "\"Frank Ashdown, you old fool, you'll catch your death.\" She took the old lady's arm.\n")
    characters = {"Frank": Character("Frank", ("Frank Ashdown", "Mr Ashdown"), "M"),
                  "Sarge": Character("Sarge", ("Sergeant Ashdown",), "M"), "Reg": Character("Reg", ("Reg Toomey",), "M"),
                  "Mrs Fenwick": Character("Mrs Fenwick", (), "F"), "Dennis": Character("Dennis", (), "M"),
                  "Chloe Ashdown": Character("Chloe Ashdown", ("Chloe",), "F")}
    main, same = first_person(text, characters)
    assert main == "Frank" and "Sarge" in same, (main, same)


def test_everyone_called_her_mummy_even_brother_emmanuel_is_her_name_not_his():
    text = ("Comfort Adeyemi stood at the front with her glasses on a chain. Everyone in the choir called her Mummy, "
            "even the ones older than she was, even Brother Emmanuel, who was seventy.\n\n"
            "\"Altos,\" said Mrs Adeyemi.\n\n\"We are four, Mummy,\" said Grace.\n\n"
            "\"Then sing like eight,\" said Mrs Adeyemi.\n\n\"Yes, Mummy,\" said Brother Emmanuel.\n")
    cast = discover_characters(text)
    assert owner(cast, "Mummy") != owner(cast, "Brother Emmanuel"), cast


def test_my_name_is_in_the_narration_is_the_tellers_whatever_the_others_call_her():
    text = TOLD_AS_I + ("My name is Małgorzata Kowalska, and in eleven years in this country I have answered to most things. "
            "I got to the office at ten to eight and stood by the kettle.\n\n"
            "\"Gosia. A word,\" said Fiona.\n\n\"Now?\" I said.\n\n\"Now, Gosia,\" said Fiona.\n\n"
            "I went in. I sat down. I waited.\n\n\"Małgorzata Kowalska?\" the nurse read from her list.\n\n"
            "\"Me,\" I said.\n\n\"Night, Gosia,\" said Tomek.\n")
    cast = discover_characters(text)
    assert owner(cast, "Gosia") == owner(cast, "Małgorzata Kowalska") == teller(cast), cast


def test_a_name_called_that_the_dog_answers_is_the_dogs():
    text = ("A tall man stood at the stop with a wet spaniel on his foot.\n\n\"Which bus?\" he said.\n\n"
            "\"The sixteen,\" said Gosia.\n\n\"Bramble?\" said Gosia.\n\n"
            "The dog's head came round so fast her ears flapped.\n\n\"How do you know her name?\" said Euan.\n")
    assert "Bramble" in animal_names(text)
    assert owner(discover_characters(text), "Bramble") == ""
    # a man who looks up when called is no beast
    assert "Tom" not in animal_names("\"Tom?\" I said.\n\nThe old man looked up.\n")


def test_margaret_answered_as_malgorzata_in_english_is_her():
    text = ("Fiona Baird put the phone down. \"He wants Margaret at nine.\"\n\n\"Margaret?\"\n\n"
            "\"It's Małgorzata in English. He looked it up in the library.\"\n\n"
            "\"Małgorzata, then,\" said Fiona.\n\n\"Thank you, Margaret,\" said Mr Drummond.\n\n"
            "\"Goodnight,\" said Małgorzata.\n")
    cast = discover_characters(text)
    assert owner(cast, "Margaret") == owner(cast, "Małgorzata") != "", cast


def test_a_name_said_to_the_teller_three_times_answered_by_me_and_never_in_the_narration_is_the_teller():
    # "Irene" and "Ms Kostas" in the kitchen and the court, whom the narration never names, are the teller Marta calls
    # "Reenie"; "Murray", said five times to the teller of the call centre, is Declan Murray
    gold = Path(__file__).parents[1] / "data" / "chapters" / "gold"
    for chapter, names in (("first-person-restaurant-kitchen-courtroom-harbour-rain", {"Reenie", "Irene", "Ms Kostas"}),
                           ("first-person-call-centre-floor-karaoke-bus-stop-rain", {"Declan", "Murray"})):
        cast = discover_characters((gold / f"{chapter}.txt").read_text(encoding="utf-8"))
        me = teller(cast)
        assert names <= {me, *cast[me].aliases}, (chapter, cast[me])
        assert not names & (set(cast) - {me}), (chapter, cast)


def test_a_job_said_beside_a_thin_woman_is_hers_and_not_the_man_named_just_before():
    text = ('I was twenty-nine that winter and I had worked in my uncle\'s kitchen since I was fifteen. I knew my '
            'station, I knew my knives, and I knew my own temper; I did not know my uncle owed money, and I did not '
            'know what I would do when I found out. My mother had warned me. I had not listened to her.\n\n'
            'Uncle Teo came through the swing doors with the order pad in his teeth.\n\n"Table nine," said Teo.\n\n'
            '* * *\n\nThe magistrates\' court smelled of floor polish. I sat at the back with my coat on. Uncle Teo '
            'stood in the dock in his kitchen whites.\n\n"Is there anyone here for him?" said the magistrate, '
            'a thin woman with reading glasses.\n\n"His niece is in court, Your Worship," said the usher.\n\n'
            '"Will he live with you?" said the magistrate.\n\n"He will," I said.\n\n"Kestrel, a man is dead," said Teo.\n')
    cast = discover_characters(text)
    assert cast["the magistrate"].gender == "F", cast
    assert "the magistrate" not in cast["Uncle Teo"].aliases


def test_a_city_a_hall_is_called_by_and_a_place_on_a_bend_of_the_river_are_not_people():
    text = ("The DJ was on the stage by four, tapping the microphone.\n\n"
            '"Check, check. One two, Birmingham." The voice boomed off the old bingo wall. "Preeti! How is that?"\n\n'
            '"Too loud, Nitro," said Preeti.\n\n"No such thing," said Nitro.\n\n'
            "Mesquite Bend sits in a hook of the river where the water slows and spreads out.\n\n"
            '"Mesquite Bend, Ranger Cal," said Cal into the phone.\n\n"Is the road open?" said Preeti.\n\n'
            '"Not tonight," said Cal.\n')
    cast = discover_characters(text)
    assert not {"Birmingham", "Mesquite Bend"} & set(cast), cast
    assert {"Preeti", "Nitro", "Cal"} <= set(cast)


def test_a_woman_called_by_name_before_he_speaks_and_eyes_she_does_not_meet_are_not_a_mans():
    text = ("Surinder came in from the hall in her nightie, with her reading glasses pushed up on her head. Jassi was "
            "in the armchair with the cricket on mute. Nitro stood up when she came in.\n\n"
            '"Chair covers," said Surinder. "Extra chair covers, she tells me, and then she disappears."\n\n'
            '"Surinder. Twenty-nine minutes I have had this cricket on mute." He turned the armchair round to face the '
            "room.\n\n"
            '"It is the standard rate," said Surinder, not meeting his eye.\n\n'
            "Something Dev said made her sit down on the edge of the stage. Dev laughed and went to wash his hands.\n\n"
            '"Go on, then," said Dev.\n\n"Not now," said Jassi.\n')
    cast = discover_characters(text)
    assert cast["Surinder"].gender == "F", cast
    assert cast["Dev"].gender != "F", cast


def test_a_stranger_the_narration_then_names_and_one_who_names_himself_across_the_tag_are_the_ones_described():
    text = ("Frank swung the torch. A man in a donkey jacket was standing in the lee of the container, out of the rain.\n\n"
            '"Who are you?" said Frank.\n\n"Nobody you know," said the man in the donkey jacket.\n\n'
            '"Evening, Mr Marsh," said Sergeant Ashby, coming up with his own torch. "I might have known."\n\n'
            '"Evening, Sergeant," said the man in the donkey jacket.\n\n'
            "So that was who he was. Lenny Marsh. Frank had said the name before, years ago.\n\n"
            '"What are you doing here, Lenny?" said Ashby.\n\n"Same as you," said Lenny.\n\n* * *\n\n'
            "The boat came up the street with a spotlight on its bow, and a man in yellow waders was steering it.\n\n"
            '"Y\'all need a hand?" said the man in the yellow waders.\n\n"We do," said Folasade.\n\n'
            '"Then climb in," said the man in the yellow waders.\n\n'
            "Later, at the church, he came back with a dry sweatshirt on.\n\n"
            '"Earl," said the man. "Earl Hollis. Over on Sandpiper."\n\n"Thank you, Mr. Hollis," said Folasade.\n')
    said = {}
    for quote in attribute(text, discover_characters(text)):
        said.setdefault(quote.speaker, []).append(quote.text)
    assert not [name for name in said if name and name.startswith("the man")], said
    marsh = next(name for name in said if "Lenny" in name)
    assert {"Nobody you know,", "Evening, Sergeant,"} <= set(said[marsh]), said
    hollis = next(name for name in said if "Earl" in name)
    assert {"Y'all need a hand?", "Then climb in,"} <= set(said[hollis]), said


def test_a_porters_mam_on_the_phone_his_grandfather_named_in_full_and_a_patients_dad_are_not_the_porter_or_sarge():
    text = ("I had been a porter at the Heath for six years, and I still could not sleep on a night shift. My legs knew "
            "every corridor before I did, and my hands knew every trolley. I liked my job. I liked my mates, mostly, "
            "and I liked my tea strong, and I liked my quiet hour at three. I made my tea "
            "and I sat where I always sat, with my back to the radiator and my feet on the bin. My phone went. Mam. "
            "I rang her back while the kettle boiled again.\n\n"
            "Sarge came in with the rain running off his cap. He was no sergeant of anything.\n\n"
            "“Mam. It’s me. No, I’m on a break. Go back to bed now. Ta-ra, Mam.”\n\n"
            "“She all right?” said Sarge.\n\n“She’s fine,” I said.\n\n"
            "“Dai,” said Keith. “Bay two.”\n\n“Coming,” I said.\n\n"
            "The old man on the trolley had a broken hip and a daughter in a yellow mac.\n\n"
            "“I’m a legal secretary, Dad,” said Nia.\n\n“Your grandfather wasn’t Idris? Idris Pritchard, portered at "
            "the Infirmary?” said Mr Price to me.\n\n“He was,” I said.\n\n“Dad, lie still,” said Nia.\n\n"
            "“Dai,” said Sarge. “Tea.”\n")
    cast = discover_characters(text)
    me = teller(cast)
    assert not {"Idris", "Dad", "Mam"} & {me, *cast[me].aliases}, cast[me]
    sarge = next(c for name, c in cast.items() if "Sarge" in (name, *c.aliases))
    assert "Mam" not in sarge.aliases and sarge.gender == "M", sarge


def test_one_the_narration_gives_a_line_to_is_not_the_teller_whose_name_is_said_once():
    from pipeline.text.narrator import first_person
    text = TOLD_AS_I + ("\"I didn't see it was that deep, Des! I swear it looked like a puddle.\"\n\n"
                        "I looked at the minibus and said nothing.\n\n\"Des, it's coming in over the step.\"\n\n"
                        "I went down the bank to see.\n\n"
                        "\"Desmond Haigh. I'm the choirmaster, for my sins.\"\n\n\"You'll want the recovery,\" I said.\n\n"
                        "\"On three,\" shouted Desmond Haigh, \"and I mean on three.\"\n\n"
                        "\"Carol,\" he said, when it was done. \"Thank you.\"\n")
    characters = {"Desmond Haigh": Character("Desmond Haigh", ("Desmond",), "M"), "Raj": Character("Raj", (), "M")}
    assert first_person(text, characters)[0] == "Carol"


def test_a_teller_introduced_as_my_sisters_daughter_is_a_girl():
    text = TOLD_AS_I + ("\"This the niece, then?\" said the stallholder.\n\n"
                        "\"This is Morenike Adeyemi. My sister's daughter,\" said Aunty Funmi.\n\n"
                        "\"Morenike, you have your coat?\"\n\n\"Yes, Aunty,\" I said.\n\n"
                        "\"It doesn't get dark here till nine, Morenike,\" Femi said.\n\n\"I know,\" I said.\n")
    cast = discover_characters(text)
    assert owner(cast, "Morenike") == teller(cast) and cast[teller(cast)].gender == "F", cast


def test_dad_said_by_a_daughter_to_her_father_and_once_answered_by_the_doctor_is_not_the_doctor():
    text = TOLD_AS_I + ("\"Owen, you're on the visit,\" said Helen.\n\n\"Fine,\" I said.\n\n"
                        "\"I told you at dinner, Dad,\" Carol said.\n\n\"You tell me a lot of things at dinner.\"\n\n"
                        "\"Mr Bellamy,\" I said. \"I'm Dr Pritchard.\"\n\n\"How old are you?\"\n\n\"Dad.\"\n\n"
                        "\"Thirty-one,\" I said.\n\n\"Tell him, Dad. Tell him or I will.\"\n\n"
                        "\"Thank you, Dr Pritchard,\" Carol said at the door.\n\n\"Drive safe, Owen,\" said Helen.\n")
    cast = discover_characters(text)
    assert owner(cast, "Owen") == teller(cast) != owner(cast, "Dad"), cast


def test_nick_of_nikos_and_tubbs_of_connor_tubman_are_theirs():
    from pipeline.text.first_names import same_first_name
    assert same_first_name("Nick", "Nikos") and same_first_name("Mick", "Mikael")
    assert not same_first_name("Nick", "Nora") and not same_first_name("Jack", "Jane")
    text = ('Nikos Stavrou wiped his hands. "Forty at half six," said Nikos.\n\n"I\'m not good at this, Nick," '
            'said Graham.\n\n"Nobody is, Nick," said Anna.\n\n"Sit down, Graham," said Nikos.\n\n'
            'Connor Tubman had eaten his sandwiches by Junction 19. "Starving," said Connor.\n\n'
            '"You\'re always starving, Tubbs," said Sol.\n\n"Leave him, Sol," said Coach.\n\n"Thanks, Coach," said Tubbs.\n')
    found = discover_characters(text)
    assert owner(found, "Nick") == owner(found, "Nikos Stavrou") != "", found
    assert owner(found, "Tubbs") == owner(found, "Connor Tubman") != "", found


def test_a_name_and_a_job_given_in_one_breath_are_one_person():
    text = ('"Is anyone hurt?" I called down.\n\n"Desmond Haigh. I\'m the choirmaster, for my sins. We\'re all '
            'fine, only wet."\n\n"That\'s Winnie," said the choirmaster. "Ignore her."\n\n'
            '"I heard that, Desmond."\n\n"Right," said the choirmaster. "Everybody out."\n\n'
            '"On three," shouted Desmond Haigh.\n')
    cast = discover_characters(text)
    assert owner(cast, "the choirmaster") == owner(cast, "Desmond Haigh") != "", cast


def test_grace_is_a_womans_name_and_your_grace_no_ones():
    text = ('"Yes, Your Grace," said the steward.\n\n"Bring the wine," said the Duke.\n\n"At once, Your Grace."\n\n'
            '"And quickly," said the Duke. "His Grace is thirsty."\n\n'
            'Grace Okafor looked up from the drug chart. "Tea?" said Grace.\n\n"Please," said Dev.\n')
    cast = discover_characters(text)
    assert owner(cast, "Grace") == owner(cast, "Grace Okafor") != "" and cast[owner(cast, "Grace")].gender == "F", cast
    assert sum(1 for name, c in cast.items() if "Grace" in (name, *c.aliases)) == 1, cast


def test_shiv_is_siobhan_whatever_a_name_list_says_of_shiv():
    text = ('Siobhan came up from London on the last train. "Is he awake?" said Siobhan.\n\n'
            '"Shiv." Claire did not look up from her notebook. "Not now."\n\n"I only asked," said Shiv.\n\n'
            '"Sit down, Siobhan," said Claire.\n\nShiv sat down and took her father\'s hand.\n')
    cast = discover_characters(text)
    assert owner(cast, "Shiv") == owner(cast, "Siobhan") != "" and cast[owner(cast, "Shiv")].gender == "F", cast


def test_maw_is_a_mother():
    text = ("'Is that you?' said Maw from the kitchen.\n\n'It's me, Maw,' said Theresa.\n\n"
            "'Then wipe your feet,' said Maw.\n")
    cast = discover_characters(text)
    assert cast[owner(cast, "Maw")].gender == "F", cast


def test_a_job_said_of_the_one_a_paragraph_begins_with_is_theirs():
    text = ('Father Declan Moore comes down the corridor shaking off the cold. He is a tall, stooped man, and he has '
            'been the hospice chaplain for longer than anyone can remember.\n\n"Is she here yet?" said Claire.\n\n'
            '"Not yet." The chaplain sighs. "She will be."\n\n"Will you sit with him?" said Claire.\n\n'
            '"I will," said the chaplain.\n\nFather Moore takes the stole from his bag.\n\n'
            '"Thank you, Father Moore," said Claire.\n')
    one_person(text, "the chaplain", "Father Moore")


def test_sarge_said_again_and_again_to_the_teller_the_di_calls_nic_is_her():
    text = TOLD_AS_I + ("\"Go and get him, Nic. Take Mo,\" said Ashworth.\n\n\"Yes, Guv,\" I said.\n\n"
                        "I did the introductions for the tape, DS Barraclough, DC Iqbal, and he said nothing.\n\n"
                        "Mo and I sat in the car with the engine off.\n\n\"Can I put the heater on, Sarge?\"\n\n\"No.\"\n\n"
                        "\"Sarge, can I ask you something?\"\n\n\"You're going to anyway.\"\n\n"
                        "\"Why'd you say his name, Sarge?\"\n\n\"I know what Guv said.\"\n\n"
                        "\"Give it till midnight, Nic,\" Ashworth said on the radio. \"Then go home.\"\n\n"
                        "Mo sighed. \"Told you, Sarge.\"\n\n\"Don't be clever, Nicola,\" Ashworth said.\n")
    cast = discover_characters(text)
    assert owner(cast, "Sarge") == owner(cast, "Nic") == teller(cast) and cast[teller(cast)].gender == "F", cast


def test_glyn_and_emlyn_are_welsh_men_and_mr_morgan_is_glyn_morgan():
    text = ('Glyn Morgan, the lodge secretary, stood at the bottom of the steps with a pencil behind his ear.\n\n'
            '"It means you will be asked to explain yourself," said Glyn.\n\n"Sorry, Mr. Morgan," said Emlyn.\n\n'
            '"Sit down, Emlyn," Glyn said, and took off his spectacles.\n\n"Mr. Morgan saw me," said Emlyn.\n')
    cast = one_person(text, "Mr. Morgan", "Glyn Morgan")
    assert cast[owner(cast, "Glyn")].gender == cast[owner(cast, "Emlyn")].gender == "M", cast


def test_the_reverend_idris_pryce_is_mr_pryce_too():
    text = ('The Reverend Idris Pryce stood at the chapel door.\n\n"The colliery won\'t leave us alone, Mr. Pryce," '
            'said Wil.\n\n"Well," said the Reverend Pryce at last. "Finish the bridge."\n\n'
            '"He was up till eleven with it, Mr. Pryce," said Gwen.\n\n"Was he now," said Mr. Pryce.\n')
    one_person(text, "Reverend Pryce", "Mr. Pryce", "Reverend Idris Pryce")


def test_dai_bach_is_dai_evans_and_dad_is_not_his_boy():
    text = ('Dai Evans came up the hill with Wil. Dai was not a speaking man.\n\n'
            '"That\'s not all, Dai Bach," said old Twm. "Tell them the rest."\n\n'
            '"All right," said Dai. "I have a boy starting at Easter."\n\n'
            'Emrys Evans came in late, his cap in his hand. "Sorry, Dad," said Emrys.\n\n'
            '"Sit down, Emrys," said Dai.\n\n"You never did, Dai Evans," said Gwen, and Dai smiled.\n\n'
            '"Can I stay, Dad?" said Emrys.\n')
    cast = discover_characters(text)
    assert owner(cast, "Dai Evans") == owner(cast, "Dai") not in ("", owner(cast, "Emrys")), cast
    assert owner(cast, "Dai Bach") in ("", owner(cast, "Dai")) and "Bach" not in cast, cast
    assert owner(cast, "Dad") in ("", owner(cast, "Dai")), cast


def test_chidi_the_groom_is_a_man_of_his_own_not_mrs_chidi_nwankwo():
    text = ('At the altar, Chidi turned round. Then he saw her, and his whole face changed.\n\n'
            'The vows were the ordinary vows. Chidi\'s voice cracked on cherish.\n\n'
            '"The bride, please. Mrs. Chidi Nwankwo, your public is waiting," said the DJ.\n\n'
            'Behind us came Chidi, holding a huge black umbrella. "Babe," he said. "I brought you rice."\n\n'
            '"Is it good?" said Chidi.\n')
    cast = discover_characters(text)
    assert owner(cast, "Chidi") not in ("", owner(cast, "Mrs. Chidi Nwankwo")) and cast[owner(cast, "Chidi")].gender == "M", cast


def test_maka_and_amaka_said_to_chiamaka_are_the_end_of_her_name():
    text = TOLD_AS_I + ('"Chiamaka, you look exactly like your mother," said Aunty Ngozi.\n\n"Thank you, Aunty," I said.\n\n'
                        '"Maka, if one more person tells me that, I will scream," said Ada.\n\n"Chiamaka. I know," I said.\n\n'
                        '"Amaka. Have you seen Ada?" said Aunty Ngozi.\n\n"No, Aunty," I said.\n\n'
                        '"I know about forty people, Maka," said Ada.\n\n"Chiamaka, listen," said Ada.\n')
    cast = discover_characters(text)
    assert owner(cast, "Maka") == owner(cast, "Amaka") == owner(cast, "Chiamaka") == teller(cast) != "", cast
    assert cast[teller(cast)].gender == "F", cast


def test_mam_said_again_and_again_to_a_teller_with_a_son_of_her_own_is_her():
    text = TOLD_AS_I + ("\"Nora, sit down,\" said Bridie.\n\n\"I'm grand here,\" I said.\n\n\"Sit, Nora,\" said Bridie.\n\n"
                        "That evening my son Declan came up the hall with his coat still on.\n\n"
                        "\"Mam,\" he said. \"Surprise.\"\n\n\"You never said you were coming,\" I said.\n\n"
                        "\"Mam, we want to talk to you about something,\" said Declan.\n\n\"Talk, then.\"\n\n"
                        "\"Mam, I'm serious.\"\n\nI looked at my son and said nothing.\n\n"
                        "\"Jesus, Mam, I thought you'd gone,\" said Declan.\n")
    cast = discover_characters(text)
    assert owner(cast, "Mam") == owner(cast, "Nora") == teller(cast) != "", cast




def test_mum_said_by_the_boy_of_whom_the_teller_says_thats_my_boy_is_her():
    """The narration never says "my son": she does, in her own speech."""
    text = TOLD_AS_I + ("\"Morning, Mrs. Reid,\" said Tom.\n\n\"Morning, Tom,\" I said.\n\n"
                        "Ewan came in at nine with the rain on his jacket.\n\n\"Morning, Mum.\" He kissed the top of my head.\n\n"
                        "\"You're soaked,\" I said.\n\n\"It's nothing, Mum. Only rain.\"\n\n"
                        "The radio crackled and a young voice came through.\n\n"
                        "\"That's Ewan,\" I said. \"That's my boy.\"\n\n\"Hush, Jean,\" said Tom. \"Let's hear.\"\n\nI held my breath.\n\n"
                        "\"Mum, I'm fine,\" said Ewan.\n")
    cast = discover_characters(text)
    assert owner(cast, "Mum") == owner(cast, "Jean") == teller(cast) != "", cast
    assert owner(cast, "Ewan") not in ("", teller(cast)), cast


def test_a_nickname_asked_later_in_a_line_is_the_one_who_answers():
    """"Eh, Dod?" in the middle of Hector's line, answered by George; "You're sixty-three, Dod." said to
    the one the narration has just named ("That was George"): Dod is George, not a character of his own."""
    text = ("George stood at the window of the café.\n\n\"He's late,\" said George.\n\n"
            "Hector wiped his mouth. \"We were out in worse than this. Eh, Dod? The winter of seventy-four.\"\n\n"
            "\"We were young and stupid,\" said George. \"And the engine worked.\"\n\n"
            "That night Mackay shouted at the men on the slip.\n\n"
            "\"Mackay.\" That was George, come up behind us with a torch. \"Take me.\"\n\n"
            "Mackay didn't look at him. \"You're sixty-three, Dod.\"\n\n\"I know what age I am,\" said George.\n")
    cast = discover_characters(text)
    assert owner(cast, "Dod") == owner(cast, "George") == "George", cast



def test_a_pet_name_the_one_called_refuses_is_hers_not_the_tellers():
    """"Treesie, my love." / "Don't you Treesie me, Gerald Kavanagh.": the sister's pet name, said twice to
    someone and never in the narration, is not the teller's because "I" never answer it."""
    text = TOLD_AS_I + ("\"Bernie, the door,\" said Father Doyle.\n\n\"I've got it,\" I said.\n\n"
                        "\"Bernie, love, sit down,\" said Kayla.\n\nTheresa had her husband at the table with his arm "
                        "in a bowl of snow. She had not said one word to him since we came in.\n\n\"Treesie.\"\n\n"
                        "She didn't look at him.\n\n\"Treesie, my love. It's only the wrist.\"\n\n"
                        "\"Don't you Treesie me, Gerald Kavanagh. You're not made of rubber.\"\n")
    cast = discover_characters(text)
    assert owner(cast, "Bernie") == teller(cast) != "" and "Treesie" not in cast[teller(cast)].aliases, cast
    # and it is hers: the sounds of Theresa, said only in speech
    assert owner(cast, "Treesie") == owner(cast, "Theresa") != "", cast


def test_mum_who_is_morag_is_not_wee_jamie_rennie():
    from pipeline.text.aliases import _Person
    from pipeline.text.parents import _join_parents
    alec, jamie, mum = _Person(("Alec", "Rennie"), ""), _Person(("Jamie", "Rennie"), ""), _Person(("Mum",), "")
    alec.forms.update({"Alec Rennie": 9, "Alec": 20})
    jamie.forms.update({"Jamie Rennie": 1, "Jamie": 8})
    mum.forms.update({"Mum": 4, "Morag": 12})    # "Mum" already known to be Morag, a first name of her own
    people = [alec, jamie, mum]
    _join_parents(people, False, "")
    assert mum in people and "Morag" not in jamie.forms, [dict(p.forms) for p in people]


def test_kirsty_is_a_woman_whatever_stray_hes_follow_her_name():
    text = ('Alec never took his cap off until he was sitting down, which Kirsty MacInnes said\nwas the only manners he '
            'had.\n\n"You\'ll be wanting tea," said Kirsty.\n\n'
            '"Kirsty told him. Donnie told him. He thanked us all very nicely," said Morag.\n\n'
            '"Aye," said Kirsty.\n\nKirsty watched the ferry until he was round the point and gone.\n\n'
            '"Kirsty saw it. He was soaked," said Morag.\n')
    cast = discover_characters(text)
    assert cast[owner(cast, "Kirsty")].gender == "F", cast


def test_ray_said_again_and_again_is_a_man_whatever_an_x_ray_writes_small():
    text = ('Ray Delgado parked the county Tahoe in the shade of the ice machine.\n\n"Lola," Ray said.\n\n'
            '"Sheriff," said Dolores.\n\n"What\'s good?" Ray said.\n\nRay took the stool by the register.\n\n'
            '"The ankle\'s a sprain. I\'ll X-ray it to be sure," said Dr. Patel.\n\n"X-ray it, then," Ray said.\n\n'
            'The clinic had an X-ray machine older than the doctor, and Dolores looked at Ray.\n\n'
            '"Go home," said Ray.\n')
    cast = one_person(text, "Ray", "Ray Delgado")
    assert cast[owner(cast, "Ray")].gender == "M", cast


def test_a_first_name_the_titled_man_says_to_someone_is_not_his_own_on_the_telephone():
    text = TOLD_AS_I + ('Mr. Whitfield looked at me over the top of his glasses. "Go on, Linh."\n\n'
                        '"The policy limit is four hundred," I said.\n\n"Good," said Mr. Whitfield.\n\n'
                        'At eleven my phone rang on the streetcar. "Mr. Whitfield?"\n\n'
                        '"Linh. I\'m sorry to call so late. Where are you?"\n\n"On the 505," I said.\n\n'
                        '"Good night, Linh," said Mr. Whitfield.\n')
    cast = discover_characters(text)
    assert owner(cast, "Linh") == teller(cast) != owner(cast, "Mr. Whitfield"), cast


def test_ma_the_narration_names_again_and_again_is_the_tellers_mother():
    text = TOLD_AS_I + ("Ma has the door open before I can knock. She's in her dressing gown.\n\n"
                        "\"Daniel. What time do you call this?\"\n\n\"Half five, Ma,\" I say.\n\n"
                        "Stevie looks at Ma. Ma looks at the plates.\n\n\"Don't be smart with me.\"\n\n"
                        "Ma puts the plates down on the table, hard enough to make the cutlery jump.\n")
    cast = discover_characters(text)
    assert owner(cast, "Ma") not in ("", teller(cast)) and cast[owner(cast, "Ma")].gender == "F", cast


def test_skip_said_to_the_captain_again_and_again_is_the_one_who_answers_it():
    text = ('Graham Ackroyd walked out to the square with Harry Sutcliffe at his elbow.\n\n'
            '"You\'ll want to bat first, Skip, if you win it," said Harry.\n\n"Morning, Harry," said Graham.\n\n'
            '"Another, Skip?" said Davo.\n\nGraham pushed his glass across. It was his fourth.\n\n'
            '"She\'s fifteen and she spins it both ways, Skip," said Davo.\n\nGraham said nothing.\n\n'
            'Harry peered at Graham. "Your lass is sat on the steps out there, Skip."\n\n"I know," said Graham.\n')
    cast = discover_characters(text)
    assert owner(cast, "Skip") in ("", owner(cast, "Graham")) and "Skip" not in cast, cast


def test_tam_is_thomas_in_glasgow():
    from pipeline.text.first_names import known_pet_form
    assert known_pet_form("Tam", "Thomas") and known_pet_form("Rab", "Robert") and known_pet_form("Shug", "Hugh")
    text = ('Thomas Boyle got into the back of the cab with his hand wrapped in a bar towel.\n\n'
            '"Easterhouse, driver," said Thomas Boyle.\n\n"What have you done to your hand, Tam?" I said.\n\n'
            '"Nothing. Glass," said Tam.\n\n"That\'s a lot of blood for nothing," I said.\n\n"Aye, well," said Tam.\n')
    one_person(text, "Tam", "Thomas Boyle")


def test_the_fishing_vessel_girl_tamsin_is_a_boat_not_a_girl():
    text = ('Jory Pascoe came down the slip. Kit was already aboard the Girl Tamsin.\n\n'
            '"Falmouth Coastguard, this is fishing vessel Girl Tamsin, Girl Tamsin," said Jory.\n\n'
            '"Girl Tamsin, Falmouth Coastguard. Go ahead," said the coastguard.\n\n'
            '"Latest from Girl Tamsin is that her anchor is holding," said Ben.\n\n"Good," said Tamsin Pascoe.\n')
    cast = discover_characters(text)
    assert not any("Girl Tamsin" in (name, *c.aliases) for name, c in cast.items()), cast


def test_he_had_managed_olkeri_for_eleven_years_makes_him_the_manager():
    text = ('Joseph Kimani appeared at the end of the veranda in his pressed khaki. He had managed Olkeri for eleven '
            'years and had a way of arriving exactly when a table began to go wrong.\n\n'
            '"Everything is well?" said Joseph Kimani.\n\n"Everything\'s great, Joseph," Carl said.\n\n'
            'The manager rested a hand on the back of the chair. "She is very good at that," said the manager.\n\n'
            '"It is not a fine," the manager agreed.\n')
    one_person(text, "the manager", "Joseph Kimani")


def test_she_was_ma_pelletier_to_the_fallers_and_ma_to_everybody_else():
    text = ('Lucienne Pelletier moved between the tables with a coffee pot in each hand. Nobody in camp had called her '
            'Lucienne in eleven years. She was Ma Pelletier to the fallers and Ma to everybody else.\n\n'
            '"Leave the kid alone, Ma," said Hank.\n\n"Thank you, Mrs. Pelletier," said the rep.\n\n'
            'Ma set a plate in front of him. "Eat," said Ma.\n')
    one_person(text, "Ma", "Lucienne Pelletier", "Mrs. Pelletier")


def test_old_harry_sutcliffe_is_harry_and_mr_sutcliffe_and_the_old_kent_road_no_one():
    text = ('The side door opened and let in Old Harry Sutcliffe, who had been groundsman since before Graham was '
            'born.\n\n"Cup of tea, Mr. Sutcliffe?" said Joan.\n\n"Not for me," said Graham.\n\n'
            'Old Harry came in later, bringing the smell of the ground after rain.\n\n"It\'s coming," said Harry.\n\n'
            'They drove home down the Old Kent Road.\n\n"Don\'t say that, Mr. Sutcliffe," said Becky.\n\n'
            '"Why not?" said Graham.\n')
    cast = one_person(text, "Harry", "Mr. Sutcliffe")
    assert not any("Kent" in name for name in cast), cast


def test_honey_and_hen_are_words_of_address_not_women_of_the_cast():
    text = ('Carl Henderson had been at the table since twenty to seven.\n\n"I made a list," said Carl.\n\n'
            '"Honey," Lorraine said. "It\'s a leopard."\n\n"Honey, it\'s a short list," said Carl.\n\n'
            '"Ta, hen," said the driver. "Mind the step, Hen."\n')
    cast = discover_characters(text)
    assert "Honey" not in cast and "Hen" not in cast, cast


def test_one_who_calls_someone_nana_is_young():
    from pipeline.text.casting import speaker_age
    text = ('Declan came in with his coat still on.\n\n"Nana," said Aoife from the settle bed, "you can have the cat."'
            '\n\n"Mam," said Declan.\n\nDr. Okafor looked up from her notes. "Sit down," said Dr. Okafor.\n')
    assert speaker_age(text, ["Aoife"], ["Declan", "Dr. Okafor"], "F") == "young"
    assert speaker_age(text, ["Dr. Okafor"], ["Declan", "Aoife"], "F") is None


_DAY_ROOM = ("I sit by the window in the day room and wait for the tea. I do not mind the wait. I have done "
             "worse waiting than this, on worse chairs, in worse weather. I watch the gulls over the car park. I count "
             "them. I lose count. I start again, and I think of the boat, and I think of the winter I lost her. I was "
             "forty then. I had my own crew, and my own debts, and I had my father's watch on my wrist. I sold it. I "
             "have never told anyone that, and I never will.\n\n")


def test_a_teller_called_mr_by_others_is_still_the_teller_when_the_narration_speaks_of_the_family_nose():
    text = (_DAY_ROOM +
            '"Tea, Jack?" Shannon asks.\n\n"Go on, then," I say.\n\n'
            "My grandson comes in after lunch. He has the Tregenza nose, God help him, and his father's silences.\n\n"
            '"The car\'s here when you\'re ready, Mr. Tregenza," Shannon says.\n\n"I\'m ready," I say.\n\n'
            '"Goodnight, Mr. Tregenza," Shannon says.\n\n"Goodnight, love," I say.\n\n'
            '"You awake, Jack?" Shannon asks at ten.\n\n"I am," I say.\n')
    found = discover_characters(text)
    narrator = teller(found)
    assert {"Jack", "Mr. Tregenza"} <= names_of(found)[narrator]


def test_a_teller_with_a_daughter_is_the_dad_she_calls():
    text = (_DAY_ROOM +
            '"Tea, Jack?" Shannon asks.\n\n"Go on, then," I say.\n\n'
            "My daughter comes at two with her lanyard still round her neck. Karen has been a Matthews for twenty years.\n\n"
            '"Dad. You\'ve not got your scarf," Karen says.\n\nThe wind gets inside my coat.\n\n'
            '"She\'s forty-five, Dad," Karen says.\n\nThe gulls go over, sideways.\n\n'
            '"You awake, Jack?" Shannon asks at ten.\n\n"I am," I say.\n')
    found = discover_characters(text)
    narrator = teller(found)
    assert "Dad" in names_of(found)[narrator]


def test_a_job_the_next_sentence_calls_he_is_not_the_woman_named_before_it():
    text = ("Mia Russo leans on the pump while her father rings the club. Mia watches the rain. Mia counts the "
            "seconds between the flash and the thunder.\n\n"
            "Then a torch comes on behind the shop glass, and the night attendant comes out. He is about nineteen, "
            "skinny, in a uniform polo two sizes too big for him.\n\n"
            '"Last time it was forty minutes," the attendant says. "You can wait inside."\n\n'
            "The attendant nods and goes back in.\n")
    found = discover_characters(text)
    assert owner(found, "Mia") != owner(found, "the attendant")


def test_mum_called_with_a_paragraph_between_is_not_the_next_one_to_speak():
    text = ('"Come. Taste. Is too much salt?" Nonna calls from the mincer.\n\n'
            'The side gate bangs, and Priya comes through it with a tub of salad.\n\n'
            '"Priya, bella, you eat something. Look at you. Like a stick."\n\n'
            '"She eats, Ma. Leave her alone."\n\n'
            "Priya puts the salad down and bumps Mia with her hip.\n\n"
            '"So has she asked you?" Priya says, loudly.\n\n'
            '"Ma. Please," Dom says.\n\n"You said that last year, Ma," Dom calls from the barbecue.\n\n'
            '"Coffee, Ma. For the love of God," Dom says in the morning.\n')
    found = discover_characters(text)
    assert owner(found, "Priya") != owner(found, "Ma")


def test_a_pet_form_saying_the_first_syllable_twice_is_the_full_first_name_but_not_a_family_word():
    from pipeline.text.first_names import same_first_name
    assert same_first_name("Mimi", "Mia") and same_first_name("Jojo", "Joanna")
    assert not same_first_name("Nana", "Nancy") and not same_first_name("Papa", "Patrick")
    assert not same_first_name("Mimi", "Michael")


def test_mr_and_dad_of_a_family_are_its_man_nobody_calls_uncle():
    text = ("Sal Russo stood at the barbecue. Mia laughed.\n\n"
            '"You\'re cremating them, Sal," said Uncle Dom.\n\n'
            "Uncle Dom took the tongs off him anyway. Domenic Russo was the elder by four years.\n\n"
            '"Dad, can I go?" Mia asked.\n\n"Go on," said Dad.\n\n'
            'Priya came through the gate with a tub of salad.\n\n'
            '"Hi, Mr. Russo," said Priya. "Hi, Nonna."\n\n'
            '"Dad. Please," Mia said later.\n\n"Morning, Mr. Russo," said Priya the next day.\n')
    found = discover_characters(text)
    assert owner(found, "Mr. Russo") == owner(found, "Sal Russo") != ""
    assert owner(found, "Dad") == owner(found, "Sal Russo")
    assert owner(found, "Uncle Dom") != owner(found, "Sal Russo")


def test_a_titled_nurse_is_not_the_reg_and_the_chaplain_is_the_one_father():
    text = ("Sister Mahoney ran the unit. Bridget Mahoney had run it for twenty years, and Bridget looked at me.\n\n"
            '"Toast, Owen," said Bridget.\n\n'
            "My bleep went. I rang the number from the phone on the wall. It was the reg again.\n\n"
            '"How is he?" said the reg.\n\n"Comfortable," I said. "I\'ve come to fetch the chaplain."\n\n'
            '"Put in a word for my GI bleed," said the reg. "Dr. Okonjo, tell him," somebody said. Funmi Okonjo laughed.\n\n'
            "Father Kowalski was in the chapel. The chaplain looked up from his book.\n\n"
            '"Father Tom," said the chaplain. "Sit down."\n\n"Thank you, Father," I said. The chaplain smiled.\n')
    found = discover_characters(text)
    assert owner(found, "the reg") != owner(found, "Sister Mahoney")
    assert owner(found, "the chaplain") == owner(found, "Father Kowalski") != ""


def test_a_job_call_answered_by_one_person_each_time_is_theirs():
    text = ('"Cap wants to count them," Darlene said.\n\n'
            'Darlene went down the side aisle to the back wall, where Leo Comeau stood.\n\n'
            '"What are you doing here, Cap?"\n\nHe didn\'t look at her. "Came to watch my mother win."\n\n'
            '"Cap. I\'m sorry. It was me told Josh about the yard."\n\n'
            '"I know it was, son," Leo said without turning round.\n\n"Yes, Cap," said Tyler.\n')
    found = discover_characters(text)
    assert owner(found, "Cap") == owner(found, "Leo") != ""


def test_a_bare_surname_called_out_a_paragraph_after_her_full_name_is_hers_not_her_mothers_met_at_the_end():
    text = ('Agata Nowicka had a story on the bin strike and no room for it.\n\n'
            'The editor did not look up when he shouted. "Nowicka! Where is my bin strike?"\n\n'
            '"Coming," Agata said.\n\n"You said that at noon, Nowicka," said the editor.\n\n'
            '"Ms. Nowicka is a woman of her word," said Agata.\n\n'
            '"Then it is nearly here," said Agata.\n\n'
            'At the hospital that night a nurse came down the corridor, her mother, and the porter stood aside. '
            '"Mrs. Nowicka. Is she with you?"\n\n"She is mine," her mother said.\n\n'
            '"Nowicka, go home," said the editor on the phone.\n')
    cast = discover_characters(text)
    assert owner(cast, "Nowicka") == owner(cast, "Agata Nowicka") != "", cast
    assert owner(cast, "Mrs. Nowicka") != owner(cast, "Agata Nowicka"), cast


def test_towns_in_talk_a_tea_towel_a_province_gone_out_to_a_power_company_and_a_bus_called_something_are_no_one():
    text = ('The matatu is called Morning Glory, in gold letters across the back window.\n\n'
            '"We think Cardiff owes us. Cardiff thinks we owe them," said Gwen.\n\n'
            '"Of course Cardiff does," said Rhod. He dried a glass with a tea towel that said Tenby on it.\n\n'
            '"I\'d go," said Danny. "Not Toronto. Alberta. The camps are crying out for fellas."\n\n'
            '"Go on out to Alberta, then," said Gwen.\n\n'
            'The lights went. "Kenya Power," Rhod announced to nobody.\n\n"Right on time," said Danny.\n')
    cast = discover_characters(text)
    names = {n for m, c in cast.items() for n in (m, *c.aliases)}
    assert not names & {"Cardiff", "Tenby", "Alberta", "Kenya Power", "Morning Glory"}, cast
    assert {"Gwen", "Rhod", "Danny"} <= names, cast


def test_a_first_name_given_back_to_a_title_and_big_davie_mcallister_is_a_man():
    text = ('Big Davie McAllister was waiting at the top of the slope. He was six foot four.\n\n'
            '"Davie says it\'s a spring," said Fiona Baird.\n\n"Aye," said Davie.\n\n'
            '"Mrs. Kerr," Tom said at the top of the steps.\n\n'
            '"Agnes. It\'s half past ten at night and we\'re both soaked."\n\n"Agnes, then," said Tom.\n')
    cast = discover_characters(text)
    assert owner(cast, "Davie") == owner(cast, "Davie McAllister") != "" and gender_of(cast, "Davie") == "M", cast
    assert owner(cast, "Agnes") == owner(cast, "Mrs. Kerr") != "", cast


def test_the_managers_surname_a_name_said_to_him_after_a_look_and_an_aunt_everyone_called_so():
    text = ('Mr. Quint had the envelopes laid out across his desk.\n\n'
            '"Sit down, the both of you," he said.\n\n"We\'ll stand," Walt said.\n\n'
            'Quint sat back down. Quint picked up the envelope with their name on it.\n\n'
            '"The company\'s sold the plant."\n\n'
            '"They\'re saying." Walt held out his hand, and Quint put the envelope into it. Then he looked at the '
            'manager for a long time across the desk.\n\n'
            '"Ambrose, b\'y, I knew your father."\n\n'
            'Aunt Liddy was at her gate. Lydia Penney had been Aunt Liddy to every child in the cove for fifty years.\n\n'
            '"I\'m coming," said Aunt Liddy.\n\n"Mrs. Penney, with respect," said Walt.\n')
    cast = discover_characters(text)
    assert owner(cast, "Quint") == owner(cast, "Mr. Quint") != "", cast
    assert owner(cast, "Ambrose") != owner(cast, "Walt"), cast      # said by him, not to him
    assert owner(cast, "Lydia Penney") == owner(cast, "Aunt Liddy") != "", cast


def test_a_name_said_to_him_before_she_turns_to_me_and_one_heard_saying_it_are_not_the_teller():
    text = ('I came down to the hall at nine. I had not slept, and I had my old coat on. I found the fire officer by '
            'the map, and I waited while he finished on the radio. I had known Edna for thirty years; I had taught '
            'her son. My wife had liked her. I told myself I was only going because I could do lists, but I knew '
            'better, and so did my daughter, who looked at me the way my wife used to when I said I was fine. I was '
            'not fine. I was seventy-one and my knees told me so.\n\n'
            '"Okafor," he said, and shook my hand. "Watch Manager."\n\n"Peter," I said.\n\n'
            '"I\'m not complaining, Chidi. It was a good throw." Lou looked up then, and grinned at me. "She\'s your '
            'friend, is she?"\n\nI said she was.\n\n"You ready, Peter?" said Okafor.\n\n"Ready," I said.\n\n'
            '"Reverend Sue will keep the urn on," said Lou. Sue Hartley waved from the hatch.\n\n'
            '"Then Lou can tell her," said Okafor, and went out onto the landing, and I heard him say, quietly, '
            '"Lou, it\'s Chidi. Change of plan."\n')
    cast = discover_characters(text)
    assert owner(cast, "Chidi") != teller(cast), cast
    assert owner(cast, "Sue Hartley") == owner(cast, "Reverend Sue") != "", cast
    said = {q.text: q.speaker for q in attribute(text, cast)}
    assert said["Lou, it's Chidi. Change of plan."] != teller(cast), said


def test_a_mother_called_by_her_childs_name_answers_and_baba_is_the_one_mr_of_the_family():
    text = ('The matatu is full when it pulls in at the stage.\n\n'
            '"Mama Achieng! Kuja, kuja! I kept a seat for you."\n\n'
            '"Specially," says Rose Otieno, climbing in with the basket against her hip.\n\n'
            '"Mr. Otieno," Kevo says, looking up at him, "you are too tall for my vehicle."\n\n'
            '"Then buy a bigger one," says Mr. Otieno.\n\n'
            'Akinyi looks at the window. "I am not going to sing it, Baba."\n\n'
            '"She is going to sing it," says Rose.\n\n"Baba knows I am not," says Akinyi.\n')
    cast = discover_characters(text)
    assert owner(cast, "Mama Achieng") == owner(cast, "Rose Otieno") != "", cast
    assert owner(cast, "Baba") == owner(cast, "Mr. Otieno") != "", cast


def test_the_boss_who_answers_a_name_called_is_that_man_but_a_planner_asked_about_leo_is_not_leo():
    text = ('Frank Delgado sat at the city desk with the crossword. Tess waited.\n\n'
            '"Seven letters. Shows up uninvited."\n\n"Delgado," said Tess.\n\n'
            '"Hilarious," said the boss. "Two fifty-one."\n\n'
            'Later, at the hospital, Frank stood when he saw her.\n\n"I told you to go home."\n\n'
            '"Nobody has ever gone home when you told them to, Frank."\n\n'
            '"That\'s true," the boss said, and sat back down.\n\n'
            'Leah fanned herself. "Has anybody actually seen Leo?"\n\n'
            '"The groom is in the barn," said the planner, glancing at her clipboard.\n\n'
            '"Leo, wait," said Leah.\n\n"Thanks," said Leo Whitlock.\n')
    cast = discover_characters(text)
    assert owner(cast, "the boss") == owner(cast, "Frank Delgado") != "", cast
    assert owner(cast, "the planner") != owner(cast, "Leo"), cast



def test_the_governor_who_answers_an_interrupted_call_to_mr_vane_is_mr_vane():
    """A job written as a title ("the Governor said") answering "Now look here, Mr. Vane—", cut off by a dash."""
    text = ("The office wagon stood on the cinders with its lamps lit. Inside, the Governor sat at his desk.\n\n"
            "Deputy Harmon took off his hat. \"Now look here, Mr. Vane—\"\n\n"
            "\"I understand,\" the Governor said, \"that a Mr. Dunkle was robbed on my lot tonight.\"\n\n"
            "\"That's right,\" said Deputy Harmon.\n\n\"Six dollars, Governor. What I'd lost,\" said Stan.\n\n"
            "\"Thank you, Mr. Vane,\" said Dot.\n")
    cast = discover_characters(text)
    assert owner(cast, "Mr. Vane") == owner(cast, "the governor") != "", cast
    assert owner(cast, "Deputy Harmon") != owner(cast, "Mr. Vane"), cast


def test_a_performer_announced_to_the_crowd_and_a_town_beside_its_country_are_not_who_answers():
    """"the one, the only, Mademoiselle Celestine!" presents her to the crowd: the clown who speaks next is not
    her; "Paris, France" and "Hamtramck, Michigan" are places, whatever a name list says of Paris and France."""
    text = ("\"Ladies and gentlemen!\" The Governor's voice came rolling round the canvas. \"Direct from the Cirque "
            "d'Hiver of Paris, France, the Queen of the Air, the one, the only, Mademoiselle Celestine!\"\n\n"
            "\"Paris, France,\" said Pickles, at her elbow. \"She's from Hamtramck, Michigan. She's never been "
            "further east than Buffalo.\"\n\n\"Hush,\" said Edie.\n\n\"Don't hush me, kid,\" said Pickles.\n")
    cast = discover_characters(text)
    assert {"Paris", "France", "Michigan", "Hamtramck"}.isdisjoint(cast), cast
    assert owner(cast, "Mademoiselle Celestine") != owner(cast, "Pickles"), cast



def test_a_name_called_in_words_a_quote_quotes_is_no_call_and_a_nickname_is_the_paragraphs_man():
    """‘I said “It’s all right, Grandad,” and then I lied to him’: said to the dead man then, not to the porter
    who answers now. "Dr. Pemberton came through... every nurse called him Bambi": the doctor's nickname."""
    text = ("Dr. Pemberton came through the doors at a half-run. He was twenty-five and looked fifteen, with big brown "
            "eyes, which was why every nurse on the floor called him Bambi.\n\n"
            "‘Evening, ladies,’ said Dr. Pemberton.\n\n‘Marta can bleep Bambi,’ said Grace.\n\n"
            "‘Bambi,’ said Marta. ‘Sister, you said Bambi.’\n\n"
            "Kieran sat in the shelter with Spud. Mr. Hesketh had died at two.\n\n"
            "‘It’s all right, Grandad,’ Kieran had said to him at midnight.\n\n"
            "‘I said Grandad. I said “It’s all right, Grandad,” and then I lied to him about the match.’\n\n"
            "‘Best kind of lie there is,’ said Spud.\n\n‘Was it?’ said Kieran.\n\n‘It was,’ said Spud.\n")
    cast = discover_characters(text)
    assert owner(cast, "Grandad") != owner(cast, "Spud"), cast
    assert owner(cast, "Bambi") == owner(cast, "Dr. Pemberton") != "", cast



def test_which_was_how_he_had_become_spook_names_the_sergeant_the_paragraph_is_about():
    text = ("Sergeant Gerald Adams was sitting on the edge of a desk with a cup of coffee on his knee. He moved so "
            "quietly that a constable had once turned round, found him standing there and screamed, which was how he "
            "had become Spook.\n\n\"With respect, Colonel,\" Spook said. \"They left his watch.\"\n\n"
            "\"Find it,\" said Colonel Pieterse.\n\nSpook put the coffee down.\n")
    cast = discover_characters(text)
    assert owner(cast, "Spook") == owner(cast, "Sergeant Gerald Adams") != "", cast


def test_a_two_letter_call_that_starts_a_longer_name_is_the_teller_and_you_must_be_names_him():
    text = TOLD_AS_I + ("\"Wool away, Wi,\" says Koro without looking up.\n\n\"Coming,\" I say.\n\n"
                        "\"Wi,\" says Aunty Mere. \"Bring the tea.\"\n\nI bring it.\n\n"
                        "\"You must be Wiremu,\" says the vet, and she says it right.\n\n\"Yes,\" I say.\n")
    cast = discover_characters(text)
    assert owner(cast, "Wi") == teller(cast) == owner(cast, "Wiremu") and gender_of(cast, "Wi") == "M", cast


def test_mama_tobi_all_chapter_is_the_mother_and_tobi_her_son_and_chief_bakare_said_he_is_no_daughter():
    text = ("Mama Tobi had been awake for three hours. She stood in the parlour with her list.\n\n"
            "\"Tobi, get up,\" said Mama Tobi.\n\n\"I am up,\" said Tobi, and he pulled the sheet over his head.\n\n"
            "Chief Bakare lowered his newspaper. He had dressed for the day as he always did.\n\n"
            "\"Leave the boy,\" said Chief Bakare.\n\n\"Leave him?\" said Mama Tobi. She looked at her husband.\n\n"
            "\"Funmilayo Bakare, come down,\" said Mama Tobi.\n\n\"Coming, Mama,\" said Funmilayo.\n\n"
            "Chief Bakare folded his paper and went out. He did not look back.\n")
    cast = discover_characters(text)
    assert owner(cast, "Mama Tobi") != owner(cast, "Tobi") and gender_of(cast, "Mama Tobi") == "F" \
        and gender_of(cast, "Tobi") == "M", cast
    assert owner(cast, "Chief Bakare") != owner(cast, "Funmilayo"), cast


def test_a_junction_the_conductor_shouts_and_a_dog_that_thumps_his_tail_are_no_one():
    text = ("\"Yaba! Yaba! Ojuelegba, Yaba!\" the conductor shouted.\n\n"
            "The traffic at Ojuelegba had locked itself into one metal animal.\n\n"
            "\"Ojuelegba! Who dey drop Ojuelegba?\" said the conductor.\n\n\"Not me,\" said Funmi.\n\n"
            "Moss is lying in the doorway. Koro puts a hand on the dog's side, and Moss thumps his tail once.\n\n"
            "\"What's up with Moss?\" said Koro.\n\n\"Nothing,\" said Funmi. \"Moss is old.\"\n")
    cast = discover_characters(text)
    assert owner(cast, "Ojuelegba") == "" and owner(cast, "Moss") == "", cast


def test_the_job_who_came_in_and_spoke_is_the_name_the_answer_calls_her():
    text = ("Round eight the boss comes in, still in her gumboots. She walks the board, and she leans on the table "
            "beside Koro and watches him work.\n\n\"How's it looking?\"\n\n\"Good line of wool, Helen.\"\n\n"
            "\"That'll be the dry.\" She rubs her eyes.\n\n\"We'll get them in,\" Koro says.\n\n"
            "\"By four,\" the boss says, and goes out.\n\n"
            "\"Helen's fine,\" says Koro later. \"She always is.\"\n")
    one_person(text, "the boss", "Helen")


def test_an_irish_o_before_a_surname_is_part_of_the_name():
    text = TOLD_AS_I + ("Mr. O'Connell comes round the corner with a stack of copies.\n\n"
                        "\"Mr. Byrne. Mr. Kehoe.\" He stops in front of us. \"A word.\"\n\n\"Sir,\" says Dessie.\n\n"
                        "\"Friday, Mr. Byrne,\" says O'Connell. \"On my desk.\"\n\nO'Connell goes off down the corridor.\n")
    cast = discover_characters(text)
    assert owner(cast, "O'Connell") == owner(cast, "Mr. O'Connell") != "" and gender_of(cast, "O'Connell") == "M", cast


def test_a_title_said_to_the_friend_before_the_speaker_turns_to_me_is_not_the_tellers():
    text = TOLD_AS_I + ("Mr. O'Connell comes round the corner with a stack of copies and stops in front of us.\n\n"
                        "\"Friday, Mr. Byrne, on my desk before the bell.\" He turns to me. \"And yourself, Cian?\"\n\n"
                        "\"Monday, sir,\" I say.\n\n\"Mr. Byrne,\" he says again, but Dessie is already gone.\n\n"
                        "\"Cian, wait,\" says Ma at the gate.\n")
    cast = discover_characters(text)
    assert owner(cast, "Mr. Byrne") != teller(cast) and owner(cast, "Cian") == teller(cast), cast


def test_miss_called_twice_is_a_child_calling_the_teacher_who_tells_the_story():
    text = TOLD_AS_I + ("Amira was at my elbow before she had her coat off. \"Miss. Miss Patel. It's my mum coming "
                        "tonight.\"\n\n\"Thank you, Amira,\" I said.\n\n"
                        "Thirty names, and the usual chorus of good morning Miss Patel.\n\n"
                        "\"Delivery for you, Miss Patel,\" said Stan.\n\n\"Thank you, Stan,\" I said.\n\n"
                        "\"Miss Patel, might I borrow you?\" said Dean.\n\n\"Go on,\" I said.\n\n"
                        "\"Mind how you go, Miss Patel,\" Stan said.\n\n\"Night, Stan,\" I said.\n\n"
                        "\"Anj, the list,\" said Dean.\n\n\"Here,\" I said.\n\n\"Anj, you're a star,\" said Dean.\n")
    cast = discover_characters(text)
    assert owner(cast, "Miss Patel") == teller(cast), cast
    quotes = attribute(text, cast)
    assert quotes[0].speaker == owner(cast, "Amira"), [(q.text[:20], q.speaker) for q in quotes]


def test_mr_hoffman_is_the_one_man_named_after_the_hoffmans_and_no_mrs_campbell():
    text = ("The Hoffmans had taken the seats opposite. Brad had gone very quiet.\n\n"
            "\"I don't believe I want to see it,\" said Brad.\n\nMorag went to the window.\n\n"
            "\"Look at the horizon, Mr. Hoffman,\" Morag said. \"Not the water.\"\n\nThe boat rolled.\n\n"
            "\"Is it always like this?\" said Linda.\n\n\"In January,\" said Morag.\n\n"
            "Later the door opened and the Hoffmans came in, Brad first this time.\n\n\"What do you recommend?\" "
            "said Brad.\n\nThe rain came on.\n\n"
            "\"Is that us, then, Morag?\" Mrs. Campbell called from the doorway.\n\n"
            "\"That's us, Mrs. Campbell,\" said Morag.\n")
    cast = discover_characters(text)
    assert owner(cast, "Mr. Hoffman") == owner(cast, "Brad") != owner(cast, "Mrs. Campbell"), cast


def test_the_purser_is_the_man_in_the_pursers_cap():
    text = ("The door opened and Angus MacRae put his head in, his purser's cap pushed back.\n\n"
            "\"Rough one,\" said Gus.\n\n\"Is it always?\" said Linda.\n\n\"Hm,\" said the purser, and went out.\n\n"
            "\"He's nice,\" said Linda.\n\n\"Gus is all right,\" said Morag.\n\n"
            "\"Tickets,\" said the purser at the door.\n")
    one_person(text, "Angus MacRae", "the purser")


def test_a_stove_that_roars_is_no_one():
    text = ("Alfie's kitchen holds a Rayburn, a table and three chairs.\n\n\"Sit down,\" Alfie says.\n\n"
            "Every few seconds a gust finds the gap under the door and the Rayburn roars.\n\n\"Tea?\" says Alfie.\n\n"
            "\"Please,\" says Amy, and the Rayburn roars again.\n\n\"Milk?\" says Alfie, by the Rayburn.\n")
    cast = discover_characters(text)
    assert owner(cast, "Rayburn") == "" and owner(cast, "the Rayburn") == "", cast


def test_a_short_name_no_list_knows_is_the_long_one_it_ends_and_takes_its_gender():
    text = TOLD_AS_I + ("My sister is at the urn, naturally. Morwenna has been at the urn for every funeral.\n\n"
                        "\"Thanks, Wenna,\" I say.\n\n\"Go home, Wenna,\" I say later.\n\n\"Wenna,\" I say. \"Alfie's "
                        "on his own.\"\n\n\"Jacko, you can't go barging in,\" says Wenna.\n")
    cast = one_person(text, "Wenna", "Morwenna")
    assert gender_of(cast, "Wenna") == "F", cast


def test_a_girl_a_boat_is_named_for_is_still_a_girl():
    text = ("They brought him in off the Marigold two winters gone, his heart stopped somewhere past the Point. "
            "The Marigold has sat on her mooring since.\n\n\"Marigold was seen on the quay at eleven,\" said Amy. "
            "\"Going up the steps.\"\n\n\"Does Marigold know about the boat?\" asked Ted.\n\n"
            "The door opened.\n\n\"Mum,\" says Marigold.\n\nHer mother looks past Marigold at the rain.\n")
    cast = discover_characters(text)
    assert owner(cast, "Marigold") != "" and gender_of(cast, "Marigold") != "M", cast


def test_the_days_someone_works_are_no_one():
    text = ("\"Who does Thursdays?\" Ma asks.\n\n\"Thursdays,\" says Dot. \"Bill, you do Thursdays.\"\n\n"
            "\"I do Thursdays and Saturdays,\" says Bill.\n\n\"Saturdays,\" Dot says, \"are mine.\"\n")
    cast = discover_characters(text)
    assert owner(cast, "Thursdays") == owner(cast, "Saturdays") == "" != owner(cast, "Dot"), cast


def test_nani_said_again_and_again_is_the_one_woman_the_prose_says_is_old_later_in_a_sentence():
    text = ("Pushpa Arora sits on the stool nearest the stove, because she is seventy-nine and the stool is hers.\n\n"
            "\"Too much salt,\" she says.\n\n\"You salted it, Nani,\" says Meena Arora, chopping.\n\n"
            "\"Then it was right when I salted it.\"\n\nNani waves her spoon at the door. \"Meena, the rice.\"\n\n"
            "\"Coming, Nani.\"\n\nMeena Arora is twenty-four and getting married on Sunday.\n")
    cast = one_person(text, "Pushpa Arora", "Nani")
    assert owner(cast, "Meena Arora") != owner(cast, "Nani"), cast


def test_two_sisters_jo_and_tracey_keep_their_names_apart_and_each_calling_dad_makes_neither_dad():
    text = ("Ron Pegg was propped up on three pillows. His daughters had the chairs: Tracey Pegg by the window, "
            "Jo on the floor by the bed.\n\n\"Dad,\" said Tracey.\n\n\"Dad,\" said Jo, at the same moment.\n\n"
            "\"Both of you,\" said Ron. \"Always both of you.\"\n\n\"Jo doesn't want a prayer,\" said Tracey.\n\n"
            "\"Did you, Joanne?\" said Ron.\n\n\"I said it to the nurse,\" said Jo.\n\n"
            "\"He said, 'Jojo, there's a God,'\" said Tracey.\n\n\"Trace, he calls you Tracey when he's cross,\" said Jo. "
            "\"People say things.\"\n")
    cast = one_person(text, "Tracey", "Trace", "Tracey Pegg")
    assert owner(cast, "Jo") == owner(cast, "Joanne") not in ("", owner(cast, "Tracey")), cast
    assert owner(cast, "Dad") in ("", owner(cast, "Ron Pegg")) and owner(cast, "People") == "", cast


def test_a_mother_whom_the_father_calls_bridie_is_not_the_father_christy():
    text = ("I was eleven the winter Da lost the job at the gasworks. Ma wrapped his suit in brown paper.\n\n"
            "'It's my suit, Bridie,' Da said, 'and I'll pawn it if I like.'\n\n'Don't be filling her head, Christy,' "
            "Ma said.\n\nDa crouched down beside me, his cap in his two hands.\n\n'Will your oul' fella get a start?' "
            "he said.\n\n'You will, Da,' I said.\n\nMrs. Cullen put her head round the door. 'Tell Christy Brennan "
            "that medal of his goes in the window,' she said.\n\nMy name is Nora Brennan and I remember it all.\n")
    cast = discover_characters(text)
    assert owner(cast, "Ma") == owner(cast, "Bridie") != "", cast
    assert owner(cast, "Christy") not in ("", owner(cast, "Bridie")), cast
    assert gender_of(cast, "Christy") == "M", cast


def test_a_company_said_to_be_one_is_no_one_and_a_given_names_last_syllable_is_its_bearer():
    text = ("Tan Wei Ling is standing on a chair. \"Joel, headphones off,\" she says.\n\n"
            "\"Nobody calls me Ms. Tan except the bank,\" says Wei Ling.\n\n"
            "\"I am bringing someone from Lumo,\" Benedict says.\n\n"
            "Lumo is the ride-hailing company that has spent two years buying up start-ups.\n\n"
            "\"Why Lumo?\" asks Arjun.\n\n\"Because Lumo asked me why you,\" Benedict says.\n\n"
            "\"Ling, come back under,\" says Arjun.\n\n\"Ah Ling? Where are you?\" her mother says.\n")
    cast = one_person(text, "Ling", "Wei Ling", "Tan Wei Ling", "Ms. Tan")
    assert owner(cast, "Lumo") == "", cast
    # but a chef whom someone calls a brand is still a man
    text = ('"Marco Bellini is a brand," said Dana.\n\n"Marco Bellini is a cook," said Luis. Marco Bellini laughed.\n')
    assert owner(discover_characters(text), "Marco Bellini") != ""


def test_in_a_story_told_as_i_a_dad_only_others_say_is_the_titled_father_of_their_family():
    # a hospice night told by its nurse: Ron Pegg's daughters call him Dad; the nurse never does
    path = Path(__file__).parents[1] / "data" / "chapters" / "unseen" / "blind-123a.txt"
    cast = discover_characters(path.read_text(encoding="utf-8"))
    assert owner(cast, "Dad") == owner(cast, "Ron Pegg") != "", cast
    assert owner(cast, "Jo") not in ("", owner(cast, "Tracey"), owner(cast, "Ron Pegg")), cast
    assert owner(cast, "Trace") == owner(cast, "Tracey") and owner(cast, "People") == "", cast


def test_two_letters_cut_off_a_name_by_a_bad_encoding_are_no_name_however_often_tagged():
    text = ('"How I wish I was a man," said Th?r?se de Vitr?.\n\n"Why?" said Tony.\n\n'
            '"The same ship," said Th?r?se.\n\n"Yes," said Jo. "Always," said Jo.\n')
    cast = discover_characters(text)
    assert owner(cast, "Th") == "" and owner(cast, "Jo") != "", cast


def test_a_nickname_said_to_the_teller_and_answered_without_a_tag():
    text = ("The physio room at the club smells of liniment and wet carpet. I am rolling bandages into the kit "
            "bag when Bomber shoulders the door open with his good side. "
            + "I have done this job for eleven years and I know my players better than I know my own family. " * 4 + "\n\n"
            "“You busy, Howellsy?”\n\n“Packing up for the summer. So yes and no.”\n\n"
            "He sits on the edge of the plinth. “Did the doctor ring you, Siân?”\n\n“She emailed. Yesterday.”\n\n"
            "The door bangs again and Clive Rees puts his head round it. “What’s going on in here?”\n\n"
            "“Nothing,” says Bomber.\n\n“Right.” Clive folds the team sheet. “Howellsy, is he fit for a pint?”\n\n"
            "“He’s fit for two. Don’t let him lift the trophy with his right arm, Clive.”\n\n"
            "“Thanks, Siân,” Bomber says, and I go back to my bandages.\n")
    cast = discover_characters(text)
    narrator = teller(cast)
    assert {"Howellsy", "Siân"} <= {narrator, *cast[narrator].aliases}, cast


def test_a_paragraph_opening_on_someones_room_goes_on_about_her_and_a_bride_is_a_woman():
    text = ("I lay under the ceiling fan and listened to the generator. Upstairs, somebody screamed.\n\n"
            "Morayo’s room smelled of hair spray and hot iron. She was sitting on the edge of the bed with her "
            "phone at arm’s length.\n\n“Kunle,” Morayo said. “Tell me this is not happening.”\n\n"
            "“I don’t know what’s happening.”\n\nTobi’s mother came in then. She did not knock.\n\n"
            "“Tobi, the car is here,” said Mrs. Ade.\n\n“Coming,” Tobi said, and he went.\n\n"
            "Then the organ started, and the bride was at the back of the church. “Is it time?” the bride said.\n")
    cast = discover_characters(text)
    assert cast[owner(cast, "Morayo")].gender == "F", cast
    assert cast[owner(cast, "Tobi")].gender == "M", cast
    assert cast[owner(cast, "the bride")].gender == "F", cast


def test_a_name_said_after_a_greeting_is_someone_called_and_a_nickname_the_village_knew_him_by_is_his():
    text = ("By six it had been dark for three hours. Gordie had wedged a rolled towel against the door. Owen sat "
            "at the long table with a bowl of Gordie’s curry going cold in front of him.\n\n"
            "“If you’re not going to eat that, Hale, I’ll have it back.”\n\n“I’m eating it.”\n\n"
            "“He took a piece at half three.” Gordie wiped his hands on the tea towel.\n\n"
            "“Thanks, Gordie.”\n\nWalter Greaves had been known in the village as “Noah” ever since the lane went "
            "under for a fortnight. Walter came in and sat down.\n\n“Evening, Noah,” Owen said.\n\n"
            "“Don’t encourage him,” said Gordie.\n")
    cast = discover_characters(text)
    assert owner(cast, "Gordie") != "", cast
    assert owner(cast, "Noah") == owner(cast, "Walter Greaves") != owner(cast, "Gordie"), cast


def test_mum_said_by_a_sister_is_the_mother_the_teller_calls_mummy_but_not_when_mum_says_mummy():
    text = ("I had been home for two days. " + "I slept and I ate and I helped where I could. " * 6 + "\n\n"
            "My mother was at the table with her orange. “Chiamaka, sit,” Mummy said.\n\n"
            "“I am sitting, Mummy.”\n\nAda came down the stairs two at a time.\n\n"
            "“The rest are all Mum’s church,” Ada said. “I know forty people.”\n\n"
            "Someone called her from the yard.\n\n“Coming, Mum!” Ada said, and went.\n")
    cast = discover_characters(text)
    assert owner(cast, "Mum") in ("", owner(cast, "Mummy")), cast
    assert owner(cast, "Mummy") != "", cast


def test_reesy_is_clive_rees_and_the_full_name_his_mother_scolds_is_bomber_llewellyns():
    text = ("The door bangs open and Clive Rees puts his head round it. Twenty years coaching this club.\n\n"
            "“What’s going on in here?” Reesy says.\n\n“Nothing,” says Bomber.\n\n"
            "Bomber Llewellyn has played for this club since he was six. His mother, Eirlys Llewellyn, has watched "
            "every game.\n\n“Thanks, Reesy,” Bomber says.\n\n"
            "Eirlys comes in under the bridge and shakes the umbrella at him. “Gareth Llewellyn, you are thirty-four "
            "years of age. What are you doing?”\n\n“It’s my shoulder,” Bomber says.\n")
    cast = discover_characters(text)
    assert owner(cast, "Reesy") == owner(cast, "Clive Rees") != "", cast
    assert owner(cast, "Gareth Llewellyn") == owner(cast, "Bomber") != owner(cast, "Eirlys"), cast


def test_jean_who_runs_the_cafe_is_a_woman_and_dod_said_to_her_husband_is_not_her():
    assert first_name_gender("Jean") in ("F", "f") and first_name_gender("Alexis") in ("M", "m")
    text = ("The glass had been falling since midnight. " + "I wiped the counter and I filled the urn and I watched "
            "the harbour. " * 8 + "\n\n\"There's a big sea getting up, Jean,\" said Hector.\n\n"
            "I said nothing. I had known Hector forty years and I knew when he was frightened, and I knew when he "
            "wanted me to tell him he was wrong.\n\n"
            "Hector wiped his mouth. \"Your father and me were out in worse than this. Eh, Dod?\"\n\n"
            "\"We were young and stupid,\" said George.\n\n\"Morning, Mrs. Munro,\" said Oliver.\n\n"
            "\"Morning, Oliver,\" I said.\n\n\"Coffee, Mrs. Munro, if it's no trouble.\"\n\nI poured it.\n\nThe coxswain didn't even look at George. \"You're sixty-three, Dod.\"\n\n"
            "\"I know fine what age I am.\"\n\n\"Jean! Go home!\" said Hector.\n")
    cast = discover_characters(text)
    narrator = teller(cast)
    assert cast[narrator].gender == "F" and "Mrs. Munro" in cast[narrator].aliases, cast
    assert "Dod" not in (narrator, *cast[narrator].aliases), cast


def test_the_young_chilean_is_a_description_of_matias_not_a_man_called_chilean():
    text = ("Owen sat at the long table with a bowl of curry going cold in front of him.\n\n"
            "“If you’re not going to eat that, Hale, I’ll have it back,” said Gordie.\n\n"
            "Across the table, Matías Fuentes laughed, then looked guilty about laughing. He was twenty-four, and he "
            "had come south from Punta Arenas with a guitar.\n\n"
            "“He is thinking about his wife,” the young Chilean said. “He has the face.”\n\n"
            "“I’m thinking about basal melt,” Owen said.\n")
    cast = discover_characters(text)
    assert owner(cast, "Chilean") == "", cast
    quotes = [q for q in attribute(text, cast) if q.text.startswith("He is thinking")]
    assert quotes and quotes[0].speaker == owner(cast, "Matías Fuentes"), quotes


def test_a_line_announced_to_the_room_answers_no_one_called_dad():
    """`"It was a steer, Dad."` / `"Water's at the bottom step," Shane announced to the bar at large`:
    the publican speaks to everyone, and is not the father she called."""
    text = ("Frank Halloran stood at the window of the pub with Shane, the publican, watching the street.\n\n"
            "“Creek’s up,” said Frank. “I might be busy.”\n\n"
            "“Doing what?” said Shane. “You can’t get home, Frank.”\n\n"
            "Frank looked at his daughter, Tess, for a long moment.\n\n“This was a set-up,” he said.\n\n"
            "“It was a steer, Dad.”\n\n"
            "“Water’s at the bottom step of the church,” Shane announced to the bar at large, and the bar cheered.\n\n"
            "“Morning, Dad,” said Tess.\n\n“Morning,” said Frank.\n")
    cast = discover_characters(text)
    shane = owner(cast, "Shane")
    assert "Dad" not in {shane, *cast[shane].aliases}, cast
    assert owner(cast, "Frank Halloran") != shane


def test_a_job_with_a_word_before_it_is_the_one_the_next_sentence_names_and_a_name_said_back_is_his_nickname():
    text = ('"Sit down, Sergeant," said Fiona Strachan. "Owen, you\'d better tell him."\n\n'
            "The platform medic had been standing by the filing cabinet. Owen Pryce was a lanky man in his thirties.\n\n"
            '"I think he fell," the medic said slowly. "I think he probably fell."\n\n'
            '"Who found him?" Hardie asked.\n\n"Colin Tait. A roustabout."\n\n"Tattie," said Owen.\n\n'
            '"Tattie," Strachan agreed. "Nobody here knows him by anything else."\n\n'
            "Tattie went ahead along the walkway.\n\n"
            '"This is it," said Tattie. "The north stair."\n\n'
            "The medic said nothing for a moment.\n\n"
            '"He was right there," said Strachan.\n')
    found = discover_characters(text)
    medic = one_person(text, "Owen", "Owen Pryce", "the medic")
    assert owner(medic, "Fiona Strachan") != owner(medic, "the medic")
    one_person(text, "Tattie", "Colin Tait")
    assert owner(found, "Tattie") != owner(found, "Owen")


def test_the_name_a_tagged_line_calls_the_woman_beside_him_is_mams_and_sis_is_no_one_of_her_own():
    text = ("My sister Aoife stood in the porch. Mam looked out at the weather from under it.\n\n"
            "'We'll drown,' she said.\n\n"
            "'You won't drown, Bernie,' said Uncle Pascal, who was sheltering beside her. 'You've stood out in worse.'\n\n"
            "'I have not,' I said.\n\nMam shook the rain off her hat.\n\n"
            "'Are you all right, Sis?' I asked Aoife.\n\n'I'm grand,' said Aoife.\n\n"
            "'Sis.'\n\n'Give me a second.'\n\n"
            "'Bernie, come in out of that,' said Uncle Pascal.\n\n'I'm coming,' said Mam.\n")
    found = discover_characters(text)
    assert owner(found, "Bernie") == owner(found, "Mam") != ""
    assert owner(found, "Sis") in ("", owner(found, "Aoife"))


def test_a_pet_name_after_an_apposition_a_job_come_in_named_by_the_next_paragraph_and_a_name_one_says_one_was_called():
    text = ("In the parlour the three daughters of the Rector sat about the fire. Sophia, the youngest, a thin brown "
            "creature of twelve whom the whole household called Linnet, lay upon the hearthrug.\n\n"
            '"Is it raining?" asked Linnet.\n\n"Will be happy to do what, my dear?" inquired a mild voice; and the Rector '
            "came in, with his spectacles pushed up upon his forehead.\n\n"
            "Mr Lowther was a tall, stooping, gentle man of sixty.\n\n"
            '"To dine at the Hall, Papa," said Harriet.\n\n"And Margaret?" said the Rector.\n\n'
            '"Linnet may come," said the Rector.\n\n"Sophia, sit up," said Harriet.\n')
    one_person(text, "Linnet", "Sophia")
    one_person(text, "the Rector", "Mr Lowther")
    flight = ("His name is Oliver Dace. Nobody has called him Oliver since his second month on the line.\n\n"
              '"I want it on record," says Biscuit, "that I am still hungry."\n\n'
              '"Go to bed, Oliver," said Ruth.\n\n"Oliver," says Biscuit. "She called me Oliver. I\'m in trouble."\n\n'
              '"You are," said Ruth.\n')
    found = one_person(flight, "Biscuit", "Oliver Dace")
    assert owner(found, "Ruth") != owner(found, "Biscuit")


def test_a_name_no_list_knows_acting_once_after_a_line_and_spoken_to_is_someone():
    # present tense: "Dev grins" after his own line, "Dev, you've the floor" said to him
    text = ("Grace sits at the station with the drug chart open in front of her.\n\n"
            "Dev Sandhu comes round the corner with a stack of pillowcases under his chin.\n\n"
            "\u201cRoom four\u2019s settled,\u201d he says.\n\n\u201cGood.\u201d\n\n"
            "\u201cMy uncle says he saw him fight once.\u201d Dev grins, then checks himself. \u201cSorry, Sister.\u201d\n\n"
            "\u201cDon\u2019t be sorry.\u201d Grace reaches for the umbrella. \u201cDev, you\u2019ve the floor.\u201d\n")
    found = one_person(text, "Dev", "Dev Sandhu")
    assert found[owner(found, "Dev")].gender == "M"


def test_a_name_opening_the_line_of_one_who_turned_to_someone_is_theirs():
    chips = ("Nan sat at the table by the window with Ellie, and I stood at the counter.\n\n"
             "\u2018Two cod,\u2019 said Nan.\n\n\u2018And a pickled egg,\u2019 said Ellie.\n\n"
             "Enzo laughed and waved the tongs at Nan. \u2018Maureen. Let her have the egg. Tonight is on the house.\u2019\n\n"
             "\u2018You\u2019re a soft touch, Enzo,\u2019 said Nan.\n")
    found = one_person(chips, "Maureen", "Nan")
    assert owner(found, "Ellie") != owner(found, "Nan")
    squad = ("DC Beth Cole sat at the desk by the window. DS Owen Pritchard was at the whiteboard.\n\n"
             '"First post-mortem?" said Pritchard.\n\n"Yes, Sarge," said Beth.\n\n'
             'Pritchard grins across at the constable. "Lucky you, Bambi. Don\'t have the gravy for lunch."\n')
    one_person(squad, "Bambi", "Beth")


def test_guv_is_the_one_inspector_and_a_call_in_a_line_whose_narration_turns_to_a_third_is_not_the_last_speakers():
    text = ("DI Frances Hale stands at the whiteboard. DS Owen Pritchard and DC Beth Cole sit at their desks.\n\n"
            '"Where are we with him?"\n\n"Wharf Street, Guv." Pritchard doesn\'t look up.\n\n"Receiving what?"\n\n'
            '"Lead."\n\n"He always does start without you, though, Guv."\n\n'
            'Beth calls over from the towpath. "Ma\'am. There\'s a padlock on the hatch."\n\n'
            'Pritchard\'s eyes go to Hale\'s coat pocket. "Want to try it, Guv?"\n\n'
            '"Not without a warrant."\n\n"Tonight, Guv?" says Pritchard.\n\n"Tonight."\n')
    found = one_person(text, "Guv", "DI Frances Hale")
    assert owner(found, "Beth") != owner(found, "Guv")


def test_what_a_room_smells_of_is_no_one_but_a_name_after_a_long_list_of_smells_is():
    text = ("The changing room smelled the way it always smelled on a Saturday, of Deep Heat and wet concrete. "
            "Someone had taped a notice by the door, \u2018NO STUDS ON THE BENCHES\u2019. Ozzy was on the bench.\n\n\u2018Phones away,\u2019 said Fenwick.\n\n\u2018Fine,\u2019 said Ozzy.\n\n"
            "The office smells of instant coffee and the durian puffs someone left in the pantry on Friday, and "
            "Tan Wei Ling is standing on a chair.\n\n\u2018Can everyone hear me?\u2019 says Tan Wei Ling.\n")
    names = every_name(discover_characters(text))
    assert "Deep Heat" not in names
    assert "Tan Wei Ling" in names


def test_a_real_name_given_late_in_a_long_paragraph_is_the_one_it_opened_on_and_a_girl_of_nine_is_no_mrs():
    text = ("Ozzy slid the phone into his bag with the face of someone being asked to put down a puppy. He was "
            "captain because he was loud and because he never got tired, and because in Year Seven he had broken "
            "his wrist against Meadowfield and played on for twenty minutes before anyone noticed. His real name "
            "was Liam Osborne, but apart from teachers nobody had called him that in four years.\n\n"
            "\u2018Right,\u2019 said Ozzy.\n\nEllie Pryce was nine and hadn\u2019t yet learned that there were things "
            "you didn\u2019t shout. Nan stood beside her under the umbrella.\n\n\u2018Come on!\u2019 shouted Ellie.\n\n"
            "\u2018Mr Fenwick, you\u2019ll not be dropping him for that,\u2019 said Nan.\n\n"
            "\u2018Wouldn\u2019t dream of it, Mrs Pryce,\u2019 said Fenwick.\n")
    found = one_person(text, "Ozzy", "Liam Osborne")
    assert owner(found, "Mrs Pryce") != owner(found, "Ellie")


def test_a_flare_hissing_a_city_come_from_and_an_amber_alert_are_no_one_and_a_cook_called_he_is_no_mum():
    road = ("The rig lay across both lanes. Flares hissed along the centerline where someone had laid them.\n\n"
            "\u201cAmber alerts, anything out of Colorado?\u201d said Ruth.\n\nIt was not an Amber alert. It was a request "
            "to locate out of the Denver police.\n\n\u201cThree hundred miles from Denver,\u201d said Ruth.\n\n"
            "\u201cA bulletin out of Denver,\u201d said Dale.\n\n\u201cFrom Denver again,\u201d said Ruth.\n")
    names = every_name(discover_characters(road))
    assert not names & {"Flares", "Amber", "Denver"}, names
    cake = ('"It\'s the cake, Thomas!" cries his mother. "It\'s all over the cake!"\n\n'
            '"It\'s a cake, Mum. It was always going to get wet," said Tom.\n\n'
            '"Out the way, out the way." Pugh from the hotel shoulders through with an armful of tablecloths, his whites '
            'gone grey. "Top tier\'s finished," he says.\n\nPugh wipes his hands on his apron. He looks at the cake.\n\n'
            '"Thank you, Pugh," said Tom.\n')
    found = discover_characters(cake)
    assert owner(found, "Mum") != owner(found, "Pugh") and found[owner(found, "Pugh")].gender == "M"


def test_a_minister_by_title_and_surname_is_what_her_pronouns_say_and_call_me_pam_is_mrs_ashbys_other_name():
    text = ('"God is in everything," says a voice from the passage. The Reverend Parry comes in sideways with her gown '
            'over one arm. She is small and brisk.\n\n"Good," says the Reverend Parry.\n\n"Thank you," said Gwen.\n\n'
            'The door swings open, and Mrs Ashby comes in wearing a quilted dressing gown.\n\n'
            '"Call me Pam," she says. "Please. Everyone calls me Mrs Ashby as if I\'m a headmistress."\n\n'
            '"All right," said Gwen.\n\n"Thank you, love," says Pam.\n')
    found = one_person(text, "Pam", "Mrs Ashby")
    assert found[owner(found, "Reverend Parry")].gender == "F"


def test_a_nickname_is_not_the_uncle_named_beside_it_and_a_homestead_calling_twice_on_the_radio_is_no_one():
    text = ("The door banged. The rouseabout came in out of the wet. Everyone on Mundaroo had called him Wren since his "
            "first muster, when he fell off a yard rail so quietly that Uncle Stan said afterwards he never heard him "
            "land.\n\n\"Sorry, Mrs Tully,\" said Wren.\n\nUncle Stan came in behind him.\n\n\"Creek's up,\" said Uncle Stan.\n\n"
            "\"How far?\" said Wren.\n\nMrs Tully took the handpiece off its hook on the radio.\n\n"
            "\"Base, base, this is Mundaroo, Mundaroo. Over.\"\n\n\"Mundaroo, this is base. Go ahead. Over.\"\n\n"
            "\"Mundaroo again,\" said Wren. \"She's calling Mundaroo's doctor.\"\n")
    found = discover_characters(text)
    assert owner(found, "Wren") and owner(found, "Wren") != owner(found, "Uncle Stan"), found
    assert "Mundaroo" not in every_name(found), found


def test_a_mrs_beside_a_mr_of_the_name_is_the_woman_of_either_sex_first_name_the_prose_calls_she():
    text = ("Jo Keane had given up shouting over the rain. She stood at the stove and stirred, and she did not look "
            "round.\n\nThe screen door banged and Dusty came in dripping.\n\n\"Sorry about the floor, Mrs Keane,\" said "
            "Dusty.\n\nNeil Keane came in behind him and hung his hat on the nail.\n\n\"Evening, Mr Keane,\" said Dusty."
            "\n\n\"Creek's up,\" said Neil. \"Jo, where's the torch?\"\n\nJo found it in the drawer. She gave it to him."
            "\n\n\"Thanks, Mrs Keane,\" said Dusty, \"for the tea.\"\n")
    found = one_person(text, "Jo Keane", "Mrs Keane")
    assert owner(found, "Mr Keane") == owner(found, "Neil") != owner(found, "Jo Keane")


def test_the_one_at_the_desk_of_the_jobs_office_is_the_job():
    text = ("The Heidie\u2019s office smelled of radiators. We had been in it twice before.\n\n"
            "Mrs Ogilvie sat behind her desk with her glasses in her hair. Mr Rennie stood at the window.\n\n"
            "\u2018Sit down, boys,\u2019 said Mrs Ogilvie.\n\n\u2018Thank you, miss,\u2019 I said.\n\n"
            "\u2018Mr Rennie tells me you were on the roof,\u2019 the Heidie said.\n\n"
            "\u2018We were,\u2019 I said.\n\n\u2018Well, don\u2019t,\u2019 said the Heidie.\n\n"
            "\u2018He is quite right, Mrs Ogilvie,\u2019 said Mr Rennie.\n")
    found = one_person(text, "Mrs Ogilvie", "Heidie")
    assert owner(found, "Mr Rennie") != owner(found, "Mrs Ogilvie")


def test_the_woman_a_neighbour_calls_by_name_asking_after_your_teller_is_mum():
    text = (TOLD_AS_I + "Mum was at the sink and Ellie was eating her cereal.\n\n\u2018Eat up, pet,\u2019 Mum said.\n\n"
            "\u2018Callum, look at the state of your hand.\u2019\n\n\u2018It\u2019s fine, Mum,\u2019 I said.\n\n"
            "\u2018It is not fine, Callum.\u2019\n\n"
            "There was a knock at the door.\n\n\u2018Moira? Moira, hen, it\u2019s only me.\u2019\n\n"
            "It was Mrs Laird from across the landing. Mum went and opened the door.\n\n"
            "\u2018I\u2019ll no keep you,\u2019 she said. \u2018Was that your Callum I seen coming up the close at "
            "eleven like a drowned rat?\u2019\n\n\u2018He\u2019s fine,\u2019 Mum said.\n\n"
            "\u2018Callum, finish your toast,\u2019 said Mum.\n")
    found = one_person(text, "Moira", "Mum")
    assert owner(found, "Mrs Laird") != owner(found, "Mum") and teller(found) != owner(found, "Mum")
    # (no "your Callum": a name called at the door is the caller's business, not the teller's mother)
    other = text.replace("Was that your Callum I seen", "Was that the coalman I seen")
    assert owner(discover_characters(other), "Moira") != owner(discover_characters(other), "Mum")


def test_a_full_name_called_that_the_nickname_flinches_at_is_his_and_so_his_mr():
    text = (TOLD_AS_I + "Spud and me stood in the office.\n\n\u2018Mr Doyle. Mr Lyle.\u2019 Mr Hart said our names like "
            "a register.\n\n\u2018Sir,\u2019 said Spud.\n\nAt teatime we were in the chip shop when his gran came in out "
            "of the rain. She was Spud\u2019s gran.\n\n\u2018Martin Lyle,\u2019 she said, \u2018is that you eating chips "
            "before your tea?\u2019\n\nThe whole shop turned round. Spud went the colour of the ketchup. He said "
            "nothing.\n\n\u2018I\u2019ll eat my tea, Gran,\u2019 said Spud.\n\n\u2018You will,\u2019 said Mrs Lyle.\n")
    found = one_person(text, "Spud", "Martin Lyle", "Mr Lyle")
    assert owner(found, "Mrs Lyle") != owner(found, "Spud")


def test_a_pet_name_said_to_his_daughter_and_a_mrs_that_mam_answers_are_not_the_teller():
    text = (TOLD_AS_I + "My cousin Nuala came in from the yard with a crate under each arm.\n\n"
            "\u201cGr\u00e1inne. Thank God. Take one of these.\u201d\n\n\u201cWhere do you want them?\u201d I said.\n\n"
            "\u201cAnywhere Maisie can\u2019t see them.\u201d\n\n\u201cDon\u2019t be talking like that, Wren,\u201d Tommy said.\n\n"
            "When Tommy came back from the bar I let him get halfway down the pint.\n\n"
            "\u201cWhat was he doing in Ballina, Tucker?\u201d\n\n"
            "Nobody in the family called him Tucker. He put the glass down and looked at his daughter.\n\n\u201cWren.\u201d\n\n"
            "\u201cWhat?\u201d said Nuala.\n\n\u201cYou\u2019re very thin, Gr\u00e1inne,\u201d said Mam.\n\n"
            "In the morning Garda Kilfoyle came up the aisle in his uniform with a cap held out in both hands.\n\n"
            "\u201cMrs Burke? This was in the drain at the crossroads.\u201d\n\n"
            "Mam took it from him and held it against her face.\n\n\u201cOh, you good boy,\u201d said Mam.\n\n"
            "\u201cI\u2019ll be off so,\u201d said Garda Kilfoyle, and he put his own cap back on his head.\n")
    found = discover_characters(text)
    assert teller(found) == owner(found, "Gr\u00e1inne"), found
    assert owner(found, "Wren") != teller(found) and owner(found, "Mrs Burke") != teller(found), found
    assert owner(found, "Mrs Burke") == owner(found, "Mam"), found
    assert owner(found, "Tucker") == owner(found, "Tommy"), found
    assert found[owner(found, "Garda Kilfoyle")].gender == "M"


def test_has_been_called_a_state_beside_its_town_and_a_name_read_off_the_guards_badge():
    text = ("Hollis Pratt has been a first assistant director for twenty years and has been called Sarge for every one of "
            "them.\n\n\"It's a line,\" says Sarge.\n\n\"Thanks, Hollis,\" says Dana.\n\n"
            "By eight the stage has become a motel room in Macon, Georgia, in the summer of 1974.\n\n"
            "The security guard turns to her. \"Ma'am, I don't make the weather,\" says the guard.\n\n"
            "The lightning comes, and she sees the guard in his hat cover, and the name tag on his chest: EARL WASHBURN, "
            "NIGHT SECURITY.\n\n\"Earl. Earl Washburn. You walk this lot every night?\" says Dana.\n\n"
            "\"Every night,\" says the guard.\n\n\"The worst rain in the history of Georgia,\" says Sarge.\n")
    found = discover_characters(text)
    assert owner(found, "Sarge") == owner(found, "Hollis Pratt"), found
    assert owner(found, "the guard") == owner(found, "Earl Washburn"), found
    assert "Georgia" not in every_name(found), found


def test_a_name_the_list_calls_a_womans_is_his_when_the_next_sentence_says_he_was_a_man():
    text = ("Moran had the fire lit and a stack of bar towels out on the counter, which was more than I expected of him. "
            "He was a long grey man who had run the pub since his father died.\n\n"
            "\"You're very good, Moran,\" said Tommy.\n\n\"I'll see what I can do,\" said Moran.\n")
    found = discover_characters(text)
    assert found[owner(found, "Moran")].gender == "M", found


def test_her_at_the_start_of_a_sentence_that_goes_on_to_name_her_the_object_is_another_womans():
    text = ("\"Dana. I'm looking at the radar,\" said Glen Rasmussen.\n\n"
            "Glen Rasmussen produced her first three features and was married to her for two of them. He is in Los "
            "Angeles.\n\n\"Then look at it,\" said Dana.\n\n\"I am,\" said Glen.\n")
    found = discover_characters(text)
    assert found[owner(found, "Glen")].gender == "M", found


def test_what_a_doctor_is_among_the_nurses_and_the_first_name_nobody_calls_her():
    text = ("Among the nurses Dr Pritchard is Bambi. Nobody says it to his face.\n\n"
            "\u2018You gave him three.\u2019 Precious doesn\u2019t look up. \u2018I can see it on your conscience, Deacon.\u2019\n\n"
            "Sister Hartley lifts off her glasses. \u2018When the two of you have quite finished. I want Bambi back here.\u2019\n\n"
            "Dr Pritchard comes at a jog. Sister Hartley stands at the foot of the bed.\n\n"
            "\u2018I think,\u2019 he says, and stops. \u2018I think we should be talking about comfort now, Carol.\u2019\n\n"
            "Nobody calls her Carol. But she only nods.\n\n\u2018Then we\u2019ll make her comfortable,\u2019 she says.\n")
    cast = one_person(text, "Dr Pritchard", "Bambi")
    assert owner(cast, "Carol") == owner(cast, "Sister Hartley")
    # (her answer is to both who were talking, not to the one Precious called)
    assert owner(cast, "Deacon") != owner(cast, "Sister Hartley")


def test_a_job_in_two_words_a_boat_with_a_title_and_a_first_name_said_after_a_beat():
    text = ('The door opened and let in a gust and the harbour master.\n\n"Aubrey in yet?" said the harbour master.\n\n'
            '"No," said Della.\n\n"I\'ll call the Mounties," said the harbour master.\n\n'
            'The deck lights had come on aboard the Lady Ruth, the biggest boat in the cove.\n\n'
            '"Little Burnt Cove, this is Lady Ruth," said Della. "Nothing seen."\n\n'
            'Miss Abbott put her knitting down. "It\'s your father, my dear. They\'ve got him."\n\n'
            'Jessie put her face in Miss Abbott\'s cardigan and cried.\n\n"Irene," he said. "I thought--"\n')
    found = discover_characters(text)
    assert found[owner(found, "the harbour master")].gender == "M"
    assert owner(found, "Lady Ruth") == ""
    assert owner(found, "Irene") == owner(found, "Miss Abbott")


def test_a_job_its_holder_names_as_their_own_on_the_radio_is_theirs():
    text = ('The harbour master came in out of the rain. "Della," said the harbour master.\n\n"Lewis," said Della.\n\n'
            '"I\'ll call the Mounties," said the harbour master.\n\n'
            'Lewis stood under the light pole with the radio inside his coat. Every ten minutes he took it out and called.\n\n'
            '"Sea Sparrow, this is Little Burnt Cove harbour master. Come back."\n\nHiss.\n\n'
            'Lewis was at the card table with the handset. "Copy that. Harbour master out."\n')
    one_person(text, "Lewis", "the harbour master")


def test_the_name_a_caller_opens_with_is_whoever_picked_up_the_phone():
    text = ("'You were good,' Eilidh said.\n\n'I was really good, Lids,' said Lou.\n\n"
            "The phone went again in Lou's back pocket. This time she answered it, because there was no point in not.\n\n"
            "'Fiona? Oh, thank God. You're alive, then.'\n\n'Mum. It's two in the morning.'\n\n"
            "'Take your make-up off first, Fiona, I mean it.'\n\n'It's August,' said Lou.\n")
    one_person(text, "Lou", "Fiona")


def test_the_caller_a_teller_rings_is_not_the_teller_for_the_name_he_answers_with():
    text = ('I ring Uncle Tunde from the corridor. It rings out twice. The third time he picks up.\n\n'
            '"Dayo? It\'s gone ten. What\'s happened?"\n\n"It\'s Pops," I said.\n\n"Dayo, talk to me," said Uncle Tunde.\n')
    cast = discover_characters(text)
    assert owner(cast, "Dayo") != owner(cast, "Uncle Tunde")


def test_the_tellers_own_name_given_to_the_driver_is_not_the_drivers():
    told = narration_told_as_i()
    text = (f"The bus stops on the highway. {told}\n\nThe driver pulls a parka off the hook behind his seat. "
            "\u201cI\u2019m going to walk up and have a look.\u201d\n\n\u201cI\u2019ll come with you,\u201d I say.\n\n"
            "\u201cYou do this run a lot?\u201d I ask him.\n\n\u201cThirty-one years,\u201d says the driver.\n\n"
            "I laugh, and it comes out as a cloud and blows away. \u201cI\u2019m Dana, by the way. Assistant coach.\u201d\n\n"
            "\u201cI know who you are,\u201d the driver says.\n\n\u201cCoach Dana, can we get off?\u201d Moose asks.\n\n"
            "\u201cDana, get him back on this bus,\u201d says Mrs. Draper.\n")
    cast = discover_characters(text)
    assert owner(cast, "Dana") != owner(cast, "the driver")


def test_a_teller_called_by_the_end_of_her_name_and_once_by_all_of_it_is_one_woman():
    # "Bel" to everyone, once "Annabel Okafor" to her face: the whole name holds the short one
    text = ("I had the stew on by four. " + narration_told_as_i() + " My son, Tunde Okafor, was fifteen.\n\n"
            '"Aunty Bel! Mummy says come," said Ife.\n\n"Tell her I coming," I said.\n\n'
            '"Bel, the pot," said Bola.\n\n"I see it," I said.\n\n'
            'Grandma sat on the step. "Annabel Okafor. You look tired."\n\n"Morning, Grandma," I said.\n\n'
            '"Mind the boy, Annabel," she said.\n\n"Where my shoes?" said Tunde.\n')
    cast = discover_characters(text)
    assert owner(cast, "Annabel Okafor") == owner(cast, "Bel") == teller(cast), cast


def test_dezzy_is_desmond_and_dora_is_eudora():
    from pipeline.text.first_names import same_first_name
    assert same_first_name("Dezzy", "Desmond") and same_first_name("Rozzie", "Rosalind")
    assert same_first_name("Dora", "Eudora")
    assert not same_first_name("Dezzy", "Daniel") and not same_first_name("Dora", "Dorian")


def test_the_driver_is_the_one_the_narration_has_at_the_wheel():
    text = ('Wes Hollis climbed down from the cab and looked at the wheel. Nell Arden held the torch.\n\n'
            '"Stuck," the driver said.\n\n"How stuck?" said Nell.\n\n"Past the hub," said the driver.\n\n'
            'Nell pushed. Wes eased off the clutch and the truck came up out of the ditch.\n\n"Again," said Nell.\n')
    cast = discover_characters(text)
    assert owner(cast, "the driver") == owner(cast, "Wes Hollis") != "", cast
    # two at the wheel: the driver stays a speaker of their own
    both = text + '\nNell climbed into the cab. "My turn."\n\nNell drove the truck home.\n'
    cast = discover_characters(both)
    assert owner(cast, "the driver") not in ("", owner(cast, "Wes Hollis"), owner(cast, "Nell Arden")), cast


def test_tante_is_an_aunt_and_the_mrs_the_neighbours_call_her_is_the_name_just_given():
    text = ("I went up to Belmont on the Tuesday. My aunt sat on the gallery. Her name was Philomena Greaves and she "
            "had kept the post office for thirty years. The whole street still called her Mrs Greaves.\n\n"
            '"Sit," said Tante Mena.\n\n"Morning, Tante," I said.\n\n"You late," Tante Mena said.\n\n'
            'Lucy Greaves ran out of the house. "Granny, my shoe!"\n\n"Find it," said Tante Mena.\n')
    cast = discover_characters(text)
    assert cast[owner(cast, "Tante Mena")].gender == "F", cast
    assert owner(cast, "Mrs Greaves") == owner(cast, "Philomena Greaves"), cast
    assert owner(cast, "Lucy Greaves") not in ("", owner(cast, "Mrs Greaves")), cast


def test_a_man_on_a_stool_said_again_and_again_is_a_stranger_of_his_own():
    text = ('Gloria poured the rum. The man on the stool watched the rain.\n\n"Allyuh moving in this?" said the man '
            'on the stool.\n\n"We have to," said Lennox.\n\nThe man on the stool laughed. "Brave."\n\n'
            '"Drink up," said Gloria.\n')
    cast = discover_characters(text)
    assert owner(cast, "the man on the stool") not in ("", owner(cast, "Lennox")), cast


def test_a_wife_not_taking_her_hands_off_the_mule_and_throwing_a_sack_at_his_feet_is_a_woman():
    from pipeline.text.names import _gender_hint
    text = ('"Otis," said Lurleen, not taking her hands off the mule\'s face. The door opened and Otis came in, '
            'stamping, until Lurleen threw a flour sack down at his feet.')
    spans = [(m.start(), m.end()) for m in re.finditer("Lurleen", text)]
    assert [_gender_hint(text, a, b) for a, b in spans] == ["F", ""]
    # a man who takes another's arm says nothing of his own sex
    other = "Precious took his arm and led him out."
    assert _gender_hint(other, 0, len("Precious")) == ""


def test_a_teller_everyone_calls_by_a_sure_first_name_is_of_its_sex_and_big_senga_is_mrs_docherty():
    text = (narration_told_as_i() + "\n\nMrs Docherty comes through the doors. Her name is Agnes Docherty, but the whole "
            "depot calls her Big Senga, because she is five foot nothing.\n\n"
            '"Tomek, you\'re late," says Mrs Docherty.\n\n"Sorry," I say.\n\n"Evening, Senga," says Alec.\n\n'
            '"Tomek. The seven-four-one," says Senga.\n')
    cast = discover_characters(text)
    assert cast[teller(cast)].gender == "M", cast
    assert owner(cast, "Senga") == owner(cast, "Mrs Docherty") != "", cast
