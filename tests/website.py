"""A web site on 127.0.0.1 for the fetching tests: pages and feeds the tests write,
redirects, errors, conditional requests, endless responses. No internet needed."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"
    endless: bool = False  # send chunks until the client hangs up


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    started: float
    ended: float


Route = Reply | Callable[[dict[str, str]], Reply]


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        """A client the tests made hang up (a timeout, a size limit) is no error; anything
        else is printed as usual."""
        import sys

        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self._guard = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                with site._guard:
                    site.in_flight += 1
                    site.most_in_flight = max(site.most_in_flight, site.in_flight)
                started = time.monotonic()
                headers = {k.lower(): v for k, v in self.headers.items()}
                try:
                    site._answer(self, headers)
                finally:
                    with site._guard:
                        site.in_flight -= 1
                        site.requests.append(Request(self.path, headers, started,
                                                     time.monotonic()))

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _answer(self, handler: BaseHTTPRequestHandler, headers: dict[str, str]) -> None:
        route = self.routes.get(handler.path) or self.routes.get(handler.path.split("?")[0])
        reply = Reply(404, b"<html><body>not here</body></html>") if route is None else (
            route(headers) if callable(route) else route)
        handler.send_response(reply.status)
        handler.send_header("Content-Type", reply.content_type)
        for name, value in reply.headers.items():
            handler.send_header(name, value)
        if reply.endless:
            handler.send_header("Transfer-Encoding", "chunked")
            handler.end_headers()
            chunk = b"<p>" + b"more " * 2000 + b"</p>"
            try:
                while True:
                    handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except OSError:
                return
        handler.send_header("Content-Length", str(len(reply.body)))
        handler.end_headers()
        with contextlib.suppress(OSError):
            handler.wfile.write(reply.body)


WORDS = ("The committee met on Tuesday to review the proposal, and members from both parties "
         "asked detailed questions about its cost, its schedule and the people it would serve.")


def article_page(title: str, paragraphs: list[str], *, outlet: str = "Harbour Times",
                 author: str = "Mei Lin", date: str = "2024-05-01",
                 canonical: str | None = None, menu: bool = True) -> bytes:
    """A news page as sites serve them: metadata in the head, menus and footers around."""
    head = [f"<title>{escape(title)} | {escape(outlet)}</title>",
            f'<meta property="og:title" content="{escape(title)}">',
            f'<meta property="og:site_name" content="{escape(outlet)}">',
            f'<meta name="author" content="{escape(author)}">',
            f'<meta property="article:published_time" content="{date}T08:00:00Z">',
            '<meta property="og:type" content="article">']
    if canonical:
        head.append(f'<link rel="canonical" href="{escape(canonical)}">')
    nav = ("<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
           "<li><a href='/sport'>Sport</a></li></ul></nav>") if menu else ""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    footer = ("<footer><p>© Harbour Times. All rights reserved.</p>"
              "<a href='/privacy'>Privacy</a></footer>") if menu else ""
    return (f"<!DOCTYPE html><html><head>{''.join(head)}</head><body>{nav}<main><article>"
            f"<h1>{escape(title)}</h1><p class='byline'>By {escape(author)}</p>{body}"
            f"</article></main>{footer}</body></html>").encode()


def story(topic: str, n: int = 3) -> list[str]:
    """Paragraphs of a plausible report about ``topic`` (enough words to be an article)."""
    return [f"{topic} was the subject of paragraph {i + 1}. {WORDS}" for i in range(n)]


def rss(title: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed; ``items`` are (title, link, pubDate as YYYY-MM-DD)."""
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
        f"<pubDate>{_rfc822(day)}</pubDate></item>" for t, link, day in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>{escape(title)}</title><link>http://example.invalid/</link>"
            f"<description>news</description>{entries}</channel></rss>").encode()


def atom(title: str, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<entry><title>{escape(t)}</title><link href=\"{escape(link)}\"/><id>{escape(link)}</id>"
        f"<updated>{day}T09:00:00Z</updated></entry>" for t, link, day in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>urn:test</id><updated>2024-05-01T00:00:00Z</updated>"
            f"{entries}</feed>").encode()


def _rfc822(day: str) -> str:
    import datetime as dt

    when = dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)
    return formatdate(when.timestamp(), usegmt=True)


def conditional(body: bytes, etag: str, content_type: str = "application/rss+xml") -> Route:
    """A feed that answers 304 to a request that names its ETag."""
    def answer(headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == etag:
            return Reply(304, b"", {"ETag": etag}, content_type)
        return Reply(200, body, {"ETag": etag}, content_type)
    return answer
