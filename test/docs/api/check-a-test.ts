import { after, check, eq, litmus } from '../../../api/index.js';

const test = litmus('flag-after-data')
  .config({ platform: 'adr', fs: 'ext4-dax' })
  .file('f', { size: 4096, state: 'hole' })
  .mmap('m', 'f', 4096, ['MAP_SHARED_VALIDATE', 'MAP_SYNC'])
  .store('m', 0, 42).clwb('m', 0).sfence().label('done')
  .observe('x', 'f', 0, 8)
  .forall(eq('x', 42), after('done'))
  .build();
export const report = check(test); // report.verdict === 'pass'
