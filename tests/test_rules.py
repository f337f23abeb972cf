"""Each rule of ``mlplan check``: a plan that triggers it, one that does not, the right line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mlplan import i18n
from mlplan.domain.checking import CheckedPlan, check_text
from mlplan.domain.resolved import resolve
from mlplan.domain.rules import example_for
from mlplan.io import loading, yamlloc
from mlplan.io.loading import load_framework
from mlplan.model.framework import Framework
from mlplan.model.plan import Plan

TOPICS = [
    "overlegmomenten",
    "organisatie",
    "innovatie",
    "patientveiligheid",
    "financien",
    "verandermanagement",
    "doelmatigheid",
    "persoonlijk-leiderschap",
    "onderhandelen",
    "incidenten-en-conflicten",
    "leidinggeven-en-samenwerken",
    "timemanagement",
    "toekomstvisie",
    "werk-en-prive",
]

HEADER = """\
version: 1
aios:
  name: Test Aios
training:
  start: 2025-09-01
  years: 3
courses:
  - course: coach-the-co
    year: 1
  - course: doo-teamwork
    year: 2
activities:
"""
FIRST = HEADER.count("\n") + 1  # line of the first activity (13)
ACTIVITIES_KEY = FIRST - 1
TODAY = dt.date(2025, 10, 1)  # year 1 of 3, phase begin; no year has ended


def activity(topic: str, title: str | None = None, year: int = 1, **extra: object) -> str:
    """One activity on one line (flow style), so line numbers are easy to read."""
    fields = {"topic": topic, "title": title or f"Eigen activiteit {topic}", "year": year, **extra}
    inner = ", ".join(
        f'{k}: "{v}"' if isinstance(v, str) else f"{k}: {v}" for k, v in fields.items()
    )
    return f"  - {{{inner}}}\n"


def full(year_of: dict[str, int] | None = None) -> list[str]:
    """One activity per topic, spread over the three years."""
    years = year_of or {}
    return [activity(t, year=years.get(t, i % 3 + 1)) for i, t in enumerate(TOPICS)]


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


def check(
    fw: Framework, text: str, today: dt.date = TODAY, framework: Framework | None = None
) -> CheckedPlan:
    return check_text(text, "plan.yaml", framework or fw, today)


def value_col(line: str, key: str) -> int:
    """1-based column of ``key``'s value on a line of YAML."""
    return line.index(f"{key}: ") + len(key) + 3


def where(result: CheckedPlan, code: str) -> list[tuple[int, int]]:
    return [(d.line, d.column) for d in result.diagnostics if d.code == code]


def messages(result: CheckedPlan, code: str) -> list[str]:
    return [d.message for d in result.diagnostics if d.code == code]


def test_the_base_plan_is_clean(fw: Framework) -> None:
    result = check(fw, HEADER + "".join(full()))
    assert result.plan is not None
    assert result.diagnostics == []


# -- ML003 -------------------------------------------------------------------------------


def test_ml003_unknown_topic_suggests_the_nearest_id(fw: Framework) -> None:
    acts = full()
    acts[3] = activity("patientveilgheid")
    result = check(fw, HEADER + "".join(acts))
    assert where(result, "ML003") == [(FIRST + 3, 13)]
    assert messages(result, "ML003") == [
        "onbekend onderwerp 'patientveilgheid'. Bedoelde je 'patientveiligheid'?"
    ]


def test_ml003_unknown_topic_without_a_near_id_lists_the_ids(fw: Framework) -> None:
    result = check(fw, HEADER + "".join([*full(), activity("xyzzy")]))
    (message,) = messages(result, "ML003")
    assert "'xyzzy'" in message and "overlegmomenten, organisatie" in message


@pytest.mark.parametrize(
    ("course", "hint"),
    [
        ("coach-the-c0", "coach-the-co"),
        ("doo-team", "doo-teamwork"),
        ("coachtheco", "coach-the-co"),
    ],
)
def test_ml003_course_that_looks_like_an_id(fw: Framework, course: str, hint: str) -> None:
    text = HEADER.replace("activities:\n", f"  - course: {course}\nactivities:\n") + "".join(full())
    result = check(fw, text)
    assert where(result, "ML003") == [(ACTIVITIES_KEY, 13)]
    assert f"Bedoelde je '{hint}'?" in messages(result, "ML003")[0]


def test_ml003_unknown_id_like_course_without_a_hint(fw: Framework) -> None:
    text = HEADER.replace("activities:\n", "  - course: eigen-cursus\nactivities:\n") + "".join(
        full()
    )
    (message,) = messages(check(fw, text), "ML003")
    assert "eigen-cursus" in message and "coach-the-co" in message


@pytest.mark.parametrize("course", ["Cursus vergadertechniek", "mindfulness", "Coach the co 2"])
def test_ml003_free_course_titles_are_allowed(fw: Framework, course: str) -> None:
    text = HEADER.replace("activities:\n", f"  - course: {course}\nactivities:\n") + "".join(full())
    assert where(check(fw, text), "ML003") == []


# -- ML100 -------------------------------------------------------------------------------


