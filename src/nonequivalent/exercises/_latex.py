"""LaTeX from the exercises' markdown with LaTeX math (internal).

Problems and solutions are written in a small subset of markdown (``# title``,
``## section``, ``**bold**``, ``*italic*``, ```code```, paragraphs) with LaTeX math
(``$...$``, ``$$...$$``). :func:`to_latex` turns that subset into LaTeX that compiles with
pdflatex: the math is kept as written (display math as ``\\[...\\]``), the markup becomes
``\\section*``, ``\\textbf``, ``\\emph`` and ``\\texttt``, and the text around it is escaped
(``&``, ``%``, ``#``, ``_`` ...) with its Unicode symbols (``λ``, ``−``, ``–``, ``ᵀ``)
written as LaTeX. :data:`PREAMBLE` makes a standalone document of it (the packages the
math needs: amsmath, amssymb).
"""

from __future__ import annotations

import re

__all__: list[str] = []

#: The preamble of a standalone document (pdflatex).
PREAMBLE = ("\\documentclass[11pt]{article}\n"
            "\\usepackage[utf8]{inputenc}\n"
            "\\usepackage[T1]{fontenc}\n"
            "\\usepackage{amsmath,amssymb}\n"
            "\\usepackage[margin=2.5cm]{geometry}\n"
            "\\setlength{\\parindent}{0pt}\n"
            "\\setlength{\\parskip}{0.6em}\n")

_TEXT_SYMBOLS = {
    "&": "\\&", "%": "\\%", "#": "\\#", "_": "\\_", "{": "\\{", "}": "\\}",
    "~": "\\textasciitilde{}", "^": "\\textasciicircum{}", "\\": "\\textbackslash{}",
    "<": "\\textless{}", ">": "\\textgreater{}", "|": "\\textbar{}", "$": "\\$",
    "−": "$-$", "–": "--", "—": "---", "§": "\\S{}", "…": "\\ldots{}", "×": "$\\times$",
    "≈": "$\\approx$", "≤": "$\\le$", "≥": "$\\ge$", "≠": "$\\ne$", "→": "$\\to$",
    "·": "$\\cdot$", "±": "$\\pm$", "∞": "$\\infty$", "ᵀ": "$^{T}$", "⁻": "$^{-}$", "¹": "$^1$",
    "λ": "$\\lambda$", "Λ": "$\\Lambda$", "μ": "$\\mu$", "σ": "$\\sigma$",
    "ε": "$\\varepsilon$", "π": "$\\pi$", "Π": "$\\Pi$", "ρ": "$\\rho$", "τ": "$\\tau$",
    "θ": "$\\theta$", "α": "$\\alpha$", "β": "$\\beta$", "γ": "$\\gamma$",
    "δ": "$\\delta$", "Δ": "$\\Delta$", "κ": "$\\kappa$", "ω": "$\\omega$", "φ": "$\\phi$",
    "η": "$\\eta$", "ν": "$\\nu$", "ξ": "$\\xi$", "χ": "$\\chi$", "ψ": "$\\psi$",
    "₀": "$_0$", "₁": "$_1$", "₂": "$_2$", "₃": "$_3$", "²": "$^2$", "³": "$^3$",
    "‘": "`", "’": "'", "“": "``", "”": "''",
}
_MATH = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$", re.DOTALL)
_CODE = re.compile(r"`([^`]*)`")


def _escape(text: str) -> str:
    """Plain text (no math) as LaTeX: specials escaped, Unicode symbols as commands."""
    out = []
    for ch in text:
        out.append(_TEXT_SYMBOLS.get(ch, ch))
    s = "".join(out)
    return re.sub(r'"([^"]*)"', r"``\1''", s)


def _inline(text: str) -> str:
    """A line of markdown text with math: math kept, markup converted, text escaped."""
    pieces: list[str] = []
    pos = 0
    for m in _MATH.finditer(text):
        pieces.append(_markup(text[pos:m.start()]))
        if m.group(1) is not None:
            pieces.append(f"\\[{m.group(1).strip()}\\]")
        else:
            pieces.append(f"${m.group(2)}$")
        pos = m.end()
    pieces.append(_markup(text[pos:]))
    return "".join(pieces)


#: Bold, italic and code spans of markdown.
_MARKUP = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|`([^`]*)`", re.DOTALL)


def _markup(text: str) -> str:
    """Bold, italic and code of a math-free stretch of text, the rest escaped."""
    out: list[str] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        out.append(_escape(text[pos:m.start()]))
        if m.group(1) is not None:
            out.append(f"\\textbf{{{_markup(m.group(1))}}}")
        elif m.group(2) is not None:
            out.append(f"\\emph{{{_markup(m.group(2))}}}")
        else:
            out.append(f"\\texttt{{{_escape(m.group(3))}}}")
        pos = m.end()
    out.append(_escape(text[pos:]))
    return "".join(out)


def to_latex(markdown: str) -> str:
    """The exercises' markdown as a LaTeX fragment (sections, paragraphs, math).

    >>> print(to_latex("# Title\\n\\nFind $x$ with **care**: 5% of λ."))
    \\section*{Title}
    <BLANKLINE>
    Find $x$ with \\textbf{care}: 5\\% of $\\lambda$.
    """
    lines = []
    # math may span lines: convert paragraph by paragraph
    for block in re.split(r"\n\s*\n", markdown.strip()):
        head = re.match(r"^(#{1,3})\s+(.*)$", block.strip())
        if head and "\n" not in block.strip():
            cmd = {1: "section", 2: "subsection", 3: "subsubsection"}[len(head.group(1))]
            lines.append(f"\\{cmd}*{{{_inline(head.group(2))}}}")
        else:
            lines.append(_inline(block.strip()))
    return "\n\n".join(lines)


def document(body: str, title: str) -> str:
    """A standalone LaTeX document around a fragment."""
    return (f"{PREAMBLE}\\title{{{_escape(title)}}}\n\\date{{}}\n"
            f"\\begin{{document}}\n{body}\n\\end{{document}}\n")
