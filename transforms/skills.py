"""Skill matching: PhraseMatcher on LOWER over every taxonomy alias, token rules for duties
that name a skill without its name ("write prompts", "rank model responses"), and context
checks for names that are also ordinary words (Go, R, C, Rust, Swift, Spark, Claude,
Gemini, Excel, agents, REST, "prompt"...). Pure: Doc in, (skill_id, span) pairs out."""

from __future__ import annotations

import re
from collections.abc import Iterable
from operator import itemgetter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from transforms import languages
from transforms.sections import Sections, sentence_bounds
from transforms.taxonomy import Skill

# Alias (lower) -> the surface forms accepted; anything else is an ordinary word.
CASE_SENSITIVE: dict[str, frozenset[str]] = {
    "go": frozenset({"Go", "GO"}),
    "r": frozenset({"R"}),
    "c": frozenset({"C"}),
    "rust": frozenset({"Rust", "RUST"}),
    "swift": frozenset({"Swift"}),
    "spark": frozenset({"Spark", "SPARK"}),
    "claude": frozenset({"Claude", "CLAUDE"}),
    "gemini": frozenset({"Gemini", "GEMINI"}),
    "excel": frozenset({"Excel", "EXCEL"}),
    "palm": frozenset({"PaLM", "PALM"}),
    "node": frozenset({"Node", "NODE"}),
    "rest": frozenset({"REST"}),
    "helm": frozenset({"Helm"}),
    "lambda": frozenset({"Lambda"}),
    "unity": frozenset({"Unity"}),
    "bard": frozenset({"Bard"}),
    "rag": frozenset({"RAG", "Rag"}),
    "ui": frozenset({"UI"}),
    "ux": frozenset({"UX"}),
    "ml": frozenset({"ML"}),
    "whisper": frozenset({"Whisper"}),
    "codex": frozenset({"Codex"}),
    "s3": frozenset({"S3"}),
    "ecs": frozenset({"ECS"}),
    "aurora": frozenset({"Aurora"}),
    "snowflake": frozenset({"Snowflake"}),
    "chroma": frozenset({"Chroma"}),
    "falcon": frozenset({"Falcon"}),
    "mistral": frozenset({"Mistral"}),
    "vertex": frozenset({"Vertex"}),
    "looker": frozenset({"Looker"}),
    "mode": frozenset({"Mode"}),
    "grok": frozenset({"Grok"}),
    "sora": frozenset({"Sora"}),
    "dart": frozenset({"Dart"}),
    "julia": frozenset({"Julia"}),
    "elixir": frozenset({"Elixir"}),
    "hive": frozenset({"Hive"}),
    "ray": frozenset({"Ray"}),
    "sme": frozenset({"SME"}),
    "cot": frozenset({"CoT", "COT"}),
    "dpo": frozenset({"DPO"}),
    "sft": frozenset({"SFT"}),
    "tts": frozenset({"TTS"}),
    "asr": frozenset({"ASR"}),
    "ner": frozenset({"NER"}),
    "qa": frozenset({"QA"}),
    "sre": frozenset({"SRE"}),
    "cx": frozenset({"CX"}),
    "gtm": frozenset({"GTM"}),
    "hr": frozenset({"HR"}),
    "jd": frozenset({"JD"}),
    "sap": frozenset({"SAP"}),
    "erp": frozenset({"ERP"}),
    "seo": frozenset({"SEO"}),
    "ros": frozenset({"ROS"}),
    "gis": frozenset({"GIS"}),
    "iac": frozenset({"IaC", "IAC"}),
    "oss": frozenset({"OSS"}),
    "spa": frozenset({"SPA"}),
    "aml": frozenset({"AML"}),
    "idp": frozenset({"IDP"}),
    "lime": frozenset({"LIME"}),
    "xai": frozenset({"xAI", "XAI"}),
    "ppo": frozenset({"PPO"}),
    "rl": frozenset({"RL"}),
    "vui": frozenset({"VUI"}),
    "nlu": frozenset({"NLU"}),
    "nlg": frozenset({"NLG"}),
    "ivr": frozenset({"IVR"}),
    "tgi": frozenset({"TGI"}),
    "slam": frozenset({"SLAM"}),
    "triton": frozenset({"Triton"}),
    "hex": frozenset({"Hex"}),
    "mcp": frozenset({"MCP"}),
    "evals": frozenset({"evals", "Evals", "EVALS"}),
    "ai sdk": frozenset(),
}
# Single-letter / verb-like language names need a list or programming context.
_LIST_NEIGHBOURS = frozenset({",", "/", "(", ")", "and", "or", "&", ":", "+", "|", "-"})
_CODE_CONTEXT = frozenset(
    {"programming", "language", "languages", "developer", "developers", "engineer", "engineers",
     "code", "codebase", "services", "microservices", "backend", "experience", "stack", "lang",
     "expertise", "proficiency", "proficient", "ios", "apps", "sdk", "api", "apis", "scripting",
     "using", "in", "with", "like", "e.g.", "including", "python", "java", "typescript", "kotlin",
     "sql", "scala", "rust", "c++", "javascript", "swiftui", "objective-c", "applications"}
)  # fmt: skip
_GO_NOT_NEXT = frozenset(
    {"to", "ahead", "live", "beyond", "through", "deep", "-", "further", "above", "back", "out",
     "for", "fast", "from", "big", "global", "far", "get", "on", "into", "public", "home",
     "after", "the", "a", "an", "with", "where", "faster"}
)  # fmt: skip
_C_NOT_PREV = frozenset(
    {"series", "vitamin", "type", "class", "level", "section", "grade", "plan", "schedule",
     "appendix", "part", "option", "tier", "zone", "round", "category", "form", "model",
     "exhibit", "phase", "step", "team", "group", "building", "floor", "suite", "b", "a"}
)  # fmt: skip
_AGENT_NOT_PREV = frozenset(
    {"support", "service", "customer", "sales", "estate", "travel", "insurance", "human",
     "call", "live", "field", "booking", "change", "free", "secret", "double", "leasing",
     "rental", "claims", "user", "talent", "literary", "chemical", "cleaning", "reducing",
     "biological", "enforcement", "border", "federal", "special", "care", "contact", "shipping",
     "patent", "registered", "transfer", "purchasing", "sports", "escrow", "ticket"}
)  # fmt: skip
_PROVIDER_SKILLS = frozenset(
    {"openai", "anthropic_claude", "google_gemini", "open_weight_models", "cohere", "mistral_ai",
     "hugging_face"}
)  # fmt: skip
_EMPLOYER_CONTEXT_RE = re.compile(
    r"\b(?:backed by|investors?|invested|funded by|alumni|ex-|former(?:ly)?|founders? (?:from|of)"
    r"|founded by|teams? (?:from|at)|came from|worked at|customers (?:include|like)|clients "
    r"(?:include|like)|trusted by|partners? (?:with|include)|partnership with|used by|labs like|"
    r"companies like|such as openai|leading ai labs)\b",
    re.IGNORECASE,
)
# Words that name the skill only on a line that is about it.
_NEEDS_LINE_CONTEXT: dict[str, re.Pattern[str]] = {
    "retrieval": re.compile(
        r"llm|agent|prompt|vector|embedding|rag\b|knowledge|generat|semantic", re.I
    ),
    "fine-tune": re.compile(r"model|llm|lora|weights|training|\bml\b|bert|gpt|llama", re.I),
    "fine-tuning": re.compile(r"model|llm|lora|weights|training|\bml\b|bert|gpt|llama", re.I),
    "fine tuning": re.compile(r"model|llm|lora|weights|training|\bml\b|bert|gpt|llama", re.I),
    "fine-tuned": re.compile(r"model|llm|lora|weights|training|\bml\b|bert|gpt|llama", re.I),
    "finetuning": re.compile(r"model|llm|lora|weights|training|\bml\b|bert|gpt|llama", re.I),
    "chef": re.compile(r"ansible|puppet|terraform|salt|configuration management", re.I),
    "puppet": re.compile(r"ansible|chef|terraform|salt|configuration management", re.I),
}
# Domain words that a benefits line uses for perks ("private health insurance", "medical,
# dental and vision"): there they say nothing about the domain the job works in.
_BENEFIT_DOMAIN_ALIASES = frozenset({"insurance", "medical", "health care", "healthcare"})
_BENEFITS_LINE_RE = re.compile(
    r"\b(?:health|dental|vision|life|medical|disability|pet|travel)\s+(?:insurance|cover|coverage"
    r"|plans?)\b|\bbenefits?\b|\bperks?\b|\b401\s*\(?k\)?|\bpaid time off\b|\bPTO\b|\bpension\b",
    re.I,
)
_PROFILE_LINK_RE = re.compile(r"linkedin|portfolio|profile|resume|\bcv\b|send (?:us )?your", re.I)
# Sentences kept per skill as its evidence (see match_skills): a skill named more often
# than this is named in the job's own words somewhere among them.
MAX_MENTION_SENTENCES = 4
# Sentences outside the job's sections kept per posting (see match_skills): an employer's
# own paragraphs that name skills are a few.
MAX_OUTSIDE_SENTENCES = 12
_PROMPTS_NOT_PREV = frozenset({"which", "that", "this", "it", "also", "what", "and", "immediately"})
# "Leadership" is often the people a job answers to, not a skill asked of it: "advise
# senior leadership", "partner with engineering leadership", "the leadership team". It is
# the skill when a noun of ability follows ("leadership skills", "a leadership role"), or
# when none of the people cases below holds ("provide technical leadership").
_LEADERSHIP_SKILL_NEXT = frozenset(
    {"skills", "skill", "experience", "abilities", "ability", "qualities", "capabilities",
     "competencies", "role", "roles", "position", "positions", "responsibilities", "style",
     "potential", "track", "background", "development", "training", "program"}
)  # fmt: skip
_LEADERSHIP_PEOPLE_NEXT = frozenset(
    {"team", "teams", "group", "groups", "level", "levels", "forums", "meetings"}
)
_LEADERSHIP_PEOPLE_PREV = frozenset(
    {"executive", "senior", "exec", "c-suite", "company", "our", "their"}
)
# Words naming whose leadership it is: a function, a rank, an organisation.
_LEADERSHIP_ORG_WORDS = frozenset(
    {"executive", "senior", "company", "business", "engineering", "product", "design", "legal",
     "people", "sales", "marketing", "finance", "operations", "technical", "data", "science",
     "research", "group", "level", "brand", "department", "organizational", "functional",
     "cross", "team", "country", "regional", "site", "hr", "security", "client", "customer",
     "partner"}
)  # fmt: skip
# Before the people named: a preposition or a verb of advising ("to senior leadership",
# "advise the leadership"); a list joiner or "of" counts only with a qualifier in between
# ("product, design, and engineering leadership", "the direction of Acme leadership"),
# not in a list of skills ("communication and leadership") or "a culture of leadership".
_LEADERSHIP_PEOPLE_BEFORE = frozenset(
    {"to", "with", "from", "for", "across", "alongside", "among", "by", "at", "advise",
     "advising", "brief", "briefing", "inform", "update", "influence", "influencing", "align",
     "aligning", "engage", "engaging", "counsel", "counseling", "counselling", "support",
     "supporting", "present", "presenting"}
)  # fmt: skip
_LEADERSHIP_NAMED_BEFORE = frozenset({"of"})
_LEADERSHIP_LIST_JOINERS = frozenset({"and", "or", "&", ",", "-"})
# "Collaboration" that says how or with whom the job works, not a skill asked of the
# candidate: "in close collaboration with the research team" (as "partner with
# cross-functional teams"), "requires in-office collaboration three days a week" (the
# workplace); "a collaborative, fast-moving team" and "our team values collaboration"
# describe the team.
_COLLABORATION_MANNER = frozenset({"close", "direct", "tight", "deep", "active", "constant"})
_COLLABORATION_PLACE = frozenset({"office", "person", "site", "onsite", "face"})
_CULTURE_VERBS = frozenset(
    {"values", "prioritizes", "prioritises", "celebrates", "encourages", "fosters",
     "embraces", "thrives", "champions", "promotes"}
)  # fmt: skip
_CULTURE_SUBJECTS = frozenset({"we", "team", "teams", "culture", "company", "everyone"})
_COLLABORATIVE_THING_PREV = frozenset({"a", "an", "our", "the", "this", "their"})
_COLLABORATIVE_TRAITS = frozenset(
    {"mindset", "approach", "spirit", "attitude", "nature", "person", "style", "manner"}
)
_COLLABORATIVE_THINGS = frozenset(
    {"environment", "culture", "team", "teams", "workplace", "atmosphere", "setting",
     "space", "office", "company", "organization", "organisation", "group"}
)  # fmt: skip

