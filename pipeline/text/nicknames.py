"""Nicknames: the ones the narration ties to a name ("Tobias Thorne, whom everyone called Toby"), and the ones that
carry the family name ("Bomber Llewellyn" is the Gareth Llewellyn his mother scolds)."""
from __future__ import annotations

import re
from collections import Counter

from pipeline.text.aliases import _NAME, _SPEECH, _TAGGED, _TITLE_RE, _Person, _Speech, _family_gender
from pipeline.text.first_names import first_name_gender, same_first_name
from pipeline.text.quotes import find_quotes
from pipeline.text.names import FAMILY_NAMES, MY_KIN_WORDS, _gender_hint, in_speech, my_kin
from pipeline.text.roles import _ROLE_TITLES


# "Tobias Thorne, whom everyone called Toby" / "Elizabeth, known as Lizzy" (a comma: "Messinger
# called Rosa" is a summons)
# ("..., whom nobody since her christening had troubled to call anything but Kitty"; "Mrs. Harcourt,
# whom her late husband had called Honoria")
# ("Sophia, the youngest, a thin brown creature of twelve whom the whole household called Linnet": no other name between)
_NICKNAME = re.compile(rf"((?:(?:{_TITLE_RE})\.?\s+)?{_NAME}(?:\s+{_NAME}){{0,2}}),\s+(?:(?:(?![A-Z])[^.;:!?\"“”]){{0,80}}?\b)?"
                       rf"(?:(?:whom|who|that)\b[^.;:!?\"“”]{{0,60}}?\s)?"
                       rf"(?:(?:called|known as|nicknamed)\s+(?:(?:anything|nothing)\s+(?:but|except|other\s+than)\s+|"
                       rf"only\s+|just\s+|simply\s+)?|call\s+(?:anything|nothing)\s+(?:but|except|other\s+than)\s+)"
                       rf"[\"“‘']?({_NAME})")
_MY_KIN_NAMED = re.compile(rf"\b[Mm]y\s+({MY_KIN_WORDS}),\s+({_NAME}\s+{_NAME}),")
# "Tam Dunlop is my father": the same, said the other way round
_IS_MY_KIN = re.compile(rf"\b({_NAME}\s+{_NAME})\s+(?:is|was|'s)\s+my\s+({MY_KIN_WORDS})\b")
# "Grandad's name is Walter" / "Mully's real name was Katherine Mulroney": one person
_NAME_IS = re.compile(rf"\b({_NAME})['’]s\s+(?:real\s+|full\s+|proper\s+|first\s+|Christian\s+|given\s+)?name\s+"
                      rf"(?:is|was|'s)\s+({_NAME}(?:\s+{_NAME})?)"
                      # "Nan's called Maureen Platt and she's seventy-three"
                      # (not "a friend of Tony's called Mr Beaver")
                      rf"|(?<!\bof\s)\b({_NAME})(?:['’]s|\s+is|\s+was)\s+(?:really\s+)?called\s+({_NAME}(?:\s+{_NAME})?)")
# the pet name first, its owner named just before: "Albert Lowe came in. Bertie, as everyone who
# knew him called him, ..." / "Margaret--Peggy to her friends--"
# "Arthur Penhallow had been a postman ..., and to me he had only ever been Pop"
_WAS_CALLED = re.compile(rf"\b(?:he|she)\s+(?:had\s+)?(?:(?:only|always|just|simply|ever|forever)\s+)*(?:been|was|is)\s+"
                         rf"(?:just\s+|simply\s+|plain\s+)?({_NAME})(?=\s*[,.;:!?—]|\s+(?:and|but|to|for|ever|now|then|since)\b)"
                         # "He had been David Lewis on his birth certificate and at his wedding"
                         rf"|\b(?:[Hh]e|[Ss]he)\s+(?:had\s+)?(?:been|was|is)\s+({_NAME}(?:\s+{_NAME})?)(?=\s+on\s+(?:his|her)\s+"
                         rf"(?:birth\s+certificate|passport|papers|driving\s+licen[cs]e|payslips?)\b)")
