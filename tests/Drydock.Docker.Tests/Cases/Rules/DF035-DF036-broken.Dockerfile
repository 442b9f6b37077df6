FROM python:3.12-slim
# expect-next: DF035
CMD [python, app.py]
# expect-next: DF035
ENTRYPOINT ['tini', '--']
# expect-next: DF036
RUN echo "unterminated
# expect-next: DF036
RUN if [ -f /x ]; then echo yes
HEALTHCHECK CMD ["python", "-c", "print(1)"]
RUN echo 'fine' && for f in a b; do echo "$f"; done
