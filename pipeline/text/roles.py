"""People a story calls by their job: "the editor says", "said the sergeant". The job joins the
one who bears its title (the captain is Captain Oyelaran) or the full name the narration gives
beside it, else it is a person of its own."""
from __future__ import annotations

import bisect
import re
from collections import Counter

from pipeline.text.aliases import _CLAUSE_END, _NAME, _SPEECH_AFTER, _SPEECH_BEFORE, _TAGGED, _TITLE_RE, _Person, _Speech
from pipeline.text.names import (FAMILY_NAMES, RANK_CALLS, _FEMALE_NOUNS, _MALE_NOUNS, _SAME_TITLE, TITLES, _gender_hint,
                                 _gender_of_phrase, _split_title)


def _join_titles(people: list[_Person]) -> None:
    """"the Colonel" is Colonel Hartley when he is the one colonel the text names; "the priest" is
    Father Fuentes when he is the one Father; "Vicar", said to his face, is Reverend Ashby."""
    for described in [p for p in people if (len(p.words) == 2 and p.words[0] == "the"
                                            and (p.words[1] in TITLES or p.words[1] in _ROLE_TITLES))
                      or (len(p.words) == 1 and p.words[0].lower() in _ROLE_TITLES and p.words[0][0].isupper())]:
        # "the priest" is Father Fuentes, "the vicar" Reverend Thorne: the title of the job
        job = described.words[-1]
        word = job if len(described.words) == 2 and job in TITLES else _ROLE_TITLES[job.lower()]
        title = _SAME_TITLE.get(word, word)
        bearers = [p for p in people if p is not described and p.forms
                   and any(_split_title(f)[0] == title for f in p.forms)]
        if len(bearers) == 1:
            bearers[0].title_gender = bearers[0].title_gender or described.title_gender
            bearers[0].absorb(described)
    people[:] = [p for p in people if p.forms]


# People a story may call by their job alone ("the editor says", "said the sergeant")
_ROLES = {"editor", "sergeant", "doctor", "nurse", "driver", "captain", "inspector", "constable", "detective",
          "landlord", "landlady", "barman", "barmaid", "bartender", "waiter", "waitress", "clerk", "porter", "guard",
          "conductor", "vicar", "rector", "curate", "chaplain", "priest", "teacher", "professor", "officer", "manager", "receptionist", "pilot",
          "chef", "cook", "coach", "judge", "mayor", "sheriff", "superintendent", "foreman", "boss", "chief",
          "colonel", "major", "lieutenant", "commander", "admiral", "governor", "matron", "housekeeper", "butler",
          "coroner", "surgeon", "dispatcher", "ranger", "warden", "skipper", "boatman", "ferryman", "stationmaster",
          "nun", "bishop", "deputy", "trucker", "dispatcher", "minister", "trooper", "bride", "groom", "mechanic",
          "postman", "shopkeeper", "cabbie", "caretaker", "janitor", "stranger", "keeper", "solicitor", "lawyer",
          "barrister", "magistrate", "prosecutor", "usher", "guide", "planner", "director", "producer", "librarian",
          "headmaster", "headmistress", "headteacher", "heidie", "principal", "secretary", "supervisor", "steward", "stewardess", "attendant", "farmer",
          "fisherman", "shepherd", "gardener", "paramedic", "fireman", "firefighter", "policeman", "policewoman",
          "pharmacist", "vet", "barber", "baker", "butcher", "grocer", "undertaker", "reporter", "photographer",
          "lecturer", "tutor", "nanny", "maid", "footman", "valet", "coachman", "sailor", "engineer", "operator",
          "interpreter", "chaplain", "verger", "innkeeper", "publican", "jailer", "gaoler", "warder",
          "sentry", "gatekeeper", "lockkeeper", "checker", "collector", "examiner", "banksman", "cashier", "bouncer",
          "doorman", "concierge", "midwife"}
_ROLE_TITLES = {"doctor": "Dr", "vet": "Dr", "sergeant": "Sergeant", "inspector": "Inspector", "captain": "Captain",
                "constable": "Constable", "detective": "Detective", "professor": "Professor", "colonel": "Colonel",
                "major": "Major", "lieutenant": "Lieutenant", "vicar": "Reverend", "nurse": "Nurse",
                "coach": "Coach", "judge": "Judge", "chief": "Chief", "officer": "Officer", "priest": "Father",
                "nun": "Sister", "bishop": "Bishop", "sheriff": "Sheriff", "deputy": "Deputy", "minister": "Reverend",
                "trooper": "Trooper", "pastor": "Pastor",
                # what the one doctor, sergeant or skipper is called to their face
                "doc": "Dr", "sarge": "Sergeant", "skipper": "Captain", "padre": "Father", "prof": "Professor",
                "chaplain": "Father", "reg": "Dr", "registrar": "Dr", "consultant": "Dr", "surgeon": "Dr", "corporal": "Corporal",
                # and the inspector, to a detective squad
                "guv": "Inspector", "guvnor": "Inspector"}
# a title that is a trade of its own, and the other jobs its bearer is called by ("Sister Mahoney" is a nurse, no reg)
_TITLED_TRADES = {"Sister": {"nurse", "sister", "matron", "nun"}, "Dr": {"doctor", "vet", "doc", "reg", "registrar",
                                                                     "consultant", "surgeon", "houseman", "locum"},
                  "Father": {"priest", "padre", "chaplain", "vicar", "curate"},
                  "Reverend": {"vicar", "minister", "priest", "chaplain", "pastor", "rector", "curate", "padre"}}


