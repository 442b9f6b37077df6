FROM node:20.11-alpine AS web
WORKDIR /web
COPY package.json package-lock.json ./
RUN npm ci
USER node

FROM python:3.12.2-slim AS base
RUN useradd --system --uid 999 svc

FROM base AS tools
USER svc
# expect-next: DF044
USER appuser
USER 1000:1000
USER nobody

FROM python:3.12.2-alpine
RUN addgroup -S app && adduser -S -G app app
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
USER app:app
CMD ["python", "-c", "print('ok')"]
