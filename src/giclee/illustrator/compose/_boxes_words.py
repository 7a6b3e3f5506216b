"""Words by topic for diagrams and charts: titles, tier and component names, steps, stages, categories.

A diagram about "cloud" needs plausible parts (a CDN, a load balancer, object storage), one about marketing
others. Each table has entries for the topics that have their own vocabulary and a "generic" one; `pick`
falls back to a related topic, then to generic, so every topic of `scene.TOPICS` gets words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

T = TypeVar("T")

RELATED: dict[str, str] = {
    "finance": "business", "sales": "business", "marketing": "business", "project": "business",
    "productivity": "business", "calendar": "business", "education": "generic", "health": "generic",
    "web": "web", "social": "web", "chat": "web", "shopping": "web", "gaming": "software", "photography": "generic",
    "music": "generic", "travel": "generic", "food": "generic", "sports": "generic", "fitness": "generic",
    "weather": "data", "energy": "generic", "science": "data",
}
"""A topic without its own entry borrows a related one's."""


def pick(table: Mapping[str, T], topic: str | None) -> T:
    """The table's entry for the topic, a related topic's, or the generic one."""
    topic = topic or "generic"
    if topic in table:
        return table[topic]
    return table.get(RELATED.get(topic, "generic"), table["generic"])


TITLES: dict[str, str] = {
    "generic": "System Overview", "cloud": "Cloud Computing Architecture", "web": "Web Application Architecture",
    "data": "Data Platform Architecture", "ai": "AI Platform Architecture", "security": "Security Architecture",
    "network": "Network Topology", "business": "Business Operating Model", "software": "Software Architecture",
    "finance": "Financial Operations", "sales": "Sales Pipeline", "marketing": "Marketing Strategy",
    "project": "Project Plan", "health": "Patient Care Journey", "fitness": "Training Plan",
    "education": "Learning Journey", "travel": "Trip Planning", "food": "Kitchen Workflow",
    "shopping": "E-commerce Platform", "music": "Music Production", "weather": "Weather Data Pipeline",
    "social": "Social Platform", "chat": "Messaging Platform", "productivity": "Team Workflow",
    "calendar": "Event Planning", "energy": "Energy Grid", "science": "Research Method",
    "sports": "Season Plan", "gaming": "Game Architecture", "photography": "Photo Workflow",
}

LAYOUT_TITLES: dict[str, dict[str, str]] = {
    "flowchart": {"generic": "{} Workflow", "cloud": "Deployment Pipeline", "web": "Checkout Flow",
                  "data": "Data Pipeline", "ai": "Answering a Prompt", "security": "Sign-in Flow",
                  "software": "Release Process", "business": "Sales Process", "health": "Patient Flow",
                  "food": "Order Flow"},
    "network": {"generic": "{} Network", "network": "Network Topology", "cloud": "Cloud Network"},
    "org_chart": {"generic": "{} Team", "business": "Organisation Chart"},
    "timeline": {"generic": "{} Roadmap", "business": "Our Story"},
    "cycle": {"generic": "{} Lifecycle", "software": "DevOps Cycle", "marketing": "Marketing Cycle"},
    "pyramid": {"generic": "{} Hierarchy", "data": "DIKW Pyramid", "food": "Food Pyramid",
                "software": "Testing Pyramid", "education": "Learning Pyramid"},
    "mind_map": {"generic": "{} Mind Map"},
    "venn": {"generic": "{} Venn Diagram", "software": "Project Triangle"},
    "process": {"generic": "{} Process", "marketing": "Customer Journey", "sales": "Sales Process"},
}
"""Titles per layout ({} is the topic's name), for layouts where the tier titles would not fit."""


def title(layout: str, topic: str | None) -> str:
    """A plausible title for a diagram of this layout and topic."""
    topic = topic or "generic"
    if layout not in LAYOUT_TITLES:
        return pick(TITLES, topic)
    table = LAYOUT_TITLES[layout]
    name = "" if topic == "generic" else {"ai": "AI"}.get(topic, topic.title())
    return table.get(topic, table["generic"]).format(name).strip() or layout.replace("_", " ").title()


Component = tuple[str, str]
"""(label, glyph name)."""
Tier = tuple[str, tuple[Component, ...]]

