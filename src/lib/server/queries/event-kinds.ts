/**
 * SQL predicates over the `events` table that recognise kinds of events whatever the sending app
 * calls them: from the category, the action's words and `changes`, never from one app's names.
 * Reports, detection rules and the monthly report all count with these, so a figure in a report
 * and the alert a rule raises always mean the same events.
 */

/** Words at a word edge of the lower-cased action (`login_failed`, `user.session.start`, `consolelogin`). */
const words = (...w: string[]) => `match(action_key, '(^|[^a-z])(${w.join('|')})')`;

const SIGN_OUT = words('logout', 'log_out', 'log out', 'logoff', 'signout', 'sign_out', 'sign out', 'signed out', 'session\\\\.end');
const SIGN_IN_WORDS = `(${words('login', 'log_in', 'log in', 'logged in', 'logon', 'signin', 'sign_in', 'sign in', 'signed in', 'sso', 'authenticat', 'session\\\\.start', 'session_start', 'assumerole')} OR match(action_key, 'consolelogin'))`;

/** Any authentication event that failed, whatever the app names it (issue 6: "a failed sign-in"). */
export const FAILED_SIGN_IN = `(category = 'authentication' AND outcome = 'failure')`;

/** A successful sign-in: an authentication success named like one, and not a sign-out. */
export const SIGN_IN = `(category = 'authentication' AND outcome = 'success' AND ${SIGN_IN_WORDS} AND NOT ${SIGN_OUT})`;

/** The account a sign-in concerns: the email when known (people type those), else the actor id. */
export const ACCOUNT = `if(actor_email != '', lower(actor_email), actor_id)`;

/** An export that happened (records and bytes are parsed from details at ingest). */
export const EXPORT = `(category = 'data_export' AND outcome = 'success')`;

const DELETE_WORDS = words('delete', 'deleted', 'deletes', 'deleting', 'remove', 'removed', 'destroy', 'destroyed', 'purge', 'purged', 'erase', 'erased', 'wipe', 'wiped', 'bulk_delete');
/** A delete-like action name: every successful, non-authentication event so named is a DELETION (drill-downs filter on such actions). */
export const DELETE_ACTION = DELETE_WORDS;
/** `changes` with a before and no after: the entity is gone, whatever the action says. */
const GONE = `(JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after'))`;

/** A deletion that succeeded: a delete-like action or a before without an after; sign-outs are not. */
export const DELETION = `(outcome = 'success' AND category != 'authentication' AND (${DELETE_WORDS} OR ${GONE}))`;

/** How many items one deletion removed: a bulk count from details when given, else one. */
export const DELETED_ITEMS = `greatest(toUInt64(1), records, toUInt64OrZero(JSONExtractRaw(details, 'count')), toUInt64OrZero(JSONExtractRaw(details, 'deleted')), toUInt64OrZero(JSONExtractRaw(details, 'items')))`;

const PRIVILEGE_FIELDS = `['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']`;
const PRIVILEGE_WORDS = `match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')`;

/** An action named as a change of rights: every successful authorization or user_management event so named is a PRIVILEGE_CHANGE. */
export const PRIVILEGE_ACTION = PRIVILEGE_WORDS;

/** A change of who may do what: role or permission fields changed, or an authorization change named so. */
export const PRIVILEGE_CHANGE = `(outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ${PRIVILEGE_FIELDS}) OR ${PRIVILEGE_WORDS}))`;

/** A privilege change that hands out admin, owner or super-user rights (the high-severity kind). */
export const PRIVILEGE_ELEVATION = `(${PRIVILEGE_CHANGE} AND (match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access') OR match(action_key, 'promot|make_admin|add_admin|grant_admin|administratoraccess') OR positionCaseInsensitive(details, 'administratoraccess') > 0))`;

/** A change of settings or configuration that succeeded (reads of settings are data_access). */
export const CONFIG_CHANGE = `(category = 'configuration' AND outcome = 'success')`;
