"""The role rules of test_role_requirements.py in French, German, Spanish, Dutch, Italian
and Portuguese, on short postings of our own read through the real Extractor.

Each rule has, per language, a pair: the posting the rule keeps from being LLM work
(`held`), and a near copy that names the LLM work itself (`work`), which the rule lets
through. Both assert the role and the AI involvement.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from transforms import languages
from transforms.extract import Extractor
from transforms.sections import heading_kind

LANGS = ("fr", "de", "es", "nl", "it", "pt")


@dataclass(frozen=True)
class Posting:
    title: str
    text: str
    role: str
    ai_involvement: str


# -------------------------------------------------------------------------------------
# LLMs asked only as a skill ("Expérience avec les LLM") do not make a non-AI title
# adjacent; asking for experience *building* with them is the work.
SKILL_ONLY = {
    "fr": (
        "Ingénieur DevOps",
        """Vos missions
- Administrer nos clusters Kubernetes et les pipelines CI/CD de l'API de paiement.
- Tenir à jour les modules Terraform et les procédures d'astreinte.
Profil recherché
- Expérience avec les LLM et l'IA générative.
- Bonnes connaissances des grands modèles de langage.
""",
        "- Expérience dans la conception et le déploiement d'agents LLM avec RAG.\n",
    ),
    "de": (
        "DevOps-Ingenieur (m/w/d)",
        """Deine Aufgaben
- Du betreibst unsere Kubernetes-Cluster und die CI/CD-Pipelines der Zahlungs-API.
- Du pflegst Terraform-Module und die Runbooks für die Rufbereitschaft.
Dein Profil
- Erfahrung mit LLMs und generativer KI.
- Fundierte Kenntnisse über große Sprachmodelle.
""",
        "- Erfahrung im Aufbau und Betrieb von LLM-Agenten mit RAG.\n",
    ),
    "es": (
        "Ingeniero DevOps",
        """Tus funciones
- Administrar nuestros clústeres de Kubernetes y los pipelines de CI/CD de la API de pagos.
- Mantener los módulos de Terraform y los procedimientos de guardia.
Requisitos
- Experiencia con LLMs e IA generativa.
- Conocimientos sólidos de grandes modelos de lenguaje.
""",
        "- Experiencia en el diseño y despliegue de agentes de IA con RAG.\n",
    ),
    "nl": (
        "DevOps-engineer",
        """Wat ga je doen
- Je beheert onze Kubernetes-clusters en de CI/CD-pipelines van de betaal-API.
- Je onderhoudt Terraform-modules en de runbooks voor de piketdienst.
Wat breng je mee
- Ervaring met LLM's en generatieve AI.
- Kennis van grote taalmodellen.
""",
        "- Ervaring met het bouwen en uitrollen van AI-agents met RAG.\n",
    ),
    "it": (
        "Ingegnere DevOps",
        """Le tue responsabilità
- Gestire i nostri cluster Kubernetes e le pipeline CI/CD dell'API dei pagamenti.
- Mantenere i moduli Terraform e le procedure di reperibilità.
Requisiti
- Esperienza con LLM e IA generativa.
- Conoscenza approfondita dei modelli linguistici di grandi dimensioni.
""",
        "- Esperienza nella progettazione e nel rilascio di agenti IA con RAG.\n",
    ),
    "pt": (
        "Engenheira DevOps",
        """Suas responsabilidades
- Administrar nossos clusters Kubernetes e os pipelines de CI/CD da API de pagamentos.
- Manter os módulos Terraform e os procedimentos de plantão.
Requisitos
- Experiência com LLMs e IA generativa.
- Conhecimento sólido de grandes modelos de linguagem.
""",
        "- Experiência no desenvolvimento e implantação de agentes de IA com RAG.\n",
    ),
}

# A "(souhaité)" block and a nice-to-have heading ("Wünschenswert", "Se valorará"...)
# never count; the same lines under the duties do.
NICE_TO_HAVE = {
    "fr": (
        "Développeur Java",
        """Vos missions
- Porter les outils de planification C++ vers un service Java moderne.
- Écrire des tests unitaires et garder une bonne couverture de code.
""",
        "IA générative (souhaité)",
        "Un plus",
        """- Expérience d'hébergement de serveurs d'inférence LLM
- Connaissance des frameworks LLM (LangChain, LlamaIndex)
- Génération augmentée par récupération et ingénierie de prompts
""",
    ),
    "de": (
        "Java-Entwickler (m/w/d)",
        """Deine Aufgaben
- Du portierst die C++-Planungswerkzeuge auf einen modernen Java-Service.
- Du schreibst Unit-Tests und hältst die Testabdeckung hoch.
""",
        "Generative KI (wünschenswert)",
        "Wünschenswert",
        """- Erfahrung mit dem Hosting von LLM-Inferenzservern
- Kenntnisse in LLM-Frameworks (LangChain, LlamaIndex)
- Retrieval-Augmented Generation und Prompt-Engineering
""",
    ),
    "es": (
        "Desarrollador Java",
        """Tus funciones
- Migrar las herramientas de planificación en C++ a un servicio Java moderno.
- Escribir pruebas unitarias y mantener una buena cobertura.
""",
        "IA generativa (deseable)",
        "Se valorará",
        """- Experiencia alojando servidores de inferencia de LLM
- Conocimiento de frameworks de LLM (LangChain, LlamaIndex)
- Generación aumentada por recuperación e ingeniería de prompts
""",
    ),
    "nl": (
        "Java-ontwikkelaar",
        """Wat ga je doen
- Je zet de C++-planningstools over naar een moderne Java-service.
- Je schrijft unittests en houdt de testdekking hoog.
""",
        "Generatieve AI (pré)",
        "Pluspunten",
        """- Ervaring met het hosten van LLM-inferentieservers
- Bekendheid met LLM-frameworks (LangChain, LlamaIndex)
- Retrieval-augmented generation en prompt-engineering
""",
    ),
    "it": (
        "Sviluppatore Java",
        """Le tue responsabilità
