"""The exchange's tables. Money is in minor units, instants are UTC, phones are E.164."""

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Column, Index, MetaData, UniqueConstraint, text
from sqlmodel import AutoString, Field, SQLModel

from store.statuses import (
    BookingStatus,
    CredentialCheckStatus,
    DisputeStatus,
    InboxThreadStatus,
    MessageStatus,
    NoticeStatus,
    OfferStatus,
    OperatorRole,
    RateRaiseStatus,
    ShiftStatus,
    TimesheetStatus,
    WorkerStatus,
)
from store.types import UTCDateTime

# Named constraints let Alembic alter them on SQLite (batch mode) and PostgreSQL alike.
SQLModel.metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def instant(*, index: bool = False, nullable: bool = True) -> Any:
    """A UTC timestamp column."""
    return Field(default=None, sa_column=Column(UTCDateTime(), index=index, nullable=nullable))


def state(default: StrEnum, *, index: bool = False) -> Any:
    """A status column kept as plain text, so the values stored before the enums stay valid."""
    return Field(default=default, sa_type=AutoString, index=index)


def one_of(column: str, states: type[StrEnum]) -> CheckConstraint:
    """The database refuses a value of `column` outside `states` (ck_<table>_<column>)."""
    allowed = ", ".join(f"'{member.value}'" for member in states)
    return CheckConstraint(f"{column} IN ({allowed})", name=column)


def json_list() -> Any:
    return Field(default_factory=list, sa_column=Column(JSON, nullable=False))


def json_dict() -> Any:
    return Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Market(SQLModel, table=True):
    """One sector in one area, with its own zone, currency and published settings."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    sector: str
    area: str
    tz: str = "Europe/London"
    currency: str = "GBP"
    region: str = "GB"
    phone_number: str | None = None
    franchise_id: int | None = Field(default=None, foreign_key="franchise.id", index=True)
    skills: list[str] = json_list()
    markup_bp: int = 200
    franchisee_share_bp: int = 5000
    booking_cap_minor: int = 30000
    offer_window_minutes: int = 15
    wave_factor: int = 3
    ranking_rule: str = "rotation"
    quiet_start: str = "21:00"
    quiet_end: str = "08:00"
    daily_text_cap: int = 20
    reminder_evening: str = "18:00"
    reminder_before_minutes: int = 120
    checkin_grace_minutes: int = 20
    inbox_answer_hours: int = 4  # working hours within which a person answers the Inbox
    timesheet_auto_confirm_hours: int = 48
    cancellation_notice_minutes: int = 1440
    cancellation_pay_minutes: int = 120
    # The labour rule set in force here (LabourRule.rule_set), and whether a checked right to work
    # is needed before any offer (rule 11).
    rule_set: str | None = None
    requires_right_to_work: bool = False
    created_at: datetime | None = instant()


class Concession(SQLModel, table=True):
    """The jurisdiction's limits, one row: every market's settings live inside them."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = "POEMS"
    markup_ceiling_bp: int = 1000
    booking_cap_minor: int = 100_000
    # Rule 9: the largest share of a sector's booked hours one franchisee may hold.
    share_cap_bp: int = 3000
    share_window_days: int = 90
    point_life_days: int = 365
    points_to_suspend: int = 3
    escalate_after_hours: int = 72
    appeal_days: int = 14


