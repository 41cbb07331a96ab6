"""Ages and genders as words give them: a character's names and titles ("Colonel", "Sister",
"the old man"), the prose where it names them ("Beatrice Marsh is seventy-four years old"), or a
producer's description of a voice ("an old man"). The adapter and voice design both read them."""
from __future__ import annotations

import re

_CHILD = re.compile(r"\b(little|small|young|tiny)\s+(boy|girl|one|kid|child|brother|sister)\b|\b(the\s+)?(boy|girl|kid|child|"
                    r"lad|lass|son|daughter)\b", re.I)
_OLD = re.compile(r"\b(old|elderly|aged|ancient|grey|gray)\b|\b(grand(father|mother|pa|ma)|granny|gramps|elder|"
                  r"crone|hag|dowager|widow|abbot|abbess|mother superior|"
                  # what grandchildren call them: "Gran", "Grandad", "Nana Rose", "Granda"
                  r"gran|granda|grandad|granddad|nan|nana|nanna|nonna|nonno|oma|opa|abuela|abuelo|"
                  # and in the family's own language: Welsh, Polish, Greek, Yiddish, Afrikaans, Swahili
                  r"taid|nain|mamgu|mam-gu|tad-cu|babcia|dziadek|yiayia|pappou|bubbe|zayde|ouma|oupa|cucu)\b", re.I)
_TEEN = re.compile(r"\b(teen(ager)?|youth|student|apprentice|squire|maid(en)?|genin|cadet|page)\b", re.I)
_YOUNG = re.compile(r"\b(young|miss|lady|prince(ss)?|novice|sister|kun|chan)\b", re.I)
_ADULT = re.compile(r"\b(colonel|captain|major|general|sergeant|lieutenant|professor|doctor|dr|mr|mrs|ms|sir|madam|"
                    r"madame|lord|king|queen|father|mother|uncle|aunt|sensei|sama|inspector|officer|judge|"
                    r"master|mistress|duke|duchess|count|countess|baron|reverend|rev|bishop|man|woman|husband|wife|"
                    # a ward sister or a nun by her name ("Sister Okafor"), not a little sister
                    r"(?-i:Sister)(?=\s+(?-i:[A-Z])))\b",
                    re.I)
_FEMALE_WORDS = re.compile(r"\b(she|her|woman|girl|lady|miss|mrs|ms|madam|madame|sister|mother|aunt|queen|princess|"
                           r"duchess|countess|wife|daughter|grandmother|granny|widow|abbess|maid(en)?|chan)\b", re.I)
_MALE_WORDS = re.compile(r"\b(he|him|man|boy|lord|sir|mr|brother|father|uncle|king|prince|duke|count|baron|husband|"
                         r"son|grandfather|gramps|monk|abbot|lad|colonel|sergeant)\b", re.I)


def infer_age(names: list[str] | tuple[str, ...]) -> str:
    """child, teen, young, adult or old from how the text names a character: titles
    (Colonel, Sister, Professor), "old", "little", "the boy"...; adult when it says nothing."""
    text = " ".join(names).replace("-", " ")
    for pattern, age in ((_OLD, "old"), (_CHILD, "child"), (_TEEN, "teen"), (_ADULT, "adult"), (_YOUNG, "young")):
        if pattern.search(text):
            return age
    return "adult"


# up to three words right before a name, or after it and a comma (see age_in_text)
# ("his grandmother, Edna Pell": the words before may end on a comma)
_WORDS_BEFORE = re.compile(r"((?:\b[\w'-]+\s+){0,2}\b[\w'-]+,?\s+)$")
_SEPARATED = re.compile(r"\b(?:[a-z]+(?:ing|ed)|to|at|with|for|from|and|or|but|told|said|asked|saw|met|called|"
                        r"than|by|of|beside|behind|past)\s+", re.I)
# (someone's: "his grandmother, Edna Pell", not one of a list, "me, Ozzy, Jess, Nan, Ellie")
_GRANDPARENT = re.compile(r"\b(?:his|her|my|our|their|your|the)\s+(?:grand(?:father|mother|pa|ma|dad)|gran|granny|nan|nana|"
                          r"nanna|nonna|nonno)\b", re.I)
# (a phrase set beside the name that says what they are, not a clause: "Mrs. Penhallow, once her son has been sent off")
_WORDS_AFTER = re.compile(r",\s+((?!(?:once|when|while|as|after|before|if|though|although|since|until|because)\b)"
                          r"(?:[\w'-]+\s+){1,3})", re.IGNORECASE)
