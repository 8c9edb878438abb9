"""The exception hierarchy of :mod:`nonequivalent`.

Every error the library raises on purpose derives from :class:`NonequivalentError`.
Errors caused by the caller's input also derive from :class:`ValueError`, so code that
already catches ``ValueError`` keeps working. Each message says what is wrong and how to
fix it.

>>> import nonequivalent as ne
>>> issubclass(ne.NotProductiveError, ne.InvalidEconomyError)
True
>>> issubclass(ne.InfeasiblePlanError, ValueError)
True
"""

from __future__ import annotations

__all__ = [
    "ConvergenceError",
    "DatasetError",
    "ExerciseError",
    "InfeasiblePlanError",
    "InvalidEconomyError",
    "InvalidGroupError",
    "InvalidHouseholdError",
    "InvalidPlanError",
    "InvalidPriceError",
    "LabelMismatchError",
    "MarketingResponseError",
    "NearSingularWarning",
    "NonequivalentError",
    "NonequivalentWarning",
    "NotProductiveError",
    "NumericalRangeError",
    "OutputFormatError",
    "PlanError",
    "PlotDataError",
    "ProfitRateError",
    "ScenarioError",
    "SolverError",
    "SolverNotAvailableError",
    "ToleranceNotMetError",
    "UnboundedPlanError",
    "UncertaintyError",
]


class NonequivalentError(Exception):
    """Root of every exception raised by :mod:`nonequivalent`.

    Catch it to handle any error the library raises on purpose:

    >>> import nonequivalent as ne
    >>> try:
    ...     ne.Economy([[0.5, -0.1], [0.2, 0.3]], labour=[1, 1])
    ... except ne.NonequivalentError as exc:
    ...     print(type(exc).__name__)
    InvalidEconomyError
    """


class InvalidEconomyError(NonequivalentError, ValueError):
    """An economy's coefficients are malformed: wrong shape, negative, NaN or infinite."""


class LabelMismatchError(InvalidEconomyError):
    """Labels of two inputs (sectors, goods, labour kinds) do not match.

    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.5]], labour=[1], sectors=["grain"])
    >>> eco.labour_values("miner")
    Traceback (most recent call last):
    ...
    nonequivalent.errors.LabelMismatchError: unknown labour kind 'miner'; ...
    """


class NotProductiveError(InvalidEconomyError):
    """The technical matrix is not productive: its spectral radius is 1 or more.

    Attributes
    ----------
    spectral_radius : float
        The spectral radius ρ(A) found.
    sectors : list
        Sectors of the strongly connected block that carries ρ(A) (or whose column sums
        are 1 or more), i.e. the sectors that make the economy non-productive.
    """

    def __init__(self, message: str, spectral_radius: float = float("nan"),
                 sectors: list | None = None) -> None:
        super().__init__(message)
        self.spectral_radius = spectral_radius
        self.sectors = list(sectors or [])


class ProfitRateError(NonequivalentError, ValueError):
    """A profit rate outside ``[0, R)``, where ``R`` is the maximum profit rate.

    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.5]], labour=[1])
    >>> ne.production_prices(eco, 1.5)
    Traceback (most recent call last):
    ...
    nonequivalent.errors.ProfitRateError: ...
    """


class InvalidPriceError(NonequivalentError, ValueError):
    """Prices are negative, zero where a ratio is needed, NaN, or mislabelled."""


class InvalidGroupError(NonequivalentError, ValueError):
    """A social group's description (what it sells, buys, pays) is malformed."""


class InvalidHouseholdError(NonequivalentError, ValueError):
    """A worker or household description is malformed (hours, earners, basket, wage cut)."""


class MarketingResponseError(NonequivalentError, ValueError):
    """A marketing-response function is unusable (negative, not monotone, not finite)."""


class NumericalRangeError(NonequivalentError, ValueError):
    """A result left the range of floating point (overflow to inf, or NaN).

    Raised instead of returning ``inf`` or ``NaN`` when inputs are finite but so extreme
    (or so nearly cancelling) that the result is not representable. Rescale the inputs.

    >>> import nonequivalent as ne
    >>> ne.two_good_transfer(1e300, 1e300, 2.0)
    Traceback (most recent call last):
    ...
    nonequivalent.errors.NumericalRangeError: the two-good transfer is not finite ...
    """


