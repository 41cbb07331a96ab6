"""Names said in speech, joined to the person they belong to: the one a name is said to or asked
for ("Skip," Sparks said to the captain; "Is there a Mrs. Pryce?" / "That's me," said Gran), and
a family word the narration puts beside a full name ("Gran came through it sideways. Margaret
Pryce was eighty-one")."""
from __future__ import annotations

import re
from collections import Counter

from pipeline.text.aliases import (_CALLED, _CLAUSE_END, _NAME, _TITLE_RE, _PRONOUN_TAG, _SPEECH, _SPEECH_AFTER,
                                   _SPEECH_BEFORE, _TAGGED, _TITLED_NAME, _VOCATIVE, _Person, _Speech, _beat_subject)
from pipeline.text.first_names import first_name_gender
from pipeline.text.names import (FAMILY_NAMES, kin_of, _FATHER, _FEMALE_NOUNS, _GRANDFATHER, _GRANDMOTHER, _MALE_NOUNS, _MOTHER, _SAME_TITLE,
                                 _decide, _gender_hint, _gender_of_phrase, _split_title)
from pipeline.text.roles import _ROLE_TITLES, _in_tag, _join_rank_calls


# whom a family word's possessive may name instead of a room or a thing ("Mum's friend")
_PEOPLE_NOUNS = "|".join(sorted(_MALE_NOUNS | _FEMALE_NOUNS | {
    "friend", "friends", "neighbour", "neighbor", "boss", "colleague", "lodger", "carer", "cousin", "partner",
    "lover", "mate", "pal", "doctor", "solicitor", "lawyer", "tenant", "visitor", "guest", "boyfriend", "girlfriend"}))
_THAT_WAS = re.compile(rf"\W*(?:That|This)\s+was\s+({_CALLED})\b")
# the vocative ends a question: "Eh, Dod?"
_ASKED = re.compile(r"[^\w.!?]*\?")
_SAID_TO = re.compile(rf"\b(?:{_SPEECH})\s+to\s+(?:the\s+([a-z]+)\b|({_CALLED}))")
_NAME_ONLY = re.compile(rf"\s*({_CALLED})\s*[.!?]?\s*")


_CAME_IN = re.compile(r"\b(?:comes|came|walks|walked|bursts|burst|appears|appeared|steps|stepped|hurries|hurried|strides|"
                      r"strode|marches|marched|sweeps|swept)\s+(?:\w+ly\s+)?(?:in|into|through|out|back|up|down|over|across)\b")


_LOOKED_AT_SOMEONE = re.compile(r"\b(?:looked|looks|stared|stares|turned|turns|gazed|gazes|glanced|glances|peered|peers)\s+"
                        r"(?:\w+\s+){0,2}?(?:at|to|towards?|across\s+at)\s+(?:the\s+[a-z]+|him|her|them|[A-Z][a-z]+)\b[^.!?]*[.!?]?\s*$")


# the narration, just before the line, ending at someone: "...and waved the tongs at Nan." / "grins across at the constable."
# (looser than aliases._TURNED_TO, which needs a look or a turn because it joins two names at once; here it is one
# vote among a name's calls, and a role may be the one)
_ENDS_AT_SOMEONE = re.compile(rf"\b(?:at|to|towards?)\s+(?:the\s+([a-z]+)|({_CALLED}))[.,:]?\s*$")
# a name that opens the line on its own: "Maureen. Let her have the egg."
_NAME_FIRST = re.compile(rf"\s*({_CALLED})[.!,]\s+\S")


_BESIDE_THEM = re.compile(r"\b(?:beside|to|at|towards?|with|next\s+to)\s+(her|him)\b")


