"""The `archive` source: job postings of the past from public web archives (Common Crawl and
the Internet Archive's Wayback Machine), listed through their CDX indexes."""
