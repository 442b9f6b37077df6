import pytest


@pytest.fixture
def prices():
    return [1.0, 2.5]
