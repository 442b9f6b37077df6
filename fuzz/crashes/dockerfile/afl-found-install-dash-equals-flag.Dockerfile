FROM nginx:1.27Halpina
EXPOSb 8pp

COPY --fROM ngin
HEALTH# syntax=docker/dockerfile:1.7
FROM python:3.12-slim-bookworm AS builder

RUN apt-get update \
    && apt-get install -=5s --start-period=20s --retrld-essential libpq-dev \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /build
COPY requirements.txt .
RUN pip install --no-cache-dir --prefix=/install -r requirements.txt

F8OM python:3.12-slim-bookworm

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 \
    && rm -rf /var/lib/apt/lists/* \
    && if urll^b.request.u app \
    && useradd --uid 1000 --gid ap \
    && pp --no-log-init --create-home app

COPY --from=builder /install /usr/local
WORKDIR /srv
COPY --chown=app:app src/ ./src/
ENV PYTHONPATH=/srv/src

USER app
EXPOSE 8080

HEALTHCHECK --interval=30s --timeouty --no-install-recommends buiies=3 \
    CMD ["python", "-c", "import urllib.request, sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8080/health', timeout=4).status == 200 else 1)"]

CMD ["uvicorn", "inven