"""The first-person narrator: whether a story is told as "I", and who "I" is (the one others call
by name while the narration never does)."""
from __future__ import annotations

import re
from collections import Counter

from pipeline.text.roles import _ROLES
from pipeline.text.first_names import first_name_certain, first_name_gender, same_first_name
from pipeline.text.addressed import vocatives
from pipeline.text.names import (FAMILY_NAMES, NAME, _FATHER, _GRANDFATHER, _GRANDMOTHER, _MOTHER, _NOT_NAMES, RANK_CALLS, RANKS,
                                 Character, _Names, _split_title)
from pipeline.text.not_names import _NOT_PERSON_WORDS
from pipeline.text.quotes import SPEECH_VERBS, TOLD_ME, find_quotes

NARRATOR_ALIASES = ("I", "narrator")


def _narration(text: str, spans: list[tuple[int, int]]) -> str:
    parts, cursor = [], 0
    for start, end in spans:
        parts.append(text[cursor:max(cursor, start - 1)])
        cursor = end + 1
    parts.append(text[cursor:])
    return " ".join(parts)


def told_in_first_person(narration: str) -> bool:
    first_person = len(re.findall(r"\b(I|me|my)\b", narration))
    third_person = len(re.findall(r"\b(he|she|him|her)\b", narration, re.IGNORECASE))
    # a crowded chapter says "he" and "she" of many others; third-person narration says "I"
    # well under three times in a thousand words (2.4 at most in the development novels)
    words = len(narration.split())
    return first_person >= 20 and (first_person >= 0.5 * third_person or first_person * 1000 >= 8 * words)


def _rest_of_paragraph(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)]


def _said_by_me(text: str, start: int, end: int) -> bool:
    """The quote text[start:end] is tagged as the narrator's own: `"...," I said` / `I asked, "..."`."""
    return re.match(r"[\"”’']?[^\S\n]*(?:I\s+[a-z]+|[a-z]+\s+I)\b", text[end:end + 20]) is not None \
        or re.search(r"\bI\s+[a-z]+(?:\s+\w+ly)?[,:]?\s*[\"“‘']?$", text[max(0, start - 30):start]) is not None


# a tag beside a quote: the narration with its quotes taken out (_narration) has two spaces where one was
_SAID = re.compile(r"\s+(?:[a-z]+ly\s+)?([a-z]+)\b")
_SAID_BEFORE = re.compile(r"(?:^|\n|\s\s)\s*([a-z]+)\s+(?:the\s+)?$")
_AFTER_A_QUOTE = re.compile(r"(?:^|\n|\s\s)\s*$")


def _given_lines(told: str, names: _Names) -> set[str]:
    """The main names the narration gives a line to beside a quote ('"On three," shouted Desmond Haigh'): not "I"."""
    given = set()
    for start, end, main in names.mentions(told):
        if not told[start:start + 1].isupper():
            continue
        after, before = _SAID.match(told, end), _SAID_BEFORE.search(told, max(0, start - 20), start)
        if (after and _AFTER_A_QUOTE.search(told, max(0, start - 4), start) and after.group(1).lower() in SPEECH_VERBS) \
                or (before and before.group(1).lower() in SPEECH_VERBS):
            given.add(main)
    return given


