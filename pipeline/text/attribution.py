"""Who says each quote: quote detection and speaker attribution for prose, in plain Python.

The rules are a reader's, applied from the surest to the weakest (each quote records which
one decided it, as `basis`):

1. tag: a speech tag next to the quote names the speaker, in any order ("said Mara", "Mara
   said", "she asked", "said the old man", "said his wife"); a pronoun is the first character
   of its gender in the nearest sentence before it, or in an exchange the one whose turn it is;
   untagged quotes in a tagged paragraph share its speaker.
2. continued: a paragraph that reopens speech left open in the previous one goes on with it.
3. lead-in: narration ending "Mr. Bennet coolly observed," introduces the next paragraph.
4. beat: the character acting in the paragraph's narration ("Mara grinned. ...").
5. turns: in a run of dialogue the person just addressed by name answers, and speakers
   alternate with the anchored paragraphs two before or after, forward and backward.
6. scene: a bare quote after narration is spoken by whom that narration ended on.
7. guess: the most recently mentioned character who did not just speak.

Names inside a quote are the people spoken to, never the speaker; a tag that says only "she"
rules out every man. Quoted titles and words ("mention") and indented verse or letters
("block") are found but are not utterances.
"""
from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.errors import PipelineError


@dataclass(frozen=True)
class Character:
    name: str
    aliases: tuple[str, ...]
    gender: str            # M, F, U (unknown), X


@dataclass
class Quote:
    start: int             # first character inside the quote marks
    end: int               # just after the last character inside them
    text: str
    speaker: str           # main name, "" when unknown
    kind: str = "speech"   # speech | thought | mention (a quoted word or title) | block (verse, letter)
    direction: str | None = None
    quote_id: int = 0      # pieces of one utterance split by a speech tag share an id
    tag_span: tuple[int, int] | None = None
    basis: str = ""        # why this speaker: tag, continued, beat, scene, turns, guess (weakest last)


SPEECH_VERBS = {
    "said": None, "says": None, "say": None, "asked": "ask", "asks": "ask", "replied": None, "answered": None,
    "whispered": "whisper", "whispers": "whisper", "shouted": "shout", "shouts": "shout", "yelled": "shout",
    "screamed": "shout", "bellowed": "shout", "roared": "shout", "called": None, "cried": "excited",
    "exclaimed": "excited", "muttered": "mutter", "mumbled": "mutter", "murmured": "quiet", "snapped": "snap",
    "growled": "angry", "snarled": "angry", "hissed": "angry", "sobbed": "cry", "wept": "cry", "laughed": "laugh",
    "chuckled": "laugh", "giggled": "laugh", "sighed": "sad", "continued": None, "added": None, "began": None,
    "went": None, "thought": None, "wondered": None, "remarked": None, "observed": None, "explained": None,
    "interrupted": None, "insisted": None, "repeated": None, "returned": None, "rejoined": None, "responded": None,
    "demanded": "angry", "pleaded": "sad", "begged": "sad", "stammered": "fear", "breathed": "whisper",
    "agreed": None, "admitted": None, "declared": None, "announced": None, "grumbled": "mutter", "urged": None,
    "told": None, "tells": None, "cries": "excited",
}
ADVERBS = {"quietly": "quiet", "softly": "quiet", "gently": "tender", "sadly": "sad", "angrily": "angry",
           "coldly": "cold", "loudly": "shout", "tiredly": "tired", "nervously": "fear", "excitedly": "excited",
           "sharply": "snap", "tenderly": "tender", "fearfully": "fear", "bitterly": "angry"}
# Tags beyond the ones that carry a direction: "smiled" and "nodded" tag speech in older prose,
# and "-ing" forms lead into it ("remarking, ...").
SPEECH_VERBS = {**dict.fromkeys((
    "inquired enquired retorted protested suggested ventured faltered gasped panted groaned moaned grunted "
    "wailed sneered warned reminded corrected objected complained drawled ejaculated resumed pursued persisted "
    "reflected mused commented concluded confessed conceded assented whimpered shrieked squeaked howled "
    "thundered stormed sang hinted counselled advised argued reasoned interposed remonstrated cautioned "
    "uttered spoke echoed mocked teased scolded chided proceeded nodded smiled "
    "inquires enquires replies answers whispers shouts adds continues returns repeats exclaims mutters "
    "murmurs thinks asks begins demands remarks observes "
    "saying asking replying answering crying exclaiming adding continuing whispering muttering murmuring "
    "shouting calling remarking observing returning repeating interrupting explaining declaring "
    "inquiring enquiring protesting pleading begging demanding sobbing sighing laughing").split()), **SPEECH_VERBS}