- Portare gli strumenti di pianificazione C++ su un servizio Java moderno.
- Scrivere test unitari e mantenere alta la copertura.
""",
        "IA generativa (gradito)",
        "Costituisce un plus",
        """- Esperienza nell'hosting di server di inferenza LLM
- Conoscenza dei framework LLM (LangChain, LlamaIndex)
- Retrieval-augmented generation e prompt engineering
""",
    ),
    "pt": (
        "Desenvolvedor Java",
        """Suas responsabilidades
- Migrar as ferramentas de planejamento em C++ para um serviço Java moderno.
- Escrever testes unitários e manter a cobertura alta.
""",
        "IA generativa (desejável)",
        "Diferenciais",
        """- Experiência hospedando servidores de inferência de LLM
- Conhecimento de frameworks de LLM (LangChain, LlamaIndex)
- Geração aumentada por recuperação e engenharia de prompts
""",
    ),
}

# A nice-to-have marker in the sentence ("Idéalement", "ist von Vorteil", "Se valorará")
# halves it, as "(Preferred)"-style words do in English: (with markers, without).
NICE_MARKERS = {
    "fr": (
        """- Idéalement, une expérience du déploiement d'agents LLM en production.
- Une expérience de la mise en production de RAG serait un plus.
""",
        """- Une expérience du déploiement d'agents LLM en production.
- Une expérience de la mise en production de RAG.
""",
    ),
    "de": (
        """- Idealerweise Erfahrung im Deployment von LLM-Agenten in Produktion.
- Erfahrung mit dem Aufbau von RAG-Systemen ist von Vorteil.
""",
        """- Erfahrung im Deployment von LLM-Agenten in Produktion.
- Erfahrung mit dem Aufbau von RAG-Systemen.
""",
    ),
    "es": (
        """- Idealmente, experiencia en el despliegue de agentes de IA en producción.
- Se valorará experiencia en la implementación de sistemas RAG.
""",
        """- Experiencia en el despliegue de agentes de IA en producción.
- Experiencia en la implementación de sistemas RAG.
""",
    ),
    "nl": (
        """- Bij voorkeur ervaring met het uitrollen van AI-agents in productie.
- Ervaring met het bouwen van RAG-systemen is een pré.
""",
        """- Ervaring met het uitrollen van AI-agents in productie.
- Ervaring met het bouwen van RAG-systemen.
""",
    ),
    "it": (
        """- Preferibilmente esperienza nel rilascio di agenti IA in produzione.
- Costituisce titolo preferenziale l'esperienza nell'implementazione di sistemi RAG.
""",
        """- Esperienza nel rilascio di agenti IA in produzione.
- Esperienza nell'implementazione di sistemi RAG.
""",
    ),
    "pt": (
        """- Desejável experiência na implantação de agentes de IA em produção.
- Experiência na construção de sistemas RAG será um diferencial.
""",
        """- Experiência na implantação de agentes de IA em produção.
- Experiência na construção de sistemas RAG.
""",
    ),
}

# AI agents as a market or a trend ("commerce agentique", "eine Welt, in der KI-Agenten
# einkaufen") are not LLM work; agents the job builds are.
AGENT_MARKET = {
    "fr": (
        "Ingénieur logiciel senior, commerce agentique",
        "Ingénieur logiciel senior, plateforme d'agents",
        """À propos du poste
- Construire les intégrations avec les réseaux de cartes qui règlent les paiements en Europe du Sud.
- Adapter le commerce agentique aux acquéreurs locaux de la région.
- Préparer nos systèmes à un monde où les agents IA achètent pour le compte des clients.
- Renforcer les contrôles antifraude pour le lancement du commerce agentique.
""",
        """- Construire des agents LLM qui planifient et exécutent les remboursements.
- Évaluer les réponses des modèles de langage sur nos jeux de tests.
""",
    ),
    "de": (
        "Senior Softwareentwickler (m/w/d) – agentischer Handel",
        "Senior Softwareentwickler (m/w/d) – Agentenplattform",
        """Deine Aufgaben
- Du baust die Anbindungen an Kartennetzwerke, über die Zahlungen in der DACH-Region laufen.
- Du bereitest den agentischen Handel auf lokale Acquirer vor.
- Du machst unsere Systeme fit für eine Welt, in der KI-Agenten im Auftrag von Kunden einkaufen.
- Du härtest die Betrugsprüfung für den Start des agentischen Handels.
""",
        """- Du entwickelst LLM-Agenten, die Erstattungen planen und ausführen.
- Du bewertest die Antworten der Sprachmodelle mit eigenen Testsätzen.
""",
    ),
    "es": (
        "Ingeniero de software sénior, comercio agéntico",
        "Ingeniero de software sénior, plataforma de agentes",
        """Tus funciones
- Construir las integraciones con las redes de tarjetas que liquidan pagos en Latinoamérica.
- Adaptar el comercio agéntico a los adquirentes locales de la región.
- Preparar nuestros sistemas para un mundo en el que los agentes de IA compran en nombre de los clientes.
- Reforzar los controles antifraude para el lanzamiento del comercio agéntico.
""",
        """- Construir agentes de IA que planifican y ejecutan reembolsos.
- Evaluar las respuestas de los modelos de lenguaje con nuestros conjuntos de pruebas.
""",
    ),
    "nl": (
        "Senior software engineer, agentische handel",
        "Senior software engineer, agentplatform",
        """Wat ga je doen
- Je bouwt de koppelingen met kaartnetwerken die betalingen in de Benelux afhandelen.
- Je past agentische handel aan voor lokale acquirers in de regio.
- Je maakt onze systemen klaar voor een wereld waarin AI-agents namens klanten aankopen doen.
- Je versterkt de fraudecontroles voor de lancering van agentische handel.
""",
        """- Je bouwt AI-agents die terugbetalingen plannen en uitvoeren.
