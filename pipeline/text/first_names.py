"""First names: the gender a first name says (gender-guesser's list, read offline) and which
pet forms belong to which names (the nicknames package's table)."""
from __future__ import annotations

import re
import unicodedata

from functools import lru_cache


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    """First name (lower case) -> M or F (m or f when only mostly so), from the name dictionary gender-guesser ships
    (nam_dict.txt, read offline). A name listed under several genders takes the one found in
    the most countries, then with the highest frequencies (gender-guesser's own rule without a
    country); unisex ("?") names say nothing."""
    try:
        from importlib import resources
        data = (resources.files("gender_guesser") / "data" / "nam_dict.txt").read_text(encoding="utf-8")
    except (ImportError, OSError):     # the list helps; without it the pronouns decide
        return {}
    best: dict[str, tuple[tuple[int, int], str, int]] = {}
    spoken: dict[str, tuple[str, int]] = {}
    classes = {"M": "M", "1M": "M", "?M": "m", "F": "F", "1F": "F", "?F": "f", "?": ""}
    for line in data.splitlines():
        if line[:1] in "#=" or len(line) < 4:
            continue
        parts = line.split()
        gender = classes.get(parts[0])
        if gender is None:
            continue
        values = [ord(c) for c in line[30:-1].replace(" ", "")]
        score = (len(values), sum(c - 55 if c > 64 else c - 48 for c in values))
        # how common in Britain, Ireland and the U.S.A., the list's first three columns
        english = sum(ord(c) - 55 if c > "@" else ord(c) - 48 for c in line[30:33] if c.strip())
        for name in {parts[1].replace("+", r) for r in ("", " ", "-")}:
            key = name.lower()
            if key not in best or score > best[key][0]:
                best[key] = (score, gender, english)
            if english >= 8 and english > spoken.get(key, ("", 0))[1]:     # (8: "Jean", not "Alexis" or "Sasha")
                spoken[key] = (gender, english)
    # (read by an English voice: "Jean" is Jean Munro of the harbour café, a woman's name in Britain, Ireland and
    # the U.S.A., where the Jean of France and Belgium, in more countries, is not heard)
    return {name: spoken[name][0] if name in spoken and not english and gender.upper() != spoken[name][0].upper()
            and spoken[name][0] else gender for name, (_, gender, english) in best.items() if gender}


# pet forms of Welsh, Scots, Polish, Spanish and Greek names the nicknames package's (English) table lacks
_PETS_LACKED = {"dai": ("david", "dafydd"), "dafydd": ("david",), "gwil": ("gwilym",), "ieu": ("ieuan",),
                "mansie": ("magnus",), "hamish": ("james",), "sandy": ("alexander",),
                "kasia": ("katarzyna",), "kasienka": ("katarzyna",), "tomek": ("tomasz",), "kuba": ("jakub",),
                "wojtek": ("wojciech",), "gosia": ("malgorzata",), "basia": ("barbara",), "zosia": ("zofia",),
                "pepe": ("jose",), "paco": ("francisco",), "pancho": ("francisco",), "nacho": ("ignacio",),
                "chuy": ("jesus",), "lupe": ("guadalupe",), "takis": ("panayiotis", "panagiotis"),
                "yiannis": ("ioannis",), "sotiris": ("sotirios",),
                # Irish names shortened as they sound, not as they are spelled
                "shiv": ("siobhan",), "shev": ("siobhan",), "shay": ("seamus",),
                # and Scots ones
                "tam": ("thomas",), "wullie": ("william",), "rab": ("robert",), "eck": ("alexander",),
                "shug": ("hugh",), "jaikie": ("james",), "jinty": ("janet",)}


@lru_cache(maxsize=1)
def _nick_namer():
    try:
        from nicknames import NickNamer
    except ImportError:          # the table helps; without it only prefixes ("Walt" of "Walter") join
        return None
    return NickNamer()


