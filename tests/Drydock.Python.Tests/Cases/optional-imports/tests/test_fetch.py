from __future__ import annotations

import json
import os.path
from typing import TYPE_CHECKING

import httpx
import respx
import yaml
from playwright.sync_api import sync_playwright  # expect: PY002
import redis  # expect: PY002

import helpers
from app.fetch import get

from . import fixtures

if TYPE_CHECKING:
    import boto3

try:
    import orjson
except ImportError:
    orjson = None


def test_get():
    import lxml
    assert get and httpx and respx and yaml and json and os.path and helpers and fixtures and lxml and orjson
    assert sync_playwright and redis
