"""Characters and their names: the cast as given (name, aliases, gender), finding its
mentions in prose (longest alias first, bare surnames and first names when only one person
could be meant) and telling a character's gender from titles and the pronouns around them."""
from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.errors import PipelineError
from pipeline.text.first_names import pet_forms


@dataclass(frozen=True)
class Character:
    name: str
    aliases: tuple[str, ...]
    gender: str            # M, F, U (unknown), X



_NOT_NAMES = {
    "The", "A", "An", "Another", "Storm", "Hurricane", "Typhoon", "Cyclone", "And", "But", "Or", "If", "Then", "When", "While", "As", "So", "Yet", "Now", "Well", "Oh",
    "Yes", "No", "Not", "It", "Its", "This", "That", "These", "Those", "There", "Here", "What", "Why", "How", "Who",
    "Where", "Which", "He", "She", "They", "We", "You", "I", "Me", "My", "Your", "His", "Her", "Their", "Our",
    "Mr", "Mrs", "Miss", "Ms", "Dr", "Sir", "Lady", "Lord", "Chapter", "Meanwhile", "After", "Before", "Even",
    "Of", "In", "On", "At", "To", "For", "With", "From", "By", "Actually", "Afterwards", "Each", "Every", "All",
    "Dear", "God", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    # ("You do Mondays. That was the arrangement.")
    "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays",
    "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Still", "Just", "Only", "Perhaps", "Maybe", "Suddenly", "Finally", "Later", "Soon", "Once", "Again", "Never",
}
# verbs that open a command to someone about someone ("Take Sully.", "Ask Bernard")
_COMMANDS = {"Take", "Tell", "Ask", "Get", "Call", "Give", "Bring", "Send", "Fetch", "Find", "Let", "Help", "Leave",
             "Thank", "Wake", "Show", "Mind", "Watch", "Meet", "Follow", "Pass", "Hold", "Stop", "Kiss", "Hug", "Ring",
             "Phone", "Pay", "Fire", "Sack", "Blame", "Forget", "Trust", "Believe", "Remember", "Poor", "Dear", "Good",
             "Lucky", "Silly", "Bless", "Hello", "Hi", "Morning", "Evening", "Night", "Afternoon", "Thanks", "Cheers",
             "Sorry", "Please", "Ignore", "Look", "See", "Try", "Put", "Keep", "Grab", "Catch", "Join", "Miss"}
# months that are also given names ("May Welland", "June"): a listed character's first name, but
# not "in May", "May 3rd" or "May I come in?"
_MONTH_NAMES = {"April", "May", "June", "July", "August"}
_MONTH_USE = re.compile(r"\b(?:in|of|early|late|mid|next|last|this|since|until|till|by|during|through|from|every|"
                        r"each|to|the|that|before|after)\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"\s*(?:\d|(?:I|we|you|he|she|it|they|one|not)\b)")


TITLES = ("Mr", "Mrs", "Miss", "Ms", "Dr", "Doctor", "Doc", "Sir", "Lady", "Lord", "Colonel", "Captain", "Major",
          "General", "Inspector", "Professor", "Father", "Aunt", "Auntie", "Aunty", "Tante", "Tantie", "Uncle", "Sister", "Brother", "Madame", "Monsieur",
          "Mademoiselle", "Mlle", "Mme", "Count", "Countess", "Baron", "Baroness", "Prince", "Princess", "King",
          "Queen", "Reverend", "Rev", "Sergeant", "Lieutenant", "Judge", "Mistress", "Madam", "Duke", "Duchess",
          "Signor", "Signora", "Frau", "Herr", "Fraulein", "Mother", "M", "Constable", "Officer", "Detective",
          "Superintendent", "Admiral", "Commander", "Bishop", "Vicar", "Nurse", "Matron", "Sheriff", "Deputy", "Trooper",
          "Chief", "Ensign", "Corporal", "Commissioner", "Engineer", "Mayor", "Senator", "Pastor", "Rabbi", "Councillor",
          "Councilor", "Alderman", "Private", "Garda",
          # a police rank as the papers and the force write it ("PC Sinclair", "DS Malik")
          "PC", "WPC", "DC", "DS", "DI", "DCI", "Sgt", "Insp", "Supt",
          # an older woman or man of the community by a name of their own ("Mama Texas", "Papa Joe")
          "Mama", "Mamma", "Papa")

# A capitalised name, accents and all ("Tomás", "Zoë", "Ólafur", "Bogusławski", "Nguyễn"), with "O'Brien"
# and "Grant-Menzies"
_LATIN_EXTENDED = [chr(c) for c in (*range(0x100, 0x250), *range(0x1E00, 0x1F00))]
_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in _LATIN_EXTENDED if c.isupper())
_LOWER = "a-zß-öø-ÿ" + "".join(c for c in _LATIN_EXTENDED if c.islower())
# and a Scots or Irish "Mc" or "Mac" before a capital: "McAllister", "MacLeod"; an Irish "O'": "O'Connell", "D'Arcy"
NAME = rf"(?:Ma?c(?=[{_UPPER}])|[OD]['’](?=[{_UPPER}]))?[{_UPPER}][{_LOWER}]+(?:['’][{_UPPER}][{_LOWER}]+)?(?:-[{_UPPER}][{_LOWER}]+)?"
# Family words a story may use as a name ("Mum asked", "said Gran")
FAMILY_NAMES = {"Mum", "Mam", "Mom", "Mummy", "Mommy", "Momma", "Mama", "Mamma", "Ma", "Dad", "Daddy", "Papa", "Pa",
                "Pop", "Pops", "Poppa", "Gran", "Granny", "Grandma", "Grandmother", "Grandad", "Granddad", "Grandpa",
                "Grandfather", "Nan", "Nana", "Nanna", "Nonna", "Nonno", "Abuela", "Abuelo", "Oma", "Opa"}
