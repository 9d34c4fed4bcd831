#!/usr/bin/env python3
"""Flood test: one campaign link flooded while legitimate voters vote.

The claims being checked, on a real `tracktwo serve` over loopback:
  * a capped campaign link admits no more voters than its cap, however many
    fake clients join through it;
  * one client address makes no more voters through a link than its
    per-address limit;
  * an attacker's wrong passwords against an account do not keep its owner,
    signing in from another address, out;
  * legitimate voters are served meanwhile with a p99 latency of 50 ms or less.

The script makes a fresh temporary store, sets up an initiative with two sides
and a consultation with a capped campaign link ("forwarded"), a second
campaign link with a high cap ("second") and personal links for the
legitimate voters, starts the server, and then runs at once, each in its own
process so that one cannot slow another's clock:
  (a) the flood: joins through the forwarded link, all declaring one side,
      from many source addresses (Linux lets a client bind any 127.x.y.z
      address, so every fake client has its own address without a proxy);
  (b) the repeater: joins again and again through the second link from one
      address;
  (c) the attacker: wrong passwords against the victim's account from one
      address, while the victim signs in from another;
  (d) the legitimate voters: each joins through their personal link from an
      address of their own and answers statements at a person's pace; every
      request's latency is recorded.
Afterwards the team's results page is read (the burst flag) and, with the
server stopped, the store is asked how many voters it holds.

Exit status: 0 if every claim held; 1 if the cap was exceeded, a per-address
limit failed, the victim was locked out, or the legitimate voters' p99 was
above the bound; 2 if the test could not be carried out.

Standard library only. Every request goes to 127.0.0.1 from a 127.0.0.0/8
address; the run is bounded in requests and in time. See docs/benchmarks.md.
"""

import argparse
import collections
import http.client
import json
import multiprocessing
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOST = "127.0.0.1"
START_TIMEOUT = 30.0
REQUEST_TIMEOUT = 10.0
VICTIM_PASSWORD = "the victim's own long passphrase"
CONVENER_PASSWORD = "the convener's own long passphrase"

# Source addresses, one block per role, all inside 127.0.0.0/8.
ATTACKER = "127.0.66.1"
VICTIM = "127.0.67.1"
REPEATER = "127.0.77.1"
CONVENER = "127.0.88.1"


class SetupError(Exception):
    """The test could not be carried out."""


def log(msg):
    print(msg, flush=True)


def flood_address(n):
    """The nth fake client's address: 127.10.0.1 onwards."""
    n += 1
    return f"127.{10 + (n >> 16)}.{(n >> 8) & 0xFF}.{n & 0xFF}"


