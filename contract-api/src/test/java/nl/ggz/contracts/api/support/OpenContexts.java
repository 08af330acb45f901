package nl.ggz.contracts.api.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Closes the test run's application contexts while their databases still run. Spring keeps each context open until
 * the JVM exits and closes them in its shutdown hook; the embedded PostgreSQL of each context has a shutdown hook of
 * its own (zonky's), which runs at the same time and stops the server under the context: every context then waited
 * seconds for its event processors and scheduler to give up on a dead database, and Surefire killed the JVM after
 * 30 s. Registered with Spring as a test execution listener (it notes each context) and with the JUnit Platform as a
 * launcher session listener (it closes them, newest first, when the run ends).
 */
public class OpenContexts extends AbstractTestExecutionListener implements LauncherSessionListener {

    private static final Deque<ConfigurableApplicationContext> OPEN = new ArrayDeque<>();

    @Override
    public void prepareTestInstance(TestContext testContext) {
        ApplicationContext context = testContext.getApplicationContext();
        if (context instanceof ConfigurableApplicationContext configurable) {
            synchronized (OPEN) {
                if (!OPEN.contains(configurable)) {
                    OPEN.push(configurable);
                }
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (OPEN) {
            while (!OPEN.isEmpty()) {
                ConfigurableApplicationContext context = OPEN.pop();
                if (context.isActive()) {
                    context.close();
                }
            }
        }
    }
}
