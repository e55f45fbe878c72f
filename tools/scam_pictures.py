"""Draw the "spot the scam" message pictures (SVG, English and Urdu) and print their regions as YAML.

    python tools/scam_pictures.py            # writes the SVGs into the packs and prints each question's regions

Each picture is a phone screen (an SMS, a WhatsApp chat, a game chat or a web page) made of blocks of text;
a block that is a region of the question has an id, and its rectangle (in the SVG's own coordinates) is
printed for each language, ready for the question's ``area`` (English) and ``areas: {ur: ...}`` (Urdu, laid
out right to left, with Nastaliq's taller lines). Change a text here, run the script, and paste the regions
it prints. The Urdu in the pictures is a draft for a native-speaking teacher to review.
"""

# ruff: noqa: E501 (drawing commands and the pictures' texts read best one to a line)
from __future__ import annotations

import html
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIDTH = 600
PAD = 24


@dataclass
class Block:
    lines: dict[str, list[str]]  # language -> lines
    style: str = "text"  # text, bold, link, small, banner, field, button, name
    region: str | None = None


@dataclass
class Bubble:
    blocks: list[Block]
    fill: str = ""


@dataclass
class Picture:
    name: str  # file stem, e.g. prize-sms
    kind: str  # sms, whatsapp, game, web
    header: dict[str, str]
    sub: dict[str, str]
    header_region: str | None
    bubbles: list[Bubble] = field(default_factory=list)


THEMES = {
    "sms": {"bar": "#1e4e79", "bg": "#f4f6f8", "bubble": "#e3e8ee", "text": "#1d2733", "bar_text": "#ffffff"},
    "whatsapp": {
        "bar": "#0b6e5f",
        "bg": "#efe7dc",
        "bubble": "#ffffff",
        "text": "#1d2733",
        "bar_text": "#ffffff",
    },
    "game": {
        "bar": "#2d1e4a",
        "bg": "#1c1533",
        "bubble": "#3a2d63",
        "text": "#f3efff",
        "bar_text": "#ffd66b",
    },
    "web": {"bar": "#d9dde3", "bg": "#ffffff", "bubble": "#ffffff", "text": "#1d2733", "bar_text": "#1d2733"},
}
FONTS = {"en": "DejaVu Sans", "ur": "Noto Nastaliq Urdu"}
SIZE = {"en": 20, "ur": 19}
LINE = {"en": 28, "ur": 46}
HEADER = {"en": 68, "ur": 84}


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


RLM = "\u200f"  # starts an Urdu line right to left even when it begins with a number or Latin letters


