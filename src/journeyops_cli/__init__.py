"""journeyops: customer journeys as code."""

__version__ = "0.1.0"

# Where the project lives: the pre-commit hook repository and the SARIF tool link.
PROJECT_URL = "https://github.com/journeyops/journeyops"
