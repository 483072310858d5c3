package vn.thanthien.pilot.app;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.database.PostgresProfile;

/**
 * Concurrent and repeated completions, unchanged, on a real PostgreSQL database: PostgreSQL makes
 * the second transaction wait on the task's row lock instead of failing at once as H2 may, and
 * reports a value too long in its own words; the answers must be the same (one 204, one clear 4xx).
 */
@Tag("postgres")
@ActiveProfiles(PostgresProfile.PROFILE)
class CompletionConflictOnPostgresTest extends CompletionConflictOverHttpTest {}