# A business function named as the people a job works with, not the domain it works in:
# "partner with product, engineering, and marketing teams", "pricing insights to sales,
# finance, and product leaders", "coordinate fixes with Operations, Finance, and banking
# partners". The function's name is followed, past the rest of a list of functions, by
# one of the people nouns below. "The Enterprise Sales team" or "join our Legal team" (one
# function, then "team" or "partners") is the job's own function and stays the skill, as
# does "experience in finance teams".
_FUNCTION_NAMES = frozenset(
    {"finance", "fintech", "banking", "accounting", "legal", "regulatory", "sales", "gtm",
     "go-to-market", "business development", "account management", "marketing",
     "growth marketing", "customer success", "customer support", "customer experience",
     "recruiting", "talent acquisition", "hr", "human resources", "people operations",
     "data science", "product management", "product design", "ux", "insurance",
     "machine learning", "ml", "analytics", "data analytics"}
)  # fmt: skip
_FUNCTION_PEOPLE = frozenset(
    {"teams", "leaders", "leadership", "stakeholders", "counterparts", "functions",
     "departments", "orgs", "organizations", "organisations", "colleagues", "peers",
     "executives", "heads"}
)  # fmt: skip
# After a list of functions only: "engineering, product, and marketing team/partners".
_FUNCTION_PEOPLE_AFTER_LIST = frozenset({"team", "partners", "organization", "org"})
# Words that may sit between the function and the people noun within such a list.
_FUNCTION_LIST_WORDS = _LEADERSHIP_ORG_WORDS | frozenset(
    {"strategy", "support", "success", "compliance", "risk", "policy", "partnerships",
     "analytics", "growth", "communications", "talent", "treasury", "tax", "infrastructure",
     "platform", "banking", "regulatory", "go", "to", "market", "gtm", "account", "management",
     "internal", "external", "global", "other", "key", "revenue", "accounting",
     "recruiting", "ux", "ui", "scientists", "engineers", "wealth",
     "ops", "it", "procurement", "privacy", "trust", "safety", "public", "affairs", "relations",
     "development", "experience", "insights", "programs", "program", "services", "facilities",
     "workplace", "culture", "various", "machine", "learning", "ml", "software", "quality",
     "qa", "devops", "frontend", "backend", "front-end", "back-end", "mobile"}
)  # fmt: skip
_FUNCTION_LIST_JOINERS = frozenset({",", "and", "or", "&", "/", "-"})
# The languages that name the people first ("les équipes produit, marketing et
# juridique"): their function names, people nouns and list words (`[skills_context]` of
# data/languages/*.toml; en.toml says what each key means). The names are every table's
# (a name counts only where its language's matcher found it); the other words are those
# of the posting's language, so a Dutch "of" or a Portuguese "times" is not read in
# English.
_FUNCTION_NAMES |= frozenset(languages.rules("skills_context", "function_names"))
_FUNCTION_PEOPLE_BEFORE = languages.words("skills_context", "function_people")
_FUNCTION_PEOPLE_BEFORE_LIST = languages.words("skills_context", "function_people_list")
_FUNCTION_BEFORE_WORDS = languages.words("skills_context", "function_list_words")
_FUNCTION_PEOPLE_PLURAL_BEFORE = languages.words("skills_context", "function_people_plural_before")
_FUNCTION_BEFORE_JOINERS = languages.words("skills_context", "function_list_joiners")
_FUNCTION_LIST_START = _FUNCTION_LIST_JOINERS - {"-"}
_FUNCTION_SKILL_BEFORE = frozenset(
    {"experience", "background", "years", "worked", "working", "lead", "leads", "leading",
     "manage", "manages", "managing"}
)  # fmt: skip
# ...or named, in a list, right after a verb of working with others: "partnering closely
# with Customer Success, Account Management, Product, and Engineering", "work
# cross-functionally across marketing, growth, direct sales, and product".
_PARTNERING_VERBS = frozenset(
    {"partner", "partners", "partnering", "collaborate", "collaborates", "collaborating",
     "coordinate", "coordinates", "coordinating", "align", "aligns", "aligning", "liaise",
     "liaising", "interface", "interfacing", "work", "works", "working", "sync", "syncing",
     "engage", "engaging"}
)  # fmt: skip
_PARTNERING_ADVERBS = frozenset(
    {"closely", "cross-functionally", "directly", "tightly", "regularly", "daily", "deeply",
     "cross", "functionally", "-"}
)  # fmt: skip
_PARTNERING_CUES = frozenset({"with", "across", "alongside"})
# "User experience" as what the product gives its users ("revolutionize the user
# experience", "a safe user experience", "improve chatbot performance and user
# experience") is an outcome, not UX design ("an eye for user experience" is).
_IMPROVING_VERBS = frozenset(
    {"improve", "improves", "improving", "enhance", "enhances", "enhancing", "elevate",
     "revolutionize", "revolutionise", "transform"}
)  # fmt: skip
_USER_EXPERIENCE_OUTCOME_BEFORE = _IMPROVING_VERBS | frozenset(
    {"the", "a", "an", "our", "their", "its", "seamless", "best", "great", "safe", "smooth",
     "better"}
)  # fmt: skip
# "Product roadmap" is product management when the job owns it ("define the product
# roadmap"); a job that feeds it ("inform our product roadmap", "influence the product
# roadmap with customer feedback", "share the product roadmap with customers") works
# beside product managers.
_ROADMAP_INPUT_WORDS = frozenset(
    {"inform", "informs", "informing", "influence", "influences", "influencing", "share",
     "sharing", "review", "reviewing", "align", "aligning", "input", "feedback", "relay",
     "channeling", "channelling", "educate", "educating", "into", "communicate", "present"}
)  # fmt: skip


