import { DELETE_ACTION, PRIVILEGE_ACTION, SIGN_IN_ACTION } from '../event-kinds';

/**
 * Columns that tell how to open exactly a group's events of a kind on the timeline: its actions,
 * whether every one of them is named like the kind (then "these actions" is exact), and up to 100
 * ids otherwise (what one `f=id:in:` filter holds; see kindGroupDrill).
 */
export const drillColumns = (actionNamesKind: string) => `groupUniqArray(20)(action_key) AS actions, countIf(NOT ${actionNamesKind}) = 0 AS by_action,
	if(count() <= 100, groupArray(100)(toString(id)), []) AS ids`;

export const DELETION_DRILL = drillColumns(DELETE_ACTION);
export const PRIVILEGE_DRILL = drillColumns(PRIVILEGE_ACTION);
export const SIGN_IN_DRILL = drillColumns(SIGN_IN_ACTION);
