"""HTML pages: the article body, the page furniture, hidden copies and the metadata.

The tree comes from beautifulsoup4 on lxml. Each module does one thing, and
:func:`parse_html` (in :mod:`.page`) runs them in order:

- :mod:`.positions` — the visible text of the source with each character's
  offset, and each text node of the tree found in it;
- :mod:`.text` — runs of text with offsets, built by walking part of the tree;
- :mod:`.body` — which element holds the article, and its text;
- :mod:`.furniture` — menus, footers and banners, hidden blocks, author boxes
  and the byline, in one walk of the rest of the page;
- :mod:`.metadata` — title, meta tags, canonical link, JSON-LD, open credits;
- :mod:`.site` — the site serving the page, by its own references.

See docs/html.md for how the body is found.
"""

from .body import find_article, lead_before
from .furniture import BODY_CHROME_TAGS, CHROME_TAGS, hidden_selectors
from .metadata import extract_metadata
from .page import HtmlPage, parse_html
from .positions import map_strings, source_text_stream
from .site import own_domains, site_of
from .text import BLOCK_TAGS, SKIP_TAGS, Block

__all__ = [
    "BLOCK_TAGS", "BODY_CHROME_TAGS", "CHROME_TAGS", "SKIP_TAGS", "Block", "HtmlPage", "extract_metadata", "find_article",
    "hidden_selectors", "lead_before", "map_strings", "own_domains", "parse_html", "site_of", "source_text_stream",
]
