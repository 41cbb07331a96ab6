"""Someone the narration calls "the boy" until they give their name.

A stranger speaks before anyone knows who they are: the narration says "the boy nodded", "the
girl licked her lips", and only later, asked, they answer "Nico Sarrat." Until then the rules
have no name to give their lines, and "he" goes to the last man named. Here such a description
becomes one more name of the person who then names themself, so the lines before the name are
theirs too."""
from __future__ import annotations

import bisect
import re
from collections import Counter

from pipeline.text.aliases import _Person
from pipeline.text.roles import _ROLE_TITLES, _ROLES
from pipeline.text.addressed import ASKED_AFTER, self_named
from pipeline.text.first_names import first_name_gender
from pipeline.text.names import (FAMILY_NAMES, NAME, _FEMALE_NOUNS, _MALE_NOUNS, _SAME_TITLE, Character, _gender_of_phrase,
                                 _Names, _split_title)
from pipeline.text.quotes import inside_span

# "And your name?", "Who are you?": the answer that follows is the speaker's own name ("Who are
# you here for?" asks for someone else's)
# ("People call you anything besides kid?")
NAME_ASKED = re.compile(r"\b(?:(?:your|ur)\s+(?:other\s+)?name|who\s+are\s+you|what\s+(?:do\s+(?:they|people)\s+)?"
                        r"call\s+you|(?:people|they|folks|anybody|anyone)\s+call\s+you\s+(?:anything|something)"
                        r"(?:\s+(?:besides|but|other\s+than|except)\s+\w+(?:\s+\w+)?)?)\b"
                        # ("Can I take your name and your policy number?")
                        r"(?:\s+and\s+(?:your|ur)\s+[\w\s'’-]{1,30}?)?(?:,\s*\w+)?\s*\?\s*$"
                        # ("That's a fair point, Mrs...?" / "And you are...?": a name left for the answer to give)
                        r"|\b(?:Mrs|Mr|Miss|Ms|Mister|Dr)\.?\s*(?:\.{2,}|…)\s*\?\s*$|\band\s+you\s+are\s*(?:\.{2,}|…)?\s*\?\s*$",
                        re.IGNORECASE)

# how a narration describes someone it cannot name yet: "the boy", "the driver", or anyone by
# what they wear or where they came from ("a man in a tweed cap", "the woman with the red
# umbrella"); "the man" and "the woman" alone describe too many people to be one of them
_PERSON = r"(?:man|woman|boy|girl|lady|gentleman|kid|child|lad|lass|youth|fellow)"
_ADJECTIVE = r"(?:(?:old|young|little|small|tall|thin|big|heavy|strange|new)\s+)?"
# (a job may have a word before it, "the charge nurse", "the night porter"; not "the other nurse")
_ANOTHER = r"(?:other|second|third|fourth|last|first|next|same|former|assistant|deputy|junior|trainee|student|agency|new)"
# where a stranger is from, as the narration calls them: "The American laughed", "The Yank had drifted along the bar"
_FROM_ABROAD = (r"american|yank|yankee|englishman|englishwoman|frenchman|frenchwoman|irishman|irishwoman|scotsman|"
                r"scotswoman|welshman|welshwoman|dutchman|canadian|australian|aussie|texan|german|italian|spaniard|"
                r"foreigner|tourist|southerner|northerner|londoner|dubliner|glaswegian|cockney")
