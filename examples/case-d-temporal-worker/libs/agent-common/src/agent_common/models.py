"""Task and result models shared by the agent services."""

from typing import Any

from pydantic import BaseModel


class AgentTask(BaseModel):
    id: str
    endpoint: str
    payload: dict[str, Any]


class AgentResult(BaseModel):
    task_id: str
    output: Any
