"""Temporal worker for agent tasks."""
