"""A DuckLake whose data path is an S3 bucket (moto's S3 server on 127.0.0.1, tests/conftest.py):
the data files are objects in the bucket, readers read them and nothing else, `maintain`
cleans the bucket, and a data path or credentials that cannot work are one line.
(The store module also runs every one of its tests on this target.)"""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from promptjobs.settings import Settings, load_settings
from warehouse.lake import LakeTargetError
from warehouse.maintenance import maintain


@pytest.fixture
def s3_settings(
    tmp_path: Path, s3_lake: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> Settings:
    monkeypatch.chdir(tmp_path)  # no stray promptjobs.toml from the repo
    return load_settings({"home": tmp_path / "home", **s3_lake}, environ={})


def _bucket(settings: Settings) -> str:
    return settings.lake_data_target.removeprefix("s3://").split("/", 1)[0]


def test_a_refresh_writes_its_data_files_to_the_bucket_and_readers_read_them(
    s3_settings: Settings, s3_server, kit: SimpleNamespace, tmp_path: Path
) -> None:
    landing = kit.landing(s3_settings.landing_dir)
    landing.write(
        "greenhouse",
        "2026-10-01",
        [kit.item("greenhouse", str(i), title=f"Prompt Engineer {i}") for i in range(40)],
    )
    summary = kit.refresh(s3_settings)
    assert summary.new_postings == 40
    warehouse = s3_settings.open_warehouse()
    once = kit.snapshot(warehouse)
    assert kit.refresh(s3_settings).new_postings == 0
    assert kit.snapshot(warehouse) == once, "a second refresh changes nothing"
    maintain(warehouse)  # the refresh's small inserts, inlined in the catalog, to Parquet

    keys = s3_server.keys(_bucket(s3_settings))
    assert any(k.startswith("data/main/postings/") and k.endswith(".parquet") for k in keys)
    assert not list((tmp_path / "home").rglob("*.parquet")), "no data file on local disk"
    with warehouse.reader() as con:
        assert con.sql("select count(*) from postings").fetchall() == [(40,)]
        assert con.sql("select count(*) from posting_facts").fetchall() == [(40,)]


def test_a_reader_cannot_read_another_bucket(
    s3_settings: Settings, s3_server, kit: SimpleNamespace
) -> None:
    kit.refresh(s3_settings)
    other = s3_server.new_bucket()
    parquet = io.BytesIO()
    pq.write_table(pa.table({"answer": [42]}), parquet)
    s3_server.client().put_object(Bucket=other, Key="secret.parquet", Body=parquet.getvalue())
    with s3_settings.open_warehouse().reader() as reader:
        assert reader.sql("select count(*) from postings").fetchall() == [(0,)]
        with pytest.raises(duckdb.Error, match="Permission Error"):
            reader.sql(f"select * from read_parquet('s3://{other}/secret.parquet')").fetchall()


def test_maintain_removes_an_orphaned_object_and_keeps_the_data(
    s3_settings: Settings, s3_server, kit: SimpleNamespace
) -> None:
    landing = kit.landing(s3_settings.landing_dir)
    jobs = [kit.item("greenhouse", str(i), title=f"Prompt Engineer {i}") for i in range(6)]
    warehouse = s3_settings.open_warehouse()
    landing.write("greenhouse", "2026-10-01", jobs[:4])
    kit.refresh(s3_settings)
    assert maintain(warehouse).rows_flushed > 0  # last week's files, to merge with this week's
    landing.write("greenhouse", "2026-10-08", jobs[2:])
    kit.refresh(s3_settings)
    before = kit.snapshot(warehouse)
    bucket = _bucket(s3_settings)
    orphan = "data/main/postings/left-by-a-killed-writer.parquet"
    s3_server.client().put_object(Bucket=bucket, Key=orphan, Body=b"PAR1" * 256)

    first = maintain(warehouse, retention_days=0)
    assert first.files_merged > first.files_merged_into > 0
    assert orphan in s3_server.keys(bucket), "a fresh orphan waits for the grace period"
    second = maintain(warehouse, retention_days=0, grace=timedelta(0))
    assert second.orphans_removed == 1 and second.old_files_removed >= first.files_merged
    assert second.bytes_removed is None  # not measured on object storage
    assert orphan not in s3_server.keys(bucket)
    assert kit.snapshot(warehouse) == before


def test_a_data_path_of_another_scheme_is_one_line(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "home": tmp_path,
            "warehouse": f"ducklake:sqlite:{tmp_path / 'c.sqlite'}",
            "lake_data_path": "gs://bucket/lake/",
        },
        environ={},
    )
    with pytest.raises(LakeTargetError) as err:
        settings.open_warehouse()
    assert str(err.value) == (
        "lake data path 'gs://bucket/lake/': write a local folder or s3://<bucket>/<prefix>/ "
        "(an S3-compatible store: set lake_s3_endpoint too)"
    )


def test_no_credentials_is_one_line_that_says_where_they_come_from(
    s3_settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.aws files
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")  # no machine role here
    with pytest.raises(LakeTargetError) as err, s3_settings.open_warehouse().writer():
        pass
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(
        f"cannot reach the lake data path {s3_settings.lake_data_target}: no AWS credentials found"
    )
    assert "AWS_ACCESS_KEY_ID" in message
