FROM debian:bookworm-slim
# expect-next: DF003
RUN apt-get update
# expect-next: DF004, DF006
RUN apt-get install curl
# expect-next: DF004, DF005
RUN apt-get update && apt-get install -y git \
    && echo done
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# expect-next: DF033
RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get -qq install --no-install-recommends make
# expect-next: DF027, DF005
RUN apt install -y --no-install-recommends jq && apt-get update
