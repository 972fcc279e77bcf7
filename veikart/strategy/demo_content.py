"""Demo content of the strategy framework, as data.

Titles, codes, the vision and outcome lists are facts from the published
documents; descriptions are short summaries written for the demo.
"""

VISION_2023 = "Sammen om helhetlige, trygge og nyskapende tjenester som fremmer helse og mestring!"

OVERARCHING_2023 = [
    (
        "Kvalitet og sammenheng i tjenestene",
        "Deling av informasjon og bedre samarbeid gir mer sammenhengende tjenester og bedre helsehjelp.",
    ),
    (
        "Bærekraftig helse- og omsorgssektor",
        "Flere eldre og færre hender krever nye og mer bærekraftige måter å yte helsehjelp på.",
    ),
    (
        "Innovasjonskraft i sektoren",
        "Digitalisering åpner for nye måter å levere helse- og omsorgstjenester på.",
    ),
]

TARGET_GROUPS_2023 = [
    ("target_group", "Innbyggere", "Pasienter, brukere og pårørende."),
    ("target_group", "Helsepersonell", "Alle som yter helse- og omsorgstjenester."),
    ("stakeholder", "Kommuner og fastleger", ""),
    ("stakeholder", "Spesialisthelsetjenesten", ""),
    ("stakeholder", "Myndigheter og forvaltning", ""),
    ("stakeholder", "Næringsliv og leverandører", ""),
    ("stakeholder", "Forskning og akademia", ""),
]

