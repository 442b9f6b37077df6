FROM debian:bookworm AS firmware
# Firmware moved from non-free to non-free-firmware in bookworm; the image enables main only.
# expect-next: DF080
RUN apt-get update && apt-get install -y firmware-misc-nonfree

FROM debian:bookworm AS enabled
RUN sed -i 's/^Components: main$/Components: main non-free-firmware/' /etc/apt/sources.list.d/debian.sources \
    && apt-get update && apt-get install -y firmware-misc-nonfree
