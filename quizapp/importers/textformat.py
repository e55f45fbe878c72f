"""Turn imported text (HTML, Markdown, Moodle auto-format, plain) into quizapp's safe text format.

The target is :mod:`quizapp.content.richtext`: paragraphs, ``**bold**``, ``*italic*`` and lists. HTML is read
with the standard library's :class:`html.parser.HTMLParser`; nothing of it survives but text and those marks.
Scripts, event handlers, embedded frames and objects, media and images are removed and each removal is
returned as a warning, so the teacher can see what was lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Literal

from quizapp.content.richtext import parse_blocks, to_plain

TextFormat = Literal["html", "markdown", "plain", "moodle"]
TEXT_FORMATS: tuple[TextFormat, ...] = ("html", "markdown", "plain", "moodle")

# Something that looks like an HTML tag or comment (not "a < b").
TAG_RE = re.compile(r"<(?:[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?|/[A-Za-z][A-Za-z0-9]*\s*|!--.*?--)>", re.S)


@dataclass(slots=True)
class Converted:
    text: str
    warnings: list[str] = field(default_factory=list)


def normalise(text: str) -> str:
    """The canonical form of a text in our format: tidy paragraphs and lists, single spaces."""
    out: list[str] = []
    for block in parse_blocks(text.replace("\u00a0", " ")):
        if block.kind == "paragraph":
            out.append(" ".join(block.items[0].split()))
        elif block.kind == "bullets":
            out.append("\n".join(f"- {' '.join(item.split())}" for item in block.items))
        else:
            out.append("\n".join(f"{n}. {' '.join(item.split())}" for n, item in enumerate(block.items, 1)))
    return "\n\n".join(part for part in out if part)


def one_line(text: str) -> str:
    """The text without marks, on one line (for accepted answers and generated sentences)."""
    return " ".join(to_plain(text).split())


def convert(raw: str, fmt: TextFormat) -> Converted:
    """Convert ``raw`` written in ``fmt`` into our text format."""
    if fmt == "html":
        return html_to_text(raw)
    if fmt == "markdown":
        return markdown_to_text(raw)
    if fmt == "moodle" and TAG_RE.search(raw):
        return html_to_text(raw, keep_layout=True)
    return Converted(normalise(raw))


# --- HTML -------------------------------------------------------------------------------------------------

_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_BLOCK_TAGS = _HEADINGS | frozenset(
    (
        *("p", "div", "section", "article", "header", "footer", "aside", "nav", "main", "blockquote"),
        *("center", "address", "figure", "figcaption", "pre", "table", "thead", "tbody", "tfoot", "tr"),
        *("caption", "dl", "dt", "dd", "hr", "form", "fieldset", "legend", "details", "summary"),
    )
)
_BOLD_TAGS = frozenset(("b", "strong"))
_ITALIC_TAGS = frozenset(("i", "em", "cite", "dfn", "var"))
_SILENT_SKIP = frozenset(("style", "head", "title", "template", "noscript"))
_EMBED_TAGS = frozenset(("iframe", "frame", "frameset", "object", "embed", "applet", "portal"))
_MEDIA_TAGS = frozenset(("audio", "video", "canvas", "svg", "math", "picture", "map"))
_FORM_TAGS = frozenset(("input", "button", "select", "textarea", "option", "optgroup", "datalist"))
_URL_ATTRS = frozenset(("href", "src", "action", "formaction", "data", "xlink:href"))
_VOID_TAGS = frozenset(
    (
        "br",
        "hr",
        "img",
        "input",
        "meta",
        "link",
        "source",
        "track",
        "wbr",
        "area",
        "base",
        "col",
        "embed",
        "param",
    )
)
_SKIP_CONTENT = (
    _SILENT_SKIP | {"script"} | _EMBED_TAGS | _MEDIA_TAGS | {"button", "select", "textarea", "datalist"}
)


class _HtmlToText(HTMLParser):
    def __init__(self, keep_layout: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.keep_layout = keep_layout
        self.warnings: list[str] = []
        self.blocks: list[tuple[str, int, str]] = []  # (kind "p" | "li", list number, text)
        self.inline: list[tuple[str | None, str]] = []
        self.styles: list[str] = []
        self.skip_stack: list[str] = []
        self.lists: list[list[int | str]] = []  # [kind "ul" | "ol", counter, id]
        self.list_ids = 0
        self.item_prefix: str | None = None
        self.item_list = 0
        self.heading = 0

    # warnings --------------------------------------------------------------------------------------------
    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def _check_attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            lowered = name.lower()
            target = re.sub(r"\s+", "", value or "").lower()
            if lowered.startswith("on"):
                self.warn(f"removed an event handler ({lowered} on <{tag}>); scripts are never imported")
            elif lowered in _URL_ATTRS and target.startswith(("javascript:", "vbscript:")):
                self.warn(f"removed a {target.split(':', 1)[0]}: link on <{tag}>")

    # parser callbacks ------------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        self._check_attrs(tag, attrs)
        if self.skip_stack:
            if tag in _SKIP_CONTENT and tag not in _VOID_TAGS:
                self.skip_stack.append(tag)
            return
        if tag == "script":
            self.warn("removed a <script> element; scripts are never imported")
        elif tag in _EMBED_TAGS:
            self.warn(f"removed an embedded <{tag}>; embedded pages and objects are not imported")
        elif tag in _MEDIA_TAGS:
            self.warn(f"removed <{tag}> content; media and drawings inside text are not imported")
        elif tag in _FORM_TAGS:
            self.warn(f"removed a form control <{tag}>")
        if tag in _SKIP_CONTENT:
            if tag not in _VOID_TAGS:
                self.skip_stack.append(tag)
            return
        if tag == "img":
            self._image(dict(attrs))
        elif tag == "br":
            self._break()
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists:  # our lists do not nest: a nested list continues the outer one as bullets
                self.lists.append(["ul", 0, self.lists[-1][2]])
            else:
                self.list_ids += 1
                self.lists.append([tag, 0, self.list_ids])
        elif tag == "li":
            self._flush()
            if not self.lists:
                self.list_ids += 1
                self.lists.append(["ul", 0, self.list_ids])
            current = self.lists[-1]
            current[1] = int(current[1]) + 1
            self.item_prefix = "- " if current[0] == "ul" else f"{current[1]}. "
            self.item_list = int(current[2])
        elif tag in _HEADINGS:
            self._flush()
            self.heading += 1
        elif tag in _BLOCK_TAGS:
            self._flush()
        elif tag in ("td", "th"):
            self.inline.append((None, " "))
        elif tag in _BOLD_TAGS:
            self.styles.append("b")
        elif tag in _ITALIC_TAGS:
            self.styles.append("i")

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if self.skip_stack:
            if tag == self.skip_stack[-1]:
                self.skip_stack.pop()
            elif tag in self.skip_stack:
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
            return
        if tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
        elif tag == "li":
            self._flush()
        elif tag in _HEADINGS:
            self._flush()
            self.heading = max(0, self.heading - 1)
        elif tag in _BLOCK_TAGS:
            self._flush()
        elif tag in _BOLD_TAGS and "b" in self.styles:
            self._pop_style("b")
        elif tag in _ITALIC_TAGS and "i" in self.styles:
            self._pop_style("i")

    def handle_data(self, data: str) -> None:
        if self.skip_stack or not data:
            return
        data = data.replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")
        data = re.sub(r"[ \t\f\v]+" if self.keep_layout else r"\s+", " ", data)
        style = "b" if self.heading else (self.styles[0] if self.styles else None)
        self.inline.append((style, data))

    # helpers ---------------------------------------------------------------------------------------------
    def _pop_style(self, style: str) -> None:
        for index in range(len(self.styles) - 1, -1, -1):
            if self.styles[index] == style:
                del self.styles[index]
                return

    def _image(self, attrs: dict[str, str | None]) -> None:
        src = (attrs.get("src") or "").strip()
        alt = (attrs.get("alt") or "").strip()
        described = f" (described as '{alt}')" if alt else ""
        if src.lower().startswith(("http:", "https:", "//", "ftp:")):
            self.warn(f"removed a remote image ({src[:80]}){described}; nothing is loaded from the internet")
        else:
            shown = src.rsplit("/", 1)[-1][:60] if src and not src.startswith("data:") else "embedded picture"
            self.warn(
                f"removed an image ({shown}){described}: pictures inside text are not imported; "
                "add it as the question's image"
            )

    def _break(self) -> None:
        if self.item_prefix is not None or self.lists:
            self.inline.append((None, " "))
        else:
            self._flush()

    def _render_inline(self) -> str:
        merged: list[tuple[str | None, str]] = []
        for style, piece in self.inline:
            if merged and merged[-1][0] == style:
                merged[-1] = (style, merged[-1][1] + piece)
            else:
                merged.append((style, piece))
        out = ""
        for index, (style, text) in enumerate(merged):
            if style is None:
                out += text
                continue
            core = text.strip()
            if not core:
                out += text
                continue
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            following = ""
            for _, later in merged[index + 1 :]:
                if later:
                    following = later
                    break
            before = (out + lead)[-1:] if (out + lead) else ""
            after = trail[:1] or following[:1]
            mark = "**" if style == "b" else "*"
            glued = bool(re.match(r"[\w*]", before)) or bool(re.match(r"[\w*]", after))
            if "*" in core or (style == "i" and glued) or (style == "b" and (before == "*" or after == "*")):
                out += text  # formatting that our format cannot express here stays plain text
            else:
                out += f"{lead}{mark}{core}{mark}{trail}"
        return out

    def _flush(self) -> None:
        text = self._render_inline().strip()
        self.inline = []
        if not text:
            return
        if self.item_prefix is not None:
            self.blocks.append(("li", self.item_list, f"{self.item_prefix}{text}"))
            self.item_prefix = None
        elif self.lists and self.blocks and self.blocks[-1][0] == "li":
            kind, list_id, previous = self.blocks[-1]
            self.blocks[-1] = (kind, list_id, f"{previous} {text}")
        else:
            self.blocks.append(("p", 0, text))

    def result(self) -> str:
        self._flush()
        parts: list[str] = []
        previous: tuple[str, int] | None = None
        for kind, list_id, text in self.blocks:
            if parts:
                same_list = previous == ("li", list_id) and kind == "li"
                parts.append("\n" if same_list else "\n\n")
            parts.append(text)
            previous = (kind, list_id)
        return "".join(parts)


def html_to_text(raw: str, *, keep_layout: bool = False) -> Converted:
    """Convert HTML to our text format. With ``keep_layout`` line breaks in the text itself count too."""
    parser = _HtmlToText(keep_layout)
    parser.feed(raw)
    parser.close()
    return Converted(normalise(parser.result()), parser.warnings)


# --- Markdown ---------------------------------------------------------------------------------------------

_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_MD_STRONG_US = re.compile(r"(?<![\w_])__(?=\S)(.+?)(?<=\S)__(?![\w_])")
_MD_EM_US = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_PLUS_BULLET = re.compile(r"^(\s*)\+\s+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_MD_BLANK = re.compile(r"_{3,}")
_BLANK_MARK = "\ue010"


def markdown_to_text(raw: str) -> Converted:
    """Convert Markdown to our format: our format is a small Markdown subset, so mostly this tidies."""
    warnings: list[str] = []

    def image(match: re.Match[str]) -> str:
        alt, src = match.group(1).strip(), match.group(2)
        remote = src.lower().startswith(("http:", "https:", "//"))
        what = f"a remote image ({src[:80]})" if remote else f"an image ({src.rsplit('/', 1)[-1][:60]})"
        described = f" (described as '{alt}')" if alt else ""
        message = f"removed {what}{described}: pictures inside text are not imported"
        if message not in warnings:
            warnings.append(message)
        return ""

    lines: list[str] = []
    source_lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for index, line in enumerate(source_lines):
        hard_break = line.endswith("  ") or line.endswith("\\")
        line = line.rstrip()
        if hard_break and line.endswith("\\"):
            line = line[:-1]
        if _MD_RULE.match(line):
            lines.append("")
            continue
        if _MD_SETEXT.match(line) and lines and lines[-1].strip() and index > 0:
            lines[-1] = f"**{lines[-1].strip()}**"
            lines.append("")
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            lines.extend(["", f"**{heading.group(1)}**", ""])
            continue
        line = _MD_QUOTE.sub("", line)
        line = _MD_PLUS_BULLET.sub(r"\1- ", line)
        lines.append(line)
        if hard_break and line.strip() and index < len(source_lines) - 1:
            lines.append("")
    text = "\n".join(lines)
    blanks = _MD_BLANK.findall(text)  # "_____" is a blank to fill in, not emphasis
    text = _MD_BLANK.sub(_BLANK_MARK, text)
    text = _MD_IMAGE.sub(image, text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _MD_STRONG_US.sub(r"**\1**", text)
    text = _MD_EM_US.sub(r"*\1*", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    for blank in blanks:
        text = text.replace(_BLANK_MARK, blank, 1)
    if TAG_RE.search(text):
        converted = html_to_text(text, keep_layout=True)
        return Converted(converted.text, warnings + [w for w in converted.warnings if w not in warnings])
    return Converted(normalise(text), warnings)