class ConvergenceError(NonequivalentError, ArithmeticError):
    """An iterative solver did not reach the requested tolerance."""


class PlanError(NonequivalentError):
    """Root of the planning (linear-programming) errors."""


class InvalidPlanError(PlanError, ValueError):
    """A plan's parameters are malformed: negative capacities or supplies, bad horizons.

    >>> import nonequivalent as ne
    >>> issubclass(ne.InvalidPlanError, ValueError)
    True
    """


class InfeasiblePlanError(PlanError, ValueError):
    """No plan satisfies every constraint.

    Attributes
    ----------
    constraints : list of str
        Names of constraints that conflict (an irreducible or elastic-relaxation set).
    """

    def __init__(self, message: str, constraints: list[str] | None = None) -> None:
        super().__init__(message)
        self.constraints = list(constraints or [])


class UnboundedPlanError(PlanError, ValueError):
    """The objective can grow without limit: a bound or constraint is missing."""


class SolverError(PlanError):
    """The solver stopped without a proven optimum (time/iteration limit, numerical trouble).

    Attributes
    ----------
    status : str
        The status as the solver reported it.
    """

    def __init__(self, message: str, status: str = "") -> None:
        super().__init__(message)
        self.status = status


class SolverNotAvailableError(SolverError):
    """The requested solver is not installed."""


class ToleranceNotMetError(SolverError):
    """A first-order (approximate) solution is farther from optimal than the tolerance.

    Attributes
    ----------
    residuals : dict
        The measured relative ``primal`` and ``dual`` residuals and duality ``gap``.
    tolerance : float
        The tolerance asked for.
    """

    def __init__(self, message: str, residuals: dict[str, float] | None = None,
                 tolerance: float = float("nan")) -> None:
        super().__init__(message, status="tolerance not met")
        self.residuals = dict(residuals or {})
        self.tolerance = tolerance


class ScenarioError(NonequivalentError, ValueError):
    """A scenario (built-in name or TOML file) is unknown or invalid.

    Attributes
    ----------
    file, key, reason : str
        Where the problem is and what it is.
    """

    def __init__(self, reason: str, file: str = "", key: str = "") -> None:
        where = ", ".join(part for part in (file and f"file {file!r}",
                                            key and f"key {key!r}") if part)
        super().__init__(f"{where}: {reason}" if where else reason)
        self.file, self.key, self.reason = file, key, reason


class DatasetError(NonequivalentError, KeyError):
    """A dataset name is unknown, or a dataset file is malformed."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ExerciseError(NonequivalentError, ValueError):
    """An exercise topic is unknown or an answer cannot be read."""


class OutputFormatError(NonequivalentError, ValueError):
    """An output format that a result or a document cannot be written in."""


class PlotDataError(NonequivalentError, ValueError):
    """Data given to a figure is empty, non-numeric or non-finite, or a file type is unknown."""


class UncertaintyError(NonequivalentError, ValueError):
    """An uncertainty set-up is malformed: a range with low > high, an unknown distribution
    or sampling method, a correlation matrix that is not positive definite, a model whose
    output changes its labels between draws, or a Dask scheduler that cannot be reached.

    >>> import nonequivalent as ne
    >>> ne.ParameterRange("harvest", low=80, central=70, high=90)
    Traceback (most recent call last):
    ...
    nonequivalent.errors.UncertaintyError: ...
    """



class NonequivalentWarning(UserWarning):
    """Root of the warnings :mod:`nonequivalent` issues on purpose: the result is computed,
    but a reader should not take it at face value."""


class NearSingularWarning(NonequivalentWarning):
    """``I - A`` is close to singular: some output multiplier exceeds
    :data:`nonequivalent.core.economy.NEAR_SINGULAR_MULTIPLIER`.

    Then a unit of final demand needs many units of gross output, the net product (and
    any fund carved out of it) is small against the gross flows, and shares of it can
    exceed ±100 %. The message names the sectors (their multipliers and own-input
    coefficients ``a_jj``).

    Attributes
    ----------
    sectors : list
        The sectors whose output multiplier exceeds the threshold.
    """

    def __init__(self, message: str, sectors: list | None = None) -> None:
        super().__init__(message)
        self.sectors = list(sectors or [])