def said_to_form(one: str, other: str) -> bool:
    """The one name as the other is said to them, the Polish vocative: "Kasiu" of "Kasia", "Tomku" of "Tomek"
    (either way round)."""
    a, b = one.lower(), other.lower()
    return any(len(x) >= 4 and ((x[-1] == "u" and y[-1] == "a" and x[:-1] == y[:-1])
                                or (x.endswith("ku") and y.endswith("ek") and x[:-2] == y[:-2])) for x, y in ((a, b), (b, a)))


def said_to_a_name(form: str, written) -> bool:
    """"Kasiu" where "Kasia" is written (`written`: counts of the text's names), "Tomku" where "Tomek" is."""
    return any(said_to_form(form, other) and written[other] for other in (form[:-1] + "a", form[:-2] + "ek"))


def known_pet_form(short: str, long: str) -> bool:
    """"Shiv" of "Siobhan": a pet form the tables know, whatever a name list says of the short one's sex."""
    return long.lower() in _PETS_LACKED.get(short.lower(), ())


_KIN_SAID_TWICE = {"mama", "papa", "nana", "dada", "baba", "didi", "bibi", "gogo", "nene", "tata", "lolo", "popo"}


def same_first_name(short: str, long: str) -> bool:
    """"Walt" and "Walter", "Hattie" and "Harriet", "Bea" and "Beatrice": one first name, the
    pet form first (a prefix of the long one, or in the nicknames package's table)."""
    # (an accent is no other name: "Paddy" of "Pádraig")
    a, b = (unicodedata.normalize("NFKD", n.lower()).encode("ascii", "ignore").decode() or n.lower() for n in (short, long))
    if a == b or len(a) < 2 or not short[:1].isupper() or not long[:1].isupper():
        return False
    if said_to_form(a, b):
        return True
    if len(b) > len(a) + 1 and b.startswith(a):
        return True
    # "Trace" of "Tracey", "Stace" of "Stacey": the name without its last y
    if len(a) >= 4 and b == a + "y" and a.endswith("e"):
        return True
    # "Tola" of "Adetola", "Beth" of "Elizabeth": the name's last syllables, after a syllable of its own
    # (or after an opening vowel alone: "Bena" of "Abena", "Liza" of "Eliza", "Nita" of "Anita")
    # ("Dora" of "Eudora": after a diphthong alone)
    if len(a) >= 4 and (len(b) >= len(a) + 3 or len(b) == len(a) + 1 or re.fullmatch(r"[aeiou]{2}", b[:-len(a)])) \
            and b.endswith(a) and re.search(r"[aeiou]", b[:-len(a)]) \
            and len({first_name_gender(short), first_name_gender(long)} - {""}) <= 1:
        return True
    # "Roz" of "Rosalind", "Suze" of "Susan": the opening letters, spoken with a z
    # ("Gaz" of "Gareth", "Shaz" of "Sharon": the z sounds an r as well)
    # ("Shazza", "Gazza", "Bazza": the same, with the Australian and English -zza)
    voiced = re.fullmatch(r"([a-z]{1,3})(?:ze?|zza)", a)
    if voiced and len(b) > len(voiced.group(1)) + 1 and (b.startswith(voiced.group(1) + "s") or (
            len(voiced.group(1)) >= 2 and b.startswith(voiced.group(1) + "r"))):
        return True
    # "Mo" of "Maureen" or "Maurice": the first syllable as it sounds
    if len(a) == 2 and a[1] == "o" and b.startswith(a[0] + "au") and len(b) >= 4:
        return True
    # "Benny" of "Benedict", "Freddie" of "Frederick": the first syllable, its consonant doubled
    pet = re.fullmatch(r"([a-z]*[aeiou]([b-df-hj-np-tv-z]))\2(?:y|ie|ey)", a)
    # ("Ally" of "Alasdair", "Eddie" of "Edward")
    # ("Dezzy" of "Desmond", "Rozzie" of "Rosalind": the s of the name sounded as a z)
    if pet and len(pet.group(1)) >= 2 and len(b) > len(pet.group(1)) + 1 and (
            b.startswith(pet.group(1)) or (pet.group(2) == "z" and b.startswith(pet.group(1)[:-1] + "s"))):
        return True
    # "Otty" of "Ottoline", "Rosie" of "Rosalind": the opening letters and a pet ending
    # ("Mary", a name of its own, is not Margaret's)
    pet = re.fullmatch(r"([a-z]{3,})(?:y|ie)", a)
    if pet and len(b) >= len(pet.group(1)) + 2 and b.startswith(pet.group(1)) \
            and (a.endswith("ie") or a[-2] == a[-3] or not first_name_gender(short)):
        return True
    # "Anju" of "Anjali", "Kiru" of "Kiran", "Raju" of "Rajesh": the opening syllable and the South Asian -u
    pet = re.fullmatch(r"([a-z]{2,}[b-df-hj-np-tv-z])(?:u|oo)", a)
    if pet and len(b) >= len(pet.group(1)) + 2 and b.startswith(pet.group(1)) and b[len(pet.group(1))] in "aeiou":
        return True
    # "Mads" of "Maddie", "Nats" of "Natalie": the opening syllable and an s
    # ("Funks" of "Funke": a vowel after the syllable, of a name the list knows: not "Babs" of "Baby")
    pet = re.fullmatch(r"([a-z]{2,}[b-df-hj-np-rtv-z])s", a)
    if pet and (len(b) >= len(pet.group(1)) + 2
                or (b[len(pet.group(1)):] in ("a", "e", "i", "o", "y") and first_name_gender(long))) \
            and b.startswith(pet.group(1)):
        return True
    if b in _PETS_LACKED.get(a, ()):
        return True
    # "Mimi" of "Mia", "Jojo" of "Joanna": the opening syllable said twice
    # (not a family word: "Nana", "Papa", "Didi" are kin, not Nancy, Patrick or Diana)
    twice = re.fullmatch(r"([b-df-hj-np-tv-z][aeiou])\1", a) if a not in _KIN_SAID_TWICE else None
    if twice and len(b) >= 3 and b.startswith(twice.group(1)) \
            and len({first_name_gender(short), first_name_gender(long)} - {""}) <= 1:
        return True
    # "Nick" of "Nikos", "Mick" of "Mikael": the opening letters, the k sound spelled "ck"
    if re.fullmatch(r"[a-z]{1,3}ck", a) and len(b) >= len(a) and b.startswith(a[:-2] + "k"):
        return True
    namer = _nick_namer()
    if namer is None:
        return False
    # "Gus" of "Fergus", as of "Augustus": a pet form the table takes from inside a name, ending another
    if len(a) >= 3 and len(b) >= len(a) + 2 and b.endswith(a) \
            and any(a in c[1:] for c in namer.canonicals_of(a)):
        return True
    return b in namer.canonicals_of(a)


