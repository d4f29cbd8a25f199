"""The embedded demo boards: the demo market (market.py), the request/reply types a source's
demo renderer uses (http.py) and the loopback server that routes to the renderers
(server.py). Each source's wire format lives in its folder: scrapers/sources/<name>/demo.py."""
