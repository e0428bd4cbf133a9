"""The `poems` command: the composition root that wires store, exchange, sms and scheduler."""

import json
import os
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click
from sqlmodel import select

from exchange.errors import Refused
from exchange.localtime import to_utc
from exchange.money import parse_money
from exchange.offer_reasons import read_reason
from exchange.shifts import shift_by_ref
from poems.options import acting, as_option, signed_in
from services.buyers import buyer_named
from services.shifts import Posting, post_shift_for_buyer
from sms import inbound, outbox
from sms.gateways import SimulatorGateway
from sms.parser import parse
from store.db import Database
from store.migrate import upgrade
from store.models import Booking, Market, Offer, Operator, Worker
from store.statuses import BookingStatus

DB_OPTION = click.option(
    "--db",
    "db_url",
    default=None,
    help="Database URL (default: POEMS_DATABASE_URL or a local SQLite file).",
)
AT_OPTION = click.option(
    "--at",
    "at",
    default=None,
    help="The moment to act at, ISO 8601; local market time when no offset.",
)


def open_db(db_url: str | None) -> tuple[Database, Market]:
    """Open the database, bring its schema up to date and return it with its default market."""
    db = Database(db_url)
    return db, upgrade(db)


def moment(at: str | None, tz: str) -> datetime:
    """--at as a UTC instant; now when not given."""
    if at is None:
        return datetime.now(UTC)
    try:
        return to_utc(datetime.fromisoformat(at), tz)
    except ValueError as error:
        raise click.BadParameter(
            f"{at!r} is not an ISO date and time, e.g. 2026-11-28T09:00"
        ) from error


def print_sent(messages) -> None:
    for message in messages:
        click.echo(f"{message.phone}\t{message.body}")


@click.group()
def main() -> None:
    """POEMS: a public exchange where people sell their time by SMS, on their own terms."""


@main.group()
def db() -> None:
    """The database schema."""


@db.command("upgrade")
@DB_OPTION
def db_upgrade(db_url: str | None) -> None:
    """Apply the migrations; on an empty database, create the default market."""
    database, market = open_db(db_url)
    click.echo(
        f"database ready: market {market.name} ({market.sector}, {market.tz}, {market.currency})"
    )


@main.command()
@click.argument("sender")
@click.argument("body")
@DB_OPTION
@AT_OPTION
def text(sender: str, body: str, db_url: str | None, at: str | None) -> None:
    """Deliver one inbound SMS through the whole inbound path and print what is sent back."""
    database, market = open_db(db_url)
    now = moment(at, market.tz)
    try:
        inbound.deliver(database, sender, body, now)
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    print_sent(outbox.drain(database, SimulatorGateway(), now))


@main.command()
@DB_OPTION
@AT_OPTION
def tick(db_url: str | None, at: str | None) -> None:
    """Run every due job once as of --at and print what is sent (TO<TAB>BODY); with
    POEMS_CREDENTIAL_REGISTRY, the credential checks workers consented to are looked up."""
    from poems.options import credential_verifier, publish_dir
    from scheduler.jobs import run_due

    verifier = credential_verifier()
    database, market = open_db(db_url)
    now = moment(at, market.tz)
    print_sent(
        run_due(database, SimulatorGateway(), now, publish_to=publish_dir(), verifier=verifier)
    )


@main.command("parse")
@click.argument("body", required=False)
@click.option(
    "--jsonl", is_flag=True, help="Read one JSON object per line (body, at, tz) from stdin."
)
@AT_OPTION
@click.option(
    "--tz", default=None, help="IANA zone for reading times (default POEMS_TZ or Europe/London)."
)
def parse_command(body: str | None, jsonl: bool, at: str | None, tz: str | None) -> None:
    """Print what the parser understood, as one JSON object."""
    default_tz = tz or os.environ.get("POEMS_TZ", "Europe/London")
    if jsonl:
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                result = _parse_one(
                    item["body"], item.get("at") or at, item.get("tz") or default_tz
                )
            except (ValueError, KeyError, TypeError, click.BadParameter) as error:
                result = {"intent": "unknown", "error": str(error)}
            click.echo(json.dumps(result, ensure_ascii=False))
        return
    if body is None:
        raise click.UsageError("give BODY, or --jsonl to read lines from stdin")
    click.echo(json.dumps(_parse_one(body, at, default_tz), ensure_ascii=False))


