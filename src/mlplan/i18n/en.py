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
    "help.arguments": "Arguments",
    "help.options": "Options",
    "help.commands": "Commands",
    "help.default": "[default: {}]",
    "help.envvar": "[env var: {}]",
    "help.required": "[required]",
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
    "fw.phase_examples": "Example",
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
    # --- init and the scheduler (issue 4) ----------------------------------------------------
    # --- plan (issue 5) ------------------------------------------------------------------------
    # --- summary (issue 6) ---------------------------------------------------------------------
    # --- edit commands (issue 7) ---------------------------------------------------------------
}
