package io.cambist.admin.internal.backtest;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.admin.internal.rest.ApiException;
import io.cambist.admin.internal.rest.Json;
import io.cambist.admin.internal.services.ServiceSource;
import io.cambist.api.backtest.BacktestReport;
import io.cambist.api.backtest.BacktestRequest;
import io.cambist.api.backtest.BacktestService;

/**
 * Runs backtests one task each on the framework scheduler and keeps their files under {@code <data>/backtests/<id>/}:
 * {@code request.json}, {@code status.json}, and when done {@code report.json} and {@code report.html}. Past runs are
 * listed from disk, so they survive a restart; a run cut short by a restart shows as FAILED.
 */
public final class BacktestJobs {

    static final String QUEUED = "QUEUED";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    static final String STATUS = "status.json";
    static final String REPORT_JSON = "report.json";
    static final String REPORT_HTML = "report.html";

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Logger logger = LoggerFactory.getLogger(BacktestJobs.class);
    private final Path directory;
    private final ServiceSource<BacktestService> service;
    private final ServiceSource<ScheduledExecutorService> scheduler;
    private final IntSupplier maxActive;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public BacktestJobs(Path directory, ServiceSource<BacktestService> service, ServiceSource<ScheduledExecutorService> scheduler,
            IntSupplier maxActive, LongSupplier clock) {
        this.directory = directory;
        this.service = service;
        this.scheduler = scheduler;
        this.maxActive = maxActive;
        this.clock = clock;
    }

    /** Queues a backtest; its status (QUEUED) comes back at once. */
    public synchronized BacktestStatus submit(BacktestRequest request, String market, BacktestBody body) {
        service.require();
        ScheduledExecutorService executor = scheduler.require();
        long active = jobs.values().stream().filter(j -> j.status().active()).count();
        if (active >= maxActive.getAsInt()) {
            throw new ApiException(429, "too many backtests", active + " backtests are queued or running (the limit is "
                    + maxActive.getAsInt() + "); wait for one to finish or raise maxBacktests in io.cambist.admin");
        }
        String id = newId();
        Job job = new Job(id, request, market, clock.getAsLong());
        try {
            Files.createDirectories(directory.resolve(id));
            AtomicFiles.write(directory.resolve(id).resolve("request.json"), Json.write(body).getBytes(StandardCharsets.UTF_8));
            persist(job);
        } catch (IOException e) {
            throw new ApiException(500, "backtest store failed", "cannot write under " + directory + ": " + e.getMessage());
        }
        jobs.put(id, job);
        try {
            executor.execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            finish(job, FAILED, null, "the framework scheduler refused the task (shutting down?)");
            throw scheduler.unavailable();
        }
        return job.status();
    }