def first_person(text: str, characters: dict[str, Character]) -> tuple[str, set[str]]:
    """When the story is told as "I": the narrator's main name and the other characters that
    are the narrator too. Others call the narrator by name ("Agnes, sit down", "Miss Quill,")
    while the narration never does; every such name of the narrator's gender is theirs.
    "Narrator" when no one calls them anything; ("", set()) when the story is not told as "I"."""
    spans = find_quotes(text)
    told = _narration(text, spans)
    if not told_in_first_person(told):
        return "", set()
    names = _Names(characters)
    # what "I" say calls someone else by name ("Biscuit," I said.)
    heard = [(start, end) for start, end in spans if not _said_by_me(text, start, end)]
    addressed = Counter(main for start, end in heard for main in vocatives(text[start:end], names))
    # (a name painted in capitals on a door, "ROBERT LAIDLAW, GROUNDSMAN", is a sign, not the narration naming anyone)
    # (nor "the Tregenza nose": the family's, not the teller named)
    in_narration = Counter(main for start, end, main in names.mentions(told) if not told[start:end].isupper()
                           and not (re.search(r"\b[Tt]he\s+$", told[max(0, start - 4):start]) and re.match(r"\s+[a-z]", told[end:])))
    tagged = _given_lines(told, names)
    answered = _answered_by_me(text, heard, names)
    # (not "Frank", said as often as "Cal", when Grandad answers to it and "I" never do)
    others_answer = _answered_by_others(text, heard, names)
    # (unless they give that name as their own: "Mrs Ellis? My name's Catrin, I'm with the mountain rescue.")
    own = {names.lookup(m.group(1)) for start, end in spans for m in _MY_NAME.finditer(text, start, end)}
    # ("Don't you Treesie me, Gerald Kavanagh.": the name of whoever says it, and not "I" who said it)
    refused = {names.lookup(m.group(1)) for start, end in heard for m in _DONT_YOU_NAME_ME.finditer(text, start, end)}
    scored = [(count / (1 + in_narration[main]), count, main) for main, count in addressed.items()
              if in_narration[main] < count and main not in tagged and main not in refused
              and (main not in FAMILY_NAMES or 2 * answered[main] >= count) and (main in own or not (others_answer[main] > answered[main]
                                                                       and others_answer[main] * 2 >= count))]
    if not scored:
        # ("She only ever calls me Daniel when I'm in trouble": the narration names the teller itself)
        scored = [(0, 0, m) for match in (*_CALLS_ME.finditer(told), *_MY_NAME_TOLD.finditer(told))
                  if match.group(1) not in FAMILY_NAMES and (m := names.lookup(match.group(1)))]
    if not scored:
        return _called_by_first_name(text, heard, characters) or first_person_narrator(text, heard, names, tagged) \
            or "Narrator", set()
    _, _, main = max(scored)
    # (of the titled one's gender: "Tommy", the boy the teller is sent to find, is not Miss Thorne)
    firsts = [(count, m) for _, count, m in scored if len(m.split()) == 1 and count >= 2
              and m.lower() not in _ROLE_WORDS and m not in FAMILY_NAMES
              and (characters[m].gender in (characters[main].gender, "U", "") or main.lower() in RANK_CALLS)]
    # (and not when the titled one has a first name of their own already: "Maggie Thorne")
    own_first = any(len(a.split()) == 2 and not _split_title(a)[0] for a in characters[main].aliases)
    # ("Nic" over "Sarge", said once more: a rank is what the squad calls the teller, not a name; "Nora" over "Mam")
    if (_split_title(main)[0] or main.lower() in RANK_CALLS or main in FAMILY_NAMES) and firsts and not own_first:
        # "Kofi" four times over "Mr. Mensah" five, which his father answers to as well
        main = max(firsts)[1]
    gender = characters[main].gender

    def kind(name: str) -> str:
        title, words = _split_title(name)
        return "titled" if title and len(words) == 1 else "first" if len(words) == 1 else "full"

    # "Agnes" and "Miss Quill", both said to the narrator and never in the narration: one person
    # and "Josephine", said to "Jo" (a short name that begins the long one); and a name "I" answer
    # ("Emmanuel, look at me." then "I looked at her.")

    # surnames the narration's full names give ("Rosa Delane"): "Dr. Barrow", said to someone
    # once, is not Rosa when the text has Barrows of its own and she is a Delane
    def surnames(names) -> set[str]:
        return {_split_title(n)[1][-1] for n in names if n.strip() and kind(n) == "full"}

    def surname_fits(titled: str, first: str) -> bool:
        surname = _split_title(titled)[1][-1]
        owner = next((c for c, character in characters.items() if first == c or first in character.aliases), first)
        theirs = surnames((owner, *characters[owner].aliases)) if owner in characters else set()
        if theirs:
            return surname in theirs
        # (not "Wil", the banksman, when "Mr. Marsh" is Daniel Marsh)
        given = {_split_title(n)[1][0] for n in (titled, *(characters[titled].aliases if titled in characters else ()))
                 if n.strip() and kind(n) == "full" and _split_title(n)[1][-1] == surname}
        if any(g != first and not same_first_name(first, g) and not same_first_name(g, first) for g in given):
            return False
        return not any(surname in surnames((c, *characters[c].aliases)) for c in characters if c not in (titled, owner))

    def one_person(m: str, count: int, other: str, gender: str) -> bool:
        first = _split_title(other)[1][0]
        pair = {kind(m): m, kind(other): other}
        return (
            (characters[m].gender in (gender, "U") and {kind(m), kind(other)} == {"first", "titled"}
             and surname_fits(pair["titled"], pair["first"])
             # (not "Mrs Walsh?", said to Mam, who takes the cap the garda holds out)
             and not (others_answer[m] and 2 * others_answer[m] >= count and not answered[m])
             # (not "Dod", said twice to the teller's husband: a word no list knows and no pronoun gives a sex to)
             and (kind(m) != "first" or first_name_gender(m) or answered[m] or characters[m].gender != "U"))
            # ("Laidlaw" and "Mr Laidlaw", said to the teller the others call "Rab": his surname, as titled)
            or (characters[m].gender in (gender, "U") and kind(m) == kind(other) == "first"
                and any(_split_title(a) == ("Mr", (m,)) and surname_fits(a, other) for a in characters[m].aliases))
            # ("Tam", said to Tamsin: the start of her name, whatever a name list says of "Tam")
            or (kind(m) == "first" and m != first and (m.startswith(first) or first.startswith(m))
                and (gender == "U" or characters[m].gender in (gender, "U") or (first.startswith(m) and len(m) >= 3)))
            # ("Maka", "Amaka", said to Chiamaka: the end of her name, as Igbo and Yoruba names are shortened)
            or (kind(m) == kind(other) == "first" and len(m) >= 4 and other.lower().endswith(m.lower()) and m != other
                and characters[m].gender in (gender, "U"))
            # ("Marisol Baptiste", said once to the teller everyone calls "Sol": her whole name, of which "Sol" is a part)
            or (kind(m) == "full" and kind(other) == "first" and len(other) >= 3 and m.split()[0] != other
                and (m.split()[0].endswith(other.lower()) or m.split()[0].startswith(other))
                and characters[m].gender in (gender, "U"))
            # "Lind", said to Mr. Lindqvist: a short form of the surname (a name list's gender for it means nothing)
            or _short_for_surname(m, other) or _short_for_surname(other, m)
            # ("Sarge", who is "Sergeant Ashdown" too, said to Frank Ashdown: the teller's old rank and his surname)
            or (characters[m].gender in (gender, "U") and count >= 2 and any(
                kind(a) == "titled" and _split_title(a)[0].lower() in RANKS and surname_fits(a, other)
                for a in (m, *characters[m].aliases)))
            # ("Sarge", said three times to the teller the DI calls "Nic", never in a tag and hardly in the narration:
            # the squad's name for her, whatever pronoun a guess gave a rank)
            or (m.lower() in RANK_CALLS and count >= 3 and in_narration[m] <= 1 and m not in tagged
                and 2 * others_answer[m] < count)
            # "Inspector Carrick", said to the teller the others call "Mrs Carrick": a rank is anyone's
            or (kind(m) == kind(other) == "titled" and _split_title(m)[1] == _split_title(other)[1]
                and bool({_split_title(m)[0].lower(), _split_title(other)[0].lower()} & RANKS))
            or (answered[m] and answered[m] == count and characters[m].gender in (gender, "U"))
            # ("Irene", "Ms Kostas", said to the teller the kitchen calls "Reenie" five times, answered by "I", and
            # never once in the narration, which names everyone else it hears speak)
            or (count >= 3 and answered[m] and in_narration[m] == 0
                and (gender == "U" or characters[m].gender in (gender, "U")))
            # ("Sparrow? What's happened?" ... "Go on, then, Sparrow." / "I run.": a pet name no list knows,
            # answered by "I" half the times it is said)
            or (answered[m] and 2 * answered[m] >= count and characters[m].gender == "U" and not first_name_gender(m))
            # ("You busy, Howellsy?": a nickname no list knows, said to someone twice and more, never in the narration
            # that names everyone else it hears, and no one else answers to it)
            or (kind(m) == "first" and count >= 2 and in_narration[m] == 0 and not others_answer[m]
                and characters[m].gender == "U" and not first_name_gender(m) and m.lower() not in RANK_CALLS)
            # ("Birdie", said to one the others call by her surname, "Kestrel", which says no gender)
            or (answered[m] and 2 * answered[m] >= count and gender == "U" and kind(m) == kind(other) == "first"
                and not first_name_gender(other))
            # ("Callum", what his mother calls him, and "Sprat", what the crew do: said three times and
            # more, answered by "I" twice, and never in the narration)
            or (kind(m) == kind(other) == "first" and count >= 3 and answered[m] >= 2
                and (characters[m].gender in (gender, "U") or gender == "U"))
            # "Agata" and "Aggie", both said to the narrator only: a pet form that shares the name's sound
            or (kind(m) == "first" and kind(other) == "first" and _pet_form_of(m, other)
                and characters[m].gender in (gender, "U")))

    # ("Mam", said six times by the son the teller calls "my son": what her children call her)
    # (or by the son of whom "I" say "That's my boy": the rest of a paragraph that "I" speak in is mine too)
    mine = " ".join(_rest_of_paragraph(text, start) for start, end in spans if _said_by_me(text, start, end))
    my_children_call_me = (_MOTHER | _FATHER) - {"Mother", "Father"} \
        if _MY_CHILD.search(told) or _MY_CHILD.search(mine) else set()
    # one name leads to the next: "Lind" to "Mr. Lindqvist", and he to "Anders"
    # ("Friday, Mr. Byrne, on my desk." He turns to me. "And yourself?": said to the friend beside "me")
    not_mine = {m for a, b in heard for m in vocatives(text[a:b], names)
                if _TURNS_TO_ME.match(text, b, b + 40) or _TURNS_TO_ME.search(text[b:b + 40].split("\n")[0])}
    same: set[str] = set()
    grown = True
    while grown:
        grown = False
        for m, count in addressed.items():
            # ("Dad", said three times by a daughter to her father, answered once by the doctor who is "I")
            # (or "Miss Patel", said to her four times and once in the narration's "good morning Miss Patel" chorus)
            if m != main and m not in same and m not in not_mine and m not in refused and (in_narration[m] == 0 or (
                    m.lower() in RANK_CALLS or (kind(m) == "titled" and count >= 3)) and in_narration[m] == 1) \
                    and (m not in FAMILY_NAMES or 2 * answered[m] >= count or (m in my_children_call_me and count >= 2)) \
                    and (kind(m) != "first" or count >= 2
                         # said once, a name only if the text never writes it as a word ("That's not fair.")
                         or (_is_a_name(m) and not re.search(rf"\b{re.escape(m.lower())}\b", text))) \
                    and ((m in my_children_call_me and characters[m].gender in (gender, "U"))
                         or any(one_person(m, count, name, gender if gender in ("M", "F") else characters[other].gender)
                                for other in (main, *sorted(same))
                                for name in (other, *characters[other].aliases) if name.strip())):
                same.add(m)
                grown = True
    # "She only ever calls me Daniel when I'm in trouble": the narration names the teller itself
    for match in _CALLS_ME.finditer(told):
        m = names.lookup(match.group(1)) if match.group(1) not in FAMILY_NAMES else ""
        # (a nickname's sex is only what the pronouns near it guessed: "Noodle! You're awake!" "she said")
        if m and m != main and (characters[m].gender in (gender, "U") or not first_name_gender(m.split()[-1])):
            same.add(m)
    # "My name is Małgorzata Kowalska, and in eleven years in this country I have answered to most things": the
    # narration giving the teller's own name, whatever the others call them ("Gosia")
    for match in _MY_NAME_TOLD.finditer(told):
        m = names.lookup(match.group(1))
        if m and m != main and characters[m].gender in (gender, "U", ""):
            same.add(m)
    # "Coulson", what the others call the teller, is "Leanne Coulson", the one of the cast of that surname whose own
    # first name is said in the others' speech ("Our Leanne"), hardly ever in the narration
    if kind(main) == "first" and not first_name_gender(main):
        said = _named_in(text, heard, names)
        kin = [c for c in characters if c != main and c not in same and said[c] and in_narration[c] <= 2
               and (characters[c].gender in (gender, "U") or gender not in ("M", "F"))
               and any(kind(n) == "full" and _split_title(n)[1][-1] == main for n in (c, *characters[c].aliases))]
        if len(kin) == 1:
            same.add(kin[0])
    # ("Owen", not "Rads" the newsroom's nickname for him: the teller goes by the first name a list knows)
    given = [m for m in same if len(m.split()) == 1 and first_name_gender(m) and m not in FAMILY_NAMES]
    if not first_name_gender(main.split()[0]) and not _split_title(main)[0] and len(given) == 1:
        same = (same - {given[0]}) | {main}
        main = given[0]
    return main, same


