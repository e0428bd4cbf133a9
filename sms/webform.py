"""What the Twilio webhook reads: a bounded body, checked against Twilio's signature before any
of it is believed, and fields that must look like what Twilio sends. Anything else is refused
with a clear 4xx, never a 500."""

import hmac
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

from starlette.requests import Request
from twilio.request_validator import RequestValidator

# A Twilio webhook is a few kilobytes; a body of 1,600 characters, each up to 4 bytes of UTF-8
# written as %XX, stays under 20 KB.
MOST_BYTES = 64 * 1024
MOST_FIELDS = 100
# Twilio's own limit on one message's body.
MOST_BODY_CHARACTERS = 1600
FORM_TYPE = "application/x-www-form-urlencoded"
PROVIDER_SID = re.compile(r"[A-Za-z0-9]{2,64}")
NUMBER = re.compile(r"\+?[0-9]{2,20}")
STATUS = re.compile(r"[a-z_-]{1,24}")
CODE = re.compile(r"[0-9]{1,9}")


@dataclass
class Refusal(Exception):
    """A request refused with an HTTP status and a short reason."""

    status: int
    reason: str


async def read_bounded(request: Request, limit: int = MOST_BYTES) -> bytes:
    """The request's body, refused (413) past `limit` bytes without reading the rest."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not CODE.fullmatch(declared.strip()):
            raise Refusal(400, "bad Content-Length")
        if int(declared) > limit:
            raise Refusal(413, f"the body is over {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refusal(413, f"the body is over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def form_fields(raw: bytes, content_type: str) -> dict[str, str]:
    """A urlencoded form's fields (the last value of a repeated name), or a 400."""
    if content_type.split(";")[0].strip().lower() != FORM_TYPE:
        raise Refusal(400, f"the body must be {FORM_TYPE}")
    try:
        pairs = parse_qsl(
            raw.decode("ascii"),
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=MOST_FIELDS,
        )
    except (UnicodeDecodeError, ValueError) as error:
        raise Refusal(400, "the form is not urlencoded UTF-8") from error
    return dict(pairs)


def check_signature(
    validator: RequestValidator, url: str, fields: dict[str, str], signature: str
) -> None:
    """Refuse (403) a form Twilio did not sign for this URL."""
    # Twilio signs the URL as it was given; `validate` signs it both with and without a port
    # each time, twice the work, so it is asked only when that first signature differs.
    given = validator.compute_signature(url, fields)
    if signature and hmac.compare_digest(given.encode(), signature.encode()):
        return
    if not signature or not validator.validate(url, fields, signature):
        raise Refusal(403, "invalid signature")


def provider_sid(fields: dict[str, str], *names: str) -> str:
    """The message's sid, under the first of `names` given."""
    sid = next((fields[name] for name in names if fields.get(name)), None)
    if sid is None:
        raise Refusal(400, f"{names[0]} is required")
    if not PROVIDER_SID.fullmatch(sid):
        raise Refusal(400, f"{names[0]} is not a message sid")
    return sid


def inbound_text(fields: dict[str, str]) -> tuple[str, str, str, str | None]:
    """A text's sid, sender, body and the number it was sent to."""
    sid = provider_sid(fields, "MessageSid", "SmsSid")
    sender = fields.get("From", "")
    if not sender:
        raise Refusal(400, "From is required")
    if len(sender) > 40:
        raise Refusal(400, "From is not a phone number")
    body = fields.get("Body", "")
    if len(body) > MOST_BODY_CHARACTERS:
        raise Refusal(413, f"Body is over {MOST_BODY_CHARACTERS} characters")
    to = fields.get("To") or None
    if to is not None and not NUMBER.fullmatch(to):
        raise Refusal(400, "To is not a phone number")
    return sid, sender, body, to


def delivery_status(
    fields: dict[str, str], query: dict[str, str]
) -> tuple[str, str, int | None, int | None]:
    """A status callback's sid, status, error code and the notice its URL names."""
    sid = provider_sid(fields, "MessageSid", "SmsSid")
    status = fields.get("MessageStatus") or fields.get("SmsStatus")
    if not status:
        raise Refusal(400, "MessageStatus is required")
    if not STATUS.fullmatch(status):
        raise Refusal(400, "MessageStatus is not a status")
    return sid, status, _number(fields, "ErrorCode"), _number(query, "notice")


def _number(fields: dict[str, str], name: str) -> int | None:
    """A whole number in ASCII digits that fits a database integer, or None when absent."""
    value = fields.get(name)
    if not value:
        return None
    if not CODE.fullmatch(value):
        raise Refusal(400, f"{name} is not a number")
    return int(value)
