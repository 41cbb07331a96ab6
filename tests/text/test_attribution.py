"""Speaker attribution on passages of our own."""
import re

from pipeline.text.attribution import Character, attribute, discover_characters, find_quotes, read_speakers
from pipeline.text.evaluate import attribute_to_jsonl_rows
from pipeline.text.names import _Names

CAST = {"Mara": Character("Mara", ("Mara Vell",), "F"), "Tobin": Character("Tobin", ("Tob",), "M"),
        "Ilse": Character("Ilse", (), "F")}


def speakers(text, cast=CAST):
    return [(q.text, q.speaker) for q in attribute(text, cast)]


def test_tags_in_every_order():
    text = ('"Go," said Mara.\n\n"Where?" Tobin asked.\n\n"Home," she replied.\n\n'
            '"Fine," he muttered.\n')
    assert [s for _, s in speakers(text)] == ["Mara", "Tobin", "Mara", "Tobin"]
    directions = [q.direction for q in attribute(text, CAST)]
    assert directions[1] == "ask" and directions[3] == "mutter"


def test_curly_quotes_and_a_quote_split_by_its_tag():
    text = "“Long enough,” Tobin said, “to know better.”\n"
    quotes = attribute(text, CAST)
    assert [q.speaker for q in quotes] == ["Tobin", "Tobin"]
    assert quotes[0].quote_id == quotes[1].quote_id
    assert text[quotes[0].tag_span[0]:quotes[0].tag_span[1]].strip() == "Tobin said"


def test_action_beat_and_vocative():
    text = ('Tobin leaned on the rail.\n\nIlse grinned. "Tobin, you look tired."\n\n'
            '"Mara, help me," he said.\n')
    assert [s for _, s in speakers(text)] == ["Ilse", "Tobin"]


def test_pronoun_from_the_previous_paragraph_and_turn_taking():
    text = ('Mara opened the door and looked at Tobin.\n\nShe sat down.\n\n"You came back."\n\n'
            '"I said I would," Tobin answered.\n\n"And yet."\n\n"And yet here I am."\n')
    assert [s for _, s in speakers(text)] == ["Mara", "Tobin", "Mara", "Tobin"]


def test_single_quote_dialogue_keeps_apostrophes():
    text = "'I don't know,' said Mara. 'It's the students' books.'\n\n'Then ask,' said Tobin.\n"
    spans = [text[a:b] for a, b in find_quotes(text)]
    assert spans == ["I don't know,", "It's the students' books.", "Then ask,"]


def test_multi_paragraph_speech_is_one_span_per_paragraph():
    text = '"First part of a long speech,\n\n"and the second part," said Tobin.\n'
    quotes = attribute(text, CAST)
    assert len(quotes) == 2 and quotes[-1].speaker == "Tobin"


def test_first_person_narrator_speaks_as_I():
    lines = ['"Vell," said Holt, "you are late."', '"I am," said I.'] * 6
    narration = "I walked to my desk and I sat. My hands were cold and I was tired.\n\n" * 6
    text = narration + "\n\n".join(lines) + "\n"
    cast = {"Mara Vell": Character("Mara Vell", ("Vell",), "F"), "Holt": Character("Holt", (), "M")}
    assert {q.speaker for q in attribute(text, cast) if q.text.startswith("I am")} == {"Mara Vell"}


def test_characters_are_discovered_without_a_cast():
    text = ('"Run," said Kestrel. Kestrel ran and she fell.\n\n"Up," said Bram, and he pulled her up.\n\n'
            'Bram laughed. Kestrel glared at Bram.\n')
    found = discover_characters(text)
    assert {"Kestrel", "Bram"} <= set(found)
    assert [q.speaker for q in attribute(text)] == ["Kestrel", "Bram"]


def test_quoted_words_and_titles_are_not_speech():
    text = ('They stopped at the "Blue Anchor" for the night. The locals find it "cosy."\n\n'
            '"Is it?" Mara asked.\n')
    quotes = attribute(text, CAST)
    assert [(q.text, q.kind) for q in quotes] == [("Blue Anchor", "mention"), ("cosy.", "mention"),
                                                  ("Is it?", "speech")]
    assert [q.speaker for q in quotes] == ["", "", "Mara"]
    assert [r["speaker"] for r in attribute_to_jsonl_rows(text, CAST)] == ["Mara Vell"]


def test_a_word_someone_is_in_the_habit_of_saying_is_told_not_said():
    text = ('Tobin had been two years in the detachment, and he still said “eh” at the ends of things as if it '
            'were a kind of apology.\n\n“Morning,” said Tobin.\n\n“eh,” Mara said to him, “you’re late.”\n')
    assert [(q.text, q.kind) for q in attribute(text, CAST)][:2] == [("eh", "mention"), ("Morning,", "speech")]
    assert [q.kind for q in attribute(text, CAST)][2] == "speech"


def test_indented_verse_is_a_block_not_an_utterance():
    prose = "".join(f'"Line {n}," said Mara.\n\n' for n in range(10))
    text = prose + 'Tobin sang:\n\n"Over the hill\n    and far away,\nthe wind is cold\n    today."\n'
    quotes = attribute(text, CAST)
    assert quotes[-1].kind == "block"
    assert len(attribute_to_jsonl_rows(text, CAST)) == 10


def test_single_quote_dialogue_speakers():
    text = ("'Is it raining?' asked Ilse.\n\n'Not yet,' Tobin said. 'Soon, though.'\n\n"
            "'Then we wait,' she replied.\n")
    assert [s for _, s in speakers(text)] == ["Ilse", "Tobin", "Tobin", "Ilse"]


def test_multi_paragraph_speech_keeps_its_speaker():
    text = ('Ilse stood by the window.\n\n"It began in the spring," said Tobin. "The river rose.\n\n'
            '"By summer the mill was gone.\n\n"And nobody came to help."\n\n"How awful," said Ilse.\n')
    assert [s for _, s in speakers(text)] == ["Tobin", "Tobin", "Tobin", "Tobin", "Ilse"]


def test_a_quote_inside_a_quote_is_part_of_it():
    text = "\"He looked at me and said, 'Run,' so I ran,\" said Mara.\n\n\"Fair enough,\" said Tobin.\n"
    quotes = attribute(text, CAST)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("He looked at me and said, 'Run,' so I ran,", "Mara"), ("Fair enough,", "Tobin")]


def test_descriptors_and_adverbs_in_tags():
    cast = dict(CAST, **{"The Ferryman": Character("The Ferryman", ("the old ferryman",), "M")})
    text = ('"Two coins," said the old ferryman.\n\n"One," Mara said quietly.\n\n'
            '"Two," the ferryman repeated, "or you swim."\n')
    quotes = attribute(text, cast)
    assert [q.speaker for q in quotes] == ["The Ferryman", "Mara", "The Ferryman", "The Ferryman"]
    assert quotes[1].direction == "quiet"


def test_pronoun_takes_the_character_of_its_gender():
    text = ('Mara set the lamp down beside Tobin.\n\n"It will hold," she said.\n\n'
            '"It had better," he said.\n')
    assert [s for _, s in speakers(text)] == ["Mara", "Tobin"]


def test_the_one_addressed_answers_and_is_not_the_speaker():
    text = ('Mara and Tobin walked on.\n\n"Tobin, are you tired?" asked Mara.\n\n"No."\n\n'
            '"Ilse, wait for us!" he called.\n')
    quotes = attribute(text, CAST)
    assert [q.speaker for q in quotes] == ["Mara", "Tobin", "Tobin"]


def test_turn_taking_runs_backward_from_an_anchor():
    text = ('Mara and Tobin sat by the fire.\n\n"Cold tonight."\n\n"Colder tomorrow."\n\n'
            '"Then we leave at dawn?" asked Mara.\n\n"At dawn," said Tobin.\n')
    assert [s for _, s in speakers(text)] == ["Mara", "Tobin", "Mara", "Tobin"]


def test_a_lead_in_names_the_next_paragraphs_speaker():
    text = ('Tobin looked up from the map and said,\n\n"We are lost."\n\n"We are not," said Mara.\n')
    assert [s for _, s in speakers(text)] == ["Tobin", "Mara"]


def test_a_gendered_tag_rules_out_the_wrong_speaker():
    # the tag says only "she"; Tobin acted last, but he cannot be "she"
    text = ('Ilse crossed the yard.\n\nTobin shut the gate.\n\n"Is the gate shut?" she asked.\n')
    assert [s for _, s in speakers(text)] == ["Ilse"]


def test_his_wife_is_the_mrs_of_his_surname():
    cast = {"Mr. Hale": Character("Mr. Hale", ("Hale",), "M"), "Mrs. Hale": Character("Mrs. Hale", (), "F")}
    text = 'Mr. Hale read his paper.\n\n"The tea is cold," said his wife.\n'
    assert [q.speaker for q in attribute(text, cast)] == ["Mrs. Hale"]


def test_a_name_broken_over_a_line_is_still_a_name():
    cast = {"Mr. Hale": Character("Mr. Hale", (), "M"), "Ilse": Character("Ilse", (), "F")}
    text = 'Ilse waited.\n\n"It is late," said Mr.\nHale, looking at the clock.\n'
    assert [q.speaker for q in attribute(text, cast)] == ["Mr. Hale"]


def test_a_pronoun_tag_in_an_exchange_is_the_one_whose_turn_it_is():
    cast = {"Tobin": Character("Tobin", (), "M"), "Bram": Character("Bram", (), "M")}
    text = ('Tobin and Bram sat at the table.\n\n"Is it good?" asked Tobin.\n\n"Very," said Bram.\n\n'
            '"Then pour me more," he said.\n\nBram laughed. "Not yet," he said.\n')
    assert [q.speaker for q in attribute(text, cast)] == ["Tobin", "Bram", "Tobin", "Bram"]


def test_an_unknown_gender_is_read_from_the_prose():
    cast = {"Wren": Character("Wren", (), "U"), "Tobin": Character("Tobin", (), "M")}
    text = ("Wren checked on Tobin. She frowned.\n\nWren rubbed her eyes and sat. She was tired.\n\n"
            "Tobin slept on.\n\nWren stood up.\n\n\"Wake up,\" she said.\n")
    assert attribute(text, cast)[-1].speaker == "Wren"


def test_the_one_called_by_name_answers_even_when_the_caller_is_unknown():
    cast = {"Tony": Character("Tony", (), "M"), "Ben": Character("Ben", (), "M"),
            "Mara": Character("Mara", (), "F")}
    text = ('Mara left the stables. The two men stayed by the gate.\n\n'
            '"All right, Ben, you see about the pony."\n\n"I will, sir."\n')
    assert [s for _, s in speakers(text, cast)][-1] == "Ben"


def test_the_one_an_answer_calls_by_name_spoke_before_it():
    cast = {"Tony": Character("Tony", (), "M"), "Ben": Character("Ben", (), "M"),
            "Mara": Character("Mara", (), "F")}
    text = ('Mara left the stables. The two men stayed by the gate.\n\n'
            '"Shall I sell the pony, sir?"\n\n"Do as you think best, Ben."\n')
    assert [s for _, s in speakers(text, cast)][0] == "Ben"


def test_a_possessive_name_is_whom_the_next_she_means():
    cast = {"Lucy": Character("Lucy", (), "F"), "Charlotte": Character("Charlotte", (), "F")}
    text = ('Charlotte was silent; she had little more to learn.\n\n'
            "All the way back Lucy's body was shaken by deep sighs.\n\n"
            '"I want to be truthful," she whispered.\n')
    assert [s for _, s in speakers(text, cast)] == ["Lucy"]


def test_whom_the_quote_speaks_of_is_not_the_she_who_says_it():
    cast = {"Anne": Character("Anne", (), "F"), "Miss Barry": Character("Miss Barry", (), "F")}
    text = ('Miss Barry had the whole family to dinner on Sunday.\n\n'
            'Anne came in late and sat down at the end of the table.\n\n'
            '"That Anne-girl improves all the time," she said. "I get tired of other girls."\n')
    assert [s for _, s in speakers(text, cast)] == ["Miss Barry", "Miss Barry"]


def test_words_nobody_said_aloud_are_not_lines():
    text = ('Tobin stood by the window.\n\n"You never write," said Mara.\n\n'
            'He wanted to say: "I wrote every week," but he said nothing.\n\n'
            'Her look said: "Then where are the letters?"\n\n'
            '"I lost them," he felt like answering.\n\n"I know," said Mara.\n')
    kinds = {q.text: q.kind for q in attribute(text, CAST)}
    assert kinds["You never write,"] == kinds["I know,"] == "speech"
    assert kinds["I wrote every week,"] == kinds["Then where are the letters?"] == kinds["I lost them,"] == "unsaid"
    said = [row for row in attribute_to_jsonl_rows(text, CAST)]
    assert len(said) == 2


def test_words_on_the_tip_of_the_tongue_and_titles_by_name_are_not_lines():
    text = ('Mara put down a novel called "The Salt Road," and a book of verse.\n\n'
            'It was on his lips to exclaim: "You have read it twice!" He kept still.\n\n'
            'How could he say: "I lost the letters"? He looked away.\n\n'
            'Her sister called "Supper is ready" from the stairs.\n\n"Coming," said Mara.\n')
    kinds = {q.text: q.kind for q in attribute(text, CAST)}
    assert kinds["The Salt Road,"] == "mention"
    assert kinds["You have read it twice!"] == kinds["I lost the letters"] == "unsaid"
    assert kinds["Supper is ready"] == kinds["Coming,"] == "speech"


def test_speech_reported_in_the_narrators_words_is_not_a_line():
    text = ('"Will you write one for us, Mr. Tobin?" said Mara.\n\n'
            '"No; he had never written anything of the kind in his life; he was afraid she would '
            'laugh, and he could not bear it."\n\n"He is afraid she will laugh at him," said Ilse.\n')
    kinds = [q.kind for q in attribute(text, CAST)]
    assert kinds == ["speech", "reported", "speech"]


def test_she_in_a_reply_is_whom_the_paragraph_just_named_not_whom_the_last_line_addressed():
    text = ('"Ilse, sit down," said Tobin.\n\n'
            'Mara woke and rubbed her eyes. "Is it morning?" she asked.\n\n'
            '"Not yet, Ilse," said Tobin.\n\n"Then why are you up?" she asked.\n')
    assert [s for _, s in speakers(text)] == ["Tobin", "Mara", "Tobin", "Ilse"]


def test_said_the_girl_after_a_line_spoken_to_her_by_name_is_her():
    text = ('Mara came in with her daughter. "Come along, Ilse," she said.\n\n'
            '"I am not touching anything," said the girl. She climbed up beside Tobin.\n\n'
            '"Good," said Tobin.\n')
    assert [s for _, s in speakers(text)] == ["Mara", "Ilse", "Tobin"]


def test_she_said_after_an_unnamed_woman_came_in_is_a_line_to_check():
    text = ('"Good evening," said Mara.\n\n'
            'The door slid open and a small boy came in, followed by his mother. The mother was tall '
            'and carried a basket. "Sit down, Tobin," she said.\n')
    quotes = attribute(text, CAST)
    assert [(q.text, q.check) for q in quotes] == [("Good evening,", False), ("Sit down, Tobin,", True)]


def test_present_tense_and_manner_verbs_tag_their_speaker():
    text = ('Mara and Tobin stand at the gate.\n\n"Open it," Mara snaps.\n\n"I can\'t," Tobin stammers.\n\n'
            '"Then climb," she yells.\n\n"It\'s locked for a reason," he quavered.\n\n"Don\'t," Ilse pleads.\n')
    quotes = attribute(text, CAST)
    assert [(q.speaker, q.basis) for q in quotes] == [("Mara", "tag"), ("Tobin", "tag"), ("Mara", "pronoun"),
                                                      ("Tobin", "pronoun"), ("Ilse", "tag")]
    assert [q.direction for q in quotes] == ["snap", "fear", "shout", "fear", "sad"]


def test_words_on_a_sign_a_screen_or_written_down_and_a_report_title_are_not_lines():
    text = ('Over the door a painted sign said "Staff Only Beyond This Point," and below it someone had written '
            'in chalk, "Not you, Tobin." The little screen on the meter read "OUT OF ORDER" in green.\n\n'
            'Mara opened the file. It was called "Harbour Wall Survey and Options for Repair," and it was long.\n\n'
            '"Who wrote this?" asked Mara.\n\n"I did," said Tobin.\n')
    quotes = attribute(text, CAST)
    assert [q.kind for q in quotes] == ["mention"] * 4 + ["speech", "speech"]
    assert [q.speaker for q in quotes if q.kind == "speech"] == ["Mara", "Tobin"]


def test_said_the_old_man_is_whom_the_answer_then_calls_by_name():
    cast = dict(CAST, **{"Ned Garrow": Character("Ned Garrow", ("Mr. Garrow",), "M")})
    text = ('Mara and Tobin reached the gate. An old man in a wet coat stood by it.\n\n'
            '"Where\'s Ilse?" Tobin asked.\n\n"Gone for help," said Mara.\n\n'
            '"They\'re on the far bank," said the old man.\n\n"Mr. Garrow, stay here," Mara said.\n')
    quotes = attribute(text, cast)
    assert [q.speaker for q in quotes] == ["Tobin", "Mara", "Ned Garrow", "Mara"]


