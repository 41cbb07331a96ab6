"""The phrases that put the story's people in a place, around a place word: "in the kitchen", "the roof of the
multi-storey", "ran out into the street", "and then we were on the gym roof"."""

# A place counts when the prose puts someone there, not when it merely names it.
_LOCATIVE = (r"(?:in|into|at|on\s+to|on|inside|within|outside|near|beside|behind|across|through|along|onto|"
             r"reached|entered|arrived at|crossed|boarded|joined|towards?|on board|"
             # a way walked: "William walked the towpath west from the lock"
             r"(?:walked|walks|walking|trudged|trudging|paced|pacing|patrolled|patrolling)(?=\s+(?:the|a)\s)|"
             # come upon: "By the time they found the levee road, the light was going"
             r"(?<=they\s)found|(?<=we\s)found|(?<=I\s)found|(?<=he\s)found|(?<=she\s)found|"
             # the teller's own place, with something under or over it: "The laundromat under my office"
             r"(?:under|above|below|beneath|over)(?=\s+(?:my|our)\s)|"
             # rising from one's own seat is having been there: "the congregation rose from its pews" (not "smoke
             # rose from the church")
             r"(?:rose|rises|rising|got\s+up|gets\s+up|getting\s+up|stood\s+up|stands\s+up|standing\s+up)\s+from"
             r"(?=\s+(?:its|their|his|her|my|our|your)\s))")
# A part of a place before it: "at the very top of the valley", "at the back of the shop".
# (Not "the end of": "The Ancla stood at the end of the pier" is a bar, where it stands is no scene.)
_PART_OF = (r"(?:(?:the\s+(?:very\s+|far\s+|open\s+|flat\s+)?(?:top|bottom|edge|head|foot|back|front|middle|centre|center|corner|far\s+corner|"
            # ("standing on the open roof of the multi-storey"; rain "on the roof of Ray's truck" is heard inside it)
            r"heart|gates?|entrance|roof(?!\s+of\s+(?:\S+\s+){1,2}?(?:car|truck|van|bus|taxi|cab|jeep|lorry|ute|coach|"
            r"carriage|train|wagon)s?\b(?!\s+(?:shelter|stop|station|depot|garage|park))))|"
            r"(?:both|either|each|the\s+other)\s+sides?|top|the\s+(?:north|south|east|west|far|other|near)\s+end)\s+of\s+)?")
# Movement to a place, the only thing that changes a scene after it has opened.
# Going "out of" a place leaves it, going "towards" it is not there yet; "the boat's head into the sea" is a
# bow, not someone heading there.
_MOTION = (r"(?:(?:go|goes|going|come|comes|walk|run|(?<!'s )(?<!’s )(?<!the )(?<!its )(?<!his )(?<!her )head|drive|"
           r"return|went|came|walked|ran|stepped|hurried|rushed|drove|rode|climbed|strode|wandered|headed|"
           r"returned|got|moved|marched|slipped|burst|stumbled|raced|dashed|crept|made (?:his|her|their|my|our) way|"
           r"went back|came back|set off|set out)\s+(?:\w+ly\s+)?(?:back\s+|out\s+(?!through\b)|down\s+|up\s+|over\s+|off\s+|across\s+|round\s+)?"
           r"(?:in|into|to|onto|on\s+to|through|across|along|inside)|"
           # ("the little party went down the lane into a dusk", "they walked up the street")
           # (people's verbs: "the rain came down the valley", "water ran down the street" are the weather's)
           r"(?:went|walked|hurried|drove|rode|trudged|splashed|picked\s+(?:their|our|his|her)\s+way)\s+(?:\w+ly\s+)?(?:down|up)"
           r"(?=\s+(?:the|a)\s+(?:[\w-]+\s+)?(?:lane|street|road|track|path|hill|high\s+street|avenue|drive|beach|valley|field)\b)|"
           # ("I walk Osian up the lane to the chapel at nine": someone taken along)
           # ("They brought Aubrey up to Della's house because it was the nearest to the wharf")
           r"(?:walk|walks|walked|take|takes|took|lead|leads|led|brought|bring|brings|carried|carry|carries)\s+"
           r"(?:him|her|them|(?-i:[A-Z][a-z]+))\s+(?:(?:up|down|over|across|along)\s+(?:(?:the|a)\s+[\w-]+\s+)?)?(?:to|into)|"
           r"reached|entered|arrived (?:at|in)|"
           # (not "went back out through the waiting room": on the way out of it)
           # "climbed the stairs to the Gazette office"
           # ("by the time we had climbed all seven flights to the roof of the multi-storey")
           r"(?:climbed|climb|climbs|climbing|went|go|goes|going|walked|walking|ran|running|hurried|came|come|comes|coming)"
           r"\s+(?:up\s+|down\s+)?(?:the|all\s+"
           r"(?:the\s+)?(?:[\w-]+\s+)?)\s*(?:stairs|steps|staircase|ladder|gangway|gangplank|flights?(?:\s+of\s+stairs)?)\s+"
           r"(?:up\s+)?(?:to|into|of)|"
           r"boarded|joined|"
           # the door at the end of the way home: "walked home across the Meadows ... and let herself into the flat"
           r"let\s+(?:herself|himself|themselves|myself|ourselves|yourself)\s+(?:in\s+(?:to|at|through)|into|through)|"
           # the end of a way there: "a scramble up the wall ... and then we were on the gym roof", "Ten minutes later
           # they were in the car park" (not "we were in the kitchen when the phone went": where they already were)
           r"(?:(?:and\s+)?then|later|soon|eventually|finally|at\s+last),?\s+(?:we|they|I|he|she|you)\s+(?:were|was|are|is|am)\s+"
           r"(?:(?:up|out|down|back|over)\s+)?(?:on|in|at|inside))")
