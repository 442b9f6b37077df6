try:
    import yaml
except ImportError:
    yaml = None


def test_config_defaults():
    assert yaml is None or yaml.safe_load("a: 1") == {"a": 1}
