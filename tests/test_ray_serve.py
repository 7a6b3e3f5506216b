"""`giclee serve --ray` on a real local Ray cluster (CPU): the same app and errors, two engine replicas.

One Ray cluster and one Serve application for the whole module (starting them costs ~20-40 s here).
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from tests.conftest import CF_MODEL, RECRAFT_MODEL, WAIT, make_settings
from tests.seaweedfs import seaweedfs_s3

from giclee.config import ModelSpec, Settings

ray = pytest.importorskip("ray")
serve = pytest.importorskip("ray.serve")
pytestmark = pytest.mark.slow  # a Ray cluster per module: a minute and more

SLOW = "slow"
"""The same tiny weights at more steps (~0.5 s a request here), so that requests pile up."""
STUCK = "stuck"
"""The same tiny weights at many steps and a larger size: minutes uncancelled, far past TIMEOUT_S."""
TIMEOUT_S = 30
"""Long enough for a burst's last admitted request on a loaded 2-core machine; short against STUCK."""
RETRY_AFTER = 3
REPLICA_PREFIX = "SERVE_REPLICA::giclee#EngineReplica#"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class RayServer:
    url: str
    settings: Settings
    bucket_url: str


@pytest.fixture(scope="module")  # one cluster for every Ray test, gone before the rest of the suite runs
def ray_server(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RayServer]:
    """Two engine replicas (half a CPU each) behind the giclee ingress, HTTP on a free loopback port.

    Results go to a real S3 server (SeaweedFS): the store the ingress replica builds from the settings it is sent.
    """
    from giclee.rayserve.deployments import APP_NAME, build_application

    models = [
        ModelSpec(name=RECRAFT_MODEL, aliases=[CF_MODEL], source=str(tiny_model_dir)),
        ModelSpec(name=SLOW, source=str(tiny_model_dir), steps=30),
        ModelSpec(name=STUCK, source=str(tiny_model_dir), steps=500, native_resolution=256),
    ]
    with seaweedfs_s3(tmp_path_factory.mktemp("ray-seaweedfs")) as seaweed:
        s3 = {
            "endpoint_url": seaweed.endpoint_url,
            "bucket": seaweed.bucket,
            "access_key_id": seaweed.access_key_id,
            "secret_access_key": seaweed.secret_access_key,
            "prefix": "ray/",
            "addressing_style": "path",
        }
        settings = make_settings(
            tiny_model_dir,
            tmp_path_factory.mktemp("ray-data"),
            models=models,
            queue_depth=4,
            retry_after_s=RETRY_AFTER,
            request_timeout_s=TIMEOUT_S,
            store="s3",
            s3=s3,
            ray={"replicas": 2, "replica_cpus": 0.5},
        )
        # the workers of a local cluster inherit this environment (PYTHONPATH too), so they import this checkout
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        try:
            port = _free_port()
            serve.start(http_options={"host": "127.0.0.1", "port": port})
            serve.run(build_application(settings), name=APP_NAME, route_prefix="/")
            yield RayServer(f"http://127.0.0.1:{port}", settings, f"{seaweed.endpoint_url}/{seaweed.bucket}/ray/")
        finally:
            serve.shutdown()
            ray.shutdown()


def _post(client: httpx.Client | httpx.AsyncClient, base: str, i: int, model: str | None = None) -> object:
    """Alternate the Cloudflare unified and Recraft routes; returns the (awaitable) response."""
    if i % 2:
        body = {"model": model or CF_MODEL, "input": {"prompt": f"shape {i}", "size": "1:1"}}
        return client.post(f"{base}/client/v4/accounts/a/ai/run", json=body)
    return client.post(f"{base}/v1/images/generations", json={"prompt": f"shape {i}", "size": "1:1", "model": model})


def _burst(base: str, count: int, model: str | None = None) -> list[httpx.Response]:
    async def run() -> list[httpx.Response]:
        async with httpx.AsyncClient(timeout=120, limits=httpx.Limits(max_connections=count)) as client:
            return await asyncio.gather(*(_post(client, base, i, model) for i in range(count)))  # type: ignore[misc]

    return asyncio.run(run())


