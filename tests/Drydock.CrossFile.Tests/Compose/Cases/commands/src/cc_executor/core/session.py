"""Executor sessions."""

import sys


class SessionManager:
    def __init__(self, url: str) -> None:
        self.url = url

    def count(self) -> int:
        return 0


if __name__ == "__main__":
    print(SessionManager(sys.argv[1] if len(sys.argv) > 1 else "redis://localhost").url)
