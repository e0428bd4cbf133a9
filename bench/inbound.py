"""`poems serve` answering Twilio's signed webhooks, against a bare Starlette echo of the same form
measured in the same run, on the same machine, at the same number of connections.

    .venv/bin/python bench/inbound.py
    .venv/bin/python bench/inbound.py --postgres postgresql://postgres@127.0.0.1:5432/postgres

Prints, each beside its goal:
  echo            a bare Starlette app in one uvicorn process: read the form, answer TwiML
  serve SQLite    one `poems serve` (signatures on): answers a second and p99, as a ratio of the echo
  replies         texts offered at --rate a second for --minute seconds: from each webhook sent to
                  its reply arriving at the Twilio-shaped server (the real twilio client sends it),
                  for new numbers signing up, then for a day's mix (sign-ups, SHIFTS, AVAILABLE,
                  whose offers to the newly free go out beside the replies)
  serve PG x1/x2  one and two `poems serve` processes on one PostgreSQL database (--postgres)
  per text        in-process SQL statements and transactions for each kind of text
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from load import Run, closed_loop, form_request, paced  # noqa: E402

from tests.serving import free_port, serve, signature, text_form, wait_for  # noqa: E402
from tests.twilio_double import TwilioDouble  # noqa: E402

HOST = "127.0.0.1"
NEW, SHIFTS = "hello", "SHIFTS"
# Tomorrow by its date: "tomorrow" itself is asked back in the small hours, which a run may span.
_TOMORROW = datetime.now(UTC) + timedelta(days=1)
AVAILABLE = f"available {_TOMORROW:%d/%m} 8am-8pm"
# How an offer begins (in English, the workers' language here): not a reply to their own text.
OFFER = "Work: "
PARTS = ("echo", "sqlite", "replies", "mix", "postgres", "per-text")


def echo_app():
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    async def inbound(request: Request) -> Response:
        await request.form()
        return Response(
            '<?xml version="1.0" encoding="UTF-8"?><Response></Response>',
            media_type="application/xml",
        )

    return Starlette(routes=[Route("/sms/inbound", inbound, methods=["POST"])])


def start_echo() -> tuple[subprocess.Popen, tuple[str, int]]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, __file__, "--echo", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import socket

    def listening() -> bool:
        with socket.socket() as probe:
            return probe.connect_ex((HOST, port)) == 0

    wait_for(listening, seconds=30)
    return process, (HOST, port)


def market(url: str, workers: int) -> list[str]:
    """A migrated market with `workers` registered workers free tomorrow and open shifts; returns
    their phones."""
    from store.db import Database
    from store.migrate import upgrade
    from tests import factories

    now = datetime.now(UTC)
    tomorrow = (now + timedelta(days=1)).replace(hour=8, minute=0, second=0, microsecond=0)
    db = Database(url)
    upgrade(db, env={})
    with db.write() as session:
        found = factories.market(session)
        found.quiet_start = found.quiet_end = "00:00"
        phones = [
            factories.worker(
                session, f"+4477009{n:05d}", now, free_from=tomorrow + timedelta(days=2)
            ).phone
            for n in range(workers)
        ]
        for hour in range(9, 19):
            factories.shift(session, now, slots=3, start=tomorrow.replace(hour=hour), hours=1)
    db.refresh_statistics()
    db.dispose()
    return phones


def texts(
    phones: list[str], count: int, fresh_from: int, each_once: bool = False
) -> list[tuple[str, str]]:
    """A day's mix: new numbers joining, workers asking for shifts and saying when they are
    free; with `each_once`, no worker texts twice."""
    mixed, workers = [], iter(phones)
    for n in range(count):
        roll = n % 5
        if roll < 2:
            mixed.append((f"+4477{fresh_from + n:08d}", NEW))
        else:
            phone = next(workers) if each_once else phones[n % len(phones)]
            mixed.append((phone, SHIFTS if roll < 4 else AVAILABLE))
    return mixed


def requests(address: tuple[str, int], mixed: list[tuple[str, str]]) -> list[bytes]:
    built = []
    for phone, body in mixed:
        form = text_form("SM" + uuid.uuid4().hex, phone, body)
        built.append(
            form_request(
                f"{address[0]}:{address[1]}", "/sms/inbound", form, signature("/sms/inbound", form)
            )
        )
    return built


def address_of(served) -> tuple[str, int]:
    host, port = served.base.removeprefix("http://").split(":")
    return host, int(port)


def throughput(url: str, double: TwilioDouble, phones, options, processes: int, log: Path) -> Run:
    servers = [serve(url, double, log) for _ in range(processes)]
    try:
        addresses = [address_of(s) for s in servers]
        built = requests(addresses[0], texts(phones, 60_000, 10_000_000))
        return closed_loop(addresses, built, options.connections, options.seconds)
    finally:
        for served in servers:
            served.kill()


def replies(url: str, double: TwilioDouble, options, log: Path, mixed, label: str) -> None:
    """Texts offered at a steady rate, each from its own phone; how long each waits for its
    own reply (the first text back to that phone that is not an offer)."""
    count = len(mixed)
    kinds = {phone: body for phone, body in mixed}
    # Only what this run sends counts: earlier runs texted some of the same phones.
    double.messages.clear()
    served = serve(url, double, log)
    try:
        built = requests(address_of(served), mixed)
        idle = cpu_by_process(served.process.pid)
        sent: dict[str, float] = {}
        run = paced(
            address_of(served),
            built,
            options.rate,
            options.connections,
            lambda index, at: sent.__setitem__(mixed[index][0], at),
        )
        wait_for(lambda: len(answered(double, sent)) >= count, seconds=300)
        spent = {
            name: seconds - idle.get(name, 0.0)
            for name, seconds in cpu_by_process(served.process.pid).items()
        }
    finally:
        served.kill()
    arrived = answered(double, sent)
    print(f"  replies, {label}, {options.rate:.0f} texts/s for {options.minute:.0f} s:")
    print(f"    webhook {run.line()}")
    by_kind = {"all": list(sent)} | {
        kind: [phone for phone in sent if kinds[phone] == body]
        for kind, body in (("sign-up", NEW), ("SHIFTS", SHIFTS), ("AVAILABLE", AVAILABLE))
    }
    for kind, phones in by_kind.items():
        if not phones or (kind != "all" and len(phones) == count):
            continue
        waits = sorted(arrived[phone] - sent[phone] for phone in phones)
        within = sum(wait <= 1.0 for wait in waits) / len(waits)
        print(
            f"    {kind:9} text to reply: p50 {waits[len(waits) // 2]:5.2f} s  "
            f"p99 {waits[int(0.99 * len(waits))]:5.2f} s  max {waits[-1]:5.2f} s  "
            f"within 1 s: {within:6.1%}" + ("   (goal: all within 1 s)" if kind == "all" else "")
        )
    # When in the run the slow replies came: a burst at the start is not a steady backlog.
    began = min(sent.values())
    slow = [0] * (int(options.minute) // 10 + 1)
    for phone, at in sent.items():
        if arrived[phone] - at > 1.0:
            slow[int((at - began) // 10)] += 1
    print("    replies over 1 s, by 10 s of the run: " + " ".join(str(n) for n in slow))
    offers = sum(message.body.startswith(OFFER) for message in double.messages)
    if offers:
        print(f"    and {offers:,} offers to the workers who said they were free")
    if spent:
        # CPU time is what a busy machine does not change much, unlike the waits above.
        print(
            "    CPU per text: "
            + ",  ".join(
                f"{name} {seconds / count * 1000:.1f} ms" for name, seconds in spent.items()
            )
        )


def cpu_by_process(pid: int) -> dict[str, float]:
    """CPU seconds used so far by `poems serve` (the webhook) and its worker processes, from
    /proc (Linux); empty elsewhere."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def stat(path: Path) -> list[str] | None:
        try:
            # The fields after the command's name, which may hold spaces.
            return path.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            return None

    own = stat(Path(f"/proc/{pid}/stat"))
    if own is None:
        return {}
    spent = {"webhook": (int(own[11]) + int(own[12])) / tick}
    # The workers, in the order they started: the actor, then the sender.
    children = sorted(
        (int(entry.parent.name), fields)
        for entry in Path("/proc").glob("[0-9]*/stat")
        if (fields := stat(entry))
        and int(fields[1]) == pid
        and b"spawn_main" in (entry.parent / "cmdline").read_bytes()
    )
    for name, (_, fields) in zip(("actor", "sender"), children, strict=False):
        spent[name] = (int(fields[11]) + int(fields[12])) / tick
    return spent


