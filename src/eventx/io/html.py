"""HTML pages: the article text, title, date and URL, by trafilatura or plain lxml."""

from __future__ import annotations

import re
from datetime import date as Date

from eventx.errors import InputError
from eventx.io.boilerplate import clean_text
from eventx.io.records import parse_date
from eventx.schema import Document


def html_document(html: str, *, doc_id: str, source: str) -> Document | InputError:
    import trafilatura

    body: str | None = None
    title: str | None = None
    published: Date | None = None
    url: str | None = None
    try:
        # Conservative date search: metadata only, never a date guessed from the body.
        result = trafilatura.bare_extraction(
            _without_noscript(html),
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # trafilatura raises assorted parser errors on odd markup
        result = None
    if result is not None and not isinstance(result, dict):
        body = result.text
        title = result.title or None
        published = parse_date(result.date)
        url = result.url or None
    if not body or not body.strip():
        body, fallback_title = _lxml_text(html)
        title = title or fallback_title
    if not body or not body.strip():
        return InputError(source, "no text found in the HTML")
    # trafilatura gives one block per line; make each a paragraph.
    blocks = [line.strip() for line in body.replace("\r\n", "\n").split("\n") if line.strip()]
    cleaned, title = clean_text("\n\n".join(blocks), title.strip() if title else None)
    if not cleaned.strip():
        return InputError(source, "no text left after removing boilerplate")
    return Document(
        doc_id=doc_id, text=cleaned, title=title, date=published, url=url, source=source
    )


_NOSCRIPT = re.compile(r"<noscript\b", re.IGNORECASE)


def _without_noscript(html: str) -> str:
    """The page without <noscript> blocks ("enable JavaScript..."), which trafilatura keeps.

    Scripts and styles are left for trafilatura, which never runs or keeps them and reads
    JSON-LD metadata from scripts.
    """
    if not _NOSCRIPT.search(html):
        return html
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    for element in tree.xpath("//noscript"):
        element.drop_tree()
    return str(lxml_html.tostring(tree, encoding="unicode"))


def _lxml_text(html: str) -> tuple[str | None, str | None]:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None, None
    for element in tree.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    titles = tree.xpath("//title/text()")
    title = " ".join(str(titles[0]).split()) if titles else None
    bodies = tree.xpath("//body")
    root = bodies[0] if bodies else tree
    blocks = [" ".join(chunk.split()) for chunk in root.itertext()]
    text = "\n".join(block for block in blocks if block)
    return text or None, title or None
