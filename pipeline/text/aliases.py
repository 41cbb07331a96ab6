"""One person, many names: the passes that join the names cast discovery found into people
(nicknames the narration ties to a name, short and long first names, a first name that answers a
titled speaker, "Dad" and Mr Ashdown), and the person they build up. Jobs ("the Colonel") join in
roles.py."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from pipeline.text.first_names import first_name_certain, first_name_gender, known_pet_form, said_to_form, same_first_name
from pipeline.text.names import (_FEMALE_TITLES, _FIRST_NAME_TITLES, _MALE_TITLES, FAMILY_NAMES, MY_KIN_WORDS, NAME, TITLES,
                                 _gender_hint, _gender_of_phrase, _split_title, my_kin)
from pipeline.text.not_names import _JOB_CALLED
from pipeline.text.quotes import SPEECH_VERBS, TOLD_ME, _scan_quotes, blank_inner_quotes, inside_span, split_paragraphs

_NAME = NAME
_TITLE_RE = "|".join(sorted(TITLES, key=len, reverse=True))
# Verbs that tag speech beside a quote but are everyday verbs beside a bare capitalised word
# ("Crabs went into one box", "Rain began"): they do not make a word a speaker's name.
_NOT_SPEECH_ALONE = {"went", "began", "begins", "returned", "returns", "proceeded", "pursued", "resumed", "nodded",
                     "smiled", "told", "tells", "offers", "noted", "stated", "recalled", "guessed", "promised",
                     "reported", "informed", "requested", "calls", "continues", "continued", "followed", "lied",
                     "finished", "ended", "concluded"}     # ("Drill finished at half eight")
_SPEECH = "|".join(sorted((re.escape(v) for v in SPEECH_VERBS if " " not in v and v not in _NOT_SPEECH_ALONE),
                          key=len, reverse=True))
@dataclass
class _Person:
    words: tuple[str, ...]                       # name words without title: ("Elizabeth", "Bennet")
    title_gender: str = ""
    forms: Counter = field(default_factory=Counter)    # every written form -> mentions
    spoke: int = 0                               # mentions next to a speech verb

    @property
    def listed_gender(self) -> str:
        """The title's gender, else the name list's for the first name ("" for "the Hatter")."""
        return self.title_gender or (first_name_gender(self.words[0]) if self.words[0] != "the" else "")

    @property
    def count(self) -> int:
        return sum(self.forms.values())

    def absorb(self, other: "_Person", owner: dict[str, "_Person"] | None = None) -> None:
        """Take in every name of another person found to be this one, leaving it empty (and make
        this one the owner of all its names in `owner`, a table of form -> person)."""
        self.forms.update(other.forms)
        self.spoke += other.spoke
        other.forms.clear()
        other.spoke = 0
        if owner is not None:
            owner.update(dict.fromkeys(self.forms, self))


class _Speech:
    """The text's paragraphs and quote spans, to ask where a mention stands relative to speech."""

    def __init__(self, text: str):
        self.text = text
        self.paragraphs = split_paragraphs(text)
        self.spans = [(a, b) for a, b, _ in _scan_quotes(text)]
        self._paragraph_starts = [a for a, _ in self.paragraphs]
        self._quote_starts = [a for a, _ in self.spans]
        self._told_at: dict[str, list[int]] = {}

    def paragraph_of(self, at: int) -> int:
        return max(0, bisect.bisect_right(self._paragraph_starts, at) - 1)

    def quotes_in(self, paragraph: int) -> list[tuple[int, int]]:
        a, b = self.paragraphs[paragraph]
        return self.spans[bisect.bisect_left(self._quote_starts, a):bisect.bisect_left(self._quote_starts, b)]

    @cached_property
    def calls(self) -> str:
        """The text with the words quotes quote blanked out (the same length), where names are looked for as
        called: 'I said "It's all right, Grandad"' calls no one."""
        parts, cursor = [], 0
        for a, b in self.spans:
            parts += [self.text[cursor:a], blank_inner_quotes(self.text[a:b])]
            cursor = b
        return "".join(parts) + self.text[cursor:]

    def narration_of(self, paragraph: int) -> str:
        """The paragraph with its quotes blanked out."""
        return self.narrations[paragraph]

    @cached_property
    def narrations(self) -> list[str]:
        told = []
        for number, (a, b) in enumerate(self.paragraphs):
            words = self.text[a:b]
            for x, y in self.quotes_in(number):
                words = words[:x - a] + " " * (y - x) + words[y - a:]
            told.append(words)
        return told

    def inside_quote(self, at: int) -> bool:
        return inside_span(at, self.spans, self._quote_starts)

    def told_at(self, form: str) -> list[int]:
        """Where the narration (not a quote) writes a name, found once per name."""
        if form not in self._told_at:
            self._told_at[form] = [m.start() for m in re.finditer(rf"\b{re.escape(form)}\b", self.text)
                                   if not self.inside_quote(m.start())]
        return self._told_at[form]


