"""One Settings object: defaults < ``parley.toml`` < ``PARLEY_*`` environment < command-line flags.

Every tunable lives here so that the CLI, the web server and the tests read the same values the
same way.  ``parley.toml`` is looked up in the working directory (or given by ``PARLEY_CONFIG``);
its keys sit at top level or under ``[parley]``; ``[[sources]]`` tables list what ``parley watch`` polls.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from parley.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Settings:
    """All of Parley's settings with their defaults."""

    db: str = "parley.db"
    spacy_model: str = "en_core_web_sm"
    max_bytes: int = 10 * 1024 * 1024
    max_chars: int = 1_000_000  # longer texts are rejected (too-long): spaCy's own limit, ~1 GB/100k chars
    fetch_timeout: float = 20.0
    max_redirects: int = 5
    allow_private: bool = False
    processes: int = 1
    batch_size: int = 32
    min_english_ratio: float = 0.08
    host: str = "127.0.0.1"
    port: int = 8000
    ingest_token: str = ""
    # Watching sources and engagement states (parley watch; sources are [[sources]] tables).
    awaiting_hours: float = 72.0  # how long an engagement awaits the other side before it is one-sided
    watch_interval: float = 900.0  # seconds between polls of a source that sets no interval
    watch_host_delay: float = 10.0  # at least this many seconds between two requests to one host
    watch_max_backoff: float = 86400.0  # a failing source is retried at most this far apart
    outbox: str = "events.jsonl"  # append-only file of state changes
    webhook_url: str = ""  # when set, each state change is POSTed here as JSON
    webhook_secret: str = ""  # HMAC-SHA256 key for the X-Parley-Signature header
    webhook_retries: int = 4  # attempts per delivery within one pass
    webhook_backoff: float = 1.0  # seconds before the second attempt, doubling after
    registry_path: str = ""  # user-level office holders; "" = <user data dir>/parley/registry.json

    def with_overrides(self, **flags: Any) -> Settings:
        """Apply flags given on the command line; ``None`` means "not given"."""
        given = {k: v for k, v in flags.items() if v is not None}
        unknown = set(given) - {f.name for f in fields(self)}
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **given)


def _coerce(name: str, raw: Any, kind: type) -> Any:
    """Convert a TOML or environment value to the field's type, with a clear error."""
    try:
        if kind is bool:
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        return kind(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name}: cannot read {raw!r} as {kind.__name__}") from exc


_TYPES: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool}


def load_settings(
    config_path: Path | None = None,
    environ: dict[str, str] | None = None,
    **flags: Any,
) -> Settings:
    """Build the effective settings from every layer, the later layers winning."""
    env = os.environ if environ is None else environ
    settings = Settings()
    kinds = {f.name: _TYPES[str(f.type)] for f in fields(Settings)}
    path = config_path or Path(env.get("PARLEY_CONFIG", "parley.toml"))
    values: dict[str, Any] = {}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from exc
        table = data.get("parley", data)
        for key, raw in table.items():
            if key == "sources":  # the watcher's list, read by parley.watch.sources
                continue
            if key not in kinds:
                raise ConfigError(f"{path}: unknown setting {key!r}")
            values[key] = _coerce(key, raw, kinds[key])
    for name, kind in kinds.items():
        raw_env = env.get(f"PARLEY_{name.upper()}")
        if raw_env is not None:
            values[name] = _coerce(name, raw_env, kind)
    return replace(settings, **values).with_overrides(**flags)