# Phrase rules: fixed word pairs that name a skill without its name, matched like aliases.
_PHRASE_RULES: dict[str, tuple[str, ...]] = {
    "red_teaming": tuple(
        f"{a} {b}"
        for a in ("adversarial", "harmful", "unsafe")
        for b in ("prompts", "prompting", "testing", "attacks", "inputs", "outputs")
    ),
    "technical_writing": (
        "writing skills", "writing ability", "writing experience",
        "writing professionally", "writing samples", "writing background", "strong writing",
        "excellent writing", "professional writing",
    ),
    "llm_evaluation": tuple(
        f"{a} {b}"
        for a in ("evaluate", "evaluating", "assess", "assessing", "benchmark", "benchmarking")
        for b in ("ai models", "llms", "language models", "llm outputs", "ai outputs")
    ),
}  # fmt: skip

# Window rules: a duty phrase with a few words between its parts ("write clear, creative
# prompts", "rank model-generated responses"). A cheap literal trigger is searched for
# first, then a small regex reads the words just before or after it (lower-cased text).
_W = r"(?:[\w'’/+-]+[\s,]+){0,4}?"
# What a writer writes, for the technical-writing rules below.
_WRITTEN_THINGS = (
    r"(?:documentation|docs|guides|articles|blogs?|blog posts|specs|specifications|tutorials|"
    r"copy|responses|explanations|essays|stories|reports|prose|content|runbooks|playbooks|"
    r"post[- ]?mortems|design doc(?:ument)?s|rubrics|answers|solutions|white ?papers|"
    r"case studies)"
)
_WINDOW_RULES: tuple[tuple[str, str, re.Pattern[str], bool], ...] = (
    # (skill_id, trigger literal, regex, regex applies before the trigger?)
    ("prompt_engineering", "prompt",
     re.compile(rf"\b(?:writ|creat|craft|design|develop|author|draft|test|optimi[sz]|refin|"
                rf"iterat|engineer|generat|formulat)\w*[\s,]+{_W}$"), True),
    ("llm_evaluation", "respons",
     re.compile(rf"\b(?:evaluat|assess|rat(?:e|es|ing)\b|rank|grad(?:e|ing)|judg|review|scor|"
                rf"compar|verif|critiqu|analy[sz]|audit|fact-check|feedback on)\w*[\s,]+{_W}(?:ai|model|llm|chatbot)(?:[- ]generated)?[\s-]+$"),
     True),
    ("llm_evaluation", "output",
     re.compile(rf"\b(?:evaluat|assess|rat(?:e|es|ing)\b|rank|grad(?:e|ing)|judg|review|scor|"
                rf"compar|verif|critiqu|analy[sz]|audit|fact-check|feedback on)\w*[\s,]+{_W}(?:ai|model|llm|chatbot)(?:[- ]generated)?[\s-]+$"),
     True),
    ("rlhf", "feedback",
     re.compile(rf"^[\s,]+(?:on|to|for)\s+{_W}(?:model|ai|llm|responses|outputs)"), False),
    ("rlhf", "model",
     re.compile(r"\b(?:train|teach|improv|align)\w*\s+(?:the\s+|our\s+)?"
                r"(?:ai|language|large language|generative ai|generative)\s+$"), True),
    # (evaluating AI itself, not choosing among AI products: "evaluate new AI tools and
    # vendors" is a buyer's duty)
    ("llm_evaluation", "evaluat",
     re.compile(r"^\w*\s+(?:[\w'-]+\s+){0,4}?(?:ai|agents?|llms?|language models?|chatbots?|"
                r"ai[- ]generated|model responses|model outputs)\b(?![\s-]+(?:technolog|tools?\b|"
                r"frameworks?\b|vendors?\b|trends\b|innovations?\b|startups\b|"
                r"companies\b|products\b|platforms?\b|opportunit))"), False),
    # Trying to "break" the AI or a model: adversarial testing, red teaming.
    ("red_teaming", "break",
     re.compile(r"^[\s,]+(?:(?:the|our|an?|their|its|these)\s+)?"
                r"(?:ai|models?|llms?|chatbots?|language models?|ai models?|ai systems?)\b"),
     False),
    ("llm_evaluation", "challeng",
     re.compile(r"^\w*\s+(?:[\w'-]+\s+){0,3}?(?:ai|llms?|language models?|the models?)\b"),
     False),
    # Writing or authoring a kind of text ("write clear documentation", "author technical
    # blogs and tutorials").
    *(
        ("technical_writing", trigger, re.compile(rf"^\w*[\s,]+{_W}{_WRITTEN_THINGS}\b"), False)
        for trigger in ("writ", "author")
    ),
    # "document" as a duty with what it documents ("Document software designs and code",
    # "document the usage clearly"): writing documentation. The trigger ends at a space, so
    # "documents", "documented" and "documentation" are not it, and the noun ("this
    # document does not...", "document processing") names no such object.
    *(
        ("technical_writing", trigger,
         re.compile(r"^[\s,]+(?:(?:and|the|our|all|your|their|its|clearly|thoroughly|how|new|"
                    r"existing|key)\s+)?(?:[\w-]+\s+)?(?:code|designs?|software|usage|"
                    r"technical|processes|procedures|decisions|requirements|specifications|"
                    r"specs|apis?|findings|best practices|workflows|architecture|results|"
                    r"features|interfaces|runbooks|playbooks|learnings|knowledge|data models|"
                    r"transformations|pipelines|efforts|logic|experiments|analyses)\b"),
         False)
        for trigger in ("document ", "documenting ")
    ),
)  # fmt: skip


