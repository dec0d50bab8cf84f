#!/usr/bin/env python3
"""The explorer's load test: `gan-losses serve` on a free port, 1,000 figure requests over
loopback as a slider moves (each a different state, default size, SVG), first from one client,
then from 8 clients at once on kept-alive connections. Prints the server's time per figure (its
Server-Timing header) and the time each client waited, as p50 / p95 / p99 in milliseconds, and
the errors (any status but 200).

    python3 bench/explorer_load.py [--tool .build/static/release/gan-losses] [--requests 1000]
"""
import argparse, http.client, os, statistics, subprocess, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def percentiles(values):
    v = sorted(values)
    pick = lambda q: v[min(len(v) - 1, int(q * len(v)))]
    return pick(0.50), pick(0.95), pick(0.99)


def states(n):
    """n figure paths: the losses view's default figure as ℓ_r, c and the losses change."""
    games = ["minimax,nonsat", "minimax,nonsat,rsgan", "nonsat,lsgan,hinge", "rsgan,rasgan,ralsgan,rahinge"]
    out = []
    for k in range(n):
        ids = games[k % len(games)]
        out.append(f"/figure.svg?loss={ids}&x=logit&y=grad&real-logit={(k % 101) / 10 - 5:.1f}&ls-target={(k % 61) / 20 - 1:.2f}")
    return out


def run(port, paths, clients):
    """(server ms, client ms, errors) for `paths` shared among `clients` threads."""
    server, waited, errors = [], [], []
    lock = threading.Lock()
    queue = list(paths)

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if not queue:
                    break
                path = queue.pop()
            start = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - start) * 1e3
            timing = response.getheader("Server-Timing", "render;dur=nan").split("dur=")[1]
            with lock:
                waited.append(elapsed)
                server.append(float(timing))
                if response.status != 200:
                    errors.append((path, response.status))
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return server, waited, errors, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool", default=os.path.join(ROOT, ".build/static/release/gan-losses"))
    parser.add_argument("--requests", type=int, default=1000)
    args = parser.parse_args()
    process = subprocess.Popen([args.tool, "serve", "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        port = int(process.stdout.readline().split()[2].rstrip("/").rsplit(":", 1)[1])
        run(port, states(20), 1)  # warm up: fonts, caches
        print(f"{args.requests} requests of the default figure (6.4 × 4.8 in, SVG), over loopback; milliseconds")
        print("| clients | server p50 | p95 | p99 | client p50 | p95 | p99 | requests/s | errors |")
        print("|---|---|---|---|---|---|---|---|---|")
        for clients in (1, 8):
            server, waited, errors, seconds = run(port, states(args.requests), clients)
            s, w = percentiles(server), percentiles(waited)
            print(f"| {clients} | {s[0]:.1f} | {s[1]:.1f} | {s[2]:.1f} | {w[0]:.1f} | {w[1]:.1f} | {w[2]:.1f} | "
                  f"{len(waited) / seconds:.0f} | {len(errors)} |")
            assert len(waited) == args.requests
    finally:
        process.terminate()
        process.wait()


if __name__ == "__main__":
    main()
