import sys

def main():
    try:
        print "hello"  # expect: PY000
    except Exception, e:
        sys.exit(1)
