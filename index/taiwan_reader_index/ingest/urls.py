"""One address per article: the same page reached by two URLs is one article.

courlan (trafilatura's URL library) lower-cases the scheme and host, drops the
default port, removes tracking parameters (utm_*, fbclid, at_medium …) and
sorts the rest; on top of it the fragment goes, and AMP copies (an ``amp.``
host, a ``/amp`` path end, ``.amp`` or ``amp=1``) lead to the page itself.
"""

from __future__ import annotations

import contextlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import courlan

_AMP_PATH = re.compile(r"(?:/amp/?|\.amp(?:\.html?)?)$", re.IGNORECASE)
_AMP_PARAMS = {"amp", "outputtype", "amp_js_v", "usqp", "_gsa"}


def is_web_url(text: str) -> bool:
    """An http(s) address with a host (what `add` fetches rather than reads as a file)."""
    parts = urlsplit(text.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def canonical_url(url: str) -> str:
    """The article's address with tracking, fragments and AMP variants taken off."""
    url = url.strip()
    if not is_web_url(url):
        return url
    with contextlib.suppress(ValueError):  # an address courlan cannot parse: kept as given
        url = courlan.normalize_url(url)
    parts = urlsplit(url)
    host = parts.netloc.lower()
    if host.startswith("amp."):
        host = host[4:]
    path = _AMP_PATH.sub("", parts.path) or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() not in _AMP_PARAMS]
    if host.endswith(".cdn.ampproject.org"):  # Google's AMP cache: /c/s/host/path
        match = re.match(r"^/[a-z]/(s/)?([^/]+)(/.*)?$", parts.path)
        if match:
            scheme = "https" if match.group(1) else "http"
            return canonical_url(f"{scheme}://{match.group(2)}{match.group(3) or '/'}")
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(query), ""))


def host_of(url: str) -> str:
    return urlsplit(url).hostname or ""