# "Thomas Pellow had been Tosh since the summer he was twelve": the full name, then the pet name
# ("Alphonsine Keeping had been Aunt Phonse to every child in Port Anson")
_HAD_BEEN = re.compile(rf"\b({_NAME}\s+{_NAME})\s+(?:had|has)\s+(?:[^.;:!?\"“”]{{0,80}}?\band\s+(?:had|has)\s+(?=been\s+(?:known|called)\b))?(?:(?:only|always|just|simply|ever|long)\s+)*been\s+(?:(?:known|called)\s+"
                       rf"(?:[^.;:!?\"“”]{{0,40}}?\s)?(?:as\s+)?[\"“‘]?)?(?:just\s+|simply\s+|plain\s+)?((?:(?:Aunt|Auntie|Aunty|Uncle|Cousin|"
                       rf"Granny|Gran|Nan|Nana)\s+)?{_NAME})(?=[\"”’]?\s+(?:since|to|ever|for|from)\b|[\"”’]?[,.;])")
# "Nan came down at four... Her name is Edith Hartley": the name of the one the sentence before was about
_HER_NAME_IS = re.compile(rf"(?<=[.!?] )(Her|His)\s+(?:real\s+|full\s+|proper\s+|Christian\s+|given\s+)?name\s+"
                          rf"(?:is|was)\s+({_NAME}(?:\s+{_NAME})?)(?=[\s,.;])")
_NICKNAME_AFTER = re.compile(rf"\b({_NAME}),?\s+(?:as\s+[^.;:!?\"“”]{{0,60}}?\b(?:called|call|knew)\s+(?:him|her)\b|"
                             rf"(?:to\s+(?:(?:his|her|my|our|their)\s+(?:friends|family|intimates)|everyone|everybody|"
                             rf"all\s+(?:his|her|my|their)\s+friends|the\s+family)"
                             # (not "Pearl, to everybody's surprise, went")
                             rf"(?=\s*[,.;:)]|\s+(?:but|and|except|though|who|since|ever)\b)))")


# "Nobody has called Mrs. Carden Pip in six years" (a name after a title and a surname)
# "Call me Pam. Please. Everyone calls me Mrs Ashby as if I'm a headmistress": both are the speaker's
_CALL_ME_RATHER = re.compile(rf"\b[Cc]all\s+me\s+({_NAME})\b[^\n]{{0,120}}?\b(?:calls|call|called|calling)\s+me\s+"
                            rf"((?:(?:{_TITLE_RE})\.?\s+)?{_NAME})\b")
_CALLED_TITLED = re.compile(rf"\bcall(?:s|ed|ing)?\s+((?:{_TITLE_RE})\.?\s+{_NAME})\s+({_NAME})\b")


# "Nobody had called her Holly since she was nine": a pet name of hers, when it shortens one of
# the names she goes by
# ("The whole depot calls her Big Senga": the name after what size she is)
_CALLED_PRONOUN = re.compile(rf"\bcall(?:s|ed|ing)?\s+(her|him)\s+(?:(?:Big|Wee|Little|Old|Auld|Young)\s+)?((?:(?:Mrs|Mr|Miss|Ms)\.?\s+)?{_NAME})\b"
                             # ("...and screamed, which was how he had become Spook")
                             rf"|\b(?:how|when|why)\s+(she|he)\s+(?:had\s+)?(?:become|became|come\s+to\s+be)\s+({_NAME})\b")


# what a person is to some of the others: "Among the nurses Dr Pritchard is Bambi", "Mr Lowe was Lofty to the lads"
_IS_TO_THEM = re.compile(rf"\b(?:[Aa]mong|[Tt]o|[Ww]ith)\s+(?:the|his|her|their|all\s+the)\s+[a-z]+(?:\s+[a-z]+)?,?\s+"
                         rf"((?:(?:{_TITLE_RE})\.?\s+)?{_NAME}(?:\s+{_NAME})?)\s+(?:is|was)\s+({_NAME})\s*[.;]"
                         rf"|\b((?:(?:{_TITLE_RE})\.?\s+)?{_NAME}(?:\s+{_NAME})?)\s+(?:is|was)\s+({_NAME})\s+"
                         rf"(?:to|among|with)\s+(?:the|his|her|their|all\s+the|everyone|everybody)\b")