_DONT_YOU_NAME_ME = re.compile(r"\b[Dd]on['’]t\s+(?:you\s+)?([A-Z][a-z]+)\s+me\b")
_MY_CHILD = re.compile(r"\b[Mm]y\s+(?:son|daughter|boy|girl|children|kids|grandson|granddaughter|grandchildren)\b")
_MY_NAME = re.compile(r"\b(?:[Mm]y\s+name['’]s|[Mm]y\s+name\s+is|I['’]m)\s+([A-Z][a-z]+)\b(?!\s+[A-Z])")
_MY_NAME_TOLD = re.compile(rf"\b[Mm]y\s+(?:full\s+|real\s+|proper\s+)?name\s+(?:is|was)\s+({NAME}(?:\s+{NAME})?)")
_CALLS_ME = re.compile(r"\b(?:call|calls|called|calling)\s+me\s+(?:by\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")


def _short_for_surname(short: str, titled: str) -> bool:
    """"Lind" of "Mr. Lindqvist": the start of the surname, said on its own."""
    title, words = _split_title(titled)
    return bool(title) and len(words) == 1 and " " not in short and not _split_title(short)[0] \
        and len(short) >= 3 and words[0] != short and words[0].startswith(short)


def _is_a_name(word: str) -> bool:
    """A first name the name list knows, not a job said as a name ("No, Coach.")."""
    return bool(first_name_gender(word)) and word.lower() not in _ROLE_WORDS