TIERS: dict[str, tuple[Tier, ...]] = {
    "cloud": (
        ("Users & Devices", (("Web App", "monitor"), ("Mobile App", "phone"), ("Partners", "users"),
                             ("IoT Devices", "wifi"), ("Admin", "user"))),
        ("Edge & CDN", (("CDN", "globe"), ("DNS", "list"), ("WAF", "firewall"), ("API Gateway", "api"))),
        ("Application Services", (("Load Balancer", "balancer"), ("App Servers", "server"),
                                  ("Containers", "container"), ("Functions", "code"), ("Message Queue", "queue"))),
        ("Data & Storage", (("SQL Database", "database"), ("Object Storage", "storage"), ("Cache", "bolt"),
                            ("Data Warehouse", "layers"), ("Backups", "cloud"))),
        ("Infrastructure", (("Compute", "chip"), ("Networking", "router"), ("Identity", "lock"),
                            ("Monitoring", "trend"), ("Regions", "cloud"))),
        ("Management", (("Billing", "card"), ("Automation", "gear"), ("Compliance", "shield"),
                        ("Logging", "document"))),
    ),
    "web": (
        ("Clients", (("Browser", "monitor"), ("Mobile", "phone"), ("Tablet", "laptop"), ("Bots", "chip"))),
        ("Presentation", (("Web Server", "server"), ("CDN", "globe"), ("Static Assets", "document"),
                          ("SSR", "code"))),
        ("Application", (("REST API", "api"), ("Auth Service", "lock"), ("Workers", "gear"),
                         ("Search", "search"), ("Notifications", "bell"))),
        ("Data", (("Database", "database"), ("Cache", "bolt"), ("File Storage", "storage"),
                  ("Analytics", "chart"))),
        ("Platform", (("Containers", "container"), ("CI/CD", "layers"), ("Monitoring", "trend"),
                      ("Cloud", "cloud"))),
    ),
    "data": (
        ("Sources", (("Apps", "phone"), ("Databases", "database"), ("Sensors", "wifi"), ("Files", "document"),
                     ("Web Events", "globe"))),
        ("Ingestion", (("Stream", "queue"), ("Batch ETL", "gear"), ("Connectors", "api"), ("CDC", "layers"))),
        ("Storage", (("Data Lake", "storage"), ("Warehouse", "database"), ("Lakehouse", "layers"))),
        ("Processing", (("Spark Jobs", "bolt"), ("SQL Engine", "code"), ("ML Features", "brain"),
                        ("Quality Checks", "check"))),
        ("Consumption", (("Dashboards", "chart"), ("Reports", "document"), ("Data Apps", "monitor"),
                         ("APIs", "api"))),
        ("Governance", (("Catalog", "book"), ("Lineage", "hub"), ("Access", "lock"))),
    ),
    "ai": (
        ("Applications", (("Chat Assistant", "chat"), ("Search", "search"), ("Agents", "chip"),
                          ("Copilot", "sparkle"))),
        ("Orchestration", (("Prompt Router", "api"), ("Guardrails", "shield"), ("Memory", "layers"),
                           ("Tools", "gear"))),
        ("Models", (("LLM", "brain"), ("Embeddings", "hub"), ("Vision", "camera"), ("Fine-tuned", "target"))),
        ("Data", (("Vector DB", "database"), ("Documents", "document"), ("Feature Store", "storage"),
                  ("Labels", "tag"))),
        ("Compute", (("GPU Cluster", "chip"), ("Inference", "bolt"), ("Training", "trend"), ("Cloud", "cloud"))),
    ),
    "security": (
        ("Identity", (("Users", "users"), ("SSO", "lock"), ("MFA", "phone"), ("Roles", "user"))),
        ("Perimeter", (("Firewall", "firewall"), ("WAF", "shield"), ("VPN", "globe"), ("DDoS Guard", "bolt"))),
        ("Application", (("Secrets", "lock"), ("Code Scan", "code"), ("API Security", "api"))),
        ("Data", (("Encryption", "lock"), ("Backups", "storage"), ("DLP", "document"), ("Database", "database"))),
        ("Operations", (("SIEM", "trend"), ("Alerts", "bell"), ("Audit Logs", "document"), ("Response", "users"))),
    ),
    "network": (
        ("Access", (("Laptops", "laptop"), ("Phones", "phone"), ("Wi-Fi", "wifi"), ("Printers", "document"))),
        ("Distribution", (("Switches", "hub"), ("Router", "router"), ("Firewall", "firewall"))),
        ("Core", (("Core Router", "router"), ("Load Balancer", "balancer"), ("DNS", "globe"))),
        ("Data Center", (("Servers", "server"), ("Storage", "storage"), ("Databases", "database"))),
        ("WAN & Cloud", (("Internet", "globe"), ("Cloud", "cloud"), ("Branch Sites", "home"))),
    ),
    "software": (
        ("User Interface", (("Web UI", "monitor"), ("Mobile UI", "phone"), ("CLI", "code"))),
        ("API Layer", (("Gateway", "api"), ("Auth", "lock"), ("Rate Limits", "gear"))),
        ("Services", (("Orders", "cart"), ("Accounts", "user"), ("Billing", "card"), ("Search", "search"),
                      ("Messaging", "mail"))),
        ("Persistence", (("Database", "database"), ("Cache", "bolt"), ("Event Store", "queue"))),
        ("Runtime", (("Containers", "container"), ("Scheduler", "clock"), ("Observability", "trend"))),
    ),
    "business": (
        ("Customers", (("Consumers", "users"), ("Businesses", "home"), ("Partners", "team"))),
        ("Channels", (("Website", "globe"), ("Mobile App", "phone"), ("Stores", "cart"), ("Support", "chat"))),
        ("Operations", (("Sales", "trend"), ("Marketing", "target"), ("Fulfilment", "truck"),
                        ("Service", "users"))),
        ("Support Functions", (("Finance", "dollar"), ("HR", "user"), ("Legal", "document"), ("IT", "monitor"))),
        ("Foundation", (("Data", "database"), ("Systems", "server"), ("Strategy", "flag"))),
    ),
    "generic": (
        ("Users", (("Customers", "users"), ("Staff", "user"), ("Partners", "team"))),
        ("Interface", (("Website", "monitor"), ("Mobile App", "phone"), ("Portal", "globe"))),
        ("Services", (("Core Logic", "gear"), ("Workflows", "layers"), ("Messaging", "mail"),
                      ("Search", "search"))),
        ("Data", (("Database", "database"), ("Files", "document"), ("Analytics", "chart"))),
        ("Platform", (("Servers", "server"), ("Cloud", "cloud"), ("Security", "shield"))),
    ),
}
"""Per topic, tiers from the top (who uses it) to the bottom (what it runs on), each with component names."""