_JOBS = "|".join(sorted(_ROLES))
# jobs in two words whose second is no job of its own
_TWO_WORD_JOBS = {"harbour master", "harbor master", "station master", "dock master", "ring master", "school master", "lock keeper", "light keeper"}
# "the driver", "the cab driver" (one word before the job that is not a job itself)
_ROLE_MENTION = re.compile(rf"\b[Tt]he\s+(?:(?!(?i:{_JOBS})\b)[a-z]+\s+)?((?i:{_JOBS}))\b")
# "the tech said", "said the lighting tech": any other job or descriptor the tags keep using
_TAGGED_DESCRIPTOR = re.compile(r"\bthe\s+(?=([a-z]{3,})\b(?:\s+([a-z]{3,})\b)?)")
# what "says" words without being someone, and words for anyone at all
_NOT_ROLES = {"sign", "note", "letter", "card", "screen", "text", "message", "clock", "label", "paper", "headline",
              "board", "notice", "display", "voice", "radio", "television", "email", "poster", "plaque", "caption",
              "banner", "report", "forecast", "speaker", "phone", "telephone", "intercom", "tannoy", "machine",
              "recording", "tape", "answerphone", "voicemail", "letters", "book", "page", "line", "words", "word",
              "person", "child", "kid", "baby", "crowd", "group", "other", "rest", "one", "two", "three", "first",
              "second", "third", "last", "former", "latter", "elder", "younger", "eldest", "youngest", "pair",
              "couple", "family", "old", "young", "little", "same", "new", "next", "tall", "short", "big", "small",
              "fat", "thin", "whole", "thing", "way", "time", "day", "night", "morning", "evening", "end", "door",
              "wind", "rain", "sea", "fire", "house", "room", "world", "man", "woman", "stranger", "newcomer"}

# no one's job: "at the bar and said", "the library were added to the house"
_NOT_NOUNS = {"and", "or", "but", "nor", "then", "than", "were", "was", "are", "had", "have", "has", "did", "does",
              "would", "could", "should", "will", "shall", "might", "must", "can", "who", "whom", "which", "that",
              "also", "too", "both", "all", "only", "just", "still", "even", "never", "always", "very", "now"}

# a tag right after a quote (`..., the fishmonger bellowed`, `", says the farmer`) or before one
_BORDERS_QUOTE = re.compile(r"[\"”’'][ \t]*(?:\w+[ \t]+)?$")
_OPENS_QUOTE = re.compile(r"\s+\w+(?:\s+\w+)?[,:]?\s*[\"“‘']")

# "Her name was Judith Penrose", "a brass badge that told the world his name was Dwight"
_NAME_GIVEN = re.compile(rf"(?:(?<=[.;:!?] )(?:Her|His)|\b(?:her|his))\s+(?:full\s+|real\s+|first\s+)?name\s+(?:was|is)\s+"
                         rf"({_NAME}(?:\s+{_NAME})?)\b"
                         # "Loretta, then.": the name just learned; "Her name tag said BONNIE"
                         rf"|(?<=[.;!?] )({_NAME}),\s+then\."
                         r"|\b(?:[Hh]er|[Hh]is)\s+(?:name\s*tag|name\s*badge|badge|name\s*plate|nameplate|ID|ID\s+badge)\b"
                         r"[^.;\"“”]{0,40}?\b(?:said|read|says|reads)\s+(?-i:([A-Z]{2,}(?:\s+[A-Z]{2,})?))\b")


_WITHIN = 3000          # characters of text before a job within which its holder was named
_SOMEONE_ELSE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y)\s+(?:father|mother|wife|husband|son|daughter|brother|sister|"
                           r"friend|uncle|aunt|grandfather|grandmother|boss|dad|mum|mom)\b")
# a sentence that brings someone in by what they are and where: "The man at the chart table did not look up."
_SOMEONE_THERE = re.compile(r"(?:^|(?<=[.!?]\s))(?:The|A|An)\s+(?:[a-z-]+\s+){0,2}?(?:man|woman|boy|girl|lad|lass|"
                            r"figure|fellow|gentleman|lady)\s+(?:at|in|by|behind|beside|on)\s+the\b")
_SCENE = 10000          # characters of text a job used for someone named is used within
_OTHER_JOB = r"(?:assistant|deputy|vice|associate|junior|trainee|former|acting|apprentice|under|sub|co|ex|second|third)\b"
# a quote that opens on the speaker's own name: "Lorcan Fee. Master of this tub.", "Name's Oakes."
_SELF_NAMED = re.compile(rf"\s*(?:(?:I['’]m|I\s+am|[Mm]y\s+name['’]s|[Mm]y\s+name\s+is|[Nn]ame['’]s|[Tt]he\s+name['’]s)"
                         rf"\s+({_NAME}(?:\s+{_NAME})?)|({_NAME}\s+{_NAME}))[.!,]")


# what a job's holder has done, where the verb is not the job's stem and an ending
_DID = {"keeper": "kept", "teacher": "taught", "driver": "driven|drove", "leader": "led", "builder": "built",
        "fighter": "fought", "seller": "sold", "singer": "sung|sang", "writer": "written|wrote"}