- Je evalueert de antwoorden van taalmodellen met eigen testsets.
""",
    ),
    "it": (
        "Ingegnere software senior, commercio agentico",
        "Ingegnere software senior, piattaforma di agenti",
        """Le tue responsabilità
- Costruire le integrazioni con i circuiti di carte che regolano i pagamenti in Italia.
- Adattare il commercio agentico agli acquirer locali.
- Preparare i nostri sistemi a un mondo in cui gli agenti IA acquistano per conto dei clienti.
- Rafforzare i controlli antifrode per il lancio del commercio agentico.
""",
        """- Costruire agenti IA che pianificano ed eseguono i rimborsi.
- Valutare le risposte dei modelli linguistici con i nostri set di test.
""",
    ),
    "pt": (
        "Engenheiro de software sênior, comércio agêntico",
        "Engenheiro de software sênior, plataforma de agentes",
        """Suas responsabilidades
- Construir as integrações com as bandeiras de cartão que liquidam pagamentos no Brasil.
- Adaptar o comércio agêntico aos adquirentes locais.
- Preparar nossos sistemas para um mundo em que agentes de IA compram em nome dos clientes.
- Reforçar os controles antifraude para o lançamento do comércio agêntico.
""",
        """- Construir agentes de IA que planejam e executam reembolsos.
- Avaliar as respostas dos modelos de linguagem com nossos conjuntos de testes.
""",
    ),
}

# Analytics/BI titles: AI agents or assistants reading the data are its consumers; a duty
# naming LLM technology itself ("grands modèles de langage", "Sprachmodelle") is LLM work.
ANALYTICS = {
    "fr": (
        "Ingénieur analytics senior",
        """Vos responsabilités
- Maintenir la couche sémantique pour que les tableaux de bord, le SQL ad hoc et les agents IA voient les mêmes chiffres.
- Modéliser les données de commandes dans dbt pour les outils BI et les assistants IA.
- Fournir des données propres aux workflows agentiques de nos entrepôts.
""",
        "- Brancher les grands modèles de langage sur l'entrepôt pour répondre aux questions en langage naturel.\n",
    ),
    "de": (
        "Senior BI-Entwickler (m/w/d)",
        """Deine Aufgaben
- Du verantwortest die semantische Schicht, damit Dashboards, Ad-hoc-SQL und KI-Agenten dieselben Zahlen sehen.
- Du modellierst unsere Bestelldaten in dbt für BI-Tools und KI-Assistenten.
- Du lieferst saubere Daten für die agentischen Workflows im Lager.
""",
        "- Du bindest große Sprachmodelle an das Data Warehouse an, damit Fachbereiche Fragen in natürlicher Sprache stellen.\n",
    ),
    "es": (
        "Ingeniera de analítica sénior",
        """Tus funciones
- Mantener la capa semántica para que los paneles, el SQL ad hoc y los agentes de IA vean las mismas cifras.
- Modelar los datos de pedidos en dbt para las herramientas de BI y los asistentes de IA.
- Entregar datos limpios a los flujos agénticos del almacén.
""",
        "- Conectar los grandes modelos de lenguaje al almacén para responder preguntas en lenguaje natural.\n",
    ),
    "nl": (
        "Senior BI-ontwikkelaar",
        """Wat ga je doen
- Je beheert de semantische laag, zodat dashboards, ad-hoc-SQL en AI-agents dezelfde cijfers zien.
- Je modelleert onze orderdata in dbt voor BI-tools en AI-assistenten.
- Je levert schone data aan de agentische workflows in ons magazijn.
""",
        "- Je koppelt grote taalmodellen aan het datawarehouse, zodat collega's vragen in gewone taal stellen.\n",
    ),
    "it": (
        "Sviluppatore BI senior",
        """Le tue responsabilità
- Curare il livello semantico perché dashboard, SQL ad hoc e agenti IA vedano gli stessi numeri.
- Modellare i dati degli ordini in dbt per gli strumenti di BI e gli assistenti IA.
- Fornire dati puliti ai flussi agentici del magazzino.
""",
        "- Collegare i modelli linguistici al data warehouse per rispondere a domande in linguaggio naturale.\n",
    ),
    "pt": (
        "Engenheiro de analytics sênior",
        """Suas responsabilidades
- Manter a camada semântica para que dashboards, SQL ad hoc e agentes de IA vejam os mesmos números.
- Modelar os dados de pedidos no dbt para as ferramentas de BI e os assistentes de IA.
- Entregar dados limpos aos fluxos agênticos do armazém.
""",
        "- Conectar os grandes modelos de linguagem ao data warehouse para responder perguntas em linguagem natural.\n",
    ),
}

# Product titles build products: LLM duties make them adjacent. A sales title with the
# same duties sells the product.
PRODUCT = {
    "fr": (
        "Chef de produit – Factures",
        "Commercial grands comptes – Factures",
        """Vos missions
- Piloter la feuille de route de nos fonctionnalités d'extraction de documents fondées sur les LLM.
- Définir les méthodes d'évaluation des réponses de l'IA générative avec l'équipe IA appliquée.
- Livrer des workflows agentiques qui clôturent les comptes des équipes finance.
""",
    ),
    "de": (
        "Produktmanager (m/w/d) Rechnungen",
        "Key Account Manager (m/w/d) Rechnungen",
        """Deine Aufgaben
- Du verantwortest die Roadmap unserer LLM-basierten Dokumentenextraktion.
- Du legst mit dem Applied-AI-Team fest, wie Antworten der generativen KI bewertet werden.
- Du lieferst agentische Workflows, mit denen Finanzteams ihre Monatsabschlüsse erledigen.
""",
    ),
    "es": (
        "Responsable de producto – Facturación",
        "Ejecutivo de cuentas – Facturación",
        """Tus funciones