THOUGHT_VERBS = {"thought", "wondered", "thinks", "reflected", "mused"}
PRONOUNS = {"he": "M", "him": "M", "his": "M", "she": "F", "her": "F", "hers": "F"}
_VERBS = "|".join(sorted((re.escape(v.strip()) for v in SPEECH_VERBS), key=len, reverse=True))
_NOT_NAMES = {
    "The", "A", "An", "And", "But", "Or", "If", "Then", "When", "While", "As", "So", "Yet", "Now", "Well", "Oh",
    "Yes", "No", "Not", "It", "Its", "This", "That", "These", "Those", "There", "Here", "What", "Why", "How", "Who",
    "Where", "Which", "He", "She", "They", "We", "You", "I", "Me", "My", "Your", "His", "Her", "Their", "Our",
    "Mr", "Mrs", "Miss", "Ms", "Dr", "Sir", "Lady", "Lord", "Chapter", "Meanwhile", "After", "Before", "Even",
    "Of", "In", "On", "At", "To", "For", "With", "From", "By", "Actually", "Afterwards", "Each", "Every", "All",
    "Dear", "God", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Still", "Just", "Only", "Perhaps", "Maybe", "Suddenly", "Finally", "Later", "Soon", "Once", "Again", "Never",
}


def load_characters(path) -> dict[str, Character]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PipelineError(path, None, f"cannot read characters ({exc})", "give a JSON file of characters") from None
    if not isinstance(data, dict):
        raise PipelineError(path, None, "characters must map names to {aliases, gender}", "see README")
    return {name: Character(name, tuple(str(a) for a in (info or {}).get("aliases", [])),
                            str((info or {}).get("gender", "U"))) for name, info in data.items()}


# ---------------------------------------------------------------- finding quotes

def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank-line separated, or one per line when the text has no blank lines."""
    separator = r"\n[ \t]*\n" if re.search(r"\n[ \t]*\n", text) else r"\n"
    spans, position = [], 0
    for match in re.finditer(separator, text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _single_quote_style(text: str) -> bool:
    doubles = text.count('"') + text.count("“") + text.count("”")
    singles = len(re.findall(r"(?:^|[\s(—-])[‘'](?=\w)", text))
    return singles > 2 * doubles + 2


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans inside quote marks, at most one paragraph each (speech over several is split)."""
    return [(start, end) for start, end, _ in _scan_quotes(text)]


def _scan_quotes(text: str) -> list[tuple[int, int, bool]]:
    """Quote spans and whether each closes in its paragraph (an open one runs on into the next)."""
    single = _single_quote_style(text)
    opening = re.compile(r"(?:^|(?<=[\s(—\-]))[‘'](?=[^\s\d])") if single else re.compile(r"[“\"]")
    spans = []
    for a, b in split_paragraphs(text):
        position = a
        while position < b:
            if single:
                match = opening.search(text, position, b)
                if not match:
                    break
                start = match.end()
                close = re.compile(r"[’'](?=[\s.,;:!?—\-)]|$)(?<![A-Za-z][’'](?=[a-z]))")
                end_match = None
                for candidate in close.finditer(text, start, b):
                    before = text[candidate.start() - 1] if candidate.start() > start else ""
                    # an apostrophe ending a plural possessive ("students'") is followed by a noun
                    after = text[candidate.end():candidate.end() + 2]
                    if before in ".,!?;:—-…" or not re.match(r"\s[a-z]", after):
                        end_match = candidate
                        break
                end = end_match.start() if end_match else b
                position = end_match.end() if end_match else b
            else:
                match = opening.search(text, position, b)
                if not match:
                    break
                start = match.end()
                closing = re.compile(r"[”\"]")
                end_match = closing.search(text, start, b)
                end = end_match.start() if end_match else b
                position = end_match.end() if end_match else b
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append((start, end, end_match is not None))
    return spans


_MENTION_CONTEXT = {"saying", "shouting", "crying", "calling", "whispering", "muttering", "answering",
                    "replying", "adding", "exclaiming", "singing", "out", "aloud", "herself", "himself", "itself",
                    "themselves", "myself", "yourself", "again", "then", "back"}


def quoted_mention(text: str, start: int, end: int) -> bool:
    """A few quoted words inside a running sentence (a name, a title, a word someone used)
    rather than something said: no punctuation or speech verb leads into it and it does not
    exclaim or ask."""
    paragraph_start = text.rfind("\n\n", 0, start) + 2
    before = text[max(paragraph_start, start - 80):max(paragraph_start, start - 1)]
    lead = re.search(r"([A-Za-z]+)[ \t]*\n?[ \t]*$", before)
    if not lead:
        return False
    words = re.findall(r"[A-Za-z]+", before)[-4:]
    if any(w.lower() in SPEECH_VERBS or w.lower() in _MENTION_CONTEXT for w in words):
        return False
    content = text[start:end].strip()
    return len(content.split()) <= 5 and not re.search(r"[!?][_*]?$", content)


def set_apart_paragraphs(text: str, paragraphs: list[tuple[int, int]]) -> set[int]:
    """Indices of paragraphs typeset as blocks (verse, letters, inscriptions): lines indented
    by two or more spaces, in a text whose ordinary paragraphs are not indented."""
    indented = [i for i, (a, b) in enumerate(paragraphs) if re.search(r"(?:^|\n)[ \t]{2,}\S", text[a:b])
                or text[a:a + 2].isspace()]
    return set(indented) if len(indented) < 0.2 * len(paragraphs) else set()


# ---------------------------------------------------------------- characters

