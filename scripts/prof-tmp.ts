import { readTree } from './validate/disk.ts';
import { validateAll } from './validate/index.ts';
const files = readTree(process.argv[2]!);
for (let i = 0; i < 3; i++) {
  const t = performance.now(); const c = process.cpuUsage();
  const p = validateAll(files);
  const u = process.cpuUsage(c);
  console.log('validate wall', Math.round(performance.now() - t), 'cpu', Math.round((u.user + u.system) / 1000), p.length);
}
