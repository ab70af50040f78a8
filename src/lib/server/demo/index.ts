export { generateDemoEvents, DEMO_DEFAULT_SEED, type DemoOptions } from './generate';
export { DEMO_INCIDENTS, EXPORT_SPREE_RECORDS, incidentStart, type DemoIncident, type IncidentKey } from './incidents';
export { EMPLOYEES, type Person } from './people';
