"""Finding quotes in prose: paragraphs, quote spans in double or single marks, quoted words
that are not speech ("mention") and indented verse or letters ("block"); and the speech verbs
that tag them."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

@dataclass
class Quote:
    start: int             # first character inside the quote marks
    end: int               # just after the last character inside them
    text: str
    speaker: str           # main name, "" when unknown
    kind: str = "speech"   # speech | thought | mention (a quoted word or title) | block (verse, letter) | unsaid | reported
    direction: str | None = None
    quote_id: int = 0      # pieces of one utterance split by a speech tag share an id
    tag_span: tuple[int, int] | None = None
    basis: str = ""        # why this speaker: tag, pronoun, continued, lead-in, beat, turns, scene, guess
    check: bool = False    # a guess or a near tie: a producer should confirm it


# words said to the teller: "Hollis tells me", "she said to me"
TOLD_ME = r"(?:tells|told|asks|asked|(?:says|said|whispers|whispered|calls|called|shouts|shouted)\s+to)\s+me\b"
SPEECH_VERBS = {
    "said": None, "says": None, "say": None, "asked": "ask", "asks": "ask", "replied": None, "answered": None,
    "whispered": "whisper", "whispers": "whisper", "shouted": "shout", "shouts": "shout", "yelled": "shout",
    "screamed": "shout", "bellowed": "shout", "roared": "shout", "called": None, "cried": "excited",
    "exclaimed": "excited", "muttered": "mutter", "mumbled": "mutter", "murmured": "quiet", "snapped": "snap",
    "growled": "angry", "snarled": "angry", "hissed": "angry", "sobbed": "cry", "wept": "cry", "laughed": "laugh",
    "chuckled": "laugh", "giggled": "laugh", "sighed": "sad", "continued": None, "added": None, "began": None,
    "went": None, "thought": None, "wondered": None, "remarked": None, "observed": None, "explained": None,
    "interrupted": None, "insisted": None, "repeated": None, "returned": None, "rejoined": None, "responded": None,
    "demanded": "angry", "pleaded": "sad", "begged": "sad", "stammered": "fear", "breathed": "whisper",
    "agreed": None, "admitted": None, "declared": None, "announced": None, "grumbled": "mutter", "urged": None,
    "told": None, "tells": None, "cries": "excited",
}
ADVERBS = {"quietly": "quiet", "softly": "quiet", "gently": "tender", "sadly": "sad", "angrily": "angry",
           "coldly": "cold", "loudly": "shout", "tiredly": "tired", "nervously": "fear", "excitedly": "excited",
           "sharply": "snap", "tenderly": "tender", "fearfully": "fear", "bitterly": "angry"}
# Manner of speaking, in the past and the present tense (fan fiction is often told in the present).
_MANNER_VERBS = {
    **dict.fromkeys("quavered stuttered croaked rasped wheezed spluttered sputtered stutters croaks rasps".split(), "fear"),
    **dict.fromkeys("bawled hollered barked yells bawls hollers barks screams bellows roars calls".split(), "shout"),
    **dict.fromkeys("chattered prattled babbled rambled piped trilled cooed exulted crowed".split(), "excited"),
    **dict.fromkeys("scoffed jeered".split(), "cold"),
    **dict.fromkeys("whined moaned grumbles mumbles groans whines".split(), "mutter"),
    "snaps": "snap", "growls": "angry", "snarls": "angry", "hisses": "angry", "sobs": "cry", "weeps": "cry",
    "laughs": "laugh", "chuckles": "laugh", "giggles": "laugh", "sighs": "sad", "pleads": "sad", "begs": "sad",
    "stammers": "fear", "breathes": "whisper", "murmured": "quiet", "purred": "tender", "purrs": "tender",
}
# Tags beyond the ones that carry a direction: "smiled" and "nodded" tag speech in older prose,
# and "-ing" forms lead into it ("remarking, ...").
SPEECH_VERBS = {**dict.fromkeys((
    "inquired enquired retorted protested suggested ventured faltered gasped panted groaned moaned grunted "
    "wailed sneered warned reminded corrected objected complained drawled ejaculated resumed pursued persisted "
    "reflected mused commented concluded confessed conceded assented whimpered shrieked squeaked howled "
    "thundered stormed sang hinted counselled advised argued reasoned interposed remonstrated cautioned "
    "uttered spoke echoed mocked teased scolded chided proceeded nodded smiled "
    "inquires enquires replies answers whispers shouts adds continues returns repeats exclaims mutters "
    "murmurs thinks asks begins demands remarks observes "
    "saying asking replying answering crying exclaiming adding continuing whispering muttering murmuring "
    "shouting calling remarking observing returning repeating interrupting explaining declaring "
    "inquiring enquiring protesting pleading begging demanding sobbing sighing laughing "
    "queried questioned implored entreated assured reassured informed interjected promised reiterated asserted "
    "confided pronounced proposed blurted reported commanded admonished acknowledged vowed hazarded requested "
    "prompted stated noted recalled guessed countered demurred soothed coaxed cajoled joked lied "
    "says asks replies answers adds continues insists agrees admits explains interrupts suggests warns reminds "
    "offers counters corrects announces declares concludes protests retorts whimpers gasps "
    "mourned sniffed snorted proclaimed acquiesced exploded appealed ended finished rapped puffed add").split()),
    **SPEECH_VERBS, **_MANNER_VERBS}
THOUGHT_VERBS = {"thought", "wondered", "thinks", "reflected", "mused"}


def says_the_word(text: str, word: str, forms) -> bool:
    """One of `forms` is the tagged speaker of a paragraph whose speech says `word` ('"Sorry, Dad," said Emrys.',
    '"It came on at the Co-op," Emrys said. "Dad ran."'): the one saying "Dad", not Dad."""
    names = "|".join(re.escape(f) for f in forms)
    tag = re.compile(rf"[\"”][^\S\n]*(?:(?:said|says|asked|asks)\s+(?:{names})\b|(?:{names})\s+(?:said|says|asked|asks)\b)")
    said = re.compile(rf"[\"“][^\"”\n]*\b{re.escape(word)}\b[^\"”\n]*[\"”]")
    return bool(names) and any(tag.search(paragraph) and said.search(paragraph) for paragraph in text.split("\n"))
PRONOUNS = {"he": "M", "him": "M", "his": "M", "she": "F", "her": "F", "hers": "F"}
_VERBS = "|".join(sorted((re.escape(v.strip()) for v in SPEECH_VERBS), key=len, reverse=True))


def inside_span(at: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether a position falls in one of the sorted spans (`starts` are their starts)."""
    index = bisect.bisect_right(starts, at) - 1
    return index >= 0 and spans[index][0] <= at < spans[index][1]


