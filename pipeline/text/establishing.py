"""A scene set somewhere by how a paragraph opens ("The foyer of the Empire Hotel smelled of lilies",
"By six we were on the M62"), and when a place found mid-story is somewhere else than the scene's."""
from __future__ import annotations

import re

from pipeline.text.first_names import first_name_gender
from pipeline.text.place_words import _OWNER, business_named_for, figures_in

from pipeline.text.clock import _CLOCK_LEAD_IN as _CLOCK_TO_THE_MINUTE, _MINUTES, _NUMBER, _TIME_LEAD_IN
from pipeline.text.places import (_BAR_STATE, DEFAULT, _LATER_MOVE, an_event, the_people_in_it, _INDOOR_BEDS, _INSIDE, _MOTORWAYS,
                                  _ROAD_WORD, _VEHICLE_BEDS, _WILD_BEDS, Vocabulary,
                                  _later_clause_subject, _where, a_verb, named_by_it, place_of, too_general)


# A place seen from where the story is ("The street below was empty", "In the yard outside, a dog
# barked"), not a place the story moves to; "The shore below Hob Point" is where it is.
_VIEW_AFTER = re.compile(r"\s*(?:below|outside|beyond|opposite|beneath|underneath|far\s+away|in\s+the\s+distance|"
                         r"across\s+the\s+(?:road|way|street))\b(?!\s+(?:the|a|an|this|that|[A-Z]))")
_VIEW_BEFORE = re.compile(r"\b(?:window|windows|glass|pane|distance|below|beyond|"
                          # (not one who gets across to it: "by the time I got across to the main stage")
                          r"(?<!got\s)(?<!went\s)(?<!came\s)(?<!ran\s)(?<!walked\s)(?<!hurried\s)across(?!\s+to\b)|"
                          # (not one who is out there: "I was standing outside in the ambulance bay")
                          r"(?<!standing\s)(?<!stood\s)(?<!was\s)(?<!were\s)(?<!waiting\s)(?<!stepped\s)(?<!went\s)outside|"
                          # "as she watched the street", not "as we joined the motorway"
                          r"(?:as|while)\s+(?:\w+\s+){0,2}?(?:look\w*|watch\w*|gaz\w*|star\w*|saw|see\w*|glanc\w*|peer\w*))\b",
                          re.IGNORECASE)
# A place talked of as being elsewhere or as it was ("Tom's office was across town", "The kitchen
# had been her mother's"): no one is there now.
_ELSEWHERE = re.compile(r"^(?:(?!\s+and\s+(?:the|a|an|it|he|she|they|we|I)\b)[^,;.])*?\b(?:"
                        # (not a history: "St Botolph's village hall had been built in 1926 with money...")
                        r"had\s+been(?!\s+open\b)(?!\s+(?:built|put\s+up|erected|founded|converted|opened|extended|restored|refurbished)\s+"
                        r"(?:in|with|by|as|for)\b)(?![^,;.]*\bfor\s+(?:as\s+long\s+as|years|decades|generations)\b)|used\s+to|would\s+(?:be|have)|far\s+(?:away|off|from)|"
                        # (not a road's length: "The bog road runs four miles from my grandfather's gate")
                        r"(?<!\bruns\s)(?<!\bruns\s\w{3}\s)(?<!\bruns\s\w{4}\s)(?<!\bruns\s\w{5}\s)miles\s+(?:away|off|from)|across\s+town|on\s+the\s+other\s+side\s+of|a\s+long\s+way|"
                        # ("Longsight Market on a Saturday was not, whatever Femi said, like Africa": what it was like is no other place)
                        r"(?:was|is|were|are)\s+(?:never|not(?!\s+an?\s|\s+like\b|\s*,)|no\s+longer(?!\s+an?\s)))\b", re.IGNORECASE)
# A vehicle as the subject is mostly seen from outside ("A carriage was drawn up at the door", "The
# boat was gliding out on the tide"); a scene inside one opens "In the carriage, ...". A crowd or
# an assembly as the subject is the people of the scene, not a place; "the flat" is as often a boat.
_SEEN_FROM_OUTSIDE = ("ship", "train", "carriage", "car", "aircraft", "helicopter")
_CAR_FROM_INSIDE = re.compile(r"\b(?:smell(?:s|ed)?\s+of|stank\s+of|stinks\s+of|reek(?:s|ed)\s+of|heater|dashboard|"
                              r"upholstery|glovebox|glove\s+compartment|seats?\s+(?:is|are|was|were)\b)", re.IGNORECASE)
_NOT_A_SETTING = ("crowd", "assembly", "flat")
# a clock the sentence opens on: "By six", "At half past two"
_CLOCK_LEAD_IN = (rf"(?:by|at|after|around|about|before)\s+(?:half\s+past\s+|(?:a\s+)?quarter\s+(?:past|to)\s+)?"
                  rf"{_NUMBER}(?:\s*(?:o'clock|am|pm|a\.m\.|p\.m\.))?,?\s+")
# Weather or the time of day that falls on a place opens a scene there ("Rain fell on the harbour that
# night"); silence or smoke in a place is more often the room the scene is already in.
_WEATHER_SUBJECT = re.compile(
    rf"^\W*(?:{_TIME_LEAD_IN}|{_CLOCK_LEAD_IN})?(?:the\s+)?(?:rain|snow|sleet|hail|fog|mist|wind|storm|thunder|dawn|dusk|twilight|"
    r"darkness|morning|evening|sun|sunlight|sunshine|moon|moonlight|frost|night)\b", re.IGNORECASE)