def _named_beside(speech: _Speech, people: list[_Person], role: str) -> _Person | None:
    """The one person the text names beside a job, by apposition ("It was Jen Lowrie, the
    station mechanic", "the ferryman, Lorcan Fee,") or as the job who gives their own name in
    the paragraph's quote (`"Lorcan Fee. Master of this tub." The ferryman nodded`)."""
    text = speech.text
    owner = {form: p for p in people for form in p.forms}
    found = {}
    # (an "assistant director" is not the director)
    det = r"(?:the|our|their|his|her|my)\s+"
    job = rf"(?:(?!{_OTHER_JOB})[a-z-]+\s+){{0,2}}?{re.escape(role)}"
    # (and "Walter Brandt, who had been the editor of the Ledger for twenty-two years", "Raymond Tibbetts, who had
    # been chief of the Hollis Falls Police Department")
    for m in re.finditer(rf"\b({_NAME}(?:\s+{_NAME})?),\s+(?:who\s+(?:had\s+been|has\s+been|was|is)\s+(?:{det})?|{det}){job}\b|"
                         rf"\b(?i:the)\s+(?:(?!{_OTHER_JOB})[a-z-]+\s+){{0,2}}?"
                         rf"{re.escape(role)},\s+({_NAME}(?:\s+{_NAME})?)[,.;]", text):
        if not speech.inside_quote(m.start()) and (person := owner.get(m.group(1) or m.group(2))) is not None:
            found[id(person)] = person
    # "Ruth Kaplan, who had edited the Ledger for eleven years": the editor, by what she does; or,
    # in a paragraph that speaks of the job, "Walter Penrose had kept the light for thirty-one years"
    does = _doing(role)
    if does:
        for m in re.finditer(rf"\b({_NAME}\s+{_NAME}),\s+who\s+(?:had\s+|has\s+)?(?:[a-z]+ly\s+)?{does}\b", text):
            if not speech.inside_quote(m.start()) and (person := owner.get(m.group(1))) is not None:
                found[id(person)] = person
        for number in {speech.paragraph_of(at) for at in speech.told_at(f"the {role}") + speech.told_at(f"The {role}")}:
            for m in re.finditer(rf"\b({_NAME}\s+{_NAME})\s+(?:had|has)\s+(?:[a-z]+ly\s+)?{does}\b", speech.narration_of(number)):
                if (person := owner.get(m.group(1))) is not None:
                    found[id(person)] = person
    # "Father Declan Moore comes down the corridor... He is a tall, stooped man, and he has been the hospice
    # chaplain for years": the job said of the one a paragraph begins with, before anyone else is named
    named = _any_name(owner)
    # (or does it: "Joseph Kimani appeared at the end of the veranda... He had managed Olkeri for eleven years")
    does = _doing(role) or r"(?!x)x"
    is_job = re.compile(rf"\b(?:[Hh]e|[Ss]he)\s+(?:(?:is|was|has\s+been|had\s+been|['’]s\s+been)\s+(?:the|their|our)\s+{job}|"
                        rf"(?:had|has)\s+(?:[a-z]+ly\s+)?(?:{does})\s+(?-i:[A-Z])[\w'’-]+\s+for)\b")
    for told in speech.narrations if named else ():
        first = named.match(told.lstrip())
        said = is_job.search(told) if first else None
        if said and not named.search(told, len(told) - len(told.lstrip()) + first.end(), said.start()):
            found[id(owner[first.group(0)])] = owner[first.group(0)]
    # "The Heidie's office smelled of hand cream... Mrs Fairbairn sat behind her desk": the one at the desk of the job's room
    for m in re.finditer(rf"\b(?i:the\s+{re.escape(role)})['’]s\s+(?:office|study|room|surgery|chambers|cabin|desk)\b", text):
        if not speech.inside_quote(m.start()) and (at_desk := re.search(
                rf"(?:^|[.!?]\s+)((?:(?:{_TITLE_RE})\.?\s+)?{_NAME}(?:\s+{_NAME})?)\s+(?:sat|stood|was\s+sitting|was\s+standing)"
                rf"\s+(?:up\s+)?behind\s+(?:the|her|his|a)\s+(?:\w+\s+)?desk\b", text[m.end():m.end() + 600], re.MULTILINE)) \
                and (person := owner.get(at_desk.group(1))) is not None:
            found[id(person)] = person
    # ("Desmond Haigh. I'm the choirmaster, for my sins.": the name and the job given in one breath)
    for m in re.finditer(rf"\bI(?:['’]m|\s+am)\s+(?:the|your)\s+(?:[a-z-]+\s+)?{re.escape(role)}\b", text):
        number = speech.paragraph_of(m.start())
        for x, y in speech.quotes_in(number):
            given = _SELF_NAMED.match(text, x, y) if x <= m.start() < y else None
            if given and (person := owner.get(given.group(1) or given.group(2))) is not None:
                found[id(person)] = person
    for paragraph in _job_paragraphs(speech, owner, role):
        for x, y in speech.quotes_in(paragraph) if not _I_DO.search(speech.narration_of(paragraph)) else ():
            given = _SELF_NAMED.match(text, x, y)
            person = owner.get(given.group(1) or given.group(2)) if given else None
            # (a bare name is a self-introduction the first time the text says it, not a call:
            # "Mrs Kerr. I am very sorry"; nor news of others: "Emlyn Jones. Tom Bevan's boy. And Ieuan Morgan")
            others = given and any(owner.get(m.group(0)) not in (None, person)
                                   for m in re.finditer(rf"{_NAME}\s+{_NAME}", text[given.end():y]))
            if person is not None and not others and (given.group(1) or (
                    not _split_title(given.group(2))[0]
                    and not re.search(rf"\b{re.escape(given.group(2))}\b", text[:given.start(2)]))):
                found[id(person)] = person
    return next(iter(found.values())) if len(found) == 1 else None


