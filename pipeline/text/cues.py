"""Sound cues the prose describes: a knock at the door, a door slammed, someone running downstairs.

Precision matters more than recall: a footstep under "she ran into an old friend" is worse than
a missing one. So a cue needs a real event: a person doing it ("she ran", "Jack ran", "and ran"),
and, where the verb is also a figure of speech, a physical object (a door, the stairs, a
place: "ran into the kitchen" is a sound, "ran into trouble" is not). Figures of speech that
name a sound word ("a knock-on effect", "door of opportunity", "made a splash", "stole his
thunder", "time was running out", "as events unfolded") are left out.
"""
from __future__ import annotations

import re

from pipeline.text.places import DEFAULT as _PLACES

_DET = r"(?:the|a|an|his|her|their|its|my|our|your|this|that|one|another|some)"
# Things one runs, walks or steps to, through or down that are not places of a scene.
_THINGS = ("door", "doorway", "stairs", "staircase", "steps", "stair", "passage", "passageway", "path", "window",
           "gate", "track", "slope", "ladder", "gangway", "drive", "driveway", "floor", "corridor", "hall",
           "hallway", "landing", "room", "house", "water", "river", "stream", "pool", "lake", "pond", "bank",
           "hill", "kitchen", "gardens", "door", "table", "counter", "entrance", "exit", "car", "carriage",
           "stable", "barn", "wall", "fence", "tree", "trees", "grass", "sand", "snow", "mud", "puddles", "rocks",
           "bushes", "bridge", "platform", "deck", "cliff", "ridge", "field", "fields", "lawn", "lane", "street")
_PHYSICAL = set(_THINGS) | set(_PLACES.patterns.word_bed)
_PHYSICAL_WORDS = "|".join(re.escape(w) for w in sorted(_PHYSICAL, key=len, reverse=True))
# "the door", "the kitchen door", "her father's study", "the back stairs"
_OBJECT = rf"(?:{_DET}\s+|[A-Z][\w-]*['’]s\s+)(?:[\w'’-]+\s+){{0,2}}?(?:{_PHYSICAL_WORDS})(?:e?s)?\b"
_PERSON = r"(?:\b(?:he|she|they|I|we|you|both|and|then|boy|girl|man|woman|men|women|child|children|maid|[A-Z][a-z]+)\s+(?:\w+ly\s+|all\s+|both\s+|then\s+|had\s+)?)"
_NOT_A_PERSON = re.compile(r"^(?:Tears?|Time|Years|Days|Hours|Months|Minutes|Weeks|It|This|That|There|The|A|An)\s",
                           re.IGNORECASE)
_AWAY = r"(?:away|off|back|home|downstairs|upstairs|outside|inside|ahead|out(?!\s+of)|after\s+(?:him|her|them|me|us|it))"
_TOWARD = r"(?:down|up|across|along|to|toward|towards|into|through|over|past|around|round|out\s+of|from|onto|in)"


def _moving(verbs: str, bare: str = _AWAY) -> str:
    """A person moving: 'she ran down the stairs', 'Jack ran off' (not 'ran into trouble')."""
    return rf"{_PERSON}(?:{verbs})\s+(?:(?:{_TOWARD})\s+{_OBJECT}|{bare}\b)"


_DOOR = rf"(?:{_DET}\s+|[A-Z][\w-]*['’]s\s+)(?:[\w'’-]+\s+)?doors?\b"
# "door to success", "door of opportunity", "shut the door on the past": a door in a figure of speech
_FIGURATIVE_DOOR = re.compile(rf"\bdoors?\s+(?:to|of|for|on|into)\s+(?!{_OBJECT}|him|her|them|me|us|you)",
                              re.IGNORECASE)

# "the door remained closed", "the door was open": how a door is, not a sound
_NOT_A_STATE = r"(?!(?:\w+\s+)?(?:remained|stayed|was|were|is|are|been|being|kept|still|stood|lay)\b)"