- Definir la hoja de ruta de nuestras funciones de extracción de documentos basadas en LLMs.
- Establecer con el equipo de IA aplicada cómo se evalúan las respuestas de la IA generativa.
- Lanzar flujos agénticos que cierran la contabilidad de los equipos de finanzas.
""",
    ),
    "nl": (
        "Productmanager Facturen",
        "Accountmanager Facturen",
        """Wat ga je doen
- Je bent eigenaar van de roadmap van onze LLM-gebaseerde documentextractie.
- Je bepaalt met het applied-AI-team hoe antwoorden van generatieve AI worden geëvalueerd.
- Je levert agentische workflows waarmee financeteams hun boekhouding afsluiten.
""",
    ),
    "it": (
        "Responsabile prodotto – Fatturazione",
        "Consulente commerciale – Fatturazione",
        """Le tue responsabilità
- Definire la roadmap delle nostre funzionalità di estrazione documentale basate su LLM.
- Stabilire con il team di IA applicata come valutare le risposte dell'IA generativa.
- Rilasciare flussi agentici che chiudono la contabilità dei team finance.
""",
    ),
    "pt": (
        "Gerente de produto – Faturamento",
        "Executivo de contas – Faturamento",
        """Suas responsabilidades
- Definir o roadmap das nossas funcionalidades de extração de documentos baseadas em LLMs.
- Estabelecer com o time de IA aplicada como avaliar as respostas da IA generativa.
- Lançar fluxos agênticos que fecham a contabilidade dos times de finanças.
""",
    ),
}

# A sales title that names AI ("Commerciale IA générative") sells it: never adjacent.
BUSINESS_AI_TITLE = {
    "fr": "Commerciale grands comptes IA générative",
    "de": "Vertriebsmitarbeiter (m/w/d) generative KI",
    "es": "Ejecutiva de ventas de IA generativa",
    "nl": "Accountmanager generatieve AI",
    "it": "Consulente commerciale IA generativa",
    "pt": "Executiva de vendas de IA generativa",
}

# A title that names building AI ("Spécialiste IA générative", "KI-Spezialist") wins over
# the business word after it, which names the team served.
AI_ROLE_TITLE = {
    "fr": (
        "Spécialiste IA générative – Marketing",
        "Responsable marketing",
        """Vos missions
- Construire des agents sur mesure et des workflows LLM pour l'équipe marketing.
- Transformer les demandes récurrentes en outils internes sur notre plateforme LLM.
""",
    ),
    "de": (
        "KI-Spezialist (m/w/d) Marketing",
        "Marketingmanager (m/w/d)",
        """Deine Aufgaben
- Du baust individuelle Agenten und LLM-Workflows für das Marketingteam.
- Du machst aus wiederkehrenden Anfragen interne Tools auf unserer LLM-Plattform.
""",
    ),
    "es": (
        "Especialista en IA generativa – Marketing",
        "Responsable de marketing",
        """Tus funciones
- Construir agentes a medida y flujos con LLMs para el equipo de marketing.
- Convertir las peticiones recurrentes en herramientas internas sobre nuestra plataforma de LLMs.
""",
    ),
    "nl": (
        "AI-specialist Marketing",
        "Marketingmanager",
        """Wat ga je doen
- Je bouwt maatwerkagents en LLM-workflows voor het marketingteam.
- Je maakt van terugkerende verzoeken interne tools op ons LLM-platform.
""",
    ),
    "it": (
        "Specialista di IA generativa – Marketing",
        "Responsabile marketing",
        """Le tue responsabilità
- Costruire agenti su misura e flussi LLM per il team marketing.
- Trasformare le richieste ricorrenti in strumenti interni sulla nostra piattaforma LLM.
""",
    ),
    "pt": (
        "Especialista em IA generativa – Marketing",
        "Gerente de marketing",
        """Suas responsabilidades
- Construir agentes sob medida e fluxos com LLMs para o time de marketing.
- Transformar pedidos recorrentes em ferramentas internas na nossa plataforma de LLMs.
""",
    ),
}

# Naming prompt engineering as a noun ("ingénierie de prompts") is not authoring prompts:
# a technical writer documenting a GenAI platform is adjacent, as in English; writing
# prompts and questions that test models is core (outside engineering titles).
PROMPT_NOUN = {
    "fr": (
        "Rédactrice technique",
        """Vos missions
- Rédiger la documentation de notre plateforme d'IA générative.
- Présenter aux clients les bonnes pratiques d'ingénierie de prompts et travailler avec notre équipe d'ingénierie de prompts.
""",
        """Vos missions
- Rédiger des prompts et des questions qui testent les modèles de langage en droit du travail.
- Présenter aux clients les bonnes pratiques d'ingénierie de prompts.
""",
    ),
    "de": (
        "Technischer Redakteur (m/w/d)",
        """Deine Aufgaben
- Du schreibst die Dokumentation unserer Plattform für generative KI.
- Du zeigst Kunden Best Practices im Prompt-Engineering und arbeitest mit unserem Prompt-Engineering-Team.
""",
        """Deine Aufgaben
- Du schreibst Prompts und Fragen, die Sprachmodelle testen, etwa im Arbeitsrecht.
- Du zeigst Kunden Best Practices im Prompt-Engineering.
""",
    ),
    "es": (
        "Redactora técnica",
        """Tus funciones
- Redactar la documentación de nuestra plataforma de IA generativa.
- Mostrar a los clientes buenas prácticas de ingeniería de prompts y colaborar con nuestro equipo de ingeniería de prompts.
""",
        """Tus funciones
- Redactar prompts y preguntas que pongan a prueba los modelos de lenguaje en derecho laboral.
- Mostrar a los clientes buenas prácticas de ingeniería de prompts.
""",
    ),
    "nl": (
        "Technisch schrijver",
        """Wat ga je doen
- Je schrijft de documentatie van ons platform voor generatieve AI.
- Je laat klanten best practices voor prompt-engineering zien en werkt samen met ons prompt-engineeringteam.
""",
        """Wat ga je doen
