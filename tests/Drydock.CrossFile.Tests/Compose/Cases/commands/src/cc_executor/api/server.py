"""HTTP API in front of the executor."""

from fastapi import FastAPI

app = FastAPI(title="cc-executor API")


@app.get("/health")
async def health() -> dict:
    return {"status": "ok"}