def discover_characters(text: str) -> dict[str, Character]:
    """Names the prose uses for people: capitalised words near speech verbs or repeated mid-sentence."""
    counts: Counter = Counter()
    near_speech: Counter = Counter()
    name = r"((?:(?:Mr|Mrs|Miss|Ms|Dr|Lady|Lord|Sir)\.?\s)?[A-Z][a-z'’]+(?:[- ][A-Z][a-z]+)?)"
    for match in re.finditer(rf"(?<=[a-z,;] ){name}", text):
        counts[match.group(1)] += 1
    for match in re.finditer(rf"\b(?:{_VERBS})\s+{name}\b|{name}\s+(?:{_VERBS})\b", text):
        found = match.group(1) or match.group(2)
        near_speech[found] += 1
    characters = {}
    for candidate, count in (counts + near_speech).most_common(60):
        first = candidate.split()[0].rstrip(".")
        if first in _NOT_NAMES or candidate in _NOT_NAMES or len(candidate) < 2:
            continue
        if near_speech[candidate] == 0 and count < 3:
            continue
        characters[candidate] = Character(candidate, (), _guess_gender(text, candidate))
    return characters


def _gender_hint(text: str, start: int, end: int) -> str:
    """M or F when the prose goes on about the person named at text[start:end] as "he" or
    "she": "his"/"her" later in the sentence, or "He ..." opening the next sentence after a
    sentence the name opens. "him" is left out: it is mostly someone else."""
    sentence = re.match(r"[^.!?\"“”]{0,60}", text[end:end + 60]).group(0)
    pronoun = re.search(r"\b(he|his|himself|she|her|herself)\b", sentence, re.IGNORECASE)
    if not pronoun and re.search(r"(^|[.!?][\"”’']?\s+|\n\s*)$", text[max(0, start - 3):start]):
        pronoun = re.match(r"[^.!?\"“”]{0,200}[.!?][\"”’']?\s+(He|She)\b", text[end:end + 240])
    if not pronoun:
        return ""
    return "M" if pronoun.group(1).lower() in ("he", "his", "himself") else "F"


def _decide(votes: Counter) -> str:
    if not votes:
        return "U"
    gender, count = votes.most_common(1)[0]
    return gender if count >= 2 and count >= 3 * (sum(votes.values()) - count) else "U"


def _guess_gender(text: str, name: str) -> str:
    if re.match(r"(Mrs|Miss|Ms|Lady)\b", name):
        return "F"
    if re.match(r"(Mr|Sir|Lord)\b", name):
        return "M"
    votes = Counter(_gender_hint(text, m.start(), m.end()) for m in re.finditer(re.escape(name) + r"\b", text))
    votes.pop("", None)
    return _decide(votes)


_TITLES = {"mr", "mrs", "miss", "ms", "dr", "doctor", "sir", "lady", "lord", "colonel", "captain", "major",
           "general", "inspector", "professor", "father", "mother", "aunt", "uncle", "master", "mistress",
           "madame", "madam", "monsieur", "mademoiselle", "count", "countess", "prince", "princess", "king",
           "queen", "reverend", "rev", "st", "sergeant", "lieutenant", "judge", "old", "young", "little"}
_MALE_TITLES = {"mr", "sir", "lord", "colonel", "captain", "major", "general", "father", "uncle", "master",
                "monsieur", "count", "prince", "king", "reverend", "rev", "sergeant", "lieutenant"}
_FEMALE_TITLES = {"mrs", "miss", "ms", "lady", "mother", "aunt", "mistress", "madame", "madam", "mademoiselle",
                  "countess", "princess", "queen"}


_ADDRESS_WORDS = {"sir", "madam", "ma'am", "maam", "miss", "mister", "mr", "mrs", "master", "mistress", "lady", "lord",
                  "dear", "love", "darling", "mama", "mamma", "papa", "mother", "father", "sister", "brother",
                  "you", "child", "boy", "girl", "friend", "man", "woman", "sahib", "ma", "pa"}


def _alias_variants(characters: dict[str, Character]) -> dict[str, str]:
    """Alias (lower case) -> main name: the cast's own aliases, plus the bare surname or first
    name of a titled or two-word name when no other character could be meant by it."""
    table: dict[str, str] = {}
    for main, character in characters.items():
        for alias in (main, *character.aliases):
            # "Sir" or "Madam" alone is how anyone is spoken to, not a name
            if alias.strip() and alias.strip().lower().rstrip(".") not in _ADDRESS_WORDS:
                table.setdefault(alias.strip().lower(), main)
    claims: dict[str, set[str]] = {}
    for main, character in characters.items():
        for alias in (main, *character.aliases):
            words = alias.replace(".", "").split()
            if len(words) < 2 or words[0].lower() in ("the", "a", "an"):
                continue
            rest = [w for w in words if w.lower() not in _TITLES]
            for word in {rest[0], rest[-1]} if rest else ():
                if len(word) > 2 and word[0].isupper() and word not in _NOT_NAMES:
                    claims.setdefault(word.lower(), set()).add(main)
    for word, owners in claims.items():
        if len(owners) == 1 and word not in table:
            table[word] = next(iter(owners))
    return table


