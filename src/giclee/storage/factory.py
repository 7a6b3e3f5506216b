"""The result store the settings ask for."""

from __future__ import annotations

import secrets

from giclee.config import Settings
from giclee.storage.base import ResultStore
from giclee.storage.local import LocalResultStore
from giclee.storage.memory import MemoryResultStore
from giclee.storage.signing import UrlSigner, load_or_create_key


def _signer(settings: Settings) -> UrlSigner:
    """The configured key; else one kept in data_dir so links survive a restart, except for the memory store,
    whose results do not survive one: its key stays in memory, so it writes nothing to disk at all."""
    if settings.signing_key:
        return UrlSigner(settings.signing_key.get_secret_value().encode())
    if settings.store == "memory":
        return UrlSigner(secrets.token_bytes(32))
    return UrlSigner(load_or_create_key(settings.data_dir / "signing.key"))


def build_store(settings: Settings) -> ResultStore:
    ttl_s, zero_retention = settings.result_ttl_s, settings.zero_retention
    if settings.store == "s3":
        try:
            from giclee.storage.s3 import S3ResultStore
        except ImportError as exc:
            raise RuntimeError("store = 's3' needs boto3: pip install 'giclee[s3]'") from exc
        return S3ResultStore(settings.s3, ttl_s=ttl_s, zero_retention=zero_retention)
    if settings.store == "memory":
        return MemoryResultStore(
            _signer(settings), ttl_s=ttl_s, max_bytes=settings.memory_store_max_bytes, zero_retention=zero_retention
        )
    root = settings.data_dir / "results"
    return LocalResultStore(root, _signer(settings), ttl_s=ttl_s, zero_retention=zero_retention)
