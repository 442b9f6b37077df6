"""HTTP API in front of the executor."""

import os

import uvicorn
from fastapi import FastAPI, Header, HTTPException

app = FastAPI(title="cc-executor API")
EXECUTOR_WS_URL = os.environ.get("EXECUTOR_WS_URL", "ws://localhost:8003/ws")


@app.get("/health")
async def health() -> dict:
    return {"status": "ok", "executor": EXECUTOR_WS_URL}


@app.post("/tasks")
async def submit(task: dict, x_api_key: str = Header(default="")) -> dict:
    if x_api_key != os.environ.get("API_KEY"):
        raise HTTPException(status_code=401, detail="bad api key")
    return {"accepted": True, "task": task}


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8001)