_SENTENCE_PUNCT_RE = re.compile(r"[.;:!?]")
# The only forms of these after-triggers' words ("authorization", "breakthrough" and
# "outbreak" are other words); the other triggers take any word they start.
_TRIGGER_WORD_FORMS: dict[str, re.Pattern[str]] = {
    "author": re.compile(r"author(?:s|ed|ing)?,?"),
    "break": re.compile(r"break(?:s|ing)?[\"'”’]*,?"),
}


def _window_rule_hits(low: str) -> list[tuple[str, int, int]]:
    """(skill_id, start, end) char offsets of window-rule hits in lower-cased text."""
    hits: list[tuple[str, int, int]] = []
    done: set[str] = set()
    for skill_id, trigger, regex, before in _WINDOW_RULES:
        if skill_id in done:
            continue
        pos = low.find(trigger)
        while pos != -1:
            if before:
                window = low[max(0, pos - 60) : pos]
                m = regex.search(window)
                if m:
                    hits.append((skill_id, pos - len(window) + m.start(), pos + len(trigger)))
                    done.add(skill_id)
                    break
            else:
                end = low.find(" ", pos)
                form = _TRIGGER_WORD_FORMS.get(trigger)
                if form is not None and (
                    end == -1
                    or (pos and low[pos - 1].isalnum())
                    or not form.fullmatch(low, pos, end)
                ):
                    pos = low.find(trigger, pos + len(trigger))
                    continue
                # (the window starts past the trigger's word; a word that ends a sentence,
                # "...and Evaluation. The AI...", has nothing after it to read)
                if end != -1 and _SENTENCE_PUNCT_RE.search(low, pos, end):
                    end = -1
                window = low[end if end != -1 else pos : pos + 80]
                m = regex.match(window) if end != -1 else None
                if m:
                    hits.append((skill_id, pos, (end if end != -1 else pos) + m.end()))
                    done.add(skill_id)
                    break
            pos = low.find(trigger, pos + len(trigger))
    return hits


