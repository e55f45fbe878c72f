"""Whole journeys as a student makes them: new learner, lesson, every question type answered wrongly and
rightly with feedback on screen, results, try again, and a restart that resumes where the learner was."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QLabel

from quizapp.content.vocab import QUESTION_TYPES
from tests.ui.conftest import StudentApp, StudentAppFactory

PACK, MODULE = "example", "safe-basics"
WRONG_VERDICTS = {"Not quite", "Partly right", "Unsafe choice"}
RIGHT_VERDICTS = {"Correct!", "Best choice"}
QUESTIONS = len(QUESTION_TYPES)  # the example module asks one question of each type


def start_module(app: StudentApp, name: str = "Ayesha") -> str:
    learner_id = app.pilot.create_learner(name, avatar="cat", age_band="11-13")
    app.pilot.open_module(PACK, MODULE)
    return learner_id


def stored_answers(app: StudentApp, learner_id: str) -> list[Any]:
    return app.store.runs.attempts_for_learner(learner_id, pack_id=PACK, module_id=MODULE)


def answer_all(
    app: StudentApp, learner_id: str, *, right: bool, retried: list[str] | None = None
) -> list[str]:
    """Answer every question, checking the feedback on screen and the store after each Check (a wrong
    first answer that is offered a second try is followed by the right answer; ``retried`` collects
    those question types)."""
    window, pilot = app.window, app.pilot
    verdicts = []
    before = len(stored_answers(app, learner_id))
    for number in range(1, QUESTIONS + 1):
        assert window.quiz.where.text() == f"Question {number} of {QUESTIONS}"
        question = pilot.view().question
        pilot.answer(right=right)
        if pilot.first_check():
            assert not window.quiz.feedback.isVisible()  # the right answer is not revealed yet
            assert len(stored_answers(app, learner_id)) == before + number  # the first try is stored
            pilot.answer_again(right=True)
            pilot.click(window.quiz.action_button)
            if retried is not None:
                retried.append(question.type)
        feedback = window.quiz.feedback
        assert feedback.isVisible()
        verdicts.append(feedback.verdict.text())
        assert feedback.explanation.text() == question.explanation.get_text("en")
        assert not feedback.icon.pixmap().isNull()
        assert len(stored_answers(app, learner_id)) == before + number  # stored the moment it is checked
        assert window.quiz.action_button.text() in ("Next question", "Finish")
        pilot.next()
    return verdicts


def test_new_learner_lesson_every_type_wrong_then_right(student: StudentApp) -> None:
    """A learner fails the quiz with wrong answers, sees why, tries again, passes and earns the badge."""
    window, pilot = student.window, student.pilot
    learner_id = start_module(student)
    lesson = window.lesson
    assert window.current_screen() is lesson
    assert lesson.where.text() == "Part 1 of 2"
    heading = lesson.page.findChild(type(lesson.where), "section-heading")
    assert heading.text() == "Passphrases"
    assert not lesson.back_button.isEnabled()
    pilot.click(lesson.next_button)
    assert lesson.where.text() == "Part 2 of 2"
    assert lesson.next_button.text() == "Start the quiz"
    assert lesson.findChild(QFrame, "key-points").isVisible()
    pilot.click(lesson.back_button)
    assert lesson.where.text() == "Part 1 of 2"
    pilot.read_lesson()

    retried: list[str] = []
    verdicts = answer_all(student, learner_id, right=False, retried=retried)
    # two-way questions (true/false, a choice of two) show the feedback at once; the others get a second
    # try, answered right here: the screen praises it, the first (wrong) answer is what is stored
    assert "true_false" not in retried and {"single", "scenario", "multiple"} <= set(retried)
    assert sorted(verdicts).count("Not quite") + sorted(verdicts).count("Partly right") >= 1
    assert set(verdicts) <= WRONG_VERDICTS | RIGHT_VERDICTS
    assert window.current_screen() is window.help_card
    assert window.help_card.contacts.text() == "a teacher, your parents or another adult you trust"
    pilot.finish_help_card()
    results = window.results
    assert results.headline.text() == "Good try! Let's practise a bit more."
    assert results.result.score < 70
    assert results.score.text() == f"{round(results.result.score)}%"
    assert len(results.result.missed) == QUESTIONS
    assert results.again_button.isVisible() and results.again_button.property("role") == "primary"
    assert not results.confetti.isVisible()

    pilot.click(results.again_button)
    assert window.current_screen() is window.quiz
    verdicts = answer_all(student, learner_id, right=True)
    assert set(verdicts) <= RIGHT_VERDICTS
    pilot.finish_help_card()
    assert results.headline.text() == "Well done! You passed."
    assert results.score.text() == "100%"
    assert results.findChild(QLabel, "all-right").text() == "You got every question right!"
    assert results.confetti.isVisible()

    runs = student.store.runs.list_quiz_runs(learner_id, pack_id=PACK, module_id=MODULE)
    assert [(r.passed, r.score_percent) for r in runs] == [(False, runs[0].score_percent), (True, 100.0)]
    pilot.click(results.home_button)
    tile = next(t for t in window.home.tiles if t.card.entry.key == (PACK, MODULE))
    assert tile.status.text() == "Passed"
    assert tile.score.text() == "Best score: 100%"
    assert tile.badge.accessibleName() == "Badge: you passed this module"


def test_help_card_shows_the_teachers_contacts(student: StudentApp) -> None:
    """The "Who to tell" card shows the contacts the teacher entered."""
    student.store.settings.help_contacts = "Ms. Saima, room 12"
    learner_id = start_module(student)
    student.pilot.read_lesson()
    answer_all(student, learner_id, right=True)
    assert student.window.help_card.contacts.text() == "Ms. Saima, room 12"


def test_restart_resumes_mid_lesson(student_factory: StudentAppFactory) -> None:
    """After the app is closed in a lesson, Continue opens the same lesson part."""
    app = student_factory.open()
    learner_id = start_module(app)
    app.pilot.click(app.window.lesson.next_button)
    app = student_factory.restart(app)
    app.pilot.choose_learner(learner_id)
    assert app.window.home.continue_detail.text() == "Lesson: part 2 of 2"
    app.pilot.press_continue()
    assert app.window.current_screen() is app.window.lesson
    assert app.window.lesson.where.text() == "Part 2 of 2"


def test_restart_resumes_mid_quiz_in_the_same_order(student_factory: StudentAppFactory) -> None:
    """After the app is killed mid-quiz, Continue shows the next question, in the same order as before."""
    app = student_factory.open()
    learner_id = start_module(app)
    app.pilot.read_lesson()
    session = app.window.quiz.session
    order = session.order
    shown_options = {}
    for _ in range(3):
        view = app.pilot.view()
        if hasattr(view, "cards"):
            shown_options[view.question.id] = [o.id for o, _card in view.cards]
        app.pilot.answer(right=True)
        app.pilot.check()
        app.pilot.next()
    app = student_factory.restart(app)
    app.pilot.choose_learner(learner_id)
    assert app.window.home.continue_detail.text() == f"Quiz: question 4 of {QUESTIONS}"
    app.pilot.press_continue()
    quiz = app.window.quiz
    assert quiz.where.text() == f"Question 4 of {QUESTIONS}"
    assert quiz.session.order == order
    assert quiz.view.question.id == order[3]
    for question_id, options in shown_options.items():
        question = next(q for q in quiz.session.module.quiz.questions if q.id == question_id)
        shown = [question.options[i].id for i in quiz.session.option_order(question)]
        assert shown == options
    for _ in range(QUESTIONS - 3):
        app.pilot.answer(right=True)
        app.pilot.check()
        app.pilot.next()
    app.pilot.finish_help_card()
    assert app.window.results.score.text() == "100%"
    assert len(app.store.runs.list_quiz_runs(learner_id, pack_id=PACK, module_id=MODULE)) == 1


def test_home_continue_and_leaving_a_quiz(student: StudentApp) -> None:
    """Leaving a quiz for home keeps it in progress, and Continue returns to the question reached."""
    window, pilot = student.window, student.pilot
    learner_id = start_module(student)
    pilot.read_lesson()
    pilot.answer(right=True)
    pilot.check()
    pilot.click(window.quiz.home_button)
    tile = next(t for t in window.home.tiles if t.card.entry.key == (PACK, MODULE))
    assert tile.status.text() == "In progress"
    assert window.home.continue_button.text() == "Continue"
    pilot.press_continue()
    assert window.quiz.where.text() == f"Question 2 of {QUESTIONS}"
    assert len(stored_answers(student, learner_id)) == 1


def test_switching_learner_returns_to_the_picker(student: StudentApp) -> None:
    """ "Not you? Change" goes back to the picker, where the new learner's tile now is."""
    window, pilot = student.window, student.pilot
    learner_id = pilot.create_learner("Bilal", avatar="lion")
    pilot.click(window.home.switch_button)
    assert window.current_screen() is window.picker
    assert [learner.id for learner in window.picker.shown_learners()] == [learner_id]


