"""Publishing: every mastered episode plus podcast.yaml -> output/site/, a podcast feed and its web pages.

    output/site/feed.xml                 RSS 2.0 with the itunes and podcast namespaces (feed.py)
    output/site/cover.jpg                the show's artwork (podcast.yaml `cover`, or drawn from the title)
    output/site/index.html, chNN.html    the show page and one page per episode with a player (pages.py)
    output/site/episodes/chNN.mp3        the audio (and chNN.m4a, chNN.opus when mastered in those too),
                                         with chNN.vtt (transcript) and chNN.chapters.json, as mastering wrote them
    output/site/.published.json          what must never change once public: show guid, first publication dates

Only episodes the gate (gate.py) lets through are published. The feed is a pure function of its
inputs: publishing again with nothing changed rewrites the same bytes, and an episode keeps its
guid and date when later episodes are added.
"""
from __future__ import annotations

import datetime as dt
import filecmp
import json
import re
import shutil
from pathlib import Path

from pipeline.core.errors import PipelineError
from pipeline.core.files import atomic_path, exclusive_lock
from pipeline.core.project import Project
from pipeline.master.companions import chapters_document, clean_text, show_cover
from pipeline.model.show import EpisodeConfig, ShowConfig, load_config
from pipeline.model.timeline import read_cues
from pipeline.publish.feed import Episode, Media, feed_xml, show_guid
from pipeline.publish.gate import check_publishable, read_json
from pipeline.publish.pages import episode_page, index_page

PUBLISHED_NAME = ".published.json"
# A configured date is published at noon UTC so it shows as that same day almost everywhere.
RELEASE_HOUR_UTC = 12


def _media(path: Path) -> Media:
    """Size and length of an episode file (mutagen reads MP3, MP4 and Ogg Opus headers)."""
    import mutagen
    try:
        info = mutagen.File(path)
    except (mutagen.MutagenError, OSError) as exc:
        raise PipelineError(path, None, f"not a readable audio file ({exc})", "render the episode again") from None
    if info is None or not getattr(info.info, "length", 0):
        raise PipelineError(path, None, "not a readable audio file", "render the episode again")
    return Media(path.suffix[1:], path, path.stat().st_size, float(info.info.length))


def _chapter_marks(path: Path) -> list[tuple[float, float, str]]:
    """The marks mastering wrote to chapters.json."""
    document = read_json(path, path.name)
    try:
        return [(float(m["startTime"]), float(m.get("endTime", m["startTime"])), str(m["title"]))
                for m in document["chapters"]]
    except (KeyError, TypeError, ValueError):
        raise PipelineError(path, None, "chapters.json is not a chapters document", "master the episode again") from None


def _script_title(project: Project, number: int) -> str | None:
    path = project.script(number)
    if not path.is_file():
        return None
    from pipeline.model.script import load_script
    return clean_text(load_script(path).title) or None


def _published_state(site: Path) -> dict:
    path = site / PUBLISHED_NAME
    if not path.exists():
        return {"episodes": {}}
    state = read_json(path, "the publication record")
    if not isinstance(state, dict) or not isinstance(state.get("episodes", {}), dict):
        raise PipelineError(path, None, "publication record is damaged",
                            "restore it from a backup, or delete it (undated episodes get today's date)")
    state.setdefault("episodes", {})
    return state


