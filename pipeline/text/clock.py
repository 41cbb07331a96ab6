"""How a sentence moves the clock on before it says where the story is: "By noon the pub was full", "At
seven-forty on launch morning the office...", "On Sunday, after the service, the kitchen...". places.py and
establishing.py read a place after these."""
from __future__ import annotations

# "By noon the pub was full", "That evening, the kitchen...", "Inside, the church...": a short phrase before the subject
_TIME_LEAD_IN = (r"(?:by|at|that|this|on|after|before|early|late|later|all|every|next)\s+(?:[\w'’-]+\s+){0,2}?"
                 r"(?:morning|afternoon|evening|night|noon|midnight|dawn|dusk|nightfall|day|week|time|then|now|"
                 # ("On Monday mornings the third-floor synthesis lab smelled of acetone")
                 r"mornings|afternoons|evenings|nights|days|weekends)\b,?\s+")
_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}(?:[:.]\d\d)?)"
_MINUTES = r"(?:oh[-\s](?:one|two|three|four|five|six|seven|eight|nine)|ten|fifteen|(?:twenty|thirty|forty|fifty)(?:-(?:five|\w+))?)\b"   # "seven-forty"
# a clock: "By ten o'clock the towpath was a brown stream", "at half past six the yard was empty"
_CLOCK_LEAD_IN = (rf"(?:by|at|after|until|till)\s+(?:(?:half\s+past\s+|(?:a\s+)?quarter\s+(?:past|to)\s+|"
                  rf"(?:{_NUMBER}|twenty|twenty-five)\s+(?:minutes\s+)?(?:past|to)\s+)?{_NUMBER}(?:[-\s](?:{_MINUTES}))?"
                  # ("and by twenty past the passenger lounge had divided itself": past the hour just told)
                  rf"|(?:ten|twenty|twenty-five|half|(?:a\s+)?quarter)\s+past(?=\s+the\s))"
                  r"(?:\s+o['’]clock)?(?:\s+(?:that|this|the\s+next|in\s+the)\s+(?:morning|afternoon|evening|night))?"
                  # ("At half past eight on the second Tuesday of lambing, the kitchen ...")
                  r"(?:\s+on\s+(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){0,2}?(?:(?-i:[A-Z][a-z]+day)|day|morning|afternoon|evening|night)"
                  # ("By two o'clock on the Saturday of Nasreen's mehndi, the kitchen ...")
                  r"(?:\s+(?:of|in)\s+(?:[\w'’-]+\s+)?[\w'’-]+)?)?,?\s+")
# ("On Sunday, after the eleven o'clock service at Mount Zion, the kitchen behind the hall was hotter than an oven")
_DAY_AND_AFTER = r"(?:on|by|at|that)\s+[^,.;:!?\"“]{1,30},\s+(?:after|before|when|once|while)\s+[^,.;:!?\"“]{1,80},\s+"