# what families of other tongues call their own: Polish, Greek, Welsh, Irish, South Asian, Spanish, Yiddish, German,
# Chinese (Hokkien, Cantonese, Mandarin: "Ah Ma", "Por Por", "Ye Ye"), Vietnamese ("Ba Noi")
_MOTHERS_ABROAD = {"Mamusia", "Ammu", "Ammi", "Amma", "Maman", "Mutti", "Mami", "Mammy", "Ima", "Maw"}
# (and Swahili, Kikuyu: "Baba", "Cucu", "Shosho", "Babu", "Guka")
_FATHERS_ABROAD = {"Tata", "Tato", "Abba", "Abbu", "Papi", "Vati", "Da", "Babbo", "Baba"}
_GRANDMOTHERS_ABROAD = {"Babcia", "Babunia", "Yiayia", "Yaya", "Giagia", "Nani", "Dadi", "Abuelita", "Bubbe", "Bubby",
                        "Nain", "Mamgu", "Ouma", "Ah Ma", "Ah Mah", "Ah Po", "Por Por", "Po Po", "Nai Nai", "Lao Lao",
                        "Ba Noi", "Ba Ngoai", "Bà Nội", "Bà Ngoại", "Cucu", "Shosho"}
_GRANDFATHERS_ABROAD = {"Dziadek", "Dziadzia", "Pappou", "Papou", "Pappous", "Abuelito", "Zayde", "Zaidy", "Taid", "Oupa",
                        "Grandda", "Ah Gong", "Ah Kong", "Gung Gung", "Gong Gong", "Ye Ye", "Yeh Yeh", "Lao Ye",
                        "Ong Noi", "Ong Ngoai", "Ông Nội", "Ông Ngoại", "Babu", "Guka"}
# and a sister (English "Sis"), an elder brother or sister (Hindi, Urdu, Tamil, Korean, Mandarin): said as a name, never anyone's own
_SIBLINGS_ABROAD = {"Sis", "Didi", "Bhaiya", "Bhaiyya", "Akka", "Aapa", "Baji", "Unnie", "Oppa", "Noona", "Hyung", "Jiejie", "Gege"}
# and an uncle or an aunt (Gujarati, Hindi, Punjabi, Urdu, Spanish, German, Polish): what a niece calls Papa
_UNCLES_AUNTS_ABROAD = {"Kaka", "Kaki", "Chacha", "Chachi", "Chachu", "Mamu", "Masi", "Mausi", "Phupho", "Bua", "Tío", "Tía",
                        "Onkel", "Tante", "Wujek", "Ciocia"}
FAMILY_NAMES |= _MOTHERS_ABROAD | _FATHERS_ABROAD | _GRANDMOTHERS_ABROAD | _GRANDFATHERS_ABROAD | _SIBLINGS_ABROAD \
    | _UNCLES_AUNTS_ABROAD
# What the teller calls their own family: "my mother" is whoever goes by Mum.
_MOTHER = {"Mum", "Mam", "Mom", "Mummy", "Mommy", "Momma", "Mama", "Mamma", "Ma", "Mother", *_MOTHERS_ABROAD}
_FATHER = {"Dad", "Daddy", "Papa", "Pa", "Pop", "Pops", "Poppa", "Father", *_FATHERS_ABROAD}
_GRANDMOTHER = {"Gran", "Granny", "Grandma", "Grandmother", "Nan", "Nana", "Nanna", "Nonna", "Oma", *_GRANDMOTHERS_ABROAD}
_GRANDFATHER = {"Grandad", "Granddad", "Grandpa", "Grandfather", "Nonno", "Opa", *_GRANDFATHERS_ABROAD}
MY_KIN = {"mother": _MOTHER, "mum": _MOTHER, "mom": _MOTHER, "father": _FATHER, "dad": _FATHER,
          "gran": _GRANDMOTHER, "granny": _GRANDMOTHER, "grandmother": _GRANDMOTHER, "nan": _GRANDMOTHER,
          "grandfather": _GRANDFATHER, "grandad": _GRANDFATHER, "grandpa": _GRANDFATHER}


