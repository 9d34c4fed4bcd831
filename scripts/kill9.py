#!/usr/bin/env python3
"""Durability test: SIGKILL the tracktwo server under concurrent write load.

The requirement being checked: a write is acknowledged (HTTP 201) only after it
is durable. The script starts `tracktwo serve`, lets several writer threads
create notes as fast as they can, kills the server with SIGKILL at a random
moment, restarts it and checks that every acknowledged note is still there with
its exact body. This is repeated --kills times; at the end the audit chain is
verified with `tracktwo audit verify`.

Exit status: 0 if every acknowledged write survived every kill and the audit
chain is intact; 1 if a write was lost, a note came back altered or unexpected,
or the audit chain is broken; 2 if the test could not be carried out (the
server would not start, setup failed, no write was ever acknowledged, ...).

Standard library only. All traffic goes to 127.0.0.1. See docs/reliability.md.
"""

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOST = "127.0.0.1"
START_TIMEOUT = 30.0  # seconds to wait for /healthz after starting the server
LIST_TIMEOUT = 60.0  # the list endpoint returns every note, so it may take longer

# Never go through a proxy, whatever the environment says: traffic stays on 127.0.0.1.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class SetupError(Exception):
    """The test could not be carried out (not a durability failure)."""


def log(msg):
    print(msg, flush=True)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Tracktwo:
    """Runs the tracktwo binary against one store (SQLite folder or PostgreSQL database)."""

    def __init__(self, binary, workdir, key_file, store_args):
        self.binary = binary
        self.workdir = workdir
        self.store_args = store_args
        # Start from the caller's environment without any TRACKTWO_* setting that
        # could point the binary at another store or configuration.
        env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKTWO_")}
        env["TRACKTWO_KEY_FILE"] = key_file
        self.env = env

    def argv(self, *args):
        return [self.binary, *self.store_args, *args]

    def run(self, *args, timeout=120):
        try:
            return subprocess.run(
                self.argv(*args), cwd=self.workdir, env=self.env, stdin=subprocess.DEVNULL,
                capture_output=True, text=True, timeout=timeout,
            )
        except subprocess.TimeoutExpired as e:
            raise SetupError(f"`tracktwo {' '.join(args)}` did not finish in {timeout} s") from e

    def check(self, *args):
        r = self.run(*args)
        if r.returncode != 0:
            raise SetupError(
                f"`tracktwo {' '.join(args)}` failed with status {r.returncode}:\n{r.stdout}{r.stderr}")
        return r.stdout.strip()

    def start_server(self, port, log_path):
        logf = open(log_path, "ab")
        try:
            # A list argv and no shell: proc.pid is the server process itself.
            proc = subprocess.Popen(
                self.argv("serve", "--listen", f"{HOST}:{port}"), cwd=self.workdir, env=self.env,
                stdin=subprocess.DEVNULL, stdout=logf, stderr=subprocess.STDOUT,
            )
        finally:
            logf.close()
        return proc


def tail(path, lines=20):
    try:
        with open(path, "rb") as f:
            data = f.read().decode("utf-8", "replace").splitlines()
        return "\n".join(data[-lines:])
    except OSError:
        return ""


def wait_healthy(proc, base, log_path):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SetupError(
                f"the server exited with status {proc.returncode} while starting:\n{tail(log_path)}")
        try:
            with OPENER.open(base + "/healthz", timeout=1.0) as r:
                if r.status == 200 and r.read().strip() == b"ok":
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.05)
    raise SetupError(f"the server did not become healthy within {START_TIMEOUT:.0f} s:\n{tail(log_path)}")


def stop(proc, sig=signal.SIGKILL):
    """Sends sig to the server process (if it still runs) and reaps it."""
    if proc is None or proc.poll() is not None:
        return
    try:
        os.kill(proc.pid, sig)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=15)