# (the coat the same, however long: "a tall man in a long camel coat", later "the man in the camel coat")
_WORN = r"(?:long|short|big|heavy|thick|thin|old|new|battered|worn|dirty|shabby|smart|great|huge|little|small)"
_STRANGER = re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+{_ADJECTIVE}({_PERSON}\s+(?:in|with|from|at|behind|on)\s+(?:the|a|an|his|her)\s+"
                       rf"(?:{_WORN}\s+(?=[a-z-]+\s+[a-z]))?[a-z-]+"
                       # (or a maker's name: "the man in the Carhartt jacket")
                       rf"|{_PERSON}\s+in\s+(?:the|a|an|his|her)\s+[A-Z][a-z]+(?=\s+(?:jacket|coat|cap|hat|jeans|boots|"
                       rf"trainers|sweatshirt|hoodie|fleece|shirt|parka|anorak)\b)"
                       # (or from a town: "the lady from Coventry")
                       rf"|{_PERSON}\s+from\s+[A-Z][a-z]+(?![\w'’-]*\s+[A-Z]))"
                       rf"|\b[Tt]he\s+{_ADJECTIVE}(boy|girl|kid|child|lad|lass|youth|stranger|newcomer|visitor|"
                       rf"old\s+man|old\s+woman|young\s+man|young\s+woman|{'|'.join(sorted(_ROLES))}|(?i:{_FROM_ABROAD}))\b"
                       rf"|\b[Tt]he\s+(?!{_ANOTHER}\b)[a-z]+\s+({'|'.join(sorted(_ROLES))})\b")
# "The father introduces himself as Richard Ashby, and the girl as Nell": the narration names them
_INTRODUCES = re.compile(rf"\b[Tt]he\s+(?:[a-z]+\s+)?([a-z]+)\s+introduce[sd]?\s+(?:himself|herself)\s+as\s+"
                         rf"({NAME}(?:\s+{NAME})?)(?:,?\s+and\s+(?:the|his|her)\s+([a-z]+)\s+as\s+({NAME}(?:\s+{NAME})?))?")
_SOMEONE_NEW = re.compile(r"\b[Aa]n?\s+(?:[\w-]+\s+){0,2}?(?:man|woman|boy|girl|lad|lass|figure|stranger|fellow|"
                          r"gentleman|lady|kid|child)\b")
# "It's June," said at a door by someone described: her own name, when the story has never said it
_ITS_ME = re.compile(rf"\W*It['’]s\s+(?:me,?\s+)?({NAME})\s*[,.!—-]")
# someone pointed at and named by another, the story never having said the name: "That one, by the pillar. You
# know who that is? That is Andreas Christou."
_POINTED_AT = re.compile(rf"(?:^|[.?!]\s+)(?:That|This)\s+(?:is|was|['’]s)\s+({NAME}\s+{NAME})\s*[.!,]")
# a tag that names someone the story has never named: "says Daniel Hale"
# the narration saying who the one just described turned out to be: "So that was who he was. Lenny Marsh.", "It was
# Leung Sam—Sam Suk to Ma"
_IDENTIFIED = re.compile(rf"(?:^|(?<=\n)|(?<=[.!?])\s+)(?:So\s+)?(?:[Ii]t|[Tt]hat|[Tt]his)\s+(?:was|is)\s+(?:who\s+(?:he|she)\s+(?:was|is)"
                         rf"\.\s+)?({NAME}(?:\s+{NAME})?)\s*[.,;:—–-]")
_TAGGED_NEW = re.compile(rf"[\"”’']?,?\s+(?:says|said|asks|asked)\s+({NAME}\s+{NAME})\b")
_WINDOW = 12000         # characters of narration before the name is given
_AT_LEAST = 2           # times the description is used there
_ROLE_NEAR = 3000       # characters before the name within which a job ("the driver") was last used


# a person described by a noun, right after "the"/"a" or a word or three on ("the old man")
_DESCRIBED_OR_BARE = re.compile(r"\b(?:[Tt]he|[Aa]n?)(?:\s+(?!(?:the|a|an|of|in|at|on|by|with|and)\b)[a-z-]+){0,3}?\s+(?:" +
                                "|".join(sorted(_MALE_NOUNS | _FEMALE_NOUNS, key=len, reverse=True)) + r")\b")
# someone brought in by their job: "A young carer came over with a fresh pot."
_NEW_AT_WORK = re.compile(rf"\b[Aa]n?\s+(?:[a-z-]+\s+){{0,2}}?(?:{'|'.join(sorted(_ROLES | {'carer', 'care assistant'}))})\b")
_NEXT_PRONOUN = re.compile(r"(?:[.!?]\s+|;\s+|\band\s+)(?:(He|he)|(She|she))\b")
# the one a "he" stands for when the narration has just brought in someone it has not named
NEWCOMER = "?"
_IN_CLAUSE = " who"


