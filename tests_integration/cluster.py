"""The app as deployed, on loopback ports: gunicorn servers with the production settings,
nginx in front of them with deploy/nginx/bitnews.conf (TLS, load balancing), Varnish with
deploy/varnish/bitnews.vcl, and a visitor who keeps the cookies it is given. Used by
test_two_nodes.py, test_varnish*.py and `make audit` (audit/)."""

import contextlib
import http.client
import os
import re
import shlex
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NGINX_CONF = ROOT / "deploy" / "nginx" / "bitnews.conf"
VCL = ROOT / "deploy" / "varnish" / "bitnews.vcl"
VARNISH_SERVICE = ROOT / "deploy" / "systemd" / "varnish.service.d" / "bitnews.conf"
HOST = "localhost"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process, what, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
            return
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start")
        time.sleep(0.2)


class Node:
    """One app server: gunicorn with the production settings, in a process group of its own
    (so that killing it kills its workers too)."""

    def __init__(self, env, log, workers=2):
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "bitnews.wsgi", "--workers", str(workers)]
            + ["--bind", f"127.0.0.1:{self.port}", "--timeout", "30"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        try:
            wait_for_port(self.port, self.process, "gunicorn")
        except RuntimeError:
            self.kill()
            raise

    def kill(self):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self):
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


def production_env(database, work, redis_url):
    """The environment of an app server as deployed (bitnews.settings.production) on the
    database `database` (a Django DATABASES entry) and the Redis at `redis_url`, its static
    files collected into work/static (a manifest: production's storage needs one)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bitnews.settings.production",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        ),
        "REDIS_URL": redis_url,
        "SECRET_KEY": "integration-test-not-secret",
        "ALLOWED_HOSTS": HOST,
        "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
        "CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "CONN_MAX_AGE": "60",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return env


@contextlib.contextmanager
def silent_listener():
    """A loopback port that accepts connections and never answers (a Redis that hangs):
    yields the port."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(128)
    held = []

    def accept():
        while True:
            try:
                held.append(server.accept()[0])  # read nothing, answer nothing
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        server.shutdown(socket.SHUT_RDWR)
        server.close()
        thread.join(timeout=10)
        for connection in held:
            connection.close()


