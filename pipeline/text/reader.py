"""The reader behind attribution: the text, its cast and who was mentioned where, with what a
speech tag, an action beat's subject, a lead-in, "he" and "she", "his wife" and "said the
constable" each say about who is speaking. attribution.py applies its rules paragraph by
paragraph with it."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from pipeline.text.names import (MY_KIN_WORDS, MY_SIBLING, _FEMALE_NOUNS, _MALE_NOUNS, _TITLES, Character, _gender_of_phrase,
                                 _infer_genders, _Names, my_kin, my_sibling)
from pipeline.text.quotes import _VOICE_CAME, _WAS_REPLY, is_scene_break, split_paragraphs
from pipeline.text.strangers import _DESCRIBED_OR_BARE, _IN_CLAUSE, NEWCOMER, newcomers
from pipeline.text.tag_words import (_AFTER_PREPOSITION, _CLAUSE_JOIN, _FILLER, _GOING_ON, _HIS_BEFORE, _NAME_DESCRIBED,
                                     _NOT_SAID, _NOT_WORDS, _OBJECT_OF, _PREPOSITIONS, _SENTENCE_END, _SUBJECT_PRONOUNS,
                                     _VERB_RE, _VOICE_OF)
from pipeline.text.tellers_family import TellersFamily

# "the mother", "a tall woman", "an old man": a person the narration has not named
_UNNAMED_PERSON = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z-]+\s+){0,2}?([a-z]+)\b(?![\w'’]*\s+[A-Z])")
# a person described by a noun after a word or three ("the old man", "a tall young woman")
_DESCRIBED = re.compile(r"(?:the|a|an|his|her|their|my|our)(?:\s+[\w'’-]+){1,3}?\s+(?:" +
                        "|".join(sorted(_MALE_NOUNS | _FEMALE_NOUNS, key=len, reverse=True)) + r")(?=[\s,.;!?]|$)",
                        re.IGNORECASE)


# a clause with a subject of its own, joined on after a comma: ", and Mrs Gallacher came"
_AND_A_NEW_SUBJECT = re.compile(r"[,;]\s+(?:and|but|while|so)\s+(?=(?-i:[A-Z]))")
_SUBORDINATE = re.compile(r"\b(?:since|until|till|because|although|though|the\s+(?:day|night|moment|year))\b")
_CLAUSE_SUBJECT = re.compile(r"[,;]\s+(?:and|but|while|so)\s+(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*\s*$")


@dataclass
class _Who:
    speaker: str
    verb: str = ""
    adverb: str = ""
    span: tuple[int, int] | None = None
    gender: str = ""       # what the tag tells even when it names no one: "she", "his wife"


def _first_word(name: str) -> str:
    """A name's first word as a title is written in _TITLES ("Mr." -> "mr")."""
    return name.split()[0].lower().rstrip(".")


# "From a Leonardo she had become a living woman": a painting or a kind of person, not the one named
_A_KIND_OF = re.compile(r"\b(?:a|an|another|every|any)\s+$", re.IGNORECASE)


def _unnamed_as_none(who: str, newcomers: bool) -> str:
    """An unnamed newcomer is no one a tag can give a line to, unless the caller follows them (`newcomers`)."""
    return "" if who.startswith(NEWCOMER) and not newcomers else who


