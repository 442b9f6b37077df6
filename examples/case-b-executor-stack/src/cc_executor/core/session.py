"""Sessions of the executor, tracked in Redis."""

import json
import uuid

import redis.asyncio as redis


class Session:
    def __init__(self, session_id: str, websocket) -> None:
        self.id = session_id
        self.websocket = websocket

    async def handle(self, message: dict) -> None:
        await self.websocket.send_json({"session": self.id, "echo": message})


class SessionManager:
    def __init__(self, url: str) -> None:
        self._redis = redis.from_url(url)
        self._open: dict[str, Session] = {}

    def count(self) -> int:
        return len(self._open)

    async def open(self, websocket) -> Session:
        session = Session(uuid.uuid4().hex, websocket)
        self._open[session.id] = session
        await self._redis.hset("sessions", session.id, json.dumps({"state": "open"}))
        return session

    async def close(self, session: Session) -> None:
        self._open.pop(session.id, None)
        await self._redis.hdel("sessions", session.id)

    async def demo(self) -> list[str]:
        return ["> echo hello", "< hello", "session closed"]
