from agent_common.models import AgentTask


def test_task_round_trip():
    task = AgentTask(id="t1", endpoint="http://agent/run", payload={"q": 1})
    assert AgentTask.model_validate(task.model_dump()) == task