def _join_names_said_to(speech: _Speech, people: list[_Person], first_person_story: bool = False) -> None:
    """A name said only in speech, never in the narration ("Skip", "Dad", "Midge"), is the one
    it is said to: `"Skip," Sparks said to the captain`; the speaker of the paragraph before
    (`"I'm sitting right here," said Hugh.` then `"We know, Dad."`); or, when "he" calls it
    out, the one woman the narration just named ("Imogen sat down... `"Midge," he said`).
    Only when every such sign points at one person of a gender that fits, and never when "I"
    answer the name (the teller's own)."""
    text = speech.text
    owner = {form: p for p in people for form in p.forms}
    told = speech.narrations
    narrated = {id(p) for number in range(len(told)) for m in _TITLED_NAME.finditer(told[number])
                if (p := owner.get(m.group(0)))}

    def bearer(role: str) -> _Person | None:
        title = _SAME_TITLE.get(role.capitalize(), _ROLE_TITLES.get(role, role.capitalize()))
        title = _SAME_TITLE.get(title, title)
        found = [p for p in people if p.forms and any(_split_title(f)[0] == title for f in p.forms)]
        return found[0] if len(found) == 1 else None

    def acting_in(number: int) -> list[_Person]:
        # the ones a sentence of the narration opens on ("Captain Fee unclipped the radio"), not
        # the ones it speaks of ("Then, more quietly, to Hattie")
        return list({id(p): p for m in _TITLED_NAME.finditer(told[number]) if (p := owner.get(m.group(0)))
                     and re.search(r"(?:^|[.!?;]|\s{3})\s*$", told[number][:m.start()])}.values())


    pronouns: dict[int, str] = {}

    def said_of(person: _Person) -> str:
        # a name no list knows ("Ysolde"): what the narration calls them, "she" or "he"
        if id(person) not in pronouns:
            hints = Counter(hint for form in person.forms for m in re.finditer(rf"\b{re.escape(form)}\b", text)
                            if (hint := _gender_hint(text, m.start(), m.end())))
            pronouns[id(person)] = _decide(hints) if hints else ""
        return pronouns[id(person)].replace("U", "")

    def speaker_of(number: int) -> list[_Person]:
        if not re.search(r"\w", told[number]) and number > 0 and not speech.quotes_in(number - 1) \
                and _CAME_IN.search(told[number - 1]):
            # (`Mummy comes through the bead curtain...` / `"Dinesh. It's quarter to twelve."`: the one just come in)
            came = acting_in(number - 1)
            return came if len(came) == 1 else []
        found = acting_in(number) + [p for m in _TAGGED.finditer(told[number]) if (p := owner.get(m.group(1) or m.group(2)))]
        # (`"Mackay." That was George, come up behind us`)
        if (who := _THAT_WAS.match(told[number])) and (person := owner.get(who.group(1))):
            found.append(person)
        tag = _PRONOUN_TAG.search(told[number]) if not found and number > 0 else None
        if tag:
            # `"Daniel," she says.` after a paragraph naming one woman, Mrs. Carden: hers
            gender = "M" if (tag.group(1) or tag.group(2)).lower() == "he" else "F"
            named = {id(p): p for m in _TITLED_NAME.finditer(told[number - 1]) if (p := owner.get(m.group(0)))}
            found = [p for p in named.values() if (p.listed_gender or said_of(p)) in ("", gender)]
            found = found if len(found) == 1 else []
        return list({id(p): p for p in found}.values())

    votes: dict[int, Counter] = {}
    strong: set[int] = set()
    times_called: Counter = Counter()
    answered_by_me: set[int] = set()
    for number in range(1, len(speech.paragraphs)):
        inside = speech.quotes_in(number)
        if not inside:
            continue
        # (not one of a list: "we carried him in, Abdullah, Akbar, and I"); and, but for "said to",
        # only a name in the reply's first sentence: "...a quarter past. Agnes, Clara will show you"
        # calls someone else than the one who spoke before
        vocatives = [(m.group(1) or m.group(2), (x, y) == inside[0] and not re.search(r"[.!?]", text[x:m.start()]),
                      _ASKED.match(text, m.end(), y) is not None)
                     for x, y in inside for m in _VOCATIVE.finditer(speech.calls, x, y)
                     if not re.match(r"\s*,?\s+(?:and|or)\b", text[m.end():m.end() + 6])
                     and not re.search(rf"{_NAME},\s*$", text[max(x, m.start() - 30):m.start() + 1])]
        vocatives += [(m.group(1), True, False) for x, y in inside[:1] if (m := _NAME_ONLY.fullmatch(text, x + 1, y - 1))]
        turned_to = _ENDS_AT_SOMEONE.search(text, speech.paragraphs[number][0], max(speech.paragraphs[number][0], inside[0][0] - 1))
        if turned_to and (m := _NAME_FIRST.match(text, inside[0][0], inside[0][1])):
            vocatives.append((m.group(1), True, False))
        vocatives = [(p, first, question) for name, first, question in vocatives if (p := owner.get(name)) is not None
                     and id(p) not in narrated and len(p.words) == 1]
        if not vocatives:
            continue
        called = [p for p, first, _ in vocatives if first]
        to = _SAID_TO.search(told[number]) or turned_to
        addressees = [(bearer(to.group(1)) if to.group(1) else owner.get(to.group(2)))] if to else []
        if addressees and addressees[0] is not None:
            called = [p for p, _, _ in vocatives]
            strong.add(id(called[0]))
        elif not (tagged := _TAGGED.search(told[number])) or speech.quotes_in(number - 1):
            # ('"We'll drown," she said.' / '"You won't drown, Bernie," said Uncle Pascal': tagged or not,
            # a line answers the one who spoke before)
            tag = _PRONOUN_TAG.search(told[number]) if not tagged else None
            before = speaker_of(number - 1)
            # (and a tagged one only when the narration turns it to them: "said Uncle Pascal, who was sheltering
            # beside her"; not '"Rab, come on," said Morag.' after Sergeant Kerr's question)
            to_them = _BESIDE_THEM.search(told[number]) if tagged else None
            if tagged and not (len(before) == 1 and owner.get(tagged.group(1) or tagged.group(2)) is not before[0]
                               and to_them and (before[0].listed_gender or said_of(before[0]))
                               == {"her": "F", "him": "M"}[to_them.group(1)]):
                before = []
            if speech.quotes_in(number - 1):
                # the one who just spoke, or acted beside their words; or, two lines taking turns
                # untagged, the one who spoke three lines up
                back = 1
                while not before and not tagged and back < 5 and number - back - 2 >= 0 and speech.quotes_in(number - back - 1) \
                        and speech.quotes_in(number - back - 2) and not speaker_of(number - back - 1):
                    back += 2
                    before = speaker_of(number - back)
                # (`"Thank you, Darnell," said Immy.` / `"PC Okoro," he said.`: a name alone, said back by
                # the one just thanked, is his own, not hers)
                alone = text[inside[0][0]:inside[0][1]].strip(" ,.!\"“”‘’'")
                answered = bool(tag) and alone in owner and any(_VOCATIVE.search(text, x, y)
                                                                 for x, y in speech.quotes_in(number - 1))
                # (nor when the one who spoke then turned to look at someone: he goes on, to them; "...and then he
                # looked at the manager for a long time." / "Leonard, b'y, I knew your father.")
                turned = _LOOKED_AT_SOMEONE.search(text, speech.quotes_in(number - 1)[-1][1], speech.paragraphs[number - 1][1])
                # (nor when the line's own narration names a third person: "Pritchard's eyes go to Hale's coat
                # pocket. 'Want to try it, Guv?'" after Beth spoke)
                speaking = {id(p) for p in speaker_of(number)}
                turned = turned or any(id(p) not in speaking and p not in before for m in _TITLED_NAME.finditer(told[number])
                                       if (p := owner.get(m.group(0))))
                addressees.append(before[0] if len(before) == 1 and not answered and not turned else None)
            elif tag and before:
                # "he" calls out to the woman just named, who cannot be the one speaking (or, the
                # narration naming a woman and a man, "she" to the man: "Priya looks at her husband.
                # Hollis sits at the table." / "'Graham,' she says.")
                he = (tag.group(1) or tag.group(2)).lower() == "he"
                other = [p for p in before if p.listed_gender == ("F" if he else "M")]
                same = [p for p in before if p.listed_gender == ("M" if he else "F")]
                # (a first name, not a title nor what a child calls a parent, said to one the narration
                # calls by surname alone)
                pair = len(before) == 2 and len(same) == 1 and len(other) == 1 and all(
                    not _split_title(f)[0] and first_name_gender(f) for p, _, _ in vocatives for f in p.forms) \
                    and all(len(f.split()) == 1 and not _split_title(f)[0] for f in other[0].forms)
                addressees.append(other[0] if len(other) == 1 and (len(before) == 1 or pair) else None)
            # and the one asked, who answers by name in the next line (`"How is he, Doc?"` / `"...,"
            # Haddad says`)
            asked = re.search(r"\?\W*$", text[inside[-1][0]:inside[-1][1]]) is not None and not tagged
            if asked and number + 1 < len(speech.paragraphs) and speech.quotes_in(number + 1):
                after = speaker_of(number + 1)
                addressees.append(after[0] if len(after) == 1 else None)
            # (a question put by name later in the line, `"...worse than this. Eh, Dod? The January of
            # seventy-four."`, is answered by the one it names: `"We were young," said George.`)
            put = [p for p, first, question in vocatives if question and not first and not tagged]
            if put and number + 1 < len(speech.paragraphs) and speech.quotes_in(number + 1) \
                    and len(after := speaker_of(number + 1)) == 1:
                for person in put:
                    if person is not after[0]:
                        votes.setdefault(id(person), Counter())[id(after[0])] += 1
        answer = speech.narration_of(number + 1).lstrip() if number + 1 < len(speech.paragraphs) else ""
        for person, _, _ in vocatives:
            times_called[id(person)] += 1
            # `"Thank you, Watson."` and then "I said" or "I looked": the teller, not the one before
            if first_person_story and re.match(r"(?:I\s+[a-z]+|\s*[,.]?\s+I\s+[a-z]+)", answer):
                answered_by_me.add(id(person))
        for person in called:
            for addressee in addressees:
                if addressee is not None and addressee is not person:
                    votes.setdefault(id(person), Counter())[id(addressee)] += 1
    by_id = {id(p): p for p in people}
    # told as "I": the name said most often and never in the narration is likely the teller's
    # (a name, not what a child calls a parent)
    named = Counter({k: n for k, n in times_called.items() if by_id[k].words[0] not in FAMILY_NAMES})
    teller, most = named.most_common(1)[0] if first_person_story and named else (None, 0)
    for key, counted in votes.items():
        person = by_id[key]
        # (most of the times the name is called, when no one tells whom it is said to, it may be
        # anyone's: a sign at a third of them or more)
        weak = key not in strong
        if len(counted) != 1 or not person.forms or key in answered_by_me or (weak and key == teller and most >= 2) \
                or (weak and 3 * sum(counted.values()) < times_called[key]):
            continue
        target = by_id[next(iter(counted))]
        said = _gender_said(person)
        if said and target.listed_gender not in ("", said):
            continue
        # ("Didi", an elder sister, is not one called "Mummy")
        if (kin := kin_of(person.words[0])) and any(kin_of(f) not in ("", kin) for f in target.forms):
            continue
        target.absorb(person)
    _join_sibling_calls(people)
    _join_english_forms(text, people)
    people[:] = [p for p in people if p.forms]


