"""The s3 result store against a real S3 server (SeaweedFS on loopback): presigned links, expiry, sweeping, outages."""

from __future__ import annotations

import calendar
import io
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from PIL import Image
from tests.conftest import CF_MODEL, WAIT, live_server, make_settings
from tests.seaweedfs import SeaweedS3, seaweedfs_s3

from giclee.config import S3Settings, Settings
from giclee.storage.s3 import S3ResultStore

pytestmark = pytest.mark.slow  # a SeaweedFS server, and links waited out to their expiry


@pytest.fixture(scope="session")
def seaweed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeaweedS3]:
    with seaweedfs_s3(tmp_path_factory.mktemp("seaweedfs")) as server:
        yield server


def bucket_settings(seaweed: SeaweedS3, **overrides: object) -> S3Settings:
    """A fresh prefix per test, so tests never see each other's objects."""
    values: dict[str, object] = {
        "endpoint_url": seaweed.endpoint_url,
        "bucket": seaweed.bucket,
        "access_key_id": seaweed.access_key_id,
        "secret_access_key": seaweed.secret_access_key,
        "prefix": f"test-{uuid.uuid4().hex[:8]}/",
        "addressing_style": "path",
    }
    return S3Settings.model_validate(values | overrides)


def s3_app_settings(tiny_model_dir: Path, data_dir: Path, seaweed: SeaweedS3, **overrides: object) -> Settings:
    s3 = overrides.pop("s3", None) or bucket_settings(seaweed)
    return make_settings(tiny_model_dir, data_dir, store="s3", s3=s3, **overrides)


def keys(seaweed: SeaweedS3, prefix: str) -> list[str]:
    listing = seaweed.client().list_objects_v2(Bucket=seaweed.bucket, Prefix=prefix)
    return [item["Key"] for item in listing.get("Contents", [])]


def errors_counted(base: str, code: str) -> float:
    line = f'giclee_errors_total{{code="{code}"}}'
    found = [row for row in httpx.get(f"{base}/metrics", timeout=WAIT).text.splitlines() if row.startswith(line)]
    return float(found[0].rsplit(" ", 1)[1]) if found else 0.0


def test_links_are_presigned_bucket_urls_that_download_the_png(
    tiny_model_dir: Path, tmp_path: Path, seaweed: SeaweedS3
) -> None:
    settings = s3_app_settings(tiny_model_dir, tmp_path, seaweed)
    with live_server(settings) as base:
        recraft = httpx.post(f"{base}/v1/images/generations", json={"prompt": "a red star", "n": 2}, timeout=120)
        unified = httpx.post(
            f"{base}/client/v4/accounts/a/ai/run", json={"model": CF_MODEL, "input": {"prompt": "a moon"}}, timeout=120
        )
    assert recraft.status_code == 200 and unified.status_code == 200, (recraft.text, unified.text)
    urls = [item["url"] for item in recraft.json()["data"]] + [unified.json()["result"]["image"]]
    for url in urls:
        assert url.startswith(f"{seaweed.endpoint_url}/{seaweed.bucket}/{settings.s3.prefix}")
        query = parse_qs(urlsplit(url).query)
        assert settings.result_ttl_s - 1 <= int(query["X-Amz-Expires"][0]) <= settings.result_ttl_s
        assert "X-Amz-Signature" in query
        answer = httpx.get(url, timeout=WAIT)  # straight from the bucket: the app is stopped by now
        assert answer.status_code == 200 and answer.headers["content-type"] == "image/png"
        assert Image.open(io.BytesIO(answer.content)).size == (2048, 2048)
    assert len(keys(seaweed, settings.s3.prefix)) == 3
    assert list(tmp_path.iterdir()) == []  # not even a signing key on local disk