- Je schrijft prompts en vragen die taalmodellen testen op arbeidsrecht.
- Je laat klanten best practices voor prompt-engineering zien.
""",
    ),
    "it": (
        "Redattrice tecnica",
        """Le tue responsabilità
- Scrivere la documentazione della nostra piattaforma di IA generativa.
- Mostrare ai clienti le buone pratiche di ingegneria dei prompt e collaborare con il nostro team di ingegneria dei prompt.
""",
        """Le tue responsabilità
- Scrivere prompt e domande che mettano alla prova i modelli linguistici sul diritto del lavoro.
- Mostrare ai clienti le buone pratiche di ingegneria dei prompt per i modelli linguistici.
""",
    ),
    "pt": (
        "Redatora técnica",
        """Suas responsabilidades
- Escrever a documentação da nossa plataforma de IA generativa.
- Mostrar aos clientes boas práticas de engenharia de prompts e colaborar com nosso time de engenharia de prompts.
""",
        """Suas responsabilidades
- Escrever prompts e perguntas que testem os modelos de linguagem em direito trabalhista.
- Mostrar aos clientes boas práticas de engenharia de prompts.
""",
    ),
}

# An engineering title ("Ingénieure logiciel", "Softwareentwickler") writing prompts is
# an LLM engineer, not a prompt author (adjacent, not core).
ENGINEERING_TITLE = {
    "fr": "Ingénieure logiciel",
    "de": "Softwareentwickler (m/w/d)",
    "es": "Desarrolladora de software",
    "nl": "Softwareontwikkelaar",
    "it": "Sviluppatrice software",
    "pt": "Desenvolvedora de software",
}

# ...unless the job is AI-trainer work: rating model answers into training data.
TRAINER_DUTY = {
    "fr": "- Noter les réponses générées par l'IA pour constituer des données d'entraînement.\n",
    "de": "- Du bewertest Antworten von Sprachmodellen und erstellst daraus Trainingsdaten.\n",
    "es": "- Calificar respuestas generadas por la IA para crear datos de entrenamiento.\n",
    "nl": "- Je beoordeelt antwoorden van taalmodellen en maakt er trainingsdata van.\n",
    "it": "- Valutare le risposte generate dall'IA per creare dati di addestramento.\n",
    "pt": "- Avaliar respostas geradas por IA para criar dados de treinamento.\n",
}

# A title where AI qualifies the job ("Chef de produit IA", "KI-Produktmanager") reads
# its LLM requirements as its work.
AI_TITLE = {
    "fr": "Chef de produit IA",
    "de": "KI-Produktmanager (m/w/d)",
    "es": "Gerente de producto de IA",
    "nl": "AI-adviseur",
    "it": "Product manager IA",
    "pt": "Gerente de produto de IA",
}

# Using GenAI in the work ("Utiliser l'IA générative au quotidien") is tool use: `uses`,
# never adjacent; integrating it into the product is LLM work.
TOOL_USE = {
    "fr": (
        "Développeur back-end",
        "- Développer les API de notre place de marché en Go et PostgreSQL.\n",
        """- Utiliser l'IA générative au quotidien pour écrire les tests et la documentation.
- Se servir des outils d'IA générative pour relire le code avant chaque revue.
""",
        """- Intégrer l'IA générative dans notre moteur de recherche avec des LLM et du RAG.
- Évaluer les réponses des LLM avant chaque mise en production.
""",
    ),
    "de": (
        "Backend-Entwickler (m/w/d)",
        "- Du entwickelst die APIs unseres Marktplatzes in Go und PostgreSQL.\n",
        """- Du nutzt generative KI im Alltag, um Tests und Dokumentation zu schreiben.
- Du setzt generative KI beim Code-Review ein.
""",
        """- Du integrierst generative KI mit LLMs und RAG in unsere Suche.
- Du bewertest die Antworten der LLMs vor jedem Release.
""",
    ),
    "es": (
        "Desarrollador backend",
        "- Desarrollar las API de nuestro marketplace en Go y PostgreSQL.\n",
        """- Usar la IA generativa a diario para escribir pruebas y documentación.
- Apoyarte en herramientas de IA generativa para revisar el código antes de cada revisión.
""",
        """- Integrar la IA generativa en nuestro buscador con LLMs y RAG.
- Evaluar las respuestas de los LLMs antes de cada lanzamiento.
""",
    ),
    "nl": (
        "Backend-ontwikkelaar",
        "- Je ontwikkelt de API's van onze marktplaats in Go en PostgreSQL.\n",
        """- Je gebruikt generatieve AI dagelijks om tests en documentatie te schrijven.
- Je werkt met generatieve AI om code na te lezen voor elke review.
""",
        """- Je integreert generatieve AI met LLM's en RAG in onze zoekfunctie.
- Je evalueert de antwoorden van de LLM's voor elke release.
""",
    ),
    "it": (
        "Sviluppatore backend",
        "- Sviluppare le API del nostro marketplace in Go e PostgreSQL.\n",
        """- Usare l'IA generativa ogni giorno per scrivere test e documentazione.
- Avvalerti di strumenti di IA generativa per rileggere il codice prima di ogni revisione.
""",
        """- Integrare l'IA generativa nel nostro motore di ricerca con LLM e RAG.
- Valutare le risposte degli LLM prima di ogni rilascio.
""",
    ),
    "pt": (
        "Desenvolvedor backend",
        "- Desenvolver as APIs do nosso marketplace em Go e PostgreSQL.\n",
        """- Usar a IA generativa no dia a dia para escrever testes e documentação.
- Utilizar ferramentas de IA generativa para revisar o código antes de cada revisão.
""",
        """- Integrar a IA generativa ao nosso buscador com LLMs e RAG.
