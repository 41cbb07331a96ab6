"""Parents: "Dad" and "Mum" in a story told in the third person, joined to the family's father and mother."""
from __future__ import annotations

import re
from collections import Counter

from pipeline.text.names import FAMILY_NAMES, _split_title
from pipeline.text.aliases import _I_TAG, _TAGGED, _Person
from pipeline.text.quotes import find_quotes, inside_span, says_the_word

_PARENT_WORDS = {"Dad": "Mr", "Daddy": "Mr", "Father": "Mr", "Papa": "Mr", "Pa": "Mr", "Pop": "Mr", "Pops": "Mr",
                 "Poppa": "Mr", "Mum": "Mrs", "Mummy": "Mrs", "Mom": "Mrs", "Mommy": "Mrs", "Momma": "Mrs",
                 "Mother": "Mrs", "Mama": "Mrs", "Mamma": "Mrs", "Ma": "Mrs", "Baba": "Mr"}


def _join_parents(people: list[_Person], first_person_story: bool = False, text: str = "") -> None:
    """"Dad" is Mr Ashdown when he is the one titled man whose surname others in the story share
    (his wife, his children): the family's father; "Mum" likewise its mother."""
    for parent in [p for p in people if len(p.words) == 1 and p.words[0] in _PARENT_WORDS]:
        said_in = [para for para in re.split(r"\n[ \t]*\n", text) if re.search(rf"\b{parent.words[0]}\b", para)]
        if first_person_story and (_told(text, parent.words[0]) or re.search(
                rf"\b[Mm]y\s+{_PARENT_NOUN[_PARENT_WORDS[parent.words[0]]]}\b", text) or any(map(_I_TAG.search, said_in))
                or sum(bool(_TAGGED.search(para)) for para in said_in) < 2):
            continue    # "Mum" is the teller's own mother, whoever else is a Mrs (but not "Dad", said by the Peggs)
        title = _PARENT_WORDS[parent.words[0]]
        surnames = Counter(p.words[-1] for p in people if p.forms and p.words[0] != "the")
        bearers = [p for p in people if p is not parent and p.forms and any(
            _split_title(f)[0].rstrip(".") == title and surnames[_split_title(f)[1][-1]] >= 2 for f in p.forms)]
        family = {_split_title(f)[1][-1] for p in bearers for f in p.forms if _split_title(f)[0].rstrip(".") == title}
        if len(bearers) == 1 and len(family) == 1 and parent.forms:
            bearers[0].absorb(parent)
            continue
        # or, told of someone named most ("Hollis Pryce"), the one man (woman) of their family name
        # the text gives in full ("Dennis Pryce", not a grown son or a grandfather as well; nor Emrys,
        # who says "Sorry, Dad" to Dai Evans, named most)
        named = [p for p in people if p.forms and len(p.words) >= 2 and p.words[0] != "the"]
        if not bearers and named and parent.forms and all(f in FAMILY_NAMES for f in parent.forms):   # (not "Morag" too)
            focus = max(named, key=lambda p: p.count)
            gender = "M" if title == "Mr" else "F"
            kin = [p for p in named if p.words[-1] == focus.words[-1] and p is not focus
                   and p.listed_gender == gender and not says_the_word(text, parent.words[0], p.forms)]
            if not kin and _told(text, parent.words[0]) >= 2:
                # or, "Mummy" being the narration's own word for her, the one woman (man) of a full name it
                # keeps beside "her mother" ("Sunita Kapoor said" / "said her mother"): the mother of the
                # one whose eyes the story looks through
                paragraphs = re.split(r"\n[ \t]*\n", text)
                near = {j for i, para in enumerate(paragraphs) if re.search(rf"\b(?:[Hh]er|[Hh]is)\s+{_PARENT_NOUN[title]}\b", para)
                        for j in range(i - 2, i + 3)}
                kin = [p for p in named if p.listed_gender == gender and not says_the_word(text, parent.words[0], p.forms)
                       and sum(any(re.search(rf"\b{re.escape(f)}\b", paragraphs[j]) for f in p.forms if len(f.split()) >= 2)
                               for j in near if 0 <= j < len(paragraphs)) >= 2]
            if len(kin) == 1:
                kin[0].absorb(parent)
    people[:] = [p for p in people if p.forms]
    _join_titled_parent_to_full_name(people)


