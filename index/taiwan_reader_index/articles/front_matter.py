"""YAML front matter: detect the fenced block, parse it safely, coerce fields.

PyYAML's safe loader is used with aliases refused: an "alias bomb" (a few
lines that expand to gigabytes) is rejected instead of expanded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

import yaml

_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
# url and fetched: where and when `taiwan-reader add` or `fetch` took the article from the web
TEXT_FIELDS = ("title", "outlet", "author", "source_file", "url", "fetched")


class _NoAliasLoader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "YAML aliases are not allowed in front matter", event.start_mark
            )
        return super().compose_node(parent, index)


@dataclass(frozen=True)
class FrontMatter:
    fields: dict[str, object]
    body_offset: int  # where the text after the closing fence starts
    problems: tuple[str, ...] = ()


def parse_front_matter(text: str) -> FrontMatter:
    """Split off front matter; a malformed block is reported and skipped, not fatal."""
    match = _FENCE.match(text)
    if not match:
        return FrontMatter({}, 0)
    raw = match.group(1)
    if len(raw) > 64_000:
        return FrontMatter({}, match.end(), ("front matter over 64 KB; ignored",))
    try:
        data = yaml.load(raw, Loader=_NoAliasLoader)  # safe loader subclass
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return FrontMatter({}, match.end(), (f"malformed front matter{line}: {problem}; ignored",))
    if data is None:
        return FrontMatter({}, match.end())
    if not isinstance(data, dict):
        kind = type(data).__name__
        return FrontMatter({}, match.end(), (f"front matter is a {kind}, not a mapping; ignored",))
    fields: dict[str, object] = {}
    problems: list[str] = []
    for key in (*TEXT_FIELDS, "date"):
        if key not in data or data[key] is None:
            continue
        value = data[key]
        if key == "date":
            parsed = coerce_date(value)
            if parsed is None and value != "":
                problems.append(f"front matter 'date' {str(value)[:40]!r} is not a date; ignored")
            elif parsed is not None:
                fields["date"] = parsed
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            fields[key] = str(value).strip()
        else:
            problems.append(f"front matter '{key}' should be text, got {type(value).__name__}; ignored")
    return FrontMatter(fields, match.end(), tuple(problems))


def coerce_date(value: object) -> datetime | None:
    """A datetime from a YAML date, datetime or an ISO-like / common text date."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        pass
    for fmt in ("%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y", "%Y/%m/%d", "%Y-%m"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None
