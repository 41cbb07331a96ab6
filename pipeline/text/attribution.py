"""Who says each quote: quote detection and speaker attribution for prose, in plain Python.

The rules are a reader's, applied from the surest to the weakest (each quote records which
one decided it, as `basis`):

1. tag: a speech tag next to the quote names the speaker, in any order ("said Mara", "Mara
   said", "she asked", "said the old man", "said his wife"); a pronoun is the first character
   of its gender in the nearest sentence before it, or in an exchange the one whose turn it is;
   untagged quotes in a tagged paragraph share its speaker. A tag that names no one but
   "he"/"she" records `pronoun`, and a near tie (two people of that gender in the sentence
   the pronoun leans on) marks the quote `check`.
2. continued: a paragraph that reopens speech left open in the previous one goes on with it.
3. lead-in: narration ending "Mr. Bennet coolly observed," introduces the next paragraph.
4. beat: the character acting in the paragraph's narration ("Mara grinned. ...").
5. turns: in a run of dialogue the person just addressed by name answers, and speakers
   alternate with the anchored paragraphs two before or after, forward and backward; when
   these clues name different people the quote is marked `check`.
6. scene: a bare quote after narration is spoken by whom that narration ended on; `check`.
7. guess: the most recently mentioned character who did not just speak; always `check`.
8. ranked: lines decided by rules 5 to 7 get a second look from a model trained on the
   development novels (ranking.py), which may give them to another person at hand; `check`.

Rules 5 to 7 live in turns.py; reading a tag, a subject or a pronoun is reader.py's.

Names inside a quote are the people spoken to, never the speaker; a tag that says only "she"
rules out every man. Quoted titles and words ("mention") and indented verse or letters
("block") are found but are not utterances.
"""
from __future__ import annotations

import bisect
import functools
import re

from pipeline.text.cast import discover_characters
from pipeline.text.narrator import _TURNS_TO_ME, NARRATOR_ALIASES, first_person_narrator
from pipeline.text.addressed import ASKED_AFTER, self_named, spoken_of, vocatives
from pipeline.text.names import Character, _Names, _gender_of_phrase, _split_title, load_characters
from pipeline.text.called import name_given_in_answer
from pipeline.text.strangers import NAME_ASKED, answered_with_name, name_the_strangers
from pipeline.text.quotes import (ADVERBS, SALUTATION, SPEECH_VERBS, THOUGHT_VERBS, Quote, _scan_quotes, find_quotes,
                                  mend_apostrophes, quoted_mention, set_apart_paragraphs, letter_paragraphs, split_paragraphs,
                                  unsaid, reported_speech)
from pipeline.text.ranking import load_weights, rank_speakers
from pipeline.text.reader import _Reader, _Who
from pipeline.text.tag_words import _VERB_RE
from pipeline.text.turns import Paragraph, take_turns
from pipeline.text.said_next import newcomers_answered_by_name, said_it_next

__all__ = ["Character", "Quote", "attribute", "discover_characters", "find_quotes",
           "load_characters", "split_paragraphs"]

# a sentence or clause of narration; "Mrs." and "Dr." do not end one
# a sentence that opens on someone doing something now: "Then Jess Adair, who was sitting next to me, elbowed me"
# (not "Mara had gone to town an hour before", "My aunt was dancing opposite Chief Okafor")
_ACTS_NOW = re.compile(r"^\W*(?:(?:Then|And|Now|So|But|Suddenly)\s+)?(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))?"
                       r"(?:,[^,.;]{1,90},)?\s+(?:\w+ly\s+)?(?!(?:had|has|was|were|is|are|would|could|might|should)\b)[a-z]+(?:ed|s)\b")
_HEARD = re.compile(r"\b(?:I|[Ww]e)\s+(?:\w+\s+)?(?:heard|hear|could\s+hear|can\s+hear)\s+(her|him|[A-Z][a-z]+)\b(?!['’]s)")
_CLAUSE = re.compile(r"(?:[^.!?;]|(?<=\b(?:Mr|Ms|Dr|St))\.|(?<=\bMrs)\.)+(?:[.!?;]+|$)")
# a letter's own words after the narration has it opened: `broke the seal and read it. "Dear Miss Fenwick, ..."`
_SALUTED = re.compile(SALUTATION + r"[,:—-]")
_LETTER_WORDS = re.compile(r"\b(?:letter|note|card|telegram|envelope|seal|read|reads|reading)\b", re.IGNORECASE)
_SILENT = re.compile(r"\b(?:said|answered|replied)\s+(?:nothing|that)\b|\bmade\s+no\s+(?:answer|reply)\b|"
                     r"\b(?:was|remained|kept)\s+silent\b|\bdid\s+not\s+(?:answer|reply|speak)\b", re.IGNORECASE)
_ASSENTED = re.compile(r"\b(?:agreed|assented|acquiesced|consented|bowed)\b", re.IGNORECASE)
# a question told without its words: "Emma was obliged to ask what they had told her"
# someone overheard, named as the object of "heard": "I heard him say, quietly,"
_HEARD_SAY = re.compile(r"\b(?:heard|hear|hears|could\s+hear)\s+(him|her)\s+(say|says|said|ask|asks|call|calls|shout|shouts|"
                        r"murmur|murmurs|whisper|whispers|mutter|mutters|tell|tells)\b[^\"“”]{0,40}$")

