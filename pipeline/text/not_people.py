"""Names in a text that are not someone's: a unit's call sign, a boat, a place, a thing so called."""
from __future__ import annotations

import functools
import re

from pipeline.text.first_names import first_name_gender
from pipeline.text.names import _FEMALE_NOUNS, _MALE_NOUNS
from pipeline.text.roles import _ROLE_TITLES
from pipeline.text.towns import is_town


# radio talk: a unit's call sign and the words that answer one
_CALL_NUMBERS = {"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Zero", "Niner"}
_RADIO_WORDS = {"Roger", "Copy", "Wilco", "Affirmative", "Negative"}
# the station the cars and the boats call ("Base, Car Nine.")
_RADIO_STATIONS = {"Base", "Control", "Dispatch", "Despatch"}
_RADIO = re.compile(r"\b(?:radio|handset|walkie-talkie|channel\s+\d+|over\s+and\s+out|call\s+sign)\b", re.IGNORECASE)


def is_call_sign(form: str, only_in_speech: bool) -> bool:
    """"Ostrander Two, County" said only over the radio, or "Two-Two, copy": a unit's call sign, not a name."""
    calls = re.split(r"[\s-]+", form)
    return len(calls) >= 2 and calls[-1] in _CALL_NUMBERS and (only_in_speech or set(calls) <= _CALL_NUMBERS)


# a boat by its name: "sailing Kittiwake single-handed", '"Kittiwake," Campbell read off the stern'
_SAILING = re.compile(r"\b(?:sailing|aboard|skippering|crewing|on\s+board|(?:fishing|motor|sailing)\s+vessel|trawler|"
                      r"the\s+(?:boat|yacht|launch|ketch|smack|lugger))\s+(?:the\s+)?$", re.IGNORECASE)
_READ_OFF = re.compile(r"[\"”’']?,?[\"”’']?\s+(?:\w+\s+){0,2}read\s+(?:it\s+)?(?:off|from)\s+the\s+"
                       r"(?:stern|bows?|transom|hull|side|nameboard|wheelhouse)\b")


def is_a_vessel(text: str, form: str, spots: list[int]) -> bool:
    """A name that is sailed or read off a stern, not someone's (unless a first-name list knows it)."""
    return not first_name_gender(form) and any(
        _SAILING.search(text, max(0, at - 24), at) or _READ_OFF.match(text, at + len(form)) for at in spots)


# the words before a place's name: "the ranger station at Glen Fada", "the Laird of Glen Fada", "back to Glen Fada"
_BEFORE_A_PLACE = re.compile(r"\b(?:at|of|in|into|from|to|near|towards?|outside|inside|across|through|beyond|above|"
                             r"below|round|around)\s+$")


def named_where_one_is(text: str, spots: list[int]) -> bool:
    """True when a name is written after "at", "of", "to"... three times or more, and nearly every time: where someone
    is or comes from, not anyone (once on the radio too: "Glen Fada base, receiving?")."""
    after = sum(1 for at in spots if _BEFORE_A_PLACE.search(text, max(0, at - 12), at))
    return after >= 3 and after >= 0.75 * len(spots)


# a thing by its name: "a dark plum called Midnight Orchard", "a boat named Morwenna"
# ("a dark plum called Midnight Orchard", "The matatu is called Blessed Assurance")
_THING_CALLED = re.compile(r"\b(?:[Aa]|[Aa]n|[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w'’-]+\s+){0,2}?([a-z]+)\s+"
                           r"(?:(?:is|was|are|were)\s+)?(?:called|named)\s+$")
_SOMEONE = _MALE_NOUNS | _FEMALE_NOUNS | set(_ROLE_TITLES) | {
    "person", "fellow", "chap", "bloke", "guy", "kid", "child", "baby", "friend", "cousin", "neighbour", "neighbor",
    "colleague", "lad", "lass", "youngster", "teenager", "stranger", "customer", "client", "patient", "pupil", "student"}