# `"Margaret?"` / `"It's Małgorzata in English."`: one name, said in two tongues
_IN_ENGLISH = re.compile(rf"[\"“]({_NAME})\?[\"”]\s*\n\s*\n\s*[\"“](?:It['’]s|That['’]s|It\s+is)\s+({_NAME})\s+in\s+English\b")


def _join_english_forms(text: str, people: list[_Person]) -> None:
    """A name asked about and answered as another's English form is that person's."""
    owner = {form: p for p in people for form in p.forms}
    for m in _IN_ENGLISH.finditer(text):
        english, own = owner.get(m.group(1)), owner.get(m.group(2))
        if english is not None and own is not None and english is not own:
            own.absorb(english, owner)


_SIBLING_CALLS = {"Sis", "Sissy", "Bro", "Bruv"}


def _join_sibling_calls(people: list[_Person]) -> None:
    """"Sis" (or "Bro") no one else answers to is the one woman (or man) of a family the cast has two of: "Morning,
    Sis." at the Kesslers' counter is Nora Kessler, her brother Dale saying it (of two such, the one named far
    the most)."""
    named = [p for p in people if p.forms and len(p.words) >= 2 and p.words[0] != "the"]
    families = Counter(p.words[-1] for p in named)
    for call in [p for p in people if p.forms and len(p.words) == 1 and p.words[0] in _SIBLING_CALLS]:
        gender = _gender_of_phrase(call.words[0].lower())
        kin = [p for p in named if families[p.words[-1]] >= 2 and (p.title_gender or first_name_gender(p.words[0])) == gender]
        # (of two families, the woman the story is about: Nora Kessler, not Ellen Pruitt named in passing)
        kin.sort(key=lambda p: p.count, reverse=True)
        if kin and (len(kin) == 1 or kin[0].count >= 3 * kin[1].count):
            kin[0].absorb(call)


