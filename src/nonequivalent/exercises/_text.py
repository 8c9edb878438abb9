"""Readable Unicode text from the exercises' markdown with LaTeX (internal).

Problems and solutions are written in markdown with LaTeX math (``$\\frac{1}{5}$``), which
a terminal shows as raw code. :func:`to_text` turns the subset of LaTeX the generators use
into plain Unicode: fractions become ``1/5``, Greek letters ``λ``, sub- and superscripts
``p₁``, ``λᵀ``, ``(I − A)⁻¹``, matrices ``[1/5, 1/5; 3/10, 1/10]`` (rows separated by
``;``). It is a small converter for known input, not a LaTeX parser; anything it does not
know is kept as written.
"""

from __future__ import annotations

import re

__all__ = ["to_text"]

_SYMBOLS = {
    "lambda": "λ", "Lambda": "Λ", "Delta": "Δ", "delta": "δ", "mu": "μ", "sigma": "σ",
    "Sigma": "Σ", "varepsilon": "ε", "epsilon": "ε", "Pi": "Π", "pi": "π", "rho": "ρ",
    "tau": "τ", "theta": "θ", "alpha": "α", "beta": "β", "gamma": "γ", "kappa": "κ",
    "omega": "ω", "phi": "φ", "eta": "η", "nu": "ν", "xi": "ξ", "chi": "χ", "psi": "ψ",
    "cdot": "·", "times": "×", "approx": "≈", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
    "ne": "≠", "neq": "≠", "mapsto": "↦", "to": "→", "rightarrow": "→", "infty": "∞",
    "lceil": "⌈", "rceil": "⌉", "lfloor": "⌊", "rfloor": "⌋", "sum": "Σ", "prod": "Π",
    "det": "det", "max": "max", "min": "min", "log": "log", "ln": "ln", "exp": "exp",
    "quad": "  ", "qquad": "    ", " ": " ", ",": " ", ";": " ", ":": " ", "!": "",
    "ldots": "…", "dots": "…", "cdots": "⋯", "pm": "±", "mp": "∓", "ast": "*",
    "star": "*", "prime": "′", "in": "∈", "partial": "∂", "{": "{", "}": "}", "%": "%",
    "$": "$", "_": "_", "&": "&", "#": "#", "-": "−",
}
_SUP = dict(zip("0123456789+-=()aeiklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWbcdfghj*−T",
                "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵉⁱᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵇᶜᵈᶠᵍʰʲ*⁻ᵀ",
                strict=True))
_SUB = dict(zip("0123456789+-=()aehijklmnoprstuvx−",
                "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ₋", strict=True))
_MATH = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$", re.DOTALL)
_SIMPLE = re.compile(r"^[\w.′*⁰¹²³⁴⁵⁶⁷⁸⁹⁻ᵀ₀₁₂₃₄₅₆₇₈₉λμσερτδπθαβγ]+$")


def to_text(text: str) -> str:
    """Markdown with LaTeX math as readable Unicode text (math converted, markdown kept).

    >>> to_text(r"Find $\\lambda = l(I - A)^{-1}$ with $A = \\frac{1}{5}$ and $p_1 = 1$.")
    'Find λ = l(I − A)⁻¹ with A = 1/5 and p₁ = 1.'
    >>> to_text(r"$A = \\begin{pmatrix} \\frac{1}{5} & 0 \\\\ \\frac{3}{10} & 1 \\end{pmatrix}$")
    'A = [1/5, 0; 3/10, 1]'
    """
    return _MATH.sub(lambda m: _math(m.group(1) or m.group(2) or ""), text)


