"""The same project renders to the same bytes: from an empty cache, in another folder, at another time."""
import hashlib

from conftest import make_project
from pipeline.run.episode import make_episode


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
    # the takes too, one by one: the cache is keyed by content, so both caches hold the same files
    takes = sorted(p.relative_to(first.take_cache) for p in first.take_cache.rglob("*.wav"))
    assert takes == sorted(p.relative_to(second.take_cache) for p in second.take_cache.rglob("*.wav"))
    assert all(_digest(first.take_cache / t) == _digest(second.take_cache / t) for t in takes)
