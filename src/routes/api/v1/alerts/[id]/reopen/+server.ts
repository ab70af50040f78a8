import { alertStatusHandler } from '$lib/alerts/api.server';

export const POST = alertStatusHandler('open');