def answered(double: TwilioDouble, sent: dict[str, float]) -> dict[str, float]:
    """When each phone's own reply arrived."""
    arrived: dict[str, float] = {}
    for message in list(double.messages):
        if message.to in sent and not message.body.startswith(OFFER):
            arrived.setdefault(message.to, message.date_created.timestamp())
    return arrived


def per_text(folder: Path) -> None:
    """SQL statements and transactions a text costs in-process, by kind, once the market is warm."""
    from sqlalchemy import event

    from exchange.waves import top_up_queued
    from sms import inbound, outbox
    from sms.gateways import SimulatorGateway
    from store.db import Database

    url = f"sqlite:///{folder / 'per-text.db'}"
    phones = market(url, 50)
    db = Database(url)
    statements: list[str] = []
    event.listen(
        db.engine, "before_cursor_execute", lambda *args: statements.append(args[2].split()[0])
    )
    now = datetime.now(UTC)
    kinds = [
        ("sign-up, first text", ["+447700800001", "+447700800002"], NEW),
        ("SHIFTS", phones[1:3], SHIFTS),
        ("AVAILABLE", phones[3:5], AVAILABLE),
        # Seven more free workers fill every wave (3 slots x a wave factor of 3 live offers).
        ("AVAILABLE, waves full", phones[5:14], AVAILABLE),
    ]

    def text(phone: str, body: str) -> None:
        """What the pipeline does with one text: store, act, top up, send."""
        inbound.receive(db, phone, body, now, "SM" + uuid.uuid4().hex)
        inbound.act_on_waiting(db, now)
        top_up_queued(db, now)
        outbox.send_due(db, SimulatorGateway(), now)

    print("  per text, in-process (receive, act, top up, send):")
    for name, senders, body in kinds:
        for phone in senders[:-1]:  # warm the caches (and fill the waves)
            text(phone, body)
        statements.clear()
        began = time.process_time()
        text(senders[-1], body)
        spent = time.process_time() - began
        begins = sum(s == "BEGIN" for s in statements)
        print(
            f"    {name:22} {len(statements) - begins:3} statements in {begins:2} transactions, "
            f"{spent * 1000:5.1f} ms CPU"
        )
    db.dispose()


