"""`giclee serve --ray`: start (or join) a Ray cluster, deploy giclee on Ray Serve, serve HTTP until stopped."""

from __future__ import annotations

import ray
from ray import serve
from ray.serve.config import HTTPOptions

from giclee.config import Settings
from giclee.rayserve.deployments import APP_NAME, build_application


def serve_forever(settings: Settings) -> None:
    """Block until Ctrl-C, then take Serve down (and the cluster, when this call started it)."""
    # no address: a cluster of this machine alone, whose workers inherit this environment (GICLEE_*, PYTHONPATH)
    ray.init(address=settings.ray.address, include_dashboard=False)
    try:
        serve.start(http_options=HTTPOptions(host=settings.host, port=settings.port))
        serve.run(build_application(settings), name=APP_NAME, route_prefix="/", blocking=True)
    finally:
        serve.shutdown()
        ray.shutdown()