RAIL: dict[str, tuple[str, tuple[str, ...]]] = {
    "cloud": ("Security & Monitoring", ("lock", "shield", "trend")),
    "web": ("Observability", ("trend", "bell", "search")),
    "data": ("Governance", ("lock", "book", "hub")),
    "ai": ("Safety & Evaluation", ("shield", "check", "trend")),
    "security": ("Zero Trust", ("lock", "shield", "user")),
    "network": ("Monitoring", ("trend", "bell", "wifi")),
    "software": ("DevOps", ("gear", "layers", "trend")),
    "business": ("Governance", ("flag", "document", "chart")),
    "generic": ("Security", ("lock", "shield", "trend")),
}
"""A cross-cutting column beside the tiers: its name and glyphs."""

FLOW: dict[str, tuple[str, str, tuple[str, ...], tuple[tuple[str, str, str], ...]]] = {
    "generic": ("Start", "Done", ("Receive request", "Review details", "Process request", "Send result",
                                  "Notify user"),
                (("Is it valid?", "Fix issues", "Yes"), ("Approved?", "Escalate", "Yes"))),
    "cloud": ("Commit", "Live", ("Build image", "Run tests", "Deploy to staging", "Roll out"),
              (("Tests pass?", "Fix build", "Yes"), ("Healthy?", "Roll back", "Yes"))),
    "web": ("Visit site", "Order placed", ("Browse products", "Add to cart", "Checkout", "Pay"),
            (("Signed in?", "Sign in", "Yes"), ("Payment ok?", "Retry card", "Yes"))),
    "data": ("New data", "Published", ("Ingest", "Clean & validate", "Transform", "Load warehouse"),
             (("Schema ok?", "Quarantine", "Yes"), ("Quality ok?", "Alert owner", "Yes"))),
    "ai": ("Prompt", "Answer", ("Retrieve context", "Call model", "Check output", "Format reply"),
           (("Needs tools?", "Run tool", "No"), ("Safe?", "Refuse", "Yes"))),
    "security": ("Login", "Access granted", ("Enter password", "Verify identity", "Check device", "Issue token"),
                 (("Password ok?", "Lock account", "Yes"), ("MFA passed?", "Deny access", "Yes"))),
    "software": ("Idea", "Released", ("Write spec", "Implement", "Code review", "Merge"),
                 (("Approved?", "Revise", "Yes"), ("CI green?", "Fix tests", "Yes"))),
    "business": ("Lead", "Customer", ("Qualify lead", "Demo", "Proposal", "Negotiate"),
                 (("Good fit?", "Nurture", "Yes"), ("Signed?", "Follow up", "Yes"))),
    "health": ("Check-in", "Discharge", ("Triage", "Examination", "Diagnosis", "Treatment"),
               (("Urgent?", "Emergency", "No"), ("Recovered?", "Follow-up", "Yes"))),
    "food": ("Order in", "Served", ("Prep ingredients", "Cook", "Plate", "Quality check"),
             (("In stock?", "Substitute", "Yes"), ("Looks right?", "Remake", "Yes"))),
}
"""Per topic: start and end terminators, process steps, decisions (question, the side branch, the main answer)."""

MORE_STEPS: tuple[str, ...] = ("Log the result", "Notify the team", "Update records", "Archive", "Report")
"""Steps that follow any flow when a topic's own run out."""

