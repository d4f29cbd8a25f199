"""Spider contracts (`scrapy check`), offline: `@fixture NAME` points a contract's request at
a small wire-format file of ours next to this module, fetched through `file://`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrapy.contracts import Contract

FIXTURES = Path(__file__).resolve().parent


class FixtureContract(Contract):
    """@fixture greenhouse_board.json"""

    name = "fixture"

    def adjust_request_args(self, args: dict[str, Any]) -> dict[str, Any]:
        args["url"] = (FIXTURES / self.args[0]).as_uri()
        return args
