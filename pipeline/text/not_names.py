"""Words that look like names in prose but are no one's: nationalities, feasts, the radio's "Caller", the words
places and firms end in ("Hall", "Creek", "Investigations"), the first words of places ("Port", "New")."""

_NOT_PERSON_WORDS = {
    # what the radio and the control room call people they cannot name ("Caller says he went in")
    "Caller", "Informant", "Subject", "Suspect", "Casualty", "Patient",
    "English", "French", "German", "Italian", "Russian", "Spanish", "American", "British", "Irish", "Scotch",
    "Scottish", "Welsh", "Dutch", "Polish", "Indian", "Chinese", "Japanese", "European", "Christian", "Catholic",
    "Protestant", "Jewish", "Englishman", "Frenchman", "Englishwoman", "Frenchwoman", "Roman", "Greek", "Latin",
    "Heaven", "Providence", "Nature", "Church", "Bible", "Christmas", "Easter", "Sunday", "Good", "Oh", "Ah", "Ay",
    "Aye", "Alas", "Hush", "Pray", "Sure", "Indeed", "Nay", "Hallo", "Hello", "Goodbye", "Thank", "Thanks",
    "Please", "Let", "Do", "Don't", "Be", "Did", "Does", "Is", "Are", "Was", "Were", "Have", "Has", "Had", "Will",
    "Would", "Shall", "Should", "Can", "Could", "Must", "Might", "Mustn't", "Come", "Go", "Look", "See",
    "Listen", "Stop", "Wait", "Tell", "Ask", "Say", "Whose", "Whom", "Whatever", "Whoever", "Nothing",
    "Something", "Everything", "Anything", "Nobody", "Somebody", "Everybody", "Anybody", "Someone", "Everyone",
    "Anyone", "No-one", "None", "People", "Folk", "Folks", "Both", "Either", "Neither", "Some", "Many", "Much", "Most", "More", "Such",
    "Very", "Quite", "Rather", "Too", "Also", "Besides", "However", "Therefore", "Thus", "Hence", "Though",
    "Although", "Because", "Since", "Until", "Unless", "Whether", "Nor", "First", "Second", "Third", "Last",
    "Next", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Hundred", "Thousand",
    "Mamma", "Mama", "Papa", "Mother", "Father", "Madam", "Ma'am", "Sir", "Master", "Mistress", "Bless", "Lord",
    "Lady", "Mr", "Mrs", "Miss", "Ms", "Dr", "St", "Mlle", "Mme", "Monsieur", "Madame", "Captain", "Colonel",
    "Doctor", "Professor", "Inspector", "Major", "General", "Uncle", "Aunt", "Auntie", "Aunty", "Tante", "Tantie", "Sister", "Brother", "Chapter",
    "Book", "Volume", "Part", "End", "Finis", "Project", "Gutenberg", "Ebook", "Mademoiselle", "Hotel", "Street",
    "Note", "Yours", "Mine", "Ours", "Theirs", "Himself", "Herself", "Myself", "Yourself", "Itself",
    "Themselves", "Ourselves", "Whence", "Thither", "Hither", "Thence", "Besides", "Above", "Below", "Upon",
    "Into", "Through", "Across", "Against", "Among", "Around", "Behind", "Beyond", "During", "Except", "Inside",
    "Outside", "Under", "Within", "Without", "Toward", "Towards", "Up", "Down", "Out", "Off", "Over", "Away",
    "Back", "Home", "Here's", "There's", "That's", "It's", "I'm", "I'll", "I've", "I'd", "You're", "You'll",
    "He's", "She's", "We're", "They're", "Let's", "What's", "Who's", "Where's", "Ha", "Hm", "Hum", "Eh", "Why",
    "True", "Right", "Fine", "Poor", "Dear", "Dearest", "Darling", "Old", "Young", "Little", "Great", "Grand",
    "Royal", "Majesty", "Highness", "Excellency", "Honour", "Honor", "Lordship", "Ladyship", "Queen",
    "King", "Prince", "Princess", "Count", "Countess", "Baron", "Baroness", "Duke", "Duchess", "Emperor",
    "Sergeant", "Lieutenant", "Reverend", "Judge", "Signor", "Signora", "Herr", "Frau", "Afterward", "Till",
    "Chief", "Ensign", "Corporal", "Commissioner", "Engineer", "Mayor", "Senator", "Pastor", "Rabbi", "Private",
    "Whilst", "Whereupon", "Presently", "Instead", "Besides", "Certainly", "Surely", "Really", "Of", "Good-bye",
    "Goodnight", "Good-night", "Bah", "Pooh", "Nonsense", "Heavens", "Gracious", "Mercy", "Fancy", "Tut",
    "Hey", "Halloa", "Hallo", "O", "Ugh", "Mm", "Er", "Um", "Whew", "Ahem", "Hurrah", "Bravo", "Amen",
    "Mister", "Sahib", "Miss", "Ye", "Thee", "Thou", "Thy", "Thine", "Shan't", "Can't", "Won't", "Isn't",
    "Aren't", "Wasn't", "Weren't", "Hadn't", "Hasn't", "Haven't", "Wouldn't", "Couldn't", "Shouldn't", "Didn't",
    "Doesn't", "Ain't", "Ma", "Pa", "Illustration",
    # oaths: "Jesus Christ, girl." calls on no one in the room
    "Jesus", "Christ", "Jeez", "Gosh", "Golly", "Blimey", "Crikey", "Cripes", "Gawd", "Lordy", "Damn", "Dammit",
    "Hell", "Bloody",
    # what people say today where they once said "Well" ("Okay," he said)
    "Okay", "OK", "Ok", "Yeah", "Yep", "Yup", "Nope", "Alright", "Hi", "Bye", "Sorry", "Cheers", "Wow", "Hmm",
    "Whoa", "Huh", "Uh", "Cool",
    # what one calls anyone ("Mate.", "Cheers, pal"): a word of address, not someone of the cast
    "Mate", "Pal", "Buddy", "Chuck", "Cock", "Sweetheart", "Sweetie", "Sunshine", "Boss", "Bro", "Fella",
    # and what one calls a husband, a child or a stranger at a till ("Honey," Lorraine said; "Ta, hen")
    "Honey", "Hon", "Babe", "Sugar", "Petal", "Duck", "Ducky", "Hen", "Doll", "Dearie", "Lovey", "Treasure",
    # whoever holds the chair ("Thank you, Madam Chair")
    "Chair", "Chairman", "Chairwoman", "Chairperson",
    # institutions that speak through people ("The Crown doesn't oppose bail")
    "Crown", "State", "Government", "Council", "Parliament", "Police", "Army", "Navy", "Ministry", "Senate",
    "Congress", "Prosecution", "Defence", "Defense", "Court", "Chronicle", "Herald", "Tribune", "Telegraph",
    "League", "Union", "Guild", "Association", "Committee", "Federation", "Legion", "Board", "Commission", "Bureau",
    "Society", "Institute", "Brigade", "Squad", "Investigations", "Agency", "Unit", "Highway", "Patrol", "Dispatch", "Control", "North", "South", "East", "West", "Everywhere", "Nowhere", "Somewhere", "Anywhere", "Whenever", "Wherever", "Tomorrow",
    "Today", "Yesterday", "Tonight", "Morning", "Evening", "Night", "Day", "Mrs.", "Mr.", "Dr.",
}
# The last word of a place, a house or an institution, never of a person's name.
_PLACE_WORDS = {
    "Hall", "House", "Park", "Street", "Square", "Road", "Lane", "Abbey", "Castle", "Court", "Lodge", "Manor",
    "Place", "Church", "Chapel", "Hotel", "Inn", "Bridge", "River", "Lake", "Hill", "Hills", "Mount", "Mountain",
    "Mountains", "Wood", "Woods", "Forest", "Valley", "Bay", "Island", "Isle", "Station", "Gardens", "Garden",
    "Cottage", "Farm", "Grange", "End", "Embankment", "Quay", "Wharf", "Pier", "Airport", "Estate", "Mews", "Priory", "Rectory", "Parsonage", "Vicarage", "Terrace", "Row", "Gate", "Tower",
    "College", "School", "University", "Hospital", "Company", "Society", "Club", "Bank", "Office", "Museum",
    "Theatre", "Theater", "Cathedral", "Palace", "Ocean", "Sea", "Railway", "Avenue", "Crescent", "Green",
    "Common", "Heath", "Moor", "Field", "Fields", "Walk", "Way", "Hotel", "Road", "Buildings", "Library",
    "Bar", "Club", "Times", "Gazette", "Review", "Magazine", "Army", "Navy", "Regiment", "Parliament", "Council",
    "Ministry", "Department", "Kingdom", "Empire", "Republic", "States", "Street", "Avenue", "Villa", "Point",
    "Harbour", "Harbor", "Port", "Cross", "Market", "Mews", "Close", "Yard", "Quay", "Wharf", "Dock", "Docks",
    "Road", "Town", "City", "County", "Shire", "Downs", "Fells", "Falls", "Springs", "Well", "Wells", "Pool",
    "Chambers", "Arms", "Tavern", "Café", "Cafe", "Restaurant", "Shop", "Store", "Works", "Mill", "Mills",
    "Ridge", "Cliff", "Cliffs", "Cove", "Creek", "Canal", "Line", "Embankment", "Circus", "Gallery", "Institute", "Bend",
    "Crossing", "Hollow", "Gulch", "Canyon", "Bluff", "Bluffs", "Flats", "Campground", "Landing",
    # a firm or a paper ("Lindqvist Investigations", "the Evening Chronicle")
    "Investigations", "Agency", "Associates", "Enterprises", "Industries", "Inc", "Ltd", "Limited", "Corporation",
    "Services", "Solutions", "Holdings", "Partners", "Chronicle", "Herald", "Tribune", "Journal", "Telegraph",
    "Courier", "Gazette", "Cars", "Taxis", "Cabs", "Motors", "Bakery", "Stores", "Salon", "Nails", "Bar",
    # a school or a practice answering the phone ("Castlefield Academy, Miss Devlin speaking")
    "Academy", "Surgery", "Practice", "Clinic", "Centre", "Center", "Constabulary",
    "Tabernacle", "Mosque", "Synagogue", "Gurdwara",
    # a hall hired for a wedding ("the Anatolia Suite had been a snooker hall")
    "Suite", "Rooms", "Lounge", "Ballroom", "Pavilion", "Banqueting",
    # a station calling another over the radio ("Falmouth Coastguard, Porthcarrow Lifeboat")
    "Coastguard", "Lifeboat", "Rescue", "Brigade", "Ambulance",
    # a body of people speaking as one ("the Women's League", "the Mothers' Union")
    "League", "Union", "Guild", "Association", "Committee", "Federation", "Legion", "Board", "Commission", "Bureau",
}
# The first word of a place name ("New York", "Port Said").
_PLACE_PREFIXES = {"New", "Port", "Fort", "Lake", "Mount", "Cape", "San", "Santa", "Saint", "Los", "Las", "North",
                   "South", "East", "West", "Upper", "Lower", "Great", "Little", "Old"}
_LOCATIVE = {"in", "into", "near", "through", "across", "within", "throughout", "toward", "towards", "reached",
             "leave", "left", "visit", "visited", "outside", "inside"}
# jobs people are called by to their face, lower-cased ("Sarge", "Doc"): no one's first name
_JOB_CALLED = {"sarge", "doc", "chief", "boss", "guv", "gaffer", "skip", "skipper", "coach", "cap", "cap'n", "prof", "padre",
               "doctor", "nurse", "sister", "matron", "sergeant", "captain", "officer", "constable", "major", "colonel"}