class _Reader:
    """The text, its cast and who was mentioned where, for resolving tags and pronouns."""

    def __init__(self, text: str, characters: dict[str, Character], narrator: str):
        self.text = text
        self.names = _Names(characters)
        self.genders = _infer_genders(text, characters, self.names)
        self.genders.update({NEWCOMER + g + clause: g for g in "MF" for clause in ("", _IN_CLAUSE)})
        self.narrator = narrator
        self.events: list[tuple[int, str]] = []          # (position, main name), sorted
        self.addressed: set[str] = set()                 # named in the previous paragraph's speech
        self.turn = ""                                   # whose turn it is in an exchange of two
        self.paragraph_start = 0
        self._surnames: dict[str, set[str]] = {}
        self.family = TellersFamily(text, characters, narrator)  # who "my mother" is
        self.narrated_from = 0                           # the end of the last speech before this paragraph
        self.tie = False                                 # the last tag's pronoun had a rival
        self.by_pronoun = False                          # the last subject found was a "he"/"she"
        # "* * *" between scenes: who was there before it is no antecedent for a "she" after it
        self.breaks = [b for a, b in split_paragraphs(text) if is_scene_break(text[a:b])]
        self.sentences = [0] + [m.end() for m in re.finditer(r"[.!?]+[\"”’']?\s+|\n[ \t]*\n|[\"“”]", text)]

    def note(self, position: int, main: str) -> None:
        bisect.insort(self.events, (position, main))

    def read_narration(self, start: int, end: int) -> None:
        """Names, and the people "he" and "she" stand for, in order, so a pronoun can lean on
        the pronoun before it."""
        # "Lucy's body shook" makes Lucy the one "she" means next, as much as "Lucy shook"
        found = [(a, main) for a, b, main in self.names.mentions(self.text, start, end)
                 if not _A_KIND_OF.search(self.text, max(0, a - 10), a)
                 or _first_word(self.text[a:b]) in _TITLES]    # "a Mr. Smith called"
        # but not "the remembrance of Count Olenski's letter": a possessive inside a phrase is
        # not who the sentence is about
        found += [(a, main) for a, _, main in self.names.possessives(self.text, start, end)
                  if not _AFTER_PREPOSITION.search(self.text, max(0, a - 12), a)]
        # ("My mother found me there." then `She sat down beside me`: the one who goes by Mummy)
        found += self.family.mentions(start, end)
        found += [(start + m.start(), m.group(0)) for m in re.finditer(r"\b(?:he|she)\b", self.text[start:end],
                                                                         re.IGNORECASE)]
        found += newcomers(self.text, self.sentences, self.names, start, end)
        if self.narrator:
            # the teller is there whenever the narration says "I"
            found += [(start + m.start(), self.narrator) for m in re.finditer(r"\bI\b|\b[Ww]e\b", self.text[start:end])]
        starts = {at: main for at, main in found if main.lower() not in ("he", "she")}
        for position, main in sorted(found, key=lambda item: item[0]):
            if main.lower() in ("he", "she"):
                # "He was a man in a grey suit", "She is my son's girl, Chloe Ashdown": the one the sentence brings in
                copula = re.match(r"\w+\s+(?:was|is)\s+(?:(?:my|his|her|their|our)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+,\s+)?",
                                  self.text[position:position + 60])
                main = (copula and starts.get(position + copula.end())) or self.pronoun(main, position, newcomers=True)
            if main:
                self.note(position, main)

    def adopt(self, position: int, main: str) -> None:
        """Someone named speaks: the unnamed newcomer of their sex the narration brought in just
        before ("A woman comes through the doorway ... She turns" / "I'm Liesl") was them."""
        gender = self.genders.get(main)
        for i in range(bisect.bisect_left(self.events, (position, "")) - 1, -1, -1):
            at, who = self.events[i]
            if self.genders.get(who) != gender:
                continue
            if not who.startswith(NEWCOMER):
                break
            self.events[i] = (at, main)

    def settle(self, span: tuple[int, int], main: str) -> None:
        """A tag's "he" turned out to be the one it gave the line to: later pronouns lean on them,
        not on whoever the narration alone would have made it."""
        low = bisect.bisect_left(self.events, (span[0], ""))
        high = bisect.bisect_left(self.events, (span[1], ""))
        for i in range(low, high):
            at, _ = self.events[i]
            if re.match(r"(?:he|she)\b", self.text[at:at + 4], re.IGNORECASE):
                self.events[i] = (at, main)

    def recent(self, before: int, gender: str | None = None, exclude=frozenset(), limit: int = 40) -> list[str]:
        """Characters mentioned before a position, most recent first."""
        found: list[str] = []
        index = bisect.bisect_left(self.events, (before, ""))
        for position, main in reversed(self.events[max(0, index - limit):index]):
            if main in exclude or main in found or main.startswith(NEWCOMER):
                continue
            if gender and self.genders.get(main, "U") not in (gender, "U"):
                continue
            found.append(main)
        return found

    def pronoun(self, word: str, position: int, exclude=frozenset(), in_tag: bool = False, newcomers: bool = False) -> str:
        """He or she: going back sentence by sentence, the first character of that gender
        named in the sentence (its subject, usually), else the most recent one. In a reply's
        tag, the one just addressed by name, else not the one who spoke last."""
        lowered = word.lower()
        if lowered in ("i", "me"):
            return self.narrator
        gender = _SUBJECT_PRONOUNS.get(lowered)
        if gender not in ("M", "F"):
            return ""
        exclude = set(exclude) | {self.narrator}     # the narrator is "I", never "he"
        if in_tag:
            # the one just addressed by name answers, or in an exchange the one whose turn it
            # is, unless this paragraph's own narration has just named someone else of that
            # gender ("Pip woke up and rubbed her eyes. "Is it morning?" she asked.")
            turn = self.turn if self.turn not in exclude and self.genders.get(self.turn) == gender else ""
            expected = self.addressed_one(gender, exclude) or turn
            if expected:
                here = self.pronoun(word, position, exclude, newcomers=True)
                named_here = any(min(self.paragraph_start, self.narrated_from) <= at < position and main == here
                                 for at, main in self.events[-12:])
                # someone unnamed of that gender came in just before ("the woman at the far end
                # folds her newspaper... "Alan?" she says"): whose turn it was is only a guess
                self.tie = self.tie or self._newcomer_before(position, gender)
                return _unnamed_as_none(here, newcomers) if named_here else expected
        index = bisect.bisect_left(self.events, (position, ""))
        scene_start = self.breaks[bisect.bisect_left(self.breaks, position) - 1] if self.breaks and self.breaks[0] < position else 0
        in_scene = bisect.bisect_left(self.events, (scene_start, ""))
        floor = max(index - 30, in_scene)
        sentence, best, rivals, best_at, governed, aside = None, None, set(), position, True, ""
        # a pronoun in a later clause of its sentence is of that clause's own subject: "Then she went and opened the door,
        # and Mrs Gallacher came as far as the kitchen doorway, which meant she was on her way to the Post Office"
        own = bisect.bisect_right(self.sentences, position)
        clause = max((m.start() for m in _AND_A_NEW_SUBJECT.finditer(self.text, self.sentences[own - 1] if own else 0,
                                                                     position)), default=position)
        ours = [(at, main) for at, main in self.events[floor:index] if clause <= at < position and main not in exclude
                and self.genders.get(main, "U") == gender and not main.endswith(_IN_CLAUSE)]
        if ours and clause < position and _CLAUSE_SUBJECT.match(self.text, clause, ours[0][0] + 1):
            floor = index       # (read no further back)
            best, best_at, rivals = ours[0][1], ours[0][0], {main for _, main in ours}
        for at, main in reversed(self.events[floor:index]):
            here = bisect.bisect_right(self.sentences, at)
            if sentence is not None and here != sentence and best:
                break
            sentence = here
            if main.endswith(_IN_CLAUSE) and here != bisect.bisect_right(self.sentences, position):
                continue
            if main not in exclude and self.genders.get(main, "U") == gender:
                if _HIS_BEFORE[gender].search(self.text, self.sentences[here - 1], at) \
                        and _OBJECT_OF.search(self.text, max(0, at - 30), at):
                    # ("Mari watched the arithmetic go across his face... the door they had carried Bobby off
                    # on": a "his" before him is another man's, the one the sentence is about)
                    aside = aside or main
                    continue
                rivals.add(main)
                # "men like Winsett and the others--Archer's kind": one after a preposition is
                # not what the sentence is about while someone else in it is
                after = _AFTER_PREPOSITION.search(self.text, max(0, at - 12), at) is not None
                if not after or governed:
                    best, best_at, governed = main, at, after
        # two people of that gender in the sentence it leans on: a near tie
        self.tie = self.tie or len(rivals) > 1
        if not best and aside:
            best = aside
        if not best:
            loose = self.recent(position, gender, exclude, limit=min(40, index - in_scene))
            best = loose[0] if loose else ""
            best_at = max((at for at, main in self.events[:index] if main == best), default=position)
        if best and in_tag:
            # so is someone unnamed of that gender since ("...followed by her mother. The mother
            # was tall. "Come along," she said")
            self.tie = self.tie or self._unnamed_since(best_at, position, gender) or self._newcomer_before(position,
                                                                                                        gender)
        return _unnamed_as_none(best, newcomers)

    def addressed_one(self, gender: str, exclude=frozenset()) -> str:
        """The one person of that gender the previous paragraph spoke to by name, or ""."""
        addressed = [m for m in self.addressed if self.genders.get(m) == gender and m not in exclude]
        return addressed[0] if len(addressed) == 1 else ""

    def _unnamed_since(self, start: int, end: int, gender: str) -> bool:
        nouns = _FEMALE_NOUNS if gender == "F" else _MALE_NOUNS
        return any(word.lower() in nouns for word in _UNNAMED_PERSON.findall(self.text, start, end))

    def _newcomer_before(self, position: int, gender: str) -> bool:
        """Someone of that gender brought in unnamed in the paragraph before or this one ("an
        elderly man in a black jumper", "the woman at the far end, who we haven't noticed"): the
        first time the text describes them so."""
        start = self.text.rfind("\n\n", 0, max(0, self.paragraph_start - 2)) + 2
        for m in _DESCRIBED_OR_BARE.finditer(self.text, start, position):
            words = m.group(0).split()
            if _gender_of_phrase(m.group(0)) != gender or re.match(r"['’]?\w*\s+[A-Z]", self.text[m.end():]):
                continue
            if words[0].lower() in ("a", "an") or not re.search(
                    rf"\b[Tt]he\s+{re.escape(words[-1])}\b", self.text[max(0, start - 20000):start]):
                return True
        return False

    def who_at(self, position: int, end: int, exclude=frozenset()) -> tuple[int, str, str] | None:
        """A name, descriptor or pronoun starting at position: (its end, speaker or "", gender
        the words imply)."""
        named = self.names.at(self.text, position, end)
        owned = re.match(r"['’]s\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)\b", self.text[named[0]:named[0] + 40]) if named else None
        if owned and _gender_of_phrase(owned.group(1)) in ("M", "F"):
            # "said the baker's wife", "said Tom's mother": someone of theirs, not them
            return named[0] + owned.end(), "", _gender_of_phrase(owned.group(1))
        if named:
            described = re.fullmatch(r"the\s+([a-z]+)", self.text[position:named[0]])
            if described and not self._at_hand(named[1], described.group(1), position):
                # "said the girl" when the list's "The Girl" is nowhere near: the words describe
                # whoever of that sex is at hand, as "she" would
                gender = _gender_of_phrase(described.group(0))
                other = self.pronoun("he" if gender == "M" else "she", position, exclude, in_tag=True) \
                    if gender in ("M", "F") else ""
                if other:
                    return named[0], other, gender
            return named[0], named[1], ""
        # "said nanny": a one-word name the household uses as a role, written in lower case
        lowered = self.names.pattern.match(self.text, position, end) if self.names.pattern else None
        if lowered and re.fullmatch(r"[a-z]+", lowered.group(1)) and lowered.group(1) not in _SUBJECT_PRONOUNS:
            main = self.names.lookup(lowered.group(1).capitalize())
            if main and any(alias == lowered.group(1).capitalize()
                            for alias in (main, *self.names.characters[main].aliases)):
                return lowered.end(), main, ""
        # "said the gentle Mrs. Thorpe": a name behind a word or two of description
        described = _VOICE_OF.match(self.text, position, end) or _NAME_DESCRIBED.match(self.text, position, end)
        if described:
            named = self.names.at(self.text, described.end(), end)
            if named:
                return named[0], named[1], ""
            # "said the hopeless Inspector": the one of the cast with that title
            title = re.compile(r"[A-Z][a-z]+\b").match(self.text, described.end(), end)
            who = self.titled(self.text[position:title.end()], exclude) if title else ""
            if who:
                return title.end(), who, ""
        match = re.compile(r"(he|she|I)\b", re.IGNORECASE).match(self.text, position, end)
        if match and (match.group(1) != "i"):
            return (match.end(), self.pronoun(match.group(1), position, exclude, in_tag=True),
                    _gender_of_phrase(match.group(1)))
        match = re.compile(r"(?:the|a|an|his|her|their|my|our)\s+(?:[\w'’-]+\s+){0,2}?[\w-]+(?=[\s,.;!?]|$)",
                           re.IGNORECASE).match(self.text, position, end)
        if match:
            # "said the old man": the descriptor runs on to its noun, which tells the gender (and
            # "the old" may be a title the cast carries: "Old Mr. Emerson")
            longer = _DESCRIBED.match(self.text, position, end)
            if longer and longer.end() > match.end():
                who = self.relative(longer.group(0), position, exclude) or self.relative(match.group(0), position, exclude)
                gender = _gender_of_phrase(longer.group(0))
                if not who and gender and match.group(0).lower().startswith("the "):
                    who = self._answering(gender, longer.group(0), position, exclude)
                return longer.end(), who, gender
        if match and not _VERB_RE.match(match.group(0).split()[-1]):
            gender = _gender_of_phrase(match.group(0))
            # ("the girl said" of the girl in the green coat, though her quote says her name: "It's June")
            who = self.relative(match.group(0), position, exclude) or self._described_as(match.group(0), position)
            if not who and re.fullmatch(r"the\s+other|(?:his|her)\s+(?:companion|friend|interlocutor|visitor)",
                                        match.group(0), re.IGNORECASE):
                # "replied the other": the other one of the two talking, whose turn it is
                addressed = [m for m in self.addressed if m not in exclude]
                who = self.turn if self.turn and self.turn not in exclude else \
                    addressed[0] if len(addressed) == 1 else ""
            if not who and gender and match.group(0).lower().startswith("the "):
                who = self._answering(gender, match.group(0), position, exclude)
            elif not who and gender and match.group(0).lower().startswith(("a ", "an ")):
                who = self.addressed_one(gender, exclude)
            return match.end(), who, gender
        return None

    def _described_as(self, phrase: str, position: int, span: int = 3000) -> str:
        """The one of the cast known by a longer description this one begins ("the girl" of "the
        girl in the green coat"), written in the last pages."""
        phrase = " ".join(phrase.lower().split())
        if not phrase.startswith("the "):
            return ""
        window = self.text[max(0, position - span):position].lower()
        # ("said the old man" of "the man with the dog", whom the narration brought in as "the old man with the dog")
        bare = re.sub(r"^the\s+(?:old|young|little|tall|big|small|thin|fat)\s+", "the ", phrase)
        found = {main for main, c in self.names.characters.items() for alias in (main, *c.aliases)
                 if alias.startswith("the ") and any(alias.lower().startswith(p + " ") for p in {phrase, bare})
                 and re.search(r"\bthe\s+(?:\w+\s+)?" + re.escape(alias.lower()[4:]), window)}
        return found.pop() if len(found) == 1 else ""

    def _at_hand(self, main: str, noun: str, position: int, span: int = 3000) -> bool:
        """Named in the last pages, or brought in by that noun ("the Duchess's cook", "a policeman")."""
        low = bisect.bisect_left(self.events, (position - span, ""))
        high = bisect.bisect_left(self.events, (position, ""))
        return any(who == main for _, who in self.events[low:high]) or re.search(
            rf"(?:['’]s|\b[Aa]n?)\s+{noun}\b", self.text[max(0, position - span):position]) is not None

    def _answering(self, gender: str, phrase: str, position: int, exclude=frozenset()) -> str:
        """`"Come along, Pip," ...` then `said the girl`: the one just spoken to answers, else the
        one of that sex whose turn it is, unless the narration has just brought in "an old man"."""
        noun = phrase.split()[-1]
        introduced = re.search(rf"\b[Aa]n?\s+(?:[\w-]+\s+){{0,2}}{re.escape(noun)}\b",
                               self.text[max(0, position - 3000):position]) is not None
        return self.addressed_one(gender, exclude) or (
            self.turn if not introduced and self.turn not in exclude and self.genders.get(self.turn) == gender else "")

    def titled(self, phrase: str, exclude=frozenset()) -> str:
        """`said the constable`: the one character whose name carries that title (Constable Hobbs)."""
        match = re.fullmatch(r"(?i:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}(\w+)", phrase.strip())
        if not match:
            return ""
        noun = {"doctor": "dr", "mister": "mr"}.get(match.group(1).lower(), match.group(1).lower())
        owners = {main for main, c in self.names.characters.items() for alias in (main, *c.aliases)
                  if len(alias.split()) >= 2 and _first_word(alias) == noun} - set(exclude)
        return owners.pop() if len(owners) == 1 else ""

    def relative(self, phrase: str, position: int, exclude=frozenset()) -> str:
        """`his wife`, `her father`: the cast member with the possessor's surname and the title
        the relation implies (Mr. Bennet's wife is Mrs. Bennet)."""
        # "said my aunt": in a story told as "I", the one Aunt of the cast, or whoever goes by Mum
        mine = re.fullmatch(rf"my\s+(?:[\w-]+\s+)?({MY_KIN_WORDS})", phrase.strip(), re.IGNORECASE)
        if mine and self.narrator and (found := my_kin(mine.group(1), [(main, {main, *c.aliases}) for main, c
                                                                        in self.names.characters.items() if main not in exclude])):
            return found
        if self.narrator and (sibling := MY_SIBLING.fullmatch(phrase.strip())):
            return my_sibling(self.names, self.text, position, "M" if sibling.group(1).lower() == "brother" else "F",
                              self.genders, {self.narrator, *exclude})
        # "continued her philosophic mother": the relation is the last word
        match = re.match(r"(his|her)\s+(?:[\w-]+\s+){0,2}?(wife|lady|husband|mother|father|sister|brother)\b",
                         phrase.strip(), re.IGNORECASE)
        if not match:
            return self.titled(phrase, exclude)
        pronoun = "he" if match.group(1).lower() == "his" else "she"
        owner = self.pronoun(pronoun, position)
        # one whom nothing gives a surname ("Sarah") leaves "her mother" to the next of her sex named
        owners = [owner, *self.recent(position, _SUBJECT_PRONOUNS[pronoun], {owner}, limit=20)[:2]] if owner else []
        for owner in owners:
            found, known = self.kin_of(owner, match.group(2).lower(), exclude)
            if found or known:
                return found
        return ""

    def kin_of(self, owner: str, relation: str, exclude=frozenset()) -> tuple[str, bool]:
        """(the owner's wife, father, sister... of the cast or "", whether the owner's surname is known)."""
        character = self.names.characters[owner]
        # (not "Kitty" of "Miss Kitty", the servants' name for her: a first name)
        first_names = {alias.split()[0] for alias in (owner, *character.aliases)
                       if _first_word(alias) not in _TITLES and alias.split()[0][:1].isupper()}
        surnames = {alias.split()[-1] for alias in (owner, *character.aliases)
                    if len(alias.split()) >= 2 and _first_word(alias) in _TITLES | {"miss"}
                    and not (_first_word(alias) == "miss" and alias.split()[-1] in first_names)}
        # or, with no titled name, the last word of a full name ("Newland Archer": Mrs. Archer)
        surnames = surnames or {alias.split()[-1] for alias in (owner, *character.aliases)
                                if len(alias.split()) >= 2 and alias.split()[-1][:1].isupper()}
        found = self._kin(owner, surnames, relation, exclude)
        if found:
            return found, True
        # or, when those are first names ("Miss Eliza"), the surname the text gives one of them
        # ("Elizabeth Bennet" once, "Elizabeth" everywhere else)
        in_text = self._surname_in_text(owner)
        return self._kin(owner, in_text, relation, exclude), bool(surnames or in_text)

    def _kin(self, owner: str, surnames: set[str], relation: str, exclude) -> str:
        """The one of the cast who is the owner's relation, by surname and title."""
        if relation in ("sister", "brother"):
            # the one of that sex who shares the surname and is not its Mr. or Mrs. (the parents)
            gender = "F" if relation == "sister" else "M"
            kin = {main for main, c in self.names.characters.items()
                   if main != owner and main not in exclude and self.genders.get(main) == gender
                   and any(len(a.split()) >= 2 and a.split()[-1] in surnames for a in (main, *c.aliases))}
            found = {main for main in kin if not any(_first_word(a) in ("mr", "mrs")
                                                     for a in (main, *self.names.characters[main].aliases))}
            # and, of those, the one with no title at all: "said her brother" is Tom, not the Major
            # (their father) nor Uncle Lionel
            young = {main for main in found if not any(
                _first_word(a) in _TITLES - {"miss", "master", "young", "little", "old"}
                for a in (main, *self.names.characters[main].aliases) if len(a.split()) >= 2)}
            found = young if len(young) == 1 else found
            # grown brothers are both Mr. Knightley
            grown = any(_first_word(a) in ("mr", "mrs") for a in (owner, *self.names.characters[owner].aliases))
            found = found or (kin if grown else set())
            return found.pop() if len(found) == 1 else ""
        title = {"wife": "mrs.", "lady": "mrs.", "mother": "mrs.", "husband": "mr.", "father": "mr."}[relation]
        found = {self.names.lookup(f"{title} {surname}") for surname in surnames} - {"", owner}
        found -= set(exclude)
        return found.pop() if len(found) == 1 else ""

    def _surname_in_text(self, main: str) -> set[str]:
        """The family name the text puts after one of a character's one-word names, when another of
        the cast carries it with a title ("Mr. Bennet")."""
        if main not in self._surnames:
            character = self.names.characters[main]
            firsts = sorted({a for a in (main, *character.aliases) if re.fullmatch(r"[A-Z][a-z]+", a)
                             and a.lower() not in _TITLES})
            titled = {a.split()[-1] for m, c in self.names.characters.items() if m != main for a in (m, *c.aliases)
                      if len(a.split()) >= 2 and _first_word(a) in _TITLES | {"miss"}}
            # not a surname itself ("Weston" of Mr. Weston)
            firsts = [f for f in firsts if not any(a.split()[-1] == f and _first_word(a) in ("mr", "mrs")
                                                   for a in (main, *character.aliases) if len(a.split()) >= 2)]
            found = Counter(m.group(1) for m in re.finditer(rf"\b(?:{'|'.join(firsts)})\s+([A-Z][a-z]+)\b", self.text)
                            if m.group(1) in titled) if firsts else Counter()
            self._surnames[main] = {found.most_common(1)[0][0]} if found else set()
        return self._surnames[main]

    def tag_after(self, start: int, end: int, exclude) -> _Who | None:
        """`"...," said Mara` / `Mara said` / `she asked quietly` right after a quote."""
        text = self.text
        position = re.compile(r"[\s,;:—–-]*").match(text, start, end).end()
        verb = _VERB_RE.match(text, position, end)
        if verb and not _NOT_WORDS.match(text, verb.end(), end):
            after = _FILLER.match(text, verb.end(), end).end()
            who = self.who_at(after, end, exclude)
            if who:
                return _Who(who[1], verb.group(0), self._adverb(verb.end(), min(end, who[0] + 12)), (position, who[0]), who[2])
        who = self.who_at(position, end, exclude)
        if who:
            after = _FILLER.match(text, who[0], end).end()
            going_on = _GOING_ON.match(text, after, end)     # ("Den Tofts was saying": talk the story comes in on)
            verb = _VERB_RE.match(text, going_on.end() if going_on else after, end)
            verb = verb if verb and (not going_on or verb.group(0).endswith("ing")) else None
            if verb and not _NOT_WORDS.match(text, verb.end(), end):
                # `he whispered to the General`: whoever it is said to is not who "he" is
                to = re.compile(r"\s+to\s+").match(text, verb.end(), end)
                spoken_to = self.names.at(text, to.end(), end) if to else None
                if spoken_to and who[1] == spoken_to[1] and who[2]:
                    who = self.who_at(position, end, set(exclude) | {spoken_to[1]}) or who
                return _Who(who[1], verb.group(0), self._adverb(who[0], min(end, verb.end() + 20)),
                            (position, verb.end()), who[2])
        # `"Poor Charlotte," was Lucy's reply.`
        said = _WAS_REPLY.match(text, position, end) or _VOICE_CAME.match(text, position, end)
        if said:
            named = self.names.at(text, said.start(1), said.end(1))
            if named:
                return _Who(named[1], "said", "", (position, said.end()))
        return None

    def tag_before(self, start: int, end: int, exclude) -> _Who | None:
        """`Mara said, "...` / `said Mara: "...` / `Mara turned to him and asked, "...`."""
        text = self.text
        segment = text[start:end]
        trimmed = len(segment.rstrip(" \t\n,:;—–-"))
        if trimmed == 0:
            return None
        last_end = 0
        for boundary in _SENTENCE_END.finditer(segment, 0, trimmed):
            last_end = boundary.end()
        clause_start = start + last_end
        clause_end = start + trimmed
        # (not "a tea I haven't asked for": a thing not asked, no words said)
        verbs = [v for v in _VERB_RE.finditer(text, clause_start, clause_end)
                 if (v.start() == clause_start or not text[v.start() - 1].isalnum())
                 and not _NOT_SAID.search(text, max(clause_start, v.start() - 12), v.start())]
        if not verbs:
            return None
        verb = verbs[-1]
        if _NOT_WORDS.match(text, verb.end(), clause_end):
            return None
        tail = text[verb.end():clause_end]
        # ("she went, 'Oi!'" says it; "her mouth went a bit at the corner" does not)
        if verb.group(0).lower() == "went" and tail.strip(" \t\n,:;—–-").lower() not in ("", "like", "all"):
            return None
        tail_words = re.findall(r"[\w’'.-]+", tail)
        if len(tail_words) > 8:
            return None
        after = _FILLER.match(text, verb.end(), clause_end).end()
        who = self.who_at(after, clause_end, exclude) if after < clause_end else None
        if who and who[1] and text[verb.end():after].strip().lower() not in ("to",):
            return _Who(who[1], verb.group(0), "", (clause_start, clause_end))
        # `it was broken by Thorpe's saying very abruptly, "...`
        for a, b, main in self.names.possessives(text, clause_start, verb.start()):
            if re.fullmatch(r"(?:['’]s)?\s+(?:\w+ly\s+)?", text[b:verb.start()]) and verb.group(0).endswith("ing") \
                    and main not in exclude:
                return _Who(main, verb.group(0), "", (a, clause_end))
        # `Alice began, but she stopped, for the White Rabbit cried out, "...`: the subject of the
        # verb's own clause, then of the sentence
        parts = list(_CLAUSE_JOIN.finditer(text, clause_start, verb.start()))
        own = parts[-1].end() if parts else clause_start
        subject = self.subject(own, verb.start(), exclude) if parts else ""
        if not subject:
            own, subject = clause_start, self.subject(clause_start, verb.start(), exclude)
        if subject:
            return _Who(subject, verb.group(0), self._adverb(verb.end(), clause_end), (own, clause_end))
        pronoun = re.search(r"\b(he|she)\s+(?:\w+ly\s+)?$", text[clause_start:verb.start()], re.IGNORECASE)
        if pronoun:
            return _Who("", verb.group(0), "", (clause_start, clause_end), _gender_of_phrase(pronoun.group(1)))
        return None

    def lead_in(self, start: int, end: int) -> str:
        """A narration paragraph ending in a comma or colon introduces the next one's speech:
        `Mr. Bennet coolly observed,` or `when thus accosted by Miss Bingley,`."""
        # (or in the bare verb, where a dash was lost: "then he said")
        if not re.search(r"[,:;]\W*$|--\s*$|—\s*$|\b(?:said|says|asked|asks|answered|replied|added|began|cried)\s*$",
                         self.text[start:end]):
            return ""
        who = self.tag_before(start, end, set())
        if who and who.speaker:
            return who.speaker
        by = re.search(r"\bby\s+(.{2,40}?)[,:;—-]*\s*$", self.text[start:end])
        if by:
            named = self.names.at(self.text, start + by.start(1), end)
            if named:
                return named[1]
        return ""

    def subject(self, start: int, end: int, exclude=frozenset()) -> str:
        """Who a clause is about: the name or pronoun nearest before its verb, else its first
        name that is not the object of a preposition."""
        text = self.text
        candidates = []
        for match in re.finditer(r"\b(he|she|I)\b", text[start:end], re.IGNORECASE):
            if match.group(1) == "i":
                continue
            candidates.append((start + match.start(), start + match.end(), None))
        candidates += self.names.mentions(text, start, end)
        # "His lady greeted him": Mr. Elton's wife, when the cast has her
        for match in re.finditer(r"\b(?:[Hh]is|[Hh]er)\s+(?:wife|lady|husband|mother|father|sister|brother)\b",
                                 text[start:end]):
            who = self.relative(match.group(0), start + match.start())
            if who:
                candidates.append((start + match.start(), start + match.end(), who))
        candidates.sort(key=lambda c: (c[0], c[1]))
        usable = []
        for a, b, main in candidates:
            previous = re.findall(r"[\w’']+", text[max(start, a - 20):a])
            if previous and previous[-1].lower() in _PREPOSITIONS - {"and"}:
                continue
            if text[b:b + 2] in ("'s", "’s"):
                continue
            who = main if main is not None else self.pronoun(text[a:b], a, exclude)
            if who and who not in exclude:
                usable.append((a, b, who))
        # "While he ate, Brenda read to him": the main clause's subject, not the subordinate one's
        opener = re.match(r"\W*(?:while|whilst|when|as|after|before|since|although|though|if|until|because|once)\b",
                          text[start:end], re.IGNORECASE)
        if opener and len(usable) > 1:
            comma = text.find(",", start, end)
            main_clause = [u for u in usable if comma >= 0 and u[0] > comma] or \
                ([u for u in usable[1:] if u[2] != usable[0][2]] if comma < 0 else [])
            usable = main_clause or usable
        # "she was met by Mr. Allen, who, on hearing the news, said": the one "who" stands for
        relative = re.search(r",\s+who\s*(?:,[^,]*,\s*)?(?:\w+ly\s+)?$", text[start:end])
        if relative:
            before = [c for c in candidates if c[1] <= start + relative.start()
                      and not text[c[1]:start + relative.start()].strip()]
            if before and before[-1][2] is not None and before[-1][2] not in exclude:
                self.by_pronoun = False
                return before[-1][2]
        if not usable:
            return ""
        a, b, who = usable[-1]
        between = text[b:end].strip()
        # "She takes my face in both hands, which she has done since I was three": the clause opens on its subject
        # (and "she has been looking at me like this since the day I was born": the last is a subordinate clause's)
        opens = (not re.sub(r"[\W_]", "", text[start:usable[0][0]]) and "," in text[usable[0][1]:a]) \
            or bool(_SUBORDINATE.search(text, usable[0][1], a))
        if len(between.split()) > 2 or opens:
            a, b, who = usable[0]
        self.by_pronoun = text[a:b].lower() in ("he", "she")
        return who

    def _adverb(self, start: int, end: int) -> str:
        match = re.search(r"\b([a-z]\w*ly)\b", self.text[start:end])
        return match.group(1).lower() if match else ""