STEPS: dict[str, tuple[str, ...]] = {
    "generic": ("Plan", "Design", "Build", "Test", "Launch", "Review", "Improve", "Scale"),
    "cloud": ("Assess", "Plan", "Migrate", "Optimise", "Operate", "Secure", "Scale", "Innovate"),
    "data": ("Collect", "Clean", "Store", "Analyse", "Visualise", "Share", "Act", "Monitor"),
    "ai": ("Collect Data", "Label", "Train", "Evaluate", "Deploy", "Monitor", "Retrain", "Scale"),
    "security": ("Identify", "Protect", "Detect", "Respond", "Recover", "Review", "Train", "Audit"),
    "software": ("Plan", "Code", "Build", "Test", "Release", "Deploy", "Operate", "Monitor"),
    "business": ("Research", "Strategy", "Execution", "Measure", "Optimise", "Grow", "Expand", "Review"),
    "marketing": ("Awareness", "Interest", "Consideration", "Intent", "Purchase", "Loyalty", "Advocacy", "Repeat"),
    "sales": ("Prospect", "Qualify", "Demo", "Proposal", "Negotiate", "Close", "Onboard", "Renew"),
    "project": ("Initiate", "Plan", "Execute", "Monitor", "Close", "Review", "Handover", "Support"),
    "education": ("Discover", "Learn", "Practice", "Assess", "Reflect", "Apply", "Teach", "Master"),
    "health": ("Prevent", "Screen", "Diagnose", "Treat", "Recover", "Monitor", "Support", "Review"),
    "food": ("Source", "Prep", "Cook", "Plate", "Serve", "Clean", "Restock", "Review"),
    "energy": ("Generate", "Transmit", "Distribute", "Store", "Consume", "Measure", "Balance", "Recycle"),
    "science": ("Question", "Research", "Hypothesis", "Experiment", "Analyse", "Conclude", "Publish", "Repeat"),
    "fitness": ("Warm Up", "Strength", "Cardio", "Stretch", "Recover", "Track", "Refuel", "Rest"),
    "travel": ("Dream", "Plan", "Book", "Pack", "Travel", "Explore", "Share", "Return"),
}
"""Ordered stages for processes, cycles and timelines."""

STEP_GLYPHS: tuple[str, ...] = ("search", "bulb", "gear", "check", "flag", "trend", "target", "star", "users",
                                "chart", "shield", "sparkle")

PYRAMID: dict[str, tuple[str, ...]] = {
    "generic": ("Vision", "Strategy", "Goals", "Projects", "Tasks", "Foundations"),
    "data": ("Wisdom", "Knowledge", "Insight", "Information", "Data", "Sources"),
    "business": ("Mission", "Vision", "Strategy", "Tactics", "Operations", "Culture"),
    "marketing": ("Advocates", "Loyal Customers", "Customers", "Leads", "Prospects", "Audience"),
    "health": ("Self-care", "Esteem", "Belonging", "Safety", "Nutrition", "Sleep"),
    "food": ("Sweets", "Dairy", "Protein", "Vegetables", "Fruit", "Grains"),
    "software": ("E2E Tests", "UI Tests", "API Tests", "Integration", "Unit Tests", "Static Checks"),
    "security": ("Governance", "Monitoring", "Access", "Network", "Devices", "Training"),
    "education": ("Create", "Evaluate", "Analyse", "Apply", "Understand", "Remember"),
}
"""Pyramid levels from the apex down."""

MIND: dict[str, tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]] = {
    "generic": ("Big Idea", (("Goals", ("Short term", "Long term")), ("People", ("Team", "Partners")),
                             ("Resources", ("Budget", "Tools")), ("Timeline", ("Q1", "Q2")),
                             ("Risks", ("Delays", "Costs")), ("Outcomes", ("Growth", "Impact")))),
    "business": ("Business Plan", (("Market", ("Segments", "Competitors")), ("Product", ("Features", "Pricing")),
                                   ("Sales", ("Channels", "Partners")), ("Finance", ("Revenue", "Costs")),
                                   ("Team", ("Hiring", "Culture")), ("Operations", ("Supply", "Support")))),
    "marketing": ("Campaign", (("Audience", ("Personas", "Segments")), ("Content", ("Blog", "Video")),
                               ("Channels", ("Social", "Email")), ("Budget", ("Ads", "Events")),
                               ("Metrics", ("Reach", "Conversion")), ("Brand", ("Voice", "Visuals")))),
    "software": ("App Design", (("Frontend", ("Web", "Mobile")), ("Backend", ("API", "Workers")),
                                ("Data", ("SQL", "Cache")), ("DevOps", ("CI/CD", "Monitoring")),
                                ("Security", ("Auth", "Secrets")), ("Testing", ("Unit", "E2E")))),
    "cloud": ("Cloud Strategy", (("Compute", ("VMs", "Containers")), ("Storage", ("Objects", "Blocks")),
                                 ("Network", ("VPC", "CDN")), ("Security", ("IAM", "Encryption")),
                                 ("Cost", ("Budgets", "Savings")), ("Operations", ("Backups", "Logs")))),
    "education": ("Study Plan", (("Subjects", ("Maths", "Science")), ("Schedule", ("Daily", "Weekly")),
                                 ("Resources", ("Books", "Videos")), ("Practice", ("Quizzes", "Projects")),
                                 ("Goals", ("Grades", "Skills")), ("Wellbeing", ("Sleep", "Breaks")))),
    "ai": ("AI Project", (("Data", ("Sources", "Labels")), ("Models", ("LLM", "Vision")),
                          ("Evaluation", ("Metrics", "Red team")), ("Deployment", ("API", "Edge")),
                          ("Ethics", ("Bias", "Privacy")), ("Team", ("Research", "Product")))),
    "travel": ("Trip", (("Transport", ("Flights", "Trains")), ("Stay", ("Hotel", "Rental")),
                        ("Activities", ("Tours", "Hiking")), ("Budget", ("Food", "Tickets")),
                        ("Packing", ("Clothes", "Gear")), ("Documents", ("Passport", "Visa")))),
}
"""Mind maps: the centre and its branches, each with two leaves."""