_CALLED = rf"(?:(?:{_TITLE_RE})\.?\s+)?{_NAME}"     # "Bridget", "Mrs Adeyemi"
_VOCATIVE = re.compile(rf"(?:(?<=[\"“‘'])|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?]\s+)\s*({_CALLED})(?=[,!?])|"
                       rf",\s+({_CALLED})(?=[.!?,]|—(?:[\"”’]|$))")
# a performer presented to an audience, not someone spoken to: "the one, the only, Mademoiselle Celestine!"
_ANNOUNCED = re.compile(r"\b(?:the\s+one(?:\s+and)?,?\s+the\s+only|presenting|introducing|give\s+it\s+up\s+for|"
                        r"(?:a\s+big\s+hand|your\s+hands\s+together)\s+for)\b[^.!?\"“”]*,?\s*$", re.IGNORECASE)
_TITLED_NAME = re.compile(_CALLED)
# said to everyone, not in answer to the last line: `"Water's at the bottom step," Shane announced to the bar at large`
_TO_ALL = re.compile(r"\b(?:announced|announces|announcing|proclaimed|proclaims)\b|\bat\s+large\b|"
                     r"\b(?:to|at)\s+(?:no\s*one|nobody|everyone|everybody|all\s+of\s+them|the\s+(?:whole\s+)?"
                     r"(?:room|bar|pub|hall|crowd|table|kitchen|company))\b(?:\s+in\s+particular)?", re.IGNORECASE)
# an answer to both who were talking, not to the one just called: "'...your conscience, Deacon.'" / "Sister Hartley lifts
# off the top pair of glasses. 'When the two of you have quite finished.'"
_TO_BOTH = re.compile(r"\b(?:the\s+(?:two|pair)\s+of\s+you|you\s+two|both\s+of\s+you|you\s+both|you\s+lot)\b", re.IGNORECASE)
_FULL_OR_TITLED = re.compile(rf"{_NAME}\s+{_NAME}(?=\s)|{_CALLED}")
# a tag that names its speaker ("said Mrs. Angove", "Hugh said") or calls them "he" or "she"
_TAGGED = re.compile(rf"(?:(?:{_SPEECH})\s+((?:the\s+)?{_CALLED})|((?:the\s+)?{_CALLED})\s+(?:{_SPEECH}))\b")
# "said my mother", "my aunt asked": the teller's own family, in a story told as "I"
_MY_KIN_TAG = re.compile(rf"\b(?:(?:{_SPEECH})\s+my\s+({MY_KIN_WORDS})|my\s+({MY_KIN_WORDS})\s+(?:{_SPEECH}))\b")


def _tagged_speakers(narration: str, owner: dict[str, _Person], people: list[_Person],
                     first_person_story: bool) -> dict[int, _Person]:
    """Whom a paragraph's tags name ("said Mrs. Angove"; in a story told as "I", "said my mother")."""
    speakers = {id(p): p for m in _TAGGED.finditer(narration) if (p := owner.get(m.group(1) or m.group(2)))}
    if first_person_story and not speakers:
        speakers = {id(p): p for m in _MY_KIN_TAG.finditer(narration)
                    if (p := my_kin(m.group(1) or m.group(2), [(q, set(q.forms)) for q in people if q.forms]))
                    is not None}
    return speakers


def _family_gender(person: _Person) -> str:
    """A title's gender, or a family word's ("Mum")."""
    return person.title_gender or (_gender_of_phrase(person.words[0].lower()) if person.words[0] in FAMILY_NAMES else "")


def _titled_gender(person: _Person, text: str) -> str:
    """_family_gender, or for a title that leaves it open ("Captain Lomax", "Dr. Mowbray") what the
    pronouns after the mentions say, when they all say it."""
    if _family_gender(person) or not any(_split_title(f)[0] or f.startswith("the ") for f in person.forms):
        return _family_gender(person)
    votes = Counter(hint for form in person.forms for m in re.finditer(rf"\b{re.escape(form)}\b", text)
                    if (hint := _gender_hint(text, m.start(), m.end())))
    return next(iter(votes)) if len(votes) == 1 else ""


