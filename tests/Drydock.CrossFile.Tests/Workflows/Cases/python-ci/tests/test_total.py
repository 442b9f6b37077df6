import numpy as np

from shopkit import total


def test_total(prices):
    assert total(prices) == np.float64(3.5)
