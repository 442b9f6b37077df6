def f(:  # expect: PY000
    pass
