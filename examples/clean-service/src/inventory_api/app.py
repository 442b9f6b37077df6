"""HTTP API of the inventory service."""

import os

import psycopg
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="inventory")
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://inventory@localhost/inventory")


class Item(BaseModel):
    sku: str
    quantity: int


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}


@app.get("/items/{sku}")
def get_item(sku: str) -> Item:
    with psycopg.connect(DATABASE_URL) as connection:
        row = connection.execute("SELECT sku, quantity FROM items WHERE sku = %s", (sku,)).fetchone()
    if row is None:
        raise HTTPException(status_code=404, detail="unknown sku")
    return Item(sku=row[0], quantity=row[1])