SFX_PATTERNS: tuple[tuple[str, re.Pattern], ...] = tuple((name, re.compile(pattern)) for name, pattern in (
    ("knock", rf"(?i:\b(?:a|the|another|soft|sharp|loud|quiet|timid|light)\s+knock(?:ing)?\s+(?:at|on|came|sounded|"
              rf"echoed)\b|\bthere\s+(?:was|came)\s+(?:a|another)\s+\w*\s*knock\b|\bknock(?:ed|s|ing)?\s+"
              rf"(?:\w+\s+){{0,2}}?(?:on|at|upon)\s+{_DET}\s+(?:[\w'’-]+\s+)?(?:door|window|wall|gate|glass|pane|frame|"
              rf"table|wood|shutter)s?\b|\bknocked\s+(?:once|twice|three\s+times|again|softly|loudly|gently|sharply|"
              rf"lightly|quietly|firmly)\b)"),
    ("door_slam", rf"(?i:\bslam(?:med|s|ming)?\s+(?:\w+\s+)?{_DOOR}|\bdoors?\s+(?:\w+\s+){{0,2}}?slam(?:med|s)?\b|"
                  rf"\bdoors?\s+{_NOT_A_STATE}(?:\w+\s+){{0,2}}?bang(?:ed|s)\b(?!\s+shut))"),
    # past and present tense alike: chapters are told in both ("the door opens on a gust")
    ("door_open", rf"(?i:\b(?:opened|opens|pushed\s+open|pushes\s+open|flung\s+open|flings\s+open|threw\s+open|"
                  rf"throws\s+open|eased\s+open|eases\s+open|unlocked|unlocks)\s+{_DOOR}|"
                  # "I pushed the door open", "she flung the back door open"
                  rf"\b(?:pushed|pushes|flung|flings|threw|throws|kicked|kicks|eased|eases|yanked|yanks|pulled|pulls)\s+"
                  rf"{_DOOR}\s+open\b|"
                  rf"\bdoors?\s+{_NOT_A_STATE}(?:\w+\s+){{0,2}}?(?:opened|opens|(?:creaked|creaks|swung|swings|burst|bursts|"
                  rf"flew|flies|slid|slides)\s+open)\b)"),
    ("door_close", rf"(?i:\b(?:closed|closes|shut|shuts|pulled\s+shut|pulls\s+shut|banged\s+shut|bangs\s+shut)\s+{_DOOR}|"
                   rf"\bdoors?\s+{_NOT_A_STATE}(?:\w+\s+){{0,2}}?(?:closed|closes|shut|shuts|(?:clicked|clicks|swung|"
                   rf"swings|banged|bangs|slid|slides)\s+shut)\b)"),
    # "the thunder" only when it sounds ("The thunder came again"), not "the thunder had stopped"
    ("thunder", r"(?i:(?<!his )(?<!her )(?<!their )(?<!my )(?<!your )(?<!the )\bthunder(?:clap)?s?\b(?!\s+of\b)|"
                r"\b(?:a|the)\s+(?:roll|crack|clap|peal|rumble)\s+of\s+thunder\b|\bthe\s+thunder\s+(?:\w+ly\s+)?"
                r"(?:came|comes|rolled|rolls|rumbled|rumbles|cracked|cracks|crashed|crashes|boomed|booms|growled|growls|"
                r"broke|breaks|sounded|sounds)\b)"),
    # "splashed", "with a splash", "heard a splash"; not "a splash of colour", "splash-board", "made a splash"
    ("splash", r"(?i:\bsplash(?:ed|ing)\b(?!\s+(?:out|across\s+the\s+(?:front|headlines|papers)))|"
               r"\b(?:with|heard|hear)\s+(?:a|the)\s+(?:\w+\s+)?splash\b(?!-)|\b(?:fell|dove|dived|jumped|plunged|leapt|"
               r"tumbled)\s+(?:\w+\s+)?into\s+the\s+(?:water|river|lake|pool|sea|pond|stream)\b)"),
    ("footsteps_run", _moving(r"ran|raced|sprinted|dashed|bolted|fled|hurried|rushed|scrambled|scurried|"
                              r"runs|races|sprints|dashes|bolts|flees|hurries|rushes|scrambles|scurries")
                      # the feet heard, not seen: "footsteps ran down the corridor", "feet pounded up the stairs"
                      + rf"|(?i:\b(?:footsteps|feet)\s+(?:run|ran|race|raced|pound|pounded|thunder|thundered|clatter|"
                        rf"clattered|hurry|hurried)\s+(?:{_TOWARD})\s+{_OBJECT})"),
    ("footsteps_walk", rf"(?i:(?<!in his )(?<!in her )(?<!in their )(?<!in my )(?<!in your )(?<!in our )"
                       rf"\bfootsteps\s+(?:\w+\s+)?(?:sounded|echoed|came|approached|rang|crunched|receded|"
                       rf"creaked|clattered|on\s+the\s+(?:stairs?|steps|floor|landing|gravel|path)|along|outside|behind)\b|\b(?:heard|hear)\s+(?:\w+\s+){{0,2}}?"
                       rf"footsteps\b)|{_PERSON}paced\s+{_OBJECT}|"
                       + _moving(r"walked|strode|paced|stepped|marched|tiptoed|crept|stomped|trudged|wandered|"
                                 r"shuffled|limped|strolled|walks|strides|paces|steps|marches|tiptoes|creeps|"
                                 r"stomps|trudges|wanders|shuffles|limps|strolls",
                                 r"(?:outside|inside|upstairs|downstairs)")),
    ("paper_rustle", r"(?i:\b(?:unfolded|smoothed\s+out|smoothed|crumpled|tore\s+open|ripped\s+open|unrolled)\s+"
                     r"(?:the|a|his|her|their|my)\s+(?:\w+\s+)?(?:letter|note|paper|newspaper|map|envelope|pages?|"
                     r"sheets?|document|telegram|scroll|parchment)\b|\brustl(?:e|ed|es|ing)\b(?!\s+up)|\bturned\s+"
                     r"(?:the|a|another)\s+pages?\b(?!\s+on\b)|\bleafed\s+through\b)"),
    ("chain_rattle", r"(?i:\bchains?\b[^.]{0,20}\b(?:rattl|clank|clink)\w*)"),
    ("whoosh", rf"(?i:\b(?:leapt|leaped|jumped|vaulted)\s+(?:off|from|over|across|down\s+from|onto)\s+"
               rf"{_OBJECT}|\bjump(?:ed|s)?\s+off\b|\bvanished\s+in\s+a\s+puff\b|\bshunshin\b|"
               rf"\b(?:arrow|kunai|blade|shuriken|stone|spear|bullet)s?\s+(?:flew|whistled|whizzed|hissed)\s+past\b)"),
))
_NEGATED = re.compile(r"\b(not|n't|never|without|no|nobody|nothing)\b(\W+\w+){0,3}\W*$", re.IGNORECASE)


def sfx_in(sentence: str) -> list[str]:
    """The sound cues a sentence of narration describes, at most two."""
    found = []
    if _FIGURATIVE_DOOR.search(sentence):
        sentence = _FIGURATIVE_DOOR.sub("way ", sentence)    # the door is a figure here: no door sound
    for name, pattern in SFX_PATTERNS:
        for match in pattern.finditer(sentence):
            if _NEGATED.search(sentence[: match.start()]):
                continue
            if name.startswith("footsteps") and _NOT_A_PERSON.match(match.group(0)):
                continue
            if name == "footsteps_walk" and "footsteps_run" in found:
                break
            found.append(name)
            break
    return found[:2]
