release:
	echo release
