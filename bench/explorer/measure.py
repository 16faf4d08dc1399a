"""Drives headless Chromium over chromedriver's W3C HTTP API (no Selenium needed) and reads the Explorer's own
Performance API marks: first view (navigation start to the first picture drawn), expand (click to drawn) and path
(submit to drawn). Prints a Markdown table of p50 / p95 / max over the counted rounds."""
import json, socket, subprocess, sys, time, urllib.request

base, rounds = sys.argv[1].rstrip('/'), int(sys.argv[2])
WARMUP = 3


def free_port():
    s = socket.socket(); s.bind(('127.0.0.1', 0)); p = s.getsockname()[1]; s.close(); return p


port = free_port()
driver = subprocess.Popen(['/usr/bin/chromedriver', f'--port={port}'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wd = f'http://127.0.0.1:{port}'


def call(method, path, body=None):
    req = urllib.request.Request(wd + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={'Content-Type': 'application/json'})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())['value']


for _ in range(100):
    try:
        call('GET', '/status'); break
    except Exception:
        time.sleep(0.1)
session = call('POST', '/session', {'capabilities': {'alwaysMatch': {'browserName': 'chrome', 'goog:chromeOptions': {
    'binary': '/usr/bin/chromium', 'args': ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage',
                                            '--window-size=1400,900', '--disable-gpu']}}}})['sessionId']
S = f'/session/{session}'


def js(script, *args):
    return call('POST', S + '/execute/sync', {'script': script, 'args': list(args)})


def wait(cond, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        if js('return ' + cond):
            return
        time.sleep(0.02)
    raise SystemExit('timed out waiting for ' + cond)


def marks():
    return js('return window.explorerPerf.marks')


view = '#steps=' + urllib.parse.quote(json.dumps([{'op': 'add', 'id': 'country:IN'}, {'op': 'expand', 'id': 'country:IN'}])) + '&sel=country%3AIN'
first, expand, path = [], [], []
try:
    for i in range(rounds):
        call('POST', S + '/url', {'url': base + '/explorer/config.json'})
        call('POST', S + '/url', {'url': base + '/' + view})
        wait("document.body.dataset.ready === 'true' && (document.body.dataset.drawn || '').startsWith('first-view')")
        m = marks()[0]
        n = len(marks())
        # expand the EU-India Trade and Technology Council (brings the EU and its other ties): select it, click Expand
        js("window.explorerCy.$id('instrument:eu-in-ttc').emit('tap'); return 0")
        wait("!document.getElementById('expand').disabled")
        js("document.getElementById('expand').click(); return 0")
        wait(f"window.explorerPerf.marks.length > {n}")
        e = marks()[-1]
        n = len(marks())
        js("""const f = document.getElementById('path-from'), t = document.getElementById('path-to');
              f.dataset.id = 'org:ecso'; t.dataset.id = 'country:IN'; document.getElementById('path-go').click(); return 0""")
        wait(f"window.explorerPerf.marks.length > {n}")
        p = marks()[-1]
        if i >= WARMUP:
            first.append(m['at']); expand.append(e['ms']); path.append(p['ms'])
finally:
    try:
        call('DELETE', S)
    finally:
        driver.terminate()


def stats(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2], xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))], xs[-1]


print(f'| measure (curated graph, {len(first)} rounds after {WARMUP} warm-up) | p50 ms | p95 ms | max ms | target |')
print('|---|---|---|---|---|')
for name, xs, target in [('first view after load (navigation start to drawn)', first, '< 1000'),
                         ('expand the EU-India TTC (click to drawn)', expand, '< 300'),
                         ('path ECSO to India, k=3 (submit to drawn)', path, '< 300')]:
    a, b, c = stats(xs)
    print(f'| {name} | {a:.0f} | {b:.0f} | {c:.0f} | {target} |')
