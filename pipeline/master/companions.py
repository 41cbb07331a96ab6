"""Files that travel with an episode: chapter marks, a transcript and the show's cover art.

    chapters.json    Podcasting 2.0 JSON chapters (https://github.com/Podcastindex-org/podcast-namespace)
    transcript.vtt   WebVTT, one cue per spoken line, the speaker in a <v> voice tag
    cover.jpg        square artwork with the show's title, the same bytes for the same title
"""
from __future__ import annotations

import hashlib
import io
import json
import math
import re
from pathlib import Path
from typing import Iterable

from pipeline.core.errors import PipelineError
from pipeline.core.files import write_bytes, write_text
from pipeline.core.project import Project
from pipeline.core.timefmt import vtt_timestamp
from pipeline.model.script import NARRATOR
from pipeline.model.show import CONFIG_NAME, COVER_MAX_PX, COVER_MIN_PX, ShowConfig, cover_source
from pipeline.model.timeline import Cue, speech

CHAPTERS_VERSION = "1.2.0"

# XML 1.0 and WebVTT both choke on C0 controls; tab and newline are folded into spaces anyway.
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ufffe\uffff]")


def clean_text(text: object) -> str:
    """One line of printable text: controls and runs of whitespace become a single space."""
    return re.sub(r"\s+", " ", _CONTROL.sub(" ", str(text))).strip()


# ---------------------------------------------------------------- chapters.json

def chapters_document(chapters: Iterable[tuple[float, float, str]]) -> dict:
    marks = []
    for start_s, end_s, title in sorted(chapters, key=lambda mark: mark[0]):
        start_s, end_s = float(start_s), float(end_s)
        if not (math.isfinite(start_s) and start_s >= 0):
            raise ValueError(f"chapter start {start_s!r} is not a time in seconds")
        mark = {"startTime": round(start_s, 3), "title": clean_text(title) or "Untitled"}
        if math.isfinite(end_s) and end_s > start_s:
            mark["endTime"] = round(end_s, 3)
        marks.append(mark)
    return {"version": CHAPTERS_VERSION, "chapters": marks}


def write_chapters_json(chapters: list[tuple[float, float, str]], path: str | Path) -> None:
    """(start_s, end_s, title) marks -> Podcasting 2.0 chapters file, sorted by start."""
    document = chapters_document(chapters)
    write_text(path, json.dumps(document, indent=1, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- transcript.vtt

def vtt_escape(text: str) -> str:
    # '&' first, so the entities made for '<' and '>' are not escaped twice.
    return clean_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def speaker_label(speaker: str | None) -> str:
    if not speaker or speaker.strip().lower() == NARRATOR:
        return "Narrator"
    return clean_text(speaker)


def spoken_cues(cues: Iterable[Cue]) -> list[Cue]:
    """Speech events with text, in time order: what a transcript shows."""
    return [c for c in speech(list(cues)) if clean_text(c.text or "")]


def transcript_vtt(cues: Iterable[Cue]) -> str:
    blocks = ["WEBVTT"]
    for cue in spoken_cues(cues):
        start_s = float(cue.start)
        # A cue must end after it starts, or players drop it.
        end_s = max(float(cue.end), start_s + 0.001)
        blocks.append(f"{vtt_timestamp(start_s)} --> {vtt_timestamp(end_s)}\n"
                      f"<v {vtt_escape(speaker_label(cue.speaker))}>{vtt_escape(cue.text)}")
    return "\n\n".join(blocks) + "\n"


def write_transcript_vtt(cues: list[Cue], path: str | Path) -> None:
    """The timeline's speech -> WebVTT with one cue per spoken line and `<v Speaker>` tags."""
    write_text(path, transcript_vtt(cues))


# ---------------------------------------------------------------- cover art

COVER_SIZE_PX = 3000
COVER_MAX_BYTES = 512 * 1024


def _palette(title: str) -> tuple[tuple[int, int, int], tuple[int, int, int], tuple[int, int, int]]:
    """Background top, background bottom and accent colours, chosen by the title (stable per show)."""
    import colorsys
    hue = int.from_bytes(hashlib.sha256(title.encode("utf-8")).digest()[:2], "big") / 65535

    def rgb(h, lightness, saturation):
        return tuple(int(round(v * 255)) for v in colorsys.hls_to_rgb(h % 1.0, lightness, saturation))
    return rgb(hue, 0.22, 0.55), rgb(hue + 0.08, 0.07, 0.6), rgb(hue + 0.5, 0.62, 0.75)


def _wrap(draw, words: list[str], font, width_px: int) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width_px:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _fit_title(draw, title: str, box_px: int):
    """The largest default-font size at which the wrapped title fits the box."""
    from PIL import ImageFont
    words = title.split() or ["Untitled"]
    size = box_px // 4
    while True:
        font = ImageFont.load_default(size=size)
        lines = _wrap(draw, words, font, box_px)
        spacing = size // 4
        left, top, right, bottom = draw.multiline_textbbox((0, 0), "\n".join(lines), font=font,
                                                          spacing=spacing, align="center")
        if (right - left <= box_px and bottom - top <= box_px * 0.6) or size <= 24:
            return font, "\n".join(lines), spacing
        size = int(size * 0.9)


def cover_jpeg(title: str, size_px: int = COVER_SIZE_PX) -> bytes:
    from PIL import Image, ImageDraw

    title = clean_text(title) or "Untitled"
    top, bottom, accent = _palette(title)
    # A vertical gradient compresses far better than noise and still looks finished.
    column = Image.linear_gradient("L").resize((1, size_px))
    image = Image.composite(Image.new("RGB", (1, size_px), bottom), Image.new("RGB", (1, size_px), top),
                            column).resize((size_px, size_px))
    draw = ImageDraw.Draw(image)

    # A waveform strip: this is an audio show.
    unit = size_px / 100
    bars = 41
    for i in range(bars):
        height = unit * (3 + 9 * abs(math.sin(i * 0.55)) * (1 - abs(i - bars // 2) / bars))
        x = size_px / 2 + (i - bars // 2) * unit * 1.8
        draw.rounded_rectangle((x - unit * 0.5, size_px * 0.80 - height, x + unit * 0.5, size_px * 0.80 + height),
                               radius=unit * 0.5, fill=accent)
    margin = int(unit * 6)
    draw.rectangle((margin, margin, size_px - margin, size_px - margin), outline=accent, width=int(unit * 0.6))

    font, text, spacing = _fit_title(draw, title, int(size_px * 0.76))
    draw.multiline_text((size_px / 2, size_px * 0.40), text, font=font, fill=(250, 246, 238), anchor="mm",
                        spacing=spacing, align="center")

    # Highest quality that stays under the size podcast directories accept.
    for quality in (90, 85, 80, 70, 60):
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality, optimize=True)
        if buffer.tell() <= COVER_MAX_BYTES:
            break
    return buffer.getvalue()


def make_cover(title: str, path: str | Path, size_px: int = COVER_SIZE_PX) -> None:
    """A square RGB JPEG with the show title, deterministic for the same title and size."""
    write_bytes(path, cover_jpeg(title, size_px))


def show_cover(project: Project, config: ShowConfig) -> bytes:
    """JPEG bytes of the show artwork: the configured image re-encoded, or one drawn from the title."""
    if config.cover is None:
        return cover_jpeg(config.title)
    import io

    from PIL import Image, UnidentifiedImageError
    data_line = config._cover_line
    source = cover_source(project, config.cover, data_line)
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