def kin_of(word: str) -> str:
    """What a family word calls someone ("Mummy" a mother, "Didi" an elder sister); "" for a name."""
    return next((kin for kin, words in (("mother", _MOTHER), ("father", _FATHER), ("grandmother", _GRANDMOTHER),
                                        ("grandfather", _GRANDFATHER), ("sibling", _SIBLINGS_ABROAD),
                                        ("uncle or aunt", _UNCLES_AUNTS_ABROAD)) if word in words), "")


MY_KIN_WORDS = r"(?:mother|mum|mom|father|dad|gran|granny|grandmother|nan|grandfather|grandad|grandpa|aunt|auntie|uncle)"


def my_kin(relation: str, people: list[tuple[object, set[str]]]):
    """Of (person, names) pairs, the one "my aunt" or "my mother" can be: the one who goes by Mum,
    or the one Aunt; None when no one or several."""
    relation = relation.lower()
    if relation in ("aunt", "auntie", "uncle"):
        titles = ("Aunt", "Auntie", "Aunty", "Tante", "Tantie") if relation != "uncle" else ("Uncle",)
        found = [p for p, names in people if any(_split_title(n)[0] in titles for n in names)]
    else:
        found = [p for p, names in people if names & MY_KIN.get(relation, set())]
    return found[0] if len(found) == 1 else None


# "says my wee sister", "my brother said": the teller's brother or sister, whom the tag does not name
MY_SIBLING = re.compile(r"my\s+(?:(?:wee|little|kid|baby|big|younger|older|elder|twin)\s+)?(brother|sister)", re.IGNORECASE)


def my_sibling(names: "_Names", text: str, position: int, gender: str, genders: dict[str, str], exclude) -> str:
    """The one the narration names just after it says "my sister" ("My sister is at the urn, naturally. Morwenna
    has been at the urn for every funeral"), when that is always the same one; else the one of that sex the
    narration names nearest `position`, from the paragraph before to the third after, by a bare first name (no
    Mrs., no Mum): "my brother said... He lowered the phone. Sam was nineteen and taller than Dad now"."""
    def fits(start: int, main: str) -> bool:
        return main not in exclude and genders.get(main) == gender and len(main.split()) == 1 \
            and main not in FAMILY_NAMES and not in_speech(text, start)

    word = "brother" if gender == "M" else "sister"
    # (read once a chapter: a novel told as "I" may say "my brother" in a hundred tags)
    key = (hash(text), gender, frozenset(exclude))
    if key not in names.siblings_named:
        names.siblings_named[key] = {
            next((main for start, _, main in names.mentions(text, m.end(), _paragraph_end(text, m.end(), 160))
                  if fits(start, main)), "")
            for m in re.finditer(rf"\b[Mm]y\s+(?:[\w-]+\s+)?{word}\b", text) if not in_speech(text, m.start())}
    named_after = names.siblings_named[key]
    if len(named_after - {""}) == 1:
        return (named_after - {""}).pop()
    # (from the paragraph before the tag's to the third after it: a brother never named is no one here)
    start = text.rfind("\n\n", 0, max(0, text.rfind("\n\n", 0, position)))
    end = position
    for _ in range(4):
        end = text.find("\n\n", end + 2) if end >= 0 else -1
    near = [(abs(at - position), main) for at, _, main in names.mentions(text, max(0, start), len(text) if end < 0 else end)
            if fits(at, main)]
    return min(near)[1] if near else ""


def _paragraph_end(text: str, at: int, most: int) -> int:
    end = text.find("\n\n", at)
    return min(len(text) if end < 0 else end, at + most)


def in_speech(text: str, at: int) -> bool:
    """Inside a quote in double marks, as the marks before it in its paragraph say."""
    before = text[text.rfind("\n\n", 0, at) + 1:at]
    return (before.count('"') + before.count("“") + before.count("”")) % 2 == 1


_SAME_TITLE = {"Doctor": "Dr", "Doc": "Dr", "Mister": "Mr", "Mademoiselle": "Mlle", "Madame": "Mme", "Reverend": "Rev",
               "PC": "Constable", "WPC": "Constable", "DC": "Constable", "DS": "Sergeant", "Sgt": "Sergeant",
               "DI": "Inspector", "DCI": "Inspector", "Insp": "Inspector", "Supt": "Superintendent"}


def _split_title(form: str) -> tuple[str, tuple[str, ...]]:
    """("Dr", ("Kemp",)) for "Doctor Kemp" and "Dr. Kemp" alike; a rank of two words is its
    last ("Sergeant", ("Kieran", "Malik")) for "Detective Sergeant Kieran Malik"."""
    words = form.split()
    title = ""
    while len(words) > 1 and words[0].rstrip(".") in TITLES:
        title, words = words[0].rstrip("."), words[1:]
    # "Lord St Cloud" and "Reggie St Cloud": a saint's name is one surname, no first name "St"
    for i in range(len(words) - 2, -1, -1):
        if words[i] in _SAINT:
            words[i:i + 2] = [f"{words[i]} {words[i + 1]}"]
    return (_SAME_TITLE.get(title, title), tuple(words))


