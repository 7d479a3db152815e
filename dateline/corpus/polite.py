"""URL sources for ingest, fetched politely: robots.txt, a per-host delay, conditional GETs, limits.

``PoliteFetcher.get`` asks robots.txt first (per origin, read once per run), waits until the host
has had its delay since the previous request, sends ``If-None-Match``/``If-Modified-Since`` when
the cache knows the URL, follows redirects itself (each hop obeys robots.txt and the delay) and
reads at most ``fetch.max_bytes``. It returns a ``Page``, ``None`` for a 304 (unchanged since it
was last ingested) or raises ``DatelineError`` with a one-line reason. ``dateline analyze`` keeps
using the plain ``dateline.fetch.fetch``.

``url_items`` turns a URL into items: the page, or one per entry of an RSS/Atom feed (each
entry fetched through the same fetcher). A 304 yields nothing. Validators are remembered only
once the item is handed over, and a feed's only when every entry it gave was fetched, so a
failed entry is tried again next run instead of hiding behind the feed's 304.
"""
from __future__ import annotations

import io
import time
import urllib.robotparser
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx

from dateline.corpus.items import Item
from dateline.errors import Code, DatelineError
from dateline.fetch import read_capped
from dateline.record import InputKind
from dateline.settings import Settings

# Statuses whose Location header points to the resource (RFC 9110 section 15.4).
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# RFC 9309 section 2.3.1.3: a robots.txt answering 4xx is "unavailable" and allows everything;
# 5xx or no answer is "unreachable" and disallows everything until it can be read.
ROBOTS_UNAVAILABLE = range(400, 500)
# Asked of every page; feeds are taken by their own content types.
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5"
# Content types that say "feed" outright.
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"})
# Generic XML types (and none at all): the body decides whether it is a feed.
XML_TYPES = frozenset({"application/xml", "text/xml", ""})
# Root elements of RSS 2.0/0.9x, Atom and RSS 1.0 (RDF).
FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
# Bytes of the body searched for a feed's root element (past the XML declaration and comments).
SNIFF_BYTES = 1024
# Page content types read as markup; the read stage detects anything else that is text.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


