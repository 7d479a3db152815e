"""Polite fetching for ingest: robots.txt, the per-host delay, conditional GETs, feeds and limits."""
from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import httpx
from conftest import LocalServer

from dateline.corpus.items import Item
from dateline.corpus.polite import MemoryCache, PoliteFetcher
from dateline.corpus.sources import iter_items
from dateline.errors import Code
from dateline.settings import CrawlSettings, FetchSettings, Settings

HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}
ROBOTS = b"User-agent: *\nDisallow: /private/\nCrawl-delay: 3\n"


def page(name: str) -> bytes:
    return f"<html><head><title>{name}</title></head><body><p>{name} text.</p></body></html>".encode()


class FakeClock:
    """A clock that only moves when the fetcher sleeps: delays are checked without waiting."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class Recorder(httpx.HTTPTransport):
    """The real transport, noting the fake clock's time and the path of each request."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__()
        self.clock = clock
        self.log: list[tuple[float, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.log.append((self.clock.now, request.url.path))
        return super().handle_request(request)


def make_settings(delay: float = 1.0, robots: bool = True, entries: int = 500, timeout: float = 5.0,
                  max_bytes: int = 1 << 20) -> Settings:
    return dataclasses.replace(Settings(), crawl=CrawlSettings(per_host_delay_s=delay, respect_robots=robots,
                                                               max_feed_entries=entries),
                               fetch=FetchSettings(timeout_s=timeout, max_bytes=max_bytes))


def crawl(urls: list[str], settings: Settings | None = None, cache: MemoryCache | None = None,
          clock: FakeClock | None = None) -> tuple[list[Item], Recorder, PoliteFetcher]:
    clock = clock or FakeClock()
    recorder = Recorder(clock)
    fetcher = PoliteFetcher(settings or make_settings(), cache, clock=clock.time, sleep=clock.sleep,
                            now=lambda: datetime(2016, 9, 28, 12, 0, tzinfo=UTC), transport=recorder)
    with fetcher:
        items = list(iter_items(urls, fetcher.settings, fetcher=fetcher))
    return items, recorder, fetcher


def serve_site(server: LocalServer) -> None:
    server.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, ROBOTS)
    for name in ("a", "b", "c", "private/secret"):
        server.routes[f"/{name}"] = (200, HTML_TYPE, page(name))


# --- robots.txt and the per-host delay -------------------------------------------------------

def test_robots_disallowed_page_is_an_error_item_and_never_requested(http_server: LocalServer) -> None:
    serve_site(http_server)
    allowed, refused = crawl([http_server.url("/a"), http_server.url("/private/secret")])[0]
    assert allowed.error is None and allowed.raw == page("a")
    assert refused.error is not None and refused.error.code is Code.FETCH_FAILED
    assert "disallowed by robots.txt" in refused.error.message
    assert [path for path, _ in http_server.seen] == ["/robots.txt", "/a"]


def test_crawl_delay_spaces_requests_to_one_host_more_than_the_setting(http_server: LocalServer) -> None:
    serve_site(http_server)
    items, recorder, _ = crawl([http_server.url(f"/{name}") for name in "abc"], make_settings(delay=1.0))
    assert all(item.error is None for item in items)
    assert recorder.log == [(1000.0, "/robots.txt"), (1003.0, "/a"), (1006.0, "/b"), (1009.0, "/c")]


def test_per_host_delay_applies_when_robots_asks_for_none(http_server: LocalServer) -> None:
    serve_site(http_server)
    http_server.routes["/robots.txt"] = (200, {}, b"User-agent: *\nDisallow:\n")
    _, recorder, _ = crawl([http_server.url("/a"), http_server.url("/b")], make_settings(delay=1.5))
    assert [at for at, _ in recorder.log] == [1000.0, 1001.5, 1003.0]


def test_missing_robots_txt_allows_everything(http_server: LocalServer) -> None:
    http_server.routes["/private/secret"] = (200, HTML_TYPE, page("secret"))
    [item] = crawl([http_server.url("/private/secret")])[0]
    assert item.error is None


def test_unreachable_robots_txt_disallows_the_host(http_server: LocalServer) -> None:
    http_server.routes["/robots.txt"] = (503, {}, b"busy")
    http_server.routes["/a"] = (200, HTML_TYPE, page("a"))
    [item] = crawl([http_server.url("/a")])[0]
    assert item.error is not None and "robots.txt unreachable" in item.error.message
    assert [path for path, _ in http_server.seen] == ["/robots.txt"]


def test_robots_can_be_ignored_for_ones_own_servers(http_server: LocalServer) -> None:
    serve_site(http_server)
    [item] = crawl([http_server.url("/private/secret")], make_settings(robots=False))[0]
    assert item.error is None and [path for path, _ in http_server.seen] == ["/private/secret"]


def test_redirect_is_followed_hop_by_hop_and_each_hop_obeys_robots(http_server: LocalServer) -> None:
    serve_site(http_server)
    http_server.routes["/old"] = (301, {"Location": "/a"}, b"")
    http_server.routes["/sneaky"] = (302, {"Location": http_server.url("/private/secret")}, b"")
    moved, sneaky = crawl([http_server.url("/old"), http_server.url("/sneaky")])[0]
    assert (moved.source, moved.url, moved.raw) == (http_server.url("/old"), http_server.url("/a"), page("a"))
    assert sneaky.error is not None and "disallowed by robots.txt" in sneaky.error.message
    assert "/private/secret" not in [path for path, _ in http_server.seen]


# --- conditional GET -------------------------------------------------------------------------

def test_known_validators_are_sent_and_a_304_yields_nothing(http_server: LocalServer) -> None:
    validators = {"ETag": '"v1"', "Last-Modified": "Wed, 28 Sep 2016 12:00:00 GMT"}
    http_server.routes["/a"] = (200, {**HTML_TYPE, **validators}, page("a"))
    cache = MemoryCache()
    [first] = crawl([http_server.url("/a")], make_settings(robots=False), cache)[0]
    assert first.error is None and first.fetched == "2016-09-28T12:00:00+00:00"
    assert cache.validators(http_server.url("/a")) == ('"v1"', "Wed, 28 Sep 2016 12:00:00 GMT")
    http_server.routes["/a"] = (304, {}, b"")
    items, _, fetcher = crawl([http_server.url("/a")], make_settings(robots=False), cache)
    assert items == [] and fetcher.unchanged == 1
    headers = {name.lower(): value for name, value in http_server.seen[-1][1].items()}
    assert headers["if-none-match"] == '"v1"'
    assert headers["if-modified-since"] == "Wed, 28 Sep 2016 12:00:00 GMT"


def test_first_request_is_unconditional_and_pages_without_validators_are_not_remembered(
        http_server: LocalServer) -> None:
    http_server.routes["/a"] = (200, HTML_TYPE, page("a"))
    cache = MemoryCache()
    crawl([http_server.url("/a")], make_settings(robots=False), cache)
    headers = {name.lower() for name in http_server.seen[0][1]}
    assert "if-none-match" not in headers and "if-modified-since" not in headers
    assert cache.seen == {}


# --- feeds -----------------------------------------------------------------------------------

def rss(server: LocalServer, links: list[str]) -> bytes:
    items = "".join(f"<item><title>Entry {link}</title><link>{server.url(link)}</link>"
                    f"<pubDate>Wed, 28 Sep 2016 14:34:56 +0200</pubDate></item>" for link in links)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
            f"<link>{server.url('/')}</link>{items}</channel></rss>").encode()


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title><id>urn:news</id><updated>2016-09-28T12:00:00Z</updated>
<entry><title>Atom one</title><id>urn:1</id><link href="/b"/><updated>2016-09-28T09:30:00Z</updated></entry>
<entry><title>Atom two</title><id>urn:2</id><link href="/c"/><updated>2016-09-28T10:30:00Z</updated></entry>
</feed>"""


def test_rss_feed_yields_its_entries_pages_with_title_and_date_hints(http_server: LocalServer) -> None:
    serve_site(http_server)
    http_server.routes["/feed.xml"] = (200, {"Content-Type": "text/xml"}, rss(http_server, ["/a", "/b"]))
    items, recorder, _ = crawl([http_server.url("/feed.xml")])
    assert [(item.source, item.raw) for item in items] == [(http_server.url("/a"), page("a")),
                                                           (http_server.url("/b"), page("b"))]
    assert items[0].title == "Entry /a" and items[0].published == "2016-09-28T12:34:56+00:00"
    assert items[0].input == "html"
    assert [path for _, path in recorder.log] == ["/robots.txt", "/feed.xml", "/a", "/b"]


def test_atom_feed_links_are_resolved_against_the_feed_url(http_server: LocalServer) -> None:
    serve_site(http_server)
    http_server.routes["/atom"] = (200, {"Content-Type": "application/atom+xml"}, ATOM)
    items = crawl([http_server.url("/atom")])[0]
    assert [(item.url, item.title) for item in items] == [(http_server.url("/b"), "Atom one"),
                                                          (http_server.url("/c"), "Atom two")]
    assert items[1].published == "2016-09-28T10:30:00+00:00"


def test_feed_entries_are_capped_by_max_feed_entries(http_server: LocalServer) -> None:
    serve_site(http_server)
    http_server.routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, rss(http_server, ["/a", "/b", "/c"]))
    items = crawl([http_server.url("/feed")], make_settings(entries=2))[0]
    assert [item.url for item in items] == [http_server.url("/a"), http_server.url("/b")]


def test_feed_with_a_failed_entry_is_not_remembered_so_it_is_read_again(http_server: LocalServer) -> None:
    serve_site(http_server)
    feed_headers = {"Content-Type": "application/rss+xml", "ETag": '"feed1"'}
    http_server.routes["/feed"] = (200, feed_headers, rss(http_server, ["/a", "/private/secret"]))
    cache = MemoryCache()
    good, refused = crawl([http_server.url("/feed")], cache=cache)[0]
    assert good.error is None and refused.error is not None and refused.source == http_server.url("/private/secret")
    assert cache.validators(http_server.url("/feed")) is None
    http_server.routes["/feed"] = (200, feed_headers, rss(http_server, ["/a"]))
    crawl([http_server.url("/feed")], cache=cache)
    assert cache.validators(http_server.url("/feed")) == ('"feed1"', None)


# --- limits and errors -----------------------------------------------------------------------

def test_slow_server_times_out_with_a_one_line_reason(silent_server: str) -> None:
    [item] = crawl([silent_server], make_settings(robots=False, timeout=0.2))[0]
    assert item.error is not None and item.error.code is Code.FETCH_FAILED
    assert "no answer within 0.2 s" in item.error.message and "\n" not in item.error.message


def test_oversized_response_is_refused(http_server: LocalServer) -> None:
    http_server.routes["/big"] = (200, HTML_TYPE, b"<html>" + b"x" * 5000 + b"</html>")
    [item] = crawl([http_server.url("/big")], make_settings(robots=False, max_bytes=1000))[0]
    assert item.error is not None and item.error.code is Code.TOO_LARGE


def test_http_errors_and_refused_connections_are_error_items(http_server: LocalServer, closed_port_url: str) -> None:
    http_server.routes["/broken"] = (500, {}, b"oops")
    http_server.routes["/logo.png"] = (200, {"Content-Type": "image/png"}, b"\x89PNG")
    broken, image, refused = crawl([http_server.url("/broken"), http_server.url("/logo.png"), closed_port_url],
                                   make_settings(robots=False))[0]
    assert broken.error is not None and "HTTP 500" in broken.error.message
    assert image.error is not None and "image/png, not a web page" in image.error.message
    assert refused.error is not None and refused.error.code is Code.FETCH_FAILED


def test_malformed_url_is_an_error_item_without_any_request(http_server: LocalServer) -> None:
    [item] = crawl(["https://[::1/x"])[0]
    assert item.error is not None and "not a valid http(s) URL" in item.error.message
    assert http_server.seen == []
