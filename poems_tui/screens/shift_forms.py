"""Post a shift for a buyer (checked as you type, refusals shown inline) and cancel one with a reason."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import select
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Static

from exchange.errors import Refused
from exchange.localtime import local, to_utc
from exchange.money import format_money, parse_money, pay_for_minutes
from exchange.quiet import offers_go_out_at
from exchange.shifts import MOST_SLOTS, address_of, postcode_in, site_of
from poems_tui.screens.forms import FormScreen
from poems_tui.widgets.form import Choices, FormBody, FormField, required, rule
from services.shifts import Posting, cancel_shift_for_buyer, post_shift_for_buyer
from store.db import Database
from store.models import Buyer, Market, Shift

CLOCK = re.compile(r"^([01]?\d|2[0-3])(?::?([0-5]\d))?$")


def read_day(text: str, today: date, region: str = "GB") -> date:
    """'2026-11-27', '27/11' (11/27 in America), 'today' or 'tomorrow'."""
    cleaned = text.strip().lower()
    if cleaned in ("today", "tomorrow"):
        return today + timedelta(days=cleaned == "tomorrow")
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    match = re.match(r"^(\d{1,2})/(\d{1,2})$", cleaned)
    if not match:
        raise Refused("bad_day", "A day like 2026-11-27, 27/11, today or tomorrow")
    first, second = int(match.group(1)), int(match.group(2))
    day, month = (second, first) if region == "US" else (first, second)
    try:
        found = date(today.year, month, day)
    except ValueError as error:
        raise Refused("bad_day", f"{text!r} is not a day of the year") from error
    return found if found >= today else found.replace(year=today.year + 1)


def read_clock(text: str) -> time:
    match = CLOCK.match(text.strip())
    if not match:
        raise Refused("bad_time", "A time like 09:00 or 14:30")
    return time(int(match.group(1)), int(match.group(2) or 0))


def read_slots(text: str) -> int:
    if not text.strip().isdecimal() or not 1 <= int(text) <= MOST_SLOTS:
        raise Refused("bad_slots", f"From 1 to {MOST_SLOTS} people")
    return int(text)


@dataclass(frozen=True)
class BuyerSite:
    id: int
    address: str | None
    postcode: str | None


def goes_out(market: Market, start: datetime, now: datetime) -> str:
    """When a new shift's first offers would go out, in the market's words and time."""
    return quiet_until(market, offers_go_out_at(market, start, now), now)


def quiet_until(market: Market, at: datetime | None, now: datetime) -> str:
    """The moment quiet hours let offers go out, for staff; "" when they go out at once."""
    if at is None:
        return ""
    day = "" if local(at, market.tz).date() == local(now, market.tz).date() else " %a %d %b"
    return f"quiet hours: offers go out at {local(at, market.tz).strftime('%H:%M' + day)}"


def buyer_sites(db: Database, market_id: int) -> dict[str, BuyerSite]:
    """The market's buyers by name, which the shift form completes and checks as it is typed."""
    with db.read() as session:
        rows = session.exec(
            select(Buyer.name, Buyer.id, Buyer.default_place, Buyer.default_postcode).where(
                Buyer.market_id == market_id
            )
        ).all()
    return {name: BuyerSite(i, place, code) for name, i, place, code in rows}


