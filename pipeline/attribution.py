"""Who says each quote: quote detection and speaker attribution for prose, in plain Python.

The rules are a reader's: a speech tag next to the quote names the speaker ("said Mara",
"she asked"); otherwise a character acting in the same paragraph speaks (an action beat);
otherwise an exchange alternates between its two speakers; a pronoun means the last
character of that gender mentioned. Names inside the quote are the people spoken to, never
the speaker.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .errors import PipelineError


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
THOUGHT_VERBS = {"thought", "wondered"}
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
                spans.append((start, end))
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


def _guess_gender(text: str, name: str) -> str:
    if re.match(r"(Mrs|Miss|Ms|Lady)\b", name):
        return "F"
    if re.match(r"(Mr|Sir|Lord)\b", name):
        return "M"
    votes = Counter()
    for match in re.finditer(re.escape(name) + r"\b[^.!?\"“”]{0,80}?\b(he|him|his|she|her)\b", text, re.IGNORECASE):
        votes[PRONOUNS[match.group(1).lower()]] += 1
    if not votes:
        return "U"
    gender, count = votes.most_common(1)[0]
    return gender if count >= 2 * (sum(votes.values()) - count) else "U"


class _Names:
    """Finds character mentions in narration, longest alias first."""

    def __init__(self, characters: dict[str, Character]):
        self.characters = characters
        table = {}
        for main, character in characters.items():
            for alias in (main, *character.aliases):
                if alias.strip():
                    table.setdefault(alias.lower(), main)
        self.table = table
        words = sorted(table, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w])",
                                  re.IGNORECASE) if words else None

    def mentions(self, text: str, offset: int = 0) -> list[tuple[int, str]]:
        if not self.pattern:
            return []
        found = []
        for match in self.pattern.finditer(text):
            word = match.group(1)
            # lower-case common words that happen to be aliases ("hope") are not names
            if word[0].islower() and not word.isupper():
                continue
            found.append((offset + match.start(), self.table[word.lower()]))
        return found


# ---------------------------------------------------------------- attribution

_TAG_AFTER = re.compile(rf"^[\s,—–-]*(?:(?P<verb1>{_VERBS})\s+(?P<who1>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’-]*)?|the\s+\w+(?:\s\w+)?|he|she|I)"
                        rf"|(?P<who2>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’-]*)?|[Tt]he\s+\w+(?:\s\w+)?|[Hh]e|[Ss]he|I|[Tt]hey)\s+(?:\w+ly\s+)?(?P<verb2>{_VERBS}))\b(?P<adverb>\s+\w+ly)?",
                        re.UNICODE)
_TAG_BEFORE = re.compile(rf"(?P<who>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’-]*)?|[Hh]e|[Ss]he|I)\s+(?:\w+ly\s+)?(?P<verb>{_VERBS})(?P<adverb>\s+\w+ly)?\s*[,:]?\s*$")


class _State:
    def __init__(self, names: _Names):
        self.names = names
        self.recent: list[str] = []                 # characters mentioned, newest last
        self.narrator = ""                          # the "I" of a first-person story, if any
        self.subject = ""                           # who the last narration paragraph ended on

    def mention(self, name: str) -> None:
        if name in self.recent:
            self.recent.remove(name)
        self.recent.append(name)

    def latest(self, gender: str | None = None, exclude: set[str] = frozenset()) -> str:
        for name in reversed(self.recent):
            if name in exclude:
                continue
            if gender is None or self.names.characters[name].gender in (gender, "U"):
                return name
        return ""


def _who(phrase: str, state: _State, exclude: set[str]) -> str:
    phrase = phrase.strip()
    lowered = phrase.lower()
    if lowered in ("he", "she"):
        return state.latest(PRONOUNS[lowered], exclude) or state.latest(PRONOUNS[lowered])
    if lowered == "i":
        return state.narrator
    if lowered == "they":
        return ""
    mentions = state.names.mentions(phrase)
    return mentions[0][1] if mentions else ""


def _vocatives(quote_text: str, names: _Names) -> set[str]:
    return {name for _, name in names.mentions(quote_text)}


def attribute(text: str, characters: dict[str, Character] | None = None) -> list[Quote]:
    characters = characters if characters else discover_characters(text)
    names = _Names(characters)
    state = _State(names)
    quotes: list[Quote] = []
    spans = find_quotes(text)
    state.narrator = first_person_narrator(text, spans, names)
    paragraphs = split_paragraphs(text)
    blocks = set_apart_paragraphs(text, paragraphs)
    span_index = 0
    quote_id = 0
    previous_paragraph_speaker = ""
    two_back = ""
    for number, (a, b) in enumerate(paragraphs):
        inside = []
        while span_index < len(spans) and spans[span_index][0] < b:
            if spans[span_index][0] >= a:
                inside.append(spans[span_index])
            span_index += 1
        narration_mentions = []
        cursor = a
        for start, end in inside:
            narration_mentions += names.mentions(text[cursor:start - 1], cursor)
            cursor = end + 1
        narration_mentions += names.mentions(text[cursor:b], cursor)
        paragraph_speaker = ""
        paragraph_quotes: list[Quote] = []
        mentions = {(start, end) for start, end in inside if quoted_mention(text, start, end)}
        inside = [span for span in inside if span not in mentions]
        quotes.extend(Quote(start, end, text[start:end], "", "mention") for start, end in sorted(mentions))
        for i, (start, end) in enumerate(inside):
            quote_text = text[start:end]
            spoken_to = _vocatives(quote_text, names)
            after_end = inside[i + 1][0] - 1 if i + 1 < len(inside) else b
            after = text[min(end + 1, after_end):after_end]
            before_start = inside[i - 1][1] + 1 if i else a
            before = text[before_start:max(before_start, start - 1)]
            speaker, direction, tag_span, thought = "", None, None, False
            match = _TAG_AFTER.match(after)
            if match:
                who = match.group("who1") or match.group("who2")
                verb = (match.group("verb1") or match.group("verb2")).lower()
                speaker = _who(who, state, spoken_to)
                direction = SPEECH_VERBS.get(verb)
                adverb = (match.group("adverb") or "").strip().lower()
                direction = ADVERBS.get(adverb, direction)
                thought = verb in THOUGHT_VERBS
                tag_span = (min(end + 1, after_end) + match.start(), min(end + 1, after_end) + match.end())
            else:
                match = _TAG_BEFORE.search(before)
                if match:
                    speaker = _who(match.group("who"), state, spoken_to)
                    verb = match.group("verb").lower()
                    direction = ADVERBS.get((match.group("adverb") or "").strip().lower(), SPEECH_VERBS.get(verb))
                    thought = verb in THOUGHT_VERBS
                    tag_span = (before_start + match.start(), before_start + match.end())
            if not speaker and i > 0 and paragraph_quotes:
                speaker = paragraph_quotes[-1].speaker
            if not speaker:
                # an action beat: a character named in this paragraph's narration, not spoken to
                beat = [name for _, name in narration_mentions if name not in spoken_to]
                if beat:
                    speaker = beat[0]
                else:
                    pronoun = re.search(r"\b(he|she)\b", text[a:b].replace(quote_text, ""), re.IGNORECASE)
                    if pronoun and not inside[0][0] - a < 2:
                        speaker = state.latest(PRONOUNS[pronoun.group(1).lower()], spoken_to)
            if not speaker and state.subject and state.subject not in spoken_to:
                speaker = state.subject          # "She sat down." then a bare quote: she speaks
            if not speaker and two_back and previous_paragraph_speaker and two_back != previous_paragraph_speaker:
                speaker = two_back if two_back not in spoken_to else ""          # turn-taking
            if not speaker:
                speaker = state.latest(None, spoken_to | {previous_paragraph_speaker}) if previous_paragraph_speaker \
                    else state.latest(None, spoken_to)
            same_utterance = (i > 0 and paragraph_quotes and tag_span is not None and paragraph_quotes[-1].tag_span is None
                              and quote_text[:1].islower()) or (i > 0 and paragraph_quotes and
                                                                 text[paragraph_quotes[-1].end - 1:paragraph_quotes[-1].end] == ","
                                                                 and quote_text[:1].islower())
            if not same_utterance:
                quote_id += 1
            kind = "thought" if thought or re.fullmatch(r"[*_].*[*_]", quote_text.strip(), re.DOTALL) else "speech"
            kind = "block" if number in blocks else kind
            quote = Quote(start, end, quote_text, speaker, kind, direction, quote_id, tag_span)
            paragraph_quotes.append(quote)
            if speaker:
                paragraph_speaker = speaker
        for _, name in narration_mentions:
            state.mention(name)
        state.subject = _last_subject(text[a:b], state) if not inside else ""
        if paragraph_speaker:
            state.mention(paragraph_speaker)
            two_back, previous_paragraph_speaker = previous_paragraph_speaker, paragraph_speaker
        elif not inside and narration_mentions:
            two_back, previous_paragraph_speaker = "", ""
        quotes.extend(paragraph_quotes)
    return sorted(quotes, key=lambda q: q.start)


def _last_subject(paragraph: str, state: _State) -> str:
    """The character the paragraph's last sentence is about, by its first word."""
    sentences = [x for x in re.split(r"(?<=[.!?])\s+", paragraph.strip()) if x]
    if not sentences:
        return ""
    last = sentences[-1]
    pronoun = re.match(r"(He|She)\b", last)
    if pronoun:
        return state.latest(PRONOUNS[pronoun.group(1).lower()])
    mentions = state.names.mentions(last[:40])
    return mentions[0][1] if mentions and mentions[0][0] == 0 else ""


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
    addressed = Counter(name for start, end in spans for _, name in names.mentions(text[start:end]))
    in_narration = Counter(name for _, name in names.mentions(told))
    scored = [(count / (1 + in_narration[name]), name) for name, count in addressed.items() if count >= 5]
    return max(scored)[1] if scored else ""


def attribute_to_jsonl_rows(text: str, characters: dict[str, Character] | None) -> list[dict]:
    """What characters say or think; quoted titles and words, verse and letters set apart as
    blocks are not utterances (the adapter still narrates or voices them)."""
    return [{"start": q.start, "end": q.end, "speaker": q.speaker} for q in attribute(text, characters)
            if q.kind in ("speech", "thought")]
