"""Activities the worker executes."""

import httpx
from temporalio import activity

from agent_common.models import AgentTask, AgentResult


@activity.defn
async def run_agent_task(task: AgentTask) -> AgentResult:
    async with httpx.AsyncClient(timeout=60) as client:
        response = await client.post(task.endpoint, json=task.payload)
        response.raise_for_status()
    return AgentResult(task_id=task.id, output=response.json())
