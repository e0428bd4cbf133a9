"""Operators of the exchange: accounts, roles, sign-in with a limit on guessing, and what each may touch."""

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, col, func, select

from exchange.audit import audit
from exchange.errors import Refused
from store.models import Buyer, Franchise, Market, Operator, SignIn, Worker
from store.statuses import OPERATORS_WHO_ACT, OperatorRole

# Failed sign-ins allowed per username in the window before the account is locked for a while.
MOST_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
SHORTEST_PASSWORD = 8


@cache
def _hasher(cost: str) -> PasswordHasher:
    # POEMS_PASSWORD_HASH=test: Argon2id at its cheapest, for the test suite's many accounts
    # only; every other value is argon2's recommended cost. A hash names its own cost, so either
    # hasher checks any stored password.
    if cost == "test":
        return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    return PasswordHasher()


def hash_password(password: str) -> str:
    """An Argon2id hash of the password, salted; the password itself is never stored."""
    return _hasher(os.environ.get("POEMS_PASSWORD_HASH", "")).hash(password)


def password_matches(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return _hasher("").verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def add_operator(
    session: Session,
    username: str,
    name: str,
    role: str,
    password: str,
    now: datetime,
    phone: str | None = None,
    allow_short_password: bool = False,
    by: Operator | None = None,
) -> Operator:
    """A new console account, recorded in the audit chain as made `by` an admin (None: the
    exchange's own set-up, see `add_first_operator`). An operator's phone may not be a worker's
    or a buyer's (rule 6)."""
    if by is not None:
        require(by, OperatorRole.ADMIN)
    username = username.strip().lower()
    if not username or not username.replace("_", "").replace(".", "").isalnum():
        raise Refused("bad_username", "A username is letters and digits (also . and _)")
    if role not in tuple(OperatorRole):
        raise Refused("bad_role", f"A role is one of {', '.join(OperatorRole)}")
    if len(password) < SHORTEST_PASSWORD and not allow_short_password:
        raise Refused("short_password", f"A password needs at least {SHORTEST_PASSWORD} characters")
    if session.exec(select(Operator.id).where(Operator.username == username)).first():
        raise Refused("taken", f"There is already an operator called {username}")
    if phone:
        refuse_trading_phone(session, phone)
    operator = Operator(
        username=username,
        name=name.strip() or username,
        role=role,
        phone=phone,
        password_hash=hash_password(password),
        created_at=now,
    )
    session.add(operator)
    session.flush()
    audit(
        session,
        by.id if by else None,
        "operator_add",
        f"operator:{operator.id}",
        f"{operator.username} as {role}",
        now,
    )
    return operator


def add_first_operator(
    session: Session,
    username: str,
    name: str,
    password: str,
    now: datetime,
    phone: str | None = None,
) -> Operator:
    """The exchange's first account, an admin, made by whoever runs it: nobody is there yet to
    sign in. From then on only a signed-in admin adds operators."""
    if session.exec(select(Operator.id)).first() is not None:
        raise Refused("not_first", "There are operators already: an admin must sign in to add one")
    return add_operator(session, username, name, OperatorRole.ADMIN, password, now, phone=phone)


def refuse_trading_phone(session: Session, phone: str) -> None:
    """Rule 6, for a phone about to become an operator's: one that buys or sells never runs
    the exchange."""
    if session.exec(select(Worker.id).where(Worker.phone == phone)).first():
        raise Refused(
            "operator", "Operators cannot buy or sell on the exchange: that is a worker's phone"
        )
    if session.exec(select(Buyer.id).where(Buyer.phone == phone)).first():
        raise Refused(
            "operator", "Operators cannot buy or sell on the exchange: that is a buyer's phone"
        )


def is_operator_phone(session: Session, phone: str) -> bool:
    return session.exec(select(Operator.id).where(Operator.phone == phone)).first() is not None


def refuse_operator_phone(session: Session, phone: str) -> None:
    """Rule 6, for a phone about to buy or sell: an operator's phone never trades."""
    if is_operator_phone(session, phone):
        raise Refused(
            "operator", "Operators cannot buy or sell on the exchange: that is an operator's phone"
        )


def recent_failures(session: Session, username: str, now: datetime) -> int:
    """Failed sign-ins for this username inside the window, counted since the last success."""
    since = now - FAILURE_WINDOW
    last_ok = session.exec(
        select(func.max(SignIn.at)).where(SignIn.username == username, col(SignIn.ok).is_(True))
    ).one()
    if last_ok is not None and last_ok > since:
        since = last_ok
    return session.exec(
        select(func.count())
        .select_from(SignIn)
        .where(SignIn.username == username, col(SignIn.ok).is_(False), col(SignIn.at) > since)
    ).one()


@dataclass(frozen=True)
class SignInOutcome:
    """Who signed in, or why not. Not an exception, so the attempt's log row is committed."""

    operator: Operator | None
    reason: str | None = None


def sign_in(session: Session, username: str, password: str, now: datetime) -> SignInOutcome:
    """Check a password; every attempt is logged, and too many failures lock the username a while."""
    username = username.strip().lower()
    if recent_failures(session, username, now) >= MOST_FAILURES:
        session.add(SignIn(username=username, ok=False, at=now))
        minutes = int(FAILURE_WINDOW.total_seconds() // 60)
        return SignInOutcome(
            None, f"Too many failed sign-ins for {username}: try again in {minutes} minutes"
        )
    operator = session.exec(select(Operator).where(Operator.username == username)).first()
    ok = operator is not None and password_matches(operator.password_hash, password)
    session.add(SignIn(username=username, ok=ok, at=now))
    if not ok:
        # The same words whether the username exists or not, so guessing learns nothing.
        return SignInOutcome(None, "That username and password do not match")
    return SignInOutcome(operator)


def market_ids_for(session: Session, operator: Operator) -> list[int] | None:
    """The markets an operator may see: None for all; a franchisee sees only its own."""
    if operator.role != OperatorRole.FRANCHISEE:
        return None
    return list(
        session.exec(
            select(Market.id)
            .join(Franchise, col(Franchise.id) == Market.franchise_id)
            .where(Franchise.franchisee_id == operator.id)
        )
    )


def may_write(operator: Operator) -> bool:
    """Auditors only read."""
    return operator.role in OPERATORS_WHO_ACT


def require(operator: Operator, *roles: OperatorRole) -> None:
    """Refuse unless the operator has one of the roles."""
    if operator.role not in roles:
        raise Refused("not_allowed", f"A {operator.role} may not do that")


def acts_in(session: Session, operator: Operator, market_id: int) -> None:
    """Refuse unless the operator may change things in this market: not an auditor, and for a
    franchisee only their own markets."""
    if not may_write(operator):
        raise Refused("not_allowed", "An auditor reads but does not act")
    require_market(session, operator, market_id)


def require_market(session: Session, operator: Operator, market_id: int) -> None:
    """Refuse when the market is outside what this operator may touch."""
    allowed = market_ids_for(session, operator)
    if allowed is not None and market_id not in allowed:
        raise Refused("not_allowed", "That market belongs to another franchisee")