# the teller's own lines, not the job's: 'I laugh, and it comes out as a cloud. "I'm Dana, by the way."' to the driver
_I_DO = re.compile(r"(?:^|[.!?]\s+)I\s+(?!am\b|was\b)[a-z]+|\b(?:I\s+(?:say|said|ask|asked)|(?:say|said|ask|asked)\s+I)\b")


def _doing(role: str) -> str | None:
    """The verb of a job, as a pattern ("edited", "kept" of the editor and the keeper), or None for one without."""
    stem = re.fullmatch(r"([a-z]{3,}?)e?(?:or|er)", role)
    return rf"(?:{stem.group(1)}(?:e|es|ed|s|ing)?{'|' + _DID[role] if role in _DID else ''})" if stem else None


def _any_name(owner: dict) -> re.Pattern | None:
    """A pattern for any capitalised name of the cast, the longest first (None when there is none)."""
    names = sorted((f for f in owner if f[:1].isupper()), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b") if names else None


def _job_paragraphs(speech: _Speech, owner: dict, role: str) -> list[int]:
    """The paragraphs that speak of the job ("the nurse", "The charge nurse at the desk"), and up to
    three after each while their narration names no one and brings no one new in ("He turned
    round. `"Gareth Lyle. I'm in charge of this corridor."`")."""
    text = speech.text
    mentions = [m.start() for m in re.finditer(rf"\b[Tt]he\s+(?:(?!{_OTHER_JOB})[a-z-]+\s+)?{re.escape(role)}\b", text)
                if not speech.inside_quote(m.start())]
    named = _any_name(owner)
    other_jobs = "|".join(sorted(_ROLES - {role}))
    found: list[int] = []
    for at in mentions:
        first = speech.paragraph_of(at)
        found.append(first)
        for paragraph in range(first + 1, min(first + 4, len(speech.paragraphs))):
            told = speech.narration_of(paragraph)
            if re.search(r"\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z-]+\s+){0,2}?(?:man|woman|boy|girl|lady|gentleman)\b", told) \
                    or (other_jobs and re.search(rf"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z-]+\s+)?(?:{other_jobs})\b", told)) \
                    or (named is not None and named.search(told)):
                break
            found.append(paragraph)
    return sorted(set(found))


def _introduced_with(speech: _Speech, people: list[_Person], mentions: list[int], given_only: bool = False,
                     role: str = "") -> _Person | None:
    """The full name the narration brings in beside a job: in the first paragraph that speaks of
    "the editor", or the first where a full name the text gives once or twice is new ("...came in
    with the Chief behind her. Priya Raman was still in her coveralls")."""
    text = speech.text
    beside = _named_beside(speech, people, role) if role else None
    if beside is not None:
        return beside
    told = sorted({speech.paragraph_of(at) for at in mentions if not speech.inside_quote(at)})
    for at in mentions:
        # "The coroner was already buttoning her coat. Her name was Judith Penrose;"
        given = _NAME_GIVEN.search(text, at, min(speech.paragraphs[speech.paragraph_of(at)][1], at + 200))
        between = text[at:given.start()] if given else ""
        # (and not "The sergeant nodded to Mrs. Hale. Her name was ...": hers, not the sergeant's)
        if given and not speech.inside_quote(at) and not any(
                re.search(rf"\b{re.escape(f)}\b", between) for p in people for f in p.forms if f[:1].isupper()):
            name = given.group(1) or given.group(2) or given.group(3).title()
            named = [p for p in people if p.forms and name in p.forms]
            if len(named) == 1:
                return named[0]
    # "The manager came out of the lamp room. Gerald Harcourt was an Englishman...": the full name
    # the next sentence opens on, telling who they are
    # (or the next paragraph's: "...and the Rector came in, with his spectacles pushed up" / "Mr Lowther was a tall,
    # stooping, gentle man of sixty")
    for first in [at for at in mentions if not speech.inside_quote(at)][:3]:
        # (the next paragraph only after the job came in or did something: not "written to the keeper of the light")
        acts = re.match(r"[Tt]he\s+[\w-]+\s+(?:\w+ly\s+)?(?:came|went|stood|sat|walked|entered|[a-z]+ed)\b", text[first:first + 60])
        gap = r"(?:[ \t]+|[ \t]*\n\s*)" if acts else r"[ \t]+"
        opening = re.match(r"[^.!?\"“”]*[.!?]" + gap + r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+)\s+(?:was|is|had|has)\b",
                           text[first:first + 400])
        named = [p for p in people if opening and opening.group(1) in p.forms]
        if len(named) == 1:
            return named[0]
    if given_only:
        return None
    full = [p for p in people if p.forms and len(p.words) >= 2 and p.words[0] != "the"
            and sum(n for f, n in p.forms.items() if len(f.split()) >= 2) <= 2]

    # where the narration writes each full name
    written = {id(p): [at for f in p.forms if len(f.split()) >= 2 for at in speech.told_at(f)] for p in full}
    # (of the job's sex: "The driver was a heavy man" is not Hattie Vance hailing his cab, nor
    # "The keeper sat with his foot up" Harriet Dunmore shaking off the rain)
    sex = _job_sex(text, mentions)
    for number, paragraph in enumerate(told):
        a, b = speech.paragraphs[paragraph]
        named = [p for p in full if any(a <= at < b for at in written[id(p)])
                 and (number == 0 or min(written[id(p)]) >= a) and (not sex or p.listed_gender in ("", sex))]
        if not named and number == 0 and paragraph:
            # or the paragraph just before brings them in: "Giulia Rinaldi came out of the farmhouse
            # door..." / '"Nobody look at me," the bride said.'
            # (not when a sentence after the name brings in someone else: "Declan Gallagher came up the stair.
            # The man at the chart table did not look up." / '"...," the harbourmaster said.')
            a = speech.paragraphs[paragraph - 1][0]
            named = [p for p in full if written[id(p)] and a <= min(written[id(p)]) < b
                     and (not sex or p.listed_gender in ("", sex))
                     and not _SOMEONE_THERE.search(text, min(written[id(p)]), speech.paragraphs[paragraph - 1][1])]
        if len(named) == 1:
            return named[0]
        if named:
            return None
    return None


