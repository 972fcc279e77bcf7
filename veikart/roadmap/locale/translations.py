"""Bokmål and nynorsk for the roadmap's catalogues: ``python veikart/roadmap/locale/translations.py``.

Source strings are English. Each entry maps a msgid to (bokmål, nynorsk); a
plural entry maps to ((singular, plural) in bokmål, (singular, plural) in nynorsk).
Run after ``makemessages``; English gets the source text itself.
"""

import json
import re

T = {
    "A published item cannot belong to a sub-goal of an unpublished strategy version (%(strategies)s). "
    "Publish the strategy version first, or leave the item unpublished.": (
        "Et publisert tiltak kan ikke høre til et delmål i en strategiversjon som ikke er publisert (%(strate"
        "gies)s). Publiser strategiversjonen først, eller la tiltaket være upublisert.",
        "Eit publisert tiltak kan ikkje høyre til eit delmål i ein strategiversjon som ikkje er publisert (%("
        "strategies)s). Publiser strategiversjonen først, eller la tiltaket vere upublisert.",
    ),
    "Roadmap": ("Veikart", "Vegkart"),
    "Roadmap milestones": ("Milepæler i veikartet", "Milepælar i vegkartet"),
    "Roadmap changes": ("Endringer i veikartet", "Endringar i vegkartet"),
    "New and changed items of the roadmap.": ("Nye og endrede tiltak i veikartet.", "Nye og endra tiltak i vegkartet."),
    "New item": ("Nytt tiltak", "Nytt tiltak"),
    "Changed": ("Endret", "Endra"),
    "Goal": ("Mål", "Mål"),
    "Sub-goal": ("Delmål", "Delmål"),
    "Grouping": ("Strategigruppering", "Strategigruppering"),
    "Phase": ("Fase", "Fase"),
    "Year": ("År", "År"),
    "Owner": ("Eier", "Eigar"),
    "User group": ("Brukergruppe", "Brukargruppe"),
    "Status": ("Status", "Status"),
    "All": ("Alle", "Alle"),
    "The end date cannot be before the start date.": (
        "Sluttdatoen kan ikke være før startdatoen.",
        "Sluttdatoen kan ikkje vere før startdatoen.",
    ),
    "The grouping belongs to another sub-goal.": (
        "Strategigrupperingen hører til et annet delmål.",
        "Strategigrupperinga høyrer til eit anna delmål.",
    ),
    "Roadmap export (CSV or XLSX)": ("Uttrekk av veikartet (CSV eller XLSX)", "Uttrekk av vegkartet (CSV eller XLSX)"),
    "The official export: Tiltaksnavn, Delmål, Strategigruppering, Veikartfase, Startdato, Sluttdato, Leveranse-ID.": (
        "Det offisielle uttrekket: Tiltaksnavn, Delmål, Strategigruppering, Veikartfase, Startdato, Sluttdato, Leveranse-ID.",
        "Det offisielle uttrekket: Tiltaksnavn, Delmål, Strategigruppering, Veikartfase, Startdato, Sluttdato, Leveranse-ID.",
    ),
    "The file is larger than 20 MB.": ("Filen er større enn 20 MB.", "Fila er større enn 20 MB."),
    "Upload a .csv or .xlsx file.": ("Last opp en .csv- eller .xlsx-fil.", "Last opp ei .csv- eller .xlsx-fil."),
    "Row %(row)s, column %(column)s: %(message)s": (
        "Rad %(row)s, kolonne %(column)s: %(message)s",
        "Rad %(row)s, kolonne %(column)s: %(message)s",
    ),
    "The spreadsheet cannot be read: %(error)s": (
        "Regnearket kan ikke leses: %(error)s",
        "Reknearket kan ikkje lesast: %(error)s",
    ),
    "The file is empty.": ("Filen er tom.", "Fila er tom."),
    "There is no strategy to import the roadmap into.": (
        "Det finnes ingen strategi å importere veikartet til.",
        "Det finst ingen strategi å importere vegkartet til.",
    ),
    "The file has no header row.": ("Filen har ingen overskriftsrad.", "Fila har inga overskriftsrad."),
    "The delivery id %(id)s is also on row %(row)s.": (
        "Leveranse-ID %(id)s står også på rad %(row)s.",
        "Leveranse-ID %(id)s står òg på rad %(row)s.",
    ),
    "The same name and sub-goal without a delivery id is also on row %(row)s.": (
        "Samme navn og delmål uten leveranse-ID står også på rad %(row)s.",
        "Same namn og delmål utan leveranse-ID står òg på rad %(row)s.",
    ),
    "The column repeats %(column)s.": ("Kolonnen gjentar %(column)s.", "Kolonnen gjentek %(column)s."),
    "The column is missing (the header row must name it).": (
        "Kolonnen mangler (overskriftsraden må ha den).",
        "Kolonnen manglar (overskriftsrada må ha han).",
    ),
    "There is a value in a column without a heading.": (
        "Det står en verdi i en kolonne uten overskrift.",
        "Det står ein verdi i ein kolonne utan overskrift.",
    ),
    "The name is missing.": ("Navnet mangler.", "Namnet manglar."),
    "The name is longer than 500 characters.": ("Navnet er lengre enn 500 tegn.", "Namnet er lengre enn 500 teikn."),
    "The sub-goal code is missing.": ("Delmålskoden mangler.", "Delmålskoden manglar."),
    "Unknown sub-goal code “%(code)s”; the strategy has %(codes)s.": (
        "Ukjent delmålskode «%(code)s»; strategien har %(codes)s.",
        "Ukjend delmålskode «%(code)s»; strategien har %(codes)s.",
    ),
    "The grouping is longer than 300 characters.": (
        "Strategigrupperingen er lengre enn 300 tegn.",
        "Strategigrupperinga er lengre enn 300 teikn.",
    ),
    "Unknown phase “%(phase)s”; allowed phases are %(phases)s.": (
        "Ukjent fase «%(phase)s»; tillatte faser er %(phases)s.",
        "Ukjend fase «%(phase)s»; tillatne fasar er %(phases)s.",
    ),
    "“%(value)s” is not a date (write dd.mm.yyyy).": (
        "«%(value)s» er ikke en dato (skriv dd.mm.åååå).",
        "«%(value)s» er ikkje ein dato (skriv dd.mm.åååå).",
    ),
    "The end date is before the start date.": ("Sluttdatoen er før startdatoen.", "Sluttdatoen er før startdatoen."),
    "The delivery id “%(id)s” has lost its digits (scientific notation); format the column as text.": (
        "Leveranse-ID «%(id)s» har mistet sifre (vitenskapelig notasjon); formater kolonnen som tekst.",
        "Leveranse-ID «%(id)s» har mista siffer (vitskapleg notasjon); formater kolonnen som tekst.",
    ),
    "“%(id)s” is not a delivery id.": ("«%(id)s» er ikke en leveranse-ID.", "«%(id)s» er ikkje ein leveranse-ID."),
    "name": ("navn", "namn"),
    "slug": ("nettadressenavn", "nettadressenamn"),
    "order": ("rekkefølge", "rekkjefølgje"),
    "colour": ("farge", "farge"),
    "A colour is written #rrggbb.": ("En farge skrives #rrggbb.", "Ein farge skriv ein #rrggbb."),
    "Used in the timeline; choose one with enough contrast against white text.": (
        "Brukes i tidslinjen; velg en farge med nok kontrast mot hvit tekst.",
        "Blir brukt i tidslina; vel ein farge med nok kontrast mot kvit tekst.",
    ),
    "description": ("beskrivelse", "skildring"),
    "introduction or use": ("innføring eller bruk", "innføring eller bruk"),
    "Items in this phase are being introduced or are in use (shown on the “what is coming” pages).": (
        "Tiltak i denne fasen innføres eller er i bruk (vises på sidene «hva kommer»).",
        "Tiltak i denne fasen blir innførte eller er i bruk (viste på sidene «kva kjem»).",
    ),
    "phase": ("fase", "fase"),
    "phases": ("faser", "fasar"),
    "sub-goal": ("delmål", "delmål"),
    "grouping": ("strategigruppering", "strategigruppering"),
    "groupings": ("strategigrupperinger", "strategigrupperingar"),
    "user group": ("brukergruppe", "brukargruppe"),
    "user groups": ("brukergrupper", "brukargrupper"),
    "Not started": ("Ikke startet", "Ikkje starta"),
    "On track": ("I rute", "I rute"),
    "At risk": ("Risiko for forsinkelse", "Risiko for forseinking"),
    "Delayed": ("Forsinket", "Forseinka"),
    "Done": ("Ferdig", "Ferdig"),
    "delivery id": ("leveranse-ID", "leveranse-ID"),
    "The id of the delivery in the official roadmap export (Leveranse-ID).": (
        "Leveransens ID i det offisielle uttrekket av veikartet (Leveranse-ID).",
        "ID-en til leveransen i det offisielle uttrekket av vegkartet (Leveranse-ID).",
    ),
    "Markdown: paragraphs, lists, links.": (
        "Markdown: avsnitt, lister, lenker.",
        "Markdown: avsnitt, lister, lenkjer.",
    ),
    "further sub-goals": ("flere delmål", "fleire delmål"),
    "start date": ("startdato", "startdato"),
    "end date": ("sluttdato", "sluttdato"),
    "owners": ("eiere", "eigarar"),
    "status": ("status", "status"),
    "depends on": ("avhenger av", "avheng av"),
    "Items that must be delivered first.": ("Tiltak som må leveres først.", "Tiltak som må leverast først."),
    "published": ("publisert", "publisert"),
    "demo content": ("demoinnhold", "demoinnhald"),
    "Invented for demonstration; not a real delivery.": (
        "Oppdiktet for demonstrasjon; ikke en virkelig leveranse.",
        "Oppdikta for demonstrasjon; ikkje ein verkeleg leveranse.",
    ),
    "created": ("opprettet", "oppretta"),
    "updated": ("oppdatert", "oppdatert"),
    "version": ("versjon", "versjon"),
    "roadmap item": ("tiltak", "tiltak"),
    "roadmap items": ("tiltak", "tiltak"),
    "date": ("dato", "dato"),
    "title": ("tittel", "tittel"),
    "done": ("ferdig", "ferdig"),
    "milestone": ("milepæl", "milepæl"),
    "milestones": ("milepæler", "milepælar"),
    "address": ("adresse", "adresse"),
    "link": ("lenke", "lenkje"),
    "links": ("lenker", "lenkjer"),
    "search text": ("søketekst", "søketekst"),
    "search texts": ("søketekster", "søketekstar"),
    "Filter the roadmap": ("Filtrer veikartet", "Filtrer vegkartet"),
    "Filter": ("Filtrer", "Filtrer"),
    "Clear filters": ("Fjern filtre", "Fjern filter"),
    "%(counter)s item on the roadmap.": (
        ("%(counter)s tiltak i veikartet.", "%(counter)s tiltak i veikartet."),
        ("%(counter)s tiltak i vegkartet.", "%(counter)s tiltak i vegkartet."),
    ),
    "See all items": ("Se alle tiltakene", "Sjå alle tiltaka"),
    "Filter these items": ("Filtrer disse tiltakene", "Filtrer desse tiltaka"),
    "See them on the timeline": ("Se dem på tidslinjen", "Sjå dei på tidslina"),
    "Name": ("Navn", "Namn"),
    "Period": ("Periode", "Periode"),
    "Owners": ("Eiere", "Eigarar"),
    "Unpublished": ("Ikke publisert", "Ikkje publisert"),
    "Ways into the roadmap": ("Innganger til veikartet", "Inngangar til vegkartet"),
    "All items": ("Alle tiltak", "Alle tiltak"),
    "Goals and sub-goals": ("Strategimål og delmål", "Strategimål og delmål"),
    "User groups": ("Brukergrupper", "Brukargrupper"),
    "Timeline": ("Tidslinje", "Tidsline"),
    "Search": ("Søk", "Søk"),
    "Pages": ("Sider", "Sider"),
    "Previous": ("Forrige", "Førre"),
    "Page %(number)s of %(count)s": ("Side %(number)s av %(count)s", "Side %(number)s av %(count)s"),
    "Next": ("Neste", "Neste"),
    "%(counter)s hit for “%(query)s”": (
        ("%(counter)s treff for «%(query)s»", "%(counter)s treff for «%(query)s»"),
        ("%(counter)s treff for «%(query)s»", "%(counter)s treff for «%(query)s»"),
    ),
    "Sub-goal %(code)s": ("Delmål %(code)s", "Delmål %(code)s"),
    "Roadmap by goal and sub-goal": ("Veikartet etter strategimål og delmål", "Vegkartet etter strategimål og delmål"),
    "Goal %(number)s: %(title)s": ("Mål %(number)s: %(title)s", "Mål %(number)s: %(title)s"),
    "%(counter)s item": (("%(counter)s tiltak", "%(counter)s tiltak"), ("%(counter)s tiltak", "%(counter)s tiltak")),
    "Roadmap by owner": ("Veikartet etter eier", "Vegkartet etter eigar"),
    "The organisation responsible for developing, adapting or introducing each item.": (
        "Virksomheten som har ansvar for å utvikle, tilpasse eller innføre hvert tiltak.",
        "Verksemda som har ansvar for å utvikle, tilpasse eller innføre kvart tiltak.",
    ),
    "No items have an owner yet.": ("Ingen tiltak har eier ennå.", "Ingen tiltak har eigar enno."),
    "Roadmap by user group": ("Veikartet etter brukergruppe", "Vegkartet etter brukargruppe"),
    "%(counter)s item for %(name)s": (
        ("%(counter)s tiltak for %(name)s", "%(counter)s tiltak for %(name)s"),
        ("%(counter)s tiltak for %(name)s", "%(counter)s tiltak for %(name)s"),
    ),
    "What is coming for %(name)s": ("Hva kommer for %(name)s", "Kva kjem for %(name)s"),
    "No user groups are registered.": ("Ingen brukergrupper er registrert.", "Ingen brukargrupper er registrerte."),
    "Import the official roadmap export": (
        "Importer det offisielle uttrekket av veikartet",
        "Importer det offisielle uttrekket av vegkartet",
    ),
    "Upload the export as CSV (semicolon or comma, UTF-8 or Windows-1252) or XLSX. You will see what would change before anything is written. Rows match existing items on the delivery id, else on name and sub-goal; importing the same file again changes nothing.": (
        "Last opp uttrekket som CSV (semikolon eller komma, UTF-8 eller Windows-1252) eller XLSX. Du ser hva som vil endres før noe lagres. Rader kobles til eksisterende tiltak på leveranse-ID, ellers på navn og delmål; å importere samme fil på nytt endrer ingenting.",
        "Last opp uttrekket som CSV (semikolon eller komma, UTF-8 eller Windows-1252) eller XLSX. Du ser kva som vil bli endra før noko blir lagra. Rader blir kopla til eksisterande tiltak på leveranse-ID, elles på namn og delmål; å importere same fil på nytt endrar ingenting.",
    ),
    "%(counter)s problem: nothing will be imported": (
        ("%(counter)s problem: ingenting blir importert", "%(counter)s problemer: ingenting blir importert"),
        ("%(counter)s problem: ingenting blir importert", "%(counter)s problem: ingenting blir importert"),
    ),
    "Problems in the file": ("Problemer i filen", "Problem i fila"),
    "Row": ("Rad", "Rad"),
    "Column": ("Kolonne", "Kolonne"),
    "Problem": ("Problem", "Problem"),
    "Preview": ("Forhåndsvisning", "Førehandsvising"),
    "%(counter)s item will be created": (
        ("%(counter)s tiltak blir opprettet", "%(counter)s tiltak blir opprettet"),
        ("%(counter)s tiltak blir oppretta", "%(counter)s tiltak blir oppretta"),
    ),
    "%(counter)s item will be updated": (
        ("%(counter)s tiltak blir oppdatert", "%(counter)s tiltak blir oppdatert"),
        ("%(counter)s tiltak blir oppdatert", "%(counter)s tiltak blir oppdaterte"),
    ),
    "%(counter)s item is unchanged": (
        ("%(counter)s tiltak er uendret", "%(counter)s tiltak er uendret"),
        ("%(counter)s tiltak er uendra", "%(counter)s tiltak er uendra"),
    ),
    "%(counter)s new grouping": (
        ("%(counter)s ny strategigruppering", "%(counter)s nye strategigrupperinger"),
        ("%(counter)s ny strategigruppering", "%(counter)s nye strategigrupperingar"),
    ),
    "Ignored columns:": ("Kolonner som ikke brukes:", "Kolonnar som ikkje blir brukte:"),
    "Rows that will change the roadmap": ("Rader som vil endre veikartet", "Rader som vil endre vegkartet"),
    "Change": ("Endring", "Endring"),
    "New": ("Ny", "Ny"),
    "Apply the import": ("Gjennomfør importen", "Gjennomfør importen"),
    "The roadmap already matches the file: there is nothing to import.": (
        "Veikartet stemmer allerede med filen: det er ingenting å importere.",
        "Vegkartet stemmer allereie med fila: det er ingenting å importere.",
    ),
    "Upload a file": ("Last opp en fil", "Last opp ei fil"),
    "Show preview": ("Vis forhåndsvisning", "Vis førehandsvising"),
    "You are here": ("Du er her", "Du er her"),
    "Demo content": ("Demoinnhold", "Demoinnhald"),
    "Edit this item": ("Rediger tiltaket", "Rediger tiltaket"),
    "Facts": ("Fakta", "Fakta"),
    "Further sub-goals": ("Flere delmål", "Fleire delmål"),
    "Start date": ("Startdato", "Startdato"),
    "End date": ("Sluttdato", "Sluttdato"),
    "Delivery id": ("Leveranse-ID", "Leveranse-ID"),
    "Last changed": ("Sist endret", "Sist endra"),
    "Milestones": ("Milepæler", "Milepælar"),
    "No milestones are registered.": ("Ingen milepæler er registrert.", "Ingen milepælar er registrerte."),
    "Dependencies": ("Avhengigheter", "Avhengnader"),
    "This item depends on": ("Dette tiltaket avhenger av", "Dette tiltaket avheng av"),
    "None.": ("Ingen.", "Ingen."),
    "Items that depend on this one": ("Tiltak som avhenger av dette", "Tiltak som avheng av dette"),
    "Links": ("Lenker", "Lenkjer"),
    "Change log": ("Endringslogg", "Endringslogg"),
    "Published.": ("Publisert.", "Publisert."),
    "%(label)s changed from “%(old)s” to “%(new)s”.": (
        "%(label)s endret fra «%(old)s» til «%(new)s».",
        "%(label)s endra frå «%(old)s» til «%(new)s».",
    ),
    "Full change history": ("Full endringshistorikk", "Full endringshistorikk"),
    "Edit “%(title)s”": ("Rediger «%(title)s»", "Rediger «%(title)s»"),
    "Edit": ("Rediger", "Rediger"),
    "Someone else saved this item while you were editing it": (
        "Noen andre lagret tiltaket mens du redigerte det",
        "Nokon andre lagra tiltaket medan du redigerte det",
    ),
    "Your changes have not been saved. They are still in the form below. This is what changed in the meantime:": (
        "Endringene dine er ikke lagret. De står fortsatt i skjemaet nedenfor. Dette ble endret i mellomtiden:",
        "Endringane dine er ikkje lagra. Dei står framleis i skjemaet nedanfor. Dette vart endra i mellomtida:",
    ),
    "Changes made by someone else": ("Endringer gjort av andre", "Endringar gjorde av andre"),
    "Field": ("Felt", "Felt"),
    "When you opened the form": ("Da du åpnet skjemaet", "Då du opna skjemaet"),
    "Now": ("Nå", "No"),
    "Only milestones or links changed.": (
        "Bare milepæler eller lenker ble endret.",
        "Berre milepælar eller lenkjer vart endra.",
    ),
    "Depends on": ("Avhenger av", "Avheng av"),
    "The items that must be delivered first: their delivery ids (Leveranse-ID), or their item numbers written #123, separated by commas or new lines. Leave empty for none.": (
        "Tiltakene som må leveres først: leveranse-ID-ene deres, eller tiltaksnumrene skrevet #123, "
        "skilt med komma eller linjeskift. La feltet stå tomt for ingen.",
        "Tiltaka som må leverast først: leveranse-ID-ane deira, eller tiltaksnummera skrivne #123, "
        "skilde med komma eller linjeskift. La feltet stå tomt for ingen.",
    ),
    "No item of this strategy that you can see has this delivery id or item number: %(references)s.": (
        (
            "Ingen tiltak i denne strategien som du har tilgang til, har denne leveranse-ID-en eller dette "
            "tiltaksnummeret: %(references)s.",
            "Ingen tiltak i denne strategien som du har tilgang til, har disse leveranse-ID-ene eller "
            "tiltaksnumrene: %(references)s.",
        ),
        (
            "Ingen tiltak i denne strategien som du har tilgang til, har denne leveranse-ID-en eller dette "
            "tiltaksnummeret: %(references)s.",
            "Ingen tiltak i denne strategien som du har tilgang til, har desse leveranse-ID-ane eller "
            "tiltaksnummera: %(references)s.",
        ),
    ),
    "An item cannot depend on itself.": (
        "Et tiltak kan ikke avhenge av seg selv.",
        "Eit tiltak kan ikkje avhenge av seg sjølv.",
    ),
    "“%(title)s” (%(reference)s) already depends on this item, directly or through other items, so this item cannot also depend on it.": (
        "«%(title)s» (%(reference)s) avhenger allerede av dette tiltaket, direkte eller gjennom andre tiltak, "
        "så dette tiltaket kan ikke også avhenge av det.",
        "«%(title)s» (%(reference)s) avheng allereie av dette tiltaket, direkte eller gjennom andre tiltak, "
        "så dette tiltaket kan ikkje òg avhenge av det.",
    ),
    "Saved dependencies:": ("Lagrede avhengigheter:", "Lagra avhengnader:"),
    "No dependencies are saved.": ("Ingen avhengigheter er lagret.", "Ingen avhengnader er lagra."),
    "It also depends on %(counter)s item you cannot choose here (unpublished, or in another strategy); that dependency is kept.": (
        (
            "Det avhenger også av %(counter)s tiltak du ikke kan velge her (upublisert, eller i en annen "
            "strategi); den avhengigheten beholdes.",
            "Det avhenger også av %(counter)s tiltak du ikke kan velge her (upubliserte, eller i en annen "
            "strategi); de avhengighetene beholdes.",
        ),
        (
            "Det avheng òg av %(counter)s tiltak du ikkje kan velje her (upublisert, eller i ein annan "
            "strategi); den avhengnaden blir halden på.",
            "Det avheng òg av %(counter)s tiltak du ikkje kan velje her (upubliserte, eller i ein annan "
            "strategi); dei avhengnadene blir haldne på.",
        ),
    ),
    "Item number": ("Tiltaksnummer", "Tiltaksnummer"),
    "The import was cancelled; nothing was changed.": (
        "Importen ble avbrutt; ingenting ble endret.",
        "Importen vart avbroten; ingenting vart endra.",
    ),
    "Check the form and save again to keep your version.": (
        "Se over skjemaet og lagre på nytt for å beholde din versjon.",
        "Sjå over skjemaet og lagre på nytt for å halde på din versjon.",
    ),
    "Save": ("Lagre", "Lagre"),
    "Cancel": ("Avbryt", "Avbryt"),
    "Initiatives and deliveries that realise %(strategy)s: what is coming, for whom and when.": (
        "Tiltak og leveranser som realiserer %(strategy)s: hva som kommer, for hvem og når.",
        "Tiltak og leveransar som realiserer %(strategy)s: kva som kjem, for kven og når.",
    ),
    "Items under sub-goal %(code)s": ("Tiltak under delmål %(code)s", "Tiltak under delmål %(code)s"),
    "No items match these filters.": (
        "Ingen tiltak passer med disse filtrene.",
        "Ingen tiltak passar med desse filtera.",
    ),
    "Download this list": ("Last ned denne listen", "Last ned denne lista"),
    "Excel": ("Excel", "Excel"),
    "Milestones (calendar)": ("Milepæler (kalender)", "Milepælar (kalender)"),
    "Changes (Atom feed)": ("Endringer (Atom-strøm)", "Endringar (Atom-straum)"),
    "Search the roadmap for “%(query)s”": ("Søk i veikartet etter «%(query)s»", "Søk i vegkartet etter «%(query)s»"),
    "Search the roadmap": ("Søk i veikartet", "Søk i vegkartet"),
    "Search for items": ("Søk etter tiltak", "Søk etter tiltak"),
    "Names, descriptions, groupings, owners and delivery ids. Word forms are found too: “kommunene” finds “kommune”.": (
        "Navn, beskrivelser, strategigrupperinger, eiere og leveranse-ID-er. Bøyningsformer finnes også: «kommunene» finner «kommune».",
        "Namn, skildringar, strategigrupperingar, eigarar og leveranse-ID-ar. Bøyingsformer blir òg funne: «kommunene» finn «kommune».",
    ),
    "Roadmap timeline": ("Tidslinje for veikartet", "Tidsline for vegkartet"),
    "Each item across the years it runs, coloured by phase. Items without a start date are not shown; the same data follows as a table.": (
        "Hvert tiltak over årene det pågår, farget etter fase. Tiltak uten startdato vises ikke; de samme dataene følger som tabell.",
        "Kvart tiltak over åra det går føre seg, farga etter fase. Tiltak utan startdato blir ikkje viste; dei same dataa følgjer som tabell.",
    ),
    "Phases": ("Faser", "Fasar"),
    "The timeline as a table": ("Tidslinjen som tabell", "Tidslina som tabell"),
    "Items with their phase, start and end": ("Tiltak med fase, start og slutt", "Tiltak med fase, start og slutt"),
    "Start": ("Start", "Start"),
    "End": ("Slutt", "Slutt"),
    "Open-ended": ("Uten sluttdato", "Utan sluttdato"),
    "No dated items match these filters.": (
        "Ingen daterte tiltak passer med disse filtrene.",
        "Ingen daterte tiltak passar med desse filtera.",
    ),
    "Items being introduced or in use, by the year they start.": (
        "Tiltak som innføres eller er i bruk, etter året de starter.",
        "Tiltak som blir innførte eller er i bruk, etter året dei startar.",
    ),
    "Phases shown:": ("Faser som vises:", "Fasar som blir viste:"),
    "No start date yet": ("Ingen startdato ennå", "Ingen startdato enno"),
    "Nothing is being introduced for this user group yet.": (
        "Ingenting innføres for denne brukergruppen ennå.",
        "Ingenting blir innført for denne brukargruppa enno.",
    ),
    "Every item for %(name)s": ("Alle tiltak for %(name)s", "Alle tiltak for %(name)s"),
    "There is no roadmap yet.": ("Det finnes ikke noe veikart ennå.", "Det finst ikkje noko vegkart enno."),
    "The item was saved.": ("Tiltaket er lagret.", "Tiltaket er lagra."),
    "The upload has expired; upload the file again.": (
        "Opplastingen er utløpt; last opp filen på nytt.",
        "Opplastinga har gått ut; last opp fila på nytt.",
    ),
    "Import complete: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.": (
        "Importen er fullført: %(created)s opprettet, %(updated)s oppdatert, %(unchanged)s uendret.",
        "Importen er fullført: %(created)s oppretta, %(updated)s oppdaterte, %(unchanged)s uendra.",
    ),
    "Import of the official roadmap export": (
        "Import av det offisielle uttrekket av veikartet",
        "Import av det offisielle uttrekket av vegkartet",
    ),
    "From when you opened the form to now": ("Fra du åpnet skjemaet til nå", "Frå du opna skjemaet til no"),
    "Milestone added: %(subject)s": ("Milepæl lagt til: %(subject)s", "Milepæl lagd til: %(subject)s"),
    "Milestone changed: %(subject)s": ("Milepæl endret: %(subject)s", "Milepæl endra: %(subject)s"),
    "Milestone removed: %(subject)s": ("Milepæl fjernet: %(subject)s", "Milepæl fjerna: %(subject)s"),
    "Milestone done: %(subject)s": ("Milepæl nådd: %(subject)s", "Milepæl nådd: %(subject)s"),
    "The change log starts when the item is published.": (
        "Endringsloggen begynner når tiltaket blir publisert.",
        "Endringsloggen byrjar når tiltaket blir publisert.",
    ),
}

