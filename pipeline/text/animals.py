"""Names that are a pet's or a beast's ("Nell, the collie", "Rex barked"), not a person's: no
one to cast."""
from __future__ import annotations

import re

_ANIMALS = (r"(?:dog|dogs|collie|sheepdog|spaniel|terrier|labrador|retriever|lurcher|whippet|greyhound|alsatian|"
            r"poodle|beagle|dachshund|mongrel|puppy|pup|hound|cat|kitten|tabby|tomcat|horse|pony|mare|gelding|"
            r"stallion|foal|donkey|mule|cow|calf|goat|pig|sheep|ewe|lamb|ram|parrot|budgie|canary|hen|cockerel|"
            r"rooster|ferret|rabbit|hamster|guinea\s+pig|tortoise|goldfish)")
_ARTICLE = r"(?:the|our|my|his|her|their|your|a|an|old)"
# what says a name is a pet's or a beast's: "Nell, the collie", "Nell's a dog", "our old dog Rex", "Rex barked"
# ("tell Pop the dog was found" says nothing of Pop)
_ANIMAL_NAMED = re.compile(
    rf"\b([A-Z][a-z]+),\s+{_ARTICLE}\s+(?:[\w-]+\s+){{0,2}}?{_ANIMALS}\b|\b([A-Z][a-z]+)\s+the\s+{_ANIMALS}(?=\s*[,.;:!?])"
    rf"|\b([A-Z][a-z]+)(?:['’]s|\s+is|\s+was)\s+(?:only\s+|just\s+)?(?:an?|your|my|his|her|our|their)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_ANIMALS}\b"
    rf"|\b{_ARTICLE}\s+(?:[\w-]+\s+){{0,2}}?{_ANIMALS},?\s+([A-Z][a-z]+)\b(?!\s+(?:said|asked|says|asks))"
    rf"|\b([A-Z][a-z]+)\s+(?:barked|wagged|whined|growled|purred|mewed|meowed|miaowed|neighed|whinnied|yapped|woofed|yowled|"
    rf"howled(?!\s+(?:with|at|in|for)\b))\b"
    # "Moss thumps his tail once", "Bess's muzzle": what only a beast has
    rf"|\b([A-Z][a-z]+)\s+(?:(?!said|says|asked)[a-z]+\s+){{0,2}}?(?:thumps|thumped|wags|wagged|swishes|swished|flicks|flicked|"
    rf"lifts|lifted|beats|beat)\s+(?:his|her|its)\s+tail\b"
    rf"|\b([A-Z][a-z]+)['’]s\s+(?:tail|paws|muzzle|snout|hackles|fetlocks?|withers|dog\s+bowl|kennel)\b"
    # "the cat, who was called Euclid", "a pony named Biscuit"
    rf"|\b{_ARTICLE}\s+(?:[\w-]+\s+){{0,2}}?{_ANIMALS},?\s+(?:(?:who|which|that)\s+(?:was|is)\s+)?"
    rf"(?:called|named)\s+([A-Z][a-z]+)\b"
    # a name called, and the beast answering: `"Bramble?" I said.` / `The dog's head came round so fast`
    rf"|[\"“‘']([A-Z][a-z]+)[?!.][\"”’'][^\n]{{0,40}}\n[ \t]*\n[ \t]*(?:The|Her|His)\s+(?:[\w-]+\s+)?{_ANIMALS}(?:['’]s)?\s")


# "Somebody has to hold the dog, Roy.": a name said to someone after the beast; "Around the seventh
# ewe Walter handed me the torch": a phrase of place before the sentence's subject
_PLACE_PHRASE = re.compile(r"(?:^|[.!?][\"”’']?\s+)(?:Around|After|Before|Beside|Behind|With|Near|Past|Over|Under|Among|"
                           r"Between|At|On|In|For|From|By|Into|Onto|Toward|Towards|Against|Across|Through)\s+$")


def animal_names(text: str) -> set[str]:
    found = set()
    for m in _ANIMAL_NAMED.finditer(text):
        said_to = "," in text[m.start(4) - 2:m.start(4)] and re.match(r"\s*[.!?]", text[m.end(4):m.end(4) + 3]) \
            if m.group(4) else None
        if m.group(4) and (said_to or _PLACE_PHRASE.search(text, max(0, m.start() - 14), m.start())):
            continue
        found.add(next(g for g in m.groups() if g))
    return found
