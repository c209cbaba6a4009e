"""Shared test setup: Qt runs offscreen, paths to the shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs a fixed set of examples (no flaky surprises in a submission); a
# developer's run explores new ones each time. HYPOTHESIS_PROFILE=thorough
# explores many more.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("dev", deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE",
                                     "ci" if os.environ.get("CI") else "dev"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "resources" / "samples" / "magnesium-and-nerves.md"


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return CORPUS


@pytest.fixture(autouse=True)
def user_folders(tmp_path_factory: pytest.TempPathFactory,
                 monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test writes into the real user folders: CLAIMMARK_HOME is a fresh temporary one."""
    home = tmp_path_factory.mktemp("claimmark-home")
    monkeypatch.setenv("CLAIMMARK_HOME", str(home))
    monkeypatch.delenv("CLAIMMARK_DATA_DIR", raising=False)
    monkeypatch.delenv("CLAIMMARK_STATE_DIR", raising=False)
    return home
