if True:
        x = 1
    y = 2  # expect: PY000
