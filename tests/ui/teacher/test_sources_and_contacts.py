"""The answer key shows a question's source note; the settings page keeps national contacts unconfirmed
until the teacher ticks that they were checked, and an edit asks for a new confirmation."""

from __future__ import annotations

from quizapp.content.text import LText
from quizapp.content.validate import validate_paths
from quizapp.paths import builtin_packs_dir
from quizapp.services.contacts import national_contacts_confirmed
from quizapp.ui.teacher.printing import worksheet_html


def _module_with_source():  # type: ignore[no-untyped-def]
    pack = validate_paths([builtin_packs_dir() / "example"]).packs[0]
    module = pack.modules[0]
    first = module.quiz.questions[0].model_copy(update={"source": LText({"en": "PECA 2016, section 24"})})
    quiz = module.quiz.model_copy(update={"questions": [first, *module.quiz.questions[1:]]})
    return module.model_copy(update={"quiz": quiz})


def test_answer_key_shows_sources_and_worksheet_does_not(qapp) -> None:  # type: ignore[no-untyped-def]
    """A source note is printed in the teacher's answer key, never on the learners' worksheet."""
    module = _module_with_source()
    args = dict(school="", pack_title="p", module=module, language="en", default_language="en")
    key = worksheet_html(**args, answers=True, fill=lambda t: t)  # type: ignore[arg-type]
    sheet = worksheet_html(**args, answers=False, fill=lambda t: t)  # type: ignore[arg-type]
    assert "Source: PECA 2016, section 24" in key
    assert "PECA" not in sheet


def test_national_contacts_need_a_fresh_confirmation_after_an_edit(qtbot, area, store) -> None:  # type: ignore[no-untyped-def]
    """Ticking and saving confirms the list; editing it unticks the box, so the change is checked again."""
    from quizapp.ui.teacher.settings_page import SettingsPage

    page = area.show_page("settings")
    assert isinstance(page, SettingsPage)
    page.refresh()
    assert "Not confirmed" in page.national_status.text()
    page.national_box.setChecked(True)
    page.save_national()
    assert national_contacts_confirmed(store.settings)
    assert "Confirmed" in page.national_status.text()
    page.national_field.setPlainText(page.national_field.toPlainText() + "\nTutor: 0300")
    assert not page.national_box.isChecked()
    page.save_national()
    assert not national_contacts_confirmed(store.settings)