def _math(s: str) -> str:
    out: list[str] = []
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch == "\\":
            m = re.match(r"\\([A-Za-z]+|.)", s[i:])
            cmd = m.group(1) if m else ""
            i += len(m.group(0)) if m else 1
            if cmd in ("frac", "dfrac", "tfrac"):
                a, i = _arg(s, i)
                b, i = _arg(s, i)
                frac = f"{_wrap(a)}/{_wrap(b)}"
                before = "".join(out).rstrip()[-1:]
                after = s[i:i + 1]
                if after == "\\" and re.match(r"\\(right|end|quad|qquad|[,;:! \\])", s[i:]):
                    after = ""  # a closing delimiter, a space or a row end follows
                if before == "/" or after.isalpha() or after in ("\\", "(", "^", "_"):
                    frac = f"({frac})"  # 1/10λ₁ would read as 1/(10λ₁)
                out.append(frac)
            elif cmd == "sqrt":
                a, i = _arg(s, i)
                out.append(f"√{_wrap(a)}")
            elif cmd in ("text", "textrm", "textit", "mbox"):
                raw, i = _raw(s, i)
                out.append(raw)
            elif cmd in ("mathrm", "mathit", "mathbf", "operatorname", "boldsymbol"):
                a, i = _arg(s, i)
                out.append(a)
            elif cmd == "begin":
                env, i = _raw(s, i)
                close = f"\\end{{{env}}}"
                end = s.find(close, i)
                end = n if end < 0 else end
                out.append(_matrix(s[i:end]))
                i = min(n, end + len(close))
            elif cmd in ("left", "right", "big", "Big", "bigl", "bigr"):
                if i < n and s[i] == "\\":
                    m2 = re.match(r"\\([A-Za-z]+|.)", s[i:])
                    tok = m2.group(1) if m2 else ""
                    i += len(m2.group(0)) if m2 else 1
                    out.append(_SYMBOLS.get(tok, tok))
                elif i < n:
                    out.append("" if s[i] == "." else s[i])
                    i += 1
            elif cmd == "\\":
                out.append("; ")
            else:
                out.append(_SYMBOLS.get(cmd, cmd))
        elif ch in "_^":
            a, i = _arg(s, i + 1)
            out.append(_script(a, ch == "^"))
        elif ch == "{":
            a, i = _arg(s, i)
            out.append(a)
        elif ch == "}":
            i += 1
        elif ch == "-":
            out.append("−")
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _group_end(s: str, i: int) -> int:
    """Index just past the brace that closes the group opened at ``s[i] == '{'``."""
    depth = 0
    for j in range(i, len(s)):
        if s[j] == "\\":
            continue
        if s[j] == "{" and (j == 0 or s[j - 1] != "\\"):
            depth += 1
        elif s[j] == "}" and (j == 0 or s[j - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return j + 1
    return len(s)


def _raw(s: str, i: int) -> tuple[str, int]:
    """The raw text of the next braced group (or character) after ``i``."""
    while i < len(s) and s[i] == " ":
        i += 1
    if i < len(s) and s[i] == "{":
        end = _group_end(s, i)
        return s[i + 1:end - 1], end
    return s[i:i + 1], i + 1


def _arg(s: str, i: int) -> tuple[str, int]:
    """The next argument (a braced group, a command or one character), converted."""
    while i < len(s) and s[i] == " ":
        i += 1
    if i >= len(s):
        return "", i
    if s[i] == "{":
        end = _group_end(s, i)
        return _math(s[i + 1:end - 1]), end
    if s[i] == "\\":
        m = re.match(r"\\([A-Za-z]+|.)", s[i:])
        tok = m.group(0) if m else s[i]
        if m and m.group(1) in ("text", "mathrm", "frac", "dfrac", "tfrac", "sqrt"):
            # a command with arguments: convert it with its arguments
            j = i + len(tok)
            for _ in range(2 if m.group(1).endswith("frac") else 1):
                _, j = _raw(s, j)
            return _math(s[i:j]), j
        return _math(tok), i + len(tok)
    return _math(s[i]), i + 1


def _wrap(a: str) -> str:
    a = a.strip()
    return a if _SIMPLE.match(a) else f"({a})"


def _script(a: str, sup: bool) -> str:
    table = _SUP if sup else _SUB
    a = a.strip()
    if a and all(c in table for c in a) and (len(a) <= 3 or not any(c.isalpha() for c in a)):
        return "".join(table[c] for c in a)
    mark = "^" if sup else "_"
    return f"{mark}{a}" if len(a) == 1 else f"{mark}({a})"


def _matrix(body: str) -> str:
    rows = [r for r in re.split(r"\\\\", body) if r.strip()]
    cells = [[re.sub(r"^− ", "−", _math(c).strip()) for c in r.split("&")] for r in rows]
    if len(cells) == 1:
        return "(" + ", ".join(cells[0]) + ")"
    if all(len(r) == 1 for r in cells):
        return "(" + ", ".join(r[0] for r in cells) + ")ᵀ"
    return "[" + "; ".join(", ".join(r) for r in cells) + "]"
