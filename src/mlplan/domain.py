"""Pure domain questions about a plan against its framework: phases and coverage.

Shared by ``check``'s rules, ``plan`` and ``summary`` so each answers them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mlplan.framework import Competency, Framework, PhaseId, Requirement, Topic, normalise_title
from mlplan.plan import Activity, Plan, Status

CoverageState = Literal["done", "planned", "missing"]


def suggested_phase(activity: Activity, fw: Framework) -> PhaseId | None:
    """The phase the learning curve suggests: the activity's own ``phase``, else that of
    the framework's example activity with the same title (ignoring case and quotes)."""
    if activity.phase is not None:
        return activity.phase
    topic = fw.topic(activity.topic)
    example = topic.example(activity.title) if topic else None
    return example.phase if example else None


def counts(activity: Activity) -> bool:
    """Whether an activity counts towards a topic: dropped ones do not."""
    return activity.status is not Status.DROPPED


@dataclass(frozen=True, slots=True)
class TopicCoverage:
    competency: Competency
    topic: Topic
    activities: tuple[Activity, ...]  # those that count (not dropped)

    @property
    def done(self) -> int:
        return sum(1 for a in self.activities if a.status is Status.DONE)

    @property
    def state(self) -> CoverageState:
        needed = self.topic.min_activities
        if self.done >= needed:
            return "done"
        if len(self.activities) >= needed:
            return "planned"
        return "missing"


def coverage(plan: Plan, fw: Framework) -> list[TopicCoverage]:
    """Every topic of the framework, in its order, with the plan's counting activities."""
    by_topic: dict[str, list[Activity]] = {tid: [] for tid in fw.topic_ids()}
    for activity in plan.activities:
        if counts(activity) and activity.topic in by_topic:
            by_topic[activity.topic].append(activity)
    return [TopicCoverage(comp, topic, tuple(by_topic[topic.id])) for comp, topic in fw.topics()]


def covered(cov: list[TopicCoverage]) -> int:
    """How many topics have at least their minimum of (planned or done) activities."""
    return sum(1 for c in cov if c.state != "missing")


def missing_requirements(plan: Plan, fw: Framework) -> list[Requirement]:
    """The framework's course requirements that no (non-dropped) course of the plan meets."""
    present = {normalise_title(c.course) for c in plan.courses if c.status is not Status.DROPPED}
    return [r for r in fw.courses.requirements if not present.intersection(r.any_of)]
