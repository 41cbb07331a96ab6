"""Who a quote names: the speaker naming themself ("I'm Dr. Okafor", "Name's Oakes", "Hi, it's
Dev") and the people it is said to ("Listen, Dot, ..."), as the cast's names spell them."""
from __future__ import annotations

import re
from collections import Counter

from pipeline.text.first_names import first_name_gender
from pipeline.text.names import _FATHER, _MOTHER, NAME, _Names, _split_title
from pipeline.text.quotes import blank_inner_quotes
from pipeline.text.roles import _ROLES


_SELF_NAMED = re.compile(r"(?:\b(?:I\s+am|I['’]m|my\s+name\s+is|(?:the|my)\s+name['’]s|calls?\s+me)\s+$)"
                         # "Name's Oakes, if you need anything."
                         r"|(?:^|[.!?]\s+)name['’]s\s+$", re.IGNORECASE)


# "Cal. Senior foreman, Lower Ebbing Drainage Board.": a name, then a job
_JOB_AFTER_NAME = re.compile(rf"\.\s+(?:[A-Z][a-z]+\s+)?(?i:{'|'.join(sorted(_ROLES))})\b\s*[,.]"
                             # ("Clive Isaacs. Night shift.", "Deputy Harmon. Marion County.": the shift, the force)
                             r"|\.\s+(?:(?:Night|Day|Late|Early|Back)\s+shift|[A-Z][a-z]+\s+(?:County|Constabulary|Police|"
                             r"Sheriff['’]s\s+Office|Fire\s+(?:Service|Department)|Coastguard))\s*[,.]")
_GREETING = r"(?:yes|hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening)|morning|evening)"
# on the telephone: "Hi, it's Dev from Rapid", "Hello, this is Dana"
PHONE_INTRO = re.compile(rf"^\s*{_GREETING}[.,!]?\s+(?:it['’]s|it\s+is|this\s+is)\s+$", re.IGNORECASE)


# ("Marianne Holt. Seen her?": the name of someone asked after, spoken of, not of the one speaking)
ASKED_AFTER = re.compile(r"[.!?]\s+(?:[\w'’]+\s+){0,3}(?:her|him)\s*[?.!]", re.IGNORECASE)


