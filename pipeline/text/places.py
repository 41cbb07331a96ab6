"""Where a scene happens, in words: which bed a place calls for, and which layers (weather, night).

The place words themselves live in place_words.py; this module reads them in sentences. The
adapter reads a scene's place from its own opening ("The captain's cabin smelled of tar", "In
the kitchen, ...", "reached the street") and its weather and time as layers over that place;
the mixer uses the same words to pick a room.
A producer adds words in sounds/places.yaml:

    places:                 # bed name: words that put a scene on that bed
      office: [counting house, precinct]
      pub: [gin palace]
    layers:                 # rain, thunderstorm, wind or night (or a bed of your own)
      rain: [monsoon]

The producer's words are tried before the built-in ones, so they also take a word away from
a built-in bed. A bed name must be a built-in bed or one listed in sounds/index.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.text.place_words import (_BAR, _BAR_STATE, _MOTORWAYS, _OWNER, _WORN, GENERIC_WORDS,  # noqa: F401
                                       LAND_CABIN, PLACE_WORDS, SAINTS_CHURCH, business_named_for, figures_in)
from pipeline.text.weather import LAYER_PATTERNS, LAYERS, layers_in  # noqa: F401
from pipeline.text.clock import _CLOCK_LEAD_IN, _DAY_AND_AFTER, _TIME_LEAD_IN
from pipeline.text.place_phrases import _LOCATIVE, _MOTION, _PART_OF


# a road's side, by its own name: "Luis nosed his Subaru onto the shoulder of River Road"
_ROADSIDE = re.compile(r"\b(?:onto|on|along|off|at)\s+the\s+(?:soft\s+|gravel\s+|grass\s+|muddy\s+)?(?:shoulder|verge)\s+of\s+"
                       r"(?:the\s+)?(?:(?-i:[A-Z][\w'’-]+)\s+){0,3}(?P<place>road|street|lane|highway|avenue|drive)\b", re.IGNORECASE)
_DETERMINER = r"(?:the|a|an|this|that|his|her|their|its|my|our|your|one|another)"
# What may follow a place that is the subject of a scene's sentence: a verb or a preposition.
# ("The train north was one of the old ones": a way it runs between the place and its verb)
_AFTER_SUBJECT = (r"(?=\s*(?:next\s+door\s+|(?:north|south|east|west|northbound|southbound|eastbound|westbound|"
                  r"home|homeward|inbound|outbound|back)\s+)?"
                  # ("Leicester Forest East services only made sense at night")
                  r"(?:(?:only|never|always|usually|often|barely|hardly|already|still)\s+(?=\w+ed\b|made\b|makes\b|smelt\b|"
                  r"smells\b|was\b|is\b|had\b|has\b))?"
                  r"(?:[,;:.!?]|$|(?:was|were|is|are|had|has|have|lay|stood|sat|seemed|looked|felt|took|made|makes|"
                  r"kept|held|grew|fell|rose|shook|rang|smelt|smelled|stank|filled|of|at|on|in|for|above|below|beside|"
                  r"behind|near|by|where|that|which|itself|to|from|ran|runs|ends|led|leads|wound|winds|along|across|"
                  # ("The bus shelter outside Aldi is on the ring road": "The street outside was empty" is a view)
                  r"(?:outside|opposite|facing)(?=\s+(?:the|a|an|this|that|our|my|his|her|their|(?-i:[A-Z])))|"
                  r"beside|past|through|under|over|\w+ed|"
                  # ("The lane down from Cold Keld drops through a tunnel of thorn hedges")
                  r"(?:down|up)(?=\s+(?:from|to|through|into|past|towards?)\b)|"     # and the present tense's ("Gran's kitchen looks like")
                  r"lies|stands|sits|seems|looks|feels|takes|keeps|holds|grows|falls|rises|shakes|rings|smells|fills|"
                  r"stops|halts|slows|lurches|sways|shudders|idles)\b))")
_SPOKEN_OF = r"(?:name|word|words|thought|idea|mention|memory|memories|picture|photo|photograph|map|sign|smell|sound)"
# or a way past something to the place, with no comma: "Down past the pier the beach is just shapes" (not a view
# across or beyond, which is seen from elsewhere)
_WAY_LEAD_IN = (r"(?:(?:down|up|out|back|away|right|just|further|farther)\s+)?(?:past|behind|beside|along|near|under|"
                r"round|around)\s+(?:the|a|an|this|that)\s+"
                r"(?!(?:[\w'’-]+\s+){0,2}?(?:windows?|glass|panes?|curtains?|blinds?)\b)(?:[\w'’-]+\s+){0,2}?")
# (two of them too: "At ten to eleven, forty minutes up Highway 11, the bus stops."; not a view through the glass:
# "Outside the treatment room window, Main Street was doing what Main Street did")
_GLASS = r"(?!(?:windows?|glass|windscreen|windshield|pane)\b)"
_LEAD_IN = (rf"(?:{_TIME_LEAD_IN}|{_DAY_AND_AFTER}|(?:{_GLASS}[\w'’-]+\s+){{0,4}}{_GLASS}[\w'’-]+,\s+|{_CLOCK_LEAD_IN}|"
            rf"{_WAY_LEAD_IN}){{0,2}}")
# ("The kitchen had not changed in years" is where the scene is, as it always was)
# ("The low field was not a field any more": still where the scene is, changed)
_DENIED = re.compile(r"\s*(?:\w+\s+)?(?:never|not|n't|no longer|hardly)\b(?!\s+(?:\w+\s+)?(?:changed|altered|moved)"
                     r"|\s+an?\s+(?:[\w-]+\s+){1,2}any\s*more\b)", re.IGNORECASE)
_ITS_PEOPLE = re.compile(r"\b(?:whole|entire)\s+\w+\s*$", re.IGNORECASE)
_PEOPLE_DO = re.compile(r"\s*(?:\w+ly\s+)?(?:turned|turns|laughed|laughs|cheered|cheers|went\s+quiet|fell\s+silent|"
                        r"looked|looks|stared|stares|gasped|gasps|clapped|claps|roared|roars|held\s+its\s+breath|knew)\b")


def the_people_in_it(subject: re.Match) -> bool:
    """A place as the subject that stands for everyone in it: "The whole shop turned round"."""
    return bool(_ITS_PEOPLE.search(subject.group(0))) and _PEOPLE_DO.match(subject.string, subject.end()) is not None


_BARE = ("home", "town", "church", "hospital", "market", "sea")
_NUMBERED = ("room", "ward", "platform", "cabin", "studio", "dock", "pier", "hall", "court", "cutblock", "camp")
# places known only by a capitalised number, and what they are: "Stage 4 has become a motel room" is a soundstage
# (not "caught at stage two", "Stage 4 cancer")
_NUMBERED_AS = {"stage": "soundstage"}
_NUMBERED_AS_PATTERN = {"stage": r"(?-i:Stage)(?!\s+\w+\s+(?:cancer|tumou?r|melanoma|lymphoma|of)\b)"}
_ORDINAL = (r"(?-i:\d{1,4}[A-Z]?|(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|"
            r"[Tt]hirteen|[Ff]ourteen|[Ff]ifteen|[Ss]ixteen|[Ss]eventeen|[Ee]ighteen|[Nn]ineteen|[Tt]wenty)(?!-))\b")
# "wood" is a place by its name ("Hollin Wood") or on its own ("into the wood, ..."), not "a wood fire", "wood-cutter"
_WOOD = r"(?:(?-i:Wood)|wood(?=\s*[,.;:!?]|\s*$|\s+(?:at|in|on|by|near|behind|beyond|where|was|were|is|had)\b))"
# A motorway by its number ("on the M62", "the I-95"): the story is in a car on it.
_ROAD_NUMBER = r"(?-i:M\d{1,2}|I-\d{1,3}|(?:Route|Highway|Interstate)\s+\d{1,3})"
# the same as bed_of writes it: "m62", "route 9"
_ROAD_WORD = re.compile(r"m\d{1,2}|i-\d{1,3}|(?:route|highway|interstate) \d{1,3}")
# Part of a place, named with the whole it is part of ("the top deck of the car park", "the corridors of the hospital").
_PART_WORDS = ("deck", "top deck", "cabin", "corridor", "hallway", "landing", "lobby", "foyer",
               # "the waiting room of the accident and emergency department" is the hospital's
               "waiting room", "reception", "canteen")
_ROOMS_OF_A_PLACE = ("waiting room", "reception", "canteen")
# The last word of a firm's own name: the firm is an office ("Hale & Marsh Solicitors", "Saltley Bay Property")
_FIRMS = (r"Property|Properties|Estate\s+Agents|Lettings|Solicitors|Associates|Partners|Insurance|Accountants|Ltd|"
          r"Limited|Inc|LLP|Agency|Consultants|Consultancy|Holdings|Realty|Realtors|Recruitment|Logistics|"
          # a shop by its own name: "on the tables at Hale Mary Tattoo"
          r"Tattoo|Tattoos|Florists|Barbers|Hairdressers|Launderette|Laundromat")
_SHOP_FIRMS = ("tattoo", "tattoos", "florists", "barbers", "hairdressers", "launderette", "laundromat")
# a hospital by its own name with no "hospital" in it: "the waiting room at Dorsey County Memorial"
_HOSPITAL_NAMED = re.compile(r"\s+(?:of|at|in)\s+(?:the\s+)?(?-i:(?:[A-Z][\w'’.-]+\s+){1,3}(?:Memorial|General))\b"
                             r"(?!\s+(?-i:[A-Z]))")


@dataclass(frozen=True)
class Vocabulary:
    """Place words (bed -> words) and layer patterns, the producer's words tried first."""
    places: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(PLACE_WORDS))
    layers: dict[str, str] = field(default_factory=lambda: dict(LAYER_PATTERNS))
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict)   # producer's place words

    def _word_map(self) -> dict[str, str]:
        word_bed: dict[str, str] = {}
        for bed, words in self.places.items():
            for word in words:
                word_bed.setdefault(word.lower(), bed)
        for bed, words in self.extra.items():   # the producer's words win
            for word in words:
                word_bed[word.lower()] = bed
        return word_bed

    @property
    def patterns(self) -> "_Patterns":
        key = id(self)
        cached = _PATTERN_CACHE.get(key)
        if cached is None or cached[0] is not self:
            cached = (self, _Patterns(self._word_map(), self.layers))
            _PATTERN_CACHE[key] = cached
        return cached[1]