def draw(picture: Picture, lang: str) -> tuple[str, dict[str, tuple[int, int, int, int]]]:
    """The SVG text and the regions' rectangles (x, y, w, h) for ``lang``."""
    theme = THEMES[picture.kind]
    rtl = lang == "ur"
    font, size, line = FONTS[lang], SIZE[lang], LINE[lang]
    parts: list[str] = []
    regions: dict[str, tuple[int, int, int, int]] = {}
    head = HEADER[lang]
    anchor = "end" if rtl else "start"

    def tx(x_ltr: float) -> float:
        return WIDTH - x_ltr if rtl else x_ltr

    def text(
        x_ltr: float, y: float, value: str, *, px: int, fill: str, weight: str = "normal", extra: str = ""
    ) -> str:
        return (
            f'<text x="{tx(x_ltr):.0f}" y="{y:.0f}" font-family="{font}" font-size="{px}" fill="{fill}" '
            f'font-weight="{weight}" text-anchor="{anchor}"{extra}>{RLM if rtl else ""}{_esc(value)}</text>'
        )

    # header: a bar with an avatar (or an address box for a web page)
    parts.append(  # the bar, its top corners rounded like the screen's
        f'<path d="M0 18a18 18 0 0 1 18-18h{WIDTH - 36}a18 18 0 0 1 18 18v{head - 18}h-{WIDTH}z" fill="{theme["bar"]}"/>'
    )
    if picture.kind == "web":
        parts.append(
            f'<rect x="16" y="14" width="{WIDTH - 32}" height="{head - 28}" rx="{(head - 28) // 2}" fill="#ffffff" stroke="#9aa3ad"/>'
        )
        parts.append(
            f'<circle cx="{tx(40):.0f}" cy="{head / 2:.0f}" r="8" fill="none" stroke="#c0392b" stroke-width="3"/>'
        )
        parts.append(text(58, head / 2 + size * 0.35, picture.header[lang], px=size, fill="#1d2733"))
        if picture.header_region:
            regions[picture.header_region] = (16, 14, WIDTH - 32, head - 28)
    else:
        parts.append(
            f'<circle cx="{tx(44):.0f}" cy="{head / 2:.0f}" r="22" fill="#ffffff" fill-opacity="0.25"/>'
        )
        parts.append(
            f'<circle cx="{tx(44):.0f}" cy="{head / 2 - 6:.0f}" r="8" fill="#ffffff" fill-opacity="0.8"/>'
        )
        parts.append(
            f'<path d="M{tx(44) - 14:.0f} {head / 2 + 16:.0f}a14 10 0 0 1 28 0z" fill="#ffffff" fill-opacity="0.8"/>'
        )
        sub_size = size - 5
        title_y = head / 2 - 4 if picture.sub.get(lang) else head / 2 + size * 0.35
        parts.append(
            text(80, title_y, picture.header[lang], px=size + 1, fill=theme["bar_text"], weight="bold")
        )
        if picture.sub.get(lang):
            parts.append(
                text(
                    80,
                    head / 2 + sub_size + 4,
                    picture.sub[lang],
                    px=sub_size,
                    fill=theme["bar_text"],
                    extra=' fill-opacity="0.85"',
                )
            )
        if picture.header_region:
            regions[picture.header_region] = (16 if rtl else 72, 6, WIDTH - 72 - 16, head - 12)
    y = head + 18
    for bubble in picture.bubbles:
        fill = bubble.fill or theme["bubble"]
        top = y
        inner: list[str] = []
        cy = y + 12
        for block in bubble.blocks:
            lines = block.lines[lang]
            block_top = cy
            if block.style == "field":
                height = line + 16
                inner.append(
                    f'<rect x="{PAD + 16}" y="{cy:.0f}" width="{WIDTH - 2 * PAD - 32}" height="{height}" rx="8" fill="#ffffff" stroke="#7b8794" stroke-width="2"/>'
                )
                inner.append(
                    text(PAD + 30, cy + height / 2 + size * 0.35, lines[0], px=size - 1, fill="#6b7785")
                )
                cy += height + 10
            elif block.style == "button":
                height = line + 18
                inner.append(
                    f'<rect x="{PAD + 16}" y="{cy:.0f}" width="{WIDTH - 2 * PAD - 32}" height="{height}" rx="{height // 2}" fill="#1e8e3e"/>'
                )
                inner.append(
                    f'<text x="{WIDTH / 2:.0f}" y="{cy + height / 2 + size * 0.35:.0f}" font-family="{font}" '
                    f'font-size="{size + 1}" fill="#ffffff" font-weight="bold" text-anchor="middle">{_esc(lines[0])}</text>'
                )
                cy += height + 10
            elif block.style == "banner":
                big = size + 8
                big_line = line + 12
                height = big_line * len(lines) + 14
                inner.append(
                    f'<rect x="{PAD + 4}" y="{cy:.0f}" width="{WIDTH - 2 * PAD - 8}" height="{height}" rx="10" fill="#c62828"/>'
                )
                for n, value in enumerate(lines):
                    inner.append(
                        f'<text x="{WIDTH / 2:.0f}" y="{cy + 8 + big_line * (n + 0.75):.0f}" font-family="{font}" '
                        f'font-size="{big}" fill="#ffffff" font-weight="bold" text-anchor="middle">{_esc(value)}</text>'
                    )
                cy += height + 10
            else:
                px = size - 4 if block.style in ("small", "name") else size
                colour = {
                    "link": "#1565c0",
                    "small": "#7b8794" if picture.kind != "game" else "#b9acd9",
                    "name": "#ffd66b" if picture.kind == "game" else "#0b6e5f",
                }.get(block.style, theme["text"])
                weight = "bold" if block.style in ("bold", "name") else "normal"
                step = line - 6 if block.style in ("small", "name") else line
                extra = ' text-decoration="underline"' if block.style == "link" else ""
                for value in lines:
                    cy += step
                    if block.style == "small":
                        # the time sits at the bubble's far end
                        inner.append(
                            f'<text x="{(PAD + 16) if rtl else (WIDTH - PAD - 16)}" y="{cy - 6:.0f}" font-family="{font}" '
                            f'font-size="{px}" fill="{colour}" text-anchor="{"start" if rtl else "end"}">{_esc(value)}</text>'
                        )
                    else:
                        inner.append(
                            text(
                                PAD + 16,
                                cy - step * 0.28,
                                value,
                                px=px,
                                fill=colour,
                                weight=weight,
                                extra=extra,
                            )
                        )
                cy += 6
            if block.region:
                regions[block.region] = (
                    PAD + 8,
                    round(block_top),
                    WIDTH - 2 * PAD - 16,
                    round(cy - block_top),
                )
        bottom = cy + 6
        parts.append(
            f'<rect x="{PAD}" y="{top:.0f}" width="{WIDTH - 2 * PAD}" height="{bottom - top:.0f}" rx="14" fill="{fill}"/>'
        )
        parts.extend(inner)
        y = bottom + 14
    height = round(y + 6)
    body = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}">\n'
        f'  <rect x="0" y="0" width="{WIDTH}" height="{height}" rx="18" fill="{theme["bg"]}"/>\n'
        + "".join(f"  {p}\n" for p in parts)
        + "</svg>\n"
    )
    return body, regions