_TURNED_TO = re.compile(rf"\b(?:turned|turning|looked|nodded|smiled)\s+(?:back\s+|round\s+)?(?:to|at|towards)\s+"
                        rf"({_CALLED})[.,:]?\s*[\"“‘']?$")
_I_TAG = re.compile(rf"\b(?:(?:{_SPEECH})\s+I|I\s+(?:{_SPEECH}))\b")
_PRONOUN_TAG = re.compile(rf"\b(?:(?:{_SPEECH})\s+(he|she)|(he|she)\s+(?:{_SPEECH}))\b")


_TOLD_ME = re.compile(rf"\b{TOLD_ME}")


# a parent called by a child's name ("Mama Wanjiru", "Baba Otieno", "Abu Karim", "Umm Ali")
_TEKNONYM = re.compile(rf"(Mama|Baba|Abu|Umm)\s+{_NAME}")


def _join_answered_names(speech: _Speech, people: list[_Person], first_person_story: bool = False) -> None:
    """`'You're late, Jack,' said Mrs. Angove.` then `'I'm not late, Bridget.'`: the answer calls
    the one who just spoke by her first name, so a bare "Bridget" is Mrs. Angove, when she has no
    other first name, the genders agree and the two are never named in one paragraph; and "June",
    answering "said Mrs. Bellamy", is June Bellamy."""
    text, paragraphs = speech.text, speech.paragraphs
    owner = {form: p for p in people for form in p.forms}
    previous_speaker, narrated, calling = None, None, None
    genders: dict[int, str] = {}
    job_answers: dict[int, tuple[_Person, dict[int, _Person]]] = {}

    def gender_of(person: _Person) -> str:
        if id(person) not in genders:
            genders[id(person)] = _titled_gender(person, text)
        return genders[id(person)]

    for number, (a, b) in enumerate(paragraphs):
        inside = speech.quotes_in(number)
        if not inside:
            # (`'Pip,' says the Captain.` / `...the Captain was best man at their wedding.` /
            # `'We'll see, Hugh,' she says.`: one paragraph still about the last speaker keeps him)
            still = narrated is None and previous_speaker is not None and any(
                re.search(rf"\b{re.escape(f)}\b", text[a:b]) for f in previous_speaker.forms)
            previous_speaker, narrated = previous_speaker if still else None, (a, b)
            continue
        # a name opening the quote, or a sentence of it, or closing a clause ("..., Bridget.")
        called = [(name, x == inside[0][0], m.group(2) is not None or not text[x:m.start(1)].strip())
                  for x, y in inside for m in _VOCATIVE.finditer(speech.calls, x, y) if (name := m.group(1) or m.group(2)) in owner
                  and not _ANNOUNCED.search(text, max(x, m.start() - 60), m.start() + 1)]
        # (and a job's call as a sentence of its own: "Cap. I'm sorry.")
        called += [(m.group(1), x == inside[0][0], True) for x, y in inside
                   if (m := re.match(r"\s*([A-Z][a-z'’]+)\.\s", text[x:y])) and m.group(1) in owner
                   and m.group(1).lower() in _JOB_CALLED]
        # the answer to the last speaker calls them at its opening or after a comma
        answer = [c for c in called if c[2]]
        bare = owner.get(answer[0][0]) if answer else None
        narration = speech.narration_of(number)
        for before, (x, y) in zip([a] + [q[1] for q in inside], inside):
            # `He turned to Bridget. "Mrs. Halloran, isn't it?"`: the one turned to is the one called
            turned = _TURNED_TO.search(text, before, x)
            opening = _VOCATIVE.match(text, x, y) if turned else None
            to, spoken_to = (owner.get(opening.group(1) or ""), owner.get(turned.group(1))) if opening else (None, None)
            if to is not None and spoken_to is not None and to is not spoken_to \
                    and (_may_be(spoken_to, to, speech) or _may_be(to, spoken_to, speech)):
                keep, gone = (to, spoken_to) if to.title_gender else (spoken_to, to)
                keep.absorb(gone, owner)
        speakers = _tagged_speakers(narration, owner, people, first_person_story)
        # (not when the last speaker speaks again: `"He got the night bus, Mummy," Mum said`, nor
        # when an aunt's title already stands before her first name: "Auntie Mo" is not "Aggie")
        # ("Emmanuel, look at me." / "I looked at her.": in a story told as "I", the one called who
        # answers as "I" is the teller)
        teller_called = first_person_story and number + 1 < len(paragraphs) and \
            re.match(r"\s*I\b", speech.narration_of(number + 1)) is not None
        fits = previous_speaker is not None and bare is not None and bare is not previous_speaker and not teller_called \
            and previous_speaker not in speakers.values() \
            and len(previous_speaker.words) == 1 and gender_of(previous_speaker) \
            and not any(_split_title(f)[0] in ("Aunt", "Auntie", "Aunty", "Tante", "Tantie", "Uncle") for f in previous_speaker.forms) \
            and first_name_gender(bare.words[0]) in ("", gender_of(previous_speaker))
        # "said Mrs. Bellamy" / "I can speak for myself, June.": June Bellamy, of that surname, when
        # the answer opens on it (later in the paragraph it may be a daughter spoken to)
        of_that_name = fits and answer[0][1] and len(bare.words) == 2 and bare.words[1] == previous_speaker.words[0] \
            and first_name_gender(bare.words[0]) == previous_speaker.title_gender
        # ("Rosa Delgado. Gull Point Road." / "Thank you, Mrs. Delgado.": the full name just spoken, called
        # by its title and surname)
        titled_called = not fits and previous_speaker is not None and bare is not None \
            and bare is not previous_speaker and not teller_called and previous_speaker not in speakers.values() \
            and len(bare.words) == 1 and len(previous_speaker.words) == 2 and previous_speaker.words[1] == bare.words[0] \
            and _may_be(previous_speaker, bare, speech)
        if fits and (of_that_name or _may_be(bare, previous_speaker, speech, gender_of(previous_speaker))) \
                or titled_called:
            previous_speaker.absorb(bare, owner)
            speakers = _tagged_speakers(narration, owner, people, first_person_story)
        # (or, untagged, the one its narration opens on: 'Miss Abbott put her knitting down. "It's your father, my dear."')
        previous_speaker = next(iter(speakers.values())) if len(speakers) == 1 else None if speakers \
            else _beat_subject(narration, owner)
        # and the other way: `"Miriam," he says` then `"...," Ms. Okonkwo says`: the one called answers
        # (a paragraph of narration between, not two)
        # ("Mrs Adeyemi?" then `"Is it broken?" Mum asked`: Mum is Mrs Adeyemi)
        # (`"Bernadette," said Dr. Amis` then `"I'll do it." Sister Kavanagh lifted her hand away.`:
        # an untagged answer by the one person its narration opens a sentence on)
        answering = previous_speaker if speakers else _beat_subject(narration, owner)
        if speakers and answering is not None and calling is not None and number - calling[1] == 1 \
                and len(calling[0].words) == 1 and calling[0].words[0].lower() in _JOB_CALLED and not first_person_story:
            # ("Cap. I'm sorry." / `"I know it was, son," Leo said`: whoever a job's call gets its answer from; in a
            # story told as "I" the "Doc" may be the teller, who answers without a name)
            job_answers.setdefault(id(calling[0]), (calling[0], {}))[1][id(answering)] = answering
        # (a family word only by the very next paragraph: `"She eats, Ma."` / `Priya puts the salad down...` /
        # `"So has she asked you?" Priya says` is no answer to it)
        # (nor one calling the same name in turn: `"Dad," said Tracey.` / `"Dad," said Jo`)
        if answering is not None and calling is not None and not _TO_ALL.search(narration) \
                and not any(_TO_BOTH.search(text, x, y) for x, y in inside) and number - calling[1] <= (
                1 if set(calling[0].forms) <= FAMILY_NAMES else 2) and all(owner.get(c[0]) is not calling[0] for c in called) and (
                _may_be(calling[0], answering, speech, kin_answers=True)
                or _may_be(answering, calling[0], speech)):
            keep, gone = (answering, calling[0]) if answering.title_gender else (calling[0], answering)
            keep.absorb(gone, owner)
            previous_speaker = keep if speakers else previous_speaker
        if answering is not None and calling is not None and number - calling[1] == 1 and answering is not calling[0] \
                and (kind := next(filter(None, map(_TEKNONYM.fullmatch, calling[0].forms)), None)) and not first_person_story \
                and answering.listed_gender == ("M" if kind.group(1) in ("Baba", "Abu") else "F"):
            answering.absorb(calling[0], owner)     # ("Mama Wanjiru! Kuja!" / "Specially," says Grace Kamau: Wanjiru's mother)
        last = owner.get(called[-1][0]) if called else None      # the one spoken to last answers
        if first_person_story and _TOLD_ME.search(narration):
            last = None     # ("That's going on the front, Rads," Hollis tells me.: "Rads" is "I")
        if last is not None and last not in speakers.values():
            calling = (last, number)
        elif speakers or _I_TAG.search(narration) or any(re.search(r"[.!?,…—-]\W*$", text[x:y]) for x, y in inside):
            # the call is answered here, by whoever speaks (`"Does everyone know?" I asked`, or
            # `The stationmaster read the note. "Across the line?"`): not by a later speaker
            # (a phrase in quote marks, `calls it "the Reyes thing"`, is no one speaking)
            calling = None
        pronoun = _PRONOUN_TAG.search(narration) if not speakers and narrated is not None else None
        if not speakers and narrated is not None and not narration.strip(" \n\"“”‘’'"):
            # `Mrs. Drake, who had been watching her husband, laid down her reticule.` then a bare
            # `"And where is your flask?"`: the one the paragraph before opens on, and names alone
            # (or a full name: "Rosa Delgado was on her feet before he finished")
            named = {id(p): p for m in _FULL_OR_TITLED.finditer(text, *narrated) if (p := owner.get(m.group(0)))}
            opener = _FULL_OR_TITLED.match(text, narrated[0])
            person = owner.get(opener.group(0)) if opener else None
            if len(named) == 1 and person in named.values() and (person.title_gender or (
                    len(person.words) == 2 and opener.group(0) == " ".join(person.words))):
                previous_speaker = person
        if pronoun:
            # `It was Mr. Abernethy, of course...` then `"...," he said.`: he is the one just named
            named = {id(p): p for m in _TITLED_NAME.finditer(text, *narrated) if (p := owner.get(m.group(0)))}
            just_named = next(iter(named.values())) if len(named) == 1 else None
            if just_named is not None and just_named.title_gender == (
                    "M" if (pronoun.group(1) or pronoun.group(2)).lower() == "he" else "F"):
                previous_speaker = just_named
        narrated = None
    for call, answerers in job_answers.values():
        # (one person answers to it every time: a "Sarge" several sergeants answer to stays a call)
        if len(answerers) == 1 and call.forms and (answerer := next(iter(answerers.values()))).forms:
            answerer.absorb(call, owner)
    people[:] = [p for p in people if p.forms]


