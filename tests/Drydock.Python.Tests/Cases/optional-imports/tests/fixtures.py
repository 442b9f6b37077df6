DATA = {}
