"""Weather and time over a place: which layers (rain, thunderstorm, wind, night) a sentence says hold
now, come in, or are over. The words of each layer live here (LAYER_PATTERNS); places.Vocabulary
carries them with a producer's own from sounds/places.yaml. This module reads no place words."""
from __future__ import annotations

import re


# The dark come ("It's gone ten and fully dark", not "it was dark inside the cupboard"), a room lit by candles,
# weather that has been up since dusk, the light of the street lamps.
_NIGHT_COMES = (
    r"\b(?:it|the\s+sky)(?:\s+(?:was|is)|['’]s)\s+(?:(?:gone|past|after)\s+\w+\s+and\s+)?(?:still\s+)?(?:already\s+|nearly\s+|"
    r"almost\s+|fully\s+|quite\s+|completely\s+|properly\s+|full\s+|as\s+)?dark\b(?![\w-])"
    r"(?!\s+(?:in|inside|under|beneath|within|green|blue|red|brown|grey|gray)\b)"
    r"|\bby\s+(?:candle|lamp)[\s-]?light\b|\bsince\s+(?:dusk|nightfall|sundown|sunset|dark)\b"
    # the light of the lamps in the street: "the drizzle hung in the orange streetlight"
    r"|\bin\s+the\s+(?:[\w-]+\s+){0,2}?(?:street[\s-]?light|street[\s-]?lamps?|lamplight|gaslight)\b"
    # ("In the dark and the rain it was all just shapes", not "in the dark of the cupboard")
    r"|^\W*in\s+the\s+dark(?:ness)?\b(?!\s+(?:of|about)\b)"
    # a log's or a heading's clock at night: "21:40, HOBB'S LOCK", "At 11.40 p.m. the call came"
    r"|^\W*(?:2[1-3]|0[0-4])[:.]?[0-5]\d\b(?!\s*(?:p\.?m|a\.?m)\b)|\b(?:9|10|11)[:.][0-5]\d\s*p\.?m\b|\b(?:12|1|2|3|4)[:.][0-5]\d\s*a\.?m\b")
# ("The window went from grey to dark blue to black"; "the windows had turned black")
# (not a train's in a tunnel: "The train ran through a cutting and the windows went black")
_WINDOW_GONE_BLACK = (r"(?<!\bcutting\sand\sthe\s)(?<!\btunnel\sand\sthe\s)"
                      r"\bwindows?\s+(?:had\s+|have\s+)?(?:went|gone|turned|goes|turns)\s+(?:from\s+[^.;,]{0,40}?\s+to\s+)?black\b"
                      r"(?![^.;]*\b(?:tunnel|cutting)\b)")
