"""An episode mastered in Opus (or M4A) as well: QA measures it and the feed offers it beside the MP3."""
import json

import pytest
from lxml import etree

from pipeline.core import audio
from pipeline.core.errors import PipelineError
from pipeline.publish.gate import check_publishable
from pipeline.publish.site import build_site
from pipeline.qa.checks import check_episode, summary
from published_episode import new_project, write_episode


@pytest.fixture(scope="module")
def with_opus(tmp_path_factory):
    project = new_project(tmp_path_factory.mktemp("alternates") / "show")
    mp3 = write_episode(project, 1, seconds=8.0)
    # the same programme encoded as the master encodes Opus
    audio.encode(audio.blocks_of(audio.decode(mp3)), project.episode(1, "opus"))
    report = check_episode(project, 1, takes=[])
    return project, report


def test_qa_measures_the_alternate_against_the_mp3(with_opus):
    project, report = with_opus
    opus = report["alternates"]["opus"]
    assert abs(opus["duration_diff_s"]) < 0.1
    # the same signal: the same loudness within encoder tolerance, and no clipping
    assert opus["loudness"]["integrated_lufs"] == pytest.approx(report["loudness"]["integrated_lufs"], abs=0.5)
    assert opus["loudness"]["true_peak_dbtp"] < 0 and opus["clipped_samples"] == 0
    assert opus["size_bytes"] == project.episode(1, "opus").stat().st_size
    assert "opus" in summary(report).splitlines()[0]
    check_publishable(project, 1)


def test_the_feed_offers_the_opus_and_keeps_the_mp3_as_enclosure(with_opus):
    import feedparser
    import podcastparser
    project, _ = with_opus
    site = build_site(project)
    opus = project.episode(1, "opus")
    assert (site / "episodes" / "ch01.opus").read_bytes() == opus.read_bytes()
    feed = (site / "feed.xml").read_bytes()

    with open(site / "feed.xml", "rb") as handle:
        parsed = podcastparser.parse("https://example.com/drama/feed.xml", handle)
    (episode,) = parsed["episodes"]
    # an app that knows nothing of alternates still gets the MP3, and only it
    assert [e["mime_type"] for e in episode["enclosures"]] == ["audio/mpeg"]

    entry = feedparser.parse(feed).entries[0]
    assert [link.type for link in entry.enclosures] == ["audio/mpeg"]
    # feedparser keeps the last podcast:alternateEnclosure of the item: the Opus one
    alternate = entry.podcast_alternateenclosure
    assert alternate["type"] == "audio/opus" and alternate["length"] == str(opus.stat().st_size)
    duration_s = json.loads(project.qa_report(1).read_text())["alternates"]["opus"]["duration_s"]
    assert float(alternate["bitrate"]) == pytest.approx(opus.stat().st_size * 8 / duration_s, rel=0.02)

    ns = {"podcast": "https://podcastindex.org/namespace/1.0"}
    found = etree.fromstring(feed).findall("channel/item/podcast:alternateEnclosure", ns)
    assert [(a.get("type"), a.get("default")) for a in found] == [("audio/mpeg", "true"), ("audio/opus", None)]
    assert found[1].find("podcast:source", ns).get("uri") == "https://example.com/drama/episodes/ch01.opus"
    page = (site / "ch01.html").read_text(encoding="utf-8")
    assert page.index('src="episodes/ch01.opus"') < page.index('src="episodes/ch01.mp3"')


def test_an_alternate_changed_after_qa_is_not_published(tmp_path):
    project = new_project(tmp_path / "show")
    mp3 = write_episode(project, 1)
    audio.encode(audio.blocks_of(audio.decode(mp3)), project.episode(1, "m4a"))
    with pytest.raises(PipelineError, match="older render of episode.m4a"):
        check_publishable(project, 1)
    check_episode(project, 1, takes=[])
    check_publishable(project, 1)


def test_a_qa_report_made_under_other_rules_is_made_again(with_opus):
    from pipeline.run.stages import _checked
    project, report = with_opus
    assert _checked(project, 1, report)
    assert not _checked(project, 1, {**report, "qa_rules": "0" * 16})
    assert not _checked(project, 1, {key: value for key, value in report.items() if key != "qa_rules"})
