"""Rules of the levels group."""