def self_named(quote: str, names: _Names) -> str:
    """Who the quote says is speaking: "I am Dr. Okafor", "My name is Tom", "Everybody calls me Margaret", "Hi,
    it's Dev", or a full name
    said as a sentence of its own ("Is it? Father Doyle. I do beg your pardon.", "Sam Cobb,
    madam.")."""
    said = names.mentions(quote)
    # "Mrs Kerr. I'm Hamish Rennie": whoever says "I'm", not the name said first
    for a, b, main in said:
        if _SELF_NAMED.search(quote[max(0, a - 16):a]) or PHONE_INTRO.match(quote[:a]):
            return main
    for a, b, main in said:
        # "Bray. Arthur Bray." or "Tom. Tom Brennan.": the surname or the first name, then the whole name
        # (not "Miss. Miss Patel.": a child calling the teacher, the title said twice)
        words = quote[a:b].split()
        if len(words) >= 2 and re.fullmatch(rf"\s*(?:{re.escape(words[-1])}|{re.escape(words[0])})\.\s+", quote[:a]) \
                and not (_split_title(quote[a:b])[0] and re.fullmatch(rf"\s*{re.escape(words[0])}\.\s+", quote[:a])):
            return main
    for a, b, main in said:
        if ASKED_AFTER.match(quote, b):
            continue
        # a name as a sentence of its own, then "sir" or an "I" ("Mr. Dixon.--Very well." talks of him)
        # or, on the telephone, the caller's name and where they are from ("Hi. Dana Whitcomb, Port Calloway
        # Ledger.", "Dana Whitcomb here.")
        # ("Lorcan Fee. Master of this tub.": the name, then the job)
        # ("Robert Achebe. Thank you for coming out.": the name given)
        # ("PC Sharma. Ruth. We met on Tuesday": and the first name besides)
        # ("Gordon Pryce, Pacific Harvest. We spoke on the phone.": the name, where they are from, then the rest)
        introduces = re.match(r"\s*(?:,\s+(?-i:(?:[A-Z][\w'’&-]*\s+){0,2}[A-Z][\w'’&-]*)(?=\.))?"
                              r"(?:,\s*(?:sir|madam|ma['’]am|miss)\s*\.|\.\s+(?:[A-Z][a-z]+\.\s+)?(?:I|We\s+(?:spoke|met|talked))\b"
                              r"|\.\s+(?:Thank(?:s|\s+you)\s+for|Pleased\s+to|Nice\s+to|Good\s+to|Glad\s+to|Call\s+me)\b"
                              # ("Earl Hollis. Over on Sandpiper.": the name, then where they live)
                              r"|\.\s+(?:(?:Over|Out|Up|Down|Just)\s+)?(?:on|from|off)\s+(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+)?\s*[.!]"
                              r"|\.\s+(?:[A-Z][a-z]+\s+){1,2}of\s+(?:the|this|that|your|our)\s+[a-z]+\s*[.!]"
                              r"|[.,]\s+that['’]?s\s+(?:is\s+)?my\s+name\b|[.,]\s+that\s+is\s+my\s+name\b"
                              # "Ottoline Marsh. Daughter.": the name, then what she is to them
                              rf"|\.\s+(?:(?:the|his|her|their|your)\s+)?(?:{_KIN}|widow)\s*[.!,])",
                              quote[b:], re.IGNORECASE) is not None
        # (not one called for and called again: "Dr Pritchard. I want Dr Pritchard back on this ward, please.")
        # (but "PC Fenwick, ma'am. Jodie.": the first name besides)
        end = re.search(r"[.!?]\s+[^.!?]*[.!?]", quote[b:])
        introduces = introduces and not (not quote[:a].strip() and end and any(
            quote[c:d] == quote[a:b] for c, d, _ in names.mentions(quote, b, b + end.end())))
        # "Solomon Barker. Sol, to my friends.": the full name, then the short one
        stop = re.match(r"\.\s+", quote[b:])
        introduces = introduces or (stop is not None and any(c == b + stop.end() and m == main
                                                             for c, _, m in names.mentions(quote, b, len(quote))))
        # on the telephone, without a greeting: "This is Constance Wilder, on Orchard Hill.", or after
        # calling the one who answers by name: "Fran? It's Ray Dunmore."
        called = [m for m in said if m[1] <= a]
        calling_first = len(called) == 1 and not quote[:called[0][0]].strip() and called[0][2] != main \
            and re.fullmatch(r"[?!,.]\s+(?:[Tt]his\s+is|[Ii]t['’]s)\s+", quote[called[0][1]:a]) is not None
        # (a first name alone too, after the one called: "Owen, it's Funmi. Are you free?")
        if (re.fullmatch(r"\s*(?:this\s+is|it['’]s)\s+", quote[:a], re.IGNORECASE) or calling_first) \
                and (len(quote[a:b].split()) >= 2 or (calling_first and re.match(r"\s*[.!]", quote[b:]))) \
                and not re.match(r"\s*,?\s*(?:my|our|his|her|your|the|a)\b|\s*,?\s*and\s+(?:this|that|here)\b"
                                 # ("Danny! This is Neil. It's his wee girl.": someone brought forward, spoken of)
                                 r"|\s*[.!]\s+(?:(?:it['’]s|he['’]s|she['’]s)\s+)?(?:his|her|he|she)\b",
                                 quote[b:], re.IGNORECASE):
            return main
        greeted = re.fullmatch(rf"\s*(?:{_GREETING}[.,!]?\s+)+", quote[:a], re.IGNORECASE) is not None
        untitled = greeted and not _split_title(quote[a:b])[0]
        introduces = introduces or (untitled and re.match(r"(?:,\s+(?:from\s+|with\s+|at\s+)?(?:the\s+)?[A-Z][\w'’-]+"
                                                          r"(?:\s+[A-Z][\w'’-]+)+\s*\.|\s+here\s*[.,])", quote[b:]) is not None)
        # ("Charlotte Ashworth, from Pickering's.": a whole name and the firm one comes from)
        introduces = introduces or (not quote[:a].strip() and not _split_title(quote[a:b])[0] and re.match(
            r",\s+from\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*\s*[.!]", quote[b:]) is not None)
        opens = not quote[:a].strip() or re.search(r"[.!?]\s*$", quote[:a]) is not None
        # ("DC Cole. Beth. It's her first.": someone brought forward and spoken of, not the speaker)
        spoken_of = re.match(r"(?:[.!]\s+[A-Z][a-z]+)?[.!]\s+(?:it['’]s\s+|that['’]s\s+)?(?:his|her|he|she)\b", quote[b:], re.IGNORECASE)
        if introduces and opens and len(quote[a:b].split()) >= 2 and not spoken_of:
            return main
        # "Cal. Senior foreman, Lower Ebbing Drainage Board.": the name, then the job
        # (on the radio or the telephone: "Kilgarra, this is base. Doctor Mason speaking.")
        if opens and (_JOB_AFTER_NAME.match(quote, b) or re.match(r"\s+speaking\s*[.,!]", quote[b:])):
            return main
    return ""




