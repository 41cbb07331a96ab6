"""Turn-taking in a run of dialogue: paragraphs of speech no tag, lead-in or action beat
attributed get their speaker from the people spoken to by name and from the alternation of
speakers around the anchored paragraphs, else from the scene or a guess (marked `check`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from pipeline.text.names import FAMILY_NAMES, _split_title
from pipeline.text.quotes import Quote, inside_span


# the dead, as the narration tells it: "Ruth had been gone nine years", "the late Mr. Hale" (dead all along), or
# "Ron Pegg died at twenty to four" (from then on)
_DEAD_AFTER = re.compile(r"['’]?s?\s+(?:(?P<long>(?:had|has)\s+(?:been\s+)?(?:dead|gone|died|passed)\s+(?:for\s+|these\s+|nearly\s+|"
                         r"almost\s+)?(?:\w+\s+)?(?:years?|months?|weeks?)\b|was\s+long\s+dead\b)|(?:had\s+)?(?:died|passed\s+away|"
                         r"passed\s+on)\b|(?:was|is)\s+dead\b)")
_DEAD_BEFORE = re.compile(r"\b(?:the\s+late|poor\s+dead|dead)\s+$", re.IGNORECASE)


_DEAD_SINCE: WeakKeyDictionary = WeakKeyDictionary()     # reader -> {character: where the text has them dead}


def departed(reader, quotes: list[Quote], at: int) -> set[str]:
    """The characters the narration says are dead by `at` in the text: a guess never makes them speak.
    (By one of their own names: "I am sure Mrs. Tilney is dead", said by someone, is no narration, and she is not
    Henry Tilney.)"""
    if reader not in _DEAD_SINCE:
        text, since = reader.text, {}
        spans = [(q.start, q.end) for q in quotes]
        starts = [a for a, _ in spans]
        for a, b, main in reader.names.mentions(text):
            if inside_span(a, spans, starts) or text[a:b] not in (main, *reader.names.characters[main].aliases):
                continue
            dead = _DEAD_AFTER.match(text, b)
            if dead or _DEAD_BEFORE.search(text, max(0, a - 12), a):
                since[main] = min(since.get(main, a), 0 if not dead or dead.group("long") else a)
        _DEAD_SINCE[reader] = since
    # (nor one a tag has speak after: "the late Mr. Darcy" is the father of the Mr. Darcy who talks)
    dead = {main: since for main, since in _DEAD_SINCE[reader].items() if since <= at}
    return set(dead) - {q.speaker for q in quotes if q.basis == "tag" and q.speaker in dead and q.start >= dead[q.speaker]}


def _parents_called(reader, quotes: list[Quote], group) -> set[str]:
    """Those the paragraph's speech calls by a family word ("Morning, Dad."): its speaker is their child."""
    return {main for index in group.quotes for a, b, main in reader.names.mentions(quotes[index].text)
            if quotes[index].text[a:b] in FAMILY_NAMES and main in (group.addressed or ())}


def _surnames(reader, name: str) -> set[str]:
    character = reader.names.characters.get(name)
    forms = (name, *character.aliases) if character else (name,)
    found = set()
    for form in forms:
        title, words = _split_title(form)
        if len(words) >= 2 or (title and words):     # "Tess Halloran", "Mr Halloran"
            found.add(words[-1])
    return found


def _of_another_family(reader, name: str, parent: str) -> bool:
    """`name` cannot be the child who calls `parent` "Dad": both surnames are known and differ
    ("Sergeant Okafor" does not call Frank Halloran "Dad")."""
    theirs, parents = _surnames(reader, name), _surnames(reader, parent)
    return bool(theirs) and bool(parents) and theirs.isdisjoint(parents)


def _goes_by_a_family_word(reader, name: str) -> bool:
    character = reader.names.characters.get(name)
    return any(form in FAMILY_NAMES for form in (name, *(character.aliases if character else ())))


def _kin_at_hand(reader, quotes: list[Quote], group, parents: set[str]) -> str:
    """The one person of the scene who shares the surname of the parent the paragraph calls "Dad"."""
    if len(parents) != 1:
        return ""
    parent = next(iter(parents))
    family = _surnames(reader, parent)
    # (not the other parent, nor a grandparent: "It's me, Da." is not said by Maw)
    kin = [c for c in reader.recent(quotes[group.quotes[0]].start, group.gender or None, {parent, *(group.addressed or ())})[:8]
           if family & _surnames(reader, c) and not _goes_by_a_family_word(reader, c)]
    return kin[0] if len(kin) == 1 else ""


