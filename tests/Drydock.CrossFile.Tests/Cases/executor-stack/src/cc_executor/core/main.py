"""WebSocket executor: entry point."""
import argparse
import asyncio
import sys

from cc_executor.core.server import serve


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the cc_executor WebSocket service")
    parser.add_argument("--host", default="0.0.0.0")
    parser.add_argument("--port", type=int, default=8003)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    asyncio.run(serve(args.host, args.port))


async def demo() -> None:
    print("cc_executor demo: executing a sample command")


if __name__ == "__main__":
    if "--server" in sys.argv:
        main()
    else:
        asyncio.run(demo())
