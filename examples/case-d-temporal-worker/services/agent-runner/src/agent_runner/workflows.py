"""Workflows orchestrating agent tasks."""

from datetime import timedelta

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from agent_common.models import AgentTask, AgentResult
    from agent_runner.activities import run_agent_task


@workflow.defn
class AgentWorkflow:
    @workflow.run
    async def run(self, task: AgentTask) -> AgentResult:
        return await workflow.execute_activity(
            run_agent_task, task, start_to_close_timeout=timedelta(minutes=10)
        )