def test_ml100_missing_topic_at_the_activities_key(fw: Framework) -> None:
    acts = [a for a in full() if "innovatie" not in a]
    result = check(fw, HEADER + "".join(acts))
    assert where(result, "ML100") == [(ACTIVITIES_KEY, 1)]
    assert messages(result, "ML100") == [
        "onderwerp 'innovatie' (Innovatie en creativiteit) heeft nog geen activiteit; voeg er een toe, "
        "bijvoorbeeld 'Leiding in actualiseren aspecten van EPD'"
    ]


def test_ml100_dropped_activities_do_not_count(fw: Framework) -> None:
    acts = full()
    acts[2] = activity("innovatie", status="dropped")
    assert len(where(check(fw, HEADER + "".join(acts)), "ML100")) == 1


def test_ml100_without_activities_is_on_line_1(fw: Framework) -> None:
    text = "# mijn plan\n\n" + HEADER.removesuffix("activities:\n")
    result = check(fw, text)
    assert where(result, "ML100") == [(1, 1)] * 14


@pytest.mark.parametrize(
    ("today", "example"),
    [
        # overlegmomenten has one phased example (Voorzitten MDO, eind); in another phase
        # the first example without a phase is suggested
        (dt.date(2025, 10, 1), "Voorzitten overdracht"),  # year 1 of 3: begin
        (dt.date(2026, 10, 1), "Voorzitten overdracht"),  # year 2: midden
        (dt.date(2027, 10, 1), "Voorzitten MDO"),  # year 3: eind
        (dt.date(2031, 1, 1), "Voorzitten MDO"),  # after the training: its last phase
        (dt.date(2020, 1, 1), "Voorzitten overdracht"),  # before the start: begin
    ],
)
def test_ml100_suggests_an_example_for_the_current_phase(
    fw: Framework, today: dt.date, example: str
) -> None:
    acts = [a for a in full() if "overlegmomenten" not in a]
    (message,) = messages(check(fw, HEADER + "".join(acts), today=today), "ML100")
    assert f"bijvoorbeeld '{example}'" in message


def test_example_for_falls_back_to_the_first(fw: Framework) -> None:
    topic = fw.topic("timemanagement")
    assert topic is not None
    assert example_for(topic, "eind") == "Visite en poli volgens schema"


def test_current_phase_follows_the_training_years(fw: Framework) -> None:
    plan = Plan.model_validate(
        {"version": 1, "aios": {"name": "A"}, "training": {"start": "2025-09-01", "years": 5}}
    )
    assert resolve(plan, fw, dt.date(2026, 11, 22)).phase_now == "begin"
    assert resolve(plan, fw, dt.date(2027, 11, 22)).phase_now == "midden"


def test_ml100_counts_up_to_min_activities(fw: Framework) -> None:
    text = loading.shipped_path().read_text(encoding="utf-8")
    text = text.replace("- id: innovatie\n", "- id: innovatie\n        min_activities: 2\n", 1)
    assert "min_activities: 2" in text
    custom, problems = loading.parse_framework(yamlloc.parse(text, "fw.yaml"))
    assert custom is not None, problems
    result = check(fw, HEADER + "".join(full()), framework=custom)
    assert messages(result, "ML100") == [
        "onderwerp 'innovatie' (Innovatie en creativiteit) heeft 1 van de minimaal 2 activiteiten; voeg er een "
        "toe, bijvoorbeeld 'Leiding in actualiseren aspecten van EPD'"
    ]


# -- ML101 -------------------------------------------------------------------------------


def test_ml101_missing_doo_course_at_the_courses_key(fw: Framework) -> None:
    text = HEADER.replace("  - course: doo-teamwork\n    year: 2\n", "") + "".join(full())
    result = check(fw, text)
    assert where(result, "ML101") == [(7, 1)]
    assert "DOO teamwork of DOO leiderschap" in messages(result, "ML101")[0]


def test_ml101_either_doo_course_satisfies_it(fw: Framework) -> None:
    text = HEADER.replace("doo-teamwork", "doo-leiderschap") + "".join(full())
    assert where(check(fw, text), "ML101") == []


def test_ml101_a_dropped_course_does_not_count(fw: Framework) -> None:
    text = HEADER.replace("    year: 1\n", "    year: 1\n    status: dropped\n") + "".join(full())
    result = check(fw, text)
    assert where(result, "ML101") == [(7, 1)]
    assert "Coach-the-co" in messages(result, "ML101")[0]


def test_ml101_without_courses_is_on_line_1(fw: Framework) -> None:
    start = HEADER.index("courses:")
    end = HEADER.index("activities:")
    text = "# plan\n" + HEADER[:start] + HEADER[end:] + "".join(full())
    assert where(check(fw, text), "ML101") == [(1, 1), (1, 1)]


# -- ML102 -------------------------------------------------------------------------------


def test_ml102_activity_and_course_after_the_last_year(fw: Framework) -> None:
    acts = full()
    acts[0] = activity("overlegmomenten", year=4)
    text = HEADER.replace("    year: 2\n", "    year: 5\n") + "".join(acts)
    result = check(fw, text)
    assert where(result, "ML102") == [(11, 11), (FIRST, value_col(acts[0], "year"))]
    assert messages(result, "ML102")[1] == (
        "jaar 4 valt buiten de opleiding: die duurt 3 jaar, dus jaar 1 tot en met 3"
    )