@contextlib.contextmanager
def nginx(work, upstreams, cert, key, host=HOST):
    """Debian's nginx with deploy/nginx/bitnews.conf in front of the servers on `upstreams`
    (ports: the app servers, or Varnish's http listener), its certificate `cert` and `key`,
    serving /media/ from work/media: yields its ports, {"https": …, "http": …} (plain HTTP
    redirects to the HTTPS port)."""
    https, http = free_port(), free_port()
    conf = NGINX_CONF.read_text()
    servers = "".join(
        f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;\n" for port in upstreams
    )
    for old, new in (
        (
            "    server 127.0.0.1:8001 max_fails=1 fail_timeout=10s;\n"
            "    server 127.0.0.1:8002 max_fails=1 fail_timeout=10s;\n",
            servers,
        ),
        ("listen 80;", f"listen 127.0.0.1:{http};"),
        ("listen 443 ssl;", f"listen 127.0.0.1:{https} ssl;"),
        ("listen [::]:80;", ""),
        ("listen [::]:443 ssl;", ""),
        ("news.example.edu.cn;", f"{host};"),
        ("https://$host$request_uri", f"https://$host:{https}$request_uri"),
        ("/etc/ssl/certs/news.example.edu.cn.pem", str(cert)),
        ("/etc/ssl/private/news.example.edu.cn.key", str(key)),
        ("/srv/bitnews/media/", f"{work / 'media'}/"),
    ):
        assert old in conf, f"deploy/nginx/bitnews.conf no longer has {old!r}"
        conf = conf.replace(old, new)
    (work / "bitnews.conf").write_text(conf)
    main = [
        "user root;" if os.geteuid() == 0 else "",
        "worker_processes 1;",
        "daemon off;",
        f"pid {work}/nginx.pid;",
        f"error_log {work}/nginx-error.log;",
        "events { worker_connections 256; }",
        f"http {{ access_log off; client_body_temp_path {work}; proxy_temp_path {work};",
        f"    include {work}/bitnews.conf; }}",
    ]
    (work / "nginx.conf").write_text("\n".join(main) + "\n")
    process = subprocess.Popen(
        ["nginx", "-p", str(work), "-c", str(work / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(https, process, "nginx")
        yield {"https": https, "http": http}
    finally:
        process.send_signal(signal.SIGQUIT)
        process.wait(timeout=30)


def certificate(work, host=HOST):
    """A self-signed certificate for `host`, made in `work`: (certificate, key) paths."""
    cert, key = work / "cert.pem", work / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", f"/CN={host}", "-keyout", key, "-out", cert],
        check=True,
        capture_output=True,
    )
    return cert, key


def varnishd_options():
    """What deploy/systemd/varnish.service.d/bitnews.conf starts varnishd with that the tests
    keep: its listeners' names and its -p parameters, (["http", "purge"], ["-p", "…", …])."""
    text = VARNISH_SERVICE.read_text().replace("\\\n", " ")
    (command,) = re.findall(r"^ExecStart=(/.+)$", text, re.MULTILINE)
    words = shlex.split(command)
    pairs = list(zip(words, words[1:], strict=False))
    names = [value.split("=", 1)[0] for option, value in pairs if option == "-a"]
    parameters = [word for option, value in pairs if option == "-p" for word in (option, value)]
    return names, parameters


@contextlib.contextmanager
def varnish(work, backend):
    """Debian's varnishd as deployed (deploy/varnish/bitnews.vcl, with the listeners and
    parameters of deploy/systemd/varnish.service.d/bitnews.conf) in front of the server on
    loopback port `backend`: yields its listeners' ports, {"http": …, "purge": …}."""
    names, parameters = varnishd_options()
    assert names == ["http", "purge"], "the VCL tells the listeners apart by these names"
    vcl = VCL.read_text().replace('.port = "8000";', f'.port = "{backend}";')
    assert f'.port = "{backend}";' in vcl, "the VCL's backend port is no longer 8000"
    (work / "bitnews.vcl").write_text(vcl)
    ports = {name: free_port() for name in names}
    command = ["varnishd", "-F", "-j", "none", "-n", str(work / "varnish")]
    for name, port in ports.items():
        command += ["-a", f"{name}=127.0.0.1:{port}"]
    command += ["-f", str(work / "bitnews.vcl"), "-s", "malloc,32m", *parameters]
    with (work / "varnishd.log").open("w") as log:
        process = subprocess.Popen(command, stdout=log, stderr=log)
    try:
        wait_for_port(ports["http"], process, "varnishd")
        # Listening is not serving yet: the purge listener's answer to a GET comes from the VCL.
        deadline = time.monotonic() + 30
        while ask(ports["purge"], "/")[0] != 405:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("varnishd did not start")
            time.sleep(0.1)
    except (RuntimeError, OSError) as error:
        process.kill()
        process.wait(timeout=30)
        raise RuntimeError((work / "varnishd.log").read_text()) from error
    try:
        yield ports
    finally:
        process.terminate()  # the manager stops its child, the cache, first
        process.wait(timeout=30)


def varnish_counter(work, name):
    """The counter `name` (varnishstat) of the varnishd that `varnish(work, …)` started."""
    listed = subprocess.run(
        ["varnishstat", "-n", str(work / "varnish"), "-1", "-f", name],
        capture_output=True,
        text=True,
        check=True,
        timeout=10,
    ).stdout
    (line,) = [line for line in listed.splitlines() if line.split()[:1] == [name]]
    return int(line.split()[1])


def wait_for_fetches(work, seconds=10):
    """Wait until the varnishd that `varnish(work, …)` started fetches nothing (a fetch holds a
    busy object from its start to its end: the background fetch a grace hit starts, too)."""
    deadline = time.monotonic() + seconds
    while varnish_counter(work, "MEMPOOL.busyobj.live"):
        if time.monotonic() > deadline:
            raise RuntimeError(f"varnishd was still fetching after {seconds} s")
        time.sleep(0.02)


def ask(port, path, method="GET", headers=None, source="127.0.0.1"):
    """One plain HTTP request to loopback `port`, sent from `source` (any 127.x.x.x):
    (status, headers, body text)."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=10, source_address=(source, 0)
    )
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


def multipart(fields, files):
    """A multipart/form-data body: (bytes, content type). `files`: {name: (file name, bytes)}."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, content) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Browser:
    """A visitor at one address (a node's or nginx's), with the cookies it was given. Over TLS
    it trusts `context` (by default, any certificate: the tests' own)."""

    def __init__(self, port, tls=False, host=HOST, context=None, timeout=30):
        self.port, self.tls, self.host, self.cookies = port, tls, host, {}
        self.context = context or ssl._create_unverified_context()  # noqa: S323 - our own
        self.timeout = timeout

    def request(self, method, path, body=None, headers=None, files=None):
        if self.tls:
            conn = http.client.HTTPSConnection(
                "127.0.0.1", self.port, timeout=self.timeout, context=self.context
            )
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        sent = {"Host": self.host, **(headers or {})}
        if not self.tls:
            sent["X-Forwarded-Proto"] = "https"  # what nginx says of a node's requests
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if files is not None:
            body, sent["Content-Type"] = multipart(body or {}, files)
        elif body is not None:
            body = urllib.parse.urlencode(body)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        if body is not None:
            sent["Referer"] = f"https://{self.host}{path}"
            sent["Origin"] = f"https://{self.host}"
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
            return response.status, dict(response.getheaders()), response.read().decode()
        finally:
            conn.close()

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def post_form(self, path, fields, files=None):
        """GET the form at `path`, then POST it with its CSRF token, `fields` and `files`."""
        _status, _headers, page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.request(
            "POST", path, body={"csrfmiddlewaretoken": token, **fields}, files=files
        )


def log_in(browser, username, password):
    status, headers, _body = browser.post_form(
        "/admin/login/", {"username": username, "password": password}
    )
    assert (status, headers.get("Location")) == (302, "/admin/"), "the login failed"


def log_in_with_code(browser, user, password):
    """Sign in as production asks a superuser to: the password, then an authenticator app's
    code (the device is given to the user here, as setting it up would). Imports Django's
    models when called: audit/ uses this module where Django is not set up."""
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    log_in(browser, user.get_username(), password)
    status, headers, _body = browser.get("/admin/")
    assert status == 302 and headers["Location"].startswith("/admin/two-factor/verify/")
    code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    status, headers, _body = browser.post_form(
        "/admin/two-factor/verify/", {"code": f"{code:0{device.digits}d}", "next": "/admin/"}
    )
    assert (status, headers.get("Location")) == (302, "/admin/"), "the code was refused"