# jobs and ranks people are called by to their face
_ROLE_WORDS = _ROLES | {"doc", "sarge", "sir", "madam", "miss", "guv"}


def _pet_form_of(a: str, b: str) -> bool:
    """"Aggie" of "Agata", "Mags" of "Margaret": one begins as the other and ends as pet names do (not "Dad" of
    "Dai": a family word is no one's pet name)."""
    return a != b and a[:2] == b[:2] and any(len(x) <= 3 or re.search(r"(?:ie|y|ee|s)$", x) for x in (a, b)) \
        and a not in FAMILY_NAMES and b not in FAMILY_NAMES


_TOLD_ME = re.compile(rf"[\"”’']?[^\S\n]*(?:[A-Z][\w.]*(?:\s+[A-Z]\w*)?|he|she)\s+(?:\w+ly\s+)?{TOLD_ME}")


_TURNS_TO_ME = re.compile(r"\b(?:looked|looks|grinned|grins|turned|turns|smiled|smiles|winked|winks|glanced|glances|nodded|"
                          r"nods)\s+(?:[\w,]+\s+){0,3}?(?:at|to|towards)\s+me\b")


def _answered_by_me(text: str, spans: list[tuple[int, int]], names: _Names) -> Counter:
    """Names said to someone whom "I" answer next: the next paragraph opens "I looked at her" or
    is a quote tagged "I said"."""
    answered = Counter()
    for start, end in spans:
        called = vocatives(text[start:end], names)
        if not called:
            continue
        # ("That's going on the front, Rads," Hollis tells me.: said to "me")
        if _TOLD_ME.match(text, end, end + 80):
            answered.update(called)
            continue
        following = re.search(r"\n[ \t]*\n\s*", text[end:end + 600])
        # ("You're a good man, Daniel." She winked. "Don't listen, Hannah.": "I" answer the last one called)
        if following is None or any(end < a < end + following.start() and vocatives(text[a:b], names) for a, b in spans):
            continue
        # ("I'm not complaining, Chidi." She looked up then, and grinned at me.: said to him, then she turns to "me")
        if _TURNS_TO_ME.search(text, end, end + following.start()):
            continue
        at = end + following.end()
        opens_with_me = re.match(r"I\s+[a-z]+", text[at:at + 20]) is not None
        quote = re.match(r"[\"“‘']((?:[^\"”’\n]|[’'](?=\w)){1,300})[\"”’'](?!\w)", text[at:at + 320])
        if opens_with_me or (quote and _said_by_me(text, at + 1, at + 1 + len(quote.group(1)))):
            answered.update(called)
    return answered


