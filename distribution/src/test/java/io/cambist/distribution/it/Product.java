package io.cambist.distribution.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/** In-container view of the product booted by {@link CambistOptions}: its directories, admin API and services. */
public final class Product {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BundleContext context;

    public Product(BundleContext context) {
        this.context = context;
    }

    public Path home() {
        return Paths.get(context.getProperty("cambist.home"));
    }

    public Path data() {
        return Paths.get(context.getProperty("cambist.data"));
    }

    public URI adminUri() {
        return URI.create("http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + "/api/v1");
    }

    /** A client for the admin API, once it answers signed requests (first key written, security services up). */
    public AdminClient admin() throws InterruptedException {
        awaitStarted();
        AdminClient client = new AdminClient(adminUri(), data());
        AdminClient.Response health = client.await("/health", 200, TIMEOUT);
        if (health == null || health.status() != 200) {
            throw new AssertionError("GET /api/v1/health did not answer 200 within " + TIMEOUT + ": " + health);
        }
        client.awaitSigned(Duration.ofSeconds(60));
        return client;
    }

    /** Waits until every start level has been reached (Pax Exam runs the tests from level 5 on). */
    public void awaitStarted() throws InterruptedException {
        FrameworkStartLevel startLevel = context.getBundle(0).adapt(FrameworkStartLevel.class);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (startLevel.getStartLevel() < 10 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // a start level change is complete only when its event has been delivered; ask for the same level and wait
        CountDownLatch reached = new CountDownLatch(1);
        startLevel.setStartLevel(startLevel.getStartLevel(), event -> reached.countDown());
        reached.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Optional<Bundle> bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst();
    }

    /**
     * Updates a shipped bundle in place through {@code PUT /bundles/{id}} with its own jar from {@code bundles/}
     * (a real update: the bundle is stopped, gets a new revision and starts again); returns the bundle.
     */
    public Bundle updateInPlace(AdminClient admin, String symbolicName) throws IOException {
        Bundle bundle = bundle(symbolicName).orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
        String location = CambistOptions.platformJars().get(symbolicName).location();
        Ops.update(admin, bundle.getBundleId(), Files.readAllBytes(Paths.get(URI.create(location))));
        return bundle;
    }

    /** Polls until {@code bundle} is in {@code state}; returns the state it ended in. */
    public int awaitState(Bundle bundle, int state) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (bundle.getState() != state && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return bundle.getState();
    }

    /** The {@code cambist.it.greeting} property of the greeting service, when one is registered. */
    public Optional<String> greetingVersion() {
        try {
            Filter filter = FrameworkUtil.createFilter("(" + io.cambist.distribution.it.fixture.GreetingActivator.PROPERTY + "=*)");
            ServiceReference<?>[] references = context.getAllServiceReferences(null, filter.toString());
            if (references == null || references.length == 0) {
                return Optional.empty();
            }
            return Optional.of(String.valueOf(references[0].getProperty(io.cambist.distribution.it.fixture.GreetingActivator.PROPERTY)));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the greeting service shows {@code expected} (empty: no greeting service at all). */
    public Optional<String> awaitGreeting(Optional<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Optional<String> current = greetingVersion();
        while (!current.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            current = greetingVersion();
        }
        return current;
    }
}
