/**
 * Test-only switches read from the environment. They exist so the chaos soak
 * can prove it catches a broken build; no user-facing setting sets them and
 * nothing but the engine's create path reads them.
 */

/** The variable that turns the pre-create lookup off (test-only, see README "Chaos soak"). */
export const SKIP_PRECREATE_LOOKUP_ENV = 'REQBRIDGE_TEST_SKIP_PRECREATE_LOOKUP';

/**
 * True when `REQBRIDGE_TEST_SKIP_PRECREATE_LOOKUP=1`: a create whose outcome is
 * unknown is re-sent without looking the record up by its natural key, and the
 * journal's start-up settling does not look a SENT create up either. This
 * deliberately breaks "no duplicates"; only the soak's broken-build test sets it.
 */
export function skipPrecreateLookup(): boolean {
  return process.env[SKIP_PRECREATE_LOOKUP_ENV] === '1';
}
