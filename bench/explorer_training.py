#!/usr/bin/env python3
"""The explorer's live training, timed: `gan-losses serve` on a free port, the WebSocket
/training opened with a query of `simulate ring`'s options, and every message read until the last
("done": true). Each run prints the time to the first message, the time to the last, the number
of messages and their median size; then `gan-losses simulate ring` with the same options and -o
ring.svg (the same training and the same last figure) is timed in the same way. Medians over
--runs runs, in seconds.

    python3 bench/explorer_training.py [--tool .build/static/release/gan-losses] [--query Q] [--runs 3]

A WebSocket client of the standard library's sockets (the server's frames are unmasked and may
come in continuation frames; the client sends nothing but the handshake).
"""
import argparse, base64, json, os, socket, statistics, subprocess, tempfile, time, urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise EOFError("the server closed the connection")
        data += chunk
    return data


def messages(port, query):
    """Yields (seconds since the handshake was sent, text) for each message of /training?query."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=120)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /training?{query} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    start = time.perf_counter()
    head = b""
    while b"\r\n\r\n" not in head:
        head += read_exact(sock, 1)
    assert head.startswith(b"HTTP/1.1 101"), head
    text = b""
    while True:
        b0, b1 = read_exact(sock, 2)
        length = b1 & 0x7F
        if length == 126:
            length = int.from_bytes(read_exact(sock, 2), "big")
        elif length == 127:
            length = int.from_bytes(read_exact(sock, 8), "big")
        payload = read_exact(sock, length)
        opcode = b0 & 0x0F
        if opcode == 8:
            return
        if opcode in (0, 1):
            text += payload
            if b0 & 0x80:
                yield time.perf_counter() - start, text.decode()
                text = b""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool", default=os.path.join(ROOT, ".build/static/release/gan-losses"))
    parser.add_argument("--query", default="loss=minimax,nonsat,wgan-gp,r1")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    server = subprocess.Popen([args.tool, "serve", "--port", "0"], stdout=subprocess.PIPE, text=True)
    port = int(server.stdout.readline().split(":")[-1].split("/")[0])
    try:
        firsts, lasts, counts, sizes = [], [], [], []
        for _ in range(args.runs):
            got = list(messages(port, args.query))
            assert json.loads(got[-1][1])["done"], got[-1][1][:200]
            firsts.append(got[0][0]); lasts.append(got[-1][0]); counts.append(len(got))
            sizes.append(statistics.median(len(t.encode()) for _, t in got))
        options = []
        for name, value in urllib.parse.parse_qsl(args.query, keep_blank_values=True):
            options.append(f"--{name}={value}" if value else f"--{name}")
        cli = []
        with tempfile.TemporaryDirectory() as folder:
            for _ in range(args.runs):
                start = time.perf_counter()
                subprocess.run([args.tool, "simulate", "ring", *options, "-o", os.path.join(folder, "ring.svg")], check=True, capture_output=True)
                cli.append(time.perf_counter() - start)
        print(f"live training ({args.query}), median of {args.runs}: first message {statistics.median(firsts):.2f} s, "
              f"last {statistics.median(lasts):.2f} s, {statistics.median(counts):.0f} messages of {statistics.median(sizes) / 1e6:.2f} MB (median)")
        print(f"simulate ring {' '.join(options)} -o ring.svg, median of {args.runs}: {statistics.median(cli):.2f} s")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
