"""The place words: which nouns put a scene on which bed ("the towpath" -> countryside, "the site cabin" ->
office). places.py reads them in sentences; a producer adds their own in sounds/places.yaml."""
from __future__ import annotations

import re


_MOTORWAYS = ("motorway", "freeway", "expressway", "interstate", "dual carriageway", "hard shoulder", "slip road")
# Bed -> nouns that put a scene there (a plural with -s is matched too).
PLACE_WORDS: dict[str, tuple[str, ...]] = {
    # a ship's or a station's sick bay is no bay of the sea
    "hospital": ("hospital", "infirmary", "ward", "sickroom", "sickbed", "hospital bed", "sick bay", "sickbay",
                 "medical bay", "med bay", "medbay", "medical unit", "acute medical unit", "stroke unit", "assessment unit",
                 "intensive care unit", "intensive care", "high dependency unit", "maternity unit", "labour ward", "accident and emergency", "accident and emergency department",
                 "emergency department", "emergency room", "casualty department", "A&E", "A and E", "nurses' station", "nurses’ station",
                 "nurse's station", "nurse’s station", "nurses station",
                 # a ward's single room, in British hospitals ("Side room two had a window")
                 "side room", "resus", "resus bay", "resus room", "resuscitation room", "resuscitation bay", "trauma bay",
                 # the parts of A&E by what comes in ("They take Mr Hopkins straight through to majors")
                 "majors", "minors", "triage",
                 # where the dead are opened, in a hospital's basement: the same hum and tiled echo
                 "mortuary", "morgue", "post-mortem room", "autopsy room", "autopsy suite", "pathology lab"),
    "waterfall": ("waterfall", "falls", "cascade", "rapids"),
    # "wood" only as a place's name or on its own ("Hollin Wood", "into the wood, ..."), not "a wood fire" (see _WOOD)
    "forest": ("forest", "woods", "wood", "woodland", "grove", "thicket", "jungle", "copse", "forest path",
               "woodland path", "forestry track", "forest track", "forest road", "forestry road", "logging road",
               "plantation",
               # where the loggers are at work in the bush
               "cutblock", "cut block", "clearcut", "clear cut", "skid trail", "skid road", "bush camp"),
    "market": ("market", "marketplace", "bazaar", "market square", "market hall",
               # the stalls and rides of a fair in the open
               "fairground", "fairgrounds", "fair grounds", "showground", "showgrounds", "funfair", "midway"),
    "office": ("office", "offices", "study", "bureau", "headquarters", "newsroom", "boardroom",
               "counting house", "police station", "consulting room", "chambers",
               # a station of the emergency services: radios and a kettle ("The radio in the coastguard station")
               "coastguard station", "coastguard hut", "fire station", "ambulance station", "control room",
               # a park's: the desk, the weather radio, the flood map ("the windows of the ranger station")
               "ranger station", "ranger's station", "rangers' station", "ranger's office", "park office",
               # a yard's or a site's, in a cabin on blocks
               "portakabin", "portacabin", "site office", "transport office",
               # a show's office on wheels, stood still ("The office wagon... Inside it was the size of a pantry")
               "office wagon", "ticket wagon", "office trailer",
               # a church's or a school's, with its phones and its diary (not the church itself)
               "church office", "parish office", "chapel office", "school office",
               # a doctor's or a vet's: a desk, not a hospital ward (its waiting room is a room)
               "surgery", "clinic", "reception", "clinic room",
               # a public office's counters and waiting chairs
               "test centre", "test center", "job centre", "jobcentre", "council offices", "benefits office",
               "precinct", "police precinct", "squad room", "incident room",
               # a Mountie's station ("The detachment was a low brick building on the hill")
               "detachment", "rcmp detachment", "police detachment",
               # a council's or a firm's: "The planning department of Thornwick council occupied the second floor"
               "department",
               # an agent's: "The stock-and-station agency on Gilmore Street smelled of sheep dip"
               "agency", "estate agency", "travel agency", "estate agent's", "estate agents",
               # a vet's or a dentist's: "The Strathcorran Veterinary Practice occupied the old manse"
               "veterinary practice", "vet practice", "vets' practice", "dental practice", "medical practice",
               "gp practice", "group practice",
               # where a base's radios are kept and worked
               "radio room", "control room", "ops room", "operations room",
               # a builder's office on site, a ranger's base, a barristers' clerks
               "site cabin", "site office", "portakabin", "portacabin", "ranger station", "clerks' room", "rescue base",
               "mountain rescue base", "minicab office", "taxi office",
               "clerks’ room", "clerks room",
               # a firm's working floor ("The claims floor at Aire Mutual smelled of burnt toast")
               "claims floor", "trading floor", "dealing room", "open-plan office", "open-plan floor", "call centre",
               "call center", "typing pool"),
    "training_ground": ("training ground", "training field", "training grounds", "arena", "dojo", "gymnasium",
                        # a ground for games: "the pitch" (not "pitch-dark", "a pitch of fury": see _PLACE_FIGURES)
                        "pitch", "football pitch", "rugby pitch", "hockey pitch", "cricket pitch", "playing field",
                        "sports field", "sports ground", "halfway line", "touchline", "goalmouth", "penalty area",
                        "penalty box", "running track", "athletics track"),
    "garden": ("garden", "lawn", "courtyard", "yard", "park", "terrace", "veranda", "verandah", "porch",
               "allotment", "allotments",
               # a house's own ground out the back, where the barbecue is
               "backyard", "back yard", "back garden", "front garden", "patio", "pergola", "decking",
               "orchard", "shrubbery", "plane tree", "plane trees", "churchyard", "graveyard", "cemetery", "greenhouse", "conservatory"),
    "countryside": ("countryside", "field", "meadow", "pasture", "farm", "farmyard", "barn", "cowshed", "byre", "moor",
                    "lambing shed", "shearing shed", "milking parlour", "sheepfold", "hayloft", "pigsty",
                    "hillside", "hilltop", "ridge", "mountain", "mountainside", "mountain path", "summit", "scree",
                    "footpath", "trail", "fell", "fellside", "fell side", "fell top", "moorland", "crag",
                    "valley", "heath", "paddock", "riverbank", "country lane", "lower field", "upper field",
                    # a path by water out of doors
                    "towpath", "river path", "riverside path", "railway embankment", "railway cutting",
                    "low-water crossing", "low water crossing", "river crossing", "riverside", "river bank", "canal bank", "canal path",
                    # and the river's flat land and the banks built against it
                    "bottomland", "bottomlands", "floodplain", "flood plain", "water meadow", "levee", "cornfield",
                    # a small river and where a track crosses it ("the crossing at Bindi Creek")
                    "creek", "brook", "creek crossing", "creek bed",
                    # a road through fields, not a street of a town
                    "county road", "country road", "dirt road", "gravel road", "back road", "levee road", "farm road",
                    "farm track", "cart track", "station track",
                    # static caravans on a field, a canal out of town
                    "caravan park", "holiday park", "trailer park", "campsite", "camp site", "canal", "canalside",
                    # a shed for shearing and a river crossed on the road's bed ("ford" in lower case: not a Ford)
                    "woolshed", "wool shed", "ford",
                    # a road along a loch or through the hills, one car wide
                    "loch road", "lochside", "loch side", "single-track road", "single track road", "hill road",
                    # a field planes land on
                    "airstrip", "air strip", "landing strip", "airfield", "runway", "strip"),
    "street": ("street", "road", "avenue", "lane", "alley", "alleyway", "square", "pavement", "sidewalk",
               "kerb", "curb", "crossroads", "high street", "town", "city", "stall", "food stall", "food cart",
               "bus stop", "bus shelter", "tram stop", "taxi rank", "bridge", "station", "railway station",
               "train station", "platform", "railway platform",
               # a shelter in the hospital grounds; the tracks where a train stands to be loaded
               "smoking shelter", "smokers' shelter", "smokers’ shelter", "siding", "railway siding", "rail yard",
               "railyard", "goods yard", "freight yard", "marshalling yard",
               # a car park is open air, not the inside of a car
               "car park", "parking lot", "parking garage", "multi-storey", "multi-story", "forecourt",
               # the open tarmac of a motorway stop
               "lorry park", "truck park", "coach park", "motorway services", "services", "service station", "service area",
               "petrol station", "gas station", "filling station",
               # a garage by the petrol it sells is its forecourt ("The Esso garage across from the terminus")
               "esso garage", "shell garage", "bp garage", "texaco garage", "jet garage", "gulf garage", "total garage",
               "murco garage", "maxol garage", "topaz garage", "petrol garage",
               # a stopping place at the roadside; the roads and car parks of a park of offices or sheds
               "lay-by", "layby", "lay-bys", "business park", "retail park", "industrial estate", "trading estate",
               "office park", "science park",
               # a hospital's or a warehouse's yard for vehicles, out of doors (not a ward's bay of beds, nor the sea's)
               "ambulance bay", "loading bay", "parking bay", "drop-off bay", "delivery bay", "taxi bay",
               # a paved way along a town's river
               "riverside walkway", "river walkway", "riverwalk", "embankment", "esplanade",
               # a street by its name: "the Royal Mile", "the Golden Mile"
               "mile",
               # a roof out in the weather
               "helipad", "helicopter pad", "rooftop", "roof terrace", "flat roof", "gym roof", "school roof",
               # a school's grounds out of doors
               "playground", "school playground", "schoolyard", "school yard", "school gates",
               # a film studio's streets of false fronts out of doors
               "backlot", "back lot", "studio lot",
               # a road under the railway; houses going up, out in the weather
               "underpass", "building site", "construction site"),
    "shore": ("beach", "shore", "coast", "seaside", "harbour", "harbor", "pier", "quay", "dock", "seafront",
              "promenade", "cliff", "sea", "bay", "lakeside", "sands", "shingle", "foreshore", "slipway", "headland",
              "marina", "boardwalk", "jetty", "wharf", "breakwater", "waterfront", "lighthouse", "harbour wall",
              "harbor wall", "sea wall", "seawall", "harbourside", "harborside", "quayside", "dockside",
              # a path along the cliffs, a terminal where the ferry comes in
              "cliff path", "coast path", "coastal path", "clifftop", "cliff top", "ferry terminal", "ferry port",
              # where the lifeboat waits at the top of its slipway, doors open to the sea
              "lifeboat station", "boathouse", "boat house", "boat shed"),
    # a station is a platform in the open air more often than a concourse full of people
    "crowd": ("crowd", "concourse", "stadium", "bleachers", "grandstand",
              "ballroom", "fair", "festival", "theatre", "theater", "auditorium", "assembly",
              # a public hall full of people
              "village hall", "church hall", "parish hall", "town hall", "community centre", "community center",
              "island hall", "memorial hall", "scout hall", "drill hall", "wedding hall", "village institute",
              "miners' institute", "miners’ institute", "mechanics' institute", "mechanics’ institute",
              # a market under a roof, the buyers round the auctioneer
              "fish market", "auction floor", "auction hall", "auction room", "sale ring", "saleroom", "sale room",
              "community hall", "meeting hall", "assembly hall", "sports hall", "fellowship hall", "church basement",
              # a band playing to a room
              "bandstand", "function room", "banqueting hall", "banqueting suite", "banquet hall", "function suite", "banquet suite",
              # a function room by its own name, capitalised: "the Regency Suite off the Old Kent Road"
              "suite", "reception hall", "wedding reception", "mosque hall", "community room",
              # a festival's stage seen from behind or in front
              "main stage", "backstage", "festival site"),
    "ship": ("ship", "boat", "deck", "cabin", "galley", "yacht", "ferry", "steamer", "vessel", "barge", "quarterdeck",
             "engine room", "engine-room", "wheelhouse", "cargo hold", "forecastle", "below decks",
             # a ferry's ("by twenty past the passenger lounge had divided itself")
             "passenger lounge", "car deck", "vehicle deck", "observation lounge", "upper deck", "sun deck"),
    # aboard an aircraft (but the plane trees of a square are the garden's, see "garden")
    "aircraft": ("plane", "aeroplane", "airplane", "aircraft", "airliner", "jetliner", "jumbo jet", "jet plane",
                 "seaplane", "light aircraft", "cockpit", "flight deck", "passenger cabin"),
    "helicopter": ("helicopter", "chopper", "air ambulance", "rescue helicopter"),
    "train": ("train", "railway carriage", "compartment", "dining car", "sleeping car", "locomotive"),
    "carriage": ("carriage", "coach", "chaise", "gig", "barouche", "stagecoach", "wagon", "cart"),
    "car": ("car", "taxi", "van", "truck", "lorry", "jeep", "limousine", "motorcar", "back seat", "backseat",
            "passenger seat", "driver's seat", "bus", "pickup truck", "cab", "top deck",
            "land cruiser", "land rover", "range rover", "pickup", "crew cab", "humvee",
            "minibus", "minibuses", "people carrier", "camper van", "campervan", "motorhome", "tour bus",
            # ("The back of the ambulance is bright and warm after the yard")
            "ambulance", "fire engine",
            # the shared minibuses and taxis of Lagos, Nairobi, Accra, Manila
            "danfo", "matatu", "tro-tro", "trotro", "jeepney", "molue", "shared taxi", "ute",
            # on a motorway the story is inside a car ("the M62", see _ROAD_NUMBER)
            *_MOTORWAYS),
    "kitchen": ("kitchen", "scullery", "bakery", "pantry", "larder", "cookhouse", "cook house",
                # someone at the cooker is in the kitchen: "Nonna is at the stove"
                "stove", "cooker", "hob", "kitchen table", "kitchen sink",
                # a restaurant kitchen's cold rooms and stations ("walk-in" is read "walk in")
                "walk in", "walk in freezer", "walk in fridge", "walk in cooler", "cold room", "cold store",
                "dish station", "dishwashing station", "prep station", "grill station", "fry station", "pastry station"),
    # (and a pub by its name: "The Drovers Arms", capitalised)
    "pub": ("pub", "tavern", "inn", "arms", "grill", "restaurant", "cafe", "café", "caffè", "caffe", "diner", "canteen", "saloon",
            "concession stand", "refreshment stand",
            "coffee house", "coffee shop", "tea room", "tearoom", "bistro", "alehouse", "taproom", "dining hall",
            "public bar", "saloon bar", "lounge bar", "front bar", "curry house", "balti house", "takeaway", "hotel bar", "wine bar", "cocktail bar", "barroom", "bar room",
            # a diner where the highway runs out
            "roadhouse", "truck stop", "truckstop", "waffle house", "waffle barn", "pancake house", "burger bar",
            # a township's drinking place, a back room selling drink
            "shebeen", "speakeasy", "juke joint", "beer hall", "rum shop", "rumshop",
            # a restaurant by what it cooks ("The Thai place was on a side street off Boar Lane")
            "thai place", "chinese place", "indian place", "italian place", "pizza place", "pizzeria", "trattoria",
            "brasserie", "steakhouse", "noodle bar", "noodle place", "sushi bar", "sushi place", "ramen bar",
            "taco place", "burger place", "tapas bar", "chop house", "chophouse", "teashop", "tea shop", "cafeteria", "snack bar",
            # ("squeezed into the window booth of the Golden Grill"): a diner's seats
            "window booth", "corner booth", "back booth",
            # a club's bar and its bingo night
            "working men's club", "working men’s club", "social club", "miners' welfare", "miners’ welfare",
            "welfare club", "club", "nightclub", "bingo hall", "rugby club", "football club", "cricket club", "golf club",
            # an English pub by the name on its sign, capitalised: "The Red Lion at closing time"
            "Red Lion", "White Lion", "Black Lion", "Golden Lion", "White Hart", "Red Hart", "White Horse",
            "Black Horse", "Royal Oak", "Rose and Crown", "King's Head", "King’s Head", "Queen's Head",
            "Queen’s Head", "Nag's Head", "Nag’s Head", "Saracen's Head", "Saracen’s Head", "Black Bull", "Red Bull",
            "Dun Cow", "Fox and Hounds", "Coach and Horses", "Horse and Groom", "Wheatsheaf", "Blue Boar",
            "Golden Fleece", "Old Bell", "Green Man", "Three Horseshoes", "Cross Keys", "Hare and Hounds"),
    # not "bar" on its own: "behind bars" and "an iron bar" are no pub (see _BAR for the bar of a pub)
    "church": ("church", "chapel", "cathedral", "abbey", "temple", "shrine", "monastery", "convent", "crypt", "vestry",
               "pew", "nave", "chancel", "pulpit", "altar", "belfry", "mosque", "synagogue", "gurdwara", "mandir",
               "prayer hall"),
    "shop": ("shop", "store", "boutique", "bookshop", "grocer's", "chemist's", "draper's", "pharmacy",
             "grocery", "grocery store", "supermarket", "corner shop", "general store", "convenience store", "bodega",
             "post office", "showroom", "department store", "salon", "hair salon", "beauty salon", "nail salon",
             "hairdresser's", "hairdressers", "barber's", "barbershop", "barber shop",
             # a counter and a queue, fish frying behind it
             "chip shop", "chippy", "chippie", "fish bar", "fish and chip shop", "kebab shop", "kebab house",
             # machines turning behind a counter
             "launderette", "laundrette", "laundromat", "kiosk", "ice-cream kiosk", "ice cream kiosk",
             "tattoo studio", "tattoo parlour", "tattoo parlor", "tattoo shop"),
    "room": ("room", "bedroom", "parlour", "parlor", "drawing room", "sitting room", "living room", "lounge",
             # a house's best room, kept for visitors ("The front room of the house on Grove Lane")
             "front room", "front parlour", "good room", "basement", "physio room", "treatment room", "common room", "games room",
             "hall", "hallway", "corridor", "apartment", "house", "cottage", "attic", "cellar", "vault", "bathroom",
             "nursery", "library", "dining room", "chamber", "landing", "lodgings", "home", "mansion",
             # where people sit indoors: "I was on the sofa with a book"
             "sofa", "settee", "couch", "armchair", "fireside",
             "manor", "villa", "flat", "block of flats", "tower block", "block", "bedside", "cell", "hotel", "lobby", "foyer", "hotel lobby", "guest house",
             # a crofter's house; a room at a chain hotel, which no one takes for a pub
             "croft", "crofthouse", "croft house", "hotel room", "motel", "motel room", "premier inn", "holiday inn",
             "travelodge", "days inn", "comfort inn",
             "boarding house", "classroom", "schoolroom", "staff room", "staffroom", "form room", "break room", "breakroom",
             # a court in session is a large hushed room
             "courtroom", "court room", "courthouse", "crown court", "law courts", "magistrates' court",
             "magistrates court", "county court", "high court", "court",
             # a studio is a room; a "patch bay" or a "bay window" is no bay of the sea
             "studio", "recording studio", "radio studio", "patch bay", "bay window",
             # a film's: the stage the sets are built on, the trailer its crew works in
             "soundstage", "sound stage", "production trailer",
             # rooms to work or keep things in: no shop for customers ("the store cupboard")
             # (not a garden shed: the story at its door is still out in the garden)
             "workshop", "workroom", "garage", "storeroom", "store room",
             "store cupboard", "stockroom", "stock room",
             # rooms of their own kind, not "the room" that moves no scene
             "waiting room", "changing room", "changing rooms", "dressing room", "locker room", "interview room", "motel", "motor lodge", "motel room", "hotel room", "dormitory",
             "bunkhouse", "hut", "mountain hut", "caravan", "farmhouse", "farm house", "bothy",
             # where a gang sleeps: "The quarters are two long rooms with bunks"
             "quarters", "shearers' quarters", "shearers’ quarters", "bunk room", "bunkroom", "barracks",
             # where a station's crew wait for a call: no ship, though the lifeboat is below
             "crew room",
             # a building's own works, below stairs (a ship's is the ship's: see establishing._ROOMS_ABOARD)
             "boiler room", "boiler-room",
             # a doctors' common room; a works' shed or floor, under a roof
             "doctors' mess", "doctors’ mess", "mess room", "processing shed", "processing plant", "packing shed",
             "fish factory", "factory", "factory floor", "warehouse",
             # a school's lab, a home for the old
             "lab", "laboratory", "science lab", "chemistry lab", "physics lab", "biology lab",
             "care home", "nursing home", "residential home", "retirement home",
             # a lodge by the road, or at a park's gate ("The Lune Lodge had a sign on a pole out the front")
             "lodge",
             # a film unit's trailers on location
             "make-up trailer", "makeup trailer", "wardrobe trailer",
             # a tent or a box someone works in, under canvas or tin ("The medical tent was a big white marquee")
             "medical tent", "first aid tent", "first-aid tent", "welfare tent", "mess tent", "shipping container",
             # a pit's or a works' room for the injured, no vehicle
             "ambulance room", "first aid room", "first-aid room"),
}
# What a place word may name that someone wears or carries: "in his station fleece" is no station
_WORN = r"(?:fleece|jacket|coat|uniform|boots|shirt|t-shirt|jumper|sweater|hoodie|badge|lanyard|keys|tabard|overalls)"