def _beat_subject(narration: str, owner: dict[str, _Person]) -> _Person | None:
    """The one person a paragraph's narration names, when it names them opening a sentence or
    just after a quote ("...it." Sister Kavanagh lifted her hand away)."""
    named = {id(p): (p, m.start()) for m in _TITLED_NAME.finditer(narration) if (p := owner.get(m.group(0)))}
    if len(named) != 1:
        return None
    person, at = next(iter(named.values()))
    return person if re.search(r"(?:^|[.!?;\"”’])\s*$", narration[:at]) else None


_NO_TITLE_BEFORE = r"(?<!Mr\. )(?<!Mrs\. )(?<!Ms\. )(?<!Dr\. )(?<!Mr )(?<!Mrs )(?<!Ms )(?<!Dr )(?<!Miss )"


def _may_be(bare: _Person, titled: _Person, speech: _Speech, titled_gender: str = "", kin_answers: bool = False) -> bool:
    """A bare first name ("Bridget") may be the titled surname ("Mrs. Angove"): the genders agree (a family word's too:
    "Dad" is no Mrs) and the narration never names the two in one paragraph (a letter she reads, "Dear Miss Fenwick", is
    no other person). `titled_gender` is the titled one's when the pronouns, not the title, tell it."""
    untitled = not any(_split_title(f)[0] for f in bare.forms)
    gender = _family_gender(titled) or titled_gender
    # ("Harriet Ashcombe" may be Mrs. Ashcombe too: her surname; and Frank Pryce, when Grandad
    # answers to "Frank": `kin_answers`)
    # (and "Sarge", "Doc": a job someone is called by is no one's first name)
    if bare.words[0].lower() in _JOB_CALLED or not ((len(bare.words) == 1 or (len(bare.words) == 2 and (
            bare.words[1] == titled.words[-1] or (kin_answers and titled.words[0] in FAMILY_NAMES))))
            and (untitled or bool(first_name_gender(bare.words[0])))
            and len(titled.words) == 1 and bool(gender) and bare is not titled
            and not (bare.words[0] in FAMILY_NAMES and titled.words[0] in FAMILY_NAMES)
            and first_name_gender(bare.words[0]) in ("", gender)
            and _gender_of_phrase(bare.words[0].lower()) in ("", gender)) or bare.title_gender not in ("", gender):
        return False    # (nor "Mrs. Campbell", whose surname is a man's first name, for "Mr. Hoffman")
    # (nor one the narration calls "he", for a "Mum": "Pugh from the hotel shoulders through... his whites")
    said = Counter(hint for f in bare.forms for m in re.finditer(rf"\b{re.escape(f)}\b", speech.text)
                   if not speech.inside_quote(m.start()) and (hint := _gender_hint(speech.text, m.start(), m.end())))
    if said[{"M": "F", "F": "M"}[gender]] > said[gender]:
        return False
    # one who already has a first name ("Eleanor") has no other: "Hannah" is someone else
    if any(len(f.split()) == 1 and f != titled.words[-1] and not _split_title(f)[0] and first_name_gender(f)
           and not _gender_of_phrase(f.lower()) for f in titled.forms):
        return False
    # (a bare surname not after a title: "Fenwick" is also inside "Mrs. Fenwick", another person)
    titled_forms = [re.compile(rf"\b{re.escape(f)}\b" if " " in f else rf"{_NO_TITLE_BEFORE}\b{re.escape(f)}\b")
                    for f in titled.forms]
    for number in range(len(speech.paragraphs)):
        told = speech.narration_of(number)
        if any(re.search(rf"\b{re.escape(f)}\b", told) for f in bare.forms) \
                and any(form.search(told) for form in titled_forms):
            return False
        # nor calls that name in her own speech ("'Hannah, the blankets,' said Mrs. Pruett")
        tagged = {m.group(1) or m.group(2) for m in _TAGGED.finditer(told)}
        if tagged and tagged <= set(titled.forms) and any(
                (m.group(1) or m.group(2)) in bare.forms
                for x, y in speech.quotes_in(number) for m in _VOCATIVE.finditer(speech.calls, x, y)):
            return False
    return True


