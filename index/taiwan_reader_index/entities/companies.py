"""A company's legal form, as written after its name: one list for every rule that
reads it (the domain layer's company pattern, short forms, canonical names)."""

from __future__ import annotations

# "Brunswick Corp", "Montedison SpA", "Antibioticos SA", "Bank of New York Co Inc"
LEGAL_FORMS = ("Inc", "Corp", "Co", "Cos", "Ltd", "Plc", "PLC", "LLC", "LP", "AG", "SA", "SpA",
               "Spa", "NV", "BV", "GmbH", "AB", "ASA", "Oyj", "KK", "Bhd", "Pty")


def legal_forms(*more: str) -> str:
    """The forms (and ``more``, regex alternatives) as one regex alternation, no group."""
    return "|".join([*LEGAL_FORMS, *more])
