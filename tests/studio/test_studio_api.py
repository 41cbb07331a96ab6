"""The studio's API through Starlette's test client, on a small project rendered once."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time

import pytest
from starlette.testclient import TestClient
from studio_project import ORIGIN, copy_project, tiny_project
from conftest import share_references

from pipeline import cli
from pipeline.core.errors import PipelineError
from pipeline.run.episode import make_episode
from pipeline.studio.app import create_app, serve

WRITE = {"Origin": ORIGIN}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, session_cache):
    project = share_references(tiny_project(tmp_path_factory.mktemp("studio") / "proj"), session_cache)
    make_episode(project, 1, workers=2, log=lambda *_: None, check=True)
    return project


@pytest.fixture
def project(rendered, tmp_path):
    return copy_project(rendered, tmp_path / "proj")


def client(project) -> TestClient:
    return TestClient(create_app(project, port=8765), base_url=ORIGIN)


def lines_of(c) -> dict:
    response = c.get("/api/chapters/1/lines")
    assert response.status_code == 200, response.text
    return {line["id"]: line for line in response.json()}


def test_chapter_list_says_what_is_rendered(project):
    c = client(project)
    rows = c.get("/api/chapters").json()
    first = next(r for r in rows if r["chapter"] == 1)
    assert first["title"] == "The Tiny Test" and first["rendered"] is True
    assert first["verdict"] == "publishable"
    loudness = json.loads((project.episode_dir(1) / "loudness.json").read_text())
    assert first["duration_s"] == loudness["duration_s"] and abs(first["integrated_lufs"] + 16) < 1
    # chapters/ch01.txt's neighbours without a script or render are listed as not rendered
    (project.chapters / "ch02.txt").write_text("Some prose.\n", encoding="utf-8")
    second = next(r for r in c.get("/api/chapters").json() if r["chapter"] == 2)
    assert second["rendered"] is False and second["verdict"] is None


def test_lines_join_script_takes_cues_and_qa(project):
    c = client(project)
    lines = c.get("/api/chapters/1/lines").json()
    assert [line["id"] for line in lines] == ["s1-hospital.0", "s1-hospital.1", "s1-hospital.2", "s1-hospital.3",
                                              "s2-forest.0"]
    assert [line["kind"] for line in lines] == ["narration", "sfx", "dialogue", "dialogue", "narration"]
    assert [line["speaker"] for line in lines] == ["narrator", None, "Naruto", "Naruto", "narrator"]
    assert lines[3]["direction"] == "shout" and lines[1]["name"] == "knock"
    voiced = [line for line in lines if line["kind"] != "sfx"]
    cues = json.loads((project.episode_dir(1) / "cues.json").read_text())
    speech = sorted((cue for cue in cues if cue["kind"] == "speech"), key=lambda cue: cue["start"])
    assert [line["start_s"] for line in voiced] == [cue["start"] for cue in speech]
    assert [line["text"] for line in voiced] == [cue["text"] for cue in speech]
    for line in voiced:
        assert line["take_url"] and not line["pending"]
        take = c.get(line["take_url"])
        assert take.status_code == 200 and take.content[:4] == b"RIFF"
        key = line["take_url"].rsplit("/", 1)[1].removesuffix(".wav")
        assert take.content == (project.take_cache / key[:2] / f"{key}.wav").read_bytes()
        assert 0 <= line["qa"]["wer"] <= 1.5     # QA heard it back
        assert 0 <= line["qa"]["voice_match"] <= 1      # and compared it with its voice
    assert lines[1]["take_url"] is None and lines[1]["start_s"] is None
    episode = c.get("/api/chapters/1/episode.mp3")
    assert episode.status_code == 200 and episode.content == (project.episode_dir(1) / "episode.mp3").read_bytes()


def test_page_and_its_assets_are_served_from_the_package(project):
    c = client(project)
    page = c.get("/")
    assert page.status_code == 200 and "/static/studio.js" in page.text
    assert "http" not in page.text.replace(ORIGIN, "").split("<body>")[0].lower().replace("http-equiv", "")
    for name in ("studio.js", "studio.css"):
        asset = c.get(f"/static/{name}")
        assert asset.status_code == 200 and len(asset.content) > 1000
        assert "https://" not in asset.text and "http://" not in asset.text     # nothing fetched from elsewhere


def test_edit_changes_only_that_line_and_keeps_comments(project):
    c = client(project)
    path = project.script(1)
    before = path.read_text()
    ids_before = list(lines_of(c))
    response = c.patch("/api/chapters/1/lines/s1-hospital.2", json={"direction": "whisper"}, headers=WRITE)
    assert response.status_code == 200, response.text
    line = response.json()
    assert line["id"] == "s1-hospital.2" and line["direction"] == "whisper" and line["pending"] is True
    after = path.read_text()
    removed = [x for x in before.splitlines() if x not in after.splitlines()]
    added = [x for x in after.splitlines() if x not in before.splitlines()]
    assert removed == [] and added == ["    direction: whisper"]
    assert "# he means it" in after and "# the opening, as the author wrote it" in after
    assert after.startswith("# A producer's note at the top")
    # speaker and text: still the same line id, the rest of the file untouched
    response = c.patch("/api/chapters/1/lines/s1-hospital.0", json={"speaker": "Naruto", "text": "I open the door."},
                       headers=WRITE)
    assert response.status_code == 200, response.text
    assert response.json()["speaker"] == "Naruto" and response.json()["kind"] == "dialogue"
    assert list(lines_of(c)) == ids_before
    final = path.read_text().splitlines()
    assert "  - Naruto: I open the door." in final
    assert [x for x in final if x != "  - Naruto: I open the door."] == \
        [x for x in after.splitlines() if not x.startswith("  - narrator: The door opened")]
    # back to the narrator
    response = c.patch("/api/chapters/1/lines/s1-hospital.0", json={"speaker": "narrator"}, headers=WRITE)
    assert response.json()["kind"] == "narration" and "  - narrator: I open the door." in path.read_text()


def test_invalid_edit_gets_the_command_lines_message_and_writes_nothing(project, capsys):
    c = client(project)
    path = project.script(1)
    before = path.read_bytes()
    response = c.patch("/api/chapters/1/lines/s1-hospital.2", json={"speaker": "Nobody"}, headers=WRITE)
    assert response.status_code == 400
    message = response.json()["error"]
    assert message.startswith("scripts/ch01.yaml:12: ") and "Nobody" in message and " — " in message
    assert path.read_bytes() == before
    # the command line says exactly this about the same script written by hand
    path.write_text(before.decode().replace("- Naruto: I am back", "- Nobody: I am back"), encoding="utf-8")
    assert cli.main(["--project", str(project.root), "render", "1"]) == 2
    assert capsys.readouterr().err.strip() == f"error: {message}"
    # a script broken by hand: the page says why, a render is refused with the same words
    assert c.get("/api/chapters/1").json()["problem"] == message
    refused = c.post("/api/chapters/1/render", json={"qa": False}, headers=WRITE)
    assert refused.status_code == 400 and refused.json()["error"] == message
    path.write_bytes(before)
    for bad in ({"text": 42}, {"speaker": ["a"]}, {"direction": {"x": 1}}, {"volume": 3}, {"text": "a\x07b"}):
        response = c.patch("/api/chapters/1/lines/s1-hospital.2", json=bad, headers=WRITE)
        assert response.status_code == 400, bad
        assert response.json()["error"].startswith("scripts/ch01.yaml"), response.json()
        assert path.read_bytes() == before
    typo = c.patch("/api/chapters/1/lines/s1-hospital.2", json={"direction": "whipser"}, headers=WRITE)
    assert typo.status_code == 400
    assert typo.json()["error"].startswith("scripts/ch01.yaml:13: unknown direction 'whipser' — did you mean 'whisper'?")
    assert path.read_bytes() == before
    cue = c.patch("/api/chapters/1/lines/s1-hospital.1", json={"speaker": "Naruto"}, headers=WRITE)
    assert cue.status_code == 400 and cue.json()["error"].startswith("scripts/ch01.yaml:11: a sfx line has no speaker")
    assert c.patch("/api/chapters/1/lines/s1-hospital.2", content=b"{not json", headers=WRITE).status_code == 400
    assert path.read_bytes() == before


def test_render_resynthesizes_only_the_changed_line(project):
    c = client(project)
    before = lines_of(c)
    assert c.patch("/api/chapters/1/lines/s2-forest.0", json={"direction": "quiet"}, headers=WRITE).status_code == 200
    response = c.post("/api/chapters/1/render", json={"qa": False}, headers=WRITE)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["synthesized"] == 1 and result["cached"] == 3 and result["lines"] == ["s2-forest.0"]
    after = lines_of(c)
    changed = [i for i in after if after[i]["take_url"] != before[i]["take_url"]]
    assert changed == ["s2-forest.0"]
    assert c.get(after["s2-forest.0"]["take_url"]).content != c.get(before["s2-forest.0"]["take_url"]).content
    progress = c.get("/api/chapters/1/render").json()
    assert progress["state"] == "done" and progress["done"] == progress["total"] == 1
    assert progress["result"]["synthesized"] == 1


def test_cross_origin_writes_are_refused(project):
    c = client(project)
    path = project.script(1)
    before = path.read_bytes()
    voice_before = (project.voices / "naruto.yaml").read_bytes()
    writes = [("PATCH", "/api/chapters/1/lines/s1-hospital.2", {"direction": "whisper"}),
              ("POST", "/api/chapters/1/render", {}),
              ("PUT", "/api/voices/naruto", {"settings": {"pitch_semitones": 1}}),
              ("POST", "/api/voices/naruto/preview", {"text": "Hello."})]
    for origin in ({"Origin": "http://evil.example"}, {"Origin": "http://127.0.0.1:9999"}, {"Origin": "null"}, {}):
        for method, url, body in writes:
            response = c.request(method, url, json=body, headers=origin)
            assert response.status_code == 403, (method, url, origin)
            assert "own page" in response.json()["error"]
    # a name that resolves to this machine but is not the studio's (DNS rebinding)
    rebound = TestClient(create_app(project, port=8765), base_url="http://evil.example:8765")
    assert rebound.get("/api/chapters").status_code == 403
    assert rebound.patch("/api/chapters/1/lines/s1-hospital.2", json={"text": "x"},
                         headers={"Origin": "http://evil.example:8765"}).status_code == 403
    assert path.read_bytes() == before and (project.voices / "naruto.yaml").read_bytes() == voice_before
    assert not (project.output / "studio").exists()
    # the page itself is never framed by another site
    assert c.get("/").headers["x-frame-options"] == "DENY"


ESCAPES = ["..%2F..%2Fsecret.txt", "..%2f..%2f..%2fsecret.txt", "%2e%2e%2fsecret.txt", "%2Fetc%2Fpasswd",
           "..%5C..%5Csecret.txt", "....%2F%2Fsecret.txt", "%252e%252e%252fsecret.txt", "secret.txt%00.wav"]


def test_no_url_escapes_the_project(project):
    (project.root.parent / "secret.txt").write_text("TOP SECRET", encoding="utf-8")
    c = client(project)
    script_before = project.script(1).read_bytes()
    for escape in ESCAPES:
        urls = [("GET", f"/static/{escape}"), ("GET", f"/api/takes/{escape}"), ("GET", f"/api/takes/{escape}.wav"),
                ("GET", f"/api/previews/{escape}"), ("GET", f"/api/previews/{escape}.wav"),
                ("GET", f"/api/chapters/{escape}"), ("GET", f"/api/chapters/{escape}/lines"),
                ("GET", f"/api/chapters/{escape}/episode.mp3"),
                ("PATCH", f"/api/chapters/1/lines/{escape}"), ("PATCH", f"/api/chapters/{escape}/lines/s1-hospital.0"),
                ("POST", f"/api/chapters/{escape}/render"),
                ("PUT", f"/api/voices/{escape}"), ("POST", f"/api/voices/{escape}/preview")]
        for method, url in urls:
            body = {"text": "x", "settings": {"pitch_semitones": 1}} if method != "GET" else None
            response = c.request(method, url, json=body, headers=WRITE)
            assert response.status_code in (400, 404, 405), (method, url, response.status_code)
            assert b"TOP SECRET" not in response.content and b"root:" not in response.content
    # a chapter number outside the project, and a line id naming a scene that does not exist
    assert c.get("/api/chapters/99999/lines").status_code in (400, 404)
    assert c.get("/api/chapters/7/lines").status_code == 404
    assert c.patch("/api/chapters/1/lines/s9.0", json={"text": "x"}, headers=WRITE).status_code == 404
    assert c.patch("/api/chapters/1/lines/s1-hospital.40", json={"text": "x"}, headers=WRITE).status_code == 404
    assert c.get("/api/takes/" + "0" * 64 + ".wav").status_code == 404
    assert project.script(1).read_bytes() == script_before
    assert sorted(p.name for p in project.root.parent.iterdir()) == ["proj", "secret.txt"]


def test_edit_of_a_chapter_locked_by_another_render_is_refused(project):
    """`make episode` in another process holds the chapter lock: the studio neither edits nor renders."""
    path = project.script(1)
    before = path.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom pipeline.core.files import exclusive_lock\n"
         f"with exclusive_lock({str(project.chapter_lock(1))!r}, 'a render of ch01'):\n"
         "    print('locked', flush=True)\n    time.sleep(60)\n"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        c = client(project)
        response = c.patch("/api/chapters/1/lines/s1-hospital.2", json={"direction": "whisper"}, headers=WRITE)
        assert response.status_code == 409
        assert response.json()["error"].startswith("scripts/ch01.yaml: chapter 1 is being rendered — wait")
        assert c.post("/api/chapters/1/render", json={"qa": False}, headers=WRITE).status_code == 409
        assert path.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
    assert client(project).patch("/api/chapters/1/lines/s1-hospital.2", json={"direction": "whisper"},
                                 headers=WRITE).status_code == 200


def test_edit_during_a_studio_render_is_refused(project):
    c = client(project)
    # a new direction makes the render synthesize, so it is still running when the edit comes
    assert c.patch("/api/chapters/1/lines/s1-hospital.0", json={"direction": "sad"}, headers=WRITE).status_code == 200
    results = {}
    worker = threading.Thread(target=lambda: results.update(
        render=c.post("/api/chapters/1/render", json={"qa": False}, headers=WRITE)))
    worker.start()
    deadline = time.monotonic() + 30
    while c.get("/api/chapters/1/render").json().get("state") != "running" and time.monotonic() < deadline:
        time.sleep(0.02)
    before = project.script(1).read_bytes()
    refused = c.patch("/api/chapters/1/lines/s1-hospital.2", json={"text": "Changed mid-render."}, headers=WRITE)
    second = c.post("/api/chapters/1/render", json={"qa": False}, headers=WRITE)
    worker.join()
    assert second.status_code == 409 and "already being rendered" in second.json()["error"]
    assert refused.status_code == 409 and "being rendered" in refused.json()["error"]
    assert project.script(1).read_bytes() == before
    assert results["render"].status_code == 200 and results["render"].json()["synthesized"] == 1


def test_cast_audition_and_voice_save(project):
    c = client(project)
    cast = c.get("/api/cast").json()
    voices, characters = {v["name"]: v for v in cast["voices"]}, {ch["name"]: ch for ch in cast["characters"]}
    assert characters["Naruto"]["voice"] == "naruto" and characters["narrator"]["voice"] == cast["narrator"]
    assert "Naruto" in voices["naruto"]["used_by"]
    assert {"pitch_semitones", "formant_semitones", "length_scale", "eq.presence_db"} <= {f["key"] for f in cast["fields"]}
    plain = c.post("/api/voices/naruto/preview", json={"text": "Believe it."}, headers=WRITE)
    assert plain.status_code == 200, plain.text
    plain_audio = c.get(plain.json()["url"]).content
    higher = c.post("/api/voices/naruto/preview", json={"text": "Believe it.", "settings": {"pitch_semitones": 6}},
                    headers=WRITE)
    higher_audio = c.get(higher.json()["url"]).content
    assert plain_audio[:4] == higher_audio[:4] == b"RIFF" and plain_audio != higher_audio
    path = project.voices / "naruto.yaml"
    before = path.read_text()
    bad = c.put("/api/voices/naruto", json={"settings": {"pitch_semitones": 40}}, headers=WRITE)
    assert bad.status_code == 400 and bad.json()["error"].startswith("voices/naruto.yaml:")
    assert "pitch_semitones" in bad.json()["error"] and path.read_text() == before
    saved = c.put("/api/voices/naruto", json={"settings": {"pitch_semitones": 6, "eq": {"presence_db": 2.5}}},
                  headers=WRITE)
    assert saved.status_code == 200 and saved.json()["settings"]["pitch_semitones"] == 6
    after = path.read_text()
    assert after.splitlines()[0] == before.splitlines()[0]       # the comment heading the file
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(before.splitlines()) == len(after.splitlines()) and len(changed) == 2
    # the saved voice is what the next render uses: Naruto's lines are synthesized again
    result = c.post("/api/chapters/1/render", json={"qa": False}, headers=WRITE).json()
    assert result["synthesized"] == 2 and sorted(result["lines"]) == ["s1-hospital.2", "s1-hospital.3"]


def test_studio_refuses_a_port_in_use(project):
    import socket
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        with pytest.raises(PipelineError, match="port .* is in use — give another with --port"):
            serve(project, port=busy.getsockname()[1], log=lambda *_: None)


def test_check_flags_are_shown_and_cleared_by_the_producer(project):
    path = project.script(1)
    path.write_text(path.read_text().replace("  - Naruto: I am back, and I am not leaving again.   # he means it\n",
                                             "  - Naruto: I am back, and I am not leaving again.   # he means it\n"
                                             "    how: guess\n    check: true\n")
                    .replace("    direction: shout\n", "    direction: shout\n    how: turns\n    check: true\n"),
                    encoding="utf-8")
    c = client(project)
    lines = lines_of(c)
    assert [i for i, line in lines.items() if line["check"]] == ["s1-hospital.2", "s1-hospital.3"]
    assert lines["s1-hospital.2"]["how"] == "guess"
    # "Mark checked" removes only `check`; the adapter's `how` stays as a record
    response = c.patch("/api/chapters/1/lines/s1-hospital.2", json={"check": False}, headers=WRITE)
    assert response.status_code == 200 and response.json()["check"] is False
    assert "    how: guess\n  - Naruto: Nobody" in path.read_text()
    # choosing the speaker answers the doubt too
    response = c.patch("/api/chapters/1/lines/s1-hospital.3", json={"speaker": "narrator"}, headers=WRITE)
    assert response.status_code == 200 and response.json()["check"] is False
    assert "check" not in path.read_text()
    assert c.patch("/api/chapters/1/lines/s1-hospital.3", json={"check": True}, headers=WRITE).status_code == 400


def test_edits_of_a_wrapped_script_touch_only_their_own_lines(tmp_path):
    """On the shipped chapter's script (long lines wrapped by the adapter's writer): a direction
    adds one line, a letter's writer changes one line, and undoing both gives back the same bytes."""
    from conftest import REPO

    from pipeline.model.script import load_script
    from pipeline.studio.edits import edit_script_line
    path = tmp_path / "ch01.yaml"
    shutil.copy(REPO / "scripts" / "ch01.yaml", path)
    original = path.read_text(encoding="utf-8")
    script = load_script(path)
    spots = [(s, i, line) for s, scene in enumerate(script.scenes) for i, line in enumerate(scene.lines)]
    s, i, line = next((s, i, line) for s, i, line in spots if line.voiced and not line.direction and len(line.text) > 200)

    def edit(scene, index, changes):
        edit_script_line(path, "scripts/ch01.yaml", scene, index, changes, REPO / "voices", tmp_path / "cache")

    edit(s, i, {"direction": "sad"})
    after = path.read_text(encoding="utf-8").splitlines()
    assert len(after) == len(original.splitlines()) + 1 and "    direction: sad" in after
    assert [x for x in after if x != "    direction: sad"] == original.splitlines()
    letters = [(s, i, line) for s, i, line in spots if line.kind == "letter" and line.speaker]
    for s2, i2, letter in letters[:1]:
        other = "narrator" if letter.speaker != "narrator" else "Naruto"
        edit(s2, i2, {"speaker": other})
        edit(s2, i2, {"speaker": letter.speaker})
    edit(s, i, {"direction": ""})
    assert path.read_text(encoding="utf-8") == original