def _parse_one(body: str, at: str | None, tz: str) -> dict:
    try:
        zone = ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise click.BadParameter(f"{tz!r} is not an IANA time zone") from error
    return parse(body, moment(at, tz).astimezone(zone)).to_json()


@main.group()
def buyer() -> None:
    """Buyers: the employers and public bodies that post shifts."""


@buyer.command("add")
@click.argument("name")
@click.option("--phone", default=None)
@click.option("--contact", default=None, help="The person to ask for on the day.")
@click.option("--postcode", default=None, help="Where their shifts usually are.")
@click.option("--place", default=None, help="The address workers go to.")
@as_option()
@DB_OPTION
def buyer_add(name: str, phone, contact, postcode, place, username, db_url) -> None:
    """Add a buyer to the default market, with the checks the console makes."""
    from services.buyers import add_buyer

    database, market = open_db(db_url)
    who = signed_in(database, username)
    typed = {"name": name, "phone": phone, "contact_name": contact}
    typed |= {"default_postcode": postcode, "default_place": place}
    try:
        add_buyer(
            database,
            who,
            market.id,
            {field: value for field, value in typed.items() if value is not None},
            datetime.now(UTC),
        )
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    click.echo(f"buyer {name} added")


@main.group()
def shift() -> None:
    """Shifts: post them, look at them."""


@shift.command("add")
@click.option("--buyer", "buyer_name", required=True)
@click.option("--skill", required=True)
@click.option("--postcode", required=True, help="Postcode or ZIP of the place.")
@click.option("--place", default=None, help="The address workers go to.")
@click.option("--start", required=True, help="Local start, ISO 8601.")
@click.option("--end", required=True, help="Local end, ISO 8601.")
@click.option("--slots", type=int, default=1, show_default=True)
@click.option("--max-rate", required=True, help="The most the buyer pays per hour, e.g. 14.50.")
@click.option("--credential", "credentials", multiple=True, help="A credential workers must hold.")
@as_option()
@DB_OPTION
@AT_OPTION
def shift_add(
    buyer_name, skill, postcode, place, start, end, slots, max_rate, credentials, username, db_url,
    at,
):  # fmt: skip
    """Post a shift for a buyer: prints its reference, then the offers sent (TO<TAB>BODY)."""
    database, market = open_db(db_url)
    now = moment(at, market.tz)
    who = signed_in(database, username)
    try:
        posting = Posting(
            buyer_id=buyer_named(database, who, market.id, buyer_name),
            skill=skill,
            postcode=postcode,
            start=moment(start, market.tz),
            end=moment(end, market.tz),
            slots=slots,
            max_rate_minor=parse_money(max_rate),
            place=place,
            credentials=tuple(credentials),
        )
        ref = post_shift_for_buyer(database, who, market.id, posting, now).ref
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    click.echo(ref)
    print_sent(outbox.drain(database, SimulatorGateway(), now))