class _Names:
    """Finds character mentions, longest alias first. "the Hatter" may be written in any case;
    other names count only when capitalised, so the common word "hope" is not Hope."""

    def __init__(self, characters: dict[str, Character]):
        self.characters = characters
        self.table = _alias_variants(characters)
        words = sorted(self.table, key=len, reverse=True)
        # a name may be broken over a line ("Mr.\nDarcy")
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w).replace(r"\.", r"\.?").replace(r"\ ", r"\s+")
                                                          for w in words)
                                  + r")(?![\w’'-]\w)", re.IGNORECASE) if words else None

    def lookup(self, phrase: str) -> str:
        phrase = " ".join(phrase.split())
        return self.table.get(phrase.lower()) or self.table.get(phrase.lower().replace(".", "")) \
            or self.table.get(re.sub(r"^(mr|mrs|dr|st)\b\.?", r"\1.", phrase.lower()), "")

    def _valid(self, word: str) -> bool:
        # descriptors are written in lower case in the prose ("said the old woman"); a short
        # indefinite one ("a man") would match every passer-by, so it must be capitalised
        article = word.split(maxsplit=1)[0].lower()
        if article == "the" or (article in ("a", "an") and len(word.split()) >= 3):
            return True
        return word[0].isupper()

    def mentions(self, text: str, offset: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, main name) of each mention in text[offset:end]; offsets into text."""
        if not self.pattern:
            return []
        found = []
        for match in self.pattern.finditer(text, offset, len(text) if end is None else end):
            word = match.group(1)
            main = self.lookup(word)
            if main and self._valid(word):
                found.append((match.start(), match.end(), main))
        return found

    def at(self, text: str, position: int, end: int) -> tuple[int, str] | None:
        """A mention starting exactly at position: (its end, main name)."""
        if not self.pattern:
            return None
        match = self.pattern.match(text, position, end)
        if match and self._valid(match.group(1)):
            main = self.lookup(match.group(1))
            if main:
                return match.end(), main
        return None


def _infer_genders(text: str, characters: dict[str, Character], names: _Names) -> dict[str, str]:
    """M/F for every character the cast leaves unknown, from titles, then from the pronouns
    the prose uses after the character's name."""
    genders = {}
    votes: dict[str, Counter] = {main: Counter() for main in characters}
    for start, end, main in names.mentions(text):
        if characters[main].gender in ("M", "F"):
            continue
        hint = _gender_hint(text, start, end)
        if hint:
            votes[main][hint] += 1
    for main, character in characters.items():
        gender = character.gender
        if gender not in ("M", "F"):
            titles = {w.lower().rstrip(".") for alias in (main, *character.aliases) for w in alias.split()[:2]}
            if titles & _MALE_TITLES and not titles & _FEMALE_TITLES:
                gender = "M"
            elif titles & _FEMALE_TITLES and not titles & _MALE_TITLES:
                gender = "F"
            else:
                gender = _decide(votes[main])
        genders[main] = gender if gender in ("M", "F") else "U"
    return genders


# ---------------------------------------------------------------- attribution

_PHRASAL = ("went on", "goes on", "called out", "cried out", "broke in", "put in", "struck in", "chimed in",
            "burst out", "spoke up", "sang out", "called after", "shouted out", "said again")
