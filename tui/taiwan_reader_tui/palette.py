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
from functools import lru_cache

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


# a second cue besides colour, for kinds that share a lightness
_KIND_FLAGS = {"group": Style(italic=True), "law": Style(underline=True), "other": Style(underline=True)}


@dataclass(frozen=True)
class Palette:
    entities: dict[str, Style]  # kind -> how its names are drawn
    hit: Style
    find: Style
    current: Style


@lru_cache(maxsize=16)  # asked on every redraw of an article (each n/N press): once per theme
def palette_for(background: Color, surface: Color, dark: bool) -> Palette:
    grounds = [background, surface]
    entities = {}
    for kind in KIND_NAMES:
        color = _readable(KIND_HUES[kind], grounds, dark, 0.68 if dark else 0.38)
        entities[kind] = Style(color=color.rich_color, bold=True) + _KIND_FLAGS.get(kind, Style())
    return Palette(entities, _bar(48, 0.62) + Style(bold=True), _bar(190, 0.55) + Style(underline=True),
                   _bar(320, 0.45) + Style(bold=True, underline=True))


def _bar(hue: int, lightness: float) -> Style:
    """A highlight bar of ``hue`` with black or white text, whichever reads better."""
    ground = Color.from_hsl(hue / 360, 0.95, lightness)
    return Style(color=_text_on(ground).rich_color, bgcolor=ground.rich_color)


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