_PATTERN_CACHE: dict[int, tuple[Vocabulary, "_Patterns"]] = {}
_NO_HEADS = ("arms", "suite", "sea", "bay", "town", "city", "village", "room", "rooms", "lounge", "bar", "deck", "strip",
             "waiting room", "block")


class _Patterns:
    def __init__(self, word_bed: dict[str, str], layers: dict[str, str]):
        self.word_bed = word_bed
        # "sitting-room" is the "sitting room" of older books
        # ("fell" only as a hill's name, "Gillthwaite Fell": the rain fell anywhere; "the Embankment" a London street,
        # not a flood bank)
        words = "|".join(_WOOD if w == "wood" else "(?-i:ford)" if w == "ford" else "(?-i:Fell)" if w == "fell"
                         else "(?-i:Embankment)" if w == "embankment" else "(?-i:Arms)" if w == "arms" else "(?-i:Mile)" if w == "mile"
                         else "(?-i:Grill)" if w == "grill"      # "the Sunrise Grill", not the grill the bacon is under
                         # (not the bus that stops: "forty minutes up Highway 11, the bus stops.")
                         else r"bus[\s-]stop(?!s\s*[.!?,;]|s\s+(?:dead|suddenly|short|again|and)\b)" if w == "bus stop"
                         else "(?-i:Suite)" if w == "suite" else r"detachment(?!\s+of\b)" if w == "detachment"
                         # (someone's block is their block of flats: "the stairs of my sister's block"; not "round the block")
                         else r"(?:(?<=['’]s\s)|(?<=\b[Mm]y\s)|(?<=\b[Oo]ur\s))block(?!\s+(?:of|capitals|letters))" if w == "block"
                         else f"(?-i:{re.escape(w)})".replace(r"\ ", r"[\s-]") if w[0].isupper()
                         else re.escape(w).replace(r"\ ", r"[\s-]")
                         for w in sorted(word_bed, key=len, reverse=True)) + f"|{_ROAD_NUMBER}"
        # up to three words between the article and the place, none of them a preposition or a verb
        # ("in time for the train" is no train), nor an article ("in the spring twilight the train": no train)
        # (nor "at": "Mum is a nurse at City Hospital" is no hospital of that name)
        free = r"(?:(?!(?:of|for|with|to|at|in|on|and|or|but|from|by|was|were|is|had|the|a|an)\b)[\w'’&-]+\s+)"
        # (the last of two place words is the place: "the test centre car park", "the church hall kitchen")
        # (not a word that only says what part: "the hospital corridor" is the hospital's, "the galley below decks" the galley)
        heads = "|".join(re.escape(w).replace(r"\ ", r"[\s-]") for w in sorted(word_bed, key=len, reverse=True)
                         if w not in GENERIC_WORDS and w not in _NO_HEADS and not re.match(r"(?:below|on|in|at|under)\s", w))
        head = rf"(?!\s+(?:{heads}|{_WORN})\b)"
        noun = rf"{free}{{0,3}}?(?P<place>{words})(?:s|es)?\b{head}"
        # an article or an owner before the place ("going to train" is no train), except the few
        # places English names bare ("at home", "in town", "to church")
        bare = "|".join(w for w in _BARE if w in word_bed)
        # or a place by its number: "in Room 14", "on Platform 3", "on Ward Nine"
        numbered = "|".join([*(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in _NUMBERED if w in word_bed),    # ("room six" too)
                             *(_NUMBERED_AS_PATTERN[w] for w, as_word in _NUMBERED_AS.items() if as_word in word_bed)])
        # (and "the Yalpara strip", "the Durkan kitchen": a place's own name between the article and the word)
        owner = (rf"(?:(?:{_DETERMINER}(?:\s+(?-i:[A-Z][\w'’-]+)(?=\s+(?-i:[a-z])))?|(?!(?-i:{numbered})\s+{_ORDINAL}){_OWNER})"
                 rf"\s+{noun}|(?P<bare>{bare})\b|"
                 rf"(?-i:(?P<numbered>{numbered}))\s+{_ORDINAL}|(?P<road>{_ROAD_NUMBER})\b)")
        self.locative = re.compile(rf"\b{_LOCATIVE}\s+{_PART_OF}{owner}", re.IGNORECASE)
        # (up on to a roof is onto the place: "climbed all seven flights to the roof of the multi-storey")
        self.motion = re.compile(rf"\b{_MOTION}\s+(?:the\s+(?:open\s+|flat\s+)?(?:roof|top)\s+of\s+)?{owner}", re.IGNORECASE)
        # a way walked round by the water or a field: "the four of us walked the long way round the harbourside"
        self.round = re.compile(rf"\b(?:walked|walking|went|way)\s+(?:\w+\s+)?(?:a)?round\s+{_PART_OF}{owner}", re.IGNORECASE)
        # weather come over a place: "the storm arrived over the High Street"
        self.over = re.compile(rf"\b(?:over|across|upon)\s+{_PART_OF}{owner}", re.IGNORECASE)
        # the lights or the sky over a place, opening a scene: "The floodlights over the hockey pitch are on"
        self.lit = re.compile(rf"^\W*{_LEAD_IN}(?:the|a)\s+(?:[\w'’-]+\s+){{0,2}}?(?:floodlights?|lights?|lamps?|sky|"
                              rf"skies|clouds?|moon|sun|stars|mist|fog|rain)\s+(?:over|above|on|along)\s+{_PART_OF}{owner}",
                              re.IGNORECASE)
        # a wild place by its own name with no article: "at Bindi Creek", "in Hollin Wood" (not "on Quarry Street", "in
        # Cedar Rapids", "at Saltley Bay Property": a shop's or a firm's address, a town, a firm's name)
        self.named_locative = re.compile(rf"\b{_LOCATIVE}\s+{_PART_OF}(?-i:(?!(?:The|A|An|This|That|His|Her|Their|Its|My|Our|"
                                         rf"Your)\b)[A-Z][\w'’-]+\s+(?:[A-Z][\w'’-]+\s+)?)(?-i:(?=[A-Z]))"
                                         rf"(?P<place>{words})\b(?!\s+(?-i:[A-Z]))", re.IGNORECASE)
        # a place of its kind by a road's or a district's name: "at Trinity Road police station", "in Hebden car park"
        self.named_kind = re.compile(rf"\b{_LOCATIVE}\s+{_PART_OF}(?-i:(?!(?:The|A|An|This|That|His|Her|Their|Its|My|Our|"
                                     rf"Your)\b)[A-Z][\w-]+\s+(?:[A-Z][\w-]+\s+)?)(?-i:(?=[a-z]))(?P<place>{words})\b",
                                     re.IGNORECASE)
        # at its door: "the notice pinned to the door of Thursby village hall", "on the steps of the Crown Court"
        # (or of a place by its own name: "Thursby village hall")
        named = r"(?-i:(?!(?:The|A|An|This|That|His|Her|Their|Its|My|Our|Your)\b)[A-Z][\w-]+)"
        # (and at its windows, where the weather is seen from: "makes the windows of the ranger station look like
        # they're sweating")
        self.threshold = re.compile(rf"\b(?:door|doors|doorway|entrance|steps|gates?|threshold|porch|windows)\s+of\s+"
                                    rf"(?:{_DETERMINER}|{_OWNER}|{named})\s+{noun}", re.IGNORECASE)
        self.subject = re.compile(
            # (not "The name Alder Street rings a bell", "the thought of the sea": a place spoken of)
            # (three capitalised words too: "The Tolliver County Extension Office sat", not "the top of the slipway")
            rf"^\W*{_LEAD_IN}(?:(?:{_DETERMINER}|{_OWNER})\s+(?!{_SPOKEN_OF}\b)(?:(?:[\w'’&-]+\s+){{0,2}}?|"
            rf"(?-i:(?:[A-Z][\w'’-]+\s+){{3}}))|"
            # or a place's own name right before it: "Dunmere station was two benches"
            rf"(?-i:[A-Z][\w-]+(?:\s+(?:and|&)\s+[A-Z][\w-]+)?(?:\s+[A-Z][\w-]+){{0,2}})\s+)(?P<place>{words})(?:s|es)?\b{head}"
            # (and a letter or number it goes by: "County Road K runs south", "Hangar 4 was cold")
            rf"(?:\s+(?-i:[B-HJ-Z]|\d{{1,4}}[A-Z]?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)?{_AFTER_SUBJECT}"
            # or by its number: "Court Three is panelled in oak"
            rf"|^\W*{_LEAD_IN}(?-i:(?P<numbered>{numbered}))\s+{_ORDINAL}\b{_AFTER_SUBJECT}", re.IGNORECASE)
        # a street by its own name, where the sentence opens: "On Wickerdale Lane the water had stopped rising"
        self.fronted_street = re.compile(rf"^\W*(?:{_TIME_LEAD_IN})?(?:on|in|along|down|up)\s+(?-i:(?:[A-Z][\w'’-]+\s+){{1,2}})"
                                         r"(?P<place>(?-i:Street|Lane|Road|Avenue|Drive|Close|Crescent|Terrace|Boulevard))\b",
                                         re.IGNORECASE)
        # ("Out on the pitch the rain was falling", "Down at the harbour...", "Afterwards, in the farmhouse kitchen")
        self.fronted = re.compile(rf"^\W*(?:{_TIME_LEAD_IN}|(?:afterwards?|later|then|meanwhile|eventually),?\s+)?"
                                  r"(?:(?:out|down|up|back|over|outside)\s+)?"
                                  rf"(?:in|inside|within|at|aboard|on\s+board|on)\s+{owner}", re.IGNORECASE)
        self.layers = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in layers.items()}
        # a firm by its own name is its office: "Monday at Saltley Bay Property began with two phones ringing"
        self.firm = re.compile(r"\b(?:at|in|inside)\s+(?-i:(?:(?:[A-Z][\w'’.-]*|&|and)\s+){1,4}"
                               rf"(?P<place>{_FIRMS}))\b(?!\s+(?-i:[A-Z]))", re.IGNORECASE)
        # "Holloway Junction was a two-platform station", "The Drovers Arms stood across the road,
        # a low whitewashed pub": a place's own name, then what it is
        self.defined = re.compile(
            rf"^\W*{_LEAD_IN}(?!(?-i:Mr|Mrs|Ms|Miss|Dr|Sir|Lady)\b)(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}})\s+"
            rf"(?:(?:was|is)\s+|(?:stood|stands|sat|sits|lay|lies|(?:was|is)\s+(?:on|at|in|by|near|opposite))\b[^.;,]*,\s+)"
            rf"(?:a|an|the\s+only)\s+{noun}"
            r"(?=\s*[,.;:!?]|\s*$|\s+(?:with|on|in|at|by|near|under|beneath|below|behind|off|where|that|which|whose|and|of)\b)",
            re.IGNORECASE)
        self.whole = re.compile(rf"\s+of\s+(?:{_DETERMINER}|{_OWNER})\s+{noun}", re.IGNORECASE)
        # ("the waiting room at the clinic" too, but not "the cabin in the woods")
        self.whole_at = re.compile(rf"\s+(?:of|at|in)\s+(?:{_DETERMINER}|{_OWNER})\s+{noun}", re.IGNORECASE)
        # a place by its own name likened to its kind: "St. Agnes smelled the way every hospital smells", "Rosie's
        # looked like any diner" (a saint's name or a possessive: a person likened to a pub is still a person)
        self.likened = re.compile(
            rf"^\W*(?:The\s+)?(?-i:(?:St\.?|Saint)\s+[A-Z][\w'’-]*|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s)\s+"
            rf"(?:smelled|smelt|smells|looked|looks|sounded|sounds|felt|feels)\s+(?:(?:just|exactly|much)\s+)?"
            rf"(?:like|the\s+way)\s+(?:a|an|any|every|all|most)\s+{noun}", re.IGNORECASE)
        # a place's body shaking or ringing: whoever feels it is inside ("the whole front of the pub shuddered")
        self.shaken = re.compile(
            rf"\b(?:the|its)\s+(?:whole\s+|entire\s+)?(?:front|back|inside|interior|walls?|windows?|roof|floor|ceiling|"
            rf"rafters|timbers)\s+of\s+(?:{_DETERMINER}|{_OWNER})\s+{noun}\s+(?:seemed\s+to\s+|seems\s+to\s+)?"
            r"(?:shake|shook|shakes|shudder|shuddered|shudders|rattle|rattled|rattles|tremble|trembled|trembles|creak|"
            r"creaked|creaks|groan|groaned|groans|ring|rang|rings|echo|echoed|echoes)\b", re.IGNORECASE)
        # weather on a vehicle's body is heard from inside it: "the rain struck the carriage panels"
        vehicles = "|".join(w for w in _VEHICLES if w in word_bed)
        self.struck = re.compile(rf"\b(?:the|our|their|his|her|its)\s+(?P<place>{vehicles})(?:['’]s)?\s+"
                                 r"(?:panels?|windows?|roof|windscreen|windshield|wheels|springs|doors?|sides|bodywork)\b",
                                 re.IGNORECASE)

    def bed_of(self, match: re.Match) -> tuple[str, str]:
        if match.re is self.firm:
            return ("shop", "shop") if match.group("place").lower() in _SHOP_FIRMS else ("office", "office")
        groups = match.groupdict()
        word = (groups.get("bare") or groups.get("numbered") or groups.get("road") or match.group("place")).lower()
        word = _NUMBERED_AS.get(word, word) if groups.get("numbered") else word
        word = word if word in self.word_bed else re.sub(r"[\s-]+", " ", word)
        # a name's last word may be the start of the place: "County Road K" is a county road, not a street
        before = re.search(r"\b([A-Za-z]+)[\s-]+$", match.string[:_where(match)])
        if before and f"{before.group(1).lower()} {word}" in self.word_bed:
            word = f"{before.group(1).lower()} {word}"
        # ("in the back room of the Lamplighter, a bar on the Cowgate": a room of the place the name says it is)
        named_whole = re.match(r"\s+of\s+the\s+(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*),\s+an?\s+((?:[\w'’-]+\s+){0,2}?[\w'’-]+)\b",
                               match.string[match.end():]) if word in GENERIC_WORDS else None
        if named_whole and (kind := next((w for w in (" ".join(named_whole.group(1).lower().split()[-n:]) for n in (2, 1))
                                          if (w in self.word_bed or w == "bar") and w not in GENERIC_WORDS), None)):
            return self.word_bed.get(kind, "pub"), kind
        whole_of = self.whole_at if word in _ROOMS_OF_A_PLACE else self.whole
        if word in _ROOMS_OF_A_PLACE and _HOSPITAL_NAMED.match(match.string, match.end()):
            return "hospital", "hospital"
        if word in _PART_WORDS and (whole := whole_of.match(match.string, match.end())):
            bed, whole_word = self.bed_of(whole)     # "the top deck of the car park" is the car park
            # "the foyer of the hotel" stays a foyer, "the lobby of the Harbour Hotel" a lobby, not a harbour
            # (but "the waiting room of the Acute Medical Unit at City Hospital" is the unit's: its own capitals)
            # (and not "the canteen at the Heath": one capitalised word is a name of its own)
            named = re.search(r"\b[A-Z]", whole.string[whole.start():whole.start("place")]) \
                or re.match(r"\s+(?-i:[A-Z])", whole.string[whole.end():]) \
                or (whole.group("place")[:1].isupper() and " " not in whole.group("place"))
            if whole_word not in GENERIC_WORDS and not named:
                return bed, whole_word
        if _ROAD_WORD.fullmatch(word):
            return "car", word
        if word == "cabin" and LAND_CABIN.search(match.string):
            return "room", word
        if re.fullmatch(r"(?-i:Cars|Cabs|Taxis|Coaches)", match.string[_where(match):match.end()]) \
                and re.search(r"(?-i:[A-Z][\w'’-]*)\s+$", match.string[:_where(match)]):
            return "office", "office"   # "Easton Star Cars occupied a narrow shopfront": a cab firm, at its desk
        return self.word_bed.get(word, "pub" if word == "bar" else ""), word