# an age set after a name ("is seventy-four years old", ", aged nine", ", eighty-one,", ", who was seven") or before it
_IS_AGED = re.compile(r"(?:\s+(?:is|was)|,\s+aged)\s+(?:about\s+|nearly\s+|almost\s+)?([\w-]+)(?:\s+years?\s+old)?")
_NUMBER_BESIDE = re.compile(r",\s+([\w-]+)(?=[,.;])"
                            # '"Ellie. I'm eight."': a name said and an age given at once, by its owner
                            r"|[.,]\s+I['’]m\s+(?:nearly\s+|almost\s+|only\s+)?([\w-]+)(?=[.,!]|\s+and\b|\s+years?\s+old\b)"
                            # ("On his own. Kieran. Sixteen. Mum's in Tenerife.": the name, then the age, a sentence each)
                            r"|\.\s+((?-i:[A-Z])[a-z]+(?:-[a-z]+)?)(?=\.)")
_WHO_WAS = re.compile(r",\s+who\s+(?:was|is)\s+(?:about\s+|nearly\s+|almost\s+|only\s+)?([\w-]+)"
                      r"(?=\s*[,.;]|\s+and\b|\s+years?\s+old\b)")
_YEARS_OLD_BEFORE = re.compile(r"\b([\w-]+?)-years?-old\s+$")
_SENTENCE_ENDED = re.compile(r"[.!?][\"”’']?\s+$")


def _last_named_in(text: str, spot: re.Match, others) -> bool:
    """The name, in the middle of its sentence, is a clause's subject and no one else is named after it there
    ("... because the screen door had banged and Frank Halloran was in the passage stamping mud off his boots. He
    was seventy-one and still stood straight")."""
    if not re.match(r"\s+(?:was|is|had|came|stood|sat|walked|appeared)\b", text[spot.end():spot.end() + 12]):
        return False
    rest = re.match(r"[^.!?]*", text[spot.end():spot.end() + 300]).group(0)
    return not any(o and len(o) > 1 and re.search(rf"\b{re.escape(o)}\b", rest) for o in others)


def _age_of(years: int) -> str:
    return "child" if years <= 12 else "teen" if years <= 17 else "young" if years <= 29 \
        else "adult" if years <= 59 else "old"


def _years_beside(text: str, spot: re.Match) -> list[int]:
    """The ages the words at a name give it: "Beatrice Marsh is seventy-four years old", "Tom, aged nine", "a
    ten-year-old Rosie", "Margaret Ridley, eighty-one, one R in Harold", "said Cody, who was seven and had..."."""
    found = []
    for pattern, set_beside in ((_IS_AGED, False), (_NUMBER_BESIDE, True), (_WHO_WAS, True)):
        match = pattern.match(text, spot.end())
        if match:
            break
    old = _YEARS_OLD_BEFORE.search(text, max(0, spot.start() - 40), spot.start())
    for match, beside in ((match, set_beside), (old, True)):
        if match is None:
            continue
        years = _years(next((g for g in match.groups() if g), ""))
        if match is not old and beside and (years is None or years < 2):
            continue
        # ("Danny was seven, and he had...": a bare number ending the clause is an age too)
        # ("Walter was eighty-three and had farmed Scar Top": the number and what they did)
        bare = re.match(r"\s*[,.;!]|\s+and\s+(?:(?:had|has|was|is|did)(?:n['’]t)?|still|never|lived|could)\b",
                        text[match.end():match.end() + 20]) is not None
        if years is not None and (beside or "years old" in match.group(0) or "aged" in match.group(0) or bare):
            found.append(years)
    return found


def years_stated(text: str, names) -> list[int]:
    """Every age the prose states beside one of the names, in years ("Ellie was nine and hadn't...")."""
    return [years for name in names if name and len(name) >= 2
            for spot in re.finditer(rf"(?<![\w'-]){re.escape(name)}\b", text) for years in _years_beside(text, spot)]


