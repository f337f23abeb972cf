"""Nederlandse teksten (standaard). Keys and placeholders must match ``en.py``."""

MESSAGES: dict[str, str] = {
    # --- app and shared options ---------------------------------------------------------
    "app.help": (
        "Plan, controleer en vat medisch leiderschap samen in het individueel opleidingsplan "
        "(IOP) van aios, volgens het kader van de Federatie Medisch Specialisten."
    ),
    "opt.lang": "Taal van de uitvoer: nl (standaard) of en. Ook via MLPLAN_LANG.",
    "opt.framework": "Ander kaderbestand (YAML) in plaats van het meegeleverde. Ook via MLPLAN_FRAMEWORK.",
    "opt.version": "Toon de versie en stop.",
    "opt.format": "Uitvoerformaat.",
    "metavar.file": "BESTAND",
    "metavar.topic": "ONDERWERP",
    "label.error": "fout:",
    "label.warning": "waarschuwing:",
    # --- errors -----------------------------------------------------------------------------
    "error.interrupted": "Afgebroken; er is niets geschreven.",
    "error.internal": (
        "interne fout in mlplan ({detail}). Er is niets geschreven. Meld dit graag, met het "
        "commando dat u gaf; MLPLAN_DEBUG=1 toont de details."
    ),
    "error.bad_language": "onbekende taal '{value}'; kies uit {choices}",
    "error.file_not_found": "{path}: bestand niet gevonden",
    "error.is_directory": "{path}: is een map, geen bestand",
    "error.permission_denied": "{path}: geen toestemming om te lezen",
    "write.failed": "{path}: kan niet geschreven worden ({reason}); het bestand is niet gewijzigd",
    "write.changed_on_disk": "{path} is gewijzigd sinds mlplan het las (een editor?); er is niets geschreven, probeer het opnieuw",
    "error.cannot_read": "{path}: kan niet gelezen worden ({reason})",
    # --- framework command ------------------------------------------------------------------
    "cmd.framework.help": (
        "Blader door het kader: competenties, onderwerpen (met hun id), leerdoelen, "
        "voorbeeldactiviteiten, opleidingsmateriaal, cursussen en de leercurve."
    ),
    "cmd.framework.epilog": (
        "Voorbeelden: mlplan framework · mlplan framework patientveiligheid · "
        "mlplan framework --format markdown > kader.md"
    ),
    "arg.topic": "Id van één onderwerp om volledig te tonen, bijvoorbeeld patientveiligheid.",
    "framework.invalid": "{path}: ongeldig kaderbestand ({count} probleem/problemen)",
    "framework.phases": "de fasen moeten precies {expected} zijn, in die volgorde",
    "framework.duplicate_number": "competentienummer {number} komt twee keer voor",
    "framework.duplicate_id": "id '{id}' komt twee keer voor",
    "framework.unknown_topic": "onbekend onderwerp '{id}'",
    "framework.unknown_course": "onbekende verplichte cursus '{id}'",
    "framework.unknown_topic_arg": "onbekend onderwerp '{id}'. Bedoelde je '{hint}'?",
    "framework.unknown_topic_arg_nohint": "onbekend onderwerp '{id}'. Bekende onderwerpen: {ids}",
    "fw.competency": "Competentie {number}: {title}",
    "fw.canmeds": "CanMEDS 2015 Leider, kerncompetentie {number}: {text}",
    "fw.col.id": "id",
    "fw.col.topic": "Onderwerp",
    "fw.col.objectives": "Leerdoelen",
    "fw.col.activities": "Voorbeeldactiviteiten",
    "fw.col.materials": "Materiaal",
    "fw.col.phase": "Fase",
    "fw.col.kind": "Soort",
    "fw.col.provider": "Aanbieder",
    "fw.col.title": "Titel",
    "fw.col.course": "Cursus",
    "fw.col.level": "Niveau",
    "fw.col.details": "Details",
    "fw.objectives": "Concretisering in leerdoelen",
    "fw.activities": "Voorbeelden van activiteiten",
    "fw.materials": "Opleidingsmateriaal",
    "fw.no_objectives": "geen leerdoelen op basisniveau",
    "fw.topic_of": "Onderwerp van competentie {number}: {title}",
    "fw.min_activities": "Minimaal {count} activiteit(en) in de praktijk.",
    "fw.rule": "Regel",
    "fw.courses": "Cursussen",
    "fw.required": "Voorwaardelijke cursussen",
    "fw.optional": "Facultatieve cursussen",
    "fw.requirement": "Vereist",
    "fw.phases": "Leercurve gedurende de opleiding",
    "fw.phase_goals": "Inzicht",
    "fw.phase_examples": "Voorbeelden",
    "fw.levels": "Profilering",
    "fw.minutes": "{minutes} minuten",
    "fw.points": "{points} accreditatiepunten",
    "fw.source": "Bron: {publisher} ({year})",
    "fw.more": "Eén onderwerp volledig: mlplan framework <id>, bijvoorbeeld mlplan framework {example}",
    "phase.begin": "begin",
    "phase.midden": "midden",
    "phase.eind": "eind",
    # --- YAML (ML001) -------------------------------------------------------------------------
    "yaml.too_large": "bestand is groter dan {mb} MB; een plan is veel kleiner, is dit het goede bestand?",
    "yaml.not_utf8": "bestand is geen UTF-8-tekst (byte 0x{byte}); sla het op als UTF-8",
    "yaml.binary": "bestand bevat een NUL-teken; is dit een tekstbestand?",
    "yaml.control_char": "niet-toegestaan stuurteken in de tekst",
    "yaml.tab": "tab gevonden; YAML gebruikt spaties voor inspringen",
    "yaml.mapping_values": "onverwachte ':' — zet tekst met een dubbele punt tussen aanhalingstekens, of controleer het inspringen",
    "yaml.undefined_alias": "verwijzing (*alias) naar een anker dat niet bestaat",
    "yaml.unexpected_end": "bestand houdt onverwacht op; is een aanhalingsteken of haakje niet gesloten?",
    "yaml.expected_colon": "':' verwacht na een sleutel",
    "yaml.expected_key": "sleutel verwacht; controleer het inspringen",
    "yaml.expected_dash": "lijstitem ('- ') verwacht; controleer het inspringen",
    "yaml.duplicate_anchor": "anker (&naam) komt twee keer voor",
    "yaml.syntax": "YAML-syntaxfout: {detail}",
    "yaml.multiple_documents": "meer dan één YAML-document ('---'); een plan is één document",
    "yaml.unsupported_tag": "tag {tag} wordt niet ondersteund; gebruik gewone tekst, getallen, lijsten en sleutels",
    "yaml.bad_scalar": "waarde '{value}' past niet bij {tag}",
    "yaml.too_deep": "te diep genest (meer dan {depth} niveaus)",
    "yaml.too_many_nodes": "te veel elementen (meer dan {limit}, verwijzingen meegeteld); mogelijk een 'alias bomb'",
    "yaml.complex_key": "een sleutel moet gewone tekst zijn, geen lijst of mapping",
    "yaml.duplicate_key": "sleutel '{key}' komt twee keer voor (eerst op regel {first})",
    "yaml.bad_merge": "'<<' moet naar een mapping verwijzen",
    # --- schema (ML002) -----------------------------------------------------------------------
    "schema.empty": "bestand is leeg",
    "schema.unknown_key_hint": "onbekende sleutel '{key}'. Bedoelde je '{hint}'?",
    "schema.unknown_key": "onbekende sleutel '{key}'; toegestaan: {allowed}",
    "schema.missing": "verplichte sleutel '{field}' ontbreekt",
    "schema.invalid": "ongeldige waarde bij '{field}': {detail}",
    "schema.expected_text": "'{field}' moet tekst zijn, niet {value}",
    "schema.expected_text_bool": (
        "'{field}' moet tekst zijn; YAML leest {value} als ja/nee — zet de waarde tussen aanhalingstekens"
    ),
    "schema.empty_text": "'{field}' mag niet leeg zijn",
    "schema.expected_int": "'{field}' moet een geheel getal zijn, niet '{value}'",
    "schema.expected_number": "'{field}' moet een getal zijn, niet '{value}'",
    "schema.expected_bool": "'{field}' moet true of false zijn, niet '{value}'",
    "schema.expected_choice": "'{field}' moet een van {expected} zijn, niet '{value}'",
    "schema.greater_than": "'{field}' moet groter zijn dan {gt}, niet {value}",
    "schema.greater_equal": "'{field}' moet minstens {ge} zijn, niet {value}",
    "schema.less_than": "'{field}' moet kleiner zijn dan {lt}, niet {value}",
    "schema.less_equal": "'{field}' mag hoogstens {le} zijn, niet {value}",
    "schema.too_long": "'{field}' heeft te veel elementen (hoogstens {max_length})",
    "schema.too_short": "'{field}' heeft te weinig elementen (minstens {min_length})",
    "schema.expected_mapping": "'{field}' moet een mapping zijn (sleutel: waarde), niet {value}",
    "schema.expected_list": "'{field}' moet een lijst zijn ('- ' per item), niet {value}",
    "schema.pattern": "'{field}' heeft een ongeldige vorm: '{value}'",
    "schema.date_format": "'{field}' moet een datum zijn als JJJJ-MM-DD, niet '{value}'",
    "schema.date_impossible": "'{field}': {value} bestaat niet als datum",
    # --- check and its rules (issue 3) ------------------------------------------------------
    "rule.unknown_framework": "het plan hoort bij kader '{id}', maar het geladen kader is '{expected}'",
    "rule.ML003.topic_hint": "onbekend onderwerp '{id}'. Bedoelde je '{hint}'?",
    "rule.ML003.topic": "onbekend onderwerp '{id}'; bekende onderwerpen: {ids}",
    "rule.ML003.course_hint": "onbekende cursus-id '{id}'. Bedoelde je '{hint}'? (Een eigen cursus mag, schrijf dan de titel voluit)",
    "rule.ML003.course": "onbekende cursus-id '{id}'; cursussen in het kader: {ids}. Een eigen cursus mag, schrijf dan de titel voluit",
    "rule.ML100": "onderwerp '{id}' ({title}) heeft nog geen activiteit; voeg er een toe, bijvoorbeeld '{example}'",
    "rule.ML100.few": "onderwerp '{id}' ({title}) heeft {count} van de minimaal {min} activiteiten; voeg er een toe, bijvoorbeeld '{example}'",
    "rule.ML101": "verplichte cursus ontbreekt: {title} (course: {ids})",
    "rule.ML102": "jaar {year} valt buiten de opleiding: die duurt {years} jaar, dus jaar 1 tot en met {last}",
    "rule.ML200": "'{title}' staat in jaar {year} (fase {phase}), maar de leercurve plant deze activiteit in fase {suggested}",
    "rule.ML201.evidence": "'{title}' is afgerond, maar zonder bewijs; vul evidence in (KPB, 360°-feedback, verslag, …)",
    "rule.ML201.date": "'{title}' is afgerond, maar zonder datum; vul done_on in (JJJJ-MM-DD)",
    "rule.ML202": "'{title}' hoort bij jaar {year}, dat op {end} is afgelopen, maar staat nog op {status}; zet status: done (met done_on en evidence), dropped, of verplaats de activiteit naar een later jaar",
    "rule.ML203": "{count} verbeterpunten; het IOP vraagt een TOP {max} — kies de belangrijkste {max}",
    "rule.ML204.empty": "jaar {years} heeft geen activiteit; spreid de activiteiten over de opleiding",
    "rule.ML204.empty_many": "de jaren {years} hebben geen activiteit; spreid de activiteiten over de opleiding",
    "rule.ML204.crowded": "jaar {year} bevat {count} van de {total} activiteiten, meer dan de helft; spreid ze over de opleiding",
    "rule.duplicate_activity": "activiteit '{title}' bij '{topic}' staat er al (activiteit nr. {first}); verwijder een van beide of geef ze verschillende titels",
    "rule.duplicate_course": "cursus '{course}' staat er al (cursus nr. {first})",
    "rule.duplicate_meeting": "er staat al een gesprek op {date} (gesprek nr. {first}); voeg ze samen of corrigeer de datum",
    "rule.duplicate_point": "dit verbeterpunt staat er al (verbeterpunt nr. {first})",
    "check.count": "{errors}, {warnings} in {files}.",
    "check.clean": "Geen fouten of waarschuwingen in {files}.",
    "check.errors.one": "1 fout",
    "check.errors.many": "{n} fouten",
    "check.warnings.one": "1 waarschuwing",
    "check.warnings.many": "{n} waarschuwingen",
    "check.files.one": "1 bestand",
    "check.files.many": "{n} bestanden",
    "check.unreadable": "{n} bestand(en) konden niet gelezen worden",
    "yaml.reserved_char": "een waarde mag niet beginnen met @, ` of %; zet de waarde tussen aanhalingstekens",
    "yaml.bad_escape": "ongeldige \\-reeks in tekst tussen dubbele aanhalingstekens (een Windows-pad?); gebruik enkele aanhalingstekens",
    "yaml.unclosed_flow": "haakje '[' of '{' is niet gesloten, of er ontbreekt een ','",
    "schema.root_mapping": "een plan is een mapping van sleutels (version: 1, aios:, training:, …), geen {value}",
    "check.bad_today": "'{value}' is geen datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-11-22",
    "cmd.check.help": (
        "Controleer plannen: YAML, schema en de regels van het kader (ML001–ML204), elke "
        "bevinding met bestand:regel:kolom. Zonder PAD: ./plan.yaml. Exitcode 0: geen fouten; "
        "1: fouten gevonden (of waarschuwingen met --strict); 2: bestand onleesbaar of ongeldig gebruik."
    ),
    "cmd.check.epilog": (
        "Voorbeelden: mlplan check · mlplan check plannen/*.yaml --format json · "
        "mlplan check --strict --today 2026-11-22 plan.yaml. Uitleg per code: docs/rules.md"
    ),
    "arg.plan_paths": "Een of meer planbestanden (standaard plan.yaml).",
    "metavar.path": "PAD",
    "metavar.date": "JJJJ-MM-DD",
    "opt.check_format": "Uitvoerformaat: text, json, github (standaard als GITHUB_ACTIONS=true) of gitlab (Code Quality).",
    "opt.strict": "Ook waarschuwingen gelden als fout (exitcode 1).",
    "opt.today": "Datum van 'vandaag' (JJJJ-MM-DD), voor reproduceerbare uitvoer; standaard de echte datum.",
    "cmd.schema.help": (
        "Druk het JSON Schema van het planbestand af, voor een editor met YAML-ondersteuning: "
        "mlplan schema > mlplan-plan.schema.json en bovenaan het plan "
        "'# yaml-language-server: $schema=./mlplan-plan.schema.json'."
    ),
    "cmd.schema.epilog": "Voorbeeld: mlplan schema > mlplan-plan.schema.json",
    # --- init and the scheduler (issue 4) ----------------------------------------------------
    # --- plan (issue 5) ------------------------------------------------------------------------
    # --- summary (issue 6) ---------------------------------------------------------------------
    # --- edit commands (issue 7) ---------------------------------------------------------------
}
