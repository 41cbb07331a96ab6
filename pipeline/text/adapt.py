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

from pipeline.text import attribution, establishing, places as place_words, things, weather
from pipeline.text.cues import sfx_in
from pipeline.text.narrator import _narration, told_in_first_person
from pipeline.text.notes import is_author_note, split_asides
from pipeline.text.places import Vocabulary
from pipeline.text.quotes import is_scene_break, lines_as_paragraphs, split_paragraphs
from pipeline.text.scene_builder import (OPENING_SENTENCES, OUTDOOR_BEDS, ROOFED_IN_WEATHER, WEATHER, SceneBuilder,
                                          scene_id)
from pipeline.text.sentences import split_sentences
from pipeline.core.errors import PipelineError
from pipeline.model.script import Line, Scene, Script

# ---------------------------------------------------------------- scenes and places

_TIME_SHIFT = re.compile(
    r"^\W*(meanwhile|elsewhere|the next (morning|day|night|evening|week)|next (morning|day)|later that|"
    # ("In the morning the whole valley looks washed and pegged out to dry", not "In the morning light")
    r"in the morning(?!\s+(?:light|sun|air|mist|paper|post|of)\b)|"
    r"that (night|evening|morning|afternoon)|(hours|days|weeks|months|years) later|the following (day|morning|week)|"
    # ("I sleep from half eight till one, badly, ... and at three o'clock I am climbing the stairs": the night slept off)
    r"(I|we|he|she|they) (slept|sleep|sleeps) (from|until|till|through|right through)\b|"
    r"a (few )?(hours?|days?|weeks?|months?|years?) later|back (at|in) |"
    # ("By twenty past ten that night the weatherman's smear had arrived")
    r"(by|at|around|about|after|until) ([\w'’-]+ ){1,4}?(that|the next|next) (night|evening|morning|afternoon|day)\b|"
    # ("It started to rain at eleven o'clock that night, twenty minutes after Pastor Okafor opened the vigil")
    r"it (started|began) to (rain|snow|pour|thunder) (at|around|about|after|before|just after|just before) "
    r"([\w'’-]+ ){1,3}?(that|the next|next) (night|evening|morning|afternoon|day)\b)",
    re.IGNORECASE)

_TO_THE_CORNER_BUSINESS = re.compile(
    r"\b(?:ended\s+up|went|came|got|headed|piled|crowded|sat|were|was)\s+(?:back\s+|down\s+|round\s+|over\s+)?(?:in|into|to|at)\s+"
    r"(?-i:[A-Z][\w-]*)['’]s\s+on\s+the\s+corner\s+of\s+(?:(?-i:[A-Z])[\w'’-]*\s+)+(?:Street|Road|Lane|Avenue|Square|Parade|Terrace)\b")
_TO_SOMEONES = re.compile(
    r"\b(?:crossed\s+the\s+(?:street|road|square)|went|walked|headed|piled|trooped|made\s+(?:our|their|his|her)\s+way)\s+"
    r"(?:back\s+|over\s+|across\s+|round\s+|down\s+|up\s+)?(?:to|into)\s+(?-i:[A-Z][\w-]*)['’]s(?=\s*[,.;]|\s+(?:as|for|and|where)\b)")
_SHORT_LEAD = re.compile(r"^\W*(?:[\w'’-]+[ ,]+){1,5}?[\w'’-]+[.!]\s+")
# the opening's length, the scene's run and its weather: pipeline/text/scene_builder.py
# A whole building the opening names first, and the beds of the rooms inside it its next sentences may name
_BUILDINGS = ("courthouse", "law courts", "crown court", "county court", "high court", "house", "hotel", "manor",
              "mansion", "villa", "cottage", "apartment", "flat", "guest house", "boarding house", "motel")
_ROOMS_INSIDE = ("office", "kitchen", "pub", "shop")
# (indoors, only weather heard on the building: "the rain drove against the glass")
_ON_THE_BUILDING = re.compile(r"\b(?:against|on|at|over)\s+the\s+(?:[\w-]+\s+)?(?:glass|windows?|panes?|roof|walls?|"
                              r"shutters|slates|tiles|skylights?)\b", re.IGNORECASE)


