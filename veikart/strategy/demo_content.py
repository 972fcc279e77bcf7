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
