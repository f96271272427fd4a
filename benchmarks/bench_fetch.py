"""Fetching through a feed, measured on real pages: body F1 of what `fetch` adds.

    python benchmarks/bench_fetch.py [--delay S]

Serves the 91 saved pages of ../shared/corpora/page-junk-dev.tar.gz from a web
server on 127.0.0.1, lists them in an RSS feed, subscribes a new corpus to it
and runs the same `fetch` the command line runs. Each added article is scored
against the body a person marked, the benchmark's way (4-word shingles,
precision and recall per page, averaged; see train_page_model.py): once as the
file's body, once as the reader shows it (the file loaded as any corpus file).
Plain trafilatura on the same HTML is printed beside it. Then a second fetch
shows what an unchanged feed costs. Time per article is with no pause between
requests (--delay 0, the default here); the command's polite default adds one
second per article from the same site.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from train_page_model import ARCHIVE, load_pages, score  # noqa: E402


def serve(pages: dict[str, bytes], feed: dict[str, bytes]) -> ThreadingHTTPServer:
    """A server of ``pages`` at /page/ID and of ``feed["xml"]`` (set once the port is known)."""
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            if path == "/feed.xml":
                if self.headers.get("If-None-Match") == '"dev-1"':
                    self.send_response(304)
                    self.send_header("ETag", '"dev-1"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body, kind = feed["xml"], "application/rss+xml"
            elif path.startswith("/page/") and path[6:] in pages:
                body, kind = pages[path[6:]], "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if path == "/feed.xml":
                self.send_header("ETag", '"dev-1"')
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=0.0, help="seconds between requests to one host")
    args = parser.parse_args()
    if not ARCHIVE.exists():
        print(f"skipped: {ARCHIVE} is not here")
        return 0
    import trafilatura

    from taiwan_reader_index.articles.loader import load_article
    from taiwan_reader_index.ingest import FeedList, WebClient, fetch_feeds

    pages = load_pages()
    gold = {pid: body for pid, _text, _html, body in pages}
    html = {pid: page_html.encode("utf-8") for pid, _text, page_html, _body in pages}
    feed: dict[str, bytes] = {}
    server = serve(html, feed)
    port = server.server_port
    items = "".join(
        f"<item><title>page {pid[:8]}</title><link>http://127.0.0.1:{port}/page/{pid}</link>"
        f"<guid>{pid}</guid><pubDate>{formatdate(0, usegmt=True)}</pubDate></item>"
        for pid in gold)
    feed["xml"] = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>dev pages</title>'
                   f"<link>http://127.0.0.1/</link><description>x</description>{items}"
                   "</channel></rss>").encode()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        feeds = FeedList(corpus / ".taiwan-reader")
        feeds.add(f"http://127.0.0.1:{server.server_port}/feed.xml")
        feeds.save()
        with WebClient(delay=args.delay) as client:
            started = time.perf_counter()
            summary = fetch_feeds(corpus, client)
            took = time.perf_counter() - started
            again_started = time.perf_counter()
            again = fetch_feeds(corpus, client)
            again_took = time.perf_counter() - again_started
        by_page = {o.source.rsplit("/", 1)[1]: o for o in summary.outcomes}
        kept_file, kept_reader, kept_plain, truth = [], [], [], []
        for pid, body in gold.items():
            outcome = by_page.get(pid)
            path = outcome.path if outcome and outcome.path else None
            text = path.read_text(encoding="utf-8").split("\n---\n", 1)[1] if path else ""
            shown = ""
            if path:
                article = load_article(path)
                shown = "\n\n".join(b.text for b in article.blocks if b.junk is None)
            doc = trafilatura.extract(html[pid], include_comments=False, include_tables=False)
            kept_file.append(text)
            kept_reader.append(shown)
            kept_plain.append(doc or "")
            truth.append(body)
    server.shutdown()
    print(f"pages: {len(gold)}; first fetch: {summary.line()}")
    for outcome in summary.failed:
        print(f"  failed: {outcome.source}: {outcome.reason}")
    print(f"{'what was scored':<42} {'P':>6} {'R':>6} {'F1':>6}")
    for name, kept in (("added file's body (fetch)", kept_file),
                       ("as the reader shows it", kept_reader),
                       ("plain trafilatura.extract, same HTML", kept_plain)):
        p, r, f = score(kept, truth)
        print(f"{name:<42} {p:6.3f} {r:6.3f} {f:6.3f}")
    per = took / max(1, len(gold))
    print(f"first fetch: {took:.1f} s for {len(gold)} articles, {per * 1000:.0f} ms per article "
          f"(pause between requests to one host: {args.delay:g} s)")
    print(f"second fetch (feed unchanged, 304): {again_took * 1000:.0f} ms; {again.line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
