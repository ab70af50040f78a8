import { DELETE_ACTION, PRIVILEGE_ACTION } from '../event-kinds';

/**
 * Columns that tell how to open exactly a group's events of a kind on the timeline: its actions,
 * whether every one of them is named like the kind (then "these actions" is exact), and up to 16
 * ids otherwise (see kindGroupDrill).
 */
export const drillColumns = (actionNamesKind: string) => `groupUniqArray(20)(action_key) AS actions, countIf(NOT ${actionNamesKind}) = 0 AS by_action,
	if(count() <= 16, groupArray(16)(toString(id)), []) AS ids`;

export const DELETION_DRILL = drillColumns(DELETE_ACTION);
export const PRIVILEGE_DRILL = drillColumns(PRIVILEGE_ACTION);