def pet_form_of_same_surname(short: str, long: str) -> bool:
    """"Dodie Hollis" and "Miss Dorothy Hollis": with the surname shared, a pet-shaped first name
    (the opening letters and a pet ending) that no table lists is still the longer name's, unless
    the name list gives the two names different sexes."""
    if same_first_name(short, long):
        return True
    a, b = short.lower(), long.lower()
    return (re.fullmatch(r"[a-z]{2,}(?:ie|[b-df-hj-np-tv-z]y|ey)", a) is not None and a[:2] == b[:2] and len(b) > len(a)
            and (not a.endswith("y") or a[-2] == a[-3] or not first_name_gender(short))
            and len({first_name_gender(short), first_name_gender(long)} - {""}) <= 1)


# everyday British and West African first names and pet forms gender-guesser's list lacks
_LIST_LACKS = {**dict.fromkeys(("alfie", "albie", "ollie", "bertie", "dougie", "dez", "baz", "gaz", "dom", "jez", "kwame",
                                "tunde", "emeka", "chinedu", "obinna", "femi",
                                # Welsh, Scots Gaelic and Polish pet forms ("Dai" of David, "Tomek" of Tomasz)
                                "dai", "ifan", "eifion", "osian", "caradog", "mansie", "seonaidh", "tomek", "wojtek",
                                "kuba", "wil", "pandit", "panditji",
                                # Scots pet forms, and the "-o" of Australian and Kenyan mates ("Stevo", "Kevo")
                                "davie", "tam", "rab", "wullie", "shug", "stevo", "kevo", "davo", "robbo", "jonno",
                                # Igbo, Yoruba and Akan men's names
                                "chidi", "nnamdi", "ikenna", "kelechi", "tobenna", "chukwuemeka", "ifeanyi", "ebuka",
                                "chijioke", "dayo", "segun", "wale", "kunle", "jide", "lanre", "niyi", "babatunde",
                                "olumide", "adebayo", "oluwaseun", "kayode", "rotimi", "gbenga", "kwesi", "kojo",
                                # Māori men's names
                                "wiremu", "hemi", "tane", "rawiri", "tamati", "hone", "mikaere", "matiu", "pita",
                                "ihaia", "tipene", "hohepa", "nikau", "tama"), "M"),
               **dict.fromkeys(("funmi", "funke", "ngozi", "chioma", "bex", "jess", "shaz", "shazza", "harper", "nkechi", "yewande",
                                "kasia", "basia", "gosia", "hyacinth", "meinir", "glesni", "eirwen", "mererid",
                                # and women's
                                "chiamaka", "adaeze", "amaka", "ifeoma", "adanna", "nneka", "obiageli", "chinwe", "ebere",
                                "oluchi", "bisi", "kemi", "folake", "bukola", "busola", "temi", "funmilayo", "abimbola",
                                "titilayo", "adaobi", "nkem", "akosua", "abena", "efua", "adwoa", "ama",
                                # and Māori women's
                                "mere", "aroha", "anahera", "hine", "huia", "ngaio", "marama", "wikitoria", "hana",
                                "ngaire", "rewa", "awhina",
                                # and a southern African woman's name that is also a word
                                "precious", "hodan", "faadumo"), "F")}