def age_in_text(text: str, names, others=(), gender: str = "") -> str | None:
    """The age the prose gives a character where it names them: "the old woman Kiyomi", "little
    Tom", "Agnes, an elderly widow"; or where it brings them in just before naming them ("an old
    man in a fisherman's jersey turns round. ... Mr. Pike taught me", with none of `others`,
    the rest of the cast, named in between); None when it says nothing (or only "adult" things)."""
    votes: dict[str, int] = {}
    introduced = _introduced_as(text, names, others, gender)
    if introduced:
        votes[introduced] = 2
    for name in names:
        if not name or len(name) < 2:
            continue
        escaped = re.escape(name)
        # the words before the name and, apart (the one would hide the other), the words after it
        # ("between them sat Iris Pollard, an old woman in a lilac anorak")
        # (read from each place the name is written: one pattern over the whole text is slow on a novel)
        spots = list(re.finditer(rf"(?<![\w'-]){escaped}\b", text))
        before = [(m.group(1), True) for m in filter(None, (_WORDS_BEFORE.search(text, max(0, s.start() - 80), s.start())
                                                              for s in spots))]
        after = [(m.group(1), False) for m in filter(None, (_WORDS_AFTER.match(text, s.end()) for s in spots))]
        for words, is_before in [*before, *after]:
            if not is_before and re.search(r"\b(?:your|his|her|their|my|our)\s", words, re.I) \
                    and not re.match(r"(?:a|an|the|his|her|their|my|our|your)\b", words, re.I):
                continue    # ("Jago, give your grandad your scarf": said to him, of someone else)
            if is_before:
                # only the words that run into the name: not "his gran telling the constable"
                words = _SEPARATED.split(words)[-1]
            # "little Tom", "young Harry": a word right before the name says it alone
            last = words.split()[-1].lower() if is_before and words.split() else ""
            age = {"little": "child", "tiny": "child", "baby": "child", "young": "young"}.get(last) \
                or infer_age([words])
            # (set before the name by a comma, only an old one's kin: "his grandmother, Edna Pell",
            # not "How old is the boy, Mrs. Fenn?" nor "his sister, Miss Dorothy Hollis")
            if age != "adult" and not (is_before and words.rstrip().endswith(",") and not _GRANDPARENT.search(words)):
                votes[age] = votes.get(age, 0) + 1
        # "Beatrice Marsh is seventy-four years old", "Tom, aged nine", "a ten-year-old Rosie"
        # ("Margaret Ridley, eighty-one, one R in Harold": a number set beside the name)
        # "said Cody, who was seven and had his forehead pressed to the glass"
        for years in (y for spot in spots for y in _years_beside(text, spot)):
            age = _age_of(years)
            votes[age] = votes.get(age, 0) + 2
        # "Earl Haskins sat in the chair nearest the door. ... He was seventy-nine years old": the
        # sentence after one the name opens, in the name's pronoun
        pronoun = {"M": "He", "F": "She"}.get(gender)
        told = re.compile(rf"{escaped}\b[^.!?]*[.!?][\"”’']?\s+(?:[^.!?\"“”]*[.!?]\s+)?"
                          rf"(?-i:{pronoun})\s+(?:was|is)\s+(?:about\s+|nearly\s+|almost\s+)?([\w-]+)"
                          # ("Uncle Alph Quinlan came in ... He was eighty-three and had fished out of the Cove")
                          r"(?:\s+(?:years?\s+old|now)\b|(?=\s*[,.;]|\s+and\s+(?:(?:had|has|was|is|did)(?:n['’]t)?|still|never|lived|could)\b))") \
            if pronoun else None
        # "Kamala Sharma sits on the lawn chair nearest the oil, because she is eighty-one": later in the
        # sentence, no one else named on the way
        # (not "clipped to his belt since he was seventeen": an age gone by)
        said_later = re.compile(rf"{escaped}\b[^.!?A-Z\"“”]{{0,160}}?(?:,|;|—|\band|\bbecause|\bsince(?=\s+\w+\s+is\b)|\bbut)\s+"
                                rf"(?-i:{pronoun.lower()})\s+(?:is|was)\s+(?:about\s+|nearly\s+|almost\s+|only\s+)?([\w-]+)"
                                r"(?=\s*[,.;]|\s+and\b|\s+years?\s+old\b)") if pronoun else None
        for spot in spots if said_later else ():
            match = said_later.match(text, spot.start())
            if match and (years := _years(match.group(1))) is not None and years >= 2:
                votes[_age_of(years)] = votes.get(_age_of(years), 0) + 2
        for spot in spots if told else ():
            if spot.start() and not _SENTENCE_ENDED.search(text, max(0, spot.start() - 6), spot.start()) \
                    and not _last_named_in(text, spot, others):
                continue
            match = told.match(text, spot.start())
            years = _years(match.group(1)) if match else None
            if years is not None:
                age = _age_of(years)
                votes[age] = votes.get(age, 0) + 2
    votes.pop("adult", None)
    return max(votes, key=lambda age: (votes[age], age)) if votes else None


# "an old man", "a small girl", "a girl of about ten": someone the narration brings in unnamed
# (or "the little girl" again, just before she is named)
# (not what someone is or was: "since he was a lad helping his father", "He was a big man")
_INTRODUCED = re.compile(r"(?<!\bwas )(?<!\bis )(?<!\bwere )(?<!\bbeen )\b(?:[Aa]n?|[Tt]he)\s+((?:[a-z-]+\s+){0,2}?(?:man|woman|boy|girl|lady|gentleman|fellow|child|lad|"
                         r"lass|kid)(?:\s+of\s+(?:about\s+|some\s+|perhaps\s+)?[\w-]+)?)\b")


