# expect-next: DF000
RUN echo before from
FROM alpine:3.20
# expect-next: DF000
COPY onlyone
# expect-next: DF000
SHELL /bin/bash -c