# words a Welsh or Irish village puts after a first name, not surnames: "Dai Bach" (little), "Seán Óg" (young)
EPITHETS = {"Bach", "Fach", "Mawr", "Fawr", "Óg", "Og", "Mór", "Mor", "Beag", "Bheag", "Rua", "Dubh"}
# and the words before one ("Old Harry Sutcliffe", "Wee Jamie"), which before a place are its name ("Old Kent Road")
BEFORE_A_NAME = ("Old", "Young", "Little", "Big", "Wee")


# and the English pet forms it files under a namesake of another country's ("Nate" of Nathan)
_LIST_MISFILES = {"nate": "M",
                  # and Welsh men's names it files as a woman's namesake elsewhere ("Dewi" of Dewi Sant, "Gwyn")
                  "dewi": "M", "gwyn": "M", "glyn": "M", "emlyn": "M",
                  # and English men's names it has as women's
                  "kyle": "M",
                  # and English women's short names it has only as a man's (Jess of Jessica, mostly; "f": a pronoun
                  # says otherwise)
                  "jess": "f",
                  # and the English man's name it has as a woman's (Eli is a Norwegian woman's)
                  "eli": "m",
                  # and the Irish man's name it has only as a woman's (Christy Brown, Christy Moore)
                  "christy": "f"}


def first_name_gender(word: str) -> str:
    """M, F or "" from the first-name list; "" for names it calls unisex or does not know."""
    if not word[:1].isupper():
        return ""
    found = (_LIST_MISFILES.get(word.lower()) or _first_names().get(word.lower(), "")).upper() \
        or _LIST_LACKS.get(word.lower(), "")
    # ("Siân" is the list's "Sian", "Zoë" its "Zoe")
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return found or (first_name_gender(plain) if plain != word and plain[:1].isupper() else "")


def first_name_certain(word: str) -> bool:
    """The list gives the name one gender outright, not "mostly" ("Jude" is mostly male)."""
    return word[:1].isupper() and (_LIST_MISFILES.get(word.lower()) or _first_names().get(word.lower(), "")
                                   or _LIST_LACKS.get(word.lower(), "")) in ("M", "F")


