import asyncio

from cc_executor.core.session import Session


class FakeWebSocket:
    def __init__(self):
        self.sent = []

    async def send_json(self, payload):
        self.sent.append(payload)


def test_session_echoes_messages():
    websocket = FakeWebSocket()
    session = Session("abc", websocket)
    asyncio.run(session.handle({"cmd": "ls"}))
    assert websocket.sent == [{"session": "abc", "echo": {"cmd": "ls"}}]
