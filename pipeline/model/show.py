"""The show: podcast.yaml, validated, as every stage that names the show reads it (tags, feed, pages).

A mistake is reported as `podcast.yaml:LINE: what — fix`. The cover image a config names must be
a file inside the project.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
import uuid
from pathlib import Path
from typing import Annotated, Any, Optional
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, PrivateAttr, ValidationError, ValidationInfo, field_validator

from pipeline.core import yamlfile
from pipeline.core.errors import PipelineError, unknown_value
from pipeline.core.project import Project

CONFIG_NAME = "podcast.yaml"
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


# One line of text, or text that may run over several paragraphs: no control characters, not empty.
Line = Annotated[str, AfterValidator(_no_controls)]
Text = Annotated[str, AfterValidator(lambda value: _no_controls(value, allow_newlines=True))]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False, str_strip_whitespace=False)


class Owner(_Strict):
    name: Line
    email: Line

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if not re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+", value):
            raise ValueError(f"'{value}' is not an e-mail address")
        return value


class EpisodeConfig(_Strict):
    title: Optional[Line] = None
    description: Optional[Text] = None
    date: Optional[dt.date] = None

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        # YAML reads `2026-11-24 18:00` as a datetime; the day is what matters here.
        return value.date() if isinstance(value, dt.datetime) else value


class ShowConfig(_Strict):
    title: Line
    author: Line
    description: Text
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


def _config_error(path: Path, data: Any, error: dict) -> PipelineError:
    loc = tuple(error["loc"])
    line, name = yamlfile.locate(data, loc)
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
        errors = sorted(exc.errors(), key=lambda e: yamlfile.locate(data, tuple(e["loc"]))[0] or 0)
        raise _config_error(shown, data, errors[0]) from None
    config._cover_line = data.line_of("cover")
    if config.cover is not None:
        cover_source(project, config.cover, config._cover_line)
    return config


def cover_source(project: Project, cover: str, line: int) -> Path:
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
