"""Pure-Python core of claimmark. Never imports Qt (a test checks it)."""
