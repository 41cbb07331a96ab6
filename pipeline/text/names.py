"""Characters and their names: the cast as given (name, aliases, gender), finding its
mentions in prose (longest alias first, bare surnames and first names when only one person
could be meant) and telling a character's gender from titles and the pronouns around them."""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.errors import PipelineError


@dataclass(frozen=True)
class Character:
    name: str
    aliases: tuple[str, ...]
    gender: str            # M, F, U (unknown), X



_NOT_NAMES = {
    "The", "A", "An", "And", "But", "Or", "If", "Then", "When", "While", "As", "So", "Yet", "Now", "Well", "Oh",
    "Yes", "No", "Not", "It", "Its", "This", "That", "These", "Those", "There", "Here", "What", "Why", "How", "Who",
    "Where", "Which", "He", "She", "They", "We", "You", "I", "Me", "My", "Your", "His", "Her", "Their", "Our",
    "Mr", "Mrs", "Miss", "Ms", "Dr", "Sir", "Lady", "Lord", "Chapter", "Meanwhile", "After", "Before", "Even",
    "Of", "In", "On", "At", "To", "For", "With", "From", "By", "Actually", "Afterwards", "Each", "Every", "All",
    "Dear", "God", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Still", "Just", "Only", "Perhaps", "Maybe", "Suddenly", "Finally", "Later", "Soon", "Once", "Again", "Never",
}


TITLES = ("Mr", "Mrs", "Miss", "Ms", "Dr", "Doctor", "Sir", "Lady", "Lord", "Colonel", "Captain", "Major",
          "General", "Inspector", "Professor", "Father", "Aunt", "Uncle", "Sister", "Brother", "Madame", "Monsieur",
          "Mademoiselle", "Mlle", "Mme", "Count", "Countess", "Baron", "Baroness", "Prince", "Princess", "King",
          "Queen", "Reverend", "Rev", "Sergeant", "Lieutenant", "Judge", "Mistress", "Madam", "Duke", "Duchess",
          "Signor", "Signora", "Frau", "Herr", "Fraulein", "Mother", "M", "Constable", "Officer", "Detective",
          "Superintendent", "Admiral", "Commander", "Bishop", "Vicar", "Nurse", "Matron")

_SAME_TITLE = {"Doctor": "Dr", "Mister": "Mr", "Mademoiselle": "Mlle", "Madame": "Mme", "Reverend": "Rev"}


def _split_title(form: str) -> tuple[str, tuple[str, ...]]:
    """("Dr", ("Kemp",)) for "Doctor Kemp" and "Dr. Kemp" alike."""
    first, _, rest = form.partition(" ")
    if first.rstrip(".") in TITLES and rest:
        title = first.rstrip(".")
        return _SAME_TITLE.get(title, title), tuple(rest.split())
    return "", tuple(form.split())


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



def _gender_hint(text: str, start: int, end: int) -> str:
    """M or F when the prose goes on about the person named at text[start:end] as "he" or
    "she": "his"/"her" later in the sentence, or "He ..." opening the next sentence after a
    sentence the name opens ("Dev grinned. Behind him ..."). "him" in the name's own sentence is
    left out: it is mostly someone else."""
    sentence = re.match(r"[^.!?\"“”]{0,60}", text[end:end + 60]).group(0)
    # "her" as an object ("stood beside her", "told her that") is someone else, as "him" is;
    # as a possessive ("her hand") it is the person named
    pronoun = re.search(r"\b(he|his|himself|she|herself)\b|\b(her)\b(?=\s+(?!(?:the|a|an|that|to|and|or|but|as|in|"
                        r"on|at|for|with|by|from|of|so|if|when|again|away|back|up|down|out|off|over|once|now|then)\b)"
                        r"[a-z])", sentence, re.IGNORECASE)
    if not pronoun and re.search(r"(^|[.!?][\"”’']?\s+|\n\s*)$", text[max(0, start - 3):start]):
        pronoun = re.match(r"[^.!?\"“”]{0,200}[.!?][\"”’']?\s+(He|She)\b", text[end:end + 240]) or \
            re.match(r"[^.!?\"“”]{0,80}[.!?]\s+[A-Z][^.!?\"“”]{0,40}?\b(him|his|her)\b", text[end:end + 200])
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
           "general", "inspector", "professor", "father", "mother", "aunt", "uncle", "master", "mistress",
           "madame", "madam", "monsieur", "mademoiselle", "count", "countess", "prince", "princess", "king",
           "queen", "reverend", "rev", "st", "sergeant", "lieutenant", "judge", "old", "young", "little"}
