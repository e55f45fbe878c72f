"""Question packs: install from a folder or .zip (checked first), see what each pack holds, switch packs on
or off for a class, remove installed packs, and see broken packs with why."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from quizapp.content.text import language_name
from quizapp.services.learning import EXAMPLE_PACK_ID
from quizapp.services.teacher.packs import InstallOutcome, PackError, PackErrorKind, PackInfo
from quizapp.ui.plaintext import fill_args, plain_label
from quizapp.ui.teacher.page import ALL, Page
from quizapp.ui.teacher.widgets import (
    MIN_TARGET,
    Card,
    WrappingCheckBox,
    button,
    clear_layout,
    diagnostic_line,
    flow,
    note,
    tr,
    wrapping_label,
)

if TYPE_CHECKING:
    from quizapp.ui.teacher.area import TeacherArea

SHOWN_PROBLEMS = 8  # per broken pack; the rest are counted ("…and 3 more.") and `quizapp validate` lists all


def language_label(code: str) -> str:
    names = {"en": tr("English"), "ur": tr("Urdu")}
    return names.get(code, language_name(code))


def review_label(status: str | None) -> str:
    return {"reviewed": tr("reviewed"), "draft": tr("draft, not yet reviewed")}.get(
        status or "", tr("not reviewed")
    )


class PacksPage(Page):
    def __init__(self, area: TeacherArea) -> None:
        super().__init__(
            area,
            tr("Question packs"),
            tr(
                "A pack holds lessons and quizzes. Install one from a USB stick: choose its folder or its "
                ".zip "
                "file. It is checked before anything changes."
            ),
        )
        self.install_folder_button = button(tr("Install a pack folder…"), primary=True)
        self.install_folder_button.clicked.connect(self.install_folder)
        self.install_zip_button = button(tr("Install a pack .zip file…"))
        self.install_zip_button.clicked.connect(self.install_zip)
        self.layout_.addLayout(flow(self.install_folder_button, self.install_zip_button))

        scope = QHBoxLayout()
        scope_label = plain_label(tr("Packs switched on for:"))
        scope.addWidget(scope_label)
        self.scope_combo = self.class_combo(include_all=True, accessible=tr("Packs switched on for"))
        self.scope_combo.currentIndexChanged.connect(lambda _: self.refresh())
        scope.addWidget(self.scope_combo, 1)
        self.layout_.addLayout(scope)

        self.list_box = QVBoxLayout()
        self.list_box.setSpacing(12)
        self.layout_.addLayout(self.list_box)
        self.layout_.addStretch(1)
        self.cards: dict[str, Card] = {}
        self.toggles: dict[str, WrappingCheckBox] = {}
        self.broken_removes: dict[str, QPushButton] = {}

    # ------------------------------------------------------------------------------------------ showing
    def refresh(self) -> None:
        self.fill_class_combo(self.scope_combo)
        clear_layout(self.list_box)
        self.cards.clear()
        self.toggles.clear()
        self.broken_removes.clear()
        manager = self.area.pack_manager
        listing = manager.list_packs()
        class_id = self.class_id_of(self.scope_combo)
        enabled = manager.enabled_for_class(class_id, listing)
        for info in listing.packs:
            card = self._pack_card(info, info.id in enabled)
            self.cards[info.id] = card
            self.list_box.addWidget(card)
        if listing.broken:
            broken = Card(tr("Packs that cannot be used"))
            broken.body.addWidget(
                note(tr("Learners do not see these packs. Fix the files and install them again."))
            )
            for item in listing.broken:
                kind = tr("built-in") if item.builtin else tr("installed")
                label = wrapping_label(f"✖ {item.folder.name} ({kind})")
                bold = QFont(label.font())
                bold.setBold(True)
                label.setFont(bold)
                broken.body.addWidget(label)
                lines = [f"• {diagnostic_line(d)}" for d in item.diagnostics[:SHOWN_PROBLEMS]]
                if len(item.diagnostics) > SHOWN_PROBLEMS:
                    lines.append(tr("…and %n more.", "", len(item.diagnostics) - SHOWN_PROBLEMS))
                problems = note("\n".join(lines))
                broken.body.addWidget(problems)
                if not item.builtin:
                    remove = button(tr("Remove this folder…"), danger=True)
                    remove.setAccessibleName(fill_args(tr("Remove the folder %1"), item.folder.name))
                    remove.clicked.connect(lambda _=False, folder=item.folder: self.remove_folder(folder))
                    self.broken_removes[item.folder.name] = remove
                    broken.body.addLayout(flow(remove))
            self.broken_card = broken
            self.list_box.addWidget(broken)
        if not listing.packs:
            self.list_box.addWidget(note(tr("No packs yet. Install one with the buttons above.")))

    def _pack_card(self, info: PackInfo, enabled: bool) -> Card:
        title = self.text(info.title, info.default_language)
        card = Card(fill_args(tr("%1 — version %2"), title, info.version))
        card.setObjectName(f"pack-{info.id}")
        where = tr("comes with quizapp") if info.builtin else tr("installed")
        if info.overrides_builtin:
            where = tr("installed (replaces the one that comes with quizapp)")
        languages = ", ".join(
            f"{language_label(code)} ({review_label(info.review_status.get(code))})"
            for code in info.languages
        )
        facts = [
            fill_args(tr("By: %1"), ", ".join(info.authors)),
            fill_args(tr("Languages: %1"), languages),
            tr("%n module(s)", "", len(info.modules)) + " · " + tr("%n question(s)", "", info.question_count),
            fill_args(tr("Where: %1"), where),
        ]
        card.body.addWidget(note("\n".join(facts)))
        modules = "\n".join(
            "• "
            + fill_args(
                tr("%1 (ages %2, %n question(s))", "", m.questions),
                self.text(m.title, info.default_language),
                m.age_band,
            )
            for m in info.modules
        )
        card.body.addWidget(note(modules))
        if info.builtin and info.id == EXAMPLE_PACK_ID and not self.store.settings.show_example_pack:
            card.body.addWidget(
                note(tr("Hidden from learners: tick 'Show the example pack to learners' in Settings."))
            )
        toggle = WrappingCheckBox(tr("Learners see this pack"))
        toggle.setMinimumHeight(MIN_TARGET)
        toggle.setChecked(enabled)
        toggle.setAccessibleName(fill_args(tr("Learners see the pack %1"), title))
        toggle.toggled.connect(lambda on, pid=info.id: self.set_enabled(pid, on))
        self.toggles[info.id] = toggle
        actions: list[QWidget] = [toggle]
        if info.removable:
            remove = button(tr("Remove…"), danger=True)
            remove.setAccessibleName(fill_args(tr("Remove the pack %1"), title))
            remove.clicked.connect(lambda _=False, i=info: self.remove(i))
            actions.append(remove)
        card.body.addLayout(flow(*actions))
        return card

    # ------------------------------------------------------------------------------------------ actions
    def set_enabled(self, pack_id: str, on: bool) -> None:
        manager = self.area.pack_manager
        class_id = self.class_id_of(self.scope_combo)
        if self.scope_combo.currentData() == ALL or class_id is None:
            self.run_safely(lambda: manager.set_enabled(pack_id, on))
        else:
            self.run_safely(lambda: manager.set_enabled_for_class(class_id, pack_id, on))
        self.area.notify_content_changed()

    def install_folder(self) -> None:
        path = self.dialogs.open_folder(self, tr("Choose the pack's folder"))
        if path is not None:
            self.install(path)

    def install_zip(self) -> None:
        path = self.dialogs.open_file(
            self, tr("Choose the pack's .zip file"), tr("Pack files (*.zip);;All files (*)")
        )
        if path is not None:
            self.install(path)

    def install(self, path: Path, *, force: bool = False, replace_builtin: bool = False) -> bool:
        """Check and install a pack; show what happened. Returns True when it was installed."""
        manager = self.area.pack_manager
        try:
            result = self.run_safely(
                lambda: manager.install(Path(path), force=force, replace_builtin=replace_builtin)
            )
        except PackError as exc:
            return self._install_refused(Path(path), exc, force=force, replace_builtin=replace_builtin)
        if result is None:
            return False
        title = self.text(result.pack.title, result.pack.default_language)
        texts = {
            InstallOutcome.INSTALLED: tr("'%1' version %2 was installed."),
            InstallOutcome.UPDATED: tr("'%1' was updated to version %2. Learners keep their progress."),
            InstallOutcome.REINSTALLED: tr("'%1' version %2 was installed again."),
            InstallOutcome.DOWNGRADED: tr("'%1' was replaced by the older version %2."),
        }
        text = fill_args(texts[result.outcome], title, result.pack.version)
        self.refresh()
        if result.warnings:
            self.message.show_info(
                text + " " + tr("Some texts could be better:"),
                [diagnostic_line(d) for d in result.warnings],
            )
        else:
            self.message.show_ok(text)
        self.area.notify_content_changed()
        return True

    def _install_refused(
        self, path: Path, exc: PackError, *, force: bool = False, replace_builtin: bool = False
    ) -> bool:
        if exc.kind is PackErrorKind.DOWNGRADE:
            question = fill_args(
                tr(
                    "Version %1 is installed and '%2' has the older version %3. Install the older one anyway?"
                ),
                exc.current_version,
                path.name,
                exc.new_version,
            )
            if self.dialogs.confirm(self, tr("Older version"), question, tr("Install the older version")):
                return self.install(path, force=True, replace_builtin=replace_builtin)
            self.message.show_info(tr("Nothing was changed."))
            return False
        if exc.kind is PackErrorKind.REPLACES_BUILTIN:
            question = fill_args(
                tr(
                    "'%1' has the same id as a pack that comes with quizapp (%2). Installing it puts it in "
                    "that pack's place for every learner. Replace the pack that comes with quizapp?"
                ),
                path.name,
                exc.pack_id,
            )
            if self.dialogs.confirm(
                self, tr("Replace a pack that comes with quizapp"), question, tr("Replace it")
            ):
                return self.install(path, force=force, replace_builtin=True)
            self.message.show_info(tr("Nothing was changed."))
            return False
        if exc.kind is PackErrorKind.INVALID:
            self.message.show_problem(
                fill_args(
                    tr(
                        "'%1' was not installed because it has mistakes. Nothing was changed. Mistakes found:"
                    ),
                    path.name,
                ),
                [diagnostic_line(d) for d in exc.errors],
            )
            return False
        self.message.show_problem(self._refusal(path, exc))
        return False

    def _refusal(self, path: Path, exc: PackError) -> str:
        """Why ``path`` was not installed, naming it and saying what to do, in the teacher's language."""
        if exc.kind is PackErrorKind.NOT_FOUND:
            text = tr(
                "'%1' was not found, so nothing was installed. Check that the USB stick is in, then choose "
                "the pack again."
            )
        elif exc.kind is PackErrorKind.READ_ONLY:
            text = tr(
                "'%1' was not installed: another copy of quizapp has the progress data open. Close it and "
                "install the pack again."
            )
        elif exc.kind is PackErrorKind.DISK:
            text = tr(
                "'%1' could not be put in the packs folder, so nothing was changed. Check that the disk has "
                "room, then install it again."
            )
            return fill_args(text, path.name) + " (" + str(exc) + ")"  # the disk's own words
        else:
            return fill_args(tr("'%1' was not installed: %2"), path.name, str(exc))
        return fill_args(text, path.name)

    def remove(self, info: PackInfo) -> None:
        title = self.text(info.title, info.default_language)
        if not self.dialogs.confirm(
            self,
            tr("Remove the pack"),
            fill_args(tr("Remove '%1'? Learners' answers to it are kept in their results."), title),
            tr("Remove"),
        ):
            return
        try:
            restored = self.run_safely(lambda: self.area.pack_manager.remove(info.id))
        except PackError as exc:
            self.message.show_problem(str(exc))
            return
        self.refresh()
        text = fill_args(tr("'%1' was removed."), title)
        if restored is not None:
            text += " " + tr("The version that comes with quizapp is used again.")
        self.message.show_ok(text)
        self.area.notify_content_changed()

    def remove_folder(self, folder: Path) -> None:
        """Remove a folder under packs/ that is not a usable pack."""
        if not self.dialogs.confirm(
            self,
            tr("Remove the folder"),
            fill_args(tr("Remove the folder '%1' and everything in it from the packs folder?"), folder.name),
            tr("Remove"),
        ):
            return
        try:
            self.run_safely(lambda: self.area.pack_manager.remove(folder.name))
        except PackError as exc:
            self.message.show_problem(str(exc))
            return
        self.refresh()
        self.message.show_ok(fill_args(tr("The folder '%1' was removed."), folder.name))
        self.area.notify_content_changed()


__all__ = ["PacksPage"]
