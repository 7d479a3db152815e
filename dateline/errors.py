"""Coded errors: every failure a user can meet has a stable code and a one-line reason."""
from __future__ import annotations

from enum import StrEnum
from typing import Any


class Code(StrEnum):
    """Error codes, stable across versions; the message says what to do."""

    MISSING_PATH = "E001"
    EMPTY_INPUT = "E002"
    BINARY_INPUT = "E003"
    TOO_LARGE = "E004"
    BAD_ENCODING = "E005"
    TRUNCATED_HTML = "E006"
    NO_TEXT = "E007"
    UNKNOWN_LANGUAGE = "E008"
    FETCH_FAILED = "E009"
    BAD_ARGUMENT = "E010"
    INTERNAL = "E011"  # a bug: the document is reported and the batch goes on


class DatelineError(Exception):
    """An expected failure on one document, reported in one line."""

    def __init__(self, code: Code, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __reduce__(self) -> tuple[type[DatelineError], tuple[Code, str]]:
        # Errors cross process boundaries (ingest workers): pickle with both arguments.
        return (DatelineError, (self.code, self.message))

    def __str__(self) -> str:
        return f"{self.code.value} {self.code.name.lower()}: {self.message}"

    def to_json(self, document: str | None = None) -> dict[str, Any]:
        """The one JSON error shape used by the CLI and, later, the API."""
        return {"error": {"code": self.code.value, "name": self.code.name.lower(),
                          "message": self.message, "document": document}}
