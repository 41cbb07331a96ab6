"""Publishing: feed.xml read back by real podcast parsers, companions, cover, pages, config mistakes."""
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import tempfile

import pytest

from pipeline.master.companions import make_cover, write_chapters_json, write_transcript_vtt
from pipeline.core.errors import PipelineError
from pipeline.model.show import load_config
from pipeline.model.timeline import Cue
from pipeline.publish.feed import feed_guid
from pipeline.publish.gate import check_publishable
from pipeline.publish.site import build_site
from published_episode import PODCAST_YAML, new_project, write_episode

HOSTILE = 'Tom & Jerry <b>"bold"</b> \'quoted\' 🎭 ]]> end'

@pytest.fixture(scope="module")
def published(tmp_path_factory):
    project = new_project(tmp_path_factory.mktemp("publish") / "show")
    write_episode(project, 1)
    site = build_site(project)
    return project, site


# ---------------------------------------------------------------- feed.xml read back by parsers

def test_feed_fields_read_back_by_podcastparser_and_feedparser(published):
    import feedparser
    import podcastparser
    project, site = published
    feed_path = site / "feed.xml"
    mp3 = site / "episodes" / "ch01.mp3"
    assert mp3.read_bytes() == (project.episode_dir(1) / "episode.mp3").read_bytes()

    parsed = feedparser.parse(feed_path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    channel = parsed.feed
    assert channel.title == "The Rejected Shinobi"
    assert channel.language == "en"
    assert channel.image.href == "https://example.com/drama/cover.jpg"
    assert channel.publisher_detail == {"name": "Studio Owner", "email": "owner@example.com"}
    assert {t.term for t in channel.tags} == {"Fiction", "Drama"}
    assert channel.podcast_guid == feed_guid("https://example.com/drama/feed.xml")
    assert channel.podcast_locked == {"owner": "owner@example.com"}
    (entry,) = parsed.entries
    assert entry.title == "The Hospital"
    assert entry.summary == "<p>Tsunade visits Naruto.</p>"
    assert entry.published == "Tue, 24 Nov 2026 12:00:00 GMT"
    assert entry.itunes_episode == "1"
    assert entry.itunes_duration == "6"
    assert entry.guidislink is False
    assert entry.podcast_transcript == {"url": "https://example.com/drama/episodes/ch01.vtt", "type": "text/vtt",
                                        "language": "en"}
    assert entry.podcast_chapters == {"url": "https://example.com/drama/episodes/ch01.chapters.json",
                                      "type": "application/json+chapters"}
    (enclosure,) = entry.enclosures
    assert enclosure.href == "https://example.com/drama/episodes/ch01.mp3"
    assert enclosure.type == "audio/mpeg"
    assert int(enclosure.length) == mp3.stat().st_size

    show = podcastparser.parse("https://example.com/drama/feed.xml", feed_path.open("rb"))
    assert show["title"] == "The Rejected Shinobi"
    assert show["itunes_author"] == "Audio Drama Studio"
    assert show["itunes_owner"] == {"name": "Studio Owner", "email": "owner@example.com"}
    assert show["itunes_categories"] == [["Fiction", "Drama"]]
    assert show["explicit"] is False
    assert show["cover_url"] == "https://example.com/drama/cover.jpg"
    assert show["type"] == "serial"
    (episode,) = show["episodes"]
    assert episode["guid"] == entry.id
    assert episode["number"] == 1
    assert episode["total_time"] == 6
    assert episode["published"] == int(dt.datetime(2026, 11, 24, 12, tzinfo=dt.timezone.utc).timestamp())
    assert episode["enclosures"] == [{"url": "https://example.com/drama/episodes/ch01.mp3",
                                      "file_size": mp3.stat().st_size, "mime_type": "audio/mpeg"}]
    assert episode["explicit"] is False
    assert episode["description"] == "Tsunade visits Naruto."
    # Every URL the feed names exists in the site, at the same relative path, readable by a web server.
    for url in (entry.podcast_transcript["url"], entry.podcast_chapters["url"], show["cover_url"], enclosure.href,
                entry.link):
        path = site / url.removeprefix("https://example.com/drama/")
        assert path.is_file() and path.stat().st_mode & 0o777 == 0o644, url


def test_feed_namespaced_fields(published):
    from lxml import etree
    _, site = published
    root = etree.parse(str(site / "feed.xml"))
    ns = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd", "podcast": "https://podcastindex.org/namespace/1.0"}
    assert root.findtext("channel/itunes:author", namespaces=ns) == "Audio Drama Studio"
    assert root.find("channel/itunes:category", ns).attrib["text"] == "Fiction"
    assert root.find("channel/itunes:category/itunes:category", ns).attrib["text"] == "Drama"
    assert root.findtext("channel/itunes:explicit", namespaces=ns) == "false"
    assert root.findtext("channel/itunes:owner/itunes:email", namespaces=ns) == "owner@example.com"
    assert root.find("channel/podcast:locked", ns).attrib["owner"] == "owner@example.com"
    assert root.find("channel/item/podcast:transcript", ns).attrib["type"] == "text/vtt"
    assert root.find("channel/item/podcast:chapters", ns).attrib["type"] == "application/json+chapters"
    assert root.find("channel/item/guid").attrib["isPermaLink"] == "false"
    # The lastBuildDate comes from the episodes, not from the clock.
    assert root.findtext("channel/lastBuildDate") == "Tue, 24 Nov 2026 12:00:00 GMT"


def test_hostile_text_survives_both_parsers(tmp_path):
    import html

    import feedparser
    import podcastparser

    def quoted(text):
        return json.dumps(text, ensure_ascii=False)
    config = PODCAST_YAML.replace("title: The Rejected Shinobi", f"title: {quoted(HOSTILE)}") \
        .replace("description: A fan-fiction chapter performed as a multi-voice radio play.",
                 f"description: {quoted(HOSTILE + ' show')}") \
        .replace("title: The Hospital", f"title: {quoted(HOSTILE + ' 1')}") \
        .replace("description: Tsunade visits Naruto.", f"description: {quoted(HOSTILE + ' desc')}")
    project = new_project(tmp_path / "show", config)
    write_episode(project, 1)
    site = build_site(project)
    data = (site / "feed.xml").read_bytes()

    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == HOSTILE
    assert parsed.feed.subtitle == HOSTILE + " show"
    assert parsed.entries[0].title == HOSTILE + " 1"
    show = podcastparser.parse("https://example.com/drama/feed.xml", (site / "feed.xml").open("rb"))
    assert show["title"] == HOSTILE
    assert show["description"] == HOSTILE + " show"
    assert show["episodes"][0]["title"] == HOSTILE + " 1"
    # Apps render an item description as HTML: what they show is exactly the text written.
    for description_html in (parsed.entries[0].summary, show["episodes"][0]["description_html"]):
        assert html.unescape(re.sub(r"</?p>", "", description_html)) == HOSTILE + " desc"
        assert "<b>" not in description_html

    page = (site / "ch01.html").read_text(encoding="utf-8")
    assert "<b>" not in page and "&lt;b&gt;" in page
    assert "&lt;don't&gt; worry &amp; rest." in page


# ---------------------------------------------------------------- stable across rebuilds

def test_rebuild_is_byte_identical_and_new_chapter_keeps_old_items(tmp_path):
    import feedparser
    config = PODCAST_YAML.replace("    date: 2026-11-24\n", "")   # no date: first publication is recorded
    project = new_project(tmp_path / "show", config)
    write_episode(project, 1)
    first_time = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.timezone.utc)
    site = build_site(project, now=first_time)
    first = (site / "feed.xml").read_bytes()
    assert build_site(project, now=first_time + dt.timedelta(days=1)) == site
    assert (site / "feed.xml").read_bytes() == first

    write_episode(project, 2, frequency_hz=660)
    build_site(project, now=first_time + dt.timedelta(days=7))
    before = {e.id: e for e in feedparser.parse(first).entries}
    after = {e.itunes_episode: e for e in feedparser.parse((site / "feed.xml").read_bytes()).entries}
    assert sorted(after) == ["1", "2"]
    (old,) = before.values()
    assert after["1"].id == old.id
    assert after["1"].published == old.published == "Sun, 01 Mar 2026 09:30:00 GMT"
    assert after["2"].published == "Sun, 08 Mar 2026 09:30:00 GMT"
    assert after["2"].id != old.id
    assert (site / "episodes" / "ch02.mp3").is_file() and (site / "ch02.html").is_file()