def _answered_by_others(text: str, spans: list[tuple[int, int]], names: _Names) -> Counter:
    """Names said to someone whom a named speaker answers next: `"And you stay in the car, Frank."`
    then `"I'll need to see the gateposts," Grandad says.`"""
    answered = Counter()
    for start, end in spans:
        called = vocatives(text[start:end], names)
        following = re.match(r"[^\n]*\n[ \t]*\n\s*[\"“‘']((?:[^\"”’\n]|[’'](?=\w)){1,300})[\"”’'](?!\w)[^\S\n]*(?:(?:says|said|asks|asked)\s+"
                             r"([A-Z][\w.]*(?:\s+[A-Z]\w*)?)|([A-Z][\w.]*(?:\s+[A-Z]\w*)?)\s+(?:says|said|asks|asked)\b)",
                             text[end:end + 600]) if called else None
        answerer = names.lookup(following.group(2) or following.group(3)) if following else ""
        # (or "he said": whoever "he" is, not "I"; the tag on the quote's own line, not the next paragraph's)
        if not answerer and called and re.match(r"[^\n]*\n[ \t]*\n\s*[\"“‘'](?:[^\"”’\n]|[’'](?=\w)){1,300}[\"”’'](?!\w)[^\S\n]*(?:[Hh]e|[Ss]he)\s+"
                                                r"(?:says|said|asks|asked|replies|replied|answers|answered)\b", text[end:end + 600]):
            answerer = "someone else"
        # (or the narration has just turned to someone not "me": "He put the glass down and looked at his daughter.")
        if not answerer and called and _LOOKED_AT_KIN.search(text, max(0, start - 200), start):
            answerer = "someone else"
        # (or the next paragraph, with no words said, has another take it: '"Mrs Walsh? This was in the drain."' /
        # "Mam took it from him and held it against her face.")
        acted = _NEXT_PARAGRAPH_SUBJECT.match(text, end) if called and not answerer else None
        if acted and (one := names.lookup(acted.group(1))) and one not in called:
            answerer = one
        if answerer:
            answered.update(name for name in called if name != answerer)
    return answered


