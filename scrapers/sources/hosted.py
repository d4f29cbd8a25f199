"""Families whose boards live on one host per employer (`acme.recruitee.com`): the base URL
of a board, from the registry's `{board}` template or a mirror."""

from __future__ import annotations


def hosted_base(api_base: str, board: str) -> str:
    """`https://{board}.recruitee.com` -> `https://acme.recruitee.com`; a mirror or replay
    server without `{board}` (demo, tests, `--api-base`) serves each board under
    `{api_base}/{board}`, as one host stands in for many."""
    if "{board}" in api_base:
        return api_base.replace("{board}", board).rstrip("/")
    return f"{api_base.rstrip('/')}/{board}"
