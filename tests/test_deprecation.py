"""Moved names: the old module paths resolve to the same objects, with a DeprecationWarning."""

from __future__ import annotations

import importlib
import warnings

import pytest

import nonequivalent as ne

OLD_MODULES = ("scissors", "exchange", "values", "prices")


def _moved() -> list[tuple[str, str, str]]:
    out = []
    for old in OLD_MODULES:
        module = importlib.import_module(f"nonequivalent.{old}")
        out += [(old, name, new) for name, new in module._MOVED.items()]
    return out


@pytest.mark.parametrize(("old", "name", "new"), _moved())
def test_a_moved_name_resolves_with_a_warning_naming_both_homes(old, name, new) -> None:
    module = importlib.import_module(f"nonequivalent.{old}")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = getattr(module, name)
    assert value is getattr(importlib.import_module(f"nonequivalent.{new}"), name)
    assert [w.category for w in caught] == [DeprecationWarning]
    message = str(caught[0].message)
    assert f"nonequivalent.{old}.{name}" in message
    assert f"nonequivalent.{new}.{name}" in message
    assert ("ne." + name in message) == (name in ne.__all__)
    assert caught[0].filename == __file__      # the warning points at the caller's line
    assert name not in module.__all__
    assert name not in dir(module)


@pytest.mark.parametrize("old", OLD_MODULES)
def test_other_names_are_still_attribute_errors(old) -> None:
    module = importlib.import_module(f"nonequivalent.{old}")
    with pytest.raises(AttributeError, match=f"nonequivalent.{old}' has no attribute"):
        module.no_such_name


def test_from_import_of_a_moved_name_works() -> None:
    with pytest.warns(DeprecationWarning, match="nonequivalent.tribute.tribute"):
        from nonequivalent.scissors import tribute
    assert tribute is ne.tribute
