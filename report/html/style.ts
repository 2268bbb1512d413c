/** The report's whole stylesheet, inlined so the page needs nothing but itself. */
export const STYLE = `
:root { color-scheme: light; --ink: #1f2933; --muted: #6b7480; --rule: #dde1e6; --bad: #b42318; --bad-bg: #fde8e6; --good: #1e6b2f; --good-bg: #e3f4e6; --warn: #c26a00; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; background: #f5f6f8; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 1100px; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 0 0 6px; word-break: break-all; }
h2 a { color: inherit; text-decoration: none; }
h2 a:hover { text-decoration: underline; }
h3 { font-size: 1rem; margin: 22px 0 8px; }
h4 { font-size: 0.92rem; margin: 16px 0 6px; color: var(--muted); font-weight: 600; }
code, .hex { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 0.88em; }
.lead { color: var(--muted); margin: 0 0 16px; }
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
footer { color: var(--muted); font-size: 0.8rem; text-align: center; margin-top: 8px; }
`;
