// The storage thread starts here: TypeScript through tsx (a runtime dependency), whether the
// server runs under tsx or inside the test runner.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
