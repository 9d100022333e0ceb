"""Rules of the hygiene group."""
