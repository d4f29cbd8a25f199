"""Spider contracts (`scrapy check`), offline: `@fixture NAME` points a contract's request at
a small wire-format file of ours in the spider's source folder (`tests/fixtures/NAME`),
fetched through `file://`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from scrapy.contracts import Contract


def fixtures_dir(spider: Any) -> Path:
    """`scrapers/sources/<name>/tests/fixtures/` of the spider's source folder."""
    module = sys.modules[type(spider).__module__]
    return Path(str(module.__file__)).resolve().parent / "tests" / "fixtures"


class FixtureContract(Contract):
    """@fixture greenhouse_board.json"""

    name = "fixture"

    def __init__(self, method: Any, *args: Any) -> None:
        super().__init__(method, *args)
        self.spider = method.__self__

    def adjust_request_args(self, args: dict[str, Any]) -> dict[str, Any]:
        args["url"] = (fixtures_dir(self.spider) / self.args[0]).as_uri()
        return args
