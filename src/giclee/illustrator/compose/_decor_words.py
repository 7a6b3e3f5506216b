"""Words the icon, logo and card composers write when the prompt gives none: brand names, taglines,
headlines, sublines, event details and calls to action, chosen by seed from lists that fit the subject."""

from __future__ import annotations

import random

from giclee.illustrator.kinds import KINDS

BRAND_FIRST = (
    "North", "Blue", "Bright", "Silver", "Golden", "Little", "Wild", "Urban", "Sunny", "Maple", "Cedar", "Nova",
    "Lucky", "Summit", "Coral", "Velvet", "Red", "Happy", "Clever", "True",
)
BRAND_SUFFIX = ("Studio", "Co", "Labs", "Works", "Collective", "Supply", "House", "Goods", "Group", "Club")
BRAND_PLACES = ("peak", "field", "brook", "wood", "haven", "ridge", "stone", "gate")
"""Compound endings: North + peak = Northpeak."""

KIND_WORDS = {
    "hot air balloon": "Balloon", "pine tree": "Pine", "palm tree": "Palm", "potted plant": "Plant",
    "orange fruit": "Orange", "birthday cake": "Cake", "party hat": "Party", "music note": "Note",
    "christmas tree": "Pine", "easter egg": "Egg", "wedding ring": "Ring", "watering can": "Garden",
    "paint roller": "Paint", "map pin": "Pin", "traffic light": "Signal", "office building": "Tower",
    "alarm clock": "Clock", "chat bubble": "Chat", "credit card": "Pay", "shopping cart": "Cart",
    "shopping bag": "Shop", "bar chart": "Metric", "pie chart": "Metric", "line chart": "Trend",
    "desktop computer": "Desk", "computer mouse": "Click", "game controller": "Play", "load balancer": "Balance",
    "check mark": "Check", "question mark": "Quest", "ice cream": "Scoop", "hot dog": "Dog",
}
"""A short brand word for kinds whose name is a phrase."""

TAGLINES = {
    "animals": ("Pet Care & Grooming", "Wild at Heart", "Kind to Every Creature"),
    "nature": ("Grown with Care", "Naturally Better", "Rooted in Nature"),
    "food": ("Fresh Every Day", "Baked with Love", "Taste the Difference", "Made from Scratch"),
    "celebration": ("Events & Parties", "Make It Memorable", "Celebrate Every Day"),
    "tools": ("Built to Last", "Repair & Renovation", "Done Right"),
    "travel": ("Go Further", "Adventures Await", "Travel Made Easy"),
    "buildings": ("Real Estate", "Building the Future", "Home Is Here"),
    "weather": ("Bright Ideas", "Clear Skies Ahead", "Forecast Services"),
    "office": ("Consulting", "Work Smarter", "Trusted Advisors"),
    "tech": ("Smart Solutions", "Software & Cloud", "Think Digital"),
    "symbols": ("Est. 2012", "Think Big", "Since 1998"),
}
TOPIC_TAGLINES = {
    "cloud": "Cloud Solutions", "web": "Web Design", "data": "Data Analytics", "ai": "Intelligent Systems",
    "security": "Cyber Security", "finance": "Financial Services", "health": "Health & Wellness",
    "fitness": "Fitness Studio", "education": "Learning Center", "travel": "Travel Agency", "food": "Fine Food",
    "music": "Records & Sound", "photography": "Photography", "sports": "Sports Club", "gaming": "Game Studio",
    "shopping": "Boutique", "science": "Research Lab", "energy": "Clean Energy", "social": "Community",
}


def brand_word(kind: str) -> str:
    return KIND_WORDS.get(kind, kind.split()[-1].title())


def brand_name(rng: random.Random, kind: str | None) -> str:
    """A plausible brand built on the thing drawn: "Blue Fox Studio", "Fox & Co", "Northpeak", "Maple Bean"."""
    first = rng.choice(BRAND_FIRST)
    if kind is None:
        return rng.choice((f"{first}{rng.choice(BRAND_PLACES)}", f"{first} {rng.choice(BRAND_SUFFIX)}"))
    word = brand_word(kind)
    return rng.choice((
        f"{first} {word} {rng.choice(BRAND_SUFFIX)}",
        f"{word} & Co",
        f"{first} {word}",
        f"{word}{rng.choice(BRAND_PLACES)}",
        f"The {first} {word}",
    ))


def tagline(rng: random.Random, kind: str | None, topic: str | None) -> str:
    if topic in TOPIC_TAGLINES:
        return TOPIC_TAGLINES[topic]
    family = KINDS.get(kind or "", "symbols")
    return rng.choice(TAGLINES[family])


def initials(name: str) -> str:
    """Up to two initials of a name ("Blue Fox Studio" -> "BF", "Northpeak" -> "N")."""
    words = [w for w in name.replace("&", " ").split() if w[:1].isalnum() and w.lower() not in ("the", "and", "co")]
    letters = "".join(w[0] for w in words[:2]) or name[:1]
    return letters.upper()


PERSON_NAMES = ("Anna", "Sam", "Maya", "Leo", "Olivia", "Noah", "Emma", "Lucas", "Sofia", "Jack", "Mia", "Ben",
                "Zoe", "Oscar", "Lily", "Theo", "Chloe", "Finn")
DAYS = ("Saturday, June 14", "Friday, May 9", "Sunday, April 20", "Saturday, October 31", "Friday, December 19",
        "Saturday, August 23", "Sunday, March 2")
TIMES = ("7:00 PM", "6:30 PM", "2:00 PM", "8:00 PM", "11:00 AM")
PLACES = ("The Garden Room, 12 Oak Street", "Riverside Hall", "Main Street Park", "The Loft, 5 Market Square",
          "Harbor View Terrace", "City Community Center")

