"""Numerical kernels."""

import numpy as np


def normalize(values: np.ndarray) -> np.ndarray:
    """Scale ``values`` to zero mean and unit variance."""
    std = values.std()
    if std == 0:
        return values - values.mean()
    return (values - values.mean()) / std


def moving_average(values: np.ndarray, window: int) -> np.ndarray:
    """Simple moving average with a window of ``window`` samples."""
    if window <= 0:
        raise ValueError("window must be positive")
    kernel = np.ones(window) / window
    return np.convolve(values, kernel, mode="valid")
