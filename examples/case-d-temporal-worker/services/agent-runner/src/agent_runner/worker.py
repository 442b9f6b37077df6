"""Connects to Temporal and polls the agent task queue."""

import asyncio
import os

from temporalio.client import Client
from temporalio.worker import Worker

from agent_runner.activities import run_agent_task
from agent_runner.workflows import AgentWorkflow

TASK_QUEUE = os.environ.get("TASK_QUEUE", "agent-tasks")


async def main() -> None:
    client = await Client.connect(os.environ.get("TEMPORAL_ADDRESS", "localhost:7233"))
    worker = Worker(client, task_queue=TASK_QUEUE, workflows=[AgentWorkflow], activities=[run_agent_task])
    await worker.run()


def run() -> None:
    asyncio.run(main())


if __name__ == "__main__":
    run()