def _gender_said(person: _Person) -> str:
    """What a person's name says of them: the title, a family word ("Dad"), or the name list."""
    word = person.words[0]
    # ("Morning, Sis." is said to a sister, never to the father who spoke before)
    return person.title_gender or (_gender_of_phrase(word.lower()) if word in FAMILY_NAMES or word in _SIBLING_CALLS
                                   else first_name_gender(word))


# "Is there a Mrs. Pryce? Mrs. Margaret Pryce?" / `"That's me," said Gran.`
_ASKED_FOR = re.compile(rf"\b(?:[Ii]s\s+there\s+an?|[Aa]re\s+you|[Ww]hich\s+(?:one\s+)?(?:of\s+you\s+)?is|"
                        rf"[Ww]ho['’]s|[Ww]ho\s+is|[Ll]ooking\s+for)\s+({_CALLED}(?:\s+{_NAME})?)\s*\?")
_THATS_ME = re.compile(r"\s*(?:That['’]s\s+me|It['’]s\s+me|I\s+am|I['’]m\s+(?:she|he|her|him)|Speaking)\b")
# "Mrs. Cray, isn't it?" / "You must be Mrs. Pike." and the answer that puts a first name in its place
_NAME_CHECKED = re.compile(rf"(?:\b[Yy]ou\s+(?:must\s+be|['’]ll\s+be|are)\s+)?((?:{_TITLE_RE})\.?\s+{_NAME})"
                           # (or called by it: "Mrs. Kerr," Tom said. / "Agnes. It's half past ten at night.")
                           rf"(?:,\s+(?:isn['’]t\s+it|is\s+it|right|yes|I\s+think|I\s+take\s+it|I\s+presume))?[?.,]\W*$")
_FIRST_NAME_GIVEN = re.compile(rf"\s*(?:(?:[Jj]ust|[Oo]h|[Pp]lease|[Nn]o)[,.]?\s+)?(?:(?:[Cc]all\s+me|[Ii]t['’]s)\s+)?({_NAME})"
                               rf"(?:[.!]|[,.!]?\s*$|,\s+(?:please|love|dear)\b|\s+(?:will\s+do|is\s+fine)\b)")


