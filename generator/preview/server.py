"""The preview's web server: serves the preview site, adding the reload script and the problems banner to
every page. It builds nothing and runs in a process of its own, forked before the preview starts
watching, so the builder's processes are never forked from a process with server threads."""

from __future__ import annotations

import errno
import functools
import http.server
import json
import os
import socket
import sys
import threading
import time
import urllib.parse
from pathlib import Path

RELOAD_PATH = "/__cluster_plans_reload"
# The problems of one plan, as validate reports them, for the editor to show beside the plan's form:
# ?plan=clusters/<board>/<cluster>/<year>&lang=cy
PROBLEMS_PATH = "/__cluster_plans_problems"
# Written by the preview beside its state file: every problem of each plan, warnings too, in each language.
PROBLEMS_FILE = "preview-problems.json"
# The editor's pages: a reload would lose what the lead is typing, and the editor shows the plan's own
# problems beside its form instead of the banner.
EDITOR_PAGES = ("/admin/", "/cy/admin/")
# Added to every page the preview serves (never to the published site): wait for the next change,
# then reload.
RELOAD_SCRIPT = ("<script>(function poll(v){fetch('%s?since='+v).then(function(r){return r.text()})"
                 ".then(function(n){if(n!==String(v)){location.reload()}else{poll(v)}})"
                 ".catch(function(){setTimeout(function(){poll(v)},1000)})})(%d)</script>")
# How long a reload request is held open when nothing changes, and how many ports are tried when the
# one asked for is taken.
LONG_POLL_SECONDS = 25
PORTS_TO_TRY = 20


class ServeError(Exception):
    """The preview cannot listen where it was asked to; the message says why in one line."""


class State:
    """The builder's latest word (see Preview.publish_state), read again whenever the file changes."""

    def __init__(self, path: Path, empty: dict | None = None):
        self.path = path
        self._seen: tuple[int, int] | None = None
        self._data: dict = empty if empty is not None else {"version": 0, "banner": {}, "unavailable": {}}
        self._lock = threading.Lock()

    def read(self) -> dict:
        with self._lock:
            try:
                stat = self.path.stat()
                if (stat.st_mtime_ns, stat.st_size) != self._seen:
                    self._data = json.loads(self.path.read_text(encoding="utf-8"))
                    self._seen = (stat.st_mtime_ns, stat.st_size)
            except (OSError, ValueError):
                pass  # being replaced: the previous state stands for a moment
            return self._data


class Handler(http.server.SimpleHTTPRequestHandler):
    state: State
    problems: State

    def log_message(self, format: str, *args: object) -> None:
        pass

    def language(self) -> str:
        return "cy" if self.path.startswith("/cy/") or self.path == "/cy" else "en"

    def do_GET(self) -> None:
        if self.path.startswith(RELOAD_PATH):
            return self.wait_for_change()
        if self.path.startswith(PROBLEMS_PATH):
            return self.send_plan_problems()
        state = self.state.read()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if self.path.split("?")[0].startswith(EDITOR_PAGES):
            return super().do_GET()
        if path.suffix == ".html" and path.is_file():
            return self.send_page(200, path.read_bytes(), state)
        unavailable = state.get("unavailable", {}).get(self.language(), "")
        if unavailable and (path.suffix in (".html", "") or self.path.endswith("/")):
            return self.send_page(404, unavailable.encode("utf-8"), state)
        return super().do_GET()

    def send_page(self, status: int, body: bytes, state: dict) -> None:
        banner = state.get("banner", {}).get(self.language(), "")
        if banner:
            # First in the page, so that it is seen and read before anything else.
            start = body.find(b"<body")
            end = body.find(b">", start) + 1 if start >= 0 else 0
            body = body[:end] + banner.encode("utf-8") + body[end:]
        script = (RELOAD_SCRIPT % (RELOAD_PATH, state.get("version", 0))).encode()
        body = body.replace(b"</body>", script + b"</body>", 1)
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def send_plan_problems(self) -> None:
        """One plan's problems from the preview's last check of it, in the language asked for; `checked` is
        false until the preview has checked the plans (or when it does not know the plan)."""
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        plan = query.get("plan", [""])[0]
        language = query.get("lang", ["en"])[0]
        data = self.problems.read()
        found = data.get("plans", {}).get(plan)
        answer = json.dumps({"version": data.get("version", 0), "plan": plan, "checked": found is not None,
                             "problems": (found or {}).get(language, (found or {}).get("en", []))},
                            ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(answer)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(answer)

    def wait_for_change(self) -> None:
        since = self.path.partition("since=")[2]
        deadline = time.monotonic() + LONG_POLL_SECONDS
        version = str(self.state.read().get("version", 0))
        while version == since and time.monotonic() < deadline:
            time.sleep(0.1)
            version = str(self.state.read().get("version", 0))
        answer = version.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(answer)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(answer)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A reader closing a tab or reloading mid-answer is normal, not worth a traceback.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


def bind(host: str, port: int, say=print) -> Server:
    """A server listening on host:port, or on the next free port when that one is taken."""
    try:
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise ServeError(f"'{host}' is not an address this computer can serve on; use for example "
                         "--host 127.0.0.1 (this computer only) or --host 0.0.0.0 (the local network)") from None
    ports = [port] if port == 0 else range(port, min(port + PORTS_TO_TRY, 65536))
    for candidate in ports:
        try:
            server = Server((host, candidate), Handler, bind_and_activate=True)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                continue
            if error.errno == errno.EACCES:
                raise ServeError(f"port {candidate} needs administrator rights; use a port above 1023, "
                                 "e.g. --port 8000") from None
            if error.errno == errno.EADDRNOTAVAIL:
                raise ServeError(f"'{host}' is not an address of this computer; use for example "
                                 "--host 127.0.0.1") from None
            raise ServeError(f"cannot listen on {host}:{candidate}: {error.strerror}") from None
        if candidate != port:
            say(f"Port {port} is in use; the preview uses port {candidate} instead.")
        return server
    raise ServeError(f"ports {port} to {port + PORTS_TO_TRY - 1} are all in use; choose another with --port")


def start(server: Server, site_dir: Path, state_file: Path) -> int:
    """Fork the process that answers requests; returns its process id. It ends with its parent."""
    parent = os.getpid()
    pid = os.fork()
    if pid:
        server.socket.close()
        return pid
    code = 0
    try:
        handler = type("PreviewHandler", (Handler,), {
            "state": State(state_file), "problems": State(state_file.with_name(PROBLEMS_FILE), {"plans": {}})})
        server.RequestHandlerClass = functools.partial(handler, directory=str(site_dir))

        def orphaned() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            server.shutdown()

        threading.Thread(target=orphaned, daemon=True).start()
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    except BaseException:
        code = 1
    finally:
        os._exit(code)
