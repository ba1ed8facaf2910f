"""The sources ``parley watch`` polls, read from ``[[sources]]`` tables of ``parley.toml``.

Each source names an official feed (RSS/Atom) or a listing page of readouts, who publishes it and
for which country, and how often to poll it.  The publisher and country are used when a fetched
page does not say who published it, so that the side of the readout is still known.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from parley.config import Settings
from parley.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Source:
    """One watched feed or listing page."""

    name: str
    url: str
    publisher: str
    country: str | None
    interval: float  # seconds between polls
    include: str = ""  # regex an item link must match (required for listing pages)

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").lower()


def config_path(explicit: Path | None = None, environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    return explicit or Path(env.get("PARLEY_CONFIG", "parley.toml"))


def _source(path: Path, n: int, raw: Any, settings: Settings) -> Source:
    where = f"{path}: sources[{n}]"
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a table with name, url, publisher")
    unknown = set(raw) - {"name", "url", "publisher", "country", "interval", "include"}
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("name", "url", "publisher"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise ConfigError(f"{where}: {key} is required")
    if urlsplit(raw["url"]).scheme not in {"http", "https"}:
        raise ConfigError(f"{where}: url must be http or https")
    country = raw.get("country")
    if country is not None and not (isinstance(country, str) and re.fullmatch(r"[A-Z]{3}", country)):
        raise ConfigError(f"{where}: country must be an ISO3 code such as GBR")
    try:
        interval = float(raw.get("interval", settings.watch_interval))
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: interval must be a number of seconds") from exc
    if interval <= 0:
        raise ConfigError(f"{where}: interval must be positive")
    include = raw.get("include", "")
    try:
        re.compile(include)
    except re.error as exc:
        raise ConfigError(f"{where}: include is not a valid regex: {exc}") from exc
    return Source(raw["name"].strip(), raw["url"].strip(), raw["publisher"].strip(), country, interval, include)


def load_sources(path: Path, settings: Settings) -> list[Source]:
    """The ``[[sources]]`` of a settings file; a clear ConfigError names the file and the entry."""
    if not path.is_file():
        raise ConfigError(f"{path}: no such settings file (parley watch reads [[sources]] from it)")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    raw = data.get("sources", [])
    if not isinstance(raw, list):
        raise ConfigError(f"{path}: sources must be an array of tables ([[sources]])")
    sources = [_source(path, n, item, settings) for n, item in enumerate(raw)]
    names = [s.name for s in sources]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ConfigError(f"{path}: source names must be unique: {', '.join(dupes)}")
    return sources