def _name_checked(question: str, answer: str) -> tuple[str, str]:
    """The title a question tries and the first name the answer gives in its place ("Mrs. Dunmore,
    isn't it?" / "Nora," she said), or ("", "")."""
    checked = _NAME_CHECKED.search(question)
    given = _FIRST_NAME_GIVEN.match(answer) if checked else None
    if given and len(re.findall(rf"(?<!call me )\b{given.group(1)}\b", answer)) >= 2:
        given = None    # "Morning, Mr. Feld." / "Eddie. Eddie, Eddie, Eddie.": the name of the one he answers
    return (checked.group(1), given.group(1)) if given else ("", "")


def name_given_in_answer(question: str, answer: str) -> str:
    """The first name an answer gives in place of a title: the speaker's own, not someone spoken to."""
    return _name_checked(question, answer)[1]


def _join_introductions(speech: _Speech, people: list[_Person]) -> None:
    """Two ways a text says outright that two names are one person: a name asked for and
    answered in the next lines `"That's me," said Gran`; and a family word acting in one sentence,
    or a name the narration says "that was", and a full name opening the next ("Gran came through
    it sideways. Margaret Pryce was eighty-one")."""
    text, told = speech.text, speech.narrations
    owner = {form: p for p in people for form in p.forms}
    pairs = []
    for number in range(len(speech.paragraphs) - 1):
        asked = [m.group(1) for x, y in speech.quotes_in(number) for m in _ASKED_FOR.finditer(text, x, y)]
        if not asked:
            continue
        for answer in range(number + 1, min(number + 4, len(speech.paragraphs))):
            quotes = speech.quotes_in(answer)
            if quotes and not _THATS_ME.match(text, quotes[0][0]):
                break
            if quotes:
                said = [m.group(1) or m.group(2) for m in _TAGGED.finditer(told[answer])]
                pairs += [(name, said[0]) for name in asked if len(said) == 1]
                break
    for number in range(len(speech.paragraphs) - 1):
        # `"Mrs. Cray, isn't it?"` / `"Linda. Is he in pain?"`: the one asked gives her first name
        quotes, answers = speech.quotes_in(number), speech.quotes_in(number + 1)
        title, given = _name_checked(text[slice(*quotes[-1])], text[slice(*answers[0])]) if quotes and answers \
            else ("", "")
        if given and not told[number + 1][:answers[0][0] - speech.paragraphs[number + 1][0]].strip(" \n\"“‘'"):
            titled, first = owner.get(title), owner.get(given)
            # ("Nora Dunmore" when her full name is known: she is Mrs. Dunmore of that name)
            if titled is not None and first is not None and titled is not first \
                    and (len(first.words) == 1 or first.words[1:] == titled.words[-1:]) \
                    and titled.title_gender and first_name_gender(first.words[0]) in ("", titled.title_gender) \
                    and not _says_to(speech, titled, given):
                titled.absorb(first, owner)
    for number, narration in enumerate(told):
        # (or her room: "Gran's kitchen smelled of toast. Margaret Pryce was eighty-one"; not her
        # friend: "Mum's friend came in. Ellen Barker was forty")
        for m in re.finditer(rf"\b({'|'.join(sorted(FAMILY_NAMES))})(?:['’]s\s+(?!(?:{_PEOPLE_NOUNS})\b))?\s*[a-z]"
                             rf"[^.!?\"“”]*[.!?]\s+({_NAME}\s+{_NAME})\s+(?:was|is|had|has)\b", narration):
            pairs.append((m.group(2), m.group(1)))
        # "That was Cox, bellowing from the ladder. Alasdair Kerr was sixty years old": who that was
        for m in re.finditer(rf"\b[Tt]hat\s+was\s+({_NAME})\b[^.!?\"“”]*[.!?]\s+({_NAME}\s+{_NAME})\s+(?:was|is|had|has)\b",
                             narration):
            pairs.append((m.group(2), m.group(1)))
    pairs += _introduced_by_opener(speech, owner)
    for name, other in pairs:
        a, b = owner.get(name), owner.get(other)
        if a is None or b is None or a is b:
            continue
        gender_a, gender_b = a.listed_gender, _gender_said(b)
        if "" in (gender_a, gender_b) or gender_a == gender_b:
            keep, gone = (a, b) if len(a.words) >= len(b.words) else (b, a)
            keep.absorb(gone, owner)
    people[:] = [p for p in people if p.forms]


# "Sorry. I'm Bethany, I belong to him.": the speaker's own name, not someone's ("I'm Bethany's")
_I_AM = re.compile(rf"(?:(?<=[\"“‘'])|(?<=[.!?,;—]\s))\W*(?:I['’]m|I\s+am|[Mm]y\s+name['’]s|[Mm]y\s+name\s+is|[Cc]all\s+me)\s+"
                   rf"({_NAME})\b(?!['’])")