- Avaliar as respostas dos LLMs antes de cada lançamento.
""",
    ),
}

# The employer's own AI in an untitled intro ("Notre plateforme d'IA générative...",
# "Unsere Kunden ... mit unseren KI-Agenten") is a company blurb, not the job's work: the
# same sentences as duties are. (intro, duties, the intro's AI as duties)
BLURB = {
    "fr": (
        "Rejoignez Acme ! Notre plateforme d'IA générative aide les équipes finance à clôturer leurs comptes. Nos clients traitent des millions de factures avec nos agents IA.\n",
        """Vos missions
- Développer les API de facturation en Go et PostgreSQL.
- Maintenir les files de messages et la supervision.
""",
        """- Construire la plateforme d'IA générative qui aide les équipes finance à clôturer leurs comptes.
- Développer les agents IA qui traitent des millions de factures.
""",
    ),
    "de": (
        "Werde Teil von Acme! Unsere Plattform für generative KI hilft Finanzteams beim Monatsabschluss. Unsere Kunden verarbeiten mit unseren KI-Agenten Millionen Rechnungen.\n",
        """Deine Aufgaben
- Du entwickelst die Abrechnungs-APIs in Go und PostgreSQL.
- Du betreust Message-Queues und Monitoring.
""",
        """- Du baust die Plattform für generative KI, die Finanzteams beim Monatsabschluss hilft.
- Du entwickelst die KI-Agenten, die Millionen Rechnungen verarbeiten.
""",
    ),
    "es": (
        "¡Únete a Acme! Nuestra plataforma de IA generativa ayuda a los equipos de finanzas a cerrar sus cuentas. Nuestros clientes procesan millones de facturas con nuestros agentes de IA.\n",
        """Tus funciones
- Desarrollar las API de facturación en Go y PostgreSQL.
- Mantener las colas de mensajes y la monitorización.
""",
        """- Construir la plataforma de IA generativa que ayuda a los equipos de finanzas a cerrar sus cuentas.
- Desarrollar los agentes de IA que procesan millones de facturas.
""",
    ),
    "nl": (
        "Kom bij Acme! Ons platform voor generatieve AI helpt financeteams hun boekhouding af te sluiten. Onze klanten verwerken met onze AI-agents miljoenen facturen.\n",
        """Wat ga je doen
- Je ontwikkelt de facturatie-API's in Go en PostgreSQL.
- Je beheert de message queues en de monitoring.
""",
        """- Je bouwt het platform voor generatieve AI dat financeteams helpt hun boekhouding af te sluiten.
- Je ontwikkelt de AI-agents die miljoenen facturen verwerken.
""",
    ),
    "it": (
        "Unisciti ad Acme! La nostra piattaforma di IA generativa aiuta i team finance a chiudere la contabilità. I nostri clienti elaborano milioni di fatture con i nostri agenti IA.\n",
        """Le tue responsabilità
- Sviluppare le API di fatturazione in Go e PostgreSQL.
- Gestire le code di messaggi e il monitoraggio.
""",
        """- Costruire la piattaforma di IA generativa che aiuta i team finance a chiudere la contabilità.
- Sviluppare gli agenti IA che elaborano milioni di fatture.
""",
    ),
    "pt": (
        "Venha para a Acme! Nossa plataforma de IA generativa ajuda times de finanças a fechar a contabilidade. Nossos clientes processam milhões de notas fiscais com nossos agentes de IA.\n",
        """Suas responsabilidades
- Desenvolver as APIs de faturamento em Go e PostgreSQL.
- Manter as filas de mensagens e o monitoramento.
""",
        """- Construir a plataforma de IA generativa que ajuda times de finanças a fechar a contabilidade.
