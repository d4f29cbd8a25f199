"""Role (core / adjacent / other), seniority and required years. Pure functions.

The role is decided from the title and from the job's own duties and requirements, never
from keywords anywhere: the text is cut into sections by its headings, and the lines of
company blurbs, benefits and legal boilerplate are set aside before LLM work is counted.
Every decision keeps a short human-readable evidence string for audit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms import languages
from transforms.sections import JOB_KINDS, Sections, heading_kind, split_sections
from transforms.text import split_sentences

ROLES = ("core", "adjacent", "other")
SENIORITIES = (
    "intern",
    "junior",
    "mid",
    "senior",
    "staff",
    "principal",
    "lead",
    "manager",
    "director",
    "executive",
)

# ---------------------------------------------------------------------------- sections


def _with_languages(english: re.Pattern[str], key: str) -> languages.LanguagePattern:
    """`english` or, as a whole word, any language's `[role] key` pattern: the English
    rule stays as written (its output unchanged), the other languages' forms come from
    data/languages/*.toml."""
    return languages.pattern(
        lambda langs: rf"{english.pattern}|(?<!\w){languages.alternation('role', key, langs)}",
        english.flags,
    )


_NICE_TO_HAVE_RE = _with_languages(
    re.compile(
        r"nice[- ]to[- ]have|bonus points|is a plus|are a plus|a big plus|preferred|ideally"
        r"|familiarity|exposure to|not required|would be great|bonus:|plus:|interest in"
        r"|desirable|optional",
        re.IGNORECASE,
    ),
    "nice_to_have",
)
_BLURB_SENTENCE_RE = _with_languages(
    re.compile(
        r"\b(?:we are|we're|we’re|our (?:mission|platform|customers|clients|product|products|"
        r"company|investors|team of)|founded|backed by|raised|investors|series [a-e]|"
        r"is a leading|leading provider|is an? (?:\w+ ){0,3}(?:company|platform|startup|leader)|"
        r"(?:customers|clients) (?:include|like)|trusted by|used by)\b",
        re.IGNORECASE,
    ),
    "blurb_sentences",
)

# ---------------------------------------------------------------------------- vocabulary
# Matched on lower-cased text without IGNORECASE (several times faster in `re`).
# Strong terms name LLM/GenAI work outright; weak ones only hint at it (a company name, a
# word with other senses: "agents", "transformers", "fine-tune a SQL query").
_LLM_STRONG_RE = re.compile(
    r"\b(?:llms?|large language models?|language models?|generative ai|gen ?ai|genai|"
    r"foundation models?|gpt-?\d\w*|chatgpt|claude|gemini|llama\w*|mistral|"
    r"retrieval[- ]augmented|rag|agentic|ai agents?|llm agents?|multi-agent|"
    r"(?:voice|conversational) agents?|"
    r"prompt(?:s|ing| engineering| design)|(?:system|prompt) prompts?|rlhf|reward models?|"
    r"vector (?:databases?|stores?|search)|langchain|langgraph|llamaindex|llm-as-a?-?judge|"
    r"ai[- ]generated|model responses|ai (?:responses|outputs|tutors?|trainers?|"
    r"chatbots?|assistants?)|conversational ai|function calling|tool use|mcp|"
    r"red[- ]team\w*|jailbreak\w*|text[- ]to[- ](?:speech|image|video)|diffusion models?|"
    r"generative (?:audio|models?|image|video)|vllm|post-training|pre-training|"
    r"fine[- ]?tun\w* (?:\w+ ){0,2}?(?:llms?|language models?|foundation models?|open-weight))\b"
)
# Using AI tools is not LLM work ("jobs that merely use AI tools" are "other"): these
# phrases are removed from a sentence before it is scored.
# The other languages' LLM words and titles (data/languages/*.toml), merged in.
_LANG_LLM_RE = languages.compiled("role", "llm_terms", r"(?<!\w)", r"(?!\w)")
_LANG_ADJ_TITLE_RE = languages.compiled("role", "adjacent_titles", r"(?<!\w)", r"(?!\w)")
_LANG_CORE_TITLE_RE = languages.compiled("role", "core_titles", r"(?<!\w)", r"(?!\w)")
_AI_WORD_RE = languages.compiled_lower("role", "ai_terms", r"\b")
_TOOL_USE_RE = languages.compiled_lower("role", "tool_use", r"\b")
_ML_BUILD_TITLE_RE = languages.compiled_lower("role", "ml_build_titles", r"\b")
_ML_BUILD_TERM_RE = languages.compiled_lower("role", "ml_build_terms", r"\b")
_NON_LLM_SENSE_RE = languages.compiled_lower("role", "non_llm_senses", r"\b")
_TOOL_USE_SPAN_RE = languages.compiled_lower("role", "tool_use_spans", r"\b")
_TOOL_USE_SENTENCE_RE = languages.compiled_lower("role", "tool_use_sentences")
_TOOL_USE_BUILDS_RE = languages.compiled_lower("role", "tool_use_sentence_builds", r"\b")
_BUSINESS_TITLE_RE = languages.compiled("role", "business_titles", r"\b")
# Titles whose name says they build AI ("Forward Deployed AI ..."): a business word after
# them names the team they serve ("..., Marketing"), not a sales job.
_AI_ROLE_TITLE_RE = languages.compiled("role", "ai_role_titles", r"\b")
# Product titles (product manager, owner): they build products, so LLM work named
# outright in their duties can be theirs; they are not business titles.
_PRODUCT_TITLE_RE = languages.compiled("role", "product_titles", r"\b")
# "AI" as the name of the team or org a title sits in ("Product Manager (Acme AI)"): taken
# out of the lower-cased title before its AI words are weighed (see `_without_ai_team`).
_AI_TEAM_TITLE_RE = languages.compiled_lower("role", "ai_team_titles")
# Analytics and BI titles serve data to the business: AI assistants or agents there are
# consumers of the data ("so dashboards and AI agents see the same numbers"); only duties
# that name LLM technology itself (`llm_tech_terms`: LLMs, RAG, prompts...) are LLM work.
_DATA_SERVING_TITLE_RE = languages.compiled("role", "data_serving_titles", r"\b")
_LLM_TECH_RE = languages.compiled_lower("role", "llm_tech_terms", r"\b")
# A requirement that names LLMs as a skill to have ("Experience with LLMs", "AI fluency",
# "a point of view on agentic AI"), not as the job's work...
_SKILL_REQUIREMENT_RE = languages.compiled_lower("role", "skill_requirements", r"\b")
# ...unless it names building with them ("experience building LLM apps").
_BUILD_VERB_RE = languages.compiled_lower("role", "build_verbs", r"\b")
# A short line that makes the lines after it nice-to-have: "Large Language Model (Preferred)".
_NICE_BLOCK_RE = languages.pattern(
    lambda langs: (
        r"\((?:preferred|nice[- ]to[- ]have|optional|a plus|bonus|desired|desirable|"
        + languages.alternation("role", "nice_blocks", langs)
        + r")\)\s*:?\s*$"
    ),
    re.I,
)
_AI_TOOL_USE_EN = (
    r"\b(?:claude code|claude for \w+|codex|(?:github )?copilot|cursor|windsurf|"
    r"agentic[- ]coding|agentic (?:[\w-]+ ){0,2}development|ai[- ](?:coding )?tools?|"
    r"ai[- ]assisted \w+|ai-powered (?:tools|solutions)|agentic ai tools|ai as your default|"
    r"(?:use|using|user of|leverage|leveraging) (?:\w+ ){0,2}?(?:llms?|chatgpt|claude|gemini|ai|genai|"
    r"generative ai))\b"
)
_AI_TOOL_USE_RE = languages.pattern(
    lambda langs: (
        f"{_TOOL_USE_SPAN_RE.source(langs)}|{_NON_LLM_SENSE_RE.source(langs)}|" + _AI_TOOL_USE_EN
    )
)
_LLM_WEAK_RE = re.compile(
    # "model outputs": any model's (a fraud score's too); strong only as AI responses.
    r"\b(?:openai|anthropic|agents|embeddings|hugging ?face|evals|ai (?:models?|systems)|"
    r"model outputs|"
    r"chatbots?|copilots?|transformers?|fine[- ]?tun\w*|inference|nlp)\b"
)
# ...and the other languages' hints ("inférence", "Agenten", "modelos de IA").
_LANG_LLM_WEAK_RE = languages.compiled_lower("role", "llm_weak_terms", r"(?<!\w)", r"(?!\w)")
_LLM_WEAK_EN_RE = _LLM_WEAK_RE
_LLM_WEAK_RE = languages.pattern(
    lambda langs: f"{_LLM_WEAK_EN_RE.pattern}|{_LANG_LLM_WEAK_RE.source(langs)}"
)
_LLM_STRONG_EN_RE = _LLM_STRONG_RE
# (The other languages' LLM words join without IGNORECASE: on lower-cased text.)
_LLM_STRONG_RE = languages.pattern(
    lambda langs: f"{_LLM_STRONG_EN_RE.pattern}|{_LANG_LLM_RE.source(langs)}"
)
_LLM_WORK_RE = languages.pattern(
    lambda langs: f"{_LLM_STRONG_RE.source(langs)}|{_LLM_WEAK_RE.source(langs)}"
)
_NICE_HEADING_RE = re.compile(
    r"nice[- ]to[- ]have|preferred|bonus|a plus|good to have|desired|optional|pluses|"
    r"would be great|extra credit",
    re.IGNORECASE,
)
_CORE_TITLE_RE = re.compile(
    r"\bprompt(?:s|ing)?\b|\bprompt[- ]?(?:engineer|design|writ)|\bllm (?:evaluation|eval) "
    r"(?:specialist|analyst|writer)|\bai (?:evaluation|prompt) (?:writer|specialist|expert)",
    re.IGNORECASE,
)
_ADJ_TITLE_STRONG_RE = re.compile(
    r"\b(?:LLMs?|GenAI|Gen AI|Generative AI|AI Trainer|AI Tutor|AI Training|RLHF|"
    r"conversation(?:al)? design\w*|conversational ai|AI (?:data )?(?:writer|annotator|evaluator|"
    r"rater|red[- ]team\w*)|red[- ]team\w*|agentic|AI agents?|agent (?:engineer|developer)|"
    r"applied ai|ai engineer(?:ing)?|ai/ml engineer|ai software engineer|forward deployed ai|"
    r"data annotation|annotator|freelance writ\w+|ai writ\w+|ai (?:product )?engineer)\b",
    re.IGNORECASE,
)
_ADJ_TITLE_WEAK_EN_RE = re.compile(
    r"\b(?:AI|A\.I\.|ML|machine learning|NLP|deep learning|research (?:engineer|scientist)|"
    r"data scientist|solutions? (?:architect|engineer)|forward deployed|founding engineer|"
    r"writer|linguist|evaluator|trainer|expert|specialist|tutor)\b",
    re.IGNORECASE,
)
# ...and the other languages' forms ("Consultant IA", "KI-Berater", "Redakteur").
_ADJ_TITLE_WEAK_RE = languages.pattern(
    lambda langs: (
        rf"{_ADJ_TITLE_WEAK_EN_RE.pattern}|"
        rf"(?<!\w)(?:{languages.alternation('role', 'weak_titles', langs)}|"
        rf"{languages.alternation('role', 'ai_titles', langs)})(?!\w)"
    ),
    re.IGNORECASE,
)
_PROMPT_AUTHORING_EN_RE = re.compile(
    r"\b(?:(?:writ\w*|creat\w*|craft\w*|design\w*|develop\w*|author\w*|draft\w*|generat\w*|"
    r"formulat\w*|test\w*|optimi[sz]\w*|refin\w*|iterat\w*)\s(?:\w+\s){0,4}?prompts\b|"
    r"prompt (?:engineer|expert|writer|designer|specialist|engineering)|"
    r"(?:challenge|stump|probe|test) (?:\w+\s){0,3}?(?:models?|ai|llms?)\b|"
    r"questions that (?:evaluate|test|challenge|stump) (?:\w+\s){0,2}?(?:ai|models?|llms?))",
    re.IGNORECASE,
)
# The other languages' authoring, prompt-role nouns and model challenges (data files).
_LANG_PROMPT_ROLE_RE = languages.compiled("role", "prompt_roles", r"(?<!\w)(?:", r")(?!\w)")
_LANG_MODEL_CHALLENGE_RE = languages.compiled("role", "model_challenges", r"(?<!\w)")
_PROMPT_AUTHORING_RE = languages.pattern(
    lambda langs: (
        rf"{_PROMPT_AUTHORING_EN_RE.pattern}|"
        rf"(?<!\w){languages.alternation('role', 'prompt_authoring', langs)}|"
        rf"{_LANG_PROMPT_ROLE_RE.source(langs)}|{_LANG_MODEL_CHALLENGE_RE.source(langs)}"
    ),
    re.IGNORECASE,
)
_PROMPT_SKILL_NOUN_RE = languages.pattern(
    lambda langs: (
        r"prompt (?:engineer|expert|writer|designer|specialist|engineering)$|"
        rf"{_LANG_PROMPT_ROLE_RE.source(langs)}$"
    ),
    re.IGNORECASE,
)
# Authoring confirmed as the job: a prompt-role noun, test questions, challenging models.
_AUTHORING_JOB_RE = languages.pattern(
    lambda langs: (
        r"prompt (?:expert|engineer|writer|designer|specialist|engineering)|"
        r"(?:questions|prompts) that (?:evaluate|test|challenge|stump)|"
        rf"challenge (?:\w+\s){{0,3}}?models?|{_LANG_PROMPT_ROLE_RE.source(langs)}|"
        rf"{_LANG_MODEL_CHALLENGE_RE.source(langs)}"
    ),
    re.IGNORECASE,
)
_ENGINEERING_TITLE_RE = languages.pattern(
    lambda langs: (
        r"engineer|developer|scientist|architect|"
        + languages.alternation("role", "engineering_titles", langs)
    ),
    re.IGNORECASE,
)
_LANG_TRAINER_TITLE_RE = languages.compiled("role", "trainer_titles", r"(?<!\w)")
_LANG_TRAINER_CONTEXT_RE = languages.compiled_lower("role", "trainer_context", r"(?<!\w)")
_TRAINER_CONTEXT_RE = re.compile(
    r"\b(?:AI trainer|AI tutor|training (?:data|ai)|train(?:ing)? ai models?|"
    r"(?:evaluate|rate|rank|assess|review)\w* (?:\w+\s){0,3}?(?:ai|model)[- ](?:generated )?"
    r"(?:responses|outputs|answers)|reasoning questions|test items)\b",
    re.IGNORECASE,
)


AI_INVOLVEMENTS = ("builds", "uses", "mentions", "none")


# Titles of people who build software, models or data for them ("Software Engineer",
# "Conversation Designer", "Data Annotator", "TechOps Manager"): LLM work in their duties
# can be theirs.
_TECH_TITLE_RE = re.compile(
    r"engineer|developer|scientist|research|architect|programmer|\bml\b|mlops|devops|tech ?ops|"
    r"\bsre\b|hacker|technical|technologist|annotat|labell?er|rater|trainer|tutor|writer|"
    r"linguist|evaluator|tester|\bqa\b|conversation|ingénieur|ingenieur|ingeniero|"
    r"engenheiro|ingegnere|ingeniera|engenheira|ingegnera|entwickler|développeu|desarrollador|"
    r"desenvolvedor|sviluppat|"
    r"ontwikkelaar|cientista|científico|docs|documentation|founding|\bcto\b|builder",
    re.IGNORECASE,
)
# A header line of several fields ("Acme | Remote | Full-time"), not one job's title; one
# "|" is part of a title ("Customer Activation Manager | Enterprise").
# A title that names AI work itself ("AI Engineer", "Forward Deployed Engineer"), unlike
# classic ML or data-science titles.
# "AI" counts only where it qualifies the job itself ("AI SWE", "AI Solutions Lead"), not
# where it names the team or org the job sits in ("Product Manager (Acme AI)", "Data
# Scientist - Data Foundations & AI").
_AI_TITLE_RE = languages.pattern(
    lambda langs: (
        r"\b(?:AI|A\.I\.)(?:/ML)?[ -]+(?:ML\b|SWE|software|engineer|developer|specialist|"
        r"solutions?|research|scientist|architect|lead|trainer|tutor|product|platform|"
        r"infrastructure|applications?|systems?|agents?|model)|forward deployed|\bagents?\b|"
        # The other languages' word orders: "Chef de produit IA", "KI-Produktmanager".
        rf"\b{languages.alternation('role', 'ai_titles', langs)}"
    ),
    re.I,
)
_GENERIC_TITLE_RE = re.compile(r"multiple|several|various|roles|positions|hiring|\|.*\|", re.I)


@dataclass(frozen=True)
class RoleDecision:
    role: str
    evidence: str
    ai_involvement: str = "none"


# Section kinds as the role rules weigh them: the job's duties, its nice-to-haves, the
# untitled intro (read sentence by sentence), and boilerplate (never read).
_ROLE_KIND = {"job": "duty", "nice": "nice", "intro": "neutral"}


def _split_sections(
    text: str, sections: Sections | None = None, wanted: set[str] | None = None
) -> list[tuple[str, str]]:
    """(kind, line) pairs; kind is `duty`, `nice`, `neutral` or `blurb` (see sections.py).
    Heading lines themselves are left out; with `wanted`, so is every line not in it (the
    other lines are still read for the "(Preferred)" blocks they open and close)."""
    sections = sections if sections is not None else split_sections(text)
    out: list[tuple[str, str]] = []
    pos = 0
    nice_block = ""  # the section kind a "... (Preferred)" line turned nice, until a heading
    for raw in text.split("\n"):
        start = pos
        pos += len(raw) + 1
        line = raw.strip()
        if not line:
            continue
        kind = _ROLE_KIND.get(sections.kind_at(start), "blurb")
        short = len(line.split()) <= 8
        if short and _NICE_BLOCK_RE.search(line):
            nice_block = kind
            continue
        if nice_block:
            if kind != nice_block or (short and line[0] not in "-*•·–" and line[-1:] != "."):
                nice_block = ""  # a new section or heading ends the block
            elif kind == "duty":
                kind = "nice"
        if wanted is not None and line not in wanted:
            continue
        if kind == "nice" and _NICE_HEADING_RE.search(line) and len(line.split()) <= 8:
            continue
        if heading_kind(line) and len(line.split()) <= 6:
            continue
        out.append((kind, line))
    return out


def _sentences(line: str) -> list[str]:
    return split_sentences(line)


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end == -1 else end


@dataclass(frozen=True)
class LlmWork:
    """What llm_work_lines found: the weighted score, quoted sentences, the part of the
    score that names LLM work outright, and how many of those strong sentences are the
    job's own work (not a nice-to-have; `duty_strong`: not a bare skill requirement either)."""

    score: float
    hits: list[str]
    strong: float
    duty_strong: int
    required_strong: int  # strong sentences outside nice-to-haves, requirements included
    duty_sentences: tuple[str, ...] = ()  # the `duty_strong` sentences, lower-cased


def _bare_skill_requirement(low: str) -> bool:
    """A sentence that asks for LLMs as a skill ("Experience with LLMs", "AI fluency"),
    with no verb of building them before the LLM words ("experience building LLM apps")."""
    if not _SKILL_REQUIREMENT_RE.search(low):
        return False
    first_llm = _LLM_STRONG_RE.search(low)
    verb = _BUILD_VERB_RE.search(low)
    return not (verb and first_llm and verb.start() < first_llm.start())


def llm_work_lines(
    text: str, hit_offsets: list[int] | None = None, sections: Sections | None = None
) -> tuple[float, list[str], float]:
    """Weighted count of duty/requirement sentences that involve LLM/GenAI work, with them,
    and the part of that count from sentences that name LLM work outright.

    A sentence naming LLM work outright counts 1, one that only hints at it 0.5; a
    nice-to-have counts half of that; a company-blurb sentence counts nothing.
    """
    work = llm_work(text, hit_offsets, sections)
    return work.score, work.hits, work.strong


def llm_work(
    text: str, hit_offsets: list[int] | None = None, sections: Sections | None = None
) -> LlmWork:
    """llm_work_lines, with the count of strong duty sentences (see LlmWork)."""
    score = 0.0
    strong = 0.0
    duty_strong = 0
    required_strong = 0
    duty_sentences: list[str] = []
    hits: list[str] = []
    # The lines worth reading: from the pipeline's phrase matches when given (cheap), else
    # one regex pass over the whole lower-cased text.
    offsets = (
        hit_offsets
        if hit_offsets is not None
        else [m.start() for m in _LLM_WORK_RE.finditer(text.lower())]
    )
    lines_with_hits = {
        text[text.rfind("\n", 0, pos) + 1 : _line_end(text, pos)].strip() for pos in offsets
    }
    if not lines_with_hits:
        return LlmWork(score, hits, strong, duty_strong, required_strong)
    for kind, line in _split_sections(text, sections, lines_with_hits):
        if kind == "blurb":
            continue
        for sentence in _sentences(line):
            if not _LLM_WORK_RE.search(sentence.lower()):
                continue
            if kind != "duty" and _BLURB_SENTENCE_RE.search(sentence):
                continue
            lowered = sentence.lower()
            if _TOOL_USE_SENTENCE_RE.search(lowered) and not _TOOL_USE_BUILDS_RE.search(lowered):
                continue  # the AI coding tools the person works with
            low = _AI_TOOL_USE_RE.sub(" ", sentence.lower())
            if not _LLM_WORK_RE.search(low):
                continue
            is_strong = bool(_LLM_STRONG_RE.search(low))
            weight = 1.0 if is_strong else 0.5
            nice = kind == "nice" or bool(_NICE_TO_HAVE_RE.search(sentence))
            if nice:
                weight /= 2
            elif is_strong:
                required_strong += 1
                if not _bare_skill_requirement(low):
                    duty_strong += 1
                    duty_sentences.append(low)
            score += weight
            strong += weight if is_strong else 0.0
            if len(hits) < 3:
                hits.append(f"[{kind}] {sentence[:120]}")
    return LlmWork(score, hits, strong, duty_strong, required_strong, tuple(duty_sentences))


_TITLE_FIELD_RE = re.compile(
    r"^\s*(?:role|roles|position|positions|job title|title)s?\s*:\s*(.+)$", re.I
)
_TITLE_WORK_MODE_RE = re.compile(r"\((?:remote|onsite|hybrid|full[- ]time|contract)", re.I)


def role_titles(title: str, text: str) -> list[str]:
    """The job titles a posting advertises: its title, plus `Role:` / header-line roles
    (HN-style posts put `Company | Role | Location` on the first line)."""
    titles = [title] if title else []
    lines = text.split("\n", 40)[:40]
    if lines and "|" in lines[0]:
        # "Company | Role | Location": the first segment names the company, not the job.
        titles.append(lines[0].split("|", 1)[1])
    if titles and "|" in titles[0]:
        titles[0] = titles[0].split("|", 1)[1]
    for line in lines:
        m = _TITLE_FIELD_RE.match(line) if ":" in line else None  # (a field needs its ":")
        if m:
            titles.append(m.group(1))
    for line in lines:
        stripped = line.strip()
        if 0 < len(stripped) <= 90 and "(" in stripped and _TITLE_WORK_MODE_RE.search(stripped):
            titles.append(stripped)
    return titles


def _without_ai_team(titles: list[str]) -> str:
    """The titles, lower-cased and joined, with the team or org named "... AI" taken out:
    "Product Manager (Match Group AI)" weighs as "product manager" (an AI-flavoured title
    lowers the LLM work a job needs; the team's name is not the job's work)."""
    return " || ".join(_AI_TEAM_TITLE_RE.sub(" ", t.lower()).strip() for t in titles)


def _job_text(text: str, sections: Sections) -> str:
    """The job's own lines (intro, duties, requirements), boilerplate left out."""
    return "\n".join(text[a:b] for kind, a, b in sections.spans(len(text)) if kind in JOB_KINDS)


def ai_involvement(
    role: str,
    title: str,
    text: str,
    sections: Sections,
    job_text: str | None = None,
    ai_hits: list[int] | None = None,
) -> str:
    """builds / uses / mentions / none (see docs/extraction.md).

    `builds`: the job builds or operates AI systems (an LLM role, or an ML title with model
    work in its duties); `uses`: the duties use AI tools (a writer with ChatGPT, an
    engineer with Copilot); `mentions`: AI appears only as context (the company, its
    product, perks); `none`: no AI word at all."""
    if role in ("core", "adjacent"):
        return "builds"
    job = (_job_text(text, sections) if job_text is None else job_text).lower()
    title = title.lower()
    own_title = _without_ai_team([title])
    if _ML_BUILD_TITLE_RE.search(own_title) and _ML_BUILD_TERM_RE.search(job):
        return "builds"
    if _TOOL_USE_RE.search(job):
        return "uses"
    if ai_hits or _AI_WORD_RE.search(title) or _AI_WORD_RE.search(text.lower()):
        return "mentions"  # (`ai_hits`: the pipeline's AI/LLM phrase matches, anywhere)
    return "none"


def classify_role(
    title: str,
    text: str,
    hit_offsets: list[int] | None = None,
    sections: Sections | None = None,
    job_text: str | None = None,
) -> RoleDecision:
    """core / adjacent / other from the titles and the job's own duties, with the
    posting's AI involvement (a job that only mentions or uses AI is never adjacent).
    `job_text` is _job_text(text, sections) when the caller has it."""
    sections = sections if sections is not None else split_sections(text)
    job = _job_text(text, sections) if job_text is None else job_text
    decision = _classify_role(title, text, hit_offsets, sections, job)
    involvement = ai_involvement(decision.role, title, text, sections, job, hit_offsets)
    return RoleDecision(decision.role, decision.evidence, involvement)


def job_text(text: str, sections: Sections) -> str:
    return _job_text(text, sections)


def _classify_role(
    title: str, text: str, hit_offsets: list[int] | None, sections: Sections, job: str
) -> RoleDecision:
    titles = role_titles(title, text)
    joined_titles = " || ".join(titles)
    work = llm_work(text, hit_offsets, sections)
    score, hits, strong_score = work.score, work.hits, work.strong
    evidence_lines = "; ".join(hits)
    # AI words of another sense in a title ("Agentic Commerce": a market) name no AI work.
    ai_titles = _NON_LLM_SENSE_RE.sub(" ", joined_titles.lower())

    core_title = _CORE_TITLE_RE.search(joined_titles) or _LANG_CORE_TITLE_RE.search(joined_titles)
    if core_title and score >= 1:
        return RoleDecision("core", f"title says {core_title.group(0)!r}; duties: {evidence_lines}")
    # Authoring prompts/test questions counts only in the job's own sections.
    low = job.lower()
    # Prompt/test-question authoring makes a job core only outside engineering titles or
    # in AI-trainer work; the cheap checks run first, the text regexes only when needed.
    trainer_title = re.search(
        r"\b(?:AI Trainer|AI Tutor|AI Training)\b", joined_titles, re.I
    ) or _LANG_TRAINER_TITLE_RE.search(joined_titles)
    engineering_title = _ENGINEERING_TITLE_RE.search(joined_titles)
    trainer_context = bool(trainer_title) or not engineering_title
    if not trainer_context and ("ai trainer" in low or "ai tutor" in low or "training" in low):
        trainer_context = bool(_TRAINER_CONTEXT_RE.search(job))
    if not trainer_context and "prompt" in low:
        trainer_context = bool(_LANG_TRAINER_CONTEXT_RE.search(low))
    maybe_authoring = trainer_context and (
        "prompt" in low
        or "question" in low
        or "challeng" in low
        or bool(_LANG_MODEL_CHALLENGE_RE.search(job))
    )
    authoring = [m.group(0) for m in _PROMPT_AUTHORING_RE.finditer(job)] if maybe_authoring else []
    # Naming the skill ("prompt engineering experience") is not authoring prompts: at
    # least one match must be the work itself (writing/testing prompts, stumping models).
    trainer = len(authoring) >= 2 and any(not _PROMPT_SKILL_NOUN_RE.match(a) for a in authoring)
    if trainer and _AUTHORING_JOB_RE.search(job):
        return RoleDecision(
            "core",
            f"[job] authoring prompts/test questions for models: {'; '.join(authoring[:3])}",
        )
    # A business title (sales, marketing, partnerships, government relations) with no
    # technical word: AI in its title or duties names the market it sells to, not its work.
    business = _BUSINESS_TITLE_RE.search(title or joined_titles)
    ai_role_title = _AI_ROLE_TITLE_RE.search(joined_titles)
    if (
        business
        and not _TECH_TITLE_RE.search(f"{title} || {joined_titles}")
        and not (ai_role_title and score >= 1)
    ):
        return RoleDecision(
            "other", f"business title {business.group(0)!r} (LLM words {score:g}): {evidence_lines}"
        )
    strong = _ADJ_TITLE_STRONG_RE.search(ai_titles) or _LANG_ADJ_TITLE_RE.search(ai_titles)
    if strong and score >= 1:
        return RoleDecision("adjacent", f"title says {strong.group(0)!r}; duties: {evidence_lines}")
    if strong and re.search(
        r"LLM|GenAI|Generative AI|AI Train|AI Tutor|RLHF|conversation|générative|generative|"
        r"generativa|llm",
        strong.group(0),
        re.I,
    ):
        return RoleDecision("adjacent", f"title says {strong.group(0)!r}")
    # One sentence of plain LLM work is enough for an AI-flavoured title; other titles need
    # more than a single mention (a stack list, one "LLM-powered" adjective).
    own_titles = _without_ai_team(titles)
    weak = _ADJ_TITLE_WEAK_RE.search(own_titles)
    business_title = (
        bool(title)
        and not _GENERIC_TITLE_RE.search(title)
        and not _TECH_TITLE_RE.search(f"{title} || {joined_titles}")
        and not _ADJ_TITLE_WEAK_RE.search(title)
        and not _PRODUCT_TITLE_RE.search(title)
    )
    if score >= (1.0 if weak else 1.5) and not weak and business_title:
        # A business title (activation manager, marketing, partnerships, compliance) whose
        # duties talk about AI uses or sells AI; it does not build it.
        return RoleDecision(
            "other", f"LLM words in a non-technical job ({score:g}): {evidence_lines}"
        )
    if (
        score >= (1.0 if weak else 1.5)
        and strong_score < 1
        and not _AI_TITLE_RE.search(joined_titles)
    ):
        # Only words with other senses ("inference", "embeddings", "agents", "AI models")
        # under a title that names no AI: an ML, data-science or platform job with no
        # LLM/GenAI work named builds no LLMs.
        return RoleDecision(
            "other", f"only ambiguous AI words in duties ({score:g}): {evidence_lines}"
        )
    ml_title = bool(weak or _ML_BUILD_TITLE_RE.search(own_titles))
    if (
        score >= (1.0 if weak else 1.5)
        and not _AI_TITLE_RE.search(joined_titles)
        and not (work.required_strong if ml_title else work.duty_strong)
    ):
        # LLMs only as a nice-to-have, or (outside ML titles, whose requirements describe
        # their model work) only as a skill to have ("Experience with LLMs", "AI fluency"),
        # under a title that names no AI work: the job itself builds no LLM systems.
        return RoleDecision(
            "other", f"LLMs only as a skill requirement ({score:g}): {evidence_lines}"
        )
    if (
        score >= (1.0 if weak else 1.5)
        and _DATA_SERVING_TITLE_RE.search(joined_titles)
        and not _AI_TITLE_RE.search(joined_titles)
        and not any(_LLM_TECH_RE.search(low) for low in work.duty_sentences)
    ):
        return RoleDecision(
            "other", f"AI as a consumer of an analytics job's data ({score:g}): {evidence_lines}"
        )
    if score >= (1.0 if weak else 1.5):
        return RoleDecision("adjacent", f"LLM work in duties ({score:g}): {evidence_lines}")
    if core_title:
        return RoleDecision("adjacent", f"title says {core_title.group(0)!r} but few LLM duties")
    return RoleDecision(
        "other",
        f"no LLM work in title or duties (score {score:g})"
        + (f": {evidence_lines}" if hits else ""),
    )


# ---------------------------------------------------------------------------- seniority
_SENIORITY_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("intern", re.compile(r"\b(?:intern|internship|co-?op|werkstudent|working student)\b", re.I)),
    (
        "executive",
        re.compile(
            r"\b(?:(?i:chief|vice[- ]president|president|co-?founder)|C[TEFOMPI]O|CAIO|S?VP|EVP)\b"
        ),
    ),
    ("director", re.compile(r"\b(?:director|head of|head,)\b", re.I)),
    ("principal", re.compile(r"\b(?:principal|principle|distinguished|fellow)\b", re.I)),
    ("staff", re.compile(r"\bstaff\b", re.I)),
    (
        "manager",
        re.compile(
            r"\b(?:engineering|team|development|delivery|people|general|data science|senior|sr\.?)?"
            r"\s?manager\b(?<!product manager)(?<!project manager)(?<!program manager)"
            r"(?<!account manager)(?<!marketing manager)(?<!community manager)",
            re.I,
        ),
    ),
    ("lead", re.compile(r"\b(?:lead|leader|tech lead|team lead)\b(?! generation)", re.I)),
    ("senior", re.compile(r"\b(?:senior|sr\.?|snr|expert|III|IV|L[5-6])\b", re.I)),
    (
        "junior",
        re.compile(
            r"\b(?:(?i:junior|jr\.?|entry[- ]level|graduate|new grad|associate|apprentice|trainee)|I)\b"
        ),
    ),
    ("mid", re.compile(r"\b(?:(?i:mid[- ]?level|mid|intermediate)|II|L[3-4])\b")),
)


def seniority_from_title(title: str) -> str | None:
    for level, regex in _SENIORITY_RULES:
        if regex.search(title):
            return level
    return None


def seniority_from_years(years_min: float | None) -> str | None:
    if years_min is None:
        return None
    if years_min < 2:
        return "junior"
    if years_min < 5:
        return "mid"
    return "senior"


def classify_seniority(title: str, years_min: float | None) -> str | None:
    """From the title's words first; where the title says nothing, from required years."""
    return seniority_from_title(title or "") or seniority_from_years(years_min)


# ---------------------------------------------------------------------------- years
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_NUM = r"(?:\d{1,2}(?:\.5)?|" + "|".join(_WORD_NUMBERS) + r")"
_YEARS_WORD_RE = re.compile(r"\b(?:years?|yrs?)\b(?:['’]s?)?")
# The number part, read backwards from a "years" word found first (keeps the scan linear).
_YEARS_BEFORE_RE = re.compile(
    rf"(?<![\d.])(?P<lo>{_NUM})(?![\d.])\s*(?P<plus>\+|plus|or more)?\s*"
    rf"(?:(?:-|–|—|to)\s*(?P<hi>{_NUM})\s*\+?\s*)?(?:\(\d{{1,2}}\)\s*)?$"
)
_EXPERIENCE_AFTER_RE = re.compile(
    r"^\s*(?:of\s+)?(?:[\w/+#.-]+\s+){0,6}?(?:experience|exp\b|expertise|background|"
    r"professional|industry|hands-on|working|building|developing|"
    r"in (?!business|operation|a row|existence|the market)\w)",
    re.IGNORECASE,
)
_EXPERIENCE_BEFORE_RE = re.compile(r"experience\s*(?:of|:|-|–)?\s*$", re.IGNORECASE)


def _to_number(token: str) -> float:
    token = token.lower()
    return float(_WORD_NUMBERS[token]) if token in _WORD_NUMBERS else float(token)


# Other languages: "2 à 3 ans d'expérience", "mindestens 3 Jahre Berufserfahrung",
# "al menos 3 años de experiencia", "minimaal 3 jaar ervaring"; Japanese/Korean forms.
_LANG_YEARS_RE = languages.pattern(
    lambda langs: (
        r"(?P<lo>\d{1,2})(?![\d.,])\s*\+?\s*(?:(?:"
        + languages.alternation("years", "range", langs)
        + r")\s*(?P<hi>\d{1,2})\s*\+?\s*)?(?:"
        + languages.alternation("years", "unit", langs)
        # A lookahead, so the words after one number do not hide the next statement.
        + r")(?!\w)(?=(?P<after>[^\n]{0,40}))"
    ),
    re.IGNORECASE,
)
_LANG_EXPERIENCE_RE = languages.compiled("years", "experience")
_LANG_AT_LEAST_RE = languages.compiled("years", "at_least", "(?:", r")\s*$")
# The experience word before the number: "une expérience de 2 ans", "experiencia mínima de
# 1 año" (at most two words between).
_LANG_EXPERIENCE_BEFORE_RE = languages.compiled(
    "years", "experience_before", r"(?<!\w)(?:", r")(?:\s+[^\W\d_][\w'’-]*){0,2}\s+$"
)
# A company's age or a time ago is not experience: "fondée il y a 5 ans", "seit 20 Jahren",
# "hace 3 años", "10 ans d'histoire", "3 jaar geleden".
_LANG_SINCE_BEFORE_RE = languages.compiled("years", "since_before", r"(?<!\w)(?:", r")\s*$")
_LANG_AGO_AFTER_RE = languages.compiled("years", "ago_after", r"^\s*(?:", ")")
# The words after the number, up to the end of its sentence.
_SENTENCE_END_RE = re.compile(r"[.;!?](?:\s|$)")
# One pattern each (tried in turn): a list per set of languages read.
_CJK_YEARS_RES = languages.each("years", "cjk")


def _years_other_languages(text: str) -> dict[str, float | None] | None:
    for m in _LANG_YEARS_RE.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isdigit() or text[m.start() - 1] in ".,"):
            continue  # inside a longer number
        before = text[max(0, m.start() - 45) : m.start()]
        after = _SENTENCE_END_RE.split(m.group("after"), maxsplit=1)[0]
        if _LANG_SINCE_BEFORE_RE.search(before) or _LANG_AGO_AFTER_RE.search(after):
            continue
        least = _LANG_AT_LEAST_RE.search(before[-20:])
        least = least or _LANG_EXPERIENCE_BEFORE_RE.search(before)
        if not (least or _LANG_EXPERIENCE_RE.search(after)):
            continue
        lo = float(m.group("lo"))
        hi = float(m.group("hi")) if m.group("hi") else None
        if lo > 40 or (hi is not None and (hi < lo or hi > 40)):
            continue
        return {"min": _clean(lo), "max": _clean(hi)}
    for regex in _CJK_YEARS_RES.current():
        m = regex.search(text)
        if m:
            groups = m.groupdict()
            lo = float(groups["lo"])
            hi = float(groups["hi"]) if groups.get("hi") else None
            if lo <= 40 and (hi is None or lo <= hi <= 40):
                return {"min": _clean(lo), "max": _clean(hi)}
    return None


def years_of_experience(
    text: str, sections: Sections | None = None, job_text: str | None = None
) -> dict[str, float | None] | None:
    """Required years, read from the job's own sections when `sections` is given (see
    _years_in), in English and in the languages of data/languages/."""
    if job_text is not None:
        text = job_text
    elif sections is not None:
        text = _job_text(text, sections)
    return _years_in(text) or _years_other_languages(text[:100_000])


def _years_in(text: str) -> dict[str, float | None] | None:
    """Required years as stated: "3+ years" -> {min 3, max None}; "2-3 years" -> {2, 3};
    "at least 5 years" -> {5, None}; "5 years of experience" -> {5, None} (a minimum).
    The first statement tied to experience wins; "5 years ago" or "a 2-year contract" do not
    count."""
    low = text[:100_000].lower()
    for word in _YEARS_WORD_RE.finditer(low):
        window = low[max(0, word.start() - 30) : word.start()]
        m = _YEARS_BEFORE_RE.search(window)
        if not m:
            continue
        start = word.start() - len(window) + m.start()
        before = low[max(0, start - 30) : start]
        after = low[word.end() : word.end() + 60].split("\n", 1)[0]
        # "N+ years" in a posting is a requirement even without the word "experience".
        plus_requirement = bool(m.group("plus")) and not re.match(r"\s*(?:ago|old)\b", after)
        if not (
            plus_requirement
            or _EXPERIENCE_AFTER_RE.match(after)
            or _EXPERIENCE_BEFORE_RE.search(before)
        ):
            continue
        if re.search(r"\b(?:ago|old|since)\b", after[:12]):
            continue
        lo = _to_number(m.group("lo"))
        hi = _to_number(m.group("hi")) if m.group("hi") else None
        if lo > 40 or (hi is not None and (hi < lo or hi > 40)):
            continue
        return {"min": _clean(lo), "max": _clean(hi)}
    return None


def _clean(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value.is_integer() else value