@shift.command("show")
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True)
@as_option()
@DB_OPTION
def shift_show(ref: str, as_json: bool, username: str | None, db_url: str | None) -> None:
    """One shift, with its offers and the booked workers."""
    from exchange.operators import require_market

    database, market = open_db(db_url)
    operator = signed_in(database, username)
    with database.read() as session:
        found = shift_by_ref(session, ref)
        if found is None:
            raise click.ClickException(f"no shift {ref}")
        try:
            require_market(session, acting(session, operator), found.market_id)
        except Refused as refusal:
            raise click.ClickException(refusal.message) from refusal
        booked = session.exec(
            select(Worker.phone)
            .join(Booking, Booking.worker_id == Worker.id)
            .where(Booking.shift_id == found.id, Booking.status == BookingStatus.BOOKED)
            .order_by(Booking.id)
        ).all()
        offers = session.exec(
            select(Offer, Worker.phone).join(Worker).where(Offer.shift_id == found.id)
        ).all()
        data = {
            "ref": found.ref,
            "skill": found.skill,
            "postcode": found.postcode,
            "start": found.start.astimezone(ZoneInfo(market.tz)).isoformat(),
            "end": found.end.astimezone(ZoneInfo(market.tz)).isoformat(),
            "slots": found.slots,
            "status": found.status,
            "max_rate": found.max_rate_minor,
            "currency": found.currency,
            "booked": list(booked),
            "offers": [
                {
                    "phone": phone,
                    "ref": offer.ref,
                    "wave": offer.wave,
                    "status": offer.status,
                    "reason": read_reason(offer.reason),
                }
                for offer, phone in offers
            ],
        }
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    click.echo(f"{data['ref']} {data['skill']} {data['start']} - {data['end']} {data['status']}")
    click.echo(f"booked {len(booked)} of {data['slots']}: {', '.join(booked) or 'nobody yet'}")
    for offer in data["offers"]:
        click.echo(f"  wave {offer['wave']} {offer['phone']} {offer['ref']} {offer['status']}")


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, type=int, show_default=True)
def serve(db_url: str | None, host: str, port: int) -> None:
    """The Twilio webhook (POST /sms/inbound, /sms/status), the published site under /public/,
    and two worker processes: one acts on the texts, one sends the replies and runs the scheduler.

    POEMS_OUTBOUND=simulator keeps texts on the simulator while webhooks are signed and
    checked; TWILIO_API_BASE_URL sends through a Twilio-shaped API there instead of Twilio's;
    POEMS_OUTBOX_LEASE_SECONDS is how long a notice may be "sending" before another process
    asks the provider whether it went; POEMS_CREDENTIAL_REGISTRY is the CSV registry the
    credential checks workers consented to are looked up in.
    """
    from datetime import timedelta

    import uvicorn

    from exchange.sandbox import is_sandbox
    from poems.options import credential_verifier, publish_dir
    from poems.serving import WorkerProcess
    from sms.outbox import LEASE
    from sms.twilio_gateway import outbound_gateway
    from sms.webhook import create_app

    seconds = os.environ.get("POEMS_OUTBOX_LEASE_SECONDS", "").strip()
    if seconds and not (seconds.isascii() and seconds.isdecimal()):
        raise click.ClickException("POEMS_OUTBOX_LEASE_SECONDS must be a whole number of seconds")
    lease = timedelta(seconds=int(seconds)) if seconds else LEASE
    credential_verifier()  # a bad POEMS_CREDENTIAL_REGISTRY stops the start, not the worker
    database, _ = open_db(db_url)
    with database.read() as session:
        sandbox = is_sandbox(session)
    try:
        gateway = outbound_gateway(os.environ, sandbox=sandbox)
    except ValueError as error:
        database.dispose()
        raise click.ClickException(str(error)) from None
    token = os.environ.get("TWILIO_AUTH_TOKEN", "")
    public_url = os.environ.get("POEMS_PUBLIC_URL", f"http://{host}:{port}")
    if not token:
        click.echo("TWILIO_AUTH_TOKEN is not set: every webhook will be refused (403).", err=True)
    click.echo(f"sending through the {gateway.name} gateway", err=True)
    database.refresh_statistics()
    # The webhook only stores and answers; worker processes act, send and run the sweeps.
    # It is started here, not by the app: a mounted app's own startup never runs.
    worker = WorkerProcess(database, lease, publish_dir()).start()
    webhook = create_app(database, gateway, token, public_url, pipeline=worker)
    try:
        # No line a request: every text is in the message log already, and writing one for each
        # webhook cost the webhook a fifteenth of its time.
        uvicorn.run(
            with_public_site(webhook, database, publish_dir()),
            host=host,
            port=port,
            access_log=False,
        )
    finally:
        worker.stop()


def with_public_site(webhook, database: Database, folder):
    """The webhook app with the published site and its question page under /public/."""
    from pathlib import Path

    from starlette.applications import Starlette
    from starlette.routing import Mount

    from exchange.places import locate
    from website.serving import public_app

    def place(code: str):
        with database.read() as session:
            return locate(session, code)

    Path(folder).mkdir(parents=True, exist_ok=True)
    return Starlette(
        routes=[Mount("/public", public_app(Path(folder), place)), Mount("/", webhook)]
    )


THEME_OPTION = click.option(
    "--theme",
    type=click.Choice(["dark", "light", "ansi"]),
    default="dark",
    show_default=True,
    help="ansi uses the terminal's own 16 colours.",
)


