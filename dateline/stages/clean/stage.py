"""Clean: sort every line of page text into body or chrome, keeping the chrome with its kind.

Page text (a rendered web page) is scored line by line: prose lines count for the article,
chrome-like lines against it, and the best-scoring stretch is the article region (the
maximum-sum run, as in body-text extraction). Lines outside it are chrome; inside it only
lines with a strong chrome signal go. Text from an HTML extractor gets the strong signals
only; clean text passes untouched.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from dateline.common import chrome
from dateline.common.chrome import Signals
from dateline.lexicon import chrome_cues, month_cues
from dateline.record import Document, Line
from dateline.settings import Settings
from dateline.stages.clean import media

# In HTML mode the extractor has already chosen the article. When the clean-up would keep less
# than this share of its characters, the clean-up misreads the page (a blog of short lines, a
# post that is one list), not the extractor: its whole output is kept, with a warning.
MIN_KEPT_SHARE = 0.3
# ...provided it holds prose: a line of this many words (menus, buttons and link lists have none).
PROSE_LINE_WORDS = 8
# A date line is short: longer lines that mention a date are sentences.
DATE_LINE_WORDS = 12
# Words besides the date and its label a date line may carry (weekday, time zone, "at").
DATE_LINE_OTHER_WORDS = 3
# A title sits close above the article; further up is navigation.
TITLE_WINDOW = 15
# What a short non-prose line (menu item, button, subhead) costs the article region: at
# least SHORT_PENALTY, more for longer lines. Subheads between paragraphs stay bridged.
SHORT_PENALTY, SHORT_PENALTY_PER_WORD = 8.0, 2.0
# Prose after this share of the page starts to count less, down to half at the very end.
FOOTER_START, FOOTER_DISCOUNT = 0.8, 0.5
# Words of article needed before a comment section can close it.
MIN_ARTICLE_WORDS = 50
# ... and only when more comment furniture follows within this many lines.
COMMENT_CONFIRM_WINDOW = 12
# An announced list is forgiven for at most this many items.
MAX_LIST_ITEMS = 40
# This many short lines in a row inside the article region are a link list, not prose.
LINK_RUN = 3


def infer_site(lines: Sequence[Line]) -> str | None:
    """The outlet's name when several lines are signed with it ("… - The Daily Planet")."""
    counts: Counter[str] = Counter()
    for line in lines:
        match = chrome.SITE_SUFFIX.match(line.text)
        if match and ":" not in line.text[match.end("head"):match.start("site")]:
            site = match.group("site").strip()
            if 1 <= len(site.split()) <= 4 and site[:1].isupper() and not site.endswith("."):
                counts[site] += 1
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] >= 2 else None


def body_script(found: Sequence[Signals]) -> str:
    weights: Counter[str] = Counter()
    for sig in found:
        if sig.prose:
            weights[sig.script] += sig.words
    return weights.most_common(1)[0][0] if weights else ""


def is_date_line(text: str, words: int) -> bool:
    """A short line that is mostly a date (and its label), never a credit or a sentence."""
    if words > DATE_LINE_WORDS or chrome.COPYRIGHT.search(text):
        return False
    if not (chrome.NUMERIC_DATE.search(text) or (month_cues().search(text) and chrome.YEAR.search(text))):
        return False
    rest = month_cues().pattern.sub(" ", chrome_cues("date_label").pattern.sub(" ", text))
    other_words = [w for w in chrome.WORD.findall(rest) if not any(ch.isdigit() for ch in w)]
    return len(other_words) <= DATE_LINE_OTHER_WORDS


def is_byline(text: str, words: int) -> bool:
    return 2 <= words <= 8 and chrome_cues("byline").starts(text) and not chrome.SENTENCE_END.search(text)


def position_weight(index: int, total: int) -> float:
    """Prose in the last stretch of a page is more often a footer than the article."""
    share = index / max(total - 1, 1)
    return 1.0 - FOOTER_DISCOUNT * max(0.0, (share - FOOTER_START) / (1 - FOOTER_START))