_ASKED_UNSAID = re.compile(r"\b(?:ask|asked|enquired|inquired)\s+(?:him\s+|her\s+|them\s+)?(?:what|whether|how|why|who|where|when)\b",
                           re.IGNORECASE)
_READ_OUT = re.compile(r"\b(?:read|reads|wrote|writes|ran|runs|written)(?:\s+(?:as\s+follows|thus|aloud))?\s*:\s*$")


def attribute(text: str, characters: dict[str, Character] | None = None) -> list[Quote]:
    as_written = text
    quotes, groups, reader = read_speakers(text, characters)
    rank_speakers(reader, quotes, groups, _weights())
    _number_utterances(reader.text, quotes, split_paragraphs(reader.text))
    if as_written is not reader.text:
        for quote in quotes:
            quote.text = as_written[quote.start:quote.end]
    return quotes


@functools.cache
def _weights():
    return load_weights()


def read_speakers(text: str, characters: dict[str, Character] | None = None) -> tuple[list[Quote], list[Paragraph], _Reader]:
    """The quotes with the rules' speakers, the paragraphs they fall in and the reader that
    read them (for ranking.py's second look)."""
    text = mend_apostrophes(text)
    characters = characters if characters else discover_characters(text)
    scanned = _scan_quotes(text)
    spans = [(start, end) for start, end, _ in scanned]
    characters = name_the_strangers(text, spans, characters)
    names = _Names(characters)
    narrator = next((main for main, c in characters.items()
                     if {a.lower() for a in c.aliases} & {"narr", "_narr", *(n.lower() for n in NARRATOR_ALIASES)}), "") \
        or first_person_narrator(text, spans, names)
    reader = _Reader(text, characters, narrator)
    paragraphs = split_paragraphs(text)
    blocks = set_apart_paragraphs(text, paragraphs) | letter_paragraphs(text, paragraphs, spans)
    quotes: list[Quote] = []
    closed: list[bool] = []
    groups: list[Paragraph] = []
    span_index = 0
    for number, (a, b) in enumerate(paragraphs):
        inside = []
        while span_index < len(scanned) and scanned[span_index][0] < b:
            if scanned[span_index][0] >= a:
                inside.append(scanned[span_index])
            span_index += 1
        speech = []
        for start, end, is_closed in inside:
            if quoted_mention(text, start, end):
                quotes.append(Quote(start, end, text[start:end], "", "mention"))
                closed.append(is_closed)
                continue
            speech.append(len(quotes))
            # a letter or note read out (`opened the envelope and read: "..."`) is written, not said
            written = _READ_OUT.search(text, max(0, start - 60), max(0, start - 1)) is not None \
                or (_SALUTED.match(text, start, end) is not None and _LETTER_WORDS.search(text, a, start) is not None)
            kind = "block" if number in blocks or written else "unsaid" if unsaid(text, start, end) \
                else "reported" if reported_speech(text[start:end]) else "speech"
            quotes.append(Quote(start, end, text[start:end], "", kind))
            closed.append(is_closed)
        # narration mentions (outside speech) feed pronoun resolution
        cursor = a
        for index in speech:
            reader.read_narration(cursor, max(cursor, quotes[index].start - 1))
            cursor = quotes[index].end + 1
        reader.read_narration(min(cursor, b), b)
        if speech:
            group = Paragraph(speech, span=(a, b))
            group.opens = not text[a:quotes[speech[0]].start - 1].strip()
            group.runs_on = not closed[speech[-1]]
            previous = groups[-1] if groups else None
            reader.addressed = previous.addressed or set() if previous else set()
            two_back = groups[-2] if len(groups) >= 2 else None
            reader.turn = two_back.speaker if (two_back is not None and two_back.quotes and previous.quotes and
                                               previous.speaker and previous.speaker != two_back.speaker) else ""
            reader.paragraph_start = a
            # narration after the last paragraph's speech and its tag may bring someone in
            said = [max((quotes[i].end, *(quotes[i].tag_span or ()))) for g in groups[-1:] for i in g.quotes
                    if quotes[i].kind == "speech"]
            reader.narrated_from = max(said) if said else a
            _read_paragraph(reader, text, a, b, quotes, group, groups)
            for index in speech:
                if quotes[index].tag_span and quotes[index].basis == "pronoun" and quotes[index].speaker:
                    reader.settle(quotes[index].tag_span, quotes[index].speaker)
            # `"Certainly," he replied. Elizabeth hoped she had silenced him; but he soon afterwards said,`
            # introduces the next paragraph's speech as narration alone would
            last = quotes[speech[-1]]
            after = max((last.end + 1, *(last.tag_span or ())))
            group.lead = reader.lead_in(after, b) if re.search(r"\w", text[after:b]) else ""
            # `"Ah! Now--" The Invisible Man stood up and began to pace.`: whom the narration after the
            # speech ends on, for a bare quote next
            trailing = [m for m in _CLAUSE.finditer(text, after, b) if re.search(r"[A-Za-z]{2}", m.group(0))]
            group.subject = reader.subject(trailing[-1].start(), trailing[-1].end()) if trailing else ""
            groups.append(group)
        else:
            last = list(_CLAUSE.finditer(text[a:b]))
            subject = reader.subject(a + last[-1].start(), a + last[-1].end()) if last else ""
            heard = _HEARD.search(last[-1].group(0)) if last else None
            if heard:
                # ("It was Nan who said something to him. I heard her as we squelched off": the one heard speaks next)
                word = {"her": "she", "him": "he"}.get(heard.group(1).lower())
                subject = (reader.pronoun(word, a + last[-1].start() + heard.start(1)) if word
                           else reader.names.lookup(heard.group(1))) or subject
            # "He was silent.", "Bingley replied that he did.": an answer without its words, so
            # the next bare quote is not theirs
            said = last and (_SILENT.search(last[-1].group(0)) or _ASSENTED.search(last[-1].group(0)))
            pronoun = re.match(r"\W*(he|she)\b", last[-1].group(0), re.IGNORECASE) if said and not subject else None
            if pronoun and groups and groups[-1].quotes:
                # "He readily agreed to it." after "..., Mr. Bingley, ...": the one just spoken to
                gender = _gender_of_phrase(pronoun.group(1))
                spoken_to = [m for m in groups[-1].addressed or () if reader.genders.get(m) == gender]
                subject = spoken_to[0] if len(spoken_to) == 1 else ""
            # (unless they speak after all: "Syme was silent for a moment, then he said")
            answered = subject if said and not _VERB_RE.search(last[-1].group(0), said.end()) else ""
            answered = answered or (subject if last and _ASKED_UNSAID.search(last[-1].group(0)) else "")
            # ("He goes, and a minute later Mr Pargeter comes in. ... He stops by our table" / "Miss Carrow."): the one
            # just come in speaks next, whoever the narration ends on
            # (not "He took his feet down when Ray came in": the one in the main clause acts)
            came = [m for m in _COMES_IN.finditer(text, a, b) if not re.search(
                r"\b(?:when|as|while|before|after|until|till|once|since|if)\s+$", text[max(a, m.start() - 8):m.start()])]
            newcomer = reader.names.lookup(came[-1].group(1) or came[-1].group(2)) if came else ""
            named = {main for _, _, main in reader.names.mentions(text, a + last[-1].start(), a + last[-1].end())} if last else set()
            groups.append(Paragraph([], subject="" if answered else subject, subject_alone=(named == {subject} and bool(_ACTS_NOW.match(last[-1].group(0))))
                                    or bool(heard and subject), lead=reader.lead_in(a, b),
                                    answered=answered, span=(a, b), listening=_LISTENING.match(text, a, b) is not None,
                                    newcomer=newcomer if not answered else ""))
    newcomers_answered_by_name(reader, quotes, groups)
    said_it_next(reader, quotes, groups)
    take_turns(reader, quotes, groups)
    return quotes, groups, reader


