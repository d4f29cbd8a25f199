"""Six postings of our own per language (French, German, Spanish, Dutch, Italian,
Portuguese) laid out as real ones are: an "about us" paragraph, the job's duties and
profile, benefits with perk amounts, a legal notice, each under a heading in the posting's
language. The extractor reads language, role, remote, pay and years from the job, and
no skill from the employer's description, benefits or legal text.

Written for this test (not taken from any corpus); each expectation is what a reader of
the posting would say."""

from __future__ import annotations

import pytest
from language_cases import read_fields

from transforms.extract import Extractor

# (lang, title, text, role, remote, (min, max, currency, period) | None, (min, max) | None)
CASES = [
    # ---------------------------------------------------------------- French
    (
        "fr",
        "Comptable fournisseurs (H/F)",
        "À propos de nous\nNous sommes une fintech qui met l'intelligence artificielle au service "
        "des trésoriers. Fondée en 2016, notre équipe compte 300 personnes.\n"
        "Vos missions\n- Saisir et contrôler les factures fournisseurs\n- Préparer les clôtures "
        "mensuelles sous Excel et SAP\n"
        "Votre profil\n- 2 à 3 ans d'expérience en comptabilité fournisseurs\n"
        "Le poste est basé à Lille, avec deux jours de télétravail par semaine.\n"
        "Rémunération : 38 000 € à 42 000 € brut annuel.\n"
        "Nos avantages\n- Prime de participation jusqu'à 2 000 € par an\n- Mutuelle prise en "
        "charge à 100 %\n"
        "Diversité et inclusion\nNous étudions toutes les candidatures sans distinction d'origine, "
        "de genre ou de handicap.",
        "other",
        "hybrid",
        (38000, 42000, "EUR", "year"),
        (2, 3),
    ),
    (
        "fr",
        "Ingénieur(e) LLM",
        "Qui sommes-nous ?\nNous éditons un logiciel de gestion pour les cabinets d'avocats.\n"
        "Le poste\nVous concevrez nos assistants basés sur des grands modèles de langage : "
        "RAG, évaluation des réponses, agents.\n- Développer en Python et déployer sur AWS\n"
        "Profil recherché\n- Au moins 4 ans d'expérience en développement\n"
        "Poste 100 % télétravail depuis la France.\n"
        "Salaire : 60 k€ - 75 k€ brut annuel selon profil.\n"
        "Ce que nous offrons\n- Budget matériel de 1 500 € à l'arrivée\n- RTT\n"
        "Protection des données\nVos données personnelles sont traitées conformément au RGPD.",
        "adjacent",
        "remote",
        (60000, 75000, "EUR", "year"),
        (4, None),
    ),
    (
        "fr",
        "Technicien(ne) de maintenance",
        "L'entreprise\nNous sommes un leader de la logistique, nos entrepôts utilisent l'IA pour "
        "optimiser les flux.\n"
        "Vos responsabilités\n- Assurer la maintenance préventive des convoyeurs\n"
        "Profil\n- Minimum 5 ans d'expérience en maintenance industrielle\n"
        "Poste sur site à Orléans, en horaires postés.\n"
        "Rémunération : 16 € de l'heure.\n"
        "Avantages\n- Tickets restaurant\n- Prime d'équipe de 150 € par mois\n"
        "Égalité des chances\nToutes les candidatures sont étudiées sans distinction.",
        "other",
        "onsite",
        (16, 16, "EUR", "hour"),
        (5, None),
    ),
    (
        "fr",
        "Rédacteur / Rédactrice de prompts",
        "À propos de la société\nNous aidons les laboratoires d'IA à évaluer leurs modèles.\n"
        "Vos missions\n- Rédiger des prompts complexes et noter les réponses des modèles\n"
        "- Écrire des consignes de prompt engineering pour les annotateurs\n"
        "Votre profil\n- 1 an d'expérience minimum en rédaction\n"
        "Travail entièrement à distance.\n"
        "Rémunération : 30 € de l'heure.\n"
        "Candidature\nEnvoyez votre CV et un exemple de texte.",
        "core",
        "remote",
        (30, 30, "EUR", "hour"),
        (1, None),
    ),
    (
        "fr",
        "Chargé(e) de recrutement",
        "Notre mission\nRendre les services financiers accessibles grâce à l'intelligence "
        "artificielle générative.\n"
        "Le poste\n- Piloter les recrutements de l'équipe commerciale\n- Suivre les indicateurs "
        "sur notre ATS\n"
        "Profil\n- Au moins 3 ans d'expérience en recrutement\n"
        "Poste en présentiel à Paris.\n"
        "Salaire : 3 300 € brut mensuel.\n"
        "Pourquoi nous rejoindre ?\n- Remboursement du pass Navigo à 50 %\n- Forfait mobilité "
        "durable de 700 € par an\n"
        "Attention aux arnaques\nNous ne vous demanderons jamais de paiement pendant le recrutement.",
        "other",
        "onsite",
        (3300, 3300, "EUR", "month"),
        (3, None),
    ),
    (
        "fr",
        "Data analyst",
        "À propos de nous\nNous sommes une scale-up de la mobilité électrique.\n"
        "Vos missions\n- Construire les tableaux de bord en SQL et Power BI\n"
        "Profil\n- Une première expérience de 2 ans en analyse de données\n"
        "Télétravail possible deux jours par semaine, bureaux à Lyon.\n"
        "Avantages\n- Prime annuelle jusqu'à 10 % du salaire\n- Indemnité télétravail de 30 € par "
        "mois",
        "other",
        "hybrid",
        None,
        (2, None),
    ),
    # ---------------------------------------------------------------- German
    (
        "de",
        "Sachbearbeiter Lohnbuchhaltung (m/w/d)",
        "Über uns\nWir sind ein führendes Softwarehaus für Personalverwaltung und setzen KI in "
        "unseren Produkten ein.\n"
        "Deine Aufgaben\n- Monatliche Lohn- und Gehaltsabrechnung\n- Pflege der Stammdaten in "
        "DATEV\n"
        "Dein Profil\n- Mindestens 3 Jahre Berufserfahrung in der Lohnbuchhaltung\n"
        "Hybrides Arbeiten: zwei Tage pro Woche im Büro in Köln, sonst Homeoffice.\n"
        "Gehalt: 3.800 € brutto pro Monat.\n"
        "Das bieten wir\n- Jobrad und Deutschlandticket\n- Weiterbildungsbudget von 1.000 € pro "
        "Jahr\n"
        "Chancengleichheit\nWir begrüßen alle Bewerbungen unabhängig von Geschlecht, Alter oder "
        "Herkunft.",
        "other",
        "hybrid",
        (3800, 3800, "EUR", "month"),
        (3, None),
    ),
    (
        "de",
        "Senior Software Engineer LLM-Plattform",
        "Wer wir sind\nEin Versicherer mit 2.000 Mitarbeitenden in Deutschland.\n"
        "Deine Rolle\n- Du entwickelst unsere Plattform für große Sprachmodelle: RAG-Pipelines, "
        "Evaluierung, LLM-Agenten\n- Python, Kubernetes\n"
        "Das bringst du mit\n- Mehr als 5 Jahre Erfahrung in der Softwareentwicklung\n"
        "Die Stelle ist zu 100 % remote innerhalb Deutschlands möglich.\n"
        "Vergütung: 85.000 € – 100.000 € brutto jährlich.\n"
        "Benefits\n- 30 Tage Urlaub\n- Zuschuss zur Altersvorsorge bis 2.400 € im Jahr\n"
        "Datenschutz\nHinweise zur Verarbeitung deiner personenbezogenen Daten findest du in "
        "unserer Datenschutzerklärung.",
        "adjacent",
        "remote",
        (85000, 100000, "EUR", "year"),
        (5, None),
    ),
    (
        "de",
        "Elektroniker für Betriebstechnik",
        "Das Unternehmen\nWir sind ein familiengeführter Maschinenbauer, gegründet 1962.\n"
        "Ihre Aufgaben\n- Wartung und Instandhaltung unserer Fertigungsanlagen\n"
        "Ihr Profil\n- Abgeschlossene Ausbildung und 2 bis 4 Jahre Berufserfahrung\n"
        "Die Tätigkeit erfolgt vor Ort in unserem Werk in Augsburg, Homeoffice ist nicht möglich.\n"
        "Stundenlohn: 24 € pro Stunde.\n"
        "Wir bieten\n- Schichtzulagen\n- Betriebliche Altersvorsorge",
        "other",
        "onsite",
        (24, 24, "EUR", "hour"),
        (2, 4),
    ),
    (
        "de",
        "Prompt Engineer (m/w/d)",
        "Über uns\nWir bauen Lernsoftware für Schulen.\n"
        "Deine Aufgaben\n- Du schreibst und testest Prompts für unsere Sprachmodelle\n"
        "- Du bewertest Modellantworten und pflegst die Prompt-Bibliothek\n"
        "Dein Profil\n- Mind. 2 Jahre Erfahrung im Redaktionsbereich\n"
        "Arbeite komplett remote.\n"
        "Gehalt: 55.000 € bis 65.000 € brutto pro Jahr.\n"
        "So bewirbst du dich\nSchick uns deinen Lebenslauf über unser Karriereportal.",
        "core",
        "remote",
        (55000, 65000, "EUR", "year"),
        (2, None),
    ),
    (
        "de",
        "Vertriebsmitarbeiter Innendienst",
        "Über uns\nAls Marktführer für KI-gestützte Lagerlogistik wachsen wir seit Jahren.\n"
        "Aufgaben\n- Betreuung von Bestandskunden per Telefon und E-Mail\n- Angebotserstellung "
        "in Salesforce\n"
        "Profil\n- Erste Berufserfahrung im Vertrieb von mindestens 1 Jahr\n"
        "Arbeitsort: Büro in Leipzig (Präsenz).\n"
        "Was wir bieten\n- Provision bis zu 12.000 € pro Jahr\n- Essenszuschuss",
        "other",
        "onsite",
        None,
        (1, None),
    ),
    (
        "de",
        "Data Engineer (Schweiz)",
        "Über uns\nEine Bank mit Sitz in Zürich.\n"
        "Deine Aufgaben\n- Aufbau von Datenpipelines mit Spark und Airflow\n"
        "Dein Profil\n- 3 Jahre Erfahrung als Data Engineer\n"
        "Hybrid: drei Tage vor Ort in Zürich.\n"
        "Gehalt: CHF 110.000 – 130.000 pro Jahr.\n"
        "Vorteile\n- Halbtax-Abo\n- Sportbudget",
        "other",
        "hybrid",
        (110000, 130000, "CHF", "year"),
        (3, None),
    ),
    # ---------------------------------------------------------------- Spanish
    (
        "es",
        "Contable senior",
        "Sobre nosotros\nSomos una empresa líder en soluciones de inteligencia artificial para el "
        "sector asegurador.\n"
        "Tus funciones\n- Llevar la contabilidad general y los cierres mensuales\n- Preparar "
        "impuestos trimestrales\n"
        "Requisitos\n- Al menos 5 años de experiencia en contabilidad\n"
        "Modalidad híbrida: tres días en la oficina de Madrid.\n"
        "Salario: 40.000 € - 46.000 € brutos anuales.\n"
        "Qué ofrecemos\n- Seguro médico\n- Ticket restaurante de 11 € al día\n"
        "Igualdad de oportunidades\nValoramos todas las candidaturas sin discriminación por razón "
        "de sexo, edad u origen.",
        "other",
        "hybrid",
        (40000, 46000, "EUR", "year"),
        (5, None),
    ),
    (
        "es",
        "Ingeniero/a de IA generativa",
        "Quiénes somos\nUna consultora tecnológica con oficinas en Barcelona y Valencia.\n"
        "Responsabilidades\n- Diseñar aplicaciones con modelos de lenguaje grandes (LLM), RAG y "
        "agentes\n- Python, LangChain y Azure\n"
        "Requisitos\n- Entre 2 y 4 años de experiencia en desarrollo\n"
        "Trabajo 100 % remoto desde España.\n"
        "Salario: 45.000 € a 55.000 € brutos al año.\n"
        "Beneficios\n- Presupuesto de formación de 1.200 € al año",
        "adjacent",
        "remote",
        (45000, 55000, "EUR", "year"),
        (2, 4),
    ),
    (
        "es",
        "Operario/a de almacén",
        "La empresa\nSomos un operador logístico que usa IA para planificar rutas.\n"
        "Funciones\n- Preparación de pedidos y carga de camiones\n"
        "Requisitos\n- Experiencia mínima de 1 año en almacén\n"
        "Trabajo presencial en Zaragoza, turno de mañana.\n"
        "Salario: 1.450 € brutos al mes.\n"
        "Ofrecemos\n- Contrato indefinido\n- Plus de transporte de 90 € al mes",
        "other",
        "onsite",
        (1450, 1450, "EUR", "month"),
        (1, None),
    ),
    (
        "es",
        "Redactor/a de prompts para IA",
        "Sobre nosotros\nAyudamos a empresas a evaluar chatbots.\n"
        "Tus funciones\n- Escribir prompts y evaluar las respuestas de los modelos de lenguaje\n"
        "- Documentar técnicas de ingeniería de prompts\n"
        "Requisitos\n- Mínimo 2 años de experiencia en redacción o traducción\n"
        "Teletrabajo total.\n"
        "Pago: 20 € por hora.",
        "core",
        "remote",
        (20, 20, "EUR", "hour"),
        (2, None),
    ),
    (
        "es",
        "Desarrollador/a backend (México)",
        "Sobre nosotros\nFintech mexicana con más de un millón de clientes.\n"
        "Qué harás\n- Desarrollar microservicios en Go y PostgreSQL\n"
        "Requisitos\n- 3+ años de experiencia como backend\n"
        "Esquema híbrido en Ciudad de México: dos días en oficina.\n"
        "Sueldo: $60,000 a $75,000 MXN mensuales brutos.\n"
        "Prestaciones\n- Vales de despensa\n- Seguro de gastos médicos mayores",
        "other",
        "hybrid",
        (60000, 75000, "MXN", "month"),
        (3, None),
    ),
    (
        "es",
        "Técnico/a de soporte",
        "Sobre la empresa\nSomos una startup de IA conversacional para la atención al cliente.\n"
        "Funciones\n- Resolver incidencias de clientes por teléfono y chat\n"
        "Requisitos\n- Al menos 1 año de experiencia en soporte técnico\n"
        "Puesto presencial en nuestras oficinas de Sevilla.\n"
        "Beneficios\n- Bonus anual de hasta 2.000 €\n- Retribución flexible",
        "other",
        "onsite",
        None,
        (1, None),
    ),
    # ---------------------------------------------------------------- Dutch
    (
        "nl",
        "Financieel administratief medewerker",
        "Over ons\nWij zijn een snelgroeiende scale-up die AI inzet voor energiebeheer.\n"
        "Wat ga je doen\n- Verwerken van inkoopfacturen en bankmutaties\n- Voorbereiden van de "
        "maandafsluiting in Exact\n"
        "Wat vragen wij\n- Minimaal 3 jaar ervaring in een financiële functie\n"
        "Je werkt deels thuis en twee dagen per week op ons kantoor in Utrecht.\n"
        "Salaris: € 3.200 - € 3.800 bruto per maand.\n"
        "Wat bieden wij\n- Reiskostenvergoeding\n- Thuiswerkvergoeding van € 2 per dag\n"
        "Diversiteit\nWij verwelkomen iedereen, ongeacht achtergrond, geslacht of leeftijd.",
        "other",
        "hybrid",
        (3200, 3800, "EUR", "month"),
        (3, None),
    ),
    (
        "nl",
        "Machine learning engineer LLM",
        "Over ons\nEen Amsterdamse webwinkel in tweedehands elektronica.\n"
        "Jouw rol\n- Je bouwt toepassingen met grote taalmodellen: RAG, evaluatie en agents\n"
        "- Python en Google Cloud\n"
        "Wie ben jij\n- 4 jaar ervaring als software- of ML-engineer\n"
        "Je werkt volledig op afstand vanuit Nederland.\n"
        "Salaris: € 70.000 tot € 85.000 bruto per jaar.\n"
        "Arbeidsvoorwaarden\n- 8% vakantiegeld\n- Opleidingsbudget van € 1.500 per jaar",
        "adjacent",
        "remote",
        (70000, 85000, "EUR", "year"),
        (4, None),
    ),
    (
        "nl",
        "Monteur installatietechniek",
        "Over het bedrijf\nWij zijn een installatiebedrijf uit Eindhoven, opgericht in 1985.\n"
        "Werkzaamheden\n- Onderhoud van warmtepompen bij klanten\n"
        "Functie-eisen\n- Minimaal 2 jaar werkervaring als monteur\n"
        "Je werkt op locatie bij klanten, thuiswerken is niet mogelijk.\n"
        "Salaris: € 19 per uur.\n"
        "Wij bieden\n- Bus van de zaak\n- Eindejaarsuitkering",
        "other",
        "onsite",
        (19, 19, "EUR", "hour"),
        (2, None),
    ),
    (
        "nl",
        "Prompt engineer",
        "Over ons\nWij maken software voor zorginstellingen.\n"
        "Wat ga je doen\n- Je schrijft en test prompts voor onze taalmodellen\n"
        "- Je beoordeelt de antwoorden van het model en verbetert de prompts\n"
        "Wat vragen wij\n- Minimaal 1 jaar ervaring met tekstschrijven\n"
        "Hybride werken: thuis en op kantoor in Rotterdam.\n"
        "Salaris: € 4.000 - € 4.800 bruto per maand.\n"
        "Solliciteren\nStuur je cv en motivatie via de knop hieronder.",
        "core",
        "hybrid",
        (4000, 4800, "EUR", "month"),
        (1, None),
    ),
    (
        "nl",
        "Klantenservicemedewerker",
        "Over ons\nWij zijn marktleider in AI-gestuurde verzekeringen.\n"
        "Wat ga je doen\n- Klanten helpen via telefoon en chat\n"
        "Wat vragen wij\n- Ten minste 1 jaar ervaring in klantcontact\n"
        "Je werkt op ons kantoor in Groningen.\n"
        "Wat bieden wij\n- Bonus tot € 1.000 per jaar\n- 25 vakantiedagen",
        "other",
        "onsite",
        None,
        (1, None),
    ),
    (
        "nl",
        "Data scientist",
        "Over ons\nEen netbeheerder met 5.000 collega's.\n"
        "Jouw taken\n- Voorspelmodellen bouwen voor netbelasting in Python\n"
        "Jouw profiel\n- 3 tot 5 jaar ervaring in data science\n"
        "Thuiswerken kan twee dagen per week, verder op kantoor in Arnhem.\n"
        "Salaris: tussen € 5.000 en € 6.200 bruto per maand.",
        "other",
        "hybrid",
        (5000, 6200, "EUR", "month"),
        (3, 5),
    ),
    # ---------------------------------------------------------------- Italian
    (
        "it",
        "Impiegato/a amministrativo/a",
        "Chi siamo\nSiamo un'azienda leader nell'intelligenza artificiale per il retail.\n"
        "Cosa farai\n- Registrazione delle fatture e riconciliazioni bancarie\n- Supporto alla "
        "chiusura di bilancio\n"
        "Requisiti\n- Almeno 2 anni di esperienza in amministrazione\n"
        "Lavoro ibrido: tre giorni in ufficio a Milano e due da remoto.\n"
        "Retribuzione: RAL 30.000 € - 34.000 €.\n"
        "Cosa offriamo\n- Buoni pasto da 8 € al giorno\n- Welfare aziendale fino a 1.000 € "
        "l'anno\n"
        "Privacy\nI dati personali saranno trattati ai sensi del GDPR.",
        "other",
        "hybrid",
        (30000, 34000, "EUR", "year"),
        (2, None),
    ),
    (
        "it",
        "AI engineer (modelli linguistici)",
        "Chi siamo\nUna software house di Torino.\n"
        "Responsabilità\n- Sviluppare applicazioni basate su modelli linguistici di grandi "
        "dimensioni (LLM), RAG e agenti\n- Python e FastAPI\n"
        "Requisiti\n- Da 3 a 5 anni di esperienza nello sviluppo software\n"
        "Lavoro completamente da remoto.\n"
        "RAL: 45.000 € - 55.000 € lordi annui.\n"
        "Benefit\n- Budget formazione di 1.000 € all'anno",
        "adjacent",
        "remote",
        (45000, 55000, "EUR", "year"),
        (3, 5),
    ),
    (
        "it",
        "Magazziniere",
        "L'azienda\nOperatore logistico con sedi in tutta Italia.\n"
        "Mansioni\n- Carico e scarico merci, gestione inventario\n"
        "Requisiti\n- Esperienza di almeno 1 anno nel ruolo\n"
        "Lavoro in presenza presso il magazzino di Bologna.\n"
        "Compenso: 11 € l'ora.\n"
        "Offriamo\n- Contratto a tempo indeterminato",
        "other",
        "onsite",
        (11, 11, "EUR", "hour"),
        (1, None),
    ),
    (
        "it",
        "Prompt engineer",
        "Chi siamo\nStartup che sviluppa assistenti virtuali per le banche.\n"
        "Cosa farai\n- Scrivere e testare prompt per i nostri modelli linguistici\n"
        "- Valutare le risposte dei modelli e documentare le tecniche di prompt engineering\n"
        "Requisiti\n- Minimo 2 anni di esperienza nella scrittura di contenuti\n"
        "Lavoro da remoto con possibilità di venire in ufficio a Roma.\n"
        "RAL: 35.000 € - 40.000 €.",
        "core",
        "remote",
        (35000, 40000, "EUR", "year"),
        (2, None),
    ),
    (
        "it",
        "Addetto/a vendite",
        "Chi siamo\nCatena di elettronica che usa l'IA per i consigli d'acquisto.\n"
        "Mansioni\n- Accoglienza clienti e vendita in negozio\n"
        "Requisiti\n- Almeno 1 anno di esperienza nella vendita\n"
        "Lavoro in sede presso il punto vendita di Napoli.\n"
        "Cosa offriamo\n- Premi di produzione fino a 3.000 € l'anno\n- Sconti dipendenti",
        "other",
        "onsite",
        None,
        (1, None),
    ),
    (
        "it",
        "Sviluppatore frontend",
        "Chi siamo\nAgenzia digitale di Firenze.\n"
        "Cosa farai\n- Sviluppare interfacce in React e TypeScript\n"
        "Requisiti\n- 4 anni di esperienza come frontend developer\n"
        "Modalità ibrida: due giorni a settimana in smart working.\n"
        "Retribuzione: 2.400 € netti al mese.",
        "other",
        "hybrid",
        (2400, 2400, "EUR", "month"),
        (4, None),
    ),
    # ---------------------------------------------------------------- Portuguese
    (
        "pt",
        "Analista financeiro(a)",
        "Sobre nós\nSomos uma fintech líder que usa inteligência artificial para crédito.\n"
        "Responsabilidades\n- Conciliações bancárias e fluxo de caixa\n- Relatórios gerenciais "
        "em Excel\n"
        "Requisitos\n- Pelo menos 3 anos de experiência em finanças corporativas\n"
        "Modelo híbrido: três dias no escritório em São Paulo.\n"
        "Salário: R$ 8.000 a R$ 10.000 por mês.\n"
        "Benefícios\n- Vale-refeição de R$ 1.200 por mês\n- Plano de saúde\n"
        "Diversidade\nTodas as candidaturas são consideradas sem distinção de gênero, raça ou "
        "idade.",
        "other",
        "hybrid",
        (8000, 10000, "BRL", "month"),
        (3, None),
    ),
    (
        "pt",
        "Engenheiro(a) de LLM",
        "Quem somos\nUma empresa de software jurídico de Belo Horizonte.\n"
        "O que você vai fazer\n- Construir aplicações com grandes modelos de linguagem, RAG e "
        "agentes\n- Python e AWS\n"
        "Requisitos\n- Mínimo de 4 anos de experiência com desenvolvimento\n"
        "Trabalho 100% remoto.\n"
        "Salário: R$ 18.000 a R$ 24.000 por mês.\n"
        "Benefícios\n- Auxílio home office de R$ 200 por mês",
        "adjacent",
        "remote",
        (18000, 24000, "BRL", "month"),
        (4, None),
    ),
    (
        "pt",
        "Operador(a) de caixa",
        "Sobre a empresa\nRede de supermercados com 80 lojas.\n"
        "Atividades\n- Atendimento no caixa e organização da loja\n"
        "Requisitos\n- Experiência de pelo menos 1 ano em atendimento\n"
        "Trabalho presencial na loja de Curitiba.\n"
        "Salário: R$ 2.100 mensais.\n"
        "Benefícios\n- Vale-transporte\n- Cesta básica",
        "other",
        "onsite",
        (2100, 2100, "BRL", "month"),
        (1, None),
    ),
    (
        "pt",
        "Redator(a) de prompts",
        "Sobre nós\nStartup portuguesa de tecnologia educativa.\n"
        "Funções\n- Escrever prompts e avaliar as respostas dos modelos de linguagem\n"
        "- Criar guias de engenharia de prompts para a equipa\n"
        "Requisitos\n- Pelo menos 2 anos de experiência em escrita\n"
        "Regime de teletrabalho total.\n"
        "Remuneração: 1.800 € a 2.200 € brutos por mês.",
        "core",
        "remote",
        (1800, 2200, "EUR", "month"),
        (2, None),
    ),
    (
        "pt",
        "Desenvolvedor(a) mobile",
        "Sobre nós\nSomos uma healthtech de Lisboa que aplica IA ao diagnóstico.\n"
        "Responsabilidades\n- Desenvolver apps em Kotlin e Swift\n"
        "Requisitos\n- 3 anos de experiência em desenvolvimento mobile\n"
        "Regime híbrido: dois dias no escritório de Lisboa.\n"
        "Benefícios\n- Seguro de saúde\n- Bónus anual até 3.000 €",
        "other",
        "hybrid",
        None,
        (3, None),
    ),
    (
        "pt",
        "Técnico(a) de manutenção",
        "Sobre a empresa\nIndústria de embalagens no Porto.\n"
        "Funções\n- Manutenção preventiva e corretiva das máquinas\n"
        "Requisitos\n- Entre 2 e 5 anos de experiência em manutenção industrial\n"
        "Trabalho presencial na fábrica.\n"
        "Remuneração: 1.300 € brutos mensais.\n"
        "Candidatura\nEnvie o seu CV para o nosso e-mail de recrutamento.",
        "other",
        "onsite",
        (1300, 1300, "EUR", "month"),
        (2, 5),
    ),
]

FIELDS = ("role", "remote", "pay", "years")
# Sections a skill must never come from.
BOILERPLATE = {"company", "benefits", "legal", "scam", "apply"}


def _read(extractor: Extractor, case: tuple) -> dict[str, object]:
    return read_fields(extractor, *case[:3])


def _expected(case: tuple) -> dict[str, object]:
    return {"language": case[0], **dict(zip(FIELDS, case[3:], strict=True))}


def test_six_cases_per_language() -> None:
    langs = [c[0] for c in CASES]
    assert {lang: langs.count(lang) for lang in set(langs)} == dict.fromkeys(
        ("fr", "de", "es", "nl", "it", "pt"), 6
    )


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}:{c[1]}")
def test_language_role_remote_pay_and_years(extractor: Extractor, case: tuple) -> None:
    got = _read(extractor, case)
    expected = _expected(case)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}:{c[1]}")
def test_no_skill_from_the_employer_benefits_or_legal_text(
    extractor: Extractor, case: tuple
) -> None:
    assert not _read(extractor, case)["skill_sections"] & BOILERPLATE
