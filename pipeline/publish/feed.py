"""feed.xml: RSS 2.0 with the itunes and podcast (Podcasting 2.0) namespaces, and the guids that never change.

The MP3 is each item's enclosure; an episode also mastered in M4A or Opus lists every format as
podcast:alternateEnclosure (the MP3 as the default one).
"""
from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from pipeline.model.show import ShowConfig
from pipeline.model.timeline import Cue

PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
}
# How each format an episode is mastered in is announced: MIME type and RFC 6381 codecs.
MEDIA_TYPES = {"mp3": ("audio/mpeg", "mp3"), "m4a": ("audio/mp4", "mp4a.40.2"), "opus": ("audio/opus", "opus")}


@dataclass(frozen=True)
class Media:
    """One file of an episode as published: its format, size and length."""
    fmt: str
    source: Path
    size_bytes: int
    duration_s: float

    @property
    def bitrate(self) -> float:
        """Average bits per second, as podcast:alternateEnclosure gives it."""
        return round(self.size_bytes * 8 / self.duration_s, 1) if self.duration_s > 0 else 0.0


@dataclass(frozen=True)
class Episode:
    """Everything the feed and the pages say about one episode."""
    number: int
    title: str
    description: str
    published: dt.datetime
    duration_s: float
    size_bytes: int
    chapters: list[tuple[float, float, str]]
    cues: list[Cue]
    source: Path
    alternates: tuple[Media, ...] = ()     # the same episode in other formats (M4A, Opus)

    @property
    def id(self) -> str:
        return f"ch{self.number:02d}"


def show_guid(config: ShowConfig, state: dict) -> str:
    """The configured guid, else the one first published, else UUIDv5 of the feed URL."""
    if config.guid:
        return str(config.guid)
    if state.get("show_guid"):
        return str(state["show_guid"])
    return feed_guid(config.feed_url)


def feed_guid(feed_url: str) -> str:
    bare = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", feed_url).rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


def episode_guid(show: str, number: int) -> str:
    return str(uuid.uuid5(uuid.UUID(show), f"episode/{number}"))


def _rfc2822(moment: dt.datetime) -> str:
    return email.utils.format_datetime(moment.astimezone(dt.timezone.utc), usegmt=True)


def xml_text(text: str) -> str:
    # XML 1.0 cannot carry C0 controls at all, even escaped; tabs and newlines are fine.
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)


def _description_html(text: str) -> str:
    return "".join(f"<p>{html.escape(part.strip(), quote=False)}</p>" for part in text.split("\n\n") if part.strip())


def feed_xml(config: ShowConfig, guid: str, cover_url: str, episodes: list[Episode]) -> bytes:
    from lxml import etree

    def sub(parent, tag: str, content: str | None = None, **attributes: str):
        prefix, _, local = tag.rpartition(":")
        element = etree.SubElement(parent, f"{{{NS[prefix]}}}{local}" if prefix else local,
                                   {name: xml_text(value) for name, value in attributes.items()})
        if content is not None:
            element.text = xml_text(content)
        return element

    rss = etree.Element("rss", {"version": "2.0"}, nsmap=NS)
    channel = sub(rss, "channel")
    sub(channel, "title", config.title)
    sub(channel, "link", config.base_url)
    sub(channel, "description", config.description)
    sub(channel, "language", config.language)
    sub(channel, "generator", "audio drama studio")
    if episodes:
        # From the content, never the clock: an unchanged site must rebuild byte for byte.
        sub(channel, "lastBuildDate", _rfc2822(max(e.published for e in episodes)))
    sub(channel, "atom:link", href=config.feed_url, rel="self", type="application/rss+xml")
    image = sub(channel, "image")
    sub(image, "url", cover_url)
    sub(image, "title", config.title)
    sub(image, "link", config.base_url)
    sub(channel, "itunes:author", config.author)
    sub(channel, "itunes:summary", config.description)
    sub(channel, "itunes:type", "serial")
    sub(channel, "itunes:image", href=cover_url)
    category = sub(channel, "itunes:category", text=config.category)
    if config.subcategory:
        sub(category, "itunes:category", text=config.subcategory)
    sub(channel, "itunes:explicit", "true" if config.explicit else "false")
    owner = sub(channel, "itunes:owner")
    sub(owner, "itunes:name", config.owner.name)
    sub(owner, "itunes:email", config.owner.email)
    sub(channel, "podcast:guid", guid)
    sub(channel, "podcast:locked", "yes" if config.locked else "no", owner=config.owner.email)

    for episode in sorted(episodes, key=lambda e: e.number, reverse=True):
        media = config.base_url + f"episodes/{episode.id}"
        item = sub(channel, "item")
        sub(item, "title", episode.title)
        # Podcast apps render an item's description as HTML, so the author's text goes in escaped
        # (a literal "<b>" stays visible); itunes:summary carries the same text plain.
        sub(item, "description", _description_html(episode.description))
        sub(item, "itunes:summary", episode.description)
        sub(item, "link", config.base_url + f"{episode.id}.html")
        sub(item, "enclosure", url=media + ".mp3", length=str(episode.size_bytes), type="audio/mpeg")
        sub(item, "guid", episode_guid(guid, episode.number), isPermaLink="false")
        sub(item, "pubDate", _rfc2822(episode.published))
        sub(item, "itunes:title", episode.title)
        sub(item, "itunes:duration", str(int(round(episode.duration_s))))
        sub(item, "itunes:episode", str(episode.number))
        sub(item, "itunes:episodeType", "full")
        sub(item, "itunes:explicit", "true" if config.explicit else "false")
        sub(item, "podcast:transcript", url=media + ".vtt", type="text/vtt", language=config.language)
        sub(item, "podcast:chapters", url=media + ".chapters.json", type="application/json+chapters")
        if episode.alternates:
            # The MP3 stays the enclosure every app plays; apps that prefer another format pick it here.
            main = Media("mp3", episode.source, episode.size_bytes, episode.duration_s)
            for item_media in (main, *episode.alternates):
                mime, codecs = MEDIA_TYPES[item_media.fmt]
                alternate = sub(item, "podcast:alternateEnclosure", type=mime, length=str(item_media.size_bytes),
                                bitrate=f"{item_media.bitrate:.1f}", codecs=codecs, title=item_media.fmt.upper(),
                                **({"default": "true"} if item_media is main else {}))
                sub(alternate, "podcast:source", uri=f"{media}.{item_media.fmt}")
    return etree.tostring(rss, xml_declaration=True, encoding="UTF-8", pretty_print=True)
