"""Rules of the evidence group."""