# --- A minimal .po reader and writer (the catalogues makemessages writes are regular) ---

_LINE = re.compile(r'^(msgid|msgid_plural|msgstr|msgstr\[\d\]|msgctxt) (".*")$')


def _complete(entry: dict | None) -> bool:
    return entry is not None and ("msgstr" in entry or "msgstr[0]" in entry)


def parse(path) -> list[dict]:
    """Entries as dicts: ``comments`` (list of lines) and the msgid/msgstr keys with unquoted values."""
    entries: list[dict] = []
    entry: dict | None = None
    key = None
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    for line in lines:
        if line.startswith("#") or not line.strip():
            if _complete(entry):
                entries.append(entry)
                entry = None
            if entry is None:
                entry = {"comments": []}
            if line.strip():
                entry["comments"].append(line)
            key = None
            continue
        found = _LINE.match(line)
        if found:
            if entry is None:
                entry = {"comments": []}
            if found.group(1) == "msgid" and _complete(entry):
                entries.append(entry)
                entry = {"comments": []}
            key = found.group(1)
            entry[key] = json.loads(found.group(2))
        elif line.startswith('"') and entry is not None and key:
            entry[key] += json.loads(line)
    if entry is not None and "msgid" in entry:
        entries.append(entry)
    return entries


def write(path, entries: list[dict]) -> None:
    out: list[str] = []
    for entry in entries:
        out += entry["comments"]
        for key in ("msgctxt", "msgid", "msgid_plural"):
            if key in entry:
                out.append(f"{key} {json.dumps(entry[key], ensure_ascii=False)}")
        for key in sorted(k for k in entry if k.startswith("msgstr")):
            out.append(f"{key} {json.dumps(entry[key], ensure_ascii=False)}")
        out.append("")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(out))


