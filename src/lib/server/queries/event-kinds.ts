import type { Drill } from '../../reports/events-query';

/**
 * The one definition of each kind of event Trailscope counts: failed sign-in, sign-in, export
 * (records, bytes), deletion (items), privilege change and elevation, configuration change. Each is
 * an SQL predicate over the `events` table that recognises the kind whatever the sending app calls
 * it (from the category, the action's words and `changes`, never from one app's names), and, where
 * the timeline's plain filters can express it, the filter that opens exactly those events.
 * Rules, the rollup views (see kind-views.ts), the overview, the security report, the monthly
 * report and every "open these events" link use these; test/unit/one-definition.test.ts fails when
 * a copy appears elsewhere.
 */

/** Words at a word edge of the lower-cased action (`login_failed`, `user.session.start`, `consolelogin`). */
const words = (...w: string[]) => `match(action_key, '(^|[^a-z])(${w.join('|')})')`;

/** A kind the timeline's plain filters select exactly; its SQL is derived from the filter, so the two cannot drift. */
function plainKind(drill: { category: [string]; outcome: [string] }) {
	return { drill: drill as Drill, sql: `(category = '${drill.category[0]}' AND outcome = '${drill.outcome[0]}')` };
}

const FAILED = plainKind({ category: ['authentication'], outcome: ['failure'] });
const EXPORTED = plainKind({ category: ['data_export'], outcome: ['success'] });
const CONFIGURED = plainKind({ category: ['configuration'], outcome: ['success'] });

/** Any authentication event that failed, whatever the app names it (issue 6: "a failed sign-in"). */
export const FAILED_SIGN_IN = FAILED.sql;
export const FAILED_SIGN_IN_DRILL: Drill = FAILED.drill;

const SIGN_OUT = words('logout', 'log_out', 'log out', 'logoff', 'signout', 'sign_out', 'sign out', 'signed out', 'session\\\\.end');
// CamelCase names end in the verb (`ConsoleLogin`, `ExternalIdPDirectoryLogin`), which the
// lower-cased key hides, so those are matched on the action as sent.
const SIGN_IN_WORDS = `(${words('login', 'log_in', 'log in', 'logged in', 'logon', 'signin', 'sign_in', 'sign in', 'signed in', 'sso', 'authenticat', 'session\\\\.start', 'session_start', 'assumerole')} OR match(action_key, 'consolelogin') OR match(action, '[a-z0-9](Login|Logon|SignIn|Signin)$'))`;
/** A name that says the attempt failed: `login_failed` sent without an outcome is no sign-in. */
const NAMED_FAILURE = words('fail', 'denied', 'deny', 'blocked', 'rejected', 'invalid');

/** A successful sign-in: an authentication success named like one, and not a sign-out or a failure. */
export const SIGN_IN = `(category = 'authentication' AND outcome = 'success' AND ${SIGN_IN_WORDS} AND NOT ${SIGN_OUT} AND NOT ${NAMED_FAILURE})`;
/** An action named as a sign-in: every successful authentication event so named is a SIGN_IN (drill-downs filter on such actions). */
export const SIGN_IN_ACTION = `(${SIGN_IN_WORDS} AND NOT ${SIGN_OUT} AND NOT ${NAMED_FAILURE})`;
/** The timeline filter around SIGN_IN; kindGroupDrill narrows it to the sign-ins' actions. */
export const SIGN_IN_WIDER: Drill = { category: ['authentication'], outcome: ['success'] };

/** The account a sign-in concerns: the email when known (people type those), else the actor id. */
export const ACCOUNT = `if(actor_email != '', lower(actor_email), actor_id)`;

/** An export that happened (records and bytes are parsed from details at ingest). */
export const EXPORT = EXPORTED.sql;
/** Events whose `records` and `bytes` the API shows (event-columns.ts): the export category, whatever the outcome. */
export const EXPORT_CATEGORY = `category = '${EXPORTED.drill.category![0]}'`;
export const EXPORT_DRILL: Drill = EXPORTED.drill;

const DELETE_WORDS = words('delete', 'deleted', 'deletes', 'deleting', 'remove', 'removed', 'destroy', 'destroyed', 'purge', 'purged', 'erase', 'erased', 'wipe', 'wiped', 'bulk_delete');
/** A delete-like action name: every successful event so named is a DELETION (drill-downs filter on such actions). */
export const DELETE_ACTION = DELETE_WORDS;
/** `changes` with a before and no after: the entity is gone, whatever the action says. */
const GONE = `(JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after'))`;

/**
 * A deletion that succeeded. The verb decides, whatever the target or category: `DeleteAccessKey`
 * and `public_key.delete` remove credentials, and are deletions. Without such a verb, a before
 * without an after is one too, except on authentication events (a sign-out's session is not
 * deleted data).
 */
export const DELETION = `(outcome = 'success' AND (${DELETE_WORDS} OR (category != 'authentication' AND ${GONE})))`;
/** The timeline filter around DELETION: kindGroupDrill narrows it to the group's actions or ids. */
export const DELETION_WIDER: Drill = { outcome: ['success'] };

/** How many items one deletion removed: a bulk count from details when given, else one. */
export const DELETED_ITEMS = `greatest(toUInt64(1), records, toUInt64OrZero(JSONExtractRaw(details, 'count')), toUInt64OrZero(JSONExtractRaw(details, 'deleted')), toUInt64OrZero(JSONExtractRaw(details, 'items')))`;

const PRIVILEGE_CATEGORIES = ['authorization', 'user_management'];
const PRIVILEGE_FIELDS = `['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']`;
const PRIVILEGE_WORDS = `match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')`;

/** An action named as a change of rights: every successful authorization or user_management event so named is a PRIVILEGE_CHANGE. */
export const PRIVILEGE_ACTION = PRIVILEGE_WORDS;

// Rights handed out in `changes.after`: an admin, owner, super-user, root or full-access role or permission.
const ELEVATED_AFTER = `match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access')`;
// Something created (an after, no before): a user or key created with ordinary rights gains nobody anything.
const CREATED_ORDINARY = `(JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT ${ELEVATED_AFTER})`;
/**
 * A change of who may do what: role or permission fields changed, or an authorization change named
 * so; creating a user or key with ordinary rights is not one (creating an administrator is).
 */
export const PRIVILEGE_CHANGE = `(outcome = 'success' AND category IN (${PRIVILEGE_CATEGORIES.map((c) => `'${c}'`).join(', ')}) AND (hasAny(changed_fields, ${PRIVILEGE_FIELDS}) OR ${PRIVILEGE_WORDS}) AND NOT ${CREATED_ORDINARY})`;
export const PRIVILEGE_WIDER: Drill = { category: PRIVILEGE_CATEGORIES, outcome: ['success'] };

/** A privilege change that hands out admin, owner or super-user rights (the high-severity kind). */
export const PRIVILEGE_ELEVATION = `(${PRIVILEGE_CHANGE} AND (${ELEVATED_AFTER} OR match(action_key, 'promot|make_admin|add_admin|grant_admin|invite_admin|administratoraccess') OR positionCaseInsensitive(details, 'administratoraccess') > 0))`;

/** A change of settings or configuration that succeeded (reads of settings are data_access). */
export const CONFIG_CHANGE = CONFIGURED.sql;
export const CONFIG_CHANGE_DRILL: Drill = CONFIGURED.drill;