# A call heard from one end: `"How many still out?"` / `Another pause.` or `He listened again.` / `"Okay."`:
# the other voice is never heard, so whoever spoke before the pause speaks again
_LISTENING = re.compile(r"\W*(?:(?:another|a|there\s+was\s+a|then\s+a)\s+(?:long\s+|short\s+|brief\s+)?pause\b|"
                        r"(?:he|she)\s+listen(?:ed|s)\b)", re.IGNORECASE)


def _number_utterances(text: str, quotes: list[Quote], paragraphs: list[tuple[int, int]]) -> None:
    """Pieces of one utterance split by a speech tag share a quote_id: `"Long enough," he said,
    "to know."` is one line."""
    starts = [a for a, _ in paragraphs]
    quote_id, previous, previous_paragraph = 0, None, -1
    for quote in quotes:
        paragraph = bisect.bisect_right(starts, quote.start) - 1
        joined = (previous is not None and paragraph == previous_paragraph and previous.kind == quote.kind
                  and previous.speaker == quote.speaker and quote.text[:1].islower()
                  and not re.search(r"[.!?]\W*$", previous.text))
        if not joined:
            quote_id += 1
        quote.quote_id = quote_id
        previous, previous_paragraph = quote, paragraph


# who someone else is, not "Who are you?" / "Who's this?", which the answer's own name answers
_WHO_ASKED = re.compile(r"\b[Ww]ho(?:m|se)?\b(?!\s+(?:are|r)\s+(?:you|ye|ya)\b|(?:['’]s|\s+is|\s+was)\s+(?:this|that|it|there|"
                        r"speaking|calling)\b|\s+am\s+I\b)[^.!?\"“”]*\?\W*$")
_COMES_IN = re.compile(r"\b((?:(?:Mr|Mrs|Ms|Miss|Dr|Captain|Father|Sister)\.?\s+)?[A-Z][\w'’-]+)\s+(?:comes|came|walks|walked|"
                       r"strolls|strolled|hurries|hurried|bursts|burst)\s+in\b|\b((?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'’-]+)\s+"
                       r"(?:arrives|arrived|appears|appeared)\b(?!\s+(?:to|at\s+the\s+(?:door|window)))")
