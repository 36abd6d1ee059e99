package io.cambist.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import io.cambist.launcher.CambistException;
import io.cambist.security.hmac.internal.SignTool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cambist sign}: prints the signature a signing scheme gives for a secret and a payload, so an integrator can
 * compare it with what a venue expects. Both files are read as raw bytes: nothing is added or removed, not even a
 * trailing newline.
 */
@Command(name = "sign",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Print the signature of a payload under a signing scheme (binance, kraken, coinbase, cambist).",
            "The secret and payload files are used byte for byte: a trailing newline is part of them.",
        },
        footer = {
            "",
            "Examples:",
            "  printf '%%s' \"$SECRET\" > secret.txt",
            "  printf '%%s' 'symbol=LTCBTC&side=BUY&timestamp=1499827319559' > payload.txt",
            "  cambist sign --scheme binance --secret-file secret.txt --payload-file payload.txt",
            "  cambist sign --scheme kraken --secret-file k.txt --payload-file post.txt \\",
            "      --nonce 1616492376594 --path /0/private/AddOrder",
            "",
            "Parts each scheme needs: binance none; kraken --nonce, --path;",
            "coinbase --timestamp, --method, --path; cambist --method, --path (with ?query),",
            "--timestamp, --nonce.",
            "Exit codes: 0 printed; 1 a file cannot be read; 2 bad usage (unknown scheme,",
            "missing part, a secret the scheme cannot decode).",
        })
final class SignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scheme", required = true, paramLabel = "NAME", description = "binance, kraken, coinbase or cambist.")
    String scheme;

    @Option(names = "--secret-file", required = true, paramLabel = "FILE", description = "The secret as the venue issued it.")
    Path secretFile;

    @Option(names = "--payload-file", required = true, paramLabel = "FILE",
            description = "The bytes signed as the body (Binance: the query string and/or body).")
    Path payloadFile;

    @Option(names = "--nonce", paramLabel = "N", description = "The nonce (kraken, cambist).")
    String nonce;

    @Option(names = "--path", paramLabel = "P", description = "The request path (kraken, coinbase; cambist: with ?query).")
    String path;

    @Option(names = "--timestamp", paramLabel = "T", description = "The timestamp as sent (coinbase, cambist).")
    String timestamp;

    @Option(names = "--method", paramLabel = "M", description = "The HTTP method (coinbase, cambist).")
    String method;

    @Override
    public Integer call() {
        byte[] secret = read("secret", secretFile);
        try {
            byte[] payload = read("payload", payloadFile);
            String signature;
            try {
                signature = SignTool.sign(scheme, secret, payload, nonce, path, timestamp, method);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            spec.commandLine().getOut().println(signature);
            spec.commandLine().getOut().flush();
            return 0;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] read(String what, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CambistException(what + " file " + file + " does not exist");
        } catch (IOException e) {
            throw new CambistException("cannot read the " + what + " file " + file + " (" + e.getMessage() + ")");
        }
    }
}
