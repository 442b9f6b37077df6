#!/usr/bin/env bash
# Start the stack after checking that its host ports are free.
set -euo pipefail
cd "$(dirname "$0")/../deployment"
for port in 6380 8001 8003; do
  if docker ps --format json | grep -q "0.0.0.0:${port}->"; then
    echo "port ${port} is already published by another container" >&2
    exit 1
  fi
done
cp docker-compose.yml "docker-compose.yml.bak.$(date +%s)"
docker compose up -d --build
