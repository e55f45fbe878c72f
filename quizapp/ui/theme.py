"""The look of quizapp, defined once: a warm palette, sizes for large targets, and the style sheet.

Both the student screens and the teacher area use :func:`stylesheet` (set on the main window) and the
constants here. Text sizes follow the learner's choice (100, 125 or 150 percent of normal).

Roles are set with ``widget.setProperty("role", "...")``:

- QLabel: ``title``, ``heading``, ``subtle``, ``big``, ``score``, ``chip``, ``verdict-*``
- QPushButton / QToolButton: ``primary`` (one per screen), ``secondary`` (default look), ``quiet``
  (discreet, like "Teacher"), ``toggle`` (checkable choices), ``tile`` (learner tiles)
- QFrame: ``card``, ``panel``, ``feedback-correct``, ``feedback-partial``, ``feedback-wrong``,
  ``feedback-unsafe``, ``hint``, ``situation``
"""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.paths import assets_dir


@dataclass(frozen=True, slots=True)
class Palette:
    background: str = "#fff8ee"  # warm cream
    surface: str = "#ffffff"
    surface_alt: str = "#fdf1e2"
    border: str = "#ead9c6"
    border_strong: str = "#d2b89b"
    text: str = "#2f2a26"
    text_muted: str = "#62564d"
    primary: str = "#b9501a"  # burnt orange: white text on it has 5:1 contrast
    primary_hover: str = "#9f4414"
    primary_soft: str = "#ffe9d6"
    accent: str = "#1f7a78"  # teal
    accent_soft: str = "#dff2f0"
    focus: str = "#1f5fbf"
    correct: str = "#2e7d32"
    correct_soft: str = "#e6f4e7"
    partial: str = "#7a5a00"
    partial_soft: str = "#fff4cf"
    wrong: str = "#a34a0b"
    wrong_soft: str = "#ffeedd"
    unsafe: str = "#b3261e"
    unsafe_soft: str = "#fde7e5"
    disabled: str = "#b9aea4"


PALETTE = Palette()

HIGH_CONTRAST = Palette(
    background="#ffffff",
    surface="#ffffff",
    surface_alt="#f2f2f2",
    border="#000000",
    border_strong="#000000",
    text="#000000",
    text_muted="#222222",
    primary="#0a3a8c",  # deep blue: white text on it has 11:1 contrast
    primary_hover="#06285f",
    primary_soft="#dde7ff",
    accent="#00524e",
    accent_soft="#ddf3f1",
    focus="#c2006a",  # magenta focus ring, unlike any other colour here
    correct="#00570a",
    correct_soft="#e3f7e5",
    partial="#4d3800",
    partial_soft="#fff1bf",
    wrong="#7a2500",
    wrong_soft="#ffe7da",
    unsafe="#9e0000",
    unsafe_soft="#ffe3e3",
    disabled="#595959",
)
"""Black on white with dark, saturated state colours (every text colour at least 7:1 on its background)."""


def palette_for(high_contrast: bool = False) -> Palette:
    return HIGH_CONTRAST if high_contrast else PALETTE


def widget_palette(widget) -> Palette:  # type: ignore[no-untyped-def]
    """The palette of the window ``widget`` is in (its ``high_contrast`` property, set by the window)."""
    window = widget.window() if widget is not None else None
    return palette_for(bool(window is not None and window.property("high_contrast")))


MIN_TARGET = 48  # px: every control at least this tall (goal is 44 px)
RADIUS = 16
SPACING = 16
PAGE_MARGIN = 24
BASE_FONT_PX = 18
TEXT_SCALES = (100, 125, 150)
READING_WIDTH = 900  # px: longest comfortable line for lesson text and questions


def reading_line_height(tall_script: bool = False) -> int:
    """The line height of :func:`reading_html`, in percent of the font's own line spacing."""
    return 110 if tall_script else 140


def reading_html(html: str, *, tall_script: bool = False) -> str:
    """Rich text with generous line spacing for slow readers. Nastaliq's own lines are already 2.5 times
    its font size (room for its stacked letters): 140% of that would leave a screen of gaps, so a tall
    script gets 110%."""
    return f'<div style="line-height: {reading_line_height(tall_script)}%;">{html}</div>'


def px(size: float, scale: int) -> int:
    """A font size in pixels for a text scale in percent."""
    return round(size * scale / 100)


