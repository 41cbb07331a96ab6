"""A discovered person's gender (cast discovery's rule 4): the title, then the first-name list
shipped in gender-guesser, then the pronouns the narration uses after their names; U only when
nothing says."""
from __future__ import annotations

import re
from collections import Counter

from pipeline.text.addressed import self_named
from pipeline.text.aliases import _Person
from pipeline.text.present import _sentence_start
from pipeline.text.first_names import first_name_certain, first_name_gender
from pipeline.text.quotes import inside_span
from pipeline.text.roles import _APPOSITE
from pipeline.text.names import FAMILY_NAMES, RANKS, _COUNT, _FIRST_NAME_TITLES, Character, _decide, _gender_hint, _gender_of_phrase, _Names, _split_title


# a paragraph that only calls a name, and the answer its narration gives a pronoun
_CALLED_AND_ANSWERED = re.compile(r"(?m)^[ \t]*[\"“‘']([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)[.!?]+[\"”’'][ \t]*\n[ \t]*\n[ \t]*"
                                  r"[\"“‘'][^\n]{1,400}?[\"”’'],?[ \t]+(?:(He|She)\b|(?:said|says|asked|asks|replied)"
                                  r"\s+(he|she)\b|(he|she)\s+(?:said|says|asked|asks|replied)\b)")
_WOMEN_KIN = {"daughter", "sister", "wife", "mother", "niece", "granddaughter", "grandmother", "aunt", "girlfriend"}
_KIN_WORDS = r"(?:daughter|son|sister|brother|wife|husband|mother|father|niece|nephew|granddaughter|grandson|" \
             r"grandmother|grandfather|aunt|uncle|girlfriend|boyfriend)"
# ("Morenike Adeyemi. My sister's daughter.": a kin of a kin says it too)
_KIN_BESIDE = re.compile(rf"\b([A-Z][a-z]+)[.,]\s+(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur)\s+(?:{_KIN_WORDS}['’]s\s+)?(?:(?:little|baby|eldest|youngest|younger|"
                         rf"older|elder)\s+)?({_KIN_WORDS})\s*[.!,]|\b(?:my|his|her|our)\s+(?:(?:little|baby|eldest|"
                         rf"youngest|younger|older|elder)\s+)?({_KIN_WORDS}),?\s+([A-Z][a-z]+)\b(?![\'’])")
_CALLED_HIM = re.compile(r"\b(?:call|calls|called|calling|name|names|named|nickname[sd]?)\s+(him|her)\s+$", re.IGNORECASE)


# the one who gives their own name, as the narration around it calls them: `She came up beside him. "PC Sharma.
# Ruth."` or `"Gareth Lyle," he said.`
_ACTOR_BEFORE = re.compile(r"(?:^|[.!?][\"”’']?\s+)(He|She)\s+[^.!?\"“”\n]{3,120}[.!?]\s*$")
_ACTOR_AFTER = re.compile(r"[,.!?]?[\"”’']\s+(?:(he|she)\s+(?:said|says|added|replied)|(?:said|says|added|replied)\s+(he|she))\b")
_PARAGRAPH_OWNER = re.compile(r"(?m)^[ \t]*((?:[A-Z][\w.-]*\s+)?[A-Z][\w-]*)(?=[’']s\s)")
_OWNED_THEN_PRONOUN = re.compile(r"[’']s\s+([a-z]+(?:\s+[a-z]+)?)\b[^.!?\"“”\n]{0,160}[.!?]\s+(He|She)\b")
_PEOPLE_OWNED = {"friend", "friends", "boss", "partner", "cousin", "colleague", "doctor", "lawyer", "children", "kids",
                 "parents", "family", "dog", "cat", "horse", "ship", "boat", "car"}
_CALLED_FROM = re.compile(r"(?:,\s|[\"“‘']\s?)$")
_CALLED_OUT = re.compile(r"[,!?]")
_NAMED_FOR = re.compile(r"\b[Tt]he\s$")


_WAS_A_MAN_NEXT = re.compile(r"[^.!?\"“”\n]*[.!?]\s+(He|She)\s+(?:was|is)\s+an?\s+(?:[\w-]+\s+){0,3}?"
                             r"(man|woman|boy|girl|lad|lass|fellow|chap|bloke|gentleman|lady)\b")


