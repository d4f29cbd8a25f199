"""Fixtures for the report tests (helpers live in report_fixtures.py and market.py)."""

from report_fixtures import history_warehouse, isolated_home, market_warehouse, sample_reader

__all__ = ["history_warehouse", "isolated_home", "market_warehouse", "sample_reader"]