# A sentence that only moves the clock on, the place coming in the next: "It was gone nine by the time
# they came out.", "By the time we found the farm the light was going.", "Twenty minutes later..."
_TRANSITION = re.compile(
    rf"^\W*(?:by\s+the\s+time\b|it(?:\s+(?:was|is)|['’]s)\s+(?:gone|past|nearly|almost|after|just\s+after|well\s+after|"
    rf"getting\s+on\s+for|close\s+to|half\s+past|(?:a\s+)?quarter\s+(?:past|to)|(?:five|ten|twenty|twenty-five)\s+(?:past|to))\s+"
    rf"(?:{_NUMBER}|noon|midnight)\b|"
    r"(?:[\w'’-]+\s+){1,3}(?:minutes|hours)\s+later\b|"
    # ("It was full dark by the time they sat in to supper. The kitchen was the warmest room")
    r"it\s+(?:was|is|had\s+got|had\s+gone)\s+(?:full\s+|fully\s+|quite\s+|already\s+|long\s+|pitch\s+)?dark\s+"
    rf"(?:by\s+the\s+time|when|before|by\s+{_NUMBER}\b)\b|"
    # "At a quarter to midnight the Wongs stood at the side gate of Anfield Cemetery"
    rf"at\s+(?:half\s+past\s+|(?:a\s+)?quarter\s+(?:past|to)\s+|(?:five|ten|twenty|twenty-five)\s+(?:past|to)\s+)?"
    rf"(?:{_NUMBER}|noon|midnight)\b(?!\s+(?:of|in\s+the\s+morning\s+(?:on|of)))|"
    # "The gale came in at a quarter past ten": the weather's hour
    rf"(?:the\s+)?(?:gale|storm|rain|wind|snow|fog|squall)\s+(?:came|arrived|broke|hit|struck|started|began)\s+(?:in\s+)?(?:at|by|around|"
    rf"(?:just|a\s+little|a\s+bit|shortly|soon|not\s+long)\s+(?:after|before)|after)\s+(?:half\s+past\s+|(?:a\s+)?quarter\s+(?:past|to)\s+)?{_NUMBER}\b|"
    # "I got back to Warrington on the Thursday dinnertime": home, days on
    r"(?:I|we|he|she|they)\s+(?:got|came|arrived|drove|was|were)\s+back\s+(?:to|in|at|into)\s+(?-i:[A-Z])[\w'’-]+[^.;]{0,40}?"
    r"\b(?:on|by|at|in)\s+(?:the\s+)?(?:\w+day\b|\w+\s+(?:morning|afternoon|evening|night)\b|dinnertime|lunchtime|teatime)|"
    # "By ten that night the rain had settled in", "By six the rain has gone"
    # ("By eight-thirty it is full dark and Stage 4 has become a motel room")
    rf"by\s+(?:(?:half\s+past\s+|half\s+|(?:a\s+)?quarter\s+(?:past|to)\s+)?{_NUMBER}(?:-{_MINUTES})?|noon|midnight|dawn|nightfall|dusk|morning|"
    r"evening)(?:\s+o['’]clock)?"
    r"(?:\s+(?:that|the\s+next|next)\s+(?:night|morning|evening|day|afternoon))?(?=[\s,])|"
    # "On Wednesday morning I took the maxi up to Belmont": days on
    r"on\s+(?:the\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?(?=[\s,]))",
    re.IGNORECASE)
# The story's people put somewhere once the clock has moved on ("By six we were on the M62", "An hour
# later they were in the kitchen"), or the teller there ("We were on the platform by then").
_PEOPLE_THERE = re.compile(
    rf"^\W*(?:(?:{_TIME_LEAD_IN}|{_CLOCK_LEAD_IN}|(?:[\w'’-]+\s+){{1,3}}later,?\s+)"
    r"(?:we|they|he|she|I|(?-i:[A-Z][a-z]+)(?:\s+and\s+(?-i:[A-Z][a-z]+))?)|we|I)\s+"
    r"(?:were|was|are|am|is|had\s+been)\s+(?:already\s+|safely\s+|back\s+|out\s+|now\s+)?"
    r"(?=(?:in|on|at|inside|aboard|on\s+board)\s)", re.IGNORECASE)
_FOUND_THEM = re.compile(r"^\W*(?:I|we|he|she|they|(?-i:[A-Z][a-z]+))\s+(?:found|caught\s+up\s+with)\s+"
                         # (the one sought, not a part of them: "Harcourt found her face in the crowd")
                         r"(?:him|her|them|(?-i:[A-Z][a-z]+))(?=,|\s+(?:where|in|inside|at|under|behind|sitting|standing|"
                         r"waiting|alone|asleep|already|still)\b)[^.;!?]{0,60}?(?=\b(?:in|inside|at|under|behind)\s+the\s)",
                         re.IGNORECASE)
_IT_TOOK = re.compile(r"^\W*It\s+took\s+(?:us|them|him|her|me)\b[^.;:!?]{0,60}?\bto\s+(?:get|drive|walk|reach|run|ride|"
                      r"make\s+it)\b", re.IGNORECASE)
_TO_THE = re.compile(r"\bto\s+(?=the\s)")
# the people carried or walked there once the clock has moved on: "By seven we have carried everything down three
# flights of stairs and across Soho Road to the church hall"
_WE_WENT = re.compile(r"\b(?:we|they|I|he|she)\s+(?:have\s+|had\s+|['’]ve\s+|['’]d\s+)?(?:carried|walked|driven|drove|trudged|"
                      r"hauled|lugged|ferried|marched|wheeled|made\s+(?:it|our|their|my|his|her)(?:\s+way)?)\b(?=[^.;:!?]{0,100}?\bto\s+the\s)")
_WE_DID_IN = re.compile(r"^\W*(?:we|they|I|he|she)\s+(?!was\b|were\b|had\b|used\b|would\b)[a-z]+\s+(?=(?:in|inside)\s)",
                        re.IGNORECASE)
_KEEPS_HOURS = re.compile(r"^\W*(?-i:[A-Z][\w-]*)['’]s\s+(?:(?:on|in|off)\s+(?:(?-i:[A-Z])[\w'’-]*\s+)+)?"
                          r"(?:shuts|closes|opens|shut|closed|opened|(?:is|was|stays|stayed)\s+open)\s+(?:at|till|until|by)\b")


def keeps_hours(sentence: str) -> bool:
    """The sentence opens on a business by its owner's name and the hours it keeps ("Rossi's shuts at midnight")."""
    return _KEEPS_HOURS.match(sentence) is not None


# A road among fields ("The lane ran out at a five-bar gate... sheep were calling") is the country.
_ROAD_WORDS = ("lane", "road", "track")
_RURAL = re.compile(r"\b(?:sheep|ewes?|lambs?|cows?|cattle|hedges?|hedgerows?|five-bar|stile|fields?|farm(?:yard)?s?|"
                    r"barns?|tractors?|pastures?|meadows?|hills?|fence\s+posts?|moors?)\b", re.IGNORECASE)
_PITCH = re.compile(r"\b(?:floodlights?|floodlit|goalposts?|crossbar|far\s+goal|near\s+goal|touchlines?|kick-?off|"
                    r"corner\s+flags?|dugouts?|halfway\s+line|penalty\s+(?:box|area|spot)|centre\s+circle)\b", re.IGNORECASE)
