"""Stage 2: prose -> annotated script.

The adapter reads a chapter the way a radio producer would: it sets aside what the author
says to readers (preambles, A/N, asides), cuts scenes where the place or time changes, gives
every quote to its speaker (pipeline.attribution), voices letters by their writer, and
marks sound cues the text describes (a knock, a splash). The result is a first draft that
the producer then edits by hand.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from pipeline.text import attribution
from pipeline.text.attribution import split_paragraphs
from pipeline.text.sentences import split_sentences
from pipeline.core.errors import PipelineError
from pipeline.model.script import Line, Scene, Script

# ---------------------------------------------------------------- author's notes

_NOTE_MARKER = re.compile(r"^\W*(A/N|AN:|Author'?s? ?note|Disclaimer|Note:)", re.IGNORECASE)
_META_WORDS = re.compile(
    r"\b(fic|fanfic|fan ?fiction|stor(y|ies)|chapters?|ch\.\s*\d+|series|reviews?|reviewers?|readers?|"
    r"update[ds]?|disclaimer|own(ed)? (naruto|the characters|anything)|canon|oneshot|one-shot|"
    r"anime|manga|episodes?|plot|flames?|R&R|beta|author|writ(e|ing|ten))\b", re.IGNORECASE)
_FIRST_PERSON_META = re.compile(r"(^|\W)(i|I|I've|i've|I'm|i'm|I'll|i'll|my|me)(\W|$)")
_READER_ADDRESS = re.compile(r"\b(you|your|you'll|you're)\b", re.IGNORECASE)
_ASIDE_OPENING = re.compile(r"^\(\s*(A/N|AN\b|think|imagine|remember|lol|btw|note|see|just so you)", re.IGNORECASE)


def is_author_note(paragraph: str) -> bool:
    """Text the author addresses to readers rather than story."""
    text = paragraph.strip()
    if _NOTE_MARKER.match(text) or _ASIDE_OPENING.match(text):
        return True
    if '"' in text or "“" in text:
        return False
    meta = len(_META_WORDS.findall(text))
    personal = bool(_FIRST_PERSON_META.search(text)) or bool(_READER_ADDRESS.search(text))
    # Lower-case "i" is how fan-fiction authors write to readers, rarely how they narrate.
    casual = bool(re.search(r"(^|\s)i(\s|'|$)", text))
    return (meta >= 1 and personal) or (meta >= 2) or (casual and personal and meta >= 1)


def _aside_spans(paragraph: str) -> list[tuple[int, int]]:
    """Parenthetical asides to the reader inside a story paragraph."""
    spans = []
    for match in re.finditer(r"\([^()]*(?:\([^()]*\)[^()]*)*\)", paragraph):
        inner = match.group(0)
        if _ASIDE_OPENING.match(inner) or (_READER_ADDRESS.search(inner) and len(inner) > 25) \
                or (len(_META_WORDS.findall(inner)) >= 1 and _FIRST_PERSON_META.search(inner)):
            spans.append(match.span())
    return spans


# ---------------------------------------------------------------- scenes and places

_BREAK_MARK = re.compile(r"(([*\-_~=#+•·]\s*){3,}|(\*\s*){1,2}|#|(scene|line) ?break)", re.IGNORECASE)


def is_scene_break(paragraph: str) -> bool:
    """A line of symbols (***, ---, ~~~) or a fan-fiction divider such as o0o or xXx."""
    text = paragraph.strip()
    if _BREAK_MARK.fullmatch(text):
        return True
    compact = text.replace(" ", "")
    return len(compact) >= 3 and set(compact) <= set("oO0xX*~-=+") and len(set(compact)) >= 2
_TIME_SHIFT = re.compile(
    r"^\W*(meanwhile|elsewhere|the next (morning|day|night|evening|week)|next (morning|day)|later that|"
    r"that (night|evening|morning|afternoon)|(hours|days|weeks|months|years) later|the following (day|morning|week)|"
    r"a (few )?(hours?|days?|weeks?|months?|years?) later|back (at|in) )", re.IGNORECASE)

# Ambience bed -> words that put a scene there. Editable in sounds/places.yaml.
PLACES: dict[str, tuple[str, ...]] = {
    "hospital": ("hospital", "infirmary", "clinic", "ward"),
    "waterfall": ("waterfall", "falls", "cascade", "rapids"),
    "forest": ("forest", "woods", "woodland", "grove", "thicket", "jungle"),
    "rain": ("rain", "downpour", "drizzle"),
    "thunderstorm": ("thunderstorm", "storm", "thunder"),
    "market": ("market", "marketplace", "bazaar", "village square", "street", "shop", "ramen stand", "crowd"),
    "night": ("night", "midnight", "moonlight", "crickets"),
    "office": ("office", "study", "library"),
    "training_ground": ("training ground", "training field", "training grounds", "arena", "dojo"),
    "room": ("room", "bedroom", "apartment", "house", "kitchen", "hall"),
}
# A place counts when the prose puts someone there, not when it merely names it.
_LOCATIVE = r"(?:in|into|at|to|toward|towards|inside|near|above|below|beneath|under|beside|through|across|reached|entered|arrived at)"


def _place_pattern(words) -> re.Pattern:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b{_LOCATIVE}\s+(?:(?:the|a|an|his|her|their|its|my|our|this|that)\s+)?(?:[\w'-]+\s+){{0,3}}?({alternatives})s?\b",
                      re.IGNORECASE)


def place_in(sentence: str, places: dict[str, tuple[str, ...]] = PLACES) -> tuple[str, str] | None:
    """(ambience, place phrase) for the first place a sentence puts the action in."""
    best = None
    for ambience, words in places.items():
        if ambience in ("night", "room", "rain"):
            continue   # too common as plain words to move a scene by themselves
        match = _place_pattern(words).search(sentence)
        if match and (best is None or match.start() < best[0]):
            phrase = sentence[match.start(1):match.end(0)]
            best = (match.start(), ambience, phrase)
    return (best[1], best[2].lower()) if best else None


# ---------------------------------------------------------------- sound cues in the prose

_NEGATED = re.compile(r"\b(not|n't|never|without|no)\b(\W+\w+){0,3}\W*$", re.IGNORECASE)
SFX_PATTERNS: tuple[tuple[str, re.Pattern], ...] = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in (
    ("knock", r"\bknock(ed|s|ing)?\b(\s+\w+){0,3}\s+(on|at)\b|\bknock(ed|s)\b|\ba knock\b"),
    ("door_slam", r"\bslam(med|s)?\b[^.]{0,30}\bdoor|\bdoor\b[^.]{0,20}\bslam(med|s)?\b"),
    ("door_open", r"\b(opened|creaked open|pushed open|flung open)\b[^.]{0,20}\bdoor|\bdoor\b[^.]{0,20}\b(opened|creaked open|swung open)\b"),
    ("door_close", r"\b(closed|shut)\b[^.]{0,20}\bdoor|\bdoor\b[^.]{0,20}\b(closed|shut|clicked shut)\b"),
    ("thunder", r"\bthunder(ed|clap)?\b"),
    ("splash", r"\bsplash(ed|es)?\b|\b(land(ed|s)?|dove|dived|jump(ed)?|fell)\b[^.]{0,20}\b(on|into) the water\b"),
    ("footsteps_run", r"\b(ran|run|running|sprint(ed|ing)?|dashed|raced)\b"),
    ("footsteps_walk", r"\b(footsteps|walked|strode|paced|stepped)\b"),
    ("paper_rustle", r"\b(unfolded|rustl(ed|ing|e)|turned the page|read the (letter|note)|a letter\b)"),
    ("chain_rattle", r"\bchains?\b[^.]{0,20}\b(rattl|clank|clink)\w*"),
    ("whoosh", r"\b(jump(ed)? off|leapt|leaped|flung|hurled|vanished in a puff|shunshin|flew past)\b"),
))


def sfx_in(sentence: str) -> list[str]:
    found = []
    for name, pattern in SFX_PATTERNS:
        match = pattern.search(sentence)
        if match and not _NEGATED.search(sentence[: match.start()]):
            if name == "footsteps_walk" and "footsteps_run" in found:
                continue
            found.append(name)
    return found[:2]


# ---------------------------------------------------------------- letters

_LETTER_INTRO = re.compile(r"\b(it|the (letter|note|message|scroll|sign|paper|card)|which)\s+(read|said|says|reads)\b[\s,:]*$|\b(wrote|written|reads?)\s*[,:]?\s*$",
                           re.IGNORECASE)
_SIGNATURE = re.compile(r"^\s*[~\-–—]*\s*([A-Z][\w'-]+(?: [A-Z][\w'-]+)?)\s*[~\-–—]*\s*$")


@dataclass
class _Builder:
    scenes: list
    lines: list
    place: str = ""
    ambience: str | None = None

    def start_scene(self, place: str, ambience: str | None) -> None:
        if self.lines or self.scenes:
            self.flush()
        self.place, self.ambience = place, ambience

    def flush(self) -> None:
        if not self.lines:
            return
        number = len(self.scenes) + 1
        slug = re.sub(r"[^a-z0-9]+", "-", (self.ambience or self.place or "scene").lower()).strip("-")[:24] or "scene"
        self.scenes.append(Scene(f"s{number}-{slug}", place=self.place, ambience=self.ambience, lines=tuple(self.lines)))
        self.lines = []


def _clean(text: str) -> str:
    return re.sub(r"[ \t]*\n[ \t]*", " ", text).strip()


def adapt_text(text: str, characters: dict[str, attribution.Character] | None, title: str = "",
               source: str = "", places: dict[str, tuple[str, ...]] | None = None) -> Script:
    places = places or PLACES
    # Control characters cannot be spoken or kept in YAML; a space keeps every offset in place.
    text = "".join(" " if (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) < 0xA0 else ch for ch in text)
    if not text.strip():
        raise PipelineError(source or None, None, "the chapter is empty", "put the chapter's prose in the file")
    characters = characters if characters else attribution.discover_characters(text)
    quotes = attribution.attribute(text, characters)
    paragraphs = split_paragraphs(text)
    builder = _Builder(scenes=[], lines=[])
    notes: list[str] = []
    story_started = False
    trailing = _trailing_notes(text, paragraphs)
    quote_index = 0
    for number, (start, end) in enumerate(paragraphs):
        raw = text[start:end]
        paragraph = raw.strip()
        while quote_index < len(quotes) and quotes[quote_index].end <= start:
            quote_index += 1
        inside = []
        probe = quote_index
        while probe < len(quotes) and quotes[probe].start < end:
            inside.append(_clipped(quotes[probe], text, start, end))
            probe += 1
        if is_scene_break(paragraph):
            if story_started:
                builder.start_scene(builder.place, builder.ambience)
            continue
        if (not inside and is_author_note(paragraph)) or number in trailing:
            if story_started and number not in trailing:
                builder.lines.append(Line("note", text=_clean(paragraph)))
            else:
                notes.append(_clean(paragraph))
            continue
        if not story_started:
            story_started = True
        elif _TIME_SHIFT.match(paragraph):
            builder.start_scene(builder.place, builder.ambience)
        _adapt_paragraph(text, start, end, inside, builder, places, characters)
    builder.flush()
    if not builder.scenes:
        builder.scenes.append(Scene("s1-scene", lines=tuple(Line("note", text=n) for n in notes)))
        notes = []
    scenes = _name_scenes(builder.scenes)
    return Script(title=title or "Untitled", scenes=tuple(scenes), source=source, speech_tags="drop",
                  notes=tuple(notes))


def _clipped(quote, text: str, start: int, end: int):
    """The part of a quote inside one paragraph (speech that runs over several is split)."""
    if quote.start >= start and quote.end <= end:
        return quote
    a, b = max(quote.start, start), min(quote.end, end)
    return dataclasses.replace(quote, start=a, end=b, text=text[a:b])


def _trailing_notes(text: str, paragraphs) -> set[int]:
    trailing = set()
    for number in range(len(paragraphs) - 1, -1, -1):
        a, b = paragraphs[number]
        if is_author_note(text[a:b]) and not re.search(r"[\"“”]", text[a:b]):
            trailing.add(number)
        else:
            break
    return trailing if len(trailing) < len(paragraphs) else set()


def _name_scenes(scenes: list[Scene]) -> list[Scene]:
    """Scenes before the first place is known inherit the first place found."""
    first = next((s for s in scenes if s.ambience), None)
    named = []
    for scene in scenes:
        if not scene.ambience and first:
            scene = Scene(scene.id.split("-")[0] + "-" + first.ambience.replace("_", "-"), place=first.place,
                          ambience=first.ambience, lines=scene.lines)
        named.append(scene)
    return named


def _adapt_paragraph(text, start, end, quotes, builder: _Builder, places, characters) -> None:
    """Turn one paragraph into narration, dialogue, letter, SFX and note lines."""
    cursor = start
    pending_tag = None
    for position, quote in enumerate(quotes):
        opening = quote.start - 1 if quote.start > cursor and text[quote.start - 1] in "\"“'‘" else quote.start
        before = text[cursor:opening]
        letter = _LETTER_INTRO.search(_strip_quote_marks(before))
        if before.strip():
            tag_only = quote.tag_span is not None and _covers(before, text, cursor, quote.tag_span)
            if tag_only and builder.lines and builder.lines[-1].kind == "dialogue" and position > 0:
                pending_tag = (pending_tag or "") + _clean(_strip_quote_marks(before))
            else:
                _narrate(_strip_quote_marks(before), builder, places, allow_scene_change=not builder.lines or position == 0)
        quote_text = _clean(text[quote.start:quote.end])
        after_end = quotes[position + 1].start if position + 1 < len(quotes) else end
        if letter:
            signature, consumed = _signature_after(text, quote.end, after_end)
            writer = _resolve(signature, characters) if signature else None
            builder.lines.append(Line("letter", text=quote_text + (f" {signature}" if signature else ""),
                                      speaker=writer or quote.speaker or None))
            cursor = consumed
            continue
        previous = builder.lines[-1] if builder.lines else None
        if (previous is not None and previous.kind == "dialogue" and position > 0
                and quotes[position - 1].quote_id == quote.quote_id and quote.speaker == previous.speaker):
            builder.lines[-1] = Line("dialogue", text=previous.text + " " + quote_text, speaker=previous.speaker,
                                     direction=previous.direction, thought=previous.thought, tag=previous.tag)
        elif quote.speaker:
            builder.lines.append(Line("dialogue", text=quote_text, speaker=quote.speaker,
                                      direction=quote.direction, thought=quote.kind == "thought"))
        else:
            builder.lines.append(Line("narration", text=_clean(text[opening:_after_closing_mark(text, quote.end)])))
        cursor = _after_closing_mark(text, quote.end)
        if pending_tag and builder.lines[-1].kind == "dialogue":
            _attach_tag(builder, pending_tag)
            pending_tag = None
        # a speech tag right after the quote ("..., Jiraiya said.") belongs to the line
        tail_end = after_end
        tail = text[cursor:tail_end]
        if quote.tag_span and tail.strip() and _covers(tail, text, cursor, quote.tag_span) \
                and builder.lines[-1].kind == "dialogue":
            _attach_tag(builder, _clean(_strip_quote_marks(tail)))
            cursor = max(quote.end, tail_end if position + 1 >= len(quotes) else quotes[position + 1].start - 1)
    rest = text[cursor:end]
    if _strip_quote_marks(rest).strip():
        _narrate(_strip_quote_marks(rest), builder, places, allow_scene_change=not quotes)


def _attach_tag(builder: _Builder, tag: str) -> None:
    last = builder.lines[-1]
    joined = f"{last.tag} {tag}".strip() if last.tag else tag
    builder.lines[-1] = Line(last.kind, text=last.text, speaker=last.speaker, direction=last.direction,
                             thought=last.thought, tag=joined)


def _covers(segment: str, text: str, offset: int, tag_span: tuple[int, int]) -> bool:
    """True when the segment's words are only the speech tag (plus punctuation)."""
    a, b = tag_span
    outside = text[offset:a] if a > offset else ""
    outside += text[max(b, offset):offset + len(segment)] if b < offset + len(segment) else ""
    if a < offset or b > offset + len(segment) + 1:
        return False
    return not re.search(r"\w", _strip_quote_marks(outside))


