"""The words of the caption grammar: how people say each genre, layout, kind, colour, place and mood.

Kept apart from the sampler so the vocabulary can be read (and extended) as a table. Some everyday synonyms are
deliberately left out of it (`HELD_OUT`) and appear only in the evaluation: they show whether a word the
grammar never used still lands on the right thing through the frozen text encoder.
"""

from __future__ import annotations

GENRE_NOUNS: dict[str, tuple[str, ...]] = {
    "landscape": ("landscape", "scene", "landscape illustration", "scenery", "view", "vista", "nature scene",
                  "outdoor scene", "background scene", "illustrated landscape", "nature view"),
    "map": ("map", "illustrated map", "fantasy map", "map illustration", "adventure map", "game map",
            "cartographic illustration", "hand-drawn style map", "tourist map", "overview map"),
    "diagram": ("diagram", "technical diagram", "schematic", "architecture diagram", "system diagram",
                "infographic diagram", "block diagram", "explainer diagram", "visual overview"),
    "chart": ("chart", "graph", "data visualization", "report chart", "statistics graphic", "business chart",
              "infographic chart", "plot"),
    "ui": ("app screen", "ui mockup", "user interface", "app design", "app mockup", "screen mockup",
           "product mockup", "ui design", "app interface", "home screen", "app ui"),
    "icon": ("icon", "simple icon", "symbol", "pictogram", "clipart", "spot illustration", "emoji style icon",
             "flat icon", "vector icon", "illustration"),
    "logo": ("logo", "brand mark", "company logo", "brand logo", "logo design", "brand identity mark", "business logo",
             "startup logo"),
    "pattern": ("seamless pattern", "pattern", "repeating pattern", "tileable pattern", "background pattern",
                "textile print", "wrapping paper design", "fabric print", "wallpaper pattern", "surface pattern",
                "wallpaper", "print", "seamless background", "repeat design"),
    "card": ("greeting card", "card", "poster", "invitation", "flyer", "banner", "announcement", "postcard"),
}

