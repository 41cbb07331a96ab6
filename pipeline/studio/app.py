"""The studio's web app: a JSON API over the project's files and the page that uses it.

Safety, since a browser on the same machine also visits other sites:
- every request must name this server as its Host (a rebound DNS name cannot reach it);
- every write (any method but GET and HEAD) must come with this server's own Origin;
- files are served only by what they are (a take by its hash, a chapter by its number, a
  voice by a name in voices/, a static asset by a name in a fixed list), never by a path;
- a render holds the chapter's lock, as `make episode` does, and an edit of a chapter whose
  lock is held is refused.
"""
from __future__ import annotations

import contextlib
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from pipeline.core.errors import PipelineError
from pipeline.core.files import exclusive_lock
from pipeline.core.project import Project
from pipeline.model.casting import load_casting
from pipeline.model.directions import DIRECTIONS
from pipeline.model.script import NARRATOR
from pipeline.studio import edits, views

STATIC = {"index.html": "text/html", "studio.css": "text/css", "studio.js": "text/javascript"}
MAX_PREVIEW_CHARS = 400


class Busy(Exception):
    """The chapter is locked by a render (here or in `make episode`)."""


@contextlib.contextmanager
def chapter_lock(project: Project, number: int):
    lock_path = project.chapter_lock(number)
    try:
        context = exclusive_lock(lock_path, f"a render of {project.chapter_id(number)}")
        context.__enter__()
    except PipelineError:
        raise Busy(f"{views.shown(project, project.script(number))}: chapter {number} is being rendered — "
                   "wait for the render to finish, then save again") from None
    try:
        yield
    finally:
        context.__exit__(None, None, None)


class Renders:
    """Progress of the renders started from the studio, by chapter, for the page to poll."""

    def __init__(self):
        self._lock = threading.Lock()
        self._state: dict[int, dict] = {}

    def get(self, number: int) -> dict:
        with self._lock:
            return dict(self._state.get(number, {"state": "idle"}))

    def start(self, number: int, **state) -> bool:
        """Record a render as running, unless one already is (then False)."""
        with self._lock:
            if self._state.get(number, {}).get("state") == "running":
                return False
            self._state[number] = {"state": "running", **state}
            return True

    def update(self, number: int, **changes) -> None:
        with self._lock:
            self._state.setdefault(number, {}).update(changes)

    def advance(self, number: int, count: int) -> None:
        with self._lock:
            entry = self._state.setdefault(number, {})
            entry["done"] = entry.get("done", 0) + count


def _guard(app, hosts: set[str]):
    """ASGI wrapper: Host must be this server; writes must carry its Origin; no framing, no sniffing."""
    origins = {f"http://{host}" for host in hosts}
    extra_headers = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                     (b"content-security-policy",
                      b"default-src 'self'; media-src 'self'; img-src 'self' data:; frame-ancestors 'none'"),
                     (b"cache-control", b"no-store")]

    async def guarded(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if headers.get("host", "") not in hosts:
            return await JSONResponse({"error": "this studio answers only on its own address — "
                                                f"open http://{sorted(hosts)[0]}/"}, 403)(scope, receive, send)
        if scope["method"] not in ("GET", "HEAD") and headers.get("origin", "") not in origins:
            return await JSONResponse({"error": "a write must come from the studio's own page — "
                                                f"open http://{sorted(hosts)[0]}/ and edit there"}, 403)(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra_headers]}
            await send(message)

        return await app(scope, receive, send_with_headers)

    return guarded


