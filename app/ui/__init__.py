"""The Qt window of claimmark. Thin: the work is done in app.core."""

from app.ui.quick_feature_check import install

install()  # before any Qt module: PySide6 checks every module imported after it
