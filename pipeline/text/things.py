"""What a place's things say of it: a scene that names no place, or names one with a word that
is two places ("the bridge" of a ship or over a river), is where two or more of its things are."""
from __future__ import annotations

import functools
import re

from pipeline.text.establishing import _RURAL
from pipeline.text.place_words import GENERIC_WORDS, PLACE_WORDS
from pipeline.text.place_words import _PLACE_FIGURES

# Things only one kind of place has: a scene that names no place, or names one a word that is two
# places ("the bridge" of a ship or over a river), is where two or more of its things are
# ("the desks had been shoved together into pods... Above the printer").
THINGS: dict[str, re.Pattern] = {bed: re.compile(r"\b(?:" + words + r")\b", re.IGNORECASE) for bed, words in {
    "office": r"desks|printers?|photocopiers?|cubicles?|open-plan|pods|spreadsheets?|inbox|filing\s+cabinets?|"
              r"water\s+cooler|swivel\s+chairs?|meeting\s+rooms?|colleagues?|line\s+manager|hot-desk\w*|"
              r"timesheets?|shredders?|holding\s+cells?|squad\s+room|booking\s+desk|coffee\s+maker|coffee\s+machine|"
              r"typewriters?|radio\s+desk|bulletin\s+board|wanted\s+posters?|keyboards|headsets?|in-trays?|"
              r"(?:the|desk)\s+phones|sports\s+desk|news\s+desk|night\s+desk|partitions?",
    "ship": r"helm|chart\s+table|radar|mast|masts|hull|bulkheads?|starboard|portholes?|wheelhouse|deck\s+plates|"
            r"bosun|lifeboats?|life\s+jackets?|bilges?|gangway|mooring\s+lines?|VHF|below\s+decks|the\s+crew|"
            r"knots|ballast|engine\s+room|aboard|airlocks?|docking|(?:the|her|its|cargo)\s+holds?\b(?!\s+(?:on|of|up|out|still)\b)",
    "pub": r"pints?|barman|barmaid|bartender|bar\s+stools?|beer|optics|last\s+orders|landlord|landlady|"
           r"whisk(?:e)?y|lager|ale|the\s+bar|beer\s+mats?|"
           # its games and its back room, and the ones it serves
           r"dartboard|darts|pool\s+table|fruit\s+machine|jukebox|bar\s+towels?|crates\s+of\s+mixers|mixers|"
           r"(?:the\s+)?(?:last\s+)?drinkers|publican|"
           # a diner's or a cafe's
           r"booths?|menus?|waitress(?:es)?|milkshakes?|Formica|griddle|short-order|fry\s+cook|hash\s+browns|"
           r"coffee\s*pot|sugar\s+(?:jar|dispenser|shaker)|napkin\s+dispenser|ketchup|refill(?:s|ed|ing)?|"
           # a coffee bar's, behind its counter
           r"espresso\s+machine|steam\s+wand|portafilter|milk\s+jugs?|flat\s+whites?|cortados?|lattes?|cappuccinos?|"
           r"americanos?|crema|baristas?|oat\s+milk|"
           r"stools?\s+at\s+the\s+counter|(?:end|length)\s+of\s+the\s+counter|counter\s+with\s+(?:[\w-]+\s+){0,3}?stools|"
           r"pie\s+(?:case|cabinet)|"
           # a curry house's
           r"poppadoms?|naan|tandoori|balti|korma|bhajis?|pakoras?|biryani|lassi",
    "kitchen": r"kettle|stove|oven|hob|cooker|fridge|sink|Aga|teapot|kitchen\s+table|draining\s+board|saucepans?|"
               # a restaurant's, at service
               r"the\s+pass|burners?|hotplates?|salamander|walk-in|deep\s+fat\s+fryers?|fryers?|griddles?|"
               r"chopping\s+boards?|tickets?\s+rail|the\s+line\s+cooks?|frying\s+pans?|stockpots?|pans|"
               # and an old house's, where the family eats ("the pot at the back of the range", "the oilcloth")
               r"the\s+range\b(?!\s+of\b)|oilcloth|scullery",
    "hospital": r"nurses?|drip|stethoscope|gurney|monitors?|IV\s+line|consultant|visiting\s+hours|bedpan",
    # a shop's, a chip shop's at the counter ("the queue ran out of the door and past the bookies")
    "shop": r"tills?|the\s+counter|shelves|price\s+tags?|shop\s+window|the\s+front\s+window|the\s+queue|"
            r"display\s+cabinets?|scraps|haddock|salt\s+and\s+vinegar|vinegar|chip\s+papers?",
    "car": r"windscreen|windshield|dashboard|steering\s+wheel|seatbelts?|ignition|glovebox|glove\s+compartment|"
           r"rear-view\s+mirror|indicators?|handbrake|gearstick|passenger\s+seat|top\s+deck|the\s+driver|"
           r"bus\s+doors|ticket\s+machine|"
           # a driving lesson's: the mirror checked, the clutch, the pupil's hands at ten to two, the instructor's Corsa
           r"(?:checked|check|checks|checking)\s+(?:his|her|my|their|your|the)\s+mirrors?|wing\s+mirrors?|clutch|accelerator|"
           r"brake\s+pedal|dual\s+controls|L-plates?|gear\s+lever|(?:changed|change|changes|changing)\s+(?:up|down)\b|"
           r"ten\s+to\s+two|wipers|"
           # a taxi's: the meter running, the radio handset on the dash, the for-hire light
           r"the\s+dash\b|(?:the|my|his|her)\s+meter\b|the\s+handset|for[\s-]hire|(?:my|his|her)\s+light['’]s\s+(?:off|on)\b|"
           r"(?:my|his|her|their|our|your)\s+(?:old\s+|new\s+|little\s+|battered\s+)?(?-i:Corsa|Fiesta|Astra|Micra|Clio|"
           r"Volvo|Audi|BMW|Mercedes|Toyota|Honda|Skoda|Nissan|Peugeot|Renault|Citro[eë]n|Fiat|Prius|Land\s+Rover|"
           r"Range\s+Rover|Subaru|Hyundai|Kia|Mazda|Saab|Vauxhall|Volkswagen|VW)\b",
    "street": r"pavement|kerb|curb|traffic|bus\s+stop|bus\s+shelter|streetlights?|street\s+lamps?|lamp-posts?|"
              r"zebra\s+crossing|traffic\s+lights|shop\s+fronts?|passers-by",
    # a railway carriage's ("the carriage" and "the wheels" alone are a coach-and-four's as well)
    "train": r"compartments?|luggage\s+racks?|connecting\s+doors?|buffet\s+car|dining\s+car|the\s+tracks?|"
             r"railway\s+lines?|cuttings?|embankments?|level\s+crossings?|signal\s+box|guard['’]s\s+van|"
             r"ticket\s+inspector|sleeper\s+berths?|overhead\s+lines?|the\s+points",
    "church": r"pews?|altar|hymns?|hymn\s+books?|sermon|pulpit|font|vestry|organ",
    # a public meeting or a show in a hall
    "crowd": r"rows\s+of\s+(?:folding\s+|plastic\s+|stacking\s+)?chairs|folding\s+chairs|the\s+stage|microphone|"
             r"lectern|podium|the\s+audience|the\s+agenda|public\s+meeting|information\s+session|show\s+of\s+hands|"
             r"the\s+aisle|the\s+third\s+row|the\s+front\s+row|the\s+back\s+row|plastic\s+chairs|trestle\s+tables?|"
             r"noticeboards?|the\s+urn|tea\s+urn|jumble\s+sale",
    # a farm's, out in its fields ("the bottom pasture", "the side of the barn")
    "countryside": _RURAL.pattern[5:-3].replace(r"fields?|", "") + r"|heifers?|steers?|calves|livestock|herd|barbed\s+wire|cattle\s+grid|"
                   # a flood fought out of doors
                   r"levees?|sandbags?|sand\s+pile|the\s+bottoms|"
                   # a canal's, out along the cut
                   r"lock\s+gates?|lock\s+keeper|balance\s+beams?|canal\s+bank|weir|static\s+caravans?",
    "training_ground": r"goal\s?posts?|goalmouths?|goalkeeper|goalie|touchlines?|halfway\s+line|penalty\s+(?:area|box|spot)|"
                       r"crossbar|corner\s+flags?|kick-off|referee|the\s+whistle|bibs|shin\s*pads|midfield|scrum|try\s+line|"
                       # a cricket match's
                       r"batsm[ae]n|batters?|bowlers?|wickets?|innings|the\s+pavilion|scoreboard|the\s+crease|umpires?",
    # a harbour's, a beach's
    "shore": r"pierheads?|the\s+quay|quayside|harbour\s+wall|slipway|bollards?|lobster\s+pots?|crab\s+pots?|seaweed|"
             r"breakwater|the\s+tide|rock\s?pools?|the\s+surf|sea\s+wall|shingle|gulls",
}.items()}
# Things of a place that weigh only between two places a word may be ("the field" of a farm or a match).
_SIDE_THINGS: dict[str, re.Pattern] = {
    "countryside": re.compile(_RURAL.pattern.replace(r"fields?|", ""), re.IGNORECASE),
}
# Place words that are two places: which one the scene's things tell.
# (and a road is where a driving lesson's car is: "The ring road goes round our town", then the mirror and the clutch)
TWO_PLACES = {"bridge": ("ship", "street"), "station": ("office", "street"), "field": ("countryside", "training_ground"),
              "road": ("street", "car"), "ring road": ("street", "car"), "business": ("pub", "shop"),
              "someone's": ("pub", "shop", "kitchen")}