# ---------------------------------------------------------------- sound cues in the prose

# Sound cues: pipeline/text/cues.py (sfx_in is used here and by tests under this name).

# ---------------------------------------------------------------- letters

_LETTER_INTRO = re.compile(r"\b(it|the (letter|note|message|scroll|sign|paper|card)|which)\s+(read|said|says|reads)\b[\s,:]*$|\b(wrote|written|reads?)\s*[,:]?\s*$",
                           re.IGNORECASE)
_SIGNATURE = re.compile(r"^\s*[~\-–—]*\s*([A-Z][\w'-]+(?: [A-Z][\w'-]+)?)\s*[~\-–—]*\s*$")


_STEPPED_OUT = re.compile(r"^\W*(?:I|We|He|She|They|[A-Z][a-z]+)\s+(?:went|stepped|walked|came|wandered|slipped|go|goes|step|"
                          r"steps|walk|walks|come|comes)\s+(?:back\s+)?out(?:side|doors|\s+of\s+doors)?"
                          r"(?:\s+(?:anyway|again|together|at\s+last|first))?\s*(?:[.!]|,.*)?\s*$")   # ("We came out anyway, because...")
def _clean(text: str) -> str:
    return re.sub(r"[ \t]*\n[ \t]*", " ", text).strip()


def adapt_text(text: str, characters: dict[str, attribution.Character] | None, title: str = "",
               source: str = "", places: Vocabulary | None = None) -> Script:
    """The script of a chapter; `places` is the place vocabulary (with sounds/places.yaml's words)."""
    places = places or place_words.DEFAULT
    # Control characters cannot be spoken or kept in YAML; a space keeps every offset in place.
    text = "".join(" " if (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) < 0xA0 else ch for ch in text)
    if not text.strip():
        raise PipelineError(source or None, None, "the chapter is empty", "put the chapter's prose in the file")
    text = lines_as_paragraphs(text)
    characters = characters if characters else attribution.discover_characters(text)
    quotes = attribution.attribute(text, characters)
    paragraphs = split_paragraphs(text)
    builder = SceneBuilder(scenes=[], lines=[], told_by_i=told_in_first_person(_narration(text, [(q.start, q.end) for q in quotes])))
    notes: list[str] = []
    story_started = False
    heading_place, heading_layers = None, []
    trailing = _trailing_notes(text, paragraphs)
    quote_index = 0
    for number, (start, end) in enumerate(paragraphs):
        raw = text[start:end]
        paragraph = raw.strip()
        builder.recent = text[paragraphs[max(0, number - 3)][0]:end]
        while quote_index < len(quotes) and quotes[quote_index].end <= start:
            quote_index += 1
        inside = []
        probe = quote_index
        while probe < len(quotes) and quotes[probe].start < end:
            inside.append(_clipped(quotes[probe], text, start, end))
            probe += 1
        if is_scene_break(paragraph):
            if story_started:
                builder.start_scene()
            continue
        if (not inside and is_author_note(paragraph)) or number in trailing:
            if story_started and number not in trailing:
                builder.lines.append(Line("note", text=_clean(paragraph)))
            else:
                notes.append(_clean(paragraph))
            continue
        if not story_started:
            story_started = True
            if _HEADING.fullmatch(paragraph) and not inside and number + 1 < len(paragraphs):
                # the chapter's title ("WINTER FAIR") is read out, but the story is not at a fair: its
                # first scene is where its own words put it, the title's place only when they name none
                builder.lines.append(Line("narration", text=_clean(paragraph)))
                # (a title is capitalised throughout: "The Harbour" is no place's own name)
                heading_place = _place_in(paragraph.lower(), builder, places, opening=True, generic=False)
                heading_layers = weather.layers_in(paragraph, places)
                continue
        elif _TIME_SHIFT.match(paragraph) or ((lead := _SHORT_LEAD.match(paragraph)) and (
                shift := _TIME_SHIFT.match(paragraph[lead.end():])) and re.search(r"\b(?:next|following|later)\b", shift.group(0))):
            # (or just after a few words that close the last scene: "There was a road, just. By eleven the next morning";
            # not "We are to go to bed. In the morning I shall drive into Casterford")
            # ("Back at the desk Precious is doing the fluid charts": somewhere else on the same night)
            builder.start_scene(time_shift=not re.match(r"\W*back\s+(?:at|in)\s", paragraph, re.IGNORECASE))
        elif found := _new_place_established(paragraph, builder, places):
            builder.open_at(found[1], found[0])
        elif not inside and not builder.lines and builder.scenes and not builder.known \
                and (found := establishing.hotel_as_pub(split_sentences(_clean(paragraph))[:OPENING_SENTENCES])):
            # (a scene after a break that its first paragraph sets somewhere: "The storm reached Corella a little
            # after eight. By nine ... the Corella Hotel ... was full of people")
            builder.open_at(found[1], found[0])
        elif found := _set_after_a_passing_start(paragraph, builder, places):
            builder.ambience, builder.place = found
        elif not inside and builder.has_gone_on() and _only_the_clock(paragraph):
            builder.start_scene(time_shift=True)
            # (the place is set in the paragraph after: "Across the car park Kev was dragging the big gate shut")
            _adapt_paragraph(text, start, end, inside, builder, places, characters)
            builder.opening_left = max(builder.opening_left, OPENING_SENTENCES) if not builder.known else builder.opening_left
            continue
        _adapt_paragraph(text, start, end, inside, builder, places, characters)
    builder.flush()
    if heading_place and builder.scenes and not builder.scenes[0].ambience:
        builder.scenes[0] = dataclasses.replace(builder.scenes[0], ambience=heading_place[0], place=heading_place[1])
    if heading_layers and builder.scenes:
        # ("Night Call": the hour the title gives is the first scene's, when its clock leaves it open)
        first = builder.scenes[0]
        builder.scenes[0] = dataclasses.replace(first, layers=tuple(dict.fromkeys([*first.layers, *heading_layers])))
    if not builder.scenes:
        builder.scenes.append(Scene("s1-scene", lines=tuple(Line("note", text=n) for n in notes)))
        notes = []
    scenes = _places_by_their_names(_quiet_room_where_unnamed(builder.scenes, builder.unnamed, builder.dark_if_outdoors),
                                    builder.unnamed)
    # (named again for the bed the scene ended with: "s4-kitchen", not the "s4-countryside" it began as)
    scenes = [dataclasses.replace(scene, id=scene_id(number, scene.ambience, scene.place))
              for number, scene in enumerate(scenes, 1)]
    return Script(title=title or "Untitled", scenes=tuple(scenes), source=source, speech_tags="drop",
                  notes=tuple(notes))