# Goals of the adopted strategy, in final order. "draft" is the goal's number
# in draft 0.9 (lineage) and "draft_title" its title there when it differed.
GOALS_2023 = [
    {
        "number": 1,
        "draft": 2,
        "title": "Aktiv medvirkning i egen og næres helse",
        "short_title": "Aktiv medvirkning",
        "description": (
            "Innbyggere og pårørende skal kunne ta del i forebygging, behandling og oppfølging "
            "gjennom digitale tjenester som er tilpasset deres behov."
        ),
        "outcomes": [
            "Enklere utførelse av administrative oppgaver gjennom digitale innbyggertjenester",
            "Bedre løsninger for å gi samtykke og fullmakt",
            "Tilgang til tjenester som gir innbygger oversikt og innsikt i egen og næres helseinformasjon",
            "Tilgang på kvalitetssikret informasjon tilpasset innbyggers situasjon, som formidles i en "
            "form som kan bidra til økt helsekompetanse",
            "Økte muligheter for digital dialog mellom innbygger og aktører i helse- og omsorgstjenesten",
            "Flere tjenester som gjør innbygger i stand til å aktivt forebygge sykdom",
            "Økt tilgang på kvalitetssikrede verktøy og selvbetjeningsløsninger som muliggjør at "
            "innbygger aktivt kan medvirke i sitt behandlingsforløp",
            "Flere digitale samvalgsverktøy er tilgjengelig",
            "Muligheter for å tilpasse når og hvordan helse- og omsorgstjenester utføres",
        ],
        "sdgs": [3, 10],
        "scenarios": [
            (
                "1.1",
                "Gjennom fullmakt kan pårørende få tilgang til å utføre administrative oppgaver på vegne av sine nære",
                "En datter flytter timer og fornyer resepter for sin far på hans vegne, fordi han har gitt henne fullmakt.",
            ),
            (
                "1.2",
                "Teknologi legger til rette for behovsstyrte tjenester",
                "En pasient med kronisk sykdom måler verdier hjemme, og tjenesten tar kontakt når målingene tilsier det.",
            ),
            (
                "1.3",
                "Bruk av innsikt fra pasientrapporterte data",
                "Pasienten svarer på et skjema hjemme, og svarene avgjør når sykehuset trenger å se henne igjen.",
            ),
        ],
    },
    {
        "number": 2,
        "draft": 1,
        "title": "Enklere arbeidshverdag",
        "short_title": "Enklere arbeidshverdag",
        "description": (
            "Helsepersonell skal få brukervennlige og godt integrerte digitale verktøy, med "
            "beslutningsstøtte, slik at de bruker mindre tid på manuelle oppgaver og mer tid på pasienten."
        ),
        "outcomes": [
            "Bedre brukeropplevelse for helsepersonell",
            "Mer integrerte arbeidsverktøy for helsepersonell",
            "Mer komplette og strukturerte helsedata og dobbeltregistrering er kraftig redusert",
            "Mulighet for å enkelt innhente informasjon fra pasient i forkant av behandling eller konsultasjon",
            "Brukervennlige og tilpassede oversikter over pasientinformasjon",
            "Helsepersonell beslutninger støttes i større grad av beslutningsstøtteverktøy, inkludert "
            "kunstig intelligens, og evidensbasert kunnskap",
        ],
        "sdgs": [3],
        "scenarios": [
            (
                "2.1",
                "Tidlig avdekking av sykdomsforløp",
                "Svar fra et skjema før legetimen gir fastlegen et bedre grunnlag for å se et sykdomsforløp tidlig.",
            ),
            (
                "2.2",
                "Oversikt over relevant pasientinformasjon på hjemmebesøk",
                "Sykepleieren på hjemmebesøk finner raskt fram til det hun trenger å vite om pasienten.",
            ),
            (
                "2.3",
                "Øyekontroll på helsesenteret",
                "Et verktøy med kunstig intelligens vurderer øyebilder lokalt, så pasienten slipper en lang reise.",
            ),
        ],
    },
    {
        "number": 3,
        "draft": 3,
        "title": "Helsedata til fornying og forbedring",
        "short_title": "Helsedata",
        "description": (
            "Beslutninger i tjenesten, hos virksomhetene og hos myndighetene skal i større grad bygge på "
            "helsedata, for bedre kvalitet, innovasjon og ressursbruk."
        ),
        "outcomes": [
            "Helsepersonell på alle nivå har tilgang til dataanalyseløsninger for å ta beslutninger som "
            "bidrar til kvalitetsforbedring og bedre bruk av ressursene",
            "Trygg og enkel tilgang til mer strukturerte helsedata fra alle kliniske områder ved behov, der "
            "digital sikkerhet og personvern er ivaretatt",
            "Mer koordinert innsats mellom sektoren, næringsliv og forskning for å utvikle, dele og utnytte "
            "innsikt fra helsedata",
            "Mer datadrevne beslutninger som også er støttet av avansert dataanalyse som kunstig intelligens",
            "Mer bruk av data til kvalitetsforbedring, helseovervåking, beredskap og krisehåndtering, "
            "styring og forskning, og persontilpasset medisin",
        ],
        "sdgs": [3, 9],
        "scenarios": [
            (
                "3.1",
                "God effekt av endring i arbeidsprosess",
                "Et sykehus ser i egne data at en ny rutine gir færre reinnleggelser, og tar den i bruk overalt.",
            ),
            (
                "3.2",
                "Bedre beredskap ved bruk av innsikt",
                "Oppdaterte data fra hele landet gir myndighetene et tidlig varsel om et utbrudd.",
            ),
            (
                "3.3",
                "Tidskritisk analyse av helsedata",
                "Forskere får raskt tilgang til data de trenger for å svare på et akutt spørsmål.",
            ),
        ],
    },
    {
        "number": 4,
        "draft": 4,
        "title": "Tilgjengelig informasjon og styrket samhandling",
        "short_title": "Samhandling",
        "description": (
            "Relevant og korrekt informasjon skal være tilgjengelig for helsepersonell og innbyggere der "
            "den trengs, på tvers av virksomheter og nivåer."
        ),
        "outcomes": [
            "Helsepersonell som har tjenstlig behov for informasjon har tilgang på relevant, oppdatert og "
            "korrekt informasjon, også informasjon produsert i andre deler av tjenesten eller andre deler "
            "av offentlig sektor",
            "Innbyggere slipper å gjenta informasjon om seg selv overfor ulike virksomheter og informasjonen "
            "kan deles med innbygger der det er behov",
            "Oppdaterte og komplette data til kvalitetsforbedring, helseovervåking, beredskap og "
            "krisehåndtering, styring og forskning",
            "Informasjonsforvaltning på tvers av aktørene som vil bedre datakvaliteten, og som blant annet "
            "vil danne et godt grunnlag for dataanalyse på alle nivåer",
        ],
        "sdgs": [9],
        "scenarios": [
            (
                "4.1",
                "Helsepersonell har tilgang til nødvendig pasientinformasjon",
                "Legevakten ser pasientens legemidler og kritisk informasjon uten å ringe rundt.",
            ),
            (
                "4.2",
                "Innbygger har tilgang til journalopplysninger",
                "En pasient leser journalen fra sykehuset og kommunen på ett sted.",
            ),
        ],
    },
    {
        "number": 5,
        "draft": 5,
        "title": "Samarbeid og virkemidler som styrker gjennomføringskraft",
        "draft_title": "Virkemidler for styrket gjennomføringskraft",
        "short_title": "Gjennomføringskraft",
        "description": (
            "Tydelige roller, felles prioriteringer, finansieringsmodeller og regelverk skal gjøre sektoren "
            "i stand til å gjennomføre det den blir enig om."
        ),
        "outcomes": [
            "Tydelige roller og ansvar blant sentrale aktører i helse- og omsorgssektoren om utvikling, "
            "innføring og realisering av nytte",
            "Koordinert og forpliktende prioriteringer, innsats og oppfølging for å nå felles mål",
            "Etablert samarbeid med innbygger, internt i helse- og omsorgssektoren, tversektorielt og på "
            "tvers av ulike myndighetsorganer",
            "Økt samarbeid og partnerskap med næringsliv og forskning",
            "Samordnet internasjonalt arbeid, spesielt med EU og Norden",
            "Styrket gjennomføringskraft gjennom velfungerende finansieringsmodeller som gir forutsigbar "
            "utvikling og kontinuerlig forbedring og nytte",
            "Regelverk som tilrettelegger for nødvendig deling av helseopplysninger, samtidig som "
            "taushetsplikten og krav til personvern og informasjonssikkerhet ivaretas",
        ],
        "sdgs": [3, 9, 10, 17],
        "scenarios": [],
    },
]

