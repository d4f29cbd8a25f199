"""Six short postings of our own in each of French, German, Spanish, Dutch, Italian and
Portuguese: language, role, remote, pay and years are read in the posting's language
(rule tables in transforms/data/languages/). Each case states what a reader would say."""

from __future__ import annotations

import pytest
from language_cases import read_fields

from transforms.extract import Extractor
from transforms.languages import SUPPORTED_LANGUAGES, detect_language, tables

# (lang, title, text, role, remote, (min, max, currency, period) | None, (years min, max) | None)
CASES = [
    (
        "fr",
        "Ingénieur IA générative",
        "Nous recherchons un ingénieur pour concevoir des agents IA et des pipelines RAG avec des grands modèles de langage.\nVos missions :\n- Développer des applications LLM en Python\nProfil : 2 à 3 ans d'expérience.\nTélétravail complet possible.\nRémunération : 55 000 € à 65 000 € brut annuel.",
        "adjacent",
        "remote",
        (55000, 65000, "EUR", "year"),
        (2, 3),
    ),
    (
        "fr",
        "Comptable",
        "Nous recherchons un comptable pour notre cabinet à Lyon.\nVos missions :\n- Tenue de la comptabilité et déclarations fiscales\nProfil : au moins 5 ans d'expérience en cabinet.\nPoste sur site, deux jours de télétravail par semaine.\nSalaire : 3 200 € brut par mois.",
        "other",
        "hybrid",
        (3200, 3200, "EUR", "month"),
        (5, None),
    ),
    (
        "fr",
        "Rédacteur de prompts",
        "Au sein de notre équipe, vous rédigez et testez des prompts pour évaluer les réponses de modèles de langage.\nVous concevez des prompts qui mettent les modèles en difficulté et vous notez leurs réponses.\nExpérience : minimum 1 an d'expérience en rédaction.\n100 % télétravail.\nTarif : 25 € de l'heure.",
        "core",
        "remote",
        (25, 25, "EUR", "hour"),
        (1, None),
    ),
    (
        "fr",
        "Développeur backend",
        "Vous développerez nos API en Java et PostgreSQL.\nProfil : 3 ans d'expérience minimum.\nLe poste est en présentiel dans nos locaux à Nantes.\nSalaire : 45 k€ - 52 k€ brut annuel.",
        "other",
        "onsite",
        (45000, 52000, "EUR", "year"),
        (3, None),
    ),
    (
        "fr",
        "Data scientist",
        "Vous construirez des modèles de prévision de la demande en Python.\nProfil : 4 ans d'expérience en data science.\nRythme hybride : 3 jours au bureau à Paris.\nRémunération : 60 000 € par an.",
        "other",
        "hybrid",
        (60000, 60000, "EUR", "year"),
        (4, None),
    ),
    (
        "fr",
        "Chef de projet IA générative",
        "Vous piloterez le déploiement d'assistants basés sur des grands modèles de langage (LLM) et l'évaluation de leurs réponses.\nProfil : plus de 6 ans d'expérience.\nPoste en télétravail partiel à Bordeaux.\nSalaire : entre 70 000 € et 80 000 € brut annuel.",
        "adjacent",
        "hybrid",
        (70000, 80000, "EUR", "year"),
        (6, None),
    ),
    (
        "de",
        "KI-Ingenieur (m/w/d) für Sprachmodelle",
        "Wir suchen eine:n KI-Ingenieur:in, der/die Anwendungen mit großen Sprachmodellen und RAG entwickelt.\nDeine Aufgaben:\n- LLM-Agenten in Python bauen und evaluieren\nDein Profil: mindestens 3 Jahre Berufserfahrung.\n100% remote möglich.\nGehalt: 70.000 € – 85.000 € brutto pro Jahr.",
        "adjacent",
        "remote",
        (70000, 85000, "EUR", "year"),
        (3, None),
    ),
    (
        "de",
        "Buchhalter (m/w/d)",
        "Für unser Büro in Hamburg suchen wir eine:n Buchhalter:in.\nDeine Aufgaben:\n- Monatsabschlüsse und Steuererklärungen\nDein Profil: mindestens 2 Jahre Erfahrung in der Buchhaltung.\nHybrides Arbeiten mit zwei Tagen Homeoffice.\nGehalt: 3.800 € brutto pro Monat.",
        "other",
        "hybrid",
        (3800, 3800, "EUR", "month"),
        (2, None),
    ),
    (
        "de",
        "Prompt Engineer (m/w/d)",
        "Du schreibst, testest und optimierst Prompts für unsere Sprachmodelle und bewertest die Antworten der Modelle.\nDu entwirfst Prompts, die die Modelle herausfordern.\nDein Profil: 2-4 Jahre Erfahrung mit Texten.\nVollständig remote.\nVergütung: 35 € pro Stunde.",
        "core",
        "remote",
        (35, 35, "EUR", "hour"),
        (2, 4),
    ),
    (
        "de",
        "Backend-Entwickler Java",
        "Du entwickelst unsere Zahlungsdienste in Java und Kotlin.\nDein Profil: mehr als 5 Jahre Berufserfahrung.\nDie Arbeit findet vor Ort in unserem Büro in München statt.\nGehalt: 65.000 € pro Jahr.",
        "other",
        "onsite",
        (65000, 65000, "EUR", "year"),
        (5, None),
    ),
    (
        "de",
        "Werkstudent Data Science",
        "Du unterstützt unser Team bei Datenanalysen mit Python und SQL.\nDein Profil: mindestens 1 Jahr Erfahrung mit Python.\nHomeoffice ist nach Absprache möglich, sonst Arbeit im Büro in Köln: hybrides Arbeitsmodell.\nStundenlohn: 16 € pro Stunde.",
        "other",
        "hybrid",
        (16, 16, "EUR", "hour"),
        (1, None),
    ),
    (
        "de",
        "Produktmanager:in",
        "Du verantwortest unsere App für Versicherungen und arbeitest mit Design und Entwicklung.\nDein Profil: mindestens 4 Jahre Erfahrung im Produktmanagement.\nMobiles Arbeiten an zwei Tagen pro Woche, sonst im Büro in Berlin.\nGehalt: 75.000 € brutto jährlich.",
        "other",
        "hybrid",
        (75000, 75000, "EUR", "year"),
        (4, None),
    ),
    (
        "es",
        "Ingeniero/a de IA generativa",
        "Buscamos un ingeniero para construir agentes de IA y sistemas RAG con modelos de lenguaje.\nFunciones:\n- Desarrollar aplicaciones con LLM en Python\nRequisitos: al menos 3 años de experiencia.\nTrabajo 100% remoto.\nSalario: 45.000 € - 55.000 € brutos anuales.",
        "adjacent",
        "remote",
        (45000, 55000, "EUR", "year"),
        (3, None),
    ),
    (
        "es",
        "Contable",
        "Buscamos un contable para nuestra oficina de Sevilla.\nFunciones:\n- Cierre contable y fiscalidad\nRequisitos: 2 años de experiencia como mínimo.\nModalidad híbrida: tres días en la oficina.\nSalario: 2.000 € brutos mensuales.",
        "other",
        "hybrid",
        (2000, 2000, "EUR", "month"),
        (2, None),
    ),
    (
        "es",
        "Redactor/a de prompts",
        "Escribirás y probarás prompts para evaluar las respuestas de modelos de lenguaje.\nDiseñarás prompts que desafíen a los modelos y calificarás sus respuestas.\nRequisitos: al menos 1 año de experiencia en redacción.\nTrabajo remoto.\nPago: 20 USD por hora.",
        "core",
        "remote",
        (20, 20, "USD", "hour"),
        (1, None),
    ),
    (
        "es",
        "Desarrollador frontend",
        "Desarrollarás nuestra web en TypeScript y React.\nRequisitos: 4 años de experiencia.\nTrabajo presencial en nuestras oficinas de Madrid.\nSueldo: 38.000 € al año.",
        "other",
        "onsite",
        (38000, 38000, "EUR", "year"),
        (4, None),
    ),
    (
        "es",
        "Analista de datos",
        "Analizarás datos de ventas con SQL y Power BI.\nRequisitos: más de 2 años de experiencia en análisis de datos.\nTeletrabajo parcial en Barcelona.\nSalario: entre 30.000 y 36.000 € brutos anuales.",
        "other",
        "hybrid",
        (30000, 36000, "EUR", "year"),
        (2, None),
    ),
    (
        "es",
        "Ingeniero de machine learning (LLM)",
        "Entrenarás y ajustarás modelos de lenguaje (LLM) y construirás la evaluación de sus respuestas.\nRequisitos: al menos 5 años de experiencia.\nTrabajo en remoto desde México.\nSalario: 60.000 a 75.000 USD anuales.",
        "adjacent",
        "remote",
        (60000, 75000, "USD", "year"),
        (5, None),
    ),
    (
        "nl",
        "AI-engineer generatieve AI",
        "Wij zoeken een AI-engineer die toepassingen bouwt met grote taalmodellen en RAG.\nWat ga je doen:\n- LLM-agents ontwikkelen in Python\nWat vragen we: minimaal 3 jaar ervaring.\nVolledig remote.\nSalaris: € 4.500 tot € 6.000 bruto per maand.",
        "adjacent",
        "remote",
        (4500, 6000, "EUR", "month"),
        (3, None),
    ),
    (
        "nl",
        "Boekhouder",
        "Voor ons kantoor in Utrecht zoeken wij een boekhouder.\nWat ga je doen:\n- Administratie en btw-aangiftes\nWat vragen we: minimaal 2 jaar ervaring.\nJe werkt deels thuis, deels op kantoor.\nSalaris: € 3.200 bruto per maand.",
        "other",
        "hybrid",
        (3200, 3200, "EUR", "month"),
        (2, None),
    ),
    (
        "nl",
        "Prompt engineer",
        "Je schrijft en test prompts voor onze taalmodellen en beoordeelt de antwoorden van de modellen.\nJe ontwerpt prompts die de modellen uitdagen.\nWat vragen we: minimaal 1 jaar ervaring met schrijven.\nWerken op afstand.\nUurtarief: € 30 per uur.",
        "core",
        "remote",
        (30, 30, "EUR", "hour"),
        (1, None),
    ),
    (
        "nl",
        "Backend developer",
        "Je bouwt onze API's in Go en PostgreSQL.\nWat vragen we: ten minste 4 jaar ervaring.\nJe werkt op kantoor in Rotterdam.\nSalaris: € 60.000 per jaar.",
        "other",
        "onsite",
        (60000, 60000, "EUR", "year"),
        (4, None),
    ),
    (
        "nl",
        "Data analist",
        "Je analyseert klantdata met SQL en Python.\nWat vragen we: minimaal 2 jaar werkervaring.\nHybride werken: twee dagen thuis.\nSalaris: € 3.800 tot € 4.600 bruto per maand.",
        "other",
        "hybrid",
        (3800, 4600, "EUR", "month"),
        (2, None),
    ),
    (
        "nl",
        "Conversational AI designer",
        "Je ontwerpt gesprekken voor onze chatbot op basis van grote taalmodellen en test de antwoorden.\nWat vragen we: meer dan 3 jaar ervaring.\nHybride in Amsterdam.\nSalaris: € 5.000 bruto per maand.",
        "adjacent",
        "hybrid",
        (5000, 5000, "EUR", "month"),
        (3, None),
    ),
    (
        "it",
        "AI engineer (IA generativa)",
        "Cerchiamo un AI engineer per sviluppare agenti AI e sistemi RAG con modelli linguistici.\nResponsabilità:\n- Sviluppare applicazioni LLM in Python\nRequisiti: almeno 3 anni di esperienza.\nLavoro da remoto.\nRAL: 40.000 - 50.000 €.",
        "adjacent",
        "remote",
        (40000, 50000, "EUR", "year"),
        (3, None),
    ),
    (
        "it",
        "Contabile",
        "Cerchiamo un contabile per la nostra sede di Torino.\nResponsabilità:\n- Contabilità generale e bilanci\nRequisiti: almeno 2 anni di esperienza.\nLavoro ibrido con due giorni in sede.\nRetribuzione: 1.800 € lordi mensili.",
        "other",
        "hybrid",
        (1800, 1800, "EUR", "month"),
        (2, None),
    ),
    (
        "it",
        "Prompt writer",
        "Scriverai e testerai prompt per valutare le risposte dei modelli linguistici.\nCreerai prompt che mettono in difficoltà i modelli e valuterai le risposte.\nRequisiti: almeno 1 anno di esperienza nella scrittura.\nCompletamente da remoto.\nCompenso: 22 € all'ora.",
        "core",
        "remote",
        (22, 22, "EUR", "hour"),
        (1, None),
    ),
    (
        "it",
        "Sviluppatore backend",
        "Svilupperai i nostri servizi in Java e PostgreSQL.\nRequisiti: più di 4 anni di esperienza.\nLavoro in sede a Milano.\nRAL: 45.000 €.",
        "other",
        "onsite",
        (45000, 45000, "EUR", "year"),
        (4, None),
    ),
    (
        "it",
        "Data analyst",
        "Analizzerai i dati di vendita con SQL e Power BI.\nRequisiti: almeno 2 anni di esperienza.\nSmart working tre giorni a settimana, sede a Bologna.\nRetribuzione: 32.000 € lordi annui.",
        "other",
        "hybrid",
        (32000, 32000, "EUR", "year"),
        (2, None),
    ),
    (
        "it",
        "Ingegnere LLM",
        "Addestrerai e valuterai modelli linguistici di grandi dimensioni (LLM) e costruirai pipeline RAG.\nRequisiti: almeno 5 anni di esperienza.\nLavoro ibrido a Roma.\nRAL: 55.000 - 65.000 €.",
        "adjacent",
        "hybrid",
        (55000, 65000, "EUR", "year"),
        (5, None),
    ),
    (
        "pt",
        "Engenheiro de IA generativa",
        "Procuramos um engenheiro para construir agentes de IA e sistemas RAG com modelos de linguagem.\nResponsabilidades:\n- Desenvolver aplicações com LLM em Python\nRequisitos: pelo menos 3 anos de experiência.\nTrabalho 100% remoto.\nSalário: R$ 18.000 a R$ 24.000 por mês.",
        "adjacent",
        "remote",
        (18000, 24000, "BRL", "month"),
        (3, None),
    ),
    (
        "pt",
        "Contador",
        "Procuramos um contador para o nosso escritório em Lisboa.\nResponsabilidades:\n- Contabilidade geral e impostos\nRequisitos: no mínimo 2 anos de experiência.\nModelo híbrido com dois dias no escritório.\nSalário: 1.600 € por mês.",
        "other",
        "hybrid",
        (1600, 1600, "EUR", "month"),
        (2, None),
    ),
    (
        "pt",
        "Redator de prompts",
        "Você vai escrever e testar prompts para avaliar as respostas de modelos de linguagem.\nVocê vai criar prompts que desafiam os modelos e avaliar as respostas.\nRequisitos: pelo menos 1 ano de experiência em redação.\nTrabalho remoto.\nPagamento: R$ 60 por hora.",
        "core",
        "remote",
        (60, 60, "BRL", "hour"),
        (1, None),
    ),
    (
        "pt",
        "Desenvolvedor backend",
        "Você vai desenvolver nossas APIs em Java e PostgreSQL.\nRequisitos: mais de 4 anos de experiência.\nTrabalho presencial no escritório de São Paulo.\nSalário: R$ 12.000 por mês.",
        "other",
        "onsite",
        (12000, 12000, "BRL", "month"),
        (4, None),
    ),
    (
        "pt",
        "Analista de dados",
        "Você vai analisar dados de vendas com SQL e Power BI.\nRequisitos: pelo menos 2 anos de experiência.\nModelo híbrido em Porto.\nSalário: 28.000 € por ano.",
        "other",
        "hybrid",
        (28000, 28000, "EUR", "year"),
        (2, None),
    ),
    (
        "pt",
        "Engenheiro de LLM",
        "Você vai treinar e avaliar grandes modelos de linguagem (LLM) e construir pipelines RAG.\nRequisitos: no mínimo 5 anos de experiência.\nTrabalho remoto no Brasil.\nSalário: R$ 25.000 a R$ 30.000 por mês.",
        "adjacent",
        "remote",
        (25000, 30000, "BRL", "month"),
        (5, None),
    ),
]
FIELDS = ("role", "remote", "pay", "years")


