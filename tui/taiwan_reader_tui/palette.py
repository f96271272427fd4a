"""Colours of entity kinds and highlights, computed for the theme in use.

Each of the seven entity kinds has its own hue, the same in every theme; its
lightness is chosen against the theme's background and surface until the
text reaches a contrast of at least 4.5:1 (WCAG AA). Query hits, find
matches and the current find match are coloured bars with their own text
colour (black or white, whichever reads better), so an entity inside a hit
stays legible and the current match cannot be mistaken for another.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual.color import Color

from taiwan_reader_index.entities.kinds import KIND_NAMES

AA = 4.5
# hue (degrees) per kind: well apart on the colour wheel
KIND_HUES: dict[str, int] = {"person": 210, "org": 28, "place": 120, "group": 275,
                             "law": 350, "event": 178, "other": 58}
_SATURATION = 0.75
_BLACK = Color(0, 0, 0)
_WHITE = Color(255, 255, 255)


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _readable(hue: int, grounds: list[Color], dark: bool, start: float,
              saturation: float = _SATURATION) -> Color:
    """The colour of ``hue`` nearest ``start`` lightness with AA contrast on every ground."""
    lightness = start
    step = 0.02 if dark else -0.02
    while 0.0 < lightness < 1.0:
        color = Color.from_hsl(hue / 360, saturation, lightness)
        if all(contrast(color, g) >= AA for g in grounds):
            return color
        lightness += step
    return _WHITE if dark else _BLACK


def _text_on(background: Color) -> Color:
    return _BLACK if contrast(_BLACK, background) >= contrast(_WHITE, background) else _WHITE


@dataclass(frozen=True)
class Palette:
    entities: dict[str, Style]
    colors: dict[str, Color]
    hit: Style
    find: Style
    current: Style
    bars: dict[str, tuple[Color, Color]]  # hit/find/current -> (text, background)


def palette_for(background: Color, surface: Color, dark: bool) -> Palette:
    grounds = [background, surface]
    colors = {kind: _readable(KIND_HUES[kind], grounds, dark, 0.68 if dark else 0.38)
              for kind in KIND_NAMES}
    entities = {kind: Style(color=c.rich_color, bold=True) for kind, c in colors.items()}
    bars: dict[str, tuple[Color, Color]] = {}
    for name, hue, lightness in (("hit", 48, 0.62), ("find", 190, 0.55), ("current", 320, 0.45)):
        ground = Color.from_hsl(hue / 360, 0.95, lightness)
        bars[name] = (_text_on(ground), ground)
    hit = _bar(bars["hit"]) + Style(bold=True)
    find = _bar(bars["find"]) + Style(underline=True)
    current = _bar(bars["current"]) + Style(bold=True, underline=True)
    return Palette(entities, colors, hit, find, current, bars)


def _bar(colors: tuple[Color, Color]) -> Style:
    text, ground = colors
    return Style(color=text.rich_color, bgcolor=ground.rich_color)


def theme_palette(theme_variables: dict[str, str], dark: bool) -> Palette:
    """The palette for a running app's theme (``App.theme_variables``, ``App.current_theme.dark``).

    ANSI themes leave colours to the terminal; they are taken as black or white.
    """
    fallback = _BLACK if dark else _WHITE

    def parse(name: str) -> Color:
        try:
            color = Color.parse(theme_variables.get(name, ""))
        except Exception:  # "ansi_default" and the like: the terminal's own colours
            return fallback
        return color if color.a > 0 and not color.ansi else fallback

    return palette_for(parse("background"), parse("surface"), dark)
