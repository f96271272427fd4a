"""Build and update the Whoosh index of a corpus folder: the only Whoosh writer.

Every run compares the folder with the manifest: files whose size and
modification time are unchanged are skipped after a stat; new and changed
files are parsed and (re)indexed; files that disappeared are deleted. Work is
committed in batches (every BATCH_SIZE files, or COMMIT_SECONDS at first and
then twice as long each time, up to LONGEST_COMMIT times that), so an
interrupted run (ctrl+c, a crash, SIGKILL) keeps what it committed and the
next run resumes from there; an uncommitted batch leaves the previous index
intact.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import locations
from ..articles.article import Article, LoadProblem
from ..articles.discovery import CorpusFile, discover, display_name
from ..errors import BadFile, IndexStopped, one_line
from .index_dir import (
    create_index,
    folder_lock,
    index_exists,
    move_aside,
    open_index,
    private_files,
    remove_older_versions,
    writer_lock,
)
from .manifest import Entry, Manifest, load_manifest, save_manifest
from .vocabulary import WrittenWords, words_current

if TYPE_CHECKING:
    from ..entities.mention import Entity

log = logging.getLogger(__name__)
BATCH_SIZE = 20_000
# Segments as separate files: Whoosh memory-maps them, where a compound segment
# is copied into memory when opened (158 MB against 30 MB for 2,225 BBC articles).
CHUNK = 64  # progress is reported every CHUNK files
COMMIT_SECONDS = 30.0  # the first commit of a run: the reader shows results by then
# Each commit makes a segment, and every search looks each word up in every segment:
# 30 s commits left 9 segments after a Reuters build and 16 at 40,000 articles. The
# interval doubles up to LONGEST_COMMIT times the first (two minutes): an interrupted run
# still loses little, and a long first build makes a few segments.
LONGEST_COMMIT = 4
# Whoosh's in-memory posting pool per commit (Whoosh's estimate: the process holds several
# times as much). Without the spelling field and quotation terms an article posts far
# fewer postings, and a smaller pool spills little: Reuters with its entities known,
# 256 MB: 141 s, the process peaking at 657 MB; 128: 142 s, 531 MB; 64: 148 s, 467 MB;
# 32: 162 s, 423 MB. (With the model running, its two worker processes hold about
# 480 MB more, whatever the pool.)
POOL_MB = 128
# Text searchable per article: far beyond any report, but it keeps one pasted
# 10 MB dump from stalling an index run (it is still read in full).
MAX_INDEXED_CHARS = 1_000_000

ProgressCallback = Callable[[int, int, str], None]
StopCheck = Callable[[], bool]


@dataclass
class IndexReport:
    corpus: Path
    index_path: Path
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list[LoadProblem] = field(default_factory=list)
    warnings: list[LoadProblem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.removed} removed, "
            f"{self.unchanged} unchanged, {len(self.skipped)} skipped"
        )


def searchable_text(article: Article) -> tuple[str, int]:
    """The text of the default search field: title, blank line, body; and where the body starts.

    One field instead of a title-OR-body query halves the work per query term.
    """
    body = article.body[:MAX_INDEXED_CHARS]
    if not article.title or article.title_derived:
        return body, 0
    return f"{article.title}\n\n{body}", len(article.title) + 2


def entity_fields(entities: Iterable[Entity]) -> dict[str, str | bytes]:
    """Canonical names per entity field, most mentioned first (commas would split a name)."""
    by_field: dict[str, Counter] = {}
    for entity in entities:
        if entity.field:
            by_field.setdefault(entity.field, Counter())[entity.canonical.replace(",", " ")] += 1
    names = {f: [n for n, _ in c.most_common()] for f, c in by_field.items()}
    fields: dict[str, str | bytes] = {f: ",".join(ns) for f, ns in names.items()}
    fields["entity_column"] = json.dumps(names, ensure_ascii=False).encode("utf-8")
    return fields


def article_fields(article: Article, rel: str, st: os.stat_result, entities=()) -> dict:
    text, body_at = searchable_text(article)
    fields = dict(
        id=article.id,
        path=str(article.path),
        rel=rel,
        title=article.title,
        title_sort=article.title.casefold().encode("utf-8", "surrogatepass"),
        outlet=article.outlet,
        outlet_facet=article.outlet or "(unknown)",
        author=article.author,
        body=text,
        body_at=body_at,
        content_hash=article.content_hash,
        mtime_ns=st.st_mtime_ns,
        size=st.st_size,
    )
    fields.update(entity_fields(entities))
    from ..compare.quotes import quote_keys

    fields["quote_keys"] = quote_keys(article)
    stamp = _timestamp(article.date)
    fields["date_sort"] = 0 if stamp is None else stamp
    if stamp is not None:
        fields["date"] = article.date
    return fields


def _timestamp(when: datetime | None) -> int | None:
    """Seconds since 1970 for sorting, or None when undated or out of range (a front
    matter date of 0001-01-01 has no timestamp on every platform); such an article is
    indexed as undated and sorts last."""
    if when is None:
        return None
    try:
        return int(when.timestamp())
    except (ValueError, OverflowError, OSError):
        return None


def _open(index_path: Path, rebuild: bool, report: IndexReport):
    if rebuild or not index_exists(index_path):
        if index_path.exists():
            move_aside(index_path) if not rebuild else _remove(index_path)
        return create_index(index_path)
    try:
        return open_index(index_path, check=True)
    except Exception as exc:  # a corrupt index raises many kinds of errors
        if exc.__class__.__name__ == "UnsafeIndex":
            raise
        aside = move_aside(index_path)
        report.notices.append(
            f"the index at {index_path} could not be opened ({exc.__class__.__name__}: {exc}); "
            f"moved it to {aside} and rebuilt"
        )
        return create_index(index_path)


def _write_common_words(index_path: Path, ix: Any) -> None:
    """Each new segment's common words as arrays beside it (``_whoosh/common_words``):
    searches read them without decoding Whoosh's blocks. Only a speed-up: when it
    cannot be written, searches read the words from the index."""
    from ._whoosh import AVAILABLE

    if not AVAILABLE:
        return
    from ._whoosh.common_words import write_missing

    try:
        written = write_missing(index_path, ix)
    except OSError:
        log.warning("could not write the common words' arrays beside %s; searches read "
                    "them from the index", index_path, exc_info=True)
        return
    if written:
        log.info("wrote the common words' arrays of %d segment(s) of %s", written, index_path)


def _clear_stale_temp(index_path: Path) -> None:
    """Remove what a writer killed mid-run left (its MAIN.tmp pool): under both locks no
    writer is running, so any temporary file or folder is stale."""
    import shutil

    for leftover in [*index_path.glob("*.tmp"), *index_path.glob("*.ctmp")]:
        try:
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover)
            else:
                leftover.unlink()
        except OSError:
            log.warning("could not remove %s", leftover, exc_info=True)


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except FileNotFoundError:
        return None


def set_aside_damaged(index_path: Path) -> Path:
    """Move the index folder aside (under the lock, so no run is writing it meanwhile)."""
    with private_files(), writer_lock(index_path, wait=30), folder_lock(index_path):
        return move_aside(index_path)


def _remove(path: Path) -> None:
    import shutil

    shutil.rmtree(path)


def update_index(
    corpus: Path,
    *,
    index_path: Path | None = None,
    rebuild: bool = False,
    max_bytes: int = 20_000_000,
    progress: ProgressCallback | None = None,
    wait: float = 3.0,
    entities: bool = True,
    extractor=None,
    should_stop: StopCheck | None = None,
    model_in_process: bool = True,
    follow_links: bool = False,
) -> IndexReport:
    """Bring the index of ``corpus`` up to date; returns what changed.

    ``should_stop`` is asked between articles; once it says yes the run ends
    with IndexStopped (like ctrl+c: the uncommitted batch is dropped, the
    entity workers stopped, and the next run resumes from the last commit).
    Without ``model_in_process`` the entity model only ever runs in worker
    processes (the reader keeps its memory small).
    """
    started = time.perf_counter()
    corpus = Path(corpus)
    index_path = index_path or locations.index_dir_for(corpus)
    report = IndexReport(corpus, index_path)

    def check_stop() -> None:
        if should_stop is not None and should_stop():
            raise IndexStopped(f"indexing of {corpus} stopped; the next run resumes")

    files, problems = discover(corpus, follow_links)
    report.skipped.extend(problems)
    check_stop()
    with private_files(), writer_lock(index_path, wait=wait), ExitStack() as held:
        before = _inode(index_path)
        held.enter_context(folder_lock(index_path))  # no other run is inside the folder
        ix = _open(index_path, rebuild, report)
        made = _inode(index_path) != before
        if made:  # a new folder (a first build, a rebuild): hold it
            held.enter_context(folder_lock(index_path))
        _clear_stale_temp(index_path)
        try:
            manifest = load_manifest(index_path, ix)
            if manifest.problem:
                report.notices.append(manifest.problem)
            check_stop()
            linking, relink = manifest.linking, False
            if entities:
                linking = _linking(extractor)
                relink = bool(manifest) and manifest.linking != linking
                if not relink:
                    manifest.linking = linking
            todo = _plan(files, manifest, report, relink, max_bytes)
            check_stop()
            gone = sorted(set(manifest) - {f.rel for f in files})
            if relink and todo:
                same_model = (manifest.linking or "").rpartition(":")[2] == (linking or "").rpartition(":")[2]
                report.notices.append(
                    "entity links changed (aliases.toml, or a new version): re-linking every "
                    "article from the cached entities" if same_model else
                    "entity recognition changed (a new version): finding every article's "
                    "entities again")
            elif relink and not gone:  # nothing indexed to re-link: just record the links
                manifest.linking = linking
                save_manifest(index_path, ix, manifest)
            elif manifest.rebuilt and not (todo or gone):  # keep the repaired record
                save_manifest(index_path, ix, manifest)
            if todo or gone:
                if entities and extractor is None and todo:
                    from ..entities.extract import EntityExtractor

                    extractor = EntityExtractor()
                run = _Run(ix, index_path, manifest, report, max_bytes, progress,
                           extractor if entities else None, relink, linking, check_stop,
                           model_in_process, WrittenWords(index_path, ix))
                _write(run, todo, gone)
                if extractor is not None and extractor.model_calls and extractor.notice:
                    report.notices.append(extractor.notice)
                if getattr(extractor, "worker_problem", None):
                    report.notices.append(extractor.worker_problem)
                cache_problem = getattr(getattr(extractor, "cache", None), "problem", None)
                if cache_problem:
                    report.notices.append(cache_problem)
            elif not words_current(index_path, ix) and ix.doc_count_all():
                words = WrittenWords(index_path, ix)  # lost, or a run stopped before it
                words.save(ix)
            _write_common_words(index_path, ix)
        finally:
            ix.close()
        if made and (removed := remove_older_versions(index_path)):  # an upgrade's build
            versions = ", ".join(name.rpartition("-")[2] for name, _ in removed)
            size = sum(size for _, size in removed) / 1e6
            report.notices.append(
                f"removed the {'index' if len(removed) == 1 else 'indexes'} older versions of "
                f"taiwan-reader had made of this folder ({versions}; {size:.1f} MB)")
    report.seconds = time.perf_counter() - started
    return report


def _linking(extractor) -> str:
    """What the entity fields were made with: the links (aliases, linking version) and the
    recogniser (model and layer version); when it changes every article is done again."""
    if extractor is not None:
        return f"{extractor.aliases.fingerprint()}:{extractor.recognizer_name}"
    from ..entities.extract import aliases_path
    from ..entities.linking import load_aliases
    from ..entities.recognizer import recognizer_identity

    return f"{load_aliases(aliases_path()).fingerprint()}:{recognizer_identity()[0]}"


def _plan(files: list[CorpusFile], manifest: dict[str, Entry], report: IndexReport,
          relink: bool = False, max_bytes: int | None = None):
    """Files to read: new and changed ones, and those set aside under another size limit;
    with ``relink``, every file that indexed."""
    todo: list[tuple[CorpusFile, os.stat_result]] = []
    stat, get = os.stat, manifest.get
    unchanged = 0
    for item in files:
        try:
            st = stat(item.fs_path)
        except OSError as exc:
            report.skipped.append(LoadProblem(item.path, f"cannot read ({exc.strerror})"))
            continue
        entry = get(item.rel)
        if entry is None:
            todo.append((item, st))
            continue
        problem = entry.get("problem")
        if relink and problem is None:
            todo.append((item, st))
            continue
        if (
            entry.get("mtime_ns") == st.st_mtime_ns
            and entry.get("size") == st.st_size
            and entry.get("id", item.id) == item.id
            and not (problem is not None and entry.get("max_bytes", max_bytes) != max_bytes)
        ):
            if problem is None:
                unchanged += 1
            else:
                report.skipped.append(LoadProblem(item.path, problem))
            continue
        todo.append((item, st))
    report.unchanged += unchanged
    return todo


class _Batch:
    """The open writer and what it holds; committed every BATCH_SIZE files, or after
    ``interval`` seconds (COMMIT_SECONDS, doubling each time up to LONGEST_COMMIT times
    that)."""

    def __init__(self, ix: Any, index_path: Path, manifest: Manifest,
                 words: WrittenWords) -> None:
        self.ix, self.index_path, self.manifest, self.words = ix, index_path, manifest, words
        self.writer = ix.writer(limitmb=POOL_MB, compound=False)
        self.pending = 0
        self.last_commit = time.monotonic()
        self.interval = COMMIT_SECONDS

    def maybe_commit(self) -> None:
        if self.pending >= BATCH_SIZE or time.monotonic() - self.last_commit >= self.interval:
            self.commit()
            self.writer = self.ix.writer(limitmb=POOL_MB, compound=False)
            self.pending, self.last_commit = 0, time.monotonic()
            self.interval = min(2 * self.interval, LONGEST_COMMIT * COMMIT_SECONDS)

    def commit(self) -> None:
        self.writer.commit(mergetype=merge_policy)
        save_manifest(self.index_path, self.ix, self.manifest)
        self.words.save(self.ix)


def merge_policy(writer: Any, segments: list) -> list:
    """Whoosh's own policy (merge small segments), after dropping every segment whose
    articles have all been replaced or removed. Whoosh keeps such a segment for good
    (after a re-analysis of all 19,043 Reuters articles, one of 3,911 deleted articles
    stayed), and every search walked its postings to skip them."""
    from whoosh.writing import MERGE_SMALL

    return MERGE_SMALL(writer, [s for s in segments if s.doc_count() > 0])


@dataclass
class _Run:
    """What one index run writes with, and where it reports."""

    ix: Any
    index_path: Path
    manifest: Manifest
    report: IndexReport
    max_bytes: int
    progress: ProgressCallback | None
    extractor: Any  # an EntityExtractor, or None when entities are off
    relink: bool
    linking: str | None
    check_stop: Callable[[], None]
    model_in_process: bool
    words: WrittenWords  # the words file (for fuzzy terms and "did you mean")


def _entities_cut_at(article: Article) -> int | None:
    from ..entities.extract import entities_cut_at

    return entities_cut_at(article)


def _entities_language(article: Article) -> str | None:
    from ..entities.extract import entities_language

    return entities_language(article)


def _write(run: _Run, todo: list[tuple[CorpusFile, os.stat_result]], gone: list[str]) -> None:
    batch = _Batch(run.ix, run.index_path, run.manifest, run.words)
    progress, manifest, report = run.progress, run.manifest, run.report
    shown = 0

    def advance(number: int) -> None:  # parsing runs ahead of storing: never go backwards
        nonlocal shown
        if progress and number > shown and (number % CHUNK == 0 or number == len(todo)):
            shown = number
            progress(number, len(todo), display_name(todo[number - 1][0].rel))

    if progress and todo:
        progress(0, len(todo), "")  # the size of the run, before the first article is stored
    try:
        for rel in gone:
            entry = manifest.pop(rel)
            if "problem" not in entry:
                run.words.forget(entry["id"])
                batch.writer.delete_by_term("id", entry["id"])
                report.removed += 1

        def loaded() -> Iterator[tuple[int, CorpusFile, os.stat_result, Article]]:
            """Articles to index, parsed as the entity stage asks for them."""
            for number, (item, st) in enumerate(todo, 1):
                run.check_stop()
                article = _load(run, batch.writer, item, st)
                batch.pending += 1
                if article is not None:
                    yield number, item, st, article
                else:
                    advance(number)

        stream: Iterator[tuple[tuple[int, CorpusFile, os.stat_result, Article], list[Entity]]]
        if run.extractor is None:
            stream = ((entry, []) for entry in loaded())
        else:
            from ..entities.workers import worker_count

            workers = worker_count(len(todo), run.model_in_process)
            stream = run.extractor.stream(loaded(), lambda entry: entry[3], workers)
        with closing(stream):  # type: ignore[type-var] # on ctrl+c, stops the entity workers at once
            for (number, item, st, article), entities in stream:
                run.check_stop()
                try:
                    fields = article_fields(article, item.rel, st, entities)
                except Exception as exc:  # one file's failure never stops the rest
                    _skip(run, batch.writer, item, st, exc, "could not be indexed")
                else:
                    _store(batch.writer, item, st, article, fields, manifest, report,
                           run.words)
                advance(number)
                batch.maybe_commit()
        manifest.linking = run.linking  # a re-link counts once it is complete
        batch.commit()
    except BaseException:
        batch.writer.cancel()
        raise
    finally:
        run.words.close()


def _load(run: _Run, writer: Any, item: CorpusFile, st: os.stat_result) -> Article | None:
    """Parse a new or changed file; None when there is nothing to index (bad or untouched)."""
    from ..articles import loader  # parsing is only needed when something changed

    manifest, report = run.manifest, run.report
    old = manifest.get(item.rel)
    stat_entry = {"mtime_ns": st.st_mtime_ns, "size": st.st_size, "id": item.id}
    try:
        article = loader.load_article(item.path, item.id, run.max_bytes)
    except BadFile as exc:
        _set_aside(run, writer, item, st, str(exc))
        return None
    except RecursionError as exc:  # e.g. thousands of nested brackets
        _skip(run, writer, item, st, exc, "could not be read (nested too deeply)")
        return None
    except Exception as exc:  # a bug meeting an odd file: that file is skipped, not the run
        _skip(run, writer, item, st, exc, "could not be read")
        return None
    report.warnings.extend(LoadProblem(item.path, w) for w in article.warnings)
    if len(article.body) > MAX_INDEXED_CHARS:
        report.warnings.append(LoadProblem(
            item.path, f"{len(article.body):,} characters; only the first "
            f"{MAX_INDEXED_CHARS:,} are searchable"))
    if run.extractor is not None and (cut := _entities_cut_at(article)) is not None:
        report.warnings.append(LoadProblem(
            item.path, f"names are highlighted and counted up to character {cut:,} only "
            "(the first part of the file; longer files are no news reports)"))
    if run.extractor is not None and (language := _entities_language(article)) is not None:
        from ..entities.language import language_name

        report.warnings.append(LoadProblem(
            item.path, f"the text is in {language_name(language)}: its names are not looked "
            "for (the recogniser reads English)"))
    if (not run.relink and old is not None and old.get("hash") == article.content_hash
            and old.get("id") == item.id):
        manifest[item.rel] = {**old, **stat_entry}  # touched, not changed
        report.unchanged += 1
        return None
    return article


def _skip(run: _Run, writer: Any, item: CorpusFile, st: os.stat_result, exc: Exception,
          what: str) -> None:
    """Report one file that failed (by path, with the reason), log the details, go on."""
    log.warning("%s: %s", item.path, what, exc_info=exc)
    _set_aside(run, writer, item, st, f"{what} ({one_line(exc, 200)}); details in the log")


def _set_aside(run: _Run, writer: Any, item: CorpusFile, st: os.stat_result,
               problem: str) -> None:
    """Record a file that is not indexed: reported, its old version (if any) removed, and
    remembered with its problem so an unchanged file is not read again."""
    run.report.skipped.append(LoadProblem(item.path, problem))
    old = run.manifest.get(item.rel)
    if old is not None and "problem" not in old:
        run.words.forget(old["id"])
        writer.delete_by_term("id", old["id"])
    run.manifest[item.rel] = {"mtime_ns": st.st_mtime_ns, "size": st.st_size, "id": item.id,
                              "problem": problem, "max_bytes": run.max_bytes}


def _store(writer, item: CorpusFile, st, article: Article, fields: dict, manifest,
           report, words: WrittenWords) -> None:
    old = manifest.get(item.rel)
    indexed = old is not None and "problem" not in old
    if not (indexed and old.get("hash") == article.content_hash):  # (a re-link: same words)
        if indexed:
            words.forget(old["id"])
        words.add(fields["body"])
    if indexed and old.get("id") != item.id:
        writer.delete_by_term("id", old["id"])
    writer.update_document(**fields)
    manifest[item.rel] = {"mtime_ns": st.st_mtime_ns, "size": st.st_size, "id": item.id,
                          "hash": article.content_hash, "title": article.title,
                          "outlet": article.outlet}
    if old is None or "problem" in old:
        report.added += 1
    else:
        report.updated += 1