_FULL_NAME_FIRST = re.compile(r"\s*((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+)\.(?:\s|$)")
_HAND_OUT_AFTER = re.compile(r"[\"”’']?\s*(?:[A-Z][a-z]+|I|He|She)\s+(?:held|put|stuck|thrust|offered|extended)\s+"
                             r"(?:out\s+)?(?:my|her|his)\s+(?:[a-z]+\s+)?hand\b")
_HAND_OUT = re.compile(r"\b(?:held|put|stuck|thrust|offered|extended)\s+(?:out\s+)?(?:her|his)\s+(?:[a-z]+\s+)?hand\b"
                       r"[^.!?\"“”]*[.!?]?\s*$")


# a parent called by what their children call them, as a vocative
_FATHER_CALLS = ("papa", "pa", "father", "dad", "daddy")
_PHONE_ANSWERED = re.compile(r"\b(?:lift(?:s|ed)?|pick(?:s|ed)\s+up|snatch(?:es|ed)\s+up|grab(?:s|bed)|answer(?:s|ed))"
                             r"\s+(?:the\s+)?(?:receiver|phone|telephone|handset)\b[^\"“”‘']*[\"“‘']?$")
_KIN_CALLED = re.compile(r"(?:^|[,!?;.]\s*|\b(?:dear|dearest)\s+)(papa|pa|father|dad|daddy|mamma|mama|mother|mum|mummy|mammy|mam|mommy|"
                         r"mom|ma)\s*(?:[,.!?;—-]|$)", re.IGNORECASE)


# What may follow one's own name, said and broken by the tag: a condition or a courtesy, not a verb
_SPOKEN_OF_NEXT = re.compile(r"\W*(?:(?:That|This)\s+(?:woman|man|girl|boy|lady|fellow|old)\b|(?:She|He|Her|His)\b)")
_CLAUSE_AFTER_NAME = re.compile(r"\W*(?:if|and|but|please|thanks|thank|since|seeing|for\s+the|in\s+case)\b")


# a voice heard before it is known whose: the end of the paragraph before a line of its own
_A_VOICE = re.compile(r"\b(?:a|the)\s+(?:[\w-]+\s+){0,2}voice\b[^.!?\"“”‘’]*[.:!?]?\s*$", re.IGNORECASE)
_IT_WAS = re.compile(r"\s*It\s+(?:was|is)\s+")
_ON_THE_LINE = re.compile(r"\b([A-Z][a-z]+)(?:['’]s|\s+is|\s+was)\s+on(?:\s+the\s+(?:phone|line|speaker))?(?=[.,!?;]|\s+(?:for|and|now|again)\b)")


# the verb a name broken off by the tag is the subject of ("'Wullie Kerr,' said Mum, 'is a lazy old sod'"; not "'Miss
# Sophia,' said Sir Roland, 'you are grown'")
_GOES_ON_ABOUT = re.compile(r"\W*(?:is|was|has|had|will|would|can|could|does|did|must|should|may|might|never|always|"
                            r"isn['’]t|wasn['’]t|hasn['’]t|hadn['’]t|won['’]t|can['’]t|doesn['’]t|didn['’]t|"
                            r"(?!need|feed|bleed|speed)[a-z]+ed|says|knows|thinks|wants|lives|works|used)\b")


_MY_PHONE = re.compile(r"\b[Mm]y\s+(?:phone|mobile|cell|cellphone)\s+(?:\w+\s+)?(?:buzzes|buzzed|rings|rang|goes|went|vibrates|vibrated|"
                       r"lights\s+up|lit\s+up|is\s+ringing|was\s+ringing|is\s+buzzing|was\s+buzzing)\b")
_INTRODUCED_MYSELF = re.compile(r"\b(?:I['’]m|I\s+am|[Mm]y\s+name['’]s|[Mm]y\s+name\s+is)\s+[A-Z]")


