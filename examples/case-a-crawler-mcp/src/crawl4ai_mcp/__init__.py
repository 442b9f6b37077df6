"""MCP tools for crawling web pages."""

__version__ = "0.3.1"
