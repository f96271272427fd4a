"""Side-by-side comparison of two reports: sentences, the sentence-pair judgement,
quotations, alignment.

``judge(a, b)`` is the one judgement of whether two sentences report the same
fact, used by the aligner and the quotation finder; see ``judgement.py``.
"""

from __future__ import annotations

from .judgement import Judgement, judge

__all__ = ["Judgement", "judge"]
