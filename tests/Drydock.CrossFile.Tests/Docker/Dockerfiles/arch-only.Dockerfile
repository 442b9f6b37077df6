# Nothing pins a platform: the rule assumes the usual amd64 + arm64 pair.
FROM debian:bookworm-slim AS multi
# expect-next: DF080
RUN apt-get update && apt-get install -y libc6-i386 curl

FROM --platform=linux/amd64 debian:bookworm-slim AS amd64-only
RUN apt-get update && apt-get install -y libc6-i386 grub-pc

FROM --platform=linux/arm64 debian:bookworm-slim AS arm64-only
# expect-next: DF080
RUN apt-get update && apt-get install -y grub-pc

FROM debian:bookworm-slim AS guarded
ARG TARGETARCH
RUN if [ "$TARGETARCH" = "amd64" ]; then apt-get update && apt-get install -y libc6-i386; fi