def _first_named(text: str, names: _Names) -> dict[str, int]:
    """Where the text first names a man, and a woman (worked out once per text and cast)."""
    known = getattr(names, "first_named", None)
    if known is None or known[0] is not text:
        first: dict[str, int] = {}
        # (read on a page at a time, until both a man and a woman are named: a novel is long)
        for page in range(0, len(text), _PAGE):
            if "M" in first and "F" in first:
                break
            end = min(len(text), page + _PAGE)
            for at, _, main in sorted([*names.mentions(text, page, end), *names.possessives(text, page, end)]):
                first.setdefault(names.characters[main].gender, at)
        known = names.first_named = (text, first)
    return known[1]


_PAGE = 5000


def newcomers(text: str, sentences: list[int], names: _Names, start: int, end: int) -> list[tuple[int, str]]:
    """Someone unnamed brought in as what a sentence is about ("A man in a yellow fishing jacket
    was standing at the barrier", "a landlord who swore blind he'd fitted an alarm"): the "he"
    after is theirs, not the last man named. Written as NEWCOMER + gender, never a speaker."""
    found = []
    for m in [*_DESCRIBED_OR_BARE.finditer(text, start, end), *_NEW_AT_WORK.finditer(text, start, end)]:
        gender = _gender_of_phrase(m.group(0))
        if m.re is _NEW_AT_WORK and (said := _NEXT_PRONOUN.search(text, m.end(), m.end() + 200)):
            gender = "M" if said.group(1) else "F"    # ("She had a silver stud in her nose"): the next "she"
        # ("The woman with the cello flagged me down": "the" one, when no one of hers is named before)
        definite = m.group(0)[:4].lower() == "the " and m.start() <= _first_named(text, names).get(gender, len(text))
        if gender not in ("M", "F") or (m.group(0)[:2].lower() not in ("a ", "an") and not definite) \
                or re.match(r"\s*(?:called|named|[A-Z])", text[m.end():m.end() + 12]):
            continue
        if re.search(r"\b(?:of|like|than)\s+$", text[max(0, m.start() - 6):m.start()]):
            continue    # ("with the patience of a woman who has said that line before": a kind of one, no one there)
        begins = sentences[bisect.bisect_right(sentences, m.start()) - 1]
        opening = text[begins:m.start()]
        # ("Mr. Pryce stood there, a tall thin man in slippers": the one named, described)
        if names.mentions(text, begins, m.start()) \
                or re.search(r"\b(?:Mr|Mrs|Ms|Dr|St)\.\s*$", text[max(0, begins - 6):begins]):
            continue
        if re.match(r"\s*,?\s+who\b", text[m.end():m.end() + 8]):
            # whom a "he" in their own clause means, not one in the next sentence (and "A woman
            # who had run away from her husband was likely to..." may be anyone)
            found.append((m.start(), NEWCOMER + gender + _IN_CLAUSE))
        elif re.fullmatch(r"\s*(?:[\w'’-]+(?:\s+[\w'’-]+){0,5},\s*|there\s+(?:was|were|is)\s+)?", opening, re.IGNORECASE) \
                or re.search(r"\b(?:opened|open|swung|banged|rattled|creaked)(?:\s+\w+)?,?\s+and\s+$", opening) \
                or re.search(r"\bthere\s+(?:was|were|is|are)\s+[^.;:!?]*,\s+(?:and\s+)?$", opening, re.IGNORECASE) \
                or (re.search(r"\band\s+(?:then\s+)?$", opening) and _ARRIVES.match(text, m.end())):
            # (or the last of a list of those there: "there is a small woman in a cardigan, a flask, and a man
            # propped up on four pillows")
            # (or come through a door: "the door of the stairwell opened and a lad in a grey hoodie came out")
            # (or come after something: "A flashlight beam came bobbing along, and then a man came with it")
            found.append((m.start(), NEWCOMER + gender))
    return sorted(set(found))


