"""One stage list: an episode, a season's worker and each stage's command all run it, in its order."""
import dataclasses

import pytest

from pipeline.cli import main
from pipeline.run import season, stages
from pipeline.run.episode import make_episode
from pipeline.takes.render import RenderResult


@pytest.fixture
def recorded(monkeypatch):
    """Every stage replaced by one that only records that it ran (and leaves what the next one reads)."""
    calls = []

    def recorder(name):
        def run(chapter_run):
            calls.append(name)
            if name == "takes":
                chapter_run.takes = RenderResult([], synthesized=0, reused=0)
            if name == "master":
                chapter_run.mastered = {"integrated_lufs": -16.0}
            if name == "qa":
                chapter_run.report = {}
            chapter_run.mixed = chapter_run.mixed or {"skipped": True}
            return name
        return run

    monkeypatch.setattr(stages, "STAGES", tuple(dataclasses.replace(s, run=recorder(s.name)) for s in stages.STAGES))
    return calls


def test_the_list_is_script_takes_mix_master_qa():
    assert stages.STAGE_NAMES == ("script", "takes", "mix", "master", "qa")
    with pytest.raises(ValueError, match="no stage named"):
        stages.run_stages(stages.ChapterRun(None, 1), ("mixdown",))


def test_an_episode_runs_every_stage_in_order(recorded, project):
    said = []
    make_episode(project, 9, log=said.append)
    assert recorded == list(stages.STAGE_NAMES)
    assert said[:4] == ["script   script", "takes    takes", "mix      mix", "master   master"] and said[4] == "qa"
    recorded.clear()
    make_episode(project, 9, log=said.append, check=False)
    assert recorded == ["script", "takes", "mix", "master"]


def test_a_season_worker_runs_the_same_list(recorded, project, monkeypatch):
    monkeypatch.setattr(season, "_returned", lambda project, chapter: [])
    files = {str(p.relative_to(project.root)): p.read_bytes() for p in project.root.rglob("*") if p.is_file()}
    season._remote_episode({"chapter": "ch09", "files": files}, {})
    assert recorded == list(stages.STAGE_NAMES)


@pytest.mark.parametrize("command, expected", [
    (["render", "9"], ["takes"]), (["mix", "9"], ["takes", "mix"]), (["master", "9", "--format", "opus"],
                                                                        ["takes", "mix", "master"]),
    (["qa", "9"], ["takes", "qa"])])
def test_each_stage_command_runs_its_part_of_the_list(recorded, project, command, expected, capsys):
    assert main(["--project", str(project.root), *command]) == 0
    assert recorded == expected