def font_sizes(scale: int = 100) -> dict[str, int]:
    return {
        "body": px(BASE_FONT_PX, scale),
        "small": px(BASE_FONT_PX * 0.85, scale),
        "button": px(BASE_FONT_PX * 1.05, scale),
        "heading": px(BASE_FONT_PX * 1.35, scale),
        "title": px(BASE_FONT_PX * 1.7, scale),
        "big": px(BASE_FONT_PX * 2.4, scale),
    }


def stylesheet(
    scale: int = 100, *, high_contrast: bool = False, tall_script: bool = False, script_scale: float = 1.0
) -> str:
    """The application style sheet for a text scale (percent), in the high-contrast colours if asked.

    ``tall_script`` (Urdu's Nastaliq) adds room above and below every line of text, whose letters reach
    beyond the font's own line height. ``script_scale`` draws the text that much larger (Urdu: 1.2), except
    where the room is fixed (learner tiles) or a larger size would take half a small screen (titles in
    the header bar keep the learner's size: a Nastaliq line is 2.5 times its font size high).
    """
    p = palette_for(high_contrast)
    f = font_sizes(round(scale * script_scale))
    fixed = font_sizes(scale)
    arrow = (assets_dir() / "icons" / "down.svg").as_posix()
    return (
        f"""
QWidget {{
    color: {p.text};
    font-size: {f["body"]}px;
}}
QMainWindow, QStackedWidget, QWidget#screen, QScrollArea, QScrollArea > QWidget > QWidget#page {{
    background: {p.background};
}}
QScrollArea {{ border: none; }}
QLabel {{ background: transparent; }}
QLabel[role="title"] {{ font-size: {f["title"]}px; font-weight: bold; }}
QLabel[role="heading"] {{ font-size: {f["heading"]}px; font-weight: bold; }}
QLabel[role="big"] {{ font-size: {f["big"]}px; font-weight: bold; color: {p.primary}; }}
QLabel[role="subtle"] {{ color: {p.text_muted}; font-size: {f["small"]}px; }}
QLabel[role="chip"] {{
    background: {p.surface_alt}; border: 1px solid {p.border}; border-radius: 10px;
    padding: 2px 10px; font-size: {f["small"]}px; color: {p.text};
}}
QLabel[role="chip-passed"] {{
    background: {p.correct_soft}; border: 1px solid {p.correct}; border-radius: 10px;
    padding: 2px 10px; font-size: {f["small"]}px; color: {p.correct}; font-weight: bold;
}}
QLabel[role="chip-progress"] {{
    background: {p.primary_soft}; border: 1px solid {p.primary}; border-radius: 10px;
    padding: 2px 10px; font-size: {f["small"]}px; color: {p.primary_hover}; font-weight: bold;
}}
QLabel[role="verdict-correct"], QLabel[role="verdict-best"] {{
    color: {p.correct}; font-weight: bold; font-size: {f["heading"]}px; }}
QLabel[role="verdict-partial"], QLabel[role="verdict-acceptable"] {{
    color: {p.partial}; font-weight: bold; font-size: {f["heading"]}px; }}
QLabel[role="verdict-wrong"] {{ color: {p.wrong}; font-weight: bold; font-size: {f["heading"]}px; }}
QLabel[role="verdict-unsafe"] {{ color: {p.unsafe}; font-weight: bold; font-size: {f["heading"]}px; }}
QLabel[role="error"] {{ color: {p.unsafe}; font-weight: bold; }}
QLabel[role="try-again"] {{ color: {p.partial}; font-weight: bold; }}
QLabel[role="remember"] {{ font-weight: bold; }}
QLabel[role="answer-right"] {{ color: {p.correct}; font-weight: bold; }}
QLabel[role="answer-given"] {{ color: {p.text_muted}; }}
QLabel[role="contacts"] {{ color: {p.accent}; font-weight: bold; font-size: {f["heading"]}px; }}

QFrame[role="card"], QFrame[role="panel"] {{
    background: {p.surface}; border: 2px solid {p.border}; border-radius: {RADIUS}px;
}}
QFrame[role="card"] QLabel, QFrame[role="panel"] QLabel {{ border: none; }}
QFrame[role="situation"] {{
    background: {p.accent_soft}; border: 2px solid {p.accent}; border-radius: {RADIUS}px;
}}
QFrame[role="hint"] {{
    background: {p.partial_soft}; border: 2px dashed {p.partial}; border-radius: {RADIUS}px;
}}
QFrame[role="feedback-correct"], QFrame[role="feedback-best"] {{
    background: {p.correct_soft}; border: 2px solid {p.correct}; border-radius: {RADIUS}px;
}}
QFrame[role="feedback-partial"], QFrame[role="feedback-acceptable"] {{
    background: {p.partial_soft}; border: 2px solid {p.partial}; border-radius: {RADIUS}px;
}}
QFrame[role="feedback-wrong"] {{
    background: {p.wrong_soft}; border: 2px solid {p.wrong}; border-radius: {RADIUS}px;
}}
QFrame[role="feedback-unsafe"] {{
    background: {p.unsafe_soft}; border: 2px solid {p.unsafe}; border-radius: {RADIUS}px;
}}
QFrame[role="header"] {{
    background: {p.surface}; border: none; border-bottom: 2px solid {p.border};
}}
QFrame[role="footer"] {{
    background: {p.surface_alt}; border: none; border-top: 2px solid {p.border};
}}

QPushButton, QToolButton {{
    min-height: {MIN_TARGET}px; min-width: {MIN_TARGET}px;
    padding: 4px 18px; border-radius: 14px;
    background: {p.surface}; border: 2px solid {p.border_strong}; color: {p.text};
    font-size: {f["button"]}px; font-weight: bold;
}}
QPushButton:hover, QToolButton:hover {{ background: {p.surface_alt}; }}
QPushButton:pressed, QToolButton:pressed {{ background: {p.primary_soft}; }}
QPushButton:focus, QToolButton:focus {{ border: 3px solid {p.focus}; }}
QPushButton:disabled, QToolButton:disabled {{ color: {p.disabled}; border-color: {p.border}; }}
QPushButton[role="primary"], QToolButton[role="primary"] {{
    background: {p.primary}; color: #ffffff; border: 3px solid {p.primary};
}}
QPushButton[role="primary"]:hover, QToolButton[role="primary"]:hover {{ background: {p.primary_hover}; }}
QPushButton[role="primary"]:focus, QToolButton[role="primary"]:focus {{ border: 3px solid {p.focus}; }}
QPushButton[role="primary"]:disabled {{
    background: {p.border}; color: {p.text_muted}; border-color: {p.border};
}}
QPushButton[role="quiet"], QToolButton[role="quiet"] {{
    background: transparent; border: 2px solid transparent; color: {p.text_muted};
    font-weight: normal; font-size: {f["small"]}px;
}}
QPushButton[role="quiet"]:focus, QToolButton[role="quiet"]:focus {{ border: 3px solid {p.focus}; }}
QPushButton[role="toggle"], QToolButton[role="toggle"] {{ font-weight: normal; }}
QPushButton[role="toggle"]:checked, QToolButton[role="toggle"]:checked {{
    background: {p.primary_soft}; border: 3px solid {p.primary}; font-weight: bold;
}}
QPushButton[role="toggle"]:checked:focus, QToolButton[role="toggle"]:checked:focus {{
    border: 3px solid {p.focus};
}}
QToolButton[role="size"] {{
    min-height: {MIN_TARGET - 6}px; min-width: {MIN_TARGET - 6}px; padding: 0; border-radius: 12px;
    font-weight: bold;
}}
QToolButton[role="size"]:checked {{ background: {p.primary_soft}; border: 3px solid {p.primary}; }}
QToolButton[role="size"]:checked:focus, QToolButton[role="size"]:focus {{ border: 3px solid {p.focus}; }}
QToolButton[role="tile"] {{
    background: {p.surface}; border: 2px solid {p.border}; border-radius: 18px;
    padding: 8px; font-weight: bold;
}}
QToolButton[role="tile"]:hover {{ background: {p.primary_soft}; border-color: {p.primary}; }}
QToolButton[role="tile"]:focus {{ border: 4px solid {p.focus}; }}
QListView[role="cards"] {{
    background: transparent; border: none; font-size: {f["button"]}px; outline: none;
}}
QListView[role="cards"]:disabled {{ color: {p.disabled}; }}
QToolButton[role="avatar"] {{ background: {p.surface}; border: 2px solid {p.border}; border-radius: 18px; }}
QToolButton[role="avatar"]:checked {{ background: {p.primary_soft}; border: 4px solid {p.primary}; }}
QToolButton[role="avatar"]:focus {{ border: 4px solid {p.focus}; }}

QLineEdit, QComboBox, QPlainTextEdit, QTextEdit, QSpinBox {{
    min-height: {MIN_TARGET - 6}px; padding: 2px 12px; border-radius: 12px;
    background: {p.surface}; border: 2px solid {p.border_strong}; color: {p.text};
    selection-background-color: {p.primary_soft}; selection-color: {p.text};
}}
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus, QTextEdit:focus, QSpinBox:focus {{
    border: 3px solid {p.focus};
}}
QComboBox::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 36px; border: none;
}}
QComboBox::down-arrow {{ image: url("{arrow}"); width: 18px; height: 18px; }}
QComboBox:disabled {{ color: {p.text}; background: {p.surface_alt}; }}
QComboBox QAbstractItemView {{
    background: {p.surface}; border: 2px solid {p.border_strong};
    selection-background-color: {p.primary_soft}; selection-color: {p.text};
}}
QComboBox QAbstractItemView::item {{ min-height: {MIN_TARGET - 8}px; padding: 4px 8px; }}

QListWidget[role="ordering"] {{
    background: {p.surface}; border: 2px solid {p.border}; border-radius: {RADIUS}px; padding: 6px;
    outline: none;
}}
QListWidget[role="ordering"]::item {{
    min-height: {MIN_TARGET}px; margin: 4px; padding: 6px 12px;
    border: 2px solid {p.border_strong}; border-radius: 12px; background: {p.surface_alt}; color: {p.text};
}}
QListWidget[role="ordering"]::item:selected {{
    border: 3px solid {p.focus}; background: {p.primary_soft}; color: {p.text};
}}
QListWidget[role="ordering"]:focus {{ border: 3px solid {p.focus}; }}

QProgressBar {{
    min-height: 14px; max-height: 14px; border-radius: 7px; border: none;
    background: {p.border}; text-align: center; color: transparent;
}}
QProgressBar::chunk {{ border-radius: 7px; background: {p.accent}; }}

QScrollBar:vertical {{ width: 16px; background: {p.surface_alt}; border: none; margin: 0; }}
QScrollBar::handle:vertical {{ background: {p.border_strong}; border-radius: 8px; min-height: 48px; }}
QScrollBar:horizontal {{ height: 16px; background: {p.surface_alt}; border: none; margin: 0; }}
QScrollBar::handle:horizontal {{ background: {p.border_strong}; border-radius: 8px; min-width: 48px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}

QMessageBox {{ background: {p.background}; }}
QToolTip {{ background: {p.surface}; color: {p.text}; border: 1px solid {p.border_strong}; }}
"""
        + (_TALL_SCRIPT_RULES % {"prompt": f["button"]} if tall_script else "")
        + (
            f"""
QToolButton[role="tile"] {{ font-size: {fixed["button"]}px; }}
QFrame[role="header"] QLabel[role="title"] {{ font-size: {fixed["title"]}px; }}
QFrame[role="header"] QLabel[role="heading"] {{ font-size: {fixed["heading"]}px; }}
"""
            if script_scale != 1.0
            else ""
        )
        + (_HIGH_CONTRAST_RULES.format(p=p) if high_contrast else "")
    )


