# syntax=docker/dockerfile:1.7
FROM debian:bookworm-slim
RUN <<EOF
set -e
echo "hello"
EOF
COPY --link --chmod=0755 run.sh /usr/local/bin/run.sh