OCCASION_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "birthday": {
        "headline": ("Happy Birthday!", "Happy Birthday", "It's Your Day!", "Let's Celebrate!"),
        "subline": ("Wishing you a wonderful year", "Have the best day ever", "Party at {name}'s place",
                    "{name} is turning 30!"),
        "cta": ("RSVP by June 1", "Join the Party", "Bring Your Smile"),
    },
    "wedding": {
        "headline": ("Save the Date", "Just Married", "Together Forever", "We're Getting Married"),
        "subline": ("{name} & {name2}", "Join us on June 14", "The wedding of {name} & {name2}"),
        "cta": ("RSVP by May 1", "Kindly Reply", "Celebrate With Us"),
    },
    "christmas": {
        "headline": ("Merry Christmas", "Season's Greetings", "Merry & Bright", "Joy to the World"),
        "subline": ("and a Happy New Year", "Love from the {name} family", "Peace, love and joy"),
        "cta": ("Join Our Christmas Party", "Bring a Gift", "RSVP by December 10"),
    },
    "new_year": {
        "headline": ("Happy New Year", "Cheers to the New Year", "Hello New Year!", "New Year's Eve Party"),
        "subline": ("Wishing you joy and success", "Let the countdown begin", "Here's to new beginnings"),
        "cta": ("Party Starts at 9 PM", "Get Your Tickets", "RSVP Now"),
    },
    "thank_you": {
        "headline": ("Thank You!", "Thank You", "Thanks a Bunch", "With Gratitude"),
        "subline": ("You made our day", "For everything you do", "With love from {name}"),
        "cta": ("With Love", "Forever Grateful", "See You Soon"),
    },
    "valentine": {
        "headline": ("Be Mine", "Happy Valentine's Day", "Love You", "You & Me"),
        "subline": ("Forever yours, {name}", "You make my heart smile", "All my love"),
        "cta": ("Dinner for Two", "Book a Table", "With Love"),
    },
    "halloween": {
        "headline": ("Happy Halloween", "Trick or Treat", "Spooky Night", "Halloween Party"),
        "subline": ("Costumes required", "If you dare...", "A night of frights and treats"),
        "cta": ("Come in Costume", "Get Your Tickets", "Boo! See You There"),
    },
    "easter": {
        "headline": ("Happy Easter", "Hoppy Easter!", "Easter Egg Hunt", "Spring Has Sprung"),
        "subline": ("Wishing you a joyful spring", "Bring your basket", "Sunday morning in the park"),
        "cta": ("Fun for All Ages", "Join the Hunt", "Free Entry"),
    },
    "graduation": {
        "headline": ("Congrats, Grad!", "Class of 2025", "Congratulations Graduate", "The Future Is Yours"),
        "subline": ("So proud of you, {name}", "Celebrating {name}", "Here's to your next adventure"),
        "cta": ("Join the Celebration", "RSVP by May 20", "Party at 4 PM"),
    },
    "baby": {
        "headline": ("Welcome Baby", "Oh Baby!", "Baby Shower", "Hello Little One"),
        "subline": ("Welcome to the world, {name}", "A little one is on the way", "Honoring {name}"),
        "cta": ("RSVP by June 1", "Join Us", "Gifts Welcome"),
    },
    "congratulations": {
        "headline": ("Congratulations!", "Well Done!", "You Did It!", "Congrats!"),
        "subline": ("So proud of you, {name}", "On your amazing achievement", "Here's to your success"),
        "cta": ("Cheers to You", "Keep Shining", "Celebrate Tonight"),
    },
    "invitation": {
        "headline": ("You're Invited", "Join Us", "Please Join Us", "Save the Date"),
        "subline": ("for an evening to remember", "Dinner & drinks with friends", "Join us on June 14"),
        "cta": ("RSVP by June 1", "Kindly Reply", "Reserve Your Seat"),
    },
    "sale": {
        "headline": ("Big Sale — 50% Off", "Summer Sale", "Flash Sale", "Mega Sale", "Season Sale"),
        "subline": ("Up to 50% off everything", "This weekend only", "Limited time offer", "While stocks last"),
        "cta": ("Shop Now", "Buy Now", "Visit Our Store", "Order Online"),
    },
    "event": {
        "headline": ("Live Music", "Game Night", "Open Mic", "Grand Opening", "Summer Festival"),
        "subline": ("An evening of music and fun", "Food, drinks and good vibes", "Free entry for everyone"),
        "cta": ("Get Tickets", "Register Now", "Join Us", "Book Your Spot"),
    },
    "holiday": {
        "headline": ("Happy Holidays", "Season's Greetings", "Warm Wishes", "Holiday Cheer"),
        "subline": ("Wishing you peace and joy", "From our family to yours", "Joy, love and light"),
        "cta": ("Holiday Party", "See You There", "RSVP by December 12"),
    },
}
SUMMER_HOLIDAY = {
    "headline": ("Summer Holidays", "Happy Holidays", "Hello Summer", "Vacation Mode"),
    "subline": ("Sun, sea and good times", "Time to relax", "Wish you were here"),
    "cta": ("Book Now", "Plan Your Trip", "Let's Go"),
}
"""A holiday card in summer is about the trip, not the season's greetings."""


def occasion_words(occasion: str, season: str | None) -> dict[str, tuple[str, ...]]:
    return SUMMER_HOLIDAY if occasion == "holiday" and season == "summer" else OCCASION_WORDS[occasion]


def fill_names(rng: random.Random, text: str) -> str:
    first, second = rng.sample(PERSON_NAMES, 2)
    return text.replace("{name2}", second).replace("{name}", first)


def details(rng: random.Random) -> list[str]:
    """The date, time and place of an event."""
    return [rng.choice(DAYS), rng.choice(TIMES), rng.choice(PLACES)]