def first_called_a_thing(text: str, spots: list[int]) -> bool:
    """True when a name is first written as what a thing is called ("a dark plum called Midnight Orchard")."""
    found = _THING_CALLED.search(text, max(0, spots[0] - 60), spots[0]) if spots else None
    # (not "whom everyone in the house called Toby": someone calling, not a thing so called)
    return bool(found) and found.group(1) not in _SOMEONE and not re.search(
        r"\b(?:whom|who|everyone|everybody|people|they|we|you|he|she|I|nobody|anyone)\b",
        text[max(0, spots[0] - 60):found.start()])



def calls_itself_twice(text: str, form: str) -> bool:
    """True when a name is called twice over, as a station calls on the radio ("Base, base, this is Kilgarra, Kilgarra.
    Over."): a homestead's, a boat's or a base's call sign, in a story with a radio in it."""
    name = re.escape(form)
    return _has_radio(text) and re.search(rf"\bthis\s+is\s+{name},?\s+{name}\b|\b{name},\s+{name},?\s+this\s+is\b",
                                          text, re.IGNORECASE) is not None


def a_call_sign_or_a_boat(text: str, form: str, spots: list[int], only_in_speech: bool, spoke: int, title: str = "") -> bool:
    """A unit's or a station's call sign, or a boat's name: no one's (a titled name only a boat's: "the Lady Ruth")."""
    if title:
        return is_a_vessel(text, form, spots)
    return is_call_sign(form, only_in_speech) or is_a_vessel(text, form, spots) or (not spoke and calls_itself_twice(text, form))


@functools.lru_cache(maxsize=4)
def _has_radio(text: str) -> bool:
    """A story with a radio in it, where "Roger" and "Base" are radio talk."""
    return bool(_RADIO.search(text))

# "smelled of Deep Heat and wet concrete", "the car reeked of Silk Cut": a smell or a taste, the name of what it is
_SMELLED_OF = re.compile(r"\b(?:smell|stink|stank|stunk|reek|taste|whiff|pong|stench|scent)\w*\b[^.!?\"“”]{0,50}?\bof\s+"
                         r"(?:(?:[\w'’-]+\s+){1,3}?(?:and|or)\s+|(?:[\w'’-]+\s+){0,2}?[\w'’-]+,\s+)?$", re.IGNORECASE)


def only_smelled(text: str, spots: list[int]) -> bool:
    """True when a name is only ever what something smells or tastes of ("smelled of Deep Heat and wet concrete")."""
    return bool(spots) and all(_SMELLED_OF.search(text, max(0, at - 100), at) for at in spots)


# "Lumo is the ride-hailing company...", "Kenya Power": a firm, no one's name
_AN_ORGANISATION = re.compile(r"(?:['’]s)?(?:,|\s+(?:is|was))\s+(?:a|an|the|one\s+of\s+the)\s+(?:[\w-]+\s+){0,3}?(?:company|"
                              r"firm|start-?up|app|brand|bank|business|chain|agency|corporation|platform|charity|label|"
                              r"website|newspaper|consultancy|supermarket)s?\b(?!\s+(?:man|men|woman|women|boss)\b)", re.IGNORECASE)
_COMPANY_WORDS = {"Power", "Electric", "Electricity", "Gas", "Water", "Rail", "Railways", "Airways", "Airlines", "Telecom",
                  "Post", "Bank", "Energy", "Transport", "Buses", "Ferries", "Mail", "Radio", "Television", "Police"}


_NEXT_WORDS = re.compile(r",\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
_WORDS_BEFORE = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?),\s+$")


def is_a_town_with_its_country(text: str, form: str, spots: list[int]) -> bool:
    """True when a town is written beside its country or state every time ("Paris, France", "Marion, Ohio"),
    whatever a first-name list says of either."""
    def beside(at: int) -> bool:
        after, before = _NEXT_WORDS.match(text, at + len(form)), _WORDS_BEFORE.search(text, max(0, at - 30), at)
        return bool(after and is_town(after.group(1)) or before and is_town(before.group(1)))
    # ("a motel room in Macon, Georgia" / "the most expensive rain delay in the history of Georgia": beside its town once,
    # and a place gone to, come from or of, the other times)
    return bool(spots) and is_town(form) and any(beside(at) for at in spots) and all(
        beside(at) or re.search(r"\b(?:of|in|from|across|to|around|outside)\s+$", text[max(0, at - 10):at]) for at in spots)