LAYOUT_PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "landscape": {
        "panorama": ("panoramic", "panorama", "wide vista", "sweeping panorama"),
        "valley": ("valley", "green valley", "river valley"),
        "coast": ("coast", "coastal", "seaside", "shoreline", "coastline"),
        "countryside": ("countryside", "farmland", "rural", "farm scene", "pastoral"),
        "space": ("outer space", "space scene", "galaxy", "cosmos", "deep space"),
    },
    "map": {
        "island": ("island", "isle", "lone island"),
        "archipelago": ("archipelago", "chain of islands", "group of islands", "islands"),
        "continent": ("continent", "kingdom", "realm", "world", "land", "empire"),
        "treasure": ("treasure map", "pirate map", "treasure hunt map"),
    },
    "diagram": {
        "tiers": ("layers", "tiers", "layered architecture", "tiered", "stack", "layer cake diagram", "levels"),
        "flowchart": ("flowchart", "flow chart", "process flow with decisions", "decision flow", "workflow chart"),
        "network": ("network diagram", "network topology", "infrastructure map", "connected nodes"),
        "org_chart": ("org chart", "organizational chart", "organization chart", "team hierarchy",
                      "company structure"),
        "timeline": ("timeline", "roadmap", "history timeline", "milestones"),
        "cycle": ("cycle", "cycle diagram", "circular process", "loop", "lifecycle"),
        "pyramid": ("pyramid", "pyramid diagram", "hierarchy pyramid"),
        "mind_map": ("mind map", "mindmap", "brainstorm map", "concept map"),
        "venn": ("venn diagram", "overlapping circles"),
        "process": ("process", "step by step process", "steps", "process steps", "how it works"),
    },
    "chart": {
        "bar": ("bar chart", "bar graph", "column chart", "vertical bar chart", "histogram"),
        "horizontal_bar": ("horizontal bar chart", "ranking chart", "horizontal bars"),
        "pie": ("pie chart", "pie graph"),
        "donut": ("donut chart", "doughnut chart", "ring chart"),
        "line": ("line chart", "line graph", "trend line", "time series chart"),
        "area": ("area chart", "stacked area chart", "area graph"),
        "kpi": ("kpi cards", "kpi tiles", "key metrics", "scorecard", "key figures", "big numbers"),
        "dashboard": ("dashboard", "analytics dashboard", "report dashboard", "metrics dashboard"),
    },
    "ui": {
        "phone": ("smartphone", "phone", "mobile phone", "iphone", "android phone", "phone screen", "mobile app",
                  "mobile"),
        "tablet": ("tablet", "ipad", "tablet screen"),
        "laptop": ("laptop", "notebook computer", "macbook", "laptop screen"),
        "browser": ("browser window", "website", "web page", "landing page", "web app"),
        "desktop": ("desktop monitor", "computer screen", "desktop app", "monitor"),
        "watch": ("smartwatch", "watch face", "smart watch"),
    },
    "icon": {
        "app": ("app icon", "application icon", "ios app icon", "launcher icon"),
        "badge": ("badge", "circular icon", "round badge", "sticker", "round icon"),
        "plain": ("plain icon", "simple glyph"),
    },
    "logo": {
        "symbol_left": ("horizontal logo", "logo with the name beside the mark"),
        "symbol_top": ("stacked logo", "vertical logo", "logo with the name below"),
        "emblem": ("emblem", "badge logo", "crest", "seal", "round emblem"),
        "wordmark": ("wordmark", "text logo", "logotype"),
        "monogram": ("monogram", "initials logo", "lettermark"),
    },
    "pattern": {
        "grid": ("grid pattern", "repeating grid", "tiled grid"),
        "scatter": ("scattered", "random scatter", "ditsy print", "tossed print"),
        "stripes": ("stripes", "striped", "stripe pattern"),
        "dots": ("polka dot", "polka dots", "dotted", "dot pattern"),
        "checks": ("checkered", "gingham", "plaid", "checkerboard"),
        "chevrons": ("chevron", "zigzag", "chevrons"),
        "waves": ("wavy lines", "wavy", "squiggle"),
        "triangles": ("triangles", "triangular", "triangle pattern"),
        "hexagons": ("hexagon", "honeycomb", "hexagonal"),
        "diamonds": ("argyle", "harlequin", "lozenge", "diamond shapes"),
    },
    "card": {
        "birthday": ("birthday", "happy birthday", "birthday party"),
        "wedding": ("wedding", "save the date", "bridal"),
        "christmas": ("christmas", "xmas", "merry christmas"),
        "new_year": ("new year", "new year's eve", "happy new year"),
        "thank_you": ("thank you", "thanks", "gratitude"),
        "valentine": ("valentine's day", "valentine", "love"),
        "halloween": ("halloween", "spooky", "trick or treat"),
        "easter": ("easter", "spring holiday"),
        "graduation": ("graduation", "grad party", "class of"),
        "baby": ("baby shower", "new baby", "birth announcement"),
        "congratulations": ("congratulations", "congrats", "well done"),
        "invitation": ("party invitation", "dinner invitation", "you're invited"),
        "sale": ("sale", "discount", "black friday", "clearance", "special offer"),
        "event": ("concert", "conference", "festival", "workshop", "meetup", "event"),
        "holiday": ("holiday", "season's greetings", "happy holidays"),
    },
}
"""Per genre and layout, words that name the layout (landscape layouts that are also kinds of thing, such as
mountains or a lake, are said through the thing)."""