class FetchCache(Protocol):
    """What a fetcher remembers between runs for conditional GETs (the store keeps it in SQLite)."""

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        """(etag, last_modified) from the URL's last 200, or None when never seen."""
        ...

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Keep the validators of a response whose content was handed over."""
        ...


class MemoryCache:
    """A ``FetchCache`` in a dict: for tests and for runs without a database."""

    def __init__(self) -> None:
        self.seen: dict[str, tuple[str | None, str | None]] = {}

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        return self.seen.get(url)

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.seen[url] = (etag, last_modified)


@dataclass(frozen=True)
class Page:
    """A 2xx answer, read in full (within the cap)."""

    url: str  # the URL asked for: the cache key and the item's source
    final_url: str  # after redirects
    body: bytes
    content_type: str  # media type only, lower case ("text/html"), "" when not sent
    etag: str | None
    last_modified: str | None
    fetched: str  # ISO datetime, UTC


@dataclass(frozen=True)
class _Reply:
    status: int
    headers: httpx.Headers
    body: bytes
    url: str


class HostThrottle:
    """Spaces the starts of two requests to one host by at least its delay.

    ``clock`` and ``sleep`` are injected so tests check the spacing without waiting.
    """

    def __init__(self, delay_s: float, clock: Callable[[], float], sleep: Callable[[float], None]) -> None:
        self.delay_s = delay_s
        self.clock = clock
        self.sleep = sleep
        self._last: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def slow_down(self, host: str, delay_s: float) -> None:
        """Use a longer delay for this host (robots.txt Crawl-delay); never a shorter one."""
        self._delays[host] = max(self._delays.get(host, 0.0), delay_s)

    def delay_for(self, host: str) -> float:
        return max(self.delay_s, self._delays.get(host, 0.0))

    def wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            remaining = self.delay_for(host) - (self.clock() - last)
            if remaining > 0:
                self.sleep(remaining)
        self._last[host] = self.clock()


def utc_now() -> datetime:
    return datetime.now(UTC)


def one_line(text: str) -> str:
    return " ".join(text.split())


def media_type(headers: httpx.Headers) -> str:
    return headers.get("Content-Type", "").split(";")[0].strip().lower()


class PoliteFetcher:
    """One HTTP client for a run, with its robots.txt rules, host delays and cache."""

    def __init__(self, settings: Settings, cache: FetchCache | None = None, *,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
                 now: Callable[[], datetime] = utc_now, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self.cache: FetchCache = cache if cache is not None else MemoryCache()
        self.throttle = HostThrottle(settings.crawl.per_host_delay_s, clock, sleep)
        self.now = now
        self.unchanged = 0  # 304 answers so far: pages and feeds skipped as already ingested
        self._transport = transport
        self._http: httpx.Client | None = None
        self._robots: dict[str, urllib.robotparser.RobotFileParser | DatelineError] = {}

    def __enter__(self) -> PoliteFetcher:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def client(self) -> httpx.Client:
        """The HTTP client, made on first use so runs over files never open one."""
        if self._http is None:
            fetch = self.settings.fetch
            self._http = httpx.Client(follow_redirects=False, timeout=fetch.timeout_s, transport=self._transport,
                                      headers={"User-Agent": fetch.user_agent, "Accept": ACCEPT})
        return self._http

    def get(self, url: str) -> Page | None:
        """The page at ``url``; None when it answers 304 Not Modified. Raises DatelineError."""
        headers = conditional_headers(self.cache.validators(url))
        reply = self._follow(url, headers, check_robots=True)
        if reply.status == 304:
            self.unchanged += 1
            return None
        if not 200 <= reply.status < 300:
            raise DatelineError(Code.FETCH_FAILED, f"{url} answered HTTP {reply.status}")
        return Page(url=url, final_url=reply.url, body=reply.body, content_type=media_type(reply.headers),
                    etag=reply.headers.get("ETag"), last_modified=reply.headers.get("Last-Modified"),
                    fetched=self.now().isoformat(timespec="seconds"))

    def remember(self, page: Page) -> None:
        """Keep the page's validators, so the next run asks "changed since?" (call once it is handed over)."""
        if page.etag or page.last_modified:
            self.cache.remember(page.url, page.etag, page.last_modified)

    def _follow(self, url: str, headers: dict[str, str], *, check_robots: bool) -> _Reply:
        current = url
        for _ in range(self.settings.fetch.max_redirects + 1):
            check_url(current)
            if check_robots:
                self._obey_robots(current)
            reply = self._exchange(current, headers)
            location = reply.headers.get("Location")
            if reply.status not in REDIRECT_STATUSES or not location:
                return reply
            try:
                current = urljoin(current, location)
            except ValueError as exc:
                raise DatelineError(Code.FETCH_FAILED, one_line(f"{url}: bad redirect to {location!r}")) from exc
        raise DatelineError(Code.FETCH_FAILED, f"{url}: more than {self.settings.fetch.max_redirects} redirects")

    def _exchange(self, url: str, headers: dict[str, str]) -> _Reply:
        """One request, after the host's delay; the body is read only for 2xx answers."""
        self.throttle.wait(urlsplit(url).hostname or "")
        fetch = self.settings.fetch
        try:
            with self.client().stream("GET", url, headers=headers) as response:
                body = read_capped(response, url, fetch.max_bytes) if 200 <= response.status_code < 300 else b""
                return _Reply(response.status_code, response.headers, body, str(response.url))
        except httpx.TimeoutException as exc:
            raise DatelineError(Code.FETCH_FAILED, f"{url}: no answer within {fetch.timeout_s:g} s") from exc
        except httpx.HTTPError as exc:
            raise DatelineError(Code.FETCH_FAILED, one_line(f"{url}: {type(exc).__name__}: {exc}")) from exc

    def _obey_robots(self, url: str) -> None:
        if not self.settings.crawl.respect_robots:
            return
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin, parts.hostname or "")
        rules = self._robots[origin]
        if isinstance(rules, DatelineError):
            raise DatelineError(Code.FETCH_FAILED, f"{url}: robots.txt unreachable, so not fetched ({rules.message})")
        if not rules.can_fetch(self.settings.fetch.user_agent, url):
            raise DatelineError(Code.FETCH_FAILED, f"{url} is disallowed by robots.txt")

    def _read_robots(self, origin: str, host: str) -> urllib.robotparser.RobotFileParser | DatelineError:
        """The origin's rules; an error stands for "unreachable" (everything disallowed this run)."""
        rules = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            reply = self._follow(origin + "/robots.txt", {}, check_robots=False)
        except DatelineError as exc:
            return exc
        if reply.status in ROBOTS_UNAVAILABLE:
            rules.parse([])
        elif 200 <= reply.status < 300:
            rules.parse(reply.body.decode("utf-8", errors="replace").splitlines())
        else:
            return DatelineError(Code.FETCH_FAILED, f"robots.txt answered HTTP {reply.status}")
        # robotparser reads whole seconds only ("Crawl-delay: 0.5" is ignored, the setting applies).
        delay = rules.crawl_delay(self.settings.fetch.user_agent)
        if delay:
            self.throttle.slow_down(host, float(delay))
        return rules


