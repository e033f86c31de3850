package org.hostel.complaints.complaint;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * The {@link ReporterUpdate}s a shared test context publishes, recorded by a listener added to it
 * at run time (so the context stays the shared one). Tests look only at their own complaints.
 */
final class ReporterUpdateLog {

  private static final Map<ApplicationContext, List<ReporterUpdate>> LOGS = new WeakHashMap<>();

  private ReporterUpdateLog() {}

  static synchronized List<ReporterUpdate> of(ApplicationContext context) {
    return LOGS.computeIfAbsent(
        context,
        c -> {
          List<ReporterUpdate> log = new CopyOnWriteArrayList<>();
          ((ConfigurableApplicationContext) c)
              .addApplicationListener(
                  (ApplicationListener<PayloadApplicationEvent<?>>)
                      event -> {
                        if (event.getPayload() instanceof ReporterUpdate update) {
                          log.add(update);
                        }
                      });
          return log;
        });
  }

  static List<ReporterUpdate> to(List<ReporterUpdate> log, UUID complaint) {
    return log.stream().filter(u -> u.complaint().id().equals(complaint)).toList();
  }
}