def test_he_said_right_after_an_unnamed_newcomer_came_in_is_a_line_to_check():
    text = ('"We should go," said Tobin.\n\n"Not yet," said Mara.\n\n'
            'In the corner by the fire an elderly man in a black jumper looked up from his crossword.\n\n'
            '"Mara," he said. "You\'re back early."\n')
    line = attribute(text, CAST)[-2:]        # one utterance in two pieces around "he said"
    assert line[0].basis == "pronoun" and line[0].check
    text = text.replace("an elderly man in a black jumper", "Tobin")
    assert not any(q.check for q in attribute(text, CAST)[-2:])


def test_songs_titles_in_a_sentence_and_what_a_tone_implied_are_not_lines():
    text = ('Mara was peeling apples and singing, "Down by the Willow Water," as she worked. Tobin had '
            'bought a print entitled, "Morning Over Kestrel Bay" and hung it crooked. They ate at the '
            '"Golden Pike" on Fridays.\n\n'
            '"Is it straight now?" asked Tobin.\n\n'
            '"Almost," Mara murmured, in a tone that implied: "Not at all."\n\n'
            'He felt like retorting: "Then fix it yourself." She nearly said, "I will," but Ilse came in.\n\n'
            '"Supper," said Ilse. Her look meant, "Now, please."\n')
    kinds = {q.text: q.kind for q in attribute(text, CAST)}
    assert kinds["Down by the Willow Water,"] == kinds["Morning Over Kestrel Bay"] == kinds["Golden Pike"] == "mention"
    assert kinds["Not at all."] == kinds["Then fix it yourself."] == kinds["I will,"] == kinds["Now, please."] == "unsaid"
    assert [(q.text, q.speaker) for q in attribute(text, CAST) if q.kind == "speech"] == [
        ("Is it straight now?", "Tobin"), ("Almost,", "Mara"), ("Supper,", "Ilse")]


def test_a_name_said_alone_in_title_case_is_still_speech():
    text = ('Tobin looked up from the table.\n\n"Mara Vell," he said.\n\n'
            'The door opened, and the maid came in, announcing: "Miss Ilse Harrow."\n')
    assert [q.kind for q in attribute(text, CAST)] == ["speech", "speech"]


def test_a_letter_quoted_paragraph_by_paragraph_is_a_block_from_address_to_signature():
    text = ('Mara opened the envelope. It read as follows.\n\n"Harbour Cottage,"\n\n"Tuesday."\n\n'
            '"Dearest Ilse,"\n\n"The boat is mended at last. Come on Sunday if the weather holds!"\n\n'
            '"Yours ever,"\n\n"Tobin."\n\n"He never writes to me," said Mara.\n\n'
            '"My dear Mara," said Ilse, "he writes to everyone."\n')
    quotes = attribute(text, CAST)
    assert [q.kind for q in quotes] == ["block"] * 6 + ["speech"] * 3
    assert [q.speaker for q in quotes if q.kind == "speech"] == ["Mara", "Ilse", "Ilse"]


def test_words_a_sign_shows_after_a_colon_are_not_a_line_but_a_sign_of_surprise_is_no_sign():
    text = ('The headlights caught a green sign on its post, its letters swimming out of the dark: '
            '"Harbour District, Next Right." Tobin turned.\n\n'
            'Mara showed no sign of surprise: and at once she concluded: "He knew all along."\n')
    kinds = {q.text: q.kind for q in attribute(text, CAST)}
    assert kinds["Harbour District, Next Right."] == "mention"
    assert kinds["He knew all along."] == "speech"


def test_a_caller_who_gives_name_and_paper_is_the_speaker_but_a_name_noted_down_is_not():
    cast = {**CAST, "Dana Whitcomb": Character("Dana Whitcomb", ("Dana",), "F"),
            "Jock Reid": Character("Jock Reid", ("Jock",), "M")}
    text = ('Mara handed over the phone and Tobin watched.\n\n'
            '"Yes. Hi. Dana Whitcomb, Port Calloway Ledger. I\'m calling about the Osprey."\n\n'
            '"You want Jock Reid," said Mara.\n\n"Jock Reid, Harbour Office. Thank you so much."\n')
    quotes = attribute(text, cast)
    assert (quotes[0].speaker, quotes[0].basis) == ("Dana Whitcomb", "tag")
    assert quotes[-1].speaker != "Jock Reid"


def test_a_chalkboard_and_a_brass_plate_are_read_not_said():
    text = ('The chalkboard by the door still said "Closed till six, be patient" in loopy capitals. '
            'Someone had screwed a brass plate onto the bench: "For Edie, who loved this view." '
            'Mara sat down.\n\n"It is six," said Tobin.\n')
    kinds = {q.text: q.kind for q in attribute(text, CAST)}
    assert kinds["Closed till six, be patient"] == kinds["For Edie, who loved this view."] == "mention"


def test_a_notice_read_without_a_colon_words_added_in_biro_a_so_called_word_and_a_song_to_sing_are_not_lines():
    text = ("The notice pinned to the door of Thursby village hall read 'PARISH MEETING: RIVER WEND', and "
            "underneath, in green biro, somebody had added 'Bring your own biscuits'. Tobin called it the "
            "so-called 'emergency', all evening, and Mara began to sing 'Singing in the Rain', very badly.\n\n"
            "'Is that the river?' asked Tobin.\n\n'It is,' said Mara.\n")
    quotes = attribute(text, CAST)
    assert [q.kind for q in quotes] == ["mention"] * 4 + ["speech", "speech"]


def test_in_a_first_person_story_the_teller_takes_the_turns_the_narration_gives_them():
    cast = {"Eleanor": Character("Eleanor", ("I", "narrator"), "F"), "Dev": Character("Dev", (), "M"),
            "Miriam": Character("Miriam", (), "F")}
    text = ("Miriam was on the phone in her office. A phone rings on my desk. I pick it up before the second ring.\n\n"
            "“Hi, it’s Dev from Rapid,” says a cheerful voice. “The ring road’s shut.”\n\n"
            "I look at the clock on the wall, and I do the sums twice.\n\n"
            "“Then go straight to the court.”\n\n“I can, but someone has to sign for it.”\n\n"
            "“I’ll be on the steps.”\n")
    speakers = [q.speaker for q in attribute(text, cast) if q.kind == "speech"]
    assert speakers == ["Dev", "Dev", "Eleanor", "Dev", "Eleanor"]


def test_someone_spoken_to_by_their_job_does_not_answer_themself():
    cast = dict(CAST, **{"the vicar": Character("the vicar", (), "M")})
    text = ("The vicar sat near the back in a cagoule. He cleared his throat.\n\n"
            "'The church is on the highest ground,' said the vicar.\n\n"
            "'Thank you, Vicar,' said Mara. 'It may come to that.'\n\n"
            "'Nobody will need the urn,' said Tobin.\n\n"
            "'Everybody needs the urn, Tobin.'\n")
    quotes = [q for q in attribute(text, cast) if q.kind == "speech"]
    assert quotes[-1].speaker != "Tobin"
    from pipeline.text.addressed import vocatives
    from pipeline.text.names import _Names
    assert vocatives("Thank you, Vicar,", _Names(cast)) == {"the vicar"}


def test_the_one_a_reply_names_with_the_is_spoken_of_and_the_teller_answers():
    from pipeline.text.addressed import vocatives
    cast = {"Sandra": Character("Sandra", (), "F"), "the boss": Character("the boss", (), "M"),
            "Nell": Character("Nell", ("I", "narrator"), "F")}
    assert vocatives("The boss. Since seven.", _Names(cast)) == set()
    assert vocatives("Boss, a word.", _Names(cast)) == {"the boss"}
    text = ("I came through the door at ten to eight, and Sandra looked at me over her glasses.\n\n"
            '"You\'ve got crumbs," she said.\n\n"Morning, Sandra."\n\n"On your chin. He\'s in already."\n\n'
            '"Who is?"\n\n"The boss. Since seven." She slid the day list across the counter.\n')
    said = speakers(text, cast)
    assert "the boss" not in [speaker for _, speaker in said], said


def test_a_stranger_described_just_before_they_give_their_name_is_them_and_so_are_their_lines():
    from pipeline.text.addressed import self_named
    cast = {"Tom Brennan": Character("Tom Brennan", ("Tom",), "M"), "Declan Gallagher": Character("Declan Gallagher", ("Declan",), "M"),
            "Siobhan": Character("Siobhan", (), "F")}
    assert self_named("Tom. Tom Brennan.", _Names(cast)) == "Tom Brennan"
    text = ("Declan Gallagher was at the bar with his pint.\n\n\"Another?\" said Siobhan.\n\n\"Go on,\" said Declan.\n\n"
            "The Yank had drifted along the bar towards them, holding his pint in both hands.\n\n"
            "\"Hey. You're the guys from the office. I never got to say thanks.\" He put out a hand. \"Tom. Tom Brennan.\"\n\n"
            "\"Declan Gallagher.\"\n")
    said = speakers(text, cast)
    assert said[2][1] == said[3][1] == "Tom Brennan", said
    from pipeline.text.strangers import name_the_strangers
    from pipeline.text.attribution import _scan_quotes
    assert "the Yank" in name_the_strangers(text, [(a, b) for a, b, _ in _scan_quotes(text)], cast)["Tom Brennan"].aliases
    # described once, long before, with others speaking between: not them
    far = text.replace("The Yank had drifted along the bar towards them, holding his pint in both hands.\n\n", "")
    far = far.replace("Declan Gallagher was at the bar", "The Yank sat in the corner. Declan Gallagher was at the bar")
    spans = [(a, b) for a, b, _ in _scan_quotes(far)]
    assert "the Yank" not in name_the_strangers(far, spans, cast)["Tom Brennan"].aliases


def test_a_stranger_pointed_at_and_named_by_another_is_the_one_described_not_the_bride_beside_him():
    from pipeline.text.strangers import name_the_strangers
    from pipeline.text.attribution import _scan_quotes
    cast = {"Deniz": Character("Deniz", (), "F"), "Emre": Character("Emre", (), "M"),
            "Fatma": Character("Fatma", (), "F"), "Andreas Christou": Character("Andreas Christou", ("Andreas",), "M"),
            "the man in the suit": Character("the man in the suit", (), "M")}
    text = ("The man in the suit came in at ten, as he did every Saturday.\n\n\"The usual,\" said the man in the suit.\n\n"
            "\"Sit down,\" said Emre.\n\nAt the wedding the bride danced with her father. At a table near a pillar sat the man "
            "in the suit.\n\n\"What is he doing here?\" said Deniz.\n\n\"Eating,\" said Emre.\n\n"
            "Fatma came back at speed. \"That one, by the pillar. You know who that is? That is Andreas Christou. He "
            "sells houses.\"\n\n\"No,\" said Deniz.\n\nAndreas stood up and buttoned his jacket.\n")
    spans = [(a, b) for a, b, _ in _scan_quotes(text)]
    named = name_the_strangers(text, spans, cast)
    assert "the man in the suit" in named["Andreas Christou"].aliases and "the bride" not in named["Andreas Christou"].aliases
    # a name the story has said before is someone already known, not the stranger
    known = text.replace("The man in the suit came in at ten", "Andreas Christou rang at nine. The man in the suit came in at ten")
    named = name_the_strangers(known, [(a, b) for a, b, _ in _scan_quotes(known)], cast)
    assert "the man in the suit" not in named["Andreas Christou"].aliases


def test_his_lady_greeting_someone_speaks_the_bare_line_that_follows():
    cast = {"Mr. Elton": Character("Mr. Elton", (), "M"), "Mrs. Elton": Character("Mrs. Elton", (), "F"),
            "Emma": Character("Emma", (), "F")}
    text = ('"We shall be late," said Emma.\n\n'
            'Mr. Elton made his appearance. His lady greeted him with some of her sparkling vivacity.\n\n'
            '"Very pretty, sir, upon my word; to send me on here alone!"\n')
    assert attribute(text, cast)[-1].speaker == "Mrs. Elton"


def test_text_messages_and_a_letter_read_to_oneself_are_not_lines():
    text = ("Mum’s first text came at half seven and just said: “at grans. dont worry”. At half nine I sent "
            "“is she ok” and Mara typed back: “shes fine”.\n\n"
            "Mara broke the seal and read it by the fire. “Dear Miss Vell, the bank has failed.”\n\n"
            "“Well?” said Tobin.\n")
    quotes = attribute(text, CAST)
    assert [q.kind for q in quotes] == ["mention", "mention", "mention", "block", "speech"]


def test_quoted_words_in_the_past_tense_spoken_to_someone_by_name_are_speech_not_reported():
    text = ('"Why was he kind to her?" asked Tobin.\n\n'
            '"Because he was kind, Tobin. He was the only one of them who was, and he was tired."\n')
    assert [q.kind for q in attribute(text, CAST)] == ["speech", "speech"]


def test_a_name_tag_a_nickname_a_gravestone_and_a_tune_struck_up_are_not_lines():
    text = ('Her name tag said "LORETTA", but nobody had called her anything but "Lolly" since school. '
            'The stone was plain grey granite. It said "Isobel Baird, 1941-2019, Much Loved". '
            'The band struck up "The Bonnie Banks", slow.\n\n"Dance?" asked Tobin.\n')
    assert [q.kind for q in attribute(text, CAST)] == ["mention"] * 4 + ["speech"]


def test_a_listed_speaker_is_written_by_full_name_and_a_discovered_one_by_the_usual_name():
    text = ('"You came," said Madame Olenska.\n\n"I did," said Tom.\n\n'
            'Madame Olenska smiled. Ellen Olenska had always smiled so, Madame Olenska thought.\n\n'
            '"Sit down," said the Countess.\n')
    cast = {"Madame Olenska": Character("Madame Olenska", ("Ellen", "Ellen Olenska", "The Countess"), "F"),
            "Tom": Character("Tom", ("Tom Archer", "Mr. Archer"), "M")}
    assert [r["speaker"] for r in attribute_to_jsonl_rows(text, cast)] == ["Ellen Olenska", "Tom Archer",
                                                                          "Ellen Olenska"]
    # nothing in the text says Tom's surname: discovered, he and she keep the names the text uses most
    assert [r["speaker"] for r in attribute_to_jsonl_rows(text, None)][:2] == ["Madame Olenska", "Tom"]


def test_the_one_acting_in_the_main_clause_speaks_not_the_one_in_the_while_clause():
    text = ('"Go on," said Tobin.\n\n"Fine," said Mara.\n\n'
            'While he buttered his toast Mara read aloud from the paper. "Another storm is coming."\n')
    assert dict(speakers(text))["Another storm is coming."] == "Mara"


def test_a_name_said_alone_in_answer_to_what_is_your_name_is_the_one_answering():
    cast = {"Mara": Character("Mara", (), "F"), "Tobin": Character("Tobin", (), "M"),
            "Pip": Character("Pip", (), "M")}
    text = ('The boy sat on the bunk. Mara and Tobin watched him.\n\n"And your name?" Mara said.\n\n'
            '"Pip."\n\n"Good," said Tobin.\n')
    assert dict(speakers(text, cast))["Pip."] == "Pip"
    # who someone has come for is not their own name
    text = ('The nurse looked up at Tobin.\n\n"Who are you here for?" she asked.\n\n"Pip."\n')
    assert dict(speakers(text, cast))["Pip."] == "Tobin"


def test_a_speech_over_several_paragraphs_is_one_turn():
    # the story is left open at each paragraph's end and reopened: Tobin tells all of it, and
    # the alternation counts it as one turn, not three
    text = ('"Tell us what happened at the mill," said Mara.\n\n'
            '"We had worked all night. The wheel was loud and nobody heard the river rise.\n\n'
            '"Then the water came through the floor. I ran for the stairs.\n\n'
            '"And that was all I saw."\n\n'
            '"Did anyone else get out?" Mara asked.\n\n'
            '"Nobody," said Tobin.\n')
    assert [s for _, s in speakers(text)] == ["Mara", "Tobin", "Tobin", "Tobin", "Mara", "Tobin"]


def test_a_name_inside_a_phrase_is_not_who_he_means():
    # "the memory of Tobin's letter" is about the letter: the "he" who frowns is still the one
    # who was just talking to Mara
    cast = {**CAST, "Ravi": Character("Ravi", (), "M")}
    text = ('"You should go," said Mara.\n\n"I know," said Ravi.\n\n'
            'But the memory of Tobin\'s letter was too present to him. He frowned. "Not tonight."\n')
    assert [s for _, s in speakers(text, cast)][-1] == "Ravi"


def test_someone_the_conversation_talks_about_is_not_in_it():
    # nothing tags these lines; Mara, whom both of them talk about, is away and says none of them
    cast = {**CAST, "Ravi": Character("Ravi", (), "M")}
    text = ('Tobin and Ravi sat on the harbour wall. Mara had gone to town an hour before.\n\n'
            '"Do you think Mara will come back tonight?"\n\n"I doubt it. Mara never hurries."\n\n'
            '"Then we wait."\n\n"We wait."\n')
    said = [s for _, s in speakers(text, cast)]
    assert "Mara" not in said and set(said) == {"Tobin", "Ravi"}
    assert all(a != b for a, b in zip(said, said[1:]))


