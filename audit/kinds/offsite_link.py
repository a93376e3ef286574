"""Kind ``offsite-link``: a labelled line whose link leaves the site.

A teaser line (``Read more: …``) or a footer (``Source link``) is ordinary
on a site that links to its own pages; it is a trace of copying when the
link goes to another outlet. On an HTML page each match of ``pattern`` in
the body text is traced back to the source, and the links (``<a href>``)
on the same line are compared with the page's own hosts (canonical link
and og:url). Relative links are the site's own. Plain text and Markdown
name no site of their own, so they are not judged.

params:
  pattern      the label, a regular expression (multiline; default
               case-insensitive) matched in the body text
  ignore_case  default true
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from ..findings import Hit

_HREF = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def host_of(url: str) -> str:
    host = urlparse(url.strip()).netloc.lower().split("@")[-1].split(":")[0]
    return host[4:] if host.startswith("www.") else host


def own_hosts(doc) -> set[str]:
    site = doc.metadata.get("site", {})
    return {site[k] for k in ("canonical", "og:url") if site.get(k)}


def is_own(host: str, own: set[str]) -> bool:
    return any(host == h or host.endswith("." + h) or h.endswith("." + host) for h in own)


def compile(rule, catalogue):
    flags = re.MULTILINE | (re.IGNORECASE if rule.params.get("ignore_case", True) else 0)
    return re.compile(rule.params["pattern"], flags)


def run(rule, regex, doc):
    if doc.format != "html":
        return
    own = own_hosts(doc)
    if not own:
        return
    text = doc.text
    for m in regex.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        s = doc.source_offset(m.start())
        e = doc.source_offset(max(line_end - 1, m.start())) + 1
        # the closing part of the last link's tag is after its text
        e = max(e, s)
        for link in _HREF.finditer(doc.source, s, e):
            url = next(g for g in link.groups() if g is not None)
            host = host_of(url) if url.startswith(("http://", "https://", "//")) else ""
            if host and not is_own(host, own):
                yield Hit(m.start(), line_end, fields=(("host", host),))
                break

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"ignore_case": bool, "pattern": str}