_ARRIVES = re.compile(r"\s+(?:came|comes|appeared|appears|stepped|steps|walked|walks|emerged|arrived|arrives|"
                      r"strode|loomed|climbed|got)\b")


def _is_described(main: str, description: str) -> bool:
    """A stranger of the cast known by this description, as discovery writes one ("the man in
    the tweed cap"; a list's "The Man With The Black Beard" is someone of their own)."""
    # (with the adjective the narration gave them: "the thin woman in the yellow oilskin")
    return any(m.startswith(description + " ") for m in (main, re.sub(rf"^the\s+{_ADJECTIVE}", "the ", main)))


def _held(characters: dict[str, Character], names: _Names, description: str) -> str:
    """Who in the cast goes by a description: a stranger known by it, else whoever has it as a name."""
    return next((main for main in characters if _is_described(main, description)), "") or names.lookup(description)


def _description(phrase: str) -> str:
    """"man in the tweed" for "man in a tweed (cap)": one spelling for every use (a maker's name or where they
    are from keeps its capital: "man in the Carhartt", "American")."""
    first, *rest = phrase.split()
    first = first.capitalize() if re.fullmatch(_FROM_ABROAD, first, re.IGNORECASE) else first.lower()
    rest = [w if w[:1].isupper() else w.lower() for w in rest]
    return re.sub(rf"\b(?:a|an|the)\s+(?:{_WORN}\s+(?=\w+$))?(?=\w)", "the ", " ".join([first, *rest]))


# what may follow a description without being part of it ("the man in the wax jacket sat")
_NOT_PART = re.compile(r"(?:was|is|had|has|and|or|but|who|which|that|let|sat|stood|came|went|said|says|did|does|"
                       r"\w+ed|\w+ly|\w+ing)$")


def _stranger_name(key: str, found: list) -> str:
    """"the man in the wax jacket" when every use goes on with "jacket", with the adjective the
    narration always gives ("the old man with the dog")."""
    more = {word for _, word, _ in found}
    word = more.pop() if len(more) == 1 else ""
    name = f"the {key} {word}" if word and not _NOT_PART.fullmatch(word) else f"the {key}"
    adjectives = {adjective for _, _, adjective in found}
    said = adjectives.pop() if len(adjectives) == 1 else ""
    return name.replace("the ", f"the {said} ", 1) if said else name


def add_described_strangers(speech, people: list[_Person]) -> None:
    """Someone the narration describes again and again by what they wear or carry and never
    names ("the man in the wax jacket"), beside speech: a speaker of their own, until
    name_the_strangers finds whom they turn out to be. Their lines would otherwise go to the
    last person named ("He shook his head" after "The man in the wax jacket let himself be turned")."""
    text = speech.text
    uses: dict[str, list] = {}      # description -> (where, the word after it, the adjective before its noun)
    for m in _STRANGER.finditer(text):
        if m.group(1) and not speech.inside_quote(m.start()):
            after = re.match(r"\s+([a-z]+)\b", text[m.end():m.end() + 20])
            uses.setdefault(_description(m.group(1)), []).append(
                (m.start(), after.group(1) if after else "", " ".join(text[m.start():m.start(1)].split()[1:])))
    known = {f.lower() for p in people for f in p.forms}
    for key, found in uses.items():
        # (in a paragraph with speech or just before one)
        beside = any(speech.quotes_in(n) for at, _, _ in found for n in (speech.paragraph_of(at), speech.paragraph_of(at) + 1)
                     if n < len(speech.paragraphs))
        if len(found) < _AT_LEAST or not beside or f"the {key}" in known:
            continue
        name = _stranger_name(key, found)
        person = _Person(tuple(name.split()), _gender_of_phrase(f"the {key.split()[0]}"))
        person.forms[name] += len(found)
        people.append(person)
    _add_tagged_strangers(speech, people, uses)


# "said the woman", "The woman hesitated": a bare noun the tags give speech to
_TAGGED_BARE = re.compile(r"\b(?:(?:said|asked|says|asks|replied|added|called|shouted)\s+the\s+(man|woman|lady|girl|boy)\b"
                          r"(?!\s+(?:in|with|from|at|behind|who)\b)|(?<=\b[Tt]he\s)(man|woman|lady|girl|boy)"
                          r"\s+(?:said|asked|says|asks|replied|added)\b)")