def test_a_listed_woman_called_after_a_month():
    # "May Welland" from a list makes "May" her name, but not in "in May" or "May I..."
    cast = {"May Welland": Character("May Welland", (), "F"), "Newland": Character("Newland", (), "M"),
            "Ellen": Character("Ellen", (), "F")}
    text = ('Ellen had left in May. The door opened and May came in.\n\n"You are late," said Newland.\n\n'
            '"May I sit down?" she asked.\n')
    names = _Names(cast)
    found = [(text[a:b], main) for a, b, main in names.mentions(text)]
    assert found == [("Ellen", "Ellen"), ("May", "May Welland"), ("Newland", "Newland")]
    assert [s for _, s in speakers(text, cast)] == ["Newland", "May Welland"]


def test_a_title_alone_is_the_one_person_who_bears_it():
    cast = {"Mademoiselle Reisz": Character("Mademoiselle Reisz", (), "F"),
            "Madame Lebrun": Character("Madame Lebrun", (), "F"),
            "Madame Ratignolle": Character("Madame Ratignolle", (), "F"), "Edna": Character("Edna", (), "F")}
    names = _Names(cast)
    text = 'Mademoiselle laughed. Madame came in.'
    assert [(text[a:b], main) for a, b, main in names.mentions(text)] == [("Mademoiselle", "Mademoiselle Reisz")]
    assert [s for _, s in speakers('"Play it again," said Edna.\n\n"No," said Mademoiselle.\n', cast)] \
        == ["Edna", "Mademoiselle Reisz"]


def test_the_rank_alone_is_the_one_person_who_holds_it():
    cast = {"Countess Olenska": Character("Countess Olenska", (), "F"), "Newland": Character("Newland", (), "M"),
            "Colonel Brand": Character("Colonel Brand", (), "M"), "Colonel Hale": Character("Colonel Hale", (), "M")}
    text = "The Countess smiled at Newland. The colonel did not."
    assert [main for _, _, main in _Names(cast).mentions(text)] == ["Countess Olenska", "Newland"]


def test_a_reply_named_after_the_quote():
    text = '"Will you come?" asked Tobin.\n\n"Not tonight," was Mara\'s reply.\n\n"Then never," came Ilse\'s answer.\n'
    assert [s for _, s in speakers(text)] == ["Tobin", "Mara", "Ilse"]


def test_less_common_speech_verbs_tag_the_speaker():
    text = ('"Poor girl!" exploded Tobin.\n\n"Nonsense," sniffed Mara.\n\n"Very well," Ilse acquiesced.\n\n'
            '"It is over," mourned Tobin.\n')
    assert [s for _, s in speakers(text)] == ["Tobin", "Mara", "Ilse", "Tobin"]


def test_an_action_beat_reads_past_mrs():
    # "Mrs." does not end the sentence: Mrs. Elton, not "Weston", acts and speaks
    cast = {"Mrs. Elton": Character("Mrs. Elton", (), "F"), "Mrs. Weston": Character("Mrs. Weston", (), "F"),
            "Mr. Weston": Character("Mr. Weston", ("Weston",), "M")}
    text = 'Mrs. Elton turned to Mrs. Weston. "I have no doubt it is our carriage."\n'
    assert [s for _, s in speakers(text, cast)] == ["Mrs. Elton"]


def test_the_boy_who_gives_his_name_later_said_the_lines_before_it():
    cast = {"Femi": Character("Femi", (), "M"), "Nico": Character("Nico", ("Nico Sarrat",), "M"),
            "Marr": Character("Marr", (), "F")}
    # until "Nico." the narration has only "the boy" for him, and "he swallowed" would be Femi
    text = ('The boy on the table looked about fourteen. Femi checked the line in his arm.\n\n'
            '"Can you hear me?" Femi asked.\n\nThe boy licked his lips. He swallowed. "Yes. Where am I?"\n\n'
            'Marr came in. "On a ship," she said. "And your name?"\n\n"Nico."\n')
    assert [s for _, s in speakers(text, cast)] == ["Femi", "Nico", "Marr", "Marr", "Nico"]


def test_a_description_used_once_is_nobody_in_particular():
    from pipeline.text.strangers import name_the_strangers
    cast = {"Nico": Character("Nico", (), "M")}
    text = 'The girl waved. "What is your name?"\n\n"Nico."\n'
    spans = [(q.start, q.end) for q in attribute(text, cast)]
    assert name_the_strangers(text, spans, cast) == cast


def test_in_a_story_told_as_i_the_teller_is_the_last_resort():
    cast = {"Anders": Character("Anders", ("Mr. Lindqvist", "Lindqvist", "I"), "M")}
    text = 'The phone rang three times before I picked it up.\n\n"Lindqvist Investigations."\n'
    assert [s for _, s in speakers(text, cast)] == ["Anders"]


def test_a_list_naming_one_person_twice_has_one_person():
    from pipeline.text.names import merge_repeated
    cast = {"Reggie": Character("Reggie", (), "X"), "Reggie St Cloud": Character("Reggie St Cloud", (), "M"),
            "Brenda": Character("Brenda", (), "F"),
            # a bare description, and a name two others hold, stay as written
            "A Man": Character("A Man", (), "M"), "A Grey-Headed Old Man": Character("A Grey-Headed Old Man", (), "M"),
            "Small": Character("Small", (), "X"), "Jonathan Small": Character("Jonathan Small", (), "M"),
            "Dan Small": Character("Dan Small", (), "M")}
    merged = merge_repeated(cast)
    assert "Reggie" not in merged and "Reggie" in merged["Reggie St Cloud"].aliases
    assert {"A Man", "Small", "Jonathan Small", "Dan Small"} <= set(merged)
    text = '"Well," said Reggie St Cloud.\n\nBrenda sighed. "Must you?"\n\n"I must," said Reggie.\n'
    # named from the list as its author wrote it, by the full name
    assert [r["speaker"] for r in attribute_to_jsonl_rows(text, cast)] == ["Reggie St Cloud", "Brenda",
                                                                           "Reggie St Cloud"]


def test_a_first_name_two_people_share_is_whoever_was_last_named_in_full():
    cast = {"John Beaver": Character("John Beaver", ("Beaver", "John"), "M"),
            "John Andrew": Character("John Andrew", ("John Last",), "M")}
    text = ('John Beaver lived with his mother.\n\n"Are you lunching in?" said John.\n\n'
            'At Hetton, John Andrew sat his pony.\n\n"Can I ride?" asked John.\n')
    assert [s for _, s in speakers(text, cast)] == ["John Beaver", "John Andrew"]


def test_a_she_after_the_quote_leaning_on_the_last_speaker_does_not_outweigh_turns():
    cast = {"Mrs. Beaver": Character("Mrs. Beaver", (), "F"), "Brenda": Character("Brenda", (), "F")}
    text = ('Mrs. Beaver looked at her watch. "You could come in for a cocktail?"\n\n'
            '"I could..." said Brenda doubtfully.\n\n'
            '"Then do. I\'ll expect you about six." She told her the address and left the table.\n')
    assert [s for _, s in speakers(text, cast)] == ["Mrs. Beaver", "Brenda", "Mrs. Beaver"]


def gold_chapter_accuracy(path) -> tuple[int, int]:
    """Right speakers of a chapter in tests/data/chapters/gold, the cast discovered as the adapter
    does: a line is right when the speaker found carries a name the gold cast gives its speaker
    (or is the teller, for the first-person narrator's lines)."""
    import json
    from pipeline.text.narrator import NARRATOR_ALIASES
    text = path.read_text(encoding="utf-8")
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    characters = discover_characters(text)
    quotes = [q for q in attribute(text, characters) if q.kind in ("speech", "thought")]
    right, position = 0, 0
    for line in gold["quotes"]:
        position = text.find(line["start"], position)
        quote = next((q for q in quotes if q.start <= position <= q.end), None)
        if quote is None or not quote.speaker:
            continue
        said = {quote.speaker.lower(), *(a.lower() for a in characters[quote.speaker].aliases)}
        # a crowd's "Howzat!" has no one in the cast: a line the adapter cannot get right
        cast = gold["cast"].get(line["speaker"], {"aliases": []})
        right += bool(said & {line["speaker"].lower(), *(a.lower() for a in cast["aliases"])}) or (
            line["speaker"] == gold.get("narrator") and bool(said & {a.lower() for a in NARRATOR_ALIASES}))
    return right, len(gold["quotes"])


def test_speakers_of_chapters_written_with_their_answers():
    # 477 of the first six's 600 (0.795) when this test was written, 455 before the work it came
    # with; all eight 642 of 809 (0.794) when the last two were added; six more came unseen at 462
    # of 587 (0.787) and all fourteen stood at 1149 of 1396 (0.823) when they joined; seven more,
    # written unseen later, came at 512 of 683 (0.750) and joined at 541 (0.792), all 21 at 1701 of 2079 (0.818), 1718 with described strangers;
    # six more, written unseen in a later session, came at 436 of 578 (four of them, 0.754) and joined at 754
    # of 911 (0.828), all 27 at 2481 of 2990 (0.830); four more, written unseen, came at 566 of 674 (0.840) and
    # joined at 579 (0.859), all 31 at 3069 of 3664 (0.838); four more, written unseen, came at 380 of 535
    # (0.710) and joined at 440 (0.822), all 35 at 3510 of 4199 (0.836); two more, written unseen, came at 231
    # of 263 (0.878) and joined at 235 (0.894), all 37 at 3748 of 4462 (0.840); four more, written unseen,
    # came at 471 of 543 (0.867) and joined at 494 (0.910), all 41 at 4243 of 5005 (0.848); two more, written
    # unseen, came at 197 of 229 (0.860) and joined at 200 (0.873), all 43 at 4443 of 5234 (0.849); twelve more,
    # written unseen, came at 1386 of 1624 (0.853) and joined at 1409 (0.868), all 55 at 5848 of 6858 (0.853);
    # eight more, written unseen, came at 896 of 1064 (0.842) and joined at 895, all 63 at 6753 of 7922 (0.852);
    # eight more, written unseen, came at 891 of 1090 (0.817) and joined at 925 (0.849), all 71 at 7694 of 9012 (0.854)
    from pathlib import Path
    scores = {p.stem: gold_chapter_accuracy(p) for p in sorted((Path(__file__).parents[1] / "data" / "chapters" /
                                                                "gold").glob("*.txt"))}
    assert len(scores) == 71
    assert sum(r for r, _ in scores.values()) / sum(n for _, n in scores.values()) >= 0.80, scores
    assert all(r / n >= 0.62 for r, n in scores.values()), scores


def test_a_name_said_alone_then_that_is_my_name_names_the_speaker():
    from pipeline.text.addressed import self_named
    cast = {"Edmund Falk": Character("Edmund Falk", ("Falk",), "M"), "Clara Moss": Character("Clara Moss", (), "F"),
            "Hugo Brandt": Character("Hugo Brandt", (), "M")}
    text = ('Hugo Brandt opened the door to a thin stranger in a grey coat.\n\n'
            '"Edmund Falk," said the stranger, still smiling. "That is my name. You are expected, I think."\n')
    assert [speaker for _, speaker in speakers(text, cast)] == ["Edmund Falk", "Edmund Falk"]
    names = _Names(cast)
    assert self_named("Edmund Falk. That's my name.", names) == "Edmund Falk"
    # introducing others is not naming oneself
    assert self_named("This is Clara Moss, and this is Hugo Brandt.", names) == ""
    assert self_named("This is Clara Moss.", names) == "Clara Moss"
    # a name, then the thanks of one arriving ("Hugo Brandt. Thank you for coming out.")
    assert self_named("Hugo Brandt. Thank you for coming out in this.", names) == "Hugo Brandt"
    assert self_named("Hugo Brandt. Thank God.", names) == ""


def test_a_later_he_leans_on_whom_the_tags_he_turned_out_to_be():
    # narration alone makes "he answered" the inspector (named last); the tag gives it to Oduya,
    # the one just addressed, and so the "He laughed" two paragraphs on is Oduya too
    cast = {"Martin Oduya": Character("Martin Oduya", ("Oduya", "Mr. Oduya"), "M"),
            "Inspector Crane": Character("Inspector Crane", ("Crane",), "M"), "Clara": Character("Clara", (), "F")}
    text = ('Martin Oduya was pacing by the fire. Inspector Crane lit his pipe at the window.\n\n'
            '"You will tell us the rest, Mr. Oduya," said Clara.\n\n'
            '"It must wait until morning," he answered. "I have said too much already."\n\n'
            'Clara shook her head.\n\n'
            'He laughed until his shoulders shook. "Wait? No," he cried. "You shall have all of it."\n')
    said = speakers(text, cast)
    assert said[1][1] == "Martin Oduya"
    assert said[-2][1] == said[-1][1] == "Martin Oduya", said


def test_a_full_name_echoed_as_a_question_is_not_the_one_spoken_to():
    from pipeline.text.addressed import vocatives
    cast = {"John Beaver": Character("John Beaver", ("Beaver", "Mr Beaver"), "M"),
            "Marjorie": Character("Marjorie", (), "F")}
    names = _Names(cast)
    assert vocatives("John Beaver?... How very odd.", names) == set()
    # a title calls, and so does a name with more after it
    assert vocatives("Mr Beaver? Are you there?", names) == {"John Beaver"}
    assert vocatives("Marjorie? Where are you?", names) == {"Marjorie"}
    text = ('Marjorie was at her desk.\n\n"Who came to stay?"\n\n'
            '"No one. We had a friend of Tony\'s called Mr Beaver last week-end."\n\n'
            '"John Beaver?... How very odd."\n')
    assert "John Beaver" not in [speaker for _, speaker in speakers(text, cast)]


def test_who_after_a_name_is_the_one_it_names():
    cast = {"Catherine": Character("Catherine", (), "F"), "Mr. Allen": Character("Mr. Allen", ("Allen",), "M")}
    text = ('Catherine walked slowly upstairs. At the head of them she was met by Mr. Allen, who, on hearing '
            'the reason of their return, said, "I am glad your brother had so much sense."\n\n'
            'Catherine looked at Mr. Allen, who was smiling, and said, "So am I."\n')
    assert [speaker for _, speaker in speakers(text, cast)] == ["Mr. Allen", "Catherine"]


def test_the_one_called_sir_answers_a_man_not_the_woman_whose_turn_it_seemed():
    cast = {"Mrs. Hale": Character("Mrs. Hale", (), "F"), "Ada": Character("Ada", (), "F"),
            "Mr. Pryor": Character("Mr. Pryor", ("Pryor",), "M")}
    # Mr. Pryor came in last and is named last; turn-taking alone would give the bare answer to
    # Mrs. Hale, who spoke two paragraphs before, but Ada has just called a man "sir"
    text = ('Mrs. Hale poured the tea. Ada sat by the window, and Mr. Pryor stood at the door.\n\n'
            '"Will you take sugar?" said Mrs. Hale.\n\n'
            '"Thank you, no," said Ada. "And you, sir? You look half frozen."\n\n'
            '"I am, rather. The road from the station is all ice."\n')
    assert speakers(text, cast)[-1][1] == "Mr. Pryor"


def test_broke_out_and_threw_out_are_speech_tags():
    text = ('Mara looked at Tobin.\n\n"You knew," she said.\n\n'
            '"I never knew anything of the kind," Tobin broke out. "Ask anyone."\n\n'
            '"Then ask Ilse," Mara threw out, already at the door.\n')
    quotes = attribute(text, CAST)
    tags = [text[q.tag_span[0]:q.tag_span[1]] if q.tag_span else "" for q in quotes]
    assert tags[1] == "Tobin broke out" and tags[3] == "Mara threw out", tags
    assert [q.basis for q in quotes[1:]] == ["tag", "tag", "tag"]


def test_said_nothing_and_replied_that_are_not_tags():
    text = ('"You went alone?" Tobin asked.\n\n"I did," said Mara.\n\n'
            '"It was your own doing?" Mara said nothing.\n\n'
            'Ilse replied that it was. "Then you knew, and you let me go."\n')
    quotes = attribute(text, CAST)
    assert quotes[2].basis != "tag" and quotes[2].speaker == "Tobin"
    assert quotes[3].speaker != "Ilse"


def test_a_relation_or_a_name_behind_a_word_of_description_is_a_tag():
    cast = {"Catherine Morland": Character("Catherine Morland", ("Catherine", "Miss Morland"), "F"),
            "Mrs. Morland": Character("Mrs. Morland", (), "F"),
            "Isabella Thorpe": Character("Isabella Thorpe", ("Isabella", "Miss Thorpe"), "F"),
            "Mrs. Thorpe": Character("Mrs. Thorpe", (), "F")}
    text = ('Catherine sighed. "Well," continued her patient mother, "it is all over now."\n\n'
            '"It is very charming," said Isabella. "Mr. Morland has behaved handsomely," said the gentle '
            'Mrs. Thorpe, looking at her daughter.\n')
    assert [speaker for _, speaker in speakers(text, cast)] == [
        "Mrs. Morland", "Mrs. Morland", "Isabella Thorpe", "Mrs. Thorpe"]


