package org.hostel.complaints.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Hands test methods, lifecycle methods and constructors an {@link Api} on the running test
 * context's port and {@link Fixtures} logged in as its admin.
 */
public final class TestApi implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    Class<?> type = parameter.getParameter().getType();
    return type == Api.class || type == Fixtures.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    ApplicationContext context = SpringExtension.getApplicationContext(extension);
    Api api =
        Api.onPort(
            context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    return parameter.getParameter().getType() == Api.class ? api : new Fixtures(api);
  }
}