# what someone named after a comma may be to another: "A brother, Lee."
_KIN = (r"(?:brother|sister|son|daughter|cousin|friend|husband|wife|mother|father|uncle|aunt|nephew|niece|"
        r"partner|boyfriend|girlfriend|fiancée?|colleague|neighbou?r|grandson|granddaughter|stepson|stepdaughter)")


_YOU_MUST_BE = re.compile(r"\b(?:you\s+must\s+be|you['’]ll\s+be|you\s+will\s+be|are\s+you|you['’]re|you\s+are|"
                          # ("Is that our Joanne?", "Is that you, Tom?": asked of the one who has come in, who answers
                          # "It is"; not "Is that Ina Marsh?", asked of someone else about her)
                          r"(?:^|(?<=[.!?]\s))(?:is|was)\s+that(?:\s+you,|(?:\s+you,)?\s+(?:our|wee|little|young)))$",
                          re.IGNORECASE)
_SPOKEN_OF = re.compile(r"\s*(?![^.!?]*\byou)[^.!?]*\b(?:he|him|his|she|her)\b", re.IGNORECASE)


# a title said alone is said to whoever holds it: "Doctor." to Dr Pritchard, "Sister?" to Sister Hartley
_TITLE_WRITTEN = {"doctor": "dr", "doc": "dr", "professor": "prof", "reverend": "rev", "sergeant": "sgt", "captain": "capt"}


def title_called(quote: str, names: _Names) -> set[str]:
    alone = re.fullmatch(r"\W*([A-Z][a-z]+)\W*", quote)
    if alone is None:
        return set()
    held = {alone.group(1).lower(), _TITLE_WRITTEN.get(alone.group(1).lower(), "")} - {""}
    return {main for main, character in names.characters.items()
            if any(_split_title(name)[0].lower().rstrip(".") in held for name in (main, *character.aliases))}


def vocatives(quote: str, names: _Names) -> set[str]:
    """People the quote speaks to: a name opening or closing the quote or a clause of it, or a title alone."""
    found = title_called(quote, names)
    speaking = self_named(quote, names)
    # words quoted inside the quote ("I said: 'Dear Mrs. Vyse, ...'") were said to someone else
    quote = blank_inner_quotes(quote)
    for a, b, main in names.mentions(quote):
        if main == speaking:
            continue
        before = quote[:a].rstrip()
        after = quote[b:b + 2]
        opens = not before or before[-1] in ",!?;—-" or re.search(r"\b(dear|my|oh|o)$", before, re.IGNORECASE)
        # a new sentence opened by a name and a comma: "...past. Agnes, Clara will show you"
        opens = opens or (before[-1] == "." and after[:1] == ",")
        # "John Beaver?" alone, after "a friend called Mr Beaver": the name echoed, not called
        echoed = not before and re.match(r"\s*\?", quote[b:]) is not None and len(quote[a:b].split()) >= 2 \
            and not _split_title(quote[a:b])[0]
        # ("Your grandfather wasn't Idris? Idris Pritchard, portered at the Infirmary?": the name said again in full)
        echoed = echoed or (len(quote[a:b].split()) >= 2 and re.search(rf"\b{re.escape(quote[a:b].split()[0])}[?.!]$", before)
                            is not None)
        # "A brother, Lee." / "my cousin, Darren, was there": the name of someone spoken of
        named_as = re.search(rf"\b(?:an?|the|my|your|his|her|our|their|one)\s+(?:[a-z]+\s+)?{_KIN},$", before,
                             re.IGNORECASE)
        # `"He knew," he said. "Ted. I told him in August"`: a name alone that the next sentence
        # goes on about as "him" says who was meant, not who is spoken to
        explained = (not before or before[-1] == ".") and after[:1] == "." and \
            _SPOKEN_OF.match(quote, b + 1) is not None
        # "Who is?" / "The boss. Since seven.": one called by what they are with "the" is spoken of, not to
        described = quote[a:b].lower().startswith("the ")
        if opens and (not after.strip() or after[0] in ",!?.;—-") and not echoed and not named_as and not explained \
                and not described:
            found.add(main)
        elif _YOU_MUST_BE.search(before) and re.match(r"\s*(?:[.!?,]|$)", quote[b:]):
            found.add(main)     # "You must be Mr Whitlock.": whom the speaker takes the one before them for
    return found