_INTRODUCED_SHORT = re.compile(rf"\b({_NAME}(?:\s+{_NAME})?)\.\s+({_NAME})\s*[.!](?=\s*[\"”’']|\s+I['’]m\b)")


def _tie_nicknames(text: str, people: list[_Person]) -> None:
    """`Elizabeth, whom they called Lizzy` / `Margaret (known as Peggy)` / `Lionel Ashby, whom nobody
    had called anything but Sprout`: one person."""
    owner = {form: p for p in people for form in p.forms}

    def owner_of(name: str) -> _Person | None:
        # "Walter" of "Walter Pryce" when only the full name is a form
        bearers = [p for p in people if p.forms and p.words[0] == name and len(p.words) >= 2]
        return owner.get(name) or (bearers[0] if len(bearers) == 1 else None)

    pairs = [(m.group(1), m.group(2)) for m in _NICKNAME.finditer(text)]
    pairs += [(m.group(1), m.group(2)) for m in _CALLED_TITLED.finditer(text)]
    # "Kasimir Dunne. Kaz.": a full name, then the short one it goes by
    pairs += [(m.group(1), m.group(2)) for m in _INTRODUCED_SHORT.finditer(text) if m.group(1)[:2] == m.group(2)[:2]]
    pairs += [(m.group(2) or m.group(4), m.group(1) or m.group(3)) for m in _NAME_IS.finditer(text)]
    pairs += [(m.group(1), m.group(2)) for m in _HAD_BEEN.finditer(text)]
    pairs += [(m.group(1) or m.group(3), m.group(2) or m.group(4)) for m in _IS_TO_THEM.finditer(text)]
    pairs += [(m.group(2), m.group(1)) for m in _CALL_ME_RATHER.finditer(text)]
    # "My father, Patrick Doyle, has got up at four": the one who goes by Dad has that name
    # (the narration's "my", not a speaker's own: "Peter. Please. Mr Hale is my father, and he's in Bournemouth.")
    for relation, name in [*((m.group(1), m.group(2)) for m in _MY_KIN_NAMED.finditer(text)),
                           *((m.group(2), m.group(1)) for m in _IS_MY_KIN.finditer(text) if not in_speech(text, m.start()))]:
        kin = my_kin(relation, [(p, set(p.forms)) for p in people if p.forms])
        named = owner_of(name)
        if kin is not None and named is not None and kin is not named and len(named.words) >= 2:
            named.title_gender = named.title_gender or _family_gender(kin)     # Dad is a man whatever "Glyn" is
            named.absorb(kin, owner)
    for name, nick in pairs:
        a, b = owner_of(name), owner_of(nick)
        if a is not None and b is not None and a is not b:
            a.absorb(b, owner)
    for match in [*_NICKNAME_AFTER.finditer(text), *_WAS_CALLED.finditer(text), *_HER_NAME_IS.finditer(text)]:
        given = match.re is _HER_NAME_IS
        nick = owner_of(match.group(2) if given else (match.group(1) or match.group(2)))
        if nick is None:
            continue
        # the person named last before it, in the same or the previous sentence (of the gender "her" says)
        gender = {"Her": "F", "His": "M"}.get(match.group(1), "") if given else ""
        # ("His real name was Liam Osborne": of the one the paragraph opened on, "Ozzy slid the phone into his bag...")
        start = max(match.start() - 600, text.rfind("\n\n", 0, match.start())) if given else match.start() - 200
        window = text[max(0, start):match.start()]
        named = [owner[m.group(0)] for m in re.finditer(rf"{_NAME}(?:\s+{_NAME})*", window)
                 if m.group(0) in owner and owner[m.group(0)] is not nick
                 and (not gender or (owner[m.group(0)].listed_gender or _family_gender(owner[m.group(0)])) in ("", gender))]
        if named:
            named[-1].absorb(nick, owner)
    for match in _CALLED_PRONOUN.finditer(text):
        pronoun, nickname = match.group(1) or match.group(3), match.group(2) or match.group(4)
        sex = "F" if pronoun in ("her", "she") else "M"
        nick = owner.get(nickname)
        if nick is None or len(nick.words) != 1:
            continue
        # the pronoun says the pet name is someone's, the spelling whose: a list that calls
        # "Hollis" a man's name and "Holly" a woman's does not keep them apart here
        longer = {id(p): p for p in people if p is not nick and p.forms and p.words[0] != "the"
                  and same_first_name(nick.words[0], p.words[0])}
        if not longer:
            # "Everyone called him Tiny, though the badge on his tunic said Leonard Tibbs": the
            # one full name in the same sentence
            start = max(text.rfind(stop, 0, match.start()) for stop in ".!?\n") + 1
            ends = [i for i in (text.find(stop, match.end()) for stop in ".!?\n") if i >= 0]
            sentence = text[start:min(ends, default=len(text))]
            # (of the pronoun's sex: "called her Mummy, even Brother Emmanuel" is not his name)
            # (not one called by a family word or a title: "...called him Sparrow since the day he came off a colt so
            # high that Uncle Alby said he'd seen him fly")
            longer = {id(owner[m.group(0)]): owner[m.group(0)] for m in re.finditer(rf"{_NAME}\s+{_NAME}", sentence)
                      if m.group(0) in owner and owner[m.group(0)] is not nick and owner[m.group(0)].listed_gender
                      in ("", sex) and m.group(0).split()[0] not in FAMILY_NAMES
                      and not re.fullmatch(rf"(?:{_TITLE_RE})\.?", m.group(0).split()[0])}
        if not longer:
            # ("Dr. Pemberton came through them... which was why every nurse called him Bambi": the one
            # person of that sex the paragraph names before)
            paragraph = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
            longer = {id(owner[m.group(0)]): owner[m.group(0)] for m in _TITLED_OR_FULL.finditer(paragraph)
                      if m.group(0) in owner and owner[m.group(0)] is not nick and owner[m.group(0)].listed_gender
                      in ("", sex)}
        if not longer and (said_to := _SAID_TO_JUST_BEFORE.search(text, max(0, match.start() - 1500), match.start())) \
                and said_to.group(2) == nickname:
            # ('When Tommy came back I let him get halfway down the pint. ¶ "What was he doing in Ballina, Tucker?" ¶
            # Nobody in the family called him Tucker': the one man the narration named just before it was said to him)
            # (the narration's, not names said: "Huw's always fine on nights" is not Alun, whom Prosser is)
            before = text[max(0, said_to.start() - 400):said_to.start()]
            for x, y in find_quotes(before):
                before = before[:x] + " " * (y - x) + before[y:]
            # (by title too: "Sister Hartley stands at the foot of the bed" / "..., Carol." / "Nobody calls her Carol")
            longer = {id(owner[m.group(0)]): owner[m.group(0)] for m in _TITLED_OR_FULL.finditer(before)
                      if m.group(0) in owner and owner[m.group(0)] is not nick and owner[m.group(0)].listed_gender == sex}
        if len(longer) == 1:
            next(iter(longer.values())).absorb(nick, owner)
    people[:] = [p for p in people if p.forms]