# Phrases that hint at LLM work without naming a skill; matched only to point the role
# rules at the lines worth reading, never output as skills.
LLM_CUE_KEY = "_llm_cue"
_LLM_CUES = (
    "ai tutor", "ai tutors", "ai trainer", "ai trainers", "ai-generated", "ai generated",
    "ai responses", "ai outputs", "ai assistant", "ai assistants", "ai systems", "ai system",
    "inference", "text-to-speech", "text-to-image", "text-to-video", "post-training",
    "pre-training", "jailbreak", "jailbreaks", "copilots", "language model", "claude", "gemini",
    "gpt", "reward model", "reward models", "human feedback", "agentic", "agents", "prompts",
    "prompting", "generative",
)  # fmt: skip
# ...and the other languages' words for the same ("générative", "Sprachmodelle"...).
_LLM_CUES += tuple(languages.rules("role", "llm_cues"))


def build_matchers(nlp: Language, taxonomy: Iterable[Skill]) -> PhraseMatcher:
    """One PhraseMatcher on LOWER: one key per skill id, every alias and phrase rule.

    (A token `Matcher` for the same rules cost ~1 ms a posting; the phrase form is 20x
    cheaper, and the gapped duty rules run as window rules on the text.)
    """
    phrase = PhraseMatcher(nlp.vocab, attr="LOWER")
    for skill in taxonomy:
        patterns = list(nlp.tokenizer.pipe(skill.aliases))
        if patterns:
            phrase.add(skill.id, patterns)
    for skill_id, phrases in _PHRASE_RULES.items():
        phrase.add(skill_id, list(nlp.tokenizer.pipe(phrases)))
    phrase.add(LLM_CUE_KEY, list(nlp.tokenizer.pipe(_LLM_CUES)))
    return phrase


def build_language_matchers(nlp: Language, taxonomy: Iterable[Skill]) -> dict[str, PhraseMatcher]:
    """language code -> a PhraseMatcher (on LOWER, one key per skill id) of the skills'
    names in that language (`[skills]` of data/languages/<code>.toml): "apprentissage
    automatique" is machine learning in a French posting. A posting is matched with the
    taxonomy's English aliases and the names of its own language only, as every other rule
    table is read (transforms.languages). A name of a skill the taxonomy does not have is
    left out (a custom taxonomy without that skill)."""
    known = {skill.id for skill in taxonomy}
    matchers: dict[str, PhraseMatcher] = {}
    for code, by_skill in languages.skill_aliases().items():
        phrase = PhraseMatcher(nlp.vocab, attr="LOWER")
        for skill_id, aliases in by_skill.items():
            if skill_id in known and aliases:
                phrase.add(skill_id, list(nlp.tokenizer.pipe(aliases)))
        if len(phrase):
            matchers[code] = phrase
    return matchers


def _prev(doc: Doc, i: int) -> str:
    return doc[i - 1].lower_ if i > 0 else ""


def _next(doc: Doc, i: int) -> str:
    return doc[i + 1].lower_ if i + 1 < len(doc) else ""


def _in_list(doc: Doc, start: int, end: int) -> bool:
    prev, nxt = _prev(doc, start), _next(doc, end - 1)
    return (
        prev in _LIST_NEIGHBOURS
        or nxt in _LIST_NEIGHBOURS
        or prev in _CODE_CONTEXT
        or nxt in _CODE_CONTEXT
    )


def _line(doc: Doc, start_char: int, end_char: int, text: str | None) -> str:
    text = doc.text if text is None else text
    line_start = text.rfind("\n", 0, start_char) + 1
    line_end = text.find("\n", end_char)
    return text[line_start : line_end if line_end != -1 else len(text)]