# A place called by its own name, in a state only a place is in ("The Pelican is packed and hot",
# "St. Ives's is cold inside"); which bed it is comes from the sentences after.
_NAMED_PLACE_STATE = re.compile(
    r"^\W*(?!(?:It|He|She|They|We|I|You|This|That|There|Everything|Everyone|Nobody|Somebody)\b)"
    r"(?:The\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}(?:is|was|are|were)\s+(?:\w+\s+)?"
    r"(?:full(?!\s+of)|empty|crowded|packed|deserted|heaving|half[- ](?:empty|full)|shuttered|smoky|"
    r"(?:cold|dark|warm|quiet|silent|dim|hot)\s+inside)\b")


# a place by its own name set on the map ("Cold Keld sits at the top of a gated track above Burtersett"), the next
# sentences saying what it is ("The lambing shed was a long, low steel building")
_NAMED_PLACE_SITS = re.compile(r"^\W*(?!(?:It|He|She|They|We|I|You|This|That|There|Everyone|Nobody|Somebody|Mum|Dad|"
                               r"Gran|Grandad|Nan|Mr|Mrs|Ms|Miss|Dr)\b)(?:The\s+)?([A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,2}"
                               r"\s+(?:sits|stands|lies|sat|stood|lay)"
                               r"\s+(?:at|on|in|above|below|beneath|under|high|halfway|near|beside|behind|just)\b")


# a meal or a meeting at its hour in its place: "Smoko's at ten in the homestead kitchen"
_EVENT_AT = re.compile(r"^\W*(?:[A-Z][a-z]+|The\s+[a-z]+)(?:['’]s|\s+is|\s+was|\s+will\s+be)\s+(?:at|from)\s+"
                       r"(?:[\w:.-]+\s+){1,3}?(?:in|at)\s+(?:the|our|his|her|their|my)\s")


# out of a building into the street (not "out of the kitchen into the hall")
_CAME_OUT = re.compile(r"\b(?:came|comes|walked|walks|stepped|steps|got|spilled|emerged|emerges|let\s+themselves|let\s+himself|"
                       r"let\s+herself)\s+out\s+(?:of|from)\s+(?:the|a|an|his|her|their|its|our|my)\s+(?:[\w'’-]+\s+){0,2}?"
                       r"(?:hospital|pub|shop|church|office|station|school|club|hall|cinema|theatre|theater|restaurant|"
                       r"caf[eé]|library|building|block|flats?|hotel|court(?:house)?|bar|chapel|mosque|temple|surgery)\b"
                       r"(?![^,.;]*\binto\b)", re.IGNORECASE)


# the people of the story as a sentence's subject, doing something ("We put in at", "They stopped at")
_PEOPLE_ACT = re.compile(r"^\W*(?:we|they|I|he|she)\s+(?!was\b|were\b|had\b|used\b|would\b|could\b)[a-z]+\b", re.IGNORECASE)
# a hospital's departments go by a bare name, as a paragraph's subject ("Resus at this time of night is...",
# "A&E was heaving", "Majors is quieter")
_HOSPITAL_UNIT = re.compile(r"^\W*(Resus|A&E|A and E|Casualty|Majors|Minors|Triage)\b(?!\s*,)(?=[^.;!?]*\b(?:is|was|were|are|had|has)\b)")
# where a track crosses a stream by its name, as a scene's subject ("The top crossing on Six Mile Creek was a concrete
# causeway laid down in the sixties")
_CROSSING_OF = re.compile(r"^\W*The\s+(?:[a-z]+\s+)?(?:crossing|bridge|causeway)\s+(?:on|at|of|over|across)\s+(?:the\s+)?"
                          r"(?:[A-Z][\w'’-]*\s+){1,3}(?:Creek|River|Brook|Burn|Beck|Stream|Wash)\b(?=[^.;!?]*\b(?:is|was)\b)")
_GOT_IN = re.compile(r"^\W*(?:I|we|he|she|they|[A-Z][a-z]+)\s+(?:got|climbed|slid|jumped|clambered)\s+in(?:to)?\b")
# someone's home as a paragraph's subject ("Nain's house is the one she was born in"): where the car or the street
# the story was in has brought it
_OWNED_HOME = re.compile(rf"^\W*(?:{_OWNER}|(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+)(?:[\w-]+\s+)?(house|home|flat|cottage|"
                         r"bungalow)\s+(?:is|was|stood|stands|sat|sits|had|has)\b")


# or the home as the story comes back to it: "The flat is on the third floor... When we get in, Auntie Senga is at
# the kitchen table", or the clock moved on and the house gone quiet ("At twenty to one the house is finally quiet")
_THE_HOME = re.compile(rf"^\W*(?P<clock>{_CLOCK_TO_THE_MINUTE}|{_TIME_LEAD_IN})?the\s+(?P<home>house|home|flat|cottage|bungalow)\s+"
                       r"(?:is|was|stood|stands|sat|sits|had|has)\b", re.IGNORECASE)
_GOT_HOME = re.compile(r"\b(?:we|they|I|he|she)\s+(?:get|got|come|came|let\s+(?:ourselves|themselves|myself|himself|herself))\s+"
                       r"(?:in|inside|back|home)\b", re.IGNORECASE)


def home_arrived_at(sentences: list[str]) -> tuple[str, str] | None:
    """("room", word) when a paragraph (its first sentences) opens on someone's home as its subject, or on the
    home the story has come back to, else None."""
    if home := _OWNED_HOME.match(sentences[0]):
        return "room", home.group(1)
    home = _THE_HOME.match(sentences[0])
    if home and (home.group("clock") or any(_GOT_HOME.search(s) for s in sentences[:2])):
        return "room", home.group("home")
    return None


# a business by its owner's name, where it is on the street: "Gino's is on the corner of our street"
BUSINESS_SITS = re.compile(r"^\W*(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w-]*['’]s\s+(?:is|was|has\s+been|had\s+been|sits|sat|stands|stood)\s+"
                           r"(?:just\s+)?(?:on|at|in|off|round|along|halfway|opposite|near|beside|between)\b")


# a hall a church or a school keeps, by where it is: its people's hall
_HALL_OF = re.compile(rf"^\W*(?:{_CLOCK_TO_THE_MINUTE}|{_TIME_LEAD_IN})?The\s+(?:[\w-]+\s+)?hall\s+(?:behind|of|at|beside|next\s+to|attached\s+to|below|beneath|under)\s+"
                      r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(church|chapel|mosque|temple|school|synagogue|gurdwara|tabernacle|kirk)\b",
                      re.IGNORECASE)
