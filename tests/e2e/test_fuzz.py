"""Random YAML never crashes the script and voice loaders: it loads or fails in one clear line."""
import io
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import event, given, settings, strategies as st

from pipeline.core import yamlfile
from pipeline.core.errors import PipelineError
from pipeline.model.script import parse_script, to_yaml
from pipeline.model.casting import load_voice

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                    st.text(max_size=30))
keys = st.one_of(st.sampled_from(["title", "scenes", "id", "place", "ambience", "lines", "narrator", "sfx",
                                  "Naruto", "direction", "pause_s", "thought", "by", "letter", "note",
                                  "pitch_semitones", "eq", "engine", "model", "pan", "gain_db"]),
                 st.text(max_size=12))
documents = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                         st.dictionaries(keys, inner, max_size=6)), max_leaves=30)


def as_yaml(document) -> str:
    return yaml.safe_dump(document, allow_unicode=True)


@settings(max_examples=200, deadline=None)
@given(documents)
def test_script_loader_never_crashes(document):
    path = Path("scripts/fuzz.yaml")
    try:
        script = parse_script(yamlfile.loads(as_yaml(document), path), path)
    except PipelineError as error:
        assert str(error).startswith(str(path)) and "\n" not in str(error)
        return
    again = parse_script(yamlfile.loads(to_yaml(script), path), path)
    assert [s.id for s in again.scenes] == [s.id for s in script.scenes]


@settings(max_examples=200, deadline=None)
@given(st.one_of(documents, st.text(max_size=200)))
def test_voice_loader_never_crashes(tmp_path_factory, document):
    path = tmp_path_factory.mktemp("v") / "fuzz.yaml"
    path.write_text(document if isinstance(document, str) else as_yaml(document), encoding="utf-8")
    try:
        load_voice(path)
    except PipelineError as error:
        assert str(error).startswith(str(path)) and "\n" not in str(error)


# ---------------------------------------------------------------- the feed builder

# Mostly text a producer could type (any script, XML's special characters, emoji); sometimes
# anything at all, control characters included, which must be refused in one line.
printable = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")), min_size=1,
                    max_size=60).filter(str.strip)
hostile = st.sampled_from(['Tom & Jerry <b>"bold"</b>', "]]> end", "&amp; &lt;", "🎭 ünïcödé", "it's", "<!-- x -->"])
show_text = st.one_of(printable, printable, hostile, st.builds(lambda a, b: a + b, hostile, printable),
                      st.text(max_size=20))


@pytest.fixture(scope="module")
def one_episode(tmp_path_factory):
    from published_episode import new_project, write_episode
    project = new_project(tmp_path_factory.mktemp("fuzzfeed") / "show")
    write_episode(project, 1)
    return project.episode_dir(1)


@settings(max_examples=60, deadline=None)
@given(title=show_text, author=show_text, description=show_text, episode_title=show_text,
       episode_description=show_text, owner=show_text)
def test_feed_builder_never_crashes_or_emits_an_invalid_feed(tmp_path_factory, one_episode, title, author,
                                                            description, episode_title, episode_description, owner):
    import feedparser
    import podcastparser
    from lxml import etree

    from pipeline.core.project import Project
    from pipeline.publish.site import build_site
    root = tmp_path_factory.mktemp("show")
    config = {"title": title, "author": author, "description": description, "language": "en",
              "category": "Fiction", "owner": {"name": owner, "email": "owner@example.com"},
              "base_url": "https://example.com/show/",
              "episodes": {1: {"title": episode_title, "description": episode_description, "date": "2026-11-24"}}}
    (root / "podcast.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    shutil.copytree(one_episode, root / "output" / one_episode.name)
    try:
        site = build_site(Project(root))
    except PipelineError as error:
        assert str(error).startswith("podcast.yaml:") and "\n" not in str(error)
        event("refused with one line")
        return
    event("feed built")
    data = (site / "feed.xml").read_bytes()
    etree.fromstring(data)                       # well-formed XML, or this raises
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == 1
    episodes = podcastparser.parse("https://example.com/show/feed.xml", io.BytesIO(data))["episodes"]
    assert len(episodes) == 1 and episodes[0]["enclosures"][0]["url"].endswith(".mp3")
    etree.fromstring((site / "index.html").read_bytes(), etree.HTMLParser())