# "tonight" in the narration, of the night it is in (not "the warning from six tonight")
_TONIGHT = r"(?:^\W*|[,;:]\s+|\b(?:and|but)\s+)tonight\b(?=,|\s+(?:there|it|the|he|she|they|we|I)\s+(?:was|were|had|is|are)\b)"
# Layer -> patterns that put it over the place. Weather and time are never a place of their own.
# (places.Vocabulary carries them, with a producer's own words, as `vocabulary.patterns.layers`)
LAYER_PATTERNS: dict[str, str] = {
    # (or told by what it does to a windscreen: "The first drops hit the windscreen", "the wipers on double speed")
    "rain": r"\b(rain(?:ing|ed|s|fall|water|drops?|-soaked|-swept)?|drizzl\w*|downpour|pouring rain|sleet(?:ing|ed|y)?|"
            r"(?:first|fat|big|heavy)\s+drops\s+(?:hit|struck|spattered|smacked|landed|fell)|"
            r"(?:windscreen|windshield)\s+wipers|wipers\s+(?:on|going|thumping|beating|slapping|squeaking|working|flicking|"
            r"sweeping|at\s+full))\b",
    "thunderstorm": r"\b(thunder(?:storm|clap)?s?|lightning|storm(?:y|s)?|tempest)\b",
    "wind": r"\b(wind(?:s|y|swept)?|gales?|gusts?|gusty|blustery)\b",
    # "the night train" runs at night but says nothing of the hour the scene is in
    "night": r"\b(night(?:fall|time)?|midnight|moonlight|moonlit|after dark|by dark|starlight)\b"
             # "the night's catch" was got in the night: the scene may be by day
             r"(?!['’]s\b)"
             r"(?!\s+(?:train|bus|boat|ferry|mail|express|sleeper|porter|nurse|watchman|shift|school|club)s?\b)"
             # the day going out: "the light was nearly gone", "it was getting dark", "out in the dark"
             r"|\bthe\s+(?:last\s+of\s+the\s+)?(?:day)?light(?:\s+(?:was|is|had|has)|['’]s)\s+(?:\w+\s+)?(?:gone|going|failing|fading)\b"
             # ("By the time the light began to go it lay across the whole street")
             r"|\bthe\s+(?:day)?light\s+(?:began|begins|started|starts)\s+to\s+(?:go|fail|fade|die)\b"
             # "with the last of the light draining out of the sky"
             # (and "what was left of the daylight was draining out of the sky")
             # ("the last of the daylight had turned everything the colour of dishwater and was draining away fast")
             r"|\b(?:the\s+last|what\s+was\s+left|what\s+is\s+left)\s+of\s+the\s+(?:day)?light\s+(?:[^.;:!?]{0,60}?\s)?"
             r"(?:draining|fading|failing|going|dying|ebbing|leaking)\b"
             r"|\b(?:it|the\s+sky)\s+(?:was|is|had)\s+(?:already\s+|nearly\s+|almost\s+)?(?:getting|growing|grown|gone)"
             r"\s+dark\b|\b(?:it|the\s+sky)\s+(?:had\s+|has\s+)?(?:got|gets|grew|went)\s+dark\b|"
             # ("It had been dark since half past four, a dry and bitter dark")
             r"\b(?:it|the\s+sky)\s+(?:had|has)\s+been\s+(?:fully\s+|properly\s+)?dark\s+(?:since|for)\b|\b(?:dark(?:ness)?\s+(?:had\s+|has\s+)?(?:fall(?:en|s)?|(?:come|came|comes|coming)\s+(?:down|in|on)|"
             r"(?:closed|closes|drawn|drew|draws|set|sets)\s+in)|darkness\s+fell)\b|\bout\s+in\s+the\s+dark(?:ness)?\b"
             # weather falling in it: "the freezing rain was coming down in the dark"
             # ("rain that doesn't so much fall as hang in the dark", "It came slantwise out of the dark")
             r"|\b(?:down|falling|fell|pouring|poured|driving|drove|blowing|blew|hang|hangs|hung|hanging)\s+(?:\w+\s+)?"
             r"in\s+the\s+dark(?:ness)?\b|\b(?:came|comes|coming|blew|blows|blowing|drove|drives|driving|swept|sweeps)\s+"
             r"(?:\w+\s+)?out\s+of\s+the\s+dark(?:ness)?\b(?=\s*[,.;:!?—]|\s*$|\s+(?:and|over|into|at|with|towards?|"
             r"across|behind|like|as|to|on|onto|from|in|under|beyond|above|below)\b)"
             # ("every drop showed silver against the dark"; "the floodlights were on", "under the floodlights")
             r"|(?:" + "|".join(rf"(?<=\b{w}\s)" for w in ("silver", "gold", "golden", "white", "orange", "yellow",
                                                              "bright", "pale", "lit", "glowing", "gleaming", "shining",
                                                              "shone", "showed", "glowed", "gleamed")) + ")"
             r"against\s+the\s+dark(?:ness)?\b(?=\s*[,.;:!?—]|\s*$)"
             r"|\bfloodlights\s+(?:were|was|are|is|had\s+been|have\s+been)\s+(?:already\s+)?(?:on|lit|blazing|burning)\b"
             r"|\bunder\s+(?:the\s+)?floodlights\b"
             # ("it fell in thick ropes through the glare of the floodlights", "the floodlights blazed")
             r"|\b(?:glare|blaze|beams?|white\s+light|wash)\s+of\s+the\s+floodlights\b|\bfloodlights\s+(?:blazed|glared|burned|"
             r"shone|blazing|glaring)\b"
             # ("It was ten past five, and still black dark, when I got into the A&E")
             r"|\b(?:still\s+(?:black\s+|pitch\s+)?dark|pitch[\s-](?:dark|black))\b(?![\s-]+(?:green|blue|red|brown|grey|gray|"
             r"hair|eyes|suit|coat))"
             # ("out beyond the posts the dark was so complete that...")
             r"|\bthe\s+dark(?:ness)?\s+(?:was|is)\s+(?:so\s+|almost\s+|nearly\s+)?(?:complete|total|absolute|thick|"
             r"pitch|solid|deep|impenetrable)\b"
             # ("the two lines of vehicles running away from her into the dark")
             r"|\b(?:running|ran|runs|stretching|stretched|stretches|disappearing|disappeared|vanishing|vanished|"
             r"receding|away)\s+(?:[\w'’-]+\s+){0,3}?into\s+the\s+dark(?:ness)?\b(?=\s*[,.;:!?—]|\s*$)"
             # dusk come: "It was dusk, or what passed for it", "at dusk the creek was rising", "the gloaming"
             r"|\b(?:it\s+(?:was|is)|at|by|in\s+the|into\s+(?:a|the))\s+(?:(?:already|nearly|almost|near)\s+)?dusk\b|\bdusk\s+(?:fell|falls|"
             r"was\s+falling|is\s+falling|had\s+fallen|came|comes|was\s+coming)\b|\bgloaming\b"
             rf"|{_NIGHT_COMES}|{_WINDOW_GONE_BLACK}"
             # the night the narration is in: "tonight there was nobody but the wind" (not "the warning from six tonight")
             rf"|{_TONIGHT}"
             # the hours after midnight by the clock: "the car park at one in the morning" ("in the small
             # hours" is as often when something happened before the scene)
             r"|\b(?:midnight|one|two|three|four|[1-4])(?:[.:][0-5]\d)?(?:\s+o['’]clock)?\s+in\s+the\s+morning\b"
             # ("Half one on a Saturday morning and Hope Street is a canal of brake lights")
             r"|\b(?-i:H|h)alf\s+(?:one|two|three)\s+on\s+a\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+morning\b"
             r"|\b(?:one|two|three|four|[1-4])(?:[.:][0-5]\d)?\s*a\.?m\b\.?",
}
LAYERS = tuple(LAYER_PATTERNS)
# weather and the time of day as words: no one's name ("Rain came across the windows", "Dawn broke")
WEATHER_AND_HOURS = {"rain", "snow", "sleet", "hail", "frost", "fog", "mist", "thunder", "lightning", "storm", "wind",
                     "dawn", "dusk", "twilight", "sunlight", "moonlight", "darkness", "summer", "winter", "autumn",
                     "spring", "sunshine", "sky"}
