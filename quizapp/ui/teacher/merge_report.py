"""What importing a results file or a class list file changed, in the teacher's words and language.

The store's :class:`~quizapp.services.records.MergeReport` counts what was added and names the learners
the file mapped, merged or reset; ``quizapp.services.transfer.describe_report`` words it in English for the
command line. Here the same facts become translated sentences for the teacher area.
"""

from __future__ import annotations

from collections.abc import Callable

from quizapp.services.records import MergeReport
from quizapp.ui.teacher.widgets import fill_args, tr

NameOf = Callable[[str], str | None]
"""The current name of a learner of this computer by id (None when there is no such learner)."""


def merge_lines(report: MergeReport, source: str, name_of: NameOf, *, roster: bool = False) -> list[str]:
    """Sentences about one imported file (``source`` is its name): what came in, then every learner the
    file mapped to another, merged, reset or left out, and classes that look alike. Learners who look
    alike are named for a class list (``roster``); after a results file the share page asks about them."""
    lines = [_summary(report, source, roster=roster)]
    for who in report.skipped_deleted:
        lines.append(fill_args(tr("Left out %1: this learner was removed on this computer."), who))
    for mapped in report.mapped:
        kept = name_of(mapped.kept_id)
        if kept is None:
            text = tr(
                "%1 was merged into another learner before: what the file holds of them was added to "
                "that learner."
            )
        else:
            text = tr("%1 was merged into %2 before: what the file holds of them was added to %2.")
        lines.append(fill_args(text, mapped.name, kept or ""))
    for folded in report.folded:
        kept = name_of(folded.kept_id) or folded.name
        text = tr("%1 was merged into %2 here too, as on the computer the file came from.")
        lines.append(fill_args(text, folded.name, kept))
    for name in report.reset:
        text = tr("The older progress of %1 was cleared here: it was reset on the other computer.")
        lines.append(fill_args(text, name))
    for note in report.clock_notes:
        text = tr(
            "The clock of %1 was ahead: it dates the reset of %2's progress %3 UTC. Only the answers "
            "that reset had seen were cleared, so no answer given since is lost. Set the date and time of "
            "%1 right."
        )
        lines.append(fill_args(text, note.computer, note.learner, note.reset_at[:16].replace("T", " ")))
    if report.skipped_before_reset:
        lines.append(
            tr(
                "%n answer(s) in the file were left out: they were given before their learner's progress "
                "was reset.",
                "",
                report.skipped_before_reset,
            )
        )
    for look_alike in report.look_alikes:
        if look_alike.kind == "class":
            lines.append(
                fill_args(
                    tr(
                        "Check: there are now two classes called '%1'. If they are the same class, move "
                        "its learners into one and archive the other."
                    ),
                    look_alike.name,
                )
            )
        elif roster:
            lines.append(
                fill_args(
                    tr(
                        "Check: there are now two learners called '%1'. If they are the same child, keep "
                        "using one and archive the other."
                    ),
                    look_alike.name,
                )
            )
    return lines


def _summary(report: MergeReport, source: str, *, roster: bool) -> str:
    if not report.changed:
        return fill_args(tr("%1: nothing new (everything in it was already here)."), source)
    added, updated = report.added, report.updated
    if roster:
        text = fill_args(
            tr("%1: %2 new class(es), %3 new learner(s)."),
            source,
            str(added.get("classes", 0)),
            str(added.get("learners", 0)),
        )
        changed = updated.get("classes", 0) + updated.get("learners", 0)
        if changed:
            text += " " + tr("%n class(es) or learner(s) brought up to date.", "", changed)
        return text
    return fill_args(
        tr("%1: %2 new learner(s), %3 new answer(s), %4 new quiz try(s)."),
        source,
        str(added.get("learners", 0)),
        str(added.get("attempts", 0)),
        str(added.get("quiz_runs", 0)),
    )