# (and "..." inside a quote in single marks: 'he said to me, "Nobody will know, Tam."')
_INNER_QUOTE = re.compile(r"(?:^|(?<=[\s:,(—-]))['‘](?=\w).*?(?:['’](?=[\s.,;:!?—-]|$)|$)|[\"“][^\"“”]*(?:[\"”]|$)",
                          re.DOTALL)


def blank_inner_quotes(quote: str) -> str:
    """A quote's words with the words it quotes blanked out, the same length: 'I said "It's all right, Grandad"'
    calls no one."""
    return _INNER_QUOTE.sub(lambda m: " " * len(m.group(0)), quote)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank-line separated, or one per line when the text has no blank lines."""
    separator = r"\n[ \t]*\n" if re.search(r"\n[ \t]*\n", text) else r"\n"
    spans, position = [], 0
    for match in re.finditer(separator, text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


_LINE_ENDS_SENTENCE = re.compile(r"[.!?…:;\"”’'—–)\]*]\s*$")


def lines_as_paragraphs(text: str) -> str:
    """A text written a paragraph a line (as pasted from the web or a word processor), laid out as
    the rest of the pipeline reads prose: a blank line between paragraphs. Where such a text leaves
    the odd blank line, that is its author's scene break and becomes one. Hard-wrapped prose (a
    paragraph over several lines that break mid-sentence) and prose already spaced are kept as they are."""
    lines = text.split("\n")
    joined = [above for above, below in zip(lines, lines[1:]) if above.strip() and below.strip()]
    blanks = len(re.findall(r"\S[ \t]*\n(?:[ \t]*\n)+[ \t]*\S", text))
    if len(joined) < 5 or len(joined) <= blanks or \
            sum(bool(_LINE_ENDS_SENTENCE.search(line)) for line in joined) < 0.8 * len(joined):
        return text
    blocks = [block for block in re.split(r"\n[ \t]*\n\s*", text.strip("\n")) if block.strip()]
    scene_break = "\n\n* * *\n\n" if blanks * 8 <= len(joined) else "\n\n"
    return scene_break.join("\n\n".join(line for line in block.split("\n") if line.strip()) for block in blocks) + "\n"


_BREAK_MARK = re.compile(r"(([*\-_~=#+•·]\s*){3,}|(\*\s*){1,2}|#|(scene|line) ?break|"
                         # one or two marks on a line of their own: "~", "§", "⁂", "◆ ◆"
                         r"([~§⁂•·◆◇❖✦✧†+=—–]\s*){1,2})", re.IGNORECASE)


def is_scene_break(paragraph: str) -> bool:
    """A line of symbols (***, ---, ~~~) or a fan-fiction divider such as o0o or xXx."""
    text = paragraph.strip()
    if _BREAK_MARK.fullmatch(text):
        return True
    compact = text.replace(" ", "")
    return len(compact) >= 3 and set(compact) <= set("oO0xX*~-=+") and len(set(compact)) >= 2


def _single_quote_style(text: str) -> bool:
    doubles = text.count('"') + text.count("“") + text.count("”")
    singles = len(re.findall(r"(?:^|[\s(—-])[‘'](?=\w)", text))
    return singles > 2 * doubles + 2


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans inside quote marks, at most one paragraph each (speech over several is split)."""
    return [(start, end) for start, end, _ in _scan_quotes(text)]


