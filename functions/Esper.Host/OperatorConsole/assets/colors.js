// Series colours, the same as the CSS custom properties (SVG fills cannot read them under a strict CSP everywhere).
export const colors = { allow: '#2f6f3e', observe: '#4b5d73', challenge: '#8a5a00', block: '#b3261e', dry_run: '#7a4fa3' };
export const series = (key, name, values) => ({ key, name, color: colors[key], values });
