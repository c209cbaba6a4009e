"""claimmark: a desktop reader for critical reading."""

__version__ = "0.1.0"