_SAINT = {"St", "St.", "Saint", "Ste", "Ste."}


def load_characters(path) -> dict[str, Character]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PipelineError(path, None, f"cannot read characters ({exc})", "give a JSON file of characters") from None
    if not isinstance(data, dict):
        raise PipelineError(path, None, "characters must map names to {aliases, gender}", "see README")
    return {name: Character(name, tuple(str(a) for a in (info or {}).get("aliases", [])),
                            str((info or {}).get("gender", "U"))) for name, info in data.items()}


def _name_words(name: str) -> frozenset[str]:
    return frozenset(w.strip(".,'’").lower() for w in name.split() if w.strip(".,'’").lower() not in ("the", "a", "an"))


def merge_repeated(characters: dict[str, Character]) -> dict[str, Character]:
    """A list that names one person twice, once bare ("Reggie", "Small") and once in full
    ("Reggie St Cloud"; "Wooden-Legged Man", also "Jonathan Small"), has one person: the bare
    entry, with no other name of its own and no gender that contradicts, becomes an alias of
    the one entry with a name that holds all its words. Not when two entries could hold it, nor
    for a bare title or description ("The Superintendent", "A Man"), nor into a description
    ("Small, Dark, Brisk Man"); and "Mr. Knightley", with names of his own, stays apart from
    "Mr. John Knightley"."""
    merged = dict(characters)
    for name, character in characters.items():
        names = {n.strip().lower() for n in (name, *character.aliases) if n.strip()}
        words = _name_words(name)
        if len(names) != 1 or not words - _TITLES - _MALE_NOUNS - _FEMALE_NOUNS:
            continue
        holders = [other for other in merged.values() if other.name != name
                   and any(words <= _name_words(n) and "," not in n for n in (other.name, *other.aliases))
                   and character.gender in ("U", "X", "", other.gender)]
        if len(holders) == 1:
            holder = holders[0]
            merged[holder.name] = Character(holder.name, (*holder.aliases, name), holder.gender)
            del merged[name]
    return merged



_COUNT = "one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|[0-9]+"


