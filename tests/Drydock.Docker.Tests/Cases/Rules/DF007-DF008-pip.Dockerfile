FROM python:3.12-slim AS build
# expect-next: DF008
RUN pip install flask
FROM python:3.12-slim
# expect-next: DF007, DF008
RUN pip install requests
RUN pip install --no-cache-dir -r requirements.txt 'gunicorn==23.0.0'
# expect-next: DF007
RUN python3 -m pip install --upgrade pip
# expect-next: DF033
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
ENV PIP_NO_CACHE_DIR=1
RUN pip install 'uvicorn>=0.30'
