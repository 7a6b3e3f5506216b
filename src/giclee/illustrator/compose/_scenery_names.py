"""Fantasy place names from syllables and word lists, by seed: islands, peaks, woods, seas and landmarks of
every kind ("Dragonwatch Keep", "Misty Peaks", "Port Aven", "Cat Hollow").

A `Namer` never gives the same name twice in one picture, so two castles on a map are told apart.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

STARTS = ("Ael", "Bryn", "Cor", "Dun", "El", "Fen", "Gal", "Hal", "Ith", "Kel", "Lor", "Mor", "Nor", "Ost", "Pel",
          "Quen", "Ros", "Syl", "Thal", "Umb", "Val", "Wyn", "Yr", "Zar", "Ash", "Brae", "Cal", "Dra", "Eld", "Glen")
MIDDLES = ("a", "e", "i", "o", "ar", "en", "il", "or", "", "", "")
ENDS = ("dor", "ven", "mir", "wyn", "ton", "ia", "oth", "an", "is", "ell", "ard", "mere", "holt", "wick", "more")
ADJECTIVES = ("Misty", "Silver", "Golden", "Whispering", "Shadow", "Emerald", "Frost", "Amber", "Crimson", "Sunken",
              "Howling", "Dragon", "Iron", "Storm", "Elder", "Moon", "Raven", "Crystal", "Thorn", "Hollow", "Star",
              "Wolf", "Ember", "Sapphire")
PREFIXES = ("Dragon", "Raven", "Storm", "Frost", "Wolf", "Sun", "Moon", "Star", "Iron", "Thorn", "Ash", "Oak")

PATTERNS: dict[str, tuple[str, ...]] = {
    "castle": ("{P}watch Keep", "Castle {N}", "{N} Keep", "{P}hold Castle"),
    "tower": ("{N} Tower", "The {A} Spire", "{P}spire Tower", "Tower of {N}"),
    "village": ("{N}bury", "{N}brook", "{N}ford", "{N} Hamlet", "Little {N}"),
    "port": ("Port {N}", "{N} Harbour", "{N} Docks"),
    "lighthouse": ("{N} Light", "{A} Beacon", "Cape {N} Light"),
    "ruins": ("Ruins of {N}", "Old {N}", "{A} Ruins"),
    "cave": ("{A} Cave", "{N} Grotto", "{P}maw Cavern"),
    "temple": ("Temple of {N}", "{A} Shrine", "Sanctum of {N}"),
    "city": ("{N} City", "{N}ia", "Great {N}"),
    "house": ("{N}'s Cottage", "{N} Farm", "{A} Lodge"),
    "church": ("{N} Abbey", "Chapel of {N}", "{A} Abbey"),
    "windmill": ("{N} Mill", "{A} Mill"),
    "mountain": ("The {A} Peaks", "{N} Mountains", "{A} Crags", "{N} Range"),
    "volcano": ("Mount {N}", "{P}fire Peak", "The {A} Mount"),
    "forest": ("{A} Woods", "{N} Forest", "The {A} Wood", "{N}wood"),
    "lake": ("Lake {N}", "{A} Mere", "{N} Water"),
    "river": ("River {N}", "The {N}", "{A} Run"),
    "sea": ("The {A} Sea", "{N} Bay", "Sea of {N}", "The {A} Deep", "{N} Sound"),
    "island": ("Isle of {N}", "{N} Island", "{N}", "The Isle of {N}"),
    "islands": ("The {A} Isles", "{N} Isles", "Isles of {N}", "The {N} Archipelago"),
    "continent": ("{N}", "Kingdom of {N}", "The Realm of {N}", "{N}ia"),
    "treasure": ("{N} Island", "Isle of {N}", "Skull Island", "{A} Island"),
    "region": ("{N}", "{N}shire", "The {A} Marches", "{N}land", "The {A} Reach"),
    "desert": ("The {A} Sands", "{N} Waste", "{N} Dunes"),
    "hill": ("{N} Hills", "The {A} Downs", "{N} Knoll"),
}
"""Name patterns by kind ({N}: a made-up name, {A}: an adjective, {P}: a compound's first half)."""
PLACES = ("Hollow", "Point", "Rock", "Cove", "Hill", "Meadow", "Rest", "Crossing", "Bay", "Landing", "Grove", "Cape")
"""Second words for kinds with no pattern of their own ("Cat Hollow", "Robot Point")."""


def _clumsy(name: str) -> bool:
    """Two vowels running together (but a closing "-ia"), or a letter tripled: hard to say."""
    vowels = "aeiouy"
    lower = name.lower()
    for i in range(len(lower) - 1):
        pair = lower[i : i + 2]
        if pair[0] in vowels and pair[1] in vowels and not (pair == "ia" and i == len(lower) - 2):
            return True
        if i + 2 < len(lower) and lower[i] == lower[i + 1] == lower[i + 2]:
            return True
    return False


@dataclass(slots=True)
class Namer:
    rng: random.Random
    used: set[str] = field(default_factory=set)

    def word(self) -> str:
        """A made-up proper name of two or three syllables."""
        for _ in range(40):
            name = self.rng.choice(STARTS) + self.rng.choice(MIDDLES) + self.rng.choice(ENDS)
            if 4 <= len(name) <= 9 and name not in self.used and not _clumsy(name):
                return name
        return name

    def name(self, kind: str) -> str:
        """A fresh name for a place of this kind."""
        patterns = PATTERNS.get(kind)
        for _ in range(12):
            if patterns is None:
                title = kind.title()
                text = f"{title} {self.rng.choice(PLACES)}"
            else:
                text = self.rng.choice(patterns).format(N=self.word(), A=self.rng.choice(ADJECTIVES),
                                                        P=self.rng.choice(PREFIXES))
            if text not in self.used:
                break
        self.used.add(text)
        return text