def line_score(sig: Signals, weight: float = 1.0) -> float:
    """Positive for prose, negative for chrome: the article is the best-scoring run."""
    if sig.kind:
        return -(sig.words + 3.0)
    if sig.prose:
        return sig.words * weight
    if sig.table:
        return 0.0
    return -max(SHORT_PENALTY, sig.words * SHORT_PENALTY_PER_WORD)


def forgive_lists(lines: Sequence[Line], found: Sequence[Signals], scores: list[float]) -> set[int]:
    """A list announced by a line ending in a colon belongs to the text: its short items
    cost the region nothing (menus are not announced). Returns the items' indexes."""
    items: set[int] = set()
    i = 0
    while i < len(lines):
        announced = found[i].prose and lines[i].text.rstrip().endswith(":")
        i += 1
        if not announced:
            continue
        for j in range(i, min(len(lines), i + MAX_LIST_ITEMS)):
            if found[j].prose or lines[j].kind != "body":
                break
            scores[j] = 0.0
            items.add(j)
    return items


def cut_at_comments(lines: Sequence[Line], found: Sequence[Signals], start: int, end: int) -> int:
    """The article ends where its comment section starts: return the new region end.

    A comment-section line only closes the article when more comment furniture follows it,
    so a subhead that mentions a discussion does not.
    """
    words = 0
    for i in range(start, end):
        if lines[i].kind == "comments" and words >= MIN_ARTICLE_WORDS and any(
                line.kind == "comments" for line in lines[i + 1:i + 1 + COMMENT_CONFIRM_WINDOW]):
            return i
        if lines[i].kind == "body":
            words += found[i].words
    return end