def _says_to(speech: _Speech, person: _Person, name: str) -> bool:
    """A paragraph whose narration names the person has a quote calling `name`: two people ('Mr. Whitfield
    looked at me over the top of his glasses. "Go on, Linh."'), not one answering to a first name."""
    forms = [f for f in person.forms if f[:1].isupper()]
    return any(any(re.search(rf"\b{re.escape(f)}\b", speech.narration_of(n)) for f in forms)
               and any(m.group(1) == name or m.group(2) == name
                       for x, y in speech.quotes_in(n) for m in _VOCATIVE.finditer(speech.calls, x, y))
               for n in range(len(speech.paragraphs)) if speech.quotes_in(n))


def _introduced_by_opener(speech: _Speech, owner: dict[str, _Person]) -> list[tuple[str, str]]:
    """`Bee puts a pasty in my hand and turns to Lydia. "Hello," she says. "Sorry. I'm Bethany."`:
    the one a paragraph opens on gives another name of theirs, said by "she" (or by that name)."""
    text, pairs = speech.text, []
    for number, narration in enumerate(speech.narrations):
        opener = re.match(rf"\s*({_NAME})\s+[a-z]", narration)
        person = owner.get(opener.group(1)) if opener else None
        if person is None or _TAGGED.search(narration) and not any(
                (m.group(1) or m.group(2)) in person.forms for m in _TAGGED.finditer(narration)):
            continue
        for x, y in speech.quotes_in(number):
            for m in _I_AM.finditer(text, x, y):
                other = owner.get(m.group(1))
                if other is not None and other is not person and len(other.words) == 1 \
                        and not any(speech.told_at(f) for f in other.forms):
                    pairs.append((m.group(1), opener.group(1)))
    return pairs


_CAPITALS = re.compile(r"\b[A-Z][A-Z0-9-]{2,}\b")


def _add_spelled_in_capitals(speech: _Speech, people: list[_Person]) -> None:
    """A name written in capitals that the tags use ("...nominal," HALDEN said): a ship's
    computer, a robot, a call sign. Capitals inside quotes are shouting, and on a sign words."""
    text = speech.text
    said = Counter(m.group(0) for m in _CAPITALS.finditer(text) if not speech.inside_quote(m.start())
                   and (_SPEECH_AFTER.match(text, m.end())
                        or (_SPEECH_BEFORE.search(text, max(0, m.start() - 24), m.start())
                            and _CLAUSE_END.match(text, m.end()))))
    known = {f.lower() for p in people for f in p.forms}
    for word, count in said.items():
        written = len(re.findall(rf"\b{word}\b", text))
        if word.lower() in known or written < 2:
            continue
        person = _Person((word,), "")
        person.forms[word] += written
        person.spoke += count
        people.append(person)


_GRANDPARENTS = sorted(_GRANDMOTHER | _GRANDFATHER | {"Abuela", "Abuelo"})


def _join_grandparents_by_age(speech: _Speech, people: list[_Person], first_person_story: bool = False) -> None:
    """"Nan", said to someone again and again, is the one woman the prose says is old ("a very small
    woman in a lilac anorak, seventy-eight"): what the narration calls her by name, the grandchildren
    call her (and a third-person narration too, in their words: "Grandpa had texted back")."""
    from pipeline.model.ages import age_in_text
    text, told = speech.text, speech.narrations
    ages: dict[tuple, str | None] = {}       # (a novel has many "Granny"s and many women to read the ages of)

    def age_of(forms: tuple[str, ...], others: tuple[str, ...], gender: str) -> str | None:
        if (forms, others, gender) not in ages:
            ages[forms, others, gender] = age_in_text(text, list(forms), list(others), gender)
        return ages[forms, others, gender]

    for word in _GRANDPARENTS:
        pattern = re.compile(rf"\b{word}\b")
        said = sum(len(pattern.findall(text, x, y)) for x, y in speech.spans)
        # (a first-person narrator's own "Grandad" in the narration may be no one else the prose names)
        if said < 2 or (first_person_story and any(pattern.search(narration) for narration in told)):
            continue
        gender = _gender_of_phrase(word.lower())
        kin = next((p for p in people if p.forms and set(p.forms) == {word}), None)
        named = [p for p in people if p.forms and p is not kin and p.words[0] != "the" and p.words[0] not in FAMILY_NAMES]
        sexes = {id(p): _gender_said(p) or next((_gender_of_phrase(f.lower()) for f in p.forms if f in FAMILY_NAMES), "")
                 or _pronouns_say(text, p) for p in named}
        old = []
        # (of those of the grandparent's sex, else of those nothing sexes: "Lim Boon Teck was eighty-one")
        for sex in (gender, ""):
            named_so = [p for p in named if sexes[id(p)] == sex]
            old = old or [p for p in named_so if age_of(tuple(p.forms), tuple(f for q in named_so if q is not p
                                                                               for f in q.forms), gender) == "old"]
        if len(old) == 1:
            if kin is not None:
                old[0].absorb(kin)
            else:
                old[0].forms[word] += said
    people[:] = [p for p in people if p.forms]