def _read_paragraph(reader: _Reader, text: str, a: int, b: int, quotes: list[Quote], group: Paragraph,
                    groups: list[Paragraph]) -> None:
    """Tags, continued speech and action beats: what one paragraph says about its speaker."""
    indices = group.quotes
    addressed = set()
    for position, index in enumerate(indices):
        # ("'Wullie Kerr,' said Mum, 'is a lazy old sod'": the name the sentence goes on about, not one called)
        said_of = re.fullmatch(r"\W*[A-Z][\w'’. -]*,\W*", quotes[index].text) and position + 1 < len(indices) \
            and _GOES_ON_ABOUT.match(quotes[indices[position + 1]].text)
        # ('"I'm Dana, by the way." / ... He squeezes my elbow. "Marcel.": a name given back for the one given)
        given_back = indices[0] > 0 and re.fullmatch(r"\W*[A-Z][\w'’-]+[.!]?\W*", quotes[index].text) \
            and _INTRODUCED_MYSELF.search(quotes[indices[0] - 1].text)
        addressed |= set() if said_of or given_back else vocatives(quotes[index].text, reader.names)
    # ('She looks at me over her glasses. "You've got seven-four-one tonight."': said to the teller, who answers next)
    if reader.narrator and any(_TURNS_TO_ME.search(text, x, y) for x, y in zip(
            [a, *(quotes[i].end + 1 for i in indices)], [*(quotes[i].start - 1 for i in indices), b])):
        addressed.add(reader.narrator)
    group.addressed = addressed
    tagged: dict[int, _Who] = {}
    # where the narration after each quote ends: at the next quote, or the paragraph's end
    ends = [quotes[index].start - 1 for index in indices[1:]] + [b]
    for position, index in enumerate(indices):
        quote = quotes[index]
        after_end = ends[position]
        before_start = quotes[indices[position - 1]].end + 1 if position else a
        # not one the quote speaks to, nor one it speaks of ("That Anne-girl improves all the
        # time," she said): everyone it names but the one naming themself
        exclude = spoken_of(quote.text, reader.names)
        if index and (given := name_given_in_answer(quotes[index - 1].text, quote.text)):
            exclude -= {reader.names.lookup(given)}
        reader.tie = False
        who = reader.tag_after(min(quote.end + 1, after_end), after_end, exclude)
        # after a finished sentence, `She said it to the Knave.` starts a new one: a tag
        # before the quote is then the better evidence
        ended = re.search(r"[.!?][_*]?$", quote.text) is not None
        capital = re.match(r"[\s\"”’']*(He|She)\b", text[quote.end:after_end]) is not None
        if who is None or (ended and capital):
            before = reader.tag_before(before_start, max(before_start, quote.start - 1), exclude)
            # ("and I heard him say, quietly, "Lou, it's Chidi."": the one heard, not "I")
            if (heard := _HEARD_SAY.search(text, before_start, max(before_start, quote.start - 1))) \
                    and (one := reader.pronoun("he" if heard.group(1) == "him" else "she", heard.start(1))):
                before = _Who(one, heard.group(2), "", heard.span())
            if before is not None or (ended and capital):
                who = before
        shared = tagged.get(position - 1)
        if who is not None and shared is not None and shared.span and who.span \
                and who.span[0] < shared.span[1] and shared.span[0] < who.span[1]:
            # `"Not at all," he replied; "they were..."`: one tag between two pieces, one speaker
            who = shared
        elif shared is not None and shared.speaker and quote.text[:1].islower() and \
                re.search(r",\W*$", text[quotes[indices[position - 1]].end:quote.start]):
            # `"Three-and-twenty!" cried Thorpe, "five-and-twenty if it is an inch." Morland
            # remonstrated`: the sentence the tag broke goes on in Thorpe's mouth
            who = shared
        if who is not None:
            tagged[position] = who
            verb = who.verb.lower()
            quote.direction = ADVERBS.get(who.adverb, SPEECH_VERBS.get(verb.split()[0]))
            quote.kind = "thought" if verb in THOUGHT_VERBS and quote.kind == "speech" else quote.kind
            quote.tag_span = who.span
            if who.speaker:
                quote.speaker = who.speaker
                tag = text[who.span[0]:who.span[1]] if who.span else ""
                named = bool(reader.names.mentions(tag)) if tag else False
                quote.basis = "tag" if named or not re.search(r"\b(he|she)\b", tag, re.IGNORECASE) else "pronoun"
                quote.check = quote.basis == "pronoun" and reader.tie
    asked = groups[-1] if groups and groups[-1].quotes else None
    # ("Lloyd. Gethin Lloyd. Council flood officer." / "Nell Garside.": one introduction answers another)
    last = quotes[asked.quotes[-1]] if asked is not None else None
    introduced = last is not None and (bool(self_named(last.text, reader.names)) or (
        bool(last.speaker) and answered_with_name(last.text, reader.names) == last.speaker))
    asked_name = last is not None and (NAME_ASKED.search(last.text) is not None or introduced)
    for position, index in enumerate(indices):
        # "I am Dr. Okafor": the speaker names themself; a tag that names someone else still wins
        named = self_named(quotes[index].text, reader.names)
        if named and re.search(rf"\b{re.escape(named.upper())}\b", text[max(0, quotes[index].start - 400):quotes[index].start]) \
                and not re.search(r"\b(?:I['’]m|I\s+am|[Mm]y\s+name|[Nn]ame['’]s|[Cc]all\s+me)\b", quotes[index].text):
            addressed.add(named)    # ("...the name tag pinned to his chest: EARL WASHBURN." / "Earl. Earl Washburn.": read
            named = ""              # off it, and said to him)
        if not named and position + 1 < len(indices) and any(
                not quotes[index].text[:a].strip() and re.fullmatch(r"[\s,.]*", quotes[index].text[b:])
                for a, b, _ in reader.names.mentions(quotes[index].text)):
            # a name alone, then the rest after the tag: `"Mr. Thaddeus Sholto," said the little
            # man. "That is my name."`
            named = self_named(quotes[index].text.rstrip() + " " + quotes[indices[position + 1]].text, reader.names)
        if not named and position == 0 and (asked_name or _PHONE_ANSWERED.search(
                text, max(0, quotes[index].start - 300), quotes[index].start)):
            # "And your name?" / "Nico." : a name said alone in answer is the one answering, as
            # is one's own name said into a telephone just picked up ("...lifted the receiver." "Baird.")
            named = answered_with_name(quotes[index].text, reader.names)
            given = _FULL_NAME_FIRST.match(quotes[index].text) if introduced and not named else None
            if given and not _split_title(given.group(1))[0] and not ASKED_AFTER.match(quotes[index].text, given.end(1)):
                # "Iris Pollard. Sit down, Mr. Pennick.": the whole name opening the answer, as its own sentence
                named = reader.names.lookup(given.group(1))
            if introduced and named and named in (last.speaker, self_named(last.text, reader.names)):
                named = ""      # ("Devane. Rosalind Devane." / "Miss Devane.": her name said back to her)
        who = tagged.get(position)
        if not named and who is not None and who.gender and quotes[index].text.rstrip().endswith(","):
            # `"Gerald Fairweather," he said. "You've saved our bacon."`: one's own full name, said
            # alone by a "he", is an introduction (a scolding "Gerald Fairweather!" is not so calm)
            whole = answered_with_name(quotes[index].text, reader.names)
            # (not `"Lady Catherine de Bourgh," she replied, "has very lately given him a living"`)
            following = quotes[indices[position + 1]] if position + 1 < len(indices) else None
            # (but `"Margaret Ridley," she says, "if you're writing it down properly"` gives her name)
            goes_on = following is not None and (following.text[:1].islower() or not re.search(
                r"[.!?]", text[quotes[index].end:following.start])) and not _CLAUSE_AFTER_NAME.match(following.text)
            # (nor `"Ngozi Okafor," she said softly. "That woman never could leave a thing alone."`)
            goes_on = goes_on or (following is not None and _SPOKEN_OF_NEXT.match(following.text) is not None)
            # (and "Mr James," he said, is said to Mr James: one gives one's name without a title)
            title, words = _split_title(quotes[index].text.strip(" ,"))
            # (nor `Funke runs ahead of me. ¶ Mummy Adeyemi ... ¶ "Funke Akinola," she says to the wall`:
            # one the story already knows well, shown there just before, is being called by the other
            # the "she" stands for)
            since = groups[-3:][0].span[0] if groups else a
            known_well = sum(main == whole for at, main in reader.events if at < a) >= 3
            there = known_well and who.speaker != whole and any(main == whole for at, main in reader.events
                                                                if since <= at < a)
            if whole and not goes_on and not title and len(words) >= 2 and reader.genders.get(whole) == who.gender \
                    and quotes[index].basis == "pronoun" and not there:
                named = whole
        if not named:
            # `"Stan Pugh. Write that down, love."`: a full name the story has never written before,
            # said as a sentence of its own, is the speaker giving it
            # (not `"Desmond Pryce. Lives on Tanner Street."`: the next sentence talks of him)
            first = re.match(r"\s*((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+)\.\s+"
                             r"(?!(?:He|She|His|Her|Him|They|Their|(?!Thanks\b)[A-Z][a-z]+s)\b)", quotes[index].text)
            # (nor the answer to "Who found him?": "Colin Tait. A roustabout.")
            who_asked = last is not None and position == 0 and _WHO_ASKED.search(last.text) is not None
            who_named = reader.names.lookup(first.group(1)) if first and not who_asked \
                and not ASKED_AFTER.match(quotes[index].text, first.end(1)) else ""
            character = reader.names.characters.get(who_named)
            if character is not None and not _split_title(first.group(1))[0] and all(
                    re.search(rf"\b{re.escape(alias)}\b", text[:quotes[index].start]) is None
                    for alias in (who_named, *character.aliases) if len(alias) > 2):
                named = who_named
        if not named and len(indices) == 1 and _A_VOICE.search(text, max(0, a - 300), a) \
                and not text[a:quotes[index].start].strip(" \t\n\"“‘'"):
            # "...the letterbox went up and a voice came through it." / "Theresa? It's only me." / "It was Mrs
            # Gallacher from across the landing.": the voice is the one the next paragraph says it was
            said = _IT_WAS.match(text, b)
            named = next((main for at, _, main in reader.names.mentions(text, said.end(), said.end() + 60)
                          if at == said.end()), "") if said else ""
            # (or the one said to be on the phone: "Glen's on." ... "taps the speaker, and the voice that comes out of it")
            on = [m for m in _ON_THE_LINE.finditer(text, max(0, a - 600), a)] if not said else []
            named = named or (reader.names.lookup(on[-1].group(1)) or "" if on else "")
        after_end = ends[position]
        if not named and (_HAND_OUT.search(text, quotes[indices[position - 1]].end if position else a,
                                           max(a, quotes[index].start - 1))
                          or _HAND_OUT_AFTER.match(text, quotes[index].end + 1, max(quotes[index].end + 1, after_end))):
            # `She held out her other hand awkwardly. "Mrs. Ingram."`: a name with a handshake is one's own
            # (`"Tom Pennick." I held out my hand`)
            named = answered_with_name(quotes[index].text, reader.names)
        if named and (who is None or not who.speaker or quotes[index].basis == "pronoun") \
                and (who is None or not who.gender or reader.genders.get(named, "U") in (who.gender, "U")):
            quotes[index].speaker, quotes[index].basis, quotes[index].check = named, "tag", False
            tagged[position] = _Who(named, who.verb if who else "", who.adverb if who else "", who.span if who else None)
            # and "he" elsewhere in the paragraph is the one who names himself (`"Ah." He nodded.
            # "Brothers is always late." ... "Name's Oakes."`)
            for later in range(len(indices)):
                other = quotes[indices[later]]
                if later == position or later not in tagged:
                    continue
                if other.basis == "pronoun" and tagged[later].gender in ("", reader.genders.get(named, "U")):
                    other.speaker = named
                    tagged[later] = _Who(named, tagged[later].verb, tagged[later].adverb, tagged[later].span)
    known = {p: w.speaker for p, w in tagged.items() if w.speaker}
    for who in tagged.values():
        # `she inquired of Polina`, `said Mrs. Bennet to her husband`: the one spoken to answers next
        spoken_to = _spoken_to(reader, text, who.span, b) if who.span else ""
        if spoken_to and spoken_to != who.speaker:
            addressed.add(spoken_to)
    for position, speaker in known.items():
        # `"... at the Crown, papa"` said by Emma: her father (Mr. Woodhouse) is spoken to
        for call in _KIN_CALLED.finditer(quotes[indices[position]].text):
            if reader.names.lookup(call.group(1).capitalize()):
                continue    # "Mum" is a name of the cast's already: who goes by it is spoken to
            relation = "father" if call.group(1).lower() in _FATHER_CALLS else "mother"
            parent, _ = reader.kin_of(speaker, relation) if speaker in reader.names.characters else ("", False)
            # (when no other of that sex bears the family name: Gran is a Mrs. Pryce as much as Mum)
            family = parent.split()[-1] if parent else ""
            bearers = {main for main, c in reader.names.characters.items() if main != speaker
                       and reader.genders.get(main) == reader.genders.get(parent)
                       and any(len(a.split()) >= 2 and a.split()[-1] == family for a in (main, *c.aliases))}
            if parent and parent != speaker and bearers == {parent}:
                addressed.add(parent)
    group.gender = "" if known else next((w.gender for w in tagged.values() if w.gender), "")
    if calls_me_parent := _calls_me_parent(reader, quotes, indices):
        addressed.add(reader.narrator)

    def fits(name: str) -> bool:
        return bool(name) and name not in addressed and \
            (not group.gender or reader.genders.get(name, "U") in (group.gender, "U"))

    if known:
        group.basis = "tag"
        for position, index in enumerate(indices):
            if not quotes[index].speaker:
                earlier = [p for p in known if p < position]
                source = quotes[indices[max(earlier) if earlier else min(known)]]
                quotes[index].speaker, quotes[index].basis = source.speaker, source.basis
                quotes[index].check = source.check
        group.speaker = quotes[indices[0]].speaker
    else:
        previous = groups[-1] if groups else None
        if previous is not None and previous.runs_on and group.opens and previous.speaker:
            group.speaker, group.basis = previous.speaker, "continued"
        elif previous is not None and group.opens and fits(previous.lead):
            group.speaker, group.basis = previous.lead, "lead-in"
        else:
            said_last = previous.speaker if previous is not None and previous.quotes else ""
            beat = _action_beat(reader, text, a, b, quotes, indices, fits, said_last)
            if beat:
                group.speaker, group.basis = beat, "beat"
            elif previous is not None and not previous.quotes and fits(previous.newcomer) and previous.newcomer != said_last:
                group.speaker, group.basis, group.held = previous.newcomer, "beat", True
            elif (mine := _my_parent_called(reader, quotes, indices)) and mine != said_last and fits(reader.narrator):
                # ("Mummy." to the one the narration calls "my mother": her child, the teller, whoever the
                # narration named last)
                group.speaker, group.basis, group.held = reader.narrator, "turns", True
            elif reader.narrator and previous is not None and not previous.quotes and addressed - {reader.narrator} \
                    and _MY_PHONE.search(text, *previous.span) and fits(reader.narrator):
                # ("My phone buzzes in my jacket." / "Kasia?": the one whose phone it is answers, calling the caller)
                group.speaker, group.basis, group.held = reader.narrator, "turns", True
            elif calls_me_parent and (child := reader.family.child()) and child != said_last and fits(child):
                # ("Mammy? Mammy, you hearing me?" on the phone of the teller who says "My son, Kareem")
                group.speaker, group.basis, group.held = child, "turns", True
            elif previous is not None and previous.answered and len(groups) >= 2 and groups[-2].quotes \
                    and groups[-2].speaker != previous.answered and fits(groups[-2].speaker):
                # and whoever spoke before it goes on
                group.speaker, group.basis, group.held = groups[-2].speaker, "turns", True
            elif previous is not None and fits(previous.subject):
                # `She sat down.` then a bare quote: she speaks, unless turn-taking says otherwise
                group.scene, group.scene_alone = previous.subject, previous.subject_alone
        for index in indices:
            quotes[index].speaker = group.speaker
    if group.speaker:
        reader.adopt(quotes[indices[-1]].start, group.speaker)
        reader.note(quotes[indices[0]].start, group.speaker)
    if len(called := [main for main in group.addressed if main != group.speaker]) == 1:
        # ("a man propped up on four pillows" / "Mask up, please, Mr. Hollis.": the one just brought in is the one called)
        reader.adopt(quotes[indices[0]].start, called[0])
    for index in indices:
        if quotes[index].kind == "speech" and re.fullmatch(r"[*_].*[*_]", quotes[index].text.strip(), re.DOTALL):
            quotes[index].kind = "thought"