def _scan_quotes(text: str) -> list[tuple[int, int, bool]]:
    """Quote spans and whether each closes in its paragraph (an open one runs on into the next)."""
    single = _single_quote_style(text)
    opening = re.compile(r"(?:^|(?<=[\s(—\-]))[‘'](?=[^\s\d])") if single else re.compile(r"[“\"]")
    spans = []
    for a, b in split_paragraphs(text):
        position = a
        while position < b:
            if single:
                match = opening.search(text, position, b)
                if not match:
                    break
                start = match.end()
                close = re.compile(r"[’'](?=[\s.,;:!?—\-)]|$)(?<![A-Za-z][’'](?=[a-z]))")
                end_match = None
                for candidate in close.finditer(text, start, b):
                    before = text[candidate.start() - 1] if candidate.start() > start else ""
                    # an apostrophe ending a plural possessive ("students'") is followed by a noun
                    after = text[candidate.end():candidate.end() + 2]
                    if before in ".,!?;:—-…" or not re.match(r"\s[a-z]", after):
                        end_match = candidate
                        break
                end = end_match.start() if end_match else b
                position = end_match.end() if end_match else b
            else:
                match = opening.search(text, position, b)
                if not match:
                    break
                start = match.end()
                closing = re.compile(r"[”\"]")
                end_match = closing.search(text, start, b)
                end = end_match.start() if end_match else b
                position = end_match.end() if end_match else b
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append((start, end, end_match is not None))
    return spans


_MENTION_CONTEXT = {"saying", "shouting", "crying", "calling", "whispering", "muttering", "answering",
                    "replying", "adding", "exclaiming", "singing", "out", "aloud", "herself", "himself", "itself",
                    "themselves", "myself", "yourself", "again", "then", "back"}


_SPEECH_NOUNS = {"reply", "answer", "announcing", "voice", "words", "cry", "shout", "whisper"}
_TITLE_SMALL_WORDS = {"of", "the", "and", "from", "to", "a", "an", "in", "on", "at", "for", "with", "by", "or",
                      "de", "la", "le", "les", "des", "du", "et", "von", "van", "der"}


def _title_case(content: str) -> bool:
    """Two or more capitalised words and no others but small ones, no clause punctuation and no
    one speaking as I or to you: "The House of Life", not "Yes, Mr. Archer"."""
    content = content.strip().rstrip(".,;")
    if re.search(r"[,!?;:]", content):
        return False
    words = re.findall(r"[A-Za-z'’]+", content)
    if len(words) < 2 or any(w in ("I", "You", "We", "He", "She", "It", "They", "My", "Your") for w in words):
        return False
    if any(w[0].islower() and w.lower() not in _TITLE_SMALL_WORDS for w in words):
        return False
    return sum(1 for w in words if len(w) >= 4 and w[0].isupper()) >= 2


