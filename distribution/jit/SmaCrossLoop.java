import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A strategy-shaped CPU loop for comparing JIT settings (see distribution/measure-jit.sh): an SMA(10)/SMA(30) cross on
 * real closes in BigDecimal, with a position, fees and equity, as a strategy and the portfolio compute them.
 * Not a benchmark of Cambist itself (those are JMH, in distribution/benchmarks); it only shows how much C2 matters
 * for code of this kind. Usage: java SmaCrossLoop.java CANDLES.json SECONDS
 */
public class SmaCrossLoop {

    public static void main(String[] args) throws Exception {
        List<BigDecimal> closes = closes(Path.of(args[0]));
        long seconds = Long.parseLong(args[1]);
        long warmupEnd = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            run(closes);
        }
        // candles per second of this thread's CPU time: other processes on the machine do not skew it
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long candles = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long began = threads.getCurrentThreadCpuTime();
        BigDecimal equity = BigDecimal.ZERO;
        while (System.nanoTime() < end) {
            equity = run(closes);
            candles += closes.size();
        }
        double rate = candles / ((threads.getCurrentThreadCpuTime() - began) / 1e9);
        System.out.printf("%.0f candles per CPU second (final equity %s)%n", rate, equity.round(MathContext.DECIMAL64));
    }

    static BigDecimal run(List<BigDecimal> closes) {
        ArrayDeque<BigDecimal> fastWindow = new ArrayDeque<>();
        ArrayDeque<BigDecimal> slowWindow = new ArrayDeque<>();
        BigDecimal fastSum = BigDecimal.ZERO;
        BigDecimal slowSum = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ONE;
        BigDecimal base = BigDecimal.ZERO;
        BigDecimal fee = new BigDecimal("0.001");
        BigDecimal previousFast = null;
        BigDecimal previousSlow = null;
        BigDecimal ten = BigDecimal.TEN;
        BigDecimal thirty = new BigDecimal(30);
        for (BigDecimal close : closes) {
            fastWindow.addLast(close);
            fastSum = fastSum.add(close);
            if (fastWindow.size() > 10) {
                fastSum = fastSum.subtract(fastWindow.removeFirst());
            }
            slowWindow.addLast(close);
            slowSum = slowSum.add(close);
            if (slowWindow.size() > 30) {
                slowSum = slowSum.subtract(slowWindow.removeFirst());
            }
            if (slowWindow.size() < 30) {
                continue;
            }
            BigDecimal fast = fastSum.divide(ten, MathContext.DECIMAL64);
            BigDecimal slow = slowSum.divide(thirty, MathContext.DECIMAL64);
            if (previousFast != null) {
                if (base.signum() == 0 && previousFast.compareTo(previousSlow) <= 0 && fast.compareTo(slow) > 0) {
                    base = quote.divide(close.multiply(BigDecimal.ONE.add(fee)), MathContext.DECIMAL64);
                    quote = BigDecimal.ZERO;
                } else if (base.signum() > 0 && previousFast.compareTo(previousSlow) >= 0 && fast.compareTo(slow) < 0) {
                    quote = base.multiply(close).multiply(BigDecimal.ONE.subtract(fee), MathContext.DECIMAL64);
                    base = BigDecimal.ZERO;
                }
            }
            previousFast = fast;
            previousSlow = slow;
        }
        return quote.add(base.multiply(closes.get(closes.size() - 1)));
    }

    /** The close (5th number) of each [time, open, high, low, close, volume] array. */
    static List<BigDecimal> closes(Path file) throws Exception {
        String json = Files.readString(file);
        List<BigDecimal> closes = new ArrayList<>();
        for (String candle : json.substring(json.indexOf("[[") + 2, json.lastIndexOf("]]")).split("\\],\\s*\\[")) {
            closes.add(new BigDecimal(candle.split(",")[4].trim()));
        }
        return closes;
    }
}
