// `npm start`: build and package the extension, install the .vsix into a private
// code-server (VS Code 1.96.4 in the browser) and open the shared corpus when it is
// beside the project, else our sample articles. Prints the URL; Ctrl+C stops it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, installCodeServer, startCodeServer } from './codeServer.mjs';

const PORT = Number(process.env.PORT ?? 8080);

async function main() {
  const codeServerDir = installCodeServer();
  console.log('Packaging the extension…');
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const corpus = join(ROOT, '..', 'shared', 'corpus');
  const folder = existsSync(corpus) ? corpus : join(ROOT, 'samples');
  const server = await startCodeServer({ codeServerDir, folder, port: PORT, extensions: [join(ROOT, 'geo-annotator.vsix')] });
  console.log(`\nGeo Annotator is running in VS Code at\n\n    ${server.url}/?folder=${encodeURIComponent(folder)}\n\nOpen it in a browser, then open any .txt file. Ctrl+C stops it.`);
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