@dataclass
class Paragraph:
    quotes: list[int]                   # indices into the quote list
    speaker: str = ""
    basis: str = ""
    addressed: set[str] | None = None
    subject: str = ""                   # for narration: who its last sentence is about
    subject_alone: bool = False         # ...named there by name, and no one else
    lead: str = ""                      # narration (alone or after speech) ending in a lead-in: its speaker
    answered: str = ""                  # for narration that tells an answer without its words: who gave it
    scene: str = ""                     # for speech after narration: whom that narration ended on
    scene_alone: bool = False           # ...and its last sentence named no one else
    gender: str = ""                    # the speaker's, when a tag tells only that
    opens: bool = False                 # its first quote begins the paragraph
    runs_on: bool = False               # its last quote is left open (the speech continues)
    check: bool = False                 # its speaker is a guess or won a near tie
    span: tuple[int, int] = (0, 0)      # the paragraph's place in the text
    held: bool = False                  # a clue the ranking's second look must not overrule
    listening: bool = False             # narration that only pauses or listens ("He listened again.")
    newcomer: str = ""                  # narration in which someone comes in ("a minute later Mr Pargeter comes in")
    carries_on: bool = False            # speech after such a pause: the one before goes on (a call heard from one end)


def take_turns(reader, quotes: list[Quote], groups: list[Paragraph]) -> None:
    """Unattributed paragraphs in a run of dialogue: the person just spoken to answers, and
    speakers take turns, propagated forward and backward from the anchored paragraphs."""
    runs, current = [], []
    paused = False
    # the last speech of the run before, when a single paragraph of narration parts the two
    asked_before: dict[int, Paragraph] = {}
    last, gap = None, 0
    for group in groups:
        if group.quotes:
            if not current and last is not None and gap == 1:
                asked_before[id(group)] = last
            group.carries_on = paused
            current.append(group)
            paused = False
            last, gap = group, 0
            continue
        gap += 1
        if current and group.listening and not paused:
            paused = True       # the run goes on through the pause
        elif current:
            runs.append(current)
            current, paused = [], False
    if current:
        runs.append(current)
    first_named: dict[str, int] | None = None

    def named_first_at(name: str) -> int:
        # (read over the whole text once, and only if a run asks: a novel is long)
        nonlocal first_named
        if first_named is None:
            first_named = {}
            for at, _, main in reader.names.mentions(reader.text):
                first_named.setdefault(main, at)
        return first_named.get(name, len(reader.text))

    for run in runs:
        _take_turns_in_run(reader, quotes, _speeches(run), named_first_at, asked_before.get(id(run[0])))


