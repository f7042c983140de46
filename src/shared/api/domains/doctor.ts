/** Contract of the connection doctor (Setup → Check connection, `reqbridge doctor`). */
import type { DoctorReport } from '../doctor-views.ts';
import { out, profileRef } from './out.ts';

/** Request channels of the doctor. */
export const doctorRequests = {
  'doctor:run': { input: profileRef, output: out<DoctorReport>() },
} as const;

/** Push events of the doctor. */
export const doctorEvents = {
  'doctor:finished': out<DoctorReport>(),
} as const;
