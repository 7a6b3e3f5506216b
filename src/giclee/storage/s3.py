"""Results as objects in an S3-compatible bucket; clients download them straight from it by presigned URL."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from giclee.config import S3Settings
from giclee.contract.request import MEDIA_TYPES, ImageFormat
from giclee.storage.base import RESULT_NAME, StorageError, StoredFile, new_result_name

log = logging.getLogger(__name__)
_DELETE_BATCH = 1000  # DeleteObjects' limit


def _failed(action: str, exc: BotoCoreError | ClientError) -> StorageError:
    """S3's error code (NoSuchBucket, AccessDenied) or the transport's (EndpointConnectionError), no keys."""
    reason = exc.response.get("Error", {}).get("Code", "error") if isinstance(exc, ClientError) else type(exc).__name__
    return StorageError(f"{action} in the object store failed: {reason}")


class S3ResultStore:
    """One object per result under `prefix`; the presigned GET URL lives as long as the object, `ttl_s`.

    giclee never sees the downloads, so zero retention cannot mean "deleted at first download" here: the
    object stays fetchable by its URL until it expires, then the sweeper deletes it (listing the prefix, as
    no bucket lifecycle rule acts within seconds). What zero retention does add is `Cache-Control:
    no-store` on each object, so browsers and proxies keep no copy.
    """

    def __init__(self, settings: S3Settings, *, ttl_s: int, zero_retention: bool = False) -> None:
        self.bucket = settings.bucket
        self.prefix = settings.prefix
        self.ttl_s = ttl_s
        self.zero_retention = zero_retention
        self.client = boto3.session.Session().client(
            "s3",
            endpoint_url=settings.endpoint_url,
            region_name=settings.region,
            aws_access_key_id=settings.access_key_id.get_secret_value() if settings.access_key_id else None,
            aws_secret_access_key=(
                settings.secret_access_key.get_secret_value() if settings.secret_access_key else None
            ),
            # Short timeouts and one retry: a request waiting on an unreachable bucket fails in seconds, not minutes.
            config=Config(
                signature_version="s3v4",
                connect_timeout=settings.timeout_s,
                read_timeout=settings.timeout_s,
                retries={"max_attempts": 2, "mode": "standard"},
                s3={"addressing_style": settings.addressing_style},
            ),
        )
        if zero_retention:
            log.warning("zero_retention with the s3 store: objects are deleted when they expire, not at first download")

    def put(self, data: bytes, extension: str) -> StoredFile:
        stored = StoredFile(name=new_result_name(extension), expires=int(time.time()) + self.ttl_s)
        cache = "no-store" if self.zero_retention else f"private, max-age={self.ttl_s}"
        try:
            self.client.put_object(
                Bucket=self.bucket,
                Key=self.prefix + stored.name,
                Body=data,
                ContentType=MEDIA_TYPES[ImageFormat(extension)],
                CacheControl=cache,
            )
        except (BotoCoreError, ClientError) as exc:
            raise _failed("storing the result", exc) from exc
        return stored

    def url(self, stored: StoredFile, base_url: str) -> str:
        """A presigned GET on the bucket (signed locally, no request); `base_url` is not used."""
        try:
            return self.client.generate_presigned_url(
                "get_object",
                Params={"Bucket": self.bucket, "Key": self.prefix + stored.name},
                ExpiresIn=max(1, stored.expires - int(time.time())),
            )
        except BotoCoreError as exc:  # e.g. no credentials found
            raise _failed("signing the result's link", exc) from exc

    def read(self, name: str, expires: int, signature: str) -> None:
        """Nothing is served from `/files`: links point at the bucket."""
        return None

    def delete(self, stored: StoredFile) -> None:
        try:
            self.client.delete_object(Bucket=self.bucket, Key=self.prefix + stored.name)
        except (BotoCoreError, ClientError) as exc:
            raise _failed("deleting the result", exc) from exc

    def sweep(self, now: float | None = None) -> int:
        """Delete this service's objects (result names under the prefix) older than the TTL."""
        now = time.time() if now is None else now
        removed = 0
        try:
            expired = list(self._expired_keys(now))
            for start in range(0, len(expired), _DELETE_BATCH):
                keys = expired[start : start + _DELETE_BATCH]
                answer = self.client.delete_objects(
                    Bucket=self.bucket, Delete={"Objects": [{"Key": key} for key in keys], "Quiet": True}
                )
                removed += len(keys) - len(answer.get("Errors", []))
        except (BotoCoreError, ClientError) as exc:
            raise _failed("deleting expired results", exc) from exc
        return removed

    def _expired_keys(self, now: float) -> Iterator[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix)
        for page in pages:
            for item in page.get("Contents", []):
                ours = RESULT_NAME.match(item["Key"][len(self.prefix) :])
                if ours and item["LastModified"].timestamp() + self.ttl_s <= now:
                    yield item["Key"]