# a name said to someone in the paragraph before, the quote and the paragraph ending there
_SAID_TO_JUST_BEFORE = re.compile(rf"(\n\s*\n)[\"“‘'][^\n]*?,\s+({_NAME})[?!.]\W*\n\s*\n\s*(?:[^\n]*?)$")
_TITLED_OR_FULL = re.compile(rf"(?:(?:{_TITLE_RE})\.?\s+)?{_NAME}(?:\s+{_NAME})?")


def join_given_name_to_nickname(speech: _Speech, people: list[_Person]) -> None:
    """"Gareth Llewellyn, you are thirty-four years of age": a full name said only in speech, of the one man (woman)
    the story knows by a nickname and that surname ("Bomber Llewellyn"), is his given name."""
    for full in [p for p in people if len(p.words) == 2 and p.words[0] != "the" and first_name_gender(p.words[0])
                 and p.count <= 2]:
        nicknamed = [p for p in people if p is not full and p.forms and not p.title_gender and any(
            len(f.split()) == 2 and f.split()[1] == full.words[-1] and not first_name_gender(f.split()[0])
            and f.split()[0] not in FAMILY_NAMES and f.split()[0].lower() not in _ROLE_TITLES for f in p.forms)]
        sexes = {first_name_gender(full.words[0])} | {p.listed_gender for p in nicknamed} - {""}
        # (the narration reading for the one full name that may join, last: it scans the text)
        if len(nicknamed) == 1 and len(sexes) == 1 and not any(speech.told_at(f) for f in full.forms):
            nicknamed[0].absorb(full)
    people[:] = [p for p in people if p.forms]


