/** What can happen to an alert after it is raised; each is one entry of its history. */
export const ALERT_HISTORY_ACTIONS = ['acknowledged', 'resolved', 'reopened', 'commented'] as const;
export type AlertHistoryAction = (typeof ALERT_HISTORY_ACTIONS)[number];

/** One entry of an alert's history as the API and the alert page show it. */
export interface AlertHistoryJson {
	at: string;
	by: string;
	action: AlertHistoryAction;
	comment: string | null;
}