# Places that house another's things: a boathouse is full of its boat's, and is no boat (nor the crew's room in it);
# a car park is full of cars' windscreens, and is no car.
HOUSING = ("lifeboat station", "boathouse", "boat house", "boat shed", "crew room", "car park", "parking lot",
           "parking garage", "multi-storey", "multi-story")


def _things_named(told: str, things: dict[str, re.Pattern]) -> dict[str, int]:
    """Bed -> how many different things of its the narration names ("printer" and "printers" one)."""
    return {bed: len({m.group(0).lower().rstrip("s") for m in pattern.finditer(told)}) for bed, pattern in things.items()}


def car_things_in(told: str) -> int:
    """How many different things of a car's inside the narration names (the windscreen, the wipers...)."""
    return _things_named(told, {"car": THINGS["car"]})["car"]


def bed_from_things(told: str, among: tuple[str, ...] | None = None) -> str:
    """The bed whose things the narration names most (two different ones at least, more than any
    other bed's), among some beds or all; "" when none does."""
    things = THINGS if among is None else {**THINGS, **{b: p for b, p in _SIDE_THINGS.items() if b in among}}
    counts = sorted(((count, bed) for bed, count in _things_named(told, things).items()
                     if among is None or bed in among), reverse=True)
    if not counts or counts[0][0] < 2 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return ""
    return counts[0][1]


