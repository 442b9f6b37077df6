# python:3.11-slim follows Debian stable: bookworm until 2025-08-09, trixie since. libavcodec58 is in neither.
FROM python:3.11-slim
# expect-next: DF080
RUN apt-get update && apt-get install -y libavcodec58 curl
