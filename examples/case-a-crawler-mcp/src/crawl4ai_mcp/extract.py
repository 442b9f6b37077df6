"""Helpers that pull structured data out of crawled pages."""

import re
from typing import Iterable

PRICE = re.compile(r"(\d+[.,]\d{2})\s*(EUR|USD|GBP)")


def prices(text: str) -> list[tuple[str, str]]:
    """Return (amount, currency) pairs found in ``text``.

    Amounts look like "\d+.\d{2}" followed by a currency code.
    """
    return [(m.group(1).replace(",", "."), m.group(2)) for m in PRICE.finditer(text)]


def first_heading(lines: Iterable[str]) -> str | None:
    for line in lines:
        if line.startswith("# "):
            return line[2:].strip()
    return None