def _engine_replicas() -> set[str]:
    names = [actor["name"] for actor in ray.util.list_named_actors(all_namespaces=True)]
    return {name for name in names if name.startswith(REPLICA_PREFIX)}


def _replaced(killed: set[str]) -> bool:
    """Two new replicas in place of the killed ones (dead actors leave the name list), both running."""
    deployment = serve.status().applications["giclee"].deployments["EngineReplica"]
    running = deployment.replica_states.get("RUNNING", 0)
    return len(_engine_replicas() - killed) == 2 and deployment.status == "HEALTHY" and running == 2


def test_two_replicas_share_concurrent_requests(ray_server: RayServer) -> None:
    # well under what the ingress admits (2 replicas x (1 running + queue_depth waiting)): no 429
    responses = _burst(ray_server.url, 4)
    assert [r.status_code for r in responses] == [200] * 4, [r.text for r in responses]
    replicas = {r.headers["x-giclee-replica"] for r in responses}
    assert len(replicas) == 2, replicas
    assert {REPLICA_PREFIX + replica for replica in replicas} == _engine_replicas()
    urls = [r.json()["result"]["image"] if i % 2 else r.json()["data"][0]["url"] for i, r in enumerate(responses)]
    assert len(set(urls)) == 4
    assert all(url.startswith(ray_server.bucket_url) for url in urls)  # the ingress replica uploaded them
    assert all(httpx.get(url, timeout=WAIT).status_code == 200 for url in urls)
    assert list(ray_server.settings.data_dir.iterdir()) == []  # nothing on local disk, not even a signing key
    assert httpx.get(
        f"{ray_server.url}/status", timeout=WAIT
    ).json() == {"service": True, "generation": True, "queue_depth": 0}


def test_full_queues_answer_429_with_retry_after_in_the_routes_shape(ray_server: RayServer) -> None:
    # 2 replicas x (1 running + 4 waiting) are admitted: the rest are refused at once
    responses = _burst(ray_server.url, 16, SLOW)
    statuses = [r.status_code for r in responses]
    assert set(statuses) <= {200, 429}, statuses
    assert statuses.count(200) >= 2 and statuses.count(429) >= 6, statuses  # 10 at most are admitted at once
    for i, response in enumerate(responses):
        if response.status_code != 429:
            continue
        assert response.headers["retry-after"] == str(RETRY_AFTER)
        if i % 2:
            assert response.json() == {
                "state": "Failed",
                "error": {"code": 3040, "message": "Out of capacity: too many requests are queued, retry later"},
            }
        else:
            assert response.json()["code"] == "too_many_requests"


def test_background_job_runs_on_a_replica_and_is_polled_to_its_image(ray_server: RayServer) -> None:
    url = f"{ray_server.url}/client/v4/accounts/a/ai/run/{SLOW}?queueRequest=true"
    queued = httpx.post(url, json={"prompt": "a red star", "size": "1:1"}, timeout=WAIT)
    assert queued.status_code == 200, queued.text
    job = queued.json()["result"]
    assert job["status"] == "queued"
    seen = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        poll = httpx.post(url, json={"request_id": job["request_id"]}, timeout=WAIT)
        if "image" in poll.json()["result"]:
            break
        seen.add(poll.json()["result"]["status"])
        time.sleep(0.05)
    assert "running" in seen  # the replica reported the start of the job (on_start)
    assert poll.status_code == 200 and poll.headers["x-giclee-replica"]
    assert httpx.get(poll.json()["result"]["image"], timeout=WAIT).status_code == 200


