#!/usr/bin/env python3
"""Dashboard latency while serve refreshes the marts.

Starts `serve` on a copy of a warehouse, waits until it is fresh, then polls /health and /api/cuti (every POLL
seconds, default 0.5, from two threads) while a file dropped into the inbox is loaded and the marts are rebuilt.
Prints p50 / p95 / max latency of the requests sent during the refresh, and when the refresh finished.

  python3 bench/dashboard/during-refresh.py host/bin/Release/net10.0/kepegawaian.dll WAREHOUSE.duckdb FILE.csv [TAG]
"""
import json, os, shutil, subprocess, sys, threading, time, urllib.request

dll, warehouse, increment = sys.argv[1], sys.argv[2], sys.argv[3]
tag = sys.argv[4] if len(sys.argv) > 4 else 'run'
base, poll = 'http://127.0.0.1:5997', float(os.environ.get('POLL', '0.5'))
work = f'/tmp/during-refresh-{tag}'
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work + '/inbox')
shutil.copy(warehouse, work + '/wh.duckdb')


def get(path):
    t = time.time()
    try:
        with urllib.request.urlopen(base + path, timeout=60) as r:
            body = r.read()
    except Exception:
        body = None
    return body, time.time() - t


def health():
    body, _ = get('/health')
    try:
        return json.loads(body) if body else None
    except ValueError:
        return None


env = dict(os.environ, Warehouse__Path=work + '/wh.duckdb', Etl__Inbox=work + '/inbox', Etl__Watch='true',
           Dashboard__Token='rahasia-uji-123456')
serve = subprocess.Popen(['dotnet', dll, 'serve', '--urls', base], stdout=open(work + '/serve.log', 'w'),
                         stderr=subprocess.STDOUT, env=env, cwd=work)
try:
    while not ((h := health()) and not h.get('refreshing') and not h.get('marts_stale')):
        time.sleep(1)
    time.sleep(5)
    samples, stop = [], threading.Event()

    def poller(path):
        while not stop.is_set():
            t0 = time.time()
            body, seconds = get(path)
            samples.append((t0, path, seconds, body is not None))
            time.sleep(poll)

    threads = [threading.Thread(target=poller, args=(p,)) for p in ('/health', '/api/cuti')]
    for t in threads:
        t.start()
    time.sleep(3)
    name = os.path.basename(increment)
    shutil.copy(increment, work + '/inbox/.part')
    landed = time.time()
    os.rename(work + '/inbox/.part', work + '/inbox/' + name)
    seen = False
    while time.time() - landed < 900:
        h = health()
        seen = seen or bool(h and h.get('refreshing'))
        if seen and h and not h.get('refreshing') and not h.get('marts_stale'):
            break
        time.sleep(0.5)
    done = time.time() - landed
    time.sleep(3)
    stop.set()
    for t in threads:
        t.join()
    for path in ('/health', '/api/cuti'):
        xs = sorted(s for t0, p, s, ok in samples if p == path and landed <= t0 <= landed + done)
        failed = sum(1 for t0, p, s, ok in samples if p == path and landed <= t0 <= landed + done and not ok)
        if xs:
            print(f'{tag} {path}: n={len(xs)} p50={xs[len(xs) // 2] * 1000:.0f} ms '
                  f'p95={xs[int(len(xs) * .95)] * 1000:.0f} ms max={xs[-1] * 1000:.0f} ms failed={failed}')
    print(f'{tag}: {name} landed → marts fresh in {done:.1f} s')
    for line in open(work + '/serve.log'):
        if 'marts refreshed' in line:
            print(f'{tag}: ' + line.split('] ', 1)[-1].strip())
finally:
    serve.terminate()
    serve.wait()