DEFAULT = Vocabulary()


def too_general(word: str, match: re.Match) -> bool:
    """"The room" could be anywhere; "room six" is somewhere."""
    return word in GENERIC_WORDS and not match.groupdict().get("numbered")


def a_verb(match: re.Match) -> bool:
    """"A shadow falls over the table": the place word is a verb here ("the falls", "Reichenbach Falls" are places)."""
    return not re.search(r"\b[Tt]he\s+falls\b|\bFalls\b", match.group(0))


def _where(match: re.Match) -> int:
    """Where the place word of a match starts."""
    return next(match.start(g) for g in ("bare", "numbered", "road", "place") if match.groupdict().get(g))


# open ground keeps its own word for a name: "down to the Shore", "across the Green"
_OPEN_GROUND = {word for bed in ("shore", "countryside", "forest", "garden") for word in PLACE_WORDS[bed]}


def named_by_it(match: re.Match) -> bool:
    """True when the place word is a business's or a boat's own name, "The" and one capitalised word ("The
    Galley opened at six" is a diner, "the Anchor" a pub), not the place it says (nor open ground: "the Shore")."""
    where, word = _where(match), match.groupdict().get("place") or ""
    # (one word: "Galley", not "Crown Court" nor "M62")
    # (a trade name that is the thing itself, "The Portakabin was still there", is no business of that name)
    return word[:1].isupper() and word[1:].isalpha() and word[1:].islower() and word.lower() not in ("portakabin", "portacabin") \
        and re.search(r"\b[Tt]he\s+$", match.string[max(0, where - 4):where]) is not None \
        and not (word.lower() in _OPEN_GROUND and not re.match(r"\s+(?-i:[A-Z])", match.string[match.end():]))


