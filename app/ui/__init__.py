"""The Qt window of claimmark. Thin: the work is done in app.core."""
