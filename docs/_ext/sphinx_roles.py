"""Griffe extension for the API reference: the library's docstrings as a reader should see them.

The docstrings are written for Python's ``help()`` and for Sphinx habits: cross-references
as roles (``:class:`Economy```, ``:func:`~nonequivalent.report```), doctest examples in any
section, constants documented by ``#:`` comments above them. mkdocstrings renders Markdown,
where a role prints raw, a ``>>>`` line is a block quote and a ``#:`` comment is not seen at
all. This extension, loaded by mkdocstrings-python (``extensions:`` in mkdocs.yml), changes
the docstrings when the API pages are built, never the source:

* a role becomes an autorefs cross-reference to the object's canonical path (where it is
  documented), found from the docstring's module, class and the flat ``nonequivalent``
  namespace; a target that is not documented (another library, a private helper) becomes
  code, without a link;
* a run of doctest lines outside an ``Examples`` section (which griffe already renders as
  code) becomes a ``pycon`` code block;
* the ``#:`` comment lines right above a module or class attribute become its docstring.
"""

from __future__ import annotations

import ast
import contextlib
import html
import importlib
import re
import types
import warnings
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(?P<role>class|func|meth|mod|attr|data|exc|obj|const):"
                  r"`(?P<target>[^`]+)`")
SECTION_RULE = re.compile(r"^\s*-{3,}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
DOCTEST = re.compile(r"^(?P<indent>\s*)>>>( |$)")


# ------------------------------------------------------------------ finding the target
def _lookup(path: str) -> Any:
    """The object at dotted ``path`` (importing the longest module prefix), or raise."""
    parts = path.split(".")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # old module paths warn; we only want the object
        for cut in range(len(parts), 0, -1):
            try:
                obj = importlib.import_module(".".join(parts[:cut]))
            except ImportError:
                continue
            for name in parts[cut:]:
                obj = getattr(obj, name)
            return obj
    raise LookupError(path)


def _canonical(path: str) -> str | None:
    """Where the object at ``path`` is defined (``module.qualname``), or None if unknown."""
    try:
        obj = _lookup(path)
    except Exception:  # any failure: not a target we can link
        return None
    if isinstance(obj, types.ModuleType):
        return obj.__name__
    module = getattr(obj, "__module__", None)
    qualname = getattr(obj, "__qualname__", None)
    if isinstance(module, str) and isinstance(qualname, str) and "<" not in qualname \
            and not isinstance(obj, type(None)) and (callable(obj) or isinstance(obj, type)):
        return f"{module}.{qualname}"
    parent, _, name = path.rpartition(".")  # a constant, a property: where its owner is
    owner = _canonical(parent) if parent else None
    return f"{owner}.{name}" if owner else path


def _candidates(target: str, obj: griffe.Object) -> list[str]:
    module = obj.module.path
    scopes = [module]
    node: Any = obj
    while node is not None and not isinstance(node, griffe.Module):
        if isinstance(node, griffe.Class):
            scopes.insert(0, node.path)
        node = node.parent
    return [*(f"{s}.{target}" for s in scopes), target, f"nonequivalent.{target}"]


def resolve(target: str, obj: griffe.Object) -> str:
    """The canonical path a role's ``target`` stands for in ``obj``'s docstring."""
    for candidate in _candidates(target, obj):
        found = _canonical(candidate)
        if found is not None:
            return found
    return target


# ------------------------------------------------------------------ rewriting the text
def _role(match: re.Match[str], obj: griffe.Object) -> str:
    target = match["target"].strip()
    short = target.startswith("~")
    target = target.lstrip("~.")
    if "<" in target:  # ``:func:`title <target>``` (Sphinx's explicit title)
        title, _, target = target.partition("<")
        title, target = title.strip(), target.rstrip(">").strip()
    else:
        title = target.rsplit(".", 1)[-1] if short else target
    identifier = resolve(target, obj)
    return (f'<autoref identifier="{html.escape(identifier)}" optional>'
            f"<code>{html.escape(title)}</code></autoref>")


def _fence_doctests(text: str) -> str:
    """Put each run of doctest lines outside an ``Examples`` section in a code block."""
    lines = text.splitlines()
    out: list[str] = []
    section = ""
    in_fence = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and i + 1 < len(lines) and line.strip() \
                and SECTION_RULE.match(lines[i + 1]):
            section = line.strip().lower()
        match = DOCTEST.match(line)
        if match and not in_fence and section not in ("examples", "example"):
            indent = match["indent"]
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i])
                i += 1
            if out and out[-1].strip():
                out.append("")
            out += [f"{indent}```pycon", *block, f"{indent}```", ""]
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def rewrite(text: str, obj: griffe.Object) -> str:
    """``text`` with its doctests fenced and its roles turned into cross-references."""
    text = _fence_doctests(text)
    return ROLE.sub(lambda m: _role(m, obj), text)


# ------------------------------------------------------------------ the extension
class SphinxRoles(griffe.Extension):
    """Roles as cross-references, doctests as code, ``#:`` comments as docstrings."""

    def on_attribute_instance(self, *, node: ast.AST | griffe.ObjectNode,
                              attr: griffe.Attribute, agent: Any, **kwargs: Any) -> None:
        if attr.docstring is not None or not isinstance(node, ast.AST):
            return
        try:
            lines = agent.lines_collection[agent.filepath]
        except (AttributeError, KeyError, TypeError):
            return
        lineno = getattr(node, "lineno", None)
        if not lines or not lineno:
            return
        comment: list[str] = []
        i = lineno - 2
        while i >= 0 and lines[i].strip().startswith("#:"):
            comment.insert(0, lines[i].strip()[2:].strip())
            i -= 1
        if comment:
            attr.docstring = griffe.Docstring(
                "\n".join(comment), lineno=i + 2, endlineno=lineno - 1, parent=attr,
                parser=getattr(agent, "docstring_parser", None),
                parser_options=getattr(agent, "docstring_options", None))

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        seen: set[int] = set()
        stack: list[griffe.Object] = [pkg]
        while stack:
            obj = stack.pop()
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            if obj.docstring is not None:
                with contextlib.suppress(Exception):
                    obj.docstring.__dict__.pop("parsed", None)  # parse the new text
                obj.docstring.value = rewrite(obj.docstring.value, obj)
            stack += [m for m in obj.members.values() if not m.is_alias]
