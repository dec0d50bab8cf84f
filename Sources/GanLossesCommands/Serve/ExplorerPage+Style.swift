extension ExplorerPage {
    /// The page's CSS.
    static let style = #"""
:root { --ink: #1d2330; --muted: #5b6472; --line: #d5d9e0; --accent: #3b6ea5; --bad: #a5262b; --paper: #fff; --panel: #f5f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, "DejaVu Sans", sans-serif; color: var(--ink); background: var(--paper); }
header { display: flex; align-items: center; gap: 1.5rem; padding: .6rem 1.2rem; border-bottom: 1px solid var(--line); background: var(--panel); }
h1 { font-size: 1.15rem; margin: 0; font-weight: 600; }
h1 span { font-weight: 400; color: var(--muted); }
nav { display: flex; gap: .25rem; }
nav button, #copy-link { font: inherit; padding: .35rem .9rem; border: 1px solid var(--line); border-radius: 4px; background: var(--paper); color: var(--ink); cursor: pointer; }
nav button[aria-selected="true"] { background: var(--accent); border-color: var(--accent); color: #fff; }
#copy-link { margin-left: auto; }
button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 3px solid #f0a73a; outline-offset: 2px; }
main section { display: grid; grid-template-columns: minmax(17rem, 20rem) 1fr; gap: 1.2rem; padding: 1rem 1.2rem; }
main section[hidden] { display: none; }
.controls fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 .7rem; padding: .4rem .7rem .6rem; }
.controls legend { font-weight: 600; padding: 0 .3rem; }
.controls label { display: block; margin-top: .35rem; }
.controls input[type=range], .controls select { width: 100%; }
.controls select { font: inherit; padding: .15rem; }
.controls small { display: block; color: var(--muted); }
.controls .inactive { opacity: .45; }
.controls button { font: inherit; font-size: .85rem; margin-top: .3rem; padding: .15rem .6rem; border: 1px solid var(--line); border-radius: 4px; background: var(--paper); color: var(--ink); cursor: pointer; }
.buttons { display: flex; gap: .4rem; flex-wrap: wrap; }
.controls input[type=number] { font: inherit; width: 8rem; }
.controls button:disabled { opacity: .45; cursor: default; }
.checks { display: grid; grid-template-columns: 1fr 1fr; gap: 0 .5rem; }
.checks label { margin-top: .1rem; white-space: nowrap; }
output { font-variant-numeric: tabular-nums; font-weight: 600; }
figure { margin: 0; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--line); background: #fff; transition: opacity .15s; }
body[data-busy="1"] figure img { opacity: .85; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: .3rem; }
.error { color: var(--bad); font-weight: 600; min-height: 1.2em; margin: .4rem 0; }
.error:empty { min-height: 0; margin: 0; }
table { border-collapse: collapse; margin: .6rem 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); padding-bottom: .3rem; }
th, td { border-bottom: 1px solid var(--line); padding: .2rem .7rem .2rem 0; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.command code { display: block; background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: .4rem .6rem; overflow-wrap: anywhere; font-size: .85rem; }
.command p code { display: inline; padding: .1rem .3rem; }
.export a { display: inline-block; margin-right: .4rem; padding: .25rem .8rem; border: 1px solid var(--accent); border-radius: 4px; color: var(--accent); text-decoration: none; }
footer { color: var(--muted); font-size: .85rem; padding: 0 1.2rem 1rem; }
@media (max-width: 52rem) { main section { grid-template-columns: 1fr; } }
"""#
}
