FROM ubuntu:24.04
# expect-next: DF009, DF006, DF004
RUN sudo apt-get install make
# expect-next: DF010
RUN cd /opt/app && make
RUN (cd /tmp && make) && echo "$(cd /srv && pwd)"
WORKDIR /opt/app
RUN make
