package org.hostel.complaints.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The shared end-to-end context on the embedded SQLite database: the full application on a random
 * port with the settings of {@link TestSetup#PROPERTIES}, one data folder for every class that uses
 * it.
 *
 * <p>Spring's test context cache reuses the context across test classes, so tests never assume an
 * empty database: they make their own staff and reporters ({@link Fixtures}). A class that needs
 * other settings adds a {@code @DynamicPropertySource}, which gives it a context and storage of its
 * own. Test methods, lifecycle methods and constructors may take {@link Api} and {@link Fixtures}
 * parameters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = TestSetup.PROPERTIES)
@ContextConfiguration(initializers = TestStorage.Embedded.class)
@ExtendWith(TestApi.class)
public @interface EmbeddedContext {}
