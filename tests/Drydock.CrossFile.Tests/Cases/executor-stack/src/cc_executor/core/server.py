import asyncio

import websockets


async def handler(websocket):
    async for message in websocket:
        await websocket.send(message)


async def serve(host: str, port: int) -> None:
    async with websockets.serve(handler, host, port):
        await asyncio.Future()
