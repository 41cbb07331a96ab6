"""Ages the prose gives in years ("is seventy-four years old", "aged nine", "a ten-year-old")."""
import pytest

from pipeline.model.ages import age_in_text


@pytest.mark.parametrize("text, age", [
    ("My aunt came down the shore. Beatrice Marsh is seventy-four years old and walks like a sailor.", "old"),
    ("Beatrice Marsh, aged nine, was the youngest in the school.", "child"),
    ("A ten-year-old Beatrice Marsh stood in the door.", "child"),
    ("Beatrice Marsh was fifteen years old that summer.", "teen"),
    ("Beatrice Marsh was 35 years old and tired of it.", None),
    ("Beatrice Marsh was one of them. Beatrice Marsh was twenty minutes late.", None),
    ("Beatrice Marsh was seven, and she had the face of a child kept up too late.", "child"),
    ("Beatrice Marsh was eighty-one. She still drove.", "old"),
    ("Beatrice Marsh was first. Beatrice Marsh was two and a half minutes behind.", None),
    # a number set beside the name, and the sentence after one the name opens
    ("I write it down. Beatrice Marsh, eighty-one, one R in Harold.", "old"),
    ("Then Beatrice Marsh, a woman of means, sat down.", None),
    ("Beatrice Marsh sat nearest the door, holding a towel to her eyebrow. She was seventy-nine years old and "
     "looked ninety tonight.", "old"),
    ("Beatrice Marsh sat nearest the door. He was seventy-nine years old.", None),
    ("Beatrice Marsh came in with one hand on the frame. She was eighty-three and had fished out of the Cove "
     "since she was twelve.", "old"),
    ("Beatrice Marsh came in with one hand on the frame. She was tired and had walked all day.", None),
    # named in the middle of a sentence, as the subject of its last clause, with no one named after her
    ("The door banged and Beatrice Marsh was in the passage stamping mud off her boots. She was seventy-one and "
     "still stood straight.", "old"),
    ("Beatrice Marsh came in with one hand on the frame. She was first and had the best seat.", None),
    ("said Beatrice Marsh, who was seven and had her forehead pressed to the glass.", "child"),
    ("said Beatrice Marsh, who was seven minutes late.", None),
    # the number and what they did since, and an age given with the name by its owner
    ("Beatrice Marsh was eighty-three and had farmed Scar Top for fifty years.", "old"),
    ('"Beatrice Marsh. I\'m eight. Nearly eight and a half."', "child"),
    ('"Beatrice Marsh. I\'m sorry to trouble you."', None),
    # kin set before the name by a comma: a grandmother, but not a boy asked about
    ("He lived on the boat with his grandmother, Beatrice Marsh, who had moored there for years.", "old"),
    ('"How old is the boy, Beatrice Marsh?" the constable asked.', None),
    # the name and the age a sentence each, in what someone says
    ("'On her own. Beatrice Marsh. Sixteen. Her mum's in Tenerife.'", "teen"),
    ("'I saw Beatrice Marsh. Yesterday. She was fine.'", None),
])
def test_an_age_in_years_next_to_the_name(text, age):
    assert age_in_text(text, ["Beatrice Marsh"], gender="F") == age


@pytest.mark.parametrize("text, age", [
    ('At the end of the bar an old man in a jersey turns round. It takes me a moment. Mr. Keel taught me '
     'to sail.', "old"),
    ('A girl of about ten comes out with an armful of books. She stops and stares.\n\n"Wren, say hello," '
     'says the vicar.', "child"),
    ('The door slid open and a small girl came in. "Come along, Wren," she said.', "child"),
    # someone else is named between them: the old man may be him
    ('An old man came in. Ada Venn looked up from her book. Later Mr. Keel arrived.', None),
    ('A man in a grey coat sat down. Mr. Keel ordered tea.', None),
    # what someone was once is no one brought in: the farmer's son was a lad long ago
    ('He was a big, slow-moving man, and I had known him since he was a lad helping at the mart. Behind him '
     'sat Mr. Keel in an old army greatcoat.', None),
])
def test_someone_brought_in_unnamed_just_before_their_name_has_that_age(text, age):
    names = ["Mr. Keel"] if "Keel" in text else ["Wren"]
    assert age_in_text(text, names, others=["Ada Venn"]) == age


def test_the_little_girl_just_before_her_name_is_a_child_but_not_the_old_man_before_a_womans():
    text = ('Beside the old man stood a little girl in a pink raincoat. "Forty ewes," said Mr. Kettle. '
            'The little girl tugged at my sleeve. "Are they drowning?"\n\n"Poppy," said her grandfather. "Hush."')
    assert age_in_text(text, ["Poppy"], ["Mr. Kettle"], "F") == "child"
    text = 'The old man shuffled out. "Tea?" asked Nadia.'
    assert age_in_text(text, ["Nadia"], [], "F") is None
    text = "The old woman Kiyomi set down her tea. Odile ran past."       # "the" meant Kiyomi
    assert age_in_text(text, ["Odile"]) is None


