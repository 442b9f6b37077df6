# syntax=docker/dockerfile:1
FROM python:3.11-slim-bookworm
ARG TARGETARCH

RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        curl gnupg ca-certificates libavcodec59 libavformat59 libswscale6 ffmpeg fonts-liberation libnss3 \
    && rm -rf /var/lib/apt/lists/*

# Chrome's repository restricted to amd64 and the install guarded: DF041's business, not DF080's.
RUN install -d /etc/apt/keyrings \
    && curl -fsSL https://dl.google.com/linux/linux_signing_key.pub | gpg --dearmor -o /etc/apt/keyrings/google.gpg \
    && echo "deb [arch=amd64 signed-by=/etc/apt/keyrings/google.gpg] http://dl.google.com/linux/chrome/deb/ stable main" > /etc/apt/sources.list.d/google-chrome.list
RUN if [ "$TARGETARCH" = "amd64" ]; then apt-get update && apt-get install -y google-chrome-stable; fi