def bed_of_opening(told: str, ambience: str, inherited: bool = False) -> str:
    """The bed a scene's opening narration is full of, when it is not the one the scene was given
    (`inherited`: from the scene before, its own words naming no place): its things and the place
    words it says ("the phones ... twenty keyboards ... the printer", or
    "the windows of the fourth-floor newsroom ... the desks ... Keyboards chattered" over "the
    streetlights on Carver Street"); "" when the opening agrees or says too little."""
    told = _PLACE_FIGURES.sub(" ", told)
    found = _things_named(told, THINGS)
    scores = dict(found)
    said = {bed: [m.span("word") for m in pattern.finditer(told)] for bed, pattern in _place_words().items()}
    for bed, spans in said.items():
        # (not "the emergency department" as an office's department too: the longer place word says which)
        if any(not any(c <= a and b <= d and d - c > b - a for other, theirs in said.items() if other != bed
                       for c, d in theirs) for a, b in spans):
            scores[bed] = scores.get(bed, 0) + 2
    best = max(scores, key=lambda bed: scores[bed], default="")
    # (two of its things at least: a kettle in "the back kitchen" of an estate agent's is no kitchen;
    # one will do beside its place word in a scene that named no place of its own: "she found the
    # emergency department ... The charge nurse at the desk")
    if not best or best == ambience or found.get(best, 0) < (1 if inherited and scores[best] > found.get(best, 0) else 2) \
            or scores[best] <= scores.get(ambience, 0) + 1:
        return ""
    return best


@functools.cache
def _place_words() -> dict[str, re.Pattern]:
    # a place the text points at ("the emergency department", "the fourth-floor newsroom"), not a word
    # that qualifies another ("a ship chandler's")
    return {bed: re.compile(r"\b(?:the|a|an|his|her|their|our|my|its)\s+(?:[\w-]+\s+)??(?P<word>"
                            + "|".join(re.escape(w) for w in words if w not in GENERIC_WORDS)
                            + r")s?\b(?!['’]s|\s+[a-z]+['’]s)", re.IGNORECASE) for bed, words in PLACE_WORDS.items()}
