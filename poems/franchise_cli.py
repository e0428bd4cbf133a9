"""`poems franchise add|shares` and `poems market transfer|history`: who runs which market, and
that nobody holds too much of a sector (rule 9)."""

import json

import click
from sqlmodel import select

from exchange import franchises
from exchange.errors import Refused
from exchange.localtime import local
from poems.options import as_option, at_option, cli, db_option, signed_in
from services.operators import add_franchise, franchise_name, market_named, transfer_market
from store.models import Operator


@click.group()
def franchise() -> None:
    """Franchises: the holdings franchisees run markets in."""


@franchise.command("add")
@click.argument("name")
@click.option("--franchisee", "franchisee_name", required=True, help="Their username.")
@as_option()
@at_option
@db_option
def franchise_add(name: str, franchisee_name: str, username, at, db_url) -> None:
    """Add a franchise held by a franchisee (admins only)."""
    root = cli()
    database, market = root.open_db(db_url)
    now = root.moment(at, market.tz)
    admin = signed_in(database, username)
    try:
        added = add_franchise(database, admin, name, franchisee_name, now)
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    click.echo(f"franchise {added.name} added, held by {added.holder}")


@franchise.command("shares")
@click.option("--json", "as_json", is_flag=True)
@at_option
@db_option
def franchise_shares(as_json: bool, at: str | None, db_url: str | None) -> None:
    """Each franchisee's share of each sector's booked hours against the cap, and the newest
    month's flags with what must be divested."""
    root = cli()
    database, market = root.open_db(db_url)
    now = root.moment(at, market.tz)
    with database.read() as session:
        limits = franchises.concession(session)
        names = dict(session.exec(select(Operator.id, Operator.username)).all())
        data = {
            "cap_bp": limits.share_cap_bp,
            "window_days": limits.share_window_days,
            "shares": [
                {
                    "franchisee": names[share.franchisee_id],
                    "sector": share.sector,
                    "minutes": share.minutes,
                    "sector_minutes": share.sector_minutes,
                    "share_bp": share.share_bp,
                    "over": share.over,
                    "divest_minutes": share.divest_minutes if share.over else 0,
                }
                for share in franchises.shares(session, now)
            ],
            "flags": [
                {
                    "franchisee": names[flag.franchisee_id],
                    "sector": flag.sector,
                    "period": flag.period,
                    "share_bp": flag.share_bp,
                    "divest_minutes": flag.divest_minutes,
                    "words": franchises.divest_words(
                        flag, franchises.markets_of(session, flag.franchisee_id, flag.sector)
                    ),
                }
                for flag in franchises.flags_for(session)
            ],
        }
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    cap = data["cap_bp"] / 100
    click.echo(f"cap {cap:g}% of a sector's booked hours over {data['window_days']} days")
    for share in data["shares"]:
        over = f"\tover: hand on {share['divest_minutes'] / 60:.1f}h" if share["over"] else ""
        click.echo(
            f"{share['franchisee']}\t{share['sector']}\t{share['share_bp'] / 100:.2f}% of "
            f"{share['sector_minutes'] / 60:.1f}h{over}"
        )
    for flag in data["flags"]:
        click.echo(f"flagged {flag['period']}: {flag['franchisee']}: {flag['words']}")


@click.group()
def market() -> None:
    """Markets: moving one to another franchise, and its history of moves."""


@market.command("transfer")
@click.argument("market_name")
@click.option("--to", "to_name", required=True, help="The franchise it moves to.")
@click.option("--reason", required=True)
@as_option()
@at_option
@db_option
def market_transfer(market_name, to_name, reason, username, at, db_url) -> None:
    """Move a market to another franchise (admins only); its history stays with it."""
    root = cli()
    database, default = root.open_db(db_url)
    now = root.moment(at, default.tz)
    admin = signed_in(database, username)
    try:
        moved = transfer_market(database, admin, market_name, to_name, reason, now)
    except Refused as refusal:
        raise click.ClickException(refusal.message) from refusal
    click.echo(f"market {moved.market} moved from {moved.was} to {moved.now_with}")


@market.command("history")
@click.argument("market_name")
@db_option
def market_history(market_name: str, db_url: str | None) -> None:
    """Who has held a market: each transfer, when, by whom and why."""
    database, _ = cli().open_db(db_url)
    with database.read() as session:
        try:
            found = market_named(session, market_name)
        except Refused as refusal:
            raise click.ClickException(refusal.message) from refusal
        names = dict(session.exec(select(Operator.id, Operator.username)).all())
        click.echo(f"{found.name}: {franchise_name(session, found.franchise_id)}")
        for moved in franchises.transfers(session, found.id):
            click.echo(
                f"{local(moved.at, found.tz):%Y-%m-%d %H:%M}\t"
                f"{franchise_name(session, moved.from_franchise_id)} -> "
                f"{franchise_name(session, moved.to_franchise_id)}\t"
                f"by {names.get(moved.operator_id, 'the exchange')}\t{moved.reason}"
            )