def test_ml102_a_partial_last_year_counts(fw: Framework) -> None:
    acts = full()
    acts[0] = activity("overlegmomenten", year=3)
    text = HEADER.replace("years: 3", "years: 2.5") + "".join(acts)
    assert where(check(fw, text), "ML102") == []


# -- ML200 -------------------------------------------------------------------------------


def test_ml200_activity_before_its_suggested_phase(fw: Framework) -> None:
    acts = full()
    acts[0] = activity("overlegmomenten", "voorzitten mdo", year=1)  # eind, case ignored
    result = check(fw, HEADER + "".join(acts))
    assert where(result, "ML200") == [(FIRST, value_col(acts[0], "year"))]
    assert messages(result, "ML200") == [
        "'voorzitten mdo' staat in jaar 1 (fase begin), maar de leercurve plant deze activiteit "
        "in fase eind"
    ]


def test_ml200_own_phase_overrides_and_quotes_are_ignored(fw: Framework) -> None:
    acts = full()
    acts[0] = activity("overlegmomenten", "Eigen", year=2, phase="eind")
    acts[5] = activity("verandermanagement", "Verwonder en Verbeter", year=1)  # midden
    assert len(where(check(fw, HEADER + "".join(acts)), "ML200")) == 2


@pytest.mark.parametrize(
    ("year", "status"), [(3, "planned"), (1, "done"), (1, "dropped"), (2, "planned")]
)
def test_ml200_not_in_time_or_history(fw: Framework, year: int, status: str) -> None:
    acts = full()
    extra: dict[str, object] = {"status": status}
    if status == "done":
        extra |= {"done_on": "2025-09-20", "evidence": "KPB"}
    title = "Voorzitten MDO" if year != 2 else "Dienstrooster samenstellen"
    topic = "overlegmomenten" if year != 2 else "onderhandelen"
    acts.append(activity(topic, title, year=year, **extra))
    assert where(check(fw, HEADER + "".join(acts)), "ML200") == []


# -- ML201 -------------------------------------------------------------------------------


def test_ml201_done_without_evidence_and_date(fw: Framework) -> None:
    acts = full()
    acts[1] = activity("organisatie", status="done")
    result = check(fw, HEADER + "".join(acts))
    assert where(result, "ML201") == [(FIRST + 1, 5), (FIRST + 1, 5)]  # the activity's "{"
    assert sorted(messages(result, "ML201")) == [
        "'Eigen activiteit organisatie' is afgerond, maar zonder bewijs; vul evidence in "
        "(KPB, 360°-feedback, verslag, …)",
        "'Eigen activiteit organisatie' is afgerond, maar zonder datum; vul done_on in (JJJJ-MM-DD)",
    ]


def test_ml201_done_with_evidence_and_date(fw: Framework) -> None:
    acts = full()
    acts[1] = activity("organisatie", status="done", done_on="2025-09-20", evidence="verslag")
    assert where(check(fw, HEADER + "".join(acts)), "ML201") == []


# -- ML202 -------------------------------------------------------------------------------


def test_ml202_activity_of_an_ended_year_not_done(fw: Framework) -> None:
    acts = full()
    acts[6] = activity("doelmatigheid", year=1, status="dropped")
    acts[9] = activity(
        "incidenten-en-conflicten", year=1, status="done", done_on="2026-01-02", evidence="x"
    )
    acts.append(activity("doelmatigheid", "Stage bij zorgverzekeraar", year=2))
    result = check(fw, HEADER + "".join(acts), today=dt.date(2026, 9, 1))
    year_one = [i for i, a in enumerate(acts) if "year: 1" in a and "status" not in a]
    assert year_one == [0, 3, 12]
    assert where(result, "ML202") == [(FIRST + i, value_col(acts[i], "year")) for i in year_one]
    assert "2026-08-31" in messages(result, "ML202")[0]


@pytest.mark.parametrize(
    ("status", "dutch", "english"),
    [("planned", "gepland", "planned"), ("in_progress", "bezig", "in progress")],
)
def test_ml202_speaks_the_status_word(fw: Framework, status: str, dutch: str, english: str) -> None:
    acts = full()
    acts[0] = activity(TOPICS[0], year=1, status=status)
    result = check(fw, HEADER + "".join(acts), today=dt.date(2026, 9, 1))
    first = messages(result, "ML202")[0]
    assert first.startswith(
        f"'Eigen activiteit {TOPICS[0]}' hoort bij jaar 1, dat op 2026-08-31 is afgelopen, "
        f"maar staat nog op {dutch}; zet status: done"
    ), first
    i18n.set_language("en")
    assert messages(result, "ML202")[0].startswith(
        f"'Eigen activiteit {TOPICS[0]}' belongs to year 1, which ended on 2026-08-31, "
        f"but is still {english}; set status: done"
    )


def test_ml202_nothing_before_the_year_ends(fw: Framework) -> None:
    result = check(fw, HEADER + "".join(full()), today=dt.date(2026, 8, 31))
    assert where(result, "ML202") == []