def test_a_parent_or_teacher_learns_with_the_modules_written_for_them(
    student_factory: StudentAppFactory,
) -> None:
    """ "Parent or teacher" on the new-learner form gives a home with the parents' and teachers' modules,
    and only those; a child's home never shows them."""
    import shutil

    from quizapp.paths import builtin_packs_dir

    shutil.copytree(builtin_packs_dir() / "adults", student_factory.builtin_dir / "adults")
    app = student_factory.open()
    window, pilot = app.window, app.pilot
    form_button = window.new_learner_screen.age_buttons["adults"]
    assert form_button.text() == "Parent or teacher" and form_button.accessibleName()
    pilot.create_learner("Ms Saima", avatar="owl", age_band="adults")
    keys = [tile.card.entry.key for tile in window.home.tiles]
    assert keys and all(pack == "adults" for pack, _ in keys)
    assert {"a-parents", "a-teachers"} <= {module for _, module in keys}
    pilot.open_module("adults", "a-teachers")
    assert window.current_screen() is window.check  # the module's check questions come before its lesson
    app2 = student_factory.restart(app)
    app2.pilot.create_learner("Ayesha", avatar="cat", age_band="11-13")
    assert all(pack != "adults" for pack, _ in (t.card.entry.key for t in app2.window.home.tiles))