def postgres_database(server_url: str):
    """A fresh database on the server, and a function that drops it."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from store.db import normalise_url

    server = make_url(normalise_url(server_url))
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"poems_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return server.set(database=name).render_as_string(hide_password=False), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rate", type=float, default=100.0, help="texts a second offered")
    parser.add_argument("--minute", type=float, default=60.0, help="seconds the rate is offered")
    parser.add_argument("--workers", type=int, default=500)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("POEMS_BENCH_POSTGRES_URL")
        or os.environ.get("POEMS_TEST_POSTGRES_URL"),
        help="a PostgreSQL server to make a database on for the two-process run",
    )
    parser.add_argument(
        "--parts", default=",".join(PARTS), help=f"which runs, comma-separated: {','.join(PARTS)}"
    )
    parser.add_argument("--echo", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.echo:
        import uvicorn

        uvicorn.run(echo_app(), host=HOST, port=options.echo, log_level="warning")
        return

    os.environ.setdefault("POEMS_PUBLISH_DIR", tempfile.mkdtemp(prefix="poems-bench-public-"))
    # Twilio's API keeps connections alive, and the twilio client reuses them.
    double = TwilioDouble(keep_alive=True).start()
    with tempfile.TemporaryDirectory(prefix="poems-bench-inbound-") as name:
        folder = Path(name)
        log = folder / "serve.log"
        print(f"inbound webhooks, {options.connections} connections, {options.seconds:.0f} s each")
        parts = set(options.parts.split(","))
        echo = None
        if parts & {"echo", "sqlite"}:
            process, address = start_echo()
            try:
                built = requests(address, texts(["+447700900001"], 200_000, 30_000_000))
                echo = closed_loop([address], built, options.connections, options.seconds)
            finally:
                process.kill()
            print(f"  echo          {echo.line()}")

        if "sqlite" in parts:
            url = f"sqlite:///{folder / 'serve.db'}"
            phones = market(url, options.workers)
            one = throughput(url, double, phones, options, 1, log)
            ratio = one.per_second / echo.per_second
            print(f"  serve SQLite  {one.line()}")
            print(f"    {ratio:.2f}x the echo  (goal >= 0.2x, p99 <= 100 ms)")

        count = int(options.rate * options.minute)
        if "replies" in parts:
            url = f"sqlite:///{folder / 'replies.db'}"
            market(url, 10)
            signing_up = [(f"+4477{20_000_000 + n:08d}", NEW) for n in range(count)]
            replies(url, double, options, log, signing_up, "new numbers signing up")

        if "mix" in parts:
            url = f"sqlite:///{folder / 'mix.db'}"
            phones = market(url, count - count * 2 // 5 + 5)
            # Each worker texts once, so every reply is known by its phone.
            day = texts(phones, count, 40_000_000, each_once=True)
            replies(
                url, double, options, log, day, "a day's mix (2/5 new, 2/5 SHIFTS, 1/5 AVAILABLE)"
            )

        if "postgres" in parts and options.postgres:
            runs = []
            for processes in (1, 2):
                pg_url, drop = postgres_database(options.postgres)
                try:
                    phones = market(pg_url, options.workers)
                    runs.append(throughput(pg_url, double, phones, options, processes, log))
                finally:
                    drop()
                print(f"  serve PG x{processes}   {runs[-1].line()}")
            print(
                f"    two processes {runs[1].per_second / runs[0].per_second:.2f}x one  (goal >= 1.6x)"
            )
        elif "postgres" in parts:
            print("  serve PG: give --postgres (or POEMS_BENCH_POSTGRES_URL) to measure it")
        if "per-text" in parts:
            per_text(folder)
    double.stop()


if __name__ == "__main__":
    main()
