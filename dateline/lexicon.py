"""Language data loader: per-language word lists under ``dateline/lang/<code>/`` as data."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LANG_DIR = Path(__file__).parent / "lang"


@cache
def load(code: str, name: str) -> dict[str, list[str]]:
    """One data file of one language; empty when the language has none."""
    path = LANG_DIR / code / f"{name}.toml"
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def languages() -> list[str]:
    return sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and p.name != "all")


@dataclass(frozen=True)
class Cues:
    """A word list compiled into one case-insensitive, word-bounded pattern."""

    words: frozenset[str]
    pattern: re.Pattern[str]

    def search(self, text: str) -> list[str]:
        return [m.group(0).lower() for m in self.pattern.finditer(text)]

    def whole(self, text: str) -> bool:
        return text.strip().lower() in self.words


def compile_cues(words: set[str]) -> Cues:
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in ordered) or r"(?!x)x"
    return Cues(frozenset(words), re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE))


@cache
def chrome_cues(key: str) -> Cues:
    """The ``key`` list of chrome.toml merged over every language (and all/)."""
    words: set[str] = set()
    for code in [*languages(), "all"]:
        words.update(w.lower() for w in load(code, "chrome").get(key, []))
    return compile_cues(words)


@cache
def month_cues() -> Cues:
    """Month names of every language, for spotting date lines."""
    words: set[str] = set()
    for code in languages():
        words.update(w.lower() for w in load(code, "dates").get("months", []))
    return compile_cues(words)
