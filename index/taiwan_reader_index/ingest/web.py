"""Fetching pages and feeds over HTTP(S), within bounds, politely per host.

Every request has a connect and read timeout and an overall deadline (a
server that sends one byte a second never holds a run), a size limit checked
while the body arrives (an endless response is cut, not buffered), and a
bound on redirects. Requests to one host go one at a time with a pause
between them; different hosts are fetched side by side. Every failure is a
:class:`FetchFailed` naming the address and the reason in plain words.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx

from .urls import host_of


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("taiwan-reader")
    except PackageNotFoundError:
        return "dev"


USER_AGENT = f"taiwan-reader/{_version()} (a terminal news reader)"
MAX_REDIRECTS = 5
PAGE_BYTES = 5_000_000  # the largest article page fetched (news pages are 0.1–2 MB)
FEED_BYTES = 10_000_000
TIMEOUT = httpx.Timeout(10.0, read=20.0)
DEADLINE = 60.0  # seconds for one whole response, however it trickles in
PER_HOST_DELAY = 1.0  # seconds between two requests to one host
HTML_TYPES = ("text/html", "application/xhtml+xml")


class FetchFailed(Exception):
    """A page or feed that could not be fetched; ``str()`` names the address and why."""

    def __init__(self, url: str, reason: str, transient: bool = False) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.transient = transient  # worth trying again later (a timeout, a 5xx, no connection)


@dataclass(frozen=True)
class Fetched:
    url: str  # the address asked for
    final_url: str  # after redirects
    status: int
    body: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class HostGate:
    """One request at a time per host, at least ``delay`` seconds apart."""

    def __init__(self, delay: float) -> None:
        self.delay = max(0.0, delay)
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._guard = threading.Lock()

    @contextmanager
    def turn(self, host: str) -> Iterator[None]:
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            wait = self._last.get(host, -1e9) + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                yield
            finally:
                self._last[host] = time.monotonic()


class WebClient:
    """One HTTP client for a run (connections kept per host); close it, or use ``with``."""

    def __init__(self, delay: float = PER_HOST_DELAY, deadline: float = DEADLINE,
                 timeout: httpx.Timeout = TIMEOUT) -> None:
        self.gate = HostGate(delay)
        self.deadline = deadline
        self._cancelled = threading.Event()
        self._client = httpx.Client(
            follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        )

    def __enter__(self) -> WebClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def cancel(self) -> None:
        """Start no request more, and stop reading the ones under way (the run was
        interrupted)."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def page(self, url: str) -> Fetched:
        """An HTML page (anything else is refused by its content type)."""
        fetched = self.get(url, PAGE_BYTES, accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
        kind = fetched.content_type
        if kind and kind not in HTML_TYPES:
            raise FetchFailed(url, f"not a web page ({kind})")
        if not kind and not _looks_like_html(fetched.body):
            raise FetchFailed(url, "not a web page (no content type, and no HTML in it)")
        return fetched

    def feed(self, url: str, etag: str | None = None, last_modified: str | None = None,
             ) -> Fetched:
        """A feed; with ``etag``/``last_modified`` an unchanged feed answers 304, no body."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        accept = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                  "text/xml;q=0.9, */*;q=0.1")
        return self.get(url, FEED_BYTES, accept=accept, headers=headers)

    def get(self, url: str, limit: int, accept: str = "*/*",
            headers: dict[str, str] | None = None) -> Fetched:
        with self.gate.turn(host_of(url)):
            if self.cancelled:
                raise FetchFailed(url, "not fetched: the run was interrupted", transient=True)
            return self._get(url, limit, {"Accept": accept, **(headers or {})})

    def _get(self, url: str, limit: int, headers: dict[str, str]) -> Fetched:
        started = time.monotonic()
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return _fetched(url, response, b"")
                if response.status_code >= 400:
                    phrase = response.reason_phrase or "error"
                    raise FetchFailed(url, f"the server answered {response.status_code} {phrase}",
                                      transient=response.status_code >= 500
                                      or response.status_code == 429)
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchFailed(url, f"too large ({_mb(int(declared))}; the limit is "
                                           f"{_mb(limit)})")
                body = bytearray()
                for chunk in response.iter_bytes():
                    if self.cancelled:
                        raise FetchFailed(url, "stopped: the run was interrupted", transient=True)
                    body += chunk
                    if len(body) > limit:
                        raise FetchFailed(url, f"too large (over {_mb(limit)}; stopped reading)")
                    if time.monotonic() - started > self.deadline:
                        raise FetchFailed(url, f"still sending after {self.deadline:g} s; gave up",
                                          transient=True)
                return _fetched(url, response, bytes(body))
        except FetchFailed:
            raise
        except httpx.TooManyRedirects:
            raise FetchFailed(url, f"more than {MAX_REDIRECTS} redirects") from None
        except httpx.UnsupportedProtocol as exc:
            raise FetchFailed(url, f"not an http(s) address ({exc})") from None
        except httpx.TimeoutException:
            raise FetchFailed(url, "no answer in time (timed out)", transient=True) from None
        except httpx.ConnectError as exc:
            raise FetchFailed(url, f"could not connect ({_reason(exc)})", transient=True) from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise FetchFailed(url, _reason(exc)) from None


def _fetched(url: str, response: httpx.Response, body: bytes) -> Fetched:
    kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    return Fetched(url=url, final_url=str(response.url), status=response.status_code, body=body,
                   content_type=kind, etag=response.headers.get("ETag"),
                   last_modified=response.headers.get("Last-Modified"))


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