# pet forms that are also everyday words, and so would turn a "Will you...?" into a name
_WORDLIKE_PET_FORMS = {"will", "bill", "pat", "rob", "art", "sue", "don", "ray", "mark", "may", "hope", "joy", "sandy",
                       "rusty", "bob", "chuck", "dick", "gene", "grace", "jack", "nat", "ned", "kit", "sal", "val",
                       "mel", "ash", "bert", "lou", "ken", "max", "gus", "ben", "jo", "di", "al", "tom"}


def pet_forms(first_name: str) -> set[str]:
    """Short and pet forms of a first name ("Dan" and "Danny" of "Daniel"), capitalised, from
    the nicknames package's table; none that are also everyday words."""
    namer = _nick_namer()
    if namer is None or not first_name[:1].isupper():
        return set()
    return {pet.capitalize() for pet in namer.nicknames_of(first_name.lower())
            if len(pet) > 2 and pet not in _WORDLIKE_PET_FORMS and pet.isalpha()}


# Surnames a Chinese (or Malaysian or Singaporean Chinese) name puts first: "Lim Boon Teck", called "Boon Teck" and
# "Mr Lim". (Not those that are English words too: "He", "So", "Man", "Low", "Song".)
SURNAMES_FIRST = frozenset({
    "Lim", "Tan", "Lee", "Ng", "Wong", "Chan", "Chen", "Chong", "Chua", "Goh", "Koh", "Teo", "Ong", "Ang", "Loh", "Lau",
    "Leong", "Liew", "Yap", "Yeo", "Toh", "Tay", "Sim", "Foo", "Khoo", "Cheah", "Cheng", "Chin", "Chow", "Choo", "Chew",
    "Ho", "Hui", "Kwok", "Lai", "Lam", "Leung", "Li", "Liu", "Mok", "Poon", "Siu", "Tam", "Tang", "Tse", "Tsang", "Yau",
    "Yeung", "Yip", "Zhang", "Wang", "Zhao", "Zhou", "Wu", "Xu", "Sun", "Zhu", "Hu", "Guo", "Lin", "Luo", "Gao", "Huang",
    "Yang", "Zheng", "Xie", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang",
    "Ye", "Wei", "Su", "Lu", "Ding", "Shen", "Yao", "Zhong", "Cui", "Qian", "Qin", "Soh", "Seah", "Quek", "Heng", "Kok"})


def surname_first(words: tuple[str, ...]) -> bool:
    """"Lim Boon Teck": a surname of SURNAMES_FIRST and a given name of two words after it."""
    return len(words) == 3 and words[0] in SURNAMES_FIRST and all(w[:1].isupper() for w in words[1:])


def given_name_first(names) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each surname-first name (as words), and its given name said alone ("Boon Teck"), -> the words as the
    cast's other names are read, given name first and surname last: ("Boon", "Teck", "Lim")."""
    reordered = {}
    for words in names:
        if surname_first(words):
            reordered[words] = reordered[words[1:]] = (*words[1:], words[0])
    return reordered


def kept_title(title: str | None, first_word: str, text: str) -> str | None:
    """The title before a name, unless it says whose parent someone is: "Mama Texas" and "Mama Tobi" are a
    woman's own name, but "Mama Tunde" beside Tunde himself, a first name (Yoruba, Swahili), is Tunde's mother,
    and the name his."""
    if title not in ("Mama", "Mamma", "Papa") or not first_name_gender(first_word):
        return title
    if len(re.findall(rf"\b{title}\s+{re.escape(first_word)}\b", text)) >= 3:
        return title    # ("Mama Tobi had been awake for three hours. She stood..." all chapter: the mother by her name)
    alone = re.search(rf"(?<!\bMama\s)(?<!\bMamma\s)(?<!\bPapa\s)\b{re.escape(first_word)}\b", text)
    return None if alone else title
