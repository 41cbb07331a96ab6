"""Publishing: every rendered episode plus podcast.yaml -> output/site/, a podcast feed and its web pages.

    output/site/feed.xml                 RSS 2.0 with the itunes and podcast (Podcasting 2.0) namespaces
    output/site/cover.jpg                the show's artwork (podcast.yaml `cover`, or drawn from the title)
    output/site/index.html, chNN.html    the show page and one page per episode with a player
    output/site/episodes/chNN.mp3        the audio, with chNN.vtt (transcript) and chNN.chapters.json
    output/site/.published.json          what must never change once public: show guid, first publication dates

The feed is a pure function of its inputs: publishing again with nothing changed rewrites the same
bytes, and an episode keeps its guid and date when later episodes are added.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import filecmp
import html
import json
import re
import shutil
import sys
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError, ValidationInfo, field_validator

from pipeline.core import yamlfile
from pipeline.master.companions import (NARRATOR, clean_text, cover_jpeg, speaker_label, spoken_cues, write_chapters_json,
                         write_transcript_vtt)
from pipeline.core.errors import PipelineError, unknown_value
from pipeline.core.files import atomic_path, exclusive_lock
from pipeline.core.project import Project

CONFIG_NAME = "podcast.yaml"
SITE_DIR = "site"
PUBLISHED_NAME = ".published.json"
# Podcasting 2.0: podcast:guid is a UUIDv5 of the feed URL (scheme and trailing slashes removed) in this namespace.
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
}
# A configured date is published at noon UTC so it shows as that same day almost everywhere.
RELEASE_HOUR_UTC = 12
COVER_MIN_PX, COVER_MAX_PX = 1400, 3000

# Apple Podcasts categories (https://podcasters.apple.com/support/1691-apple-podcasts-categories).
APPLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "Arts": ("Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"),
    "Business": ("Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": ("Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition", "Sexuality"),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": ("Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies", "Home & Garden",
                "Video Games"),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": ("Business News", "Daily News", "Entertainment News", "News Commentary", "Politics", "Sports News",
             "Tech News"),
    "Religion & Spirituality": ("Buddhism", "Christianity", "Hinduism", "Islam", "Judaism", "Religion",
                                "Spirituality"),
    "Science": ("Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics", "Natural Sciences",
                "Nature", "Physics", "Social Sciences"),
    "Society & Culture": ("Documentary", "Personal Journals", "Philosophy", "Places & Travel", "Relationships"),
    "Sports": ("Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf", "Hockey", "Rugby",
               "Running", "Soccer", "Swimming", "Tennis", "Volleyball", "Wilderness", "Wrestling"),
    "Technology": (),
    "True Crime": (),
    "TV & Film": ("After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"),
}


# ---------------------------------------------------------------- podcast.yaml

def _no_controls(value: str, allow_newlines: bool = False) -> str:
    allowed = "\n\t" if allow_newlines else ""
    for ch in value:
        if ch not in allowed and (unicodedata.category(ch) == "Cc" or ch in "\ufffe\uffff"):
            raise ValueError(f"contains a control character (U+{ord(ch):04X})")
        if unicodedata.category(ch) == "Cs":
            raise ValueError(f"contains half of a UTF-16 pair (U+{ord(ch):04X}), not a character")
    if not value.strip():
        raise ValueError("is empty")
    return value.strip()


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False, str_strip_whitespace=False)


class Owner(_Strict):
    name: str
    email: str

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return _no_controls(value)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        value = _no_controls(value)
        if not re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+", value):
            raise ValueError(f"'{value}' is not an e-mail address")
        return value


class EpisodeConfig(_Strict):
    title: Optional[str] = None
    description: Optional[str] = None
    date: Optional[dt.date] = None

    @field_validator("title")
    @classmethod
    def _title(cls, value: str | None) -> str | None:
        return None if value is None else _no_controls(value)

    @field_validator("description")
    @classmethod
    def _description(cls, value: str | None) -> str | None:
        return None if value is None else _no_controls(value, allow_newlines=True)

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        # YAML reads `2026-11-24 18:00` as a datetime; the day is what matters here.
        return value.date() if isinstance(value, dt.datetime) else value


class ShowConfig(_Strict):
    title: str
    author: str
    description: str
    language: str = "en"
    category: str
    subcategory: Optional[str] = None
    explicit: bool = False
    owner: Owner
    base_url: str
    cover: Optional[str] = None
    guid: Optional[uuid.UUID] = None
    locked: bool = True
    year: Optional[str | int] = None       # used by the ID3 tags, not the feed
    episodes: dict[int, EpisodeConfig] = {}
    _cover_line: int = PrivateAttr(default=1)

    @field_validator("title", "author")
    @classmethod
    def _line(cls, value: str) -> str:
        return _no_controls(value)

    @field_validator("description")
    @classmethod
    def _text(cls, value: str) -> str:
        return _no_controls(value, allow_newlines=True)

    @field_validator("language")
    @classmethod
    def _language(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", value):
            raise ValueError(f"'{_no_controls(value)}' is not a language code like en or en-GB")
        return value

    @field_validator("category")
    @classmethod
    def _category(cls, value: str) -> str:
        value = _no_controls(value)
        if value not in APPLE_CATEGORIES:
            raise ValueError(f"'{value}' is not an Apple Podcasts category (e.g. Fiction, Arts, Comedy)")
        return value

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        value = _no_controls(value)
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
            raise ValueError(f"'{value}' is not an http(s) address")
        if parts.query or parts.fragment:
            raise ValueError("must not have a query (?) or fragment (#)")
        return value if value.endswith("/") else value + "/"

    @field_validator("subcategory")
    @classmethod
    def _subcategory(cls, value: str | None, info: ValidationInfo) -> str | None:
        category = info.data.get("category")
        if value is None or category is None:
            return value
        if value not in APPLE_CATEGORIES[category]:
            choices = ", ".join(APPLE_CATEGORIES[category]) or "none"
            raise ValueError(f"'{_no_controls(value)}' is not a subcategory of {category} (choices: {choices})")
        return value

    @property
    def feed_url(self) -> str:
        return self.base_url + "feed.xml"


_FIXES = {
    "title": "e.g. `title: The Rejected Shinobi`",
    "author": "e.g. `author: Your Name`",
    "description": "one or two sentences about the show",
    "category": "an Apple Podcasts category, e.g. `category: Fiction` (and `subcategory: Drama`)",
    "subcategory": "leave it out or use one listed",
    "owner": "`owner: {name: Your Name, email: you@example.com}`",
    "email": "e.g. `email: you@example.com`",
    "base_url": "where output/site/ will be hosted, e.g. `base_url: https://example.com/drama/`",
    "language": "an ISO 639 code, e.g. `language: en`",
    "cover": "a JPEG or PNG inside the project, e.g. `cover: art/cover.jpg`, or leave it out",
    "date": "write it as YYYY-MM-DD, e.g. `date: 2026-11-24`",
    "episodes": "`episodes: {1: {title: ..., description: ..., date: 2026-11-24}}`",
    "explicit": "`explicit: false` or `explicit: true`",
    "locked": "`locked: true` or `locked: false`",
    "guid": "a UUID, or leave it out to derive one from base_url",
}
_KNOWN_KEYS = set(ShowConfig.model_fields) | set(Owner.model_fields) | set(EpisodeConfig.model_fields)


def _locate(data: Any, loc: tuple) -> tuple[int | None, str]:
    """The YAML line and a readable dotted name for a pydantic error location."""
    node, line, names = data, yamlfile.line_of(data, None, 1) or 1, []
    for part in loc:
        if part == "[key]":
            continue
        key = str(part)
        names.append(key)
        if isinstance(node, yamlfile.Mapping) and key in node:
            line = node.line_of(key)
            node = node[key]
        elif isinstance(node, yamlfile.Mapping):
            line = node.line or line
            break
    return line, ".".join(names)


def _config_error(path: Path, data: Any, error: dict) -> PipelineError:
    loc = tuple(error["loc"])
    line, name = _locate(data, loc)
    leaf = next((str(p) for p in reversed(loc) if str(p) in _KNOWN_KEYS), "")
    fix = _FIXES.get(leaf, "see README 'Publishing'")
    kind, message = error["type"], error["msg"].removeprefix("Value error, ")
    if kind == "missing":
        problem = f"'{name}' is missing"
        if len(loc) == 1:
            line = 1
    elif kind == "extra_forbidden":
        known = {1: ShowConfig.model_fields, 2: Owner.model_fields}.get(len(loc), EpisodeConfig.model_fields)
        if len(loc) == 2 and loc[0] != "owner":
            known = {}
        return unknown_value(path, line, "setting", loc[-1], known or _KNOWN_KEYS)
    elif kind == "value_error" and leaf == "category":
        return unknown_value(path, line, "category", error.get("input"), APPLE_CATEGORIES)
    elif kind == "value_error" and leaf == "subcategory" and isinstance(data.get("category"), str):
        return unknown_value(path, line, "subcategory", error.get("input"),
                             APPLE_CATEGORIES.get(data["category"], ()))
    elif kind == "int_parsing" and "[key]" in loc:
        problem, fix = f"episode key '{loc[-2]}' is not a chapter number", _FIXES["episodes"]
    elif kind in ("string_type", "bool_type", "bool_parsing", "date_type", "date_from_datetime_parsing",
                  "date_parsing", "dict_type", "model_type", "uuid_parsing", "uuid_type"):
        got = error.get("input")
        shown = f" (got {got!r})" if isinstance(got, (int, float, bool, str)) and len(repr(got)) < 40 else ""
        problem = f"{name or 'podcast.yaml'}: {message[0].lower() + message[1:]}{shown}"
    elif kind == "value_error" and name:
        problem = f"{name} {message}" if not message.startswith(f"{name}:") else message
    else:
        problem = f"{name}: {message}" if name else message
    return PipelineError(path, line, problem, fix)


def load_config(project: Project) -> ShowConfig:
    """podcast.yaml, validated; the first mistake is reported as `podcast.yaml:LINE: what — fix`."""
    path = project.root / CONFIG_NAME
    shown = Path(CONFIG_NAME)
    if not path.is_file():
        raise PipelineError(shown, None, "not found", "create it with title, author, description, category, "
                                                      "owner and base_url (see README 'Publishing')")
    try:
        data = yamlfile.load(path, "show config")
    except PipelineError as exc:
        raise PipelineError(shown, exc.line, exc.problem, exc.fix) from None
    if not isinstance(data, dict):
        raise PipelineError(shown, 1, "podcast.yaml must be a mapping of settings", "see README 'Publishing'")
    try:
        config = ShowConfig.model_validate(dict(data))
    except ValidationError as exc:
        errors = sorted(exc.errors(), key=lambda e: _locate(data, tuple(e["loc"]))[0] or 0)
        raise _config_error(shown, data, errors[0]) from None
    config._cover_line = data.line_of("cover")
    if config.cover is not None:
        _cover_source(project, config.cover, config._cover_line)
    return config


def _cover_source(project: Project, cover: str, line: int) -> Path:
    """The cover image, proven to be a file inside the project (no absolute paths, '..' or symlinks out)."""
    shown = Path(CONFIG_NAME)
    relative = Path(cover)
    if relative.is_absolute() or cover.startswith("~"):
        raise PipelineError(shown, line, f"cover '{cover}' is an absolute path", _FIXES["cover"])
    if ".." in relative.parts:
        raise PipelineError(shown, line, f"cover '{cover}' goes outside the project with '..'", _FIXES["cover"])
    root = project.root.resolve()
    resolved = (root / relative).resolve()
    if not resolved.is_relative_to(root):
        raise PipelineError(shown, line, f"cover '{cover}' is a link to a file outside the project",
                            "copy the image into the project")
    if not resolved.is_file():
        raise PipelineError(shown, line, f"cover '{cover}' does not exist", _FIXES["cover"])
    return resolved


def site_cover(project: Project, config: ShowConfig) -> bytes:
    """JPEG bytes of the show artwork: the configured image re-encoded, or one drawn from the title."""
    if config.cover is None:
        return cover_jpeg(config.title)
    import io

    from PIL import Image, UnidentifiedImageError
    data_line = config._cover_line
    source = _cover_source(project, config.cover, data_line)
    shown = Path(CONFIG_NAME)
    try:
        with Image.open(source) as image:
            image.load()
            width, height = image.size
            if width != height:
                raise PipelineError(shown, data_line, f"cover is {width}x{height}, not square",
                                    "crop it to a square (podcast apps require one)")
            if width < COVER_MIN_PX:
                raise PipelineError(shown, data_line, f"cover is {width} px wide, podcast apps need at least "
                                    f"{COVER_MIN_PX}", f"use an image {COVER_MIN_PX}-{COVER_MAX_PX} px square")
            # Re-encoding drops camera metadata and brings it to the format and size directories accept.
            image = image.convert("RGB")
            if width > COVER_MAX_PX:
                image = image.resize((COVER_MAX_PX, COVER_MAX_PX), Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=90, optimize=True)
            return buffer.getvalue()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError) as exc:
        raise PipelineError(shown, data_line, f"cover '{config.cover}' is not a readable image ({exc})",
                            "use a JPEG or PNG") from None


# ---------------------------------------------------------------- what is published

def _episode_numbers(project: Project) -> list[int]:
    numbers = []
    if project.output.is_dir():
        for folder in project.output.iterdir():
            match = re.fullmatch(r"ch(\d{2,4})", folder.name)
            if match and (folder / "episode.mp3").is_file():
                numbers.append(int(match.group(1)))
    return sorted(numbers)


def _read_json(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PipelineError(path, None, f"{what} is missing", "render the episode again (make episode)") from None
    except (OSError, ValueError) as exc:
        raise PipelineError(path, None, f"{what} is unreadable ({exc})", "render the episode again") from None


def check_publishable(project: Project, chapter) -> None:
    """Refuse, with the reason, an episode that is incomplete, clipped or checked against an older render."""
    folder = project.episode_dir(chapter)
    chapter_id = project.chapter_id(chapter)
    for name in ("episode.mp3", "cues.json", "loudness.json"):
        if not (folder / name).is_file():
            raise PipelineError(folder / name, None, f"{chapter_id} cannot be published: {name} is missing",
                                f"render it again: make episode CH={project.chapter_number(chapter)}")
    qa_path = folder / "qa.json"
    if not qa_path.is_file():
        raise PipelineError(qa_path, None, f"{chapter_id} has not been through QA",
                            "run the QA check on it before publishing")
    qa = _read_json(qa_path, "qa.json")
    if not isinstance(qa, dict):
        raise PipelineError(qa_path, None, "qa.json is not a QA report", "run the QA check again")
    from pipeline.qa.checks import file_sha256
    if qa.get("episode_sha256") != file_sha256(folder / "episode.mp3"):
        raise PipelineError(qa_path, None, f"qa.json of {chapter_id} is for an older render of episode.mp3",
                            "run the QA check again")
    clipped = qa.get("clipped_samples")
    if not isinstance(clipped, int) or clipped > 0:
        first = (qa.get("clipped_first_s") or [None])[0]
        where = f", first at {first:.2f} s" if isinstance(first, (int, float)) else ""
        raise PipelineError(qa_path, None, f"{chapter_id} cannot be published: {clipped} clipped samples{where}",
                            "lower the mix or the master ceiling and render again")
    missing = qa.get("missing_takes") or []
    if missing:
        first = missing[0]
        raise PipelineError(qa_path, None, f"{chapter_id} cannot be published: {len(missing)} take(s) missing, "
                            f"first '{str(first.get('text', ''))[:40]}' at {first.get('start_s', 0):.1f} s",
                            f"render it again: make episode CH={project.chapter_number(chapter)}")


def _chapter_marks(project: Project, number: int, episode_path: Path, cues: list[dict]) -> list[tuple[float, float, str]]:
    """Chapter marks as listeners' players see them: the CHAP frames of the MP3, else one per scene."""
    from mutagen.id3 import ID3, ID3NoHeaderError
    try:
        frames = ID3(episode_path).getall("CHAP")
    except ID3NoHeaderError:
        frames = []
    marks = []
    for frame in frames:
        title = frame.sub_frames.get("TIT2")
        marks.append((frame.start_time / 1000, frame.end_time / 1000, str(title.text[0]) if title else frame.element_id))
    if marks:
        return sorted(marks)
    script_path = project.script(number)
    return _scene_marks(script_path, cues) if script_path.is_file() else []