def test_the_rest_of_a_sentence_broken_by_a_tag_is_the_tags_speaker():
    cast = {"John Thorpe": Character("John Thorpe", ("Thorpe",), "M"),
            "James Morland": Character("James Morland", ("Morland", "James"), "M")}
    text = ('"Three-and-twenty!" cried Thorpe, "five-and-twenty if it is an inch." Morland remonstrated, '
            'and pleaded the milestones.\n')
    assert [speaker for _, speaker in speakers(text, cast)] == ["John Thorpe", "John Thorpe"]


def test_a_household_name_in_lower_case_is_a_tag():
    cast = {"John": Character("John", (), "M"), "Nanny": Character("Nanny", (), "F"),
            "Brenda": Character("Brenda", (), "F")}
    text = ('Brenda had gone up. In the nursery John said: "He is a silly man, don\'t you think?"\n\n'
            '"I\'m sure I don\'t know," said nanny.\n\n"Now eat up your supper," said nanny.\n')
    assert [speaker for _, speaker in speakers(text, cast)] == ["John", "Nanny", "Nanny"]


def test_after_an_answer_told_without_its_words_the_one_who_asked_goes_on():
    cast = {"Mrs. Bennet": Character("Mrs. Bennet", (), "F"), "Mr. Bingley": Character("Mr. Bingley", ("Bingley",), "M"),
            "Elizabeth": Character("Elizabeth", (), "F")}
    text = ('Elizabeth sat by the window.\n\n"It is a long time, Mr. Bingley, since you went away," said Mrs. Bennet.\n\n'
            'He readily agreed to it.\n\n"I began to be afraid you would never come back again."\n\n'
            '"Did you see it in the Times?" asked Mrs. Bennet.\n\nBingley replied that he did.\n\n'
            '"It is a delightful thing, to have a daughter well married."\n')
    assert [speaker for _, speaker in speakers(text, cast)] == ["Mrs. Bennet"] * 4


def test_a_silence_broken_by_the_silent_one_is_a_lead_in():
    cast = {"Syme": Character("Syme", (), "M"), "The Colonel": Character("The Colonel", ("Colonel",), "M")}
    text = ('"Where can they have got the horses?" asked Syme.\n\n'
            'The Colonel was silent for a little, then he said\n\n'
            '"There is only one place within twenty miles."\n')
    quotes = attribute(text, cast)
    assert [(q.speaker, q.basis) for q in quotes] == [("Syme", "tag"), ("The Colonel", "lead-in")]


def test_said_the_girl_is_the_listed_girl_only_when_she_is_at_hand():
    cast = {"Lucy": Character("Lucy", ("Miss Honeychurch",), "F"), "Persephone": Character("Persephone", ("The Girl",), "F"),
            "Mr. Beebe": Character("Mr. Beebe", (), "M"), "The Cook": Character("The Cook", (), "F")}
    far = ('Persephone was painted on the ceiling of the old hall.\n\n' + 'The rain fell all week. ' * 200 +
           '\n\nMr. Beebe came in and found Lucy at the piano.\n\n"You play well," said Mr. Beebe.\n\n'
           '"I play badly," said the girl. "But I play."\n\n'
           'The next witness was the Duchess\'s cook.\n\n"Shan\'t," said the cook.\n')
    said = speakers(far, cast)
    assert [speaker for _, speaker in said] == ["Mr. Beebe", "Lucy", "Lucy", "The Cook"]
    near = ('Persephone came down the steps to meet Mr. Beebe.\n\n"You came," said Mr. Beebe.\n\n'
            '"I always come in spring," said the girl.\n')
    assert speakers(near, cast)[-1][1] == "Persephone"


def test_a_clergyman_is_a_man_and_a_hostess_a_woman():
    cast = {"Mr. Beebe": Character("Mr. Beebe", (), "M"), "The Clergyman": Character("The Clergyman", (), "U"),
            "Mrs. Honeychurch": Character("Mrs. Honeychurch", (), "F"), "The Hostess": Character("The Hostess", (), "U"),
            "Lucy": Character("Lucy", (), "F")}
    text = ('Summer Street was asleep. ' * 150 + '\n\nMr. Beebe called on Mrs. Honeychurch.\n\n'
            '"Only for a minute," said the clergyman.\n\n"Then stay for tea," said the hostess.\n')
    assert [speaker for _, speaker in speakers(text, cast)] == ["Mr. Beebe", "Mrs. Honeychurch"]


def test_his_mother_and_his_sister_from_the_surname_of_his_full_name():
    cast = {"Newland Archer": Character("Newland Archer", ("Archer", "Newland"), "M"),
            "Mrs. Archer": Character("Mrs. Archer", (), "F"), "Janey Archer": Character("Janey Archer", ("Janey",), "F"),
            "Mr. Archer": Character("Mr. Archer", (), "M")}
    text = ('Newland Archer came home late.\n\n"Ellen Olenska especially," said his mother.\n\n'
            '"Poor Ellen!" cried his sister.\n')
    assert [speaker for _, speaker in speakers(text, cast)] == ["Mrs. Archer", "Janey Archer"]


def test_her_brother_is_the_untitled_man_of_her_name_not_her_father_the_major_nor_her_uncle():
    cast = {"Kitty": Character("Kitty", ("Katherine Ashcombe", "Miss Kitty"), "F"),
            "Tom": Character("Tom", ("Tom Ashcombe",), "M"),
            "the Major": Character("the Major", ("Major Geoffrey Ashcombe", "Geoffrey"), "M"),
            "Uncle Lionel": Character("Uncle Lionel", ("Lionel Ashcombe", "Mr. Ashcombe"), "M")}
    text = ('Kitty sat in the corner seat with her forehead against the window.\n\n'
            '"You\'ll leave a mark on the glass," said her brother.\n')
    assert speakers(text, cast)[-1][1] == "Tom"


def test_the_one_a_tag_speaks_to_is_not_its_he():
    cast = {"The General": Character("The General", ("General",), "M"), "De Griers": Character("De Griers", (), "M"),
            "Polina": Character("Polina", (), "F")}
    text = ('De Griers came in. The General looked up.\n\n'
            '"She is a terrible old woman," he whispered to the General.\n')
    assert speakers(text, cast)[-1][1] == "De Griers"


def test_ended_rapped_and_hastened_to_add_are_speech_tags():
    text = ('"Of course," Mara ended, "nobody asked me."\n\n"You have not thought at all," rapped Tobin.\n\n'
            'Ilse hastened to add, "But we would have."\n')
    quotes = attribute(text, CAST)
    assert [(q.speaker, q.basis) for q in quotes] == [("Mara", "tag"), ("Mara", "tag"), ("Tobin", "tag"),
                                                      ("Ilse", "tag")]


def test_were_his_words_across_a_line_break_is_a_tag():
    cast = {"Colonel Fitzwilliam": Character("Colonel Fitzwilliam", ("Fitzwilliam",), "M"),
            "Miss Bingley": Character("Miss Bingley", (), "F")}
    text = ('Miss Bingley had gone to Town.\n\n"There were some very strong objections against the lady," were Colonel\n'
            'Fitzwilliam\'s words, and she thought of them all night.\n')
    assert [(q.speaker, q.basis) for q in attribute(text, cast)] == [("Colonel Fitzwilliam", "tag")]


def test_the_one_a_tag_asks_answers_next():
    cast = {"Grandmother": Character("Grandmother", (), "F"), "Polina": Character("Polina", (), "F"),
            "Prascovia": Character("Prascovia", (), "F")}
    text = ('Polina and Prascovia stood by the carriage.\n\n'
            '"What is there to be seen?" the old woman inquired of Polina.\n\n'
            '"There is a ruined castle, and the Shlangenberg."\n')
    quotes = attribute(text, cast)
    assert quotes[-1].speaker == "Polina"


def test_replied_the_other_is_the_other_of_the_two_talking():
    cast = {"Syme": Character("Syme", (), "M"), "Gregory": Character("Gregory", (), "M"),
            "Rosamond": Character("Rosamond", (), "F")}
    text = ('Syme and Gregory walked on while Rosamond watched from the gate.\n\n'
            '"And what do the people say?" asked Syme.\n\n"They say we are jolly gentlemen," answered Gregory.\n\n'
            '"It seems a clever idea," said Syme.\n\n"Clever! God blast your impudence!" cried out the other.\n')
    last = attribute(text, cast)[-1]
    assert (last.speaker, last.basis) == ("Gregory", "tag")


def test_said_the_old_man_in_an_exchange_is_the_man_whose_turn_it_is():
    cast = {"Mr. Emerson": Character("Mr. Emerson", ("Emerson",), "M"), "Lucy": Character("Lucy", (), "F"),
            "Mr. Beebe": Character("Mr. Beebe", ("Beebe",), "M")}
    text = ('Mr. Emerson sat with Lucy on the terrace. Mr. Beebe had gone in.\n\n'
            '"You are very kind," said Mr. Emerson.\n\n"Not at all," said Lucy.\n\n'
            '"But I mean it," said the old man.\n')
    last = attribute(text, cast)[-1]
    assert (last.speaker, last.basis) == ("Mr. Emerson", "tag")


def test_he_after_the_narration_brings_someone_in_is_the_newcomer_not_whose_turn_it_was():
    cast = {"Holt": Character("Holt", (), "M"), "Webb": Character("Webb", (), "M"),
            "Mr. Pryce": Character("Mr. Pryce", ("Pryce",), "M")}
    text = ('"Is anyone in?" asked Holt.\n\n'
            '"Knock again," said Webb. The door opened at last, and Mr. Pryce stood there, a tall thin man in '
            'slippers.\n\n"Come in, gentlemen," said he.\n\n"Thank you," said Holt.\n\n"Mind the dog," he said.\n')
    said = [(q.speaker, q.basis) for q in attribute(text, cast)]
    assert said[2] == ("Mr. Pryce", "pronoun")
    # with no one brought in, whose turn it is stands: the last "he" answers Holt
    assert said[4] == ("Mr. Pryce", "pronoun")



def test_he_after_a_man_who_came_behind_a_torch_is_that_man_not_the_last_one_named():
    """"A flashlight beam came bobbing along, and then a man came with it": the "he" who speaks next is him."""
    cast = {"Stan": Character("Stan", (), "M"), "Edie": Character("Edie", (), "F")}
    text = ('"Don\'t tell Dot," said Stan. "Please, Edie."\n\nHe ducked through the gap and went out at a trot.\n\n'
            'A flashlight beam came bobbing along between the wagons behind them, and then a man came with it, a '
            'thick-necked man in a brown uniform shirt with a star pinned to the pocket.\n\n'
            '"Evening," he said. "Which one of you is Kowalski?"\n')
    said = [(q.speaker, q.basis) for q in attribute(text, cast)]
    assert said[:2] == [("Stan", "tag")] * 2 and ("Stan", "pronoun") not in said[2:], said
    # (and once he gives his name, his lines are his)
    cast["Deputy Harmon"] = Character("Deputy Harmon", (), "M")
    later = text + '\n"Nobody here by that name," said Edie.\n\n"Deputy Harmon. Marion County," he said, and went.\n'
    assert [q.speaker for q in attribute(later, cast)][2:4] == ["Deputy Harmon"] * 2



def test_is_that_our_joanne_is_asked_of_her_and_a_name_then_the_shift_is_the_speakers_own():
    """"Is that our Joanne?" / "It is, Mr. Hesketh.": she answers; "Is that Ina Marsh?" asks about someone
    else. "Clive Isaacs. Night shift." and "Deputy Harmon. Marion County." give the speaker's own name."""
    cast = {"Albert": Character("Albert", ("Mr. Hesketh",), "M"), "Joanne": Character("Joanne", (), "F"),
            "Kieran": Character("Kieran", (), "M")}
    text = ('Kieran sat by the bed. The old man opened his eyes.\n\n"Is that our Joanne?"\n\n'
            '"It is, Mr. Hesketh."\n')
    assert [q.speaker for q in attribute(text, cast)] == ["Albert", "Joanne"]
    about = text.replace("Is that our Joanne?", "Is that Ina Marsh?")
    assert [q.speaker for q in attribute(about, cast)][1] != "Joanne"
    guard = {"Clive Isaacs": Character("Clive Isaacs", ("Clive",), "M"), "Thandeka": Character("Thandeka", (), "F"),
             "Spook": Character("Spook", (), "M")}
    text = ('The guard came out under a golf umbrella.\n\n"Ag, sorry, Captain," said Spook.\n\n'
            'Thandeka held up her card. "Clive Isaacs. Night shift. What can I do for you?"\n')
    assert [q.speaker for q in attribute(text, guard)][-1] == "Clive Isaacs"


def test_a_name_with_a_before_it_is_a_work_or_a_kind_not_the_person():
    cast = {"Lucy": Character("Lucy", (), "F"), "Cecil": Character("Cecil", (), "M"),
            "Leonardo": Character("Leonardo", (), "U")}
    text = ('Cecil had asked her to marry him in the garden.\n\n'
            'But to Cecil, now that he was about to lose her, she seemed more desirable. He looked at her for the '
            'first time. From a Leonardo she had become a living woman, with mysteries of her own. He cried: '
            '"But I love you!"\n\n"I did not," she said.\n')
    said = speakers(text, cast)
    assert said[0] == ("But I love you!", "Cecil") and said[1][1] != "Leonardo"
    # a title makes it someone: "a Mr. Smith" is a man who came in
    cast["Mr. Smith"] = Character("Mr. Smith", (), "M")
    text = 'Lucy was alone when a Mr. Smith was shown in.\n\n"Good morning," he said.\n'
    assert speakers(text, cast) == [("Good morning,", "Mr. Smith")]


def test_a_second_quote_in_a_sentence_is_said_by_the_subject_of_its_own_clause():
    cast = {"Alice": Character("Alice", (), "F"), "The White Rabbit": Character("The White Rabbit", ("Rabbit",), "M"),
            "Hall": Character("Hall", (), "M"), "Fearenside": Character("Fearenside", (), "M")}
    text = ('"Stupid things!" Alice began in a loud voice, but she stopped hastily, for the White Rabbit cried out, '
            '"Silence in the court!" and the King put on his spectacles.\n\n'
            'The dog sprang. "Whup!" cried Hall, jumping back, for he was no hero with dogs, and Fearenside howled, '
            '"Lie down!" and snatched his whip.\n\n'
            'Mr. Bennet, after a long pause, said, "Never mind."\n')
    cast["Mr. Bennet"] = Character("Mr. Bennet", (), "M")
    assert [s for _, s in speakers(text, cast)] == ["Alice", "The White Rabbit", "Hall", "Fearenside", "Mr. Bennet"]


def test_a_name_called_inside_a_quoted_letter_is_not_who_answers():
    cast = {"Mrs. Honeychurch": Character("Mrs. Honeychurch", (), "F"), "Freddy": Character("Freddy", (), "M"),
            "Mrs. Vyse": Character("Mrs. Vyse", (), "F")}
    text = ('Mrs. Honeychurch sat at the desk, and Freddy read by the fire.\n\n'
            '"How interesting!" said Mrs. Honeychurch.\n\n"I feel--never mind," said Freddy.\n\n'
            '"Just listen to what I have written. I said: \'Dear Mrs. Vyse, Cecil has asked me about it.\'"\n\n'
            '"Yes, mother, you told me."\n')
    assert speakers(text, cast)[-1] == ("Yes, mother, you told me.", "Freddy")


def test_apostrophes_a_conversion_lost_are_read_as_apostrophes_and_the_text_is_kept():
    from pipeline.text.quotes import mend_apostrophes
    cast = {"Isabella": Character("Isabella", (), "F"), "Catherine": Character("Catherine", (), "F"),
            "Thorpe": Character("Thorpe", ("John Thorpe",), "M")}
    told = ('Catherine sat with Isabella. It was broken by Thorpe s saying very abruptly, "I don t care." '
            'Nobody answered him.\n\n"Psha, nonsense!" was Isabella s answer. "I ll go at four o clock."\n\n')
    text = told * 4      # a conversion that loses one loses them all
    assert mend_apostrophes(text).startswith("Catherine sat with Isabella. It was broken by Thorpe's saying")
    assert "I don't care." in mend_apostrophes(text) and "I'll go at four o'clock." in mend_apostrophes(text)
    assert mend_apostrophes(told) == told        # a handful are where the author put them
    said = speakers(text, cast)
    assert said[:3] == [("I don t care.", "Thorpe"), ("Psha, nonsense!", "Isabella"),
                        ("I ll go at four o clock.", "Isabella")]