VENN: dict[str, tuple[tuple[str, str, str], str]] = {
    "generic": (("Skills", "Passion", "Need"), "Purpose"),
    "business": (("Desirable", "Feasible", "Viable"), "Innovation"),
    "data": (("Statistics", "Computing", "Domain"), "Data Science"),
    "ai": (("Data", "Models", "Compute"), "AI"),
    "software": (("Fast", "Good", "Cheap"), "Pick two"),
    "marketing": (("Brand", "Audience", "Product"), "Message"),
    "health": (("Diet", "Exercise", "Sleep"), "Wellness"),
    "education": (("Theory", "Practice", "Feedback"), "Mastery"),
    "security": (("People", "Process", "Technology"), "Security"),
    "cloud": (("Public", "Private", "Edge"), "Hybrid"),
}
"""Venn diagrams: three set names and the name of the centre."""

ORG: tuple[tuple[str, str], ...] = (
    ("Maya Chen", "CEO"), ("Liam Ortiz", "CTO"), ("Ava Patel", "COO"), ("Noah Kim", "CFO"),
    ("Emma Davis", "Eng Lead"), ("Lucas Rossi", "Design Lead"), ("Sofia Nguyen", "Ops Manager"),
    ("Ethan Brown", "Finance Lead"), ("Mia Johnson", "Developer"), ("Leo Garcia", "Developer"),
    ("Zoe Martin", "Designer"), ("Omar Haddad", "Analyst"), ("Ivy Walker", "Support"), ("Jack Lee", "Recruiter"),
    ("Nora Silva", "Product Manager"), ("Ben Carter", "Data Scientist"), ("Lena Fischer", "QA Engineer"),
    ("Ravi Shah", "DevOps"), ("Chloe Dubois", "Marketing"), ("Sam Okafor", "Sales Lead"), ("Hana Sato", "Writer"),
    ("Diego Alvarez", "Developer"), ("Grace Hall", "Accountant"), ("Tom Novak", "Support"),
)
"""Names and job titles for organisation charts (the first is the root)."""

TIMELINE: dict[str, tuple[str, ...]] = {
    "generic": ("Kick-off", "Research", "Prototype", "Beta", "Launch", "Growth", "Expansion", "Milestone"),
    "cloud": ("Assessment", "Pilot", "Migration", "Cutover", "Optimise", "Multi-region", "Edge", "AI Services"),
    "software": ("Spec", "Alpha", "Beta", "v1.0", "v1.1", "v2.0", "v2.5", "v3.0"),
    "business": ("Founded", "Seed Round", "First Hire", "Product Launch", "Series A", "New Office",
                 "1M Users", "IPO"),
    "project": ("Kick-off", "Requirements", "Design", "Build", "Testing", "Launch", "Review", "Close"),
    "ai": ("Dataset", "Baseline", "Fine-tune", "Evaluation", "Private Beta", "Launch", "Agents", "Multimodal"),
    "education": ("Enrol", "Orientation", "Term 1", "Midterms", "Term 2", "Finals", "Project", "Graduation"),
    "marketing": ("Research", "Brief", "Creative", "Soft Launch", "Campaign", "Events", "Review", "Relaunch"),
}
"""Milestone names, in time order."""

# charts -----------------------------------------------------------------------------------------------------------

