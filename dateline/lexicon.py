"""Language data loader: per-language word lists under ``dateline/lang/<code>/`` as data."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

LANG_DIR = Path(__file__).parent / "lang"


@cache
def load(code: str, name: str) -> dict[str, Any]:
    """One data file of one language; empty when the language has none."""
    path = LANG_DIR / code / f"{name}.toml"
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def languages() -> list[str]:
    return sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and p.name != "all")


TOKEN = re.compile(r"\w+(?:['-]\w+)*|[^\w\s]")


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[str, ...]:
    """Lower-case words (apostrophes and hyphens inside them kept) and punctuation marks."""
    return tuple(TOKEN.findall(text.lower().replace("’", "'")))


@dataclass(frozen=True)
class Cues:
    """A word list, matched as whole token sequences (fast), and as a regex for rewriting."""

    words: frozenset[str]
    phrases: frozenset[tuple[str, ...]]
    longest: int
    pattern: re.Pattern[str]

    def search(self, text: str) -> list[str]:
        """Every cue in the text, in order, as token-joined phrases."""
        found: list[str] = []
        toks = tokens(text)
        for i in range(len(toks)):
            for n in range(min(self.longest, len(toks) - i), 0, -1):
                if toks[i:i + n] in self.phrases:
                    found.append(" ".join(toks[i:i + n]))
                    break
        return found

    def starts(self, text: str) -> bool:
        """True when the text opens with a cue."""
        toks = tokens(text)
        return any(toks[:n] in self.phrases for n in range(1, min(self.longest, len(toks)) + 1))

    def whole(self, text: str) -> bool:
        return text.strip().lower() in self.words


def compile_cues(words: set[str]) -> Cues:
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in ordered) or r"(?!x)x"
    phrases = frozenset(tokens(w) for w in words)
    return Cues(frozenset(words), phrases, max((len(p) for p in phrases), default=0),
                re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE))


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