def _pronouns_say(text: str, person: _Person) -> str:
    """M or F as the prose goes on about someone by "he" or "she" after their name, whose name says
    nothing of it ("Lim Boon Teck was eighty-one, and he came down anyway"), decided as the cast's pronouns are;
    "" when they are torn or silent."""
    sex = _decide(Counter(hint for form in person.forms for m in re.finditer(rf"\b{re.escape(form)}\b", text)
                          if (hint := _gender_hint(text, m.start(), m.end()))))
    return sex if sex in ("M", "F") else ""


def _drop_kin_only_said(speech: _Speech, people: list[_Person], spoken_to: Counter | None = None) -> None:
    """"Dad", "Mum" or "Gran" that only the dialogue says is whoever the speaker's father, mother
    or grandmother is: a different person for each child ("Dad" is Ray to the children, Earl to their mother),
    and a person the narration names already; never one of the cast under a name of its own.
    (A narration that calls someone "Dad" keeps them: "Dad came in with the milk".)"""
    told = " ".join(speech.narrations)
    # (but the parent a first-person teller calls on the phone, "Hi, Mam. I was on the bus.", is a voice of the
    # story's own: `spoken_to`, the names said to someone, in a story told as "I")
    spoken_to = spoken_to or Counter()
    only_said = [p for p in people if p.forms and all(f in FAMILY_NAMES for f in p.forms)
                 and not any(re.search(rf"\b{f}\b", told) for f in p.forms)]
    for p in only_said:
        if not any(spoken_to[f] for f in p.forms):
            continue
        # ("Coming, Mum!" to the one the teller calls "Mummy": one mother, called two ways)
        same = [o for o in people if o is not p and any(kin_of(f) in ("mother", "father") and kin_of(f) == kin_of(g)
                                                        for f in o.forms if f in FAMILY_NAMES for g in p.forms)]
        if len(same) != 1:
            continue
        # (not "He got the night bus, Mummy," Mum said to Gran: hers, when she says it)
        said_by_them = any(re.search(rf"\b{re.escape(f)}\b", speech.text[a:b]) and any(
            re.search(rf"\b{re.escape(g)}\b", speech.narration_of(number)) for g in same[0].forms)
            for number in range(len(speech.paragraphs)) for a, b in speech.quotes_in(number) for f in p.forms)
        if not said_by_them:
            same[0].absorb(p)
    people[:] = [p for p in people if not (any(p is q for q in only_said) and (not p.forms or not any(
        f in _MOTHER | _FATHER and spoken_to[f] for f in p.forms)))]


_ROLE_COMES_IN = re.compile(r"\b(the\s+[a-z]+)\s+(?:comes|came|walks|walked|steps|stepped|appears|appeared|arrives|"
                            r"arrived|strides|strode|leans|leaned|leant)\b")
_SUBJECT_NAMED = re.compile(r"(?:^|[.!?]\s+)([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+[a-z]+(?:s|ed)\b")
# (a job written as a title too: "the Governor said")
_ROLE_TAG = re.compile(rf"\b(?:{_SPEECH})\s+(the\s+[A-Za-z][a-z]+)\b|\b(the\s+[A-Za-z][a-z]+)\s+(?:{_SPEECH})\b")


