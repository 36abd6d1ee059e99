package io.cambist.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import io.cambist.api.backtest.BacktestProgress;
import io.cambist.api.backtest.BacktestReport;
import io.cambist.api.backtest.BacktestRequest;
import io.cambist.api.backtest.BacktestService;
import io.cambist.api.exchange.MarketSource;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;
import io.cambist.api.strategy.Signal;
import io.cambist.api.strategy.SignalFile;
import io.cambist.launcher.CambistException;
import io.cambist.launcher.internal.AtomicFiles;
import io.cambist.launcher.internal.backtest.BacktestContainer;
import io.cambist.launcher.internal.backtest.BacktestLogging;
import io.cambist.launcher.internal.backtest.BacktestPlatform;
import io.cambist.launcher.internal.backtest.ProgressLine;
import io.cambist.launcher.internal.backtest.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cambist backtest}: runs a strategy bundle over a candle file in a small embedded container (logging, DS,
 * Config Admin, the core, the paper exchange's simulated venues and the strategy bundles of the distribution, with
 * a simulated clock), writes {@code report.json} and {@code report.html} and prints a summary.
 */
@Command(name = "backtest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Backtest a strategy on a candle file and write report.json and report.html.",
            "Equal inputs give a byte-identical report.json.",
        },
        footer = {
            "",
            "Example:",
            "  cambist backtest --strategy smacross --candles ETH_BTC-5m.json \\",
            "      --instrument ETH/BTC --set fast=10 --set slow=30 --balance BTC=1 --fee 0.001",
            "",
            "Exit codes: 0 done; 1 failed (missing file, unknown strategy, refused",
            "parameters, strategy failure); 2 bad usage.",
        })
final class BacktestCommand implements Callable<Integer> {

    /** Configuration keys the backtest sets itself. */
    private static final Set<String> RESERVED = Set.of("instrument", "account", "enabled");

    @Spec
    CommandSpec spec;

    @Option(names = "--strategy", required = true, paramLabel = "TYPE",
            description = "Strategy type: smacross, grid, dca, signal, or that of another strategy bundle.")
    String strategy;

    @Option(names = "--candles", required = true, paramLabel = "FILE",
            description = "Candle file: a JSON array of [open_time_ms, open, high, low, close, volume], or CSV with "
                    + "the header time,open,high,low,close,volume.")
    Path candles;

    @Option(names = "--instrument", required = true, paramLabel = "BASE/QUOTE",
            description = "The instrument of the candles, e.g. ETH/BTC.")
    String instrument;

