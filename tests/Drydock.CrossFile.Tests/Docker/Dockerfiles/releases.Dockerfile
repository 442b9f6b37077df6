FROM debian:bullseye-slim AS old
# expect-next: DF080
RUN apt-get update && apt-get install -y libavcodec59 libavcodec58 python3-distutils

FROM debian:12-slim AS current
# expect-next: DF080
RUN apt-get update && apt-get install -y libssl1.1 libssl3 python3-distutils libgl1-mesa-glx

FROM python:3.13-slim-trixie
# expect-next: DF080
RUN apt-get update && apt-get install -y python3-distutils \
# expect-next: DF080
        libgl1-mesa-glx \
# trixie renamed libssl3 to libssl3t64, which provides the old name: apt selects it.
        libssl3 libglib2.0-0