def _later_clause_subject(patterns: "_Patterns", sentence: str) -> re.Match | None:
    """The place a later clause has as its subject ("The ovens had been on since three, and by
    five the whole shop smelled of bread", "it was gone eleven and the whole street was a smear
    of orange"), matched on the clause's own text."""
    for c in re.finditer(r"(?:,\s+(?:and|but)|;|(?P<bare>(?<=[a-z])\s+and))\s+", sentence):
        clause = sentence[c.end():]
        found = patterns.subject.match(clause)
        # (not a way up to somewhere a later clause speaks of: "and the lane up to Low Hows was so steep that my
        # little Fiesta took it in first": the drive there, not the scene; a paragraph opening on one is)
        if found and re.match(r"\s+(?:down|up)\b", clause[found.end():]):
            found = None
        # after a bare "and" only "the" place with its verb: "between a chandler's and a shuttered
        # customs office," joins two nouns, not two clauses
        # ("and the dining veranda at Olkeri Lodge was full of light": the place's own name may stand between)
        # (or a place by its number: "it is full dark and Stage 4 has become a motel room")
        if found and c.group("bare") and not ((re.match(r"the\s", clause, re.IGNORECASE) or found.group("numbered"))
                                              and re.match(
                r"(?:\s+(?:at|of|in|on)\s+(?:the\s+)?(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*))*)?"
                r"\s+(?:was|were|is|are|had|has|lay|lies|stood|stands|seemed|seems|looked|looks|smelt|smelled|smells|stank|"
                r"stinks|reeked|reeks|rang|rings|shook|shakes|filled|fills|hummed|hums)\b",
                clause[found.end():])):
            found = None
        # (nor one that calls someone something, as an office does: "whom nobody but his mother and the county tax
        # office had called Wendell in thirty years")
        if found and re.match(r"\s+(?:had\s+|has\s+|have\s+)?(?:called|rang|rung|wrote|written|phoned|sent|said|told|asked|"
                              r"billed|fined|summoned)\b", clause[found.end():]):
            found = None
        if found:
            return found
    return None


