import pytest

import clientlint


@pytest.fixture(scope="session")
def linter():
    """One Linter for the whole run: rule packs and morphology load once."""
    return clientlint.Linter()


@pytest.fixture(autouse=True)
def _no_languagetool_from_the_environment(monkeypatch):
    """The command line reads CLIENTLINT_LANGUAGETOOL_URL; only the live LanguageTool test may use it."""
    monkeypatch.delenv("CLIENTLINT_LANGUAGETOOL_URL", raising=False)