# -- ML203 -------------------------------------------------------------------------------


def points(n: int) -> str:
    return "improvement_points:\n" + "".join(f"  - point: Punt {i}\n" for i in range(1, n + 1))


def test_ml203_more_than_three_points_at_the_fourth(fw: Framework) -> None:
    text = HEADER + "".join(full()) + points(5)
    result = check(fw, text)
    line = text.splitlines().index("  - point: Punt 4") + 1
    assert where(result, "ML203") == [(line, 5)]
    assert messages(result, "ML203") == [
        "5 verbeterpunten; het IOP vraagt een TOP 3 — kies de belangrijkste 3"
    ]


def test_ml203_three_points_are_fine(fw: Framework) -> None:
    assert where(check(fw, HEADER + "".join(full()) + points(3)), "ML203") == []


# -- ML204 -------------------------------------------------------------------------------


def test_ml204_an_empty_year(fw: Framework) -> None:
    result = check(fw, HEADER + "".join(full({t: 1 + i % 2 for i, t in enumerate(TOPICS)})))
    assert where(result, "ML204") == [(ACTIVITIES_KEY, 1)]
    assert messages(result, "ML204") == [
        "jaar 3 heeft geen activiteit; spreid de activiteiten over de opleiding"
    ]


def test_ml204_a_crowded_year_and_empty_years_once_each(fw: Framework) -> None:
    result = check(fw, HEADER + "".join(full(dict.fromkeys(TOPICS, 1))))
    assert messages(result, "ML204") == [
        "de jaren 2, 3 hebben geen activiteit; spreid de activiteiten over de opleiding",
        "jaar 1 bevat 14 van de 14 activiteiten, meer dan de helft; spreid ze over de opleiding",
    ]


def test_ml204_dropped_activities_do_not_fill_a_year(fw: Framework) -> None:
    acts = full({t: 1 + i % 2 for i, t in enumerate(TOPICS)})
    acts.append(activity("innovatie", "Iets anders", year=3, status="dropped"))
    assert len(where(check(fw, HEADER + "".join(acts)), "ML204")) == 1


def test_ml204_a_one_year_training_is_never_crowded(fw: Framework) -> None:
    text = HEADER.replace("years: 3", "years: 1").replace("    year: 2\n", "") + "".join(
        full(dict.fromkeys(TOPICS, 1))
    )
    assert where(check(fw, text), "ML204") == []


def test_ml204_years_behind_the_aios_may_be_empty(fw: Framework) -> None:
    """A plan started in year 2 has nothing in year 1: that is history, not a plan to
    spread (issue 12, item 3). An open year without work still counts."""
    in_year_two = dt.date(2026, 10, 1)
    later = full({t: 2 + i % 2 for i, t in enumerate(TOPICS)})
    assert check(fw, HEADER + "".join(later), today=in_year_two).diagnostics == []
    # the same plan before year 1 has ended: year 1 is still open, and empty
    result = check(fw, HEADER + "".join(later), today=dt.date(2026, 8, 31))
    assert messages(result, "ML204") == [
        "jaar 1 heeft geen activiteit; spreid de activiteiten over de opleiding"
    ]
    only_two = full(dict.fromkeys(TOPICS, 2))
    result = check(fw, HEADER + "".join(only_two), today=in_year_two)
    assert messages(result, "ML204") == [
        "jaar 3 heeft geen activiteit; spreid de activiteiten over de opleiding",
        "jaar 2 bevat 14 van de 14 activiteiten, meer dan de helft; spreid ze over de opleiding",
    ]


def test_ml204_a_past_year_is_never_crowded(fw: Framework) -> None:
    """What a past year held is done (or ML202's business): nothing to move out of it."""
    done = {"done_on": "2026-01-05", "evidence": "KPB", "status": "done"}
    acts = [activity(t, year=1, **done) for t in TOPICS[:8]]
    acts += [activity(t, year=2 + i % 2) for i, t in enumerate(TOPICS[8:])]
    text = HEADER + "".join(acts)
    assert where(check(fw, text, today=dt.date(2026, 10, 1)), "ML204") == []
    assert messages(check(fw, text, today=dt.date(2026, 8, 31)), "ML204") == [
        "jaar 1 bevat 8 van de 14 activiteiten, meer dan de helft; spreid ze over de opleiding"
    ]


def test_ml204_in_the_last_year_and_after_the_training(fw: Framework) -> None:
    """One open year is never crowded; after the end no year is open (ML202 speaks)."""
    last = full(dict.fromkeys(TOPICS, 3))
    assert where(check(fw, HEADER + "".join(last), today=dt.date(2028, 1, 1)), "ML204") == []
    result = check(fw, HEADER + "".join(last), today=dt.date(2028, 9, 1))
    assert where(result, "ML204") == []
    assert len(where(result, "ML202")) == len(TOPICS)


# -- ML002: obvious duplicates -----------------------------------------------------------


def test_duplicate_activity_same_topic_and_title(fw: Framework) -> None:
    acts = [*full(), activity("innovatie", "EIGEN ACTIVITEIT INNOVATIE ", year=3)]
    result = check(fw, HEADER + "".join(acts))
    assert where(result, "ML002") == [(FIRST + 14, value_col(acts[14], "title"))]
    assert "activiteit nr. 3" in messages(result, "ML002")[0]


