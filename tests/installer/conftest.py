"""The installer's tests run the real installer/install.sh into a throwaway home."""


def pytest_configure(config):
    config.addinivalue_line("markers", "installer: runs installer/install.sh end to end (about a minute)")
