"""Rules: each has a stable code, a readable name, groups, a severity and documentation."""