# A title over the chapter: a few words, capitalised, with no sentence's end ("Proving", "WINTER FAIR",
# "Chapter 3: The Harbour")
# sentences a paragraph that opens on the clock may run to and still be only the time passing before the next place
CLOCK_PARAGRAPH_SENTENCES = 5
_HEADING = re.compile(r"(?=[A-Z0-9])[^\n\"“”]{1,60}(?<![.!?,;:'’])")


def _only_the_clock(paragraph: str) -> bool:
    """A paragraph that only moves the clock on, naming no place: "By seven it's full dark, and by ten past seven
    it's raining." (the place comes in the paragraph after), or opens on the hour and its weather and goes on
    with what someone did before setting out ("By half ten it was chucking it down... I left a note.")."""
    sentences = split_sentences(_clean(paragraph))
    # (a clock by the hour that brings the dark or the weather: not "By the time she had finished, the kettle was cold")
    weather_told = weather.layers_in(paragraph if len(sentences) <= 2 else sentences[0])
    return 1 <= len(sentences) <= CLOCK_PARAGRAPH_SENTENCES and establishing._TRANSITION.match(sentences[0]) is not None \
        and not re.match(r"\W*by\s+the\s+time\b", sentences[0], re.IGNORECASE) and bool(weather_told) \
        and not any(place_words.place_of(s, opening=False) or place_words.place_of(s) for s in sentences)


