"""User-facing errors: one line, naming the file, the field, the problem and what was expected."""

from __future__ import annotations

from pathlib import Path


class ScenarioError(ValueError):
    """A scenario file a user wrote cannot be used as it is.

    ``str(error)`` is the one line shown to the user:
    ``path: field: what is wrong (what was expected)``.
    """

    def __init__(self, path: str | Path, field: str, problem: str, expected: str = "") -> None:
        self.path, self.field, self.problem, self.expected = str(path), field, problem, expected
        super().__init__(self.line())

    def line(self) -> str:
        text = f"{printable(self.path)}: {self.field or '(file)'}: {self.problem}"
        return f"{text} ({self.expected})" if self.expected else text

    def lines(self) -> list[str]:
        """Every problem, one line each (one here; several in :class:`ScenarioErrors`)."""
        return [self.line()]


class ScenarioErrors(ScenarioError):
    """Every problem found in one file, so a planner fixes them in one round.

    It is the first problem as a :class:`ScenarioError` (``field``, ``problem``, ``line()``
    as before, ``line()`` saying how many more there are); :meth:`lines` gives them all.
    """

    def __init__(self, errors: list[ScenarioError]) -> None:
        if not errors:
            raise ValueError("ScenarioErrors needs at least one error")
        self.errors = tuple(errors)
        first = errors[0]
        super().__init__(first.path, first.field, first.problem, first.expected)

    def line(self) -> str:
        more = len(self.errors) - 1
        first = super().line()
        return f"{first} [and {more} more: innosim validate lists them]" if more else first

    def lines(self) -> list[str]:
        return [error.line() for error in self.errors]


def raise_all(errors: list[ScenarioError]) -> None:
    """Raise nothing, the one error, or all of them as :class:`ScenarioErrors`."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ScenarioErrors(errors)


MAX_PATH_SHOWN = 160


def printable(path: str) -> str:
    """A path as one short line: control characters (a newline in a file name) escaped,
    the middle of a very long one left out."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in path)
    if len(text) > MAX_PATH_SHOWN:
        half = MAX_PATH_SHOWN // 2 - 1
        text = f"{text[:half]}…{text[-half:]}"
    return text


class InputError(ValueError):
    """A value given through the Python API (or a slider, or the address) that the model
    cannot use: ``str(error)`` is one line, ``field: problem (expected)``."""

    def __init__(self, field: str, problem: str, expected: str = "") -> None:
        self.field, self.problem, self.expected = field, problem, expected
        super().__init__(f"{field}: {problem}" + (f" ({expected})" if expected else ""))


class UnknownName(InputError, KeyError):
    """An unknown lever, input or parameter name: an :class:`InputError` that is also a
    ``KeyError`` (as before), with the plain one-line message."""

    def __str__(self) -> str:
        return str(self.args[0])


def with_path(error: ScenarioError, path: str | Path) -> ScenarioError:
    """``error`` (every problem of it) naming ``path`` as the file."""
    problems = [ScenarioError(path, e.field, e.problem, e.expected)
                for e in getattr(error, "errors", (error,))]
    return problems[0] if len(problems) == 1 else ScenarioErrors(problems)
