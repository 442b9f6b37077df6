FROM debian:trixie-slim AS single-provider
# libssl3 and libreadline8 are virtual in trixie with one provider each (the t64 packages): apt selects it.
RUN apt-get update && apt-get install -y libssl3 libreadline8 python-is-python3

FROM debian:bookworm-slim AS several-providers
# expect-next: DF080
RUN apt-get update && apt-get install -y netcat

FROM debian:bookworm-slim AS provider-named
RUN apt-get update && apt-get install -y netcat netcat-openbsd