def test_client_gone_or_timeout_cancels_the_job_on_its_replica(ray_server: RayServer) -> None:
    base = ray_server.url

    async def cancel_two_then_ask_two() -> list[httpx.Response]:
        # one stuck job per replica: one client gives up (disconnect), the other waits for the server's timeout
        async with httpx.AsyncClient(timeout=1.5) as impatient, httpx.AsyncClient(timeout=60) as patient:
            gone, timed_out = await asyncio.gather(
                _post(impatient, base, 0, STUCK),  # type: ignore[arg-type]
                _post(patient, base, 1, STUCK),  # type: ignore[arg-type]
                return_exceptions=True,
            )
        assert isinstance(gone, httpx.TimeoutException)
        assert isinstance(timed_out, httpx.Response) and timed_out.status_code == 408
        assert timed_out.json()["error"] == {"code": 3007, "message": f"generation took longer than {TIMEOUT_S}.0 s"}
        async with httpx.AsyncClient(timeout=60) as client:
            return await asyncio.gather(*(_post(client, base, i) for i in range(2)))  # type: ignore[misc]

    started = time.monotonic()
    answers = asyncio.run(cancel_two_then_ask_two())
    assert [r.status_code for r in answers] == [200, 200]
    # two at once land on two replicas only if both are free: a stuck job left running holds one for minutes
    assert len({r.headers["x-giclee-replica"] for r in answers}) == 2
    assert time.monotonic() - started < TIMEOUT_S + 10


def test_replica_killed_mid_request_fails_that_job_then_serve_recovers(ray_server: RayServer) -> None:
    base = ray_server.url
    killed = _engine_replicas()
    assert len(killed) == 2
    with httpx.Client(timeout=60) as client:

        async def kill_during_request() -> httpx.Response:
            async with httpx.AsyncClient(timeout=60) as aclient:
                request = asyncio.ensure_future(_post(aclient, base, 1, STUCK))  # type: ignore[arg-type]
                await asyncio.sleep(2)  # assigned, loading the model or denoising (tens of seconds in all)
                assert not request.done()
                for name in killed:
                    ray.kill(ray.get_actor(name, namespace="serve"), no_restart=True)
                return await request

        started = time.monotonic()
        failed = asyncio.run(kill_during_request())
        assert time.monotonic() - started < 30  # no hang
        assert failed.status_code == 500, failed.text
        assert failed.json()["state"] == "Failed" and failed.json()["error"]["code"] == 3000
        assert failed.json()["error"]["message"].startswith("generation failed: engine replica lost")
        deadline = time.monotonic() + 150
        while not _replaced(killed) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _replaced(killed), "Serve did not bring up new replicas within 150 s"
        answer = client.post(f"{base}/v1/images/generations", json={"prompt": "after", "size": "1:1"})
        assert answer.status_code == 200, answer.text
        assert REPLICA_PREFIX + answer.headers["x-giclee-replica"] not in killed


def test_deployment_options_follow_the_settings(tiny_model_dir: Path, tmp_path: Path) -> None:
    from ray.serve.config import AutoscalingConfig

    from giclee.rayserve.deployments import engine_options, replica_ceiling

    settings = make_settings(tiny_model_dir, tmp_path, queue_depth=3)
    on_gpus = engine_options(settings, cluster_gpus=4)
    assert on_gpus["ray_actor_options"] == {"num_cpus": 1.0, "num_gpus": 1}
    assert on_gpus["num_replicas"] == 4 and on_gpus["max_ongoing_requests"] == 1  # one replica per GPU
    assert engine_options(settings, cluster_gpus=0)["ray_actor_options"] == {"num_cpus": 1.0}
    assert replica_ceiling(settings, cluster_gpus=0) == 1
    scaling = make_settings(tiny_model_dir, tmp_path, ray={"autoscaling": True, "min_replicas": 0, "max_replicas": 3})
    options = engine_options(scaling, cluster_gpus=8)
    assert "num_replicas" not in options and replica_ceiling(scaling, cluster_gpus=8) == 3
    config = options["autoscaling_config"]
    assert isinstance(config, AutoscalingConfig)
    assert (config.min_replicas, config.max_replicas, config.target_ongoing_requests) == (0, 3, 1.0)
