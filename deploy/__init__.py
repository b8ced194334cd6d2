"""The self-host recipe: nginx in front of several app processes (``deploy/start.py``)."""