_ADDRESS_BEFORE = re.compile(r"\W*(?:The\s+)?(?-i:[A-Z][\w'’&-]*)(?:\s+(?-i:[A-Z][\w'’&-]*))*\s+(?:(?:out|up|down|just|right)\s+)?"
                             r"(?:on|off)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+)*$")
# a building that stands somewhere: "The parsonage at Fernley stood a little apart from the village, at the head of a
# lane" is where the house is, and the scene is in it
_STANDS_AT = re.compile(r"\W*(?:The|A|An|Our|Their|His|Her|My)\s+(?:[\w'’-]+\s+){0,4}?(?:stood|stands|sat|sits|lay|lies|"
                        r"perched|nestled|crouched)\b[^.;:!?]{0,80}?\b(?:at|on|by|beside|near)\s+(?:the\s+)?(?:head|end|foot|top|"
                        r"bottom|edge|corner|side)?(?:\s+of)?\s*(?:a|an|the)?\s*$", re.IGNORECASE)
_DRIVEN_OFF = re.compile(r"\s+and\s+(?:drove|pulled|sped|roared|rattled|chugged|set)\s+(?:off|away)\b")
_LIVES_AT = re.compile(r"\b(?:lived|lives|live|living)\s+(?:[\w'’-]+\s+){0,6}$", re.IGNORECASE)
_WILD_BEDS = ("countryside", "forest", "shore")
# Vehicles whose body the weather strikes (see _Patterns.struck).
_VEHICLES = ("carriage", "coach", "car", "taxi", "train", "bus", "van", "lorry", "truck", "wagon", "plane", "helicopter")
# A vehicle is where the scene is only from inside it ("in the car", "aboard the coach"), and
# not when the journey is over ("she had come down in the carriage").
_VEHICLE_BEDS = ("car", "carriage", "train", "aircraft", "helicopter")
_SEEN_OUT = re.compile(r"\W*(?:outside|out\s+of\s+the\s+window|through\s+the\s+(?:window|glass))\b", re.IGNORECASE)
# Beds heard from inside a building: "the bins behind the garage", "outside the church" are out of doors
_INDOOR_BEDS = ("room", "kitchen", "office", "shop", "pub", "church", "hospital")
# (and on the way to it: "the four of us walked the long way round towards Brenda's flat")
_BESIDE = re.compile(r"(?:outside|near|beside|behind|across|towards?)\b", re.IGNORECASE)
# (but "the corridor outside Ward Nine" is a corridor of the hospital)
_INDOOR_BEFORE = re.compile(r"\b(?:corridor|hallway|hall|landing|passage|lobby|foyer|waiting\s+area|bench|benches|"
                            r"chairs?|seats?|desk|counter)\s+$", re.IGNORECASE)
