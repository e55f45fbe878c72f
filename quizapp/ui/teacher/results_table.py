"""The class grid as a model and a view: a row per learner, a column per module, compact enough that a class
of forty fits the screen of a lab PC (1024x600) or is one scroll away, with the learners' names fixed at the
side while the modules scroll, a search box and sorting by any column.

``ResultsModel`` holds a ``ResultsGrid`` (from ``services.teacher.reports``); the cells show a short mark
("✔ 85%", "◐ 40%", "○") and say it in words in their tool tip and to screen readers. ``FrozenNameTable``
is two views of one model sharing one selection and one vertical scroll bar: the names on the left, the
modules on the right.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from quizapp.services.learner_names import display_labels
from quizapp.services.records import SummaryCell
from quizapp.services.teacher.reports import ResultsGrid
from quizapp.ui.i18n.fonts import compact_font
from quizapp.ui.plaintext import tooltip_text
from quizapp.ui.teacher.printing import status_words
from quizapp.ui.teacher.widgets import tr

ROLE_ID = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MODULE_COLUMN_WIDTH = 96  # px: "✔ 100%" with air; the module's whole title is in the header's tool tip
NAME_COLUMN_WIDTH = 240

AnyIndex = QModelIndex | QPersistentModelIndex


def short_mark(cell: SummaryCell) -> str:
    """A cell in a few characters: ✔ and the best score for passed, ◐ (and the best so far) in progress,
    ○ not started."""
    if cell.status == "passed":
        return f"✔ {cell.best_score:.0f}%" if cell.best_score is not None else "✔"
    if cell.status == "in_progress":
        return f"◐ {cell.best_score:.0f}%" if cell.best_score is not None else "◐"
    return "○"


def _sort_value(cell: SummaryCell) -> float:
    rank = {"passed": 2000.0, "in_progress": 1000.0}.get(cell.status, 0.0)
    return rank + (cell.best_score or 0.0)


class ResultsModel(QAbstractTableModel):
    """Learners x modules. Column 0 is the learner (their father's name or roll number added where two
    share a name), then the class when the grid shows several classes, then one column per module."""

    def __init__(self, language: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language
        self.grid = ResultsGrid((), ())
        self.labels: dict[str, str] = {}
        self.class_names: dict[str, str] = {}
        self.show_class = False

    def set_grid(self, grid: ResultsGrid, class_names: dict[str, str], *, show_class: bool) -> None:
        self.beginResetModel()
        self.grid = grid
        self.labels = display_labels([row.learner for row in grid.rows])
        self.class_names = class_names
        self.show_class = show_class
        self.endResetModel()

    @property
    def first_module_column(self) -> int:
        return 2 if self.show_class else 1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.grid.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.first_module_column + len(self.grid.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        value = self._header(section, orientation, role)
        return (
            tooltip_text(value) if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) else value
        )

    def _header(self, section: int, orientation: Qt.Orientation, role: int) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if section == 0:
            return tr("Learner")
        if self.show_class and section == 1:
            return tr("Class")
        column = self.grid.columns[section - self.first_module_column]
        return column.title_in(self.language)

    def data(self, index: AnyIndex, role: int = 0) -> Any:
        value = self._data(index, role)
        return (
            tooltip_text(value) if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) else value
        )

    def _data(self, index: QModelIndex | QPersistentModelIndex, role: int) -> object:
        if not index.isValid():
            return None
        row = self.grid.rows[index.row()]
        column = index.column()
        if role == ROLE_ID:
            return row.learner.id
        if column == 0:
            label = self.labels.get(row.learner.id, row.learner.display_name)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return label
            if role == SORT_ROLE:
                return label.casefold()
            return None
        if self.show_class and column == 1:
            name = self.class_names.get(row.learner.class_id or "", "")
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return name
            if role == SORT_ROLE:
                return name.casefold()
            return None
        cell = row.cells[column - self.first_module_column]
        if role == Qt.ItemDataRole.DisplayRole:
            return short_mark(cell)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            words = status_words(cell.status, cell.best_score)
            if cell.runs:
                words += " · " + tr("%n quiz try(s)", "", cell.runs)
            return words
        if role == SORT_ROLE:
            return _sort_value(cell)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class LearnerFilter(QSortFilterProxyModel):
    """Rows whose learner's name (or father's name, roll number) holds the search text; sorting by the
    numbers behind the marks (passed above in progress above not started, then by score)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)


