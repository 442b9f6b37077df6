import httpx


def get(url):
    return httpx.get(url)