_INTO_VEHICLE = re.compile(r"\b(?:in|into|inside|onto|on\s+board|boarded|joined|entered)\b", re.IGNORECASE)
_INSIDE = re.compile(r"(?:in|into|inside|within|on|on\s+board|boarded)\b", re.IGNORECASE)
_JOURNEY_BEFORE = re.compile(r"\bhad\s+(?:\w+\s+)?(?:come|gone|driven|ridden|travell?ed|arrived|been\s+driven)\b"
                             r"[^,;.!?]*$", re.IGNORECASE)
# A place someone did not want to be in, or someone else went off to: "I did not want to sit in my flat",
# "Danny had gone the other way in a taxi", "the man who had walked into our kitchen" (told of the
# words before the place, in its clause).
_NOT_HERE = re.compile(
    r"(?:\b(?:who|that)\s+had\s+(?:\w+\s+)?(?:walked|come|gone|run|burst|stormed|marched|stepped|wandered|strolled|"
    r"hurried|rushed|barged|driven|followed\s+\w+)\s+(?:in|into|out|through|up|down|across|to|onto)\b|"
    r"(?:\bnot|n['’]t|\bnever)\s+(?:\w+\s+){0,2}?(?:want|wish|mean|intend|care|like|dare|bear)\w*\s+to\b|"
    # ("my own Taid, who wouldn't go to hospital either": someone's refusal, not a going)
    r"(?:\bnot|n['’]t|\bnever)\s+(?:\w+\s+)?(?:go|come|walk|run|set\s+foot|step)\s+(?:in)?to\b|"
    r"\brather\s+than\b|\binstead\s+of\b|\bhad\s+(?:already\s+)?left\s+(?:in|on|by|aboard)\s+(?:\w+\s+){0,2}$|"
    r"\bhad\s+(?:already\s+)?(?:gone|driven|headed|set\s+off)\s+(?:off\s+|on\s+)?(?:the\s+other\s+way|away|off|ahead|home)\b|"
    # "every dog in the valley has found something", "anyone at all who came onto the farm": all, not the story's place
    r"\b(?:every|each|any|no)\s+(?:[a-z]+\s+){1,2}?(?:in|on|at|across|around)\s+(?:the|this|our|that)\s+(?:[a-z-]+\s+)?$|"
    r"\b(?:anyone|anybody|everyone|everybody|nobody|no\s+one|people|those)\s+(?:at\s+all\s+)?(?:who|that)\s|"
    # ("so the laugh went out on to the pitch with us": a mood, a sound or the news carried there, no one going)
    r"\b(?:the|a|an|that|this|our|their|his|her|my)\s+(?:laugh|laughter|joke|mood|noise|nerves|feeling|smell|sound|"
    r"music|news|word|rumou?r|talk|song|chant|cheer|cheering|singing|panic|excitement|tension|silence)\s+"
    r"(?:\w+\s+)?(?:went|goes|came|comes|got|gets|spread|spreads|carried|drifted)\b)"
    r"[^,;.!?]*$", re.IGNORECASE)


# a subject that lies above, below or beyond another place: "The town was still asleep above the quay"
_SEEN_FROM = re.compile(r"\s+(?:was|were|is|are|lay|lies|stood|stands|sat|sits|rose|rises|loomed|looms)\b[^,.;:!?]{0,40}?"
                        r"\b(?:above|below|beneath|beyond|overlooking)\s+(?=the\s)")