CHARTS: dict[str, tuple[str, str, str, tuple[str, ...], float]] = {
    "generic": ("Monthly Overview", "", "months", ("This year", "Last year", "Target"), 420),
    "sales": ("Quarterly Revenue", "$", "quarters", ("2025", "2024", "Forecast"), 42000),
    "finance": ("Monthly Spending", "$", "months", ("Actual", "Budget", "Savings"), 3200),
    "business": ("Revenue by Region", "$", "regions", ("Revenue", "Profit", "Costs"), 86000),
    "marketing": ("Traffic by Channel", "", "channels", ("Visits", "Leads", "Sign-ups"), 12000),
    "web": ("Weekly Visitors", "", "days", ("Visitors", "Page views", "Sign-ups"), 2400),
    "cloud": ("Compute Usage", " vCPU", "months", ("Production", "Staging", "Dev"), 380),
    "data": ("Data Processed", " TB", "months", ("Batch", "Streaming", "Ad hoc"), 48),
    "ai": ("Model Accuracy", "%", "months", ("Accuracy", "Baseline", "Target"), 71),
    "security": ("Threats Blocked", "", "months", ("Blocked", "Detected", "Resolved"), 1800),
    "network": ("Bandwidth", " Gbps", "days", ("Inbound", "Outbound", "Peak"), 40),
    "software": ("Deployments", "", "weeks", ("Deploys", "Rollbacks", "Hotfixes"), 24),
    "project": ("Tasks Completed", "", "weeks", ("Done", "Planned", "Blocked"), 36),
    "productivity": ("Focus Hours", "h", "days", ("Focus", "Meetings", "Breaks"), 5),
    "calendar": ("Meetings per Day", "", "days", ("Meetings", "Events", "Calls"), 6),
    "fitness": ("Daily Steps", "", "days", ("Steps", "Goal", "Last week"), 8400),
    "health": ("Resting Heart Rate", " bpm", "months", ("Resting", "Average", "Peak"), 64),
    "education": ("Test Scores", "%", "subjects", ("Score", "Class average", "Target"), 78),
    "energy": ("Energy Use", " kWh", "months", ("Solar", "Grid", "Battery"), 320),
    "weather": ("Average Temperature", "°", "months", ("High", "Low", "Record"), 14),
    "social": ("New Followers", "", "months", ("Instagram", "TikTok", "YouTube"), 5200),
    "chat": ("Messages Sent", "", "days", ("Direct", "Groups", "Channels"), 860),
    "shopping": ("Orders by Category", "", "products", ("Orders", "Returns", "Wishlist"), 940),
    "food": ("Top Dishes", "", "dishes", ("Orders", "Reviews", "Repeats"), 260),
    "music": ("Streams by Genre", "", "genres", ("Streams", "Saves", "Shares"), 68000),
    "travel": ("Bookings by Destination", "", "cities", ("Bookings", "Searches", "Reviews"), 1400),
    "sports": ("Points per Game", "", "games", ("Points", "Assists", "Rebounds"), 96),
    "gaming": ("Daily Active Players", "", "months", ("Players", "New", "Returning"), 24000),
    "science": ("Reaction Yield", "%", "trials", ("Yield", "Control", "Expected"), 62),
    "photography": ("Photos Taken", "", "months", ("Photos", "Edited", "Shared"), 640),
}
"""Per topic: chart title, unit, the kind of categories, series names and a typical value."""

CATEGORIES: dict[str, tuple[str, ...]] = {
    "months": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "quarters": ("Q1", "Q2", "Q3", "Q4"),
    "days": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "weeks": ("W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W9", "W10", "W11", "W12"),
    "regions": ("North America", "Europe", "Asia Pacific", "Latin America", "Middle East", "Africa", "Oceania"),
    "channels": ("Search", "Social", "Email", "Direct", "Referral", "Ads", "Partners"),
    "products": ("Electronics", "Fashion", "Home", "Beauty", "Sports", "Toys", "Books", "Garden"),
    "subjects": ("Maths", "Science", "English", "History", "Art", "Music", "Geography"),
    "genres": ("Pop", "Rock", "Hip-hop", "Jazz", "Electronic", "Classical", "Country"),
    "cities": ("Paris", "Tokyo", "New York", "Rome", "Bali", "London", "Sydney", "Lisbon"),
    "dishes": ("Pizza", "Burgers", "Salads", "Pasta", "Sushi", "Tacos", "Curry"),
    "games": ("G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9", "G10", "G11", "G12"),
    "trials": ("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12"),
}
TIME_CATEGORIES = ("months", "quarters", "days", "weeks", "games", "trials")
NATURAL_COUNT = {"months": 6, "quarters": 4, "days": 7, "weeks": 8, "games": 8, "trials": 8}
"""How many categories a time axis shows when the scene does not say."""


def categories(kind: str, count: int) -> list[str]:
    """`count` category names of a kind; a list that runs out goes on numbered (Q1 '25, Q2 '25...)."""
    names = CATEGORIES[kind]
    if count <= len(names):
        return list(names[:count])
    if kind == "quarters":
        return [f"{names[i % 4]} '{24 + i // 4}" for i in range(count)]
    return [names[i % len(names)] + ("" if i < len(names) else f" {i // len(names) + 1}") for i in range(count)]