def _set_after_a_passing_start(paragraph: str, builder: SceneBuilder, places: Vocabulary) -> tuple[str, str] | None:
    """(bed, place word) when a scene's short first paragraph named its place only in passing ("...called to a death
    on the cardiology ward at midnight and was sitting it out in the chapel") and this paragraph, before any talk,
    sets it somewhere else ("The chapel was on the ground floor"): the scene is there."""
    if builder.ambience is None or not builder.lines or builder.has_gone_on() or not builder.known:
        return None
    found = establishing.established_place(split_sentences(_clean(paragraph))[:OPENING_SENTENCES], places)
    return (found[0], found[1]) if found and establishing.moves_on(builder.ambience, found) \
        and found[1].lower() in " ".join(line.text for line in builder.lines).lower() else None


_BOARDED = re.compile(r"^\W*(?:I|We|He|She|They|[A-Z][a-z]+)\s+(?:entered|boarded|got\s+(?:in|on|aboard)|"
                      r"climbed\s+(?:in|on|aboard)|squeezed\s+in|piled\s+in)\s*[.,;]")


def _new_place_established(paragraph: str, builder: SceneBuilder, places: Vocabulary) -> tuple[str, str] | None:
    """(bed, place word) when a narration paragraph opens by setting the story in a place with another
    bed than the scene's, once the scene has gone on a while; else None."""
    # (a first scene that never said where it is, and had its talk, ends where a paragraph sets the next one out of doors)
    if not builder.has_gone_on() or (builder.ambience is None and (builder.scenes or not builder.has_dialogue())):
        return None
    narration = []
    for sentence in split_sentences(_clean(paragraph)):
        quote = re.search(r"[\"“”‘]|^'|(?<=\s)'(?=\w)", sentence)
        if quote:       # a place named in dialogue is someone talking about it, not where the story is;
            if len(sentence[:quote.start()].split()) >= 4:      # the words before a sign's quoted text are told
                narration.append(sentence[:quote.start()])
            break
        narration.append(sentence)
    found = _aboard(establishing.established_place(narration[:OPENING_SENTENCES], places), builder)
    # ("I opened the café at five" after a night at the lifeboat station: the café ashore the story began in)
    ashore = [scene.ambience for scene in builder.scenes if found and found[0] == "ship" and scene.place == found[1]]
    found = (ashore[-1], found[1]) if ashore and ashore[-1] != "ship" else found
    if found is None and narration and builder.ambience in (*OUTDOOR_BEDS, *ROOFED_IN_WEATHER):
        found = establishing.home_arrived_at(narration[:2])
    if found is None and narration and _BOARDED.match(narration[0]) and builder.ambience not in ("car", "train", "ship") \
            and (vehicle := [w for w in re.findall(r"[a-z-]+", builder.recent.lower()) if places.patterns.word_bed.get(w) == "car"]):
        found = ("car", vehicle[-1])      # "The danfo that stopped for them..." / "Mummy, enter." / "They entered."
    if found is None and narration and (establishing._NAMED_PLACE_STATE.match(narration[0])
                                        or establishing.BUSINESS_SITS.match(narration[0])) \
            and (bed := things.bed_from_things(" ".join(narration[:OPENING_SENTENCES]))):
        found = (bed, bed)      # "The Plough was full at half past eleven. Maureen, the landlady, ... the bar"
    if found and builder.ambience is None and found[0] not in OUTDOOR_BEDS \
            and things.bed_from_things(" ".join(line.text for line in builder.lines if line.kind == "narration")) \
            in (None, "", found[0]):
        # (indoors, it may be the first scene's own room at last: "Gloria's office was a glass box"; but not when the
        # scene so far was full of another's things: the open-plan floor of desks, then "The bar at Severn Road RFC")
        return None
    return found if found and (establishing.moves_on(builder.ambience, found)
                               or establishing.later_elsewhere(narration[0], builder.place, found)) else None


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


