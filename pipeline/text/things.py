"""What a place's things say of it: a scene that names no place, or names one with a word that
is two places ("the bridge" of a ship or over a river), is where two or more of its things are."""
from __future__ import annotations

import re

from pipeline.text.establishing import _RURAL

# Things only one kind of place has: a scene that names no place, or names one a word that is two
# places ("the bridge" of a ship or over a river), is where two or more of its things are
# ("the desks had been shoved together into pods... Above the printer").
THINGS: dict[str, re.Pattern] = {bed: re.compile(r"\b(?:" + words + r")\b", re.IGNORECASE) for bed, words in {
    "office": r"desks|printers?|photocopiers?|cubicles?|open-plan|pods|spreadsheets?|inbox|filing\s+cabinets?|"
              r"water\s+cooler|swivel\s+chairs?|meeting\s+rooms?|colleagues?|line\s+manager|hot-desk\w*|"
              r"timesheets?|shredders?|holding\s+cells?|squad\s+room|booking\s+desk|coffee\s+maker|coffee\s+machine|"
              r"typewriters?|radio\s+desk|bulletin\s+board|wanted\s+posters?",
    "ship": r"helm|chart\s+table|radar|mast|masts|hull|bulkheads?|starboard|portholes?|wheelhouse|deck\s+plates|"
            r"bosun|lifeboats?|life\s+jackets?|bilges?|gangway|mooring\s+lines?|VHF|below\s+decks|the\s+crew|"
            r"knots|ballast|engine\s+room|aboard|airlocks?|docking|(?:the|her|its|cargo)\s+holds?\b(?!\s+(?:on|of|up|out|still)\b)",
    "pub": r"pints?|barman|barmaid|bartender|bar\s+stools?|beer|optics|last\s+orders|landlord|landlady|"
           r"whisk(?:e)?y|lager|ale|the\s+bar|beer\s+mats?|"
           # a diner's or a cafe's
           r"booths?|menus?|waitress(?:es)?|milkshakes?|Formica|griddle|short-order|fry\s+cook|hash\s+browns|"
           r"coffee\s+pot|sugar\s+(?:jar|dispenser|shaker)|napkin\s+dispenser|ketchup|refill(?:s|ed|ing)?|"
           r"stools?\s+at\s+the\s+counter|(?:end|length)\s+of\s+the\s+counter",
    "kitchen": r"kettle|stove|oven|hob|cooker|fridge|sink|Aga|teapot|kitchen\s+table|draining\s+board|saucepans?",
    "hospital": r"nurses?|drip|stethoscope|gurney|monitors?|IV\s+line|consultant|visiting\s+hours|bedpan",
    "car": r"windscreen|windshield|dashboard|steering\s+wheel|seatbelts?|ignition|glovebox|glove\s+compartment|"
           r"rear-view\s+mirror|indicators?|handbrake|gearstick|passenger\s+seat|top\s+deck|the\s+driver|"
           r"bus\s+doors|ticket\s+machine",
    "street": r"pavement|kerb|curb|traffic|bus\s+stop|bus\s+shelter|streetlights?|street\s+lamps?|lamp-posts?|"
              r"zebra\s+crossing|traffic\s+lights|shop\s+fronts?|passers-by",
    "church": r"pews?|altar|hymns?|hymn\s+books?|sermon|pulpit|font|vestry|organ",
    # a public meeting or a show in a hall
    "crowd": r"rows\s+of\s+(?:folding\s+|plastic\s+|stacking\s+)?chairs|folding\s+chairs|the\s+stage|microphone|"
             r"lectern|podium|the\s+audience|the\s+agenda|public\s+meeting|information\s+session|show\s+of\s+hands|"
             r"the\s+aisle|the\s+third\s+row|the\s+front\s+row|the\s+back\s+row",
    # a farm's, out in its fields ("the bottom pasture", "the side of the barn")
    "countryside": _RURAL.pattern[5:-3].replace(r"fields?|", "") + r"|heifers?|steers?|calves|livestock|herd|barbed\s+wire|cattle\s+grid",
    "training_ground": r"goal\s?posts?|goalmouths?|goalkeeper|goalie|touchlines?|halfway\s+line|penalty\s+(?:area|box|spot)|"
                       r"crossbar|corner\s+flags?|kick-off|referee|the\s+whistle|bibs|shin\s*pads|midfield|scrum|try\s+line|"
                       # a cricket match's
                       r"batsm[ae]n|batters?|bowlers?|wickets?|innings|the\s+pavilion|scoreboard|the\s+crease|umpires?",
}.items()}
# Things of a place that weigh only between two places a word may be ("the field" of a farm or a match).
_SIDE_THINGS: dict[str, re.Pattern] = {
    "countryside": re.compile(_RURAL.pattern.replace(r"fields?|", ""), re.IGNORECASE),
}
# Place words that are two places: which one the scene's things tell.
TWO_PLACES = {"bridge": ("ship", "street"), "station": ("office", "street"), "field": ("countryside", "training_ground")}


def bed_from_things(told: str, among: tuple[str, ...] | None = None) -> str:
    """The bed whose things the narration names most (two different ones at least, more than any
    other bed's), among some beds or all; "" when none does."""
    things = THINGS if among is None else {**THINGS, **{b: p for b, p in _SIDE_THINGS.items() if b in among}}
    counts = sorted(((len({m.group(0).lower().rstrip("s") for m in pattern.finditer(told)}), bed)
                     for bed, pattern in things.items() if among is None or bed in among), reverse=True)
    if not counts or counts[0][0] < 2 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return ""
    return counts[0][1]