KPIS: dict[str, tuple[tuple[str, str, str, float], ...]] = {
    "generic": (("Revenue", "dollar", "$", 48200), ("Active Users", "users", "", 12480),
                ("Conversion", "target", "%", 3.8), ("Orders", "cart", "", 1920), ("Avg. Rating", "star", "", 4.7),
                ("Sessions", "trend", "", 86400)),
    "finance": (("Balance", "wallet", "$", 12840), ("Income", "dollar", "$", 6200), ("Spent", "card", "$", 3180),
                ("Savings", "target", "%", 24), ("Investments", "trend", "$", 48900), ("Bills Due", "calendar", "", 3)),
    "sales": (("Revenue", "dollar", "$", 128400), ("Deals Won", "check", "", 46), ("Pipeline", "layers", "$", 1.2e6),
              ("Win Rate", "target", "%", 32), ("Avg. Deal", "tag", "$", 2790), ("New Leads", "users", "", 318)),
    "marketing": (("Visitors", "users", "", 84200), ("Leads", "target", "", 2140), ("CTR", "trend", "%", 4.6),
                  ("Email Opens", "mail", "%", 38), ("Followers", "heart", "", 15800),
                  ("Cost / Lead", "dollar", "$", 18)),
    "web": (("Visitors", "users", "", 24500), ("Page Views", "document", "", 96300), ("Bounce Rate", "trend", "%", 41),
            ("Avg. Session", "clock", " min", 3.4), ("Sign-ups", "user", "", 860), ("Uptime", "check", "%", 99.9)),
    "cloud": (("Uptime", "check", "%", 99.98), ("Requests", "api", "", 2.4e6), ("Latency", "bolt", " ms", 84),
              ("Monthly Cost", "dollar", "$", 18400), ("Instances", "server", "", 128),
              ("Storage", "database", " TB", 46)),
    "fitness": (("Steps", "trend", "", 9840), ("Calories", "bolt", " kcal", 620), ("Active", "clock", " min", 54),
                ("Heart Rate", "heart", " bpm", 72), ("Workouts", "dumbbell", "", 5), ("Sleep", "clock", "h", 7.6)),
    "health": (("Heart Rate", "pulse", " bpm", 68), ("Sleep", "clock", "h", 7.4), ("Water", "rain", " L", 1.8),
               ("Steps", "trend", "", 8120), ("Weight", "target", " kg", 68), ("Check-ups", "calendar", "", 2)),
    "project": (("Tasks Done", "check", "", 148), ("In Progress", "clock", "", 23), ("On Track", "flag", "%", 86),
                ("Team", "team", "", 12), ("Budget Used", "dollar", "%", 62), ("Milestones", "target", "", 7)),
    "productivity": (("Tasks Done", "check", "", 38), ("Focus Time", "clock", "h", 26), ("Streak", "bolt", " days", 12),
                     ("Projects", "layers", "", 6), ("Meetings", "calendar", "", 9), ("Goals Met", "target", "%", 80)),
    "security": (("Threats Blocked", "shield", "", 18240), ("Incidents", "bell", "", 3), ("Patched", "check", "%", 97),
                 ("MFA Adoption", "lock", "%", 92), ("Open Alerts", "flag", "", 14), ("Scans", "search", "", 640)),
    "energy": (("Generated", "sun", " kWh", 412), ("Consumed", "bolt", " kWh", 356), ("Saved", "dollar", "$", 86),
               ("Battery", "target", "%", 78), ("CO2 Avoided", "sparkle", " kg", 190),
               ("Peak Load", "trend", " kW", 6.4)),
    "shopping": (("Orders", "cart", "", 1284), ("Revenue", "dollar", "$", 56300), ("Avg. Basket", "tag", "$", 44),
                 ("Returns", "truck", "%", 2.4), ("Customers", "users", "", 980), ("Rating", "star", "", 4.8)),
    "social": (("Followers", "users", "", 48200), ("Likes", "heart", "", 12900), ("Comments", "chat", "", 2310),
               ("Shares", "trend", "", 1640), ("Reach", "globe", "", 186000), ("Posts", "camera", "", 42)),
    "weather": (("Rain Chance", "rain", "%", 20), ("UV Index", "sun", "", 6), ("Wind", "trend", " km/h", 12),
                ("Humidity", "rain", "%", 62)),
    "music": (("Minutes Played", "music", "", 1240), ("Artists", "star", "", 126), ("Playlists", "list", "", 18),
              ("Followers", "users", "", 860)),
    "chat": (("Unread", "chat", "", 12), ("Groups", "users", "", 8), ("Calls", "phone", "", 5),
             ("Media", "camera", "", 240)),
    "calendar": (("Meetings", "calendar", "", 6), ("Free Time", "clock", "h", 3), ("Reminders", "bell", "", 4),
                 ("Events", "flag", "", 9)),
    "travel": (("Trips Planned", "plane", "", 3), ("Countries", "globe", "", 14), ("Saved Places", "pin", "", 42),
               ("Miles", "trend", "", 18400)),
}
"""Per topic: KPI tiles (label, glyph, unit, typical value)."""

# app screens ------------------------------------------------------------------------------------------------------

APP_TOPIC: dict[str, str] = {
    "project": "productivity", "education": "calendar", "health": "fitness", "sports": "fitness",
    "food": "shopping", "photography": "social", "finance": "finance", "sales": "finance",
}
"""Topics whose app screen borrows another's design."""