# Final-strategy goal numbers each goal depends on.
GOAL_DEPENDENCIES_2023 = {1: [4, 5], 2: [4, 5], 3: [4, 5], 4: [5]}

# The draft numbered its scenarios after its own goal order.
DRAFT_SCENARIO_CODES = {"3.3": "3.4"}

SUB_GOALS_2023 = [
    # (code, short title, title, benefit objective)
    (
        "1A",
        "Behandlingsforløp, digital dialog og innsyn",
        "Innbygger skal ha mulighet for å administrere behandlingsforløp, digital dialog og "
        "innsynstjenester gjennom Helsenorge",
        "Innbyggere bruker mindre tid på å finne fram og får raskere svar fra tjenesten.",
    ),
    (
        "1B",
        "Velferdsteknologi og digital hjemmeoppfølging",
        "Flere skal kunne bo trygt hjemme med støtte fra velferdsteknologi og digital hjemmeoppfølging",
        "Flere får oppfølging hjemme i stedet for på institusjon eller sykehus.",
    ),
    (
        "1C",
        "Digital selvhjelp, læring og mestring",
        "Innbyggere skal ha tilgang til kvalitetssikrede digitale verktøy for selvhjelp, læring og mestring",
        "Innbyggere mestrer egen helse bedre og trenger sjeldnere hjelp fra tjenesten.",
    ),
    (
        "1D",
        "Barn og unge",
        "Barn og unge skal ha digitale helsetjenester tilpasset deres alder og behov",
        "Unge får hjelp tidligere, på en måte de selv velger.",
    ),
    (
        "1E",
        "Redusere digitale barrierer",
        "Digitale tjenester skal utformes slik at færre står utenfor",
        "Flere grupper kan bruke de digitale tjenestene, og ingen mister tilbud fordi de ikke er digitale.",
    ),
    (
        "1F",
        "Digitalt helsekort for gravide",
        "Gravide og helsepersonell skal dele ett digitalt helsekort gjennom svangerskapet",
        "Informasjon om svangerskapet følger den gravide mellom jordmor, fastlege og sykehus.",
    ),
    (
        "2A",
        "Pasientjournal og kliniske systemer",
        "Helsepersonell skal ha moderne og brukervennlige journalsystemer og kliniske systemer",
        "Mindre dobbeltregistrering og mer tid til pasientene.",
    ),
    (
        "2B",
        "Legemidler og kliniske målinger",
        "Legemiddelhåndtering og kliniske målinger skal være digitalt understøttet",
        "Færre feil i legemiddelbehandlingen.",
    ),
    (
        "2C",
        "Den akuttmedisinske kjeden",
        "Den akuttmedisinske kjeden skal ha sammenhengende digital støtte fra melding til behandling",
        "Raskere og tryggere hjelp når det haster.",
    ),
    (
        "2D",
        "Pasientens legemiddelliste",
        "Pasientens legemiddelliste skal være tilgjengelig for helsepersonell og innbyggere",
        "Oppdaterte legemiddelopplysninger er tilgjengelige for alle som behandler pasienten.",
    ),
    (
        "2E",
        "Digitale samarbeidsverktøy",
        "Helsepersonell skal ha gode digitale verktøy for samarbeid på tvers av virksomheter",
        "Enklere samarbeid mellom fastlege, kommune og sykehus.",
    ),
    (
        "3A",
        "Data- og analyseplattformer",
        "Sektoren skal ha plattformer som gjør helsedata tilgjengelige for analyse",
        "Beslutninger bygger på oppdaterte data.",
    ),
    (
        "3B",
        "Kunstig intelligens",
        "Kunstig intelligens skal tas i bruk på en trygg og ansvarlig måte",
        "Mer presis diagnostikk og bedre ressursbruk.",
    ),
    (
        "3C",
        "Helseregistre",
        "De nasjonale helseregistrene skal være oppdaterte, komplette og enkle å bruke",
        "Raskere og enklere tilgang til registerdata for forskning og kvalitetsforbedring.",
    ),
    (
        "4A",
        "Informasjonsdeling mellom aktører",
        "Relevant informasjon skal deles digitalt mellom aktørene i sektoren",
        "Helsepersonell har nødvendig informasjon når pasienten kommer.",
    ),
    (
        "4B",
        "Informasjonsforvaltning",
        "Informasjon skal forvaltes etter felles kodeverk, terminologi og standarder",
        "Bedre datakvalitet og enklere gjenbruk av data.",
    ),
    (
        "4C",
        "Samhandling over landegrenser",
        "Helseinformasjon skal kunne deles trygt over landegrensene",
        "Norske pasienter får god hjelp også i utlandet.",
    ),
    (
        "5A",
        "Det europeiske helsedataområdet",
        "Norge skal være forberedt på det europeiske helsedataområdet (EHDS)",
        "Norske aktører kan delta i europeisk deling av helsedata.",
    ),
    (
        "5B",
        "Regelverksveiledning",
        "Aktørene skal få tydelig veiledning om regelverket for deling og bruk av helseopplysninger",
        "Mindre usikkerhet om hva som er lov, og raskere gjennomføring.",
    ),
    (
        "5C",
        "Felles kommunal journal og helseteknologiordningen",
        "Kommunene skal få en felles journalløsning, og helseteknologiordningen skal støtte innføring",
        "Kommunene får moderne journalløsninger og samhandler bedre med andre.",
    ),
]

