"""Rules of the privacy group."""
