"""Skills named in the posting's own language: each language table's `[skills]` gives the
taxonomy's skills their French, German, Spanish, Dutch, Italian and Portuguese names
("apprentissage automatique", "Sprachmodelle", "modelos de lenguaje"). They are read in
postings of that language only, from the job's own sections, like the English aliases."""

from __future__ import annotations

import pytest

from transforms.extract import Extractor
from transforms.languages import SUPPORTED_LANGUAGES, skill_aliases
from transforms.taxonomy import load_taxonomy

# (lang, title, text, skills a reader names from the job's lines)
POSTINGS = [
    (
        "fr",
        "Linguiste informaticien",
        "Vos missions :\n"
        "- Concevoir des corpus pour nos modèles de traitement automatique du langage naturel.\n"
        "- Évaluer les traductions produites par nos grands modèles de langage.\n"
        "Profil : formation en linguistique, maîtrise de l'apprentissage automatique, "
        "excellente orthographe et travail en équipe.",
        {"nlp", "llm", "linguistics", "machine_learning", "grammar_style", "collaboration"},
    ),
    (
        "de",
        "Data Scientist (m/w/d)",
        "Deine Aufgaben:\n"
        "- Du entwickelst Modelle des maschinellen Lernens für unsere Preisprognosen.\n"
        "- Du bindest große Sprachmodelle an unsere Wissensgraphen an.\n"
        "Dein Profil: sehr gute Kenntnisse in Statistik und Datenanalyse, "
        "Kommunikationsstärke und Teamfähigkeit.",
        {
            "llm",
            "knowledge_graphs",
            "statistics_skill",
            "data_analysis",
            "communication",
            "collaboration",
        },
    ),
    (
        "es",
        "Lingüista computacional",
        "Responsabilidades:\n"
        "- Diseñar conjuntos de datos para el procesamiento del lenguaje natural.\n"
        "- Evaluar las respuestas de modelos de lenguaje y coordinar la anotación de datos.\n"
        "Requisitos: estudios de lingüística, aprendizaje automático y pensamiento crítico.",
        {"nlp", "llm", "data_labeling", "linguistics", "machine_learning", "critical_thinking"},
    ),
    (
        "nl",
        "Data-analist",
        "Wat ga je doen:\n"
        "- Je werkt aan data-analyse en statistiek voor onze klantenservice.\n"
        "- Je test toepassingen van grote taalmodellen.\n"
        "Wat vragen wij: sterke communicatieve vaardigheden en zelfstandigheid.",
        {
            "data_analysis",
            "statistics_skill",
            "customer_support",
            "llm",
            "communication",
            "ownership",
        },
    ),
    (
        "it",
        "Ingegnere di apprendimento automatico",
        "Responsabilità:\n"
        "- Sviluppare modelli di apprendimento automatico e reti neurali.\n"
        "- Integrare modelli linguistici nei nostri assistenti virtuali.\n"
        "Requisiti: ottime capacità comunicative e lavoro in team.",
        {"machine_learning", "deep_learning", "llm", "chatbots", "communication", "collaboration"},
    ),
    (
        "pt",
        "Cientista de dados",
        "Responsabilidades:\n"
        "- Criar modelos de aprendizado de máquina e de processamento de linguagem natural.\n"
        "- Apoiar a gestão de projetos com análise de dados.\n"
        "Requisitos: experiência com visão computacional e trabalho em equipe.",
        {
            "machine_learning",
            "nlp",
            "project_management",
            "data_analysis",
            "computer_vision",
            "collaboration",
        },
    ),
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("lang", "title", "text", "expected"), POSTINGS, ids=[p[0] for p in POSTINGS]
)
def test_a_posting_names_its_skills_in_its_own_language(
    extractor: Extractor, lang: str, title: str, text: str, expected: set[str]
) -> None:
    out = extractor.extract({"id": lang, "title": title, "text": text})
    assert out["language"] == lang
    assert expected <= set(out["skills"]), f"missing {expected - set(out['skills'])}"


