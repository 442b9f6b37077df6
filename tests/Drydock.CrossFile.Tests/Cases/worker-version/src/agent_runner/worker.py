import asyncio

from temporalio.client import Client


async def run() -> None:
    client = await Client.connect("temporal:7233")
    print(client)


def main() -> None:
    asyncio.run(run())


if __name__ == "__main__":
    main()