def test_same_title_under_another_topic_or_dropped_is_no_duplicate(fw: Framework) -> None:
    acts = [
        *full(),
        activity("organisatie", "Eigen activiteit innovatie", year=3),
        activity("innovatie", "Eigen activiteit innovatie", year=3, status="dropped"),
    ]
    assert where(check(fw, HEADER + "".join(acts)), "ML002") == []


def test_duplicate_course_meeting_and_point(fw: Framework) -> None:
    text = (
        HEADER.replace("activities:\n", "  - course: Coach-the-co\nactivities:\n")
        + "".join(full())
        + points(2).replace("Punt 2", "punt 1")
        + "meetings:\n"
        + "  - {date: 2025-10-01, kind: introductie}\n"
        + "  - {date: 2025-10-01, kind: voortgang}\n"
    )
    result = check(fw, text)
    lines = text.splitlines()
    assert where(result, "ML002") == [
        (ACTIVITIES_KEY, 13),
        (lines.index("  - point: punt 1") + 1, 12),
        (len(lines), 12),
    ]
    assert messages(result, "ML002")[2] == (
        "er staat al een gesprek op 2025-10-01 (gesprek nr. 1); voeg ze samen of corrigeer de datum"
    )


# -- language ----------------------------------------------------------------------------


def test_rule_messages_in_english(fw: Framework) -> None:
    acts = [a for a in full() if "innovatie" not in a]
    i18n.set_language("en")
    try:
        result = check(fw, HEADER + "".join(acts))
        assert messages(result, "ML100") == [
            "topic 'innovatie' (Innovatie en creativiteit) has no activity yet; add one, for example "
            "'Leiding in actualiseren aspecten van EPD'"
        ]
    finally:
        i18n.set_language("nl")


def test_every_message_of_the_example_plan_is_clean() -> None:
    fw = load_framework()
    text = Path(loading.data_file("example-plan.yaml")).read_text(encoding="utf-8")
    assert check(fw, text, today=dt.date(2026, 11, 22)).diagnostics == []


# -- course matching: one rule for ML003, ML101 and ML002 (issue 12, item 5) -------------

COURSES_BLOCK = "  - course: coach-the-co\n    year: 1\n  - course: doo-teamwork\n    year: 2\n"
COURSES_LINE = HEADER.count("\n", 0, HEADER.index("courses:")) + 2  # first entry's line (8)


def with_courses(fw: Framework, block: str, today: dt.date = TODAY) -> CheckedPlan:
    assert COURSES_BLOCK in HEADER
    return check(fw, HEADER.replace(COURSES_BLOCK, block) + "".join(full()), today)


@pytest.mark.parametrize(
    "coach",
    ["Coach-the-co", "COACH-THE-CO", "coach the co", "  Coach_the_co ", '"‘Coach-the-co’"'],
)
@pytest.mark.parametrize(
    "doo", ["DOO teamwork", "doo-teamwork", "Doo Leiderschap", "DOO-leiderschap"]
)
def test_a_framework_course_by_any_spelling_of_its_id_or_title(
    fw: Framework, coach: str, doo: str
) -> None:
    result = with_courses(fw, f"  - course: {coach}\n  - course: {doo}\n")
    assert result.diagnostics == []


def test_the_same_framework_course_in_two_spellings_is_a_duplicate(fw: Framework) -> None:
    block = COURSES_BLOCK + "  - course: Coach-the-co\n"
    result = with_courses(fw, block)
    assert where(result, "ML002") == [(COURSES_LINE + 4, 13)]


def test_an_own_course_with_satisfies_meets_the_requirement(fw: Framework) -> None:
    block = (
        "  - course: Leergang coachen voor aios\n    satisfies: coach-the-co\n"
        "  - course: Teamtraining SEH\n    satisfies: DOO teamwork\n"
    )
    assert with_courses(fw, block).diagnostics == []


def test_satisfies_may_name_the_requirement_id(fw: Framework) -> None:
    block = COURSES_BLOCK.replace("doo-teamwork", "Teamtraining SEH\n    satisfies: doo")
    assert with_courses(fw, block).diagnostics == []


def test_a_dropped_satisfies_course_does_not_count(fw: Framework) -> None:
    block = (
        "  - course: Leergang coachen voor aios\n    satisfies: coach-the-co\n"
        "    status: dropped\n  - course: doo-teamwork\n"
    )
    result = with_courses(fw, block)
    assert where(result, "ML101") == [(COURSES_LINE - 1, 1)]
    assert "Coach-the-co" in messages(result, "ML101")[0]


def test_an_unknown_satisfies_is_ml003_at_its_value_with_a_suggestion(fw: Framework) -> None:
    block = "  - course: Leergang coachen\n    satisfies: coach-the-ko\n  - course: doo-teamwork\n"
    result = with_courses(fw, block)
    assert where(result, "ML003") == [(COURSES_LINE + 1, 16)]
    assert messages(result, "ML003") == [
        "satisfies: onbekende verplichte cursus 'coach-the-ko'. Bedoelde je 'coach-the-co'?"
    ]
    assert len(where(result, "ML101")) == 1  # it meets nothing until it is fixed