TOPIC_PHRASES: dict[str, tuple[str, ...]] = {
    "generic": ("general",),
    "cloud": ("cloud computing", "cloud architecture", "cloud platform", "saas", "aws style cloud"),
    "web": ("web application", "website backend", "web stack", "frontend and backend"),
    "data": ("data pipeline", "big data", "etl", "data warehouse", "analytics platform"),
    "ai": ("machine learning", "artificial intelligence", "neural network", "ai model", "llm"),
    "security": ("cybersecurity", "security", "zero trust", "threat protection"),
    "network": ("computer network", "office network", "networking"),
    "business": ("business", "company", "corporate", "startup"),
    "finance": ("finance", "banking", "budget", "expenses", "personal finance", "money"),
    "sales": ("sales", "revenue", "quarterly sales", "sales funnel"),
    "marketing": ("marketing", "campaign", "social media marketing", "seo"),
    "project": ("project management", "project plan", "product roadmap", "sprint"),
    "software": ("software development", "devops", "ci/cd", "release process", "agile"),
    "health": ("healthcare", "medical", "hospital", "patient care"),
    "fitness": ("fitness", "workout", "running", "health tracker"),
    "education": ("education", "online learning", "school", "course"),
    "travel": ("travel", "trip planner", "vacation", "booking"),
    "food": ("food delivery", "recipes", "restaurant", "cooking"),
    "shopping": ("e-commerce", "online store", "shopping", "retail"),
    "music": ("music player", "playlist", "music streaming", "podcast"),
    "weather": ("weather", "forecast", "weather app"),
    "social": ("social media", "social network", "news feed", "community"),
    "chat": ("messaging", "chat", "messenger", "conversation"),
    "productivity": ("productivity", "to-do list", "task manager", "notes", "todo"),
    "calendar": ("calendar", "schedule", "planner", "appointments"),
    "energy": ("solar energy", "renewable energy", "power grid", "electricity"),
    "science": ("science", "research", "laboratory", "chemistry"),
    "sports": ("sports", "football", "team stats", "league"),
    "gaming": ("gaming", "video game", "esports"),
    "photography": ("photography", "photo editing", "gallery"),
}

