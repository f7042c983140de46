/** Contract of the connection doctor (Setup → Check connection, `reqbridge doctor`). */
import type { DoctorProgress, DoctorReport } from '../doctor-views.ts';
import type { ApiShapeReport } from '../shape-views.ts';
import { out, profileRef } from './out.ts';

/** Request channels of the doctor. */
export const doctorRequests = {
  /** Run every check; resolves with the report (progress comes as `doctor:progress`). */
  'doctor:run': { input: profileRef, output: out<DoctorReport>() },
  /** Stop the profile's running check: the checks not run yet are reported "Not checked — cancelled". */
  'doctor:cancel': { input: profileRef, output: out<{ cancelled: boolean }>() },
  /** The profile's last finished Check connection as it was stored (null when it never ran); nothing is checked. */
  'doctor:last': { input: profileRef, output: out<DoctorReport | null>() },
  /** The profile's API shape record: each endpoint's answers and their differences from the expected shape (no values). */
  'doctor:shapes': { input: profileRef, output: out<ApiShapeReport>() },
} as const;

/** Push events of the doctor. */
export const doctorEvents = {
  'doctor:progress': out<DoctorProgress>(),
  'doctor:finished': out<DoctorReport>(),
} as const;