def spoken_of(quote: str, names: _Names) -> set[str]:
    """People the quote names who are not the one saying it (no "I am ..."; nor "the Gill family", the
    speaker's own as likely as not)."""
    return {main for _, end, main in names.mentions(quote) if not _FAMILY_AFTER.match(quote, end)} \
        - {self_named(quote, names)}


_FAMILY_AFTER = re.compile(r"(?:['’]s)?\s+(?:family|household|clan|side\s+of\s+the\s+family)\b")


def names_spoken_to(text: str) -> Counter:
    """Names someone is spoken to by: opening a quote or closing a clause of it ("Jane, come")."""
    found = Counter()
    # (and "Callum. It's gone one.": a name alone as the quote's first sentence, more after it)
    # (the opening word's comma left for the next: "Thanks, Gordie." is said to Gordie)
    for match in re.finditer(rf"[\"“‘]\s*({NAME}(?:\s+{NAME})?)(?=\s*[,!?])|"
                             rf",\s*({NAME}(?:\s+{NAME})?)\s*[,!?.]\s*[\"”’']|"
                             rf"[\"“‘]\s*({NAME})\.\s+(?=[A-Z][a-z]*['’]?[a-z]*\s+[a-z])", text):
        found[match.group(1) or match.group(2) or match.group(3)] += 1
    # (and closing a sentence of a quote that goes on: "My phone's connected to a satellite, Martin. Your watch...",
    # a first name or a parent's ("Hi, Mam. I was on the bus."), not "The young one, Pepper. Got into a bait": the dog's)
    for quote in re.finditer(r"[\"“][^\"“”]*[\"”]", text):
        found.update(m.group(1) for m in re.finditer(rf",\s*({NAME})[.!?]\s+(?=[A-Z])", quote.group(0))
                     if first_name_gender(m.group(1)) or m.group(1) in _MOTHER | _FATHER)
    return found


# A name given in speech ("Hi, it's Dev from Rapid", "Name's Oakes", "Pauline Greaves." when asked), and
# one the narration gives as someone's kin
_INTRODUCED = re.compile(rf"\s*(?i:{_GREETING}[.,!]?\s+(?:it['’]s|it\s+is|this\s+is)\s+)({NAME})")
# "Ottoline Marsh was Dennis's younger sister": a name the narration says is someone's kin
_DESCRIBED_AS_KIN = re.compile(rf"\b({NAME}(?:\s+{NAME})?)\s+(?:was|is|had\s+been)\s+(?:{NAME}['’]s|his|her|my|our|their)"
                               rf"\s+(?:(?:younger|elder|older|eldest|youngest|little|big|baby|twin|only|half-)\s*)?{_KIN}\b")
# (and one named to their face: "You must be Wiremu," she says)
_GIVES_NAME = re.compile(rf"(?:(?<=[\"“‘])|(?<=[.!?] )|\b(?i:my|the)\s+)(?i:name['’]s|name\s+is)\s+({NAME})\b|"
                         # (or one's own: "I'm so sorry. I'm Tom, by the way.")
                         rf"(?:(?<=[\"“‘])|(?<=[.!?] ))(?:And\s+)?(?:[Yy]ou|[Yy]ou['’]ll|[Yy]ou\s+will)\s+(?:must\s+|['’]ll\s+)?be\s+({NAME})"
                         rf"(?=[,.!?])|(?:(?<=[\"“‘])|(?<=[.!?] ))(?:I['’]m|I\s+am)\s+({NAME})(?=,\s+by\s+the\s+way\b|\.\s+(?:I|We)\b)")
_SELF_INTRODUCED = re.compile(rf"\s*(?:I['’]m\s+|I\s+am\s+|[Mm]y\s+name['’]s\s+|[Mm]y\s+name\s+is\s+)?({NAME}\s+{NAME})[.,]")
