import { createSerial } from '../serial';

/** Every write of alerts in this process (evaluations, status changes) goes through this one queue. */
export const alertWrites = createSerial();
