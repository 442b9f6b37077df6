FROM alpine:3.20
# expect-next: DF024
MAINTAINER Jane Doe <jane@example.com>
# expect-next: DF025, DF026
RUN apk add git
# expect-next: DF026
RUN apk add --no-cache make
# expect-next: DF026
RUN apk add --no-cache curl=8.9.1-r0 bash
# expect-next: DF028
RUN curl -fsSL https://example.com/a -o /a && wget -q https://example.com/b
# expect-next: DF029
RUN useradd -u 1234567 app && useradd -l -u 2345678 other && useradd -u 1000 small
