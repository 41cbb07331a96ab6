"""The same project renders to the same bytes: from an empty cache, in another folder, at another time."""
import hashlib

from conftest import make_project
from pipeline.model.timeline import read_cues
from pipeline.run.episode import make_episode
from pipeline.takes.render import take_path


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_two_renders_from_empty_caches_are_byte_identical(rendered_episode, tmp_path):
    first, _ = rendered_episode
    second = make_project(tmp_path / "again")
    (second.root / "mix.yaml").write_text("stems: true\n", encoding="utf-8")
    make_episode(second, 9, workers=1, log=lambda *_: None, check=False)
    for artifact in (lambda p: p.episode(9), lambda p: p.cues(9), lambda p: p.chapter_marks(9),
                     lambda p: p.transcript(9), lambda p: p.mix(9)):
        assert _digest(artifact(second)) == _digest(artifact(first)), artifact(second).name
    # the takes too, one by one: both episodes name the same takes, and the files are the same bytes
    # (the first project's cache also holds QA's voice references, which the second did not make)
    takes = [cue.take for cue in read_cues(first.cues(9)) if cue.kind == "speech"]
    assert takes and takes == [cue.take for cue in read_cues(second.cues(9)) if cue.kind == "speech"]
    assert all(_digest(take_path(first.take_cache, key)) == _digest(take_path(second.take_cache, key))
               for key in takes)
