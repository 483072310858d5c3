package vn.thanthien.pilot.app;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.database.PostgresProfile;

/** The Hưng Hà walkthrough, unchanged, on a real PostgreSQL database (profile {@code it-postgres}). */
@Tag("postgres")
@ActiveProfiles(PostgresProfile.PROFILE)
class HungHaWalkthroughOnPostgresTest extends HungHaWalkthroughTest {}