_APPOSITE = re.compile(r",\s+an?\s+((?:[a-z-]+,?\s+){0,3}?(?:man|woman|girl|boy|lad|lass|lady|gentleman|fellow|chap|"
                       r"bloke))\b")


def _job_sex(text: str, mentions: list[int], hints_needed: int = 1) -> str:
    """The sex of the job ("the landlady") or, when every pronoun the prose goes on with agrees
    (and there are as many as needed), theirs."""
    said = [(at, m) for at in mentions if (m := re.match(r"\w+\s+(\w+)", text[at:at + 40]))]
    hints = [hint for at, m in said if (hint := _gender_hint(text, at, at + m.end()))]
    # ("said the magistrate, a thin woman with reading glasses": what the job is, said beside it)
    put = [_gender_of_phrase(a.group(1)) for at, m in said if (a := _APPOSITE.match(text, at + m.end()))]
    return (_gender_of_phrase(said[0][1].group(1)) if said else "") or next((sex for sex in put if sex), "") or (
        hints[0] if len(set(hints)) == 1 and len(hints) >= hints_needed else "")


_DESCRIBED_NEXT = re.compile(r"[Tt]he\s+(?:[a-z-]+\s+)?[a-z-]+(?:\s+[a-z]+){0,3}[.!]\s+(He|She)\b")


def _named_just_before(speech: _Speech, people: list[_Person], role: str, mentions: list[int], sex: str) -> _Person | None:
    """The one the narration names just before it starts calling someone by their job, for a
    while, and never in the same paragraph as the job: "Gareth Hebden was kneeling in a pen of
    straw ... The farmer shifted aside to let me in" is one man named twice over. Not when the two
    take turns to speak in paragraphs side by side, as a nurse and the visitor asking her do."""
    told = [at for at in mentions if not speech.inside_quote(at)]
    # (in paragraphs of their own, in one stretch of the story, a scene's worth; and not "a waiter"
    # come to the table, nor "our chambermaid" met on the stairs)
    if len({speech.paragraph_of(at) for at in told}) < 2 or told[-1] - told[0] > _SCENE or re.search(
            rf"\b(?:[Aa]n?|[Aa]nother|[Oo]ur|[Mm]y|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z-]+\s+){{0,2}}?[a-z]*{re.escape(role)}\b",
            speech.text[:told[0]]):
        return None
    # (a pronoun or two may be someone else's: "The farmer shifted aside ... beside the ewe. She was")
    sex = sex or _job_sex(speech.text, told, hints_needed=3)
    named = [p for p in people if p.forms]
    # where the narration speaks of each one: (position, person); and of anyone else, by a job or
    # as kin ("Nell raises her hand. After a moment, so does her father."), as -1
    # (read over the stretch the job is used in and a page before it only: a novel is long)
    owner = {written: index for index, p in enumerate(named) for f in p.forms
             for written in (f, f.capitalize()) if written[:1].isupper()}
    a, b = max(0, told[0] - _WITHIN), told[-1]
    written = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(owner, key=len, reverse=True))) + r")\b")
    spots = sorted(({(m.start(), owner[m.group(0)]) for m in written.finditer(speech.text, a, b)} if owner else set())
                   | {(m.start(), -1) for m in _SOMEONE_ELSE.finditer(speech.text, a, b)})
    spots = [(at, index) for at, index in spots if not speech.inside_quote(at)]
    if not spots:
        return None
    starts = [at for at, _ in spots]
    lasts = []
    for at in told:
        before = bisect.bisect_left(starts, at) - 1
        # (named within a page before, or the job is someone new)
        lasts.append(spots[before][1] if before >= 0 and at - spots[before][0] < _WITHIN else None)
    last = lasts[0]
    if last is None or last < 0 or 3 * lasts.count(last) < 2 * len(lasts):
        return None
    person = named[last]
    if person.words[0] == "the" or any(f.startswith("the ") for f in person.forms):
        return None     # (one job each)
    if sex and person.listed_gender not in ("", sex):
        return None
    trades = {t for t in (_split_title(f)[0] for f in person.forms) if t in _TITLED_TRADES}
    if trades and not any(role in _TITLED_TRADES[t] for t in trades):
        return None     # ("Sister Mahoney" is a nurse: "the reg", called just after her, is someone else)
    # ("the night attendant comes out. He is about nineteen" is no Mia: the next sentence, about the one the
    # job's ended on, says so; not "The farmer shifted aside... beside the ewe. She was a young Swaledale")
    described = _DESCRIBED_NEXT.match(speech.text, told[0])
    if described and person.listed_gender in ("M", "F") \
            and _gender_of_phrase(described.group(1).lower()) not in ("", person.listed_gender):
        return None
    job_paragraphs = {speech.paragraph_of(at) for at in told}
    if job_paragraphs & _named_in(speech, person) or _take_turns(speech, person, told):
        return None
    return person


