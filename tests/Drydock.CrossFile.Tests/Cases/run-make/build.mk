release:
	true