_NEXT_PARAGRAPH_SUBJECT = re.compile(r"[^\n]*\n[ \t]*\n[ \t]*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?!said|says|asked|asks)[a-z]+(?:ed|ook|ent|ame|ot|ave|eld|ut)\b[^\"“”‘\n]*\n")
_LOOKED_AT_KIN = re.compile(r"\b(?:looked|turned|glanced|nodded|smiled|stared|rounded)\s+(?:\w+\s+)?(?:at|to|towards|on)\s+"
                            r"(?:his|her|their)\s+(?:own\s+)?(?:daughter|son|wife|husband|sister|brother|mother|father|niece|"
                            r"nephew|girl|boy|mam|mum|dad)\b[^.!?\"“”]*[.!?]?\s*[\"“‘']?\s*$")


def _called_by_first_name(text: str, spans: list[tuple[int, int]], characters: dict[str, Character]) -> str:
    """A first name said to someone and nowhere else in the text ("Deal," he said. "Thanks,
    Ines."): in a story told as "I", the narrator's, who is named no other way."""
    known = {word for main, c in characters.items() for name in (main, *c.aliases) for word in name.split()}
    said = " ".join(text[a:b] for a, b in spans)
    called = Counter()
    for start, end in spans:
        for match in re.finditer(r"(?:^|[,!?;—-]\s*)([A-Z][a-z]+)(?=\s*[,!?.;—-]|\s*$)", text[start:end]):
            name = match.group(1)
            # (nor "Des", said to Desmond Haigh: his name, shortened)
            if name not in known and first_name_gender(name) and name not in _NOT_NAMES \
                    and not any(same_first_name(name, word) for word in known) \
                    and name not in _NOT_PERSON_WORDS and not re.search(rf"\b{name.lower()}\b", text) \
                    and len(re.findall(rf"\b{name}\b", text)) == len(re.findall(rf"\b{name}\b", said)):
                called[name] += 1
    return called.most_common(1)[0][0] if called else ""


def _named_in(text: str, spans: list[tuple[int, int]], names: _Names) -> Counter:
    """Main name -> how often the quotes text[start:end] name them."""
    return Counter(main for start, end in spans for _, _, main in names.mentions(text[start:end]))