def test_the_evidence_quotes_the_words_of_the_posting(extractor: Extractor) -> None:
    out = extractor.extract({"id": "fr", "title": POSTINGS[0][1], "text": POSTINGS[0][2]})
    evidence = {e["skill_id"]: e for e in out["skill_evidence"]}
    assert evidence["machine_learning"]["text"] == "apprentissage automatique"
    assert evidence["machine_learning"]["section"] == "job"
    assert evidence["nlp"]["text"] == "traitement automatique du langage naturel"


def test_a_language_s_names_are_not_read_in_a_posting_of_another_language(
    extractor: Extractor,
) -> None:
    # An English posting quoting a French phrase, and a Spanish one quoting "vendas":
    # neither is read as the skill (names are read in their own language only).
    english = extractor.extract(
        {
            "id": "en",
            "title": "Backend Engineer",
            "text": "You will build our payment APIs in Java.\nOur Paris office motto is "
            "'apprentissage automatique des erreurs', a joke about learning from bugs.",
        }
    )
    assert english["language"] == "en"
    assert "machine_learning" not in english["skills"]
    spanish = extractor.extract(
        {
            "id": "es",
            "title": "Desarrollador backend",
            "text": "Responsabilidades:\n- Desarrollar nuestras API en Java para el equipo "
            "de Lisboa, que llama a su herramienta interna 'vendas'.\nRequisitos: tres "
            "años de experiencia con bases de datos.",
        }
    )
    assert spanish["language"] == "es"
    assert "sales" not in spanish["skills"]


def test_the_company_s_own_lines_never_give_a_skill_in_any_language(
    extractor: Extractor,
) -> None:
    text = (
        "À propos de nous\n"
        "Nous sommes une start-up de cybersécurité fondée en 2019, spécialiste de "
        "l'apprentissage automatique appliqué à la fraude.\n\n"
        "Vos missions :\n"
        "- Développer notre application mobile en Kotlin.\n"
        "- Définir la feuille de route produit de l'application."
    )
    out = extractor.extract({"id": "fr-blurb", "title": "Développeur mobile", "text": text})
    assert out["language"] == "fr"
    assert "kotlin" in out["skills"] and "product_management" in out["skills"]
    assert "security" not in out["skills"]
    assert "machine_learning" not in out["skills"]


def test_every_language_table_names_only_skills_of_the_taxonomy_in_lower_case() -> None:
    known = {skill.id for skill in load_taxonomy()}
    tables = skill_aliases()
    assert set(tables) == set(SUPPORTED_LANGUAGES) - {"en"}
    for lang, by_skill in tables.items():
        assert set(by_skill) <= known, f"{lang}: {set(by_skill) - known}"
        for skill_id, aliases in by_skill.items():
            assert aliases, f"{lang} {skill_id}: no name"
            assert all(a == a.lower() and a == a.strip() for a in aliases), (lang, skill_id)


def test_no_name_means_two_skills_in_one_language() -> None:
    # A name under two skills would make one word two skills; the English aliases are
    # read in every posting, so a language's name must not be another skill's English one.
    english: dict[str, set[str]] = {}
    for skill in load_taxonomy():
        for alias in skill.aliases:
            english.setdefault(alias, set()).add(skill.id)
    for lang, by_skill in skill_aliases().items():
        owner: dict[str, str] = {}
        for skill_id, aliases in by_skill.items():
            for alias in aliases:
                assert owner.setdefault(alias, skill_id) == skill_id, (lang, alias)
                others = english.get(alias, {skill_id}) - {skill_id}
                assert not others, f"{lang} {alias!r} is {skill_id} and, in English, {others}"