def _strip_quote_marks(text: str) -> str:
    return text.replace("“", "").replace("”", "").replace('"', "")


def _after_closing_mark(text: str, index: int) -> int:
    if index < len(text) and text[index] in "\"”'’":
        return index + 1
    return index


def _signature_after(text: str, quote_end: int, limit: int) -> tuple[str | None, int]:
    cursor = _after_closing_mark(text, quote_end)
    segment = text[cursor:limit]
    line = segment.split("\n")[0]
    match = _SIGNATURE.match(line)
    if match:
        return match.group(1), cursor + len(line)
    return None, cursor


def _resolve(name: str, characters) -> str | None:
    lowered = name.lower()
    for main, character in (characters or {}).items():
        if lowered == main.lower() or lowered in (a.lower() for a in character.aliases):
            return main
    return name


def _narrate(text: str, builder: _Builder, places, allow_scene_change: bool) -> None:
    """Narration, split where the place changes or where a sound cue should fall."""
    buffer: list[str] = []
    for sentence in split_sentences(_clean(text)):
        for kind, piece in _split_asides(sentence):
            if kind == "note":
                if buffer:
                    builder.lines.append(Line("narration", text=" ".join(buffer)))
                    buffer = []
                builder.lines.append(Line("note", text=piece))
                continue
            found = place_in(piece, places)
            if found and found[0] != builder.ambience:
                if buffer:
                    builder.lines.append(Line("narration", text=" ".join(buffer)))
                    buffer = []
                if builder.lines or builder.scenes:
                    if builder.ambience is None and not builder.scenes:
                        builder.ambience, builder.place = found
                    else:
                        builder.start_scene(found[1], found[0])
                else:
                    builder.ambience, builder.place = found
            buffer.append(piece)
            cues = sfx_in(piece)
            if cues:
                builder.lines.append(Line("narration", text=" ".join(buffer)))
                buffer = []
                builder.lines.extend(Line("sfx", name=name) for name in cues)
    if buffer:
        builder.lines.append(Line("narration", text=" ".join(buffer)))


def _split_asides(sentence: str) -> list[tuple[str, str]]:
    spans = _aside_spans(sentence)
    if not spans:
        return [("narration", sentence)]
    pieces, cursor = [], 0
    for a, b in spans:
        if sentence[cursor:a].strip():
            pieces.append(("narration", sentence[cursor:a].strip()))
        pieces.append(("note", sentence[a:b]))
        cursor = b
    if sentence[cursor:].strip(" .,"):
        pieces.append(("narration", sentence[cursor:].strip()))
    return pieces