def _add_tagged_strangers(speech, people: list[_Person], uses: dict[str, list]) -> None:
    """"A woman in a navy raincoat" brought in, then "said the woman" again and again: someone the
    narration never names yet gives lines to, called by the description that brought them in
    ("the woman in the navy raincoat"), or "the woman" when none did. Their lines would otherwise
    go to no one."""
    text = speech.text
    tagged: dict[str, list[int]] = {}
    for m in _TAGGED_BARE.finditer(text):
        if not speech.inside_quote(m.start()):
            tagged.setdefault(m.group(1) or m.group(2), []).append(m.start())
    known = {f.lower() for p in people for f in p.forms}
    for noun, spots in tagged.items():
        if len(spots) < _AT_LEAST or f"the {noun}" in known:
            continue
        # brought in before the first tag: "sat a woman in a navy raincoat", "a lady from the council"
        brought = [m for m in re.compile(rf"\b[Aa]n?\s+(?:[a-z-]+\s+){{0,2}}?{noun}\b").finditer(text, 0, spots[0])
                   if not speech.inside_quote(m.start())]
        if not brought:
            continue
        name = next((_stranger_name(key, found) for key, found in uses.items() if key.split()[0] == noun
                     and any(at == brought[-1].start() for at, _, _ in found)), f"the {noun}")
        if name.lower() in known:
            continue
        person = _Person(tuple(name.split()), _gender_of_phrase(f"the {noun}"))
        person.forms[name] += len(spots)      # (named by the description, the longer)
        person.forms[f"the {noun}"] += 1
        people.append(person)


def answered_with_name(quote: str, names: _Names) -> str:
    """The name a quote gives in answer to "What's your name?": the whole quote is it."""
    said = names.mentions(quote)
    if said and said[0][0] == 0 and re.fullmatch(r"[\s.,!]*", quote[said[0][1]:][:3] or "") is not None \
            and not ASKED_AFTER.match(quote, said[0][1]):
        return said[0][2]
    return ""


def _job_gender(noun: str) -> str:
    """The gender a description says; a nurse or a cook may be a man ("The charge nurse at the desk
    was a big man ... 'Gareth Lyle. I'm in charge of this corridor.'")."""
    # (the man, not his grey suit: "man in the grey")
    head = re.split(r"\s+(?:in|with|from)\s+", noun)[0]
    return "" if head in ("nurse", "cook") else _gender_of_phrase(head)


def _told_before(text: str, spans: list[tuple[int, int]], starts: list[int], character: Character, at: int) -> bool:
    """The narration, not someone's speech, writes one of the character's names before `at`."""
    return any(not inside_span(m.start(), spans, starts)
               for form in (character.name, *character.aliases) if len(form) > 2 and form[:1].isupper()
               for m in re.finditer(rf"\b{re.escape(form)}\b", text[:at]))


def _never_said(before: str, character: Character) -> bool:
    """No name of the character's is in the text before."""
    return not any(re.search(rf"\b{re.escape(form)}\b", before)
                   for form in (character.name, *character.aliases) if len(form) > 2)