def accept(doc: Doc, skill_id: str, start: int, end: int, text: str | None = None) -> bool:
    """Context check for one PhraseMatcher hit: is this the skill, or an ordinary word?"""
    span = doc[start:end]
    low = span.text.lower()
    if end - start == 1:
        forms = CASE_SENSITIVE.get(low)
        if forms is not None and span.text not in forms:
            return False
        token = doc[start]
        if token.like_url or token.like_email:
            return False
    if low in ("go", "r", "c", "swift", "spark", "julia", "dart"):
        if low == "go" and (
            _next(doc, start) in _GO_NOT_NEXT
            or _prev(doc, start) in {"to", "will", "let", "can", "we", "you", "must", "and"}
            and not _in_list(doc, start, end)
        ):
            return False
        if low == "c" and (
            _prev(doc, start) in _C_NOT_PREV
            or _next(doc, start) in {"-", "level", "suite", "corp", "corporation", "."}
        ):
            return False
        if low == "r" and _next(doc, start) in {"&", "&d", ".", "$"}:
            return False
        if low == "spark" and _prev(doc, start) == "apache":
            return True
        if not _in_list(doc, start, end):
            return False
    if low.startswith("fine") and _prev(doc, start) == "human":
        return False  # "LLMs that require human fine-tuning": company boilerplate
    if low in ("agent", "agents") and _prev(doc, start) in _AGENT_NOT_PREV:
        return False
    if low == "prompts" and (
        _prev(doc, start) in _PROMPTS_NOT_PREV
        or (
            start >= 2
            and doc[start - 2].lower_ in ("response", "respond", "responding", "responses")
        )
    ):
        return False  # "writes responses to prompts" answers prompts, it does not write them
    if low == "claude":
        nxt = doc[start + 1] if start + 1 < len(doc) else None
        if (
            nxt is not None
            and nxt.is_title
            and nxt.text
            not in {
                "Code",
                "Sonnet",
                "Opus",
                "Haiku",
                "API",
                "Desktop",
                "AI",
                "Enterprise",
                "Pro",
                "Max",
                "Projects",
            }
        ):
            return False
    if low == "excel" and _next(doc, start) in {"at", "in", "with"}:
        return False
    if low in _LEADERSHIP_NAMES and _leadership_names_people(doc, start):
        return False
    if low in _COLLABORATION_NAMES and _collaboration_is_context(doc, start, low):
        return False
    if low in _FUNCTION_NAMES and _function_names_partners(doc, start, end):
        return False
    if low in _USER_EXPERIENCE_NAMES and _user_experience_is_outcome(doc, start):
        return False
    if low in ("product roadmap", "product roadmaps") and any(
        token.lower_ in _ROADMAP_INPUT_WORDS for token in doc[max(0, start - 8) : end + 2]
    ):
        return False
    if low in _BENEFIT_DOMAIN_ALIASES and _BENEFITS_LINE_RE.search(
        _line(doc, span.start_char, span.end_char, text)
    ):
        return False
    if low in _NEEDS_LINE_CONTEXT or skill_id == "git":
        line = _line(doc, span.start_char, span.end_char, text)
        if low in _NEEDS_LINE_CONTEXT and not _NEEDS_LINE_CONTEXT[low].search(line):
            return False
        if skill_id == "git" and _PROFILE_LINK_RE.search(line) and low in ("github", "gitlab"):
            return False
    if skill_id not in _PROVIDER_SKILLS:
        return True
    return _EMPLOYER_CONTEXT_RE.search(_line(doc, span.start_char, span.end_char, text)) is None


def _leadership_names_people(doc: Doc, start: int) -> bool:
    """Whether "leadership" at token `start` is the people in charge ("report to senior
    leadership", "work with Legal leadership", "the leadership team") or "thought
    leadership" (a kind of content), not the skill of leading."""
    if _leadership_names_people_in_language(doc, start):
        return True
    nxt = _next(doc, start)
    if nxt in _LEADERSHIP_SKILL_NEXT:
        return False
    prev = _prev(doc, start)
    if nxt in _LEADERSHIP_PEOPLE_NEXT or prev == "thought" or prev in _LEADERSHIP_PEOPLE_PREV:
        return True
    # Back over the words naming whose leadership ("group-level product, design, data
    # science, and engineering"; a name such as "Acme Legal"), up to twelve tokens.
    i, named = start - 1, 0
    while i >= max(0, start - 12):
        token = doc[i]
        if token.is_space:
            return False
        word = token.lower_
        name = (token.is_title or (token.is_upper and len(word) > 1)) and i > 0
        if word in _LEADERSHIP_ORG_WORDS or (name and not doc[i - 1].is_space):
            named += 1
        elif not (word == "the" or (word in _LEADERSHIP_LIST_JOINERS and named)):
            break
        i -= 1
    before = doc[i].lower_ if i >= 0 else ""
    return before in _LEADERSHIP_PEOPLE_BEFORE or (named > 0 and before in _LEADERSHIP_NAMED_BEFORE)


def _leadership_names_people_in_language(doc: Doc, start: int) -> bool:
    """The other languages' "leadership" as the people in charge: "présenter au
    leadership", "reportar al liderazgo", "a liderança da empresa", "l'équipe de
    leadership" (words of `[skills_context]`, read in postings of their language)."""
    before = _LEADERSHIP_BEFORE_WORDS.current()
    if not before:
        return False
    words = [t.lower_ for t in doc[max(0, start - 3) : start] if t.lower_ not in ("'", "’")]
    words = [w[2:] if w[:2] in _ELIDED_ARTICLES else w for w in words]
    prev = words[-1] if words else ""
    if len(words) >= 2 and prev in _LEADERSHIP_ARTICLES.current() and words[-2] in before:
        return True  # "avec le leadership", "con el liderazgo"
    if prev in before:
        return True  # "au leadership", "al liderazgo"
    if prev in _OF_WORDS and len(words) >= 2:
        people = _FUNCTION_PEOPLE_BEFORE.current() | _FUNCTION_PEOPLE_BEFORE_LIST.current()
        if words[-2] in people:
            return True  # "l'équipe de leadership", "equipo de liderazgo"
    after = [token.lower_ for token in doc[start + 1 : start + 5]]
    return (
        bool(after)
        and after[0] in _OF_WORDS
        and any(word in _LEADERSHIP_OF_ORGANISATION.current() for word in after[1:])
    )


def _collaboration_is_context(doc: Doc, start: int, low: str) -> bool:
    """Whether "collaboration"/"collaborative" at token `start` says with whom or where the
    job works, or what the team is like ("in close collaboration with", "in-office
    collaboration", "a collaborative team"), not a skill asked of the candidate."""
    prev = _prev(doc, start)
    if low == "collaborative":
        if prev not in _COLLABORATIVE_THING_PREV:
            return False
        # the thing described, past a few more adjectives ("a collaborative, data-driven
        # and multicultural team")
        for token in doc[start + 1 : start + 9]:
            if token.lower_ in _COLLABORATIVE_THINGS:
                return True
            if token.lower_ in _COLLABORATIVE_TRAITS:
                return False
            if token.is_space or token.lower_ in (".", ";", ":", "!", "?"):
                return False
        return False
    before = doc[start - 2].lower_ if start >= 2 else ""
    if prev in _COLLABORATION_PLACE or (prev in _CULTURE_VERBS and before in _CULTURE_SUBJECTS):
        return True
    nxt = _next(doc, start)
    if nxt == "with":
        return prev == "in" or (prev in _COLLABORATION_MANNER and before == "in")
    # "en étroite collaboration avec", "in nauwe samenwerking met"
    if nxt not in _COLLABORATION_WITH.current():
        return False
    at = _COLLABORATION_IN.current()
    return prev in at or (prev in _COLLABORATION_MANNER_WORDS.current() and before in at)


