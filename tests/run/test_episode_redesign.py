"""A designed voice QA hears a line of nearer another voice is designed again, once, and the episode made again."""
from conftest import make_project
from pipeline.model.casting import Voice
from pipeline.run import episode as episode_module
from pipeline.run.stages import ChapterRun
from pipeline.takes import design as design_module


def _run(project, report):
    run = ChapterRun(project, 2)
    run.report, run.takes = report, type("Takes", (), {"synthesized": 0, "takes": []})()
    return run


def test_a_designed_voice_heard_nearer_another_is_designed_again_and_the_episode_remade(tmp_path, monkeypatch):
    project = make_project(tmp_path / "proj")
    voices = {"dai": Voice(engine="piper", model="en_US-joe-medium", gender="M", age="adult", design_seed=0,
                           description="designed for Dai"),
              "spud": Voice(engine="piper", model="en_US-joe-medium", gender="M", age="young", design_seed=0, pinned=True),
              "narrator": Voice(engine="piper", model="en_US-joe-medium", gender="M")}
    flagged = {"voice_flagged_lines": [
        {"voice": "dai", "voice_problem": "sounds closer to voice 'spud' (0.84) than to its own 'dai'"},
        {"voice": "spud", "voice_problem": "sounds closer to voice 'dai' (0.86) than to its own 'spud'"},
        {"voice": "narrator", "voice_problem": "sounds closer to voice 'dai' (0.85) than to its own 'narrator'"},
        {"voice": "huw", "voice_problem": "far from its own voice 'huw' (0.76 < 0.80)"}]}
    runs, designed, logged = [], [], []

    def stages(run, names, log):
        runs.append(names)
        verdicts = sum("qa" in n for n in runs)
        if "qa" in names:
            log(f"QA verdict {verdicts}")
        return _run(project, flagged if verdicts == 1 else {"voice_flagged_lines": []})
    monkeypatch.setattr(episode_module, "run_stages", stages)
    monkeypatch.setattr(episode_module, "load_voices", lambda folder: voices)
    monkeypatch.setattr(design_module, "design_and_write",
                        lambda project_, name, gender, age, **options: designed.append((name, gender, age, options)))
    episode_module.make_episode(project, 2, log=logged.append)
    # only the designed voice, not the pinned one, the shipped narrator's, nor one only far from its own
    assert [(name, gender, age, options["chapter"]) for name, gender, age, options in designed] == [("dai", "M", "adult", 2)]
    assert len(runs) == 3 and "qa" not in runs[0] and runs[1] == ("qa",) and "script" not in runs[2] and "qa" in runs[2]
    assert any("voices/dai.yaml designed again" in line for line in logged)
    # the verdict told is the one of the episode that stays, not of the one made again
    assert "QA verdict 2" in logged and "QA verdict 1" not in logged


def test_an_episode_qa_passes_is_made_once_and_without_qa_nothing_is_redesigned(tmp_path, monkeypatch):
    project = make_project(tmp_path / "proj")
    runs = []
    logged = []

    def stages(run, names, log):
        runs.append(names)
        if "qa" in names:
            log("QA publishable")
        return _run(project, {"voice_flagged_lines": []})
    monkeypatch.setattr(episode_module, "run_stages", stages)
    episode_module.make_episode(project, 2, log=logged.append)
    assert logged == ["QA publishable"] and len(runs) == 2
    episode_module.make_episode(project, 2, log=logged.append, check=False)
    assert len(runs) == 3 and "qa" not in runs[2] and logged == ["QA publishable"]
