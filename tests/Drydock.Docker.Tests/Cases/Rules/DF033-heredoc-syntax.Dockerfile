FROM debian:bookworm-slim
# expect-next: DF033
RUN <<EOF
set -e
echo "hello"
EOF