_KIN_TITLES = {"Uncle", "Auntie", "Aunty", "Aunt", "Tante", "Tantie", "Grandad", "Grandpa", "Granddad", "Gran", "Granny", "Nan", "Nana",
               "Nonna", "Nonno", "Cousin"}


def _join_titled_parent_to_full_name(people: list[_Person]) -> None:
    """"Mr. Russo", who is "Dad", is Sal Russo when the family's other man is "Uncle Dom" (Domenic Russo):
    the one man of that surname, given in full, whom nobody calls by a kin title."""
    for parent in [p for p in people if p.forms and any(f in _PARENT_WORDS for f in p.forms)]:
        titled = [_split_title(f) for f in parent.forms if _split_title(f)[0].rstrip(".") in ("Mr", "Mrs")]
        if len(titled) != 1 or len(titled[0][1]) != 1 or any(len(f.split()) >= 2 and not _split_title(f)[0]
                                                            for f in parent.forms):
            continue
        title, (surname,) = titled[0][0].rstrip("."), titled[0][1]
        gender = "M" if title == "Mr" else "F"
        family = [p for p in people if p is not parent and p.forms and len(p.words) >= 2 and p.words[-1] == surname
                  and p.listed_gender in (gender, "")]
        plain = [p for p in family if not any(_split_title(f)[0] in _KIN_TITLES or f.split()[0] in _KIN_TITLES
                                              for f in p.forms)]
        if len(family) >= 2 and len(plain) == 1 and plain[0].listed_gender == gender:
            plain[0].absorb(parent)
    people[:] = [p for p in people if p.forms]


_PARENT_NOUN = {"Mr": "father", "Mrs": "mother"}


def _told(text: str, word: str) -> int:
    """How often the narration, outside the quotes, writes the word."""
    spans = find_quotes(text)
    starts = [a for a, _ in spans]
    return sum(not inside_span(m.start(), spans, starts) for m in re.finditer(rf"\b{word}\b", text))


def join_couple_by_their_family_name(people: list[_Person], text: str) -> None:
    """"The Hoffmans had taken the seats opposite. Brad had gone very quiet": the one man the narration
    names, by a first name alone, just after the family (twice or more, and never another man), is
    Mr. Hoffman when the story has no first name for him; the one woman likewise Mrs. Hoffman."""
    by_form = {f: p for p in people for f in p.forms}
    for titled in [p for p in people if p.forms and len(p.words) == 1 and p.title_gender in ("M", "F")
                   and all(_split_title(f)[0] for f in p.forms)]:
        surname, gender = titled.words[0], titled.title_gender
        if any(p is not titled and p.forms and len(p.words) >= 2 and p.words[-1] == surname for p in people):
            continue
        after: dict[int, tuple[_Person, int]] = {}
        for family in re.finditer(rf"\b[Tt]he\s+{re.escape(surname)}e?s\b", text):
            end = text.find("\n\n", family.end())
            sentences = re.split(r"(?<=[.!?])\s+", text[family.end():end if end >= 0 else len(text)])[:2]
            for word in re.findall(r"\b[A-Z][a-z]+\b", " ".join(sentences)):
                person = by_form.get(word)
                if person is not None and person is not titled and len(person.words) == 1 \
                        and person.listed_gender == gender:
                    after[id(person)] = (person, after.get(id(person), (person, 0))[1] + 1)
        if len(after) == 1 and (named := next(iter(after.values())))[1] >= 2:
            named[0].absorb(titled)
    people[:] = [p for p in people if p.forms]