def _my_parent_called(reader: _Reader, quotes, indices) -> str:
    """In a story told as "I", the mother or father a bare quote calls "Mum" or "Dad", when the narration says
    "my mother" ("my father") of that one; else ""."""
    for index in indices:
        for call in _KIN_CALLED.finditer(quotes[index].text):
            relation = "father" if call.group(1).lower() in _FATHER_CALLS else "mother"
            parent = reader.names.lookup(call.group(1).capitalize())
            if parent and parent == reader.family.who(relation) and reader.family.told(relation):
                return parent
    return ""


def _calls_me_parent(reader: _Reader, quotes, indices) -> bool:
    """"Mammy, you see my sticks?" in a story told by a mother ("My son, Kareem..."): said to the teller, when no one of the
    cast goes by the word and the teller is of its sex."""
    if not reader.narrator or not reader.family.is_a_parent():
        return False
    calls = {call.group(1).lower() for index in indices for call in _KIN_CALLED.finditer(quotes[index].text)
             if not reader.names.lookup(call.group(1).capitalize())}
    sex = reader.genders.get(reader.narrator, "U")
    return bool(calls) and sex in ("U", "M" if calls <= set(_FATHER_CALLS) else "F") \
        and (calls <= set(_FATHER_CALLS) or not calls & set(_FATHER_CALLS))


