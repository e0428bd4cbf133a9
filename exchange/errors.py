"""What the market refuses, with a code the SMS layer turns into words and the reason in plain text."""

from typing import Any


class Refused(Exception):
    """A rule of the market says no. `code` names the rule; `details` fill the reply."""

    def __init__(self, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details
