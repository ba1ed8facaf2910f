"""Load test of ``parley serve``: N concurrent clients on loopback, a fixed number of requests.

Starts a real server (uvicorn, as a user would) on a stored database, then sends ``--requests``
requests to each endpoint from ``--clients`` concurrent clients (one endpoint after another, so
each figure is that endpoint's own), and prints per endpoint: requests/s, p50/p95/p99 latency and
errors (connection errors and any status other than 200), plus the server's RSS before and after.

    .venv/bin/python benchmarks/load.py --db parley.db --clients 20 --requests 400
    .venv/bin/python benchmarks/load.py --db postgresql://... --clients 50 --requests 500

Timings are measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ENDPOINTS = [
    "/", "/engagements", "/documents", "/people", "/search?q=minister",
    "/api/events?limit=50", "/api/documents?limit=50", "/api/engagements?limit=50", "/api/people?limit=50",
    "/api/search?q=trade", "/api/events?country=CHN&type=CALL", "/export/events.csv",
]


@dataclass
class Result:
    path: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    kinds: dict[str, int] = field(default_factory=dict)

    def error(self, kind: str) -> None:
        self.errors += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _hammer(base: str, path: str, clients: int, requests: int) -> Result:
    result = Result(path)
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(requests):
        queue.put_nowait(n)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def worker() -> None:
            while True:
                try:
                    queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                start = time.perf_counter()
                try:
                    r = await client.get(path)
                    if r.status_code != 200:
                        result.error(f"HTTP {r.status_code}")
                except httpx.HTTPError as exc:
                    result.error(type(exc).__name__)
                result.latencies.append(time.perf_counter() - start)

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        result.seconds = time.perf_counter() - start
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a stored Parley database (SQLite path or postgresql:// URL)")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    parser.add_argument("--requests", type=int, default=400, help="requests per endpoint (default 400)")
    parser.add_argument("--endpoints", nargs="*", default=ENDPOINTS, help="paths to load (default: the main pages)")
    args = parser.parse_args()

    parley = str(Path(sys.executable).with_name("parley"))
    port = _free_port()
    log = tempfile.NamedTemporaryFile("w+", prefix="parley-load-", suffix=".log", delete=False)  # noqa: SIM115
    server = subprocess.Popen([parley, "serve", "--db", args.db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=log, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/api/events?limit=1", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise SystemExit("server did not start: " + Path(log.name).read_text()[-2000:])
        rss_before = _rss_mib(server.pid)
        print(f"server pid {server.pid}, database {args.db}, {args.clients} clients, "
              f"{args.requests} requests per endpoint, {os.cpu_count()} cores")
        print(f"{'endpoint':36} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
        total_errors = 0
        for path in args.endpoints:
            r = asyncio.run(_hammer(base, path, args.clients, args.requests))
            total_errors += r.errors
            ms = [x * 1000 for x in r.latencies]
            kinds = ", ".join(f"{k} x{n}" for k, n in sorted(r.kinds.items()))
            print(f"{path[:36]:36} {len(ms) / r.seconds:8.1f} {statistics.median(ms):8.0f} "
                  f"{_percentile(ms, 0.95):8.0f} {_percentile(ms, 0.99):8.0f} {r.errors:7d}  {kinds}")
        print(f"server RSS: {rss_before:.0f} MiB before, {_rss_mib(server.pid):.0f} MiB after; "
              f"errors in all: {total_errors}")
        if total_errors:
            print("server log (last lines):\n" + "\n".join(Path(log.name).read_text().splitlines()[-8:]))
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