_GIVES_FULL_NAME = re.compile(rf"\W*({_NAME}\s+{_NAME})[.,]")
_JUST_A_NAME = re.compile(rf"\W*({_NAME})[,.!]?\W*")


def join_full_name_to_what_he_goes_by(speech: _Speech, people: list[_Person]) -> None:
    """'"Colin Tait. A roustabout."' / '"Tattie," said Owen.': a full name given, and the next quote,
    a paragraph on, nothing but another name (that is no first name of the other sex): the name he goes by."""
    owner = {form: p for p in people for form in p.forms}
    for (x, y), (a, b) in zip(speech.spans, speech.spans[1:]):
        full, short = _GIVES_FULL_NAME.match(speech.text, x, y), _JUST_A_NAME.fullmatch(speech.text, a, b)
        if not (full and short) or speech.paragraph_of(a) != speech.paragraph_of(x) + 1:
            continue
        named, called = owner.get(full.group(1)), owner.get(short.group(1))
        sexes = {first_name_gender(full.group(1).split()[0]), first_name_gender(short.group(1))} - {""}
        if named is not None and called is not None and named is not called and len(called.words) == 1 \
                and len(sexes) <= 1 and not called.title_gender:
            named.absorb(called, owner)
    people[:] = [p for p in people if p.forms]


def join_full_name_called_to_who_flinches(speech: _Speech, people: list[_Person]) -> None:
    """'"Dominic Quinn," she said, "is that you eating chips before your tea?" The whole shop turned round. Tiny went the
    colour of the pickled onion.': a full name called, that the narration never writes, is the name of the one it
    names next, when he goes by a nickname (no first name on the list) and the full name's first name is no one else's."""
    owner = {form: p for p in people for form in p.forms}
    text = speech.text
    for x, y in speech.spans:
        full = _GIVES_FULL_NAME.match(text, x, y)
        named = owner.get(full.group(1)) if full else None
        if named is None or len(named.words) != 2 or speech.told_at(full.group(1)) \
                or not re.search(r"\byou\b", text[full.end():y] + text[y:y + 200].split("\n")[0]):
            continue
        paragraph = speech.paragraph_of(x)
        after = [speech.narration_of(paragraph)[y - speech.paragraphs[paragraph][0]:]]
        if paragraph + 1 < len(speech.paragraphs) and not speech.quotes_in(paragraph + 1):
            after.append(speech.narration_of(paragraph + 1))
        # (past the tag: "she said", and who said it)
        told = re.sub(rf"^[^.!?]*?\b(?:{_SPEECH})\b[^.!?\"“‘]*", "", " ".join(after).strip())
        first = next((owner[m.group(0)] for m in re.finditer(_NAME, told) if m.group(0) in owner), None)
        if first is None:
            continue
        # (what the prose calls him, "Tiny" though a list has it as a girl's name)
        votes = Counter(hint for m in re.finditer(rf"\b{re.escape(first.words[0])}\b", text)
                        if (hint := _gender_hint(text, m.start(), m.end())))
        sexes = {first_name_gender(named.words[0]), votes.most_common(1)[0][0] if votes else first.listed_gender} - {""}
        if first is not named and len(first.words) == 1 and not (first_name_gender(first.words[0]) and not votes) \
                and not first.title_gender and len(sexes) <= 1 and first.words[0] not in FAMILY_NAMES \
                and not any(p is not named and p.words[0] == named.words[0] for p in people if p.forms):
            first.absorb(named, owner)
    people[:] = [p for p in people if p.forms]