def _function_names_partners(doc: Doc, start: int, end: int) -> bool:
    """Whether the business function at tokens `start:end` names the people the job works
    with ("partner with sales, finance, and product leaders", "for finance teams"), not
    the domain it works in."""
    before = {token.lower_ for token in doc[max(0, start - 5) : start]}
    if before & _FUNCTION_SKILL_BEFORE:
        return False  # "experience on finance teams", "years in sales orgs", "lead the sales teams"
    if _function_people_before(doc, start) or _function_after_partnering(doc, start, end):
        return True
    listed = _prev(doc, start) in _FUNCTION_LIST_START  # "..., and banking partners"
    for token in doc[end : end + 14]:
        word = token.lower_
        if word in _FUNCTION_PEOPLE:
            return True
        if word in _FUNCTION_PEOPLE_AFTER_LIST:
            return listed
        if word in _FUNCTION_LIST_JOINERS:
            listed = listed or word != "-"
        elif token.is_space or not (word in _FUNCTION_LIST_WORDS or token.is_title):
            return False
    return False


_ELIDED_ARTICLES = frozenset({"l'", "l’", "d'", "d’"})


def _function_after_partnering(doc: Doc, start: int, end: int) -> bool:
    """Whether the function at tokens `start:end` is one of a list of functions named right after a
    verb of working with others or a people noun ("partnering closely with Customer Success, Account
    Management, Product, and Engineering"). One function alone ("work with Sales to close
    deals") is too often the job's own to be read so."""
    listed = False
    i = start - 1
    while i >= max(0, start - 16):
        token = doc[i]
        word = token.lower_
        if word in _PARTNERING_CUES:
            break
        if word in _FUNCTION_LIST_JOINERS:
            listed = listed or word != "-"
        elif token.is_space or not (
            word in _FUNCTION_LIST_WORDS
            or word in _FUNCTION_NAMES
            or word in ("the", "our", "their", "direct")
            or token.is_title
        ):
            return False
        i -= 1
    else:
        return False
    if not listed and (end >= len(doc) or doc[end].lower_ not in _FUNCTION_LIST_JOINERS):
        return False
    i -= 1
    while i >= 0 and doc[i].lower_ in _PARTNERING_ADVERBS:
        i -= 1
    # (a partnering verb, or the people first: "cross-functional teams across Product,
    # Finance, and Risk", "stakeholders across legal, finance, and HR")
    return i >= 0 and (
        doc[i].lower_ in _PARTNERING_VERBS
        or doc[i].lower_ in _FUNCTION_PEOPLE
        or doc[i].lower_ in _FUNCTION_PEOPLE_AFTER_LIST
    )


# The other languages' forms of the user-experience and collaboration checks
# (`[skills_context]` of data/languages/*.toml), read in postings of their language.
_USER_EXPERIENCE_NAMES = frozenset(
    {"user experience", *languages.rules("skills_context", "user_experience_names")}
)
_USER_EXPERIENCE_BEFORE = languages.words("skills_context", "user_experience_outcome_before")
_USER_EXPERIENCE_SKILL_BEFORE = languages.words("skills_context", "user_experience_skill_before")
_COLLABORATION_WITH = languages.words("skills_context", "collaboration_with")
_COLLABORATION_IN = languages.words("skills_context", "collaboration_in")
_COLLABORATION_MANNER_WORDS = languages.words("skills_context", "collaboration_manner")
_COLLABORATION_NAMES = frozenset(
    {"collaboration", "collaborative", *languages.rules("skills_context", "collaboration_names")}
)
_LEADERSHIP_NAMES = frozenset(
    {"leadership", *languages.rules("skills_context", "leadership_names")}
)
_LEADERSHIP_BEFORE_WORDS = languages.words("skills_context", "leadership_people_before")
_LEADERSHIP_ARTICLES = languages.words("skills_context", "leadership_articles")
_LEADERSHIP_OF_ORGANISATION = languages.words("skills_context", "leadership_of_organisation")
_OF_WORDS = frozenset({"de", "da", "do", "del", "della", "des"})


def _function_people_before(doc: Doc, start: int) -> bool:
    """Whether the people come first: back from the function at `start`, over the rest of
    a list of functions and its articles, to a people noun ("avec les équipes produit,
    marketing et juridique", "con los equipos de ventas y marketing"). "Expérience en
    marketing" stops at "en"; a singular people noun ("l'équipe marketing", the job's own
    team) counts only after a list, as English "team" does, unless a plural article
    comes before it (Italian "i team di marketing": "team" is both)."""
    people = _FUNCTION_PEOPLE_BEFORE.current()
    if not people:
        return False  # English: the people come after ("marketing teams")
    after_list = _FUNCTION_PEOPLE_BEFORE_LIST.current()
    plural_before = _FUNCTION_PEOPLE_PLURAL_BEFORE.current()
    list_words = _FUNCTION_BEFORE_WORDS.current()
    joiners = _FUNCTION_BEFORE_JOINERS.current()
    listed = False
    for token in reversed(doc[max(0, start - 12) : start]):
        word = token.lower_
        if word[:2] in _ELIDED_ARTICLES:
            word = word[2:]  # "l'équipe", "d'équipes": one token
        if word in people:
            return True
        if word in after_list:
            return listed or (token.i > 0 and doc[token.i - 1].lower_ in plural_before)
        if word in _FUNCTION_LIST_JOINERS or word in joiners:
            listed = listed or word != "-"
        elif token.is_space or not (
            word in list_words
            or word in _FUNCTION_NAMES
            or word in _FUNCTION_LIST_WORDS
            or token.is_title
        ):
            return False
    return False


