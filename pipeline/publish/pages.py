"""The site's pages: index.html and one page per episode (player, chapters, transcript).

Pages are built as element trees (lxml), so every text is escaped; their style sheet and the
script that makes chapter links seek the player are files in publish/templates/.
"""
from __future__ import annotations

from importlib import resources

from pipeline.core.timefmt import clock
from pipeline.master.companions import clean_text, speaker_label, spoken_cues
from pipeline.model.script import NARRATOR
from pipeline.model.show import ShowConfig
from pipeline.publish.feed import MEDIA_TYPES, Episode, xml_text

def template(name: str) -> str:
    """A file of publish/templates/, shipped with the package."""
    return (resources.files(__package__) / "templates" / name).read_text(encoding="utf-8")


def _page(title: str, language: str, *body):
    from lxml.html import builder as E
    return E.HTML(
        E.HEAD(E.META(charset="utf-8"), E.META(name="viewport", content="width=device-width, initial-scale=1"),
               E.TITLE(xml_text(title)), E.LINK(rel="alternate", type="application/rss+xml", href="feed.xml"),
               E.STYLE("\n" + template("style.css"))),
        E.BODY(*body), lang=language)


def _html_bytes(page) -> bytes:
    from lxml import html
    return html.tostring(page, doctype="<!DOCTYPE html>", encoding="utf-8", pretty_print=True)


def _paragraphs(text: str):
    from lxml.html import builder as E
    return [E.P(xml_text(part)) for part in text.split("\n\n") if part.strip()]


def episode_page(config: ShowConfig, episode: Episode, cover_name: str) -> bytes:
    from lxml.html import builder as E
    chapters = E.OL(*[E.LI(E.A(xml_text(clean_text(title)), href=f"#t={start:.0f}", **{"data-start": f"{start:.3f}"}),
                           " ", E.SPAN(clock(start), E.CLASS("time")))
                      for start, _end, title in episode.chapters], E.CLASS("chapters"))
    lines = []
    for cue in spoken_cues(episode.cues):
        speaker = cue.speaker
        narration = not speaker or speaker.lower() == NARRATOR
        lines.append(E.P(E.SPAN(clock(float(cue.start)), E.CLASS("time")),
                         *([] if narration else [E.SPAN(xml_text(speaker_label(speaker)), E.CLASS("who"))]),
                         xml_text(clean_text(cue.text)), E.CLASS("narration" if narration else "line")))
    media = f"episodes/{episode.id}"
    page = _page(
        f"{episode.title} — {config.title}", config.language,
        E.HEADER(E.IMG(src=cover_name, alt=""),
                 E.DIV(E.P(E.A(xml_text(config.title), href="index.html"), E.CLASS("meta")),
                       E.H1(xml_text(episode.title)),
                       E.P(f"Episode {episode.number} · {episode.published.date().isoformat()} · "
                           f"{clock(episode.duration_s)}", E.CLASS("meta")))),
        _player(episode, media, config.language),
        *_paragraphs(episode.description),
        E.H2("Chapters"), chapters,
        E.H2("Transcript"), E.DIV(*lines, E.CLASS("transcript")),
        E.P(E.A("All episodes", href="index.html"), " · ", E.A("Podcast feed (RSS)", href="feed.xml"),
            E.CLASS("meta")),
        E.SCRIPT("\n" + template("seek.js")))
    return _html_bytes(page)


def index_page(config: ShowConfig, episodes: list[Episode], cover_name: str) -> bytes:
    from lxml.html import builder as E
    items = [E.LI(E.A(xml_text(e.title), href=f"{e.id}.html"),
                  E.SPAN(f" Episode {e.number} · {e.published.date().isoformat()} · {clock(e.duration_s)}",
                         E.CLASS("meta")))
             for e in sorted(episodes, key=lambda e: e.number, reverse=True)]
    page = _page(
        config.title, config.language,
        E.HEADER(E.IMG(src=cover_name, alt=f"{xml_text(config.title)} cover"),
                 E.DIV(E.H1(xml_text(config.title)), E.P(f"by {xml_text(config.author)}", E.CLASS("meta")))),
        *_paragraphs(config.description),
        E.P(E.A("Subscribe: podcast feed (RSS)", href="feed.xml")),
        E.H2("Episodes"), E.OL(*items, reversed="reversed"))
    return _html_bytes(page)


def _player(episode: Episode, media: str, language: str):
    """The audio player: the MP3, or each format as a source when there are alternates (a browser
    plays the first it can, so Opus, the smallest, goes first and the MP3 last)."""
    from lxml.html import builder as E
    track = E.TRACK(kind="captions", src=f"{media}.vtt", srclang=language, label="Transcript")
    if not episode.alternates:
        return E.AUDIO(track, controls="controls", preload="metadata", src=f"{media}.mp3")
    order = sorted(episode.alternates, key=lambda m: m.fmt != "opus")
    sources = [E.SOURCE(src=f"{media}.{m.fmt}", type=MEDIA_TYPES[m.fmt][0]) for m in order]
    return E.AUDIO(*sources, E.SOURCE(src=f"{media}.mp3", type=MEDIA_TYPES["mp3"][0]), track,
                   controls="controls", preload="metadata")