def check_url(url: str) -> None:
    """Raise FETCH_FAILED for a URL no request can be made to (no host, a bad IPv6 literal...)."""
    try:
        parts = urlsplit(url)
        httpx.URL(url)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
    except (ValueError, httpx.InvalidURL):
        valid = False
    if not valid:
        raise DatelineError(Code.FETCH_FAILED, one_line(f"{url!r} is not a valid http(s) URL"))


def conditional_headers(validators: tuple[str | None, str | None] | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    etag, last_modified = validators or (None, None)
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


# --- URL items: a page, or a feed's entries -----------------------------------------------

def url_items(url: str, fetcher: PoliteFetcher) -> Iterator[Item]:
    """The page at ``url``, or the entries of the feed there; failures as error items."""
    page = yield from fetched(url, fetcher)
    if page is None:
        return
    if not is_feed(page):
        yield from handed_over(page, fetcher)
        return
    complete = yield from feed_items(page, fetcher)
    if complete:
        fetcher.remember(page)


def fetched(url: str, fetcher: PoliteFetcher) -> Generator[Item, None, Page | None]:
    """The page at ``url``; a failure is yielded as an error item, and None returned (as for a 304)."""
    try:
        return fetcher.get(url)
    except DatelineError as exc:
        yield Item(source=url, url=url, error=exc)
        return None


def handed_over(page: Page, fetcher: PoliteFetcher, title: str | None = None,
                published: str | None = None) -> Iterator[Item]:
    """The page's item; its validators are kept once the consumer has taken a good one."""
    item = page_item(page, title=title, published=published)
    yield item
    if item.error is None:
        fetcher.remember(page)


def is_feed(page: Page) -> bool:
    if page.content_type in FEED_TYPES:
        return True
    if page.content_type not in XML_TYPES:
        return False
    head = page.body[:SNIFF_BYTES].lower()
    return any(root in head for root in FEED_ROOTS)


def page_kind(content_type: str) -> InputKind | None:
    """"html" for markup; None (let the read stage detect) for text or an unstated type."""
    return "html" if content_type in HTML_TYPES else None


def page_item(page: Page, title: str | None = None, published: str | None = None) -> Item:
    """An item for a fetched page; an error item when it is not text at all (an image, a PDF)."""
    textual = page.content_type in HTML_TYPES or page.content_type.startswith("text/") or \
        page.content_type in XML_TYPES
    if not textual:
        reason = f"{page.url} sends {page.content_type}, not a web page"
        return Item(source=page.url, url=page.final_url, error=DatelineError(Code.FETCH_FAILED, reason))
    return Item(source=page.url, raw=page.body, input=page_kind(page.content_type), url=page.final_url,
                title=title, published=published, fetched=page.fetched)


def feed_items(feed: Page, fetcher: PoliteFetcher) -> Generator[Item, None, bool]:
    """One item per entry (up to crawl.max_feed_entries); returns True when none failed."""
    parsed = feedparser.parse(io.BytesIO(feed.body), response_headers={"content-location": feed.final_url})
    if not parsed.entries and not parsed.version:
        reason = f"{feed.url} is not a readable RSS/Atom feed ({parsed.get('bozo_exception', 'no entries')})"
        yield Item(source=feed.url, url=feed.final_url, error=DatelineError(Code.FETCH_FAILED, one_line(reason)))
        return False
    complete = True
    for number, entry in enumerate(parsed.entries[:fetcher.settings.crawl.max_feed_entries], start=1):
        for item in entry_items(entry, f"{feed.url}#entry{number}", fetcher):
            complete = complete and item.error is None
            yield item
    return complete


def entry_items(entry: Any, where: str, fetcher: PoliteFetcher) -> Iterator[Item]:
    """The page an entry links to, with the entry's title and date as hints."""
    link = entry.get("link")
    if not link:
        yield Item(source=where, error=DatelineError(Code.FETCH_FAILED, f"{where} has no link"))
        return
    page = yield from fetched(link, fetcher)
    if page is not None:
        yield from handed_over(page, fetcher, title=entry.get("title") or None, published=entry_date(entry))


def entry_date(entry: Any) -> str | None:
    """The entry's publication (else update) time as ISO UTC; feedparser normalises it to UTC."""
    moment: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if moment is None:
        return None
    return datetime(*moment[:6], tzinfo=UTC).isoformat()
