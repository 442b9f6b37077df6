FROM alpine:3.20
# expect-next: DF011
ADD app.py /app/
# expect-next: DF012
ADD https://example.com/tool.tar.gz /opt/
# expect-next: DF033
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/
# expect-next: DF012
ADD vendor.tar.gz /opt/vendor/
ADD https://github.com/acme/tool.git /src/tool
COPY app.py /app/