def quoted_mention(text: str, start: int, end: int) -> bool:
    """A few quoted words inside a running sentence (a name, a title, a word someone used)
    rather than something said: no punctuation or speech verb leads into it and it does not
    exclaim or ask."""
    paragraph_start = text.rfind("\n\n", 0, start) + 2
    before = text[max(paragraph_start, start - 80):max(paragraph_start, start - 1)]
    # words on a sign, a screen or a badge, or written down: read, not said ("a laminated sign
    # said "Visiting Hours 2 to 8 pm"", "somebody had written in biro, "I did."")
    if re.search(r"\b(?:signs?|notices?|labels?|placards?|plaques?|badges?|banners?|posters?|screens?|displays?|"
                 r"headlines?|captions?|inscriptions?|stickers?|boards?|chalkboards?|blackboards?|whiteboards?|noticeboards?|"
                 r"texts?|text\s+messages?|messages?|emails?|e-mails?|notifications?|telegrams?|DMs?|tags?|cards?|stones?|"
                 r"gravestones?|headstones?|tombstones?|menus?)\b[^.!?\"“”]{0,60}\b(?:said|says|read|reads|"
                 r"saying|reading)\s*[,:]?\s*$|\b(?:written|scrawled|printed|painted|stencil+ed|typed|scribbled|carved|"
                 r"engraved)\b(?:\s+(?:in|on|across|under|below|above)\s+[^.!?\"“”]{0,30})?\s*,?\s*$|"
                 # a thing that "said" something: "The stone was plain granite. It said "Isobel Baird, 1941-2019""
                 r"\b[Ii]t\s+(?:said|says|read|reads)\s*[,:]?\s*$|"
                 # "At half nine I sent "is she ok"", "she texted: "where r u""
                 r"\b(?:sent|texted|messaged|emailed|typed|posted|tweeted|DMed)(?:\s+back)?\s*[,:]?\s*$|"
                 r"\bsent\s+from\b[^.!?\"“”]{0,60}\b(?:said|read)\s*[,:]?\s*$|"
                 # "in green biro, somebody had added "Bring your own biscuits""
                 r"\bin\s+(?:\w+\s+)?(?:biro|pencil|ink|chalk|marker|felt-tip|crayon|capitals|lipstick)\b[^.!?\"“”]{0,40}"
                 r"\b(?:added|wrote|put|written)\s*,?\s*$", before):
        return True
    words = re.findall(r"[A-Za-z]+", before)[-4:]
    content = text[start:end].strip()
    # a song sung: `singing, "Nelly of the Hazel Dell"`, `She sang, of course, "M'ama!"`
    if re.search(r"\b(?:sang|sing|sings|singing|chanted|chanting|hummed|humming|struck\s+up|strikes\s+up|played|plays|playing)(?:,?\s+(?:\w+ly|low|of\s+course|the\s+"
                 r"(?:\w+\s+){0,2}?(?:air|song|tune|hymn|words|refrain|chorus)))*(?:,?\s*and)?[,:]?\s*$", before) \
            or re.match(r"[^\S\n]*[\"”’']?[^\S\n]*(?:[\w.'’]+[^\S\n]+){1,3}?(?:sang|sings|chanted|hummed)\b",
                        text[end:end + 60]):
        return True
    # a title or an address in the middle of a sentence that says nothing of speaking: `a chromo
    # entitled, "Christ Blessing Little Children"`, `the play of Labiche, "Le Voyage de M. Perrichon,"`
    if re.search(r"[A-Za-z_,:]\s*$", before) and _title_case(content) and not any(
            w.lower() in SPEECH_VERBS or w.lower() in _MENTION_CONTEXT or w.lower() in _SPEECH_NOUNS for w in words):
        return True
    # "a green sign on its post, its white letters swimming up out of the dark: "Harbor District""
    shown = re.search(r"\b(?:signs?|notices?|placards?|plaques?|plates?|banners?|posters?|signposts?|billboards?|"
                      r"lettering)\b"
                      r"(?!\s+of\b)([^.!?\"“”]{0,80}):\s*$", before)
    if shown and not any(w.lower() in SPEECH_VERBS for w in re.findall(r"[A-Za-z]+", shown.group(1))):
        return True
    lead = re.search(r"([A-Za-z]+)[ \t]*\n?[ \t]*$", before)
    if not lead:
        return False
    # the so-called "emergency": a word someone used
    if re.search(r"\bso-called\s*$", before, re.IGNORECASE) and len(content.split()) <= 4:
        return True
    # `called me "the new girl"`: a name someone is called by, not something said
    if re.search(r"\b(call|calls|called|calling|named|nicknamed|dubbed)\s+(me|him|her|us|them|you|it|himself|herself)"
                 r"(?:\s+(?:anything|nothing)\s+(?:but|except|other\s+than))?\s*$",
                 before, re.IGNORECASE) and len(content.split()) <= 5:
        return True
    # a word someone is in the habit of saying, the sentence running on past it: `he still said "eh" at the
    # ends of things`, `she said "sorry" too often`
    if re.fullmatch(r"[a-z][a-z'’-]*(?:\s[a-z'’-]+)?", content) and re.match(
            r"[\"”’']?\s+(?:at|to|in|on|for|about|whenever|every|all|like|as|too|instead|rather|more|less|after|before|"
            r"so\s+often|a\s+lot|each|constantly|always|often)\b", text[end:end + 30]):
        return True
    # `what people called "the facts of life."`, `she was "a foreigner."`: a few words in lower
    # case run straight on from the sentence, no comma or colon before them
    if content[:1].islower() and len(content.split()) <= 4 and not re.search(r"[!?][_*]?$", content) \
            and (len(content.split()) > 1 or words[-1].lower() not in SPEECH_VERBS):
        return True
    # `a novel called "Middlemarch,"`, `the ship named "Hope"`, `It was called "Condition Assessment
    # and Options"`: a title or name, not a call
    if re.search(r"(?:\b(?:a|an|the|his|her|their|my|our|its|this|that)\s+(?:[a-z]+\s+){0,3}?[a-z]+|"
                 r"\b(?:[Ii]t|[Ww]hich|[Tt]his|[Tt]hat)\s+(?:was|is|had\s+been))\s+"
                 r"(?:called|named|entitled|titled|christened)\s*$", before) \
            and len(content.split()) <= 9 and not re.search(r"[!?][_*]?$", content) \
            and all(w[:1].isupper() for w in re.findall(r"[A-Za-z]{4,}", content)) and content[:1].isupper():
        return True
    # `out of the "Scarlet Coat"`, `a "Josephine look"`: the quote is a noun after its article
    if re.search(r"\b(?:the|a|an)\s*$", before, re.IGNORECASE) and len(content.split()) <= 9 \
            and not re.search(r"[!?]", content):
        return True
    if any(w.lower() in SPEECH_VERBS or w.lower() in _MENTION_CONTEXT for w in words):
        return False
    return len(content.split()) <= 5 and not re.search(r"[!?][_*]?$", content)