KIND_WORDS: dict[str, tuple[str, ...]] = {
    # animals
    "cat": ("cat", "kitten", "kitty"), "dog": ("dog", "puppy", "pup"), "rabbit": ("rabbit", "bunny"),
    "bird": ("bird", "songbird", "sparrow"), "owl": ("owl",), "parrot": ("parrot", "macaw"),
    "fish": ("fish", "goldfish"), "whale": ("whale",), "dolphin": ("dolphin",), "shark": ("shark",),
    "octopus": ("octopus",), "crab": ("crab",), "turtle": ("turtle", "tortoise"), "frog": ("frog", "toad"),
    "bee": ("bee", "bumblebee"), "butterfly": ("butterfly",), "ladybug": ("ladybug", "ladybird"),
    "snail": ("snail",), "horse": ("horse", "pony"), "cow": ("cow",), "pig": ("pig", "piglet"),
    "sheep": ("sheep", "lamb"), "chicken": ("chicken", "hen", "rooster"), "duck": ("duck", "duckling"),
    "fox": ("fox",), "bear": ("bear",), "deer": ("deer", "stag"), "lion": ("lion",),
    "elephant": ("elephant",), "giraffe": ("giraffe",), "penguin": ("penguin",), "monkey": ("monkey",),
    "panda": ("panda",), "mouse": ("mouse",), "dinosaur": ("dinosaur", "t-rex"), "dragon": ("dragon",),
    "unicorn": ("unicorn",),
    # nature
    "tree": ("tree", "oak tree", "leafy tree"), "pine tree": ("pine tree", "pine", "fir tree", "evergreen"),
    "palm tree": ("palm tree", "palm"), "flower": ("flower", "blossom", "daisy"), "rose": ("rose",),
    "tulip": ("tulip",), "sunflower": ("sunflower",), "leaf": ("leaf",), "cactus": ("cactus",),
    "mushroom": ("mushroom", "toadstool"), "potted plant": ("potted plant", "houseplant", "plant in a pot"),
    "sprout": ("sprout", "seedling"), "seashell": ("seashell", "shell"), "feather": ("feather",),
    "clover": ("clover", "shamrock"), "acorn": ("acorn",),
    "mountain": ("mountain", "peak", "mountain range"), "hill": ("hill", "rolling hill"),
    "volcano": ("volcano",), "waterfall": ("waterfall", "cascade"), "forest": ("forest", "grove"),
    "island": ("island",), "river": ("river", "stream", "creek"), "lake": ("lake", "pond"),
    "sea": ("sea", "waves", "surf", "wave"), "beach": ("beach", "sandy beach"), "desert": ("desert", "dune"),
    "rock": ("rock", "boulder", "stone"),
    # food
    "apple": ("apple",), "pear": ("pear",), "banana": ("banana",), "cherry": ("cherry",),
    "strawberry": ("strawberry",), "grapes": ("grapes", "bunch of grapes"), "lemon": ("lemon", "lime"),
    "orange fruit": ("orange fruit", "tangerine", "mandarin"), "watermelon": ("watermelon",),
    "pineapple": ("pineapple",), "avocado": ("avocado",), "carrot": ("carrot",), "broccoli": ("broccoli",),
    "tomato": ("tomato",), "bread": ("bread", "loaf of bread", "baguette"), "cheese": ("cheese",),
    "egg": ("egg", "fried egg"), "pizza": ("pizza", "pizza slice"), "burger": ("burger", "hamburger"),
    "hot dog": ("hot dog",), "taco": ("taco",), "sushi": ("sushi",), "donut": ("donut", "doughnut"),
    "cupcake": ("cupcake", "muffin"), "ice cream": ("ice cream", "ice cream cone"), "cookie": ("cookie", "biscuit"),
    "coffee": ("coffee", "cup of coffee", "coffee cup", "latte"), "tea": ("tea", "cup of tea", "teacup"),
    "wine": ("wine", "glass of wine", "wine bottle"), "cocktail": ("cocktail", "martini"),
    # celebration
    "balloon": ("balloon",), "gift": ("gift", "present", "gift box"), "birthday cake": ("birthday cake", "cake"),
    "candle": ("candle",), "party hat": ("party hat",), "confetti": ("confetti",),
    "firework": ("firework", "fireworks"), "music note": ("music note", "musical note"), "guitar": ("guitar",),
    "drum": ("drum",), "heart": ("heart",), "ribbon": ("ribbon", "bow"),
    "christmas tree": ("christmas tree",), "ornament": ("ornament", "bauble"), "pumpkin": ("pumpkin", "jack-o-lantern"),
    "ghost": ("ghost",), "easter egg": ("easter egg",), "champagne": ("champagne", "bottle of champagne"),
    "wedding ring": ("wedding ring", "ring"),
    # tools
    "hammer": ("hammer",), "wrench": ("wrench", "spanner"), "screwdriver": ("screwdriver",), "saw": ("saw",),
    "toolbox": ("toolbox", "tool box"), "shovel": ("shovel", "spade"), "watering can": ("watering can",),
    "paint roller": ("paint roller",), "axe": ("axe",), "ladder": ("ladder",), "bucket": ("bucket", "pail"),
    # travel
    "car": ("car", "sedan"), "bus": ("bus",), "truck": ("truck", "lorry"), "bicycle": ("bicycle", "bike"),
    "motorcycle": ("motorcycle", "motorbike"), "scooter": ("scooter",), "train": ("train", "locomotive"),
    "airplane": ("airplane", "plane", "jet"), "helicopter": ("helicopter",), "rocket": ("rocket", "spaceship"),
    "ship": ("ship", "cruise ship"), "sailboat": ("sailboat", "sailing boat", "yacht"), "boat": ("boat", "rowboat"),
    "submarine": ("submarine",), "hot air balloon": ("hot air balloon",), "tractor": ("tractor",),
    "suitcase": ("suitcase", "luggage"), "backpack": ("backpack", "rucksack"), "map pin": ("map pin", "location pin"),
    "compass": ("compass", "compass rose"), "tent": ("tent",), "camera": ("camera",), "ticket": ("ticket",),
    "globe": ("globe",), "anchor": ("anchor",), "traffic light": ("traffic light",),
    # buildings
    "house": ("house", "home", "cottage"), "cabin": ("cabin", "log cabin"), "barn": ("barn",),
    "castle": ("castle", "fortress", "palace"), "tower": ("tower", "watchtower"), "lighthouse": ("lighthouse",),
    "windmill": ("windmill",), "skyscraper": ("skyscraper", "high-rise"), "office building": ("office building",),
    "shop": ("shop", "store", "bakery"), "school": ("school",), "hospital": ("hospital",),
    "church": ("church", "chapel"), "temple": ("temple", "shrine"), "bridge": ("bridge",), "factory": ("factory",),
    "igloo": ("igloo",), "pyramid": ("pyramid",), "city": ("city", "city skyline", "skyline", "town"),
    "village": ("village", "hamlet"), "ruins": ("ruins", "ancient ruins"), "cave": ("cave", "cavern"),
    "port": ("port", "harbor", "harbour", "dock"),
    # weather
    "sun": ("sun", "sunshine"), "moon": ("moon", "crescent moon"), "star": ("star",),
    "cloud": ("cloud", "internet cloud"),
    "rain": ("rain", "raincloud"), "snowflake": ("snowflake", "snow"), "lightning": ("lightning", "lightning bolt"),
    "rainbow": ("rainbow",), "umbrella": ("umbrella",), "thermometer": ("thermometer",), "wind": ("wind", "breeze"),
    "snowman": ("snowman",), "planet": ("planet", "saturn"), "comet": ("comet", "shooting star"),
    # office
    "briefcase": ("briefcase",), "folder": ("folder",), "document": ("document", "file", "report"),
    "clipboard": ("clipboard",), "calendar": ("calendar",), "clock": ("clock",), "alarm clock": ("alarm clock",),
    "envelope": ("envelope", "email", "letter"), "chat bubble": ("chat bubble", "speech bubble", "message"),
    "bell": ("bell", "notification bell"), "pencil": ("pencil",), "paintbrush": ("paintbrush", "brush"),
    "scissors": ("scissors",), "paperclip": ("paperclip", "paper clip"), "book": ("book",),
    "magnifier": ("magnifying glass", "magnifier", "search icon"), "lightbulb": ("lightbulb", "light bulb", "idea"),
    "trophy": ("trophy", "cup trophy"), "medal": ("medal",), "flag": ("flag",), "coin": ("coin",),
    "credit card": ("credit card", "bank card"), "wallet": ("wallet",), "shopping cart": ("shopping cart", "cart"),
    "shopping bag": ("shopping bag",), "bar chart": ("bar chart",), "pie chart": ("pie chart",),
    "line chart": ("line chart", "trend graph"),
    # tech
    "laptop": ("laptop",), "desktop computer": ("desktop computer", "pc", "computer"),
    "smartphone": ("smartphone", "phone", "mobile phone"), "tablet": ("tablet",),
    "smartwatch": ("smartwatch",), "server": ("server", "server rack"), "database": ("database", "db"),
    "router": ("router",), "wifi": ("wifi", "wi-fi", "wireless signal"), "printer": ("printer",),
    "keyboard": ("keyboard",), "computer mouse": ("computer mouse",), "headphones": ("headphones", "headset"),
    "microphone": ("microphone", "mic"), "speaker": ("speaker", "loudspeaker"), "television": ("television", "tv"),
    "game controller": ("game controller", "gamepad", "joystick"), "battery": ("battery",),
    "gear": ("gear", "cog", "cogwheel"), "lock": ("lock", "padlock"), "key": ("key",), "shield": ("shield",),
    "user": ("user", "person", "customer"), "users": ("users", "team", "people"), "robot": ("robot", "bot"),
    "code": ("code", "source code", "api"), "firewall": ("firewall",), "load balancer": ("load balancer",),
    "storage": ("storage", "hard drive", "disk"),
    # symbols
    "check mark": ("check mark", "checkmark", "tick"), "cross": ("cross", "x mark"), "plus": ("plus", "plus sign"),
    "arrow": ("arrow",), "diamond": ("diamond", "gem", "jewel"), "crown": ("crown",),
    "question mark": ("question mark",), "smiley": ("smiley", "smiley face", "happy face"),
}
"""Per kind, the words the grammar uses for it (singular; the first is the kind's own name)."""

