"""The wheel carries resources/ and installs a working ``claimmark``."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_wheel_installs_and_runs_claims_on_the_bundled_sample(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(dist), str(ROOT)], check=True, capture_output=True, timeout=300)
    wheel = next(dist.glob("claimmark-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "app/resources/samples/magnesium-and-nerves.md" in names

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # The core's dependencies, as pinned in this environment; Qt is not needed
    # for the `claims` command, so the fresh environment is small and quick.
    core = ["markdown", "nupunkt", "charset-normalizer", "nh3", "edlib"]  # not trafilatura:
    # web pages load it lazily, so `claims` on Markdown must work without it
    pins = [f"{name}=={metadata.version(name)}" for name in core]
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel), *pins],
                   check=True, timeout=600)
    code = (
        "from app.core.resources import sample_article_path; "
        "print(sample_article_path())"
    )
    sample = subprocess.run([str(python), "-c", code], cwd=tmp_path, check=True,
                            capture_output=True, text=True).stdout.strip()
    assert str(env_dir) in sample
    result = subprocess.run([str(env_dir / "bin" / "claimmark"), "claims", sample, "--json"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert '"title": "Magnesium and Your Nerves: What the Evidence Says"' in result.stdout