# A cabin on land: of logs in the woods, or a box at a site's gate ("The stewards' cabin at the gate was an old
# shipping container"); any other cabin is a ship's ("The captain's cabin smelled of tar").
LAND_CABIN = re.compile(r"\b(?:log|timber|wooden|holiday|ski|mountain|forest|lakeside|hunting|fishing|site|security|"
                        r"ticket|gate|stewards?['’]?|container|portakabin|portacabin|woods|pines|hillside|cabins)\b",
                        re.IGNORECASE)

# Words too general to move a scene: walking into "the room" is not a change of scene, and
# "her room" in a scene that carries on at the hospital is a room of the hospital.
# A hotel is a house of many rooms: going out of it or into it is no scene of its own; its lobby is.
GENERIC_WORDS = ("room", "chamber", "hall", "hallway", "corridor", "landing", "home", "house", "bedside", "cell",
                 "farmhouse", "farm house",
                 "hotel", "guest house", "boarding house")


# A business named for an open-air place ("The Shalimar Garden", "the Jade Park") that stands on a street
_OPEN_AIR_NAMES = ("garden", "forest", "shore", "countryside", "waterfall", "market")
_A_BUSINESS_ON = re.compile(r"[A-Z][\w'’-]*\b[^.;:]{0,30}?\b(?:is|was|has\s+been|had\s+been|stood|stands|sat|sits)\s+"
                            r"(?:\w+\s+)?on\s+[A-Z][\w'’-]*\s+(?:Street|Road|Avenue|Lane|Square|Parade|Row)\b")