class Writer(threading.Thread):
    """POSTs notes with unique bodies until told to stop or the server goes away."""

    def __init__(self, kill_no, writer_no, url, token, stop_event, timeout):
        super().__init__(daemon=True)
        self.prefix = f"kill{kill_no}-w{writer_no}-"
        self.url = url
        self.headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        self.stop_event = stop_event
        self.timeout = timeout
        self.acked = []  # (body, id or None): the server answered 201
        self.inflight = []  # bodies sent without a 201 (connection error / timeout): may or may not exist
        self.rejected = []  # (body, status): a definite non-201 answer; must not exist
        self.anomalies = []  # 201 answers whose content did not match what was sent

    def run(self):
        n = 0
        while not self.stop_event.is_set():
            n += 1
            body = f"{self.prefix}{n}"
            data = json.dumps({"body": body}).encode()
            req = urllib.request.Request(self.url, data=data, headers=self.headers, method="POST")
            try:
                resp = OPENER.open(req, timeout=self.timeout)
            except urllib.error.HTTPError as e:
                # A complete HTTP answer other than 201 (server alive and said no).
                self.rejected.append((body, e.code))
                e.close()
                continue
            except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError):
                # No answer: the server was killed mid-request (or refused the
                # connection). Unacknowledged; it may or may not have been stored.
                self.inflight.append(body)
                return
            with resp:
                status = resp.status
                try:
                    payload = resp.read()
                except (http.client.HTTPException, OSError, ValueError):
                    payload = None
            if status != 201:
                self.rejected.append((body, status))
                continue
            # Status 201 was received: the write counts as acknowledged even if the
            # rest of the answer was cut off by the kill.
            note_id = None
            if payload is not None:
                try:
                    obj = json.loads(payload)
                    note_id = obj.get("id")
                    if obj.get("body") != body or not note_id:
                        self.anomalies.append(f"201 for {body!r} answered {obj!r}")
                except (ValueError, AttributeError):
                    self.anomalies.append(f"201 for {body!r} with unparsable answer {payload[:200]!r}")
            self.acked.append((body, note_id))


def list_notes(base, initiative, token):
    req = urllib.request.Request(
        f"{base}/api/v1/initiatives/{initiative}/notes",
        headers={"Authorization": f"Bearer {token}"}, method="GET")
    try:
        with OPENER.open(req, timeout=LIST_TIMEOUT) as r:
            if r.status != 200:
                raise SetupError(f"listing notes answered {r.status}")
            notes = json.loads(r.read())
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as e:
        raise SetupError(f"listing notes failed: {e}") from e
    if not isinstance(notes, list):
        raise SetupError(f"listing notes did not return a list: {str(notes)[:200]}")
    return notes


class Ledger:
    """Everything the writers were told, across all kills."""

    def __init__(self):
        self.acked = {}  # body -> id (or None if the 201 answer was cut off)
        self.inflight = set()  # bodies sent without acknowledgement
        self.rejected = set()  # bodies the server definitely refused
        self.anomalies = []

    def verify(self, notes):
        """Checks the listed notes against the ledger; returns (lost, altered, unexpected, survived)."""
        by_body = {}
        ids = {}
        for note in notes:
            body, note_id = note.get("body"), note.get("id")
            by_body.setdefault(body, []).append(note_id)
            ids[note_id] = body
        lost = {}  # body -> message
        for body, note_id in self.acked.items():
            if body not in by_body:
                lost[body] = f"acknowledged note {note_id} {body!r} is missing"
            elif note_id is not None and note_id not in by_body[body]:
                lost[body] = (f"acknowledged note {note_id} {body!r} is missing "
                              f"(that body exists under id {by_body[body]})")
        altered = [f"note {i} has body {b!r}, expected {self.acked.get(b)!r}"
                   for i, b in ids.items()
                   if b in self.acked and self.acked[b] is not None and self.acked[b] != i]
        unexpected = []
        for body, id_list in by_body.items():
            if len(id_list) > 1:
                unexpected.append(f"body {body!r} stored {len(id_list)} times: {id_list}")
            if body not in self.acked and body not in self.inflight:
                why = "a refused write" if body in self.rejected else "never sent"
                unexpected.append(f"note {id_list} with body {body!r} ({why})")
        survived = sum(1 for b in self.inflight if b in by_body)
        return lost, altered, unexpected, survived


