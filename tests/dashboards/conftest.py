"""Fixtures for the report tests (helpers live in report_fixtures.py)."""

from report_fixtures import isolated_home, sample_reader

__all__ = ["isolated_home", "sample_reader"]