def _genders(text: str, characters: dict[str, Character], people: dict[str, _Person],
             spans: list[tuple[int, int]]) -> dict[str, str]:
    """Title, then first-name list, then pronouns after mentions; U when nothing says (`spans`: the text's quotes)."""
    names = _Names(characters)
    votes: dict[str, Counter] = {main: Counter() for main in characters}
    starts = [a for a, _ in spans]
    told_first: dict[str, int] = {}     # where the narration first names each one
    for start, end, main in names.mentions(text):
        quoted = inside_span(start, spans, starts)
        if not quoted:
            told_first.setdefault(main, start)
        # "The crew call him Biscuit": the name given says whose it is
        called = _CALLED_HIM.search(text, max(0, start - 30), start)
        if called:
            votes[main]["M" if called.group(1).lower() == "him" else "F"] += 2
        # (not a name called out in speech: "I was in bed, Rosa, and I heard a pensioner tell the
        # county he'd escaped" says nothing of Rosa)
        # (nor "brought him in off the Kerenza, his heart stopped": the boat named for her)
        hint = "" if (_CALLED_OUT.match(text, end) and _CALLED_FROM.search(text, max(0, start - 3), start)) \
            or _NAMED_FOR.search(text, max(0, start - 4), start) else _gender_hint(text, start, end)
        # ("said the magistrate, a thin woman with reading glasses")
        # (not "Kestrel, a man is dead.", a name called out)
        if not quoted and (beside := _APPOSITE.match(text, end)) and (sex := _gender_of_phrase(beside.group(1))):
            votes[main][sex] += 2
        # ("Moran had the fire lit... He was a long grey man who had run the pub since his father died": what the
        # next sentence says the one its sentence opened on is)
        if not quoted and _sentence_start(text, start) and (said := _WAS_A_MAN_NEXT.match(text, end)) \
                and (sex := _gender_of_phrase(said.group(2))) == {"He": "M", "She": "F"}[said.group(1)]:
            votes[main][sex] += 2
        if hint:
            # "Sol raised his rod": a possessive right after the name's verb counts twice
            close = re.match(rf"\s+(?:[a-z]{{2,}}ed|shook|took|put|held|threw|lost|kept|bit|set|hung)\s+(his|her)\s+(?!(?:{_COUNT})\b)[a-z]",
                             text[end:end + 30]) if _sentence_start(text, start) else None
            votes[main][hint] += 2 if close and ("M" if close.group(1) == "his" else "F") == hint else 1
    for owned in _PARAGRAPH_OWNER.finditer(text):
        # "Renike's room smelled of hair spray. She was sitting on the bed": a paragraph opening on someone's
        # thing goes on about them (not "Tom's mother came in. She ...": a person of theirs is someone else)
        main = names.lookup(owned.group(1))
        opening = _OWNED_THEN_PRONOUN.match(text, owned.end(1)) if main in votes else None
        if opening and not any(_gender_of_phrase(word) or word in _PEOPLE_OWNED for word in opening.group(1).split()):
            votes[main]["M" if opening.group(2) == "He" else "F"] += 1
    for m in _CALLED_AND_ANSWERED.finditer(text):
        # `"Jamie."` / `"No, Dad, it was me." He pushed back his hood`: the one called answers
        main = names.lookup(m.group(1))
        if main:
            votes[main]["M" if (m.group(2) or m.group(3) or m.group(4)).lower() == "he" else "F"] += 1
    for start, end in spans:
        # (the pronoun first: it is the cheaper look, and most quotes have none beside them)
        actor = _ACTOR_BEFORE.search(text, text.rfind("\n", 0, start) + 1, start - 1) or _ACTOR_AFTER.match(text, end)
        main = self_named(text[start:end], names) if actor else ""
        # (one the narration has already brought in is called, not naming themself: "Surinder came in from the hall
        # in her nightie" and later '"Surinder. Twenty-nine minutes I have had this cricket on mute." He turned')
        if main and told_first.get(main, len(text)) < start:
            continue
        if main:
            pronoun = next(g for g in actor.groups() if g)
            votes[main]["M" if pronoun.lower() == "he" else "F"] += 3
    for m in _KIN_BESIDE.finditer(text):
        # "This is Ivy. My daughter.", "his wife, Edna": what they are to someone says it outright
        main = names.lookup(m.group(1) or m.group(4))
        if main:
            votes[main]["F" if (m.group(2) or m.group(3)).lower() in _WOMEN_KIN else "M"] += 3
    genders = {}
    for main, person in people.items():
        # a name that is a family word ("Grandad", "Mum") says the gender whatever pronouns follow it
        # (or two: "Ah Gong")
        family_word = _gender_of_phrase(person.words[0]) if len(person.words) == 1 else \
            _gender_of_phrase(" ".join(person.words)) if " ".join(person.words) in FAMILY_NAMES else ""
        if person.title_gender or family_word:
            genders[main] = person.title_gender or family_word
            continue
        if person.words[0] == "the" and len(person.words) == 2:
            # "The charge nurse at the desk was a big man", "The security guard considers this, the rain drumming on
            # his hood": the job with a word before it is theirs too
            for match in re.finditer(rf"\b[Tt]he\s+(?!(?:other|second|new|assistant|student|junior|head|chief)\b)[a-z]+\s+"
                                     rf"{re.escape(person.words[1])}\b(?![’']s)", text):
                if hint := _gender_hint(text, match.start(), match.end()):
                    votes[main][hint] += 1
        title = next((_split_title(f)[0] for f in person.forms if _split_title(f)[0]), "")
        if title and not votes[main]:
            # "Constable Hobbs" and "the constable ... his collar": the title's noun speaks for him
            noun = {"Dr": "doctor", "Rev": "reverend", "Prof": "professor", "Mme": "madame", "Mlle": "mademoiselle"}.get(
                title, title.lower())
            for match in re.finditer(rf"\b(?:the|a|an)\s+{noun}\b", text, re.IGNORECASE):
                hint = _gender_hint(text, match.start(), match.end())
                if hint:
                    votes[main][hint] += 1
        listed = first_name_gender(person.words[0]) if person.words[0] != "the" else ""
        # "Jo", who is Josephine too: the full first name says what the short one leaves open
        fuller = sorted({_split_title(f)[1][0] for f in person.forms if _split_title(f)[1] and not f.startswith("the ")
                         and _split_title(f)[1][0][:2] == person.words[0][:2]}, key=len, reverse=True)
        listed = next((g for g in map(first_name_gender, fuller) if g), listed) if person.words[0] != "the" else ""
        # ("The Reverend Parry comes in sideways with her gown": a surname after a title, never a first name, whatever
        # the list makes of it)
        if listed and person.forms and all(_split_title(f)[0] and len(_split_title(f)[1]) == 1
                                           and _split_title(f)[0] not in _FIRST_NAME_TITLES - {"Rev", "Pastor"} for f in person.forms):
            listed = ""
        pronouns = _decide(votes[main])
        # (a name the list is sure of yields to a few stray pronouns only when they are many: "Kirsty told him. He
        # thanked us" and "which Kirsty MacInnes said was the only manners he had" are Alec's; not a short pet form,
        # "Nat", which is Natalie as often as Nathan; nor a surname after a rank, "Sergeant Adebayo")
        if pronouns not in ("U", listed) and listed and first_name_certain(person.words[0]) and len(person.words[0]) >= 5 \
                and any(f.split()[0] == person.words[0] for f in person.forms) \
                and votes[main][pronouns] < max(3, 2 * votes[main][listed] + 1):
            genders[main] = listed
        elif pronouns != "U":
            genders[main] = pronouns
        elif listed:
            # the list is overruled only by the text itself
            other = {"M": "F", "F": "M"}[listed]
            against = votes[main][other]
            # a name the list calls only mostly one gender ("Jude") yields to a single pronoun
            genders[main] = listed if against <= votes[main][listed] + (1 if first_name_certain(person.words[0]) else 0) \
                else other if against >= 2 * votes[main][listed] + 1 else "U"
        elif title.lower() in RANKS and not (title.lower() in ("rev", "reverend") and votes[main]["F"] > votes[main]["M"]):
            # a rank and a stray "her" ("Skip held her five minutes": the boat); but a minister's "her gown" is hers
            genders[main] = "M"
        else:
            # nothing but the pronouns: the plain majority, U on a tie or with none
            ranked = votes[main].most_common(2)
            clear = ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
            genders[main] = ranked[0][0] if clear else _gender_of_phrase(person.words[-1].lower()) or "U"
        if genders[main] == "U" and title.lower() in RANKS:
            genders[main] = "M"
        if genders[main] == "U" and len(person.words) == 1 and person.words[0] != "the":
            # ("Wenna" of "My sister is at the urn. Morwenna has been at the urn for every funeral": the longer first
            # name the short one ends, written once as a sentence opens, says whose it is)
            longer = {first_name_gender(m.group(0)) for m in re.finditer(rf"\b[A-Z][a-z]+{re.escape(person.words[0].lower())}\b",
                                                                          text)} - {""}
            genders[main] = longer.pop() if len(longer) == 1 and len(person.words[0]) >= 3 else "U"
    return genders