def first_person_narrator(text: str, spans: list[tuple[int, int]], names: _Names, given_lines: set[str] = frozenset()) -> str:
    """In a story told as "I", the narrator is the character others call by name in dialogue
    while the narration itself hardly names them."""
    told = _narration(text, spans)
    if not told_in_first_person(told):
        return ""
    addressed = _named_in(text, spans, names)
    in_narration = Counter(name for _, _, name in names.mentions(told))
    scored = [(count / (1 + in_narration[name]), name) for name, count in addressed.items()
              if count >= 2 and in_narration[name] < count and name not in given_lines]
    return max(scored)[1] if scored else ""


def _named_apart_from(told: str, name: str, family: set[str]) -> bool:
    """The narration names someone other than as the parent it has just spoken of: not "Papa came in at last with
    the wine. Kwame Mensah is sixty-six", the name given to the one the paragraph is about."""
    for m in re.finditer(rf"\b{re.escape(name)}\b", told):
        paragraph = told[max(told.rfind("\n\n", 0, m.start()), m.start() - 300):m.start()]
        if not re.search(rf"\b(?:{'|'.join(map(re.escape, family))})\b[^\n]*?[.!?]\s+$", paragraph) \
                and not re.search(rf"\b(?:my|our)\s+(?:{'|'.join(w.lower() for w in family)}),?\s+$", paragraph):
            return True
    return False


def join_parent_named_by_others(text: str, characters: dict[str, Character], narrator: str) -> dict[str, Character]:
    """In a story told as "I", the teller's father is "Dad" in the narration and "Roy" to everyone
    else: the one man of the teller's surname ("Roy Marchbank's field") whom the narration never
    names is the one the teller calls Dad (and a woman of it, Mum; and so Grandpa and Gran)."""
    teller = characters.get(narrator)
    if teller is None:
        return characters
    surnames = {words[-1] for name in (teller.name, *teller.aliases) if len((words := _split_title(name)[1])) >= 2
                or (_split_title(name)[0] and words)}
    spans = find_quotes(text)
    told = _narration(text, spans)
    for family, gender, title in ((_FATHER, "M", "Mr"), (_MOTHER, "F", "Mrs"), (_GRANDFATHER, "M", "Mr"),
                                  (_GRANDMOTHER, "F", "Mrs")):
        # (the teller's own word for them: not "Dad", said only by Nia to her father)
        parents = [m for m, c in characters.items() if m != narrator and {m, *c.aliases} & family
                   and any(re.search(rf"\b{re.escape(f)}\b", told) for f in {m, *c.aliases} & family)]
        named = [m for m, c in characters.items() if m != narrator and m not in parents and c.gender in (gender, "U")
                 and not {m, *c.aliases} & FAMILY_NAMES
                 and any(_split_title(n)[1][-1] in surnames and (len(_split_title(n)[1]) >= 2 or
                                                                  _split_title(n)[0].rstrip(".") == title)
                         for n in (m, *c.aliases))
                 and not any(_named_apart_from(told, n, family) for n in (m, *c.aliases))]
        if len(parents) == 1 and not named and gender in ("F", "M") and family in (_FATHER, _MOTHER):
            named = _spoken_to_of_the_teller(text, spans, characters, teller, narrator, parents[0], gender, told) \
                or _called_and_taken_up(text, spans, characters, parents[0], title, told)
        if len(parents) == 1 and len(named) == 1 and not _other_first_name(characters[parents[0]], characters[named[0]]):
            parent, name = characters[parents[0]], characters.pop(named[0])
            # (in the parent's place: the order is who matters most)
            characters = {name.name if m == parent.name else m: c if m != parent.name else Character(
                name.name, tuple(sorted({*name.aliases, parent.name, *parent.aliases})),
                parent.gender if parent.gender != "U" else gender) for m, c in characters.items()}
    return characters