def _named_in(speech: _Speech, person: _Person) -> set[int]:
    """The paragraphs whose narration calls the person by name."""
    return {speech.paragraph_of(at) for f in person.forms if f[:1].isupper() for at in speech.told_at(f)}


def _take_turns(speech: _Speech, person: _Person, told: list[int], times: int = 1) -> bool:
    """The job and the person speak in paragraphs side by side, one after the other, so many
    times: two people ('"Can I help you?" the nurse asked.' / '"I'm looking for my father," said Tess.')."""
    job_paragraphs = {speech.paragraph_of(at) for at in told}
    speaking = {n for n in job_paragraphs | _named_in(speech, person) if speech.quotes_in(n)}
    return sum(n + 1 in speaking and ((n in job_paragraphs) != (n + 1 in job_paragraphs)) for n in speaking) >= times


def _bearer(speech: _Speech, people: list[_Person], title: str | None, existing: _Person | None) -> _Person | None:
    """The one person the text gives the job's title; of two, the one the narration gives it (a
    Captain Bryce spoken of only in the dialogue is not the captain on the bridge)."""
    if not title:
        return None
    title = _SAME_TITLE.get(title, title)      # "Reverend" is written "Rev" once split
    bearers = [p for p in people if p.forms and p is not existing and any(
        _SAME_TITLE.get(t, t) == title for t in (_split_title(f)[0] for f in p.forms))]
    if len(bearers) > 1:
        bearers = [p for p in bearers if any(
            not speech.inside_quote(m.start()) for f in p.forms if _SAME_TITLE.get(t := _split_title(f)[0], t) == title
            for m in re.finditer(rf"\b{re.escape(f)}\b", speech.text))]
    return bearers[0] if len(bearers) == 1 else None


def _in_tag(text: str, start: int, end: int) -> bool:
    """The words text[start:end] stand beside a speech verb, as a tag's speaker does ("said the editor"; not
    "said the baker's wife", whose speaker is someone else)."""
    if re.match(r"['’]s\b", text[end:end + 2]):
        return False
    # ('"Oi!" the guard calls.': a verb that is a tag only straight after the quote)
    return _SPEECH_BEFORE.search(text, max(0, start - 24), start) is not None or _SPEECH_AFTER.match(text, end) is not None \
        or (re.search(r"[\"”’'][ \t]*$", text[max(0, start - 3):start]) is not None
            and re.match(r"\s+(?:calls|called|continues|continued)\s*[,.;:!?—–\"“‘]", text[end:end + 14]) is not None)


