#!/usr/bin/env python3
"""End-to-end test of `gan-losses serve` in a real browser: Debian's Chromium, headless, driven by
Playwright for Python (tools/browser-venv.sh installs it; `make test-browser` runs this file).

It starts the explorer on a free port and, as a user would:
  - loads each view and checks that the figure shown is byte for byte the server's render of the
    state in the address bar, and that the command line the page shows writes those bytes too;
  - moves a slider with the keyboard and another with the mouse, and checks that the figure
    changed, that the values at the probe are the tool's, and that the address bar followed;
  - follows a permalink into a fresh page and finds the same view;
  - downloads PNG, SVG and PDF and compares each with the file the shown command writes;
  - trains the ring experiment live, pauses, steps and resumes it, and compares its last figure
    and values with the command line's;
  - checks that a bad state shows the command line's message, that every control has a label,
    that the figure's text alternative carries the values at the probe, and that 8 clients at
    once are all served.

    tests/browser/test_explorer.py [--tool PATH] [--screenshots FOLDER]

--screenshots writes a screenshot of each view (explorer-losses.png, explorer-dirac.png,
explorer-distances.png, explorer-training.png), as docs/explorer.md and the README show them.
"""
import argparse, base64, concurrent.futures, os, shlex, subprocess, sys, tempfile, urllib.error, urllib.parse, urllib.request