def _speeches(run: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs that carry one speech on (the first left open, the next reopening it) as one
    turn: a story told over five paragraphs is one speaker's, not five alternating ones."""
    units: list[list[Paragraph]] = []
    for group in run:
        previous = units[-1][-1] if units else None
        speakers = {g.speaker for g in units[-1] if g.speaker} if units else set()
        if previous is not None and (previous.runs_on and group.opens or group.carries_on) \
                and len(speakers | ({group.speaker} if group.speaker else set())) <= 1:
            units[-1].append(group)
        else:
            units.append([group])
    merged = []
    for unit in units:
        if len(unit) == 1:
            merged.append(unit[0])
            continue
        for group in unit:
            group.held = True
        known = next((g for g in unit if g.speaker), None)
        speech = Paragraph([index for g in unit for index in g.quotes],
                           speaker=known.speaker if known else "", basis="continued" if known else "",
                           addressed=set().union(*(g.addressed or set() for g in unit)),
                           scene=unit[0].scene, scene_alone=unit[0].scene_alone, gender=next((g.gender for g in unit if g.gender), ""),
                           opens=unit[0].opens, runs_on=unit[-1].runs_on, check=any(g.check for g in unit))
        merged.append(speech)
    return merged


# "..., sir." / "Yes, madam.": the one who answers is, nine times in ten, a man / a woman
_CALLED_SIR = re.compile(r"(?:^|[,!?;.]\s*|\b(?:dear|my)\s+)(sir|madam|ma['’]am|miss)\s*(?:[,.!?;—-]|$)", re.IGNORECASE)


def _called_gender(quotes: list[Quote], group: Paragraph) -> str:
    found = {"M" if m.group(1).lower() == "sir" else "F"
             for index in group.quotes for m in _CALLED_SIR.finditer(quotes[index].text)}
    return found.pop() if len(found) == 1 else ""


def _take_turns_in_run(reader, quotes: list[Quote], run: list[Paragraph], named_first_at,
                       asked_before: Paragraph | None = None) -> None:
    called = [""] + [_called_gender(quotes, group) for group in run[:-1]]

    parents = {id(group): _parents_called(reader, quotes, group) for group in run}

    def fits(group: Paragraph, name: str, gender: str = "") -> bool:
        gender = group.gender or gender
        return bool(name) and name not in group.addressed and \
            (not gender or reader.genders.get(name, "U") in (gender, "U")) \
            and not any(_of_another_family(reader, name, parent) for parent in parents[id(group)])

    changed = True
    while changed:
        changed = False
        for i, group in enumerate(run):
            if group.speaker:
                continue
            previous = run[i - 1] if i else None
            following = run[i + 1] if i + 1 < len(run) else None
            if kin := _kin_at_hand(reader, quotes, group, parents[id(group)]):
                # ("Morning, Dad." / Frank Halloran came in with the jackaroo: Tess Halloran says it)
                group.speaker, group.basis, group.held, changed = kin, "turns", True, True
                continue
            guesses, answering, answered, asked = [], [], [], []
            if previous:
                # the person just spoken to by name answers
                answering = [m for m in previous.addressed if m != previous.speaker]
                if len(answering) == 1:
                    guesses.append(answering[0])
            # ('"Mammy, you see my sticks?" / Kareem was standing by the tenor rack... / "Where you leave them?"': the
            # one he asked answers, though the narration between is all his)
            asked = [m for m in (asked_before.addressed or ()) if m != asked_before.speaker] \
                if i == 0 and asked_before is not None and asked_before.speaker == group.scene \
                and quotes[asked_before.quotes[-1]].text.rstrip(" ,—-–”’\"'").endswith("?") else []
            if len(asked) == 1:
                guesses.append(asked[0])
            elif i == 0 and group.scene and group.scene_alone:
                # the one the narration just before ended on, acting, named alone ("Then Jess, taping her fingers,
                # elbowed me hard in the ribs." / "Danny. He means you."), opens the run, before any alternation from after
                guesses.append(group.scene)
            if i >= 2 and run[i - 2].speaker != (previous.speaker or None):
                guesses.append(run[i - 2].speaker)
            if i + 2 < len(run) and run[i + 2].speaker != (following.speaker or None):
                guesses.append(run[i + 2].speaker)
            if following:
                # the one the answer calls by name said what it answers
                answered = [m for m in following.addressed if m != following.speaker]
                # but not, for a bare quote when the teller is at hand, someone the story has not
                # brought in yet: `"Tunde, you hear how this boy talk?"` turns to a third person the
                # narration only then describes (strangers may answer to a name: "The two men stayed
                # by the gate.", `The landlady saw us... "Look at the state of you," she said.`)
                start = quotes[group.quotes[0]].start
                unmet = len(answered) == 1 and answered[0] not in FAMILY_NAMES and not group.gender \
                    and reader.narrator in reader.recent(start, limit=10) and named_first_at(answered[0]) > start
                if len(answered) == 1 and not unmet:
                    # a tag that only described the speaker ("said the old man") brings in
                    # someone new: the name the answer calls them outweighs the alternation
                    guesses.insert(0 if group.gender else len(guesses), answered[0])
            fitting = [g for g in guesses if fits(group, g, called[i])]
            if fitting:
                group.speaker, group.basis = fitting[0], "turns"
                # a name called is surer than the alternation the ranking weighs
                called_by_name = (answering if len(answering) == 1 else []) + (answered if len(answered) == 1 else [])
                group.held = group.held or fitting[0] in called_by_name or asked == fitting[:1]
                # the clues disagree: a near tie
                group.check = len(set(fitting)) > 1
                changed = True
    named = [{m for index in group.quotes for _, _, m in reader.names.mentions(quotes[index].text)} for group in run]
    # whoever the conversation talks about ("I'd like to see Brenda") is not in it, unless a tag
    # says they speak
    tagged = {quotes[index].speaker for group in run for index in group.quotes if quotes[index].basis == "tag"}
    spoken_of = set().union(*named) - tagged - {m for group in run for m in group.addressed or ()}
    for i, group in enumerate(run):
        if group.speaker:
            continue
        previous = run[i - 1].speaker if i else ""
        # whoever the quote talks about is not who says it
        exclude = set(group.addressed) | named[i] | spoken_of | ({previous} if previous else set()) \
            | departed(reader, quotes, quotes[group.quotes[0]].start)
        if group.scene and group.scene not in exclude - {previous}:
            # right about half the time on the development novels: a producer should confirm it
            group.speaker, group.basis, group.check = group.scene, "scene", True
            continue
        around = [c for c in reader.recent(quotes[group.quotes[0]].start, group.gender or None, exclude) if fits(group, c)]
        candidates = [c for c in around if fits(group, c, called[i])] or around
        following = run[i + 1].speaker if i + 1 < len(run) else ""
        if reader.narrator and previous and previous == following and previous != reader.narrator \
                and fits(group, reader.narrator, called[i]):
            # (`"Your aunty is happy."` / `"She looks happy."` / `"She is tired," my mother said`: the one "I"
            # talk with on both sides, whoever the narration between named last)
            candidates = [reader.narrator]
        if not candidates and reader.narrator and reader.narrator != previous and fits(group, reader.narrator):
            # nobody else is at hand: the one telling the story is always there
            candidates = [reader.narrator]
        group.speaker, group.basis = (candidates[0] if candidates else ""), "guess"
        group.check = True
    for group in run:
        for index in group.quotes:
            if not quotes[index].speaker:
                quotes[index].speaker = group.speaker
                quotes[index].check = quotes[index].check or group.check
            quotes[index].basis = quotes[index].basis or group.basis
