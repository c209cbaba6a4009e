"""The README stays true: its quick start, its keys and its commands."""

from __future__ import annotations

import re

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()


def test_quick_start_is_two_commands_and_ci_runs_the_test_one() -> None:
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["python3 dev.py run", "python3 dev.py test"]
    assert "python3 dev.py test" in (ROOT / ".ci" / "run").read_text()


def test_every_shortcut_is_in_the_keys_table() -> None:
    from app.ui.window_actions import SPECS

    table = README.split("### Keys", 1)[1].split("## ", 1)[0]
    for spec in SPECS:
        for key in spec.keys:
            if key in ("Return", "Ctrl++"):
                continue  # listed as "Enter" and "Ctrl+="
            assert re.search(rf"(^|[| /]){re.escape(key)}($|[| /])", table, re.M), key


def test_every_subcommand_is_documented() -> None:
    from app.cli import SUBCOMMANDS

    for name in SUBCOMMANDS:
        assert f"claimmark {name} " in README
