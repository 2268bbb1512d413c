/** The report's whole stylesheet, inlined so the page needs nothing but itself. */
export const STYLE = `
:root { color-scheme: light; --ink: #1f2933; --muted: #6b7480; --rule: #dde1e6; --bad: #b42318; --bad-bg: #fde8e6; --good: #1e6b2f; --good-bg: #e3f4e6; --warn: #c26a00; }
* { box-sizing: border-box; }
body { margin: 0; padding: 16px 24px 24px; background: #f5f6f8; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 1232px; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 0 0 6px; word-break: break-all; }
h2 a { color: inherit; text-decoration: none; }
h2 a:hover { text-decoration: underline; }
h3 { font-size: 1rem; margin: 22px 0 8px; }
h4 { font-size: 0.92rem; margin: 16px 0 6px; color: var(--muted); font-weight: 600; }
code, .hex { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 0.88em; }
.lead { color: var(--muted); margin: 0 0 10px; }
nav ol { margin: 0 0 20px; padding-left: 22px; }
section.cx { background: #fff; border: 1px solid var(--rule); border-radius: 8px; padding: 20px 24px; margin: 0 0 24px; }
.meta { color: var(--muted); margin: 0 0 14px; font-size: 0.9rem; }
.why { margin: 0 0 14px; padding: 12px 16px; border-left: 5px solid var(--warn); background: #fff7ed; border-radius: 0 6px 6px 0; font-size: 1.08rem; font-weight: 500; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.scroll { overflow-x: auto; border: 1px solid var(--rule); border-radius: 6px; padding: 6px; background: #fff; }
.legend { display: flex; flex-wrap: wrap; gap: 16px; margin: 8px 0 0; font-size: 0.85rem; color: var(--muted); }
.swatch { display: inline-block; width: 22px; height: 12px; margin-right: 6px; vertical-align: -1px; border-radius: 2px; }
.sw-done { background: #e7eef8; border: 1.5px solid #5b7db1; }
.sw-cut { background: #fdebd3; border: 1.5px dashed #c26a00; }
.sw-not-run { background: #fff; border: 1.5px dashed #b8bec7; }
.sw-label { width: 3px; background: #5b7db1; }
.sw-crash { width: 3px; background: #d00000; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--rule); vertical-align: middle; }
thead th { color: var(--muted); font-weight: 600; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; }
.nowrap { white-space: nowrap; }
.meter { vertical-align: middle; margin-right: 6px; }
.kept { color: var(--good); }
.lost { color: var(--bad); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.8rem; font-weight: 600; }
.badge.kept { background: var(--good-bg); }
.badge.lost { background: var(--bad-bg); }
td.bad { background: var(--bad-bg); color: var(--bad); font-weight: 600; }
td.good { background: var(--good-bg); color: var(--good); font-weight: 600; }
tr.bytes-detail > td { padding: 4px 10px 12px; background: #fafbfc; }
table.hex { width: auto; font-size: 0.85rem; }
table.hex th { font-weight: 500; color: var(--muted); padding: 1px 10px 1px 0; border: 0; }
table.hex td { padding: 1px 4px; border: 0; text-align: center; }
table.hex td.offset { color: var(--muted); text-align: right; padding-right: 10px; }
.note { color: var(--muted); font-style: italic; }
pre.source, details.litmus pre { margin: 0; padding: 8px 12px; background: #fafbfc; border: 1px solid var(--rule); border-radius: 6px; overflow-x: auto; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 0.85rem; line-height: 1.45; }
pre.source .ln { display: inline-block; width: 2.2em; margin-right: 1em; text-align: right; color: var(--muted); user-select: none; }
details.litmus { margin-top: 18px; }
details.litmus summary { cursor: pointer; color: var(--muted); margin-bottom: 6px; }
code.cmd { background: #eef1f4; padding: 2px 6px; border-radius: 4px; user-select: all; }
section.cx:target { outline: 3px solid var(--warn); }
h2.cx-head { margin: 28px 0 12px; }
.grid-wrap { overflow-x: auto; }
table.grid { table-layout: fixed; border-collapse: separate; border-spacing: 2px; font-size: 0.8rem; }
table.grid th, table.grid td { border: 0; padding: 2px 1px; }
table.grid th.mode { padding-right: 6px; }
table.grid thead th { text-transform: none; letter-spacing: 0; text-align: center; vertical-align: bottom; }
table.grid th.mode-head { width: 250px; text-align: left; }
table.grid th.mode { font-weight: 400; line-height: 1.2; }
table.grid th.mode code { display: block; font-weight: 700; font-size: 0.8rem; }
table.grid .summary { display: block; color: var(--muted); font-size: 0.6rem; line-height: 1.15; }
table.grid th.group { color: var(--ink); border-bottom: 2px solid var(--rule); }
th.group .platform { display: block; font-size: 0.68rem; font-weight: 700; line-height: 1.25; overflow-wrap: anywhere; }
table.grid th.recipe { font-size: 0.58rem; color: var(--ink); writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; white-space: nowrap; height: 72px; }
table.grid .first { border-left: 5px solid #f5f6f8; }
td.cell { height: 24px; text-align: center; border-radius: 4px; line-height: 1.2; }
td.cell a { display: block; color: inherit; text-decoration: none; }
td.cell a:hover .verdict { text-decoration: underline; }
td.cell .verdict { display: block; font-weight: 600; font-size: 0.66rem; white-space: nowrap; }
ul.domains { margin: 8px 0 0; padding-left: 18px; font-size: 0.75rem; color: var(--muted); columns: 2; }
td.cell:target { box-shadow: 0 0 0 3px var(--ink); }
.cell.durable, .key.durable { background: var(--good-bg); color: var(--good); }
.cell.lost, .key.lost { background: #f8cdc8; color: var(--bad); }
.cell.na, .key.na { background: #e6e9ee; color: #4b5563; }
.cell.absent, .key.absent { background: #fbfbfc; }
.cell.not-promised, .key.not-promised { box-shadow: inset 0 0 0 2px var(--good); }
.cell.promised-but-lost, .key.promised-but-lost { background: var(--bad); color: #fff; }
.key { display: inline-block; width: 18px; height: 12px; margin-right: 6px; vertical-align: -1px; border-radius: 2px; border: 1px solid var(--rule); }
.grid-legend { margin-bottom: 12px; }
footer { color: var(--muted); font-size: 0.8rem; text-align: center; margin-top: 8px; }
`;
