"""Moved names and modules: old paths resolve to the same objects, with a DeprecationWarning."""

from __future__ import annotations

import importlib
import subprocess
import sys
import warnings

import pytest

import nonequivalent as ne

OLD_MODULES = ("exchange.scissors", "exchange", "core.values", "core.prices")


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
    home = f"{module.__name__.rpartition('.')[0]}.{new}"   # named relative to the package
    assert value is getattr(importlib.import_module(home), name)
    assert [w.category for w in caught] == [DeprecationWarning]
    message = str(caught[0].message)
    assert f"nonequivalent.{old}.{name}" in message
    assert f"{home}.{name}" in message
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
    with pytest.warns(DeprecationWarning, match="nonequivalent.exchange.tribute.tribute"):
        from nonequivalent.exchange.scissors import tribute
    assert tribute is ne.tribute


@pytest.mark.parametrize(("old", "new"), sorted(ne._MOVED_MODULES.items()))
def test_a_moved_module_resolves_under_its_old_path_with_a_warning(old, new) -> None:
    new_module = importlib.import_module(f"nonequivalent.{new}")
    sys.modules.pop(f"nonequivalent.{old}", None)   # import it afresh under the old path
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        old_module = importlib.import_module(f"nonequivalent.{old}")
    assert old_module is new_module
    assert old_module.__name__ == old_module.__spec__.name == f"nonequivalent.{new}"
    assert [w.category for w in caught] == [DeprecationWarning]
    assert f"nonequivalent.{old} has moved to nonequivalent.{new}" in str(caught[0].message)


def test_an_old_module_path_works_in_an_import_statement() -> None:
    sys.modules.pop("nonequivalent.households", None)
    with pytest.warns(DeprecationWarning, match="nonequivalent.groups.households"):
        from nonequivalent.households import Worker
    assert Worker is ne.Worker


def test_the_package_modules_import_no_old_path() -> None:
    # a module of the library that imported an old path would warn on every use
    code = ("import warnings, importlib, pkgutil, nonequivalent as ne\n"
            "warnings.simplefilter('error', DeprecationWarning)\n"
            "for m in pkgutil.walk_packages(ne.__path__, 'nonequivalent.'):\n"
            "    importlib.import_module(m.name)\n"
            "[getattr(ne, name) for name in ne.__all__]\n")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("name", ne.__all__)
def test_every_public_name_resolves(name) -> None:
    value = getattr(ne, name)
    where = ne._LAZY_WHERE.get(name)
    if where is not None:       # the object its module defines, not a copy or a module
        assert value is getattr(importlib.import_module(f"nonequivalent.{where}"), name)
    elif name in ne._SUBMODULES:
        assert value.__name__.startswith("nonequivalent.")
    assert name in dir(ne)


def test_star_import_binds_every_public_name() -> None:
    namespace: dict = {}
    exec("from nonequivalent import *", namespace)  # a fixed statement, not user input
    assert set(ne.__all__) <= set(namespace)
    assert len(set(ne.__all__)) == len(ne.__all__)