_DEFAULT_LAYERS = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in LAYER_PATTERNS.items()}


def _layer_patterns(vocabulary) -> dict[str, re.Pattern]:
    """The layer patterns of a places.Vocabulary (a producer's words among them), else the built-in ones."""
    return vocabulary.patterns.layers if vocabulary is not None else _DEFAULT_LAYERS


# Words around a layer word that mean it is not happening here and now.
_NOT_NOW = re.compile(
    # ("The glass had been falling since midnight": the night gone by, the morning now)
    r"\b((?<!\bat )last|tomorrow|yesterday|previous|other|every|good|no|without|(?:before|until|till)(?!\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)|since|stopped|ceased|cleared|"
    # the weather gone by: "as mornings do after a night of storm"
    r"after\s+(?:a|the)\s+(?:long\s+|wild\s+)?(?:night|day|week)s?\s+of|"
    # the night talked of: "a hyena was still complaining about the night"
    r"(?:complain\w*|talk\w*|grumbl\w*|moan\w*|forget\w*|forgot|think\w*|thought)\s+about\s+the|"
    # a night spent, or to be spent: "the look of a man who had spent the night drawing arrows"
    r"spen(?:d|t|ds|ding)\s+(?:a|the|(?:the\s+)?whole(?:\s+of\s+the)?|all\s+the)|"
    # ("after the heavy rain", not "somewhere after ten the rain had come in": a clock)
    r"after(?=\s+(?:(?:the|a|an|that|this|all\s+the)\s+)?(?:[\w'’-]+\s+)?$)|wind(?:ed|ing)?\s+(?:up|down)|rain\s+check|of\s+(?:arrows|blows|stones|sparks)|"
    # a night gone by: "The crest had come through in the night"
    r"had\s+(?:\w+\s+){1,2}?(?:in|during)\s+the(?=\s*$)|"
    # ("as if nothing at all happened in the night": the morning after)
    r"(?:happened|happens|went\s+on|took\s+place)\s+(?:\w+\s+)?(?:in|during)\s+the(?=\s*$)|"
    # and one gone on all through it: "like old men who had argued all night", "It had rained all night"
    r"had\s+(?:\w+\s+){1,2}?all(?=\s*$))\b",
    re.IGNORECASE)
