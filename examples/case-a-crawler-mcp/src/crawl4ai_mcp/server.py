"""MCP server exposing crawl tools over SSE."""

import argparse
import logging

import uvicorn
from mcp.server.fastmcp import FastMCP

from crawl4ai import AsyncWebCrawler

from .extract import first_heading, prices

log = logging.getLogger("crawl4ai_mcp")
mcp = FastMCP("crawl4ai")


@mcp.tool()
async def crawl(url: str) -> dict:
    """Crawl ``url`` and return its markdown, title and prices."""
    async with AsyncWebCrawler() as crawler:
        result = await crawler.arun(url=url)
    markdown = result.markdown or ""
    return {
        "url": url,
        "title": first_heading(markdown.splitlines()),
        "prices": prices(markdown),
        "markdown": markdown,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="crawl4ai MCP server")
    parser.add_argument("--host", default="0.0.0.0")
    parser.add_argument("--port", type=int, default=5000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    uvicorn.run(mcp.sse_app(), host=args.host, port=args.port)


if __name__ == "__main__":
    main()
