FROM debian:bookworm-slim
# expect-next: DF013
RUN wget -qO- https://example.com/install.sh | sh
RUN set -o pipefail && wget -qO- https://example.com/install.sh | bash
RUN echo no pipe here
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN wget -qO- https://example.com/install.sh | bash