def voter_address(n):
    return f"127.0.2.{1 + n}"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def request(port, source, method, path, body=None, headers=None, timeout=REQUEST_TIMEOUT):
    """One request on a fresh connection from `source`; returns (status, headers, body, seconds)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout, source_address=(source, 0))
    started = time.perf_counter()
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        elapsed = time.perf_counter() - started
        headers = {}
        for name, value in response.getheaders():  # several Set-Cookie lines stay apart
            headers[name.lower()] = f"{headers[name.lower()]}\n{value}" if name.lower() in headers else value
        return response.status, headers, data, elapsed
    finally:
        conn.close()


def json_post(port, source, path, payload, bearer=None):
    headers = {"Content-Type": "application/json"}
    if bearer:
        headers["Authorization"] = f"Bearer {bearer}"
    return request(port, source, "POST", path, json.dumps(payload).encode(), headers)


# The roles. Each runs in its own process and puts one result dictionary on a queue.

def run_flood(port, link, side, per_address, joins, seconds, workers, start_at, out):
    """(a) `joins` joins spread evenly over `seconds`, from many addresses: each address tries
    one join more than its limit, so the per-address limit is tested inside the flood too."""
    counts = collections.Counter()
    admitted_by_address = collections.Counter()
    lock = threading.Lock()
    path = f"/api/v1/invitations/{link}/voters"

    def worker(w):
        for n in range(w, joins, workers):
            due = start_at + seconds * n / joins
            delay = due - time.time()
            if delay > 0:
                time.sleep(delay)
            source = flood_address(n // (per_address + 1))
            try:
                status, headers, _, _ = json_post(port, source, path, {"side": side})
            except (OSError, http.client.HTTPException):
                status, headers = "error", {}
            with lock:
                counts[classify(status, headers)] += 1
                if status == 201:
                    admitted_by_address[source] += 1

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.put(("flood", {"counts": dict(counts), "most_from_one_address": max(admitted_by_address.values(), default=0)}))


def classify(status, headers):
    if status == 201:
        return "admitted"
    if status == 403:
        return "refused: link full (403)"
    if status == 429:
        # The per-address limit gives no time to come back; the link's pace does.
        return "refused: link's pace (429)" if "retry-after" in headers else "refused: per-address limit (429)"
    return f"other ({status})"


def run_repeater(port, link, joins, seconds, start_at, out):
    """(b) `joins` joins through one link from one address."""
    counts = collections.Counter()
    path = f"/api/v1/invitations/{link}/voters"
    for n in range(joins):
        due = start_at + seconds * n / joins
        delay = due - time.time()
        if delay > 0:
            time.sleep(delay)
        try:
            status, headers, _, _ = json_post(port, REPEATER, path, {})
        except (OSError, http.client.HTTPException):
            status, headers = "error", {}
        counts[classify(status, headers)] += 1
    out.put(("repeater", {"counts": dict(counts)}))


def sign_in(port, source, username, password, presession=None):
    """Signs in through the pages; returns (status, presession cookie)."""
    if presession is None:
        status, headers, body, _ = request(port, source, "GET", "/sign-in")
        if status != 200:
            return status, None, None
        cookie = headers.get("set-cookie", "")
        match = re.search(r"tracktwo_presession=([^;]+)", cookie)
        csrf = re.search(rb'name="csrf" value="([^"]+)"', body)
        if not match or not csrf:
            return "no form", None, None
        presession = (match.group(1), csrf.group(1).decode())
    value, csrf = presession
    form = urllib.parse.urlencode({"csrf": csrf, "username": username, "password": password, "code": ""})
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"tracktwo_presession={value}"}
    status, response_headers, _, _ = request(port, source, "POST", "/sign-in", form.encode(), headers)
    session = re.search(r"tracktwo_session=([^;]+)", response_headers.get("set-cookie", ""))
    return status, presession, (session.group(1) if session else None)


def run_attacker(port, attempts, seconds, start_at, out):
    """(c) wrong passwords against the victim's account from one address."""
    counts = collections.Counter()
    presession = None
    for n in range(attempts):
        due = start_at + seconds * n / attempts
        delay = due - time.time()
        if delay > 0:
            time.sleep(delay)
        try:
            result = sign_in(port, ATTACKER, "victim", f"wrong guess {n}", presession)
            status, presession = result[0], result[1]
        except (OSError, http.client.HTTPException):
            status = "error"
        counts[{303: "signed in (!)", 401: "refused (401)", 429: "throttled (429)"}.get(status, f"other ({status})")] += 1
    out.put(("attacker", {"counts": dict(counts)}))


def run_victim(port, attempts, seconds, start_at, out):
    """(c) the victim signs in with the right password from their own address, now and then."""
    outcomes = []
    for n in range(attempts):
        due = start_at + seconds * (n + 0.5) / attempts
        delay = due - time.time()
        if delay > 0:
            time.sleep(delay)
        try:
            status = sign_in(port, VICTIM, "victim", VICTIM_PASSWORD)[0]
        except (OSError, http.client.HTTPException):
            status = "error"
        outcomes.append(status)
    out.put(("victim", {"outcomes": outcomes}))