def test_refuses_clipped_or_unchecked_episode(tmp_path):
    project = new_project(tmp_path / "show")
    mp3 = write_episode(project, 1)
    qa_path = project.episode_dir(1) / "qa.json"
    qa = json.loads(qa_path.read_text())
    check_publishable(project, 1)

    qa_path.write_text(json.dumps({**qa, "clipped_samples": 12, "clipped_first_s": [1.5]}))
    with pytest.raises(PipelineError, match="12 clipped samples"):
        build_site(project)
    qa_path.write_text(json.dumps({**qa, "missing_takes": [{"start_s": 2.0, "text": "Naruto, worry"}]}))
    with pytest.raises(PipelineError, match="take"):
        check_publishable(project, 1)
    qa_path.unlink()
    with pytest.raises(PipelineError, match="QA"):
        check_publishable(project, 1)
    qa_path.write_text(json.dumps(qa))
    mp3.write_bytes(mp3.read_bytes() + b"\0")
    with pytest.raises(PipelineError, match="older render"):
        check_publishable(project, 1)
    (project.episode_dir(1) / "cues.json").unlink()
    with pytest.raises(PipelineError, match="cues.json is missing"):
        check_publishable(project, 1)
    assert not (project.output / "site" / "feed.xml").exists()


# ---------------------------------------------------------------- companions

