"""The kinds of thing the illustrator can draw, by family: the model's vocabulary of things.

Every kind has an icon (icons/<family>.py draws it in a 100x100 box), so every genre can draw every kind:
a map shows a cat as a landmark, a pattern repeats it, a card uses it as decoration. Composers draw some
kinds their own way as well (a landscape's mountains are a range, not an icon).
"""

from __future__ import annotations

FAMILIES: dict[str, tuple[str, ...]] = {
    "animals": (
        "cat", "dog", "rabbit", "bird", "owl", "parrot", "fish", "whale", "dolphin", "shark", "octopus", "crab",
        "turtle", "frog", "bee", "butterfly", "ladybug", "snail", "horse", "cow", "pig", "sheep", "chicken", "duck",
        "fox", "bear", "deer", "lion", "elephant", "giraffe", "penguin", "monkey", "panda", "mouse", "dinosaur",
        "dragon", "unicorn",
    ),
    "nature": (
        "tree", "pine tree", "palm tree", "flower", "rose", "tulip", "sunflower", "leaf", "cactus", "mushroom",
        "potted plant", "sprout", "seashell", "feather", "clover", "acorn",
        "mountain", "hill", "volcano", "waterfall", "forest", "island", "river", "lake", "sea", "beach", "desert",
        "rock",
    ),
    "food": (
        "apple", "pear", "banana", "cherry", "strawberry", "grapes", "lemon", "orange fruit", "watermelon",
        "pineapple", "avocado", "carrot", "broccoli", "tomato", "bread", "cheese", "egg", "pizza", "burger",
        "hot dog", "taco", "sushi", "donut", "cupcake", "ice cream", "cookie", "coffee", "tea", "wine", "cocktail",
    ),
    "celebration": (
        "balloon", "gift", "birthday cake", "candle", "party hat", "confetti", "firework", "music note", "guitar",
        "drum", "heart", "ribbon", "christmas tree", "ornament", "pumpkin", "ghost", "easter egg", "champagne",
        "wedding ring",
    ),
    "tools": (
        "hammer", "wrench", "screwdriver", "saw", "toolbox", "shovel", "watering can", "paint roller", "axe",
        "ladder", "bucket",
    ),
    "travel": (
        "car", "bus", "truck", "bicycle", "motorcycle", "scooter", "train", "airplane", "helicopter", "rocket",
        "ship", "sailboat", "boat", "submarine", "hot air balloon", "tractor", "suitcase", "backpack", "map pin",
        "compass", "tent", "camera", "ticket", "globe", "anchor", "traffic light",
    ),
    "buildings": (
        "house", "cabin", "barn", "castle", "tower", "lighthouse", "windmill", "skyscraper", "office building",
        "shop", "school", "hospital", "church", "temple", "bridge", "factory", "igloo", "pyramid", "city", "village",
        "ruins", "cave", "port",
    ),
    "weather": (
        "sun", "moon", "star", "cloud", "rain", "snowflake", "lightning", "rainbow", "umbrella", "thermometer",
        "wind", "snowman", "planet", "comet",
    ),
    "office": (
        "briefcase", "folder", "document", "clipboard", "calendar", "clock", "alarm clock", "envelope",
        "chat bubble", "bell", "pencil", "paintbrush", "scissors", "paperclip", "book", "magnifier", "lightbulb",
        "trophy", "medal", "flag", "coin", "credit card", "wallet", "shopping cart", "shopping bag", "bar chart",
        "pie chart", "line chart",
    ),
    "tech": (
        "laptop", "desktop computer", "smartphone", "tablet", "smartwatch", "server", "database", "router", "wifi",
        "printer", "keyboard", "computer mouse", "headphones", "microphone", "speaker", "television",
        "game controller", "battery", "gear", "lock", "key", "shield", "user", "users", "robot", "code", "firewall",
        "load balancer", "storage",
    ),
    "symbols": ("check mark", "cross", "plus", "arrow", "diamond", "crown", "question mark", "smiley"),
}

KINDS: dict[str, str] = {kind: family for family, kinds in FAMILIES.items() for kind in kinds}
"""Kind name -> its family (the icon pack that draws it)."""