def join_roles_answering_calls(speech: _Speech, people: list[_Person]) -> None:
    """`"Nobody has ever gone home when you told them to, Frank."` / `"That's true," the boss said`: a job
    the tags name ("the boss", "the editor") that answers a name called in the line before is that person,
    when every call it answers is to the same one (not a man, a woman, a boy: a description is anyone); and a job
    one named person says is theirs ("this is Little Burnt Cove harbour master") is theirs."""
    owner = {form: p for p in people for form in p.forms}
    answers: dict[int, tuple[_Person, dict[int, _Person]]] = {}
    for number in range(1, len(speech.paragraphs)):
        before, inside = speech.quotes_in(number - 1), speech.quotes_in(number)
        tag = _ROLE_TAG.search(speech.narration_of(number)) if before and inside else None
        role = owner.get((tag.group(1) or tag.group(2)).lower()) if tag else None
        if role is None or role.words[0] != "the" or role.words[-1] in _MALE_NOUNS | _FEMALE_NOUNS:
            continue
        # (said to them: opening the quote or after a comma, not "Has anybody seen Leo?")
        called = {id(p): p for m in _VOCATIVE.finditer(speech.calls, *before[-1])
                  if (p := owner.get(m.group(1) or m.group(2))) is not None and p.words[0] != "the" and p is not role
                  and re.search(r"(?:^|,)\W*$", speech.text[before[-1][0]:m.start(1) if m.group(1) else m.start(2)])}
        if len(called) == 1:
            answers.setdefault(id(role), (role, {}))[1].update(called)
    # ("Round eight the boss comes in... she leans on it beside Koro." / "How's it looking, Tane?" / "Good line of
    # wool, Helen.": the job who came in and spoke, called by name in the answer)
    for number in range(1, len(speech.paragraphs) - 1):
        told, inside, after = speech.narration_of(number - 1), speech.quotes_in(number), speech.quotes_in(number + 1)
        if speech.quotes_in(number - 1) or not inside or not after or speech.narration_of(number).strip(" \n\t\"“”.,!?"):
            continue
        came = _ROLE_COMES_IN.search(told)
        role = owner.get(came.group(1)) if came else None
        if role is None or role.words[0] != "the" or role.words[-1] in _MALE_NOUNS | _FEMALE_NOUNS \
                or any(owner.get(m.group(1)) not in (None, role) for m in _SUBJECT_NAMED.finditer(told, came.end())):
            continue
        called = {id(p): p for m in _VOCATIVE.finditer(speech.calls, *after[0])
                  if (p := owner.get(m.group(1) or m.group(2))) is not None and p.words[0] != "the" and p is not role}
        if len(called) == 1:
            answers.setdefault(id(role), (role, {}))[1].update(called)
    # ('Lewis was already at the card table with the handset. "Copy that, Lady Ruth. Harbour master out."': the job its
    # holder names as their own, on the radio or the telephone)
    holders: dict[int, tuple[_Person, dict[int, _Person]]] = {}
    for role in [p for p in people if p.forms and p.words[0] == "the" and len(p.words) >= 2]:
        job = r"[\s-]".join(re.escape(w) for w in " ".join(role.words[1:]).split())
        own = re.compile(rf"(?i:\bthis\s+is\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]+\s+){{0,3}}{job}\b|(?:^|[.!?]\s+){job}\s+(?:out|here|speaking|over)\b)")
        for number in range(len(speech.paragraphs)):
            if not any(own.search(speech.text, x, y) for x, y in speech.quotes_in(number)):
                continue
            told = speech.narration_of(number)
            tagged = {id(p): p for m in _TAGGED.finditer(told) if (p := owner.get(m.group(1) or m.group(2))) is not None}
            speaker = next(iter(tagged.values())) if len(tagged) == 1 else None if tagged else _beat_subject(told, owner) \
                or (_beat_subject(speech.narration_of(number - 1), owner) if number and not told.strip(" \n\t\"“”.,!?") else None)
            if speaker is not None and speaker is not role and speaker.words[0] != "the":
                holders.setdefault(id(role), (role, {}))[1][id(speaker)] = speaker
    for role, named in holders.values():
        target = next(iter(named.values()))
        if len(named) == 1 and role.forms and target.forms and role.listed_gender in ("", target.listed_gender):
            target.absorb(role)
    for role, named in answers.values():
        target = next(iter(named.values()))
        # (and "the planner, glancing at her clipboard" is no Leo)
        said = {hint for f in role.forms for m in re.finditer(rf"\b{re.escape(f)}\b", speech.text)
                if (hint := _gender_hint(speech.text, m.start(), m.end()))}
        if len(named) == 1 and role.forms and target.forms and role.listed_gender in ("", target.listed_gender) \
                and said <= {target.listed_gender or "M", target.listed_gender or "F"}:
            target.absorb(role)
    people[:] = [p for p in people if p.forms]


# "Miss comes in with a stack of books", "Sir says": a teacher the pupils' narration calls by the title alone
_TITLE_ALONE = re.compile(r"(?<![.!?]\s)(?<!^)\b(Miss|Sir)\b(?!\s+[A-Z])(?=\s+(?:\w+ly\s+)?(?:is|was|has|had|and|"
                          r"[a-z]+s|[a-z]+ed|said|told|thought|knew|went|came|sat|stood|took|saw|spoke|got|put)\b)",
                          re.MULTILINE)


def add_called_by_title_alone(speech: _Speech, people: list[_Person]) -> None:
    """A teacher a pupil's narration calls "Miss" or "Sir" as a name ("Miss sits down on the chair
    next to me", twice or more) is a person: the one "Miss Devlin" the text names, when it names
    one, else "Miss" of her own."""
    text = speech.text
    for title, gender in (("Miss", "F"), ("Sir", "M")):
        told = [m.start() for m in _TITLE_ALONE.finditer(text) if m.group(1) == title and not speech.inside_quote(m.start())]
        if len(told) < 2:
            continue
        person = _Person((title,), gender)
        person.forms[title] = len(told)
        person.spoke = sum(1 for at in told if _in_tag(text, at, at + len(title)))
        bearers = [p for p in people if any(_split_title(f)[0] == title for f in p.forms)]
        if len(bearers) == 1:
            bearers[0].absorb(person)
        else:
            people.append(person)
    _join_rank_calls(speech, people)
