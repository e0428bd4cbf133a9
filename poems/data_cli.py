"""`poems publish`, `poems places import`, `poems worker export|import`, `poems audit verify`,
`poems sandbox`: the public data and its places, a worker's own data, the audit chain and the
sandbox."""

import json
import sys
from pathlib import Path

import click

from exchange.errors import Refused

# The same options as cli.py's; cli.py adds these commands, so this module must not import it
# until a command runs.
db_option = click.option(
    "--db",
    "db_url",
    default=None,
    help="Database URL (default: POEMS_DATABASE_URL or a local SQLite file).",
)
at_option = click.option(
    "--at",
    "at",
    default=None,
    help="The moment to act at, ISO 8601; local market time when no offset.",
)


def _cli():
    from poems import cli

    return cli


@click.command()
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False))
@db_option
@at_option
def publish(out_dir: str, db_url: str | None, at: str | None) -> None:
    """Write the published data (JSON, CSV, schema.json) and the public site to DIR; see
    docs/public-data.md."""
    from exchange.publishing import publish as write_publication
    from website.site import write_site

    cli = _cli()
    database, market = cli.open_db(db_url)
    publication = write_publication(
        database, Path(out_dir), cli.moment(at, market.tz), render=write_site
    )
    weeks = (
        f"{publication.first_week} to {publication.last_week}"
        if publication.first_week
        else "no complete week yet"
    )
    click.echo(
        f"published {publication.cells} cells ({publication.suppressed} withheld), {weeks}, "
        f"to {out_dir}"
    )


@click.group()
def places() -> None:
    """Places with centres, so "within 5 miles" is a distance: UK districts, US ZIPs."""


@places.command("import")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--us-zips", is_flag=True, help="Add every US ZIP centroid the zipcodes package ships."
)
@db_option
def places_import(file: str | None, us_zips: bool, db_url: str | None) -> None:
    """Add or update places from FILE: a CSV of code,name,latitude,longitude, or the ONS
    Postcode Directory (ONSPD) CSV, whose postcodes become district centres."""
    from exchange.places import BadPlaces, read_places, us_zip_places
    from services.places import add_places

    if (file is None) == (not us_zips):
        raise click.UsageError("give FILE or --us-zips")
    try:
        if us_zips:
            found = us_zip_places()
        else:
            with open(file, encoding="utf-8-sig", newline="") as lines:
                found = read_places(lines)
    except (BadPlaces, UnicodeDecodeError) as error:
        raise click.ClickException(f"{file}: {error}; nothing was imported") from error
    database, _ = _cli().open_db(db_url)
    done = add_places(database, found)
    click.echo(f"places: {done.added} added, {done.updated} updated")


@click.group()
def worker() -> None:
    """A worker's own data: a complete copy, and bringing one in."""


@worker.command("export")
@click.argument("phone")
@click.option("--out", "out_file", default=None, type=click.Path(dir_okay=False))
@click.option(
    "--as",
    "--by",
    "username",
    default=None,
    help="The operator making the copy, with their password (POEMS_PASSWORD, or asked for); "
    "without it, the one `poems signin` signed in.",
)
@click.option("--reason", default="export", show_default=True, help="Why (the worker sees it).")
@db_option
@at_option
def worker_export(
    phone: str,
    out_file: str | None,
    username: str | None,
    reason: str,
    db_url: str | None,
    at: str | None,
) -> None:
    """Write everything held about a worker as JSON (docs/worker-data.md); the worker's
    WHO SAW shows the copy was made."""
    from poems.options import signed_in
    from services.workers import export_worker

    cli = _cli()
    database, market = cli.open_db(db_url)
    now = cli.moment(at, market.tz)
    who = signed_in(database, username)
    try:
        document = export_worker(database, who, phone, reason, now)
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if out_file:
        Path(out_file).write_text(text, encoding="utf-8")
        click.echo(f"wrote {out_file}", err=True)
    else:
        sys.stdout.write(text)


@worker.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--as", "username", default=None, help="The operator (staff or an admin).")
@db_option
@at_option
def worker_import(file: str, username: str | None, db_url: str | None, at: str | None) -> None:
    """Bring in a worker's export: the same person and trading history on this exchange."""
    from poems.options import signed_in
    from services.workers import import_worker

    cli = _cli()
    database, market = cli.open_db(db_url)
    now = cli.moment(at, market.tz)
    who = signed_in(database, username)
    try:
        document = json.loads(Path(file).read_text(encoding="utf-8"))
        phone = import_worker(database, who, document, now)
    except (ValueError, KeyError) as error:
        raise click.ClickException(f"{file} is not a worker export: {error}") from error
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    click.echo(f"imported worker {phone}")


@click.group()
def audit() -> None:
    """The tamper-evident record of what operators did."""


@audit.command("verify")
@click.option(
    "--published",
    default=None,
    type=click.Path(exists=True, file_okay=False),
    help="A publication directory whose audit head must still be in the log.",
)
@db_option
def audit_verify(published: str | None, db_url: str | None) -> None:
    """Check every entry's hash and link; exit 1 and name each entry that was edited,
    deleted or reordered."""
    from exchange.audit import verify
    from exchange.publishing import read_head

    database, _ = _cli().open_db(db_url)
    head = read_head(published) if published else None
    with database.read() as session:
        report = verify(session, head)
    for problem in report.problems:
        click.echo(f"{problem.kind}: {problem.message}")
    seq, digest = report.head
    if not report.ok:
        raise click.ClickException(f"audit log fails: {len(report.problems)} problem(s)")
    redacted = f", {report.redacted} redacted at a worker's request" if report.redacted else ""
    click.echo(f"audit log ok: {report.entries} entries{redacted}; head #{seq} {digest}")


@click.group(invoke_without_command=True)
@db_option
@at_option
@click.option("--script", is_flag=True, help="Print a scripted session instead of the console.")
@click.option("--theme", default="dark", show_default=True)
@click.pass_context
def sandbox(ctx: click.Context, db_url: str | None, at: str | None, script: bool, theme: str):
    """The exchange on a separate database with fictitious people; no text leaves the machine."""
    from poems.sandbox import NotASandbox, open_sandbox, sandbox_console, scripted_session

    ctx.ensure_object(dict)
    ctx.obj["db_url"] = db_url
    if ctx.invoked_subcommand is not None:
        return
    now = _cli().moment(at, "Europe/London")
    try:
        database = open_sandbox(db_url, now)
    except NotASandbox as refusal:
        raise click.ClickException(str(refusal)) from refusal
    try:
        click.secho(f"POEMS SANDBOX on {database.url}: fictitious people, texts stay here.")
        if script:
            scripted_session(database, now, click.echo)
        else:
            sandbox_console(database, theme).run()
    finally:
        database.dispose()


@sandbox.command("transcript")
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False))
@db_option
@click.pass_context
def sandbox_transcript(ctx: click.Context, out_file: str, db_url: str | None) -> None:
    """Write the full record of the sandbox: every text, offer with its reason, and booking."""
    from datetime import UTC, datetime

    from poems.sandbox import sandbox_url
    from poems.transcript import write_transcript
    from store.db import Database

    database = Database(db_url or ctx.obj.get("db_url") or sandbox_url())
    try:
        lines = write_transcript(database, Path(out_file), datetime.now(UTC))
    finally:
        database.dispose()
    click.echo(f"wrote {lines} lines to {out_file}")


COMMANDS = (publish, places, worker, audit, sandbox)