def run_voters(port, links, statements, pace, seconds, start_at, out):
    """(d) each legitimate voter joins through their link and answers at a person's pace."""
    latencies = []
    failures = collections.Counter()
    lock = threading.Lock()

    def voter(n, link):
        source = voter_address(n)
        # Voters arrive spread over the first part of the run.
        time.sleep(max(0.0, start_at + (n * 0.1) - time.time()))
        deadline = start_at + seconds

        def timed(method, path, payload=None, bearer=None):
            headers = {"Content-Type": "application/json"} if payload is not None else {}
            if bearer:
                headers["Authorization"] = f"Bearer {bearer}"
            body = json.dumps(payload).encode() if payload is not None else None
            try:
                status, _, data, elapsed = request(port, source, method, path, body, headers)
            except (OSError, http.client.HTTPException) as e:
                with lock:
                    failures[f"{method} {path.split('/')[3]}: {type(e).__name__}"] += 1
                return None, None
            with lock:
                latencies.append(elapsed)
                if status >= 400:
                    failures[f"{method} {path.split('/')[3]}: {status}"] += 1
            return status, data

        status, data = timed("POST", f"/api/v1/invitations/{link}/voters", {})
        if status != 201:
            return
        token = json.loads(data)["voter_token"]
        status, data = timed("GET", "/api/v1/ballot", bearer=token)
        statement = (json.loads(data).get("statement") or {}).get("id") if status == 200 else None
        n_vote = 0
        while statement is not None and time.time() < deadline:
            time.sleep(pace)
            vote = ("agree", "disagree", "pass")[(n + n_vote) % 3]
            status, data = timed("POST", "/api/v1/ballot/votes", {"statement": statement, "vote": vote}, token)
            n_vote += 1
            if status != 201:
                break
            statement = (json.loads(data).get("next") or {}).get("id")

    threads = [threading.Thread(target=voter, args=(n, link)) for n, link in enumerate(links)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.put(("voters", {"latencies": latencies, "failures": dict(failures)}))


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))  # nearest rank
    return ordered[int(rank) - 1]


# Setting up and running the server, as scripts/kill9.py does.

class Tracktwo:
    def __init__(self, binary, workdir, key_file, data_dir):
        self.binary = binary
        self.workdir = workdir
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKTWO_")}
        self.env["TRACKTWO_KEY_FILE"] = key_file
        self.store_args = ["--data-dir", data_dir]

    def check(self, *args):
        try:
            r = subprocess.run([self.binary, *self.store_args, *args], cwd=self.workdir, env=self.env,
                               stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired as e:
            raise SetupError(f"`tracktwo {' '.join(args)}` did not finish in 120 s") from e
        if r.returncode != 0:
            raise SetupError(f"`tracktwo {' '.join(args)}` failed with status {r.returncode}:\n{r.stdout}{r.stderr}")
        return r.stdout.strip()

    def serve(self, port, log_path):
        with open(log_path, "ab") as logf:
            return subprocess.Popen([self.binary, *self.store_args, "serve", "--listen", f"{HOST}:{port}"],
                                    cwd=self.workdir, env=self.env, stdin=subprocess.DEVNULL,
                                    stdout=logf, stderr=subprocess.STDOUT)


def wait_healthy(proc, port):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SetupError(f"the server exited with status {proc.returncode} while starting")
        try:
            status, _, body, _ = request(port, HOST, "GET", "/healthz", timeout=1.0)
            if status == 200 and body.strip() == b"ok":
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise SetupError(f"the server did not become healthy within {START_TIMEOUT:.0f} s")


def stop(proc):
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=15)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--binary", default=os.path.join(REPO_ROOT, "target", "release", "tracktwo"),
                   help="the tracktwo binary (default: target/release/tracktwo in the repository)")
    p.add_argument("--cap", type=int, default=200, help="the flooded link's voter cap (default 200)")
    p.add_argument("--per-address", type=int, default=3, help="both links' per-address limit (default 3)")
    p.add_argument("--flood-joins", type=int, default=4000, help="joins the flood sends (default 4000)")
    p.add_argument("--flood-workers", type=int, default=16, help="concurrent flood connections (default 16)")
    p.add_argument("--repeats", type=int, default=300, help="joins from the one repeating address (default 300)")
    p.add_argument("--attempts", type=int, default=200, help="the attacker's wrong passwords (default 200)")
    p.add_argument("--victim-attempts", type=int, default=5, help="the victim's sign-ins (default 5)")
    p.add_argument("--voters", type=int, default=40, help="legitimate voters (default 40)")
    p.add_argument("--statements", type=int, default=40, help="statements to answer (default 40)")
    p.add_argument("--pace", type=float, default=0.4, help="seconds between a voter's answers (default 0.4)")
    p.add_argument("--seconds", type=float, default=20.0, help="how long the flood lasts (default 20)")
    p.add_argument("--p99-ms", type=float, default=50.0, help="the legitimate voters' p99 bound (default 50)")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder for inspection")
    a = p.parse_args()
    bounds = [(1 <= a.cap <= 100_000, "--cap 1..100000"), (1 <= a.per_address <= a.cap, "--per-address 1..cap"),
              (1 <= a.flood_joins <= 200_000, "--flood-joins 1..200000"),
              (1 <= a.flood_workers <= 64, "--flood-workers 1..64"), (0 <= a.repeats <= 10_000, "--repeats 0..10000"),
              (0 <= a.attempts <= 10_000, "--attempts 0..10000"), (1 <= a.victim_attempts <= 100, "--victim-attempts 1..100"),
              (1 <= a.voters <= 250, "--voters 1..250"), (1 <= a.statements <= 500, "--statements 1..500"),
              (0.2 <= a.pace <= 10, "--pace 0.2..10 (a person, not a script)"), (1 <= a.seconds <= 120, "--seconds 1..120")]
    for ok, what in bounds:
        if not ok:
            p.error(f"out of bounds: {what}")
    return a


