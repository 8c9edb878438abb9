"""Reading a student's number and judging it against the exact answer (internal).

A small explicit grammar, never ``eval``: integers, fractions (``3/4``), mixed numbers
(``11 7/8``, ``-2 1/3``), decimals (``0.75``, ``.5``), scientific notation (``1.2e3``,
``1.2×10^3``, ``1.2·10⁻³``; superscripts only as a power of ten), thousands separators
(``1,234.5`` where commas do not separate the values, ``1 234.5``, ``1_234``, ``1'234``), a
Unicode minus (``−``), and a percentage (``75%``, for a part that is a share or a rate).

An answer is right when it equals the exact value, or when it agrees with it to the
precision the solution prints or to :data:`SIG_FIGS` significant figures, whichever is
looser (the solution prints ``≈`` decimals to six significant figures, so the looser is
four figures): ``|given − exact| <= ½ · 10^(e − SIG_FIGS + 1)`` with ``e`` the decimal
exponent of the exact value. This is the usual rule for rounded data (a value rounded to
``n`` significant figures is within half a unit of its last digit; e.g. J. R. Taylor,
*An Introduction to Error Analysis*, 2nd ed., 1997, §2.2).
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from fractions import Fraction

from ..errors import ExerciseError
from ..exact.numbers import MAX_DIGITS, MAX_EXPONENT

__all__: list[str] = []

#: Significant figures to which a rounded answer must agree with the exact value.
SIG_FIGS = 4

#: How a number may be written, shown in every message about an unreadable number.
EXAMPLES = "3/4, 11 7/8, 0.75, -1.2e3, 1,234.5 or 75%"

_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2012": "-", "\uff0d": "-",
                        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " "})
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_INT = r"\d+"
_GROUPED = r"\d{1,3}(?:[,' _]\d{3})+"
_MANTISSA = rf"(?:{_GROUPED}|\d+)(?:\.\d*)?|\.\d+"
_DECIMAL = re.compile(rf"^(?P<sign>[+-]?)(?P<m>{_MANTISSA})"
                      rf"(?:(?:[eE](?P<e>[+-]?\d+))|(?:\s*[×xX*·]\s*10\s*(?:\^|\*\*)?\s*"
                      rf"\(?(?P<p>[+-]?\d+)\)?))?$")
_FRACTION = re.compile(rf"^(?P<sign>[+-]?)\s*(?P<n>{_INT})\s*/\s*(?P<d>{_INT})$")
_MIXED = re.compile(rf"^(?P<sign>[+-]?)\s*(?P<w>{_INT})\s+(?P<n>{_INT})\s*/\s*(?P<d>{_INT})$")


@dataclasses.dataclass(frozen=True)
class Number:
    """A number as the student wrote it.

    Attributes
    ----------
    value : Fraction
        Its exact value (a decimal ``0.1`` is exactly 1/10).
    exact : bool
        Written as an integer, a fraction or a mixed number (judged exactly).
    figures : int
        Significant figures written (decimals only; 0 for exact forms).
    percent : bool
        Written with ``%`` (``value`` is already divided by 100).
    text : str
        As written.
    """

    value: Fraction
    exact: bool
    figures: int = 0
    percent: bool = False
    text: str = ""


def parse_number(text: str, what: str = "answer") -> Number:
    """Read one number written as text by the grammar of the module docstring.

    >>> parse_number("11 7/8").value, parse_number("−1,234.5").value
    (Fraction(95, 8), Fraction(-2469, 2))
    >>> n = parse_number("98.88"); n.exact, n.figures
    (False, 4)
    >>> parse_number("12.5%").value
    Fraction(1, 8)
    """
    raw = text
    # a run of superscripts is a power (``10⁻³`` = ``10^(-3)``), read before NFKC would
    # turn it into plain digits (``5.2⁵`` is not 5.25: the grammar refuses it)
    s = re.sub(r"\s*[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+",
               lambda m: "^(" + m.group().strip().translate(_SUPERSCRIPT) + ")",
               text.translate(_MINUS))
    s = unicodedata.normalize("NFKC", s).strip().replace("\u2212", "-")
    if len(s) > MAX_DIGITS:
        raise ExerciseError(f"{what}: {raw[:40]!r}… is too long to be a number (at most "
                            f"{MAX_DIGITS} characters); write it like {EXAMPLES}.")
    if not s:
        raise ExerciseError(f"{what}: the value is empty; write a number like {EXAMPLES}.")
    percent = s.endswith("%")
    if percent:
        s = s[:-1].rstrip()
    m = _MIXED.match(s)
    if m:
        num, den = int(m["n"]), int(m["d"])
        if den == 0:
            raise ExerciseError(f"{what}: {raw!r} divides by zero.")
        v = int(m["w"]) + Fraction(num, den)
        return _done(-v if m["sign"] == "-" else v, True, 0, percent, raw)
    m = _FRACTION.match(s)
    if m:
        if int(m["d"]) == 0:
            raise ExerciseError(f"{what}: {raw!r} divides by zero.")
        v = Fraction(int(m["n"]), int(m["d"]))
        return _done(-v if m["sign"] == "-" else v, True, 0, percent, raw)
    m = _DECIMAL.match(s)
    if m:
        mant = re.sub(r"[,' _]", "", m["m"])
        exp_text = m["e"] or m["p"]
        exp = int(exp_text) if exp_text else 0
        if abs(exp) > MAX_EXPONENT:
            raise ExerciseError(f"{what}: the exponent of {raw!r} is too large (at most "
                                f"±{MAX_EXPONENT}).")
        v = Fraction(mant) * Fraction(10) ** exp
        is_int = "." not in mant and exp_text is None
        return _done(-v if m["sign"] == "-" else v, is_int, _figures(mant), percent, raw)
    raise ExerciseError(f"{what}: cannot read {raw.strip()!r} as a number; write it like "
                        f"{EXAMPLES}.")


def _done(v: Fraction, exact: bool, figures: int, percent: bool, raw: str) -> Number:
    if percent:
        v /= 100
    return Number(v, exact, 0 if exact else figures, percent, raw.strip())


def _figures(mantissa: str) -> int:
    """Significant figures of a decimal mantissa (``'0.0450'`` -> 3, ``'120'`` -> 3)."""
    digits = mantissa.replace(".", "").lstrip("0")
    if "." not in mantissa:
        digits = digits.rstrip("0") or digits
    return max(len(digits), 1)


def tolerance(exact: float) -> float:
    """Half a unit in the :data:`SIG_FIGS`-th significant figure of ``exact``."""
    if exact == 0 or not math.isfinite(exact):
        return 0.0
    e = math.floor(math.log10(abs(exact)))
    return 0.5 * 10.0 ** (e - SIG_FIGS + 1)


def agreeing_figures(given: float, exact: float) -> int:
    """How many significant figures of ``given`` agree with ``exact`` (0 to 15).

    ``n`` figures agree when ``|given − exact| <= ½ · 10^(e − n + 1)``.

    >>> agreeing_figures(98.88, 98.875), agreeing_figures(98.9, 98.875)
    (4, 3)
    """
    if exact == 0 or not math.isfinite(given):
        return 0
    diff = abs(given - exact)
    e = math.floor(math.log10(abs(exact)))
    n = 0
    while n < 15 and diff <= 0.5 * 10.0 ** (e - n) * (1 + 1e-9):
        n += 1
    return n


def split_values(text: str) -> list[str]:
    """The values of an answer: separated by ``;`` or new lines, else by commas.

    Commas separate values unless the answer uses ``;`` or new lines; then (and when values
    are separated by ``", "``) a comma between digits followed by three digits is a
    thousands separator.

    >>> split_values("72, 11 7/8, 98 7/8")
    ['72', '11 7/8', '98 7/8']
    >>> split_values("1,234.5; 2")
    ['1,234.5', '2']
    >>> split_values("1,234.5, 2")
    ['1,234.5', '2']
    >>> split_values("1,2,3")
    ['1', '2', '3']
    """
    if re.search(r"[;\n]", text):
        items = re.split(r"[;\n]", text)
    elif re.search(r",\s", text):
        items = re.split(r",\s+", text)
    else:
        items = text.split(",")
    return [t.strip() for t in items if t.strip()]