def _scene_marks(script_path: Path, cues: list[dict]) -> list[tuple[float, float, str]]:
    """One mark per scene from its first line or effect, named by its place (as mastering names them)."""
    from pipeline.model.script import load_script
    starts = []
    for scene in load_script(script_path).scenes:
        times = [c["start"] for c in cues if c.get("scene") == scene.id and c.get("kind") in ("speech", "sfx")]
        if times:
            starts.append((min(times), scene.place.strip().capitalize() if scene.place else scene.id))
    if not starts:
        return []
    end_s = max(c["end"] for c in cues)
    # The opening (intro music, the first bed) belongs to the first scene.
    bounds = [0.0] + [start for start, _ in starts[1:]] + [end_s]
    return [(bounds[i], bounds[i + 1], title) for i, (_, title) in enumerate(starts)]


def _duration_s(path: Path) -> float:
    from mutagen.mp3 import MP3, HeaderNotFoundError
    try:
        return float(MP3(path).info.length)
    except (HeaderNotFoundError, OSError) as exc:
        raise PipelineError(path, None, f"not a readable MP3 ({exc})", "render the episode again") from None


def _script_title(project: Project, number: int) -> str | None:
    path = project.script(number)
    if not path.is_file():
        return None
    from pipeline.model.script import load_script
    return clean_text(load_script(path).title) or None


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
    cues: list[dict]
    source: Path

    @property
    def id(self) -> str:
        return f"ch{self.number:02d}"