# A business function named as the people the job works with, in the languages that name
# the people first: (lang, text, functions that are the people around the job, functions
# that are the job's own domain). Each text is long enough for its language to be told.
FUNCTION_PARTNERS = [
    (
        "fr",
        "Vos missions : vous travaillerez au quotidien avec les équipes produit, marketing et "
        "juridique pour lancer nos agents conversationnels. Profil : trois ans d'expérience "
        "en finance et une bonne culture du produit.",
        {"marketing", "legal"},
        {"finance"},
    ),
    (
        "fr",
        "Vos missions : vous rejoindrez l'équipe Marketing et vous animerez nos campagnes "
        "avec l'équipe produit et juridique de la société.",
        {"legal"},
        {"marketing"},
    ),
    (
        "es",
        "Tus responsabilidades: colaborar con los equipos de ventas, marketing y finanzas "
        "para desplegar modelos de lenguaje en producción. Requisitos: experiencia en "
        "el sector jurídico y en la gestión de proyectos.",
        {"sales", "marketing", "finance"},
        {"legal"},
    ),
    (
        "de",
        "Deine Aufgaben: Du arbeitest eng mit den Teams aus Vertrieb, Marketing und Finance "
        "zusammen und führst Sprachmodelle ein. Dein Profil: mehrjährige Erfahrung im "
        "Vertrieb oder in der Beratung.",
        {"marketing", "finance"},
        {"sales"},
    ),
    (
        "pt",
        "Responsabilidades: trabalhar com as equipes de vendas e marketing para levar "
        "modelos de linguagem à produção. Requisitos: experiência em finanças e em "
        "análise de dados.",
        {"sales", "marketing"},
        {"finance"},
    ),
    (
        "nl",
        "Jouw taken: je werkt nauw samen met de teams van marketing, verkoop en finance om "
        "taalmodellen in productie te brengen. Wat vragen wij: ervaring in de verkoop van "
        "software en in data-analyse.",
        {"marketing", "finance"},
        {"sales"},
    ),
    # Italian "team" is singular and plural: its article says which ("i team" are the
    # people around the job, "il team di marketing" is the job's own team).
    (
        "it",
        "Le tue responsabilità: collaborare ogni giorno con i team di marketing, vendite e "
        "finanza per portare i modelli linguistici in produzione. Requisiti: esperienza "
        "nelle vendite di software e nella gestione dei progetti.",
        {"marketing", "finance"},
        {"sales"},
    ),
    (
        "it",
        "Le tue responsabilità: entrerai a far parte del team di marketing e guiderai le "
        "nostre campagne sui modelli linguistici insieme ai colleghi di vendite e finanza.",
        {"sales", "finance"},
        {"marketing"},
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "partners", "own"),
    FUNCTION_PARTNERS,
    ids=[f"{p[0]}-{i}" for i, p in enumerate(FUNCTION_PARTNERS)],
)
def test_the_teams_a_job_works_with_are_not_its_domain_in_any_language(
    extractor: Extractor, lang: str, text: str, partners: set[str], own: set[str]
) -> None:
    out = extractor.extract({"id": lang, "title": "", "text": text})
    assert out["language"] == lang
    skills = set(out["skills"])
    assert not partners & skills, f"the people around the job read as skills: {partners & skills}"
    assert own <= skills, f"the job's own domain lost: {own - skills}"


