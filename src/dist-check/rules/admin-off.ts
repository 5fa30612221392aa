/**
 * Catches the CMS shipped where it must not be: in a build with MODUS_ADMIN=off (an officer
 * deployment), any file under dist/admin/ is a finding, so the editing interface is never deployed
 * by mistake.
 */
import type { DistCheckRule } from '../rule.ts';

/** Finds dist/admin/ in a build with MODUS_ADMIN=off (one finding, on `admin/`). */
export const adminOff: DistCheckRule = {
  reportedAs: 'admin',
  prepare: ({ admin }) => ({
    beforeFiles(paths, report) {
      if (!admin && paths.some((f) => f.startsWith('admin/'))) {
        report('admin/', 'MODUS_ADMIN=off, but dist/admin/ exists: an officer deployment must not carry the CMS');
      }
    },
  }),
};
