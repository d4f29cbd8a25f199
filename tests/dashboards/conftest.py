"""Fixtures for the report tests (helpers live in report_fixtures.py and market.py)."""

from report_fixtures import isolated_home, market_warehouse, sample_reader

__all__ = ["isolated_home", "market_warehouse", "sample_reader"]