# a hall by the name of the lodge or club it belongs to: "By eight the Sons of Norway hall is so full that...", "The
# Legion hall was packed"
_NAMED_HALL = re.compile(rf"^\W*(?i:{_CLOCK_TO_THE_MINUTE}|{_TIME_LEAD_IN})?(?i:the)\s+(?:[A-Z][\w'’-]+\s+)(?:(?:of|and|the)\s+[A-Z][\w'’-]+\s+|"
                         r"[A-Z][\w'’-]+\s+)*hall\s+(?:is|was|had|has|smelled|smells|smelt|felt|feels|looked|looks|rang|rings|hummed|hums)\b")
# a house seen where it stands in the hills, from out of doors
_DWELLING_SITS = re.compile(r"^\W*(?:The\s+)?(?:[A-Z][\w'’-]*\s+)?(?:[a-z-]+\s+)?(?:house|farmhouse|cottage|farm|bungalow|"
                            r"cabin|croft|chapel|church)\s+(?:stood|sat|lay|stands|sits|lies)\b[^.;]*?\b(?:on|above|below|"
                            r"among|beneath|under|against)\s+(?:[\w'’-]+\s+){0,4}?(hillside|hills?|moors?|fells?|valley|glen|"
                            r"fields?|slopes?|brae|ridge|headland|cliffs?|clifftop|mountainside|mountains?)\b")
_HOME_ON_A_STREET = re.compile(r"^\W*(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w'’-]+['’]s?)\s+(?:[a-z]+['’]s?\s+)?(?:[a-z-]+\s+)?"
                               r"(house|home|flat|bungalow|cottage)\s+(?:stood|sat|was|stands|sits|is)\s+(?:at|on|near|halfway\s+up)\s+"
                               r"(?:the\s+(?:top|bottom|end|corner|foot|head)\s+of\s+)?(?:a|the)\s+(?:[\w'’-]+\s+){0,2}?"
                               r"(?:street|road|lane|hill|terrace|close|avenue|crescent)\b")
_OUT_INTO_WEATHER = re.compile(r"^\W*(?:[A-Z][\w'’-]*\s+){1,3}(?:came|stepped|walked|ran|went)\s+out\s+of\s+(?:the|a|an|his|her|their)\s+[^,.;]{1,40}?\s+"
                               r"(?:at\s+[^,.;]{1,30}?\s+)?into\s+(?:the\s+|a\s+)?(?:rain|storm|night|dark|wind|downpour|cold)\b")
_ONTO_A_STREET = re.compile(r"\b(?:came|come|comes|stepped|steps|went|go|goes|walked|walks|spilled|emerged|got)\s+"
                            r"(?:[\w'’]+\s+){0,4}?(?:onto|on\s+to|into|out\s+on|out\s+into)\s+(?:[A-Z][\w'’-]+\s+){1,2}"
                            r"(?:Street|Road|Lane|Avenue|Square|Parade|Row|Way|Place)\b")
_LET_OUT = re.compile(r"^\W*(?:[A-Z][\w'’-]*\s+){1,3}(?:let|saw|showed|walked)\s+(?:us|me|them|him|her)\s+out\b|"
                      r"^\W*(?:we|I|they|he|she)\s+(?:went|stepped|came|got|let\s+ourselves|let\s+myself)\s+out(?:side)?\b",
                      re.IGNORECASE)
_OUTSIDE_WEATHER = re.compile(r"\W*Outside,?\s+(?:it\s+(?:was|is)\s+(?:pouring|raining|teeming|bucketing|sheeting|blowing|"
                              r"snowing|sleeting|chucking\s+it\s+down)|the\s+(?:rain|wind|storm|snow|sleet)\b)", re.IGNORECASE)
# someone abed as a paragraph opens: a bedroom (a ward's bed is the hospital's: see moves_on)
_IN_BED = re.compile(r"^\W*(?:(?:[A-Z][\w'’.-]*\s+){1,3}|(?:he|she|they|I|we)\s+)(?:was|were|is|are|lay|lies|sat|sits)\s+"
                     r"(?:(?:sitting|lying|propped)\s+(?:up\s+)?|still\s+|awake\s+)?in\s+(?:(?:her|his|their|my|our)\s+)?bed\b")