def T(en: str | list[str], ur: str | list[str], style: str = "text", region: str | None = None) -> Block:
    def as_list(value: str | list[str]) -> list[str]:
        return [value] if isinstance(value, str) else value

    return Block({"en": as_list(en), "ur": as_list(ur)}, style, region)


PICTURES: dict[str, list[Picture]] = {
    "safety-8-10": [
        Picture(
            "prize-sms",
            "sms",
            {"en": "03XX-XXXXXXX", "ur": "03XX-XXXXXXX"},
            {"en": "Text message", "ur": "ایس ایم ایس"},
            "sender",
            [
                Bubble(
                    [
                        T(
                            [
                                "Congratulations!! You have WON",
                                "Rs 50,000 and a new phone in the",
                                "StarTel Lucky Draw!",
                            ],
                            ["مبارک ہو!! آپ نے اسٹارٹیل لکی ڈرا میں", "پچاس ہزار روپے اور نیا فون جیت لیا!"],
                            region="prize",
                        ),
                        T(
                            ["To get your prize, first send", "Rs 500 of balance to this number."],
                            ["انعام لینے کے لیے پہلے اس نمبر پر", "پانچ سو روپے کا بیلنس بھیجیں۔"],
                            region="fee",
                        ),
                        T(
                            "Hurry! The prize is gone in 1 hour!",
                            "جلدی کریں! ایک گھنٹے بعد انعام ختم!",
                            "bold",
                            "hurry",
                        ),
                        T("Today 4:15 pm", "آج شام 4:15", "small", "time"),
                    ]
                )
            ],
        ),
        Picture(
            "game-chat",
            "game",
            {"en": "Block Town - chat", "ur": "بلاک ٹاؤن - چیٹ"},
            {"en": "Players near you", "ur": "آپ کے قریب کھلاڑی"},
            None,
            [
                Bubble(
                    [
                        T("Sara (your friend)", "سارہ (آپ کی دوست)", "name"),
                        T("That was fun! Play again tomorrow?", "مزہ آیا! کل پھر کھیلیں؟", region="friend"),
                    ]
                ),
                Bubble(
                    [
                        T("StarKing_99 (not your friend)", "StarKing_99 (آپ کا دوست نہیں)", "name"),
                        T(
                            ["You are so good! How old are you?", "Which school do you go to?"],
                            ["آپ بہت اچھا کھیلتے ہیں! آپ کی عمر کیا ہے؟", "آپ کس اسکول میں پڑھتے ہیں؟"],
                            region="questions",
                        ),
                        T(
                            ["Send me a photo of you and I will", "give you 1000 free gems!"],
                            ["مجھے اپنی تصویر بھیجو، میں تمہیں", "ایک ہزار مفت جواہر دوں گا!"],
                            region="photo",
                        ),
                        T(
                            "Don't tell your parents. It's our secret.",
                            "امی ابو کو مت بتانا۔ یہ ہمارا راز ہے۔",
                            region="secret",
                        ),
                    ]
                ),
            ],
        ),
    ],
    "safety-11-13": [
        Picture(
            "code-whatsapp",
            "whatsapp",
            {"en": "+44 7700 900123", "ur": "+44 7700 900123"},
            {"en": "online", "ur": "آن لائن"},
            "number",
            [
                Bubble(
                    [
                        T(
                            ["Hi! It's me, Ali. This is my", "new number, save it."],
                            ["سلام! میں علی ہوں۔ یہ میرا نیا نمبر ہے،", "محفوظ کر لو۔"],
                            region="new-number",
                        ),
                        T(
                            ["I sent a 6-digit code to your", "phone by mistake. Please send it", "to me."],
                            ["غلطی سے تمہارے فون پر چھ ہندسوں کا", "کوڈ چلا گیا ہے۔ براہ کرم مجھے بھیج دو۔"],
                            region="code",
                        ),
                        T("Quickly please, I need it now!!", "جلدی کرو، مجھے ابھی چاہیے!!", "bold", "hurry"),
                        T("9:02 pm", "رات 9:02", "small", "time"),
                    ]
                )
            ],
        ),
        Picture(
            "free-data-web",
            "web",
            {"en": "free-data-pk.example/50gb", "ur": "free-data-pk.example/50gb"},
            {},
            "address",
            [
                Bubble(
                    [
                        T(
                            ["FREE 50 GB INTERNET!", "A gift for every student"],
                            ["مفت 50 جی بی انٹرنیٹ!", "ہر طالب علم کے لیے تحفہ"],
                            "banner",
                            "banner",
                        ),
                        T("Your mobile number", "اپنا موبائل نمبر", "field", "number-field"),
                        T(
                            "The code we send to your phone",
                            "وہ کوڈ جو ہم آپ کے فون پر بھیجیں",
                            "field",
                            "code-field",
                        ),
                        T("Get my free data", "مفت ڈیٹا حاصل کریں", "button", None),
                        T(
                            ["Share this page with 10 friends on", "WhatsApp to unlock your data."],
                            ["ڈیٹا کھولنے کے لیے یہ صفحہ واٹس ایپ پر", "دس دوستوں کو بھیجیں۔"],
                            region="share",
                        ),
                        T(
                            "Help  |  About us  |  Contact",
                            "مدد  |  ہمارے بارے میں  |  رابطہ",
                            "small",
                            "footer",
                        ),
                    ]
                )
            ],
        ),
        Picture(
            "blocked-sms",
            "sms",
            {"en": "03XX-XXXXXXX", "ur": "03XX-XXXXXXX"},
            {"en": "Text message", "ur": "ایس ایم ایس"},
            "sender",
            [
                Bubble(
                    [
                        T(
                            ["PaisaWallet ALERT: Your account", "will be BLOCKED today at 6 pm."],
                            ["پیسہ والیٹ الرٹ: آپ کا اکاؤنٹ آج شام", "6 بجے بند کر دیا جائے گا۔"],
                            "bold",
                            "blocked",
                        ),
                        T(
                            ["To keep it open, call our agent on", "03XX-XXXXXXX and tell them your PIN."],
                            [
                                "اکاؤنٹ کھلا رکھنے کے لیے ہمارے ایجنٹ کو",
                                "03XX-XXXXXXX پر فون کر کے اپنا پن بتائیں۔",
                            ],
                            region="pin",
                        ),
                        T(
                            "Or verify here: paisawallet-verify.example",
                            "یا یہاں تصدیق کریں: paisawallet-verify.example",
                            "link",
                            "link",
                        ),
                        T(
                            "Thank you for using PaisaWallet.",
                            "پیسہ والیٹ استعمال کرنے کا شکریہ۔",
                            region="thanks",
                        ),
                        T("Today 11:20 am", "آج صبح 11:20", "small", "time"),
                    ]
                )
            ],
        ),
    ],
    "safety-14-17": [
        Picture(
            "bank-link-sms",
            "sms",
            {"en": "NTBank", "ur": "NTBank"},
            {"en": "Text message", "ur": "ایس ایم ایس"},
            "sender",
            [
                Bubble(
                    [
                        T("Dear Customer,", "محترم صارف،", region="greeting"),
                        T(
                            [
                                "We noticed a login to your account",
                                "from a new device. If this was not you,",
                                "secure your account within 24 hours:",
                            ],
                            [
                                "ہم نے ایک نئے آلے سے آپ کے اکاؤنٹ میں",
                                "لاگ اِن دیکھا ہے۔ اگر یہ آپ نہیں تھے تو",
                                "24 گھنٹے کے اندر اکاؤنٹ محفوظ کریں:",
                            ],
                            region="urgent",
                        ),
                        T(
                            "ntb-secure-login.example/verify",
                            "ntb-secure-login.example/verify",
                            "link",
                            "link",
                        ),
                        T(
                            ["Enter your card number, PIN and the", "OTP we send you to confirm."],
                            ["تصدیق کے لیے اپنا کارڈ نمبر، پن اور", "ہمارا بھیجا ہوا او ٹی پی درج کریں۔"],
                            region="details",
                        ),
                        T("Yesterday 7:48 pm", "کل شام 7:48", "small", "time"),
                    ]
                )
            ],
        ),
    ],
}
PICTURES["example"] = [PICTURES["safety-8-10"][0]]
PICTURES["adults"] = [PICTURES["safety-14-17"][0]]


def main() -> int:
    for pack, pictures in PICTURES.items():
        folder = ROOT / "questions" / pack / "assets" / "scam"
        folder.mkdir(parents=True, exist_ok=True)
        for picture in pictures:
            print(f"# {pack}: {picture.name}")
            areas: dict[str, dict[str, tuple[int, int, int, int]]] = {}
            for lang in ("en", "ur"):
                svg, regions = draw(picture, lang)
                (folder / f"{picture.name}-{lang}.svg").write_text(svg, encoding="utf-8")
                areas[lang] = regions
            for region, (x, y, w, h) in areas["en"].items():
                ux, uy, uw, uh = areas["ur"][region]
                print(
                    f"  {region}: area: {{x: {x}, y: {y}, w: {w}, h: {h}}}  areas: {{ur: {{x: {ux}, y: {uy}, w: {uw}, h: {uh}}}}}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
