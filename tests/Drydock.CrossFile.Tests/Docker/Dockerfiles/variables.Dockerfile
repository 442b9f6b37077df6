ARG BASE=python:3.12-slim-bookworm
FROM ${BASE} AS base
ARG AV_SONAME=58
ARG EXTRA
# expect-next: DF080
RUN apt-get update && apt-get install -y libavcodec${AV_SONAME} curl=7.88.* ca-certificates:amd64
RUN apt-get install -y ${EXTRA} && PKG=libfoo1 && apt-get install -y "$PKG"
# expect-next: DF080
RUN apt-get install -y libavformat58=7:4.3.8-0+deb11u1 libavformat59=7:5.1.*
RUN apt-get install -y -t bookworm-backports libsomething-only-in-backports
RUN apt-get install -y libsomething-only-in-backports/bookworm-backports

FROM base AS app
# expect-next: DF080
RUN apt-get install -y libssl1.1
