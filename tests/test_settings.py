"""Settings layers, later wins: defaults < TOML file < DATELINE_* variables < explicit overrides."""
from __future__ import annotations

from pathlib import Path

import pytest

from dateline.settings import Settings, load_settings


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "dateline.toml"
    path.write_text("[read]\nmax_bytes = 1000\nmax_bad_byte_ratio = 0.5\n\n[language]\nmin_letters = 5\n",
                    encoding="utf-8")
    return path


def test_without_layers_the_defaults_hold():
    assert load_settings(environ={}) == Settings()


def test_the_toml_file_overrides_the_defaults(config):
    settings = load_settings(config, environ={})
    assert settings.read.max_bytes == 1000
    assert settings.language.min_letters == 5
    assert settings.fetch == Settings().fetch


def test_the_config_file_can_be_named_by_an_environment_variable(config):
    assert load_settings(environ={"DATELINE_CONFIG": str(config)}).read.max_bytes == 1000


def test_an_explicit_config_file_wins_over_the_environment_variable(config, tmp_path):
    other = tmp_path / "other.toml"
    other.write_text("[read]\nmax_bytes = 7\n", encoding="utf-8")
    assert load_settings(other, environ={"DATELINE_CONFIG": str(config)}).read.max_bytes == 7


def test_environment_variables_override_the_toml_file(config):
    settings = load_settings(config, environ={"DATELINE_READ__MAX_BYTES": "2000"})
    assert settings.read.max_bytes == 2000
    assert settings.read.max_bad_byte_ratio == 0.5


def test_overrides_win_over_environment_variables(config):
    settings = load_settings(config, overrides={"read": {"max_bytes": 3000}},
                             environ={"DATELINE_READ__MAX_BYTES": "2000"})
    assert settings.read.max_bytes == 3000


def test_the_process_environment_is_read_by_default(monkeypatch):
    monkeypatch.setenv("DATELINE_FETCH__TIMEOUT_S", "1.5")
    assert load_settings().fetch.timeout_s == 1.5


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("true", True), ("Yes", True), ("on", True),
                                                 ("0", False), ("false", False), ("no", False)])
def test_environment_booleans_are_read_as_booleans(value, expected):
    environ = {"DATELINE_READ__ALLOW_TRUNCATED_HTML": value}
    assert load_settings(environ=environ).read.allow_truncated_html is expected


def test_environment_numbers_take_the_type_of_the_default():
    settings = load_settings(environ={"DATELINE_CLEAN__PROSE_MIN_WORDS": "9",
                                      "DATELINE_CLEAN__DUPLICATE_CONTAINMENT": "0.7"})
    assert settings.clean.prose_min_words == 9
    assert settings.clean.duplicate_containment == 0.7


def test_a_non_number_for_a_number_setting_raises():
    with pytest.raises(ValueError):
        load_settings(environ={"DATELINE_READ__MAX_BYTES": "lots"})


def test_an_unknown_section_in_the_toml_file_raises(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[reading]\nmax_bytes = 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown settings section: reading"):
        load_settings(path, environ={})


def test_an_unknown_key_in_the_toml_file_raises(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[fetch]\ntimeout = 3\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"unknown settings in \[fetch\]: \['timeout'\]"):
        load_settings(path, environ={})


def test_an_unknown_environment_variable_raises():
    with pytest.raises(ValueError, match="max_byte"):
        load_settings(environ={"DATELINE_READ__MAX_BYTE": "10"})


def test_an_unknown_override_raises():
    with pytest.raises(ValueError):
        load_settings(overrides={"language": {"min_share_of_votes": 0.9}}, environ={})


def test_unrelated_environment_variables_are_ignored():
    assert load_settings(environ={"DATELINE_HOME": "/tmp", "PATH": "/bin"}) == Settings()


def test_settings_are_immutable():
    with pytest.raises(AttributeError):
        Settings().read.max_bytes = 1  # type: ignore[misc]