def _published_state(site: Path) -> dict:
    path = site / PUBLISHED_NAME
    if not path.exists():
        return {"episodes": {}}
    state = _read_json(path, "the publication record")
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


def _valid_cues(path: Path) -> list[dict]:
    cues = _read_json(path, "cues.json")
    fine = isinstance(cues, list) and all(
        isinstance(c, dict) and isinstance(c.get("start"), (int, float)) and isinstance(c.get("end"), (int, float))
        and (c.get("text") is None or isinstance(c.get("text"), str)) for c in cues)
    if not fine:
        raise PipelineError(path, None, "cues.json is not a list of cues with start and end times",
                            "render the episode again")
    return cues


def _collect(project: Project, config: ShowConfig, state: dict, now: dt.datetime) -> list[Episode]:
    episodes = []
    for number in _episode_numbers(project):
        check_publishable(project, number)
        folder = project.episode_dir(number)
        entry = config.episodes.get(number) or EpisodeConfig()
        cues = _valid_cues(folder / "cues.json")
        record = state["episodes"].setdefault(str(number), {})
        if not isinstance(record, dict):
            raise PipelineError(project.output / SITE_DIR / PUBLISHED_NAME, None,
                                f"the publication record of episode {number} is damaged", "fix or delete that entry")
        if entry.date:
            published = dt.datetime.combine(entry.date, dt.time(RELEASE_HOUR_UTC), dt.timezone.utc)
        elif "first_published" in record:
            published = _utc(record["first_published"], project.output / SITE_DIR / PUBLISHED_NAME)
        else:
            published = now
        record.setdefault("first_published", published.isoformat())
        title = entry.title or _script_title(project, number) or f"Chapter {number}"
        mp3 = folder / "episode.mp3"
        duration_s = _duration_s(mp3)
        # Players show an empty chapter list as broken; one mark spanning the episode reads as intended.
        chapters = _chapter_marks(project, number, mp3, cues) or [(0.0, duration_s, title)]
        episodes.append(Episode(
            number=number, title=title, description=entry.description or f"{config.title}, chapter {number}: {title}",
            published=published, duration_s=duration_s, size_bytes=mp3.stat().st_size,
            chapters=chapters, cues=cues, source=mp3))
    return episodes


