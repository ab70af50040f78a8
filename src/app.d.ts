import type { User } from '$lib/server/auth/users';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			errorId?: string;
		}
		interface Locals {
			/** The signed-in person, or null. */
			user: User | null;
			/** The cookie token of the session, for sign-out. */
			sessionToken: string | null;
		}
	}
}

export {};