def set_apart_paragraphs(text: str, paragraphs: list[tuple[int, int]]) -> set[int]:
    """Indices of paragraphs typeset as blocks (verse, letters, inscriptions): lines indented
    by two or more spaces, in a text whose ordinary paragraphs are not indented."""
    indented = [i for i, (a, b) in enumerate(paragraphs) if re.search(r"(?:^|\n)[ \t]{2,}\S", text[a:b])
                or text[a:a + 2].isspace()]
    return set(indented) if len(indented) < 0.2 * len(paragraphs) else set()


# "Dearest Lucia,", "My dear Mr. Bennet:" (a letter's salutation; what may follow it is the caller's)
SALUTATION = r"(?:My\s+)?(?:[Dd]ear|[Dd]earest)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*"
_SALUTATION = re.compile(SALUTATION + r"[,:]?")
_CLOSING = re.compile(r"(?:Yours|Your\s+\w+|Believe\s+me|Ever\s+yours|Affectionately|Sincerely|With\s+(?:all\s+my\s+)?love)\b")


def letter_paragraphs(text: str, paragraphs: list[tuple[int, int]], spans: list[tuple[int, int]]) -> set[int]:
    """Indices of paragraphs that are a letter quoted piece by piece: each paragraph a quote and
    nothing else, from a salutation standing alone ("Dearest Lucia,") to the closing and the
    signature, with the address and date lines just before it."""
    whole = []                      # the quote that is all of each paragraph, or None
    starts = [x for x, _ in spans]
    for a, b in paragraphs:
        inside = spans[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]
        alone = len(inside) == 1 and not text[a:inside[0][0] - 1].strip() and not text[inside[0][1] + 1:b].strip()
        whole.append(text[inside[0][0]:inside[0][1]].strip() if alone else None)
    letters: set[int] = set()
    for number, content in enumerate(whole):
        if content is None or not _SALUTATION.fullmatch(content) or number + 1 >= len(whole) \
                or whole[number + 1] is None:
            continue
        start = number
        while start - 1 >= 0 and whole[start - 1] is not None and len(whole[start - 1].split()) <= 4 \
                and number - start < 2:
            start -= 1              # "Tunbridge Wells," "September."
        end = number
        while end + 1 < len(whole) and whole[end + 1] is not None:
            end += 1
            if _CLOSING.match(whole[end]):
                # the closing lines and the signature
                while end + 1 < len(whole) and whole[end + 1] is not None and len(whole[end + 1].split()) <= 5 \
                        and not re.search(r"[!?]", whole[end + 1]):
                    end += 1
                break
        letters.update(range(start, end + 1))
    return letters


