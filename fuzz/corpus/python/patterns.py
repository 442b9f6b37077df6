"""Patterns for the crawler: prices look like \d+\.\d{2}."""  # expect: PY004
import re

PRICE = re.compile("\d+\.\d{2}")  # expect: PY004
RAW_PRICE = re.compile(r"\d+\.\d{2}")
MIXED = "tab\there and a \s space"  # expect: PY004
GOOD = "line\nnext \\d \x41 \u00e9 \N{BULLET} \101 \
continued"
BYTES = b"\d"  # expect: PY004
BYTES_OK = b"\x00\n"
UNICODE_ESCAPE_IN_BYTES = b"\u00e9"  # expect: PY004
OCTAL = "\777"  # expect: PY004
NAME = "crawler"
F_TEXT = f"{NAME}: \d items {NAME!r:>{10}}"  # expect: PY004
F_RAW = rf"{NAME}\d"
F_NESTED = f"{f'{NAME}'} {'\\d'}"
MULTI = """
first line
# expect-next: PY004
  \w+ in the middle
"""


def extract(text):
    """Return every \w+ token."""  # expect: PY004
    return re.findall(r"\w+", text)


class Page:
    '''A page: \S is not an escape.'''  # expect: PY004
