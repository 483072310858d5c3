// welcome for the programme "Chính quyền thân thiện vì nhân dân phục vụ" (shared settings in
// app/pilot-shared/config.js).
import pilotConfig from '../../pilot-shared/config.js';

export default pilotConfig('Trang chủ');