def test_a_learner_the_teacher_added_chooses_an_age_before_seeing_modules(
    student_factory: StudentAppFactory,
) -> None:
    """A learner added by the teacher has no age: home asks it once, then shows that age's modules only
    (an 8-year-old must never be shown the modules for 14-17)."""
    from quizapp.progress.store import Store

    with Store.open(student_factory.data_dir) as store:
        store.people.create_learner("Zoya")
    app = student_factory.open()
    window, pilot = app.window, app.pilot
    [learner] = window.picker.shown_learners()
    pilot.click_learner(learner.id)
    home = window.home
    assert window.current_screen() is home
    assert home.age_card.isVisible() and home.tiles == [] and not home.continue_card.isVisible()
    assert home.age_title.text() == "How old are you?"
    assert all(b.accessibleName() for b in home.age_buttons.values())
    pilot.click(home.age_buttons["8-10"])
    assert not home.age_card.isVisible()
    assert home.tiles == [] and home.empty.isVisible()  # the example pack is for 11-13
    assert app.ctx.learning.age_band(home.learner) == "8-10"
    app = student_factory.restart(app)
    pilot = app.pilot
    pilot.click_learner(app.window.picker.shown_learners()[0].id)
    assert not app.window.home.age_card.isVisible(), "the age is asked once"
