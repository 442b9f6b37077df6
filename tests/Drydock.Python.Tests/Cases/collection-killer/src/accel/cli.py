import sys


def main():
    sys.exit(0)


sys.exit(main())