def create_database(admin_url, name):
    r = subprocess.run(["psql", admin_url, "-v", "ON_ERROR_STOP=1", "-qc", f'CREATE DATABASE "{name}"'],
                       stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise SetupError(f"could not create database {name}: {r.stderr.strip()}")


def drop_database(admin_url, name):
    for sql in (f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'DROP DATABASE IF EXISTS "{name}"'):
        try:
            r = subprocess.run(["psql", admin_url, "-v", "ON_ERROR_STOP=1", "-qc", sql],
                               stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as e:
            log(f"warning: could not drop database {name}: {e}")
            return
        if r.returncode == 0:
            return
    log(f"warning: could not drop database {name}: {r.stderr.strip()}")


def with_database(url, name):
    parts = urllib.parse.urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SetupError(f"--postgres-url must point at 127.0.0.1, not {parts.hostname}")
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--binary", default=os.path.join(REPO_ROOT, "target", "debug", "tracktwo"),
                   help="the tracktwo binary (default: target/debug/tracktwo in the repository)")
    p.add_argument("--kills", type=int, default=50, help="number of SIGKILLs (default 50)")
    p.add_argument("--writers", type=int, default=8, help="concurrent writer threads (default 8)")
    p.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    p.add_argument("--postgres-url", default="postgres://root@127.0.0.1:5432/test",
                   help="an existing PostgreSQL database used to create and drop a fresh database for the run")
    p.add_argument("--min-run", type=float, default=0.3, help="least seconds of load before a kill")
    p.add_argument("--max-run", type=float, default=1.5, help="most seconds of load before a kill")
    p.add_argument("--port", type=int, default=0, help="port to serve on (default: a free port per start)")
    p.add_argument("--timeout", type=float, default=10.0, help="per-request timeout in seconds (default 10)")
    p.add_argument("--seed", type=int, default=None, help="seed for the random kill delays")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder (and database) for inspection")
    a = p.parse_args()
    if a.kills < 1 or a.writers < 1 or a.min_run < 0 or a.max_run < a.min_run or a.timeout <= 0:
        p.error("need --kills >= 1, --writers >= 1 and 0 <= --min-run <= --max-run, --timeout > 0")
    return a


def main():
    args = parse_args()
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        log(f"error: {binary} is not an executable (build it, or pass --binary)")
        return 2
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    rng = random.Random(seed)

    # Make SIGTERM/SIGHUP unwind through the finally blocks so the cleanup runs.
    def on_signal(signum, _frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    tmp = tempfile.mkdtemp(prefix="tracktwo-kill9-")
    db_name = None
    proc = None
    started = time.monotonic()
    try:
        key_file = os.path.join(tmp, "key")
        with open(key_file, "wb") as f:
            f.write(os.urandom(32))
        os.chmod(key_file, 0o600)
        if args.backend == "postgres":
            db_name = f"tracktwo_kill9_{os.getpid()}_{int(time.time())}"
            db_url = with_database(args.postgres_url, db_name)
            create_database(args.postgres_url, db_name)
            store_args = ["--database-url", db_url]
            where = f"database {db_name}"
        else:
            data_dir = os.path.join(tmp, "data")
            store_args = ["--data-dir", data_dir]
            where = data_dir
        tt = Tracktwo(binary, tmp, key_file, store_args)
        tt.check("init", "--admin", "alice")
        token = tt.check("token", "create", "--user", "alice").splitlines()[-1].strip()
        if not token.startswith("tt2_"):
            raise SetupError(f"unexpected token output: {token[:20]!r}")
        initiative = tt.check("initiative", "create", "--title", "Kill test", "--convener", "alice").splitlines()[-1].strip()
        log(f"kill9: backend={args.backend} store={where} kills={args.kills} writers={args.writers} "
            f"run={args.min_run}-{args.max_run}s seed={seed} binary={binary}")

        ledger = Ledger()
        server_log = os.path.join(tmp, "server.log")
        failures = {}  # message -> None: an ordered set, so a problem seen in several rounds counts once
        lost_bodies = set()
        total_survived = 0

        def start():
            port = args.port or free_port()
            p = tt.start_server(port, server_log)
            base = f"http://{HOST}:{port}"
            try:
                wait_healthy(p, base, server_log)
            except BaseException:
                stop(p)
                raise
            return p, base

        def check_round(base, label):
            notes = list_notes(base, initiative, token)
            lost, altered, unexpected, survived = ledger.verify(notes)
            lost_bodies.update(lost)
            problems = [m for m in [*lost.values(), *altered, *unexpected] if m not in failures]
            for msg in problems[:20]:
                log(f"  FAIL {label}: {msg}")
            if len(problems) > 20:
                log(f"  FAIL {label}: ... and {len(problems) - 20} more")
            failures.update(dict.fromkeys(problems))
            return len(notes), len(lost), survived

        for k in range(1, args.kills + 1):
            proc, base = start()  # also the restart after the previous kill (recovery runs here)
            if k > 1:
                stored, lost, survived = check_round(base, f"after kill {k - 1}")
                total_survived = survived
                log(f"  after kill {k - 1}: {stored} notes stored, {len(ledger.acked)} acknowledged so far, "
                    f"lost={lost}, unacknowledged-but-stored so far={survived}")
            stop_event = threading.Event()
            url = f"{base}/api/v1/initiatives/{initiative}/notes"
            writers = [Writer(k, w, url, token, stop_event, args.timeout) for w in range(1, args.writers + 1)]
            for w in writers:
                w.start()
            delay = rng.uniform(args.min_run, args.max_run)
            time.sleep(delay)
            os.kill(proc.pid, signal.SIGKILL)  # the server process itself, no shell in between
            proc.wait(timeout=15)
            proc = None
            stop_event.set()
            for w in writers:
                w.join(timeout=args.timeout + 5)
                if w.is_alive():
                    raise SetupError(f"writer {w.prefix} did not stop after the kill")
            acked = inflight = rejected = 0
            for w in writers:
                for body, note_id in w.acked:
                    ledger.acked[body] = note_id
                ledger.inflight.update(w.inflight)
                ledger.rejected.update(b for b, _ in w.rejected)
                ledger.anomalies.extend(w.anomalies)
                failures.update(dict.fromkeys(w.anomalies))
                acked += len(w.acked)
                inflight += len(w.inflight)
                rejected += len(w.rejected)
            for msg in (m for w in writers for m in w.anomalies):
                log(f"  FAIL kill {k}: {msg}")
            log(f"kill {k}/{args.kills}: SIGKILL after {delay:.2f}s; acknowledged={acked} in-flight={inflight}"
                + (f" refused={rejected}" if rejected else ""))

        # Restart after the last kill, check once more, then stop cleanly and verify the audit chain.
        proc, base = start()
        stored, lost, survived = check_round(base, f"after kill {args.kills}")
        total_survived = survived
        log(f"  after kill {args.kills}: {stored} notes stored, {len(ledger.acked)} acknowledged, "
            f"lost={lost}, unacknowledged-but-stored={survived}")
        stop(proc, signal.SIGTERM)
        proc = None

        r = tt.run("audit", "verify")
        audit_ok = r.returncode == 0 and "Audit log intact" in r.stdout
        summary = (r.stdout.strip() or r.stderr.strip()).splitlines()
        log(f"audit verify (exit {r.returncode}): {summary[-1] if summary else ''}")
        if not audit_ok:
            log((r.stdout + r.stderr).strip())

        lost_total = len(lost_bodies)
        wall = time.monotonic() - started
        log(f"kills={args.kills} acknowledged={len(ledger.acked)} lost={lost_total} "
            f"inflight={len(ledger.inflight)} inflight_survived={total_survived} "
            f"problems={len(failures)} audit={'intact' if audit_ok else 'BROKEN'} "
            f"backend={args.backend} writers={args.writers} wall={wall:.0f}s")
        if failures or not audit_ok:
            return 1
        if not ledger.acked:
            log("error: no write was acknowledged, so nothing was tested")
            return 2
        return 0
    except SetupError as e:
        log(f"error: {e}")
        return 2
    finally:
        if proc is not None:
            stop(proc)
        if args.keep:
            log(f"kept {tmp}" + (f" and database {db_name}" if db_name else ""))
        else:
            if db_name is not None:
                drop_database(args.postgres_url, db_name)
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
