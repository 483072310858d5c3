// admin for the programme "Chính quyền thân thiện vì nhân dân phục vụ" (shared settings in
// app/pilot-shared/config.js), plus: no first-user setup form, a notice on how the first
// administrator is created instead (scripts/setup-closed.js, an AngularJS module).
import pilotConfig from '../../pilot-shared/config.js';

export default {
  ...pilotConfig('Quản trị hệ thống'),
  // resolved from app/admin/
  requireJsConfig: {
    deps: ['pilot-setup-closed'],
    paths: { 'pilot-setup-closed': 'scripts/setup-closed' },
    ngDeps: ['pilot.setupClosed']
  }
};