_SAY = (r"(?:say|said|saying|repl(?:y|ied|ying)|answer(?:ed|ing)?|ask(?:ed|ing)?|cr(?:y|ied|ying)|exclaim(?:ed|ing)?|"
        r"retort(?:ed|ing)?|add(?:ed|ing)?|tell(?:ing)?\s+\w+|remark(?:ed|ing)?|shout(?:ed|ing)?|protest(?:ed|ing)?)")
# Words that were never spoken: what someone wanted to say, a look that "said", "as if to say"
_UNSAID = re.compile(
    r"(?:\b(?:wanted|longed|meant|tempted|inclined|itched|yearned|ready|going|about|point\s+of|mind|tongue|lips)\s+to\s+"
    rf"{_SAY}|\bhow\s+could\s+(?:he|she|I|they|we)\s+(?:ever\s+)?{_SAY}|\bfelt\s+like\s+{_SAY}"
    rf"|\b(?:as\s+if|as\s+though|seemed|seeming|appeared)\s+to\s+{_SAY}"
    rf"|\b(?:might|would)\s+have\s+{_SAY}|\binstead\s+of\s+{_SAY}"
    r"|\b(?:look|looks|eyes|face|glance|smile|expression|manner|gesture|silence)\s+(?:said|seemed\s+to\s+say)"
    # what a tone or a look conveyed, what someone meant or nearly said, what could be imagined
    r"|\b(?:implied|implying|signified|signifying|indicated|indicating|conveyed|proclaiming|meant|expressed)"
    rf"|\bas\s+much\s+as\s+to\s+{_SAY}|\b(?:nearly|almost)\s+{_SAY}|\beasy\s+to\s+{_SAY}"
    rf"|\bcould\s+(?:fancy|imagine)\s+(?:[\w.'’]+\s+){{0,3}}?{_SAY})"
    r"(?:\s+(?:to\s+)?(?:him|her|them|me|us|himself|herself|back|\w+ly))?(?:\s+with\s+\w+)?[:,]?(?:--|—)?\s*[\"“‘']?$",
    re.IGNORECASE)


# the same told after the quote: `"...," he felt like answering`, `"...," it seemed to say`
_UNSAID_AFTER = re.compile(
    r"[\"”’']?\s*(?:[\w.'’]+\s+){1,3}?(?:felt\s+like|wanted\s+to|longed\s+to|seemed\s+to|appeared\s+to|"
    rf"was\s+tempted\s+to|could\s+(?:fancy|imagine)\s+(?:[\w.]+\s+){{0,3}}?)\s*{_SAY}\b", re.IGNORECASE)