class Franchise(SQLModel, table=True):
    """A franchisee's holding: the markets they run."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    franchisee_id: int = Field(foreign_key="operator.id", index=True)
    created_at: datetime | None = instant()


class MarketTransfer(SQLModel, table=True):
    """A market moved from one franchise to another; its history stays with the market."""

    id: int | None = Field(default=None, primary_key=True)
    market_id: int = Field(foreign_key="market.id", index=True)
    from_franchise_id: int | None = Field(default=None, foreign_key="franchise.id")
    to_franchise_id: int = Field(foreign_key="franchise.id")
    operator_id: int | None = Field(default=None, foreign_key="operator.id")
    reason: str
    at: datetime = instant(nullable=False)


class ShareFlag(SQLModel, table=True):
    """One month's measure of a franchisee over the cap in a sector, and what must be divested."""

    __table_args__ = (
        UniqueConstraint("franchisee_id", "sector", "period", name="uq_shareflag_measure"),
    )

    id: int | None = Field(default=None, primary_key=True)
    franchisee_id: int = Field(foreign_key="operator.id", index=True)
    sector: str
    period: str
    share_bp: int
    cap_bp: int
    franchisee_minutes: int
    sector_minutes: int
    # Booked minutes the franchisee must hand on to come back under the cap.
    divest_minutes: int
    window_start: datetime = instant(nullable=False)
    window_end: datetime = instant(nullable=False)
    measured_at: datetime = instant(nullable=False)


class Operator(SQLModel, table=True):
    """Staff, franchisees, admins and auditors. Operators never trade (rule 6)."""

    __table_args__ = (one_of("role", OperatorRole),)

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(unique=True)
    name: str
    role: OperatorRole = state(OperatorRole.STAFF)
    phone: str | None = Field(default=None, index=True)
    password_hash: str | None = None
    created_at: datetime | None = instant()


class SignIn(SQLModel, table=True):
    """Every sign-in attempt to the console, kept to limit guessing and for the record."""

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True)
    ok: bool
    at: datetime = instant(index=True, nullable=False)


class OperatorSession(SQLModel, table=True):
    """An operator signed in for a while (`poems signin`, the console's sign-in): the random
    token stays with the operator, only its hash is kept here."""

    id: int | None = Field(default=None, primary_key=True)
    operator_id: int = Field(foreign_key="operator.id", index=True)
    token_hash: str = Field(unique=True)
    created_at: datetime = instant(nullable=False)
    expires_at: datetime = instant(nullable=False)
    ended_at: datetime | None = instant()


class SettingChange(SQLModel, table=True):
    """A change to a market's published settings, with who made it and when."""

    id: int | None = Field(default=None, primary_key=True)
    market_id: int = Field(foreign_key="market.id", index=True)
    field: str
    old_value: str | None = None
    new_value: str | None = None
    operator_id: int | None = Field(default=None, foreign_key="operator.id")
    at: datetime = instant(nullable=False)


