"""Shared pytest configuration.

Loads the helpers for the real external clients (see shared/TESTING.md and
tests/tools/): the ``chromium_browser`` / ``page`` fixtures and the
``browser`` marker.
"""

import sys
from pathlib import Path

# Make ``tests.tools`` importable however pytest is started
# (``python -m pytest``, ``pytest``, from any directory).
_ROOT = str(Path(__file__).resolve().parents[1])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

pytest_plugins = ["tests.tools.browser"]
