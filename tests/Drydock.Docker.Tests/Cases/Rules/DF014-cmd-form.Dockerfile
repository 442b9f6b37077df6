FROM python:3.12-slim AS test
CMD pytest -q
FROM python:3.12-slim
# expect-next: DF014
ENTRYPOINT gunicorn app:app
# expect-next: DF014, DF015
CMD python -m worker --queue "$QUEUE"
# expect-next: DF015
CMD exec python -m worker
CMD ["python", "-m", "worker"]
