"""Store tests: a package, so its conftest (hand-made stores) is ``store.conftest`` and does not
shadow ``tests/conftest.py`` for the modules that import helpers from it."""