def test_her_father_is_found_by_the_surname_the_text_gives_her_first_name():
    cast = {"Elizabeth": Character("Elizabeth", ("Lizzy", "Miss Eliza"), "F"),
            "Mr. Bennet": Character("Mr. Bennet", (), "M"), "Mrs. Bennet": Character("Mrs. Bennet", (), "F"),
            "Mr. Darcy": Character("Mr. Darcy", ("Darcy",), "M"), "Mr. Weston": Character("Mr. Weston", ("Weston",), "M")}
    text = ('Miss Elizabeth Bennet came down to breakfast late.\n\n'
            '"I love him," said Elizabeth. "Mr. Darcy has no improper pride."\n\n'
            '"Lizzy," said her father, "I have given him my consent."\n\n'
            '"And so have I," said her mother.\n')
    assert [s for _, s in speakers(text, cast)] == ["Elizabeth", "Elizabeth", "Mr. Bennet", "Mr. Bennet",
                                                    "Mrs. Bennet"]


def test_a_tag_after_a_dash_and_a_name_behind_a_word_of_pity():
    cast = {"Emma": Character("Emma", (), "F"), "Mrs. Weston": Character("Mrs. Weston", (), "F"),
            "Lucy": Character("Lucy", (), "F"), "Anne": Character("Anne", (), "F"), "Tom": Character("Tom", (), "M")}
    text = ('"I never saw any gentleman\'s handwriting"--Emma began, looking also at Mrs. Weston; but stopped.\n\n'
            '"Yet our rooms smell," said poor Lucy. "We dread going to bed."\n\nMarie-Anne came in.\n')
    assert [s for _, s in speakers(text, cast)] == ["Emma", "Lucy", "Lucy"]
    assert "Anne" not in {main for _, _, main in _Names(cast).mentions(text)}    # a compound name is not her
    quote = attribute('Tom came in with Lucy.\n\n"Go away!" she almost screamed.\n', cast)[0]
    assert (quote.speaker, quote.basis) == ("Lucy", "pronoun")


def test_a_name_ending_in_ly_is_a_name_not_an_adverb():
    cast = {"Milly": Character("Milly", (), "F"), "Tony": Character("Tony", (), "M"),
            "Emily": Character("Emily", (), "F")}
    text = ('Tony sat down.\n\n"Wait," said Milly, "we are travelling first-class."\n\n'
            '"Yes," said Tony quietly.\n\n"Hush," said Emily softly.\n')
    said = attribute(text, cast)
    assert [(q.speaker, q.basis) for q in said] == [("Milly", "tag"), ("Milly", "tag"), ("Tony", "tag"),
                                                    ("Emily", "tag")]
    assert said[2].direction == said[3].direction == "quiet"


def test_grown_brothers_share_a_title_and_the_relation_need_not_be_the_last_word():
    cast = {"Mr. Knightley": Character("Mr. Knightley", ("Knightley",), "M"),
            "Mr. John Knightley": Character("Mr. John Knightley", ("John Knightley",), "M"),
            "Mr. Woodhouse": Character("Mr. Woodhouse", (), "M"),
            "Newland Archer": Character("Newland Archer", ("Archer",), "M"),
            "Mrs. Archer": Character("Mrs. Archer", (), "F")}
    text = ('Mr. John Knightley looked at the letter.\n\n'
            '"Yes," said his brother hesitatingly, "there is a likeness."\n\n'
            'Newland Archer came in late.\n\n'
            '"Oh, it is really Newland\'s story," said his mother smiling.\n')
    assert [s for _, s in speakers(text, cast)] == ["Mr. Knightley", "Mr. Knightley", "Mrs. Archer"]


def test_a_lead_in_after_speech_introduces_the_next_paragraph():
    cast = {"Elizabeth": Character("Elizabeth", (), "F"), "Mr. Wickham": Character("Mr. Wickham", ("Wickham",), "M"),
            "Mr. Darcy": Character("Mr. Darcy", ("Darcy",), "M")}
    text = ('"And what did she say?" asked Elizabeth.\n\n'
            '"Certainly," Mr. Wickham replied, biting his lips. Elizabeth hoped she had silenced him; but he soon '
            'afterwards said,\n\n"I was surprised to see Darcy in town last month."\n\n'
            '"Perhaps preparing for his marriage," said Elizabeth.\n')
    said = attribute(text, cast)
    assert (said[2].speaker, said[2].basis) == ("Mr. Wickham", "lead-in")


def test_a_bare_quote_after_speech_and_narration_is_whom_that_narration_ended_on():
    cast = {"Griffin": Character("Griffin", ("The Invisible Man",), "M"), "Kemp": Character("Kemp", (), "M")}
    text = ('"You have told no one I am here?" asked Griffin.\n\n"Not a soul," said Kemp.\n\n'
            '"Ah! Now--" The Invisible Man stood up, and began to pace the study.\n\n'
            '"I made a mistake, Kemp, a huge mistake."\n')
    last = attribute(text, cast)[-1]
    assert (last.speaker, last.basis) == ("Griffin", "scene")


def test_only_the_clause_right_after_a_quote_is_its_speakers_beat():
    cast = {"Tom": Character("Tom", (), "M"), "Ilse": Character("Ilse", (), "F"), "Mara": Character("Mara", (), "F")}
    text = ('Ilse came in from the garden.\n\n"Where were you?" asked Tom.\n\n'
            '"Out walking." The rain had soaked her coat through. Mara looked up from the fire and frowned.\n')
    assert speakers(text, cast)[-1] == ("Out walking.", "Ilse")
    text = '"Where were you?" asked Tom.\n\n"Out walking." Ilse shook the rain from her coat.\n'
    assert speakers(text, cast)[-1] == ("Out walking.", "Ilse")


def test_the_voice_of_a_name_and_a_name_s_amendment_are_tags():
    cast = {"Kemp": Character("Kemp", (), "M"), "Mr. Weston": Character("Mr. Weston", ("Weston",), "M"),
            "Emma": Character("Emma", (), "F")}
    text = ('Emma knocked at the study door.\n\n"Come in!" cried the muffled voice of Kemp.\n\n'
            '"Or a fortnight, at the most," was Mr. Weston\'s quick amendment; and so it ended.\n')
    assert [s for _, s in speakers(text, cast)] == ["Kemp", "Mr. Weston"]


def test_said_the_hopeless_inspector_is_the_one_inspector_of_the_cast():
    cast = {"Inspector Ratcliffe": Character("Inspector Ratcliffe", ("Ratcliffe",), "M"),
            "Syme": Character("Syme", (), "M"), "Dr. Bull": Character("Dr. Bull", (), "M")}
    text = ('Syme looked at the map.\n\n"Is there no way out?" asked Syme.\n\n'
            '"No," said the hopeless Inspector, "none."\n\n"Then we fight," said the cheerful Doctor.\n')
    assert [s for _, s in speakers(text, cast)] == ["Syme", "Inspector Ratcliffe", "Inspector Ratcliffe", "Dr. Bull"]


def test_her_mother_of_a_girl_with_no_surname_is_the_next_womans_mother():
    cast = {"Catherine Morland": Character("Catherine Morland", ("Catherine", "Miss Morland"), "F"),
            "Mrs. Morland": Character("Mrs. Morland", (), "F"), "Sarah": Character("Sarah", (), "F")}
    text = ('Catherine Morland came home at last, and said little.\n\n'
            'Sarah still indulged in wonder and conjecture. "My dear, you give yourself a great deal of needless '
            'trouble," said her mother at last.\n')
    assert speakers(text, cast)[-1][1] == "Mrs. Morland"


def test_a_name_behind_any_one_word_of_description_is_the_speaker():
    cast = {"Anne": Character("Anne", (), "F"), "Marilla": Character("Marilla", (), "F"),
            "Diana": Character("Diana", (), "F")}
    text = ('Diana and Anne sat with Marilla.\n\n"Nothing will come of it," said Marilla.\n\n'
            '"I agree," said Diana.\n\n"I have my doubts about it," remarked skeptical Anne, sniffing at her narcissi.\n')
    last = attribute(text, cast)[-1]
    assert (last.speaker, last.basis) == ("Anne", "tag")


def test_my_aunt_and_my_mother_in_a_story_told_as_i():
    text = ("I got home at six. I was soaked, and I was late, and I knew it. I had missed the bus and I had "
            "walked the whole way, and my shoes were ruined, and I did not care. I let myself in.\n\n"
            "I hung my coat on my hook. I kicked off my shoes. I could smell my tea, and I could hear my "
            "mother's voice in the kitchen, and I knew my aunt was there too, because I could hear her laugh.\n\n"
            'Aunt Jess was at the table with Mum. "Sit down, Nell," said Mum.\n\n'
            '"Is she hungry?" I heard Aunt Jess ask. "She looks hungry, Carol."\n\n'
            '"I\'m always hungry," I said.\n\n'
            '"Then eat," said my mother.\n\n'
            '"Leave the girl alone," said my aunt. "She\'s only just in."\n\n'
            '"I\'m leaving her alone," said my mother. "I\'m feeding her."\n')
    characters = discover_characters(text)
    said = {q.text: q.speaker for q in attribute(text, characters) if q.kind == "speech"}
    aunt = next(m for m, c in characters.items() if "Aunt Jess" in (m, *c.aliases))
    mum = next(m for m, c in characters.items() if "Mum" in (m, *c.aliases))
    assert said["Leave the girl alone,"] == aunt
    assert said["Then eat,"] == said["I'm leaving her alone,"] == mum != aunt


def test_a_call_heard_from_one_end_is_one_speaker_through_its_pauses():
    cast = {"Reyes": Character("Reyes", (), "M"), "Marisol": Character("Marisol", (), "F"),
            "Lorrie": Character("Lorrie", (), "F")}
    text = ('"More coffee?" said Lorrie.\n\n"Please," said Marisol.\n\n'
            'The phone on his belt buzzed. Reyes looked at the screen and turned half away from them.\n\n'
            '"Go ahead," he said.\n\nHe listened for a long time. Marisol watched the muscle in his jaw go tight.\n\n'
            '"How many still out?"\n\nAnother pause. His eyes went down the counter to where Lorrie stood.\n\n'
            '"Okay. No, don\'t call her. I\'ll tell her myself."\n\nHe listened again, and frowned.\n\n'
            '"And is the light on?"\n')
    said = [speaker for _, speaker in speakers(text, cast)]
    assert said[2:] == ["Reyes"] * 4, said


def test_he_leans_on_the_sentence_s_subject_not_a_name_after_a_preposition():
    cast = {"Archer": Character("Archer", (), "M"), "Winsett": Character("Winsett", (), "M")}
    text = ('"You should go into politics," said Winsett.\n\n'
            'Archer laughed. No gulf was wider than the one between men like Winsett and Archer himself. '
            '"They would never have us," he answered.\n')
    assert [s for _, s in speakers(text, cast)] == ["Winsett", "Archer"]


def test_a_name_alone_that_the_next_sentence_calls_him_is_spoken_of_not_to():
    cast = {"Kessler": Character("Kessler", (), "M"), "Judith": Character("Judith", (), "F"),
            "Ted": Character("Ted", (), "M")}
    text = ('"You\'re very quiet, Judith," Kessler said.\n\n"I\'m thinking."\n\n'
            '"He knew," he said. "Ted. I told him in August, and he laughed at me."\n\n'
            '"Then he got his wish."\n\n"He did."\n')
    assert [s for _, s in speakers(text, cast)][-3:] == ["Kessler", "Judith", "Kessler"]


def test_a_stranger_who_gives_his_name_late_in_his_paragraph_said_all_of_it():
    cast = {"Szabo": Character("Szabo", ("Mr. Szabo",), "M"), "Iris": Character("Iris", ("I", "narrator"), "F"),
            "Oakes": Character("Oakes", (), "M")}
    text = ('Mr. Szabo had been right about the four-ten.\n\n'
            '"Leeds train?" said a porter, stopping his barrow beside me.\n\n"Yes," I said.\n\n'
            '"Meeting someone?"\n\n"My brother."\n\n'
            '"Ah." He nodded. "Brothers is always late." He leaned on the barrow. "Name\'s Oakes, if you need anything."\n')
    said = [s for _, s in speakers(text, cast)]
    assert said == ["Oakes", "Iris", "Oakes", "Iris", "Oakes", "Oakes", "Oakes"], said



def test_a_name_said_with_a_handshake_is_ones_own():
    cast = {"Mrs. Halloran": Character("Mrs. Halloran", (), "F"), "Iris": Character("Iris", ("I", "narrator"), "F"),
            "Mrs. Ingram": Character("Mrs. Ingram", (), "F")}
    text = ('"Eat your eggs," said Mrs. Halloran.\n\n* * *\n\n'
            'A woman in a brown coat stood near me at the barrier.\n\n"Yes," I said. "Are you meeting someone too?"\n\n'
            '"My son." She opened the bag again. "He always liked humbugs." She held out her other hand '
            'awkwardly. "Mrs. Ingram."\n')
    assert [s for _, s in speakers(text, cast)][-3:] == ["Mrs. Ingram"] * 3


def test_she_after_a_scene_break_is_not_someone_left_in_the_scene_before():
    cast = {"Mrs. Halloran": Character("Mrs. Halloran", (), "F"), "Iris": Character("Iris", ("I", "narrator"), "F"),
            "Mrs. Ingram": Character("Mrs. Ingram", (), "F")}
    text = ('"Eat your eggs," said Mrs. Halloran, and Mrs. Halloran took the kettle off the heat.\n\n* * *\n\n'
            'The platform was crowded. A woman in a brown coat stood near me at the barrier.\n\n'
            '"Leeds train?" she asked me.\n\n"Yes," I said. "Are you meeting someone too?"\n\n'
            '"My son." She held out her other hand. "Mrs. Ingram."\n')
    assert [s for _, s in speakers(text, cast)][1] == "Mrs. Ingram"


def test_papa_called_by_his_daughter_answers_next():
    cast = {"Emma": Character("Emma", ("Emma Woodhouse",), "F"), "Mr. Woodhouse": Character("Mr. Woodhouse", (), "M"),
            "Frank": Character("Frank", ("Frank Churchill",), "M")}
    text = ('"We may talk it over, sir," said Frank.\n\n"But my time is so limited--"\n\n'
            '"Oh!" interrupted Emma, "there will be plenty of time. If it can be at the Crown, papa, it will be '
            'convenient for the horses."\n\n"So they will, my dear. That is a great thing."\n')
    assert [s for _, s in speakers(text, cast)][-1] == "Mr. Woodhouse"


def test_ones_own_full_name_said_alone_by_a_he_is_an_introduction_a_title_and_a_name_going_on_are_not():
    cast = {"Gerald Fairweather": Character("Gerald Fairweather", ("Gerald",), "M"),
            "Declan": Character("Declan", (), "M"), "Sully": Character("Sully", ("I", "narrator"), "M"),
            "Mr. James": Character("Mr. James", (), "M")}
    text = ("I dug the leads out from under the bag and Declan's old toolbox.\n\n"
            "The tall man straightened up and shook my hand.\n\n"
            '"Gerald Fairweather," he said. "You\'ve saved our bacon."\n\n"Any time," I said.\n\n'
            '"Mr. James," he said. "Did I understand you?"\n\n'
            '"Gerald Fairweather," he said, "is a name I\'ve never liked."\n')
    said = [s for _, s in speakers(text, cast)]
    assert said[:2] == ["Gerald Fairweather", "Gerald Fairweather"], said
    # "Mr. James" is said to him; a name the sentence goes on from is its subject
    assert said[3] != "Mr. James" and said[5] != "Gerald Fairweather", said


def test_ones_own_full_name_broken_by_the_tag_before_a_condition_is_given_not_said_to_her():
    cast = {"Maggie": Character("Maggie", ("Margaret Ridley",), "F"), "Fran": Character("Fran", (), "F"),
            "Nell": Character("Nell", ("I", "narrator"), "F")}
    text = ('"Another?" Fran said, and set down the glass.\n\n"Please," I said.\n\n'
            'Across the room Maggie opens one eye. "Margaret Ridley," she says, "if you\'re writing it down '
            'properly."\n')
    said = [s for _, s in speakers(text, cast)]
    assert said[-2:] == ["Maggie", "Maggie"], said


def test_a_full_name_never_written_before_said_as_a_sentence_is_the_speaker_giving_it():
    cast = {"Hale": Character("Hale", ("Tom Hale",), "M"), "Priya": Character("Priya", (), "F"),
            "Stan Pugh": Character("Stan Pugh", (), "M"), "Des": Character("Des", ("Desmond Pryce",), "M")}
    text = ('"Write it all down," Hale said to Priya.\n\n'
            'They bring him up the slope on the rope. He is a small man in his sixties, soaked to the skin.\n\n'
            '"I\'m warm. I\'m boiling." He points a shaking finger at her notebook. "Stan Pugh. Write that down, love."\n\n'
            '"Desmond Pryce. Lives on Tanner Street with his mother," said Hale.\n')
    said = [s for _, s in speakers(text, cast)]
    assert said[1:] == ["Stan Pugh", "Stan Pugh", "Hale"], said


