package vn.thanthien.pilot.access;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.database.PostgresProfile;

/** The authorization matrix, unchanged, on a real PostgreSQL database (profile {@code it-postgres}). */
@Tag("postgres")
@ActiveProfiles(PostgresProfile.PROFILE)
class AccessMatrixOnPostgresTest extends AccessMatrixTest {}