def test_chapters_json_format(published, tmp_path):
    _, site = published
    document = json.loads((site / "episodes" / "ch01.chapters.json").read_text())
    assert document == {"version": "1.2.0", "chapters": [
        {"startTime": 0.0, "title": "Hospital", "endTime": 3.5},
        {"startTime": 3.5, "title": "Waterfall", "endTime": 6.0}]}
    write_chapters_json([(12.5, 20.0, "B\nline"), (0, 12.5, "A & <x>")], tmp_path / "c.json")
    marks = json.loads((tmp_path / "c.json").read_text())["chapters"]
    assert [m["startTime"] for m in marks] == [0, 12.5] and marks[1]["title"] == "B line"


def test_title_from_the_script_and_one_mark_when_the_episode_has_none(tmp_path):
    from conftest import SHORT_SCRIPT
    project = new_project(tmp_path / "show", PODCAST_YAML.replace("    title: The Hospital\n", ""))
    project.scripts.mkdir()
    (project.scripts / "ch01.yaml").write_text(SHORT_SCRIPT.replace("s1-hospital", "s1").replace(
        "s2-waterfall", "s2"), encoding="utf-8")
    write_episode(project, 1, chapters=[])
    site = build_site(project)
    document = json.loads((site / "episodes" / "ch01.chapters.json").read_text())
    # players show an empty chapter list as broken: the site's copy has one mark over the episode
    assert [(m["startTime"], m["title"]) for m in document["chapters"]] == [(0.0, "Test Episode")]
    assert document["chapters"][0]["endTime"] == pytest.approx(6.0, abs=0.1)
    assert json.loads(project.chapter_marks(1).read_text())["chapters"] == []      # mastering's file is kept
    assert "<title>Test Episode</title>" in (site / "feed.xml").read_text()


def test_transcript_vtt(published, tmp_path):
    _, site = published
    text = (site / "episodes" / "ch01.vtt").read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\n\n")
    assert "<v Narrator>The next morning Tsunade returned." in text
    assert "<v Tsunade>Naruto, &lt;don't&gt; worry &amp; rest." in text
    assert "<v Naruto>" in text
    stamps = re.findall(r"^(\d\d:\d\d:\d\d\.\d\d\d) --> (\d\d:\d\d:\d\d\.\d\d\d)$", text, re.MULTILINE)
    assert len(stamps) == 3     # speech only, not the ambience and sfx
    starts = [s for s, _ in stamps]
    assert starts == sorted(starts) and all(s < e for s, e in stamps)

    write_transcript_vtt([Cue(3725.5, 3726, "speech", None, speaker="A", text="x\n\ny")],
                         tmp_path / "t.vtt")
    assert (tmp_path / "t.vtt").read_text() == "WEBVTT\n\n01:02:05.500 --> 01:02:06.000\n<v A>x y\n"


def test_cover_is_square_3000px_jpeg_and_deterministic(published, tmp_path):
    from PIL import Image
    _, site = published
    with Image.open(site / "cover.jpg") as image:
        assert (image.format, image.size, image.mode) == ("JPEG", (3000, 3000), "RGB")
    assert (site / "cover.jpg").stat().st_size < 512 * 1024
    make_cover("The Rejected Shinobi", tmp_path / "again.jpg")
    assert (tmp_path / "again.jpg").read_bytes() == (site / "cover.jpg").read_bytes()
    make_cover("Another Show", tmp_path / "other.jpg")
    assert (tmp_path / "other.jpg").read_bytes() != (site / "cover.jpg").read_bytes()


def test_configured_cover_is_reencoded(tmp_path):
    from PIL import Image
    project = new_project(tmp_path / "show", PODCAST_YAML + "cover: art/cover.png\n")
    (project.root / "art").mkdir()
    Image.new("RGB", (1500, 1500), (200, 30, 30)).save(project.root / "art" / "cover.png")
    write_episode(project, 1)
    site = build_site(project)
    with Image.open(site / "cover.jpg") as image:
        assert (image.format, image.size) == ("JPEG", (1500, 1500))
        assert image.getpixel((10, 10))[0] > 180


# ---------------------------------------------------------------- the pages, in a real browser

