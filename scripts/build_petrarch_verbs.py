"""Regenerate dateline/lang/en/petrarch_verbs.json from PETRARCH2's verb dictionary (CAMEO.2.0.txt).

The dictionary (Open Event Data Alliance, MIT licence; ../shared/ref/petrarch2) holds decades of
curated English news verbs: synonym blocks of verbs, each with a code for the verb alone (``---``:
the verb alone is no event) and phrase patterns that give a CAMEO code when the words around the
verb match ("SIGN * &TREATY" is 057, "DECLINE" alone 120 but "STOCKS * DECLINE" nothing). The
derived file keeps, per block, its verbs (lemmas, lower case) with their own codes and its
patterns as lists of word sequences: ``pre`` (the subject's side), ``post`` (the object's side)
and ``preps`` (a preposition and the words of its object). Synonym sets (&TREATY) are expanded
in place; PETRARCH's source and target markers ($, +, %, ^) are dropped. Transformations are not
used. Run: .venv/bin/python scripts/build_petrarch_verbs.py [REF_DIR]
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REF = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/ref/petrarch2"
OUT = Path(__file__).resolve().parents[1] / "dateline/lang/en/petrarch_verbs.json"
BLOCK = re.compile(r"^---\s+(.*?)\s+\[([^\]]*)\]\s+---")
CODE = re.compile(r"\[([0-9-]+)(?::[0-9-]*)?\]")
MARKERS = set("$+%^")
Element = list[list[str]]  # alternatives, each a sequence of words


def words_of(phrase: str) -> list[str]:
    return [w for w in phrase.lower().replace("_", " ").split() if w]


def synsets(lines: list[str]) -> dict[str, list[list[str]]]:
    found: dict[str, list[list[str]]] = {}
    name = None
    for line in lines:
        text = line.split("#")[0].strip()
        if text.startswith("&"):
            name = text.split()[0].rstrip("_").upper()
            found[name] = []
        elif text.startswith("+") and name:
            found[name].append(words_of(text[1:].rstrip("_")))
        elif not text:
            name = None
    return found


# A braced phrase of several synonym sets expands to their product, up to this many sequences.
MAX_ALTERNATIVES = 200


def element(token: str, sets: dict[str, list[list[str]]]) -> Element | None:
    """The word sequences one pattern item stands for: a word, a {braced phrase} (synonym sets
    inside it expanded), or a &SET; None for an undefined set or a bare marker."""
    token = "".join(c for c in token if c not in MARKERS)
    sequences: list[list[str]] = [[]]
    for part in token.replace("_", " ").split():
        options = sets.get(part.rstrip("_").upper()) if part.startswith("&") else [[part.lower()]]
        if not options:
            return None
        sequences = [s + o for s in sequences for o in options][:MAX_ALTERNATIVES]
    return sequences if sequences != [[]] else None


def split_pattern(body: str) -> list[str]:
    """The pattern's tokens: words, {multi word} groups and parentheses kept apart."""
    return re.findall(r"\{[^}]*\}|\(|\)|\*|[^\s(){}*]+", body)


def pattern(body: str, sets: dict[str, list[list[str]]]) -> dict[str, object] | None:
    side, pre, post, preps = "pre", [], [], []
    group: list[Element] | None = None
    for token in split_pattern(body):
        if token == "*":
            side = "post"
        elif token == "(":
            group = []
        elif token == ")":
            if group:
                preps.append(group)
            group = None
        else:
            found = element(token.strip("{}"), sets)
            if found is None:
                if "&" in token:
                    return None  # an undefined synonym set: PETRARCH ignores the pattern
                continue
            (group if group is not None else pre if side == "pre" else post).append(found)
    return {"pre": pre, "post": post,
            "preps": [{"prep": " ".join(g[0][0]), "words": g[1:]} for g in preps if g[0] and g[0][0]]}


def verb_line(text: str) -> tuple[str, str | None] | None:
    """A verb of a block and its own code; compound verbs keep their particle ("rule out")."""
    head = text.split("{")[0].split("[")[0].split("#")[0].strip()
    if not head or " " in head.strip():
        return None
    if "_" in head and not head.startswith("+"):
        return None  # a verb written after its first word ("WIRE_+TAP"): left out
    code = CODE.search(text.split("#")[0])
    return " ".join(words_of(head.lstrip("+"))), code.group(1) if code else None


def blocks(lines: list[str], sets: dict[str, list[list[str]]]) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for line in lines:
        text = line.rstrip()
        head = BLOCK.match(text)
        if head:
            code = head.group(2).split(":")[0].strip() or "---"
            found.append({"name": head.group(1).lower(), "code": code, "verbs": {}, "patterns": []})
        elif found and text.startswith("- "):
            code = CODE.search(text)
            parsed = pattern(text[2:text.index("[")] if "[" in text else text[2:], sets)
            if code and parsed is not None:
                found[-1]["patterns"].append({**parsed, "code": code.group(1)})  # type: ignore[attr-defined]
        elif found and text and text[0] not in "-#~&" and not text.startswith("####"):
            verb = verb_line(text)
            if verb:
                found[-1]["verbs"][verb[0]] = verb[1]  # type: ignore[index]
    return found


def main() -> None:
    lines = (REF / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    end = next((i for i, line in enumerate(lines) if "TRANSFORMATIONS" in line), len(lines))
    sets = synsets(lines[:start])
    table = blocks(lines[start:end], sets)
    notice = (REF / "LICENSE").read_text(encoding="utf-8").strip()
    data = {"source": "PETRARCH2 CAMEO.2.0.txt (Open Event Data Alliance), derived by scripts/build_petrarch_verbs.py",
            "licence": notice, "blocks": table}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    verbs = sum(len(b["verbs"]) for b in table)  # type: ignore[arg-type]
    patterns = sum(len(b["patterns"]) for b in table)  # type: ignore[arg-type]
    print(f"{OUT}: {len(table)} blocks, {verbs} verbs, {patterns} patterns, {len(sets)} synonym sets")


if __name__ == "__main__":
    main()