def _add_roles(speech: _Speech, people: list[_Person]) -> None:
    """A speaker the tags call by a job ("the editor says" twice or more) is a person: the one
    who bears that title ("the sergeant" is Sergeant Okafor when she is the one sergeant), or
    the full name the narration gives the first time it speaks of them ("the editor comes out of
    her office ... Ruth Ambler has run the newsroom for years"), else "the editor" of their own."""
    text = speech.text
    tags = Counter(m.group(1).lower() for m in _ROLE_MENTION.finditer(text) if _in_tag(text, m.start(), m.end()))
    described: dict[str, Counter] = {}
    by_quote: Counter = Counter()
    for m in _TAGGED_DESCRIPTOR.finditer(text):
        # "the tech" or "the lighting tech", whichever a speech verb borders
        one, two = m.group(1), m.group(2)
        if speech.inside_quote(m.start()):
            continue    # "Father only says the grace.": words someone says, no tag
        if _SPEECH_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            # "said the lighting tech." runs to the punctuation
            head, modifier = (two, one) if two and _CLAUSE_END.match(text, m.end(2)) else \
                (one, "") if _CLAUSE_END.match(text, m.end(1)) else ("", "")
        else:
            head, modifier = (one, "") if _SPEECH_AFTER.match(text, m.end(1)) else \
                (two, one) if two and _SPEECH_AFTER.match(text, m.end(2)) else ("", "")
        if f"{modifier} {head}" in _TWO_WORD_JOBS:
            head, modifier = f"{modifier} {head}", ""     # "said the harbour master": the job, not a "master"
        if not head or head in _ROLES or head in _NOT_ROLES or head in _NOT_NOUNS or head in _MALE_NOUNS \
                or head in _FEMALE_NOUNS or modifier in _NOT_ROLES or head.endswith(("s", "ly", "ing", "ed")):
            continue
        tags[head] += 1
        if modifier:
            described.setdefault(head, Counter())[f"the {modifier} {head}"] += 1
        if _BORDERS_QUOTE.search(text, max(0, m.start() - 30), m.start()) or _OPENS_QUOTE.match(text, m.end()):
            by_quote[head] += 1
    # "The captain doesn't raise her voice": a job the narration keeps using, tags or not
    # ("The clerk folded the ten into his pocket": the clerk whose badge said his name was Dwight)
    told = Counter(m.group(1).lower() for m in _ROLE_MENTION.finditer(text) if not speech.inside_quote(m.start()))
    for head in by_quote:
        # a job no list foresees ("says the farmer", "the fishmonger bellowed") tagged once beside
        # a quote, and the narration's subject again and again ("The farmer considers this.")
        told[head] = sum(1 for at in speech.told_at(f"the {head}") + speech.told_at(f"The {head}")
                         if not re.match(r"['’]s\b", text[at + 4 + len(head):]))
    for role in sorted(set(tags) | {r for r, n in told.items() if n >= 2}):
        count = tags[role]
        form = f"the {role}"
        # "the Chief" the cluster already made of the capitalised job: a person still to name
        existing = next((p for p in people if p.forms and {f.lower() for f in p.forms} == {form, role}
                         or {f.lower() for f in p.forms} == {form}), None)
        if (count < 2 and told[role] < 2) or (existing is None and any(f.lower() == form for p in people for f in p.forms)):
            continue
        # ("the bride's grandmother" is not the bride)
        mentions = [m.start() for m in re.finditer(rf"\b[Tt]he\s+(?i:{role})\b(?!['’]s\b)", text)]
        person = _bearer(speech, people, _ROLE_TITLES.get(role), existing)
        if person is None:
            person = _introduced_with(speech, people, mentions, given_only=count < 2, role=role)
            # (one turn each may be one speaking twice: '"Sure," Dwight said.' / 'Later the clerk ...')
            if person is not None and _take_turns(speech, person, [at for at in mentions if not speech.inside_quote(at)],
                                                  times=2):
                person = None
            # (one job each: the barman who named himself is not the detective as well)
            if person is not None and any(f.startswith("the ") and f != form for f in person.forms):
                person = None
        if person is None and count < 2 and told[role] < 2:
            continue
        if person is None and count:
            # (the job with a word before it is the same one: "The security guard bent down" beside Priya is not her)
            wider = sorted({*mentions, *(m.start() for m in re.finditer(rf"\b[Tt]he\s+[a-z]+\s+(?i:{role})\b(?!['’]s\b)", text))})
            # ("The platform medic had been standing by the filing cabinet... Owen Pryce was a lanky man")
            person = _introduced_with(speech, people, wider, given_only=True, role=role) \
                or _named_just_before(speech, people, role, wider, _gender_of_phrase(role))
        if existing is not None:
            if person is not None and person is not existing:
                person.absorb(existing)
            continue
        if person is None:
            # (a job that says whether a man or a woman does it: "the harbour master", "the landlady")
            # (not a nurse, whom the word leaves open)
            person = _Person(("the", role), _gender_of_phrase(role) if re.search(r"(?:man|master|lord|lady|maid|mistress|ess)$", role) else "")
            people.append(person)
        # (the narration's "The triage nurse calls us in" counts as much as "the nurse")
        person.forms[form] += max(len(mentions), told[role])
        for longer, times in (described.get(role) or {}).items():
            person.forms[longer] += times
        person.spoke += count


_LOOKED_AT = re.compile(rf"\b(?:looked|peered|glanced|stared|turned|nodded|grinned|winked)\s+(?:up\s+|round\s+|over\s+)?"
                        rf"(?:at|to|towards)\s+({_NAME})\b")
_OPENS_ON = re.compile(rf"^\W*({_NAME})\s+(?!(?:and|or)\b)[a-z]+")


def _join_rank_calls(speech: _Speech, people: list[_Person]) -> None:
    """"Skip", said to someone again and again and never written in the narration, is the one who answers it:
    the speaker tagged in the next paragraph twice or more ("Half an hour, Skip." / "Then we bat," said Graham.),
    and at least twice as often as anyone else."""
    text = speech.text
    owner = {form: p for p in people for form in p.forms}
    for called in [p for p in people if p.forms and {f.lower() for f in p.forms} <= RANK_CALLS]:
        if any(speech.told_at(f) for f in called.forms):
            continue
        answers: Counter = Counter()
        for number in range(len(speech.paragraphs) - 1):
            said_to = any(re.search(rf"(?:^\W*|[\"“‘,.!?;—]\s*)(?:{'|'.join(called.forms)})(?=\s*[,.!?—\"”’])", text[x:y])
                          for x, y in speech.quotes_in(number))
            if not said_to:
                continue
            here = {m.group(1) or m.group(2) for m in _TAGGED.finditer(speech.narration_of(number))}
            # the one looked at as it is said ("He peered at Graham."), or who answers or acts next ("Graham said
            # nothing.", '"I know," said Graham.')
            after = speech.narration_of(number + 1)
            names = [m.group(1) for m in _LOOKED_AT.finditer(speech.narration_of(number))] \
                + [m.group(1) or m.group(2) for m in _TAGGED.finditer(after)] + [m.group(1) for m in _OPENS_ON.finditer(after)]
            for name in names:
                if name not in here and (person := owner.get(name)) is not None and person is not called:
                    answers[id(person)] += 1
                    break
        best = answers.most_common(2)
        if best and best[0][1] >= 2 and (len(best) == 1 or best[0][1] >= 2 * best[1][1]):
            answerer = next(p for p in people if id(p) == best[0][0])
            answerer.absorb(called, owner)
    people[:] = [p for p in people if p.forms]