def test_a_full_name_answering_who_did_it_is_someone_else_but_answering_who_are_you_is_the_speaker():
    cast = {"Hardie": Character("Hardie", ("Neil Hardie",), "M"), "Strachan": Character("Strachan", ("Fiona Strachan",), "F"),
            "Colin Tait": Character("Colin Tait", ("Tattie",), "M"), "Nell": Character("Nell", ("Nell Garside",), "F"),
            "Maggie": Character("Maggie", ("Mrs. Ridley",), "F")}
    text = ('"It was no accident," said Strachan.\n\nHardie took out his notebook. "Who found him?"\n\n'
            '"Colin Tait. A roustabout. He was first on shift."\n\n'
            "The woman on the bench looked up.\n\n"
            '"Maggie," she said. "Who are you?"\n\n"Nell Garside. From the Courier."\n')
    said = [s for _, s in speakers(text, cast)]
    assert said[2] == "Strachan" and said[-1] == "Nell", said


def test_ones_own_name_into_a_telephone_just_picked_up_and_im_after_a_name_said_to_someone():
    cast = {"Lorna Baird": Character("Lorna Baird", ("Baird", "Ms Baird"), "F"),
            "Bridie": Character("Bridie", (), "F"), "Maureen Kerr": Character("Maureen Kerr", ("Mrs Kerr",), "F"),
            "Hamish Rennie": Character("Hamish Rennie", ("Dr Rennie",), "M")}
    text = ("The telephone on the wall began to ring. Bridie went to answer it, but the manager crossed the room "
            "and lifted the receiver before Bridie could reach it.\n\n"
            "'Baird.'\n\nShe listened, turning her back on the room.\n\n"
            "'Yes. Yes, I'm aware of what time it is.'\n\n"
            "The doctor was younger than Maureen Kerr had expected.\n\n"
            "'Mrs Kerr. I'm Hamish Rennie, the registrar on tonight. Please, sit down.'\n")
    said = speakers(text, cast)
    assert [speaker for _, speaker in said] == ["Lorna Baird", "Lorna Baird", "Hamish Rennie"]


def test_a_name_inside_words_a_speaker_quotes_in_double_marks_is_not_said_to_anyone_now():
    from pipeline.text.addressed import vocatives
    from pipeline.text.names import _Names
    names = _Names({"Tam": Character("Tam", (), "M"), "Mo": Character("Mo", (), "F")})
    quote = 'He came out to the step, Mo, and he said to me, "Nobody will ever know, Tam. Two hours."'
    assert vocatives(quote, names) == {"Mo"}


def test_a_name_said_alone_in_answer_to_what_people_call_you_is_the_one_answering():
    cast = {"Gus": Character("Gus", (), "M"), "Skeeter": Character("Skeeter", (), "M"),
            "Kestrel": Character("Kestrel", (), "F")}
    text = ('Gus poured the coffee. I took it to the corner booth, where a kid sat over a plate of fries.\n\n'
            '"People call you anything besides kid?" asked Kestrel.\n\n'
            '"Skeeter." He licked salt off his thumb. "On account of I\'m small."\n')
    assert [speaker for _, speaker in speakers(text, cast)][1:] == ["Skeeter", "Skeeter"]


def test_one_introduction_answers_another_and_a_handshake_after_a_name_makes_it_ones_own():
    text = ("I had come to see Iris Pollard about her caravan, and Lorraine Dunmore had come with me. "
            "I went through to the back of it. A small woman in a cardigan was sitting by the heater. "
            "I had been told she would be difficult, and I believed it.\n\n"
            "“You’ll be the agent,” she said.\n\n“He is,” said Lorraine.\n\n"
            "“Tom Pennick.” I held out my hand, and she took it.\n\n"
            "“Iris Pollard. Sit down, Mr. Pennick, you’re letting the draught in.”\n\n"
            "I sat down. The heater ticked.\n\n“Devane. Rosalind Devane,” said the woman by the door.\n\n"
            "“Miss Devane.” Iris nodded at her. “You can sit too.”\n")
    characters = {"Tom Pennick": Character("Tom Pennick", ("Tom", "Mr. Pennick", "I", "narrator"), "M"),
                  "Iris Pollard": Character("Iris Pollard", ("Iris",), "F"),
                  "Rosalind Devane": Character("Rosalind Devane", ("Miss Devane",), "F"),
                  "Lorraine Dunmore": Character("Lorraine Dunmore", ("Lorraine",), "F")}
    said = {q.text.split(".")[0]: q.speaker for q in attribute(text, characters)}
    assert said["Tom Pennick"] == "Tom Pennick" and said["Iris Pollard"] == "Iris Pollard"
    assert said["Miss Devane"] != "Rosalind Devane"



def _strangers_named(text: str, cast: dict) -> dict[str, tuple]:
    from pipeline.text.quotes import _scan_quotes
    from pipeline.text.strangers import name_the_strangers
    named = name_the_strangers(text, [(a, b) for a, b, _ in _scan_quotes(text)], cast)
    return {main: c.aliases for main, c in named.items()}


def test_someone_the_narration_named_long_before_is_not_the_job_described_since():
    # Tess, at her desk from the first page, gives her name to the charge nurse: she is not him
    cast = {"Tess": Character("Tess", ("Tess Morrow",), "F"), "Ruth": Character("Ruth", (), "F"),
            "the nurse": Character("the nurse", (), "U")}
    text = ('Tess Morrow sat at her desk. "I want the hospital," Tess said.\n\n"Go," said Ruth.\n\n'
            'The charge nurse at the desk was writing on a whiteboard. The nurse capped the marker.\n\n'
            '"Don\'t tell me," the nurse said. "You\'re not a patient."\n\n'
            '"Tess Morrow. I\'m from the Ledger, not here to get in anybody\'s way."\n\n'
            '"Everybody\'s here to get in somebody\'s way," said Ruth.\n')
    assert "the nurse" in _strangers_named(text, cast)
    # one never named before, giving the name then, is the nurse
    text = text.replace('Tess Morrow sat at her desk. "I want the hospital," Tess said.', '"I want the hospital."')
    assert "the nurse" in _strangers_named(text, cast)["Tess"]


def test_one_who_gives_her_name_takes_one_job_the_nearer():
    # Kirsty at the ticket window is the clerk; the night porter by the door is someone else
    cast = {"Kirsty": Character("Kirsty", ("Kirsty Hollis",), "F"), "Dan": Character("Dan", (), "M"),
            "the porter": Character("the porter", (), "U"), "the clerk": Character("the clerk", (), "F")}
    text = ('The night porter was asleep by the door. The porter snored. "Mm," said the porter.\n\n'
            '"Two for the morning boat," said Dan.\n\nThe clerk looked up. The clerk was young.\n\n'
            '"Name?" said the clerk.\n\n"Marsh."\n\n"Kirsty. Kirsty Hollis. I sat behind you at school."\n')
    named = _strangers_named(text, cast)
    assert "the clerk" in named["Kirsty"] and "the porter" not in named["Kirsty"] and "the porter" in named


def test_a_job_described_who_says_his_name_and_the_job_is_that_person():
    cast = {"Cal": Character("Cal", ("Callum Brodie",), "M"), "Claire": Character("Claire", ("I", "narrator"), "F"),
            "the foreman": Character("the foreman", (), "M")}
    text = ('The foreman walked ahead with the lamp. The foreman did not look back.\n\n'
            '"Here," the foreman said.\n\n"Is this it?" I said.\n\n"It is," said the foreman.\n\n'
            '"Your name, for the statement?"\n\n'
            '"Brodie," he said. "Callum Brodie, though nobody calls me Callum. Cal. Senior foreman, '
            'Lower Ebbing Drainage Board."\n')
    named = _strangers_named(text, cast)
    assert "the foreman" in named["Cal"]
    said = [s for _, s in speakers(text, cast)]
    assert said[0] == said[2] == said[-1] == "Cal", said


def test_she_after_a_woman_brought_in_unnamed_is_the_one_the_answer_calls_by_name():
    text = ('Fran Kell came down the towpath with a boat hook, and Josh ran ahead to the boat.\n\n'
            '"That\'s our dog," said Josh.\n\n"Keep hold of it," said Fran.\n\n'
            'The back hatch slid open with a bang, and an old woman put her head out under an umbrella.\n\n'
            '"Joshua Pell, stop shouting at my dog," she said. "Who\'s this?"\n\n'
            '"PC Hardacre, Mrs. Pell. I\'ve come to ask you to leave the boat."\n\n'
            '"Have you," said Mrs. Pell.\n')
    cast = discover_characters(text)
    said = {q.text[:6]: q.speaker for q in attribute(text, cast) if q.kind == "speech"}
    assert said["Joshua"] == said["Have y"] != said["That's"]
    assert said["Joshua"] not in ("", "Fran", "Fran Kell")


def test_he_after_a_man_the_narration_brings_in_unnamed_is_not_the_last_man_named():
    cast = {"Okoro": Character("Okoro", ("Mr Okoro",), "M"), "Bryn Tudor": Character("Bryn Tudor", ("Bryn", "Mr Tudor"), "M"),
            "Sian": Character("Sian", ("Sian Pugh",), "F")}
    text = ('"Ring me from the farm," Okoro said. "Not a text. Ring me."\n\n'
            'By the time Sian reached the gate the light was going. A man in a green boiler suit was waiting by '
            'the trough with a bucket. He was seventy if he was a day, and he did not look up.\n\n'
            '"You\'ll be the vet," he said.\n\n'
            '"Sian Pugh, from Castle Vets. You must be Mr Tudor."\n\n'
            '"Bryn." He put the bucket down. "Forty years I\'ve had this herd."\n')
    said = speakers(text, cast)
    # Okoro is miles away: the "he" is the man at the trough, whom the answer calls Mr Tudor
    assert said[2:] == [("You'll be the vet,", "Bryn Tudor"),
                        ("Sian Pugh, from Castle Vets. You must be Mr Tudor.", "Sian"),
                        ("Bryn.", "Bryn Tudor"), ("Forty years I've had this herd.", "Bryn Tudor")]


def test_a_he_in_a_newcomers_own_clause_is_theirs_and_the_next_sentence_goes_on_with_the_named():
    cast = {"Okoro": Character("Okoro", (), "M"), "Dev": Character("Dev", ("Dev Rana",), "M"),
            "Mina": Character("Mina", (), "F")}
    text = ('Okoro had gone into his office and shut the door.\n\n'
            'I was reading about a landlord who swore he had fitted an alarm, when Dev Rana wheeled his chair over to my desk. '
            'He held his phone up so I could see it. "Mina. Look at the river."\n\n'
            '"I\'d rather not."\n')
    said = speakers(text, cast)
    assert said[0] == ("Mina. Look at the river.", "Dev")


def test_the_newcomer_the_narration_called_she_is_the_one_who_then_gives_her_name():
    cast = {"Anton": Character("Anton", (), "M"), "Greta": Character("Greta", (), "F"),
            "Ilse": Character("Ilse", (), "F"), "Tom": Character("Tom", (), "M")}
    text = ('"Nearly there," Anton called back to Tom.\n\n'
            'A woman came out of the hut, wiping her hands on a cloth. She was short and grey and she looked at '
            'Anton the way one looks at a wet dog.\n\n'
            '"You said noon." She turned to the rest of us. "I\'m Ilse. Boots by the door."\n\n'
            'Then she saw Greta limping, and the sharpness went out of her. She took a first-aid tin down from the '
            'shelf and knelt.\n\n'
            '"Ankle?" she asked.\n')
    said = speakers(text, cast)
    assert said[1:3] == [("You said noon.", "Ilse"), ("I'm Ilse. Boots by the door.", "Ilse")]
    assert said[3] == ("Ankle?", "Ilse")
    # "she" who turned to the rest of us was Ilse all along, for whatever leans on it later
    _, _, reader = read_speakers(text, cast)
    assert reader.pronoun("she", text.index("Boots by")) == "Ilse"


def test_someone_unnamed_who_comes_through_a_door_says_the_next_line():
    cast = {"Okafor": Character("Okafor", ("Mr Okafor",), "M"), "Callum": Character("Callum", (), "M"),
            "Kez": Character("Kez", (), "M")}
    text = ('"I will be there at five past," Mr Okafor said. "Let him see you first."\n\n'
            'So here I was, being seen first. Callum checked his phone. At two minutes to nine the door of the '
            'stairwell opened and a lad in a grey hoodie came out and stopped under the overhang.\n\n'
            '"You the solicitor?"\n\n"Trainee. Are you Kez?"\n\n"Depends who\'s asking."\n')
    said = speakers(text, cast)
    # Okafor is not there yet: the lad asks, and the answer takes him for Kez
    assert said[2:] == [("You the solicitor?", "Kez"), ("Trainee. Are you Kez?", "Callum"),
                        ("Depends who's asking.", "Kez")]


def test_said_the_old_man_is_the_old_man_with_the_dog_and_said_the_bakers_wife_is_not_the_baker():
    text = ('The bell rang at twenty to ten, and the old man with the dog came in out of the cold. He left the dog '
            'tied to the bicycle stand, as always.\n\n"Morgen," said the old man.\n\n"Morgen," Joachim said. '
            '"The usual?"\n\n"The usual."\n\nThe old man with the dog put a coin on the counter.\n\n'
            '"You\'ve paid," said the baker\'s wife.\n\n"Have I?" The old man with the dog looked at the coin.\n')
    said = speakers(text, discover_characters(text))
    assert said[0] == ("Morgen,", "the old man with the dog")
    assert said[4][0] == "You've paid," and said[4][1] not in ("the baker", "Joachim", "the old man with the dog")


def test_a_stranger_described_once_who_gives_her_surname_when_asked_is_that_woman_throughout():
    text = ("The hall was full. Mr Penrose stood at the front with his drawings.\n\n"
            "A thin woman in a green raincoat, sitting at the end of the front row, put up her hand.\n\n"
            '"Where will the boats go?" she said.\n\n'
            '"A new quay on the west side," said Penrose.\n\n'
            '"That dries at half-tide," said the woman.\n\n'
            '"A fair point, Mrs...?"\n\n"Trewin."\n\n'
            '"Mrs Trewin. We would dredge."\n\n'
            "Later, on the wall, the thin woman in the green raincoat came down out of the dark with a flask.\n\n"
            '"Tea," she said. "Go on."\n\n'
            '"Thank you, Mrs Trewin," said Penrose.\n')
    characters = discover_characters(text)
    said = [(q.text, q.speaker) for q in attribute(text, characters) if q.kind == "speech"]
    assert [q for t, q in said if t.startswith(("Where will", "That dries", "Trewin", "Tea"))] == ["Mrs Trewin"] * 4


def test_someone_brought_in_by_their_job_is_the_he_after_not_the_last_man_named():
    text = ('"Check the stairwell," said Dr Owen Price. "And the car park."\n\n'
            '"Both?" said Nina.\n\n"Both," said Owen.\n\n'
            "The doors at the end of the ward banged open and a porter came through backwards, towing a wheelchair. "
            "He was a wiry man with a shaved head.\n\n"
            '"Evening, ladies." He stopped, taking in our faces. "What?"\n\n'
            '"Nothing, Dex," said Nina. "Go and get the kettle on."\n\n"Suit yourself," said Dex.\n')
    characters = discover_characters(text)
    said = {q.text: q.speaker for q in attribute(text, characters) if q.kind == "speech"}
    assert said["Evening, ladies."] == said["What?"] == "Dex"


def test_the_one_a_story_brings_in_by_the_before_anyone_of_that_sex_is_named_is_a_newcomer():
    from pipeline.text.strangers import newcomers
    text = ("Feet on the iron stairs, slow ones. The old man from 5C has lived in the building since 1971.\n\n"
            '"I can read the sign," he said.\n\nLater Nick came by. The old man nodded at him.\n')
    names = _Names({"Nick": Character("Nick", (), "M")})
    starts = [0] + [m.end() for m in re.finditer(r"[.!?]+[\"”’']?\s+|\n[ \t]*\n|[\"“”]", text)]
    found = newcomers(text, starts, names, 0, len(text))
    # the first "the old man" is someone new; the second, after a man is named, is not brought in again
    assert [(text[at:at + 13], who) for at, who in found] == [("The old man f", "?M")]


def test_a_family_word_the_cast_holds_as_a_name_is_that_person_in_a_tag():
    cast = {"Kwame Mensah": Character("Kwame Mensah", ("Kwame", "Papa"), "M"),
            "Samuel": Character("Samuel", (), "M"), "Abena": Character("Abena", ("I", "narrator"), "F")}
    text = ("Samuel stood beside me at the shelter.\n\n\"Are you alone there?\" said Papa on the phone.\n\n"
            "\"No,\" I said.\n\n\"Good,\" said Papa. \"Goodnight.\"\n")
    said = speakers(text, cast)
    assert said[0][1] == said[2][1] == "Kwame Mensah", said


def test_a_voice_that_came_from_the_hallway_is_whose_voice_it_was():
    cast = {"Efua": Character("Efua", ("Auntie Efua",), "F"), "Akua": Character("Akua", (), "F"),
            "Nana": Character("Nana", (), "F")}
    text = ("\"Eat something,\" said Akua.\n\n\"Later,\" said Nana.\n\n"
            "\"Akua!\" Auntie Efua's voice came from the hallway, high above the music. \"Akua, bring him here.\"\n\n"
            "Akua went.\n")
    said = speakers(text, cast)
    assert said[2][1] == said[3][1] == "Efua", said