def _gender_hint(text: str, start: int, end: int) -> str:
    """M or F when the prose goes on about the person named at text[start:end] as "he" or
    "she": "his"/"her" later in the sentence, or "He ..." opening the next sentence after a
    sentence the name opens ("Dev grinned. Behind him ..."; "his" only in the same paragraph and
    not after another name: "Yumi said. Okonkwo laid his hand"). "him" in the name's own sentence
    is left out: it is mostly someone else."""
    sentence = re.match(r"[^.!?\"“”]{0,60}", text[end:end + 60]).group(0)
    # up to the next name: "Jude looked at Callum, who looked at his coffee" says nothing of Jude
    sentence = re.split(r"\b(?!I\b)[A-Z][A-Za-z]*\b", sentence, maxsplit=1)[0]
    # "her" as an object ("stood beside her", "told her that") is someone else, as "him" is;
    # as a possessive ("her hand") it is the person named
    # ("held her five minutes": the boat held, for a while)
    pronoun = re.search(rf"\b(he|his|himself|she|herself)\b|\b(her)\b(?=\s+(?!(?:the|a|an|that|to|and|or|but|as|in|"
                        rf"on|at|for|with|by|from|of|so|if|when|again|away|back|up|down|out|off|over|once|now|then|{_COUNT})\b)"
                        r"[a-z])", sentence, re.IGNORECASE)
    # "knelt beside him, handing in tools before he asked": that "he" is the one "him" is
    if pronoun and pronoun.group(0).lower() in ("he", "his") and re.search(r"\bhim\b", sentence[:pronoun.start()]):
        pronoun = None
    # "Terry caught her eye": another's look met; "Ah Ma marched on Terry's other side in her good coat":
    # a name after a preposition is not whom the sentence goes on about
    if pronoun and (re.search(r"\b(?:caught|catch|catches|catching|met|meet|meets|meeting|held|avoided|avoiding)\s+$",
                              sentence[:pronoun.start()])
                    or re.search(r"\b(?:on|at|to|with|beside|behind|from|for|by|past|towards?|near)\s+$",
                                 text[max(0, start - 12):start])):
        pronoun = None
    # "Alfie squeezes out past her legs", "asleep against her shoulder": someone else's body; "something Dev said made
    # her sit down": someone else, when the one named did it (not "telling Sal something that made her laugh")
    did = r"|(?<=\w)(?<!\bhad)(?<!\bhas)\s+(?:made|makes|let|lets|helped|helps|watched|bade|saw|heard|told|asked|wanted|" \
          r"forced)\s+$" if re.match(r"\s+(?:said|did|\w+ed)\b", text[end:end + 20]) else ""
    if pronoun and (pronoun.group(2) or re.match(r"\s+(?:lap|shoulders?|arms?|knees?|head|back|chest|face|cheek)\b",
                                                 sentence[pronoun.end():])) \
            and re.search(r"\b(?:past|against|behind|beside|towards|toward|between|onto|across|near)\s+$" + did,
                          sentence[:pronoun.start()], re.IGNORECASE):
        pronoun = None
    # ("Glen Rasmussen produced her first three features and was married to her for two of them": a woman the
    # sentence goes on to name as the object is the "her" it began with)
    if pronoun and pronoun.group(2) and re.search(r"\b(?:to|with|married|divorced|kissed|left|loved|beside|behind)\s+her\b"
                                                  r"(?=\s*[,.;!?]|\s+(?:and|but|for|since|when|in|on|at)\b)",
                                                  re.split(r"[.!?\"“”]", text[end + pronoun.end():end + 200])[0]):
        pronoun = None
    # ("Precious took his arm", "at his elbow": the Colonel's; not "taking her hands off": hers; "down at his feet": his)
    if pronoun and ((re.match(r"\s+(?:shoulders?|arms?|elbows?|hands?|wrists?|sleeve)\b(?!\s+(?:off|away|from)\b)", sentence[pronoun.end():])
                     and re.search(r"\b(?:at|by|took|takes|taking|grabbed|gripped|squeezed|patted|touched|clasped|stroked)\s+$",
                                   sentence[:pronoun.start()], re.IGNORECASE)) or (re.match(r"\s+(?:feet|foot)\b", sentence[pronoun.end():])
                                                                                  and re.search(r"\b(?:at|by|round|around|over)\s+$", sentence[:pronoun.start()]))):
        pronoun = None
    # a name that ends its sentence as the one who acts ("...before Dr. Adeyemi came. She was")
    ends_as_subject = re.match(r"\s+[a-z]+[.!?]\s", text[end:end + 24]) is not None or \
        (re.match(r"[.!?]\s", text[end:end + 2]) is not None and
         re.search(r"\b(?:said|asked|says|asks|replied|answered|called)\s+$", text[max(0, start - 12):start]) is not None)
    # "Sergeant Okafor was a tall woman", "the guard at the security arch is a broad man"
    described = re.match(r"(?:\s+(?:at|by|in|on|behind|beside|near|from)\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+)?"
                         # ("The receptionist behind the glass was new, or new to me, a young woman")
                         r"\s+(?:was|is)\s+(?:[^.;:!?\"“”]{0,40}?,\s+)?(?:a|an)\s+(?:[a-z-]+\s+){0,3}?(woman|girl|lady|man|boy|"
                         r"gentleman)\b", text[end:end + 150])
    if described:
        return "F" if described.group(1) in ("woman", "girl", "lady") else "M"
    # "It was Jude who picked up. She ..." names the subject as much as "Jude picked up."
    # and "...is little Ollie Pike, who is five. He has been practising" goes on about Ollie
    ends_as_subject = ends_as_subject or re.search(r"\bIt\s+was\s+$", text[max(0, start - 8):start]) is not None \
        or re.match(r",\s+who\s", text[end:end + 8]) is not None
    if not pronoun and (ends_as_subject or re.search(r"(^|[.!?][\"”’']?\s+|\n\s*)$", text[max(0, start - 3):start])):
        pronoun = re.match(r"[^.!?\"“”]{0,200}[.!?][\"”’']?\s+(He|She)\b", text[end:end + 240]) or \
            re.match(r"[^.!?\"“”]{0,80}[.!?][ \t]+(?![A-Z][a-z]+\s+[a-z]+\s+(?:his|her)\b)[A-Z][^.!?\"“”]{0,40}?\b(him|his|her)\b",
                     text[end:end + 200])
    if not pronoun:
        return ""
    word = next(group for group in pronoun.groups() if group)
    return "M" if word.lower() in ("he", "his", "himself", "him") else "F"


def _decide(votes: Counter) -> str:
    if not votes:
        return "U"
    gender, count = votes.most_common(1)[0]
    return gender if count >= 2 and count >= 3 * (sum(votes.values()) - count) else "U"



_TITLES = {"mr", "mrs", "miss", "ms", "dr", "doctor", "sir", "lady", "lord", "colonel", "captain", "major",
           "general", "inspector", "professor", "father", "mother", "aunt", "auntie", "aunty", "uncle", "master", "mistress",
           "madame", "madam", "monsieur", "mademoiselle", "count", "countess", "prince", "princess", "king",
           "queen", "reverend", "rev", "st", "sergeant", "lieutenant", "judge", "old", "young", "little",
           # an older woman or man of the community by a name of their own ("Mama Texas", "Papa Joe")
           "mama", "mamma", "papa"}
_MALE_TITLES = {"mr", "sir", "lord", "father", "uncle", "master", "monsieur", "count", "prince", "king", "papa"}
# Ranks were men's in older novels but are anyone's now ("Sergeant Okafor was a tall woman"):
# the pronouns decide, and a rank says M only when nothing else does.
# What a squad, a crew, a team or a ward calls the one in charge of them to their face ("Sarge", "Skip", "Guv")
RANK_CALLS = {"sarge", "guv", "guvnor", "boss", "skip", "skipper", "doc", "chief", "cap", "coach", "cox", "sergeant",
              "detective", "captain"}