def test_a_blend_is_saved_whole_and_other_mappings_are_merged():
    from pydantic import BaseModel
    from ruamel.yaml.comments import CommentedMap

    from pipeline.studio.edits import RoundTrip, _merge, blend_fields

    class Designed(BaseModel):
        eq: dict | None = None
        timbre: dict[str, float] | None = None
        pitch_semitones: float = 0.0

    assert blend_fields(Designed) == ["timbre"]      # names to weights; eq is a group of settings
    doc = RoundTrip("# a designed voice\ntimbre: {jf_alpha: 0.7, jm_kumo: 0.3}   # who it sounds like\n"
                    "eq:\n  presence_db: 1.0\n  high_shelf_db: 2.0\n", "voices/x.yaml")
    _merge(doc.data, {"timbre": {"jf_nezumi": 1.0}, "eq": {"presence_db": 3.0}}, frozenset({"timbre"}))
    assert dict(doc.data["timbre"]) == {"jf_nezumi": 1.0}
    assert dict(doc.data["eq"]) == {"presence_db": 3.0, "high_shelf_db": 2.0}
    text = doc.dump()
    assert text.startswith("# a designed voice\n") and "# who it sounds like" in text
    _merge(doc.data, {"timbre": None}, frozenset({"timbre"}))
    assert "timbre" not in doc.data and isinstance(doc.data["eq"], CommentedMap)


def test_voices_that_sit_close_together(tmp_path):
    """A copy of a voice is found as its near duplicate; the narrator sits further from both."""
    project = tiny_project(tmp_path / "proj")
    for path in project.voices.glob("*.yaml"):
        if path.stem not in ("narrator", "naruto", "lexicon"):
            path.unlink()
    shutil.copy(project.voices / "naruto.yaml", project.voices / "naruto2.yaml")
    (project.voices / "cast.yaml").write_text("narrator: narrator\ncharacters:\n  Naruto: {voice: naruto}\n"
                                              "  Menma: {voice: naruto2}\n", encoding="utf-8")
    rows = {row["voice"]: row for row in client(project).get("/api/voices/nearest").json()}
    assert rows["naruto"]["nearest"] == "naruto2" and rows["naruto2"]["nearest"] == "naruto"
    assert rows["naruto"]["near_duplicate"] and rows["naruto"]["similarity"] >= 0.95
    assert not rows["narrator"]["near_duplicate"] and rows["narrator"]["similarity"] < rows["naruto"]["similarity"]