HELD_OUT: dict[str, tuple[str, ...]] = {
    "forest": ("woods", "woodland", "jungle"),
    "sea": ("ocean",),
    "smartphone": ("cellphone", "handset"),
    "car": ("automobile",),
    "house": ("bungalow",),
    "dog": ("hound",),
    "mountain": ("alps",),
    "airplane": ("aircraft", "airliner"),
    "boat": ("canoe",),
    "cat": ("feline",),
}
"""Synonyms never used in training captions, only in evaluation prompts (to test that meaning carries over)."""

PLURALS = {
    "mouse": "mice", "sheep": "sheep", "fish": "fish", "deer": "deer", "leaf": "leaves", "wolf": "wolves",
    "cactus": "cacti", "grapes": "grapes", "bunch of grapes": "bunches of grapes", "knife": "knives",
    "scissors": "scissors", "headphones": "headphones", "ruins": "ruins", "sushi": "sushi", "confetti": "confetti",
    "cheese": "cheeses", "broccoli": "broccoli", "wifi": "wifi", "rain": "rain", "wind": "wind", "code": "code",
    "storage": "storage", "people": "people", "users": "users", "team": "teams", "champagne": "champagne",
    "axe": "axes", "glass of wine": "glasses of wine", "cup of coffee": "cups of coffee", "cup of tea": "cups of tea",
    "loaf of bread": "loaves of bread", "plant in a pot": "plants in pots",
    "bottle of champagne": "bottles of champagne",
    "sand dunes": "sand dunes", "fireworks": "fireworks", "luggage": "luggage", "sunshine": "sunshine",
    "tooth": "teeth", "person": "people", "bread": "loaves of bread", "tv": "tvs", "pc": "pcs", "db": "databases",
    "ancient ruins": "ancient ruins",
}

