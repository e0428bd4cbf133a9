"""The states each thing on the exchange can be in, one enum per `status` column (and the
operator's role), with the groups of states the market's rules ask about.

Members are str and their values are what the database stores, so a status read back as a plain
string compares equal to its member; each column's CHECK constraint refuses any other value.
"""

from enum import StrEnum


class WorkerStatus(StrEnum):
    SIGNING_UP = "signing_up"
    ACTIVE = "active"
    # Their personal data deleted at their request; the row stays for the records naming it.
    ERASED = "erased"


class OperatorRole(StrEnum):
    ADMIN = "admin"
    STAFF = "staff"
    FRANCHISEE = "franchisee"
    AUDITOR = "auditor"


class CredentialCheckStatus(StrEnum):
    ASKED = "asked"
    CONSENTED = "consented"
    DECLINED = "declined"
    CHECKING = "checking"
    VERIFIED = "verified"
    FAILED = "failed"


class ShiftStatus(StrEnum):
    OPEN = "open"
    OFFERING = "offering"
    FILLED = "filled"
    UNFILLED = "unfilled"
    CANCELLED = "cancelled"
    DONE = "done"


class OfferStatus(StrEnum):
    LIVE = "live"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    # Closed because the shift filled; offered again (the same row) if a slot reopens.
    FILLED = "filled"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"
    # The law or the worker's other shifts kept them from booking at the moment of YES.
    BARRED = "barred"


class BookingStatus(StrEnum):
    BOOKED = "booked"
    DROPPED = "dropped"
    CANCELLED = "cancelled"
    DONE = "done"


class TimesheetStatus(StrEnum):
    SUBMITTED = "submitted"
    AMENDED = "amended"
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"


class DisputeStatus(StrEnum):
    OPEN = "open"
    ESCALATED = "escalated"
    DECIDED = "decided"
    APPEALED = "appealed"
    CLOSED = "closed"


class InboxThreadStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"


class MessageStatus(StrEnum):
    """An inbound text is "received"; an outbound one carries what Twilio last said of it:
    every MessageStatus Twilio documents, since its callbacks are kept as they come."""

    ACCEPTED = "accepted"
    SCHEDULED = "scheduled"
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    DELIVERED = "delivered"
    UNDELIVERED = "undelivered"
    FAILED = "failed"
    READ = "read"
    PARTIALLY_DELIVERED = "partially_delivered"
    CANCELED = "canceled"
    RECEIVING = "receiving"
    RECEIVED = "received"


class NoticeStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    # Never sent: the number opted out.
    SUPPRESSED = "suppressed"
    # An offer over the worker's daily cap of texts.
    HELD = "held"
    # Not sent because the worker's data was deleted before it went.
    ERASED = "erased"


class RateRaiseStatus(StrEnum):
    ASKED = "asked"
    AGREED = "agreed"
    SUPERSEDED = "superseded"


# A shift still taking workers: offers may go out and a YES may book.
SHIFT_OPEN = (ShiftStatus.OPEN, ShiftStatus.OFFERING)
# A shift still to be worked: taking workers, or filled and not yet over.
SHIFT_LIVE = (*SHIFT_OPEN, ShiftStatus.FILLED)
# A shift nothing more can happen to.
SHIFT_OVER = (ShiftStatus.CANCELLED, ShiftStatus.DONE)
# An offer that closed without the worker's answer, whose fate a late YES is told.
OFFER_CLOSED = (OfferStatus.FILLED, OfferStatus.EXPIRED, OfferStatus.WITHDRAWN, OfferStatus.BARRED)
# A booking that still stands: a dropped one was offered again, a cancelled one never worked.
BOOKING_STANDS = (BookingStatus.BOOKED, BookingStatus.DONE)
# A dispute waiting for a decision, in the franchisee's (or, escalated, staff's) queue.
DISPUTE_UNDECIDED = (DisputeStatus.OPEN, DisputeStatus.ESCALATED, DisputeStatus.APPEALED)
# Operators who act in the market; an auditor only reads.
OPERATORS_WHO_ACT = (OperatorRole.ADMIN, OperatorRole.STAFF, OperatorRole.FRANCHISEE)
