"""A list of places that each carry a country-code prefix: every place is read alone, so
"CA-Toronto" in a list stays Canada (read whole it would be California's)."""

from __future__ import annotations

import pytest

from transforms.location import normalise_location


@pytest.mark.parametrize(
    ("raw", "country", "countries"),
    [
        ("IN - Pune / CA-Montreal", "IN", ["IN", "CA"]),
        ("DE-Munich; FR-Lyon", "DE", ["DE", "FR"]),
        ("GB-Leeds | IE-Cork | GB-Leeds", "GB", ["GB", "IE"]),
        ("CA-Vancouver or US-Seattle, WA", "CA", ["CA", "US"]),
        ("IN - Pune", "IN", ["IN"]),  # one place: unchanged
    ],
)
def test_every_prefixed_place_of_a_list_keeps_its_country(
    raw: str, country: str, countries: list[str]
) -> None:
    found = normalise_location(raw)
    assert (found["country"], found["countries"]) == (country, countries)
    assert found["raw"] == raw
