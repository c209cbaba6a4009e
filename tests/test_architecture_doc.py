"""docs/architecture.md is a newcomer's map of the code: it must name every
module in ``app/``, so that a module added without a line there is noticed."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_architecture_page_names_every_module() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    modules = sorted(path.relative_to(ROOT / "app") for path in (ROOT / "app").rglob("*.py")
                     if path.name != "__init__.py")
    assert len(modules) > 50  # the glob found the package
    unnamed = [str(module) for module in modules if module.name not in page]
    assert not unnamed, ("docs/architecture.md does not name these modules; add a line "
                         f"saying what each does: {unnamed}")
