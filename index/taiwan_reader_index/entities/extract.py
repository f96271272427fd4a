"""Entities of articles: cached mentions, recognised in batches when missing, then linked."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from .. import locations
from ..model import Article
from .cache import MentionCache
from .linking import Aliases, link, load_aliases
from .model import Entity, Mention
from .recognizer import Recognizer, load_recognizer, recognise_blocks


def aliases_path() -> Path:
    return locations.config_dir() / "aliases.toml"


def text_regions(article: Article) -> list[tuple[int, int]]:
    """Where entities are looked for: runs of the article's own blocks, page junk left out.

    Neighbouring paragraphs form one region (the text between them is only
    line breaks), so the model sees few long texts instead of many short ones.
    """
    regions: list[tuple[int, int]] = []
    previous_was_text = False
    for block in article.blocks:
        if block.junk is None:
            if previous_was_text and regions:
                regions[-1] = (regions[-1][0], block.end)
            else:
                regions.append((block.start, block.end))
        previous_was_text = block.junk is None
    return regions


def cache_key(article: Article) -> str:
    """Content hash plus the analysed regions: a change in cleaning rules re-analyses."""
    regions = hashlib.blake2b(repr(text_regions(article)).encode(), digest_size=6).hexdigest()
    return f"{article.content_hash}:{regions}"


class EntityExtractor:
    """Mentions for many articles: from the cache, else one batched model run."""

    def __init__(self, recognizer: Recognizer | None = None, cache: MentionCache | None = None,
                 aliases: Aliases | None = None) -> None:
        self._recognizer = recognizer
        self.cache = cache or MentionCache()
        self.aliases = aliases if aliases is not None else load_aliases(aliases_path())
        self.model_calls = 0

    @property
    def recognizer(self) -> Recognizer:
        if self._recognizer is None:
            self._recognizer = load_recognizer()
        return self._recognizer

    def mentions(self, articles: Sequence[Article]) -> list[list[Mention]]:
        name = self.recognizer.name
        found: list[list[Mention] | None] = [self.cache.get(cache_key(a), name) for a in articles]
        missing = [i for i, m in enumerate(found) if m is None]
        if missing:
            self.model_calls += len(missing)
            new_rows = []
            for i in missing:
                article = articles[i]
                found[i] = recognise_blocks(self.recognizer, article.source, text_regions(article))
                new_rows.append((cache_key(article), name, found[i]))
            self.cache.put_many(new_rows)
        return [m or [] for m in found]

    def entities(self, articles: Sequence[Article]) -> list[list[Entity]]:
        return [link(a.source, ms, self.aliases) for a, ms in zip(articles, self.mentions(articles))]


def cached_entities(article: Article, cache: MentionCache | None = None,
                    aliases: Aliases | None = None) -> list[Entity] | None:
    """Entities from the cache only (no model); None when the article was never analysed."""
    cache = cache or MentionCache()
    mentions = cache.latest(cache_key(article))
    if mentions is None:
        return None
    return link(article.source, mentions, aliases if aliases is not None else load_aliases(aliases_path()))