def business_named_for(bed: str, sentence: str, where: int) -> bool:
    """The open-air place word at `where` is the capitalised end of a business's name standing on a street."""
    return bed in _OPEN_AIR_NAMES and _A_BUSINESS_ON.match(sentence, where) is not None


# The bar of a pub, where someone stands at it, works it or goes to it ("an iron bar", "bars of soap" are not,
# nor "go to the Bar", the law).
_BAR = re.compile(r"\b(?:at|behind|to|into|along|across|end\s+of|running|runs|ran|tending|tends|tended|minding|"
                  r"keeping|keeps|kept|serving\s+(?:at|behind)|leaning\s+on|leaned\s+on|propping\s+up)\s+"
                  r"(?:the|a|his|her|their|its)\s+(?P<place>(?-i:bar))\b(?!\s+of\b)", re.IGNORECASE)
# someone's, with a title or a first name before it: "Tom's", "Mrs Kettering’s"
_OWNER = r"(?:[A-Z][\w.-]*\s+)?[A-Z][\w.-]*['’]s?"
# the bar as full as a pub's gets: "and Doherty's bar was as full as it ever got on a weeknight"; or what kind of room
# it is, or what it smells of: "The bar at Severn Road RFC is a long low room with a sticky carpet"
_BAR_STATE = re.compile(rf"(?:\b[Tt]he|\b{_OWNER})\s+(?:public\s+|front\s+|back\s+|lounge\s+|clubhouse\s+|club\s+|hotel\s+|low\s+|long\s+|little\s+|small\s+|narrow\s+|main\s+|"
                        r"upstairs\s+|downstairs\s+)?(?P<place>bar)(?:\s+(?:at|of|in)\s+(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3})?"
                        r"\s+(?:(?:was|is|were|had\s+been)\s+(?:as\s+|already\s+|still\s+|half\s+|packed\s+|nearly\s+)?"
                        r"(?:full|packed|crowded|busy|quiet|empty|heaving|noisy|smoky|loud|jammed|rammed)|"
                        r"(?:was|is)\s+(?:a|an)\s+(?:[\w-]+,?\s+){0,4}?(?:room|place|space|hall|barn|box|cave)|"
                        r"(?:smelled|smelt|smells|stank|stinks|reeked|reeks)\s+of)\b")