def _read(extractor: Extractor, case: tuple) -> dict[str, object]:
    return read_fields(extractor, *case[:3])


def test_every_supported_language_has_a_rule_table_with_the_same_sections() -> None:
    found = tables()
    assert set(SUPPORTED_LANGUAGES) <= set(found)
    for code in SUPPORTED_LANGUAGES:
        assert {"headings", "paragraphs", "workplace", "years", "pay", "role"} <= set(found[code])


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}:{c[1]}")
def test_the_posting_language_is_detected(case: tuple) -> None:
    assert detect_language(case[2]) == case[0]


def test_the_statistical_model_answers_as_py3langid_restricted_to_our_languages() -> None:
    # What the model decides (no function word of ours, or two languages' words mixed):
    # the identifier kept without the whole model answers as py3langid's own does.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from transforms.languages import _DETECTABLE, _identifier

    stock = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    stock.set_languages(list(_DETECTABLE))
    texts = [case[2] for case in CASES] + [
        "Ingeniero de datos, Madrid",
        "Datenwissenschaftler (m/w/d) München",
        "Prompt engineer - Lisboa",
        "Machine-learning engineer, Amsterdam",
        "Sviluppatore Python, Milano",
    ]
    assert [_identifier().classify(t) for t in texts] == [stock.classify(t) for t in texts]
    assert set(_identifier().nb_classes) == set(_DETECTABLE)


