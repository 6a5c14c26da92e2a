from datetime import UTC, datetime

from rashomon.ingest.feeds import read_feed
from rashomon.model import RawDocument

RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Town Gazette</title>
<item><title>Council keeps library</title>
<link>https://gazette.example/library</link>
<guid>lib-1</guid><pubDate>Tue, 02 May 2023 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The council voted on Monday to keep the library open.&lt;/p&gt;</description>
</item>
<item><title>Empty</title><guid>e-2</guid></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><id>urn:1</id><title>Port reopens</title><updated>2023-06-01T08:00:00Z</updated>
<content type="html">&lt;p&gt;The port reopened after a week.&lt;/p&gt;</content></entry></feed>"""

NOW = datetime(2024, 1, 1, tzinfo=UTC)


def test_rss_entries_become_documents():
    good, empty = list(read_feed("feed.rss", RSS, "h", NOW))
    assert isinstance(good, RawDocument)
    assert good.input == "feed.rss#lib-1"
    assert (good.title, good.outlet, good.published) == (
        "Council keeps library",
        "Town Gazette",
        "2023-05-02",
    )
    assert good.url == "https://gazette.example/library"
    assert "keep the library open" in good.html
    assert empty.status == "failed" and empty.reason.startswith("E201")
    assert good.encoding == "utf-8"


def test_atom_content():
    (doc,) = list(read_feed("wire.atom", ATOM, "h", NOW))
    assert doc.input == "wire.atom#urn:1" and doc.published == "2023-06-01"
    assert "port reopened" in doc.html