class Worker(SQLModel, table=True):
    """One person selling their time, reached by one phone number."""

    __table_args__ = (
        one_of("status", WorkerStatus),
        # The few who gave a travel distance, found without reading every worker: matching
        # adds them to those whose areas cover a shift.
        Index(
            "ix_worker_travels",
            "travel_miles",
            sqlite_where=text("travel_miles IS NOT NULL"),
            postgresql_where=text("travel_miles IS NOT NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    phone: str = Field(unique=True)
    market_id: int | None = Field(default=None, foreign_key="market.id")
    # Indexed so the console finds a worker by name among 100,000 without reading them all.
    name: str | None = Field(default=None, index=True)
    language: str = "en"
    status: WorkerStatus = state(WorkerStatus.SIGNING_UP)
    postcode: str | None = None
    zip: str | None = None
    travel_areas: list[str] = json_list()
    # How far the worker will go, centre to centre; None keeps them to their postcode area.
    travel_miles: int | None = None
    asking_rate_minor: int | None = None
    currency: str = "GBP"
    min_shift_minutes: int = 60
    notice_minutes: int = 60
    tax_percent: int = 0
    opted_out: bool = False
    # Only where the market's rules depend on age (bands, youth rules).
    date_of_birth: date | None = None
    # A written opt-out of the average weekly limit, and when a withdrawal of it takes effect.
    week_opt_out_at: datetime | None = instant()
    week_opt_out_ends_at: datetime | None = instant()
    # Three live penalty points stop offers until staff review.
    suspended_at: datetime | None = instant()
    last_booked_at: datetime | None = instant()
    created_at: datetime | None = instant()


class Place(SQLModel, table=True):
    """Where a postcode district or a ZIP lies: its centre, so "within 5 miles" is a distance."""

    code: str = Field(primary_key=True)
    name: str
    latitude: float
    longitude: float


class WorkerArea(SQLModel, table=True):
    """One area a worker travels in: Worker.travel_areas, each without spaces and in capitals.

    Kept by the database's own triggers (migration 0003) on every insert, change of areas and
    delete of a worker, so it never goes stale: matching reads a shift's nearby workers from it
    instead of every worker in the city.
    """

    area: str = Field(primary_key=True)
    worker_id: int = Field(primary_key=True, index=True)


class WorkerSkill(SQLModel, table=True):
    worker_id: int = Field(foreign_key="worker.id", primary_key=True)
    skill: str = Field(primary_key=True, index=True)


class CredentialCheck(SQLModel, table=True):
    """A check of an official record, run only after the worker says YES by SMS (rule 8)."""

    __table_args__ = (one_of("status", CredentialCheckStatus),)

    id: int | None = Field(default=None, primary_key=True)
    worker_id: int = Field(foreign_key="worker.id", index=True)
    credential: str
    ref: str
    status: CredentialCheckStatus = state(CredentialCheckStatus.ASKED, index=True)
    requested_by: int | None = Field(default=None, foreign_key="operator.id")
    asked_at: datetime | None = instant()
    consented_at: datetime | None = instant()
    checked_at: datetime | None = instant()
    result: str | None = None
    expires_at: datetime | None = instant()


class WorkerCredential(SQLModel, table=True):
    """A credential a verifier confirmed, until it expires."""

    id: int | None = Field(default=None, primary_key=True)
    worker_id: int = Field(foreign_key="worker.id", index=True)
    credential: str
    source: str
    verified_at: datetime = instant(nullable=False)
    expires_at: datetime | None = instant()


class TermsChange(SQLModel, table=True):
    """A change to a worker's terms, with who asked for it and why."""

    id: int | None = Field(default=None, primary_key=True)
    worker_id: int = Field(foreign_key="worker.id", index=True)
    field: str
    old_value: str | None = None
    new_value: str | None = None
    changed_by: str = "worker"
    reason: str | None = None
    at: datetime | None = instant()


# (No PrivateView table: the console logs each look at a worker's record, with its reason, through
# exchange.access.record_access into DataAccess, which WHO SAW reads.)


class Buyer(SQLModel, table=True):
    """An employer or public body that posts shifts."""

    id: int | None = Field(default=None, primary_key=True)
    market_id: int = Field(foreign_key="market.id", index=True)
    name: str = Field(unique=True)
    phone: str | None = None
    contact_name: str | None = None
    default_postcode: str | None = None
    default_place: str | None = None
    # Three live penalty points stop postings until staff review.
    suspended_at: datetime | None = instant()
    created_at: datetime | None = instant()


class AvailabilityWindow(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    worker_id: int = Field(foreign_key="worker.id", index=True)
    start: datetime = instant(index=True, nullable=False)
    end: datetime = instant(index=True, nullable=False)
    pattern_id: int | None = Field(default=None, foreign_key="availabilitypattern.id")
    created_at: datetime | None = instant()


class AvailabilityPattern(SQLModel, table=True):
    """Availability that repeats ("every weekday 9-3"): windows are made from it day by day."""

    id: int | None = Field(default=None, primary_key=True)
    worker_id: int = Field(foreign_key="worker.id", index=True)
    days: list[str] = json_list()
    start_time: str
    end_time: str
    made_until: datetime | None = instant()
    created_at: datetime | None = instant()


class Shift(SQLModel, table=True):
    """Work a buyer needs done: `slots` people, at the buyer's top hourly rate at most."""

    __table_args__ = (
        # A newly free worker's text finds the shifts of their skills inside their windows.
        Index("ix_shift_skill_start", "skill", "start"),
        one_of("status", ShiftStatus),
    )

    id: int | None = Field(default=None, primary_key=True)
    ref: str | None = Field(default=None, unique=True)
    market_id: int = Field(foreign_key="market.id", index=True)
    buyer_id: int = Field(foreign_key="buyer.id", index=True)
    skill: str
    postcode: str
    place: str | None = None
    start: datetime = instant(index=True, nullable=False)
    end: datetime = instant(nullable=False)
    slots: int
    booked: int = 0
    max_rate_minor: int
    currency: str = "GBP"
    credentials: list[str] = json_list()
    # The unpaid rest break inside the shift, shown in the offer (the law sets the least).
    break_minutes: int = 0
    status: ShiftStatus = state(ShiftStatus.OPEN, index=True)
    wave: int = 0
    cancel_reason: str | None = None
    posted_by: int | None = Field(default=None, foreign_key="operator.id")
    created_at: datetime | None = instant()


class Offer(SQLModel, table=True):
    """A shift offered to one worker, with the published reason it went to them."""

    __table_args__ = (
        # A reference a worker types must point at one live offer only.
        Index(
            "uq_offer_live_ref",
            "worker_id",
            "ref",
            unique=True,
            sqlite_where=text("status = 'live'"),
            postgresql_where=text("status = 'live'"),
        ),
        UniqueConstraint("shift_id", "worker_id", name="uq_offer_shift_worker"),
        one_of("status", OfferStatus),
    )

    id: int | None = Field(default=None, primary_key=True)
    shift_id: int = Field(foreign_key="shift.id", index=True)
    worker_id: int = Field(foreign_key="worker.id", index=True)
    wave: int
    rank: int
    ref: str
    status: OfferStatus = state(OfferStatus.LIVE, index=True)
    reason: str
    created_at: datetime | None = instant()
    expires_at: datetime | None = instant()
    answered_at: datetime | None = instant()


class Booking(SQLModel, table=True):
    """A worker's promise to work a shift, at their own asking rate."""

    __table_args__ = (
        Index(
            "uq_booking_live",
            "shift_id",
            "worker_id",
            unique=True,
            sqlite_where=text("status = 'booked'"),
            postgresql_where=text("status = 'booked'"),
        ),
        one_of("status", BookingStatus),
    )

    id: int | None = Field(default=None, primary_key=True)
    shift_id: int = Field(foreign_key="shift.id", index=True)
    worker_id: int = Field(foreign_key="worker.id", index=True)
    offer_id: int | None = Field(default=None, foreign_key="offer.id")
    rate_minor: int
    currency: str
    status: BookingStatus = state(BookingStatus.BOOKED)
    created_at: datetime | None = instant()
    ended_at: datetime | None = instant()
    checked_in_at: datetime | None = instant()
    checked_out_at: datetime | None = instant()
    late_minutes: int | None = None
    arrived: bool | None = None


class Deadline(SQLModel, table=True):
    """A moment something must happen (a reminder, a check); a sweep claims it once when due."""

    __table_args__ = (
        UniqueConstraint("kind", "booking_id", "timesheet_id", name="uq_deadline_what"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str
    due_at: datetime = instant(index=True, nullable=False)
    done_at: datetime | None = instant(index=True)
    booking_id: int | None = Field(default=None, foreign_key="booking.id")
    timesheet_id: int | None = Field(default=None, foreign_key="timesheet.id")
    created_at: datetime | None = instant()


class Timesheet(SQLModel, table=True):
    """The hours worked: the worker's word, confirmed or amended by the buyer."""

    __table_args__ = (one_of("status", TimesheetStatus),)

    id: int | None = Field(default=None, primary_key=True)
    booking_id: int = Field(foreign_key="booking.id", unique=True)
    ref: str = Field(index=True)
    worker_minutes: int
    buyer_minutes: int | None = None
    # The break the timesheet records; None when nobody said.
    break_minutes: int | None = None
    status: TimesheetStatus = state(TimesheetStatus.SUBMITTED, index=True)
    submitted_at: datetime | None = instant()
    decided_at: datetime | None = instant()
    settled_at: datetime | None = instant()


class LedgerEntry(SQLModel, table=True):
    """One leg of a balanced money movement; the legs of a transaction sum to zero."""

    id: int | None = Field(default=None, primary_key=True)
    txn: str = Field(index=True)
    kind: str
    account: str = Field(index=True)
    amount_minor: int
    currency: str
    booking_id: int | None = Field(default=None, foreign_key="booking.id", index=True)
    worker_id: int | None = Field(default=None, foreign_key="worker.id", index=True)
    at: datetime = instant(index=True, nullable=False)


class Dispute(SQLModel, table=True):
    """Something gone wrong between a worker and a buyer over one booking, for the franchisee.

    `due_at` is when it escalates to staff if nobody touches it; `appeal_until` closes appeals.
    """

    __table_args__ = (one_of("status", DisputeStatus),)

    id: int | None = Field(default=None, primary_key=True)
    ref: str | None = Field(default=None, unique=True)
    market_id: int = Field(foreign_key="market.id", index=True)
    booking_id: int = Field(foreign_key="booking.id", index=True)
    timesheet_id: int | None = Field(default=None, foreign_key="timesheet.id")
    worker_id: int = Field(foreign_key="worker.id", index=True)
    buyer_id: int = Field(foreign_key="buyer.id", index=True)
    opened_by: str
    opened_by_operator_id: int | None = Field(default=None, foreign_key="operator.id")
    category: str
    summary: str
    claim_minor: int | None = None
    currency: str
    status: DisputeStatus = state(DisputeStatus.OPEN, index=True)
    opened_at: datetime = instant(nullable=False)
    touched_at: datetime = instant(nullable=False)
    due_at: datetime = instant(index=True, nullable=False)
    escalated_at: datetime | None = instant()
    decided_at: datetime | None = instant()
    appeal_until: datetime | None = instant()
    reviewer_id: int | None = Field(default=None, foreign_key="operator.id")


class DisputeEvent(SQLModel, table=True):
    """One thing said or done in a dispute: detail, a question, a reply, a note, an escalation."""

    id: int | None = Field(default=None, primary_key=True)
    dispute_id: int = Field(foreign_key="dispute.id", index=True)
    kind: str
    party: str
    operator_id: int | None = Field(default=None, foreign_key="operator.id")
    message_id: int | None = Field(default=None, foreign_key="message.id")
    body: str
    at: datetime = instant(nullable=False)


class DisputeDecision(SQLModel, table=True):
    """A decision with its written reason; an appeal's decision replaces the first one's effects."""

    id: int | None = Field(default=None, primary_key=True)
    dispute_id: int = Field(foreign_key="dispute.id", index=True)
    stage: str
    outcome: str
    amount_minor: int = 0
    at_fault: str | None = None
    reason: str
    operator_id: int = Field(foreign_key="operator.id")
    at: datetime = instant(nullable=False)


class PenaltyPoint(SQLModel, table=True):
    """A point on a worker's or buyer's record for a dispute they were found at fault in."""

    id: int | None = Field(default=None, primary_key=True)
    worker_id: int | None = Field(default=None, foreign_key="worker.id", index=True)
    buyer_id: int | None = Field(default=None, foreign_key="buyer.id", index=True)
    dispute_id: int = Field(foreign_key="dispute.id", index=True)
    reason: str
    given_at: datetime = instant(nullable=False)
    expires_at: datetime = instant(nullable=False)
    withdrawn_at: datetime | None = instant()


class InboxThread(SQLModel, table=True):
    """A conversation a person must read: a text the exchange could not act on with confidence,
    or one about safety or conduct. Staff answer it from the Inbox."""

    __table_args__ = (one_of("status", InboxThreadStatus),)

    id: int | None = Field(default=None, primary_key=True)
    phone: str = Field(index=True)
    worker_id: int | None = Field(default=None, foreign_key="worker.id", index=True)
    market_id: int = Field(foreign_key="market.id", index=True)
    status: InboxThreadStatus = state(InboxThreadStatus.OPEN, index=True)
    urgent: bool = False
    # not_understood, safety, conduct; buyer: a buyer's words that are no command; stopped_booked:
    # STOP from a worker with bookings to come; cant_come_started: giving up a shift under way
    reason: str
    opened_at: datetime = instant(nullable=False)
    last_text_at: datetime = instant(nullable=False)
    due_at: datetime = instant(index=True, nullable=False)
    answered_at: datetime | None = instant()
    answered_by: int | None = Field(default=None, foreign_key="operator.id")
    closed_at: datetime | None = instant()


class Message(SQLModel, table=True):
    """Every SMS in or out, as the log the console and the owner can read.

    An inbound text is acted on once (`processed_at`); a fault while acting leaves it waiting,
    with how often acting failed, the last error and when the inbound sweep tries again.
    """

    __table_args__ = (
        # The inbound sweep reads only texts still waiting, never the whole log.
        Index(
            "ix_message_waiting",
            "id",
            sqlite_where=text("processed_at IS NULL AND direction = 'in'"),
            postgresql_where=text("processed_at IS NULL AND direction = 'in'"),
        ),
        # The few texts acted on only after a failed try, for staff to count.
        Index(
            "ix_message_retried",
            "processed_at",
            sqlite_where=text("act_attempts > 0"),
            postgresql_where=text("act_attempts > 0"),
        ),
        one_of("status", MessageStatus),
    )

    id: int | None = Field(default=None, primary_key=True)
    direction: str
    phone: str = Field(index=True)
    exchange_phone: str | None = None
    body: str
    provider_sid: str | None = Field(default=None, unique=True)
    status: MessageStatus = state(MessageStatus.RECEIVED)
    error_code: int | None = None
    segments: int = 1
    worker_id: int | None = Field(default=None, foreign_key="worker.id", index=True)
    notice_id: int | None = Field(default=None, foreign_key="notice.id")
    created_at: datetime | None = instant(index=True)
    processed_at: datetime | None = instant()
    status_at: datetime | None = instant()
    thread_id: int | None = Field(default=None, foreign_key="inboxthread.id", index=True)
    # What the exchange read in an inbound text (the parser's reading), for the people who
    # read it after: intent, language, the rule that decided.
    reading: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    act_attempts: int = 0
    act_error: str | None = None
    act_after: datetime | None = instant()


class Notice(SQLModel, table=True):
    """Something the exchange must tell a person: the transactional outbox.

    A dispatcher claims a notice ("sending", `claimed_at`) with its words already rendered into
    `body`, so a notice a dead process left "sending" can be looked up at the provider by them.
    """

    __table_args__ = (one_of("status", NoticeStatus),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str
    phone: str
    worker_id: int | None = Field(default=None, foreign_key="worker.id", index=True)
    buyer_id: int | None = Field(default=None, foreign_key="buyer.id")
    language: str = "en"
    data: dict[str, Any] = json_dict()
    status: NoticeStatus = state(NoticeStatus.PENDING, index=True)
    attempts: int = 0
    next_attempt_at: datetime | None = instant(index=True)
    last_error: str | None = None
    created_at: datetime | None = instant()
    sent_at: datetime | None = instant()
    claimed_at: datetime | None = instant()
    body: str | None = None
    # The provider's id for the send, once known (from the send, or a delivery callback).
    provider_sid: str | None = None


class ShiftTopUp(SQLModel, table=True):
    """A shift a newly free worker may fit: the wave sweep tops its wave up, one shift at a time.

    Queued by the worker's text instead of done in it, so that text never locks open shifts.
    No foreign keys: on PostgreSQL one would make queueing take a lock on the shift, which a
    YES may be holding.
    """

    id: int | None = Field(default=None, primary_key=True)
    shift_id: int = Field(index=True)
    worker_id: int
    created_at: datetime = instant(nullable=False)


class Conversation(SQLModel, table=True):
    """Where an SMS dialogue with one phone stands: sign-up steps or a question asked back."""

    phone: str = Field(primary_key=True)
    kind: str
    step: str
    data: dict[str, Any] = json_dict()
    updated_at: datetime | None = instant()


class LabourRule(SQLModel, table=True):
    """One figure of the law in one rule set, from a date, with its source; a change is a new row.

    `kind` says what `value` means: minimum_wage (minor units an hour), week (minutes in 7 days,
    over `period_days`), day (minutes a local day), rest (minutes between shifts), break (minutes,
    for shifts over `over_minutes`), night (no work from `night_from` to `night_to`),
    minimum_age and school_leaving (years). A None value lifts the limit from that date.
    """

    id: int | None = Field(default=None, primary_key=True)
    rule_set: str = Field(index=True)
    kind: str
    authority: str
    age_from: int | None = None
    age_to: int | None = None
    value: int | None = None
    period_days: int | None = None
    rolling: bool = False
    over_minutes: int | None = None
    night_from: str | None = None
    night_to: str | None = None
    opt_out: bool = False
    effective_from: date
    law: str
    source: str
    note: str | None = None
    withdrawn_at: datetime | None = instant()
    created_at: datetime | None = instant()


class RuleChange(SQLModel, table=True):
    """Who added or withdrew a labour rule, when and why (the console needs the admin role)."""

    id: int | None = Field(default=None, primary_key=True)
    rule_id: int = Field(foreign_key="labourrule.id", index=True)
    action: str
    operator_id: int | None = Field(default=None, foreign_key="operator.id")
    reason: str
    at: datetime = instant(nullable=False)


class OfferSkip(SQLModel, table=True):
    """A worker the law kept away from a shift, and the rule that did, so WHY can say it."""

    __table_args__ = (UniqueConstraint("shift_id", "worker_id", name="uq_offerskip_shift_worker"),)

    id: int | None = Field(default=None, primary_key=True)
    shift_id: int = Field(foreign_key="shift.id", index=True)
    worker_id: int = Field(foreign_key="worker.id", index=True)
    rule: str
    reason: str
    at: datetime = instant(nullable=False)


class RateRaise(SQLModel, table=True):
    """A worker asked to raise their rate to a new legal minimum; it changes only on their YES."""

    __table_args__ = (one_of("status", RateRaiseStatus),)

    id: int | None = Field(default=None, primary_key=True)
    worker_id: int = Field(foreign_key="worker.id", index=True)
    old_rate_minor: int
    new_rate_minor: int
    currency: str
    from_date: date
    status: RateRaiseStatus = state(RateRaiseStatus.ASKED)
    asked_at: datetime = instant(nullable=False)
    answered_at: datetime | None = instant()


class DataAccess(SQLModel, table=True):
    """An operator looked at a worker's private data, and why (the worker reads it by WHO SAW)."""

    id: int | None = Field(default=None, primary_key=True)
    worker_id: int = Field(foreign_key="worker.id", index=True)
    operator_id: int | None = Field(default=None, foreign_key="operator.id")
    reason: str
    detail: str | None = None
    at: datetime = instant(index=True, nullable=False)


class AuditEntry(SQLModel, table=True):
    """One operator change, chained to the entry before it by hash: the tamper-evident record.

    `hash` is sha256 over the canonical JSON of the other fields; `detail_hash` stands in for
    `detail` so a detail erased at a worker's request leaves the chain intact.
    """

    id: int | None = Field(default=None, primary_key=True)
    seq: int = Field(unique=True)
    at: datetime = instant(nullable=False)
    operator_id: int | None = None
    action: str
    subject: str
    detail: str | None = None
    detail_hash: str
    prev_hash: str
    hash: str


class Publication(SQLModel, table=True):
    """One publication of the anonymised market data: when, which weeks, and its digest."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = instant(index=True, nullable=False)
    version: str
    first_week: str | None = None
    last_week: str | None = None
    cells: int = 0
    suppressed: int = 0
    digest: str
    audit_seq: int = 0
    audit_hash: str | None = None


class DatabaseLabel(SQLModel, table=True):
    """A fact about the database itself, e.g. that it is a sandbox whose texts never leave."""

    name: str = Field(primary_key=True)
    value: str
    set_at: datetime | None = instant()