from playwright.sync_api import sync_playwright

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def get(url):
    """(status, body bytes) of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


class Explorer:
    """`gan-losses serve --port 0`, its address read from its first line."""

    def __init__(self, tool):
        self.process = subprocess.Popen([tool, "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        assert line.startswith("gan-losses explorer: http://127.0.0.1:"), f"serve printed {line!r}, stderr: {self.process.stderr.read()}"
        self.url = line.split()[2]

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def same(shown, printed):
    """Whether a number the page shows (JavaScript's shortest form, — for none) is the one the tool printed."""
    return shown == printed or (shown == "—" and printed == "") or (shown != "—" and printed != "" and float(shown) == float(printed))


def settle(page):
    """Waits until no figure or value is loading."""
    page.wait_for_selector("body[data-busy='0']", state="attached")


def shown_bytes(page, image):
    """The bytes of the image the page shows (a blob: URL)."""
    data = page.evaluate("""async (id) => {
        const b = new Uint8Array(await (await fetch(document.getElementById(id).src)).arrayBuffer());
        let s = ""; for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
        return btoa(s);
    }""", image)
    return base64.b64decode(data)


def check_figure(page, base, image):
    """The figure shown is the server's render of the state it was asked for; returns its URL."""
    src = page.get_attribute("#" + image, "data-src")
    status, body = get(base + src)
    assert status == 200, f"{src}: {status} {body[:200]!r}"
    assert shown_bytes(page, image) == body, f"the figure shown is not the server's {src}"
    return src


def command_output(tool, command, extension, folder):
    """The bytes the page's command line writes, with -o given `extension`."""
    words = shlex.split(command)
    assert words[0] == "gan-losses" and words[-2] == "-o", command
    name = os.path.splitext(words[-1])[0] + "." + extension
    subprocess.run([tool] + words[1:-1] + [name], cwd=folder, check=True, capture_output=True)
    with open(os.path.join(folder, name), "rb") as f:
        return f.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool", default=os.path.join(ROOT, ".build/release/gan-losses"))
    parser.add_argument("--screenshots", help="folder for a screenshot of each view")
    args = parser.parse_args()
    tool = os.path.abspath(args.tool)
    explorer = Explorer(tool)
    base = explorer.url
    passed = []

    def ok(what):
        passed.append(what)
        print("ok  ", what, flush=True)

    try:
        with sync_playwright() as p, tempfile.TemporaryDirectory() as folder:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
            page = context.new_page()
            problems = []
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)

            # The losses view, as it opens.
            page.goto(base)
            settle(page)
            first = check_figure(page, base, "losses-figure")
            assert first == "figure.svg?loss=minimax%2Cnonsat&x=logit&y=grad&mark=-2", first
            command = page.text_content("#losses-command")
            assert command == "gan-losses plot --loss minimax,nonsat --x logit --y grad --mark=-2 -o minimax-nonsat-grad-vs-logit.svg", command
            assert command_output(tool, command, "svg", folder) == get(base + first)[1]
            ok("the losses view shows the server's figure, and its command line writes the same bytes")

            rows = page.eval_on_selector_all("#probe-table tbody tr", "rs => rs.map(r => [...r.cells].map(c => c.textContent))")
            expected = subprocess.run([tool, "eval", "--loss", "minimax,nonsat", "--logit=-2", "--format", "csv"], capture_output=True, text=True, check=True).stdout
            for row, line in zip(rows, expected.strip().splitlines()[1:], strict=True):
                loss, logit, d, value, grad, grad_d = line.split(",")
                assert row[0] == loss and all(map(same, row[1:], [value, grad, grad_d])), (row, line)
            alt = page.get_attribute("#losses-figure", "alt")
            assert "ℓ = -2" in alt and rows[0][1] in alt and rows[1][2] in alt, alt
            ok("the values at the probe are eval's, and the figure's text alternative carries them")

            if args.screenshots:
                os.makedirs(args.screenshots, exist_ok=True)
                page.screenshot(path=os.path.join(args.screenshots, "explorer-losses.png"), full_page=True)

            # The textbook formulas in Float beside the stable ones, at ℓ = 20 where log(1 − σ(ℓ)) is −∞.
            page.goto(base + "?probe=20&precision=float&form=naive")
            settle(page)
            rows = page.eval_on_selector_all("#probe-table tbody tr", "rs => rs.map(r => [...r.cells].map(c => c.textContent))")
            naive = subprocess.run([tool, "eval", "--loss", "minimax,nonsat", "--logit", "20", "--precision", "float", "--form", "naive", "--format", "csv"],
                                   capture_output=True, text=True, check=True).stdout.strip().splitlines()[1:]
            assert [r[0] for r in rows] == ["minimax", "nonsat", "minimax, textbook log(1 − σ(ℓ))", "nonsat, textbook −log σ(ℓ)"], rows
            assert rows[0][1] == "-20" and rows[2][1] == "-inf" and same(rows[3][1], naive[1].split(",")[3]), (rows, naive)
            ok("the textbook formulas in Float show where they break: log(1 − σ(20)) = −inf against −20")
            page.goto(base)
            settle(page)

            # The keyboard: the probe slider, two steps right.
            page.focus("#probe")
            page.keyboard.press("ArrowRight")
            page.keyboard.press("ArrowRight")
            settle(page)
            assert page.input_value("#probe") == "-1", page.input_value("#probe")
            assert "probe=-1" in page.url, page.url
            assert page.text_content("#probe-title").startswith("At the probe ℓ = -1 "), page.text_content("#probe-title")
            assert check_figure(page, base, "losses-figure").endswith("&mark=-1"), "the mark on the figure follows the probe"
            # Off the x axis (ℓ = 12 > 10) the probe is not marked, and the mark's control says so.
            page.goto(base + "?probe=12")
            settle(page)
            assert "mark" not in check_figure(page, base, "losses-figure") and page.is_disabled("#mark")
            page.goto(base + "?probe=-1")
            settle(page)
            ok("the probe moves with the keyboard, and the values, the mark on the figure and the address follow")

            # The mouse: choose rsgan, then drag ℓ_r, which only the relativistic games use.
            page.check("input[name=loss][value=rsgan]")
            settle(page)
            before = check_figure(page, base, "losses-figure")
            slider = page.locator("#real-logit")
            assert slider.is_enabled()
            box = slider.bounding_box()
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.mouse.down()
            page.mouse.move(box["x"] + box["width"] * 0.85, box["y"] + box["height"] / 2, steps=8)
            page.mouse.up()
            settle(page)
            value = float(page.input_value("#real-logit"))
            assert value > 2, value
            after = check_figure(page, base, "losses-figure")
            assert after != before and f"real-logit={page.input_value('#real-logit')}" in after, (before, after)
            assert get(base + after)[1] != get(base + before)[1], "moving ℓ_r did not change the figure"
            ok(f"ℓ_r drags with the mouse to {value}, and the figure changes to the server's render of it")

            # A permalink reproduces the view in a fresh page.
            link = page.url
            other = context.new_page()
            other.goto(link)
            settle(other)
            assert other.get_attribute("#losses-figure", "data-src") == after
            for control in ["#probe", "#real-logit", "#x", "#y", "#size"]:
                assert other.input_value(control) == page.input_value(control), control
            assert other.is_checked("input[name=loss][value=rsgan]")
            assert shown_bytes(other, "losses-figure") == shown_bytes(page, "losses-figure")
            other.close()
            ok("a permalink opens the same view, figure and all")

            # Downloads, byte for byte what the shown command writes.
            command = page.text_content("#losses-command")
            for extension in ["png", "svg", "pdf"]:
                with page.expect_download() as download:
                    page.click(f"#losses-{extension}")
                with open(download.value.path(), "rb") as f:
                    got = f.read()
                assert got == command_output(tool, command, extension, folder), f"the {extension} download differs from: {command}"
                assert download.value.suggested_filename.endswith("." + extension)
            ok("the PNG, SVG and PDF downloads are the bytes the shown command writes")

            # A state the tool refuses: the command line's message, shown as an alert.
            page.goto(base + "?loss=wgan&x=d")
            settle(page)
            message = page.text_content("#losses-error")
            status, body = get(base + "figure.svg?loss=wgan&x=d&y=grad")
            assert status == 400 and message == "Error: " + body.decode().strip(), (status, message, body)
            cli = subprocess.run([tool, "plot", "--loss", "wgan", "--x", "d", "--y", "grad", "-o", os.path.join(folder, "x.svg")], capture_output=True, text=True)
            assert cli.returncode == 64 and cli.stderr.strip() == message, (cli.returncode, cli.stderr, message)
            ok("a refused state shows the command line's message")

            # The DiracGAN view, by its tab, and its step-size slider by keyboard.
            page.goto(base)
            settle(page)
            page.click("#tab-dirac")
            settle(page)
            assert "view=dirac" in page.url
            first = check_figure(page, base, "dirac-figure")
            command = page.text_content("#dirac-command")
            assert command_output(tool, command, "svg", folder) == get(base + first)[1], command
            eigen = page.eval_on_selector_all("#eigen-table tbody tr", "rs => rs.map(r => r.cells[0].textContent)")
            assert eigen == ["minimax", "nonsat", "r1"], eigen
            if args.screenshots:
                page.screenshot(path=os.path.join(args.screenshots, "explorer-dirac.png"), full_page=True)
            page.focus("#lr")
            for _ in range(5):
                page.keyboard.press("ArrowRight")
            settle(page)
            assert page.input_value("#lr") == "0.15", page.input_value("#lr")
            second = check_figure(page, base, "dirac-figure")
            assert second != first and "lr=0.15" in second, second
            radius = page.eval_on_selector_all("#eigen-table tbody tr", "rs => rs.map(r => r.cells[3].textContent)")
            csv = get(base + "eigenvalues.csv?loss=minimax%2Cnonsat%2Cr1&lr=0.15")[1].decode().strip().splitlines()[1:]
            assert radius == [line.split(",")[5] for line in csv], (radius, csv)
            ok("the DiracGAN view draws the server's figure, its step size moves with the keyboard, and the eigenvalues follow")

            # γ by keyboard: from r1's own 1 to 1.1; the schedule by its select; then back to the games' own γ.
            assert page.text_content("output[for=gamma]") == "each game's own" and page.input_value("#gamma") == "1"
            assert page.is_disabled("#gamma-reset") and page.is_disabled("#lambda"), "λ applies to wgan-gp only"
            page.focus("#gamma")
            page.keyboard.press("ArrowRight")
            page.keyboard.press("ArrowRight")
            page.select_option("#schedule", "alternating")
            settle(page)
            third = check_figure(page, base, "dirac-figure")
            assert "gamma=1.1" in third and "schedule=alternating" in third, third
            command = page.text_content("#dirac-command")
            assert command.endswith("--schedule alternating --gamma 1.1 -o dirac.svg"), command
            assert command_output(tool, command, "svg", folder) == get(base + third)[1], command
            r1 = page.eval_on_selector_all("#eigen-table tbody tr", "rs => rs.map(r => r.cells[1].textContent)")[2]
            csv = get(base + "eigenvalues.csv?loss=r1&lr=0.15&gamma=1.1")[1].decode().strip().splitlines()[1].split(",")
            assert float(r1) == float(csv[1]), (r1, csv)
            assert "gamma=1.1" in page.url and "schedule=alternating" in page.url, page.url
            # r1-weak as well: one γ cannot serve two R1 games, so the slider stands aside and each keeps its own.
            page.check("#game-list input[value='r1-weak']")
            settle(page)
            assert page.is_disabled("#gamma") and "gamma" not in page.get_attribute("#dirac-figure", "data-src")
            page.uncheck("#game-list input[value='r1-weak']")
            page.click("#gamma-reset")
            settle(page)
            assert "gamma" not in page.url and "gamma" not in page.get_attribute("#dirac-figure", "data-src"), page.url
            ok("γ moves with the keyboard and the schedule with its select: the figure, the command, the eigenvalues and the address follow")

            # The distances view: θ by keyboard, the values and the figure follow.
            page.click("#tab-distances")
            settle(page)
            first = check_figure(page, base, "distances-figure")
            command = page.text_content("#distances-command")
            assert command == "gan-losses distances --theta 0.5 -o parallel-lines.svg", command
            assert command_output(tool, command, "svg", folder) == get(base + first)[1]
            if args.screenshots:
                page.screenshot(path=os.path.join(args.screenshots, "explorer-distances.png"), full_page=True)
            page.focus("#theta")
            page.keyboard.press("ArrowLeft")
            page.keyboard.press("ArrowLeft")
            settle(page)
            assert page.input_value("#theta") == "0.4", page.input_value("#theta")
            second = check_figure(page, base, "distances-figure")
            assert second != first and "theta=0.4" in second and "theta=0.4" in page.url, second
            rows = page.eval_on_selector_all("#distances-table tbody tr", "rs => rs.map(r => [...r.cells].map(c => c.textContent))")
            expected = subprocess.run([tool, "distances", "--theta", "0.4", "--format", "csv"], capture_output=True, text=True, check=True).stdout
            for row, line in zip(rows, expected.strip().splitlines()[1:], strict=True):
                name, _, value, derivative = line.split(",")
                assert row[0] == name and same(row[1], value) and same(row[2], derivative), (row, line)
            assert "W = 0.4" in page.get_attribute("#distances-figure", "alt")
            ok("the distances view: θ moves with the keyboard; the figure and the values are the tool's")

            # The training view: live over a WebSocket, paused, stepped by keyboard, resumed; its
            # last figure and values are the command line's.
            page.goto(base + "?view=training&objectives=nonsat%2Cr1&ring-steps=1200")
            page.wait_for_selector("body[data-training-step]:not([data-training-step='0'])", state="attached", timeout=60000)
            page.click("#train-pause")
            page.wait_for_timeout(700)
            paused_at = int(page.get_attribute("body", "data-training-step"))
            page.wait_for_timeout(1000)
            assert int(page.get_attribute("body", "data-training-step")) == paused_at < 1200, paused_at
            assert page.text_content("#training-status") == f"Step {paused_at} of 1200: paused"
            assert page.text_content("#train-pause") == "Resume"
            if args.screenshots:
                page.screenshot(path=os.path.join(args.screenshots, "explorer-training.png"), full_page=True)
            page.focus("#train-step")
            page.keyboard.press("Enter")
            page.wait_for_selector(f"body[data-training-step='{paused_at + 20}']", state="attached", timeout=30000)
            page.wait_for_timeout(700)
            assert int(page.get_attribute("body", "data-training-step")) == paused_at + 20, "one stretch of 1200/60 steps, then paused"
            page.click("#train-pause")
            page.wait_for_selector("body[data-training='done']", state="attached", timeout=120000)
            assert page.text_content("#training-status") == "Step 1200 of 1200: done"
            shown = shown_bytes(page, "training-figure")
            command = page.text_content("#training-command")
            assert command == "gan-losses simulate ring --loss nonsat,r1 --steps 1200 -o ring.svg", command
            assert command_output(tool, command, "svg", folder) == shown, "the last figure is the command's"
            csv = subprocess.run([tool, "simulate", "ring", "--loss", "nonsat,r1", "--steps", "1200"], capture_output=True, text=True, check=True).stdout
            last = {row[0]: row for row in (line.split(",") for line in csv.strip().splitlines()[1:]) if row[1] == "1200"}
            rows = page.eval_on_selector_all("#training-table tbody tr", "rs => rs.map(r => [...r.cells].map(c => c.textContent))")
            assert [r[0] for r in rows] == ["nonsat", "r1"], rows
            for r in rows:
                assert r[1] == f"{last[r[0]][2]} of 8" and r[2] == f"{100 * float(last[r[0]][3]):.1f}%", (r, last[r[0]])
            assert "at step 1200 of 1200" in page.get_attribute("#training-figure", "alt")
            assert get(base + page.get_attribute("#training-svg", "href"))[1] == shown, "the SVG download is the figure shown"
            page.goto(base + "?view=training&seed=-3")
            page.wait_for_selector("body[data-training='refused']", state="attached", timeout=30000)
            cli = subprocess.run([tool, "simulate", "ring", "--loss", "minimax,nonsat,wgan-gp,r1", "--seed=-3"], capture_output=True, text=True)
            assert cli.returncode == 64 and page.text_content("#training-error") == cli.stderr.strip(), (page.text_content("#training-error"), cli.stderr)
            ok("the training view streams the ring training, pauses, steps by keyboard and resumes; its last figure and values are the command's")

            # Five trainings at once: four run, the fifth is told why not; closing them stops them.
            firsts = page.evaluate("""async () => {
                const url = new URL("training?loss=wgan-gp&steps=6000", location.href); url.protocol = "ws:";
                const sockets = [...Array(5)].map(() => new WebSocket(url));
                const firsts = await Promise.all(sockets.map((s) => new Promise((done) => { s.onmessage = (e) => done(JSON.parse(e.data)); })));
                sockets.forEach((s) => s.close());
                return firsts.map((m) => m.error ?? m.step);
            }""")
            assert sorted(firsts, key=str) == [0, 0, 0, 0, "4 trainings are running, the most the explorer runs at once: close one and train again"], firsts
            page.wait_for_timeout(1500)  # the four see their sockets closed after the stretch under way
            again = page.evaluate("""async () => {
                const url = new URL("training?loss=minimax&steps=300", location.href); url.protocol = "ws:";
                const s = new WebSocket(url);
                const m = await new Promise((done) => { s.onmessage = (e) => done(JSON.parse(e.data)); });
                s.close();
                return m.error ?? m.step;
            }""")
            assert again == 0, again
            ok("four trainings at once, a fifth refused with a reason; closed pages stop theirs")

            # Accessibility: every control labelled and reachable by Tab; the tabs by arrow keys.
            unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, select')]
                .filter(e => e.labels.length === 0 && !e.closest('label')).map(e => e.id || e.name)""")
            assert unlabelled == [], unlabelled
            page.focus("#tab-training")
            page.keyboard.press("ArrowRight")
            settle(page)
            assert page.get_attribute("#tab-losses", "aria-selected") == "true" and page.is_visible("#losses-form")
            ok("every control has a label, and the tabs switch with the arrow keys")

            # The one refused request above is the console's only complaint.
            provoked = "Failed to load resource: the server responded with a status of 400 (Bad Request)"
            assert [m for m in problems if m != provoked] == [] and problems.count(provoked) <= 2, problems
            ok("no script errors")
            browser.close()

        # Eight clients at once.
        queries = [f"figure.svg?loss=minimax%2Cnonsat&y=grad&x=logit&real-logit={k}" for k in range(8)]
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(lambda q: get(base + q)[0], queries * 4))
        assert statuses == [200] * 32, statuses
        ok("8 clients at once, 32 figures, all served")
    finally:
        explorer.close()
    print(f"{len(passed)} browser checks passed")


if __name__ == "__main__":
    main()