# Figures of speech with a weather word in them: "took the town by storm", "got wind of it".
_WEATHER_FIGURES = re.compile(
    r"\b(?:(?:rain|storm|wind|thunder)s?\s+of|by\s+storm|brainstorm\w*|storm\s+in\s+a\s+teacup|"
    r"(?:weather|weathered|ride|rode|calm\s+before)\s+the\s+storm|got\s+wind|second\s+wind|"
    r"(?:his|her|their|my|your)\s+thunder|right\s+as\s+rain|rain\s+check|wind(?:s|ing)?\s+(?:up|down)|"
    r"wind\s+(?:the|a|his|her)\s+(?:clock|watch|handle|key)|good\s*night|night\s+(?:before|after))\b",
    re.IGNORECASE)
# "the thunder has stopped altogether", "the wind had dropped at last", "the rain was easing off": no longer there
_LAYER_STOP_AFTER = re.compile(r"^\W*(before|(?:had|has|have|'d|'s)\s+(?:(?!not\b|never\b)\w+\s+)?(?:stopped(?!\s+being\b)|passed|cleared|ended|"
                               r"dropped|died|eased|abated|let\s+up|blown\s+(?:itself\s+)?out|blown\s+over|moved\s+off|gone|"
                               # (not "given up pretending it might ease off": still falling)
                               r"given\s+up(?!\s+\w+ing)|given\s+over|quit)|gave\s+up(?!\s+\w+ing)|gave\s+over|"
                               r"dropped|died\s+(?:down|away)|eased|abated|let\s+up|blew\s+itself\s+out|"
                               r"(?:was|is)\s+(?:dying|easing|letting\s+up)|stopped|ceased|cleared|was over|"
                               r"of (arrows|blows|stones|sparks|insults)|check|mill|breaker|fall(s)? (of|from))\b",
                               re.IGNORECASE)

# weather still to come: "more rain was on its way by evening", "rain is forecast", "The rain had not come yet",
# "the rain was still holding off", "The rain had held off"
_STILL_TO_COME = re.compile(r"\s*(?:(?:was|is|were|are)\s+(?:on\s+(?:its|the)\s+way|forecast|expected|due)\b|"
                            r"(?:still\s+)?(?:had|has|have)\s*(?:not|n['’]t)\s+(?:yet\s+|still\s+)?(?:come|arrived|started|begun|reached|"
                            r"broken|set\s+in)\b|"
                            r"(?:was|is|were|are)\s+(?:still\s+)?(?:holding|held)\s+off\b|(?:(?:had|has|have)\s+(?:so\s+far\s+|still\s+)?)?(?:held|holds)\s+off\b)",
                            re.IGNORECASE)