CHROMIUM = "/usr/bin/chromium"


def test_episode_page_in_headless_chromium(published):
    if not os.path.exists(CHROMIUM):
        pytest.skip("chromium is not installed (CI installs it)")
    _, site = published
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
             "--dump-dom", (site / "ch01.html").as_uri()],
            capture_output=True, text=True, timeout=60, check=False)
    dom = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    audio = re.search(r"<audio[^>]*>", dom)
    assert audio and 'src="episodes/ch01.mp3"' in audio.group(0) and "controls" in audio.group(0)
    assert "I will bring him back, believe it!" in dom
    assert "Naruto, &lt;don't&gt; worry &amp; rest." in dom
    assert re.search(r"<a [^>]*data-start=\"3\.500\"[^>]*>Waterfall</a>", dom)
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="ch01.html"' in index and "The Hospital" in index


# ---------------------------------------------------------------- podcast.yaml mistakes

def config_error(tmp_path, text: str, files=None) -> str:
    root = tmp_path / "bad"
    if root.exists():
        shutil.rmtree(root)
    project = new_project(root, text)
    for name, content in (files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    with pytest.raises(PipelineError) as caught:
        load_config(project)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize("old, new, expected", [
    ("base_url: https://example.com/drama/", "base_url: ftp://example.com/", "is not an http(s) address"),
    ("base_url: https://example.com/drama/", "base_url: example.com", "is not an http(s) address"),
    ("title: The Rejected Shinobi", 'title: "The \\x07Shinobi"', "control character"),
    ("description: A fan-fiction chapter performed as a multi-voice radio play.",
     'description: "A \\x1b[31m fan-fiction"', "control character"),
    ("title: The Rejected Shinobi", 'title: "The \\ud83c Shinobi"', "UTF-16"),
    ("category: Fiction", "category: Fanfic", "unknown category 'Fanfic' — use one of the known: Arts"),
    ("subcategory: Drama", "subcategory: Horror", "unknown subcategory 'Horror' — use one of the known: Comedy Fiction, Drama, Science Fiction"),
    ("explicit: false", "explicit: maybe", "explicit"),
    ("owner: {name: Studio Owner, email: owner@example.com}", "owner: {name: Studio Owner, email: nobody}",
     "not an e-mail address"),
    ("    date: 2026-11-24", "    date: next tuesday", "date"),
    ("  1:", "  one:", "not a chapter number"),
    ("language: en", "langauge: en", "unknown setting 'langauge'"),
    ("title: The Rejected Shinobi", "title: 42", "title"),
])
def test_config_mistakes_name_their_line(tmp_path, old, new, expected):
    text = PODCAST_YAML.replace(old, new)
    assert text != PODCAST_YAML
    message = config_error(tmp_path, text)
    assert message.startswith(f"podcast.yaml:{line_of(text, new.strip())}: "), message
    assert expected in message and " — " in message


def test_config_missing_field_and_bad_yaml(tmp_path):
    assert config_error(tmp_path, PODCAST_YAML.replace("base_url: https://example.com/drama/\n", "")) \
        .startswith("podcast.yaml:1: 'base_url' is missing — ")
    assert config_error(tmp_path, PODCAST_YAML + "  : [\n").startswith("podcast.yaml:")
    assert config_error(tmp_path, "- just\n- a list\n").startswith("podcast.yaml:1: ")


@pytest.mark.parametrize("cover, expected", [
    ("/etc/passwd", "absolute path"),
    ("../outside.jpg", "outside the project"),
    ("art/link.jpg", "link to a file outside the project"),
    ("art/missing.jpg", "does not exist"),
])
def test_cover_paths_must_stay_in_project(tmp_path, cover, expected):
    outside = tmp_path / "outside.jpg"
    outside.write_bytes(b"not really")
    text = PODCAST_YAML + f"cover: {cover}\n"
    root = tmp_path / "bad"
    (root / "art").mkdir(parents=True)
    (root / "art" / "link.jpg").symlink_to(outside)
    project = new_project(root, text)
    with pytest.raises(PipelineError) as caught:
        load_config(project)
    assert str(caught.value).startswith(f"podcast.yaml:{line_of(text, 'cover:')}: ")
    assert expected in str(caught.value)


def test_broken_cover_image_is_a_one_line_error(tmp_path):
    project = new_project(tmp_path / "show", PODCAST_YAML + "cover: cover.jpg\n")
    (project.root / "cover.jpg").write_bytes(b"\xff\xd8 not a jpeg")
    write_episode(project, 1)
    with pytest.raises(PipelineError, match=r"^podcast.yaml:\d+: cover 'cover.jpg' is not a readable image"):
        build_site(project)