def test_tampered_and_expired_links_get_403_from_s3(tiny_model_dir: Path, tmp_path: Path, seaweed: SeaweedS3) -> None:
    settings = s3_app_settings(tiny_model_dir, tmp_path, seaweed, result_ttl_s=3, sweep_interval_s=3600)
    with live_server(settings) as base:
        answer = httpx.post(f"{base}/v1/images/generations", json={"prompt": "a dot"}, timeout=120)
        url = answer.json()["data"][0]["url"]
        query = parse_qs(urlsplit(url).query)
        signature = query["X-Amz-Signature"][0]
        flipped = signature[:-1] + ("0" if signature[-1] != "0" else "1")
        assert httpx.get(url.replace(signature, flipped), timeout=WAIT).status_code == 403
        assert httpx.get(url, timeout=WAIT).status_code == 200
    signed_at = calendar.timegm(time.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ"))
    time.sleep(max(0.0, signed_at + int(query["X-Amz-Expires"][0]) + 1.1 - time.time()))
    expired = httpx.get(url, timeout=WAIT)
    assert expired.status_code == 403 and "expired" in expired.text
    assert keys(seaweed, settings.s3.prefix)  # refused by its signature, still stored: the sweeper's job, next


def test_sweep_deletes_only_expired_results_under_the_prefix(seaweed: SeaweedS3) -> None:
    bucket = bucket_settings(seaweed)
    store = S3ResultStore(bucket, ttl_s=60)
    stored = [store.put(b"\x89PNG fake", "png") for _ in range(3)]
    foreign = f"{bucket.prefix}notes.txt"  # not a result name: someone else's object, never ours to delete
    seaweed.client().put_object(Bucket=seaweed.bucket, Key=foreign, Body=b"keep me")
    outside = bucket_settings(seaweed)  # another service's prefix in the same bucket
    S3ResultStore(outside, ttl_s=60).put(b"other", "png")
    assert store.sweep() == 0
    assert store.sweep(now=time.time() + 62) == 3
    assert keys(seaweed, bucket.prefix) == [foreign]
    assert len(keys(seaweed, outside.prefix)) == 1
    store.delete(stored[0])  # deleting what is gone already is not an error


def test_the_server_sweeper_deletes_expired_objects(tiny_model_dir: Path, tmp_path: Path, seaweed: SeaweedS3) -> None:
    settings = s3_app_settings(tiny_model_dir, tmp_path, seaweed, result_ttl_s=1, sweep_interval_s=0.2)
    with live_server(settings) as base:
        assert httpx.post(f"{base}/v1/images/generations", json={"prompt": "a dot"}, timeout=120).status_code == 200
        deadline = time.monotonic() + 10
        while keys(seaweed, settings.s3.prefix) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert keys(seaweed, settings.s3.prefix) == []


def test_unreachable_or_missing_bucket_gives_503_and_the_service_recovers(
    tiny_model_dir: Path, tmp_path: Path, seaweed: SeaweedS3
) -> None:
    missing = f"absent-{uuid.uuid4().hex[:8]}"
    settings = s3_app_settings(tiny_model_dir, tmp_path, seaweed, s3=bucket_settings(seaweed, bucket=missing))
    with live_server(settings) as base:
        before = errors_counted(base, "storage_failed")
        started = time.monotonic()
        recraft = httpx.post(f"{base}/v1/images/generations", json={"prompt": "a dot"}, timeout=120)
        assert recraft.status_code == 503 and recraft.headers["retry-after"]
        assert recraft.json() == {
            "code": "storage_failed",
            "message": "storing the result in the object store failed: NoSuchBucket",
        }
        classic = httpx.post(f"{base}/client/v4/accounts/a/ai/run/{CF_MODEL}", json={"prompt": "a dot"}, timeout=120)
        assert classic.status_code == 503 and classic.json()["success"] is False
        assert classic.json()["errors"][0]["code"] == 3000 and "object store" in classic.json()["errors"][0]["message"]
        assert time.monotonic() - started < 30  # an answer, not a hang
        assert errors_counted(base, "storage_failed") - before == 2
        seaweed.client().create_bucket(Bucket=missing)
        recovered = httpx.post(f"{base}/v1/images/generations", json={"prompt": "a dot"}, timeout=120)
        assert recovered.status_code == 200 and httpx.get(
            recovered.json()["data"][0]["url"], timeout=WAIT
        ).status_code == 200

    closed = bucket_settings(seaweed, endpoint_url="http://127.0.0.1:9", timeout_s=2)  # discard port: nothing listens
    with live_server(s3_app_settings(tiny_model_dir, tmp_path, seaweed, s3=closed)) as base:
        answer = httpx.post(f"{base}/v1/images/generations", json={"prompt": "a dot"}, timeout=120)
        assert answer.status_code == 503 and "EndpointConnectionError" in answer.json()["message"]
        assert httpx.get(f"{base}/ping", timeout=WAIT).status_code == 200


def test_s3_settings_are_checked_at_load(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match=r"needs s3\.bucket"):
        Settings(store="s3")
    with pytest.raises(ValueError, match="at most 604800"):
        Settings(store="s3", s3={"bucket": "b"}, result_ttl_s=8 * 86400)
    monkeypatch.setenv("GICLEE_STORE", "s3")
    monkeypatch.setenv("GICLEE_S3__BUCKET", "results")
    monkeypatch.setenv("GICLEE_S3__SECRET_ACCESS_KEY", "hidden")
    settings = Settings()
    assert settings.s3.bucket == "results" and "hidden" not in repr(settings)