COLOUR_WORDS: dict[str, tuple[str, ...]] = {
    "red": ("red", "crimson", "scarlet", "cherry red"),
    "orange": ("orange", "tangerine orange", "burnt orange"),
    "yellow": ("yellow", "lemon yellow", "sunny yellow", "mustard"),
    "lime": ("lime green", "chartreuse", "bright green"),
    "green": ("green", "emerald", "forest green", "grass green"),
    "teal": ("teal", "turquoise", "aqua", "cyan"),
    "sky": ("light blue", "sky blue", "baby blue"),
    "blue": ("blue", "cobalt", "royal blue", "bright blue"),
    "navy": ("navy", "navy blue", "dark blue", "midnight blue"),
    "purple": ("purple", "violet", "lavender", "plum"),
    "pink": ("pink", "magenta", "hot pink", "fuchsia"),
    "brown": ("brown", "chocolate brown", "chestnut"),
    "tan": ("beige", "tan", "sand", "khaki"),
    "gold": ("gold", "golden"),
    "grey": ("grey", "gray", "silver", "charcoal"),
    "white": ("white", "snow white"),
    "black": ("black", "jet black"),
    "cream": ("cream", "ivory", "off-white"),
}
"""Colour words per hue (the "skin" hue is a drawing paint that prompts do not name)."""

TONE_WORDS = {"light": ("light", "soft"), "pale": ("pale", "pastel"), "dark": ("dark", "deep")}

POSITION_PHRASES: dict[str, tuple[str, ...]] = {
    "left": ("on the left", "at the left", "to the left"),
    "right": ("on the right", "at the right", "to the right"),
    "top": ("at the top", "above", "up high"),
    "bottom": ("at the bottom", "below", "in the foreground"),
    "center": ("in the center", "in the middle", "centered"),
    "top left": ("in the top left", "in the upper left corner", "top-left"),
    "top right": ("in the top right", "in the upper right corner", "top-right"),
    "bottom left": ("in the bottom left", "in the lower left corner", "bottom-left"),
    "bottom right": ("in the bottom right", "in the lower right corner", "bottom-right"),
}

NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")

TIME_PHRASES: dict[str, tuple[str, ...]] = {
    "day": ("on a sunny day", "in daylight", "at midday", "under a bright blue sky", "on a clear day", "daytime"),
    "sunset": ("at sunset", "at dusk", "during golden hour", "under a sunset sky", "in the evening glow"),
    "night": ("at night", "under the stars", "on a starry night", "moonlit", "at midnight", "nighttime"),
    "dawn": ("at dawn", "at sunrise", "in the early morning", "at daybreak"),
}
SEASON_PHRASES: dict[str, tuple[str, ...]] = {
    "spring": ("in spring", "springtime", "with spring blossoms"),
    "summer": ("in summer", "summertime", "on a summer day"),
    "autumn": ("in autumn", "in fall", "with autumn foliage", "autumnal"),
    "winter": ("in winter", "snowy", "wintry", "covered in snow", "winter"),
}
MOOD_PHRASES: dict[str, tuple[str, ...]] = {
    "pastel": ("pastel colors", "in pastel tones", "soft pastel palette", "pastel"),
    "muted": ("muted colors", "muted palette", "desaturated tones", "subdued colors"),
    "vintage": ("vintage", "retro", "old-fashioned style", "retro palette", "vintage colors"),
    "earthy": ("earthy tones", "natural colors", "earth tones", "warm earthy palette"),
    "neon": ("neon colors", "neon", "cyberpunk", "synthwave", "glowing neon"),
    "dark": ("dark mode", "dark theme", "on a dark background", "dark palette"),
    "warm": ("warm colors", "warm tones", "warm palette"),
    "cool": ("cool colors", "cool tones", "cool blue palette"),
    "mono": ("monochrome", "black and white", "grayscale", "single color"),
    "vibrant": ("vibrant colors", "bright colors", "colorful", "bold colors"),
}
LOOK_PHRASES: dict[str, tuple[str, ...]] = {
    "flat": ("flat", "flat design", "flat style", "flat vector"),
    "outlined": ("outlined", "with bold outlines", "cartoon style with outlines", "outline style"),
    "line_art": ("line art", "line drawing", "thin line style", "outline only", "linework"),
    "hand_drawn": ("hand-drawn", "hand drawn", "sketchy", "doodle style", "sketch style", "crayon style"),
    "gradient": ("gradient", "with gradients", "gradient style", "soft gradients"),
    "long_shadow": ("long shadow", "long-shadow style", "with long shadows"),
    "minimal": ("minimalist", "minimal", "simple minimal style", "ultra minimal"),
    "pixel": ("pixel art", "8-bit", "pixelated", "retro pixel style"),
}
FORMAT_PHRASES: dict[str, tuple[str, ...]] = {
    "banner": ("banner", "web banner", "hero banner", "header image", "wide banner"),
    "poster": ("poster", "printable poster", "wall poster"),
    "card": ("card", "greeting card", "postcard"),
    "flyer": ("flyer", "leaflet", "handout"),
}
LABEL_PHRASES = ("labeled", "labelled", "with labels", "annotated", "with clear labels", "with text labels")
NO_LABEL_PHRASES = ("without labels", "unlabeled", "with no text", "without any text", "no words", "text-free")

