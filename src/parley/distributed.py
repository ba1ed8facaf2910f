"""The Dask engine: the same units of work as the local pool, run on a Dask cluster.

``parley ingest --engine dask --scheduler tcp://HOST:8786`` sends each unit of inputs to a Dask
worker, which reads and extracts it (:class:`parley.pipeline.Worker`, one per worker process,
built on first use); this process stays the one writer, storing and linking each unit in one
transaction through the same store code as a local ingest, so the database (a shared PostgreSQL)
ends up the same.  Without a scheduler address a ``LocalCluster`` of ``processes`` worker
processes is started for the run.  At most ``2 × workers`` units are in flight.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from parley.config import Settings
from parley.errors import ConfigError
from parley.pipeline import Chunk, Unit, Worker

_WORKERS: dict[Settings, Worker] = {}


def work_on_dask(unit: Unit, settings: Settings) -> Chunk:
    """Runs on a Dask worker: read and extract one unit (the worker's extractor is reused)."""
    worker = _WORKERS.get(settings)
    if worker is None:
        worker = _WORKERS[settings] = Worker(settings)
    return worker(unit)


def run_dask(work: list[Unit], settings: Settings, scheduler: str | None = None) -> Iterator[Chunk]:
    """The units' chunks in input order, from a Dask cluster (a LocalCluster when no address)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError("--engine dask needs Dask: pip install 'parley[dask]'") from exc
    cluster: Any = None
    try:
        if scheduler:
            client = Client(scheduler)  # type: ignore[no-untyped-call]
        else:
            import dask

            # Fork the local workers from this process, which has imported Parley already
            # (spawned ones import it and spaCy afresh: seconds each, on every run).
            with dask.config.set({"distributed.worker.multiprocessing-method": "fork"}):
                cluster = LocalCluster(n_workers=max(settings.processes, 1), threads_per_worker=1,  # type: ignore[no-untyped-call]
                                       processes=True, dashboard_address=None)
            client = Client(cluster)  # type: ignore[no-untyped-call]
    except OSError as exc:
        raise ConfigError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from exc
    try:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        pending: deque[Any] = deque()
        for unit in work:
            pending.append(client.submit(work_on_dask, unit, settings, pure=False))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()