def _user_experience_is_outcome(doc: Doc, start: int) -> bool:
    """Whether "user experience" at `start` is what a product gives its users ("the user
    experience", "improve performance and user experience"), not the design skill."""
    prev = _prev(doc, start)
    if prev in _USER_EXPERIENCE_OUTCOME_BEFORE:
        return True
    # (the other languages: "l'expérience utilisateur" is "l", "'", "expérience")
    at = start - 2 if prev in ("'", "’") else start - 1
    if at >= 0 and doc[at].lower_ in _USER_EXPERIENCE_BEFORE.current():
        # "une maîtrise de l'expérience utilisateur" names the field
        return at == 0 or doc[at - 1].lower_ not in _USER_EXPERIENCE_SKILL_BEFORE.current()
    return prev == "and" and any(
        token.lower_ in _IMPROVING_VERBS for token in doc[max(0, start - 7) : start]
    )


def employer_skills(company: str | None, taxonomy: Iterable[Skill]) -> frozenset[str]:
    """Skill ids that name the employer itself (its name is one of their aliases): "Stripe"
    is not a skill of Stripe's postings, nor "Anthropic" of Anthropic's."""
    if not company:
        return frozenset()
    name = _COMPANY_SUFFIX_RE.sub("", company.strip().lower())
    forms = {company.strip().lower(), name, name.replace(" ", "")}
    return frozenset(s.id for s in taxonomy if forms.intersection(s.aliases))


_COMPANY_SUFFIX_RE = re.compile(
    r"[,.]?\s+(?:inc|llc|ltd|gmbh|sas|sa|bv|ag|plc|corp|co|limited|group|technologies|labs)\.?$"
)
# "LLM" as the law degree: "JD or LLM", "LLM in Tax", "LL.M.".
_LAW_DEGREE_RE = re.compile(
    r"\b(?:J\.?D\.?|JD|law degree|juris doctor|bar admission|LL\.?B)\b[^.\n]{0,20}$|"
    r"^\s*(?:in|\()\s*(?:Tax|Taxation|Law|International|Corporate|Banking|Securities|"
    r"Business Law|Legal|European|Commercial)\b|^[^.\n]{0,20}\b(?:J\.?D\.?|JD|law)\b"
)


def _is_law_degree(doc: Doc, start: int, end: int, text: str) -> bool:
    span = doc[start:end]
    if span.text != "LLM":
        return False
    a, b = span.start_char, span.end_char
    return bool(
        _LAW_DEGREE_RE.search(text[max(0, a - 30) : a]) or _LAW_DEGREE_RE.match(text[b : b + 30])
    )


def match_skills(
    doc: Doc,
    phrase: PhraseMatcher,
    text: str | None = None,
    ai_ids: frozenset[str] = frozenset(),
    ai_hits: list[int] | None = None,
    sections: Sections | None = None,
    company: str | None = None,
    employer_ids: frozenset[str] = frozenset(),
    mentions: dict[str, list[Span]] | None = None,
    outside: list[tuple[int, int]] | None = None,
    language_phrase: PhraseMatcher | None = None,
) -> list[tuple[str, Span]]:
    """(skill_id, evidence span) for every skill the doc mentions, first mention each.

    `text` is doc.text when the caller has it (rebuilding it costs as much as matching).
    When `ai_hits` is a list, the start offset of every match of an `ai_ids` skill or an
    LLM cue is appended to it: the role rules read only those lines. With `sections`,
    only the job's own sections give skills (never the company blurb, benefits, legal or
    scam notices); `employer_ids` (see employer_skills) are never skills.

    When `mentions` is a dict, it receives per skill its accepted mentions, one per
    sentence (sections.sentence_bounds), first mention first, at most
    MAX_MENTION_SENTENCES: the warehouse drops a skill only when every sentence naming it
    is the employer's boilerplate (warehouse/boilerplate.py), so a skill named in the
    "About us" and again in the duties stays. (A window rule gives its first hit only.)
    When `outside` is a list, it receives the (start, end) of each sentence outside the
    job's sections (a company blurb, benefits...) where a skill's name was matched, at
    most MAX_OUTSIDE_SENTENCES: the same sentence read as the job's on another posting
    of the employer is then known to be its boilerplate.
    `language_phrase` (see build_language_matchers) adds the skills' names in the
    posting's own language; its hits are read in text order among the English ones.
    """
    found: dict[str, Span] = {}
    seen: dict[str, list[tuple[int, int]]] = {}  # the sentences of each skill's mentions
    vocab = doc.vocab.strings
    text = doc.text if text is None else text
    matches = phrase(doc)
    if language_phrase is not None:
        in_language = language_phrase(doc)
        if in_language:
            # (stable: at the same token the English hit is read first, as before)
            matches = sorted([*matches, *in_language], key=itemgetter(1))
    for match_id, start, end in matches:
        skill_id = vocab[match_id]
        at = doc[start].idx  # (read once: indexing a Doc builds a Token each time)
        if ai_hits is not None and (skill_id in ai_ids or skill_id == LLM_CUE_KEY):
            ai_hits.append(at)
        if skill_id == LLM_CUE_KEY or skill_id in employer_ids:
            continue
        if sections is not None and not sections.is_job(at):
            if outside is not None and len(outside) < MAX_OUTSIDE_SENTENCES:
                where = sentence_bounds(text, at, doc[end - 1].idx)
                if where not in outside:
                    outside.append(where)
            continue
        again = skill_id in found
        if again and (mentions is None or len(seen[skill_id]) >= MAX_MENTION_SENTENCES):
            continue
        bounds: tuple[int, int] | None = None
        if mentions is not None:
            bounds = sentence_bounds(text, at, doc[end - 1].idx)
            if again and bounds in seen[skill_id]:
                continue
        if skill_id == "llm" and _is_law_degree(doc, start, end, text):
            continue
        if accept(doc, skill_id, start, end, text):
            span = doc[start:end]
            if not again:
                found[skill_id] = span
            if mentions is not None and bounds is not None:
                seen.setdefault(skill_id, []).append(bounds)
                mentions.setdefault(skill_id, []).append(span)
    for skill_id, start_char, end_char in _window_rule_hits(text.lower()):
        if sections is not None and not sections.is_job(start_char):
            continue
        if skill_id not in found and skill_id not in employer_ids:
            span = doc.char_span(start_char, end_char, alignment_mode="expand")
            if span is not None:
                found[skill_id] = span
                if mentions is not None:
                    mentions[skill_id] = [span]
    return sorted(found.items(), key=lambda kv: kv[1].start)