# "User experience" a product gives and "collaboration" that says with whom, in the other
# languages: (lang, text, skill, read as the skill?).
CONTEXT_CASES = [
    (
        "fr",
        "Vos missions : déployer nos modèles de langage en production et améliorer "
        "l'expérience utilisateur de nos clients grâce à l'intelligence artificielle.",
        "ux_design",
        False,
    ),
    (
        "fr",
        "Votre profil : une excellente maîtrise de l'expérience utilisateur et du design "
        "d'interfaces pour nos produits d'intelligence artificielle générative.",
        "ux_design",
        True,
    ),
    (
        "es",
        "Tus responsabilidades: mejorar la experiencia de usuario de nuestros clientes con "
        "modelos de lenguaje y automatizar los procesos del equipo.",
        "ux_design",
        False,
    ),
    (
        "es",
        "Tu perfil: conocimientos sólidos de la experiencia de usuario y del diseño de "
        "interfaces para nuestros productos de inteligencia artificial.",
        "ux_design",
        True,
    ),
    (
        "de",
        "Deine Aufgaben: Du verbesserst die Nutzererfahrung unserer Kunden mit Sprachmodellen "
        "und automatisierst die Prozesse des Teams.",
        "ux_design",
        False,
    ),
    (
        "de",
        "Dein Profil: fundierte Kenntnisse in der Nutzererfahrung und im Interface-Design für "
        "unsere Produkte mit künstlicher Intelligenz.",
        "ux_design",
        True,
    ),
    (
        "it",
        "Responsabilità: migliorare l'esperienza utente dei nostri clienti con i modelli di "
        "linguaggio e automatizzare i processi del team.",
        "ux_design",
        False,
    ),
    (
        "pt",
        "Responsabilidades: melhorar a experiência do usuário dos nossos clientes com modelos "
        "de linguagem e automatizar os processos da equipe.",
        "ux_design",
        False,
    ),
    (
        "nl",
        "Jouw taken: je zorgt dat de gebruikerservaring van onze klanten met taalmodellen "
        "elke maand beter wordt en je automatiseert de processen van het team.",
        "ux_design",
        False,
    ),
    (
        "fr",
        "Vos missions : vous travaillerez en étroite collaboration avec l'équipe data pour "
        "déployer nos modèles de langage en production.",
        "collaboration",
        False,
    ),
    (
        "nl",
        "Jouw taken: je werkt in nauwe samenwerking met het datateam om onze taalmodellen "
        "in productie te brengen en te verbeteren.",
        "collaboration",
        False,
    ),
    (
        "nl",
        "Wat vragen wij: ervaring met taalmodellen, goede samenwerking en communicatie met "
        "collega's en een proactieve houding.",
        "collaboration",
        True,
    ),
    # "Leadership" as the people in charge, not the skill of leading.
    (
        "fr",
        "Vos missions : présenter chaque trimestre les résultats de nos modèles de langag"
        "e au leadership et à l'équipe produit.",
        "leadership",
        False,
    ),
    (
        "fr",
        "Vos missions : vous travaillerez avec l'équipe de leadership pour déployer nos m"
        "odèles de langage en production.",
        "leadership",
        False,
    ),
    (
        "fr",
        "Votre profil : une vraie capacité de leadership et une expérience des modèles de"
        " langage en production.",
        "leadership",
        True,
    ),
    (
        "es",
        "Tus responsabilidades: reportar al liderazgo los resultados de nuestros modelos "
        "de lenguaje cada trimestre y coordinar el equipo.",
        "leadership",
        False,
    ),
    (
        "es",
        "Tus responsabilidades: presentar los avances al equipo de liderazgo y desplegar "
        "modelos de lenguaje en producción.",
        "leadership",
        False,
    ),
    (
        "es",
        "Requisitos: experiencia en liderazgo de equipos técnicos y conocimientos de los "
        "modelos de lenguaje que usamos para nuestros clientes.",
        "leadership",
        True,
    ),
    (
        "pt",
        "Responsabilidades: apresentar os resultados à liderança da empresa e levar model"
        "os de linguagem à produção.",
        "leadership",
        False,
    ),
    (
        "pt",
        "Requisitos: experiência em liderança de equipes técnicas e em modelos de linguag"
        "em em produção.",
        "leadership",
        True,
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "skill", "present"),
    CONTEXT_CASES,
    ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(CONTEXT_CASES)],
)
def test_an_outcome_or_a_way_of_working_is_not_the_skill_in_any_language(
    extractor: Extractor, lang: str, text: str, skill: str, present: bool
) -> None:
    out = extractor.extract({"id": lang, "title": "", "text": text})
    assert out["language"] == lang
    assert (skill in out["skills"]) is present