def test_an_unknown_satisfies_without_a_near_id_lists_the_values(fw: Framework) -> None:
    block = "  - course: Leergang coachen\n    satisfies: mindfulness\n  - course: doo-teamwork\n"
    assert messages(with_courses(fw, block), "ML003") == [
        "satisfies: onbekende verplichte cursus 'mindfulness'; mogelijk zijn: "
        "coach-the-co, doo, doo-teamwork, doo-leiderschap"
    ]


def test_ml101_message_has_no_doubled_parentheses(fw: Framework) -> None:
    result = with_courses(fw, "  - course: doo-teamwork\n")
    (message,) = messages(result, "ML101")
    assert ") (" not in message and "))" not in message
    assert message == (
        "verplichte cursus ontbreekt: Coach-the-co (of soortgelijke cursus); "
        "voeg toe onder courses: course: coach-the-co"
    )


# -- ML103: impossible completion dates (issue 12, item 6) ------------------------------


def test_ml103_done_on_after_today_at_its_value(fw: Framework) -> None:
    acts = full()
    acts[1] = activity("organisatie", status="done", done_on="2025-10-02", evidence="KPB")
    result = check(fw, HEADER + "".join(acts))
    assert where(result, "ML103") == [(FIRST + 1, value_col(acts[1], "done_on"))]
    assert messages(result, "ML103") == [
        "'Eigen activiteit organisatie' is afgerond op 2025-10-02, maar dat is na vandaag "
        "(2025-10-01); vul de echte datum in, of zet de status terug als het nog moet gebeuren"
    ]
    assert result.errors == 1


def test_ml103_done_on_before_the_training_started(fw: Framework) -> None:
    acts = full()
    acts[2] = activity("innovatie", status="done", done_on="2025-08-31", evidence="KPB")
    result = check(fw, HEADER + "".join(acts))
    assert where(result, "ML103") == [(FIRST + 2, value_col(acts[2], "done_on"))]
    assert "vóór de start van de opleiding (2025-09-01)" in messages(result, "ML103")[0]


def test_ml103_on_a_course_whatever_its_status(fw: Framework) -> None:
    block = (
        "  - course: coach-the-co\n    status: done\n    done_on: 2024-05-01\n    evidence: x\n"
        "  - course: doo-teamwork\n    status: planned\n    done_on: 2026-01-01\n"
    )
    result = with_courses(fw, block)
    assert where(result, "ML103") == [(COURSES_LINE + 2, 14), (COURSES_LINE + 6, 14)]


def test_ml103_the_start_and_today_themselves_are_fine(fw: Framework) -> None:
    acts = full()
    acts[0] = activity("overlegmomenten", status="done", done_on="2025-09-01", evidence="KPB")
    acts[1] = activity("organisatie", status="done", done_on="2025-10-01", evidence="KPB")
    assert check(fw, HEADER + "".join(acts)).diagnostics == []


def test_ml103_english(fw: Framework) -> None:
    acts = full()
    acts[1] = activity("organisatie", status="done", done_on="2030-01-01", evidence="KPB")
    i18n.set_language("en")
    try:
        (message,) = messages(check(fw, HEADER + "".join(acts)), "ML103")
    finally:
        i18n.set_language("nl")
    assert message.startswith(
        "'Eigen activiteit organisatie' was done on 2030-01-01, but that is after today"
    )


# -- ML205: completion data on what is not done (issue 12, item 7) ----------------------


@pytest.mark.parametrize(
    ("status", "dutch", "english"),
    [
        ("planned", "gepland", "planned"),
        ("in_progress", "bezig", "in progress"),
        ("dropped", "vervallen", "dropped"),
    ],
)
def test_ml205_done_on_or_evidence_without_status_done(
    fw: Framework, status: str, dutch: str, english: str
) -> None:
    """The message speaks the status word of its language, never the identifier."""
    acts = full()
    acts[1] = activity("organisatie", status=status, done_on="2025-09-20", evidence="KPB")
    result = check(fw, HEADER + "".join(acts))
    assert where(result, "ML205") == [(FIRST + 1, acts[1].index("done_on") + 1)]
    assert messages(result, "ML205") == [
        f"'Eigen activiteit organisatie' staat op {dutch}, maar heeft done_on, evidence; "
        "zet status: done, of haal done_on, evidence weg"
    ]
    assert [d.severity.value for d in result.diagnostics if d.code == "ML205"] == ["warning"]
    i18n.set_language("en")
    assert messages(result, "ML205") == [
        f"'Eigen activiteit organisatie' is {english}, but has done_on, evidence; "
        "set status: done, or remove done_on, evidence"
    ]
    # the finding keeps the identifier (JSON, fingerprints): only the wording changes
    (finding,) = (d for d in result.diagnostics if d.code == "ML205")
    assert finding.params["status"] == status


def test_ml205_on_a_course_points_at_the_key(fw: Framework) -> None:
    block = COURSES_BLOCK.replace("    year: 2\n", "    year: 2\n    evidence: certificaat\n")
    result = with_courses(fw, block)
    assert where(result, "ML205") == [(COURSES_LINE + 4, 5)]