# a building shut up for the night is seen from outside it: "The Larkhill Community Centre sits at the top of its little
# car park like a ship that's run aground, all its windows black, a steel shutter pulled down over the double doors"
_SHUT_UP = re.compile(r"\s+(?:(?:is|was)\s+(?:shut|closed|boarded\s+up|padlocked|locked\s+up)\b|"
                      r"(?:sits|sat|stands|stood|is|was|lies|lay)\b[^.;:!?]{0,120}?\b(?:all\s+its\s+windows\s+(?:black|dark)|"
                      r"(?:its|a)\s+(?:steel\s+|metal\s+|roller\s+)?shutters?\s+(?:pulled|rolled)\s+down)\b)")


_LATER_HOUR = re.compile(r"(?:by|at|after|until)\s+(?:(?:half\s+past\s+|(?:a\s+)?quarter\s+(?:past|to)\s+)?(?:one|two|three|four|"
                         r"five|six|seven|eight|nine|ten|eleven|twelve|noon|midday|\d{1,2}(?:[.:]\d\d)?)|(?:five|ten|twenty|"
                         r"twenty-five|half|(?:a\s+)?quarter)\s+past)\b", re.IGNORECASE)


def place_of(sentence: str, vocabulary: Vocabulary = DEFAULT, opening: bool = True,
             generic: bool = True) -> tuple[str, str] | None:
    """(bed, place word) a sentence puts the action in, or None (`generic=False`: not "the room").

    In a scene's opening the subject of a sentence names the place ("The courtyard was flooded")
    as well as a locative ("in the kitchen"); later only a movement does ("she ran into the street").
    """
    patterns, sentence = vocabulary.patterns, SAINTS_CHURCH.sub(r"\1\2 church", sentence)
    if opening:
        subject = patterns.subject.search(sentence)
        if subject and (_DENIED.match(sentence, subject.end()) or the_people_in_it(subject)):
            subject = None     # "The forest was never mentioned": named, not a place the scene is in
            # (nor "The whole shop turned round": the people in it)
        seen_from = _SEEN_FROM.match(sentence, subject.end()) if subject else None
        if seen_from:
            # "The town was still asleep above the quay": the story is on the quay, looking up
            # (but no one stands on the motorway below a cemetery to look up at it)
            below = patterns.subject.search(sentence[seen_from.end():])
            subject = below if below and patterns.bed_of(below)[0] not in _VEHICLE_BEDS else subject
        if subject and _SHUT_UP.match(sentence, subject.end()):
            # (outside it: the place it sits in, or the street)
            outside = patterns.locative.search(sentence, subject.end())
            subject = outside if outside and outside.group(0).split()[0].lower() in ("in", "at", "on") else None
            if subject is None:
                return "street", "street"
        defined = patterns.defined.match(sentence)
        candidates = [m for m in (subject, patterns.locative.search(sentence), patterns.named_locative.search(sentence),
                                  patterns.named_kind.search(sentence), defined,
                                  patterns.motion.search(sentence), _BAR.search(sentence), _BAR_STATE.search(sentence),
                                  _ROADSIDE.search(sentence)) if m]
        candidates += [m for m in (_later_clause_subject(patterns, sentence), patterns.threshold.search(sentence),
                                   patterns.fronted_street.match(sentence),
                                   patterns.likened.match(sentence), patterns.shaken.search(sentence),
                                   patterns.firm.search(sentence),
                                   # ("Outside, the sky over the Coventry Road was the flat white of November": a view)
                                   patterns.lit.match(sentence) if not _SEEN_OUT.match(sentence) else None) if m]
        struck = patterns.struck.search(sentence)
        if struck and layers_in(sentence, vocabulary):
            candidates.append(struck)       # before a road the weather drives across: the story is in the vehicle
    else:
        defined = None
        candidates = [m for m in (patterns.motion.search(sentence),) if m]
    figures = figures_in(sentence)
    later = _LATER_MOVE.search(sentence) if opening else None
    moved = patterns.bed_of(went) if later and (went := patterns.locative.match(sentence, later.end())) else None
    if moved and moved[1] not in GENERIC_WORDS:
        return moved
    # ("the sheep pens went up in the square by seven, and by nine the waiting room at the surgery smelled of wet
    # dog": the clock moved on to where the story is)
    later_hour = [m for m in candidates if m.string is not sentence and _LATER_HOUR.match(m.string)]
    for match in later_hour + sorted(candidates, key=lambda m: (m.re is not patterns.struck, not m.group(0).startswith("let "),
                                                                 m.string is not sentence, m.start())):
        where = _where(match)
        if any(a <= where < b for a, b in (figures if match.string is sentence else figures_in(match.string))):
            continue
        if named_by_it(match):
            # ("the Crossroads Diner": the name's place word is the business's own name; the next is what it is)
            kind = re.match(r"\s+([A-Z][a-z]+)\b", match.string[match.end():])
            if kind and kind.group(1).lower() in patterns.word_bed:
                return patterns.word_bed[kind.group(1).lower()], kind.group(1).lower()
            continue
        if match.re in (patterns.locative, patterns.motion) and _NOT_HERE.search(sentence, 0, where):
            continue
        if match.re is patterns.locative and re.match(r"\s*(?:across|over|opposite|beyond)\b", match.group(0)) \
                and re.search(r"\b(?:the|a|an|his|her|their|our|my)\s+[\w'’-]+\s+$", sentence[:match.start()]):
            continue    # "warm from the bakery across the road": where the bakery is, not the story
        if match.re is patterns.motion and re.search(r"\bto\s", match.group(0)) \
                and re.match(r"\s+(?:door|doors|doorway|hatch|threshold)\b", match.string[match.end():]):
            continue    # "Lily had come back to the kitchen door": at its threshold, listening in from the scene
        if match.re is patterns.motion and _SEEN_OUT.match(sentence):
            continue    # "Outside, a gull walked along the sea wall": watched from where the story is
        if match.re is patterns.motion and re.match(r"\W*(?:came|comes|coming)\s+(?:across|along|through|over|up|down)\b",
                                                    match.group(0)) and not re.search(r"\b(?:I|we|We|[Ii]t|rain|wind|storm)\b", sentence[:where]):
            continue    # "A young woman got out and came across the yard": coming to where the story is
        if match.re is patterns.locative and defined and defined.start() < where < _where(defined):
            continue    # where a place by its own name stands: "Rosie's sat across the road from the theatre, a diner"
        bed, word = patterns.bed_of(match)
        if bed not in _INDOOR_BEDS and re.match(r"\s+windows?\b", match.string[match.end():]):
            continue    # "She went to the harbour window": the office's window, the harbour seen through it
        if _OF_A_PLACE.match(match.string, match.end()):
            continue    # "reasons that went back to a schoolyard fight": a fight once had there
        if match.re is patterns.named_locative and bed not in _WILD_BEDS:
            continue
        if business_named_for(bed, match.string, where):
            return "pub", "restaurant"      # "The Shalimar Garden had been on Gibson Street for years"
        if an_event(word, match.string[match.end():]):
            continue
        if word == "waiting room" and match.re is patterns.subject:
            # "The A&E waiting room at King's", "the hospital waiting room": the waiting room of the place named first
            whose = [patterns.word_bed[w] for w in re.findall(r"[\w&'’-]+", match.string[match.start():match.start("place")].lower())
                     if w in patterns.word_bed and w not in GENERIC_WORDS and patterns.word_bed[w] in _INDOOR_BEDS]
            if whose:
                return whose[-1], word
        within = _WITHIN.match(sentence, match.end()) if match.re is patterns.locative and match.string is sentence else None
        inner = patterns.bed_of(room) if within and (room := patterns.locative.match(sentence, within.start(1))) else None
        if inner and bed == "room" and inner[1] not in GENERIC_WORDS and inner[0] != "street":
            return inner    # "at the Grange Hotel out on the ring road, in a function suite": the room
        if match.re is patterns.subject and word in _PART_WORDS \
                and re.match(r"\s*(?:outside|opposite|facing)\b", sentence[match.end():]):
            continue    # "The corridor outside Ward Nine": the ward's corridor, whose place the next words say
        if match.re is patterns.subject and re.match(r"\s*(?:under|above|below|beneath|over)\s+(?:my|our)\b",
                                                    sentence[match.end():]):
            continue    # "The laundromat under my office had been running": the teller is in the office
        if (match.groupdict().get("road") or bed == "street") and (_ADDRESS_BEFORE.match(sentence[:where])
                                                                   or _STANDS_AT.match(sentence[:where])):
            # "The Chuckwagon out on Highway 9 is open all night", "The Shalimar Suite on the Soho Road had been a bingo
            # hall once": where a place stands, not a drive
            continue
        if bed == "street" and match.re is patterns.locative and _LIVES_AT.search(sentence, 0, where):
            return "room", "house"   # "Dilys Harries lived at the top of a steep street": an address; the scene is her house
        if bed in _VEHICLE_BEDS and match.re is patterns.subject and re.match(
                r"\s+(?:was|is|were|are|had\s+been|has\s+been|sat|sits|stood|stands)\s+(?:still\s+)?(?:parked|outside|waiting\s+outside)\b",
                sentence[match.end():]):
            return None     # "The van was parked outside in the loading bay": seen from where the story is
        if word == "cab" and match.re is not patterns.subject and not re.match(r"\W*(?:in|into)\s", match.group(0), re.I):
            # "The cab of his truck smelled of dog", "in the back of a cab", not "on the cab"
            continue
        if word == "falls" and a_verb(match):
            continue
        if (not opening or not generic) and too_general(word, match):
            continue
        if bed in _INDOOR_BEDS and match.re is patterns.locative and _BESIDE.match(match.group(0)) \
                and not _INDOOR_BEFORE.search(sentence, 0, match.start()):
            continue
        if bed in _VEHICLE_BEDS and match.string is sentence and (
                (match.re is patterns.locative and not _INSIDE.match(match.group(0)))
                # "Curtis came over to the van as I climbed out": beside it, not in it
                or (match.re is patterns.motion and not _INTO_VEHICLE.search(match.group(0)))
                or _JOURNEY_BEFORE.search(sentence, 0, where)
                # ("he got into the van and drove off with two wheels on the pavement": someone leaving, watched)
                or (match.re is patterns.motion and _DRIVEN_OFF.search(sentence, match.end()) is not None
                    and (re.findall(r"\b(I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey)\b", sentence[:match.start()]) or ["he"])[-1]
                    not in ("I", "we", "We"))):
            continue    # "At the car Hollis drew me aside"; "She had come down in the carriage": not in it now
        return bed, word
    return None


