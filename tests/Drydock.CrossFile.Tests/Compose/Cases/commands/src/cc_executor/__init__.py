"""cc-executor."""