def _join_misses(people: list[_Person]) -> None:
    """"Miss Ashcombe" is Katherine Ashcombe ("Miss Kitty") when she is the one woman of that surname
    named in full who is no Mrs.: her mother, once "Harriet Ashcombe" is Mrs. Ashcombe, is not; nor
    is "Miss Lucy Harper", a younger sister."""
    for miss in [p for p in people if len(p.words) == 1 and p.forms and all(_split_title(f)[0] == "Miss" for f in p.forms)]:
        women = [p for p in people if p is not miss and p.forms and len(p.words) >= 2 and p.words[-1] == miss.words[0]
                 and p.words[0] != "the" and (p.title_gender or first_name_gender(p.words[0])) == "F"
                 and not any(_split_title(f)[0] in ("Mrs", "Lady", "Mme", "Madame") for f in p.forms)
                 # ("Miss Lucy Harper", so written to tell her from the elder Miss Harper)
                 and not any(_split_title(f)[0] == "Miss" and len(_split_title(f)[1]) >= 2 for f in p.forms)]
        if len(women) == 1:
            women[0].absorb(miss)
    people[:] = [p for p in people if p.forms]


def _pet_sounds(pet: str, name: str) -> bool:
    """"Treesie" of "Theresa": a pet ending (-ie, -y) on the sounds of a longer first name, its consonants in order."""
    stem = re.sub(r"(?:ie|y|ee|ey)$", "", pet)
    if stem == pet or len(name) < 5 or pet[0] != name[0] or first_name_gender(pet):
        return False
    def sounds(word: str) -> str:
        return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyh]", "", word.lower()))
    wanted, left = sounds(stem), iter(sounds(name))
    return len(wanted) >= 3 and all(c in left for c in wanted)