# an opening that has the story behind glass ("the rain flung at the window", "the curtains breathe in and out")
_OUT_OF_THE_DOOR = re.compile(r"\b(?:stepped|steps|went|goes|came|comes|walked|walks|got)\s+out\s+(?:of|through)\s+(?:a|the|his|her|"
                              r"their|my|our)\s+(?:\w+\s+)?(?:door|doorway|porch|hut|tent|cabin)\b|\bcleared\s+the\s+(?:porch|doorway)\b")
_OPEN_GROUND = re.compile(r"\b(?:ice|snowfield|plateau|glacier|tundra|moor|moorland|fell|hillside|fields?|paddock)\b", re.IGNORECASE)
_GOT_OUT = re.compile(r"\b(?:got|gets|climbed|climbs|jumped|jumps|stepped|steps|clambered)\s+out\b(?!\s+(?:a|an|the|his|her|my)\s)")
_INDOORS_SAID = re.compile(r"\b(?:windows?|sash|curtains?|ceiling|pillows?|duvet|blankets?|radiator)\b", re.IGNORECASE)


def _quiet_room_where_unnamed(scenes: list[Scene], unnamed: set = frozenset(), dark_if_outdoors: set = frozenset()) -> list[Scene]:
    """A scene before any place is named gets a quiet room tone, never a bed guessed from a later
    scene; an office when its own narration is full of desks and printers (a kitchen of kettles, a
    ship of helms and hulls...). "The bridge" is a ship's when the scene is full of a ship's things."""
    placed = []
    for number, scene in enumerate(scenes):
        told = " ".join(line.text for line in scene.lines if line.kind == "narration")
        # (or a hall, a house: words too general to tell which, a village hall or a drawing room)
        if not scene.ambience or (scene.ambience == "room" and scene.place in ("", *place_words.GENERIC_WORDS)):
            bed = things.bed_from_things(told) or "room"
            scene = dataclasses.replace(scene, ambience=bed, place=scene.place if bed == "room" else bed)
        elif number in unnamed and (bed := "car" if things.car_things_in(_opening_narration(scene)) >= 2
                                    else things.bed_from_things(told)) and bed != scene.ambience \
                and not (bed in OUTDOOR_BEDS and _INDOORS_SAID.search(_opening_narration(scene))):
            # the last scene's place, but this one is full of another's things (a bus stop, the top deck)
            scene = dataclasses.replace(scene, ambience=bed, place=bed)
        elif number in unnamed and scene.ambience not in (*OUTDOOR_BEDS, *ROOFED_IN_WEATHER) \
                and _OUT_OF_THE_DOOR.search(opening := _opening_narration(scene)) \
                and (out := [layer for layer in weather.layers_in(opening) if layer in WEATHER]):
            # ("he had never stepped out of a door into anything like this. The wind took hold of him the moment he
            # cleared the porch": out in it, on open ground or in the street)
            bed = "countryside" if _OPEN_GROUND.search(told) else "street"
            scene = dataclasses.replace(scene, ambience=bed, place=bed, layers=tuple(dict.fromkeys([*scene.layers, *out])))
        elif scene.place in things.TWO_PLACES and scene.ambience in things.TWO_PLACES[scene.place]:
            bed = things.bed_from_things(told, things.TWO_PLACES[scene.place])
            scene = dataclasses.replace(scene, ambience=bed or scene.ambience)
        if scene.place not in things.HOUSING and not (scene.ambience == "car" and number in unnamed) and (
                bed := things.bed_of_opening(_opening_narration(scene), scene.ambience, number in unnamed)) \
                and not (bed in OUTDOOR_BEDS and number in unnamed and _INDOORS_SAID.search(_opening_narration(scene))) \
                and not (bed == "car" and scene.ambience in OUTDOOR_BEDS and _GOT_OUT.search(told)):
            # an office full of phones and keyboards, whose narration later recalls a field
            # (but a creek crossing driven down to, that they get out at, is where the scene is)
            scene = dataclasses.replace(scene, ambience=bed, place=bed)
        if number in dark_if_outdoors and scene.ambience in (*OUTDOOR_BEDS, *ROOFED_IN_WEATHER):
            # (out of doors after all, where the headlights and the late hour said it was dark)
            scene = dataclasses.replace(scene, layers=tuple(dict.fromkeys([*scene.layers, "night"])))
        placed.append(scene)
    return placed


