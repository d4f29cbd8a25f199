"""One spider per source; `SPIDERS` maps each source name to its spider class."""
