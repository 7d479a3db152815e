"""Fetching a URL, against a local HTTP server only: success, redirects, errors, caps, timeouts."""
from __future__ import annotations

import json

import pytest
from conftest import fixture_path

import dateline
from dateline.errors import Code, DatelineError
from dateline.fetch import fetch, is_url
from dateline.settings import FetchSettings, Settings

HTML = fixture_path("en_article.html").read_bytes()


def fetch_error(url: str, settings: FetchSettings) -> DatelineError:
    with pytest.raises(DatelineError) as exc:
        fetch(url, settings)
    return exc.value


def test_a_page_is_fetched_with_its_final_url(http_server):
    http_server.routes["/ferry"] = (200, {"Content-Type": "text/html; charset=utf-8"}, HTML)
    body, final = fetch(http_server.url("/ferry"), FetchSettings())
    assert body == HTML
    assert final == http_server.url("/ferry")


def test_the_user_agent_from_settings_is_sent(http_server):
    http_server.routes["/ferry"] = (200, {}, HTML)
    fetch(http_server.url("/ferry"), FetchSettings(user_agent="dateline-test/1"))
    assert http_server.seen[-1][1]["User-Agent"] == "dateline-test/1"


def test_a_redirect_is_followed_to_the_final_url(http_server):
    http_server.routes["/old"] = (301, {"Location": "/new"}, b"")
    http_server.routes["/new"] = (200, {}, HTML)
    body, final = fetch(http_server.url("/old"), FetchSettings())
    assert body == HTML
    assert final == http_server.url("/new")


def test_a_404_is_a_fetch_failure_naming_the_status(http_server):
    error = fetch_error(http_server.url("/gone"), FetchSettings())
    assert error.code is Code.FETCH_FAILED
    assert "HTTP 404" in error.message


def test_a_response_above_the_cap_is_too_large(http_server):
    http_server.routes["/big"] = (200, {}, b"x" * 5000)
    error = fetch_error(http_server.url("/big"), FetchSettings(max_bytes=1000))
    assert error.code is Code.TOO_LARGE
    assert "fetch.max_bytes" in error.message


def test_a_response_at_the_cap_is_accepted(http_server):
    http_server.routes["/exact"] = (200, {}, b"x" * 1000)
    assert len(fetch(http_server.url("/exact"), FetchSettings(max_bytes=1000))[0]) == 1000


def test_a_server_that_never_answers_times_out(silent_server):
    error = fetch_error(silent_server, FetchSettings(timeout_s=0.2))
    assert error.code is Code.FETCH_FAILED
    assert "no answer within 0.2 s" in error.message


def test_too_many_redirects_is_a_fetch_failure(http_server):
    http_server.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    error = fetch_error(http_server.url("/loop"), FetchSettings(max_redirects=3))
    assert error.code is Code.FETCH_FAILED
    assert "more than 3 redirects" in error.message


def test_a_refused_connection_is_a_fetch_failure(closed_port_url):
    assert fetch_error(closed_port_url, FetchSettings(timeout_s=2)).code is Code.FETCH_FAILED


@pytest.mark.parametrize(("value", "expected"), [("http://a.example/", True), ("HTTPS://a.example/", True),
                                                 ("ftp://a.example/", False), ("pages/a.html", False)])
def test_only_http_and_https_are_urls(value, expected):
    assert is_url(value) is expected


def test_analyze_fetches_a_url_and_records_where_it_ended(http_server):
    http_server.routes["/short"] = (302, {"Location": "/ferry"}, b"")
    http_server.routes["/ferry"] = (200, {"Content-Type": "text/html"}, HTML)
    record = dateline.analyze(http_server.url("/short"))
    assert record["title"] == "Harbour ferry returns after winter repairs"
    assert record["url"] == http_server.url("/ferry")


def test_analyze_uses_the_fetch_settings(http_server):
    http_server.routes["/ferry"] = (200, {}, HTML)
    settings = Settings(fetch=FetchSettings(max_bytes=100))
    with pytest.raises(DatelineError) as exc:
        dateline.analyze(http_server.url("/ferry"), settings=settings)
    assert exc.value.code is Code.TOO_LARGE


def test_the_cli_reports_a_failed_url_in_one_line(http_server, run_cli):
    http_server.routes["/ferry"] = (200, {}, HTML)
    result = run_cli("analyze", http_server.url("/ferry"), http_server.url("/missing"))
    lines = [json.loads(line) for line in result.out_lines]
    assert lines[0]["document"] == http_server.url("/ferry")
    assert lines[1]["error"]["code"] == "E009"
    assert result.code == 1