def test_ml205_not_for_done_entries(fw: Framework) -> None:
    acts = full()
    acts[1] = activity("organisatie", status="done", done_on="2025-09-20", evidence="KPB")
    assert check(fw, HEADER + "".join(acts)).diagnostics == []


# -- the gesprekscyclus: agreements (ML003, ML206, ML207) and the rhythm (ML208) -----------

BASE = HEADER + "".join(full())
MEETINGS_LINE = BASE.count("\n") + 1  # the line of ``meetings:``


def with_meetings(fw: Framework, block: str, today: dt.date = TODAY) -> CheckedPlan:
    """The clean base plan with a ``meetings:`` list (``block`` holds its items)."""
    return check(fw, BASE + "meetings:\n" + block, today)


def line_of(result: CheckedPlan, needle: str) -> int:
    """The 1-based line of the document's text holding ``needle``."""
    (line,) = [i for i, text in enumerate(result.document.text.splitlines(), 1) if needle in text]
    return line


AGREED = """\
  - date: 2025-09-15
    kind: introductie
    agreements:
      - Meer sporten
      - text: DOO teamwork inplannen
        owner: aios
        due: 2025-09-30
      - text: Feedback geven
        owner: opleider
        due: 2025-10-01
      - text: Coach-the-co afronden
        due: 2025-09-20
        outcome: partly
"""


def test_ml206_an_open_agreement_past_its_due_date_at_the_due_value(fw: Framework) -> None:
    result = with_meetings(fw, AGREED)
    # only the first mapping: due today is still in time, one with an outcome is settled,
    # and the text form has no due date at all
    assert where(result, "ML206") == [(line_of(result, "due: 2025-09-30"), 14)]
    assert messages(result, "ML206") == [
        "afspraak 'DOO teamwork inplannen' uit het gesprek van 2025-09-15 moest op 2025-09-30 "
        "rond zijn en staat nog open; leg de uitkomst vast (outcome: achieved, partly, "
        "not_achieved of carried_over), in het volgende gesprek met mlplan meeting --outcome"
    ]
    assert [d.severity.value for d in result.diagnostics] == ["warning"]
    i18n.set_language("en")
    assert messages(result, "ML206")[0].startswith(
        "agreement 'DOO teamwork inplannen' from the meeting of 2025-09-15 was due on "
        "2025-09-30 and is still open"
    )
    later = with_meetings(fw, AGREED, today=dt.date(2025, 10, 2))
    assert len(where(later, "ML206")) == 2  # now 'Feedback geven' is late too


def test_ml207_open_mapping_agreements_without_due(fw: Framework) -> None:
    block = """\
  - date: 2025-09-15
    kind: introductie
    agreements:
      - Meer sporten
      - text: Symposium organiseren
        owner: aios
      - text: Coach-the-co afronden
        outcome: achieved
"""
    result = with_meetings(fw, block)
    # the text form is a note without follow-up, a settled agreement needs no date
    assert where(result, "ML207") == [(line_of(result, "text: Symposium"), 9)]
    assert messages(result, "ML207") == [
        "afspraak 'Symposium organiseren' uit het gesprek van 2025-09-15 heeft geen termijn; "
        "zet due: JJJJ-MM-DD, zodat het volgende gesprek die kan opvolgen"
    ]
    two = block.replace("outcome: achieved", "owner: opleider")
    result = with_meetings(fw, two)
    assert where(result, "ML207") == [(line_of(result, "text: Symposium"), 9)]  # one per meeting
    assert messages(result, "ML207") == [
        "2 afspraken uit het gesprek van 2025-09-15 hebben geen termijn ('Symposium "
        "organiseren', 'Coach-the-co afronden'); zet bij elk due: JJJJ-MM-DD, zodat het "
        "volgende gesprek ze kan opvolgen"
    ]


def test_a_version_1_meeting_gets_no_agreement_finding(fw: Framework) -> None:
    block = "  - date: 2025-09-15\n    kind: introductie\n    agreements:\n      - Meer sporten\n"
    assert with_meetings(fw, block, today=dt.date(2026, 6, 1)).diagnostics == []


def test_ml003_what_an_agreement_is_about_must_exist(fw: Framework) -> None:
    block = """\
  - date: 2025-09-15
    kind: introductie
    agreements:
      - text: a
        topic: patientveilgheid
      - text: b
        activity: eigen activiteit innovatei
      - text: c
        course: doo-leiderschp
      - text: d
        activity: EIGEN ACTIVITEIT INNOVATIE
        course: Coach-the-co
        topic: innovatie
      - text: e
        course: knmg-canbetter
"""
    result = with_meetings(fw, block)
    # the last two name what exists: a title in another case, a framework course by title,
    # a framework course that the plan does not hold (yet)
    assert where(result, "ML003") == [
        (line_of(result, "topic: patientveilgheid"), 16),
        (line_of(result, "activity: eigen activiteit innovatei"), 19),
        (line_of(result, "course: doo-leiderschp"), 17),
    ]
    assert messages(result, "ML003") == [
        "onbekend onderwerp 'patientveilgheid'. Bedoelde je 'patientveiligheid'?",
        "de afspraak gaat over activiteit 'eigen activiteit innovatei', maar die staat niet in "
        "het plan. Bedoelde je 'Eigen activiteit innovatie'?",
        "de afspraak gaat over cursus 'doo-leiderschp', die niet in het kader en niet in het "
        "plan staat. Bedoelde je 'doo-leiderschap'?",
    ]


