"""The words the reader reads a speech tag and the narration around it by: the verbs of saying ("went on",
"chimed in"), what may stand between a tag's verb and its speaker, the prepositions a name after which is not
a sentence's subject, and where a sentence or a clause ends."""
from __future__ import annotations

import re

from pipeline.text.quotes import SPEECH_VERBS

_PHRASAL = ("went on", "goes on", "called out", "cried out", "broke in", "put in", "struck in", "chimed in",
            "burst out", "broke out", "blurted out", "threw out", "jerked out", "rapped out", "spoke up", "sang out",
            "called after", "shouted out", "said again")
_VERB_RE = re.compile(r"(?:" + "|".join(re.escape(p) for p in _PHRASAL) + "|"
                      + "|".join(sorted(map(re.escape, SPEECH_VERBS), key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)
_NOT_SAID = re.compile(r"(?:n['’]t|\bnot|\bnever)\s+$")
_GOING_ON = re.compile(r"(?:was|were|is|had\s+been)\s+")
_FILLER = re.compile(r"(?:[ \t\n]+(?:(?-i:[a-z]\w*ly)|then|again|now|too|also|only|once|presently|at last|at length|at once|"
                     r"aloud|out|in reply|in return|at first|almost|nearly|half|quite|just|still|even|all but)\b)*[ \t\n]*",
                     re.IGNORECASE)
# "Catherine said nothing", "he replied that it was": no words of theirs follow
_NOT_WORDS = re.compile(r"\s+(?:nothing|no more|not a word|never a word|that)\b", re.IGNORECASE)
_SUBJECT_PRONOUNS = {"he": "M", "she": "F", "i": "I"}
_PREPOSITIONS = {"to", "at", "with", "of", "for", "from", "on", "by", "upon", "about", "towards", "toward",
                 "into", "after", "than", "like", "behind", "before", "between", "beside", "near", "under", "over",
                 "and", "or", "nor"}
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bMs)[.!?;]+[\"”’']?(?=\s)|--|—")
# "cried the muffled voice of Kemp", "exclaimed the voice of old Mr. Emerson"
_VOICE_OF = re.compile(r"(?:the|a)\s+(?:[\w-]+\s+){0,2}?voice\s+of\s+(?:(?:old|young|little|poor|the)\s+)?")
# "the gentle Mrs. Thorpe": a word or two of description before a name
_NAME_DESCRIBED = re.compile(r"(?:(?:the|a|an)\s+(?:(?!(?:of|and|to|for|with|from|by|in|at)\s)[a-z][\w-]*\s+){1,2}|"
                             # "said poor Lucy", "remarked skeptical Anne"
                             r"(?!(?:that|to|of|and|as|when|while|then|so|but|or|if|for|with|by|in|at|on|from|nothing|"
                             r"not|never|again|once|only|how|what|why|where|who|this|these|those|some|all|both|each|"
                             r"every|any|no|he|she|it|they|we|you|him|her|them|me|us)\s)[a-z][a-z-]+\s+)"
                             r"(?=[A-Z])")
_AFTER_PREPOSITION = re.compile(r"\b(?:of|to|in|at|with|from|for|on|by|about|into|upon|towards?|like|than)\s+$",
                                re.IGNORECASE)
_OBJECT_OF = re.compile(r"\b(?:they|we|I|you|he|she)\s+(?:[a-z]+\s+){1,3}$")
_HIS_BEFORE = {"M": re.compile(r"\b(?:his|him)\b", re.IGNORECASE), "F": re.compile(r"\b(?:her|hers)\b", re.IGNORECASE)}
_CLAUSE_JOIN = re.compile(r"[,;:]\s*|\b(?:but|for|and|while|when|as|so|then|till|until)\s+")
