x = "unterminated  # expect: PY000