DISTRACTORS = (
    "clean", "modern", "detailed", "beautiful", "simple", "professional", "high quality", "crisp", "elegant",
    "stylish", "polished", "cute", "bold", "sleek", "friendly", "playful", "fresh", "charming", "striking",
)
DISTRACTOR_TAILS = (
    "for print", "in high resolution", "4k", "for a website", "for social media", "for a presentation",
    "print ready", "vector quality", "high detail", "for a children's book", "for a magazine", "trending on dribbble",
    "award winning design", "for a blog post", "suitable for a slide deck", "as a wall art print", "8k",
)
FILLERS = (
    "a hammock", "lit windows", "a dotted trail", "a winding path", "recent transactions", "a progress bar",
    "a search bar", "a few buttons", "soft shadows", "reflections in the water", "a wooden fence", "a picket fence",
    "grassy fields", "a stone wall", "a few people", "a crowd", "a signpost", "a bench", "streetlights",
    "a lamp post", "glowing lights", "sparkles", "speed lines", "rounded corners", "copy space", "white space",
    "a tagline", "a call to action", "a menu", "navigation", "arrows between them", "the numbers", "percentages",
    "a legend", "gridlines", "axis labels", "a title", "a subtitle", "a border", "a frame", "dotted lines",
    "a gradient glow", "steam", "a little garden", "a playground", "a swing", "footprints", "a campfire",
    "a picnic blanket", "mist", "fog", "a haze", "sunbeams", "long grass", "pebbles", "a dirt road", "a sign",
    "a badge", "an x marking the spot", "a skull", "a treasure chest", "a balance", "the price", "a logo",
    "a profile picture", "notifications", "a chart", "some icons", "a timeline bar", "a few labels",
)
"""Nouns that name no kind of thing: the model must read past them without drawing anything new."""
THING_ADJECTIVES = (
    "cozy", "tiny", "big", "little", "old", "wooden", "tall", "small", "huge", "cute", "happy", "shiny", "ancient",
    "fluffy", "round", "friendly", "giant", "lovely", "sleepy", "majestic", "vintage-style", "simple",
)
"""Adjectives that describe a thing without changing its kind or colour."""
VAGUE_COUNTS = ("some", "a few", "several", "lots of", "many", "a bunch of", "plenty of")
RELATIONS = (
    " over ", " above ", " under ", " beside ", " next to ", " near ", " by ", " in front of ", " behind ",
    " surrounded by ", " among ", " with ", " on ", " flying over ", " beneath ", " against ",
)
"""Words that put two things in relation: they say nothing the scene records (its composer places things)."""
PREFIXES = (
    "", "", "", "", "create", "generate", "draw", "design", "make", "please draw", "i need", "can you make",
    "show me", "an illustration of", "illustration of", "a picture of", "give me", "render",
)
VERBS = ("with", "featuring", "showing", "that shows", "including", "containing", "depicting", "of", "and")
DISPLAY_VERBS = ("displaying", "showing", "with", "running", "featuring", "open on")

BRAND_FIRST = (
    "Blue", "North", "Sweet", "Pixel", "Green", "Bright", "Silver", "Happy", "Urban", "Wild", "Golden", "Little",
    "Iron", "Sunny", "Maple", "Cedar", "Nova", "Echo", "Lucky", "Cloud", "Rapid", "Summit", "Velvet", "Coral",
)
BRAND_SECOND = (
    "Fox", "Peak", "Crumbs", "Labs", "Leaf", "Harbor", "Studio", "Bloom", "Works", "Bean", "Wave", "Forge",
    "Nest", "Path", "Spark", "Garden", "Bakery", "Coffee", "Tech", "Design", "Co", "Collective", "Kitchen", "Supply",
)
PERSON_NAMES = (
    "Anna", "Sam", "Maya", "Leo", "Olivia", "Noah", "Emma", "Lucas", "Sofia", "Jack", "Mia", "Ben", "Zoe",
    "Oscar", "Lily", "Max", "Ava", "Theo", "Chloe", "Finn",
)
HEADLINES = (
    "Happy Birthday", "Grand Opening", "Summer Sale", "Save the Date", "Thank You", "Welcome Home",
    "Merry Christmas", "Happy New Year", "Congratulations", "Best Wishes", "Get Well Soon", "Join Us",
    "Big Sale", "Hello Spring", "Game Night", "Open Mic", "Live Music", "Book Club", "Team Offsite", "Launch Day",
)
TITLES = (
    "Q3 Revenue", "Monthly Users", "System Overview", "Our Process", "Cloud Platform", "Sales by Region",
    "Project Roadmap", "Data Flow", "Team Structure", "Growth Plan", "Weekly Tasks", "Budget 2026",
)
