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
    # HTML that stops before its closing tags (a template's fault, a streamed response, a cut-off
    # download) is extracted with a warning; False refuses it (E006) instead.
    allow_truncated_html: bool = True


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
    # Code only events whose actor is an agent: a person, an organisation, a state or a group,
    # named or described (dateline/stages/events/agents.py). Off, an abstract noun, a thing or
    # an unresolved pronoun may act, and an event may have no actor at all.
    require_agent: bool = True
    # English only: PETRARCH2's verb patterns over the words around a trigger verb drop the
    # triggers a pattern says code nothing ("STOCKS * decline"; dateline/stages/events/petrarch.py).
    petrarch_patterns: bool = True
    # Drop the triggers of a sentence that does not read as reporting an event at all (a
    # classifier over multilingual sentence embeddings; dateline/stages/events/eventness.py).
    eventness: bool = True


@dataclass(frozen=True)
class IngestSettings:
    # Worker processes that analyse documents; 0 runs in the calling process (tests,
    # debugging). Default: one per core, as the model stages are CPU-bound.
    workers: int = max(1, os.cpu_count() or 1)
    # Documents per task and per database transaction: large enough for nlp.pipe to batch,
    # small enough that a crash loses at most this much analysis (never a committed document).
    batch_size: int = 16
    # Batches queued ahead per worker: results are written in order, so while the writer waits
    # for a slow batch the other workers must still find work queued.
    prefetch: int = 4
    # Re-analyse sources recorded as failed on an earlier run (off: a re-run skips them).
    retry_failures: bool = False


@dataclass(frozen=True)
class CrawlSettings:
    # Seconds between two requests to the same host (politeness; robots.txt Crawl-delay wins
    # when it asks for more).
    per_host_delay_s: float = 1.0
    # Obey robots.txt; turning it off is for crawling your own servers only.
    respect_robots: bool = True
    # Most entries taken from one feed per run.
    max_feed_entries: int = 500


@dataclass(frozen=True)
class DuplicateSettings:
    # Words per shingle: 5-word shingles survive re-punctuation and a changed word here and
    # there, yet two different articles on the same story rarely share many.
    shingle_words: int = 5
    # MinHash permutations: 128 gives a Jaccard estimate within about +-0.09 (1/sqrt(128)).
    num_perm: int = 128
    # Estimated Jaccard similarity of shingle sets above which two articles are near-duplicates
    # (syndicated copies with different chrome or light edits score 0.6-0.95; distinct articles
    # on the same story score below 0.2). See tests/corpus/test_dedup.py.
    near_threshold: float = 0.5


@dataclass(frozen=True)
class StorySettings:
    # Score (cosine of an article's embedding with a story's centroid, plus the entity bonus)
    # needed to join it. USE multilingual: translations score 0.7-0.9, separately written
    # articles on one story 0.45-0.7, unrelated news below 0.3. On the story gold set, 0.55 with
    # the bonus gives pairwise precision 1.0 and recall 0.90; 0.5 chains two Belgian strikes.
    join_similarity: float = 0.55
    # Bonus added to the similarity per canonical entity the article shares with the story's
    # top entities (capped by max_entity_bonus): names are strong evidence across languages.
    entity_bonus: float = 0.05
    max_entity_bonus: float = 0.15
    # Days around a story's first and last dates within which an article can join it.
    window_days: int = 3
    # Characters of title and lead embedded per article (USE is a sentence encoder; the lead
    # carries the story).
    embed_chars: int = 600


@dataclass(frozen=True)
class Settings:
    read: ReadSettings = field(default_factory=ReadSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    language: LanguageSettings = field(default_factory=LanguageSettings)
    events: EventSettings = field(default_factory=EventSettings)
    ingest: IngestSettings = field(default_factory=IngestSettings)
    crawl: CrawlSettings = field(default_factory=CrawlSettings)
    duplicates: DuplicateSettings = field(default_factory=DuplicateSettings)
    stories: StorySettings = field(default_factory=StorySettings)


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
