"""The `archive` source: job postings of the past from public web archives (Common Crawl and
the Internet Archive's Wayback Machine), listed month by month through their CDX indexes and
landed by `promptjobs backfill` (never by `crawl`, `crawl all` or the daily refresh).

    cdx.py        the two CDX APIs as plain functions (answers decoded by cdx-toolkit)
    patterns.py   which archived URLs are ATS job pages: ATS family, board, the live job id
    parse.py      postings from a captured page (JSON-LD, else the page's HTML); WARC records
    spider.py     ArchiveSpider: list, choose, fetch (WARC range / raw Wayback capture)
    landing.py    landing files per archive, month and capture date; what landed (resume)
    run.py        backfill(): the spider in one crawl child process
    replay.py     ArchiveReplay: a loopback archive speaking both CDX APIs and WARC ranges
    demo.py       job pages in each ATS's page shape (for the replay archive, tests, benchmark)
"""

from scrapers.sources import Politeness, SourceInfo

SOURCE = SourceInfo(
    name="archive",
    kind="archive",
    # The ATS's own schema.org data as an archive captured it: structured, but older than a
    # live crawl of the same job (which wins the canonical row).
    dedupe_priority=1,
    # About one request a second, one at a time, per archive host (Common Crawl's index
    # guidance); the data host and the Wayback Machine get their own rates from cdx-toolkit's
    # intervals (spider.POLITE_SLOTS).
    politeness=Politeness(delay_s=1.0, per_host_concurrency=1),
    terms_url="https://commoncrawl.org/terms-of-use",
)