# ("They had eaten in the kitchen, and afterwards they had carried their mugs out onto the verandah": where they went)
_LATER_MOVE = re.compile(r"\b(?:afterwards|after\s+that|then|later)\b[^.!?;:]*?\s(?:out|back|down|up|through|across)\s+"
                         r"(?=onto\s|on\s+to\s|into\s|to\s)")
_WITHIN = re.compile(r"[^,.;:!?]{0,40},\s+(in\s+(?:a|an|the)\s)")


# a place word that only says what kind of thing the next word is
_OF_A_PLACE = re.compile(r"\s+(?:fights?|brawls?|scraps?|romances?|crush|friendships?|rivalr(?:y|ies)|jokes?|pranks?|stories|story|"
                         r"gossip|incidents?|arguments?|quarrels?|feuds?|days|years|nicknames?|rumou?rs?|legends?|traditions?)\b")


def an_event(word: str, after: str) -> bool:
    """"The reception is at the Grange Hotel": a wedding's party held somewhere, not a front desk."""
    return word == "reception" and re.match(r"\s+(?:is|was|will\s+be|would\s+be|had\s+been)\s+(?:held\s+)?(?:at|in)\b",
                                            after) is not None


# Establishing paragraphs (a scene set somewhere by how a paragraph opens): pipeline/text/establishing.py;
# weather and time over the place: pipeline/text/weather.py.