def established_place(sentences: list[str], vocabulary: Vocabulary = DEFAULT) -> tuple[str, str] | None:
    """(bed, place word) when a paragraph of narration, given as its first sentences, opens by setting
    the story in a place, or None.

    Its first sentence has the place as its subject ("The foyer of the Empire Hotel smelled of
    lilies", "Inside, the chapel was cold"), opens in it ("In the kitchen, the kettle boiled"),
    has weather fall on it ("Rain fell on the harbour"), puts the story's people there after the
    time has moved on ("By six we were on the M62"), or names a place by its own name in a state
    only a place is in, the next sentences saying what it is ("The Pelican is packed. Kit is
    running the bar"). A first sentence that only moves the clock on ("It was gone nine by the
    time they came out", "By the time we found the farm the light was going") leaves the place to
    the next one. A place in passing ("He looked out of the window at the street"), seen from
    elsewhere ("The street below was empty") or too general to be a scene ("The room was quiet")
    is none. A lane with fields and sheep about it is the country, not a street.
    """
    if not sentences:
        return None
    found = _opening_setting(sentences[0], vocabulary)
    if found is None and _EVENT_AT.match(sentences[0]):
        # ("Smoko's at ten in the homestead kitchen", "Dinner was at eight in the long room")
        found = place_of(sentences[0], vocabulary, opening=True, generic=False)
    if sits := _DWELLING_SITS.match(sentences[0]):
        found = ("countryside", sits.group(1).lower())  # "The Menons' house stood on a shelf of hillside above Strathblane"
    if found is None and (_NAMED_PLACE_STATE.match(sentences[0]) or ((where := _NAMED_PLACE_SITS.match(sentences[0]))
                                                                   and not first_name_gender(where.group(1)))):
        found = next(filter(None, (place_of(s, vocabulary, opening=True, generic=False) for s in sentences[:3])), None)
    if found is None and _TRANSITION.match(sentences[0]):
        # "It was past eleven when the carriage drew up, and they went up into the drawing-room", "By half past nine
        # that night the storm had blown itself out, and the only noise in the front bar of the Royal was the fans"
        found = _opening_setting(sentences[0], vocabulary, anywhere=True)
    if found is None and _TRANSITION.match(sentences[0]) and not _somewhere(vocabulary, sentences[0]):
        for sentence in sentences[1:3]:
            found = _opening_setting(sentence, vocabulary, anywhere=True)
            if found is not None:
                break
    if found is None and _TRANSITION.match(sentences[0]) and not _somewhere(vocabulary, sentences[0]):
        # ("By four o'clock the light had gone out of the sky... We put in at the bottom of Fen Lane": the people
        # come to a place by its name, a street's as well as a wood's)
        found = next((vocabulary.patterns.bed_of(m) for sentence in sentences[1:3] if _PEOPLE_ACT.match(sentence)
                      and (m := vocabulary.patterns.named_locative.search(sentence)) and not named_by_it(m)), None)
    if found is None and (home := next((m for x in sentences[:2] if (m := _HOME_ON_A_STREET.match(x))), None)):
        found = ("room", home.group(1).lower())    # "My aunt's house sat at the top of a street so steep...": her house
    if found is None and len(sentences) > 1 and _GOT_IN.match(sentences[1]) \
            and (car := vocabulary.patterns.subject.match(sentences[0])) and vocabulary.patterns.bed_of(car)[0] == "car":
        found = vocabulary.patterns.bed_of(car)     # "His car was a silver Skoda... I got in the front"
    if found is None and (hall := _HALL_OF.match(sentences[0])):
        found = ("crowd", f"{hall.group(1).lower()} hall")     # "The hall behind the PCEA church in Kawangware has..."
    if found is None and _NAMED_HALL.match(sentences[0]):
        found = ("crowd", "hall")
    if found is None and _CROSSING_OF.match(sentences[0]):
        found = ("countryside", "creek crossing")
    if found is None and (bare := _HOSPITAL_UNIT.match(sentences[0])):
        found = ("hospital", bare.group(1).lower())     # "Resus at this time of night is the brightest place"
    if found is None and len(sentences) > 1 and _LET_OUT.match(sentences[0]) and _OUTSIDE_WEATHER.match(sentences[1]):
        # ("Stan let us out through the side door at twenty to eight. Outside it was pouring, ... the car park tarmac")
        out = place_of(sentences[1], vocabulary, opening=False) or place_of(sentences[1], vocabulary)
        found = out if out and out[0] in _WILD_BEDS + ("street",) else ("street", "street")
    if found is None and _TRANSITION.match(sentences[0]) and _ONTO_A_STREET.search(sentences[0]):
        found = ("street", "street")    # "By the time Jenny and Shannon came up the steps onto Seel Street it was gone one"
    if found is None and _OUT_INTO_WEATHER.search(sentences[0]):
        # ("Dale came out of the field house at ten past ten into a rain like he had not seen... across the parking lot")
        out = place_of(sentences[0], vocabulary)
        found = out if out and out[0] in _WILD_BEDS + ("street",) else ("street", "street")
    if found is None:
        # ("I didn't get my coat. I found him where I'd guessed I would, in the smoking shelter behind the old
        # outpatients block": where the one sought is found)
        found = next((vocabulary.patterns.bed_of(where) for sentence in sentences[:2] if (them := _FOUND_THEM.match(sentence))
                      and (where := vocabulary.patterns.locative.search(sentence, them.end())) and not named_by_it(where)), None)
    if found is None and ((took := _IT_TOOK.match(sentences[0])) or (_TRANSITION.match(sentences[0])
                                                                   and (took := _WE_WENT.search(sentences[0])))):
        # ("It took us four minutes in Ryan's cruiser to get down the hill to the wharf": where the drive ends)
        to = _TO_THE.search(sentences[0], took.end())
        found = place_of("They went " + sentences[0][to.start():], vocabulary) if to else None
    if found is None and len(sentences) > 1 and vocabulary.patterns.motion.search(sentences[0]) \
            and _TRANSITION.match(sentences[1]):
        # (taken to a house, and there by the time the clock has moved on: "They brought Aubrey up to Della's house...
        # By the time the sky began to go grey over the harbour he was on the daybed ... in Della's kitchen")
        found = _opening_setting(sentences[1], vocabulary, anywhere=True)
    if found is None and _IN_BED.match(sentences[0]):
        found = ("room", "bed")     # "Edna Pinder was sitting up in bed in her good wool coat": her bedroom
    if found is None and len(sentences) > 1 and re.match(r"\W*Inside\s+the\b", sentences[1]):
        # ("We cleared the breakwater at twenty to ten and the sea took hold of us. Inside the wheelhouse there
        # was a red glow": the next sentence goes in)
        found = _opening_setting(sentences[1], vocabulary)
    if found is None and _TRANSITION.match(sentences[0]) and _CAME_OUT.search(sentences[0]):
        found = ("street", "street")    # "It was gone eleven when they came out of the hospital by the side gate"
    if found is None and keeps_hours(sentences[0]):
        # "Rossi's on Duke Street shuts at midnight, but if the blind's half down Gino's still in": a business by its
        # owner's name and the hours it keeps, a café, a chippy or a bar, with its talk and its clatter
        found = ("pub", "café")
    if found is None and BUSINESS_SITS.match(sentences[0]):
        # ("Enzo's is on the high street, between the bookies and ... the chip shop windows were so steamed up": a
        # business by its owner's name and where it stands, what it is said after)
        kinds = sorted((w for w, bed in vocabulary.patterns.word_bed.items() if bed in ("pub", "shop")), key=len, reverse=True)
        said = re.search(rf"\b({'|'.join(map(re.escape, kinds))})\b", " ".join(sentences[1:4]), re.IGNORECASE)
        found = (vocabulary.patterns.word_bed[said.group(1).lower()], said.group(1).lower()) if said else None
    if found is None and (opened := _OPENED_UP.match(sentences[0])):
        # ("I opened the café at five, because I couldn't think what else to do with my hands": the one who keeps it
        # is there to open it, the door and the day)
        bed = vocabulary.patterns.word_bed.get(opened.group(1).lower())
        found = (bed, opened.group(1).lower()) if bed and bed not in _SEEN_FROM_OUTSIDE + ("countryside",) else None
    if found is None and _CAME_OUT_INTO.match(sentences[0]):
        # ("We came up the emergency exit at 172nd Street a little before five... out through the hatch into the
        # middle of the sidewalk": where they come out is where the story is)
        found = place_of(sentences[0], vocabulary)
    if found is None and (later := _LATER_CLOCK.search(sentences[0]) or _LATER_ARRIVAL.search(sentences[0])):
        # ("The taxi queue was forty long, but Arjun knew the concierge, and at half past ten they were in a cab")
        found = place_of(sentences[0][later.end():], vocabulary, opening=True, generic=False)
    found = found or hotel_as_pub(sentences)
    if found is None and _TRANSITION.match(sentences[0]) \
            and (gone := vocabulary.patterns.motion.search(sentences[0])) \
            and vocabulary.patterns.bed_of(gone)[1] in ("hotel", "house", "farmhouse", "guest house", "boarding house"):
        # ("It's gone one in the morning when I ... go down through the hotel in my socks. ... There's a light under the
        # kitchen door": the clock moved on, into a building, and the room of it the next sentences come to)
        doors = [m.group(1).lower() for x in sentences[1:4] for m in _ROOM_DOOR.finditer(x)]
        found = next(((vocabulary.patterns.word_bed[d], d) for d in doors if vocabulary.patterns.word_bed.get(d)
                      in ("kitchen", "office", "pub", "shop", "room")), ("room", vocabulary.patterns.bed_of(gone)[1]))
    if found is None and (got := _BY_THE_TIME_WE_GOT.search(sentences[0])):
        # ("Dai has the chairs up on the tables by the time we get to the rugby club": where they get to)
        rest = sentences[0][got.end():]
        found = place_of(("We went" if re.match(r"\s+(?:to|at|in)\b", rest) else "We reached") + rest, vocabulary)
    if found is None and (back := _BACK_OF.match(sentences[0])) \
            and vocabulary.patterns.word_bed.get(back.group(1).lower()) in _VEHICLE_BEDS:
        found = (vocabulary.patterns.word_bed[back.group(1).lower()], back.group(1).lower())
    # ("the sky over the allotments behind the far goal had gone a dirty orange and the floodlights were on": the
    # pitch they play on, the allotments only seen from it)
    if found and found[0] in ("garden", "countryside", "street") and len(
            {m.group(0).lower() for m in _PITCH.finditer(" ".join(sentences))}) >= 2:
        return "training_ground", "pitch"
    rural = {m.group(0).lower() for m in _RURAL.finditer(" ".join(sentences))}
    if found and found[1] in (*_ROAD_WORDS, "yard") and len(rural) >= 2:      # a farmyard, too
        return "countryside", found[1]
    return found or None