# ---------------------------------------------------------------- feed.xml

def _rfc2822(moment: dt.datetime) -> str:
    return email.utils.format_datetime(moment.astimezone(dt.timezone.utc), usegmt=True)


def _xml_text(text: str) -> str:
    # XML 1.0 cannot carry C0 controls at all, even escaped; tabs and newlines are fine.
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)


def _description_html(text: str) -> str:
    return "".join(f"<p>{html.escape(part.strip(), quote=False)}</p>" for part in text.split("\n\n") if part.strip())


def feed_xml(config: ShowConfig, guid: str, cover_url: str, episodes: list[Episode]) -> bytes:
    from lxml import etree

    def sub(parent, tag: str, content: str | None = None, **attributes: str):
        prefix, _, local = tag.rpartition(":")
        element = etree.SubElement(parent, f"{{{NS[prefix]}}}{local}" if prefix else local,
                                   {name: _xml_text(value) for name, value in attributes.items()})
        if content is not None:
            element.text = _xml_text(content)
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
    return etree.tostring(rss, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# ---------------------------------------------------------------- web pages

_STYLE = """
body{font:17px/1.55 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fbfaf7}
header{display:flex;gap:1.2rem;align-items:center}header img{width:9rem;height:9rem;border-radius:.6rem}
h1{margin:.2rem 0}a{color:#7a2e8c}audio{width:100%;margin:1rem 0}.meta{color:#666;font-size:.9rem}
ol.chapters{padding-left:1.4rem}.transcript p{margin:.35rem 0}.time{color:#888;font:.8rem monospace;margin-right:.5rem}
.who{font-weight:600;margin-right:.4rem}.narration{font-style:italic}
"""
# Chapter links seek the player in place rather than reloading the page.
_SEEK_SCRIPT = """
document.querySelectorAll('a[data-start]').forEach(function (link) {
  link.addEventListener('click', function (event) {
    var player = document.querySelector('audio');
    player.currentTime = parseFloat(link.dataset.start);
    player.play();
    event.preventDefault();
  });
});
"""


def _clock(seconds: float) -> str:
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _page(title: str, language: str, *body):
    from lxml.html import builder as E
    return E.HTML(
        E.HEAD(E.META(charset="utf-8"), E.META(name="viewport", content="width=device-width, initial-scale=1"),
               E.TITLE(_xml_text(title)), E.LINK(rel="alternate", type="application/rss+xml", href="feed.xml"),
               E.STYLE(_STYLE)),
        E.BODY(*body), lang=language)


def _html_bytes(page) -> bytes:
    from lxml import html
    return html.tostring(page, doctype="<!DOCTYPE html>", encoding="utf-8", pretty_print=True)


def _paragraphs(text: str):
    from lxml.html import builder as E
    return [E.P(_xml_text(part)) for part in text.split("\n\n") if part.strip()]


def episode_page(config: ShowConfig, episode: Episode, cover_name: str) -> bytes:
    from lxml.html import builder as E
    chapters = E.OL(*[E.LI(E.A(_xml_text(clean_text(title)), href=f"#t={start:.0f}", **{"data-start": f"{start:.3f}"}),
                           " ", E.SPAN(_clock(start), E.CLASS("time")))
                      for start, _end, title in episode.chapters], E.CLASS("chapters"))
    lines = []
    for cue in spoken_cues(episode.cues):
        speaker = cue.get("speaker")
        narration = not speaker or speaker.lower() == NARRATOR
        lines.append(E.P(E.SPAN(_clock(float(cue["start"])), E.CLASS("time")),
                         *([] if narration else [E.SPAN(_xml_text(speaker_label(speaker)), E.CLASS("who"))]),
                         _xml_text(clean_text(cue["text"])), E.CLASS("narration" if narration else "line")))
    media = f"episodes/{episode.id}"
    page = _page(
        f"{episode.title} — {config.title}", config.language,
        E.HEADER(E.IMG(src=cover_name, alt=""),
                 E.DIV(E.P(E.A(_xml_text(config.title), href="index.html"), E.CLASS("meta")),
                       E.H1(_xml_text(episode.title)),
                       E.P(f"Episode {episode.number} · {episode.published.date().isoformat()} · "
                           f"{_clock(episode.duration_s)}", E.CLASS("meta")))),
        E.AUDIO(E.TRACK(kind="captions", src=f"{media}.vtt", srclang=config.language, label="Transcript"),
                controls="controls", preload="metadata", src=f"{media}.mp3"),
        *_paragraphs(episode.description),
        E.H2("Chapters"), chapters,
        E.H2("Transcript"), E.DIV(*lines, E.CLASS("transcript")),
        E.P(E.A("All episodes", href="index.html"), " · ", E.A("Podcast feed (RSS)", href="feed.xml"),
            E.CLASS("meta")),
        E.SCRIPT(_SEEK_SCRIPT))
    return _html_bytes(page)


def index_page(config: ShowConfig, episodes: list[Episode], cover_name: str) -> bytes:
    from lxml.html import builder as E
    items = [E.LI(E.A(_xml_text(e.title), href=f"{e.id}.html"),
                  E.SPAN(f" Episode {e.number} · {e.published.date().isoformat()} · {_clock(e.duration_s)}",
                         E.CLASS("meta")))
             for e in sorted(episodes, key=lambda e: e.number, reverse=True)]
    page = _page(
        config.title, config.language,
        E.HEADER(E.IMG(src=cover_name, alt=f"{_xml_text(config.title)} cover"),
                 E.DIV(E.H1(_xml_text(config.title)), E.P(f"by {_xml_text(config.author)}", E.CLASS("meta")))),
        *_paragraphs(config.description),
        E.P(E.A("Subscribe: podcast feed (RSS)", href="feed.xml")),
        E.H2("Episodes"), E.OL(*items, reversed="reversed"))
    return _html_bytes(page)


# ---------------------------------------------------------------- the site

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
    """Delete pages and media of episodes whose episode.mp3 no longer exists."""
    candidates = list(site.glob("ch*.html")) + list((site / "episodes").glob("ch*.*"))
    for path in candidates:
        match = re.fullmatch(r"(ch\d{2,4})(\.html|\.mp3|\.vtt|\.chapters\.json)", path.name)
        if match and match.group(1) not in keep:
            path.unlink()


def build_site(project: Project, now: dt.datetime | None = None) -> Path:
    """Build output/site/ from podcast.yaml and every output/chNN/episode.mp3; return the site folder.

    `now` is the publication time given to episodes that have no `date` in podcast.yaml and were
    never published before; it is recorded, so later builds keep it.
    """
    config = load_config(project)
    if not _episode_numbers(project):
        raise PipelineError(project.output, None, "no rendered episodes to publish",
                            "render one first: make episode CH=1")
    with exclusive_lock(project.output / "locks" / "publish.lock", "publishing"):
        return _build_site(project, config, now)


def _build_site(project: Project, config: ShowConfig, now: dt.datetime | None) -> Path:
    site = project.output / SITE_DIR
    state = _published_state(site)
    now = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    episodes = _collect(project, config, state, now)
    guid = show_guid(config, state)
    state["show_guid"] = guid

    cover_name = "cover.jpg"
    _write_if_changed(site / cover_name, site_cover(project, config))
    cover_url = config.base_url + cover_name

    for episode in episodes:
        folder = project.episode_dir(episode.number)
        write_chapters_json(episode.chapters, folder / "chapters.json")
        write_transcript_vtt(episode.cues, folder / "transcript.vtt")
        media = site / "episodes"
        _copy_if_changed(episode.source, media / f"{episode.id}.mp3")
        _copy_if_changed(folder / "transcript.vtt", media / f"{episode.id}.vtt")
        _copy_if_changed(folder / "chapters.json", media / f"{episode.id}.chapters.json")
        _write_if_changed(site / f"{episode.id}.html", episode_page(config, episode, cover_name))
    _remove_withdrawn(site, {e.id for e in episodes})
    _write_if_changed(site / "index.html", index_page(config, episodes, cover_name))
    # The record before the feed: a feed must never show a date that was not kept.
    _write_if_changed(site / PUBLISHED_NAME, (json.dumps(state, indent=1, sort_keys=True) + "\n").encode())
    # The feed last: until everything it points at exists, podcast apps keep seeing the old one.
    _write_if_changed(site / "feed.xml", feed_xml(config, guid, cover_url, episodes))
    return site


def main(argv: list[str] | None = None) -> int:
    """`python -m pipeline.publish [--project DIR]`: build output/site/ or say in one line why not."""
    import argparse

    from pipeline.core.project import find_project
    parser = argparse.ArgumentParser(prog="pipeline.publish", description="Build the podcast feed and site.")
    parser.add_argument("--project", help="project folder (default: the nearest one with voices/ and chapters/)")
    args = parser.parse_args(argv)
    project = Project(Path(args.project).resolve()) if args.project else find_project()
    try:
        site = build_site(project)
    except PipelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    count = len(_episode_numbers(project))
    print(f"site     {site.relative_to(project.root)}/: {count} episode{'s' * (count != 1)}, feed "
          f"{load_config(project).feed_url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