# "Everyone in the valley called him Doc, including his wife"
_CALLED_HIM = re.compile(rf"\bcall(?:s|ed)\s+(him|her)\s+({_NAME})\b(?!\s+{_NAME})")


def _named_before(text: str, owner: dict, at: int, gender: str) -> list[_Person]:
    """The people of that sex (or of none the name list knows) named in the page of text before `at`, in order."""
    return [p for m in re.finditer(rf"{_NAME}(?:\s+{_NAME})*", text[max(0, at - 1500):at])
            if (p := owner.get(m.group(0))) and p.listed_gender in ("", gender)]


def add_names_given(speech: _Speech, people: list[_Person]) -> None:
    """A name the narration says someone goes by ("called him Doc"), used again ("it was the Doc")
    but never on its own beside a verb of speech, is the name of the last one of that pronoun's
    sex named before it."""
    text = speech.text
    owner = {form: p for p in people for form in p.forms}
    for match in _CALLED_HIM.finditer(text):
        nick = match.group(2)
        # (not "calls her Mrs D": a title and an initial, no name of its own)
        if nick in owner or f"the {nick}" in owner or speech.inside_quote(match.start()) or nick in FAMILY_NAMES \
                or nick in ("Mr", "Mrs", "Ms", "Mx", "Mister", "Missus"):
            continue
        uses = Counter(m.group(1) or nick for m in re.finditer(rf"\b(the\s+{nick}|{nick})\b", text))
        if sum(uses.values()) < 2:
            continue
        gender = "M" if match.group(1) == "him" else "F"
        named = _named_before(text, owner, match.start(), gender)
        if named:
            named[-1].forms.update(uses)
            named[-1].spoke += sum(1 for m in re.finditer(rf"\b{nick}\b", text) if _in_tag(text, m.start(), m.end()))
            owner.update(dict.fromkeys(uses, named[-1]))
    # "Nobody in camp had called her Lucienne in eleven years. She was Ma Pelletier to the fallers and Ma to
    # everybody else": the names the narration says she goes by, to whom
    for match in _WAS_TO.finditer(text):
        gender = "M" if match.group(1).lower() == "he" else "F"
        named = _named_before(text, owner, match.start(), gender)
        for said in re.finditer(rf"({_NAME}(?:\s+{_NAME})?)\s+to\s+", text[match.start(2):match.end()]):
            name = said.group(1)
            person = owner.get(name) or owner.get(name.split()[0])
            if named and person is not None and person is not named[-1] and not speech.inside_quote(match.start()):
                named[-1].absorb(person, owner)
    # "Tran Van Minh on his citizenship papers, Minh Tran on the lease, Mr. Tran to the suppliers; Ba only to me":
    # the names one man goes by, where and to whom (only the name itself, when another holds it beside a Mrs.)
    for match in _NAMES_WHERE.finditer(text):
        found = [owner.get(m.group(1)) for m in _NAME_WHERE.finditer(match.group(0))]
        found = [p for p in found if p is not None]
        if len(found) < 2 or speech.inside_quote(match.start()):
            continue
        woman = re.search(r"\b(?:her|she)\b", match.group(0), re.IGNORECASE) is not None

        def other_title(p: _Person) -> bool:
            return any((_split_title(f)[0] in ("Mrs", "Ms", "Miss")) != woman for f in p.forms if _split_title(f)[0])
        fitting = [p for p in found if not other_title(p)]
        if not fitting:
            continue
        target = max(fitting, key=lambda p: sum(p.forms.values()))
        for m in _NAME_WHERE.finditer(match.group(0)):
            person, name = owner.get(m.group(1)), m.group(1)
            if person is None or person is target:
                continue
            if other_title(person):
                target.forms[name] += person.forms.pop(name)
                owner[name] = target
            else:
                target.absorb(person, owner)
    people[:] = [p for p in people if p.forms]


_ONE_NAME = rf"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?{_NAME}(?:\s+{_NAME}){{0,2}}"     # "Tran Van Minh", "Mr. Tran"
_NAME_WHERE = re.compile(rf"(?:^|[,;]\s+)(?:and\s+)?({_ONE_NAME})\s+(?:only\s+)?(?:on|to)\s")
_NAMES_WHERE = re.compile(rf"(?<![^.!?\s])(?:{_ONE_NAME}\s+(?:only\s+)?(?:on|to)\s+[^,;.!?\"“”]+[,;]\s+(?:and\s+)?){{2,}}"
                          rf"{_ONE_NAME}\s+(?:only\s+)?(?:on|to)\s+[^,;.!?\"“”]+[.!?]")
_WAS_TO = re.compile(rf"\b(He|She)\s+(?:was|is)\s+(({_NAME}(?:\s+{_NAME})?)\s+to\s+(?:the|everybody|everyone|all|his|her|"
                     rf"their|most|some)\b[^.;!?]*?(?:\s+and\s+{_NAME}(?:\s+{_NAME})?\s+to\s+\w+)?)")
