package io.cambist.launcher.testbundle;

import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Stands in for the HTTP bundle in launcher tests: registers a service with the {@code osgi.http.endpoint} of a
 * server the test runs (system property {@code cambist.test.endpoint}), and stops the framework from inside, as the
 * admin API's shutdown would, once the test sets {@code cambist.test.stop=true}.
 */
public final class FakeHttpActivator implements BundleActivator {

    public static final String ENDPOINT = "cambist.test.endpoint";
    public static final String STOP = "cambist.test.stop";

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.http.endpoint", System.getProperty(ENDPOINT));
        context.registerService(Object.class, new Object(), props);
        Thread stopper = new Thread(() -> {
            try {
                while (!Boolean.getBoolean(STOP)) {
                    Thread.sleep(20);
                }
                context.getBundle(0).stop();
            } catch (InterruptedException | BundleException | IllegalStateException e) {
                // the framework is stopping anyway
            }
        }, "fake-http-stopper");
        stopper.setDaemon(true);
        stopper.start();
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