_TALL_SCRIPT_RULES = """
QLabel { padding-top: 0.15em; padding-bottom: 0.15em; }
QLabel[script="latin"] { padding-top: 0; padding-bottom: 0; }
QLabel[tight="true"] { padding-top: 0; padding-bottom: 0; }
QLabel#prompt { font-size: %(prompt)spx; }
QLabel[role="chip"], QLabel[role="chip-passed"], QLabel[role="chip-progress"] {
    padding-top: 0.12em; padding-bottom: 0.12em;
}
QPushButton, QToolButton { padding-top: 0.1em; padding-bottom: 0.1em; }
QCheckBox, QRadioButton { padding-top: 0.1em; padding-bottom: 0.1em; }
QLineEdit, QComboBox, QSpinBox { padding-top: 0.1em; padding-bottom: 0.1em; }
"""
"""Qt's ``em`` is the font's line height: Nastaliq's letters reach up to about 0.15 of it beyond. A question's
prompt in Nastaliq is bold at the size of a button's text (not a heading's): its line is already tall."""

_HIGH_CONTRAST_RULES = """
QPushButton, QToolButton, QLineEdit, QComboBox, QPlainTextEdit, QTextEdit, QSpinBox {{
    border-width: 3px;
}}
QLabel[role="subtle"] {{ color: {p.text}; }}
QProgressBar {{ background: {p.surface_alt}; border: 2px solid {p.border}; }}
"""
"""The usual progress track is ``border``, black here: the done part would hardly show against it."""
