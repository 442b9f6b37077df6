#!/usr/bin/env python3
"""Writes N small compose projects (one folder each) with a realistic mix of services and some defects."""
import os, random, sys

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
random.seed(5)
images = ["redis:7.2-alpine", "postgres:16.3", "nginx:1.27", "redis", "traefik:latest", "python:3.12-slim", "rabbitmq:3.13-management"]
for i in range(count):
    folder = os.path.join(out, f"p{i:03}")
    os.makedirs(folder, exist_ok=True)
    lines = [f"name: stack{i}", "services:"]
    for s in range(random.randint(3, 8)):
        name = f"svc{s}"
        lines += [f"  {name}:", f"    image: {random.choice(images)}"]
        lines += ["    ports:", f"      - \"{8000 + random.randint(0, 12)}:80\""]
        lines += ["    environment:", f"      LEVEL: ${{LEVEL_{s}:-info}}", f"      TOKEN: ${{TOKEN_{s}}}"]
        if s > 0:
            lines += ["    depends_on:", "      svc0:", "        condition: service_healthy"]
        lines += ["    healthcheck:", "      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost/\"]",
                  f"      interval: {random.choice([5, 10, 30])}s", f"      timeout: {random.choice([3, 10])}s", "      retries: 3"]
        lines += ["    volumes:", "      - data:/data", "    networks: [backend]"]
    lines += ["networks:", "  backend:", "volumes:", "  data:"]
    with open(os.path.join(folder, "docker-compose.yml"), "w") as f:
        f.write("\n".join(lines) + "\n")
print(f"wrote {count} compose files under {out}")