def layers_in(sentence: str, vocabulary=None) -> list[str]:
    """Weather and time the sentence says hold now: rain, thunderstorm, wind, night."""
    found = []
    figures = [m.span() for m in _WEATHER_FIGURES.finditer(sentence)]
    for name, pattern in _layer_patterns(vocabulary).items():
        for match in pattern.finditer(sentence):
            before = sentence[max(0, match.start() - 24): match.start()]
            after = sentence[match.end(): match.end() + 30]
            # ("a little after one in the morning" is still the night)
            # (and "a little after midnight", "gone midnight")
            clock = match.group(0).lower().endswith("in the morning") or (
                match.group(0).lower() == "midnight" and re.search(r"\b(?:after|past|gone)\s+$", before) is not None)
            if (_NOT_NOW.search(before.split(",")[-1]) and not clock) or _LAYER_STOP_AFTER.search(after) \
                    or _STILL_TO_COME.match(after):
                continue
            if any(a <= match.start() < b for a, b in figures):
                continue
            if match.group(0)[0].isupper() and re.search(r"\w", sentence[:match.start()]):
                continue    # a capital inside a sentence is a name: "Windy Corner", "Stormy Point"
            found.append(name)
            break
    if "thunderstorm" in found and "night" not in found and _STORM_AFTER_NINE.search(sentence):
        found.append("night")
    return found


_WEATHER_NOUN = r"(?:rain|wind|gale|thunder|thunderstorm|storm|lightning|downpour|drizzle|squall|hail)s?"
# Weather that comes in or goes on as an event of the story, told at the start of a sentence ("By the third
# string the wind had backed round", "Then the rain began", "there is thunder", "it started to pour").
_WEATHER_COMES = re.compile(     # (or in a later clause: "The window went black, and then the rain came")
    r"(?:^\W*|,\s+(?:and\s+)?then\s+)(?:(?:then|and|but|now|soon|suddenly|outside|overhead|above|by|at|after|within|towards?|before|far|somewhere|"
    r"while|when|as|once|all\s+at\s+once)"
    r"\b[^.;:!?\"“]{0,60}?\s+)?(?:(?:the|a)\s+)?(?:\w+\s+)?" + _WEATHER_NOUN +
    r"\s+(?:itself\s+)?(?:had\s+|has\s+|was\s+|is\s+|were\s+|are\s+)?(?:been\s+)?(?:\w+ly\s+|still\s+|now\s+)?"
    r"(?:began|begins|started|starts|came|comes|coming|rose|rises|rising|got\s+up|gets\s+up|getting\s+up|picked\s+up|"
    r"picks\s+up|broke|breaks|rolled|rolls|rumbled|rumbles|howled|howls|howling|lashed|lashes|lashing|hammered|hammers|"
    r"poured|pours|pouring|drummed|drums|drumming|blew|blows|blowing|backed|veered|swung|shifted|freshened|strengthened|"
    r"gusted|set\s+in|sets\s+in|fell|building|built|builds|keeps\s+on|kept\s+on|goes\s+on|went\s+on|carries\s+on|carried\s+on|"
    r"falls|falling|roared|roars|flashed|flashes|cracked|cracks|crashed|crashes|raged|rages|raging|beat|beats|beating|"
    r"swept|sweeps|tore|tears|moaned|moans|whistled|whistles|shrieked|shrieks|screamed|screams|"
    # on the one who is out in it: "the wind hit me so hard", "The rain was driving sideways in sheets"
    r"hit|hits|struck|strikes|driving|drove|drives|slanting|slanted|whipped|whips|whipping|sheeting|teeming|bucketing)\b"
    # the night the scene is in, told as a time: "On a November night in a north-easterly it is another place"
    r"|^\W*on\s+(?:a|an|that|this)\s+(?:[\w-]+\s+){0,2}?night\b"
    r"|\bthere\s+(?:is|was|came|comes)\s+(?:a\s+|the\s+|more\s+)?(?:\w+\s+)?(?:(?:clap|crack|roll|rumble|flash|gust|peal)s?"
    r"\s+of\s+)?" + _WEATHER_NOUN + r"\b"
    r"|\bit\s+(?:began|begins|started|starts)\s+to\s+(?:rain|pour|thunder|drizzle|hail)\b", re.IGNORECASE)
