// Placeholder until the knowledge-base generator lands: writes an empty KB.
const fs = require('node:fs');
const path = require('node:path');
function buildKb() {
  const out = path.join(__dirname, '..', 'src', 'core', 'kb', 'generated');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'kb.json'), JSON.stringify({ asOf: '2026-11-01', entities: [] }));
}
module.exports = { buildKb };
if (require.main === module) buildKb();
