def test_invoice():
    assert True