RANKS = {"colonel", "captain", "major", "general", "sergeant", "lieutenant", "inspector", "constable", "detective",
         "officer", "commander", "admiral", "superintendent", "sheriff", "deputy", "trooper", "corporal", "private", "garda",
         # a minister may be a woman ("Reverend Bell ... she")
         "reverend", "rev"}
_FEMALE_TITLES = {"mrs", "miss", "ms", "lady", "mother", "aunt", "auntie", "aunty", "tante", "tantie", "mistress", "madame", "madam", "mademoiselle",
                  "countess", "princess", "queen", "mama", "mamma"}


_ADDRESS_WORDS = {"sir", "madam", "ma'am", "maam", "miss", "mister", "mr", "mrs", "master", "mistress", "lady", "lord",
                  "dear", "love", "darling", "mama", "mamma", "papa", "mother", "father", "sister", "brother",
                  "you", "child", "boy", "girl", "friend", "man", "woman", "sahib", "ma", "pa"}

# titles a narrator uses alone for the one young woman who bears them ("Mademoiselle laughed");
# "Madame" and "Monsieur" are said to any grown-up, so they stay titles
_STANDALONE_TITLES = {"mademoiselle", "mlle", "signorina", "señorita", "fraulein", "fräulein"}

_RANKS = {"count", "countess", "duke", "duchess", "marquis", "marchioness", "baron", "baroness", "prince",
          "princess", "colonel", "captain", "major", "general", "admiral", "inspector", "professor", "sergeant",
          "lieutenant", "judge", "governor", "earl"}


def _first_seen(alias: str) -> list[str]:
    """How the narration brings in the one it then calls "the man in the grey suit": "a man in a
    grey suit" ("He was a man in a grey suit, fifty or close to it")."""
    words = alias.lower().split()
    at = next((i for i in (2, 3) if i + 1 < len(words) and words[i] in ("in", "with", "from")), 0)
    if not at or words[0] != "the":
        return []
    def article(word: str) -> str:
        return "an" if word[0] in "aeiou" else "a"
    found = [" ".join([article(words[1]), *words[1:]])]
    if words[at + 1] == "the" and at + 2 < len(words):
        found.append(" ".join([article(words[1]), *words[1:at + 1], article(words[at + 2]), *words[at + 2:]]))
    return found


def _alias_variants(characters: dict[str, Character]) -> dict[str, str]:
    """Alias (lower case) -> main name: the cast's own aliases, plus the bare surname or first
    name of a titled or two-word name, and the job of "the vicar", when no other character could
    be meant by it."""
    table: dict[str, str] = {}
    for main, character in characters.items():
        # (but a pupil's "Miss" is a name when it is the one of the cast's "Miss Devlin": "Miss sits down")
        titled = {n.split()[0].lower() for n in (main, *character.aliases) if len(n.split()) >= 2}
        for alias in (main, *character.aliases):
            # "Sir" or "Madam" alone is how anyone is spoken to, not a name
            # "I" marks the first-person narrator; the rules read it as a pronoun, not a name
            if alias.strip() and (alias.strip().lower().rstrip(".") not in _ADDRESS_WORDS | {"i", "_narr"}
                                  or alias.strip() in ("Miss", "Sir") and alias.strip().lower() in titled
                                  or alias.strip() in FAMILY_NAMES):     # ("said Papa": the cast's own Papa)
                table.setdefault(alias.strip().lower(), main)
            for described in _first_seen(alias):
                table.setdefault(described, main)
    claims: dict[str, set[str]] = {}
    for main, character in characters.items():
        for alias in (main, *character.aliases):
            words = alias.replace(".", "").split()
            if len(words) == 2 and words[0].lower() == "the" and words[1].isalpha() \
                    and words[1].lower() not in _ADDRESS_WORDS:
                # "Thank you, Vicar": the vicar spoken to by the job ("the" dropped, capitalised)
                claims.setdefault(words[1].lower(), set()).add(main)
            if len(words) < 2 or words[0].lower() in ("the", "a", "an"):
                continue
            if words[0].lower() in _STANDALONE_TITLES:
                # "said Mademoiselle": the one Mademoiselle in the cast
                claims.setdefault(words[0].lower(), set()).add(main)
            if words[0].lower() in _RANKS:
                # "the Countess" is Countess Olenska when the cast has no other countess
                claims.setdefault("the " + words[0].lower(), set()).add(main)
            rest = [w for w in words if w.lower() not in _TITLES]
            for word in {rest[0], rest[-1]} if rest else ():
                if len(word) > 2 and word[0].isupper() and (word not in _NOT_NAMES
                                                            or (word in _MONTH_NAMES and word == rest[0])):
                    claims.setdefault(word.lower(), set()).add(main)
    # "It's fine, Dan": a pet form of one character's first name ("Dan" of "Daniel") is theirs
    pets: dict[str, set[str]] = {}
    for main, character in characters.items():
        for alias in (main, *character.aliases):
            words = [w for w in alias.replace(".", "").split() if w.lower() not in _TITLES]
            if words and alias.split()[0].lower() not in ("the", "a", "an"):
                for pet in pet_forms(words[0]):
                    pets.setdefault(pet.lower(), set()).add(main)
    for word, owners in claims.items():
        if len(owners) == 1 and word not in table:
            table[word] = next(iter(owners))
    for word, owners in pets.items():
        if len(owners) == 1 and word not in table and word not in claims:
            table[word] = next(iter(owners))
    return table