class InkCentredDelegate(QStyledItemDelegate):
    """Draws a cell's one line of text with its ink in the middle of the row.

    Rows are only as tall as the ink of what they show (see ``ResultsPage._row_height``); Qt would place
    the line by the font's line box, which with Nastaliq as the application font is far taller than a
    Latin name's ink, and cut the name's descenders off at the bottom of a compact row. Text in Urdu
    letters is drawn in Naskh (``compact_font``), whose ink is half as tall as Nastaliq's."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if not text:
            return
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget).adjusted(4, 0, -4, 0)
        font = compact_font(opt.font, text)  # Urdu names in Naskh: half Nastaliq's height, as the rows
        metrics = QFontMetrics(font)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        ink = metrics.tightBoundingRect(shown)
        advance = metrics.horizontalAdvance(shown)
        rtl = opt.direction == Qt.LayoutDirection.RightToLeft
        if opt.displayAlignment & Qt.AlignmentFlag.AlignHCenter:
            x = rect.left() + (rect.width() - advance) / 2
        else:
            x = rect.right() - advance if rtl else rect.left()
        baseline = rect.top() + (rect.height() - ink.height()) / 2 - ink.top()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(font)
        painter.setPen(opt.palette.color(role))
        painter.setLayoutDirection(opt.direction)
        painter.drawText(QPointF(x, baseline), shown)
        painter.restore()


class InkCentredHeader(QHeaderView):
    """A column header whose one line of text is drawn with its ink in the middle of the section, so that
    the header can be as low as its titles' ink (``ink_height``): a module title in Nastaliq would otherwise
    ask for Nastaliq's whole line box, two rows of the grid in height at 1024x600."""

    TEXT_MARGIN = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def ink_height(self) -> int:
        """The height of the ink of every title shown (and of "Ag"), with 3 px of air above and below;
        titles in Urdu letters are drawn (and measured) in Naskh, as the names are."""
        model = self.model()
        texts = ["Ag"]
        if model is not None:
            for section in range(model.columnCount()):
                value = model.headerData(section, Qt.Orientation.Horizontal)
                if value:
                    texts.append(str(value))
        font = self.font()
        inks = (QFontMetrics(compact_font(font, text)).tightBoundingRect(text).height() for text in texts)
        return max(inks) + 6

    def paintSection(self, painter: QPainter, rect: Any, logical_index: int) -> None:
        if not rect.isValid():
            return
        opt = QStyleOptionHeader()
        self.initStyleOptionForIndex(opt, logical_index)
        opt.rect = rect
        text, opt.text = opt.text, ""
        style = self.style()
        painter.save()
        style.drawControl(QStyle.ControlElement.CE_Header, opt, painter, self)
        painter.restore()
        if not text:
            return
        indicator = 0
        if opt.sortIndicator != QStyleOptionHeader.SortIndicator.None_:
            indicator = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, opt, self) + self.TEXT_MARGIN
        rtl = opt.direction == Qt.LayoutDirection.RightToLeft
        margin = self.TEXT_MARGIN
        box = rect.adjusted(margin + (indicator if rtl else 0), 0, -margin - (0 if rtl else indicator), 0)
        font = compact_font(self.font(), text)
        metrics = QFontMetrics(font)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(box.width(), 0))
        ink = metrics.tightBoundingRect(shown)
        advance = metrics.horizontalAdvance(shown)
        x = box.right() - advance if rtl else box.left()
        baseline = box.top() + (box.height() - ink.height()) / 2 - ink.top()
        painter.save()
        painter.setFont(font)
        painter.setPen(opt.palette.color(QPalette.ColorRole.ButtonText))
        painter.setLayoutDirection(opt.direction)
        painter.drawText(QPointF(x, baseline), shown)
        painter.restore()


