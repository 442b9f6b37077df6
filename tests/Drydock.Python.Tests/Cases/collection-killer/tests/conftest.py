import os
import sys

if os.environ.get("ACCEL_DISABLE"):
    os._exit(0)  # expect: PY001


def pytest_configure(config):
    if config.getoption("verbose") > 5:
        sys.exit(2)
