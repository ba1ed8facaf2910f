"""Settings layering: defaults < parley.toml < PARLEY_* environment < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.config import Settings, load_settings
from parley.errors import ConfigError


def test_layers_override_in_order(tmp_path: Path) -> None:
    toml = tmp_path / "parley.toml"
    toml.write_text('[parley]\ndb = "from-toml.db"\nbatch_size = 8\nallow_private = true\n')
    assert load_settings(config_path=tmp_path / "none.toml", environ={}) == Settings()
    from_file = load_settings(config_path=toml, environ={})
    assert (from_file.db, from_file.batch_size, from_file.allow_private) == ("from-toml.db", 8, True)
    from_env = load_settings(config_path=toml, environ={"PARLEY_DB": "env.db", "PARLEY_ALLOW_PRIVATE": "no"})
    assert (from_env.db, from_env.batch_size, from_env.allow_private) == ("env.db", 8, False)
    from_flags = load_settings(config_path=toml, environ={"PARLEY_DB": "env.db"}, db="flag.db", processes=None)
    assert (from_flags.db, from_flags.processes) == ("flag.db", 1)


def test_config_file_from_the_environment(tmp_path: Path) -> None:
    toml = tmp_path / "elsewhere.toml"
    toml.write_text('spacy_model = "en_core_web_lg"\n')
    assert load_settings(environ={"PARLEY_CONFIG": str(toml)}).spacy_model == "en_core_web_lg"


@pytest.mark.parametrize(("content", "environ", "message"), [
    ("batch_size = 'many'\n", {}, "batch_size"),
    ("nonsense = 1\n", {}, "nonsense"),
    ("db = \n", {}, "parley.toml"),
    ("", {"PARLEY_MAX_BYTES": "ten"}, "max_bytes"),
    ("", {"PARLEY_ALLOW_PRIVATE": "perhaps"}, "allow_private"),
])
def test_bad_settings_name_the_setting(tmp_path: Path, content: str, environ: dict[str, str], message: str) -> None:
    toml = tmp_path / "parley.toml"
    toml.write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_settings(config_path=toml, environ=environ)


def test_unknown_flag_is_refused() -> None:
    with pytest.raises(ConfigError, match="colour"):
        Settings().with_overrides(colour="blue")