_CALLED_ME = re.compile(rf"\b(?:call(?:s|ed|ing)?|name[sd]?)\s+me\s+({_NAME})\b(?!\s+{_NAME})")


# whoever picks up the telephone: "The phone went again in Lou's back pocket. This time she answered it."
_ANSWERS_THE_PHONE = re.compile(r"\b(he|she|I)\s+(?:\w+ly\s+)?(?:answered|answers|picked\s+up|picks\s+up)"
                                r"(?:\s+(?:it|the\s+(?:phone|call|mobile)))?\b[^.!?\"“”‘’]*[.!?]?\s*$")


_RINGS = re.compile(r"\b(?:phone|mobile|telephone)\s+(?:\w+\s+){0,2}?(?:went|goes|rang|rings|buzzed|buzzes|vibrated|"
                    r"vibrates|started\s+ringing|was\s+ringing|is\s+ringing)\b")


def join_names_called_me(speech: _Speech, people: list[_Person]) -> None:
    """'"Oliver," says Biscuit. "She called me Oliver."': the name a tagged speaker says they were called is theirs;
    and the name the caller opens with is whoever picked up the phone ("...she answered it." / "Fiona? Oh, thank God.")."""
    owner = {form: p for p in people for form in p.forms}
    for number in range(1, len(speech.paragraphs)):
        told, inside = speech.narration_of(number - 1), speech.quotes_in(number)
        named = {id(p): p for m in re.finditer(_NAME, told) if (p := owner.get(m.group(0))) is not None}
        opening = re.match(rf"\W*({_NAME})[?!,.]", speech.text[inside[0][0]:inside[0][1]]) if inside else None
        # (a call come in: not "I ring Uncle Tunde ... The third time he picks up" / "Dayo? It's gone ten.")
        answered = _ANSWERS_THE_PHONE.search(told) if opening and not speech.quotes_in(number - 1) \
            and _RINGS.search(told) else None
        called = owner.get(opening.group(1)) if answered else None
        # (of the sex the "she" who answered is; the one named may not have a sex of their own yet: "Lou")
        if called is not None and len(named) == 1 and (picked := next(iter(named.values()))) is not called \
                and len(called.words) == 1 and called.words[0] not in FAMILY_NAMES \
                and called.listed_gender in ("", {"he": "M", "she": "F"}.get(answered.group(1), called.listed_gender)):
            picked.absorb(called, owner)
    for number in range(len(speech.paragraphs)):
        said = [m.group(1) for a, b in speech.quotes_in(number) for m in _CALLED_ME.finditer(speech.text, a, b)]
        if not said:
            continue
        tags = {id(p): p for m in _TAGGED.finditer(speech.narration_of(number))
                if (p := owner.get(m.group(1) or m.group(2))) is not None}
        if len(tags) != 1:
            continue
        speaker = next(iter(tags.values()))
        for name in said:
            called = owner.get(name)
            if called is None or called is speaker or min(len(called.words), len(speaker.words)) != 1 \
                    or {called.listed_gender, speaker.listed_gender} >= {"M", "F"}:
                continue
            # (the full name keeps the nickname: "Oliver Dace" and "Biscuit" are one man)
            whole, part = (called, speaker) if len(called.words) >= len(speaker.words) else (speaker, called)
            whole.absorb(part, owner)
    people[:] = [p for p in people if p.forms]