def _spoken_to(reader: _Reader, text: str, span: tuple[int, int], b: int) -> str:
    """Whom a tag says the words were said to or asked of, up to the end of its clause."""
    stop = re.compile(r"[\"“”.!?;]").search(text, span[0], min(b, span[1] + 40))
    end = stop.start() if stop else min(b, span[1] + 40)
    for to in re.finditer(r"\b(?:to|of)\s+", text[span[0]:end]):
        who = reader.who_at(span[0] + to.end(), end)
        if who and who[1]:
            return who[1]
    return ""


def _action_beat(reader: _Reader, text: str, a: int, b: int, quotes: list[Quote], indices: list[int],
                 fits, said_last: str = "") -> str:
    """The character acting in the narration next to the quotes: `Mara grinned. "..."`."""
    segments = []
    first, last = quotes[indices[0]], quotes[indices[-1]]
    if first.start - 1 > a:
        segments.append((a, first.start - 1, True))
    for left, right in zip(indices, indices[1:]):
        segments.append((quotes[left].end + 1, quotes[right].start - 1, False))
    if last.end + 1 < b:
        segments.append((last.end + 1, b, False))
    for start, end, is_before in segments:
        if not re.search(r"\w", text[start:end]):
            continue
        sentences = [(start + m.start(), start + m.end())
                     for m in _CLAUSE.finditer(text[start:end])]
        # after the quote only its next clause is a beat of the one who said it; what follows is the story going on
        ordered = reversed(sentences) if is_before else sentences[:1]
        for s, e in ordered:
            if _SILENT.search(text, s, e):
                # "Catherine said nothing", "Elizabeth replied that it was": whoever keeps silent,
                # or whose answer the narration has told, is not who speaks (nor, after the
                # quote, whoever the narration goes on to: `He remained silent. He only said:`)
                if is_before:
                    continue
                break
            subject = reader.subject(s, e)
            # ("Mam, what are you doing up?" / "I can't sleep." She waved the sheet at me.): a bare "she" in the
            # reply is the one just called by name, not the woman named before that
            bare = re.match(r"\W*(He|She)\b", text[s:e])
            called = reader.addressed_one("M" if bare.group(1) == "He" else "F", {said_last}) if bare else ""
            if called and subject != called and not reader.names.mentions(text, a, s) and _called_out(reader, called, quotes[
                    indices[0] - 1].text if indices[0] else ""):
                subject = called
            # `"Then do." She told her and left.`: a "she" after the quote that leans on the
            # woman who spoke last says nothing against turn-taking
            if fits(subject) and not (reader.by_pronoun and subject == said_last and not is_before):
                return subject
    return ""


def _called_out(reader: _Reader, main: str, said: str) -> bool:
    """Whether `said` calls `main` ("Mam, what are you doing up?"), not gives a whole name of theirs as a sentence
    of its own ("Nell Garside. From the Courier.")."""
    given = _FULL_NAME_FIRST.match(said)
    return not (given and reader.names.lookup(given.group(1)) == main)