def _opening_narration(scene: Scene) -> str:
    """The narration before the scene's first quote."""
    told = []
    for line in scene.lines:
        if line.kind == "dialogue":
            break
        if line.kind == "narration":
            told.append(line.text)
    return " ".join(told)


# A place by its own name opening a scene ("The Plough stands on the only hump of high ground"), and
# a later scene that opens by going back there ("We all went back to the Plough in the end")
_PLACE_NAMED = re.compile(r"(?:The\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+(?:stands|stood|is|was|sits|sat|lies|lay)\b")
_TO_NAMED = re.compile(r"\b(?:back\s+to|to|into|inside|reached)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")


def _places_by_their_names(scenes: list[Scene], unnamed: set = frozenset()) -> list[Scene]:
    """A scene whose words named no place of a kind, but which opens by going to a place an earlier
    scene opened in by its name, is there again."""
    known: dict[str, Scene] = {}
    placed = []
    for number, scene in enumerate(scenes):
        first = next((split_sentences(line.text)[0] for line in scene.lines if line.kind == "narration"), "")
        went = _TO_NAMED.search(first)
        if number in unnamed and went and went.group(1) in known:
            there = known[went.group(1)]
            scene = dataclasses.replace(scene, ambience=there.ambience, place=there.place)
        elif (name := _PLACE_NAMED.match(first)) and scene.ambience:
            known[name.group(1)] = scene
        placed.append(scene)
    return placed


def _adapt_paragraph(text, start, end, quotes, builder: SceneBuilder, places, characters) -> None:
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
                _narrate(_strip_quote_marks(before), builder, places)
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
            builder.lines[-1] = dataclasses.replace(previous, text=previous.text + " " + quote_text,
                                                    check=previous.check or quote.check)
        elif quote.speaker:
            builder.lines.append(Line("dialogue", text=quote_text, speaker=quote.speaker,
                                      direction=quote.direction, thought=quote.kind == "thought",
                                      how=quote.basis or None, check=quote.check))
        else:
            # speech nobody could be found for is read by the narrator until a producer names its speaker
            spoken = quote.kind in ("speech", "thought")
            builder.lines.append(Line("narration", text=_clean(text[opening:_after_closing_mark(text, quote.end)]),
                                      how="guess" if spoken else None, check=spoken))
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
        _narrate(_strip_quote_marks(rest), builder, places)


def _attach_tag(builder: SceneBuilder, tag: str) -> None:
    last = builder.lines[-1]
    joined = f"{last.tag} {tag}".strip() if last.tag else tag
    builder.lines[-1] = dataclasses.replace(last, tag=joined)


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


# one who goes out and drives away leaves the story where it is: "He went back out into the yard, whistling, and a
# moment later they heard his little Corsa cough into life"
# ("...and went and stood by the French windows. Out in the garden the rain was still coming down": seen through them)
_AT_THE_WINDOW = re.compile(r"\b(?:at|by|to|through|out\s+of|against)\s+(?:the|a|her|his|my|our|their)\s+(?:[\w'’-]+\s+)?"
                            r"(?:windows?|glass|panes?)\b[^.!?]*[.!?]?\s*$", re.IGNORECASE)
_GOING = re.compile(r"\b(?:I|we|he|she|they|[A-Z][a-z]+)\s+(?:\w+\s+)?(?:went|go|goes|walked|walks|stepped|steps|ran|runs|came|"
                    r"comes|hurried|climbed|slipped|followed)\b")
_DRIVEN_OFF = re.compile(r"\b(?:they|we|she|he|I)\s+(?:heard|watched|saw)\b[^.!?]{0,60}\b(?:car|van|engine|motor|bike|"
                         r"scooter|moped|truck|taxi|(?-i:[A-Z][a-z]+))\s+(?:cough|start|roar|pull|drive|rattle|splutter|fire)|"
                         r"\b(?:drove|pulled|roared|sped|rattled)\s+(?:off|away)\b")


