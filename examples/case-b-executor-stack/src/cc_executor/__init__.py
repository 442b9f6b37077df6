"""cc_executor: run long tasks behind a WebSocket."""