APPS: dict[str, tuple[str, str, str, str]] = {
    "productivity": ("Taskly", "Get more done, every day", "Plan your tasks, track progress and never miss a "
                     "deadline again.", "Get started"),
    "finance": ("Pocket", "Your money, finally organised", "Track spending, grow savings and send money in "
                "seconds.", "Open account"),
    "fitness": ("Pulse", "Move more, feel better", "Close your rings, follow your progress and train smarter "
                "every day.", "Start training"),
    "music": ("Tempo", "Music that moves with you", "Millions of songs and podcasts, picked just for you.",
              "Listen free"),
    "chat": ("Chatter", "Stay close to your people", "Fast, private messaging with friends, family and teams.",
             "Download now"),
    "shopping": ("Shoply", "Shop everything you love", "Fresh picks, fast delivery and easy returns on every "
                 "order.", "Shop now"),
    "weather": ("Skycast", "Know the weather before it happens", "Accurate hourly forecasts, radar and alerts "
                "for anywhere.", "Get the app"),
    "social": ("Circle", "Share the moments that matter", "Post, follow and connect with the people who "
               "inspire you.", "Join free"),
    "calendar": ("Daybook", "Your schedule, simplified", "Plan your week, share events and get smart "
                 "reminders.", "Try it free"),
    "travel": ("Wander", "Plan your next adventure", "Find flights, stays and hidden gems all in one place.",
               "Explore now"),
    "generic": ("Nimbus", "Everything in one dashboard", "See your numbers, track goals and act on insights "
                "in real time.", "Get started"),
}
"""Per app design: the app's name, a headline, a subline and the call to action of its banner."""

TASKS: tuple[tuple[str, str], ...] = (
    ("Design review", "10:00 AM"), ("Team stand-up", "11:30 AM"), ("Write project brief", "1:00 PM"),
    ("Update roadmap", "3:00 PM"), ("Reply to clients", "4:30 PM"), ("Plan sprint", "Tomorrow"),
    ("Gym session", "6:00 PM"), ("Read 20 pages", "9:00 PM"),
)
TAGS: tuple[str, ...] = ("Work", "Design", "Personal", "Urgent", "Team")
TRANSACTIONS: tuple[tuple[str, str, str, float], ...] = (
    ("Grocery Store", "Today, 9:20", "cart", -54.20), ("Salary", "Yesterday", "dollar", 3200.0),
    ("Coffee Shop", "Yesterday", "heart", -4.80), ("Electric Bill", "Jun 12", "bolt", -86.45),
    ("Transfer from Sam", "Jun 11", "users", 120.0), ("Flight Tickets", "Jun 10", "plane", -342.0),
    ("Streaming", "Jun 9", "play", -11.99),
)
WORKOUTS: tuple[tuple[str, str, str], ...] = (
    ("Morning Run", "5.2 km · 28 min", "trend"), ("Strength", "45 min · 320 kcal", "dumbbell"),
    ("Cycling", "18 km · 52 min", "target"), ("Yoga", "30 min · Flexibility", "heart"),
)
SONGS: tuple[tuple[str, str], ...] = (
    ("Midnight City", "Neon Skies"), ("Golden Hour", "The Weekenders"), ("Ocean Drive", "Luna Park"),
    ("Paper Planes", "Indigo"), ("Slow Motion", "Velvet Youth"), ("Northern Lights", "Aurora Bay"),
)
MESSAGES: tuple[tuple[bool, str], ...] = (
    (False, "Hey! Are we still on for lunch?"), (True, "Yes! 12:30 at the usual place?"),
    (False, "Perfect, see you there"), (True, "I'll bring the slides too"), (False, "Great, thanks!"),
    (True, "See you soon"), (False, "On my way now"),
)
CONTACTS: tuple[str, ...] = ("Emma Wilson", "Noah Park", "Olivia Reed", "Liam Foster", "Ava Brooks", "Mia Chen")
PRODUCTS: tuple[tuple[str, str, str], ...] = (
    ("Wireless Buds", "$89", "music"), ("Smart Watch", "$199", "clock"), ("Backpack", "$64", "box"),
    ("Sneakers", "$120", "star"), ("Desk Lamp", "$45", "bulb"), ("Camera", "$349", "camera"),
)
FORECAST: tuple[tuple[str, str, int], ...] = (
    ("Now", "sun", 24), ("1 PM", "sun", 25), ("2 PM", "cloud", 24), ("3 PM", "cloud", 23), ("4 PM", "rain", 21),
    ("5 PM", "rain", 20), ("6 PM", "cloud", 19),
)
EVENTS: tuple[tuple[str, str], ...] = (
    ("09:00", "Product sync"), ("11:00", "Design workshop"), ("13:30", "Lunch with Sara"),
    ("15:00", "Client call"), ("17:30", "Yoga class"),
)
PLACES: tuple[tuple[str, str], ...] = (
    ("Lisbon, Portugal", "4.9 · 2,140 reviews"), ("Kyoto, Japan", "4.8 · 3,560 reviews"),
    ("Bali, Indonesia", "4.9 · 5,010 reviews"), ("Reykjavik, Iceland", "4.7 · 1,280 reviews"),
)
POSTS: tuple[tuple[str, str], ...] = (
    ("Emma Wilson", "Sunset hike with the best crew"), ("Noah Park", "New studio, new ideas"),
    ("Olivia Reed", "Weekend market finds"),
)
