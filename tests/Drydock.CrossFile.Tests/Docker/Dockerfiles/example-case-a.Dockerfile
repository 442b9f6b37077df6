# The Dockerfile of examples/case-a-crawler-mcp: python:3.11-slim follows Debian stable (trixie today, bookworm
# when the case happened); the libav* names are bullseye's. Chrome's [arch=amd64] source is DF041's finding.
FROM python:3.11-slim

ENV DEBIAN_FRONTEND=noninteractive

WORKDIR /app

# System libraries for media handling and for the headless browser
RUN apt-get update && apt-get install -y \
    wget \
    gnupg \
# expect-next: DF080
    libavcodec58 \
# expect-next: DF080
    libavformat58 \
# expect-next: DF080
    libavutil56 \
# expect-next: DF080
    libswscale5 \
    fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

# Google Chrome for the crawler
RUN wget -q -O - https://dl-ssl.google.com/linux/linux_signing_key.pub | apt-key add - \
    && echo "deb [arch=amd64] http://dl.google.com/linux/chrome/deb/ stable main" > /etc/apt/sources.list.d/google-chrome.list \
    && apt-get update \
    && apt-get install -y google-chrome-stable \
    && rm -rf /var/lib/apt/lists/*

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .

EXPOSE 5000

CMD ["python", "-m", "crawl4ai_mcp.server"]