def main():
    args = parse_args()
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        log(f"error: {binary} is not an executable (build it with `cargo build --release`, or pass --binary)")
        return 2
    try:
        with socket.socket() as s:
            s.bind((flood_address(0), 0))
    except OSError as e:
        log(f"error: cannot bind a 127.x.y.z source address ({e}); this needs Linux loopback")
        return 2

    def on_signal(signum, _frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    tmp = tempfile.mkdtemp(prefix="tracktwo-flood-")
    proc = None
    try:
        key_file = os.path.join(tmp, "key")
        with open(key_file, "wb") as f:
            f.write(os.urandom(32))
        os.chmod(key_file, 0o600)
        secrets = {}
        for name, password in (("convener", CONVENER_PASSWORD), ("victim", VICTIM_PASSWORD)):
            secrets[name] = os.path.join(tmp, f"{name}.password")
            with open(secrets[name], "w") as f:
                f.write(password + "\n")
        statements_file = os.path.join(tmp, "statements.txt")
        with open(statements_file, "w") as f:
            f.writelines(f"Statement {n} about the river\n" for n in range(args.statements))
        tt = Tracktwo(binary, tmp, key_file, os.path.join(tmp, "data"))
        tt.check("init", "--admin", "convener", "--admin-password-file", secrets["convener"])
        tt.check("user", "add", "victim", "--password-file", secrets["victim"])
        initiative = tt.check("initiative", "create", "--title", "Flood test", "--convener", "convener").splitlines()[-1]
        side = tt.check("initiative", "add-side", initiative, "--name", "Upper Vale").splitlines()[-1]
        tt.check("initiative", "add-side", initiative, "--name", "Lowland Coast")
        conversation = tt.check("conversation", "create", initiative, "--title", "The river",
                                "--statements", statements_file).splitlines()[-1]

        def links(*extra):
            out = tt.check("conversation", "invite", initiative, conversation, *extra)
            return [line.rsplit("/", 1)[-1] for line in out.splitlines() if line.startswith("/join/")]
        forwarded = links("--campaign", "--label", "Forwarded", "--voter-cap", str(args.cap),
                          "--per-address", str(args.per_address))[0]
        second = links("--campaign", "--label", "Second", "--voter-cap", "100000",
                       "--per-address", str(args.per_address))[0]
        personal = links("--count", str(args.voters), "--label", "Delegate")
        if len(personal) != args.voters:
            raise SetupError(f"asked for {args.voters} personal links, got {len(personal)}")

        port = free_port()
        proc = tt.serve(port, os.path.join(tmp, "server.log"))
        wait_healthy(proc, port)
        log(f"flood: cap={args.cap} per-address={args.per_address} flood={args.flood_joins} joins over "
            f"{args.seconds:.0f}s ({args.flood_workers} connections) repeats={args.repeats} "
            f"attempts={args.attempts} voters={args.voters} statements={args.statements} binary={binary}")

        context = multiprocessing.get_context("fork")
        out = context.Queue()
        start_at = time.time() + 1.0
        roles = [
            (run_flood, (port, forwarded, side, args.per_address, args.flood_joins, args.seconds, args.flood_workers, start_at, out)),
            (run_repeater, (port, second, args.repeats, args.seconds, start_at, out)),
            (run_attacker, (port, args.attempts, args.seconds, start_at, out)),
            (run_victim, (port, args.victim_attempts, args.seconds, start_at, out)),
            (run_voters, (port, personal, args.statements, args.pace, args.seconds, start_at, out)),
        ]
        processes = [context.Process(target=f, args=a, daemon=True) for f, a in roles]
        for p in processes:
            p.start()
        results = {}
        deadline = start_at + args.seconds + 60
        while len(results) < len(processes):
            remaining = deadline - time.time()
            if remaining <= 0:
                raise SetupError(f"the roles did not finish in time (finished: {sorted(results)})")
            try:
                name, result = out.get(timeout=remaining)
            except Exception as e:  # queue.Empty
                raise SetupError(f"the roles did not finish in time (finished: {sorted(results)})") from e
            results[name] = result
        for p in processes:
            p.join(timeout=5)

        # The team's results page: the link's voters and the burst flag.
        status, presession, session = sign_in(port, CONVENER, "convener", CONVENER_PASSWORD)
        flagged = None
        if session:
            status, _, page, _ = request(port, CONVENER, "GET",
                                         f"/initiatives/{initiative}/conversations/{conversation}",
                                         headers={"Cookie": f"tracktwo_session={session}"})
            flagged = status == 200 and b"burst:" in page
        stop(proc)
        proc = None
        listed = tt.check("conversation", "list", initiative)
        stored = int(re.search(r"(\d+) voters", listed).group(1))

        flood, repeater = results["flood"], results["repeater"]
        admitted = flood["counts"].get("admitted", 0)
        repeated = repeater["counts"].get("admitted", 0)
        voters = results["voters"]
        latencies = [s * 1000 for s in voters["latencies"]]
        p50, p95, p99 = (percentile(latencies, p) for p in (50, 95, 99))
        victim = results["victim"]["outcomes"]
        victim_ok = sum(1 for s in victim if s == 303)

        log(f"(a) flood through the capped link: {admitted} admitted, cap {args.cap}")
        for outcome, count in sorted(flood["counts"].items()):
            log(f"      {outcome}: {count}")
        log(f"      most voters admitted from one address: {flood['most_from_one_address']} "
            f"(limit {args.per_address})")
        log(f"(b) {args.repeats} joins from one address: {repeated} admitted, limit {args.per_address}")
        for outcome, count in sorted(repeater["counts"].items()):
            log(f"      {outcome}: {count}")
        log(f"(c) attacker's wrong passwords: " + ", ".join(f"{k} {v}" for k, v in sorted(results['attacker']['counts'].items())))
        log(f"    victim's sign-ins from another address: {victim_ok} of {len(victim)} succeeded {victim}")
        log(f"(d) legitimate voters: {len(latencies)} requests, p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
            f"p99 {p99:.1f} ms (bound {args.p99_ms:.0f} ms)"
            + (f"; failures {voters['failures']}" if voters["failures"] else ""))
        log(f"results page flags the burst: {'yes' if flagged else 'no' if flagged is not None else 'not read'}; "
            f"voters in the store: {stored}")

        failures = []
        if admitted > args.cap:
            failures.append(f"the cap failed: {admitted} admitted through a link capped at {args.cap}")
        if flood["most_from_one_address"] > args.per_address or repeated > args.per_address:
            failures.append("a per-address limit failed")
        if stored > args.cap + args.per_address + args.voters:
            failures.append(f"the store holds {stored} voters, more than the limits allow")
        if victim_ok < len(victim):
            failures.append("the victim was locked out by someone else's wrong passwords")
        if not latencies or p99 > args.p99_ms:
            failures.append(f"legitimate voters' p99 {p99:.1f} ms is above {args.p99_ms:.0f} ms")
        if voters["failures"]:
            failures.append(f"legitimate voters' requests failed: {voters['failures']}")
        for f in failures:
            log(f"FAIL: {f}")
        if admitted == 0 or not latencies:
            log("error: nothing was admitted or measured, so nothing was tested")
            return 2
        return 1 if failures else 0
    except SetupError as e:
        log(f"error: {e}")
        return 2
    finally:
        stop(proc)
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