def _narrate(text: str, builder: SceneBuilder, places: Vocabulary) -> None:
    """Narration, split where the story moves to another place or where a sound cue should fall."""
    buffer: list[str] = []
    # ("We came out anyway, because..." / a new paragraph: "The churchyard at Kilmurry slopes down...")
    stepped_out = builder.stepped_out is not None and bool(builder.lines) and builder.lines[-1] is builder.stepped_out
    told_sentences = split_sentences(_clean(text))
    for number, sentence in enumerate(told_sentences):
        for kind, piece in split_asides(sentence):
            if kind == "note":
                if buffer:
                    builder.lines.append(Line("narration", text=" ".join(buffer)))
                    buffer = []
                builder.lines.append(Line("note", text=piece))
                continue
            opening = builder.opening_left > 0
            told, over = weather.layers_in(piece, places), weather.weather_stops(piece, places)
            if not builder.known and not opening and builder.ambience is None and (bed := things.bed_from_things(
                    " ".join([*(line.text for line in builder.lines if line.kind == "narration"), *buffer]))):
                # (a first scene that has shown its room's things before any place is named is in that room: "the
                # Aga door open... a pan of soup on the hotplate... at the sink", not the field talked of later)
                builder.ambience, builder.place, builder.known = bed, bed, True
            if not builder.known and (opening or builder.ambience is None):
                # the scene's own opening names its place (the first scene: wherever it first does, but not in
                # what happened long before: "he'd gone down to the Falklands in 1982 on a ship")
                found = _place_in(piece, builder, places, opening=True, generic=builder.ambience is None)
                if found and not opening and _long_before(piece, found[1]):
                    found = None
                moved = found and builder.ambience is not None and builder.lines \
                    and _place_in(piece, builder, places, opening=False) == found
                if moved:      # the scene opened where the last one was, and then someone goes elsewhere
                    if buffer:
                        builder.lines.append(Line("narration", text=" ".join(buffer)))
                        buffer = []
                    builder.move_to(found[1], found[0])
                elif found:
                    # a place first named late in the first scene gives no layers: "had never spent a night
                    # in hospital" is not the night the scene is in; its weather is its opening's
                    (builder.ambience, builder.place), builder.known = found, True
            elif opening and builder.place in _BUILDINGS and (found := _place_in(piece, builder, places, opening=True)) \
                    and found[0] in _ROOMS_INSIDE:
                # "at the County Courthouse. I worked in the recorder's office": the room of the building
                builder.ambience, builder.place = found
            elif ((found := _place_in(piece, builder, places, opening=False))
                  # ("I went outside. The street was steaming in the sun.": the place the next sentence opens on)
                  or (stepped_out and builder.ambience not in OUTDOOR_BEDS
                      and (found := _place_in(piece, builder, places, opening=True, generic=False))
                      and found[0] in OUTDOOR_BEDS)) \
                    and establishing.moves_on(builder.ambience, found) \
                    and not _DRIVEN_OFF.search(" ".join(told_sentences[number:number + 2])) \
                    and not (builder.told_by_i and establishing.someone_else_goes(piece, " ".join(told_sentences[number + 1:number + 2]))) \
                    and not (number and _AT_THE_WINDOW.search(told_sentences[number - 1]) and not _GOING.search(piece)):
                # (the going out is the new scene's first words)
                going = [buffer.pop()] if stepped_out and buffer else []
                if buffer:
                    builder.lines.append(Line("narration", text=" ".join(buffer)))
                builder.move_to(found[1], found[0])
                builder.layers.extend(told)
                buffer = going
            stepped_out, day_already = _STEPPED_OUT.match(piece) is not None, builder.daytime
            builder.evening.read(piece)
            if builder.day_left > 0:
                builder.daytime = builder.daytime or weather.is_daytime(piece)
                builder.day_left -= 1
            if opening:
                # (not the small hours the morning's scene looks back on: "Dot's Diner opens at five-thirty, and by a
                # quarter past six the next morning..." / "...once more at four in the morning when I jerked awake")
                builder.layers.extend(layer for layer in told if layer != "night" or not day_already)
                builder.opening_left -= 1
            elif coming := weather.weather_comes(
                    piece, places, goes_somewhere=lambda: place_words.place_of(piece, places, opening=False) is not None,
                    by_day=builder.daytime):
                builder.layers.extend(coming)      # "Then the wind got up": weather that comes in is the scene's too
            for layer in set(told) & set(WEATHER):
                builder.weather_told[layer] += 1
                builder.weather_inside = builder.weather_inside or bool(_ON_THE_BUILDING.search(piece))
            for layer in over:
                builder.weather_told[layer] = float("-inf")      # over: not the scene's weather after all
            if over:    # (and weather the last scene left over this one: "The rain had quit by the time we got there")
                builder.inherited_layers = [layer for layer in builder.inherited_layers if layer not in over]
            if builder.carried and over:
                # (and a storm brought along from the last place that this one says is over)
                builder.layers = [layer for layer in builder.layers if layer not in over or layer not in builder.carried]
            buffer.append(piece)
            cues = sfx_in(piece)
            if cues:
                builder.lines.append(Line("narration", text=" ".join(buffer)))
                buffer = []
                builder.lines.extend(Line("sfx", name=name) for name in cues)
    if buffer:
        builder.lines.append(Line("narration", text=" ".join(buffer)))
    builder.stepped_out = builder.lines[-1] if stepped_out and builder.lines else None