def _join_short_names(people: list[_Person], speech: _Speech | None = None) -> None:
    """"Bea" (or "Aunt Bea") is Beatrice Marsh, "Jo" is Josephine and "Hattie" is Harriet when
    the short name is a pet form of the long one, and of no one else's first name; "Mully", no
    first name of its own, is the one Mulroney."""
    def first(person: _Person) -> str:
        return person.words[0] if person.words[0] != "the" else ""

    def listed_gender(short: _Person) -> str:
        """What the name list says of a short name, unless it is only ever called out in speech:
        "Back up, Mads!" to Maddie is her pet name, not the Danish man's name the list knows."""
        word = short.words[0]
        if len(word) <= 2 or (speech is not None and not any(speech.told_at(f) for f in short.forms)):
            return ""
        return first_name_gender(word)

    # ("Mum" and "Mummy" are a mother and a grandmother as often as one woman)
    for short in [p for p in people if len(p.words) == 1 and len(p.words[0]) >= 2 and p.words[0] not in FAMILY_NAMES]:
        word = short.words[0]
        longer = [p for p in people if p is not short and p.forms and first(p) and first(p) not in FAMILY_NAMES
                  and (same_first_name(word, first(p)) or any(said_to_form(word, f.split()[0]) for f in p.forms))
                  # (a name of two letters, "Mo" or "Jo", is short for men and women both)
                  and (len({first_name_gender(first(p)), listed_gender(short)} - {""}) <= 1 or known_pet_form(word, first(p)))
                  and p.title_gender in ("", short.title_gender or p.title_gender)]
        if not longer and not first_name_gender(word) and not short.title_gender:
            # a pet name made from a surname: "Mully" of Sister Katherine Mulroney, "Jonesy" of Jones, "Tubbs" of Tubman
            # ("Reesy" of Clive Rees: "Rees" as well as "Ree")
            stems = {word[:-len(end)] for end in ("ie", "y", "sy") if word.endswith(end)} \
                if not re.search(r"([b-df-hj-np-tv-z])\1s$", word) else {word[:-1]}
            stems = {s for stem in stems for s in (stem, stem[:-1] if len(stem) >= 2 and stem[-1] == stem[-2] else stem)
                     if len(s) >= 3 and s != word}
            longer = [p for p in people if p is not short and p.forms and len(p.words) >= 2
                      and p.words[0] != "the" and any(p.words[-1].startswith(stem) for stem in stems)]
            if not longer and len(word) >= 3 and word[-1:] not in "ye":
                # "Hutch" of Dan Hutchinson, "Fitz" of Fitzgerald, "Mac" of McAllister: the surname's start
                start = "Mc" if word == "Mac" else word
                longer = [p for p in people if p is not short and p.forms and len(p.words) >= 2
                          and p.words[0] != "the" and p.words[-1].startswith(start)
                          and len(p.words[-1]) >= len(start) + 2]
            if not longer and speech is not None and not any(speech.told_at(f) for f in short.forms):
                # ("Treesie, my love": a pet name said only in speech, made of the sounds of one first name, Theresa)
                longer = [p for p in people if p is not short and p.forms and first(p) and _pet_sounds(word, first(p))]
            if re.fullmatch(r"[A-Z][a-z]z", word):
                # "Gaz" of Nell Garside: the surname's first letters, the z an r or an s
                longer = [p for p in people if p is not short and p.forms and len(p.words) >= 2
                          and p.words[0] != "the" and p.words[-1][:2] == word[:2] and p.words[-1][2:3] in ("r", "s")]
        # two bare first names that share no sound ("Daisy" and "Margaret") are two people unless
        # the text ties them (_tie_nicknames); "Hattie" and "Harriet" are one
        longer = [p for p in longer if len(p.words) >= 2 or p.title_gender or p.words[0][:2] == word[:2] or known_pet_form(word, p.words[0])
                  or _pet_sounds(word, p.words[0])
                  or p.words[0].lower().endswith(word.lower())     # "Gus" and "Fergus"
                  or (len(word) == 2 and p.words[0][:1] == word[:1])]     # "Mo" and "Maureen"

        # ("Clem": Clementine Finch, not "Clemmie", another of her pet names)
        full = [p for p in longer if len(p.words) >= 2]
        if len(longer) > 1 and len(full) == 1 and all(p is full[0] or same_first_name(first(p), full[0].words[0])
                                                      or said_to_form(first(p), word) for p in longer):
            longer = full
        if len(longer) == 1 and short.forms:
            longer[0].title_gender = longer[0].title_gender or short.title_gender
            longer[0].absorb(short)
    # "Ling" and "Ah Ling" of Tan Wei Ling, "Ms. Tan": the last syllable of a given name written after the family name
    for short in [p for p in people if len(p.words) == 1 and p.forms and not p.title_gender]:
        longer = [p for p in people if p is not short and p.forms and any(
            len(w := f.split()) == 3 and w[-1] == short.words[0] and any(_split_title(g)[0] and _split_title(g)[1] == (w[0],)
                                                                          for g in p.forms) for f in p.forms)]
        if len(longer) == 1:
            longer[0].absorb(short)
    # and the other way: "Samuel", said twice, is Sam Hale when his is the one first name it lengthens
    for full in [p for p in people if p.forms and len(p.words) == 1 and p.words[0] not in FAMILY_NAMES]:
        word = full.words[0]
        shorter = [p for p in people if p is not full and p.forms and first(p) and first(p) != word
                   and first(p) not in FAMILY_NAMES and len(first(p)) < len(word)
                   and same_first_name(first(p), word)
                   # ("Tommy" of "Thomas": an h that is not heard)
                   and (first(p)[:2] == word[:2] or (word[1:2] == "h" and first(p)[:1] == word[:1]))
                   and p.title_gender in ("", full.title_gender or p.title_gender)]
        if len(shorter) == 1:
            shorter[0].title_gender = shorter[0].title_gender or full.title_gender
            shorter[0].absorb(full)
    people[:] = [p for p in people if p.forms]