def _shared_first_names(characters: dict[str, Character]) -> dict[str, set[str]]:
    """A one-word name the cast gives one person that is also the first name of another's full
    name ("John" of John Beaver, and John Andrew): lower case -> both of them."""
    shared: dict[str, set[str]] = {}
    for main, character in characters.items():
        names = {n.strip() for n in (main, *character.aliases)}
        for bare in (n for n in names if len(n.split()) == 1 and n[:1].isupper()):
            others = {other for other, c in characters.items() if other != main
                      and not any(n.strip().lower() == bare.lower() for n in (other, *c.aliases))
                      and any(len(n.split()) > 1 and n.split()[0] == bare for n in (other, *c.aliases))}
            if others and any(len(n.split()) > 1 and n.split()[0] == bare for n in names):
                shared.setdefault(bare.lower(), set()).update({main, *others})
    return shared


class _Names:
    """Finds character mentions, longest alias first. "the Hatter" may be written in any case;
    other names count only when capitalised, so the common word "hope" is not Hope."""

    def __init__(self, characters: dict[str, Character]):
        self.characters = characters
        self.table = _alias_variants(characters)
        words = sorted(self.table, key=len, reverse=True)
        # a name may be broken over a line ("Mr.\nDarcy")
        self.pattern = re.compile(r"(?<!\w)(?<!\w-)(" + "|".join(re.escape(w).replace(r"\.", r"\.?").replace(r"\ ", r"\s+")
                                                          for w in words)
                                  + r")(?![\w’'-]\w)", re.IGNORECASE) if words else None
        self.possessive = re.compile(self.pattern.pattern[:-len(r"(?![\w’'-]\w)")] + r"(?=['’]s\b)",
                                     re.IGNORECASE) if words else None
        self.shared = _shared_first_names(characters)
        self._anchors: dict[int, tuple[str, dict[str, list[tuple[int, str]]]]] = {}
        self.siblings_named: dict[tuple, set[str]] = {}     # my_sibling's reading of the chapter

    def _nearest_in_full(self, text: str, word: str, position: int) -> str:
        """Whose full name, of those that begin with the shared first name, was written last
        before `position` (or first after it): "John Andrew sat his pony" makes the next "John"
        the boy, though the list gives "John" to John Beaver."""
        cached = self._anchors.get(id(text))
        # kept with the text itself, so another text never reads this one's anchors: the last
        # long text (the chapter) and the last short one (a quote or a tag read beside it)
        if cached is None or cached[0] is not text:
            anchors: dict[str, list[tuple[int, str]]] = {w: [] for w in self.shared}
            for match in self.pattern.finditer(text):
                written = match.group(1).split()
                first = written[0].lower() if len(written) > 1 else ""
                if first in anchors:
                    main = self.lookup(match.group(1))
                    if main in self.shared[first]:
                        anchors[first].append((match.start(), main))
            for key, (kept, _) in list(self._anchors.items()):
                if (len(kept) > 2000) == (len(text) > 2000):
                    del self._anchors[key]
            cached = self._anchors[id(text)] = (text, anchors)
        anchors = cached[1][word]
        if not anchors:
            return ""
        index = bisect.bisect_right(anchors, (position, "\uffff")) - 1
        return anchors[max(index, 0)][1]

    def _main(self, text: str, match: re.Match) -> str:
        word = match.group(1)
        main = self.lookup(word)
        if word.lower() in self.shared:
            main = self._nearest_in_full(text, word.lower(), match.start()) or main
        return main

    def lookup(self, phrase: str) -> str:
        phrase = " ".join(phrase.split())
        return self.table.get(phrase.lower()) or self.table.get(phrase.lower().replace(".", "")) \
            or self.table.get(re.sub(r"^(mr|mrs|dr|st)\b\.?", r"\1.", phrase.lower()), "")

    def _valid(self, word: str) -> bool:
        # descriptors are written in lower case in the prose ("said the old woman"); a short
        # indefinite one ("a man") would match every passer-by, so it must be capitalised
        article = word.split(maxsplit=1)[0].lower()
        if article == "the" or (article in ("a", "an") and len(word.split()) >= 3):
            return True
        return word[0].isupper()

    @staticmethod
    def _month(text: str, start: int, end: int) -> bool:
        """A month or a "may" written where a name could be: "in May", "May 3rd", "May I?"."""
        return text[start:end] in _MONTH_NAMES and (_MONTH_USE.search(text, max(0, start - 10), start) is not None
                                                     or _MONTH_AFTER.match(text, end) is not None)

    def mentions(self, text: str, offset: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, main name) of each mention in text[offset:end]; offsets into text."""
        if not self.pattern:
            return []
        found = []
        for match in self.pattern.finditer(text, offset, len(text) if end is None else end):
            word = match.group(1)
            main = self._main(text, match)
            if main and self._valid(word) and not self._month(text, match.start(), match.end()):
                found.append((match.start(), match.end(), main))
        return found

    def possessives(self, text: str, offset: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, main name) of each name written as a possessive ("Lucy's")."""
        if not self.possessive:
            return []
        found = []
        for match in self.possessive.finditer(text, offset, len(text) if end is None else end):
            main = self._main(text, match)
            if main and self._valid(match.group(1)):
                found.append((match.start(), match.end(), main))
        return found

    def at(self, text: str, position: int, end: int) -> tuple[int, str] | None:
        """A mention starting exactly at position: (its end, main name)."""
        if not self.pattern:
            return None
        match = self.pattern.match(text, position, end)
        if match and self._valid(match.group(1)):
            main = self._main(text, match)
            if main:
                return match.end(), main
        return None


