"""Cast discovery: the people a text's prose names, each under one main name with every alias
the text uses for them, and their gender.

How a reader does it, in plain rules:
1. Candidates are capitalised words inside sentences, alone or in runs ("Elizabeth Bennet"),
   optionally after a title ("Mr. Darcy", "Lady Catherine"), and "the X" descriptors that
   speak ("said the Hatter").
2. Not people: the words of everyday speech, days and months, nationalities, places and
   houses ("Thornfield Hall", "Rose Street") and names mostly found after "in"/"into" (a town). "John's" is John.
3. One person, many names: a full name, its first name and its surname, its titled forms and
   a nickname the narration ties to it ("Elizabeth, called Lizzy"; "Albert Lowe ... Bertie, as
   everyone called him"), a short name that begins a long one ("Bea", "Beatrice"), and "the
   Colonel" when one colonel is named (roles.py). A surname stays a person of its own when two
   people share it ("Mr. Bennet" and "Mrs. Bennet"; "Miss Bennet" when two Bennet women could be meant).
4. Gender from the title, the first-name list shipped in gender-guesser, then the pronouns after the name (genders.py).
5. A first-person narrator ("I said") is a character of their own: the one others call by
   name in dialogue while the narration hardly names them, else "Narrator" (narrator.py).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

from pipeline.text.first_names import (first_name_gender, given_name_first, pet_form_of_same_surname, said_to_a_name,
                                       same_first_name, surname_first)
from pipeline.text.towns import is_town
from pipeline.text.weather import WEATHER_AND_HOURS
from pipeline.text.animals import animal_names
from pipeline.text.names import (FAMILY_NAMES, _FIRST_NAME_TITLES, _MONTH_NAMES, _PARTICLES, RANKS, _NOT_NAMES, TITLES, Character, _decide, _gender_hint, _split_title)
from pipeline.text.not_names import _LOCATIVE, _NOT_PERSON_WORDS, _PLACE_PREFIXES, _PLACE_WORDS
from pipeline.text.addressed import _DESCRIBED_AS_KIN, _GIVES_NAME, _INTRODUCED, _SELF_INTRODUCED, names_spoken_to
from pipeline.text.aliases import (_Person, _Speech, named_apart, _join_answered_names, _join_misses,
                                   _join_short_names, _part_titles_of_both_genders)
from pipeline.text.roles import _add_roles, _join_titles, add_names_given
from pipeline.text.strangers import NAME_ASKED, add_described_strangers
from pipeline.text.genders import _genders
from pipeline.text.called import (_add_spelled_in_capitals, _drop_kin_only_said, _join_grandparents_by_age,
                                  _join_introductions, _join_names_said_to, add_called_by_title_alone, join_roles_answering_calls)
from pipeline.text.present import _acting_before_speech, _beside_speech
from pipeline.model.ages import years_stated
from pipeline.text.not_people import (_AN_ORGANISATION, _COMPANY_WORDS, _RADIO_STATIONS, _RADIO_WORDS, _has_radio, first_called_a_thing,
                                      a_call_sign_or_a_boat, is_a_town_with_its_country, named_where_one_is, only_smelled)
from pipeline.text.quotes import mend_apostrophes
from pipeline.text.narrator import (NARRATOR_ALIASES, _narration, first_person, join_parent_named_by_others,
                                    teller_gender, told_in_first_person)
from pipeline.text.mentions import _FEMALE, _MALE, _candidates
from pipeline.text.nicknames import (_tie_nicknames, join_full_name_called_to_who_flinches, join_full_name_to_what_he_goes_by,
                                      join_given_name_to_nickname, join_names_called_me)
from pipeline.text.parents import _join_parents, join_couple_by_their_family_name
from pipeline.text.at_work import join_drivers_at_the_wheel, join_roles_by_what_they_wear


def _is_person_form(form: str, speech: _Speech, mid: Counter, anywhere: Counter, spoke: Counter, where, lower: Counter,
                    vocatives: Counter, acting: Counter | None = None, animals: frozenset = frozenset(),
                    introduced: Counter | None = None) -> bool:
    text = speech.text
    title, words = _split_title(form)
    acting = acting if acting is not None else Counter()
    introduced = introduced if introduced is not None else Counter()
    if form.startswith("the "):
        return spoke[form] >= 2 or (spoke[form] >= 1 and form[4:].isupper())    # ("said the DI" once is the DI)
    if form in FAMILY_NAMES and (spoke[form] >= 1 or (len(form) <= 3 and mid[form] >= 2)):   # "Stevie looks at Ma."
        return True
    # "Thornfield Hall" is a house, "Mrs. Hall" a woman (but "says Park", who is Lieutenant Park, is a man)
    surname_of_titled = len(words) == 1 and any(_split_title(f)[0] and _split_title(f)[1] == tuple(words)
                                                for f in anywhere)
    if not words or (not title and not surname_of_titled and (words[-1] in _PLACE_WORDS or words[-1].endswith("shire"))) \
            or (len(words) == 1 and words[-1] in _NOT_PERSON_WORDS and not (spoke[form] >= 2 and first_name_gender(form))):
        return False
    if not title and len(words) >= 2 and words[0] in _PLACE_PREFIXES:
        return False
    # a run of capitals with an everyday word inside is a heading or a sentence ("Lucy Faced",
    # "George But Lucy"), unless it recurs as a name does ("Tony Last")
    later = words[1:]
    if not title and later and (any(w in _NOT_NAMES for w in later) or
                                (any(w in _NOT_PERSON_WORDS or lower[w.lower()] >= 3 for w in later) and mid[form] < 2)):
        return False
    # ("Tony Last" is a name: only the first word of a longer one is judged); "June" is a month
    # unless she speaks under that name, and then "June Bellamy" is her too
    if not title and (words[0] in _NOT_PERSON_WORDS or words[0] in _NOT_NAMES) \
            and not (spoke[words[0]] >= 2 and first_name_gender(words[0]) and (len(words) == 1 or mid[form])) \
            and not (words[0] in _MONTH_NAMES and len(words) == 2 and any(
                other.endswith(" " + words[1]) and other.split()[0] not in _MONTH_NAMES for other in anywhere)):
        return False
    if not title and len(words) == 1 and len(form) < 3 and not first_name_gender(form) \
            and (spoke[form] < 2 or not re.search(r"[aeiouy]", form, re.IGNORECASE)) \
            and not any(other.startswith(form + " ") and mid[other] for other in anywhere) \
            and not (vocatives[form] >= 2 and any(other.startswith(form) and len(other.split()[0]) > 3 for other in anywhere)):
        return False     # "Th'" of dialect; but "Jo" of "Jo Marsh" or of "said Jo" is a name, and "Wi", said to Wiremu
    # a name only ever written alone inside quote marks is a boat's, a house's or a book's ("was
    # 'Morwenna Grace'")
    if len(words) == 1 and spoke[form] < 2 and form in animals:
        return False     # "Nell, the collie, lay across the draught"
    if where[form] and spoke[form] == 0 and all(text[at - 1:at] in "'‘\"“" and text[at + len(form):at + len(form) + 1]
                                                 in "'’\"”" for at in where[form]):
        return False
    if title and len(words) == 1 and words[0].endswith("s") and any(f.endswith(" " + words[0][:-1]) for f in anywhere):
        return False    # "the two Mr. Pryors" beside "Gideon Pryor": two people
    # "He's in Prince Charles", "I want him in Prince Charles": a hospital, a ship or a pub someone is in, never spoken to
    inside = sum(1 for at in where[form] if re.search(r"\b(?:in|into|inside)\s+$", text[max(0, at - 7):at])
                 and not re.match(r"['’]s\b", text[at + len(form):]))
    if inside >= 2 and not spoke[form] and not vocatives[form] and 2 * inside >= anywhere[form]:
        return False
    if a_call_sign_or_a_boat(text, form, where[form], all(speech.inside_quote(at) for at in where[form]), spoke[form], title):
        return False    # ("aboard the Lady Ruth": a titled name too)
    if title:
        return True
    # "Age?" or "Tea?", a whole line of speech and nowhere else: a question, not someone called
    if len(words) == 1 and where[form] and all(
            text[at - 1:at] in "\"“" and re.match(r"[?!.]?[\"”]", text[at + len(form):at + len(form) + 2])
            for at in where[form]):
        return False
    # "the London man" and "All right there, London?": a place used as a word before a noun, and
    # a nickname taken from it, never a name of its own
    before_noun = sum(1 for at in where[form] if re.search(r"\b(?:the|a|an)\s+$", text[max(0, at - 5):at])
                      and re.match(r"\s+[a-z]", text[at + len(form):at + len(form) + 3]))
    gone_to = sum(1 for at in where[form] if re.search(r"\b(?:from|to|in|into|near|at|out\s+of)\s+$", text[max(0, at - 8):at],
                                                         re.IGNORECASE))
    if len(words) == 1 and spoke[form] == 0 and before_noun and anywhere[form] - before_noun - gone_to <= vocatives[form]:
        return False
    # ("Amber alerts, endangered missing..." / "It was not an Amber alert": one noun of two words, always together)
    nouns = {m.group(1)[:4] for at in where[form] if (m := re.match(r"\s+([a-z]{3,})", text[at + len(form):at + len(form) + 20]))}
    if len(words) == 1 and spoke[form] == 0 and before_noun and len(where[form]) >= 2 and len(nouns) == 1 \
            and all(re.match(r"\s+[a-z]", text[at + len(form):at + len(form) + 3]) for at in where[form]):
        return False
    # "To Edinburgh?" / "Edinburgh," said Hattie: a word only ever said, once where someone goes,
    # and no first name, is a place talked of
    if len(words) == 1 and gone_to and not first_name_gender(form) and all(speech.inside_quote(at) for at in where[form]):
        return False
    if mid[form] == 0 and spoke[form] == 0 and not vocatives[form] and not acting[form] and not introduced[form]:
        return False
    # "The Corvina came out of the belt", "aboard the Corvina": a ship's name, or a pub's, that a
    # radio call says alone ("Corvina, Kessel Control") is still a thing
    the_thing = sum(1 for at in where[form] if re.search(r"\b[Tt]he\s+$", text[max(0, at - 4):at])
                    and text[at + len(form):at + len(form) + 2] not in ("'s", "’s"))
    # (a boat named for a girl, "off the Kerenza", is still her name where she speaks and is spoken of without it)
    if len(words) == 1 and spoke[form] < 2 and not first_name_gender(form) and the_thing >= 2 \
            and not (spoke[form] and anywhere[form] >= 3 * the_thing):
        return False
    # "between a silver Astra and a lamp post", "the Astra's indicators": a make of car, a boat, a
    # brand, only ever after an article, even when the list knows it as a first name
    after_an_article = len(words) == 1 and not vocatives[form] and bool(where[form]) and all(
        re.search(r"\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w-]*\s+){0,2}$", text[max(0, at - 30):at]) for at in where[form])
    if after_an_article and spoke[form] == 0 and len(where[form]) >= 2:
        return False
    # ("the young Chilean said": one of a people, only ever after an article, a description and no one's name)
    if after_an_article and not title and not first_name_gender(form) and re.search(r"(?:an|ese|ish|i)$", form):
        return False
    # "Rain came across the windows", "Dawn broke": weather and the time of day, only ever at the
    # start of a sentence, never speaking nor spoken to
    # ("Thunder answered him, right on cue": once beside a speech verb is weather still)
    if len(words) == 1 and mid[form] == 0 and spoke[form] < 2 and not vocatives[form] \
            and form.lower() in WEATHER_AND_HOURS:
        return False
    # "Roger, Coastguard." / "Ardmore Coastguard. Roger.": radio talk's "received", said only in speech in a story with
    # a radio in it, is no one called Roger; nor is "Base, Car Nine." / "I'm a rich man, Base." anyone called Base
    if len(words) == 1 and spoke[form] == 0 and _has_radio(text) and ((form in _RADIO_WORDS and mid[form] == 0 and all(
            speech.inside_quote(at) for at in where[form])) or form in _RADIO_STATIONS):
        return False
    # "Tea, Gideon?" / "Ticket says four.": a word only ever said, never in the narration, that the text also writes
    # small ("a tray of teas") is the thing offered, not someone spoken to (not "Dad" beside "my dad", said only to him)
    if len(words) == 1 and (spoke[form] == 0 or not first_name_gender(form)) and form not in FAMILY_NAMES and where[form] \
            and all(speech.inside_quote(at) for at in where[form]) and (lower[form.lower()] or lower[form.lower() + "s"]):
        return False
    # a word mostly written in lower case is an ordinary word ("Will", "Hope") used as one
    if len(words) == 1 and lower[words[0].lower()] > max(2, mid[form], 2 * spoke[form] if first_name_gender(form) else 0):
        return False
    # ("Visiting finished at eight": a word ending "-ing" also written small, or only opening sentences, is a verb)
    if len(words) == 1 and form.endswith("ing") and (lower[form.lower()] or not mid[form]) and spoke[form] < 2 \
            and not first_name_gender(form):
        return False
    # a town: found after "in", "into", "near" and never speaking
    # (not "Left, Owen! Your other left!" nor "trying to get in. Hale's Ices": only a space between)
    # (or gone out to: "Go on out to Alberta", "moved back to Fife")
    locative = sum(1 for at in where[form] if ((m := re.search(r"([A-Za-z]+)\s+$", text[max(0, at - 16):at]))
                                              and m[1].lower() in _LOCATIVE) or _GONE_TO.search(text, max(0, at - 30), at)
                  or _WAYPOINT_AT.search(text, max(0, at - 30), at))
    if spoke[form] == 0 and locative >= max(1, 0.25 * anywhere[form]):
        return False
    # "Carrick" and "Carrick Head" beside "Carrick Road": a place's own first word, not a first name speaking or spoken to
    if not title and not surname_of_titled and (not first_name_gender(words[0]) or not (spoke[form] or vocatives[form])) and any(
            f.split()[0] == words[0] and len(f.split()) == 2 and f.split()[1] in _PLACE_WORDS for f in anywhere):
        return False
    # ("the Leeds office", "Leeds," she said: a city no one is named, never beside a speech verb nor spoken to in a
    # sentence, as "Pop" is: "They don't allow dogs, Pop."; but not a hall called by its city's name, "One two, Birmingham.")
    if len(words) == 1 and not title and spoke[form] == 0 and not first_name_gender(form) and is_town(form) \
            and (len(form) >= 5 or not re.search(rf"[\"“‘]{form},\s*[a-z]|,\s*{form}\s*[,!?.]", text)):
        return False
    if len(words) == 1 and not title and spoke[form] == 0 and is_a_town_with_its_country(text, form, where[form]):
        return False
    if not title and len(words) >= 2 and words[-1] in _COMPANY_WORDS and is_town(words[0]) and spoke[form] == 0:
        return False    # "Kenya Power," Peter announces as the lights go: the power company, no one's name
    if spoke[form] == 0 and any(re.search(r"\b(?:Storm|Hurricane|Typhoon|Cyclone)\s+$", text[max(0, at - 12):at])
                                for at in where[form]):
        return False    # "Storm Desmond", "somebody who's done Desmond": a storm with a name
    if words[-1].lower() in _PARTICLES and not (len(words) == 1 and first_name_gender(form) and mid[form] >= 2):
        return False    # "van", "de" of a name ("Ruud van"), but "Des" and "Di" on their own are people
    # a family ("the Bennets") is not one person ("Hollis" beside "Holl", her pet name, is no family: "-es" is a plural)
    if len(words) == 1 and re.search(r"(?<=[a-z])e?s$", form) and \
            any(anywhere[stem] or anywhere[f"Mr. {stem}"] for stem in (form[:-1], form[:-2] if form.endswith("es") else "")):
        return False
    # "Forecasts are liars": a word with a plural of its own (not "the Hales") is a thing, even before a speech verb
    if len(words) == 1 and spoke[form] < 2 and not vocatives[form] and mid[form] == 0 \
            and re.search(rf"(?<![Tt]he )\b{re.escape(form)}s\b", text):
        return False
    if len(words) >= 2 and not (spoke[form] or vocatives[form] or acting[form] or introduced[form]) \
            and named_where_one_is(text, where[form]):
        return False    # "the ranger station at Glen Fada", "Sir Hector of Glen Fada": a place, never anyone
    if not spoke[form] and not vocatives[form] and (first_called_a_thing(text, where[form]) or only_smelled(text, where[form])):
        return False    # "she paid for the same colour, a dark plum called Midnight Orchard"; "smelled of Deep Heat"
    if len(words) == 1 and not spoke[form] and any(
            (m := _SAID_TO_BE.match(text, at + len(form))) and m.group(1).capitalize() in _PLACE_WORDS for at in where[form]):
        return False    # "Bethel stood above the last terrace, a plain square chapel"
    if len(words) <= 2 and not first_name_gender(words[0]) and any(_AN_ORGANISATION.match(text, at + len(form)) for at in where[form]):
        return False    # "Lumo is the ride-hailing company that has spent two years buying up start-ups"
    if spoke[form] or introduced[form]:
        return True
    # no speech of its own: a person only when the first-name list knows the name (or "Lim Boon Teck"'s), or spoken to by it
    # (or a first name as it is said to them: "Kasiu!" of Kasia)
    named = bool(first_name_gender(words[0])) or surname_first(words) or (vocatives[form] and said_to_a_name(form, anywhere))
    # spoken to by a name ("Tobias, bed"): a first name on the list, or a word used mid-sentence (not "Bonjour,")
    spoken_to = vocatives[form] >= 1 and (named or mid[form] >= 1 or title or acting[form] >= 1)
    # (or the surname of a Mr. or a Mrs. the narration goes on calling them by: "Grandy sat back down")
    return (named and mid[form] >= 2) or spoken_to or (len(words) >= 2 and named) or (named and acting[form] >= 1) \
        or acting[form] >= 2 or (surname_of_titled and not any(
            _split_title(f)[1] == tuple(words) and _split_title(f)[0].lower() in _FEMALE for f in anywhere) and sum(
            not re.search(r"[A-Z][\w'’.-]*\s+$", text[max(0, at - 30):at]) for at in where[form]) >= 3)


# ("The traffic at Ojuelegba had locked itself into a single metal animal": a junction's name, a place)
_WAYPOINT_AT = re.compile(r"\b(?:traffic|junction|roundabout|bus\s+stop|bus\s+park|motor\s*park|terminus|crossroads|"
                          r"lights|flyover|interchange|toll\s+gate)\s+(?:at|near|by)\s+$", re.IGNORECASE)
_GONE_TO = re.compile(r"\b(?:(?:go|goes|went|gone|going|come|came|get|got)\s+(?:on\s+)?(?:out|back|away|down|up)|moved|move|moving|"
                      r"flew|fly|emigrated|emigrate|sailed|posted)\s+(?:out\s+|back\s+|away\s+)?to\s+$", re.IGNORECASE)
_SAID_TO_BE = re.compile(r"[^.!?\"“”,]{0,60},\s+an?\s+(?:[a-z-]+\s+){0,3}([a-z]+)(?=\s+(?:with|of|that|which|where|in|on|at|from|by)\b|[,.;:])")


def discover_characters(text: str, limit: int = 80) -> dict[str, Character]:
    """The people the prose names: main name -> Character(name, aliases, gender)."""
    text = mend_apostrophes(text)      # "Isabella s answer" is Isabella's
    speech = _Speech(text)
    mid, anywhere, spoke, where = _candidates(text, speech)
    lower = Counter(re.findall(r"\b[a-z][a-z'’-]*\b", text))
    vocatives = names_spoken_to(text)
    beside = _beside_speech(speech, where)
    acting, animals = _acting_before_speech(speech, where, beside), frozenset(animal_names(text))
    # "Hi, it's Dev from Rapid": a caller who names themself
    introduced = Counter(m.group(1) for a, b in speech.spans if (m := _INTRODUCED.match(text, a, b)))
    introduced.update(m.group(1) for m in _DESCRIBED_AS_KIN.finditer(text))
    # "Can I take your name...?" / "Pauline Greaves. The number's on the letter": a caller's answer
    introduced.update(m.group(1) for (x, y), (a, b) in zip(speech.spans, speech.spans[1:])
                      if NAME_ASKED.search(text, x, y) and (m := _SELF_INTRODUCED.match(text, a, b)))
    # "Name's Oakes, if you need anything": a speaker who gives their name
    # (and "I'm Tom, by the way", but not "I'm United": one's own first name)
    introduced.update(m.group(1) or m.group(2) or m.group(3) for a, b in speech.spans for m in _GIVES_NAME.finditer(text, a, b)
                      if not m.group(3) or first_name_gender(m.group(3)))
    forms = [f for f in anywhere if _is_person_form(f, speech, mid, anywhere, spoke, where, lower, vocatives, acting,
                                                    animals, introduced)]
    singles = {f for f in forms if " " not in f}
    # "Priya Lal" once, "Priya" often: the full name is hers
    forms += [f for f in anywhere if f not in forms and " " in f and f.split()[0] in singles
              and _is_person_form(f, speech, mid, Counter({f: 1}), Counter({f: 1}), where, lower, vocatives)]
    # "Dr Graeme Forsyth" once, then "if Graeme can come out": his first name, however seldom
    given = {_split_title(f)[1][0] for f in forms if len(_split_title(f)[1]) >= 2 and not f.startswith("the ")} - _NOT_NAMES
    forms += [f for f in anywhere if f in given - set(forms) - _NOT_PERSON_WORDS and first_name_gender(f) and not lower[f.lower()]]
    # "Wenna" often, "Morwenna has been at the urn" once: the whole first name the short one ends
    forms += [f for f in anywhere if f not in forms and " " not in f and f not in _NOT_PERSON_WORDS and first_name_gender(f)
              and not lower[f.lower()] and any(len(s) >= 4 and f.endswith(s.lower()) and same_first_name(s, f) for s in singles)]
    # "Lorcan Fee", a first name no list knows, beside "Captain Fee" and "Kit Fee": of that family
    surnames = {_split_title(f)[1][-1] for f in forms if not f.startswith("the ") and " " in f
                and _split_title(f)[0] not in _FIRST_NAME_TITLES}
    # (not "Brenda Rex", two people side by side, nor "Compton Last", a village)
    firsts = {f.split()[0] for f in forms if " " in f and not _split_title(f)[0]} | singles
    forms += [f for f in anywhere if f not in forms and len(f.split()) == 2 and f.split()[1] in surnames and mid[f]
              and not _split_title(f)[0] and lower[f.split()[0].lower()] == 0 and f.split()[0] not in firsts
              and not {f.split()[0], f.split()[0].lower()} & (set(TITLES) | _NOT_NAMES | _NOT_PERSON_WORDS)
              and _is_person_form(f, speech, mid, anywhere, spoke, where, lower, vocatives, introduced=Counter({f: 1}))]
    # "Funmi Adeyemi. I run the ward.": a full name given in a quote, of a surname a title carries ("Sister Adeyemi")
    titled_surnames = {_split_title(f)[1][-1] for f in forms if _split_title(f)[0]}
    forms += list({m.group(1) for a, b in speech.spans if (m := _SELF_INTRODUCED.match(text, a, b))
                   and m.group(1) not in forms and m.group(1).split()[1] in titled_surnames
                   and not {m.group(1).split()[0]} & (set(TITLES) | _NOT_NAMES | _NOT_PERSON_WORDS)})
    breaks = [m.end() for m in re.finditer(r"\n[ \t]*\n", text)]
    families = Counter(m.group(1) for m in re.finditer(r"\b[Tt]he\s+([A-Z][a-z]+)(?:e?s)\b", text))
    people = _cluster(forms, anywhere, spoke, where, breaks, families, text, speech.narrations)
    _tie_nicknames(text, people)
    _join_titles(people)
    _join_short_names(people, speech)
    first_person_story = told_in_first_person(_narration(text, speech.spans))
    _join_answered_names(speech, people, first_person_story)
    _join_parents(people, first_person_story, text)
    join_couple_by_their_family_name(people, text)
    _join_names_said_to(speech, people, first_person_story)
    _join_introductions(speech, people)
    _join_grandparents_by_age(speech, people, first_person_story)
    _drop_kin_only_said(speech, people, vocatives if first_person_story else None)
    _join_misses(people)
    join_given_name_to_nickname(speech, people)
    join_full_name_to_what_he_goes_by(speech, people)
    join_full_name_called_to_who_flinches(speech, people)
    join_names_called_me(speech, people)
    _part_titles_of_both_genders(people)
    _add_roles(speech, people)
    join_roles_by_what_they_wear(text, people)
    join_roles_answering_calls(speech, people)
    join_drivers_at_the_wheel(speech, people)
    add_called_by_title_alone(speech, people)
    add_names_given(speech, people)
    add_described_strangers(speech, people)
    _add_spelled_in_capitals(speech, people)
    people = [p for p in people if p.count >= 2 or p.spoke or any(vocatives[f] or beside[f] or acting[f] or introduced[f]
                                                                  for f in p.forms)]
    people.sort(key=lambda p: (-(p.count + 3 * p.spoke), min(p.forms)))
    characters: dict[str, Character] = {}
    def main_name(person: _Person) -> str:
        # the name used most; "the President" over a bare "President" (a title, not a name)
        described = [f for f in person.forms if f.startswith("the ") and (f[4:5].isupper() or len(person.forms) == 1)]
        # and a name over what a child calls him ("Dad") or over a job ("the captain")
        named = [f for f in person.forms if f not in FAMILY_NAMES and not f.startswith("the ")] or \
            [f for f in person.forms if f not in FAMILY_NAMES] or list(person.forms)
        return described[0] if described else max(named, key=lambda f: (person.forms[f], len(f)))

    for person in people[:limit]:
        main = main_name(person)
        aliases = tuple(sorted(f for f in person.forms if f != main))
        characters[main] = Character(main, aliases, "U")
    genders = _genders(text, characters, {main_name(p): p for p in people[:limit]}, speech.spans)
    characters = {m: Character(m, c.aliases, genders[m]) for m, c in characters.items()}
    narrator, same = first_person(text, characters)
    if narrator:
        c = characters.get(narrator) or Character(narrator, (), first_name_gender(narrator) or "U")
        merged = [characters.pop(m) for m in sorted(same)]
        also = [name for m in merged for name in (m.name, *m.aliases)]
        gender = teller_gender(c, merged, _MALE, _FEMALE)
        characters[narrator] = Character(narrator, tuple(c.aliases) + tuple(also) + NARRATOR_ALIASES, gender)
        characters = join_parent_named_by_others(text, characters, narrator)
    return characters


_PARENT_OF = ("Mama", "Mamma", "Papa", "Baba")
_GROWN_UP_TITLES = ("Mr", "Mrs", "Ms", "Mme", "Dr", "Sir", "Lady")


def _cluster(forms: list[str], counts: Counter, spoke: Counter, where: dict[str, list[int]],
             breaks: list[int], families: Counter, text: str = "", told: list[str] = ()) -> list[_Person]:
    """One person per set of forms a reader takes for one person (see the module's rule 3)."""

    def introduced(form: str, candidates: list[_Person]) -> _Person | None:
        """Of several people a name could mean, the one the text names nearest to it the first
        time both are in one paragraph ("I found Mr. Thorne in the library. Edmund Thorne was
        older..."), or just before it is first used ("Lorcan Fee. Master of this tub." and then
        "Captain Fee unclipped the radio"): how a reader learns who is meant."""
        named_at = [[at for f in p.forms for at in where.get(f, ())] for p in candidates]
        # (one named more than once or naming themself, "His wife, Edith Quayle, had been dead ten
        # years" being someone spoken of; and by no other title: Mr. Quayle is no Dr.)
        present = [(len(spots) >= 2 or any(text[x - 1:x] in "\"“‘" for x in spots if x))
                   and not (_split_title(form)[0] and any(_split_title(f)[0] not in ("", _split_title(form)[0])
                                                          for f in p.forms))
                   for p, spots in zip(candidates, named_at)]
        for n, at in enumerate(where.get(form, ())):
            paragraph = bisect.bisect_right(breaks, at)
            near = [(abs(other - at), i) for i, spots in enumerate(named_at) for other in spots
                    if bisect.bisect_right(breaks, other) == paragraph]
            if not near and n == 0:
                near = [(at - other, i) for i, spots in enumerate(named_at) if present[i]
                        for other in spots if other < at and paragraph - bisect.bisect_right(breaks, other) <= 3]
            if near:
                return candidates[min(near)[1]]
        return None

    def holds_rank(person: _Person, title: str) -> bool:
        """A paragraph naming them tells their rank: "Henry Fitzgerald ... had retired a full colonel"."""
        spots = [at for f in person.forms for at in where.get(f, ())]
        return any(re.search(rf"\b(?:an?|full|retired|was|as|became|rank of)\s+(?:\w+\s+)?{title.lower()}\b",
                             text[([0, *breaks][p]):(breaks[p] if p < len(breaks) else len(text))])
                   for p in {bisect.bisect_right(breaks, at) for at in spots})

    def nearest_named(form: str, candidates: list[_Person], within: int = 3) -> _Person | None:
        """A titled surname several people share ("Dr. Barrow"), never in a paragraph with any of
        them: the one the text names a paragraph or two from it, first name alone included
        ("Dr. Barrow." / "Imogen. For heaven's sake...")."""
        distance = []
        for i, person in enumerate(candidates):
            firsts = [person.words[0]] if sum(p.words[0] == person.words[0] for p in candidates) == 1 else []
            spots = [at for f in (*person.forms, *firsts) for at in where.get(f, ())]
            gaps = [abs(bisect.bisect_right(breaks, at) - bisect.bisect_right(breaks, other))
                    for at in where.get(form, ()) for other in spots]
            # (of two as near, the one named more: someone present, not spoken of once)
            distance.append((min(gaps, default=99), -len(spots), i))
        distance.sort()
        if distance and distance[0][0] <= within and (len(distance) == 1 or distance[1][:2] != distance[0][:2]):
            return candidates[distance[0][2]]
        return None

    people: list[_Person] = []
    full: dict[tuple[str, str], _Person] = {}        # (first, last) -> person with that full name
    titled_only: list[tuple[str, str, tuple[str, ...]]] = []
    singles: list[str] = []
    reordered = given_name_first(_split_title(f)[1] for f in forms)       # "Lim Boon Teck" and "Boon Teck" as Boon Teck Lim
    for form in sorted(forms, key=lambda f: -len(_split_title(f)[1])):
        title, words = _split_title(form)
        words = reordered.get(words, words)
        gender = "F" if title.lower() in _FEMALE else "M" if title.lower() in _MALE else ""
        if form.startswith("the "):
            person = _Person(tuple(form.split()), "")
            people.append(person)
            person.forms[form] += counts[form]
            person.spoke += spoke[form]
        elif len(words) >= 2:
            key = (words[0], words[-1])
            if title in ("Mrs", "Mme") and first_name_gender(words[0]) != "F":
                key = (words[0], words[-1], title)     # "Mrs. Newland Archer" is Newland Archer's wife
            # "Walt Pryce" and "Walter Pryce" are one man, and "Jessica Ridley" says more of her than
            # "Jess Ridley", which the name list takes for a man's
            key = next((k for k in full if len(k) == 2 == len(key) and k[1] == key[1]
                        and (pet_form_of_same_surname(key[0], k[0]) or pet_form_of_same_surname(k[0], key[0]))), key)
            # ("Wanda Fay" of "Wanda Fay Odom": a double first name without the surname)
            longer = [p for p in full.values() if len(words) == 2 and len(p.words) == 3 and p.words[:2] == words]
            person = full.get(key) or (longer[0] if len(longer) == 1 else None)
            if person is None:
                person = full[key] = _Person(words, gender)
                people.append(person)
            elif len(words[0]) > len(person.words[0]) and first_name_gender(words[0]):
                person.words = words
            person.title_gender = person.title_gender or gender
            person.forms[form] += counts[form]
            person.spoke += spoke[form]
        elif title:
            titled_only.append((form, title, words))
        else:
            singles.append(form)

    def pronoun_votes(*forms: str) -> Counter:
        return Counter(hint for f in forms for at in where.get(f, ()) if (hint := _gender_hint(text, at, at + len(f))))

    def pronoun_gender(*forms: str) -> str:
        """M or F when the prose goes on about these names as "he" or "she" (U when it is torn)."""
        return _decide(pronoun_votes(*forms))

    def leans_against(gender: str, *forms: str) -> bool:
        """More of the pronouns say the other gender: a "she" that is his mother's ("Ollie's weight
        on her knees") outvoted, not a tie."""
        votes = pronoun_votes(*forms)
        return votes[{"M": "F", "F": "M"}[gender]] > votes[gender]

    by_title_word: dict[tuple[str, str], _Person] = {}
    # a title that says a gender first, so that "Dr. Barrow" knows Mr. Barrow is taken
    titled_only.sort(key=lambda t: t[1].lower() not in _FEMALE | _MALE)
    for form, title, words in titled_only:
        gender = "F" if title.lower() in _FEMALE else "M" if title.lower() in _MALE else ""
        word = words[0]
        # a titled first name ("Lady Catherine") or surname ("Mr. Darcy") of one full name
        sharing = [p for p in full.values() if word == p.words[-1]
                   or (title in _FIRST_NAME_TITLES and (word == p.words[0] or same_first_name(word, p.words[0])))]
        # (and whom the prose calls "he", by full or first name, is no Mrs.: not little Ollie Pike's mother)
        fitting = [p for p in sharing if not gender or (p.listed_gender in (gender, "")
                                                        and pronoun_gender(*p.forms, p.words[0]) in (gender, "U")
                                                        and (first_name_gender(p.words[0]) == gender
                                                             or not leans_against(gender, *p.forms, p.words[0])))]
        # (and a title that says no gender, "Chief Bakare", whom the prose calls "he", is not Funmilayo Bakare)
        said_as = pronoun_gender(form) if not gender else ""
        fitting = [p for p in fitting if said_as not in ("M", "F") or p.listed_gender in ("", said_as)]
        # (not "Harpreet", named beside "Mr Sandhu" as another man; not "young Tom Haskett" beside "old Mr. Haskett")
        fitting = [p for p in fitting if not (title in ("Mr", "Mrs") and named_apart(told, form, p.words[0]))]
        # (nor one the prose says is a child: "Ellie was nine" is no Mrs Pryce)
        fitting = [p for p in fitting if title not in _GROWN_UP_TITLES or not any(
            years <= 12 for years in years_stated(text, [*p.forms, p.words[0]]))]
        if re.search(rf"\b[Oo]ld\s+{re.escape(form)}\b", text):
            fitting = [p for p in fitting if not any(re.search(rf"\b[Yy]oung\s+{re.escape(f)}\b", text) for f in p.forms)]
        other_titles = {t for f, t, w in titled_only if w == words and t != title}
        rival = any(("F" if t.lower() in _FEMALE else "M" if t.lower() in _MALE else "") not in ("", gender)
                    for t in other_titles)
        # (a first name of either sex beside a Mr. and a Mrs. of the name: hers when the prose calls her "she")
        target = fitting[0] if len(fitting) == 1 and not (rival and fitting[0].listed_gender == "" and not (
            gender and pronoun_gender(*fitting[0].forms, fitting[0].words[0]) == gender)) else None
        if target is not None and title in ("Mrs", "Mme") and other_titles & {"Miss", "Ms", "Mlle"} \
                and not any(_split_title(f)[0] in ("Mrs", "Mme") for f in target.forms):
            # "Mrs. Ashdown" and "Miss Ashdown" are mother and daughter: Harriet Ashdown is the Miss
            target = None
        if target is not None and title == "Miss" and target.words[-1] == word and any(
                _split_title(f) == ("Miss", (target.words[0],)) for f in forms) and any(
                _split_title(f) == ("Miss", target.words) for f in target.forms):
            # "Miss Lucy Harper", also "Miss Lucy": a younger daughter, not "Miss Harper", the eldest
            target = None
        if target is not None and title.lower() in RANKS and "Mr" in other_titles and target.words[-1] == word \
                and introduced(form, fitting) is None and not any(_split_title(f)[0] == title for f in target.forms) \
                and not holds_rank(target, title):
            # "Captain Lomax" and "Mr. Lomax", his son: a rank is not worn one day and dropped the
            # next, so the one full name ("Rupert Lomax") is the Mr.'s unless the text puts it by the rank
            target = None
        if target is not None and title in ("Mr", "Mrs") and families[word] >= 3 and target.words[-1] == word:
            # "the Emersons" again and again: Mr. Emerson is the father, not George Emerson
            target = None
        if target is None and len(fitting) > 1:
            # "Mrs. Pryce" is the one written in full as "Mrs. Margaret Pryce" (not "Mrs. Newland
            # Archer", who is Newland's wife and not his mother, Mrs. Archer)
            spelt_out = [p for p in fitting if any(_split_title(f)[0] == title and len(_split_title(f)[1]) >= 2
                                                   and (not gender or first_name_gender(_split_title(f)[1][0]) in ("", gender))
                                                   for f in p.forms)]
            target = spelt_out[0] if len(spelt_out) == 1 else None
        if target is None and len(fitting) > 1 and all(word == p.words[0] for p in fitting):
            # "Miss Lydia" of "Lydia Bennet" and "Lydia Wickham" (married): the one named most
            target = max(fitting, key=lambda p: p.count)
        if target is None and len(fitting) > 1 and gender != "F":
            target = introduced(form, fitting)
        if target is None and len(fitting) > 1 and gender != "F" and not (title in ("Mr", "Mrs") and families[word] >= 3):
            # (not one who already goes by another title: "Mr. Barrow" is not also "Dr. Barrow")
            untitled = [p for p in fitting if not any(_split_title(f)[0] for f in p.forms)]
            # (two men of one family are both "Mr. Finch": only the one named in the next paragraph)
            target = nearest_named(form, untitled, 1 if gender else 3)
        if target is None:
            # "Mr. Kemp" and "Dr. Kemp" are one man; "Mrs. Hall" and "Miss Hall" two women
            key = (word, "M" if gender == "M" else title)
            target = by_title_word.get(key)
            if target is None:
                target = by_title_word[key] = _Person(words, gender)
                people.append(target)
        target.forms[form] += counts[form]
        target.spoke += spoke[form]
        target.title_gender = target.title_gender or gender
    # a title that says no gender ("Dr. Kemp", "Professor Kemp") is the one man of that
    # surname ("Mr. Kemp"), whichever form came first
    for (word, title), person in list(by_title_word.items()):
        man = by_title_word.get((word, "M"))
        if title != "M" and not person.title_gender and man is not None and man is not person:
            man.absorb(person)
    people[:] = [p for p in people if p.forms]
    described = {p.words[-1]: p for p in people if p.words[0] == "the" and len(p.words) == 2}

    def told_bare(form: str) -> bool:
        """The narration calls them by this word alone, not only as the end of a longer name."""
        return any(not re.search(r"[A-Z][\w'’.-]*\s+$", t[max(0, m.start() - 30):m.start()])
                   for t in told for m in re.finditer(rf"\b{re.escape(form)}\b", t))

    for form in singles:
        if form in described:       # "Grandmother" and "the Grandmother"
            described[form].forms[form] += counts[form]
            described[form].spoke += spoke[form]
            continue
        # (or the first word of another full name they go by: "Kit" of "Kit Lacey"; not "Ba" of "Ba Noi", the grandmother)
        # (not "Mrs. Chidi Nwankwo", the bride, of "Chidi", the groom)
        as_first = [p for p in people if not p.words[0] == "the" and len(p.words) >= 2 and " ".join(p.words) not in FAMILY_NAMES
                    and (p.words[0] == form or any(f.split()[0] == form and len(f.split()) >= 2 and not _split_title(f)[0]
                                                   for f in p.forms))
                    and not (p.title_gender == "F" and first_name_gender(form) != "F"
                             and all(_split_title(f)[0] in ("Mrs", "Mme") for f in p.forms if form in f.split()))]
        as_last = [p for p in people if not p.words[0] == "the" and p.words[-1] == form]
        as_last = [p for p in as_last if p not in as_first]
        # ("Mama Tobi" all chapter and "Tobi" her son: a parent named for a child is not the child)
        as_last = [p for p in as_last if not (first_name_gender(form) and all(
            _split_title(f)[0] in _PARENT_OF for f in p.forms if form in f.split()))]
        if as_last and as_first and max(p.count for p in as_first) < 3:
            as_first = []       # "Archer Madeira" twice says less than "Newland Archer" fifty times
        same_word = [p for p in as_last if p.words == (form,)]
        if len(as_first) == 1 and same_word and len(same_word) == len(as_last) and first_name_gender(form) \
                and all(p.title_gender in ("", as_first[0].listed_gender) for p in same_word):
            # "Mr. Robert" is Robert Lebrun when Robert is a first name: fold him in
            for p in same_word:
                as_first[0].absorb(p)
            people[:] = [p for p in people if p.forms]
            as_last = []
        owners = as_first + as_last
        if len(owners) == 1 and owners[0].title_gender and not as_first \
                and pronoun_gender(form) not in (owners[0].title_gender, "U", ""):
            # "Halloran himself stood at the urns": the bare surname prose calls "he" is not
            # Mrs. Halloran, the one it has a title for, but her husband
            target = _Person((form,), "")
            people.append(target)
        elif len(owners) == 1:
            target = owners[0]
        elif as_first and not as_last:
            target = max(as_first, key=lambda p: p.count)     # a first name: the one named most
        elif not as_first and len(as_last) > 1 and len(said := [p for p in as_last if len(p.words) >= 2
                                                                and p.listed_gender == pronoun_gender(form)]) == 1:
            # "Marr allowed herself a smile": the bare surname is whom its pronouns say, the
            # captain and not her brother
            target = said[0]
        elif not as_first and len(men := [p for p in as_last if len(p.words) >= 2 and p.title_gender != "F"
                                          and first_name_gender(p.words[0]) != "F"]) >= 1 and \
                (len(men) == 1 or len(mister := [p for p in men if p.title_gender == "M"]) == 1):
            # narration calls a man by his bare surname ("said Archer"), not his mother or sister;
            # of two men, the one it also calls "Mr." ("Mr. Thorne", "said Thorne")
            target = men[0] if len(men) == 1 else mister[0]
        elif not as_first and len(mister := [p for p in as_last if p.title_gender == "M"]) == 1 \
                and not any(len(p.words) >= 2 and first_name_gender(p.words[0]) != "F" for p in as_last):
            target = mister[0]      # "Kemp" is Dr. Kemp, not Mrs. Kemp
        elif owners and not as_first and not told_bare(form) and (known := introduced(form, as_last)) is not None \
                and len(known.words) >= 2 and all(min(at for f in p.forms for at in where.get(f, [len(text)])) > where[form][0]
                                                  for p in as_last if p is not known):
            target = known      # "Kowalczyk!" a line after "Teresa Kowalczyk", long before her mother, Mrs. Kowalczyk
        elif owners and (counts[form] < 3 or told_bare(form)):
            continue     # a surname or first name two people share says nothing alone (but one only ever
        else:            # said to someone, "Coulson!", is whom it is said to: a person until they are known)
            target = _Person((form,), "")
            people.append(target)
        target.forms[form] += counts[form]
        target.spoke += spoke[form]
    return people

