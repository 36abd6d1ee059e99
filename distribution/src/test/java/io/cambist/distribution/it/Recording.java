package io.cambist.distribution.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cambist.distribution.it.fixture.RecorderActivator;

/** What one recorder strategy instance wrote (see {@code fixture.RecorderStrategy}), read back and indexed. */
public final class Recording {

    /** One line, split into words. */
    public record Line(int index, String kind, List<String> words) {

        public String word(int i) {
            return words.get(i);
        }

        /** The code version that wrote it (the last word, or the second for a start line). */
        public String version() {
            return kind.equals("S") ? words.get(1) : words.get(words.size() - 1);
        }
    }

    private final List<Line> lines = new ArrayList<>();

    private Recording(List<String> text) {
        for (String t : text) {
            List<String> words = List.of(t.split(" "));
            lines.add(new Line(lines.size(), words.get(0), words));
        }
    }

    /** The file of instance {@code id} under the container's data directory (empty when it does not exist yet). */
    public static Recording of(Path data, String id) {
        Path file = data.resolve(RecorderActivator.SINK_DIR).resolve(id + ".log");
        try {
            if (!Files.exists(file)) {
                return new Recording(List.of());
            }
            List<String> text = Files.readAllLines(file);
            // a line being appended right now may be incomplete: only whole lines count
            String raw = Files.readString(file);
            if (!raw.endsWith("\n") && !text.isEmpty()) {
                text = text.subList(0, text.size() - 1);
            }
            return new Recording(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Line> lines() {
        return lines;
    }

    public List<Line> lines(String kind) {
        return lines.stream().filter(l -> l.kind().equals(kind)).toList();
    }

    /** Candle open times in the order they were seen. */
    public List<Long> candleTimes() {
        return lines("C").stream().map(l -> Long.parseLong(l.word(1))).toList();
    }

    /** Candle lines by open time, "time close" (later duplicates would show as a size mismatch elsewhere). */
    public Map<Long, String> candles() {
        Map<Long, String> out = new LinkedHashMap<>();
        for (Line l : lines("C")) {
            out.putIfAbsent(Long.parseLong(l.word(1)), l.word(1) + " " + l.word(2));
        }
        return out;
    }

    /** Candles seen by one code version. */
    public long candlesBy(String version) {
        return lines("C").stream().filter(l -> l.version().equals(version)).count();
    }

    /** Order event statuses by tag, in the order delivered. */
    public Map<String, List<String>> statusesByTag() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Line l : lines("O")) {
            out.computeIfAbsent(l.word(1), k -> new ArrayList<>()).add(l.word(3));
        }
        return out;
    }

    /** Order event statuses by client order id, in the order delivered. */
    public Map<String, List<String>> statusesById() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Line l : lines("O")) {
            out.computeIfAbsent(l.word(2), k -> new ArrayList<>()).add(l.word(3));
        }
        return out;
    }

    /** The client order id of each submit, by tag. */
    public Map<String, String> submittedIdsByTag() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Line l : lines("P")) {
            out.put(l.word(1), l.word(2));
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        int from = Math.max(0, lines.size() - 40);
        for (Line l : lines.subList(from, lines.size())) {
            b.append(String.join(" ", l.words())).append('\n');
        }
        return lines.size() + " lines, the last ones:\n" + b;
    }
}