def test_she_is_my_sons_girl_chloe_brings_chloe_in_for_the_she_that_follows():
    cast = {"Frank": Character("Frank", ("I", "narrator"), "M"), "Nurse Quinn": Character("Nurse Quinn", (), "F"),
            "Chloe Ashdown": Character("Chloe Ashdown", ("Chloe",), "F")}
    text = ("\"Tablets, Frank,\" said Nurse Quinn.\n\n\"Later,\" I said.\n\nNurse Quinn went out.\n\n"
            "My granddaughter came at eleven. She is my son's girl, Chloe Ashdown, and she always arrives in a rush.\n\n"
            "\"Grandpa!\" She kissed the top of my head. \"You look well.\"\n")
    said = speakers(text, cast)
    assert said[2][1] == said[3][1] == "Chloe Ashdown", said


def test_a_man_in_a_long_camel_coat_is_the_man_in_the_camel_coat_who_later_gives_his_name():
    from pipeline.text.strangers import name_the_strangers, _description, _STRANGER
    from pipeline.text.attribution import _scan_quotes
    first, later = (_STRANGER.search(t) for t in ("came a tall man in a long camel coat.", "The man in the camel coat laughed"))
    assert _description(first.group(1)) == _description(later.group(1)) == "man in the camel"
    cast = {"Sade": Character("Sade", (), "F"), "Tunde": Character("Tunde", (), "M"),
            "Desmond Hale": Character("Desmond Hale", ("Desmond",), "M")}
    text = ("The bell jangled, and in came a tall man in a long camel coat.\n\n\"Can I help?\" said Sade.\n\n"
            "\"I'm looking for whoever is taking care of Mrs Hale.\"\n\n\"That's us,\" said Tunde.\n\n"
            "That night, at the cemetery wall, stood the man in the camel coat.\n\n\"You came,\" said Sade.\n\n"
            "\"I did,\" said Tunde.\n\nHe looked at her. \"Nobody calls me that.\" He held out a hand. "
            "\"Desmond. Desmond Hale.\"\n")
    spans = [(a, b) for a, b, _ in _scan_quotes(text)]
    assert "the man in the camel" in name_the_strangers(text, spans, cast)["Desmond Hale"].aliases


def test_a_bare_quote_whose_next_paragraph_says_who_said_it_is_theirs():
    cast = {"Priya": Character("Priya", ("Priya Mistry",), "F"), "Jodie": Character("Jodie", ("I", "narrator"), "F")}
    text = ("The photocopier jammed at twenty past eight. I had forty pages to copy and a cold brew in a jam jar.\n\n"
            "‘Kick it.’\n\n"
            "Priya Mistry didn’t look up from her screen when she said it. She sat at the desk facing mine.\n\n"
            "‘I’m not kicking it,’ I said.\n\n‘Pull the green thing, then,’ said Priya.\n\n‘There’s three.’\n\n"
            "‘Pull all of them.’\n")
    assert [s for _, s in speakers(text, cast)][:2] == ["Priya", "Jodie"]


def test_an_answer_turning_to_someone_not_yet_met_does_not_make_them_the_one_answered():
    cast = {"Dayo": Character("Dayo", ("I", "narrator"), "M"), "Mr. Campbell": Character("Mr. Campbell", ("Pops",), "M"),
            "Tunde": Character("Tunde", (), "M")}
    text = ("I've got Mr. Campbell in my chair, which means forty minutes of cricket scores.\n\n"
            '"Not too low on top, you hear me?" He points at the mirror with one crooked finger.\n\n'
            '"Pops, there\'s nothing up there to see."\n\n'
            '"Cheeky!" His eyes find mine in the glass. "Tunde, you hear how this boy talk to his elders?"\n\n'
            "Tunde is at the till with his reading glasses pushed up on his forehead.\n")
    assert [s for _, s in speakers(text, cast)][1] == "Dayo"


def test_one_the_story_knows_well_called_by_full_name_is_spoken_to_not_introducing_themself():
    cast = {"Dayo": Character("Dayo", ("I", "narrator"), "M"), "Funke": Character("Funke", ("Funke Akinola",), "F"),
            "Mrs. Adeyemi": Character("Mrs. Adeyemi", (), "F")}
    text = ("Funke is twelve. Funke talks the whole way there, and Funke runs ahead of me with her coat open.\n\n"
            "Mrs. Adeyemi is at the front by the keyboard. She doesn't turn round. She doesn't have to.\n\n"
            '"Funke Akinola," she says to the wall. "Is this six o\'clock?"\n')
    assert [s for _, s in speakers(text, cast)] == ["Mrs. Adeyemi", "Mrs. Adeyemi"]


def test_a_clause_that_opens_on_its_subject_is_about_them_whoever_a_later_clause_names():
    cast = {"Dayo": Character("Dayo", ("I", "narrator"), "M"), "Mrs. Adeyemi": Character("Mrs. Adeyemi", (), "F")}
    text = ("Mrs. Adeyemi turns round.\n\n"
            '"Good evening, Mrs. Adeyemi."\n\n'
            '"Don\'t good evening me." She takes my face in both hands, which she has been doing since I was '
            'three. "You are too thin."\n')
    assert [s for _, s in speakers(text, cast)] == ["Dayo", "Mrs. Adeyemi", "Mrs. Adeyemi"]


def test_on_the_phone_the_one_called_then_its_and_a_first_name_is_the_caller():
    from pipeline.text.addressed import self_named
    names = _Names({"Owen": Character("Owen", (), "M"), "Funmi": Character("Funmi", (), "F"),
                    "Tom": Character("Tom", (), "M")})
    assert self_named("Owen, it’s Funmi. Are you free?", names) == "Funmi"
    assert self_named("Owen, it’s Tom who did it.", names) == ""
    # someone there brought forward and spoken of: not the one speaking
    assert self_named("Owen! This is Tom. It’s his wee girl.", names) == ""
    assert self_named("Owen! This is Tom. He found her.", names) == ""
    full = _Names({"Tom Brennan": Character("Tom Brennan", ("Tom",), "M"), "Owen": Character("Owen", (), "M")})
    assert self_named("Tom Brennan. I rang about the boat.", full) == "Tom Brennan"
    assert self_named("Tom Brennan. Seen him?", full) == ""
    assert self_named("Tom Brennan. Have you seen him?", full) == ""


def test_a_question_told_without_its_words_is_answered_by_the_other():
    cast = {"Emma": Character("Emma", (), "F"), "Harriet": Character("Harriet", (), "F"),
            "Mr. Elton": Character("Mr. Elton", ("Elton",), "M")}
    text = ('"They told me something," said Harriet rather hesitatingly; "but it is nothing of any consequence."\n\n'
            "Emma was obliged to ask what they had told her, though fearful of its producing Mr. Elton.\n\n"
            '"They told me--that Mr. Martin dined with them last Saturday."\n')
    assert [s for _, s in speakers(text, cast)][-1] == "Harriet"


def test_a_man_last_in_a_list_of_those_there_is_the_one_then_called_by_name_and_his_he_is_his():
    text = ('I am on nights. I have been on nights for a week and my feet know it; I eat my toast standing up and I '
            'tell myself I am fine. My bleep goes at eleven and I take the stairs, because I always take the stairs. '
            'Tom is at the desk with his coat on. He hands me the list and goes.\n\n'
            'Bay C has six beds and five of them are asleep. In the pool of light there is a small woman in a lilac '
            'cardigan, a flask on the locker, and a man propped up on four pillows, the mask pushed down so he can '
            'talk.\n\n'
            '"Here she is," he says. "The night shift."\n\n'
            '"Mask up, please, Mr. Hollis," I say.\n\n'
            '"Bert," says the woman in the cardigan. "He only answers to Bert. Mr. Hollis was his father. Albert '
            'Hollis is his name and I\'m Maureen Hollis, the wife."\n\n'
            'I listen to his chest. When I straighten up he is squinting at my badge.\n\n'
            '"Eleanor," he reads. "My mother was an Eleanor."\n')
    cast = discover_characters(text)
    said = {q.text: q.speaker for q in attribute(text, cast)}
    bert = next(m for m, c in cast.items() if "Mr. Hollis" in (m, *c.aliases))
    assert said["Here she is,"] == said["Eleanor,"] == bert, (said, cast)


def test_talk_going_on_as_the_story_comes_in_is_tagged():
    text = ("Dad was at the bar with Len and Den Tofts.\n\n"
            "\"There's two foot in Ashby's front room,\" Den Tofts was saying. \"Two foot.\"\n\n"
            "\"Is there,\" said Len.\n\n\"There is,\" Maureen was saying.\n\n\"Well,\" Len was asked.\n")
    quotes = attribute(text, discover_characters(text))
    assert [(q.speaker, q.basis) for q in quotes][:4] == [("Den Tofts", "tag"), ("Den Tofts", "tag"), ("Len", "tag"),
                                                          ("Maureen", "tag")]
    assert quotes[4].basis != "tag"


def test_a_thing_not_asked_for_is_no_tag():
    text = ("I walked in, and I sat down, and I kept my hat on my knee; I was tired and my feet were "
            "cold and I wanted my bed, and I told myself so, and I said nothing, and I let my tea go cold in my hands. "
            "I counted my steps and I kept my eyes down and I was there. I, me, my, mine, myself: I knew it.\n\n") + (
            "\"You've heard, then,\" Ted says, without turning round.\n\n\"Wenna rang me at six.\"\n\n"
            "\"She would.\" He pours me a tea I haven't asked for and pushes it across the table. \"Fifteen years "
            "old.\"\n")
    quotes = attribute(text, discover_characters(text))
    assert [q.speaker for q in quotes][2:] == ["Ted", "Ted"], [(q.text[:15], q.speaker, q.basis) for q in quotes]


def test_a_speaker_may_name_their_own_family():
    cast = {"Ravi": Character("Ravi Gill", ("Ravi Gill", "Ravi"), "M"), "Raj": Character("Raj", ("Mr. Sharma",), "M"),
            "Anju": Character("Anju", (), "F")}
    text = ('Raj paced the drive with the phone to his ear.\n\n"Not now," Raj said into it.\n\n'
            'A van pulled up, and Ravi Gill climbed out with a box in his arms. He grinned at the house.\n\n'
            '"A delivery from the Gill family," he called. "Nobody open it."\n\n"Ravi, you can\'t be here," said Anju.\n')
    assert speakers(text, cast)[1] == ("A delivery from the Gill family,", "Ravi")


def test_my_brother_or_my_wee_sister_in_a_tag_is_the_one_of_that_sex_the_narration_names_near_it():
    cast = {"Nell": Character("Nell", ("Nell Croft", "I", "narrator"), "F"), "Tom": Character("Tom", ("Tom Croft",), "M"),
            "Len": Character("Len", ("Len Pickering",), "M"), "Rosie": Character("Rosie", (), "F"),
            "Mrs. Hale": Character("Mrs. Hale", (), "F")}
    text = ("\"It's over the bank at the Drove,\" my brother said, coming in with the phone. \"Len says it's been over "
            "since two.\"\n\nHe put the phone down. Tom was nineteen and taller than Dad now, and I had missed him.\n\n"
            "I took my coat and my boots, and I told myself I was not afraid. I went out to the yard and I looked at the "
            "sky, and I went back in.\n\nMrs. Hale was at the door with a casserole.\n\n"
            "\"She's asleep,\" says my wee sister, from under the table.\n\nRosie had her crayons out again.\n")
    said = speakers(text, cast)
    assert said[0][1] == "Tom" and said[-1] == ("She's asleep,", "Rosie"), said
    # the one the narration names right after "my sister", wherever that is, before whoever is named nearest
    cast = {"Jack": Character("Jack", ("I", "narrator"), "M"), "Wenna": Character("Wenna", ("Morwenna",), "F"),
            "Amy": Character("Amy", (), "F")}
    text = ("My sister was at the urn, naturally. Morwenna had been at the urn for every funeral since 1987.\n\n"
            "\"Tea?\" Amy asked me.\n\nAmy went out for milk and I sat down by the piano.\n\n"
            "\"My knees,\" says my sister, \"are sixty-eight years old, Jacko.\"\n")
    assert [who for _, who in speakers(text, cast)][-2:] == ["Wenna", "Wenna"]


def test_a_man_named_after_his_in_a_clause_of_their_doing_is_not_the_he_of_the_next_tag():
    cast = {"Dale Whitley": Character("Dale Whitley", ("Dale",), "M"), "Mari": Character("Mari", (), "F"),
            "Bobby": Character("Bobby", (), "M"), "Lorna": Character("Lorna", (), "F")}
    text = ('"Everybody inside," said Mari.\n\nLorna didn\'t move.\n\n'
            "Dale came back out of the tunnel for his quarterback. Mari watched the arithmetic go across his face, "
            "the scoreboard and the buses and the door they had carried Bobby off on.\n\n"
            '"Lorna," he said.\n')
    assert speakers(text, cast)[-1][1] == "Dale Whitley"
    # but a man the sentence is about, his feet before his name, is its "he"
    text = ('"Where to?" said Mari.\n\nAt the front of the top deck, with his feet up on the ledge, sat Bobby.\n\n'
            '"Doc!" he shouted.\n')
    assert speakers(text, cast)[-1][1] == "Bobby"


def test_my_mother_in_the_narration_is_the_she_of_the_next_beat_and_i_answer_her_between_her_lines():
    cast = {"Kunle": Character("Kunle", ("I", "narrator"), "M"), "Folake": Character("Folake", ("Mummy",), "F"),
            "Renike": Character("Renike", ("the bride",), "F"), "Chief Okafor": Character("Chief Okafor", (), "M")}
    text = ("Every few minutes a wave of dancers rose around Renike and the air filled with notes.\n\n"
            "I had found a table near the back. My mother found me there.\n\n"
            "“So you are hiding.”\n\n“I’m resting, Mummy. I carried eighty chairs.”\n\n"
            "“Nobody counted.” She sat down beside me and arranged her lace. “Your aunty is happy. Look at her.”\n\n"
            "I looked. My aunt was dancing opposite Chief Okafor, who was spraying her with notes.\n\n"
            "“She looks happy.”\n\n“She is tired. It can be both.” My mother patted my knee. “And you? That girl.”\n\n"
            "“Mummy.”\n\n“I am only asking,” my mother said.\n")
    said = speakers(text, cast)
    assert [who for _, who in said] == ["Folake", "Kunle", "Folake", "Folake", "Kunle", "Folake", "Folake", "Kunle",
                                        "Folake"], said


def test_a_full_name_then_seen_her_asks_after_someone_and_is_not_the_speaker_giving_it():
    cast = {"Birdie": Character("Birdie", ("Kestrel",), "F"), "Skeeter": Character("Skeeter", (), "M"),
            "Marianne Holt": Character("Marianne Holt", ("Miss Holt",), "F")}
    text = ('"People call you anything besides kid?" said Birdie.\n\n"Skeeter," he said.\n\n'
            '"Okay, Skeeter. The name\'s Kestrel, and I find people for a living." Birdie slid the photograph across '
            'the table. "Marianne Holt. Seen her?"\n\nHe didn\'t look at the picture long enough.\n')
    assert [s for _, s in speakers(text, cast)][-1] == "Birdie"


def test_a_guess_never_gives_a_line_to_someone_the_narration_says_is_dead():
    cast = {"Tess": Character("Tess", (), "F"), "Noreen": Character("Noreen", (), "F"),
            "Ruth": Character("Ruth", (), "F")}
    text = ('Noreen was at the stove. "Tea\'s in the pot," Noreen said.\n\n'
            'Tess poured herself a mug and stood at the window. She still expected to hear her mother in the hall. '
            'Ruth had been gone nine years.\n\n"How\'s he been? Really."\n')
    assert [s for _, s in speakers(text, cast)][-1] != "Ruth"
    text = text.replace("Ruth had been gone nine years.", "Ruth was upstairs, asleep.")
    assert [s for _, s in speakers(text, cast)][-1] == "Ruth"      # alive, she may be the guess


def test_one_who_dies_in_the_story_may_speak_before_but_not_after():
    from pipeline.text.reader import _Reader
    from pipeline.text.turns import departed
    cast = {"Ron": Character("Ron", ("Ron Pegg",), "M"), "Tracey": Character("Tracey", (), "F"),
            "Ruth": Character("Ruth", (), "F")}
    text = ('Ron Pegg lay in the bed by the window. Ruth had been gone nine years.\n\n"Bloody lovely," said Ron.\n\n'
            'Ron Pegg died at twenty to four.\n\n"I\'ll ring the vicar," said Tracey.\n')
    reader = _Reader(text, cast, "")
    quotes = attribute(text, cast)
    assert departed(reader, quotes, 0) == {"Ruth"}
    assert departed(reader, quotes, text.index("I'll ring")) == {"Ruth", "Ron"}
    # said, not told; and of another of the family, not of Ron
    text = '"I am sure Mrs. Pegg is dead," said Tracey.\n\n"Ron had died, they said," said Tracey.\n'
    assert departed(_Reader(text, cast, ""), attribute(text, cast), len(text)) == set()
    # a father of the same name: the one a tag has speak after "the late Mr. Pegg" is alive
    cast["Ron"] = Character("Ron", ("Ron Pegg", "Mr. Pegg"), "M")
    text = 'He had known the late Mr. Pegg by character.\n\n"Sit down," said Mr. Pegg.\n'
    assert departed(_Reader(text, cast, ""), attribute(text, cast), len(text)) == set()


