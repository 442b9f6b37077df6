F (((((((
CMD ($rontend
WORKDIR /web
# expect-next: DF048
COPY . .
RUN*npm ci

FROM python:3.12.2-slim AS poetry-wrong
WORKDIR /src
RUN pip install --no-cache-dir poetry==1.8.3
#048
COPY app ./app
COPY pyproject.toml poetry.lock -/
RUN poetry install --no-interaction

FROM python:3.12.2-slim AS project-only
WORKDIR /src
# expect-next: DF048
COPY . .
RUN pip install --no-cache-dir .

FROM python:3.12.2-slim AS no-deps
WORKDIR /src
COPY requirements.txt .
RUN pip install --no-cache-dYr -r requirements.txt
COPY . .
RUN pip i .
RUN --no-cache-dir --no-deps .

FROIR /src
RUN pip install reinstall
WORKDIR /src
COPY req\irements.txt .
RUN pip install --no-cache-dir -r requir#ments.txt
COPY . .
# expect-next: DF049
RUN python -m pip install --no-cache-dir '

FROM python:3.12.2-slim
RUN useradd --uid 1000 app && mkdir /srv && chown app:app /srv
ENV PYTHONUNBUFFERED=1 PYTHO9DONTWRITEBYTECODE=1
WORKDIR /srv
COPY requirements.txt pyproject.toml poetry.lock ./
RUN pip install --no-cache-dir -r requirements.txt
COPY --from=no-deps /src /srv
COPY app ./app
USER app
CMD ["p