_MALE_TITLES = {"mr", "sir", "lord", "colonel", "captain", "major", "general", "father", "uncle", "master",
                "monsieur", "count", "prince", "king", "reverend", "rev", "sergeant", "lieutenant"}
_FEMALE_TITLES = {"mrs", "miss", "ms", "lady", "mother", "aunt", "mistress", "madame", "madam", "mademoiselle",
                  "countess", "princess", "queen"}


_ADDRESS_WORDS = {"sir", "madam", "ma'am", "maam", "miss", "mister", "mr", "mrs", "master", "mistress", "lady", "lord",
                  "dear", "love", "darling", "mama", "mamma", "papa", "mother", "father", "sister", "brother",
                  "you", "child", "boy", "girl", "friend", "man", "woman", "sahib", "ma", "pa"}


def _alias_variants(characters: dict[str, Character]) -> dict[str, str]:
    """Alias (lower case) -> main name: the cast's own aliases, plus the bare surname or first
    name of a titled or two-word name when no other character could be meant by it."""
    table: dict[str, str] = {}
    for main, character in characters.items():
        for alias in (main, *character.aliases):
            # "Sir" or "Madam" alone is how anyone is spoken to, not a name
            # "I" marks the first-person narrator; the rules read it as a pronoun, not a name
            if alias.strip() and alias.strip().lower().rstrip(".") not in _ADDRESS_WORDS | {"i", "_narr"}:
                table.setdefault(alias.strip().lower(), main)
    claims: dict[str, set[str]] = {}
    for main, character in characters.items():
        for alias in (main, *character.aliases):
            words = alias.replace(".", "").split()
            if len(words) < 2 or words[0].lower() in ("the", "a", "an"):
                continue
            rest = [w for w in words if w.lower() not in _TITLES]
            for word in {rest[0], rest[-1]} if rest else ():
                if len(word) > 2 and word[0].isupper() and word not in _NOT_NAMES:
                    claims.setdefault(word.lower(), set()).add(main)
    for word, owners in claims.items():
        if len(owners) == 1 and word not in table:
            table[word] = next(iter(owners))
    return table


class _Names:
    """Finds character mentions, longest alias first. "the Hatter" may be written in any case;
    other names count only when capitalised, so the common word "hope" is not Hope."""

    def __init__(self, characters: dict[str, Character]):
        self.characters = characters
        self.table = _alias_variants(characters)
        words = sorted(self.table, key=len, reverse=True)
        # a name may be broken over a line ("Mr.\nDarcy")
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w).replace(r"\.", r"\.?").replace(r"\ ", r"\s+")
                                                          for w in words)
                                  + r")(?![\w’'-]\w)", re.IGNORECASE) if words else None
        self.possessive = re.compile(self.pattern.pattern[:-len(r"(?![\w’'-]\w)")] + r"(?=['’]s\b)",
                                     re.IGNORECASE) if words else None

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

    def mentions(self, text: str, offset: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, main name) of each mention in text[offset:end]; offsets into text."""
        if not self.pattern:
            return []
        found = []
        for match in self.pattern.finditer(text, offset, len(text) if end is None else end):
            word = match.group(1)
            main = self.lookup(word)
            if main and self._valid(word):
                found.append((match.start(), match.end(), main))
        return found

    def possessives(self, text: str, offset: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, main name) of each name written as a possessive ("Lucy's")."""
        if not self.possessive:
            return []
        found = []
        for match in self.possessive.finditer(text, offset, len(text) if end is None else end):
            main = self.lookup(match.group(1))
            if main and self._valid(match.group(1)):
                found.append((match.start(), match.end(), main))
        return found

    def at(self, text: str, position: int, end: int) -> tuple[int, str] | None:
        """A mention starting exactly at position: (its end, main name)."""
        if not self.pattern:
            return None
        match = self.pattern.match(text, position, end)
        if match and self._valid(match.group(1)):
            main = self.lookup(match.group(1))
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
        genders[main] = gender if gender in ("M", "F") else "U"
    return genders



