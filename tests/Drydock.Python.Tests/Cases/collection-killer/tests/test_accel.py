import sys

import numpy as np

from accel import __name__ as accel_name

playwright = pytest_importorskip = None


def test_sum():
    assert np.sum([1, 2]) == 3
    assert accel_name == "accel"


def helper():
    sys.exit(0)


class TestExit:
    def test_quit(self):
        with_exit = exit
        assert with_exit is not None