FOCUS_AREAS_2017 = [
    (
        "Digitalisering av arbeidsprosesser",
        "Effektive arbeidsprosesser med god digital støtte for helsepersonell.",
    ),
    ("Bedre sammenheng i pasientforløp", "Informasjon som følger pasienten gjennom hele forløpet."),
    (
        "Bedre bruk av helsedata",
        "Enklere og sikrere tilgang til helsedata for kvalitet, styring og forskning.",
    ),
    (
        "Helsehjelp på nye måter",
        "Nye digitale tjenester som gjør innbyggeren til en ressurs i egen behandling.",
    ),
    (
        "Felles grunnmur for digitale tjenester",
        "Felles komponenter og infrastruktur som alle kan bygge på.",
    ),
    (
        "Nasjonal styring av e-helse og økt gjennomføringsevne",
        "Felles prioriteringer og styring av e-helse.",
    ),
]

WHITE_PAPER_GOALS = [
    ("Helsepersonell skal ha enkel og sikker tilgang til pasient- og brukeropplysninger", ""),
    ("Innbyggerne skal ha tilgang på enkle og sikre digitale tjenester", ""),
    (
        "Data skal være tilgjengelig for kvalitetsforbedring, helseovervåking, styring og forskning",
        "",
    ),
]

# Nynorsk and English versions of the texts above, keyed by the bokmål text, so every
# version of the strategy that shares a text shares its translations. Outcomes, scenarios
# and the earlier strategies are left in bokmål: pages show them marked as bokmål.
TRANSLATIONS = {
    "Nasjonal e-helsestrategi 2023–2030": (
        "Nasjonal e-helsestrategi 2023–2030",
        "National e-health strategy 2023–2030",
    ),
    VISION_2023: (
        "Saman om heilskaplege, trygge og nyskapande tenester som fremjar helse og meistring!",
        "Together for coherent, safe and innovative services that promote health and coping!",
    ),
    # Overarching goals
    "Kvalitet og sammenheng i tjenestene": (
        "Kvalitet og samanheng i tenestene",
        "Quality and continuity in the services",
    ),
    "Deling av informasjon og bedre samarbeid gir mer sammenhengende tjenester og bedre helsehjelp.": (
        "Deling av informasjon og betre samarbeid gir meir samanhengande tenester og betre helsehjelp.",
        "Sharing information and working together better give more coherent services and better health care.",
    ),
    "Bærekraftig helse- og omsorgssektor": (
        "Berekraftig helse- og omsorgssektor",
        "A sustainable health and care sector",
    ),
    "Flere eldre og færre hender krever nye og mer bærekraftige måter å yte helsehjelp på.": (
        "Fleire eldre og færre hender krev nye og meir berekraftige måtar å yte helsehjelp på.",
        "More older people and fewer hands call for new and more sustainable ways of providing health care.",
    ),
    "Innovasjonskraft i sektoren": ("Innovasjonskraft i sektoren", "Capacity for innovation in the sector"),
    "Digitalisering åpner for nye måter å levere helse- og omsorgstjenester på.": (
        "Digitalisering opnar for nye måtar å levere helse- og omsorgstenester på.",
        "Digitalisation opens up new ways of delivering health and care services.",
    ),
    # Goals
    "Aktiv medvirkning i egen og næres helse": (
        "Aktiv medverknad i eiga og nærståande si helse",
        "Active participation in one's own health and that of one's family",
    ),
    "Aktiv medvirkning": ("Aktiv medverknad", "Active participation"),
    "Innbyggere og pårørende skal kunne ta del i forebygging, behandling og oppfølging gjennom digitale tjenester "
    "som er tilpasset deres behov.": (
        "Innbyggjarar og pårørande skal kunne ta del i førebygging, behandling og oppfølging gjennom digitale "
        "tenester som er tilpassa behova deira.",
        "Citizens and their families can take part in prevention, treatment and follow-up through digital services "
        "suited to their needs.",
    ),
    "Enklere arbeidshverdag": ("Enklare arbeidskvardag", "A simpler working day"),
    "Helsepersonell skal få brukervennlige og godt integrerte digitale verktøy, med beslutningsstøtte, slik at de "
    "bruker mindre tid på manuelle oppgaver og mer tid på pasienten.": (
        "Helsepersonell skal få brukarvennlege og godt integrerte digitale verktøy, med avgjerdsstøtte, slik at dei "
        "brukar mindre tid på manuelle oppgåver og meir tid på pasienten.",
        "Health personnel get user-friendly, well-integrated digital tools with decision support, so that they spend "
        "less time on manual tasks and more time with the patient.",
    ),
    "Helsedata til fornying og forbedring": (
        "Helsedata til fornying og forbetring",
        "Health data for renewal and improvement",
    ),
    "Helsedata": ("Helsedata", "Health data"),
    "Beslutninger i tjenesten, hos virksomhetene og hos myndighetene skal i større grad bygge på helsedata, for "
    "bedre kvalitet, innovasjon og ressursbruk.": (
        "Avgjerder i tenesta, hos verksemdene og hos styresmaktene skal i større grad byggje på helsedata, for betre "
        "kvalitet, innovasjon og ressursbruk.",
        "Decisions in the services, in organisations and by the authorities are to build more on health data, for "
        "better quality, innovation and use of resources.",
    ),
    "Tilgjengelig informasjon og styrket samhandling": (
        "Tilgjengeleg informasjon og styrkt samhandling",
        "Accessible information and stronger collaboration",
    ),
    "Samhandling": ("Samhandling", "Collaboration"),
    "Relevant og korrekt informasjon skal være tilgjengelig for helsepersonell og innbyggere der den trengs, på "
    "tvers av virksomheter og nivåer.": (
        "Relevant og korrekt informasjon skal vere tilgjengeleg for helsepersonell og innbyggjarar der han trengst, "
        "på tvers av verksemder og nivå.",
        "Relevant and correct information is available to health personnel and citizens where it is needed, across "
        "organisations and levels of care.",
    ),
    "Samarbeid og virkemidler som styrker gjennomføringskraft": (
        "Samarbeid og verkemiddel som styrkjer gjennomføringskrafta",
        "Cooperation and instruments that strengthen the capacity to deliver",
    ),
    "Gjennomføringskraft": ("Gjennomføringskraft", "Capacity to deliver"),
    "Tydelige roller, felles prioriteringer, finansieringsmodeller og regelverk skal gjøre sektoren i stand til å "
    "gjennomføre det den blir enig om.": (
        "Tydelege roller, felles prioriteringar, finansieringsmodellar og regelverk skal gjere sektoren i stand til "
        "å gjennomføre det han blir samd om.",
        "Clear roles, shared priorities, funding models and regulations enable the sector to carry out what it "
        "agrees on.",
    ),
    # Sub-goals: short titles, then titles
    "Behandlingsforløp, digital dialog og innsyn": (
        "Behandlingsforløp, digital dialog og innsyn",
        "Care pathways, digital dialogue and access",
    ),
    "Innbygger skal ha mulighet for å administrere behandlingsforløp, digital dialog og innsynstjenester gjennom "
    "Helsenorge": (
        "Innbyggjaren skal ha høve til å administrere behandlingsforløp, digital dialog og innsynstenester gjennom "
        "Helsenorge",
        "Citizens can manage their care pathways, digital dialogue and access to their records through Helsenorge",
    ),
    "Velferdsteknologi og digital hjemmeoppfølging": (
        "Velferdsteknologi og digital heimeoppfølging",
        "Welfare technology and digital home follow-up",
    ),
    "Flere skal kunne bo trygt hjemme med støtte fra velferdsteknologi og digital hjemmeoppfølging": (
        "Fleire skal kunne bu trygt heime med støtte frå velferdsteknologi og digital heimeoppfølging",
        "More people can live safely at home with the support of welfare technology and digital home follow-up",
    ),
    "Digital selvhjelp, læring og mestring": (
        "Digital sjølvhjelp, læring og meistring",
        "Digital self-help, learning and coping",
    ),
    "Innbyggere skal ha tilgang til kvalitetssikrede digitale verktøy for selvhjelp, læring og mestring": (
        "Innbyggjarar skal ha tilgang til kvalitetssikra digitale verktøy for sjølvhjelp, læring og meistring",
        "Citizens have access to quality-assured digital tools for self-help, learning and coping",
    ),
    "Barn og unge": ("Barn og unge", "Children and young people"),
    "Barn og unge skal ha digitale helsetjenester tilpasset deres alder og behov": (
        "Barn og unge skal ha digitale helsetenester tilpassa alderen og behova deira",
        "Children and young people have digital health services suited to their age and needs",
    ),
    "Redusere digitale barrierer": ("Redusere digitale barrierar", "Reducing digital barriers"),
    "Digitale tjenester skal utformes slik at færre står utenfor": (
        "Digitale tenester skal utformast slik at færre står utanfor",
        "Digital services are designed so that fewer people are left out",
    ),
    "Digitalt helsekort for gravide": ("Digitalt helsekort for gravide", "Digital pregnancy health record"),
    "Gravide og helsepersonell skal dele ett digitalt helsekort gjennom svangerskapet": (
        "Gravide og helsepersonell skal dele eitt digitalt helsekort gjennom svangerskapet",
        "Pregnant women and health personnel share one digital health record throughout the pregnancy",
    ),
    "Pasientjournal og kliniske systemer": (
        "Pasientjournal og kliniske system",
        "Patient records and clinical systems",
    ),
    "Helsepersonell skal ha moderne og brukervennlige journalsystemer og kliniske systemer": (
        "Helsepersonell skal ha moderne og brukarvennlege journalsystem og kliniske system",
        "Health personnel have modern, user-friendly record systems and clinical systems",
    ),
    "Legemidler og kliniske målinger": ("Legemiddel og kliniske målingar", "Medicines and clinical measurements"),
    "Legemiddelhåndtering og kliniske målinger skal være digitalt understøttet": (
        "Legemiddelhandtering og kliniske målingar skal vere digitalt understøtta",
        "Medicines management and clinical measurements are digitally supported",
    ),
    "Den akuttmedisinske kjeden": ("Den akuttmedisinske kjeda", "The emergency medical chain"),
    "Den akuttmedisinske kjeden skal ha sammenhengende digital støtte fra melding til behandling": (
        "Den akuttmedisinske kjeda skal ha samanhengande digital støtte frå melding til behandling",
        "The emergency medical chain has continuous digital support from the first call to treatment",
    ),
    "Pasientens legemiddelliste": ("Legemiddellista til pasienten", "The patient's medication list"),
    "Pasientens legemiddelliste skal være tilgjengelig for helsepersonell og innbyggere": (
        "Legemiddellista til pasienten skal vere tilgjengeleg for helsepersonell og innbyggjarar",
        "The patient's medication list is available to health personnel and citizens",
    ),
    "Digitale samarbeidsverktøy": ("Digitale samarbeidsverktøy", "Digital collaboration tools"),
    "Helsepersonell skal ha gode digitale verktøy for samarbeid på tvers av virksomheter": (
        "Helsepersonell skal ha gode digitale verktøy for samarbeid på tvers av verksemder",
        "Health personnel have good digital tools for working together across organisations",
    ),
    "Data- og analyseplattformer": ("Data- og analyseplattformer", "Data and analytics platforms"),
    "Sektoren skal ha plattformer som gjør helsedata tilgjengelige for analyse": (
        "Sektoren skal ha plattformer som gjer helsedata tilgjengelege for analyse",
        "The sector has platforms that make health data available for analysis",
    ),
    "Kunstig intelligens": ("Kunstig intelligens", "Artificial intelligence"),
    "Kunstig intelligens skal tas i bruk på en trygg og ansvarlig måte": (
        "Kunstig intelligens skal takast i bruk på ein trygg og ansvarleg måte",
        "Artificial intelligence is put to use in a safe and responsible way",
    ),
    "Helseregistre": ("Helseregister", "Health registries"),
    "De nasjonale helseregistrene skal være oppdaterte, komplette og enkle å bruke": (
        "Dei nasjonale helseregistera skal vere oppdaterte, komplette og enkle å bruke",
        "The national health registries are up to date, complete and easy to use",
    ),
    "Informasjonsdeling mellom aktører": ("Informasjonsdeling mellom aktørar", "Information sharing between actors"),
    "Relevant informasjon skal deles digitalt mellom aktørene i sektoren": (
        "Relevant informasjon skal delast digitalt mellom aktørane i sektoren",
        "Relevant information is shared digitally between the actors in the sector",
    ),
    "Informasjonsforvaltning": ("Informasjonsforvaltning", "Information management"),
    "Informasjon skal forvaltes etter felles kodeverk, terminologi og standarder": (
        "Informasjon skal forvaltast etter felles kodeverk, terminologi og standardar",
        "Information is managed according to shared code sets, terminology and standards",
    ),
    "Samhandling over landegrenser": ("Samhandling over landegrenser", "Cross-border collaboration"),
    "Helseinformasjon skal kunne deles trygt over landegrensene": (
        "Helseinformasjon skal kunne delast trygt over landegrensene",
        "Health information can be shared safely across national borders",
    ),
    "Det europeiske helsedataområdet": ("Det europeiske helsedataområdet", "The European Health Data Space"),
    "Norge skal være forberedt på det europeiske helsedataområdet (EHDS)": (
        "Noreg skal vere førebudd på det europeiske helsedataområdet (EHDS)",
        "Norway is prepared for the European Health Data Space (EHDS)",
    ),
    "Regelverksveiledning": ("Regelverksrettleiing", "Guidance on regulations"),
    "Aktørene skal få tydelig veiledning om regelverket for deling og bruk av helseopplysninger": (
        "Aktørane skal få tydeleg rettleiing om regelverket for deling og bruk av helseopplysningar",
        "The actors get clear guidance on the rules for sharing and using health information",
    ),
    "Felles kommunal journal og helseteknologiordningen": (
        "Felles kommunal journal og helseteknologiordninga",
        "Shared municipal health record and the health technology scheme",
    ),
    "Kommunene skal få en felles journalløsning, og helseteknologiordningen skal støtte innføring": (
        "Kommunane skal få ei felles journalløysing, og helseteknologiordninga skal støtte innføringa",
        "Municipalities get a shared record system, and the health technology scheme supports its introduction",
    ),
}