_MALE_NOUNS = {"man", "gentleman", "boy", "father", "brother", "husband", "son", "uncle", "lord", "king", "fellow",
               "lad", "master", "landlord", "sir", "prince", "duke", "earl", "nephew", "grandfather", "papa", "grandad",
               "grandpa", "granddad",
               "priest", "vicar", "colonel", "captain", "major", "sergeant", "constable", "policeman", "butler"}
_FEMALE_NOUNS = {"woman", "lady", "girl", "mother", "sister", "wife", "daughter", "aunt", "queen", "maid",
                 "mistress", "landlady", "madam", "princess", "duchess", "niece", "grandmother", "mama", "mamma",
                 "gran", "granny", "grandma", "nan", "nana",
                 "housekeeper", "widow", "nurse", "governess", "cook"}


def _gender_of_phrase(phrase: str) -> str:
    words = re.findall(r"[a-z]+", phrase.lower())
    if not words:
        return ""
    if words[0] in ("he", "him"):
        return "M"
    if words[0] in ("she", "her") and len(words) == 1:
        return "F"
    if words[-1] in _MALE_NOUNS:
        return "M"
    if words[-1] in _FEMALE_NOUNS:
        return "F"
    return ""


_SELF_NAMED = re.compile(r"(?:\b(?:I\s+am|I['’]m|my\s+name\s+is|the\s+name['’]s|call\s+me)\s+$)", re.IGNORECASE)


def self_named(quote: str, names: _Names) -> str:
    """Who the quote says is speaking: "I am Dr. Okafor", "My name is Tom", or a full name
    said as a sentence of its own ("Is it? Father Doyle. I do beg your pardon.", "Sam Cobb,
    madam.")."""
    for a, b, main in names.mentions(quote):
        if _SELF_NAMED.search(quote[max(0, a - 16):a]):
            return main
        # a name as a sentence of its own, then "sir" or an "I" ("Mr. Dixon.--Very well." talks of him)
        introduces = re.match(r"\s*(?:,\s*(?:sir|madam|ma['’]am|miss)\s*\.|\.\s+I\b)", quote[b:]) is not None
        opens = not quote[:a].strip() or re.search(r"[.!?]\s*$", quote[:a]) is not None
        if introduces and opens and len(quote[a:b].split()) >= 2:
            return main
    return ""


def vocatives(quote: str, names: _Names) -> set[str]:
    """People the quote speaks to: a name opening or closing the quote or a clause of it."""
    found = set()
    speaking = self_named(quote, names)
    for a, b, main in names.mentions(quote):
        if main == speaking:
            continue
        before = quote[:a].rstrip()
        after = quote[b:b + 2]
        opens = not before or before[-1] in ",!?;—-" or re.search(r"\b(dear|my|oh|o)$", before, re.IGNORECASE)
        # a new sentence opened by a name and a comma: "...past. Agnes, Clara will show you"
        opens = opens or (before[-1] == "." and after[:1] == ",")
        if opens and (not after.strip() or after[0] in ",!?.;—-"):
            found.add(main)
    return found