def name_the_strangers(text: str, spans: list[tuple[int, int]], characters: dict[str, Character]
                       ) -> dict[str, Character]:
    """The cast with "the boy" as one more name of whoever the boy turned out to be."""
    names = _Names(characters)
    starts = [a for a, _ in spans]
    # descriptions in the narration, not inside anyone's speech
    # (as written, but for the capital a sentence gives its first word: "The man in the Carhartt jacket")
    described = [(m.start(), _description(m.group(1) or m.group(2) or m.group(3)),
                  (written := " ".join(m.group(0).split()))[:1].lower() + written[1:])
                 for m in _STRANGER.finditer(text) if not inside_span(m.start(), spans, starts)]
    at = [position for position, _, _ in described]
    # titles the cast's names carry ("Captain" of Captain Oyelaran)
    bearers = {_split_title(name)[0] for main, c in characters.items() for name in (main, *c.aliases)} - {""}
    found: dict[str, str] = {}
    for m in _IDENTIFIED.finditer(text):
        if inside_span(m.start(1), spans, starts):
            continue
        main = names.lookup(m.group(1)) or next((who for _, _, who in names.mentions(text, m.end(1), text.find("\n", m.end(1)))), "")
        # (the last one described, a few paragraphs back at most, of the name's own sex, and no one in the cast yet)
        recent = [(noun, written) for position, noun, written in described
                  if position < m.start() and text.count("\n\n", position, m.start()) <= 6]
        if not main or "I" in characters[main].aliases or not recent:
            continue
        noun = recent[-1][0]
        gender = characters[main].gender
        held = _held(characters, names, "the " + noun)
        if noun not in _ROLES and (gender not in ("M", "F") or _job_gender(noun) in ("", gender)) \
                and (held in ("", "the " + noun, main) or _is_described(held, "the " + noun)):
            for written in {"the " + noun} | {w for key, w in recent if key == noun}:
                found.setdefault(written, main)
    for index, (start, end) in enumerate(spans):
        window = described[bisect.bisect_left(at, start - _WINDOW):bisect.bisect_left(at, start)]
        # (described once is enough for one asked her name: "That's a fair point, Mrs...?" / "Hosking.")
        asked = bool(index and NAME_ASKED.search(text[spans[index - 1][0]:spans[index - 1][1]]))
        # (or described in the narration just before, nobody speaking between: "The Yank had drifted along the
        # bar towards them." / "...He put out a hand. "Tom. Tom Brennan."")
        paragraph_start = text.rfind("\n\n", 0, start)
        just_before = bool(window) and text.count("\n\n", window[-1][0], start) <= 1 \
            and not any(window[-1][0] < a < paragraph_start for a in starts[bisect.bisect_left(starts, window[-1][0]):index])
        close = window[-1][1] if just_before else ""

        def least(noun: str) -> int:
            return 1 if asked or noun == close else _AT_LEAST

        if len(window) < (1 if asked or close else _AT_LEAST):
            continue
        quote = text[start:end]
        named, pointed_at = self_named(quote, names), ""
        # (the name said across the tag: '"Earl," said the man. "Earl Hollis. Over on Sandpiper."')
        if not named and index and "\n" not in text[spans[index - 1][1]:start] and start - spans[index - 1][1] <= 40:
            named = self_named(text[spans[index - 1][0]:spans[index - 1][1]].rstrip(" ,") + ". " + quote, names)
        if not named and asked:
            named = answered_with_name(quote, names)
        if not named and (its := _ITS_ME.match(quote)) and (said := names.lookup(its.group(1))) \
                and _never_said(text[:start], characters[said]):
            named = said    # `"It's June," the girl said.`: a name the story has never said, said at the door
        # (a first name and a surname: not "said Grandma Ruth", whom the girl at the door is calling)
        if not named and (tag := _TAGGED_NEW.match(text, end)) and first_name_gender(tag.group(1).split()[0]) \
                and tag.group(1).split()[0] not in FAMILY_NAMES and (said := names.lookup(tag.group(1))) \
                and _never_said(text[:end], characters[said]):
            named = said    # `'Hello, Sam,' says Daniel Hale.`: the one described, now named by the tag
        if not named and (pointed := _POINTED_AT.search(quote)) and (said := names.lookup(pointed.group(1))) \
                and _never_said(text[:start], characters[said]) and text.count("\n\n", window[-1][0], start) <= 8:
            # the last one described as a person of their gender (not "the bride" beside him), and only them
            gender = characters[said].gender
            close = next((noun for _, noun, _ in reversed(window) if noun not in _ROLES
                          and _job_gender(noun) == gender), "")
            named, pointed_at = (said, close) if close else ("", "")
        # (the one telling the story is "I" to themself, never "a small woman in a pink fleece": she asked)
        if not named or "I" in characters[named].aliases:
            continue
        gender = characters[named].gender
        # Dr. Menon is the doctor, not the driver the narration spoke of a page before
        jobs = {_SAME_TITLE.get(t, t) for t in (_split_title(x)[0] for x in (named, *characters[named].aliases))} \
            & set(_ROLE_TITLES.values())
        counts = Counter(noun for _, noun, _ in window
                         if gender not in ("M", "F") or _job_gender(noun) in ("", gender))
        # the one described last before the name, who may keep their job in the narration after it
        # ("Bray. Arthur Bray." and later "so did the stationmaster"), as no one described before may
        # (not when someone new comes in between: "A lean man in a grey mackintosh stood by the window")
        last_noun, last_at = next(((noun, position) for position, noun, _ in reversed(window)
                                   if gender not in ("M", "F") or _job_gender(noun) in ("", gender)), ("", 0))
        nearest = "" if _SOMEONE_NEW.search(text, last_at + 1, start) else last_noun
        # (one who already goes by a job, "the detective", takes no other: not the clerk as well)
        own_jobs = {form.split()[-1] for form in characters[named].aliases if form.startswith("the ")} & _ROLES
        jobs_given = len(own_jobs)
        # (one job each: Kirsty is the clerk, the nearer, and not the night porter as well)
        for noun, count in sorted(counts.items(), key=lambda item: item[0] != nearest):
            if pointed_at and noun != pointed_at:
                continue
            description = "the " + noun
            title = _ROLE_TITLES.get(noun, noun.capitalize())
            if noun in _ROLES and (_SAME_TITLE.get(title, title) in bearers or not any(
                    key == noun and position > start - _ROLE_NEAR for position, key, _ in window)):
                # "the captain" is Captain Oyelaran's, when the cast has a captain; a job
                # describes the one who names themself only when it was just used
                continue
            if jobs and noun in _ROLES and _SAME_TITLE.get(title, title) not in jobs:
                continue
            # (not one the narration named before the description began: Tess, at her desk since the
            # first page, is not the charge nurse she went to see)
            first_use = min(position for position, key, _ in window if key == noun)
            if _told_before(text, spans, starts, characters[named], first_use):
                continue
            # (a job the cast holds as a person of its own, "the driver", is theirs as well)
            held = _held(characters, names, description)
            # (but one the narration goes on calling so after the name was given is someone
            # else: "The stationmaster picked his cap up" after "The name's Coyle"; a job is
            # dropped for the name at once, "the boy" may linger once)
            later = sum(1 for position, key, _ in described if key == noun and position > end)
            if count >= least(noun) and (held in ("", description, named) or _is_described(held, description)) \
                    and description not in found and later < (1 if noun in _ROLES else 2) + (noun == nearest) \
                    and not (noun in _ROLES and jobs_given and noun not in own_jobs):
                jobs_given += noun in _ROLES
                # as the narration wrote it too: "a man in a tweed (cap)"
                for written in {description} | {w for _, key, w in window if key == noun}:
                    found.setdefault(written, named)
    for m in _INTRODUCES.finditer(text):
        for noun, name in ((m.group(1), m.group(2)), (m.group(3), m.group(4))):
            main = names.lookup(name) if noun else ""
            if main and not inside_span(m.start(), spans, starts):
                # every way the narration wrote them before: "the father", "the girl's father"
                for said in re.finditer(rf"\b[Tt]he\s+(?:[a-z]+['’]s\s+)?{noun}\b", text[:m.start()]):
                    description = " ".join(said.group(0).split()).lower()
                    held = names.lookup(description)
                    if not inside_span(said.start(), spans, starts) and (held in ("", description)
                                                                          or _is_described(held, description)):
                        found[description] = main      # (over a guess from a later self-naming)
    if not found:
        return characters
    updated = dict(characters)
    for description, main in found.items():
        character = updated[main]
        held = _held(characters, names, description)
        job = updated.pop(held if _is_described(held, description) else description, None)
        more = (description, *((job.name, *job.aliases) if job else ()))
        updated[main] = Character(character.name, (*character.aliases, *more), character.gender)
    return updated
