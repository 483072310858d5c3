package vn.thanthien.pilot.survey;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.database.PostgresProfile;

/** The survey over HTTP, unchanged, on a real PostgreSQL database (profile {@code it-postgres}). */
@Tag("postgres")
@ActiveProfiles(PostgresProfile.PROFILE)
class SurveyOnPostgresTest extends SurveyOverHttpTest {}
