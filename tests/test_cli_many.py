"""``claimmark claims A B C`` (and ``suggest``): several articles in one run, each under
a line naming it as given; one file's error does not stop the others, and the exit code
says that one failed (tester T13's F9, its last item)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import claimmark


def _files(tmp_path: Path) -> tuple[str, str, str]:
    first = tmp_path / "first.txt"
    first.write_text("Vitamin D does not prevent falls. Trials enrolled 24,000 people.\n",
                     encoding="utf-8")
    second = tmp_path / "sub" / "second.md"
    second.parent.mkdir()
    second.write_text("# Notes on a supplement\n\nThe maker says its pills cure colds in a day. "
                      "No trial has shown it.\n\nBuy now and save half the price today.\n",
                      encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(bytes(range(256)) * 40)
    return str(first), str(second), str(broken)


def test_claims_of_several_files_each_under_its_name(tmp_path: Path) -> None:
    first, second, broken = _files(tmp_path)
    missing = str(tmp_path / "missing.txt")
    result = claimmark("claims", first, missing, broken, second)
    assert result.returncode == 2, result.stderr  # some failed
    out = result.stdout.splitlines()
    assert out[0] == f"==> {first} <==" and out[1].endswith("— 2 claims")
    assert out[2:4] == ["1. Vitamin D does not prevent falls.",
                        "2. Trials enrolled 24,000 people."]
    assert f"==> {second} <==" in out  # the file after the failed ones is read
    assert out[-1] == "3. Buy now and save half the price today."
    errors = result.stderr.splitlines()
    assert len(errors) == 2 and errors[0].startswith(f"claimmark: {missing}: ") \
        and errors[1].startswith(f"claimmark: {broken}: "), errors


def test_several_files_as_json_are_one_array(tmp_path: Path) -> None:
    first, second, broken = _files(tmp_path)
    result = claimmark("claims", first, broken, second, "--json")
    assert result.returncode == 2
    payload = json.loads(result.stdout)
    assert [item["file"] for item in payload] == [first, broken, second]
    assert [c["text"] for c in payload[0]["claims"]][0] == "Vitamin D does not prevent falls."
    assert payload[1]["error"].startswith(f"{broken}: ") and "claims" not in payload[1]
    assert payload[2]["article"]["format"] == "md"
    good = claimmark("claims", first, second, "--json")
    assert good.returncode == 0 and len(json.loads(good.stdout)) == 2


def test_suggest_takes_several_files_and_one_file_prints_as_before(tmp_path: Path) -> None:
    first, second, _ = _files(tmp_path)
    result = claimmark("suggest", first, second)
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert out[0] == f"==> {first} <==" and f"==> {second} <==" in out
    assert any(line.startswith("3. [advertising] Buy now") for line in out), out
    alone = claimmark("claims", first)
    assert alone.stdout.splitlines()[0].endswith("— 2 claims")  # no name line for one file
    assert isinstance(json.loads(claimmark("claims", first, "--json").stdout), dict)
