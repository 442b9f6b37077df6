# syntax=docker/dockerfile:1
FROM --platform=$TARGETPLATFORM python:3.11-slim-bookworm

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends curl gnupg ca-certificates \
    && rm -rf /var/lib/apt/lists/*

# Google's signing key and repository, as the vendor page used to say.
# expect-next: DF040
RUN curl -fsSL https://dl-ssl.google.com/linux/linux_signing_key.pub | apt-key add - \
    && echo "deb [arch=amd64] http://dl.google.com/linux/chrome/deb/ stable main" > /etc/apt/sources.list.d/google-chrome.list

RUN apt-get update \
    && apt-get install -y --no-install-recommends google-chrome-stable fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 crawler
WORKDIR /app
COPY requirements.txt .
# expect-next: DF042
RUN pip install --no-cache-dir -r requirements.txt netifaces==0.11.0
COPY --chown=crawler:crawler src/ ./src/

USER crawler
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=10s --retries=3 CMD curl -f http://localhost:5000/health || exit 1
CMD ["python", "-m", "src.crawl4ai_mcp.server"]
