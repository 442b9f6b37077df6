FROM debian:bookworm AS build
RUN apt-get update && apt-get install -y build-essential
FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=build /usr/bin/make /usr/bin/make
