"""English messages. Keys and placeholders must match ``nl.py``."""

MESSAGES: dict[str, str] = {
    # --- app and shared options ---------------------------------------------------------
    "app.help": (
        "Plan, check and summarise medical leadership (medisch leiderschap) in the individual "
        "training plan (IOP) of Dutch residents (aios), following the framework of the "
        "Federatie Medisch Specialisten."
    ),
    "opt.lang": "Output language: nl (default) or en. Also MLPLAN_LANG.",
    "opt.framework": "Another framework file (YAML) instead of the shipped one. Also MLPLAN_FRAMEWORK.",
    "opt.version": "Show the version and exit.",
    "opt.format": "Output format.",
    "metavar.file": "FILE",
    "metavar.topic": "TOPIC",
    "label.error": "error:",
    "label.warning": "warning:",
    # --- errors -----------------------------------------------------------------------------
    "error.interrupted": "Interrupted; nothing was written.",
    "error.internal": (
        "internal error in mlplan ({detail}). Nothing was written. Please report it with the "
        "command you gave; MLPLAN_DEBUG=1 shows the details."
    ),
    "error.bad_language": "unknown language '{value}'; choose from {choices}",
    "error.file_not_found": "{path}: file not found",
    "error.is_directory": "{path}: is a directory, not a file",
    "error.permission_denied": "{path}: permission denied",
    "write.failed": "{path}: cannot be written ({reason}); the file was not changed",
    "write.changed_on_disk": "{path} changed since mlplan read it (an editor?); nothing was written, try again",
    "error.cannot_read": "{path}: cannot be read ({reason})",
    # --- framework command ------------------------------------------------------------------
    "cmd.framework.help": (
        "Browse the framework: competencies, topics (with their ids), learning objectives, "
        "example activities, training material, courses and the learning curve."
    ),
    "cmd.framework.epilog": (
        "Examples: mlplan framework · mlplan framework patientveiligheid · "
        "mlplan framework --format markdown > framework.md"
    ),
    "arg.topic": "Id of one topic to show in full, for example patientveiligheid.",
    "framework.invalid": "{path}: invalid framework file ({count} problem(s))",
    "framework.phases": "the phases must be exactly {expected}, in that order",
    "framework.duplicate_number": "competency number {number} occurs twice",
    "framework.duplicate_id": "id '{id}' occurs twice",
    "framework.unknown_topic": "unknown topic '{id}'",
    "framework.unknown_course": "unknown required course '{id}'",
    "framework.unknown_topic_arg": "unknown topic '{id}'. Did you mean '{hint}'?",
    "framework.unknown_topic_arg_nohint": "unknown topic '{id}'. Known topics: {ids}",
    "fw.competency": "Competency {number}: {title}",
    "fw.canmeds": "CanMEDS 2015 Leader, key competency {number}: {text}",
    "fw.col.id": "id",
    "fw.col.topic": "Topic",
    "fw.col.objectives": "Objectives",
    "fw.col.activities": "Example activities",
    "fw.col.materials": "Material",
    "fw.col.phase": "Phase",
    "fw.col.kind": "Kind",
    "fw.col.provider": "Provider",
    "fw.col.title": "Title",
    "fw.col.course": "Course",
    "fw.col.level": "Level",
    "fw.col.details": "Details",
    "fw.objectives": "Learning objectives",
    "fw.activities": "Example activities",
    "fw.materials": "Training material",
    "fw.no_objectives": "no learning objectives at basis level",
    "fw.topic_of": "Topic of competency {number}: {title}",
    "fw.min_activities": "At least {count} activity/activities in practice.",
    "fw.rule": "Rule",
    "fw.courses": "Courses",
    "fw.required": "Required courses",
    "fw.optional": "Optional courses",
    "fw.requirement": "Required",
    "fw.phases": "Learning curve during training",
    "fw.phase_goals": "Insight",
    "fw.phase_examples": "Examples",
    "fw.levels": "Levels (profilering)",
    "fw.minutes": "{minutes} minutes",
    "fw.points": "{points} accreditation points",
    "fw.source": "Source: {publisher} ({year})",
    "fw.more": "One topic in full: mlplan framework <id>, for example mlplan framework {example}",
    "phase.begin": "begin (early)",
    "phase.midden": "midden (middle)",
    "phase.eind": "eind (final)",
    # --- YAML (ML001) -------------------------------------------------------------------------
    "yaml.too_large": "file is larger than {mb} MB; a plan is much smaller, is this the right file?",
    "yaml.not_utf8": "file is not UTF-8 text (byte 0x{byte}); save it as UTF-8",
    "yaml.binary": "file contains a NUL character; is this a text file?",
    "yaml.control_char": "control character not allowed in the text",
    "yaml.tab": "tab found; YAML indents with spaces",
    "yaml.mapping_values": "unexpected ':' — quote text that contains a colon, or check the indentation",
    "yaml.undefined_alias": "reference (*alias) to an anchor that does not exist",
    "yaml.unexpected_end": "file ends unexpectedly; is a quote or bracket not closed?",
    "yaml.expected_colon": "':' expected after a key",
    "yaml.expected_key": "key expected; check the indentation",
    "yaml.expected_dash": "list item ('- ') expected; check the indentation",
    "yaml.duplicate_anchor": "anchor (&name) occurs twice",
    "yaml.syntax": "YAML syntax error: {detail}",
    "yaml.multiple_documents": "more than one YAML document ('---'); a plan is one document",
    "yaml.unsupported_tag": "tag {tag} is not supported; use plain text, numbers, lists and keys",
    "yaml.bad_scalar": "value '{value}' does not fit {tag}",
    "yaml.too_deep": "nested too deeply (more than {depth} levels)",
    "yaml.too_many_nodes": "too many elements (more than {limit}, references included); possibly an 'alias bomb'",
    "yaml.complex_key": "a key must be plain text, not a list or mapping",
    "yaml.duplicate_key": "key '{key}' occurs twice (first on line {first})",
    "yaml.bad_merge": "'<<' must refer to a mapping",
    # --- schema (ML002) -----------------------------------------------------------------------
    "schema.empty": "file is empty",
    "schema.unknown_key_hint": "unknown key '{key}'. Did you mean '{hint}'?",
    "schema.unknown_key": "unknown key '{key}'; allowed: {allowed}",
    "schema.missing": "required key '{field}' is missing",
    "schema.invalid": "invalid value at '{field}': {detail}",
    "schema.expected_text": "'{field}' must be text, not {value}",
    "schema.expected_text_bool": (
        "'{field}' must be text; YAML reads {value} as yes/no — put the value in quotes"
    ),
    "schema.empty_text": "'{field}' must not be empty",
    "schema.expected_int": "'{field}' must be a whole number, not '{value}'",
    "schema.expected_number": "'{field}' must be a number, not '{value}'",
    "schema.expected_bool": "'{field}' must be true or false, not '{value}'",
    "schema.expected_choice": "'{field}' must be one of {expected}, not '{value}'",
    "schema.greater_than": "'{field}' must be greater than {gt}, not {value}",
    "schema.greater_equal": "'{field}' must be at least {ge}, not {value}",
    "schema.less_than": "'{field}' must be less than {lt}, not {value}",
    "schema.less_equal": "'{field}' must be at most {le}, not {value}",
    "schema.too_long": "'{field}' has too many elements (at most {max_length})",
    "schema.too_short": "'{field}' has too few elements (at least {min_length})",
    "schema.expected_mapping": "'{field}' must be a mapping (key: value), not {value}",
    "schema.expected_list": "'{field}' must be a list ('- ' per item), not {value}",
    "schema.pattern": "'{field}' has an invalid form: '{value}'",
    "schema.date_format": "'{field}' must be a date as YYYY-MM-DD, not '{value}'",
    "schema.date_impossible": "'{field}': {value} is not a date that exists",
    # --- check and its rules (issue 3) ------------------------------------------------------
    "rule.unknown_framework": "the plan names framework '{id}', but the loaded framework is '{expected}'",
    "rule.ML003.topic_hint": "unknown topic '{id}'. Did you mean '{hint}'?",
    "rule.ML003.topic": "unknown topic '{id}'; known topics: {ids}",
    "rule.ML003.course_hint": "unknown course id '{id}'. Did you mean '{hint}'? (Your own course is fine: write its title in full)",
    "rule.ML003.course": "unknown course id '{id}'; courses of the framework: {ids}. Your own course is fine: write its title in full",
    "rule.ML100": "topic '{id}' ({title}) has no activity yet; add one, for example '{example}'",
    "rule.ML100.few": "topic '{id}' ({title}) has {count} of at least {min} activities; add one, for example '{example}'",
    "rule.ML101": "required course missing: {title} (course: {ids})",
    "rule.ML102": "year {year} is outside the training: it lasts {years} years, so year 1 to {last}",
    "rule.ML200": "'{title}' is in year {year} (phase {phase}), but the learning curve puts this activity in phase {suggested}",
    "rule.ML201.evidence": "'{title}' is done, but has no evidence; fill in evidence (KPB, 360° feedback, report, …)",
    "rule.ML201.date": "'{title}' is done, but has no date; fill in done_on (YYYY-MM-DD)",
    "rule.ML202": "'{title}' belongs to year {year}, which ended on {end}, but is still {status}; set status: done (with done_on and evidence), dropped, or move the activity to a later year",
    "rule.ML203": "{count} improvement points; the IOP asks for a TOP {max} — choose the {max} that matter most",
    "rule.ML204.empty": "year {years} has no activity; spread the activities over the training",
    "rule.ML204.empty_many": "years {years} have no activity; spread the activities over the training",
    "rule.ML204.crowded": "year {year} holds {count} of the {total} activities, more than half; spread them over the training",
    "rule.duplicate_activity": "activity '{title}' under '{topic}' is already in the plan (activity no. {first}); remove one or give them different titles",
    "rule.duplicate_course": "course '{course}' is already in the plan (course no. {first})",
    "rule.duplicate_meeting": "there is already a meeting on {date} (meeting no. {first}); merge them or correct the date",
    "rule.duplicate_point": "this improvement point is already in the plan (improvement point no. {first})",
    "check.count": "{errors}, {warnings} in {files}.",
    "check.clean": "No errors or warnings in {files}.",
    "check.errors.one": "1 error",
    "check.errors.many": "{n} errors",
    "check.warnings.one": "1 warning",
    "check.warnings.many": "{n} warnings",
    "check.files.one": "1 file",
    "check.files.many": "{n} files",
    "check.unreadable": "{n} file(s) could not be read",
    "yaml.reserved_char": "a value cannot start with @, ` or %; put the value in quotes",
    "yaml.bad_escape": "invalid \\ sequence in text between double quotes (a Windows path?); use single quotes",
    "yaml.unclosed_flow": "bracket '[' or '{' is not closed, or a ',' is missing",
    "schema.root_mapping": "a plan is a mapping of keys (version: 1, aios:, training:, …), not {value}",
    "check.bad_today": "'{value}' is not a date; use YYYY-MM-DD, for example 2026-11-22",
    "cmd.check.help": (
        "Check plans: YAML, schema and the framework's rules (ML001–ML204), each finding with "
        "file:line:column. Without PATH: ./plan.yaml. Exit code 0: no errors; 1: errors found "
        "(or warnings with --strict); 2: a file cannot be read or bad usage."
    ),
    "cmd.check.epilog": (
        "Examples: mlplan check · mlplan check plans/*.yaml --format json · "
        "mlplan check --strict --today 2026-11-22 plan.yaml. Each code explained: docs/rules.md"
    ),
    "arg.plan_paths": "One or more plan files (default plan.yaml).",
    "metavar.path": "PATH",
    "metavar.date": "YYYY-MM-DD",
    "opt.check_format": "Output format: text, json, github (default when GITHUB_ACTIONS=true) or gitlab (Code Quality).",
    "opt.strict": "Let warnings fail the check too (exit code 1).",
    "opt.today": "The date taken as 'today' (YYYY-MM-DD), for reproducible output; default the real date.",
    "cmd.schema.help": (
        "Print the plan file's JSON Schema, for an editor with YAML support: "
        "mlplan schema > mlplan-plan.schema.json and at the top of the plan "
        "'# yaml-language-server: $schema=./mlplan-plan.schema.json'."
    ),
    "cmd.schema.epilog": "Example: mlplan schema > mlplan-plan.schema.json",
    # --- init and the scheduler (issue 4) ----------------------------------------------------
    # --- plan (issue 5) ------------------------------------------------------------------------
    # --- summary (issue 6) ---------------------------------------------------------------------
    # --- edit commands (issue 7) ---------------------------------------------------------------
}