# The night coming on mid-scene: "the night had closed in", "It was dusk, or what passed for it" (whether it is
# now, not "before night fell", layers_in says; not the light going, which is an evening's at work as often)
_NIGHT_FALLING = re.compile(
    r"\b(?:night|dark(?:ness)?|dusk)\s+(?:had\s+|has\s+|was\s+|is\s+)?(?:closed|closing|closes|fell|fallen|falling|falls|"
    r"came|come|coming|comes|drew|drawn|drawing|crept|creeping|settled|settling|gathered|gathering|descended)\b"
    r"|^\W*it\s+(?:was|is|had)\s+(?:already\s+|nearly\s+|almost\s+|fully\s+)?(?:(?:getting|growing|grown|gone)\s+)?"
    r"(?:(?:full\s+)?dark|dusk|night)\b(?![\s-]+(?:blue|green|brown|grey|gray|red|shift|club|bus|school|nurse|porter|watch))"
    # ("...and by the time the pickup pulled out onto the highway and turned west it was full dark")
    r"|\bit\s+(?:was|is|had\s+gone|has\s+gone|had\s+got)\s+(?:already\s+)?full(?:y)?\s+dark\b"
    # ("In summer people came up here; tonight there was nobody but the wind")
    rf"|{_TONIGHT}"
    rf"|{_WINDOW_GONE_BLACK}",
    re.IGNORECASE)
# ("By eleven that Saturday I had the Duchess in my chair": a working morning; not "that Saturday night")
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b(?!\s+(?:night|evening))"
# The clock going on into the night mid-scene: "By half past eleven the band had packed up", "It was past eleven when
# the last bus went" ("gone ten" may still be a working evening; not "after eleven minutes", "by eleven the next
# morning"). At a scene's opening a clock only moves the story on; the night is what its words say.
_LATE_CLOCK = re.compile(
    rf"\b(?:(?:gone|past|after)\s+(?:half\s+past\s+|(?:a\s+)?quarter\s+(?:past|to)\s+)?eleven|"
    r"by\s+(?:half\s+past\s+|(?:a\s+)?quarter\s+(?:past|to)\s+)?eleven)(?:\s+o['’]clock)?\b"
    r"(?!\s+(?:minutes|hours|days|weeks|months|years|times|of|in\s+the\s+morning|(?:the\s+|that\s+|this\s+|next\s+)+"
    rf"(?:morning|day|{_WEEKDAY})|a\.?m\b|am\b))(?![\w-])", re.IGNORECASE)
# A storm that breaks after nine, past the day's work, is an evening's ("The storm broke a little after nine").
_STORM_AFTER_NINE = re.compile(r"\b(?:gone|past|after)\s+nine\b(?!\s+(?:in\s+the\s+morning|minutes|hours|a\.?m\b))",
                               re.IGNORECASE)
# An evening hour by the clock ("By half past nine the rain had stopped falling", "It was after eight when I left
# chambers"): out of doors, with torches, headlights or the car park lights to see by, the scene is in the dark.
# The clock alone may be a morning's; the lights alone may be a dim afternoon's.
_EVENING_CLOCK = re.compile(
    r"\b(?:by|at|after|gone|past|until|till|around|it\s+was|it\s+is|it['’]s)"
    r"(?:\s+(?:about|nearly|almost|just|gone|past|after|around|well\s+after))?\s+"
    r"(?:(?:half|(?:a\s+)?quarter|five|ten|twenty|twenty[\s-]five)\s+(?:past|to)\s+)?"
    r"(?:seven|eight|nine|ten|eleven|twelve|7|8|9|10|11|12)(?:[.:][0-5]\d)?(?:\s+o['’]clock|\s*p\.?m\b\.?)?"
    r"(?![\w-]|\s+(?:to|minutes|hours|days|weeks|months|years|times|of|metres|meters|feet|yards|miles|paces|"
    rf"in\s+the\s+morning|a\.?m\b|(?:the\s+|that\s+|this\s+|next\s+)+(?:morning|day|{_WEEKDAY})))"
    # ("By the time they came up the steps onto Seel Street it was gone one": the small hours, with the neon to see by)
    r"|\b(?:gone|past)\s+(?:one|two|three)\b(?![\w-]|\s+(?:to|minutes|hours|days|weeks|months|years|times|of|in\s+the\s+"
    r"(?:afternoon|day)|p\.?m\b))", re.IGNORECASE)
