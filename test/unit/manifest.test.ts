import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_IDS } from '../../src/commandIds';

/** The manifest is code too: what it promises must exist and agree with the sources. */
const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { vscode: string };
  main: string;
  icon: string;
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings: { command: string; when?: string }[];
    colors: { id: string; defaults: Record<string, string> }[];
    configuration: { properties: Record<string, { markdownDescription?: string; description?: string }> };
    grammars: { path: string }[];
    languages: { configuration?: string }[];
    yamlValidation: { url: string }[];
    views: Record<string, { id: string }[]>;
  };
};
const c = pkg.contributes;

describe('manifest', () => {
  it('allows VS Code 1.96 and never activates on *', () => {
    assert.match(pkg.engines.vscode, /^\^1\.(9[0-6]|[1-8]\d)\./);
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(existsSync(join(ROOT, pkg.icon)));
  });

  it('declares exactly the commands the extension registers, each with a category', () => {
    const declared = c.commands.map((x) => x.command).sort();
    assert.deepEqual(declared, COMMAND_IDS.map((id) => `geoAnnotator.${id}`).sort());
    for (const cmd of c.commands) assert.equal(cmd.category, 'Geo Annotator', cmd.command);
  });

  it('only uses commands and context keys that exist in menus and keybindings', () => {
    const ids = new Set(c.commands.map((x) => x.command));
    const ours = ['geoAnnotator.active'];
    const entries = [...Object.values(c.menus).flat(), ...c.keybindings];
    for (const e of entries) {
      assert.ok(ids.has(e.command), `unknown command ${e.command}`);
      for (const key of (e.when ?? '').match(/geoAnnotator\.[\w.]+/g) ?? []) assert.ok(ours.includes(key) || key === 'geoAnnotator.entities', `unknown context key ${key}`);
    }
    assert.equal(c.menus.commandPalette!.length, c.commands.length, 'every command has a palette when-clause');
  });

  it('gives every colour light, dark and high-contrast defaults, and every setting a description', () => {
    for (const color of c.colors) for (const theme of ['light', 'dark', 'highContrast']) assert.ok(color.defaults[theme], `${color.id} ${theme}`);
    for (const [key, prop] of Object.entries(c.configuration.properties)) assert.ok(prop.markdownDescription ?? prop.description, key);
  });

  it('points at files that exist', () => {
    for (const file of [...c.languages.map((l) => l.configuration!), ...c.yamlValidation.map((y) => y.url)]) assert.ok(existsSync(join(ROOT, file)), file);
    const schema = JSON.parse(readFileSync(join(ROOT, c.yamlValidation[0]!.url), 'utf8')) as { properties: { annotations: unknown } };
    assert.ok(schema.properties.annotations);
  });
});
