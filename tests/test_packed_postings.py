"""The body field's packed postings decode to what Whoosh's Characters format gives."""

from __future__ import annotations

import random

import pytest
from whoosh.formats import Characters

from taiwan_reader_index.fulltext.packed_format import PackedCharacters, positions_keys


def _postings(rng: random.Random, count: int, big: bool) -> list[tuple[int, int, int]]:
    found, pos, char = [], rng.randrange(3), rng.randrange(5)
    for _ in range(count):
        start = char + rng.randrange(1, 200_000 if big else 300)
        end = start + rng.randrange(1, 12)
        found.append((pos, start, end))
        pos += rng.randrange(1, 90_000 if big else 60)
        char = end
    return found


@pytest.mark.parametrize("big", [False, True])
def test_packed_postings_decode_like_whoosh_characters(big):
    rng = random.Random(7)
    ours, whoosh = PackedCharacters(), Characters()
    for count in (1, 2, 5, 40, 400):
        postings = _postings(rng, count, big)
        value, reference = ours.encode(postings), whoosh.encode(postings)
        assert ours.decode_characters(value) == whoosh.decode_characters(reference) == postings
        assert ours.decode_positions(value) == whoosh.decode_positions(reference)
        assert ours.decode_frequency(value) == count
        assert len(value) < len(reference)


def test_position_keys_meet_where_one_word_follows_another():
    fmt = PackedCharacters()
    first = {3: [(0, 0, 4), (9, 50, 54)], 8: [(2, 10, 14), (70_002, 400_000, 400_004)]}
    second = {3: [(1, 5, 9), (4, 20, 24)], 8: [(3, 15, 19), (70_003, 400_005, 400_009)]}
    docs = [3, 8]
    keys = [positions_keys([fmt.encode(postings[d]) for d in docs], docs, shift)
            for shift, postings in enumerate((first, second))]
    met = sorted(set(keys[0].tolist()) & set(keys[1].tolist()))
    assert [(key >> 32, (key & 0xFFFFFFFF) - 32) for key in met] == [(3, 0), (8, 2), (8, 70_002)]
