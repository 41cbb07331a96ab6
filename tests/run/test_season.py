"""A season on a Dask LocalCluster gives the same bytes as a local render."""
import pytest

from conftest import SHORT_SCRIPT, make_project, share_references
from pipeline.run.episode import make_episode
from pipeline.run.season import make_season

distributed = pytest.importorskip("distributed")

SECOND = SHORT_SCRIPT.replace("Test Episode", "Second").replace("believe it!", "you'll see!")


def two_chapter_project(root):
    project = make_project(root)
    (project.chapters / "ch01.txt").unlink()
    (project.scripts / "ch09.yaml").rename(project.scripts / "ch01.yaml")
    (project.scripts / "ch02.yaml").write_text(SECOND)
    return project


def test_cluster_season_matches_local_render(tmp_path, session_cache):
    local = two_chapter_project(tmp_path / "local")
    for chapter in (1, 2):
        make_episode(local, chapter, workers=1, log=lambda *_: None, check=False)   # QA is not compared
    remote = share_references(two_chapter_project(tmp_path / "remote"), session_cache)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        results = make_season(remote, client=client, log=lambda *_: None)
    assert sorted(results) == ["ch01", "ch02"]
    for chapter in ("ch01", "ch02"):
        mine = (remote.output / chapter / "episode.mp3").read_bytes()
        theirs = (local.output / chapter / "episode.mp3").read_bytes()
        assert mine == theirs, f"{chapter} differs between the cluster and a local render"
        assert (remote.output / chapter / "cues.json").read_bytes() == (local.output / chapter / "cues.json").read_bytes()
        assert (remote.output / chapter / "qa.json").exists(), "a cluster episode must be checked like a local one"
    # the takes came back into this machine's cache (beside them, the takes of QA's voice references)
    takes = {p.relative_to(local.take_cache) for p in local.take_cache.rglob("*.wav")}
    assert takes and takes <= {p.relative_to(remote.take_cache) for p in remote.take_cache.rglob("*.wav")}