- Desenvolver os agentes de IA que processam milhões de notas fiscais.
""",
    ),
}

# A word that only hints at LLM work ("inférence", "Inferenz") counts half, as English
# "inference" does: with one duty naming LLMs outright it makes a backend job adjacent.
HINTS = {
    "fr": ("Ingénieur backend", "- Brancher des modèles de langage sur notre moteur de recherche.\n", "- Réduire la latence d'inférence de nos services.\n"),
    "de": ("Backend-Entwickler (m/w/d)", "- Du bindest Sprachmodelle an unsere Suche an.\n", "- Du senkst die Latenz der Inferenz unserer Dienste.\n"),
    "es": ("Desarrollador backend", "- Conectar modelos de lenguaje a nuestro buscador.\n", "- Reducir la latencia de inferencia de nuestros servicios.\n"),
    "nl": ("Backend-ontwikkelaar", "- Je koppelt taalmodellen aan onze zoekfunctie.\n", "- Je verlaagt de latentie van de inferentie van onze diensten.\n"),
    "it": ("Sviluppatore backend", "- Collegare i modelli linguistici al nostro motore di ricerca.\n", "- Ridurre la latenza di inferenza dei nostri servizi.\n"),
    "pt": ("Desenvolvedor backend", "- Conectar modelos de linguagem ao nosso buscador.\n", "- Reduzir a latência de inferência dos nossos serviços.\n"),
}  # fmt: skip

_DUTIES = {
    "fr": "Vos missions",
    "de": "Deine Aufgaben",
    "es": "Tus funciones",
    "nl": "Wat ga je doen",
    "it": "Le tue responsabilità",
    "pt": "Suas responsabilidades",
}


def _cases() -> list[tuple[str, str, Posting]]:
    """(rule, lang, posting) for every rule, language and side of the rule."""
    out: list[tuple[str, str, Posting]] = []
    for lang in LANGS:
        title, text, build = SKILL_ONLY[lang]
        out.append(("skill-only:held", lang, Posting(title, text, "other", "mentions")))
        out.append(("skill-only:work", lang, Posting(title, text + build, "adjacent", "builds")))
        out.append(("ai-title:work", lang, Posting(AI_TITLE[lang], text, "adjacent", "builds")))

        title, duties, block, heading, lines = NICE_TO_HAVE[lang]
        out += [
            ("nice-block:held", lang, Posting(title, f"{duties}{block}\n{lines}", "other", "mentions")),
            ("nice-heading:held", lang, Posting(title, f"{duties}{heading}\n{lines}", "other", "mentions")),
            ("nice:work", lang, Posting(title, duties + lines, "adjacent", "builds")),
        ]  # fmt: skip
        marked, plain = NICE_MARKERS[lang]
        out.append(("nice-marker:held", lang, Posting(title, duties + marked, "other", "mentions")))
        out.append(("nice-marker:work", lang, Posting(title, duties + plain, "adjacent", "builds")))

        market_title, work_title, text, build = AGENT_MARKET[lang]
        out.append(("agent-market:held", lang, Posting(market_title, text, "other", "mentions")))
        out.append(("agent-market:work", lang, Posting(work_title, text + build, "adjacent", "builds")))  # fmt: skip

        title, text, build = ANALYTICS[lang]
        out.append(("analytics:held", lang, Posting(title, text, "other", "mentions")))
        out.append(("analytics:work", lang, Posting(title, text + build, "adjacent", "builds")))

        product, sales, text = PRODUCT[lang]
        out.append(("product:work", lang, Posting(product, text, "adjacent", "builds")))
        out.append(("product:held-sales", lang, Posting(sales, text, "other", "mentions")))
        seller = BUSINESS_AI_TITLE[lang]
        out.append(("business-ai-title:held", lang, Posting(seller, text, "other", "mentions")))

        ai_title, business, text = AI_ROLE_TITLE[lang]
        out.append(("ai-role-title:work", lang, Posting(ai_title, text, "adjacent", "builds")))
        out.append(("ai-role-title:held-business", lang, Posting(business, text, "other", "mentions")))  # fmt: skip

        title, noun, authoring = PROMPT_NOUN[lang]
        out.append(("prompt-noun:held", lang, Posting(title, noun, "adjacent", "builds")))
        out.append(("prompt-noun:authoring", lang, Posting(title, authoring, "core", "builds")))
        engineer = ENGINEERING_TITLE[lang]
        out.append(("engineering-title:work", lang, Posting(engineer, authoring, "adjacent", "builds")))  # fmt: skip
        trainer = authoring + TRAINER_DUTY[lang]
        out.append(
            ("engineering-title:trainer", lang, Posting(engineer, trainer, "core", "builds"))
        )

        title, first, uses, builds = TOOL_USE[lang]
        head = f"{_DUTIES[lang]}\n{first}"
        out.append(("tool-use:held", lang, Posting(title, head + uses, "other", "uses")))
        out.append(("tool-use:work", lang, Posting(title, head + builds, "adjacent", "builds")))

        title, strong, hint = HINTS[lang]
        head = f"{_DUTIES[lang]}\n{strong}"
        out.append(("hint:held", lang, Posting(title, head, "other", "mentions")))
        out.append(("hint:work", lang, Posting(title, head + hint, "adjacent", "builds")))

        intro, duties, as_duties = BLURB[lang]
        out.append(("blurb:held", lang, Posting(title, intro + duties, "other", "mentions")))
        out.append(("blurb:work", lang, Posting(title, duties + as_duties, "adjacent", "builds")))
    return out


CASES = _cases()


@pytest.mark.parametrize(
    ("rule", "lang", "posting"), CASES, ids=[f"{lang}-{rule}" for rule, lang, _ in CASES]
)
def test_role_rule_in_each_language(
    extractor: Extractor, rule: str, lang: str, posting: Posting
) -> None:
    out = extractor.extract({"id": f"{lang}-{rule}", "title": posting.title, "text": posting.text})
    assert out["language"] == lang
    got = (out["role"], out["ai_involvement"])
    assert got == (posting.role, posting.ai_involvement), out["role_evidence"]


def test_every_language_has_every_role_list_english_has() -> None:
    tables = languages.tables()
    english = set(tables["en"]["role"])
    for lang in LANGS:
        role = tables[lang]["role"]
        missing = english - set(role)
        # English-only lists: AI coding tools are named alike in every language.
        assert missing <= {"tool_use_sentences"}, (lang, missing)
        empty = [key for key in english & set(role) if not role[key]]
        assert not empty, (lang, empty)


@pytest.mark.parametrize(
    "heading",
    [
        "Wünschenswert", "Von Vorteil", "Pluspunkte", "Un plus", "Ce serait un plus",
        "Compétences appréciées", "Se valorará", "Valorable", "Requisitos deseables",
        "Pluspunten", "Pré's", "Mooi meegenomen", "Costituisce un plus",
        "Requisiti preferenziali", "Diferenciais", "Desejável", "Requisitos desejáveis",
    ],
)  # fmt: skip
def test_nice_to_have_headings_of_each_language(heading: str) -> None:
    assert heading_kind(heading) == "nice"


def test_english_words_are_not_read_as_other_languages_build_verbs(extractor: Extractor) -> None:
    """The tables are merged, so the other languages' build verbs also run on English text:
    "distributed", "concepts", "integrity", "productivity", "construction" are not the
    Italian "distribuire", French "concevoir", Spanish "integrar", "productivizar" or
    "construir" before the LLM words of a skill requirement."""
    text = """What you'll do
- Run our Kubernetes clusters and the CI/CD pipelines that ship the payments API.
Requirements
- Familiarity with distributed systems concepts and LLMs.
- Experience with data integrity, productivity tooling, construction tech and large language models.
"""
    out = extractor.extract({"id": "en-verbs", "title": "Site Reliability Engineer", "text": text})
    assert (out["language"], out["role"]) == ("en", "other"), out["role_evidence"]


# -------------------------------------------------------------------------------------
# "AI" as the name of the team a title sits in ("Chef de produit (Acme IA)") does not make
# the title AI work; the same duties under a title where AI qualifies the job do.
# (title with the team's name, AI title, duties naming server-side LLMs once)
AI_TEAM = {
    "fr": ("Chef de produit (Acme IA)", "Chef de produit IA", """Vos missions