@main.command()
@DB_OPTION
@THEME_OPTION
@click.option(
    "--registry",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="A CSV credential registry (credential,phone,name,status,expires) for checks.",
)
@click.option(
    "--simulator",
    is_flag=True,
    help="Add the phone simulator; only for a sandbox or training database.",
)
def console(db_url: str | None, theme: str, registry: str | None, simulator: bool) -> None:
    """The console for job-centre staff, franchisees, admins and auditors."""
    from pathlib import Path

    from exchange.credentials import FileRegistryVerifier
    from poems.session_file import forget, keep
    from poems_tui.app import PoemsConsole
    from poems_tui.crash import run_console

    database, _ = open_db(db_url)
    verifier = FileRegistryVerifier(Path(registry)) if registry else None
    gateway = SimulatorGateway() if simulator else None
    run_console(
        PoemsConsole(
            database,
            gateway=gateway,
            verifier=verifier,
            theme=theme,
            keep_signin=lambda started: keep(
                database.url, started.token, started.username, started.expires_at
            ),
            forget_signin=lambda: forget(database.url),
        )
    )


@main.group()
def operator() -> None:
    """Console accounts."""


@operator.command("add")
@click.argument("username")
@click.option("--name", required=True, help="The operator's full name.")
@click.option(
    "--role", type=click.Choice(["admin", "staff", "franchisee", "auditor"]), required=True
)
@click.option("--phone", default=None, help="Their phone; it may never trade on the exchange.")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the new account's password from the first line of stdin.",
)
@click.option(
    "--as",
    "acting_as",
    default=None,
    help="The admin adding the account, with their password (POEMS_PASSWORD, or asked for); "
    "without it, the one `poems signin` signed in.",
)
@DB_OPTION
@AT_OPTION
def operator_add(username, name, role, phone, password_stdin, acting_as, db_url, at) -> None:
    """Add a console account; the password is stored only as an Argon2 hash. The first account
    on a new exchange is an admin and needs no sign-in; after it, an admin signs in to add one."""
    from services.operators import add_account

    database, market = open_db(db_url)
    now = moment(at, market.tz)
    with database.read() as session:
        first = session.exec(select(Operator.id)).first() is None
    if first and role != "admin":
        raise click.ClickException(
            "The first operator is an admin, who then adds the others: use --role admin"
        )
    admin = None if first else signed_in(database, acting_as)
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt(
            f"Password for the new operator {username}", hide_input=True, confirmation_prompt=True
        )
    try:
        added = add_account(
            database, admin, username, name, role, password, now, phone=phone, region=market.region
        )
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    click.echo(f"operator {added.username} ({added.role}) added")


@main.command("seed")
@DB_OPTION
@AT_OPTION
@click.option("--workers", type=click.IntRange(1), default=1000, show_default=True)
@click.option("--weeks", type=click.IntRange(1), default=4, show_default=True)
@click.option(
    "--seed", "rng_seed", type=int, default=1, show_default=True, help="Same seed, same rows."
)
def seed_command(
    db_url: str | None, at: str | None, workers: int, weeks: int, rng_seed: int
) -> None:
    """Add a believable market history (workers, buyers, availability, shifts, offers,
    bookings, timesheets, pay, texts) in bulk; prints one line of what was made."""
    from poems.seed import seed_market
    from poems.seed.bar import progress_bar

    database, market = open_db(db_url)
    with progress_bar() as bar:
        report = seed_market(
            database, moment(at, market.tz), workers, weeks, rng_seed=rng_seed, progress=bar
        )
    click.echo(report.summary())


@main.command()
@DB_OPTION
@THEME_OPTION
@click.option(
    "--at",
    "at",
    default=None,
    help="Start the demo's clock here (ISO 8601, London time when no offset); it runs on.",
)
def demo(db_url: str | None, theme: str, at: str | None) -> None:
    """The console on an embedded SQLite file with a seeded market, the phone and the scheduler."""
    from poems.demo import run_demo

    run_demo(db_url, theme, moment(at, "Europe/London") if at else None)


# Public data, a worker's own data, the audit chain and the sandbox: poems/data_cli.py;
# disputes: poems/dispute_cli.py; franchises and markets: poems/franchise_cli.py; where the
# texts stand: poems/health_cli.py.
from poems.data_cli import COMMANDS  # noqa: E402
from poems.dispute_cli import dispute  # noqa: E402
from poems.franchise_cli import franchise, market  # noqa: E402
from poems.health_cli import COMMANDS as HEALTH_COMMANDS  # noqa: E402
from poems.inbox_cli import inbox_group  # noqa: E402
from poems.signin_cli import COMMANDS as SIGNIN_COMMANDS  # noqa: E402

for _command in (
    *COMMANDS,
    *HEALTH_COMMANDS,
    *SIGNIN_COMMANDS,
    dispute,
    franchise,
    market,
    inbox_group,
):
    main.add_command(_command)
