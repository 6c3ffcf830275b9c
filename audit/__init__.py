"""`make audit`: the running site checked from outside (issue 12). See audit/__main__.py."""
