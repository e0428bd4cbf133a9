"""A lean HTTP/1.1 load generator for the inbound benchmark: keep-alive connections over raw
asyncio streams, requests built before the clock starts, so the client costs little beside what
it measures."""

import asyncio
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode


def form_request(host: str, path: str, form: dict[str, str], headers: dict[str, str]) -> bytes:
    """One POST of a urlencoded form, ready to write to a kept-alive connection."""
    body = urlencode(form).encode()
    lines = [
        f"POST {path} HTTP/1.1",
        f"Host: {host}",
        "Content-Type: application/x-www-form-urlencoded",
        f"Content-Length: {len(body)}",
        *(f"{name}: {value}" for name, value in headers.items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


@dataclass(frozen=True)
class Run:
    """What one load run measured."""

    answered: int
    seconds: float
    latencies: list[float]
    statuses: dict[int, int]

    @property
    def per_second(self) -> float:
        return self.answered / self.seconds

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0

    def line(self) -> str:
        return (
            f"{self.per_second:8,.0f} answers/s  p50 {self.percentile(0.5) * 1000:6.1f} ms  "
            f"p99 {self.percentile(0.99) * 1000:6.1f} ms  ({self.answered:,} in {self.seconds:.1f} s"
            f"{'' if set(self.statuses) == {200} else f', statuses {self.statuses}'})"
        )


async def _exchange(reader, writer, request: bytes) -> int:
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(
        (int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length")),
        0,
    )
    if length:
        await reader.readexactly(length)
    return status


async def _closed_loop(
    addresses: Sequence[tuple[str, int]],
    requests: Sequence[bytes],
    connections: int,
    seconds: float,
) -> Run:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    taken = iter(range(len(requests)))
    began = time.perf_counter()
    stop_at = began + seconds

    async def connection(n: int) -> None:
        host, port = addresses[n % len(addresses)]
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while time.perf_counter() < stop_at:
                index = next(taken, None)
                if index is None:
                    return
                sent = time.perf_counter()
                status = await _exchange(reader, writer, requests[index])
                latencies.append(time.perf_counter() - sent)
                statuses[status] = statuses.get(status, 0) + 1
        finally:
            writer.close()

    await asyncio.gather(*(connection(n) for n in range(connections)))
    return Run(len(latencies), time.perf_counter() - began, latencies, statuses)


def closed_loop(
    addresses: Sequence[tuple[str, int]],
    requests: Sequence[bytes],
    connections: int,
    seconds: float,
) -> Run:
    """Each connection sends its next request as soon as the last is answered, for `seconds`."""
    return asyncio.run(_closed_loop(addresses, requests, connections, seconds))


async def _paced(
    address: tuple[str, int],
    requests: Sequence[bytes],
    per_second: float,
    connections: int,
    sent_at: Callable[[int, float], None],
) -> Run:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    idle: asyncio.Queue = asyncio.Queue()
    for _ in range(connections):
        idle.put_nowait(await asyncio.open_connection(*address))
    began = time.perf_counter()

    async def send(index: int) -> None:
        reader, writer = await idle.get()
        try:
            sent_at(index, time.time())
            sent = time.perf_counter()
            status = await _exchange(reader, writer, requests[index])
            latencies.append(time.perf_counter() - sent)
            statuses[status] = statuses.get(status, 0) + 1
        finally:
            idle.put_nowait((reader, writer))

    tasks = []
    for index in range(len(requests)):
        await asyncio.sleep(max(0.0, began + index / per_second - time.perf_counter()))
        tasks.append(asyncio.create_task(send(index)))
    await asyncio.gather(*tasks)
    while not idle.empty():
        idle.get_nowait()[1].close()
    return Run(len(latencies), time.perf_counter() - began, latencies, statuses)


def paced(
    address: tuple[str, int],
    requests: Sequence[bytes],
    per_second: float,
    connections: int,
    sent_at: Callable[[int, float], None],
) -> Run:
    """Offer the requests at a steady rate, whatever the answers take (an open loop)."""
    return asyncio.run(_paced(address, requests, per_second, connections, sent_at))


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else 0.0
