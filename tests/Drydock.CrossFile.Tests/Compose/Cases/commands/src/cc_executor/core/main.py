"""Entry point of the WebSocket executor service."""

import argparse
import asyncio
import os
import sys

import uvicorn
from fastapi import FastAPI, WebSocket
from loguru import logger

from cc_executor.core.session import SessionManager

app = FastAPI(title="cc-executor")
sessions = SessionManager(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


@app.get("/health")
async def health() -> dict:
    return {"status": "ok", "sessions": sessions.count()}


@app.websocket("/ws")
async def executor(websocket: WebSocket) -> None:
    await websocket.accept()
    session = await sessions.open(websocket)
    try:
        async for message in websocket.iter_json():
            await session.handle(message)
    finally:
        await sessions.close(session)


def main() -> None:
    parser = argparse.ArgumentParser(description="cc-executor WebSocket service")
    parser.add_argument("--host", default="0.0.0.0")
    parser.add_argument("--port", type=int, default=int(os.environ.get("WS_PORT", "8003")))
    parser.add_argument("--reload", action="store_true")
    args = parser.parse_args()
    logger.info("starting executor on {}:{}", args.host, args.port)
    uvicorn.run(app, host=args.host, port=args.port, reload=args.reload)


async def demo() -> None:
    """Run one scripted session against an in-process executor and print the transcript."""
    logger.info("running demo session (pass --server to start the service)")
    transcript = await sessions.demo()
    for line in transcript:
        print(line)


if __name__ == "__main__":
    if "--server" in sys.argv:
        main()
    else:
        asyncio.run(demo())
