import sys

# drydock ignore=PY001
sys.exit(3)