class PostShiftScreen(FormScreen):
    """Post a shift for a buyer; it goes out in a first wave of offers at once (or, in quiet
    hours, when they end)."""

    form_title = "Post a shift for a buyer"
    submit_label = "Post"

    def __init__(self, market: Market, buyers: dict[str, BuyerSite]) -> None:
        super().__init__()
        self.market = market
        self.buyers = buyers

    def compose(self) -> ComposeResult:
        yield FormBody(
            self.form_title, *self.make_fields(), Static("", id="shift-value"), submit="Post"
        )

    def _buyer(self, text: str) -> BuyerSite:
        for name, buyer in self.buyers.items():
            if name.lower() == text.strip().lower():
                return buyer
        raise Refused("no_buyer", "Not a buyer here; add them on the Buyers screen (4)")

    def _site(self, where: str, buyer_name: str) -> tuple[str | None, str]:
        """(address, postcode): the one place the worker goes and the offers are matched on.
        Blank is the buyer's own address."""
        if where.strip():
            return site_of(where)
        buyer = self._buyer(buyer_name)
        code = buyer.postcode or postcode_in(buyer.address)
        if code is None:
            raise Refused(
                "no_site", "This buyer has no address with a postcode: type the site's address"
            )
        return buyer.address, code

    def _today(self) -> date:
        return self.app.clock().astimezone(ZoneInfo(self.market.tz)).date()

    def make_fields(self) -> list[FormField]:
        market = self.market
        skills = list(market.skills)

        def skill(text: str) -> str:
            if text.strip().lower() not in skills:
                raise Refused("unknown_skill", f"One of: {', '.join(skills)}")
            return text

        def where(text: str) -> object:
            buyer = self.query_one("#buyer", Input).value
            if not text.strip():
                try:
                    self._buyer(buyer)
                except Refused:
                    return text  # the buyer's own field says what is wrong
            return self._site(text, buyer)

        skill_field = FormField(
            "Skill", "skill", placeholder=", ".join(skills[:3]), validators=[rule(skill)]
        )
        skill_field.input.suggester = Choices(skills)
        buyer_field = FormField(
            "Buyer",
            "buyer",
            placeholder="start typing a buyer's name",
            validators=[rule(lambda v: self._buyer(v))],
        )
        buyer_field.input.suggester = Choices(self.buyers)
        return [
            buyer_field,
            skill_field,
            FormField(
                "Where",
                "where",
                placeholder="blank: the buyer's address",
                validators=[rule(where)],
            ),
            FormField(
                "Day",
                "day",
                "tomorrow",
                validators=[rule(lambda v: read_day(v, self._today(), market.region))],
            ),
            FormField("Starts", "start", "09:00", validators=[rule(read_clock)]),
            FormField("Ends", "end", "13:00", validators=[rule(read_clock)]),
            FormField("People", "slots", "1", validators=[rule(read_slots)]),
            FormField(
                "Pays up to /hr", "max_rate", placeholder="14.50", validators=[rule(parse_money)]
            ),
            FormField(
                "Needs (optional)",
                "credentials",
                placeholder="e.g. dbs",
                validators=[rule(lambda v: v, optional=True)],
            ),
        ]

    @on(Input.Changed, "#buyer")
    def buyer_chosen(self, event: Input.Changed) -> None:
        """The Where field says which address a blank means for this buyer."""
        where = self.query_one("#where", Input)
        try:
            address, code = self._site("", event.value)
        except Refused:
            where.placeholder = "blank: the buyer's address"
            return
        where.placeholder = f"blank: {address_of(Shift(place=address, postcode=code))}"

    def _times(self, values: dict[str, str]) -> tuple[datetime, datetime]:
        day = read_day(values["day"], self._today(), self.market.region)
        start = datetime.combine(day, read_clock(values["start"]))
        end = datetime.combine(day, read_clock(values["end"]))
        if end <= start:
            end += timedelta(days=1)  # "22:00 to 06:00" runs overnight
        return to_utc(start, self.market.tz), to_utc(end, self.market.tz)

    @on(Input.Changed)
    def show_value(self) -> None:
        """What one booking could be worth against the market's cap, and when offers go out,
        as the form is filled."""
        note = self.query_one("#shift-value", Static)
        values = self.values()
        try:
            start, end = self._times(values)
            rate = parse_money(values["max_rate"])
        except Refused:
            note.update("")
            return
        minutes = int((end - start).total_seconds() // 60)
        value = pay_for_minutes(rate, minutes)
        cap = self.market.booking_cap_minor
        money = self.market.currency
        over = " - over the cap: lower the rate or shorten it" if value > cap else ""
        waits = goes_out(self.market, start, self.app.clock())
        note.update(
            f"{minutes // 60}h{minutes % 60:02d}: one booking up to {format_money(value, money)} "
            f"of the {format_money(cap, money)} cap{over}"
            + (f"\n{waits.capitalize()}" if waits else "")
        )

    def save(self, values: dict[str, str]) -> str:
        app = self.app
        now = app.clock()
        start, end = self._times(values)
        address, code = self._site(values["where"], values["buyer"])
        posting = Posting(
            buyer_id=self._buyer(values["buyer"]).id,
            skill=values["skill"],
            postcode=code,
            start=start,
            end=end,
            slots=read_slots(values["slots"]),
            max_rate_minor=parse_money(values["max_rate"]),
            place=address,
            credentials=tuple(c for c in re.split(r"[\s,]+", values["credentials"]) if c),
        )
        posted = post_shift_for_buyer(app.db, app.who, self.market.id, posting, now)
        if posted.goes_out_at is not None:
            return f"{posted.ref} posted; {quiet_until(self.market, posted.goes_out_at, now)}"
        if not posted.offered:
            return f"{posted.ref} posted; nobody eligible yet: it is offered as workers become free"
        return f"{posted.ref} posted; offered to {posted.offered} worker(s)"


class CancelShiftScreen(FormScreen):
    """Cancel a shift: booked workers and open offers are told, with the reason."""

    submit_label = "Cancel shift"

    def __init__(self, shift_id: int, ref: str) -> None:
        super().__init__()
        self.shift_id = shift_id
        self.form_title = f"Cancel {ref}: booked workers are told the reason by text"

    def make_fields(self) -> list[FormField]:
        return [
            FormField(
                "Reason",
                "reason",
                placeholder="e.g. the ward closed",
                validators=[required("A reason")],
            )
        ]

    def save(self, values: dict[str, str]) -> str:
        app = self.app
        done = cancel_shift_for_buyer(app.db, app.who, self.shift_id, values["reason"], app.clock())
        return f"{done.ref} cancelled; {done.told} worker(s) told"