def _utc(text: str, path: Path) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        raise PipelineError(path, None, f"publication date '{text}' is damaged", "fix or delete that entry") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _collect(project: Project, config: ShowConfig, state: dict, now: dt.datetime) -> list[Episode]:
    episodes = []
    record_path = project.site / PUBLISHED_NAME
    for number in project.rendered_chapters():
        check_publishable(project, number)
        entry = config.episodes.get(number) or EpisodeConfig()
        cues = read_cues(project.cues(number))
        record = state["episodes"].setdefault(str(number), {})
        if not isinstance(record, dict):
            raise PipelineError(record_path, None, f"the publication record of episode {number} is damaged",
                                "fix or delete that entry")
        if entry.date:
            published = dt.datetime.combine(entry.date, dt.time(RELEASE_HOUR_UTC), dt.timezone.utc)
        elif "first_published" in record:
            published = _utc(record["first_published"], record_path)
        else:
            published = now
        record.setdefault("first_published", published.isoformat())
        title = entry.title or _script_title(project, number) or f"Chapter {number}"
        main = _media(project.episode(number))
        # Players show an empty chapter list as broken; one mark spanning the episode reads as intended.
        chapters = _chapter_marks(project.chapter_marks(number)) or [(0.0, main.duration_s, title)]
        episodes.append(Episode(
            number=number, title=title, description=entry.description or f"{config.title}, chapter {number}: {title}",
            published=published, duration_s=main.duration_s, size_bytes=main.size_bytes,
            chapters=chapters, cues=cues, source=main.source,
            alternates=tuple(_media(path) for path in project.alternates(number))))
    return episodes



# Temp files are created private (0600); a web server reading the site as another user needs 0644.
SITE_FILE_MODE = 0o644


def _copy_if_changed(source: Path, target: Path) -> None:
    if target.is_file() and filecmp.cmp(source, target, shallow=False):
        return
    with atomic_path(target) as tmp:
        shutil.copyfile(source, tmp)
        tmp.chmod(SITE_FILE_MODE)


def _write_if_changed(path: Path, data: bytes) -> None:
    # Untouched files keep their mtime, so a static host or rsync sees nothing to upload.
    if path.is_file() and path.read_bytes() == data:
        return
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
        tmp.chmod(SITE_FILE_MODE)


def _remove_withdrawn(site: Path, keep: set[str]) -> None:
    """Delete pages and media of episodes that are no longer mastered."""
    candidates = list(site.glob("ch*.html")) + list((site / "episodes").glob("ch*.*"))
    for path in candidates:
        match = re.fullmatch(r"(ch\d{2,4})(\.html|\.mp3|\.m4a|\.opus|\.vtt|\.chapters\.json)", path.name)
        if match and match.group(1) not in keep:
            path.unlink()


def build_site(project: Project, now: dt.datetime | None = None) -> Path:
    """Build output/site/ from podcast.yaml and every mastered episode; return the site folder.

    `now` is the publication time given to episodes that have no `date` in podcast.yaml and were
    never published before; it is recorded, so later builds keep it.
    """
    config = load_config(project)
    if not project.rendered_chapters():
        raise PipelineError(project.output, None, "no rendered episodes to publish",
                            "render one first: make episode CH=1")
    with exclusive_lock(project.lock("publish"), "publishing"):
        return _build_site(project, config, now)


def _build_site(project: Project, config: ShowConfig, now: dt.datetime | None) -> Path:
    site = project.site
    state = _published_state(site)
    now = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    episodes = _collect(project, config, state, now)
    guid = show_guid(config, state)
    state["show_guid"] = guid

    cover_name = "cover.jpg"
    _write_if_changed(site / cover_name, show_cover(project, config))
    cover_url = config.base_url + cover_name

    for episode in episodes:
        media = site / "episodes"
        # what mastering wrote is published as it is; only an episode without marks gets the one above
        for source in (episode.source, *(m.source for m in episode.alternates)):
            _copy_if_changed(source, media / f"{episode.id}{source.suffix}")
        _copy_if_changed(project.transcript(episode.number), media / f"{episode.id}.vtt")
        _write_if_changed(media / f"{episode.id}.chapters.json",
                          (json.dumps(chapters_document(episode.chapters), indent=1, ensure_ascii=False) + "\n").encode())
        _write_if_changed(site / f"{episode.id}.html", episode_page(config, episode, cover_name))
    _remove_withdrawn(site, {e.id for e in episodes})
    _write_if_changed(site / "index.html", index_page(config, episodes, cover_name))
    # The record before the feed: a feed must never show a date that was not kept.
    _write_if_changed(site / PUBLISHED_NAME, (json.dumps(state, indent=1, sort_keys=True) + "\n").encode())
    # The feed last: until everything it points at exists, podcast apps keep seeing the old one.
    _write_if_changed(site / "feed.xml", feed_xml(config, guid, cover_url, episodes))
    return site