_LIT_IN_THE_DARK = re.compile(
    r"\b(?:torch(?:es|light)?|flashlights?|headlights|head[\s-]?(?:lamps?|torch(?:es)?)|floodlights?|"
    r"street[\s-]?(?:lights?|lamps?)|lamp[\s-]?posts?|car\s+park\s+lights|sodium\s+(?:lamps?|lights?|glow)|neon|lights\s+of\s+the|"
    # ("the car park was a black lake with yellow lights floating in it")
    r"(?:yellow|orange)\s+(?:lights|lamps?)|"
    # (an evening's party lights: "The fairy lights along the ridge pole swing out")
    r"fairy[\s-]lights|festoon\s+lights|paper\s+lanterns)\b"
    r"|\b(?:in|into)\s+the\s+dark(?:ness)?\b|\b(?:was|were)\s+(?:all\s+)?dark\b(?!\s+(?:green|blue|red|brown|grey|gray)\b)",
    re.IGNORECASE)
# the dark seen from indoors: "the window over the sink in Flat 3B is black"
_DARK_AT_THE_WINDOW = re.compile(
    r"\b(?:windows?|(?<=the\s)glass)\s+(?:[\w'’-]+\s+){0,6}?(?:is|are|was|were|had\s+gone|has\s+gone|have\s+gone|went)\s+"
    r"(?:already\s+|completely\s+|quite\s+|fully\s+|totally\s+)?"
    # ("the window was a black square with the rain running down it")
    r"(?:(?:a|an)\s+(?=(?:black|dark)\s+(?:square|rectangle|oblong|mirror|void|hole|pane)\b))?"
    r"(?:black|dark)\b(?!\s+(?:green|blue|red|brown|grey|gray|with)\b)",
    re.IGNORECASE)


# an evening hour and the lights to see by, this close in a scene's narration, make it a night out of doors
EVENING_LIT_SENTENCES = 6
# sentences of a scene out of doors with lights to see by in the dark that make it night with no clock said
LIT_WITHOUT_A_CLOCK = 3


class EveningLights:
    """Reads a scene's narration sentence by sentence: `dark` once an evening hour by the clock (seven to twelve,
    in a sentence that says nothing of day) and torches, headlights, street lamps or the dark itself come close."""

    def __init__(self, late: bool = False):
        self.since_clock = self.since_lights = self.since_window = float("inf")
        self.dark = self.dark_outside = False
        self.lit_times = 0
        # (the hour already known to be late: the story has gone on from a night scene, by way of one that did not
        # say it again, to this one, where "Rain came in hard white sheets across the headlights")
        self.late = late

    def read(self, sentence: str) -> None:
        evening_clock = _EVENING_CLOCK.search(sentence) is not None
        window = _DARK_AT_THE_WINDOW.search(sentence) is not None
        lit = window or _LIT_IN_THE_DARK.search(sentence) is not None
        self.lit_times += lit
        # (whether the sentence says it is day, asked once and only when an hour or the lights make it matter)
        by_day = (evening_clock or self.late or self.lit_times >= LIT_WITHOUT_A_CLOCK) and is_daytime(sentence)
        self.since_clock = 0 if (evening_clock or self.late) and not by_day else self.since_clock + 1
        self.late = self.late and not by_day
        self.since_lights = 0 if lit else self.since_lights + 1
        self.since_window = 0 if window else self.since_window + 1
        # (or no clock, but the torches, the headlights and the dark itself, three times over: "headlights on and
        # engines running" ... "set off into the dark behind the blue light")
        self.dark = self.dark or max(self.since_clock, self.since_lights) <= EVENING_LIT_SENTENCES \
            or (self.lit_times >= LIT_WITHOUT_A_CLOCK and not by_day)
        # (indoors, where the lamps are lit by day too, only the dark at the window says it)
        self.dark_outside = self.dark_outside or max(self.since_clock, self.since_window) <= EVENING_LIT_SENTENCES


