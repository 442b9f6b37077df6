# syntax=docker/dockerfile:1
# Field case A: a crawler image built for linux/amd64 and linux/arm64 on python:3.11-slim (bookworm).
FROM python:3.11-slim-bookworm

RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        curl gnupg ca-certificates \
# expect-next: DF080
        libavcodec58 \
# expect-next: DF080
        libavformat58 \
# expect-next: DF080
        libswscale5 \
        ffmpeg fonts-liberation libnss3 \
# expect-next: DF080
        google-chrome-stable \
    && rm -rf /var/lib/apt/lists/*
