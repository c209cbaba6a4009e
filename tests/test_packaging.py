"""The wheel, installed as a user would, runs ``claimmark claims`` on every format.

The fresh virtual environment keeps the pip its Python ships (23.2 with
Python 3.11.7), never upgraded: an older pip resolves extras differently
(jusText's ``lxml[html_clean]`` is not matched by pip < 24), and a user's
``pip install claimmark`` must still get every package the code needs. The
declared dependencies decide what is installed; the lock only pins their
versions (a constraints file adds no package), so a dependency missing from
``pyproject.toml`` fails here.
"""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.lockfile import LOCK, read_lock

MARKDOWN = """\
# Vitamin D and winter colds

A 2017 meta-analysis of 25 trials (BMJ 2017;356:i6583) found that daily or
weekly vitamin D *modestly* reduced acute respiratory infections.

- The effect was largest in people who started out deficient.
- Large single doses did not help.

Order our **Winter Shield** drops today!
"""

TEXT = """\
Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction. The above copyright notice and this
permission notice shall be included in all copies or substantial portions of
the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the built wheel installed by the venv's own pip."""
    tmp = tmp_path_factory.mktemp("wheel")
    dist = tmp / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(dist), str(ROOT)], check=True, capture_output=True, timeout=300)
    wheel = next(dist.glob("claimmark-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "app/resources/samples/magnesium-and-nerves.md" in names

    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    constraints = tmp / "constraints.txt"
    constraints.write_text("".join(f"{pin.requirement}\n" for pin in read_lock(LOCK)))
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         "--no-compile", str(wheel), "-c", str(constraints)],
        capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    return env_dir


def claims(env_dir: Path, article: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(env_dir / "bin" / "claimmark"), "claims", str(article), "--json"],
                          cwd=article.parent, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_the_venv_keeps_its_stock_pip(installed: Path) -> None:
    bundled = subprocess.run([sys.executable, "-c", "import ensurepip; "
                              "print(ensurepip.version())"], capture_output=True, text=True)
    version = subprocess.run([str(installed / "bin" / "python"), "-m", "pip", "--version"],
                             capture_output=True, text=True).stdout.split()[1]
    assert version == bundled.stdout.strip()


@pytest.mark.slow
def test_claims_on_a_saved_web_page(installed: Path, tmp_path: Path) -> None:
    page = tmp_path / "news.html"
    page.write_bytes((FIXTURES / "pages" / "news.html").read_bytes())
    result = claims(installed, page)
    assert result.returncode == 0, result.stderr
    assert '"claims": [' in result.stdout and '"text": "' in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_claims_on_markdown_and_text(installed: Path, tmp_path: Path) -> None:
    md = tmp_path / "vitamin-d.md"
    md.write_text(MARKDOWN)
    txt = tmp_path / "licence.txt"
    txt.write_text(TEXT)
    for article, expected in ((md, "Large single doses did not help."),
                              (txt, "WITHOUT WARRANTY OF ANY KIND.")):
        result = claims(installed, article)
        assert result.returncode == 0, result.stderr
        assert expected in result.stdout


@pytest.mark.slow
def test_the_bundled_sample_is_installed_with_the_wheel(installed: Path, tmp_path: Path) -> None:
    code = "from app.core.resources import sample_article_path; print(sample_article_path())"
    sample = subprocess.run([str(installed / "bin" / "python"), "-c", code], cwd=tmp_path,
                            check=True, capture_output=True, text=True).stdout.strip()
    assert str(installed) in sample
    result = claims(installed, Path(sample))
    assert result.returncode == 0, result.stderr
    assert '"title": "Magnesium and Your Nerves: What the Evidence Says"' in result.stdout