@pytest.mark.parametrize("lang", sorted({c[0] for c in CASES}))
def test_each_language_reads_role_remote_pay_and_years_on_at_least_five_of_six(
    extractor: Extractor, lang: str
) -> None:
    cases = [c for c in CASES if c[0] == lang]
    assert len(cases) == 6
    right = dict.fromkeys(FIELDS, 0)
    misses = []
    for case in cases:
        got = _read(extractor, case)
        expected = dict(zip(FIELDS, case[3:], strict=True))
        for field in FIELDS:
            if got[field] == expected[field]:
                right[field] += 1
            else:
                misses.append((case[1], field, got[field], expected[field]))
    assert all(n >= 5 for n in right.values()), (right, misses)


def test_japanese_and_korean_years_forms(extractor: Extractor) -> None:
    ja = extractor.extract({"id": "ja", "title": "エンジニア", "text": "Python の実務経験3年以上"})
    ko = extractor.extract({"id": "ko", "title": "엔지니어", "text": "Python 경력 3년 이상 우대"})
    assert ja["years_experience"] == {"min": 3, "max": None}
    assert ko["years_experience"] == {"min": 3, "max": None}


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # A company's age or a time ago is not required experience...
        ("Notre start-up a été fondée il y a 5 ans. Profil : 3 ans d'expérience en Python.", 3),
        ("Vous rejoindrez une équipe dans une entreprise de 10 ans d'histoire.", None),
        (
            "Unser Unternehmen besteht seit 20 Jahren. Profil: mindestens 3 Jahre Berufserfahrung.",
            3,
        ),
        ("La empresa nació hace 8 años. Requisitos: al menos 2 años de experiencia.", 2),
        ("Het bedrijf is 12 jaar geleden opgericht. Je hebt minimaal 4 jaar ervaring.", 4),
        # ...and the words after a number stop at the end of its sentence.
        ("Contrat de 2 ans. Une expérience en SQL est un plus.", None),
        ("Vous avez une expérience de 2 ans minimum en SQL.", 2),
    ],
)
def test_years_are_the_jobs_not_the_companys_age(text: str, years: int | None) -> None:
    found = Extractor().extract({"id": "y", "title": "Ingénieur IA", "text": text})
    got = found["years_experience"]
    assert (got and got["min"]) == years


@pytest.mark.parametrize(
    "line",
    [
        "Homeoffice bis zu 3 Tage pro Woche, Büro in Köln.",
        "Home-Office an zwei Tagen pro Woche möglich.",
        "Mobiles Arbeiten maximal 2 Tage, sonst im Team vor Ort.",
    ],
)
def test_german_homeoffice_for_some_days_is_hybrid(extractor: Extractor, line: str) -> None:
    text = f"Deine Aufgaben\nDu betreust unsere Kunden und pflegst Angebote.\n\n{line}"
    out = extractor.extract({"id": "de-ho", "title": "Kundenberater (m/w/d)", "text": text})
    assert out["remote"] == "hybrid"


def test_one_shared_function_word_does_not_decide_the_language(extractor: Extractor) -> None:
    # "la" is only in the French table's common words, yet Spanish and Italian use it too.
    text = (
        "Quiénes somos\nUna distribuidora de Valencia.\n\nFunciones\nLlevar la contabilidad.\n\n"
        "Requisitos\n2 años de experiencia.\n\nTrabajo remoto desde México."
    )
    out = extractor.extract({"id": "es-short", "title": "Contador", "text": text})
    assert out["language"] == "es"