# a sentence of what happened long before the story: a year gone by, years ago, a childhood
_BACKSTORY = re.compile(r"\b(?:in|since|of|back\s+in)\s+(?:1[89]|20)\d\d\b|\b(?:years|decades)\s+(?:ago|before)\b|"
                        r"\bas\s+an?\s+(?:boy|girl|child|kid|lad|teenager)\b|\bwhen\s+(?:he|she|I|we|they)\s+(?:was|were)\s+"
                        r"(?:young|little|small|a\s+(?:boy|girl|child|kid))\b")


def _long_before(sentence: str, word: str) -> bool:
    """True when the clause a place word is in tells of long before ("he'd gone down to the Falklands in
    1982 on a ship"; not "He had been Peter since 1979, but in this back room he was Papa"). (Only after
    a scene's opening: "Andreou's Fish Bar had been on the corner since 1974" is where the scene is.)"""
    clauses = re.split(r",\s+(?:but|and|yet|though|while)\s+|;\s*", sentence)
    return any(word in clause.lower() and _BACKSTORY.search(clause) for clause in clauses)


def _place_in(piece: str, builder: SceneBuilder, places: Vocabulary, opening: bool, generic: bool = False):
    """(bed, place word) a sentence of narration puts the story in, read as a room of the ship when the
    story is aboard one."""
    found = place_words.place_of(piece, places, opening=opening, generic=generic)
    if found is None and opening and not builder.known and establishing.keeps_hours(piece):
        return "pub", "café"    # "Rossi's on Duke Street shuts at midnight": the business a scene opens on
    if found is None and opening and (home := establishing._HOME_ON_A_STREET.match(piece)):
        return "room", home.group(1).lower()    # "My aunt's house sat at the top of a street so steep...": her house
    if found is None and _TO_THE_CORNER_BUSINESS.search(piece):
        return "pub", "business"    # "we ended up in Sandro's on the corner of Allison Street": a shop or a café
    if found is None and _TO_SOMEONES.search(piece):
        return "room", "someone's"  # "the whole parish crossed the street to Moran's": a pub, a shop or a home, by its things
    # (the farm track the rain starts on, seen through the windscreen the wipers can't keep clear: the car on it)
    # (or a scene opening on it with no place named: "First it is a few fat drops spattering the windscreen")
    if ((found and found[0] in ("street", "countryside") and found[1] not in things.HOUSING)
            or (found is None and opening and not builder.known)) \
            and things.car_things_in(builder.recent[builder.recent.rfind("\n\n") + 1:]) >= 2:
        return "car", "car"
    return _aboard(found, builder)


def _aboard(found, builder: SceneBuilder):    # (the scene's narration is read only for a ship's room a plane has too)
    told = " ".join(line.text for line in builder.lines if line.kind == "narration") if found and found[0] == "ship" else ""
    return establishing.aboard(found, builder.ambience, builder.recent, told)