    /** Every backtest, newest first. */
    public List<BacktestStatus> list() {
        List<BacktestStatus> all = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(directory, Files::isDirectory)) {
                for (Path dir : dirs) {
                    status(dir.getFileName().toString()).ifPresent(all::add);
                }
            } catch (IOException e) {
                logger.warn("cannot list backtests under {}: {}", directory, e.toString());
            }
        }
        jobs.keySet().stream().filter(id -> all.stream().noneMatch(s -> s.id().equals(id)))
                .forEach(id -> all.add(jobs.get(id).status()));
        all.sort(Comparator.comparingLong(BacktestStatus::createdAt).reversed().thenComparing(BacktestStatus::id));
        return all;
    }

    /** One backtest. */
    public Optional<BacktestStatus> status(String id) {
        Job job = jobs.get(id);
        if (job != null) {
            return Optional.of(job.status());
        }
        Path file = directory.resolve(id).resolve(STATUS);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            BacktestStatus s = Json.MAPPER.readValue(file.toFile(), BacktestStatus.class);
            if (s.active()) {
                // nothing in memory runs it: the container stopped while it ran
                s = new BacktestStatus(s.id(), FAILED, s.strategy(), s.instrument(), s.market(), s.createdAt(), s.startedAt(),
                        s.finishedAt(), s.progress(), "interrupted: the container stopped while it ran", null);
            }
            return Optional.of(s);
        } catch (IOException e) {
            logger.warn("unreadable backtest status {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** A finished backtest's report file. */
    public Path report(String id, String file) {
        BacktestStatus s = status(id).orElseThrow(() -> missing(id));
        if (!s.state().equals(DONE)) {
            throw ApiException.conflict("backtest " + id + " is " + s.state() + "; its report exists once it is DONE"
                    + (s.error() == null ? "" : " (" + s.error() + ")"));
        }
        Path p = directory.resolve(id).resolve(file);
        if (!Files.isRegularFile(p)) {
            throw ApiException.notFound("backtest " + id + " has no " + file);
        }
        return p;
    }

    /** Deletes a finished backtest's files. */
    public void delete(String id) {
        BacktestStatus s = status(id).orElseThrow(() -> missing(id));
        if (s.active()) {
            throw ApiException.conflict("backtest " + id + " is " + s.state() + "; delete it once it has finished");
        }
        jobs.remove(id);
        Path dir = directory.resolve(id);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new ApiException(500, "backtest store failed", "cannot delete " + dir + ": " + e.getMessage());
        }
    }

    private void run(Job job) {
        job.startedAt = clock.getAsLong();
        job.state = RUNNING;
        persistQuietly(job);
        BacktestService s = service.get();
        if (s == null) {
            finish(job, FAILED, null, service.name() + " went away before the run started (" + service.provider() + ")");
            return;
        }
        try {
            BacktestReport report = s.run(job.request, (done, total) -> {
                job.done.set(done);
                job.total.set(total);
            });
            Path dir = directory.resolve(job.id);
            AtomicFiles.write(dir.resolve(REPORT_JSON), s.toJson(report).getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(dir.resolve(REPORT_HTML), s.toHtml(report).getBytes(StandardCharsets.UTF_8));
            job.done.set(report.candles());
            job.total.set(report.candles());
            finish(job, DONE, new BacktestStatus.Summary(report.candles(), report.finalEquity(),
                    report.metrics() == null ? null : report.metrics().totalReturn(),
                    report.metrics() == null ? null : report.metrics().maxDrawdown(), report.trades().size(),
                    report.metrics() == null ? null : report.metrics().fees(), report.failure()), null);
            logger.info("backtest {} done: {} candles, final equity {}", job.id, report.candles(),
                    report.finalEquity() == null ? "?" : report.finalEquity().toPlainString());
        } catch (IllegalArgumentException e) {
            finish(job, FAILED, null, e.getMessage());
        } catch (IOException e) {
            finish(job, FAILED, null, "cannot write the report: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            logger.warn("backtest {} failed", job.id, e);
            finish(job, FAILED, null, "the backtest failed: " + e);
        }
    }

    private void finish(Job job, String state, BacktestStatus.Summary summary, String error) {
        job.finishedAt = clock.getAsLong();
        job.summary = summary;
        job.error = error;
        job.state = state;
        persistQuietly(job);
    }

    private void persist(Job job) throws IOException {
        AtomicFiles.write(directory.resolve(job.id).resolve(STATUS), Json.write(job.status()).getBytes(StandardCharsets.UTF_8));
    }

    private void persistQuietly(Job job) {
        try {
            persist(job);
        } catch (IOException e) {
            logger.warn("cannot write the status of backtest {}: {}", job.id, e.toString());
        }
    }

    private String newId() {
        while (true) {
            byte[] r = new byte[3];
            random.nextBytes(r);
            String id = "bt-" + ID_TIME.format(Instant.ofEpochMilli(clock.getAsLong())) + "-" + HexFormat.of().formatHex(r);
            if (!jobs.containsKey(id) && !Files.exists(directory.resolve(id))) {
                return id;
            }
        }
    }

    static ApiException missing(String id) {
        return ApiException.notFound("no backtest '" + id + "'; GET /api/v1/backtests lists them");
    }

    /** One run, updated by the task and read by requests. */
    private static final class Job {
        final String id;
        final BacktestRequest request;
        final String market;
        final long createdAt;
        final AtomicLong done = new AtomicLong();
        final AtomicLong total = new AtomicLong(-1);
        volatile String state = QUEUED;
        volatile Long startedAt;
        volatile Long finishedAt;
        volatile String error;
        volatile BacktestStatus.Summary summary;

        Job(String id, BacktestRequest request, String market, long createdAt) {
            this.id = id;
            this.request = request;
            this.market = market;
            this.createdAt = createdAt;
        }

        BacktestStatus status() {
            long d = done.get();
            long t = total.get();
            BigDecimal percent = t > 0 ? BigDecimal.valueOf(d * 100.0 / t).setScale(1, RoundingMode.HALF_UP) : null;
            return new BacktestStatus(id, state, request.strategyType(), request.source().instrument().symbol(), market,
                    createdAt, startedAt, finishedAt, new BacktestStatus.Progress(d, t, percent), error, summary);
        }
    }
}