_VERB_RE = re.compile(r"(?:" + "|".join(re.escape(p) for p in _PHRASAL) + "|"
                      + "|".join(sorted(map(re.escape, SPEECH_VERBS), key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)
_FILLER = re.compile(r"(?:[ \t\n]+(?:\w+ly|then|again|now|too|also|only|once|presently|at last|at length|at once|"
                     r"aloud|out|in reply|in return|at first)\b)*[ \t\n]*", re.IGNORECASE)
_SUBJECT_PRONOUNS = {"he": "M", "she": "F", "i": "I"}
_PREPOSITIONS = {"to", "at", "with", "of", "for", "from", "on", "by", "upon", "about", "towards", "toward",
                 "into", "after", "than", "like", "behind", "before", "between", "beside", "near", "under", "over",
                 "and", "or", "nor"}
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bMs)[.!?;]+[\"”’']?(?=\s)|--|—")


@dataclass
class _Who:
    speaker: str
    verb: str = ""
    adverb: str = ""
    span: tuple[int, int] | None = None
    gender: str = ""       # what the tag tells even when it names no one: "she", "his wife"


_MALE_NOUNS = {"man", "gentleman", "boy", "father", "brother", "husband", "son", "uncle", "lord", "king", "fellow",
               "lad", "master", "landlord", "sir", "prince", "duke", "earl", "nephew", "grandfather", "papa",
               "priest", "vicar", "colonel", "captain", "major", "sergeant", "constable", "policeman", "butler"}
_FEMALE_NOUNS = {"woman", "lady", "girl", "mother", "sister", "wife", "daughter", "aunt", "queen", "maid",
                 "mistress", "landlady", "madam", "princess", "duchess", "niece", "grandmother", "mama", "mamma",
                 "housekeeper", "widow", "nurse", "governess", "cook"}


def _gender_of_phrase(phrase: str) -> str:
    words = re.findall(r"[a-z]+", phrase.lower())
    if not words:
        return ""
    if words[0] in ("he", "him"):
        return "M"
    if words[0] in ("she", "her") and len(words) == 1:
        return "F"
    if words[-1] in _MALE_NOUNS:
        return "M"
    if words[-1] in _FEMALE_NOUNS:
        return "F"
    return ""


class _Reader:
    """The text, its cast and who was mentioned where, for resolving tags and pronouns."""

    def __init__(self, text: str, characters: dict[str, Character], narrator: str):
        self.text = text
        self.names = _Names(characters)
        self.genders = _infer_genders(text, characters, self.names)
        self.narrator = narrator
        self.events: list[tuple[int, str]] = []          # (position, main name), sorted
        self.addressed: set[str] = set()                 # named in the previous paragraph's speech
        self.turn = ""                                   # whose turn it is in an exchange of two
        self.paragraph_start = 0
        self.sentences = [0] + [m.end() for m in re.finditer(r"[.!?]+[\"”’']?\s+|\n[ \t]*\n|[\"“”]", text)]

    def note(self, position: int, main: str) -> None:
        bisect.insort(self.events, (position, main))

    def read_narration(self, start: int, end: int) -> None:
        """Names, and the people "he" and "she" stand for, in order, so a pronoun can lean on
        the pronoun before it."""
        found = [(a, main) for a, _, main in self.names.mentions(self.text, start, end)]
        found += [(start + m.start(), m.group(0)) for m in re.finditer(r"\b(?:he|she)\b", self.text[start:end],
                                                                         re.IGNORECASE)]
        for position, main in sorted(found, key=lambda item: item[0]):
            if main.lower() in ("he", "she"):
                main = self.pronoun(main, position)
            if main:
                self.note(position, main)

    def recent(self, before: int, gender: str | None = None, exclude=frozenset(), limit: int = 40) -> list[str]:
        """Characters mentioned before a position, most recent first."""
        found: list[str] = []
        index = bisect.bisect_left(self.events, (before, ""))
        for position, main in reversed(self.events[max(0, index - limit):index]):
            if main in exclude or main in found:
                continue
            if gender and self.genders.get(main, "U") not in (gender, "U"):
                continue
            found.append(main)
        return found

    def pronoun(self, word: str, position: int, exclude=frozenset(), in_tag: bool = False) -> str:
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
            addressed = [m for m in self.addressed if self.genders.get(m) == gender and m not in exclude]
            if len(addressed) == 1:
                return addressed[0]
            # in an exchange "she replied" is the one whose turn it is, unless this paragraph's
            # own narration has just named someone else of that gender
            turn = self.turn
            if turn and turn not in exclude and self.genders.get(turn) == gender:
                here = self.pronoun(word, position, exclude)
                named_here = any(self.paragraph_start <= at < position and main == here
                                 for at, main in self.events[-12:])
                return here if named_here else turn
        index = bisect.bisect_left(self.events, (position, ""))
        sentence, best = None, None
        for at, main in reversed(self.events[max(0, index - 30):index]):
            here = bisect.bisect_right(self.sentences, at)
            if sentence is not None and here != sentence and best:
                return best
            sentence = here
            if main not in exclude and self.genders.get(main, "U") == gender:
                best = main
        if best:
            return best
        loose = self.recent(position, gender, exclude)
        return loose[0] if loose else ""

    def who_at(self, position: int, end: int, exclude=frozenset()) -> tuple[int, str, str] | None:
        """A name, descriptor or pronoun starting at position: (its end, speaker or "", gender
        the words imply)."""
        named = self.names.at(self.text, position, end)
        if named:
            return named[0], named[1], ""
        match = re.compile(r"(he|she|I)\b", re.IGNORECASE).match(self.text, position, end)
        if match and (match.group(1) != "i"):
            return (match.end(), self.pronoun(match.group(1), position, exclude, in_tag=True),
                    _gender_of_phrase(match.group(1)))
        match = re.compile(r"(?:the|a|an|his|her|their|my|our)\s+(?:[\w-]+\s+){0,2}?[\w-]+(?=[\s,.;!?]|$)",
                           re.IGNORECASE).match(self.text, position, end)
        if match and not _VERB_RE.match(match.group(0).split()[-1]):
            return match.end(), self.relative(match.group(0), position, exclude), _gender_of_phrase(match.group(0))
        return None

    def relative(self, phrase: str, position: int, exclude=frozenset()) -> str:
        """`his wife`, `her father`: the cast member with the possessor's surname and the title
        the relation implies (Mr. Bennet's wife is Mrs. Bennet)."""
        match = re.fullmatch(r"(his|her)\s+(wife|lady|husband|mother|father)", phrase.strip(), re.IGNORECASE)
        if not match:
            return ""
        owner = self.pronoun("he" if match.group(1).lower() == "his" else "she", position)
        if not owner:
            return ""
        character = self.names.characters[owner]
        surnames = {alias.split()[-1] for alias in (owner, *character.aliases)
                    if len(alias.split()) >= 2 and alias.split()[0].lower().rstrip(".") in _TITLES | {"miss"}}
        title = {"wife": "mrs.", "lady": "mrs.", "mother": "mrs.", "husband": "mr.", "father": "mr."}[
            match.group(2).lower()]
        found = {self.names.lookup(f"{title} {surname}") for surname in surnames} - {"", owner}
        found -= set(exclude)
        return found.pop() if len(found) == 1 else ""

    def tag_after(self, start: int, end: int, exclude) -> _Who | None:
        """`"...," said Mara` / `Mara said` / `she asked quietly` right after a quote."""
        text = self.text
        position = re.compile(r"[\s,;:—–-]*").match(text, start, end).end()
        verb = _VERB_RE.match(text, position, end)
        if verb:
            after = _FILLER.match(text, verb.end(), end).end()
            who = self.who_at(after, end, exclude)
            if who:
                return _Who(who[1], verb.group(0), self._adverb(verb.end(), who[0]), (position, who[0]), who[2])
        who = self.who_at(position, end, exclude)
        if who:
            after = _FILLER.match(text, who[0], end).end()
            verb = _VERB_RE.match(text, after, end)
            if verb:
                return _Who(who[1], verb.group(0), self._adverb(who[0], min(end, verb.end() + 20)),
                            (position, verb.end()), who[2])
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
        verbs = [v for v in _VERB_RE.finditer(text, clause_start, clause_end)
                 if (v.start() == clause_start or not text[v.start() - 1].isalnum())]
        if not verbs:
            return None
        verb = verbs[-1]
        tail = text[verb.end():clause_end]
        tail_words = re.findall(r"[\w’'.-]+", tail)
        if len(tail_words) > 8:
            return None
        after = _FILLER.match(text, verb.end(), clause_end).end()
        who = self.who_at(after, clause_end, exclude) if after < clause_end else None
        if who and who[1] and text[verb.end():after].strip().lower() not in ("to",):
            return _Who(who[1], verb.group(0), "", (clause_start, clause_end))
        subject = self.subject(clause_start, verb.start(), exclude)
        if subject:
            return _Who(subject, verb.group(0), self._adverb(verb.end(), clause_end), (clause_start, clause_end))
        pronoun = re.search(r"\b(he|she)\s+(?:\w+ly\s+)?$", text[clause_start:verb.start()], re.IGNORECASE)
        if pronoun:
            return _Who("", verb.group(0), "", (clause_start, clause_end), _gender_of_phrase(pronoun.group(1)))
        return None

    def lead_in(self, start: int, end: int) -> str:
        """A narration paragraph ending in a comma or colon introduces the next one's speech:
        `Mr. Bennet coolly observed,` or `when thus accosted by Miss Bingley,`."""
        if not re.search(r"[,:;]\W*$|--\s*$|—\s*$", self.text[start:end]):
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
        candidates.sort()
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
        if not usable:
            return ""
        a, b, who = usable[-1]
        between = text[b:end].strip()
        if len(between.split()) <= 2:
            return who
        return usable[0][2]

    def _adverb(self, start: int, end: int) -> str:
        match = re.search(r"\b(\w+ly)\b", self.text[start:end])
        return match.group(1).lower() if match else ""


def _vocatives(quote: str, names: _Names) -> set[str]:
    """People the quote speaks to: a name opening or closing the quote or a clause of it."""
    found = set()
    for a, b, main in names.mentions(quote):
        before = quote[:a].rstrip()
        after = quote[b:b + 2]
        if (not before or before[-1] in ",!?;—-" or re.search(r"\b(dear|my|oh|o)$", before, re.IGNORECASE)) \
                and (not after.strip() or after[0] in ",!?.;—-"):
            found.add(main)
    return found


@dataclass
class _Paragraph:
    quotes: list[int]                   # indices into the quote list
    speaker: str = ""
    basis: str = ""
    addressed: set[str] | None = None
    subject: str = ""                   # for narration: who its last sentence is about
    lead: str = ""                      # for narration that ends in a lead-in to speech: its speaker
    scene: str = ""                     # for speech after narration: whom that narration ended on
    gender: str = ""                    # the speaker's, when a tag tells only that
    opens: bool = False                 # its first quote begins the paragraph
    runs_on: bool = False               # its last quote is left open (the speech continues)


def attribute(text: str, characters: dict[str, Character] | None = None) -> list[Quote]:
    characters = characters if characters else discover_characters(text)
    scanned = _scan_quotes(text)
    spans = [(start, end) for start, end, _ in scanned]
    names = _Names(characters)
    narrator = next((main for main, c in characters.items()
                     if {a.lower() for a in c.aliases} & {"narr", "narrator", "i"}), "") \
        or first_person_narrator(text, spans, names)
    reader = _Reader(text, characters, narrator)
    paragraphs = split_paragraphs(text)
    blocks = set_apart_paragraphs(text, paragraphs)
    quotes: list[Quote] = []
    closed: list[bool] = []
    groups: list[_Paragraph] = []
    span_index = 0
    for number, (a, b) in enumerate(paragraphs):
        inside = []
        while span_index < len(scanned) and scanned[span_index][0] < b:
            if scanned[span_index][0] >= a:
                inside.append(scanned[span_index])
            span_index += 1
        speech = []
        for start, end, is_closed in inside:
            if quoted_mention(text, start, end):
                quotes.append(Quote(start, end, text[start:end], "", "mention"))
                closed.append(is_closed)
                continue
            speech.append(len(quotes))
            quotes.append(Quote(start, end, text[start:end], "", "block" if number in blocks else "speech"))
            closed.append(is_closed)
        # narration mentions (outside speech) feed pronoun resolution
        cursor = a
        for index in speech:
            reader.read_narration(cursor, max(cursor, quotes[index].start - 1))
            cursor = quotes[index].end + 1
        reader.read_narration(min(cursor, b), b)
        if speech:
            group = _Paragraph(speech)
            group.opens = not text[a:quotes[speech[0]].start - 1].strip()
            group.runs_on = not closed[speech[-1]]
            previous = groups[-1] if groups else None
            reader.addressed = previous.addressed or set() if previous else set()
            two_back = groups[-2] if len(groups) >= 2 else None
            reader.turn = two_back.speaker if (two_back is not None and two_back.quotes and previous.quotes and
                                               previous.speaker and previous.speaker != two_back.speaker) else ""
            reader.paragraph_start = a
            _read_paragraph(reader, text, a, b, quotes, group, groups)
            groups.append(group)
        else:
            last = list(re.finditer(r"[^.!?;]+(?:[.!?;]+|$)", text[a:b]))
            subject = reader.subject(a + last[-1].start(), a + last[-1].end()) if last else ""
            groups.append(_Paragraph([], subject=subject, lead=reader.lead_in(a, b)))
    _conversations(reader, quotes, groups)
    _number_utterances(text, quotes, paragraphs)
    return quotes


def _number_utterances(text: str, quotes: list[Quote], paragraphs: list[tuple[int, int]]) -> None:
    """Pieces of one utterance split by a speech tag share a quote_id: `"Long enough," he said,
    "to know."` is one line."""
    starts = [a for a, _ in paragraphs]
    quote_id, previous, previous_paragraph = 0, None, -1
    for quote in quotes:
        paragraph = bisect.bisect_right(starts, quote.start) - 1
        joined = (previous is not None and paragraph == previous_paragraph and previous.kind == quote.kind
                  and previous.speaker == quote.speaker and quote.text[:1].islower()
                  and not re.search(r"[.!?]\W*$", previous.text))
        if not joined:
            quote_id += 1
        quote.quote_id = quote_id
        previous, previous_paragraph = quote, paragraph


def _read_paragraph(reader: _Reader, text: str, a: int, b: int, quotes: list[Quote], group: _Paragraph,
                    groups: list[_Paragraph]) -> None:
    """Tags, continued speech and action beats: what one paragraph says about its speaker."""
    indices = group.quotes
    addressed = set()
    for index in indices:
        addressed |= _vocatives(quotes[index].text, reader.names)
    group.addressed = addressed
    tagged: dict[int, _Who] = {}
    for position, index in enumerate(indices):
        quote = quotes[index]
        after_end = quotes[indices[position + 1]].start - 1 if position + 1 < len(indices) else b
        before_start = quotes[indices[position - 1]].end + 1 if position else a
        exclude = _vocatives(quote.text, reader.names)
        who = reader.tag_after(min(quote.end + 1, after_end), after_end, exclude)
        # after a finished sentence, `She said it to the Knave.` starts a new one: a tag
        # before the quote is then the better evidence
        ended = re.search(r"[.!?][_*]?$", quote.text) is not None
        capital = re.match(r"[\s\"”’']*(He|She)\b", text[quote.end:after_end]) is not None
        if who is None or (ended and capital):
            before = reader.tag_before(before_start, max(before_start, quote.start - 1), exclude)
            if before is not None or (ended and capital):
                who = before
        if who is not None:
            tagged[position] = who
            verb = who.verb.lower()
            quote.direction = ADVERBS.get(who.adverb, SPEECH_VERBS.get(verb.split()[0]))
            quote.kind = "thought" if verb in THOUGHT_VERBS and quote.kind == "speech" else quote.kind
            quote.tag_span = who.span
            if who.speaker:
                quote.speaker = who.speaker
    known = {p: w.speaker for p, w in tagged.items() if w.speaker}
    group.gender = "" if known else next((w.gender for w in tagged.values() if w.gender), "")

    def fits(name: str) -> bool:
        return bool(name) and name not in addressed and \
            (not group.gender or reader.genders.get(name, "U") in (group.gender, "U"))

    if known:
        group.basis = "tag"
        for position, index in enumerate(indices):
            if not quotes[index].speaker:
                earlier = [p for p in known if p < position]
                quotes[index].speaker = known[max(earlier)] if earlier else known[min(known)]
        group.speaker = quotes[indices[0]].speaker
    else:
        previous = groups[-1] if groups else None
        if previous is not None and previous.runs_on and group.opens and previous.speaker:
            group.speaker, group.basis = previous.speaker, "continued"
        elif previous is not None and not previous.quotes and group.opens and fits(previous.lead):
            group.speaker, group.basis = previous.lead, "lead-in"
        else:
            beat = _action_beat(reader, text, a, b, quotes, indices, fits)
            if beat:
                group.speaker, group.basis = beat, "beat"
            elif previous is not None and not previous.quotes and fits(previous.subject):
                # `She sat down.` then a bare quote: she speaks, unless turn-taking says otherwise
                group.scene = previous.subject
        for index in indices:
            quotes[index].speaker = group.speaker
    if group.speaker:
        reader.note(quotes[indices[0]].start, group.speaker)
    for index in indices:
        if quotes[index].kind == "speech" and re.fullmatch(r"[*_].*[*_]", quotes[index].text.strip(), re.DOTALL):
            quotes[index].kind = "thought"


def _action_beat(reader: _Reader, text: str, a: int, b: int, quotes: list[Quote], indices: list[int],
                 fits) -> str:
    """The character acting in the narration next to the quotes: `Mara grinned. "..."`."""
    segments = []
    first, last = quotes[indices[0]], quotes[indices[-1]]
    if first.start - 1 > a:
        segments.append((a, first.start - 1, True))
    for left, right in zip(indices, indices[1:]):
        segments.append((quotes[left].end + 1, quotes[right].start - 1, False))
    if last.end + 1 < b:
        segments.append((last.end + 1, b, False))
    for start, end, is_before in segments:
        if not re.search(r"\w", text[start:end]):
            continue
        sentences = [(start + m.start(), start + m.end())
                     for m in re.finditer(r"[^.!?;]+(?:[.!?;]+|$)", text[start:end])]
        ordered = reversed(sentences) if is_before else sentences
        for s, e in ordered:
            subject = reader.subject(s, e)
            if fits(subject):
                return subject
    return ""


def _conversations(reader: _Reader, quotes: list[Quote], groups: list[_Paragraph]) -> None:
    """Unattributed paragraphs in a run of dialogue: the person just spoken to answers, and
    speakers take turns, propagated forward and backward from the anchored paragraphs."""
    runs, current = [], []
    for group in groups:
        if group.quotes:
            current.append(group)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    for run in runs:
        def fits(group: _Paragraph, name: str) -> bool:
            return bool(name) and name not in group.addressed and \
                (not group.gender or reader.genders.get(name, "U") in (group.gender, "U"))

        changed = True
        while changed:
            changed = False
            for i, group in enumerate(run):
                if group.speaker:
                    continue
                previous = run[i - 1] if i else None
                following = run[i + 1] if i + 1 < len(run) else None
                guesses = []
                if previous and previous.speaker:
                    answering = [m for m in previous.addressed if m != previous.speaker]
                    if len(answering) == 1:
                        guesses.append(answering[0])
                if i >= 2 and run[i - 2].speaker != (previous.speaker or None):
                    guesses.append(run[i - 2].speaker)
                if i + 2 < len(run) and run[i + 2].speaker != (following.speaker or None):
                    guesses.append(run[i + 2].speaker)
                guess = next((g for g in guesses if fits(group, g)), "")
                if guess:
                    group.speaker, group.basis = guess, "turns"
                    changed = True
        for i, group in enumerate(run):
            if group.speaker:
                continue
            previous = run[i - 1].speaker if i else ""
            # whoever the quote talks about is not who says it
            talked_of = {m for index in group.quotes for _, _, m in reader.names.mentions(quotes[index].text)}
            exclude = set(group.addressed) | talked_of | ({previous} if previous else set())
            if group.scene:
                group.speaker, group.basis = group.scene, "scene"
                continue
            candidates = [c for c in reader.recent(quotes[group.quotes[0]].start, group.gender or None, exclude)
                          if fits(group, c)]
            group.speaker, group.basis = (candidates[0] if candidates else ""), "guess"
        for group in run:
            for index in group.quotes:
                if not quotes[index].speaker:
                    quotes[index].speaker = group.speaker
                quotes[index].basis = quotes[index].basis or group.basis


def first_person_narrator(text: str, spans: list[tuple[int, int]], names: _Names) -> str:
    """In a story told as "I", the narrator is the character others call by name in dialogue
    while the narration itself hardly names them."""
    narration, cursor = [], 0
    for start, end in spans:
        narration.append(text[cursor:max(cursor, start - 1)])
        cursor = end + 1
    narration.append(text[cursor:])
    told = " ".join(narration)
    first_person = len(re.findall(r"\b(I|me|my)\b", told))
    third_person = len(re.findall(r"\b(he|she|him|her)\b", told, re.IGNORECASE))
    if first_person < 0.5 * third_person or first_person < 20:
        return ""
    addressed = Counter(name for start, end in spans for _, _, name in names.mentions(text[start:end]))
    in_narration = Counter(name for _, _, name in names.mentions(told))
    scored = [(count / (1 + in_narration[name]), name) for name, count in addressed.items() if count >= 5]
    return max(scored)[1] if scored else ""


def attribute_to_jsonl_rows(text: str, characters: dict[str, Character] | None) -> list[dict]:
    """What characters say or think; quoted titles and words, verse and letters set apart as
    blocks are not utterances (the adapter still narrates or voices them)."""
    return [{"start": q.start, "end": q.end, "speaker": q.speaker} for q in attribute(text, characters)
            if q.kind in ("speech", "thought")]