_SPEECH_BEFORE = re.compile(rf"\b(?:{_SPEECH})\s+$")
_SPEECH_AFTER = re.compile(rf"\s+(?:\w+ly\s+)?(?:{_SPEECH})\b")
_CLAUSE_END = re.compile(r"\s*[,.;:!?—–-]")


def _part_titles_of_both_genders(people: list[_Person]) -> None:
    """One person found to be both "Mrs. Pike" and "Mr. Kerr" (her father's title, joined to "Ali
    Kerr" by the surname before "Ali" was known as Alison): the titles of the gender named less
    go to the one other person of that surname and gender, or to a person of their own."""
    def gender(form: str) -> str:
        title = _split_title(form)[0].lower().rstrip(".")
        if title in _MALE_TITLES or (form in FAMILY_NAMES and _gender_of_phrase(form.lower()) == "M"):
            return "M"
        if title in _FEMALE_TITLES or (form in FAMILY_NAMES and _gender_of_phrase(form.lower()) == "F"):
            return "F"
        return ""

    for person in list(people):
        by_gender = Counter()
        for form, count in person.forms.items():
            if gender(form):
                by_gender[gender(form)] += count
            elif len(form.split()) == 1 and first_name_certain(form) \
                    and not any(len(f.split()) >= 2 and f.split()[-1] == form for f in person.forms) \
                    and (any(f.split()[0] == form for f in person.forms if len(f.split()) >= 2)
                         or not any(len(w := f.split()) == 2 and not _split_title(f)[0] and first_name_gender(w[0])
                                    and not same_first_name(form, w[0]) and not same_first_name(w[0], form) for f in person.forms)):
                # "Alison", whatever "Ali" is (but "Gunn" of "Donald Gunn" is his surname, not a woman's name; and "Tiny"
                # of Dominic Quinn is what he goes by)
                by_gender[first_name_gender(form)] += count
        if not any(gender(f) for f in person.forms):
            continue
        if len(by_gender) < 2 or by_gender["M"] == by_gender["F"]:
            continue
        minor = min(by_gender, key=by_gender.get)
        # (a title worn with a first name, "Auntie Jess", is hers whatever a name list says of "Jess")
        moving = [f for f in person.forms if gender(f) == minor and _split_title(f)[0]
                  and _split_title(f)[0] not in _FIRST_NAME_TITLES]
        if not moving:
            continue
        for form in moving:
            surname = _split_title(form)[1][-1]
            kin = [p for p in people if p is not person and p.forms and p.words[-1] == surname
                   and p.listed_gender in ("", minor) and all(gender(f) in ("", minor) for f in p.forms)]
            home = kin[0] if len(kin) == 1 else None
            if home is None:
                home = _Person((surname,), minor)
                people.append(home)
            home.forms[form] += person.forms.pop(form)
        person.title_gender = "" if person.title_gender == minor else person.title_gender


def named_apart(told: list[str], titled: str, first: str) -> bool:
    """True when two paragraphs of the narration (`told`, quotes blanked: _Speech.narrations) each name
    both "Mr Sandhu" and "Harpreet" on his own ("something like a smile from Mr Sandhu. He went to the
    pass ... every Friday night of Harpreet's life"): father and son, not one man."""
    both = 0
    for paragraph in told:
        both += bool(titled in paragraph and re.search(rf"\b{re.escape(titled)}\b", paragraph)
                     and re.search(rf"\b{re.escape(first)}\b(?!\s+[A-Z])", paragraph))
    return both >= 2