_ROOM_DOOR = re.compile(r"\b(?:the|a)\s+([a-z]+(?:\s+[a-z]+)?)\s+door\b", re.IGNORECASE)
_BY_THE_TIME_WE_GOT = re.compile(r"(?<=\w)\s+by\s+the\s+time\s+(?:we|they|I|he|she)\s+(?:get|got|reach|reached|arrive|arrived)"
                                 r"(?=\s+(?:to|at|in)\s+the\b|\s+the\b)", re.IGNORECASE)
# ("The back of the ambulance is bright and warm after the yard": inside a vehicle, at its back)
_BACK_OF = re.compile(r"^\W*(?:the|in\s+the)\s+back\s+of\s+(?:the|a|an|his|her|their|our|my)\s+([\w-]+(?:\s+engine)?)\s+"
                      r"(?:is|was|smelled|smells|smelt|felt|feels|rocks|rocked|sways|swayed)\b", re.IGNORECASE)


def hotel_as_pub(sentences: list[str]) -> tuple[str, str] | None:
    """("By nine it was sitting right over the town, and the Corella Hotel, a two-storey weatherboard with a
    verandah, was full of people": a town's Hotel full of people, or with its bar, is its pub.)"""
    hotel = next(filter(None, map(_HOTEL_FULL.search, sentences[:2])), None)
    return ("pub", "hotel") if hotel and (hotel.group(1) or any(_HOTEL_BAR.search(x) for x in sentences)) else None


_HOTEL_FULL = re.compile(r"\b(?-i:[Tt]he\s+(?:[A-Z][\w'’-]+\s+){1,2}Hotel)\b(?:(?:,[^,.;]{0,140},)?\s+(?:was|were|is)\s+"
                         r"((?:already\s+|still\s+)?(?:full|packed|crowded|heaving|jammed|rammed)\b))?", re.IGNORECASE)
_HOTEL_BAR = re.compile(r"\b(?:public|front|saloon|lounge)\s+bar\b|\bpublican\b|\bschooners?\b|\bdrinkers\b", re.IGNORECASE)
# ("It takes me three minutes to find my coat..., and by the time I'm out in the car park the rain is coming down")
_LATER_ARRIVAL = re.compile(r",\s+(?:and|but|so|then)\s+by\s+the\s+time\s+(?:we|they|he|she|I)(?:['’]m|['’]re|\s+(?:am|are|is|was|were|"
                            r"got|get|had\s+got))\s+(?:out\s+|back\s+|down\s+|up\s+)?(?=(?:in|on|at|into|onto)\s)", re.IGNORECASE)
_CAME_OUT_INTO = re.compile(r"^\W*(?:we|they|I|he|she|(?-i:[A-Z][a-z]+))\s+(?:came|climbed|clambered|emerged)\s+"
                            r"up\b(?=[^.;]*\b(?:into|onto|out\s+on)\s)", re.IGNORECASE)
_LATER_CLOCK = re.compile(rf",\s+(?:and|but|so|then)\s+(?=(?:{_CLOCK_TO_THE_MINUTE})(?-i:we|they|he|she|I|[A-Z][a-z]+)\s+"
                          r"(?:are|were|was|is|sat|sit|stood|stand)\s+(?:\w+\s+)?(?:in|at|on|inside)\s)", re.IGNORECASE)
_OPENED_UP = re.compile(r"^\W*(?:we|they|I|he|she|(?-i:[A-Z][a-z]+))\s+(?:opened|unlocked)\s+(?:up\s+)?(?:the|my|our|his|her|"
                        r"their)\s+([\w-]+)(?=\s+(?:at|for|on|that|this|early|late|as|because|and|just)\b|[,.;])", re.IGNORECASE)
_NOT_THERE = re.compile(r"\b(?:wasn['’]t|weren['’]t|isn['’]t|aren['’]t|not|never|nor)\b(?![^.;:]*\bbut\b)[^.;:]*$", re.IGNORECASE)


def _somewhere(vocabulary: Vocabulary, sentence: str) -> bool:
    """The sentence puts someone in or at a place (not "he wasn't at Kenny's, or in the store")."""
    return any(not _NOT_THERE.search(sentence, max(0, m.start() - 80), m.start())
               for m in vocabulary.patterns.locative.finditer(sentence))