def test_ml003_an_agreement_about_an_own_course_of_the_plan(fw: Framework) -> None:
    own = "  - course: Mindfulness voor artsen\n    year: 1\n"
    text = HEADER.replace("activities:\n", own + "activities:\n") + "".join(full())
    block = """\
meetings:
  - date: 2025-09-15
    kind: introductie
    agreements:
      - text: a
        course: mindfulness voor artsen
      - text: b
        course: Yoga voor artsen
"""
    result = check(fw, text + block)
    assert where(result, "ML003") == [(line_of(result, "course: Yoga"), 17)]
    assert "Bedoelde je 'Mindfulness voor artsen'?" in messages(result, "ML003")[0]


def test_ml208_not_before_the_first_meeting_is_recorded(fw: Framework) -> None:
    """A plan without a meeting held does not show the cycle: as fresh from init, years in."""
    assert where(check(fw, BASE, dt.date(2027, 9, 1)), "ML208") == []
    # a meeting dated after today has not happened yet
    planned = with_meetings(fw, "  - {date: 2027-10-01, kind: voortgang}\n", dt.date(2027, 9, 1))
    assert where(planned, "ML208") == []


def test_ml208_counts_from_the_last_meeting_of_any_kind(fw: Framework) -> None:
    block = (
        "  - {date: 2025-09-15, kind: introductie}\n  - {date: 2026-03-10, kind: geschiktheid}\n"
    )
    assert where(with_meetings(fw, block, dt.date(2027, 3, 9)), "ML208") == []
    result = with_meetings(fw, block, dt.date(2027, 4, 20))
    assert where(result, "ML208") == [(MEETINGS_LINE + 2, 12)]  # the last meeting's date
    assert messages(result, "ML208") == [
        "het laatste gesprek uit de gesprekscyclus was op 2026-03-10, 13 maanden geleden; bij "
        "het ritme van dit plan (elke 12 maanden) was het volgende uiterlijk op 2027-03-10 — "
        "plan een voortgangsgesprek (het ritme stel je in met training.meeting_interval_months)"
    ]
    i18n.set_language("en")
    assert messages(result, "ML208")[0].startswith(
        "the last meeting of the gesprekscyclus was on 2026-03-10, 13 months ago; at this "
        "plan's rhythm (every 12 months) the next one was due by 2027-03-10"
    )
    (finding,) = (d for d in result.diagnostics if d.code == "ML208")
    assert finding.params["months"] == 13 and finding.params["interval"] == 12  # numbers


def test_ml208_the_plan_sets_its_own_interval(fw: Framework) -> None:
    text = BASE.replace("  years: 3\n", "  years: 3\n  meeting_interval_months: 6\n")
    block = "meetings:\n  - {date: 2025-09-15, kind: introductie}\n"
    assert where(check(fw, text + block, dt.date(2026, 3, 14)), "ML208") == []
    result = check(fw, text + block, dt.date(2026, 3, 15))
    assert "(elke 6 maanden)" in messages(result, "ML208")[0]
    one = text.replace("meeting_interval_months: 6", "meeting_interval_months: 1")
    assert "(elke 1 maand)" in messages(check(fw, one + block, dt.date(2026, 3, 15)), "ML208")[0]


@pytest.mark.parametrize("value", ["0", "37", "'6'", "6.5", "true"])
def test_ml002_a_meeting_interval_outside_1_to_36_months(fw: Framework, value: str) -> None:
    text = BASE.replace("  years: 3\n", f"  years: 3\n  meeting_interval_months: {value}\n")
    result = check(fw, text)
    assert [(d.code, d.line) for d in result.diagnostics] == [("ML002", 7)]


def test_ml208_an_interruption_adds_its_days(fw: Framework) -> None:
    """No meetings are due during leave: 92 days of interruption move the due date on."""
    stop = "  interruptions:\n    - {from: 2026-01-01, to: 2026-04-02, reason: zwangerschap}\n"
    text = BASE.replace("  years: 3\n", "  years: 3\n" + stop)
    block = "meetings:\n  - {date: 2025-09-15, kind: introductie}\n"
    # 2026-09-15 + 92 days (1 January to 2 April) = 2026-12-16
    assert where(check(fw, text + block, dt.date(2026, 12, 15)), "ML208") == []
    result = check(fw, text + block, dt.date(2026, 12, 16))
    assert "uiterlijk op 2026-12-16" in messages(result, "ML208")[0]


def test_ml208_not_after_the_training(fw: Framework) -> None:
    # three years from 2025-09-01: the last day is 2028-08-31
    block = "  - {date: 2025-09-15, kind: introductie}\n"
    assert where(with_meetings(fw, block, dt.date(2028, 8, 31)), "ML208") != []
    assert where(with_meetings(fw, block, dt.date(2028, 9, 1)), "ML208") == []
