"""fastaccel: vectorised kernels."""

from .kernels import moving_average, normalize

__all__ = ["moving_average", "normalize"]
__version__ = "1.4.2"