if __name__ == "__main__":
    from pathlib import Path

    here = Path(__file__).resolve().parent
    missing = set()
    for language, index in (("nb", 0), ("nn", 1), ("en", None)):
        path = here / language / "LC_MESSAGES" / "django.po"
        entries = parse(path)
        for entry in entries:
            msgid = entry.get("msgid")
            if not msgid:
                continue
            entry["comments"] = [c for c in entry["comments"] if c != "#, fuzzy"]
            if index is None:
                if "msgid_plural" in entry:
                    entry["msgstr[0]"], entry["msgstr[1]"] = msgid, entry["msgid_plural"]
                else:
                    entry["msgstr"] = msgid
                continue
            if msgid not in T:
                missing.add(msgid)
                continue
            value = T[msgid][index]
            if "msgid_plural" in entry:
                entry["msgstr[0]"], entry["msgstr[1]"] = value
            else:
                entry["msgstr"] = value
        header = entries[0]
        header["msgstr"] = (
            header["msgstr"]
            .replace("Language: \n", f"Language: {language}\n")
            .replace("Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;", "Plural-Forms: nplurals=2; plural=(n != 1);")
        )
        header["comments"] = [c for c in header["comments"] if c != "#, fuzzy"]
        write(path, entries)
    print("missing:", sorted(missing))