def _opening_setting(first: str, vocabulary: Vocabulary, anywhere: bool = False) -> tuple[str, str] | None:
    """(bed, place word) a paragraph's sentence sets the story in, as its subject or its opening phrase
    (`anywhere`: or in a locative anywhere in it, after a sentence that moved the clock on)."""
    patterns = vocabulary.patterns
    clause_end = next((m.start() for m in re.finditer(r"[,;:]", first)), len(first))
    tries = [(patterns.subject.match(first), False), (patterns.fronted.match(first), True),
             (patterns.fronted_street.match(first), True),
             (patterns.defined.match(first), True),
             # ("We ate in the kitchen of the cottage...; the front room is for wakes": where they are, before any aside)
             ((we_did := _WE_DID_IN.match(first)) and patterns.locative.match(first, we_did.end()), True),
             (_later_clause_subject(patterns, first), False),
             (_BAR_STATE.search(first), True),
             # ("Night comes early on Gillthwaite Fell in November")
             (_WEATHER_SUBJECT.match(first) and (patterns.locative.search(first, 0, clause_end)
                                                 or patterns.over.search(first, 0, clause_end)
                                                 or patterns.named_locative.search(first, 0, clause_end)), False),
             (_PEOPLE_THERE.match(first) and patterns.locative.match(first, _PEOPLE_THERE.match(first).end()), True)]
    searched_from = len(tries)
    if anywhere:
        # ("They had eaten in the kitchen, and afterwards they had carried their mugs out onto the verandah": where they went)
        later = _LATER_MOVE.search(first)
        tries.append((later and patterns.locative.match(first, later.end()), True))
        tries.append((patterns.locative.search(first), True))
        tries.append((patterns.motion.search(first), True))
        # ("The floodlights over the hockey pitch are on")
        tries.append((patterns.over.search(first), True))
        # ("By the time I reached the gate of Riverside Holiday Park it was nearly five")
        tries.append((patterns.named_locative.search(first), True))
        # ("By three o'clock the rain still has not come, but everyone at Muthurwa market is selling")
        tries.append((patterns.named_kind.search(first), True))
        # ("...the Wongs stood at the side gate of Anfield Cemetery")
        tries.append((patterns.threshold.search(first), True))
        # ("the four of us walked the long way round the harbourside", not round the park: on its streets)
        tries.append(((way := patterns.round.search(first)) and patterns.bed_of(way)[0] in ("shore", "countryside")
                      and way, True))
    for n, (match, inside) in enumerate(tries):
        if not match or named_by_it(match) or (match.re is patterns.subject and the_people_in_it(match)):
            continue
        if n >= searched_from and _NOT_THERE.search(match.string, max(0, match.start() - 80), match.start()):
            continue    # "he wasn't at Kenny's, or in the store, or aboard the boat": everywhere he is not
        if n >= searched_from and re.match(r"\W*towards?\b", match.group(0), re.IGNORECASE):
            continue    # "By seven Len was walking them up the Drove toward the top yard": a way, not where anyone is
        where = _where(match)
        after = match.string[match.end():]
        seen_from = match.re is not patterns.defined and _VIEW_BEFORE.search(match.string[:where])
        if seen_from or _VIEW_AFTER.match(after) or _ELSEWHERE.match(after) \
                or (match.re is patterns.subject and re.match(r"\s*(?:[.!?]|$)", after)) \
                or any(a <= where < b for a, b in figures_in(match.string)):
            return None     # "Larkhill Abbey!" is an exclamation, not a setting
        bed, word = patterns.bed_of(match)
        if word == "falls" and a_verb(match):
            continue
        if business_named_for(bed, match.string, where):
            return "pub", "restaurant"      # "The Shalimar Garden had been on Gibson Street for years"
        if match.re is patterns.named_locative and bed not in _WILD_BEDS:
            return None
        if an_event(word, after):
            return place_of(after, vocabulary)    # "The reception is at the Grange Hotel, in a function suite"
        if bed in _VEHICLE_BEDS and match.re in (patterns.fronted, patterns.locative) \
                and not _INSIDE.match(re.sub(rf"^\W*(?:{_TIME_LEAD_IN})?", "", match.group(0), flags=re.IGNORECASE)):
            return None     # "At the car Hollis drew me aside": beside it, out of doors
        if bed in _VEHICLE_BEDS and match.re is patterns.motion \
                and not re.search(r"\b(?:into|in|inside|aboard|on\s+board)\b", match.group(0), re.IGNORECASE):
            return None     # "At ten the Menons went out to a taxi": they leave, the story stays at the table
        inside = inside or word in _MOTORWAYS or bool(_ROAD_WORD.fullmatch(word))   # only from a car
        inside = inside or word in _PARTS_ABOARD    # ("the passenger lounge had divided itself": the ferry's, from within)
        # (but someone's flat is a home: "Claire's flat is over the chemist's")
        owned = word == "flat" and re.search(r"(?:['’]s|\b(?:my|his|her|their|our|your))\s+$", match.string[:where])
        # (a car known by its smell and its heater is one sat in: "Aaron's car is a Fiesta that smells of fried chicken")
        inside = inside or (bed == "car" and match.re is patterns.subject and _CAR_FROM_INSIDE.search(first) is not None)
        if too_general(word, match) or (word in _NOT_A_SETTING and not owned) or (bed in _SEEN_FROM_OUTSIDE and not inside):
            return None
        return bed, word
    return None


# Words for a way through wherever one already is: a bridge or a lane among fields is the country, the
# sea under a boat is the boat, the road under a car is the car's.
_WAYS_THROUGH = {"countryside": ("bridge", "lane", "road", "track", "crossroads"),
                 "forest": ("bridge", "lane", "road", "track"), "garden": ("bridge", "lane", "track"),
                 "shore": ("bridge", "road", "lane", "track"), "ship": ("sea", "bay"),
                 # "The road dipped toward a stone bridge": the way a car or a carriage is on
                 "car": ("bridge", "road", "lane", "track", "crossroads"),
                 "carriage": ("bridge", "road", "lane", "track", "crossroads")}


# A ferry's saloon or a liner's bar is a room of the ship, not a pub ashore: which it is, the story
# around it says ("Is he on board?", "the ramp", "a life-jacket locker").
_PARTS_ABOARD = ("passenger lounge", "car deck", "vehicle deck", "observation lounge", "upper deck", "sun deck",
                 "wheelhouse", "engine room", "engine-room", "cabin", "galley", "below decks", "cargo hold", "forecastle",
                 "quarterdeck", "back seat", "backseat", "passenger seat", "driver's seat", "top deck", "compartment",
                 "dining car", "sleeping car")