- Choisir les problèmes de recommandation qui valent la peine et rédiger les spécifications.
- Aligner les marques, le juridique et l'équipe technique sur une seule feuille de route.
- Nos projets vont des modèles de classement embarqués aux LLM côté serveur.
"""),
    "de": ("Produktmanager (Acme KI)", "KI-Produktmanager", """Deine Aufgaben
- Du entscheidest, welche Matching-Probleme sich lohnen, und schreibst die Anforderungen.
- Du bringst Marken, Rechtsabteilung und Entwicklung auf eine gemeinsame Roadmap.
- Unsere Projekte reichen von Ranking-Modellen auf dem Gerät bis zu LLMs auf dem Server.
"""),
    "es": ("Product Manager (Acme IA)", "Product Manager de IA", """Tus funciones
- Decidir qué problemas de recomendación merecen la pena y redactar los requisitos.
- Alinear a las marcas, el equipo legal y el de ingeniería en una sola hoja de ruta.
- Nuestros proyectos van de modelos de ranking en el dispositivo a LLMs en el servidor.
"""),
    "nl": ("Productmanager (Acme AI)", "AI-productmanager", """Wat ga je doen
- Je bepaalt welke matchingproblemen de moeite waard zijn en schrijft de requirements.
- Je brengt de merken, legal en het engineeringteam samen op één roadmap.
- Onze projecten lopen van rankingmodellen op het toestel tot LLM's op de server.
"""),
    "it": ("Product Manager (Acme IA)", "Product Manager IA", """Le tue responsabilità
- Scegliere quali problemi di raccomandazione vale la pena risolvere e scrivere i requisiti.
- Allineare i brand, l'ufficio legale e il team di ingegneria su un'unica roadmap.
- I nostri progetti vanno dai modelli di ranking sul dispositivo agli LLM lato server.
"""),
    "pt": ("Gerente de Produto (Acme IA)", "Gerente de Produto de IA", """Suas responsabilidades
- Decidir quais problemas de recomendação valem a pena e escrever os requisitos.
- Alinhar as marcas, o jurídico e o time de engenharia em um único roadmap.
- Nossos projetos vão de modelos de ranking no dispositivo a LLMs no servidor.
"""),
}  # fmt: skip

# AI as an era or a force of change ("l'ère des agents IA", "wie generative KI ... verändert")
# names no AI work; a duty that builds with LLMs does. (title, era duties, building duty)
AI_ERA = {
    "fr": ("Ingénieur logiciel, Facturation", """Vos missions
- Préparer notre plateforme de facturation à l'ère des agents IA.
- Expliquer à la direction comment l'IA générative transforme le secteur des paiements.
""", "- Concevoir et déployer des agents LLM avec RAG pour le support de facturation.\n"
    "- Évaluer et affiner les prompts de ces agents à chaque nouveau modèle.\n"),
    "de": ("Softwareentwickler, Abrechnung", """Deine Aufgaben
- Du machst unsere Abrechnungsplattform fit für das Zeitalter der KI-Agenten.
- Du erklärst der Geschäftsführung, wie generative KI die Zahlungsbranche verändert.
""", "- Du entwickelst und betreibst LLM-Agenten mit RAG für den Abrechnungssupport.\n"
    "- Du evaluierst und optimierst ihre Prompts bei jedem neuen Modell.\n"),
    "es": ("Ingeniero de software, Facturación", """Tus funciones
- Preparar nuestra plataforma de facturación para la era de los agentes de IA.
- Explicar a la dirección cómo la IA generativa transforma el sector de pagos.
""", "- Diseñar y desplegar agentes LLM con RAG para el soporte de facturación.\n"
    "- Evaluar y ajustar los prompts de esos agentes con cada modelo nuevo.\n"),
    "nl": ("Software-engineer, Facturatie", """Wat ga je doen
- Je maakt ons facturatieplatform klaar voor het tijdperk van AI-agents.
- Je legt de directie uit hoe generatieve AI de betaalsector verandert.
""", "- Je bouwt en beheert LLM-agents met RAG voor de facturatiesupport.\n"
    "- Je evalueert en verfijnt hun prompts bij elk nieuw model.\n"),
    "it": ("Ingegnere del software, Fatturazione", """Le tue responsabilità
- Preparare la nostra piattaforma di fatturazione all'era degli agenti di IA.
- Spiegare alla direzione come l'IA generativa trasforma il settore dei pagamenti.
""", "- Progettare e rilasciare agenti LLM con RAG per il supporto alla fatturazione.\n"
    "- Valutare e ottimizzare i prompt di questi agenti a ogni nuovo modello.\n"),
    "pt": ("Engenheiro de software, Faturamento", """Suas responsabilidades
- Preparar nossa plataforma de faturamento para a era dos agentes de IA.
- Explicar à diretoria como a IA generativa transforma o setor de pagamentos.
""", "- Projetar e implantar agentes LLM com RAG para o suporte de faturamento.\n"
    "- Avaliar e ajustar os prompts desses agentes a cada novo modelo.\n"),
}  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
def test_ai_as_the_team_name_of_a_title_in_each_language(extractor: Extractor, lang: str) -> None:
    team_title, ai_title, duties = AI_TEAM[lang]
    held = extractor.extract({"id": f"{lang}-team", "title": team_title, "text": duties})
    assert held["language"] == lang
    assert held["role"] == "other", held["role_evidence"]
    work = extractor.extract({"id": f"{lang}-ai", "title": ai_title, "text": duties})
    assert work["role"] == "adjacent", work["role_evidence"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_ai_era_names_no_ai_work_in_each_language(extractor: Extractor, lang: str) -> None:
    title, era, build = AI_ERA[lang]
    held = extractor.extract({"id": f"{lang}-era", "title": title, "text": era})
    assert held["language"] == lang
    assert held["role"] == "other", held["role_evidence"]
    work = extractor.extract({"id": f"{lang}-build", "title": title, "text": era + build})
    assert work["role"] == "adjacent", work["role_evidence"]