def create_app(project: Project, host: str = "127.0.0.1", port: int = 8765):
    """The studio for `project`, answering as http://host:port (and localhost:port)."""
    renders = Renders()

    def error(exc: Exception, status: int = 400) -> JSONResponse:
        if isinstance(exc, PipelineError) and exc.path and Path(exc.path).is_absolute():
            exc.path = views.shown(project, Path(exc.path))
        return JSONResponse({"error": str(exc)}, status)

    def chapter_of(request: Request) -> int:
        number = request.path_params["chapter"]
        project.chapter_id(number)      # refuses numbers that name no chapter file
        if number not in views.chapter_numbers(project):
            raise LookupError(f"no chapter {number} — see the chapter list")
        return number

    async def body_of(request: Request) -> dict:
        try:
            body = await request.json()
        except ValueError:
            raise PipelineError(None, None, "the request body is not JSON", "send a JSON object") from None
        if not isinstance(body, dict):
            raise PipelineError(None, None, "the request body must be a JSON object", "send {\"key\": value}")
        return body

    def handled(func):
        async def endpoint(request: Request):
            try:
                return await func(request)
            except Busy as exc:
                return JSONResponse({"error": str(exc)}, 409)
            except LookupError as exc:
                return JSONResponse({"error": str(exc).strip("'\"")}, 404)
            except PipelineError as exc:
                return error(exc)
        return endpoint

    # ------------------------------------------------------------ pages and files

    async def index(request: Request):
        return static_file("index.html")

    def static_file(name: str) -> Response:
        body = (resources.files("pipeline.studio") / "static" / name).read_bytes()
        return Response(body, media_type=STATIC[name])

    async def static(request: Request):
        name = request.path_params["name"]
        if name not in STATIC:
            raise LookupError(f"no asset {name[:40]}")
        return static_file(name)

    async def take(request: Request):
        name = request.path_params["name"]
        key = name.removesuffix(".wav")
        if not name.endswith(".wav") or not views.TAKE_KEY.match(key):
            raise LookupError("a take is named by its 64-character hash")
        from pipeline.takes.render import take_path
        path = take_path(project.take_cache, key)
        if not path.is_file():
            raise LookupError("no such take; render the chapter")
        return FileResponse(path, media_type="audio/wav")

    async def episode(request: Request):
        number = chapter_of(request)
        path = project.episode(number)
        if not path.is_file():
            raise LookupError(f"chapter {number} is not rendered yet")
        return FileResponse(path, media_type="audio/mpeg")

    async def preview_file(request: Request):
        name = request.path_params["name"]
        voice = name.removesuffix(".wav")
        voices, _, _ = await run_in_threadpool(load_casting, project.voices)
        if not name.endswith(".wav") or voice not in voices:
            raise LookupError("a preview is named after a voice in voices/")
        path = preview_dir(project) / f"{voice}.wav"
        if not path.is_file():
            raise LookupError(f"no preview of {voice} yet")
        return FileResponse(path, media_type="audio/wav")

    # ------------------------------------------------------------ script

    async def meta(request: Request):
        _, cast, _ = await run_in_threadpool(load_casting, project.voices)
        return JSONResponse({"project": project.root.name, "directions": list(DIRECTIONS),
                             "speakers": [NARRATOR, *cast.characters]})

    async def chapters(request: Request):
        rows = await run_in_threadpool(lambda: [views.chapter_summary(project, n) for n in views.chapter_numbers(project)])
        for row in rows:
            row["rendering"] = renders.get(row["chapter"]).get("state") == "running"
        return JSONResponse(rows)

    async def chapter(request: Request):
        number = chapter_of(request)
        detail = await run_in_threadpool(views.chapter_detail, project, number)
        return JSONResponse({**detail, "render": renders.get(number)})

    async def lines(request: Request):
        number = chapter_of(request)

        def work():
            script = views.chapter_script(project, number)
            return views.chapter_lines(project, number, script)[0]
        return JSONResponse(await run_in_threadpool(work))

    async def edit_line(request: Request):
        number = chapter_of(request)
        wanted = edits.split_line_id(request.path_params["line"])
        changes = await body_of(request)

        def work():
            script = views.chapter_script(project, number)
            scene_ids = [scene.id for scene in script.scenes]
            if wanted is None or wanted[0] not in scene_ids:
                raise LookupError("no such line in this chapter")
            scene_index = scene_ids.index(wanted[0])
            if wanted[1] >= len(script.scenes[scene_index].lines):
                raise LookupError("no such line in this chapter")
            path = project.script(number)
            with chapter_lock(project, number):
                edits.edit_script_line(path, views.shown(project, path), scene_index, wanted[1], changes,
                                                 project.voices, project.take_cache)
            rows, _ = views.chapter_lines(project, number, views.chapter_script(project, number))
            return next(row for row in rows if row["id"] == edits.line_id(*wanted))
        return JSONResponse(await run_in_threadpool(work))

    async def render(request: Request):
        number = chapter_of(request)
        body = await body_of(request) if await request.body() else {}
        with_qa = bool(body.get("qa", True))

        def work():
            from pipeline.run.episode import make_episode
            pending, total = [], None     # a chapter without a script yet is adapted by make_episode first
            if project.script(number).exists():
                script = views.chapter_script(project, number)
                total = views.takes_to_synthesize(project, script)     # refuses a script render would refuse
                pending = [row["id"] for row in views.chapter_lines(project, number, script)[0] if row["pending"]]
            if not renders.start(number, stage="takes", done=0, total=total, log=[], error=None, lines=pending):
                raise Busy(f"chapter {number} is already being rendered — wait for it to finish")
            log: list[str] = []

            def note(message: str) -> None:
                log.append(str(message))
                stage = str(message).split()[0] if str(message).split() else ""
                renders.update(number, log=list(log), stage={"takes": "mix", "mix": "master",
                                                             "master": "qa" if with_qa else "done"}.get(stage, stage))
            try:
                summary = make_episode(project, number, progress=lambda n: renders.advance(number, n),
                                       log=note, check=with_qa)
            except PipelineError as exc:
                if exc.path and Path(exc.path) == project.chapter_lock(number):
                    renders.update(number, state="idle")
                    raise Busy(f"chapter {number} is already being rendered — wait for it to finish") from None
                renders.update(number, state="failed", error=str(error(exc).body, "utf-8"))
                raise
            except Exception as exc:
                renders.update(number, state="failed", error=f"{type(exc).__name__}: {exc}")
                raise
            result = {"chapter": number, "synthesized": summary["synthesized"],
                      "cached": summary["takes"] - summary["synthesized"], "takes": summary["takes"],
                      "lines": pending, "duration_s": summary["master"]["duration_s"],
                      "integrated_lufs": summary["master"]["integrated_lufs"],
                      "verdict": views.verdict(summary["qa"]), "log": log}
            renders.update(number, state="done", stage="done", result=result)
            return result
        return JSONResponse(await run_in_threadpool(work))

    async def render_state(request: Request):
        return JSONResponse(renders.get(chapter_of(request)))

    # ------------------------------------------------------------ cast

    async def cast(request: Request):
        return JSONResponse(await run_in_threadpool(views.cast_view, project))

    async def nearest(request: Request):
        return JSONResponse(await run_in_threadpool(views.close_voices, project))

    def voice_path(request: Request) -> tuple[str, Path]:
        name = request.path_params["name"]
        voices, _, _ = load_casting(project.voices)
        if name not in voices:
            raise LookupError("no such voice in voices/")
        return name, project.voices / f"{name}.yaml"

    async def preview(request: Request):
        body = await body_of(request)

        def work():
            name, path = voice_path(request)
            text = body.get("text")
            if not isinstance(text, str) or not text.strip():
                raise PipelineError(None, None, "the sentence to audition is empty", "type a sentence")
            if len(text) > MAX_PREVIEW_CHARS:
                raise PipelineError(None, None, f"the sentence is {len(text)} characters long",
                                    f"audition at most {MAX_PREVIEW_CHARS}")
            settings = body.get("settings") or {}
            if not isinstance(settings, dict):
                raise PipelineError(None, None, "settings must be a JSON object", "send {\"pitch_semitones\": 2}")
            voice = edits.voice_with(path, views.shown(project, path), settings)
            _, _, lexicon = load_casting(project.voices)
            from pipeline.takes.render import preview_voices
            written = preview_voices({name: voice}, [name], text, lexicon, project.voices, project.take_cache,
                                     preview_dir(project), workers=1)[0]
            return {"voice": name, "url": f"/api/previews/{name}.wav?v={written.stat().st_mtime_ns}"}
        return JSONResponse(await run_in_threadpool(work))

    async def save_voice(request: Request):
        body = await body_of(request)

        def work():
            name, path = voice_path(request)
            settings = body.get("settings")
            if not isinstance(settings, dict) or not settings:
                raise PipelineError(None, None, "nothing to save", "send the changed settings")
            edits.save_voice(path, views.shown(project, path), settings)
            return next(v for v in views.cast_view(project)["voices"] if v["name"] == name)
        return JSONResponse(await run_in_threadpool(work))

    routes = [
        Route("/", index),
        Route("/static/{name}", handled(static)),
        Route("/api/meta", handled(meta)),
        Route("/api/chapters", handled(chapters)),
        Route("/api/chapters/{chapter:int}", handled(chapter)),
        Route("/api/chapters/{chapter:int}/lines", handled(lines)),
        Route("/api/chapters/{chapter:int}/lines/{line}", handled(edit_line), methods=["PATCH"]),
        Route("/api/chapters/{chapter:int}/render", handled(render), methods=["POST"]),
        Route("/api/chapters/{chapter:int}/render", handled(render_state), methods=["GET"]),
        Route("/api/chapters/{chapter:int}/episode.mp3", handled(episode)),
        Route("/api/takes/{name}", handled(take)),
        Route("/api/cast", handled(cast)),
        Route("/api/voices/nearest", handled(nearest)),
        Route("/api/voices/{name}/preview", handled(preview), methods=["POST"]),
        Route("/api/voices/{name}", handled(save_voice), methods=["PUT"]),
        Route("/api/previews/{name}", handled(preview_file)),
    ]
    hosts = {f"{host}:{port}", f"127.0.0.1:{port}", f"localhost:{port}"}
    return _guard(Starlette(routes=routes), hosts)


def preview_dir(project: Project) -> Path:
    return project.output / "studio" / "previews"


def serve(project: Project, port: int = 8765, host: str = "127.0.0.1", log=print) -> None:
    """Run the studio until interrupted."""
    import socket

    import uvicorn
    with socket.socket() as probe:
        try:
            probe.bind((host, port))
        except OSError:
            raise PipelineError(None, None, f"port {port} on {host} is in use",
                                "give another with --port, or stop the program using it") from None
    log(f"studio   http://{host}:{port}/  (Ctrl-C stops it)")
    uvicorn.run(create_app(project, host, port), host=host, port=port, log_level="warning")