def _inside_speech(text: str, at: int) -> bool:
    """Whether `at` falls inside double quotes opened in its own paragraph (or line)."""
    start = text.rfind("\n", 0, at) + 1
    line = text[start:at]
    return line.count("“") > line.count("”") or (line.count('"') % 2 == 1)


_NOUN_GENDER = {"man": "M", "boy": "M", "gentleman": "M", "fellow": "M", "lad": "M",
                "woman": "F", "girl": "F", "lady": "F", "lass": "F"}


def _introduced_as(text: str, names, others, gender: str = "") -> str | None:
    """The age of the unnamed person brought in within the three sentences before the character's
    first name, if no one else is named between them."""
    firsts = [m.start() for name in names if name and len(name) >= 2
              for m in [re.search(rf"\b{re.escape(name)}\b", text)] if m]
    if not firsts:
        return None
    first = min(firsts)
    window = text[max(0, first - 400):first]
    sentences = re.split(r"(?<=[.!?])[\"”’']?\s+", window)[-4:]
    before = " ".join(sentences)
    # (someone brought in by the narration, not talked of: "Oh, let the boy be," said of Tom before Gerald is called)
    starts = [0, *(m.end() for m in re.finditer(r"(?<=[.!?])[\"”’']?\s+", window))]
    offset = first - len(window) + starts[max(0, len(starts) - 4)]
    found = [m for m in _INTRODUCED.finditer(before) if not _inside_speech(text, max(text.find(m.group(0), offset, first), offset))]
    if not found:
        return None
    after = before[found[-1].end():]
    if any(re.search(rf"\b{re.escape(other)}\b", after) for other in others if other and other not in names):
        return None
    # (not one brought in long ago: "...twenty years ago, and a kid in the cadet program added an extra I in Sharpie.
    # The Chief comes out of his office")
    sentence = next((s for s in sentences if found[-1].group(0) in s), "")
    if re.search(r"\b(?:years|decades|months)\s+ago\b|\bonce\b|\bback\s+(?:then|in)\b", sentence, re.IGNORECASE):
        return None
    # "The old woman Kiyomi ... Little Tom": a name in between, mid-sentence, is whom "the" meant
    if found[-1].group(0)[:1] in "Tt" and re.search(r"[a-z,]\s+[A-Z][a-z]+", before[found[-1].end() - 1:]):
        return None
    # ("the old man was out the door, and he held it for Constable Tobin": the name someone else's, the object of "for")
    if found[-1].group(0) in sentences[-1] and re.search(r"\b(?:for|to|at|with|behind|beside|past|after|from|towards?)\s+$",
                                                         window):
        return None
    phrase = found[-1].group(1)
    noun = re.search(r"(man|woman|boy|girl|lady|gentleman|fellow|lad|lass)\b", phrase)
    if gender in ("M", "F") and noun and _NOUN_GENDER[noun.group(1)] != gender:
        return None         # "the old man" just before a woman is first named is not her
    years = re.search(r"\bof\s+(?:about\s+|some\s+|perhaps\s+)?([\w-]+)$", phrase)
    if years and _years(years.group(1)) is not None:
        number = _years(years.group(1))
        return "child" if number <= 12 else "teen" if number <= 17 else "young" if number <= 29 \
            else "adult" if number <= 59 else "old"
    age = {"little": "child", "small": "child", "tiny": "child"}.get(phrase.split()[0]) or infer_age([phrase])
    return None if age == "adult" else age


_UNITS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                     "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * n for n, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if n >= 2}


def _years(words: str) -> int | None:
    """74 for "seventy-four" or "74"; None for words that are no number."""
    words = words.lower()
    if words.isdigit():
        return int(words)
    parts = words.split("-")
    if len(parts) == 1:
        return _UNITS.get(parts[0], _TENS.get(parts[0]))
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        return _TENS[parts[0]] + _UNITS[parts[1]]
    return None


def infer_gender(names: list[str] | tuple[str, ...], known: str = "U") -> str:
    """The character's gender when attribution knows it, else what its names and titles say."""
    if known in ("M", "F"):
        return known
    text = " ".join(names).replace("-", " ")
    female, male = len(_FEMALE_WORDS.findall(text)), len(_MALE_WORDS.findall(text))
    if female != male:
        return "F" if female > male else "M"
    return known if known in ("X",) else "U"
