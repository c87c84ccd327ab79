import pytest

import clientlint


@pytest.fixture(scope="session")
def linter():
    """One Linter for the whole run: rule packs and morphology load once."""
    return clientlint.Linter()