def best_region(scores: Sequence[float]) -> tuple[int, int]:
    """Maximum-sum contiguous run (Kadane) as [start, end); empty when nothing is positive."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def mark_signals(lines: Sequence[Line], found: Sequence[Signals], script: str) -> None:
    """Strong per-line verdicts: chrome signals, script mismatch, date lines, bylines."""
    for line, sig in zip(lines, found):
        text = chrome.strip_bullet(line.text)
        if sig.kind:
            line.kind, line.reason = sig.kind, sig.reason
        elif script and sig.script and sig.script != script and sig.words < 12:
            line.kind, line.reason = "template", f"{sig.script.lower()} script in a {script.lower()} page"
        elif is_date_line(text, sig.words):
            line.kind, line.reason = "other", "date line"
        elif is_byline(text, sig.words):
            line.kind, line.reason = "other", "byline"


def mark_teasers(lines: Sequence[Line], found: Sequence[Signals]) -> None:
    """A headline right after an image caption or credit is a teaser card of another article."""
    for prev, line, sig in zip(lines, lines[1:], found[1:]):
        if line.kind == "body" and sig.headline and not sig.prose and prev.kind in {"caption", "credit"}:
            line.kind, line.reason = "related", "headline under an image: a teaser card"
        elif line.kind == "body" and sig.headline and prev.kind == "related" and prev.reason.startswith("related"):
            line.kind, line.reason = "related", "headline in a related-articles list"


def mark_link_runs(lines: Sequence[Line], found: Sequence[Signals], start: int, end: int,
                   listed: set[int]) -> None:
    """Runs of short non-prose lines inside the region are link lists, unless announced."""
    i = start
    while i < end:
        j = i
        while (j < end and j not in listed and lines[j].kind == "body" and not found[j].prose
               and found[j].words <= chrome.SHORT_WORDS):
            j += 1
        if j - i >= LINK_RUN:
            for k in range(i, j):
                lines[k].kind, lines[k].reason = "navigation", "list of short links"
        i = max(j, i + 1)


def mark_outside(lines: Sequence[Line], found: Sequence[Signals], start: int, end: int) -> None:
    """Lines outside the article region: navigation above it, widgets and other below."""
    for i, (line, sig) in enumerate(zip(lines, found)):
        if start <= i < end or line.kind != "body":
            continue
        if i < start:
            line.kind, line.reason = "navigation", "above the article"
        elif sig.prose:
            line.kind, line.reason = "other", "prose below the article"
        else:
            line.kind, line.reason = "widget", "below the article"


def pick_title(lines: Sequence[Line], found: Sequence[Signals], start: int) -> int | None:
    """The headline: the nearest headline-shaped line above the article region."""
    for i in range(start - 1, max(-1, start - 1 - TITLE_WINDOW), -1):
        if lines[i].kind in {"body", "navigation"} and found[i].headline and found[i].words >= 4:
            return i
    return None


def classify_page(lines: Sequence[Line], found: Sequence[Signals], script: str) -> int | None:
    """Classify rendered page text in place; return the index of the title line."""
    mark_signals(lines, found, script)
    total = len(lines)
    scores = [line_score(sig, position_weight(i, total)) if line.kind == "body" else -(sig.words + 3.0)
              for i, (line, sig) in enumerate(zip(lines, found))]
    listed = forgive_lists(lines, found, scores)
    start, end = best_region(scores)
    end = cut_at_comments(lines, found, start, end)
    title = pick_title(lines, found, start)
    mark_outside(lines, found, start, end)
    mark_teasers(lines, found)
    mark_link_runs(lines, found, start, end, listed)
    if title is not None:
        lines[title].kind, lines[title].reason = "title", "headline above the article"
    return title


def classify_extracted(lines: Sequence[Line], found: Sequence[Signals], script: str,
                       captions: set[str]) -> None:
    """Extractor output is mostly body: remove only lines with a strong chrome signal."""
    mark_signals(lines, found, script)
    for line in lines:
        if " ".join(line.text.split()).lower() in captions:
            line.kind, line.reason = "caption", "image caption"
    mark_teasers(lines, found)


def classify(doc: Document, settings: Settings) -> tuple[str | None, int | None]:
    """Classify ``doc._lines`` in place; return (site name, title index)."""
    lines = doc._lines
    site = doc.hint_source or (doc.source or {}).get("name") or infer_site(lines)
    found = [chrome.signals(line.text, site, settings.clean.prose_min_words) for line in lines]
    script = body_script(found)
    if doc._input == "page":
        return site, classify_page(lines, found, script)
    if doc._input == "html":
        captions = {" ".join((img.get("caption") or "").split()).lower() for img in doc.images}
        classify_extracted(lines, found, script, captions - {""})
    return site, None


def run(doc: Document, settings: Settings) -> Document:
    site, title = classify(doc, settings)
    if doc._input == "html":
        keep_extracted(doc)
    if site and not doc.source.get("name"):
        doc.source = {**doc.source, "name": site}
    if not doc.author:
        doc.author = byline_author(doc._lines)
    if title is not None and not doc.title:
        doc.title = doc._lines[title].text
    elif doc.title:
        drop_repeated_title(doc._lines, doc.title)
    media.attach(doc)
    return doc


def keep_extracted(doc: Document) -> None:
    """Undo a clean-up that would leave little or nothing of the extractor's text."""
    total = sum(len(line.text) for line in doc._lines)
    kept = sum(len(line.text) for line in doc._lines if line.kind in ("body", "title"))
    if not total or kept >= MIN_KEPT_SHARE * total:
        return
    if not any(len(line.text.split()) >= PROSE_LINE_WORDS for line in doc._lines):
        return
    for line in doc._lines:
        if line.kind != "title":
            line.kind, line.reason = "body", ""
    doc.warnings.append(f"clean-up: it would have kept {kept / total:.0%} of the extracted text; "
                        "the extractor's output is kept whole")


def byline_author(lines: Sequence[Line]) -> str | None:
    """The author named on a byline line ("By Jane Doe", "Par Jean Dupont")."""
    for line in lines:
        if line.kind == "other" and line.reason == "byline":
            name = chrome_cues("byline").pattern.sub("", line.text, count=1).strip(" :,-—|")
            return name or None
    return None


def drop_repeated_title(lines: Sequence[Line], title: str) -> None:
    """The headline repeated at the top of the body is the title, not a paragraph."""
    wanted = " ".join(title.split()).lower()
    for line in lines[:3]:
        if line.kind == "body" and " ".join(line.text.split()).lower() == wanted:
            line.kind, line.reason = "title", "headline repeated in the body"
            return
