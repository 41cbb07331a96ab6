"""Mentions: every capitalised form the prose names someone by, where, and beside which speech tags.

The first step of cast discovery (cast.py): counts of each form inside sentences and anywhere,
of forms next to a speech verb ("said June"), and the offsets where each is written.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from pipeline.text.first_names import BEFORE_A_NAME, EPITHETS, first_name_gender, kept_title
from pipeline.text.names import (_COMMANDS, FAMILY_NAMES, _MONTH_NAMES, _FEMALE_TITLES, _MALE_TITLES, _NOT_NAMES, TITLES)
from pipeline.text.not_names import _NOT_PERSON_WORDS, _PLACE_PREFIXES, _PLACE_WORDS
from pipeline.text.aliases import _NAME, _SPEECH, _TITLE_RE, _Speech
from pipeline.text.present import _sentence_start
from pipeline.text.not_people import first_called_a_thing
from pipeline.text.towns import is_town

_FEMALE = set(_FEMALE_TITLES) | {"sister", "mlle", "mme", "baroness", "duchess", "signora", "frau", "fraulein"}
_MALE = set(_MALE_TITLES) | {"brother", "baron", "duke", "signor", "herr", "m"}
_PARTICLE = r"(?:(?:de|De|du|Du|van|Van|von|Von|le|Le|la|La|des|Des|di|Di|da|Da)\s+)"
_ABBREVIATED = ("Mr", "Mrs", "Ms", "Dr", "Mlle", "Mme", "Rev", "M", "St")
_ABBREVIATED_RE = "|".join(sorted(_ABBREVIATED, key=len, reverse=True))
# ("The Reverend Colin Ashby" at a sentence's start is the Reverend, not a "The Reverend Colin")
_MENTION = re.compile(rf"(?<![\w.-])(?<!\w['’])(?:The\s+(?=(?:{_TITLE_RE})\s+[A-Z]))?(?:((?:{_ABBREVIATED_RE})\.?|(?:{_TITLE_RE})(?:\s+(?:{_TITLE_RE}))*(?=\s))\s+)?({_PARTICLE}?{_NAME}(?:\s+{_PARTICLE}?{_NAME}){{0,2}})"
                      r"(?![\w-])")
_THE_DESCRIPTOR = re.compile(r"\b[Tt]he\s+((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+|DCI|DI|DS|DC|PC|SIO)\b")   # ("said the DI")


_THINGS_NOISE = re.compile(r"\s+(?:roar|roars|roared|hiss|hisses|hissed|howl|howls|howled|growls|growled|whines|whined|"
                           r"groans|groaned|moans|moaned|rasps|rasped|wheezes|wheezed|sighs|sighed|purrs|purred|sings|sang|"
                           r"thunders|thundered|booms|boomed|rattles|rattled)\b")


def _candidates(text: str, speech: _Speech) -> tuple[Counter, Counter, Counter, dict]:
    """Counts of each form mid-sentence, of each form anywhere, of forms next to speech verbs, and where each is."""
    mid, anywhere, spoke = Counter(), Counter(), Counter()
    where: dict[str, list[int]] = defaultdict(list)
    common = Counter(re.findall(r"\b[a-z]+\b", text))
    # "said June" twice: June is a woman here, not a month, wherever she is named (and "Ray", whatever "X-ray" writes)
    tagged = Counter(m.group(1) or m.group(2) for m in re.finditer(
        rf"\b(?:{_SPEECH})\s+([A-Z][a-z]+)\b|\b([A-Z][a-z]+)\s+(?:{_SPEECH})\b", text))
    speaking = {w for w, n in tagged.items() if n >= 2 and first_name_gender(w)
                and (w in _NOT_NAMES or w in _NOT_PERSON_WORDS or 3 <= common[w.lower()] <= 2 * n)}
    # "Mum asked", "Gran said": a family word the tags use as a name is someone's name here
    speaking |= {w for w in tagged if w in FAMILY_NAMES}
    # "June Kessler" beside "Ray Kessler" and "Mr. Kessler": a month that is her first name
    carried = Counter(m.group(2) for m in re.finditer(rf"\b([A-Z][a-z]+)\.?\s+({_NAME})\b", text)
                      if m.group(1) in TITLES or (first_name_gender(m.group(1)) and m.group(1) not in _NOT_NAMES))
    surnames: dict[str, bool] = {}

    def surname(form: str) -> bool:
        if form not in surnames:
            surnames[form] = any(first_name_gender(m.group(1)) or m.group(1) in TITLES
                                 for m in re.finditer(rf"\b([A-Z][a-z]+)\.?\s+{re.escape(form)}\b", text))
        return surnames[form]

    for match in _MENTION.finditer(text):
        name = match.group(2)
        words = name.split()
        title = kept_title(match.group(1), words[0], text)
        if text[match.end():match.end() + 2] in ("'t", "’t"):
            continue      # "Don't", "Won't": a contraction, whatever name it begins with
        # "the Long Patience", "the Coriolis Nine": a ship, a house or a pub, not a person (who
        # comes after "the" only with a title: "the Reverend Mr. Eager", or as "the Hatter")
        if not title and len(words) > 1 and re.search(r"\bthe\s+$", text[max(0, match.start() - 4):match.start()]):
            continue
        # "When Elizabeth", "Happily Archer", "Old Harry Sutcliffe": drop leading words that are not names
        while words and not title and not (words[0] in _PLACE_PREFIXES and len(words) > 1
                                           and not (words[0] in BEFORE_A_NAME and first_name_gender(words[1]))) \
                and (words[0] in _NOT_NAMES or words[0] in _NOT_PERSON_WORDS or common[words[0].lower()] >= 3
                     # "Take Len," he said: a command opening a sentence
                     or (words[0] in _COMMANDS and len(words) > 1 and _sentence_start(text, match.start(2)))) \
                and words[0] not in speaking and " ".join(words[:2]) not in FAMILY_NAMES \
                and not (words[0] in _MONTH_NAMES and len(words) == 2 and carried[words[1]]):
            words = words[1:]
        # ("Your Grace", "His Grace": a duke or a bishop, not a woman called Grace)
        if not words or re.search(r"\b(?:[Yy]our|[Hh]is|[Hh]er)\s+Grace$", text[max(0, match.start(2) - 12):match.start(2) + name.index(words[0]) + 5]):
            continue
        # "Nobody has called Mrs. Carden Pip in years": her name, then the name she was called
        if title and len(words) >= 2 and re.search(r"\bcall(?:s|ed|ing)?\s+$", text[max(0, match.start() - 10):match.start()]):
            nick = words[-1]
            anywhere[nick] += 1
            mid[nick] += 1
            where[nick].append(match.end(2) - len(nick))
            words = words[:1]
        # ("Big Davie McAllister": the first and last name a nickname's word goes before)
        words = words[1:] if len(words) >= 3 and not title and words[0] in BEFORE_A_NAME else words
        # ("Dai Bach", "Seán Óg": little Dai, young Seán, by the first name a Welsh or Irish village adds a word to)
        words = words[:1] if len(words) == 2 and not title and words[1] in EPITHETS else words
        offset = match.start(2) + name.index(words[0]) if not title else match.start(1)
        form = (f"{title} " if title else "") + " ".join(words)
        initial = _sentence_start(text, offset) and not title and len(words) == 1
        anywhere[form] += 1
        if not initial:
            mid[form] += 1
        where[form].append(offset)
        after, before = text[match.end():match.end() + 24], text[max(0, offset - 24):offset]
        # "Fellow called Sam Cobb" names someone; it is not a speech tag, nor is "the people of
        # Wexcombe spoke of it for years" (a place after "of", and talk about something)
        if (re.match(rf"\s+(?:\w+ly\s+)?(?:{_SPEECH})\b|\s+(?:was|were|is)\s+(?:saying|asking|telling|shouting|calling)\b", after)
                and not (_THINGS_NOISE.match(after) and (re.search(r"\b[Tt]he\s+$", before)
                                                         # ("Flares hissed along the centerline": no one speaks there)
                                                         or not speech.quotes_in(speech.paragraph_of(offset))))
                and not re.match(r"\s+(?:called|named)\s+(?:(?:him|her|them|me|us|it)\s+)?[A-Z]", after)
                and not (re.search(r"\b(?:of|from|in|at)\s+$", before)
                         # ("Everybody in Harrowby thinks my boy did it": a place, in what someone says)
                         and (re.match(r"\s+\w+\s+(?:of|about|on|upon)\b", after) or speech.inside_quote(offset)))
                # ("We think Bristol owes us. Bristol thinks we owe them": the branch office, in what someone says)
                and not (len(words) == 1 and not title and speech.inside_quote(offset) and is_town(form)
                         # (not a surname as well: "Jane Fairfax", "Miss Fairfax")
                         and not surname(form))) \
                or (re.search(rf"\b(?:{_SPEECH}),?\s+$", before) and not speech.inside_quote(offset)
                    # (not the words printed on a thing: "a tea towel that said Tenby on it")
                    and not re.search(r"\b(?:that|which)\s+(?:\w+\s+)?(?:said|says|read|reads)\s+$", before)
                    and not first_called_a_thing(text, [offset])):
            spoke[form] += 1     # (but "The wind doesn't say Manchester" is a word said, not a tag)
    for match in _THE_DESCRIPTOR.finditer(text):
        words = match.group(1).split()
        # "the General", "the Duchess" are people; "the Church", "the English" are not
        # (but "said the Chairman", "the Boss": one who holds the chair is someone)
        if words[-1] in _PLACE_WORDS or (words[0] in _NOT_PERSON_WORDS and words[0] not in TITLES
                                         and words[0] not in _MALE | _FEMALE | {"Chairman", "Chairwoman", "Boss"}):
            continue
        after = text[match.end():match.end() + 24]
        before = text[max(0, match.start() - 24):match.start()]
        # (not "the Rayburn roars", "the kettle hissed": a thing's noise, whatever a tag's verb it shares)
        if (re.match(rf"\s+(?:\w+ly\s+)?(?:{_SPEECH})\b", after) and not _THINGS_NOISE.match(after)) \
                or re.search(rf"\b(?:{_SPEECH}),?\s+$", before):
            spoke["the " + match.group(1)] += 1
    for form, count in list(spoke.items()):
        if form.startswith("the "):
            total = len(re.findall(r"\b[Tt]he\s+" + re.escape(form[4:]) + r"\b", text))
            anywhere[form] = mid[form] = total
            where[form] = [m.start() for m in re.finditer(r"\b[Tt]he\s+" + re.escape(form[4:]) + r"\b", text)]
    return mid, anywhere, spoke, where