def _spoken_to_of_the_teller(text: str, spans: list[tuple[int, int]], characters: dict[str, Character], teller: Character,
                             narrator: str, parent: str, gender: str, told: str) -> list[str]:
    """"Theresa? Theresa, hen, it's only me." ... "Was that your Kieran I seen coming up the close?": the one a neighbour
    calls by a first name that the narration never writes, asking after "your" teller, is the teller's parent."""
    firsts = {n.split()[0] for n in (teller.name, *teller.aliases) if n[:1].isupper() and n not in ("I", "Narrator")
              and not _split_title(n)[0] and first_name_gender(n.split()[0])}
    if not firsts:
        return []
    yours = [(a, b) for a, b in spans if re.search(rf"\byour\s+(?:wee\s+|little\s+|young\s+|big\s+)?(?:{'|'.join(map(re.escape, firsts))})\b",
                                                   text[a:b])]
    found = set()
    for a, b in yours:
        # (the quotes of that visit: the call at the door a paragraph or two before, and the question itself)
        window = " ".join(text[x:y] for x, y in spans if a - 800 <= x <= a)
        for main, c in characters.items():
            names = [n for n in (main, *c.aliases) if len(n.split()) == 1 and first_name_gender(n) == gender]
            if main not in (narrator, parent) and c.gender in (gender, "U") and names and not {main, *c.aliases} & FAMILY_NAMES \
                    and any(re.search(rf"\b{re.escape(n)}\b", window) for n in names) \
                    and not any(re.search(rf"\b{re.escape(n)}\b", told) for n in (main, *c.aliases)):
                found.add(main)
    return sorted(found)


def _called_and_taken_up(text: str, spans: list[tuple[int, int]], characters: dict[str, Character], parent: str, title: str,
                         told: str) -> list[str]:
    """'"Mrs Walsh? This was in the drain at the crossroads."' / "Mam took it from him": the Mrs. (Mr.) called, whom
    the teller's own word for the parent answers in the next paragraph, never naming them so in the narration."""
    names = _Names(characters)
    found = set()
    for start, end in spans:
        acted = _NEXT_PARAGRAPH_SUBJECT.match(text, end)
        if acted and names.lookup(acted.group(1)) == parent:
            found |= {m for m in vocatives(text[start:end], names) if m != parent and _split_title(m)[0].rstrip(".") == title
                      and not re.search(rf"\b{re.escape(m)}\b", told)}
    return sorted(found)


def _other_first_name(parent: Character, named: Character) -> bool:
    """The parent already has a first name of their own, and it is not the other one's: Ma, whom Da
    calls Bridie, is not Christy Brennan."""
    def firsts(c: Character) -> set[str]:
        return {words[0] for n in (c.name, *c.aliases) if n not in FAMILY_NAMES and not _split_title(n)[0]
                and (words := n.split()) and words[0][:1].isupper() and words[0] not in ("I",)}
    own, theirs = firsts(parent), firsts(named)
    return bool(own and theirs) and not any(a == b or same_first_name(a, b) or same_first_name(b, a)
                                            for a in own for b in theirs)


def teller_gender(teller: Character, merged: list[Character], male_titles: set, female_titles: set) -> str:
    """The narrator's gender. A title they are called by says it ("Mr. Lindqvist" outweighs what a name
    list says of "Lind"); else their own first name, when the list is sure of it ("Nate Ekstrom", whom
    the pronouns near "Ekstrom" in other people's speech cannot say); else the names they are called."""
    names = [n for m in (teller, *merged) for n in (m.name, *m.aliases) if n.strip()]
    by_title = {"M" if t.lower() in male_titles else "F" for n in names
                if (t := _split_title(n)[0]) and t.lower() in male_titles | female_titles}
    if len(by_title) == 1:
        return by_title.pop()
    firsts = {first_name_gender(n.split()[0]) for n in names if not _split_title(n)[0] and len(n.split()) >= 2
              and first_name_certain(n.split()[0])} - {""}
    if len(firsts) == 1 and not by_title:
        return firsts.pop()
    said = {m.gender for m in merged} - {"U"}
    # ("Tomek", all the depot calls the teller: a first name the list is sure of, when nothing else says)
    alone = {first_name_gender(n) for n in names if len(n.split()) == 1 and n not in FAMILY_NAMES and first_name_certain(n)} - {""}
    if teller.gender == "U" and not by_title and not said and len(alone) == 1:
        return alone.pop()
    titled = {m.gender for m in (teller, *merged) if _split_title(m.name)[0] and m.gender != "U"}
    return titled.pop() if len(titled) == 1 else teller.gender if teller.gender != "U" or len(said) != 1 else said.pop()
