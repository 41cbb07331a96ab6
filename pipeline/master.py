"""Stage 5: mix -> master. Loudness-normalised, peak-limited, encoded and tagged episode.

Loudness is measured in numpy while streaming the mix (BS.1770 gating), the gain is set,
a limiter holds the peaks, the result is measured again and the gain corrected (two passes),
then encoded. The encoded file is decoded and measured as a listener's player would see it;
if its true peak overshoots, the limiter ceiling comes down and it is encoded again.
"""
from __future__ import annotations

import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np

from . import audio
from .effects import LookaheadLimiter
from .errors import PipelineError

SAMPLE_RATE = audio.SAMPLE_RATE


@dataclass(frozen=True)
class EpisodeTags:
    title: str
    show: str
    episode: int
    author: str = ""
    year: str = ""
    description: str = ""
    chapters: tuple[tuple[float, float, str], ...] = ()   # (start_s, end_s, title)
    cover_jpeg: bytes | None = None


def read_blocks(path: Path, block: int = SAMPLE_RATE * 10) -> Iterator[np.ndarray]:
    try:
        with wave.open(str(path), "rb") as source:
            channels = source.getnchannels()
            while True:
                frames = source.readframes(block)
                if not frames:
                    break
                yield np.frombuffer(frames, dtype="<i2").astype(np.float32).reshape(-1, channels) / 32767.0
    except (wave.Error, EOFError, FileNotFoundError) as exc:
        raise PipelineError(path, None, f"cannot read the mix ({exc})", "run the mix stage again") from None


def _processed(path: Path, gain_db: float, ceiling_db: float) -> Iterator[np.ndarray]:
    limiter = LookaheadLimiter(ceiling_db)
    gain = np.float32(10 ** (gain_db / 20))
    for block in read_blocks(path):
        yield limiter.process(block * gain)
    yield limiter.flush()


def _loudness(blocks) -> float:
    meter = audio.LoudnessMeter()
    for block in blocks:
        meter.add(block)
    return meter.integrated()


def _encoder_trim_db(excerpt: list[np.ndarray], like: Path) -> float:
    """How much quieter the encoded file measures than its input, on a short excerpt."""
    if not excerpt:
        return 0.0
    sample = np.concatenate(excerpt)
    sent = _loudness([sample])
    if sent <= -69.0:
        return 0.0
    probe = like.with_name(f".{like.stem}.probe{like.suffix}")
    try:
        audio.encode([sample], probe)
        return sent - audio.measure_file(probe)["integrated_lufs"]
    finally:
        probe.unlink(missing_ok=True)


def master(mix_path: Path, out_path: Path, tags: EpisodeTags, target_lufs: float = -16.0,
           ceiling_dbtp: float = -1.0, mix_lufs: float | None = None) -> dict:
    """`mix_lufs`, when the mix stage measured it, saves reading the whole mix once more."""
    measured = mix_lufs if mix_lufs is not None else _loudness(read_blocks(mix_path))
    if measured <= -69.0:
        raise PipelineError(mix_path, None, "the mix is silent", "check that the script has voiced lines")
    gain = target_lufs - measured
    # The limiter works on samples; leave room for inter-sample peaks and the encoder.
    ceiling = ceiling_dbtp - 1.5
    # Dry passes settle the gain through the limiter without paying for the encoder; the
    # last one keeps a minute of excerpts to learn how much loudness the encoder trims.
    excerpt: list[np.ndarray] = []
    for _ in range(3):
        meter = audio.LoudnessMeter()
        excerpt.clear()
        for index, block in enumerate(_processed(mix_path, gain, ceiling)):
            meter.add(block)
            if index % 6 == 3 and len(excerpt) < 6:
                excerpt.append(block)
        sent = meter.integrated()
        if abs(sent - target_lufs) <= 0.1:
            break
        gain += target_lufs - sent
    gain += _encoder_trim_db(excerpt, out_path)
    for _ in range(4):
        audio.encode(_processed(mix_path, gain, ceiling), out_path)
        figures = audio.measure_file(out_path)
        too_loud = figures["true_peak_dbtp"] - (ceiling_dbtp - 0.05)
        if too_loud <= 0 and abs(figures["integrated_lufs"] - target_lufs) <= 0.3:
            break
        if too_loud > 0:
            ceiling -= too_loud + 0.2
        gain += target_lufs - figures["integrated_lufs"]
    write_tags(out_path, tags)
    figures = {k: round(float(v), 2) for k, v in figures.items()}
    figures.update(mix_lufs=round(measured, 2), gain_db=round(gain, 2), limiter_ceiling_db=round(ceiling, 2))
    return figures


def write_tags(path: Path, tags: EpisodeTags) -> None:
    """Tags in the container's own format: ID3 for MP3 (with chapters), MP4 atoms, Vorbis comments."""
    if path.suffix.lower() == ".mp3":
        _write_id3(path, tags)
        return
    from mutagen.mp4 import MP4, MP4Cover
    from mutagen.oggopus import OggOpus
    from .files import atomic_path
    with atomic_path(path) as tmp:
        tmp.write_bytes(path.read_bytes())
        if path.suffix.lower() == ".m4a":
            media = MP4(str(tmp))
            media["\xa9nam"], media["\xa9alb"], media["trkn"] = [tags.title], [tags.show], [(tags.episode, 0)]
            if tags.author:
                media["\xa9ART"] = [tags.author]
            if tags.year:
                media["\xa9day"] = [tags.year]
            if tags.cover_jpeg:
                media["covr"] = [MP4Cover(tags.cover_jpeg, imageformat=MP4Cover.FORMAT_JPEG)]
        else:
            media = OggOpus(str(tmp))
            media["title"], media["album"], media["tracknumber"] = [tags.title], [tags.show], [str(tags.episode)]
            if tags.author:
                media["artist"] = [tags.author]
            if tags.year:
                media["date"] = [tags.year]
        media.save()


def _write_id3(path: Path, tags: EpisodeTags) -> None:
    """ID3v2.4 tags: title, show, episode, author, year, cover and chapters at scene starts."""
    from mutagen.id3 import APIC, CHAP, COMM, CTOC, ID3, TALB, TCON, TDRC, TIT2, TPE1, TRCK, CTOCFlags

    id3 = ID3()
    id3.add(TIT2(encoding=3, text=tags.title))
    id3.add(TALB(encoding=3, text=tags.show))
    id3.add(TRCK(encoding=3, text=str(tags.episode)))
    id3.add(TCON(encoding=3, text="Podcast"))
    if tags.author:
        id3.add(TPE1(encoding=3, text=tags.author))
    if tags.year:
        id3.add(TDRC(encoding=3, text=tags.year))
    if tags.description:
        id3.add(COMM(encoding=3, lang="eng", desc="", text=tags.description))
    if tags.cover_jpeg:
        id3.add(APIC(encoding=3, mime="image/jpeg", type=3, desc="Cover", data=tags.cover_jpeg))
    if tags.chapters:
        ids = [f"chp{i}" for i in range(len(tags.chapters))]
        id3.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                     sub_frames=[TIT2(encoding=3, text=tags.title)]))
        for element, (start, end, title) in zip(ids, tags.chapters):
            id3.add(CHAP(element_id=element, start_time=int(start * 1000), end_time=int(end * 1000),
                         sub_frames=[TIT2(encoding=3, text=title)]))
    from .files import atomic_path
    with atomic_path(path) as tmp:
        tmp.write_bytes(path.read_bytes())
        id3.save(str(tmp), v2_version=4, padding=lambda info: 0)