    @Option(names = "--timeframe", paramLabel = "WIDTH",
            description = "Candle width, e.g. 5m (default: inferred from the file).")
    String timeframe;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A strategy parameter, as in its configuration (repeatable): --set fast=10 --set slow=30.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--balance", paramLabel = "CUR=AMOUNT",
            description = "A starting balance (repeatable): --balance BTC=1 (default: 1 of the quote currency).")
    List<String> balances = new ArrayList<>();

    @Option(names = "--fee", paramLabel = "RATE", description = "Maker and taker fee rate, e.g. 0.001 for 0.1 %% (default: 0).")
    BigDecimal fee;

    @Option(names = "--maker-fee", paramLabel = "RATE", description = "Maker fee rate (overrides --fee).")
    BigDecimal makerFee;

    @Option(names = "--taker-fee", paramLabel = "RATE", description = "Taker fee rate (overrides --fee).")
    BigDecimal takerFee;

    @Option(names = "--signals", paramLabel = "FILE",
            description = "Timed signals for the signal bot: a JSON array of webhook alerts (see docs/strategies.md).")
    Path signals;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the reports go (default: backtest-<strategy>-<BASE>_<QUOTE> in the "
                    + "working directory).")
    Path out;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Where the throwaway backtest container lives while it runs (default: the system's "
                    + "temporary directory).")
    Path data;

    @Option(names = "--bundle", paramLabel = "JAR",
            description = "Another strategy bundle to install for the run (repeatable); strategy bundles in deploy/ "
                    + "are installed too.")
    List<Path> bundles = new ArrayList<>();

    @Option(names = { "-q", "--quiet" }, description = "No progress line.")
    boolean quiet;

    /** Whether the progress line may be shown: an interactive terminal. */
    BooleanSupplier terminal = BacktestCommand::interactive;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        BacktestRequest request = request();
        Path outDir = prepareOut(out != null ? out
                : Path.of("backtest-" + strategy + "-" + request.source().instrument().symbol().replace('/', '_')));
        Path home = Home.resolve();
        try (BacktestPlatform platform = BacktestPlatform.stage(home, checkedBundles(), data);
                BacktestLogging logging = BacktestLogging.to(outDir.resolve("backtest.log"));
                BacktestContainer container = BacktestContainer.start(home, platform)) {
            Set<String> types = container.strategyTypes(strategy);
            container.startupTrace().forEach(stderr::println);
            if (!types.contains(strategy)) {
                throw new CambistException("unknown strategy '" + strategy + "'; installed: "
                        + (types.isEmpty() ? "none" : String.join(", ", types)));
            }
            BacktestService service = container.backtests();
            BacktestProgress progress = ProgressLine.of(stderr, !quiet && terminal.getAsBoolean());
            BacktestReport report;
            try {
                report = service.run(request, progress);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new CambistException(e.getMessage(), e);
            } finally {
                ProgressLine.finish(progress);
            }
            AtomicFiles.write(outDir.resolve("report.json"), service.toJson(report));
            AtomicFiles.write(outDir.resolve("report.html"), service.toHtml(report));
            Summary.lines(report, outDir).forEach(stdout::println);
            stdout.flush();
            if (report.failure() != null) {
                stderr.println("cambist: the strategy failed during the backtest: " + report.failure()
                        + " (see " + outDir.resolve("backtest.log") + ")");
                return CambistCommand.EXIT_FAILED;
            }
            return 0;
        }
    }

    /** Checks every option that needs no container; a mistake is a usage error (exit code 2). */
    BacktestRequest request() {
        Instrument pair;
        try {
            pair = Instrument.parse(instrument);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        Timeframe width = null;
        if (timeframe != null) {
            try {
                width = Timeframe.parse(timeframe);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw usage("--set '" + s + "' is not KEY=VALUE, e.g. --set fast=10");
            }
            String key = s.substring(0, eq).trim();
            if (RESERVED.contains(key)) {
                throw usage("--set " + key + " is set by the backtest itself" + (key.equals("instrument")
                        ? "; use --instrument" : ""));
            }
            if (parameters.put(key, s.substring(eq + 1).trim()) != null) {
                throw usage("--set " + key + " is given twice");
            }
        }
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (String b : balances) {
            int eq = b.indexOf('=');
            String currency = eq > 0 ? b.substring(0, eq).trim().toUpperCase(java.util.Locale.ROOT) : "";
            BigDecimal amount;
            try {
                amount = eq > 0 ? new BigDecimal(b.substring(eq + 1).trim()) : null;
            } catch (NumberFormatException e) {
                amount = null;
            }
            if (currency.isEmpty() || amount == null) {
                throw usage("--balance '" + b + "' is not CURRENCY=AMOUNT, e.g. --balance " + pair.quote() + "=1");
            }
            if (!currency.equals(pair.base()) && !currency.equals(pair.quote())) {
                throw usage("--balance " + currency + " is neither " + pair.base() + " nor " + pair.quote()
                        + ", the currencies of " + pair.symbol());
            }
            if (amount.signum() < 0) {
                throw usage("--balance " + b + ": the amount must be 0 or more");
            }
            if (amounts.put(currency, amount) != null) {
                throw usage("--balance " + currency + " is given twice");
            }
        }
        if (!amounts.isEmpty() && amounts.values().stream().allMatch(a -> a.signum() == 0)) {
            throw usage("every --balance is 0: give the backtest something to trade with");
        }
        BigDecimal maker = rate(makerFee != null ? "--maker-fee" : "--fee", makerFee != null ? makerFee : fee);
        BigDecimal taker = rate(takerFee != null ? "--taker-fee" : "--fee", takerFee != null ? takerFee : fee);
        if (strategy.equals("signal") && signals == null) {
            throw usage("the signal bot backtests from a file of timed signals: add --signals FILE");
        }
        checkFile("candle file", candles);
        List<Signal> timed = List.of();
        if (signals != null) {
            checkFile("signal file", signals);
            try {
                timed = SignalFile.read(signals);
            } catch (IllegalArgumentException e) {
                throw new CambistException(e.getMessage());
            }
            for (Signal s : timed) {
                if (!s.instrument().equals(pair)) {
                    throw new CambistException("signal file " + signals + ": signal '" + s.id() + "' is for "
                            + s.instrument().symbol() + ", but the backtest trades " + pair.symbol());
                }
            }
        }
        return new BacktestRequest(strategy, new MarketSource.CandleFile(candles.toAbsolutePath(), pair, width),
                parameters, amounts, maker, taker, timed);
    }

    private BigDecimal rate(String option, BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) >= 0) {
            throw usage(option + " " + value.toPlainString() + " is not a fee rate from 0 to below 1 (0.001 is 0.1 %)");
        }
        return value;
    }

    /** A terminal on both ends (Java 22 and later also return a console when redirected: ask it). */
    static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private static void checkFile(String what, Path file) {
        if (!Files.exists(file)) {
            throw new CambistException(what + " " + file + " does not exist");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CambistException(what + " " + file + " is not a readable file");
        }
    }

    private List<Path> checkedBundles() {
        for (Path jar : bundles) {
            checkFile("bundle", jar);
        }
        return bundles;
    }

    private static Path prepareOut(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new CambistException("--out " + abs + " is a file, not a directory; choose another with --out");
        }
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new CambistException("cannot create the report directory " + abs + " (" + e.getMessage()
                    + "); choose another with --out");
        }
        if (!Files.isWritable(abs)) {
            throw new CambistException("the report directory " + abs + " is not writable; choose another with --out");
        }
        return abs;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