def unsaid(text: str, start: int, end: int | None = None) -> bool:
    """The quote text[start:end] gives words nobody said aloud ("He wanted to say: ...", "her
    look said: ...", "as if to say, ...", `"...," he felt like answering`): narration, not a line."""
    paragraph_start = text.rfind("\n\n", 0, start) + 2
    if _UNSAID.search(text, max(paragraph_start, start - 90), max(paragraph_start, start)) is not None:
        return True
    paragraph_end = text.find("\n\n", end) if end is not None else -1
    return end is not None and _UNSAID_AFTER.match(
        text, end, min(end + 80, paragraph_end if paragraph_end >= 0 else len(text))) is not None


# Speech told in the narrator's words inside quote marks, as Austen writes it ("Oh no! he had
# never written, hardly ever...; he was afraid not even Miss Woodhouse could inspire him"): no
# one speaking as I or to you (or to someone by name), nothing in the present tense, and people named as he or she
# with the tenses shifted back.
_SPEAKING_VOICE = re.compile(r"\bI\b|[!?]|['’](?:s|re|ll|m|ve)\b|\b(?:is|are|am|do|does|has|have|can|will|shall|"
                             r"let|me|my|mine|myself|you|your|yours|yourself|we|us|our|ours|ourselves|n['’]t)\b"
                             # someone spoken to by name: "Because he was kind, Tom."
                             r"|,\s+(?-i:(?:(?:Mr|Mrs|Miss|Ms|Dr)\.?\s+)?[A-Z][a-z]+)\s*[.,;]",
                             re.IGNORECASE)
_BACKSHIFTED = re.compile(r"\b(?:he|she|they)\s+(?:\w+ly\s+)?(?:had|was|were|would|could|should|must|might|did)\b",
                          re.IGNORECASE)


def reported_speech(content: str) -> bool:
    """Quoted words that report speech rather than give it (see above)."""
    return len(content.split()) >= 8 and len(_BACKSHIFTED.findall(content)) >= 2 \
        and not _SPEAKING_VOICE.search(content)


# Apostrophes a conversion lost to spaces ("Isabella s answer", "Don t", "I ll", "o clock"): put back, one
# character for one, so every offset still points into the text as written
_LOST_APOSTROPHE = re.compile(r"\b([A-Za-z]+) (s|t|ll|ve|re|d|m|clock)\b(?!['’-])")
_CONTRACTING = {"i", "we", "you", "they", "he", "she", "it", "that", "there", "who", "what"}


def _apostrophe(match: re.Match) -> str:
    word, ending = match.group(1), match.group(2)
    lost = (ending == "s" or (ending == "t" and word[-1] in "nN")
            or (ending in ("ll", "ve", "re", "d") and word.lower() in _CONTRACTING)
            or (ending == "m" and word == "I") or (ending == "clock" and word.lower() == "o"))
    return f"{word}'{ending}" if lost else match.group(0)


def mend_apostrophes(text: str) -> str:
    """The text with apostrophes lost to spaces put back, when it has many (a careless conversion loses
    them all; a text with a handful has them where they belong)."""
    mended = _LOST_APOSTROPHE.sub(_apostrophe, text)
    lost = sum(1 for x, y in zip(text, mended) if x != y)
    return mended if lost >= 20 else text


# `"Poor Charlotte," was Lucy's reply.`: a tag told as a noun
_WAS_REPLY = re.compile(r"(?:was|were|came)\s+(?:all\s+|only\s+|then\s+)?([A-Z][\w.’'\s-]*?)['’]s\s+(?:\w+\s+){0,2}?"
                        r"(?:reply|answer|response|rejoinder|retort|comment|remark|exclamation|question|greeting|"
                        r"summing[ -]up|verdict|observation|words|amendment|explanation|reproach|protest|suggestion|"
                        r"proposal|advice|apology|assurance|entreaty|inquiry|enquiry|cry|objection|correction|"
                        r"conclusion|answering|salutation|reflection)\b")
# `"Akua!" Auntie Efua's voice came from the hallway`
_VOICE_CAME = re.compile(r"([A-Z][\w.’'\s-]*?)['’]s\s+(?:[a-z]+\s+)?voice\s+(?:came|called|rang|sounded|floated|drifted|carried|cut|boomed)\b")