def _infer_genders(text: str, characters: dict[str, Character], names: _Names) -> dict[str, str]:
    """M/F for every character the cast leaves unknown, from titles, then from the pronouns
    the prose uses after the character's name."""
    genders = {}
    votes: dict[str, Counter] = {main: Counter() for main in characters}
    for start, end, main in names.mentions(text):
        if characters[main].gender in ("M", "F"):
            continue
        hint = _gender_hint(text, start, end)
        if hint:
            votes[main][hint] += 1
    for main, character in characters.items():
        gender = character.gender
        if gender not in ("M", "F"):
            titles = {w.lower().rstrip(".") for alias in (main, *character.aliases) for w in alias.split()[:2]}
            if titles & _MALE_TITLES and not titles & _FEMALE_TITLES:
                gender = "M"
            elif titles & _FEMALE_TITLES and not titles & _MALE_TITLES:
                gender = "F"
            else:
                gender = _decide(votes[main])
                if gender not in ("M", "F") and titles & RANKS and not votes[main]:
                    gender = "M"
        genders[main] = gender if gender in ("M", "F") else "U"
    return genders



_MALE_NOUNS = {"man", "gentleman", "boy", "father", "brother", "husband", "son", "uncle", "lord", "king", "fellow",
               "lad", "master", "landlord", "sir", "prince", "duke", "earl", "nephew", "grandfather", "papa", "grandad",
               "grandpa", "granddad", "dad", "daddy", "pa", "pop", *(w.lower() for w in _FATHERS_ABROAD | _GRANDFATHERS_ABROAD),
               "bro", "bruv", "priest", "vicar", "policeman", "butler", "clergyman", "waiter", "host", "chairman",
               "groom", "bridegroom", "boyfriend", "fiancé", "widower", "monk", "abbot"}
_FEMALE_NOUNS = {"woman", "lady", "girl", "mother", "sister", "wife", "daughter", "aunt", "queen", "maid",
                 "mistress", "landlady", "madam", "princess", "duchess", "niece", "grandmother", "mama", "mamma",
                 "gran", "granny", "grandma", "nan", "nana", "mum", "mummy", "mom", "mommy", "mam", "ma",
                 *(w.lower() for w in _MOTHERS_ABROAD | _GRANDMOTHERS_ABROAD),
                 "sis", "sissy", "housekeeper", "widow", "nurse", "governess", "cook", "hostess", "waitress", "actress",
                 "bride", "bridesmaid", "girlfriend", "fiancée", "nun", "abbess", "matron"}


def _gender_of_phrase(phrase: str) -> str:
    words = re.findall(r"[a-z]+", phrase.lower())
    if not words:
        return ""
    if words[0] in ("he", "him"):
        return "M"
    if words[0] in ("she", "her") and len(words) == 1:
        return "F"
    # (the last word, or the last two: "Ah Gong")
    if words[-1] in _MALE_NOUNS or " ".join(words[-2:]) in _MALE_NOUNS:
        return "M"
    if words[-1] in _FEMALE_NOUNS or " ".join(words[-2:]) in _FEMALE_NOUNS:
        return "F"
    return ""


# Titles that go before a first name as well as a surname ("Miss Elizabeth", "Lady Catherine");
# the others ("Mr.", "Colonel") go before a surname.
_FIRST_NAME_TITLES = {"Miss", "Lady", "Sir", "Lord", "Aunt", "Auntie", "Aunty", "Tante", "Tantie", "Uncle", "Sister", "Brother", "Father", "Mother",
                      "Mademoiselle", "Mlle", "Prince", "Princess", "King", "Queen", "Madame", "Count", "Countess",
                      "Pastor", "Reverend", "Rev"}
_PARTICLES = {"de", "du", "van", "von", "le", "la", "des", "di", "da"}