_ROOMS_ABOARD = ("saloon", "lounge", "bar", "mess", "canteen", "cafe", "café", "restaurant", "dining room",
                 "dining saloon", "lounge bar", "saloon bar", "boiler room", "boiler-room")
_ABOARD = re.compile(r"\b(?:aboard|on\s+board|ferry|ferries|steamer|liner|ship|purser|deck|decks|gangway|"
                     r"gangplank|car\s+deck|life-?jackets?|lifeboats?(?!\s+(?:station|house|shed|crew|slipway))|portholes?|bulkheads?|"
                     r"mooring\s+lines?)\b",
                     re.IGNORECASE)


def aboard(found: tuple[str, str] | None, ambience: str | None, story_so_far: str, scene_so_far: str = "") -> tuple[str, str] | None:
    """A public room (bed, word) found where the story is on a boat (the scene's bed is the ship's, or
    the last few paragraphs say the people are aboard) is the ship's: ("ship", word); a galley or a cabin
    where the scene so far or the last paragraphs are a plane's is the aircraft's."""
    if found and found[0] == "ship" and found[1] in ("galley", "cabin", "hold") and ambience != "ship" \
            and len(_AIRBORNE.findall(scene_so_far + story_so_far)) >= 2:
        return "aircraft", found[1]     # ("In the forward galley Fenwick is wiping down a worktop" of a plane on its stand)
    if found and found[1] in _ROOMS_ABOARD and found[0] != "ship" \
            and (ambience == "ship" or any(not _A_FIGURE.search(story_so_far, max(0, m.start() - 60), m.start())
                                           for m in _ABOARD.finditer(story_so_far))):
        return "ship", found[1]
    return found


# an aircraft's words: the story is on a plane, whose galley and cabin are no ship's
_AIRBORNE = re.compile(r"\b(?:flight\s+deck|cabin\s+crew|first\s+officer|overhead\s+lockers?|seat\s*belts?|the\s+slides|"
                       r"jet\s+bridge|air\s*bridge|boarding\s+pass(?:es)?|tray\s+tables?|(?:aero|air)?planes?|aircraft|"
                       r"airliner|fuselage|cockpit|pushback|runway|taxiway|apron|interphone|window\s+seat|aisle\s+seat)\b",
                       re.IGNORECASE)
# a boat in a figure of speech: "with the fixed expression of a man rowing a lifeboat"
_A_FIGURE = re.compile(r"\b(?:like|as\s+if|as\s+though|expression\s+of|of\s+(?:a|an|some)\s+(?:\w+\s+)?(?:man|woman|men|women|"
                       r"someone|sailor|fisherman))\b[^.!?;]*$", re.IGNORECASE)


# Where people sit indoors: in whatever room the scene already is
_FURNITURE = ("sofa", "settee", "couch", "armchair", "fireside", "bedside")


def later_elsewhere(first: str, place: str, found: tuple[str, str]) -> bool:
    """The paragraph's first sentence moves the clock on ("By half past eight it was full dark") and the place it
    sets is another than the scene's, though of the same bed: from the lambing shed to the lane down from the farm.
    (Not a place the first sentence itself goes on to, "By the time they reached the barn the night had closed in":
    the same journey, nor the sofa of the salon.)"""
    return bool(_TRANSITION.match(first)) and found[1].lower() != place.lower() \
        and found[1].lower() not in first.lower() and found[1] not in _FURNITURE


def moves_on(ambience: str | None, found: tuple[str, str]) -> bool:
    """True when a place found mid-story (bed, word) is somewhere else than the scene's bed."""
    bed, word = found
    if word in _FURNITURE and ambience in _INDOOR_BEDS:
        return False    # "five women on the sofa by the window" of the salon the scene is in
    if word == "bed" and ambience in ("hospital", "ship"):
        return False    # "Bert was sitting up in bed": the ward's bed, or a bunk
    if word == "bay" and ambience == "hospital":
        return False    # "He goes into the bay": a ward's bay of beds, not the sea's
    if word == "deck" and ambience == "shore":
        return False    # "She walked across the wet deck" of the pier
    if word == "station" and ambience in ("hospital", "office"):
        return False    # "I went back to the station": the nurses' station of the ward, the police's own
    if word == "kitchen" and ambience == "pub":
        return False    # "and went back to the kitchen": the waiter goes; the diners stay at their table
    # (a lane the fields and sheep make the country is where the car has got to, not the road it is on)
    under_wheels = ambience not in _SEEN_FROM_OUTSIDE or bed == "street"
    return bed != ambience and not (word in _WAYS_THROUGH.get(ambience or "", ()) and under_wheels)


# one of the others going off, in a story told by "I", who stays: "Then he goes to the office to ring the care home,
# and when I pass the office ten minutes later it is empty", "And she goes back into the kitchen as if that settles it"
_SOMEONE_ELSE_GOES = re.compile(
    r"(?:^\W*|[,;:]\s+|\b(?:and|then|so|but)\s+)(?:then\s+)?(?:(?:he|she|they)|(?-i:(?!We\b|You\b|It\b|There\b|Then\b)"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))\s+(?:\w+ly\s+)?(?:goes|went|heads|headed|disappears|disappeared|returns|returned|"
    r"walks|walked|hurries|hurried|stalks|stalked|storms|stormed|wanders|wandered|stomps|stomped)\s+"
    r"(?:back\s+|off\s+|out\s+|away\s+)*(?:in|into|to|through|inside|across)\b", re.IGNORECASE)
# (unless the teller goes too: "She went into the kitchen and I followed her", "She takes me through to the kitchen")
_GOES_TOO = re.compile(r"\b(?:I|we)\s+(?:\w+\s+)?(?:follow|follows|followed|go\s+after|went\s+after|go\s+with|went\s+with|"
                       r"trail|trailed|go\s+in|went\s+in)\b|\b(?:with|after)\s+(?:me|us)\b|\b(?:me|us)\s+(?:in|into|through|along|"
                       r"with|to|back|out)\b")


def someone_else_goes(sentence: str, after: str) -> bool:
    """Someone other than the teller goes somewhere, and the teller, with the story, stays where they are."""
    going = _SOMEONE_ELSE_GOES.search(sentence)
    return bool(going) and not re.search(r"\b(?:I|we)\b", sentence[:going.start()]) \
        and not _GOES_TOO.search(f"{sentence} {after}")
