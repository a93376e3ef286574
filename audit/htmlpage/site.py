"""Site identity: the host a page is served from, by its own references."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlparse

from .text import attr

_CDN = re.compile(r"(googletagmanager|google-analytics|googleapis|gstatic|gravatar|facebook|twitter|x\.com|linkedin|reddit|whatsapp|"
                  r"pinterest|cloudflare|jsdelivr|unpkg|jquery|wp\.com|schema\.org|gmpg\.org|w3\.org|doubleclick|youtube)", re.I)
_ASSET_RELS = {"stylesheet", "alternate", "shortlink", "icon", "pingback", "home", "preload", "edituri", "https://api.w.org/"}


def site_of(url: str) -> str:
    """The host of a URL, lower-cased, without 'www.'."""
    host = urlparse(url.strip()).netloc.lower() if url else ""
    host = host.split("@")[-1].split(":")[0]
    return host[4:] if host.startswith("www.") else host


def named(soup, name: str) -> list:
    """``soup.find_all(name)``, walked once per page for the readers that share it."""
    cache = soup.__dict__.setdefault("_named_tags", {})
    if name not in cache:
        cache[name] = soup.find_all(name)
    return cache[name]


def own_domains(soup, chrome_tags) -> list[str]:
    """The site serving the page, by its self-references (most common first).

    Counted: the page's own assets (og:image, stylesheets, feeds, icons),
    links marked rel=home, and links in the page chrome (menus, footer). The
    canonical link and og:url are left out: they are what is being checked.
    """
    votes: Counter = Counter()

    def vote(url: str, weight: int = 1) -> None:
        host = site_of(url) if url and url.startswith(("http://", "https://", "//")) else ""
        if url and url.startswith("//"):
            host = site_of("https:" + url)
        if host and not _CDN.search(host):
            votes[host] += weight

    for tag in named(soup, "meta"):
        key = (attr(tag, "property") or attr(tag, "name")).lower()
        if key in {"og:image", "twitter:image", "og:image:url", "og:image:secure_url"}:
            vote(attr(tag, "content"), 2)
    for link in named(soup, "link"):
        rel = attr(link, "rel").lower().split()
        if "canonical" in rel:
            continue
        if set(rel) & _ASSET_RELS:
            if "hreflang" in link.attrs:
                continue  # language versions may live on sister domains
            vote(attr(link, "href"))
    for a in soup.find_all("a", rel=True):
        if "home" in attr(a, "rel").lower().split():
            vote(attr(a, "href"), 3)
    for tag in chrome_tags:
        for a in tag.find_all("a", href=True):
            vote(attr(a, "href"))
    return [host for host, _ in votes.most_common()]


def site_summary(metadata: dict, domains: list[str]) -> dict[str, str]:
    """The site by each piece of evidence: og:site_name, canonical, og:url, served_from."""
    og = metadata.get("og", {})
    sites = {}
    if og.get("site_name"):
        sites["og:site_name"] = og["site_name"]
    if metadata.get("canonical"):
        sites["canonical"] = site_of(metadata["canonical"])
    if og.get("url"):
        sites["og:url"] = site_of(og["url"])
    if domains:
        sites["served_from"] = domains[0]
    return sites