# The opening of a scene by day: night does not carry into it.
# (not a day remembered: "as I remembered it from the day I had helped Len carry the wardrobe up")
_DAYTIME = re.compile(r"\b(?:morning|dawn|daybreak|sunrise|daylight|noon|midday|afternoon|breakfast|"
                      # (not a day gone by: "the rain that had been promised all day had finally arrived")
                      r"(?<!\ball\s)(?<!\bevery\s)(?<!\bwhole\s)day(?!\s+(?:I|we|he|she|they|you|that|when|my|his|her|their|our)\s)|"
                      r"sun(?:ny|lit|ning|shine|light|beams?)|the\s+sun\s+(?:is|was)\s+(?:actually\s+|already\s+|well\s+)?(?:shining|high|hot|up|out)|"
                      r"the\s+sun\s+(?:shone|shines|rose|beat|blazed)|"
                      # ("By seven the mist had burned off the Mara")
                      r"(?:mist|fog)\s+(?:had\s+|has\s+)?(?:burned|burnt|lifted)\s+off|"
                      # ("The sun's coming up over Dennistoun when I park")
                      r"the\s+sun(?:['’]s|\s+is|\s+was)\s+coming\s+up|the\s+sun\s+(?:came|comes)\s+up|"
                      # ("the light when it came was thin and yellow", "at first light", "it was getting light")
                      r"the\s+light,?\s+when\s+it\s+(?:came|comes)|first\s+light|it\s+(?:was|is|had\s+got|got)\s+(?:getting\s+)?light)\b",
                      re.IGNORECASE)


def weather_comes(sentence: str, vocabulary=None, goes_somewhere=lambda: False, by_day: bool = False) -> list[str]:
    """The layers a sentence of narration says come in or go on now, mid-scene ("Then the wind got up", "By half
    past eleven the band had packed up": night); [] for weather in passing. `goes_somewhere()`: whether the
    sentence takes the story to another place (asked only of a late clock, which is then the move's). `by_day`:
    the scene opened by day, when "ten past eleven" is the morning's (the hands of a clock the doctor has drawn)."""
    if _WEATHER_COMES.search(sentence):
        return layers_in(sentence, vocabulary)
    if _NIGHT_FALLING.search(sentence):
        return [layer for layer in layers_in(sentence, vocabulary) if layer == "night"]
    late = _LATE_CLOCK.search(sentence)
    if late and not _NOT_NOW.search(sentence[max(0, late.start() - 24):late.start()].split(",")[-1]) \
            and not is_daytime(sentence) and not by_day and not goes_somewhere():
        return ["night"]    # (a clock that takes the story somewhere is the move's: night goes on with it as ever)
    return []


def weather_stops(sentence: str, vocabulary=None) -> list[str]:
    """The weather layers a sentence says are over ("The thunder has stopped altogether")."""
    # (not where it stops for the moment: "They passed under the bridge, where the rain stopped for a few yards",
    # "Under a bridge the rain stopped for ten yards")
    return [name for name, pattern in _layer_patterns(vocabulary).items() if name != "night"
            and any(_LAYER_STOP_AFTER.search(sentence[m.end():m.end() + 30])
                    and not re.search(r"\bwhere\s+(?:the\s+)?$", sentence[:m.start()])
                    and not _FOR_A_MOMENT.match(sentence[m.end():m.end() + 60]) for m in pattern.finditer(sentence))]


_FOR_A_MOMENT = re.compile(r"[^.;]{0,30}?\bfor\s+(?:a\s+(?:few\s+|couple\s+of\s+)?|an?\s+|\w+\s+)?(?:yards?|feet|foot|metres?|"
                           r"meters?|paces?|steps?|strides?|seconds?|moments?|minutes?|breaths?|heartbeats?|while)\b",
                           re.IGNORECASE)


# a day gone by, not the hour it is now: "It had been dry that morning", "earlier that afternoon"
_EARLIER_THAT_DAY = re.compile(
    r"\b(?:had|['’]d)\s+(?:\w+\s+){0,3}?(?:that|this|in\s+the)\s+(?:morning|afternoon)\b|"
    r"\bearlier\s+(?:that|this|in\s+the)\s+(?:day|morning|afternoon)\b", re.IGNORECASE)


def is_daytime(sentence: str) -> bool:
    # (not the small hours: "Half one on a Saturday morning", "two in the morning"; nor a day gone by)
    return bool(_DAYTIME.search(sentence)) and "night" not in layers_in(sentence) \
        and not _EARLIER_THAT_DAY.search(sentence)
