package io.cambist.exchange.paper.internal.market;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;

/**
 * Reads a candle file: JSON (an array of {@code [time, open, high, low, close, volume]} arrays) or CSV (header
 * {@code time,open,high,low,close,volume}), optionally gzipped. The format is recognised from the content, not the
 * name. Every error names the file and the line.
 */
public final class CandleFileReader {

    private CandleFileReader() {
    }

    /**
     * Reads a whole file.
     *
     * @param file       the file
     * @param source     the account the candles are attributed to
     * @param instrument the instrument they are for
     * @param timeframe  the candle width, or {@code null} to infer it from the spacing
     * @throws IllegalArgumentException naming the file (and line) when it cannot be read or holds something else
     */
    public static CandleSeries read(Path file, String source, Instrument instrument, Timeframe timeframe) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                bytes = gunzip(bytes);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("candle file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("candle file " + file + " cannot be read: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("candle file " + file + " is not UTF-8 text (JSON or CSV candles expected)");
        }
        return parse(file.toString(), text, source, instrument, timeframe);
    }

    /** Parses candle text; {@code name} is used in error messages. */
    public static CandleSeries parse(String name, String text, String source, Instrument instrument, Timeframe timeframe) {
        CandleSeriesBuilder builder = new CandleSeriesBuilder(name, source, instrument);
        String start = text.stripLeading();
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).stripLeading();
        }
        if (start.startsWith("[")) {
            new JsonCandleParser(text, builder).parse();
        } else {
            new CsvCandleParser(text, builder).parse();
        }
        return builder.build(timeframe);
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
