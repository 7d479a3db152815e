"""Settings: one layered, commented object handed to every stage as an argument.

Layers, later wins: built-in defaults < a TOML file (``--config`` or ``$DATELINE_CONFIG``)
< environment variables ``DATELINE_<SECTION>__<FIELD>`` < explicit overrides (CLI flags).
Nothing reads settings from a global: stages receive a ``Settings`` instance.
"""
from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ReadSettings:
    # Inputs above this many bytes are refused rather than read into memory (20 MiB is
    # ten times the largest news page we have seen; raise it for long reports).
    max_bytes: int = 20 * 1024 * 1024
    # Share of undecodable bytes above which a document is refused instead of repaired.
    max_bad_byte_ratio: float = 0.01
    # HTML that stops before its closing tags is refused unless this is set.
    allow_truncated_html: bool = False


@dataclass(frozen=True)
class FetchSettings:
    timeout_s: float = 20.0
    max_redirects: int = 5
    # Responses larger than this are cut off and refused (same spirit as read.max_bytes).
    max_bytes: int = 20 * 1024 * 1024
    user_agent: str = "dateline/0.1 (+https://github.com/dateline-news/dateline)"


@dataclass(frozen=True)
class CleanSettings:
    # A line with at least this many words and a sentence ending reads as prose.
    prose_min_words: int = 12
    # Paragraphs whose normalised word sets overlap this much are near-duplicates.
    duplicate_containment: float = 0.8
    # Shorter paragraphs are never flagged as duplicates (too little evidence).
    duplicate_min_words: int = 8


@dataclass(frozen=True)
class LanguageSettings:
    # Below this many letters the body is too short to tell its language.
    min_letters: int = 20
    # Weighted share the winning language must hold among the paragraphs.
    min_share: float = 0.5


@dataclass(frozen=True)
class EventSettings:
    # Code events told only as background (a relative clause, a participle modifying a noun:
    # "les otages enlevés le mois dernier"). Off by default, as PLOVER codes a sentence's
    # main events; turn it on to collect every event mentioned.
    background: bool = False
    # Keep events the text says did not happen (status "negated"). The PLOVER manual allows
    # leaving them out of an event dataset; they are kept by default so nothing is lost.
    keep_negated: bool = True


@dataclass(frozen=True)
class Settings:
    read: ReadSettings = field(default_factory=ReadSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    language: LanguageSettings = field(default_factory=LanguageSettings)
    events: EventSettings = field(default_factory=EventSettings)


def _coerce(value: str, current: Any) -> Any:
    if isinstance(current, bool):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return type(current)(value)


def _apply(settings: Settings, layer: Mapping[str, Mapping[str, Any]]) -> Settings:
    sections: dict[str, Any] = {}
    for section_name, values in layer.items():
        section = getattr(settings, section_name, None)
        if section is None:
            raise ValueError(f"unknown settings section: {section_name}")
        known = {f.name for f in dataclasses.fields(section)}
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"unknown settings in [{section_name}]: {sorted(unknown)}")
        fixed = {k: _coerce(v, getattr(section, k)) if isinstance(v, str) else v
                 for k, v in values.items()}
        sections[section_name] = dataclasses.replace(section, **fixed)
    return dataclasses.replace(settings, **sections)


def _env_layer(environ: Mapping[str, str]) -> dict[str, dict[str, str]]:
    layer: dict[str, dict[str, str]] = {}
    for key, value in environ.items():
        if key.startswith("DATELINE_") and "__" in key:
            section, name = key[len("DATELINE_"):].lower().split("__", 1)
            layer.setdefault(section, {})[name] = value
    return layer


def load_settings(config: str | Path | None = None,
                  overrides: Mapping[str, Mapping[str, Any]] | None = None,
                  environ: Mapping[str, str] | None = None) -> Settings:
    """Build settings from defaults, a TOML file, the environment and overrides."""
    environ = os.environ if environ is None else environ
    settings = Settings()
    path = config or environ.get("DATELINE_CONFIG")
    if path:
        with open(path, "rb") as handle:
            settings = _apply(settings, tomllib.load(handle))
    settings = _apply(settings, _env_layer(environ))
    if overrides:
        settings = _apply(settings, overrides)
    return settings