class FrozenNameTable(QWidget):
    """The names stay at the side while the module columns scroll sideways: two views of one model with
    one selection; the right view's vertical scroll bar moves both."""

    learner_chosen = Signal(str)

    def __init__(self, model: QSortFilterProxyModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.names = QTableView()
        self.names.setObjectName("resultsNames")
        self.names.setAccessibleName(tr("Learners"))
        self.modules = QTableView()
        self.modules.setObjectName("resultsModules")
        self.modules.setAccessibleName(tr("Learners and modules"))
        for view in (self.names, self.modules):
            view.setHorizontalHeader(InkCentredHeader(view))
            view.setModel(model)
            view.setItemDelegate(InkCentredDelegate(view))
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setWordWrap(False)
            view.setSortingEnabled(True)
            view.verticalHeader().hide()
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            view.horizontalHeader().setHighlightSections(False)
            view.horizontalHeader().setDefaultAlignment(
                Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
            )
            view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.modules.setSelectionModel(self.names.selectionModel())
        self.names.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # both views keep a sideways bar (the names' one never moves), so their rows stay level
        self.names.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.modules.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.names.horizontalHeader().setStretchLastSection(True)
        self.modules.verticalScrollBar().valueChanged.connect(self.names.verticalScrollBar().setValue)
        self.names.verticalScrollBar().valueChanged.connect(self.modules.verticalScrollBar().setValue)
        self.names.horizontalHeader().sortIndicatorChanged.connect(self._sorted_by_names)
        self.modules.horizontalHeader().sortIndicatorChanged.connect(self._sorted_by_modules)
        self.names.selectionModel().currentRowChanged.connect(self._current_changed)
        layout.addWidget(self.names)
        layout.addWidget(self.modules, 1)
        model.modelReset.connect(self.arrange)
        model.layoutChanged.connect(self.arrange)

    def set_row_height(self, height: int) -> None:
        for view in (self.names, self.modules):
            view.verticalHeader().setDefaultSectionSize(height)
            view.verticalHeader().setMinimumSectionSize(height)

    def arrange(self) -> None:
        """Which columns each view shows: the learner (and the class) on the left, the modules right."""
        source = self.model.sourceModel()
        frozen = source.first_module_column if isinstance(source, ResultsModel) else 1
        columns = self.model.columnCount()
        for column in range(columns):
            self.names.setColumnHidden(column, column >= frozen)
            self.modules.setColumnHidden(column, column < frozen)
            if column >= frozen:
                self.modules.setColumnWidth(column, MODULE_COLUMN_WIDTH)
        self.names.setColumnWidth(0, NAME_COLUMN_WIDTH)
        if frozen > 1:
            self.names.setColumnWidth(1, 90)
        self.names.setFixedWidth(NAME_COLUMN_WIDTH + (90 if frozen > 1 else 0) + 2)
        self.fit_header()

    def fit_header(self) -> None:
        """Both headers as low as their titles' ink (never lower than 24 px, never taller than Qt asks)."""
        heights = []
        for view in (self.names, self.modules):
            header = view.horizontalHeader()
            asked = header.sizeHint().height()
            ink = header.ink_height() if isinstance(header, InkCentredHeader) else asked
            heights.append(min(asked, max(ink, 24)))
        for view in (self.names, self.modules):
            view.horizontalHeader().setFixedHeight(max(heights))

    def visible_rows(self) -> int:
        """How many learners' rows are wholly in view (for tests and the benchmark of the 1024x600 screen)."""
        viewport = self.modules.viewport().height()
        height = self.modules.verticalHeader().defaultSectionSize()
        return min(self.model.rowCount(), viewport // max(height, 1))

    def _sorted_by_names(self, column: int, order: Qt.SortOrder) -> None:
        self.modules.horizontalHeader().blockSignals(True)
        self.modules.horizontalHeader().setSortIndicator(-1, order)
        self.modules.horizontalHeader().blockSignals(False)

    def _sorted_by_modules(self, column: int, order: Qt.SortOrder) -> None:
        self.names.horizontalHeader().blockSignals(True)
        self.names.horizontalHeader().setSortIndicator(-1, order)
        self.names.horizontalHeader().blockSignals(False)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            learner_id = current.data(ROLE_ID)
            if learner_id:
                self.learner_chosen.emit(str(learner_id))
