import numpy as np
import pytest

from fastaccel import moving_average, normalize


def test_normalize_has_zero_mean():
    out = normalize(np.array([1.0, 2.0, 3.0]))
    assert abs(out.mean()) < 1e-12


def test_moving_average_window():
    assert moving_average(np.array([1.0, 2.0, 3.0, 4.0]), 2).tolist() == [1.5, 2.5, 3.5]


def test_moving_average_rejects_zero_window():
    with pytest.raises(ValueError):
        moving_average(np.array([1.0]), 0)
