"""Forms at the desk: onboard a walk-in, change terms at the worker's request, ask to check a credential."""

from textual.widgets import Input

from exchange.credentials import KINDS
from exchange.errors import Refused
from exchange.law.people import needs_date_of_birth
from exchange.money import parse_money
from exchange.onboarding import (
    check_born,
    check_name,
    check_place_for,
    check_skills,
)
from exchange.phones import to_e164
from exchange.workers import check_rate
from poems_tui.screens.forms import FormScreen
from poems_tui.widgets.form import FormField, required, rule
from services.workers import ask_credential_check, change_worker_terms, sign_up_walk_in
from sms.signup import pick_skills
from store.models import Market


def skills_from(text: str, market: Market) -> list[str]:
    """'care cleaning' or '1 2' (numbers from the market's list), as in the sign-up text."""
    picked = pick_skills(text, list(market.skills))
    if not picked:
        raise Refused("no_skills", f"Skills from: {' '.join(market.skills)} (names or numbers)")
    return check_skills(market, picked)


def _rate(text: str) -> int:
    return check_rate(parse_money(text))


def _minutes(text: str) -> int:
    if not text.strip().isdecimal() or int(text) > 1440:
        raise Refused("bad_number", "Minutes as a whole number, up to 1440")
    return int(text)


class OnboardScreen(FormScreen):
    """A walk-in joins at the desk: the same checks as sign-up by text, then a welcome text."""

    form_title = "Onboard a walk-in (they get a welcome text)"
    submit_label = "Sign up"

    def __init__(self, market: Market) -> None:
        super().__init__()
        self.market = market
        # Where pay and hours depend on age a date of birth is needed; read when the form opens.
        self.age_needed = False

    def on_mount(self) -> None:
        self.run_worker(self._ask_age, thread=True, group="age")

    def _ask_age(self) -> None:
        app = self.app
        with app.db.read() as session:
            needed = needs_date_of_birth(session, self.market, app.clock())
        app.call_from_thread(self._age_needed, needed)

    def _age_needed(self, needed: bool) -> None:
        self.age_needed = needed
        if needed:
            self.query_one(
                "#born", Input
            ).placeholder = "31/12/1990 (needed here: pay depends on age)"

    def _born(self, text: str) -> object:
        if text.strip():
            return check_born(text, self.app.clock())
        if self.age_needed:
            raise Refused("no_date_of_birth", "Pay and hours here depend on age: it is needed")
        return None

    def make_fields(self) -> list[FormField]:
        market = self.market
        return [
            FormField(
                "Mobile",
                "phone",
                placeholder="07700 900123",
                validators=[rule(lambda v: to_e164(v, market.region))],
            ),
            FormField("Name", "name", placeholder="Ann Smith", validators=[rule(check_name)]),
            FormField(
                "Skills",
                "skills",
                placeholder=" ".join(market.skills[:3]),
                validators=[rule(lambda v: skills_from(v, market))],
            ),
            FormField(
                "Postcode",
                "place",
                placeholder="E1 6AN",
                validators=[rule(lambda v: check_place_for(market, v))],
            ),
            FormField(
                "Date of birth",
                "born",
                placeholder="31/12/1990 (where pay and hours depend on age)",
                validators=[rule(self._born)],
            ),
            FormField(
                "Their rate /hr",
                "rate",
                placeholder="13.50 (theirs to set)",
                validators=[rule(_rate)],
            ),
        ]

    def save(self, values: dict[str, str]) -> str:
        app = self.app
        worker = sign_up_walk_in(
            app.db,
            app.who,
            self.market.id,
            values["phone"],
            values["name"],
            skills_from(values["skills"], self.market),
            values["place"],
            values["rate"],
            app.clock(),
            born=values["born"],
        )
        return f"{worker.name} signed up; welcome text queued to {worker.phone}"


class TermsScreen(FormScreen):
    """Change terms at the worker's request; who and why are recorded, the worker is told."""

    form_title = "Change terms at the worker's request"

    def __init__(self, worker_id: int, name: str, raw: dict[str, str], market: Market) -> None:
        super().__init__()
        self.worker_id = worker_id
        self.raw = raw
        self.market = market
        self.form_title = f"Change {name}'s terms, at their request (they are told by text)"

    def make_fields(self) -> list[FormField]:
        market, raw = self.market, self.raw
        return [
            FormField(
                "Their rate /hr", "asking_rate", raw["asking_rate"], validators=[rule(_rate)]
            ),
            FormField(
                "Postcode",
                "place",
                raw["place"],
                validators=[rule(lambda v: check_place_for(market, v))],
            ),
            FormField(
                "Skills",
                "skills",
                raw["skills"],
                validators=[rule(lambda v: skills_from(v, market))],
            ),
            FormField("Name", "name", raw["name"], validators=[rule(check_name)]),
            FormField(
                "Shortest shift",
                "min_shift_minutes",
                raw["min_shift_minutes"],
                validators=[rule(_minutes)],
            ),
            FormField(
                "Notice (min)", "notice_minutes", raw["notice_minutes"], validators=[rule(_minutes)]
            ),
            FormField(
                "Why",
                "reason",
                placeholder="e.g. asked at the desk: new rate",
                validators=[required("The reason")],
            ),
        ]

    def save(self, values: dict[str, str]) -> str:
        app = self.app
        reason = values.pop("reason")
        typed = {field: text for field, text in values.items() if text.strip() != self.raw[field]}
        if "skills" in typed:
            typed["skills"] = " ".join(skills_from(typed["skills"], self.market))
        changed = change_worker_terms(app.db, app.who, self.worker_id, reason, typed, app.clock())
        return f"Changed: {', '.join(changed)}" if changed else "Nothing changed"


class CredentialScreen(FormScreen):
    """Ask the worker's consent to check a credential; nothing is looked up before their YES."""

    form_title = "Check a credential: the worker is asked first, by text"
    submit_label = "Ask"

    def __init__(self, worker_id: int, name: str) -> None:
        super().__init__()
        self.worker_id = worker_id
        self.form_title = f"Ask {name} by text for consent to check a credential"

    def make_fields(self) -> list[FormField]:
        def kind(text: str) -> str:
            if text.strip() not in KINDS:
                raise Refused("unknown_credential", f"One of: {', '.join(KINDS)}")
            return text.strip()

        return [
            FormField(
                "Credential",
                "credential",
                "licence",
                placeholder=", ".join(KINDS),
                validators=[rule(kind)],
            ),
        ]

    def save(self, values: dict[str, str]) -> str:
        app = self.app
        ref = ask_credential_check(
            app.db, app.who, self.worker_id, values["credential"], app.clock()
        )
        return f"Asked by text; waiting for YES {ref}"