# A saint's name alone where the story is, is the church named for them ("the rain on the roof of St Brigid's", "in
# at St Mary's"), but not "St Mary's Hospital" nor "St Luke's school", and not "St. Columba's had been built in the
# sixties" (a hospital as much as a church)
SAINTS_CHURCH = re.compile(r"(\b(?:of|at|in|into|to|from|outside|inside|near|towards?)\s+)((?-i:St\.?|Saint)\s+(?-i:[A-Z][a-z]+)['’]s)\b"
                           r"(?=\s*[.,;:!?)]|\s+(?:was|is|had|has|were|with|and|on|in|at|for|to|where|that|which|after|"
                           r"before|when|while)\b)")


# Place words in a figure of speech ("the house was on the market", "in the field of medicine"): no one is there.
_PLACE_FIGURES = re.compile(
    r"\b(?:on\s+the\s+market(?!\s+(?:square|place|hall|stall|cross))|in\s+the\s+market\s+for|in\s+the\s+field\s+of|on\s+the\s+road\s+to\s+"
    r"(?:recovery|ruin|success)|all\s+at\s+sea|out\s+of\s+the\s+woods|on\s+the\s+street\s+where|"
    r"on\s+the\s+house|called\s+to\s+the\s+bar|road\s+trains?|"
    # a strip is an airstrip only by its name ("the Yalpara strip"), not "a strip of light", "the strip lights"
    r"\b(?:a|an|the|this|that)\s+strip\b|(?<![\w'’-])(?!(?:landing|air|dirt|bush)\b)(?-i:[a-z][\w'’-]*)\s+strip\b|"
    r"^\W*strip\b|\bstrips\b|\bstrip\s+of\b|"
    # services are a motorway's only by their own name ("Leicester Forest East services"), not "the evening services",
    # "Social Services"
    r"(?<![\w'’-])(?!motorway\b)(?-i:[a-z][\w'’-]*)\s+services\b|^\W*services\b|(?-i:(?:Social|Emergency|Secret|Civil|"
    r"Health|Public|Customer|Children['’]s|Community|Family|Youth|Financial|Legal|Intelligence|Security|Medical|"
    r"Ambulance|Fire|Postal|Care|Support|Student|Church|Memorial|Funeral)\s+Services)\b|"
    # fair, the word of judgement: "That was fair", "fair enough", "a fair point" (not "the fair", "a fair on the green")
    r"(?<!\bthe\s)(?<!\bfun)(?<!\bthis\s)\bfair\b(?!\s+(?:on|in|at|came|comes|was\s+in|ground))|"
    # a simile of someone elsewhere: "on his knees in front of it like a man at an altar"
    r"\blike\s+(?:a|an|some|the)\s+(?:[\w-]+\s+)?(?:man|woman|men|women|boy|girl|child|children|kid|priest|monk|nun|"
    r"soldier|sailor|king|queen|dog|cat|horse|animal|bird|ghost|saint|pilgrim|prisoner|schoolboy|schoolgirl|"
    r"penitent|worshipper|bride|groom|mourner|refugee|castaway|tourist)\b[^,.;:!?]{0,40}|"
    # or of a thing ("lines on the floor that faded and reappeared like a trail through a forest"),
    # but not a wish ("I'd like a room at the inn")
    r"(?<!\bwould\s)(?<!['’]d\s)(?<!\bto\s)(?<!\bI\s)(?<!\bwe\s)(?<!\byou\s)(?<!\bthey\s)"
    r"\blike\s+(?:a|an|some)\s+[^,.;:!?]{0,40}|"
    # ("with the face of a boy who has walked into a kitchen where his parents are arguing")
    r"\b(?:the|a)\s+(?:face|look|air|expression|manner|eyes|voice)\s+of\s+(?:a|an|someone|somebody)\s+[^,.;:!?]{0,80}|"
    # a garage's or a ward's bay by its number: "the heat in Bay Two", "the fume hood in bay four"
    r"\bbay\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|"
    # a name painted on a vehicle: "now as the person whose name was on the van"
    r"\b(?:name|names|logo|lettering|writing|words)\s+(?:(?:was|were|is|are)\s+)?(?:painted\s+|written\s+|printed\s+)?on\s+"
    r"(?:the|a|an|his|her|its|their|our|my)\s+[\w-]+|"
    # a place left behind ("by half past the coast had gone behind them")
    r"\b(?:the\s+)?(?:coast|coastline|shore|land|harbour|harbor|quay|town|city)\s+(?:had\s+)?(?:gone|fallen|dropped|slipped|receded)\s+(?:behind|away|astern)\b|"
    # ("...loudly, as though we are all at a garden party", "as if she'd walked into an operating theatre")
    r"\bas\s+(?:though|if)\s+[^,.;:!?\"“”]{0,60}|"
    # ("watch him the way cattle watch a coyote that has wandered into the barn")
    r"\bthe\s+way\s+(?!(?:to|in|out|back|home|up|down|through|across|along|over|there|here)\b)(?:[\w'’-]+\s+){1,3}?"
    r"(?:watch|watches|watched|look|looks|looked|stare|stares|stared|move|moves|moved|do|does|did)\b[^,.;:!?\"“”]{0,60}|"
    # a court that is no courtroom: a game's, a king's, a house's ("the lodge gates of Tempest Court")
    r"(?:tennis|squash|badminton|basketball|netball|food|royal)\s+courts?|out\s+of\s+court|the\s+court\s+of|"
    # the street seen from indoors: "the air on the street outside was heavy" (not "the street outside the pub")
    r"\bthe\s+(?:street|road|pavement|square|lane|car\s+park)\s+outside\b(?!\s+(?:the|a|an|his|her|their|its|my|our|"
    r"your|this|that)\b|\s+(?-i:[A-Z]))|"
    # a study that is studying ("in a close study of the hatchments", "in the study of law"), a pitch that is no ground
    r"\ban?\s+(?:[\w-]+\s+){0,2}?study\s+of|study\s+of\s+(?!(?:the|his|her|their|its|my|our|this|that|a|an)\b)(?-i:[a-z])|"
    r"pitch(?:[\s-]+(?:black|dark)|\s+(?:of|for)\b)|(?:sales|perfect|fever|elevator|high|low|shrill|same)\s+pitch|"
    # a sound's: "the fume hood hums at a pitch I stopped hearing", "rose to a thin pitch"
    r"\b(?:at|to)\s+an?\s+(?:[\w-]+\s+){0,2}?pitch\b|"
    r"(?:made|make|makes|making)\s+(?:(?:his|her|their|my|our|your|a|the)\s+)?pitch|"
    r"(?-i:(?!Crown|Magistrates|County|High|Supreme|Family|Coroner)[A-Z][a-z]+\s+Court)|"
    # a thing's whereabouts, not the scene's: "the bundle is still somewhere in a van"
    r"somewhere\s+(?:in|on|at|inside|along)\s+(?:(?:the|a|an|his|her|their|its|my|our|your)\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?[\w'’-]+|"
    # a sentence that opens "Somewhere up on the prom, over the bins behind the chip shop, the gulls scream": places
    # heard or glimpsed from where the story is
    r"^\W*somewhere\s+(?:(?:up|down|out|off|over|back|far|away)\s+)?(?:up|down|out|over|along|across|behind|beyond|"
    r"below|above|in|on|at|near|inside|outside|under|past|by|round|around)\b[^.;:!?,]*"
    r"(?:,\s+(?:(?:up|down|out|over|back|far)\s+)?(?:over|behind|beyond|past|near|by|under|above|below|across|along|"
    r"in|on|at|round|around|inside|outside)\b[^.;:!?,]*)*)\b", re.IGNORECASE)


def figures_in(told: str) -> list[tuple[int, int]]:
    """Where `told` speaks of a place only in a figure of speech ("all at sea", "as if she'd walked into a theatre")."""
    return [m.span() for m in _PLACE_FIGURES.finditer(told)]
