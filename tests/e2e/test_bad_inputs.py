"""The bad-input corpus: every case ends in one clear line naming the file, never a traceback."""
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import make_project
from pipeline.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "bad_inputs"
CASES = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))


def place(root: Path, spec: dict) -> None:
    target = root / spec["file"]
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() or target.is_symlink():
        target.unlink()
    if "symlink_to" in spec:
        target.symlink_to(spec["symlink_to"])
    elif "content_file" in spec:
        shutil.copy(CORPUS / spec["content_file"], target)
    elif "content_repeat" in spec:
        r = spec["content_repeat"]
        target.write_text(r["head"] + r["body"] * r["times"] + r["tail"], encoding="utf-8")
    else:
        target.write_text(spec["content"], encoding="utf-8")


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 50


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input_gives_one_clear_line(tmp_path, capsys, case):
    project = make_project(tmp_path / "proj")
    place(project.root, case)
    for extra in ("also", "also2"):
        if extra in case:
            place(project.root, case[extra])
    code = main(["--project", str(project.root), *case["command"]])
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert code != 0
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err and "internal error" not in captured.err, captured.err
    assert lines[0].startswith("error: ")
    assert case["expect"] in lines[0], lines[0]


@pytest.mark.parametrize("command", ["eval", "train"])
def test_eval_and_train_without_the_development_novels_say_so_in_one_line(tmp_path, capsys, command):
    code = main(["--project", str(tmp_path), command, str(tmp_path / "pdnc")])
    lines = capsys.readouterr().err.strip().splitlines()
    assert code != 0 and len(lines) == 1, lines
    assert "no development novels here" in lines[0] and f"make {command}" in lines[0], lines[0]
