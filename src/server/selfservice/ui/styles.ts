// The built-in UI's stylesheet, inlined into every page: system fonts only, light and dark via
// prefers-color-scheme, no external resources.
export const STYLES = `
:root {
  color-scheme: light dark;
  --bg: #f5f6f8;
  --card: #ffffff;
  --text: #1b1f24;
  --muted: #5b6470;
  --border: #d9dde3;
  --accent: #3b5bdb;
  --accent-text: #ffffff;
  --accent-hover: #324fc0;
  --focus: #748ffc;
  --info-bg: #e7f0ff;
  --info-text: #1c3f94;
  --error-bg: #fdecec;
  --error-text: #a61b1b;
  --success-bg: #e6f6ea;
  --success-text: #1d6b32;
  --code-bg: #f0f2f5;
  --radius: 10px;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #111418;
    --card: #1a1e24;
    --text: #e6e8eb;
    --muted: #9aa3ad;
    --border: #2f353d;
    --accent: #5c7cfa;
    --accent-text: #0b0d10;
    --accent-hover: #748ffc;
    --focus: #91a7ff;
    --info-bg: #1b2a4a;
    --info-text: #b9ccff;
    --error-bg: #3d1a1a;
    --error-text: #ffb4b4;
    --success-bg: #173524;
    --success-text: #a8e6b9;
    --code-bg: #242a31;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  min-height: 100vh;
  background: var(--bg);
  color: var(--text);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  display: flex;
  flex-direction: column;
  align-items: center;
}
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible {
  outline: 3px solid var(--focus);
  outline-offset: 2px;
}
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--card); padding: .5rem 1rem; }
header.site {
  width: 100%;
  max-width: 30rem;
  padding: 2rem 1rem .5rem;
  display: flex;
  align-items: center;
  gap: .5rem;
  font-weight: 650;
  letter-spacing: .01em;
}
header.site .mark {
  width: 1.75rem; height: 1.75rem; border-radius: 7px;
  background: var(--accent); color: var(--accent-text);
  display: inline-flex; align-items: center; justify-content: center; font-size: .95rem;
}
main {
  width: 100%;
  max-width: 30rem;
  padding: 0 1rem 2rem;
}
.card {
  background: var(--card);
  border: 1px solid var(--border);
  border-radius: var(--radius);
  padding: 1.75rem 1.5rem;
  box-shadow: 0 1px 2px rgba(0,0,0,.04), 0 8px 24px rgba(0,0,0,.04);
}
.card + .card { margin-top: 1rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 0 0 .75rem; }
p.lead { color: var(--muted); margin: 0 0 1.25rem; }
.messages { list-style: none; padding: 0; margin: 0 0 1rem; display: grid; gap: .5rem; }
.message { padding: .65rem .8rem; border-radius: 8px; font-size: .95rem; }
.message.info { background: var(--info-bg); color: var(--info-text); }
.message.error { background: var(--error-bg); color: var(--error-text); }
.message.success { background: var(--success-bg); color: var(--success-text); }
.node-messages { list-style: none; padding: 0; margin: .35rem 0 0; font-size: .875rem; }
.node-messages .error { color: var(--error-text); }
.node-messages .info { color: var(--muted); }
.node-messages .success { color: var(--success-text); }
form { margin: 0; }
.group + .group { margin-top: 1.25rem; padding-top: 1.25rem; border-top: 1px solid var(--border); }
.field { margin-bottom: 1rem; }
.field > label, .field > .label { display: block; font-weight: 550; font-size: .925rem; margin-bottom: .35rem; }
input[type=text], input[type=email], input[type=password], input[type=tel], input[type=number],
input[type=url], input[type=date], input[type=datetime-local], select {
  width: 100%;
  padding: .6rem .7rem;
  border: 1px solid var(--border);
  border-radius: 8px;
  background: var(--bg);
  color: var(--text);
  font: inherit;
}
input[aria-invalid=true] { border-color: var(--error-text); }
.checkbox { display: flex; gap: .5rem; align-items: flex-start; }
.checkbox input { margin-top: .3rem; width: 1rem; height: 1rem; }
button {
  width: 100%;
  padding: .65rem 1rem;
  border-radius: 8px;
  border: 1px solid var(--accent);
  background: var(--accent);
  color: var(--accent-text);
  font: inherit;
  font-weight: 600;
  cursor: pointer;
}
button:hover { background: var(--accent-hover); }
button.secondary { background: transparent; color: var(--accent); }
button[disabled] { opacity: .55; cursor: not-allowed; }
.actions { display: grid; gap: .6rem; margin-top: .25rem; }
.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--code-bg);
  padding: .5rem .7rem; border-radius: 6px; word-break: break-all; }
.codes { display: grid; grid-template-columns: repeat(auto-fill, minmax(7rem, 1fr)); gap: .4rem; list-style: none;
  padding: 0; margin: 0; }
.codes li { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--code-bg);
  padding: .35rem .5rem; border-radius: 6px; text-align: center; }
.codes li.used { text-decoration: line-through; color: var(--muted); }
img.qr { display: block; background: #fff; padding: .5rem; border-radius: 8px; max-width: 100%; height: auto; }
.links { margin-top: 1.25rem; display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; font-size: .95rem;
  justify-content: center; }
.button-link { display: block; text-align: center; padding: .65rem 1rem; border-radius: 8px; font-weight: 600;
  background: var(--accent); color: var(--accent-text); text-decoration: none; }
dl.session { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: 0; }
dl.session dt { color: var(--muted); }
dl.session dd { margin: 0; word-break: break-word; }
pre.traits { background: var(--code-bg); padding: .75rem; border-radius: 8px; overflow: auto; font-size: .85rem; }
footer.site { color: var(--muted); font-size: .8rem; padding: 0 1rem 2rem; }
@media (max-width: 480px) {
  header.site { padding-top: 1.25rem; }
  .card { padding: 1.25rem 1rem; }
}
`;