def test_only_words_that_run_into_the_name_give_its_age():
    text = ('Edna was telling the story again, and to his gran telling the constable, who had not asked, '
            'what had happened. The constable nodded.')
    assert age_in_text(text, ["the constable"], gender="M") is None


def test_a_kid_of_twenty_years_ago_and_a_son_sent_off_say_nothing_of_the_age_of_the_chief_or_his_mother():
    text = ("Over the bay door somebody stenciled a sign twenty years ago, and a kid in the cadet program added an "
            "extra I in Sharpie, and nobody has ever fixed it. The Chief comes out of his office. Ray Lindqvist has "
            "run the station for twenty years.\n\n"
            "Mrs. Penhallow, once her son has been sent off to sit by the urn, crooks a finger at me.\n")
    assert age_in_text(text, ["the Chief", "Ray", "Ray Lindqvist"], [], "M") is None
    assert age_in_text(text, ["Mrs. Penhallow"], [], "F") is None


def test_a_grandad_named_in_what_is_said_to_someone_is_not_their_age():
    text = ('"You\'ve got a neck like a plucked chicken. Jago, give your grandad your scarf."\n\n'
            'The boy unwinds it without a word and hands it over. He is fifteen.\n')
    assert age_in_text(text, ["Jago"], ["Karen"], "M") != "old"
    assert age_in_text("Agnes, an elderly widow, sat down.", ["Agnes"], [], "F") == "old"


@pytest.mark.parametrize("text, gender, age", [
    ("Kamala Sharma sits on the lawn chair nearest the oil, because she is eighty-one and has earned the chair.", "F", "old"),
    ("Jodie sat by the window in her coat; she was nine, and bored.", "F", "child"),
    ("Ruth sat by the window and looked at Anna, and she was nine.", "F", None),     # another named between
    ("Ruth sat by the window, and she was tired.", "F", None),
])
def test_an_age_said_later_in_the_sentence_in_the_names_pronoun(text, gender, age):
    name = text.split(" sat")[0].split(" sits")[0]
    assert age_in_text(text, [name], [], gender) == age


def test_an_age_gone_by_is_not_their_age_and_the_age_they_are_now_is():
    text = ("Calum came in with his pager clipped to his belt, the way it had been clipped to one belt or another "
            "since he was seventeen. He is thirty-one now and taller than his father.")
    assert age_in_text(text, ["Calum"], [], "M") is None      # an adult: nothing younger said of him
    text = "Ellie came in with her satchel. She is nine now, and she can read the clock."
    assert age_in_text(text, ["Ellie"], [], "F") == "child"


def test_a_ward_sister_by_her_name_is_a_grown_woman_and_a_little_sister_a_child():
    from pipeline.model.ages import infer_age
    assert [infer_age(n) for n in (["Grace", "Sister Okafor"], ["little sister"], ["Sister Agnes"])] == \
        ["adult", "child", "adult"]


def test_an_old_man_holding_the_door_for_a_constable_says_nothing_of_the_constables_age():
    text = ("The bell went a third time before the old man was out the door, and he held it for Constable Tobin, "
            "who had to duck under the frame.")
    assert age_in_text(text, ["Constable Tobin"], gender="M") is None
    assert age_in_text("The door opened and an old man came in. Mr. Pike taught me.", ["Mr. Pike"], gender="M") == "old"


def test_an_age_before_a_denial_and_no_one_talked_of_as_a_boy_before_a_name_is_called():
    from pipeline.model.ages import years_stated
    text = "Ellie was nine and hadn\u2019t yet learned that there were things you didn\u2019t shout."
    assert age_in_text(text, ["Ellie"]) == "child"
    assert years_stated(text, ["Ellie"]) == [9]
    # "the boy" is Tom, talked of in a line; Gerald, called in the next, is a grown baronet
    lawn = ('"Tom!" said Mrs. Fenwick reprovingly.\n\n"Oh, let the boy be. Young men are all alike," returned her '
            'ladyship. "Gerald! Come here this instant."\n\nSir Gerald Ashcombe crossed the lawn.\n')
    assert age_in_text(lawn, ["Sir Gerald Ashcombe", "Gerald"], ["Tom", "Mrs. Fenwick"]) is None
    # (one a line of narration brings in is still the child it says)
    brought = "A little boy came running up the path.\n\n\"Tom! Come here,\" called his mother.\n"
    assert age_in_text(brought, ["Tom"], ["his mother"]) == "child"


def test_a_grandparent_called_in_the_familys_own_language_is_old():
    from pipeline.model.ages import infer_age
    assert infer_age(["Gwilym", "Mr Pryce", "Taid"]) == "old"
    assert infer_age(["Megan", "Nain"]) == "old"
    assert infer_age(["Osian"]) == "adult"
