ARG VERSION=1.2.3
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
ARG TARGETARCH
RUN GOARCH=$TARGETARCH go build -o /out/app .
FROM debian:bookworm-slim AS runtime
COPY app /srv/app
# expect-next: DF030
RUN chown -R app:app /srv
COPY --chown=app:app static /srv/static
RUN chown -R app:app /srv/static
# expect-next: DF034, DF034
RUN echo "$VERSION" > /srv/version && echo "$TARGETARCH"
ARG VERSION
RUN echo "$VERSION" > /srv/version
# expect-next: DF031
RNU echo typo
# expect-next: DF032
FROM --platform=$BUILDPLATFORM debian:bookworm-slim
COPY --from=build /out/app /usr/local/bin/app