def test_dad_called_is_said_by_the_one_at_hand_who_shares_his_surname_not_the_other_parent():
    cast = {"Tess": Character("Tess", ("Tess Halloran",), "F"), "Frank": Character("Frank", ("Frank Halloran", "Dad"), "M"),
            "Chook": Character("Chook", (), "M"), "Noreen": Character("Noreen", ("Noreen Pattison",), "F")}
    text = ('Tess Halloran stood at the window with her tea. "Tea\'s in the pot," said Noreen.\n\n'
            'The screen door banged and Frank Halloran came in stamping mud off his boots, with Chook behind him.\n\n'
            '"Morning, Dad."\n\n"Morning."\n')
    assert [s for _, s in speakers(text, cast)][-2] == "Tess"
    cast["Ma"] = Character("Ma", ("Ma", "Bridie Halloran"), "F")
    text = ('Bridie Halloran was at the stove. Frank Halloran came in with Chook behind him.\n\n"Morning, Dad."\n')
    assert [s for _, s in speakers(text, cast)][-1] != "Ma"


def test_a_bare_she_after_a_woman_is_called_by_name_is_the_one_called_not_the_woman_named_before():
    cast = {"Conor": Character("Conor", ("I", "narrator"), "M"), "Kilbride": Character("Kilbride", ("Rita Kilbride",), "F"),
            "Mam": Character("Mam", (), "F")}
    text = ("'Put them away,' said Rita Kilbride, scraping the flat-top.\n\n"
            "Mam came in through the swing door with a sheet of paper in her hand.\n\n"
            "'It is not a place for you,' said Kilbride.\n\n"
            "'Ah, it is,' I said. 'Mam, what are you doing up?'\n\n"
            "'I can't sleep. I can't find the second page of my speech.' She waved the sheet at me.\n")
    assert [s for _, s in speakers(text, cast)][-1] == "Mam"


def test_the_one_who_just_came_in_speaks_next_and_im_tom_by_the_way_names_a_father():
    cast = {"Lou": Character("Lou", ("I", "narrator"), "F"), "Gareth": Character("Gareth", (), "M"),
            "Mr Pargeter": Character("Mr Pargeter", (), "M"), "Ruth": Character("Ruth", ("the captain",), "F")}
    text = ('"Sit down, Gareth," says the captain.\n\n"Can\'t, Captain. I\'m on till six."\n\n"Me? Why?" I ask.\n\n'
            '"Didn\'t say. Nos da, all."\n\n'
            "He goes, and a minute later Mr Pargeter comes in. He has changed into a jumper. He stops by our table, "
            "and everyone goes quiet.\n\n"
            '"Miss Carrow."\n\n"Mr Pargeter. Did they get you on tomorrow\'s flight?"\n')
    said = [s for _, s in speakers(text, cast)]
    assert said[4] == "Mr Pargeter", said
    found = discover_characters('The girl kicked the seat again.\n\nHer dad leaned across. "I\'m so sorry. I\'m Tom, by '
                                'the way. She\'s been up since three."\n\n"So have I," said Mr Pargeter.\n')
    assert any("Tom" in (main, *c.aliases) for main, c in found.items())


def test_the_one_a_narration_ends_on_acting_opens_the_run_and_the_one_i_heard_speaks_next():
    cast = {"Danny": Character("Danny", ("I", "narrator"), "M"), "Fenwick": Character("Fenwick", ("Coach",), "M"),
            "Jess Adair": Character("Jess Adair", ("Jess",), "F"), "Nan": Character("Nan", (), "F")}
    text = ("\u2018So.\u2019 He found me in the corner. \u2018Pryce, you\u2019re starting. Left back,\u2019 said Fenwick.\n\n"
            "It took a second to reach me. Then Jess Adair, who was sitting next to me taping her fingers, elbowed me hard "
            "in the ribs.\n\n\u2018Danny. He means you.\u2019\n\n\u2018I know he means me.\u2019\n\n"
            "\u2018Then say something.\u2019\n\n\u2018Thanks, Coach,\u2019 I said.\n\n"
            "Fenwick walked off the pitch. It was Nan who said something to him. I heard her as we squelched off.\n\n"
            "\u2018Mr Fenwick, you\u2019ll not be dropping him for that.\u2019\n\n"
            "\u2018Wouldn\u2019t dream of it. He was our best player for eighty-five minutes.\u2019\n\n"
            "\u2018And the other five?\u2019\n")
    said = [who for _, who in speakers(text, cast)]
    assert said[2] == "Jess Adair" and said[3] == "Danny", said
    assert said[-3] == "Nan", said


def test_a_colleague_brought_forward_and_spoken_of_is_not_naming_herself():
    from pipeline.text.addressed import self_named
    names = _Names({"Beth Cole": Character("Beth Cole", ("DC Cole", "Beth", "DC Beth Cole"), "F"),
                    "Ruth Sharma": Character("Ruth Sharma", ("PC Sharma", "Ruth"), "F")})
    assert self_named("DC Cole. Beth. It's her first.", names) == ""
    assert self_named("PC Sharma. Ruth. We met on Tuesday.", names) == "Ruth Sharma"
    assert self_named("DC Cole. Beth. I'm new here.", names) == "Beth Cole"


def test_a_name_the_split_sentence_goes_on_about_is_not_called_and_a_mouth_that_went_is_no_tag():
    cast = {"Mum": Character("Mum", (), "F"), "Wullie": Character("Wullie", ("Wullie Kerr",), "M"),
            "Kieran": Character("Kieran", ("I", "narrator"), "M")}
    text = ("I sat at the table.\n\n\u2018You were on the roof,\u2019 Mum said.\n\n\u2018Mum\u2014\u2019\n\n"
            "\u2018Don\u2019t Mum me.\u2019\n\n\u2018Wullie Kerr was never going up for it.\u2019\n\n"
            "\u2018Wullie Kerr,\u2019 said Mum, \u2018is a lazy old sod.\u2019 She looked at me for a long time. Then, I "
            "don\u2019t know why, her mouth went a bit at the corner. \u2018Did you get it, at least?\u2019\n\n"
            "\u2018Aye.\u2019\n")
    said = speakers(text, cast)
    assert [s for _, s in said] == ["Mum", "Kieran", "Mum", "Kieran", "Mum", "Mum", "Mum", "Kieran"], said


def test_a_voice_on_the_radio_that_says_who_is_speaking_is_theirs():
    cast = {"Jo": Character("Jo", (), "F"), "Doctor Mason": Character("Doctor Mason", (), "F"),
            "Georgia": Character("Georgia", (), "F")}
    text = ("Jo took the handpiece. Georgia stood in the doorway eating.\n\n\"Base, this is Kilgarra. Over.\"\n\n"
            "There was static, then a woman's voice.\n\n\"Kilgarra, this is base. Doctor Mason speaking. Go ahead, "
            "Jo. Over.\"\n\n\"It's Sam again. Over.\"\n\n\"Is he drinking, Jo? Over.\"\n")
    said = speakers(text, cast)
    assert said[1][1] == "Doctor Mason" and said[3][1] == "Doctor Mason", said


def test_a_voice_through_the_door_is_the_one_the_next_paragraph_says_it_was_and_she_of_the_clause_after_and():
    cast = {"Mum": Character("Mum", ("Moira",), "F"), "Mrs Laird": Character("Mrs Laird", (), "F"),
            "Callum": Character("Callum", ("I", "narrator"), "M")}
    text = ("I sat at the table with my hand in a towel.\n\n\u2018Hold it there,\u2019 Mum said.\n\n"
            "There was a knock, and then the letterbox went up and a voice came through it.\n\n"
            "\u2018Moira? Moira, hen, it\u2019s only me.\u2019\n\n"
            "It was Mrs Laird from across the landing. Mum went and opened the door, and Mrs Laird came as far as the "
            "kitchen in her slippers, which meant she had all the time in the world.\n\n"
            "\u2018I\u2019ll no keep you,\u2019 said Mrs Laird.\n")
    said = speakers(text, cast)
    assert said[1][1] == "Mrs Laird", said
    # ("..., and Mrs Laird came in, and she said": the "she" of the clause Mrs Laird is the subject of)
    joined = text.replace("in her slippers, which meant she had all the time in the world.\n\n\u2018I\u2019ll no keep "
                          "you,\u2019 said Mrs Laird.", "in her slippers, and she said, \u2018I\u2019ll no keep you.\u2019")
    assert speakers(joined, cast)[-1] == ("I\u2019ll no keep you.", "Mrs Laird"), speakers(joined, cast)


def test_a_name_read_off_a_badge_and_said_is_said_to_its_wearer_not_given_by_him():
    cast = {"Dana": Character("Dana", ("Whitlock",), "F"), "Earl": Character("Earl", ("Earl Washburn",), "M")}
    text = ("The lightning comes, and Whitlock sees the name tag pinned to the guard's chest: EARL WASHBURN, NIGHT "
            "SECURITY.\n\n\"Earl. Earl Washburn. You walk this lot every night?\"\n\n\"Every night for nine years.\"\n")
    assert [s for _, s in speakers(text, cast)] == ["Dana", "Earl"], speakers(text, cast)


def test_a_title_said_alone_is_said_to_the_one_who_holds_it():
    cast = {"Femi": Character("Femi", ("I",), "M"), "Dr Pritchard": Character("Dr Pritchard", (), "M")}
    text = ("The little red Fiesta is in the far corner. Dr Pritchard is sitting sideways on the seat with his feet "
            "out on the tarmac, soaked through.\n\n\u2018Doctor.\u2019\n\nHe doesn\u2019t move.\n\n"
            "\u2018Sorry,\u2019 he says. \u2018I\u2019m coming.\u2019\n")
    assert dict(speakers(text, cast))["Doctor."] != "Dr Pritchard"


def test_one_called_for_and_called_again_is_not_introducing_herself():
    cast = {"Sister Hartley": Character("Sister Hartley", (), "F"), "Dr Pritchard": Character("Dr Pritchard", (), "M"),
            "Precious": Character("Precious", (), "F")}
    text = ('"You gave him three," said Precious.\n\n'
            'Sister Hartley lifts off the top pair of glasses. "Dr Pritchard. I want Dr Pritchard back on this ward, '
            'please."\n')
    assert dict(speakers(text, cast))["Dr Pritchard. I want Dr Pritchard back on this ward, please."] == "Sister Hartley"


def test_the_one_a_beat_is_about_is_not_the_i_of_a_clause_inside_it():
    cast = {"Femi": Character("Femi", ("I", "narrator"), "M"), "Bisi": Character("Bisi", (), "F")}
    text = ("Bisi is at the cooker, stirring a pot, and she doesn\u2019t turn round.\n\n"
            '"Twenty-four bottles," I say.\n\n'
            'Now she turns. She has been looking at me like this since the day I was born. "Did you sleep?"\n')
    assert dict(speakers(text, cast))["Did you sleep?"] == "Bisi"


def test_a_bare_line_is_said_by_the_one_the_next_paragraph_brings_in():
    cast = {"Femi": Character("Femi", ("I", "narrator", "Brother Femi"), "M"),
            "Pastor Emmanuel": Character("Pastor Emmanuel", (), "M"), "Bisi": Character("Bisi", (), "F")}
    text = ('"Chairs," Bisi says, and goes.\n\nI am unstacking my fortieth chair when a big hand lands on my shoulder.\n\n'
            '"Brother Femi! They told me you were on nights."\n\n'
            'Pastor Emmanuel is sixty-one and built like a wardrobe, in a grey suit.\n\n"Congratulations, Pastor," I say.\n')
    assert dict(speakers(text, cast))["Brother Femi! They told me you were on nights."] == "Pastor Emmanuel"
    # (not one the narration brought in before: "Bisi is at the cooker")
    text = text.replace("Pastor Emmanuel is sixty-one", "Bisi is forty")
    said = next(q for q in attribute(text, cast) if q.text.startswith("Brother Femi"))
    assert said.basis != "beat"


def test_she_after_my_mother_opens_a_sentence_is_my_mother_not_a_woman_she_is_likened_to():
    cast = {"Femi": Character("Femi", ("I", "narrator"), "M"), "Bisi": Character("Bisi", (), "F"),
            "Mummy": Character("Mummy", (), "F")}
    text = ('I press the green button. "Femi? Is that Femi?" my mother says.\n\n"Yes, Mummy," I say.\n\n'
            "Bisi laughs so hard she has to put the spoon down. My mother waits it out with the patience of a woman "
            'who has said that line before.\n\n"You were working last night?" she says to me.\n')
    assert dict(speakers(text, cast))["You were working last night?"] == "Mummy"


def test_mammy_said_to_a_mother_who_tells_the_story_is_her_sons_line():
    from conftest import narration_told_as_i
    cast = {"Kareem": Character("Kareem", ("Kareem Baptiste",), "M"), "Sol": Character("Sol", ("I", "narrator"), "F"),
            "Lennox": Character("Lennox", (), "M")}
    text = (narration_told_as_i() + " My son, Kareem Baptiste, was fifteen.\n\n"
            '"Mammy, you see my sticks?"\n\n'
            "Kareem was standing by the rack with his palms turned up, as if the sticks might fall into them.\n\n"
            '"Where you leave them?"\n\n"If I knew that I wouldn\'t be asking."\n\n'
            "Lennox came in with the clipboard and stood looking at the sky over the roof for a long time.\n\n"
            'My phone buzzed in my apron pocket. I put a finger in my other ear.\n\n'
            '"Mammy? Mammy, you hearing me?"\n\n"I hearing you. Where you are?"\n')
    said = [s for _, s in speakers(text, cast)]
    assert said[:3] == ["Kareem", "Sol", "Kareem"], said
    assert said[-2:] == ["Kareem", "Sol"], said


def test_a_bare_name_given_back_for_an_introduction_is_the_speakers_own():
    cast = {"Dana": Character("Dana", ("I", "narrator"), "F"), "Marcel": Character("Marcel", ("the driver",), "M"),
            "Coach": Character("Coach", (), "M")}
    text = ('"Stay on the bus," Coach says to the boys.\n\n'
            "Outside the cold goes for my teeth. The driver takes my elbow and we shuffle up the shoulder.\n\n"
            '"You do this run a lot?" I ask him.\n\n"Thirty years. School trips, hockey." Water runs off his cap.\n\n'
            'I laugh. "I\'m Dana, by the way. Assistant coach."\n\n'
            '"I know who you are. You count the sticks." He squeezes my elbow. "Marcel."\n')
    assert [s for _, s in speakers(text, cast)][-2:] == ["Marcel", "Marcel"]


def test_a_name_then_the_firm_they_are_from_is_the_speaker_introducing_himself():
    from pipeline.text.addressed import self_named
    names = _Names({"Gordon Pryce": Character("Gordon Pryce", ("Pryce",), "M"),
                    "Halvor Brekke": Character("Halvor Brekke", ("Mr. Brekke", "Halvor"), "M")})
    assert self_named("Mr. Brekke. Gordon Pryce, Pacific Harvest. We spoke on the phone.", names) == "Gordon Pryce"
    # a name and a place said to someone is no introduction
    assert self_named("Gordon Pryce, Seattle. Is he here?", names) == ""


def test_whoever_looks_at_me_as_they_speak_is_answered_by_me():
    from conftest import narration_told_as_i
    cast = {"Agnes": Character("Agnes", (), "F"), "Alec": Character("Alec", (), "M"),
            "Tomek": Character("Tomek", ("I", "narrator"), "M")}
    text = (narration_told_as_i() + "\n\nAgnes came through the doors with her clipboard.\n\n"
            '"Evening, Agnes," said Alec.\n\n'
            '"Mrs Docherty to you." She looks at me over her glasses. "You have the seven-four-one tonight."\n\n'
            '"Not again, Mrs Docherty."\n')
    assert [s for _, s in speakers(text, cast)][-1] == "Tomek"


def test_the_teller_whose_phone_buzzes_answers_it_calling_the_caller_by_name():
    from conftest import narration_told_as_i
    cast = {"Imran": Character("Imran", (), "M"), "Kasia": Character("Kasia", (), "F"),
            "Tomek": Character("Tomek", ("I", "narrator"), "M")}
    text = (narration_told_as_i() + '\n\n"The bus moves," I say.\n\nImran laughs and leans his chin on his hand.\n\n'
            "My phone buzzes in my jacket. At ten to two there is only one person it can be.\n\n"
            '"Kasia?"\n\n"You\'re working. I\'m sorry."\n\n"I\'m on my break. What\'s wrong?"\n')
    assert [s for _, s in speakers(text, cast)][-3:] == ["Tomek", "Kasia", "Tomek"]
