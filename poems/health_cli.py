"""`poems health`: where the texts stand, for staff and for monitoring."""

import json
from dataclasses import asdict
from datetime import datetime

import click

from exchange.errors import Refused
from exchange.operators import require
from poems.options import as_option, at_option, cli, db_option, signed_in


@click.command("health")
@db_option
@at_option
@as_option()
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of lines.")
def health(db_url: str | None, at: str | None, username: str | None, as_json: bool) -> None:
    """Texts waiting to be acted on, texts that needed another try, and notices due, stuck,
    held or failed; the first few that need a person's look are listed. Exits 1 when a text
    keeps failing or a notice is stuck "sending". Every market's phones are listed, so staff, an
    admin or an auditor signs in."""
    from sms.health import text_health

    root = cli()
    database, market = root.open_db(db_url)
    now = root.moment(at, market.tz)
    operator = signed_in(database, username)
    try:
        require(operator, "admin", "staff", "auditor")
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    with database.read() as session:
        found = text_health(session, now)
    if as_json:
        click.echo(json.dumps(asdict(found), default=_iso, ensure_ascii=False))
    else:
        for line in _lines(found, now):
            click.echo(line)
    if found.needs_a_look:
        raise SystemExit(1)


def _lines(found, now: datetime) -> list[str]:
    oldest = (
        f", the oldest for {_age(now - found.oldest_waiting_at)}" if found.oldest_waiting_at else ""
    )
    lines = [
        f"texts waiting to be acted on: {found.texts_waiting}{oldest}; "
        f"failing: {found.texts_failing}",
        f"texts acted on after a failed try, last 24 h: {found.texts_retried_recently}",
        f"notices due: {found.notices_due}; sending: {found.notices_sending} "
        f"(stuck: {found.notices_stuck}); held by the daily cap: {found.notices_held}; "
        f"failed: {found.notices_failed}",
    ]
    for text in found.waiting:
        if text.error:
            lines.append(
                f"  text {text.id} from {text.phone}: {text.tries} tries, {text.error}; "
                f"next try {_iso(text.next_try_at) if text.next_try_at else 'now'}"
            )
    for notice in found.troubled:
        lines.append(
            f"  notice {notice.id} ({notice.kind}) to {notice.phone} {notice.status}: "
            f"{notice.error or 'no answer from the provider yet'}"
        )
    return lines


def _age(span) -> str:
    seconds = int(span.total_seconds())
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    return f"{seconds // 3600} h"


def _iso(value: datetime) -> str:
    return value.isoformat()


COMMANDS = [health]
