"""Fetch a URL with a real HTTP client: timeout, size cap, redirects, user agent, clear errors."""
from __future__ import annotations

import httpx

from dateline.errors import Code, DatelineError
from dateline.settings import FetchSettings


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def fetch(url: str, settings: FetchSettings) -> tuple[bytes, str]:
    """Return (body, final URL). Streams so a huge response is cut at the cap."""
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"}
    try:
        with httpx.Client(follow_redirects=True, max_redirects=settings.max_redirects,
                          timeout=settings.timeout_s, headers=headers) as client, client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise DatelineError(Code.FETCH_FAILED, f"{url} answered HTTP {response.status_code}")
            return read_capped(response, url, settings.max_bytes), str(response.url)
    except httpx.TooManyRedirects as exc:
        raise DatelineError(Code.FETCH_FAILED, f"{url}: more than {settings.max_redirects} redirects") from exc
    except httpx.TimeoutException as exc:
        raise DatelineError(Code.FETCH_FAILED, f"{url}: no answer within {settings.timeout_s:g} s") from exc
    except httpx.HTTPError as exc:
        raise DatelineError(Code.FETCH_FAILED, f"{url}: {type(exc).__name__}: {exc}") from exc


def read_capped(response: httpx.Response, url: str, cap: int) -> bytes:
    """The body, refused as soon as it (or its announced length) passes ``cap``."""
    too_large = DatelineError(Code.TOO_LARGE, f"{url} sends more than {cap:,} bytes (setting fetch.max_bytes)")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > cap:
        raise too_large
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > cap:
            raise too_large
    return bytes(body)
