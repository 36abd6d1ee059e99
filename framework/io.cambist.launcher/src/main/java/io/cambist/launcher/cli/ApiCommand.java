package io.cambist.launcher.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import io.cambist.launcher.CambistBuilder;
import io.cambist.launcher.CambistException;
import io.cambist.launcher.internal.admin.AdminClient;
import io.cambist.launcher.internal.admin.AdminKey;
import io.cambist.launcher.internal.admin.AdminUrl;
import io.cambist.launcher.internal.admin.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cambist api METHOD PATH}: one signed admin API request with the key in {@code data/admin.key}; prints the
 * answer (JSON, indented) on stdout. Exit code 0 for 2xx, 1 for any other status (the error JSON is printed too) or
 * when the container cannot be reached, 2 for bad usage.
 */
@Command(name = "api",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Send a signed request to the admin API and print the JSON answer.",
            "Signs with data/admin.key as docs/admin-api.md describes.",
        },
        footer = {
            "",
            "Examples:",
            "  cambist api GET /api/v1/strategies",
            "  cambist api POST /api/v1/strategies/demo/halt --json '{\"reason\":\"enough\"}'",
            "  cambist api POST /api/v1/bundles --body my-plugin.jar",
            "",
            "Exit codes: 0 for a 2xx answer; 1 for any other answer or no connection;",
            "2 bad usage.",
        })
final class ApiCommand implements Callable<Integer> {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern METHOD = Pattern.compile("[A-Za-z]{1,16}");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "METHOD", description = "GET, POST, PUT, PATCH or DELETE.")
    String method;

    @Parameters(index = "1", paramLabel = "PATH", description = "Path and query as sent, e.g. /api/v1/orders?open=true.")
    String path;

    @Option(names = "--body", paramLabel = "FILE", description = "Send this file as the body; - reads stdin. "
            + "A .jar is sent as application/java-archive, anything else as application/json.")
    String bodyFile;

    @Option(names = "--json", paramLabel = "TEXT", description = "Send this text as the JSON body.")
    String json;

    @Option(names = "--content-type", paramLabel = "TYPE", description = "The body's media type (overrides the guess).")
    String contentType;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory with admin.key (default: <home>/data).")
    Path data;

    @Option(names = "--url", paramLabel = "URL", description = "The admin API's address, e.g. http://127.0.0.1:8080 "
            + "(default: what the running container wrote to data/admin.url, else http://127.0.0.1:8080).")
    String url;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for the answer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** Standard input, for {@code --body -}. */
    InputStream stdin = System.in;

    @Override
    public Integer call() {
        String verb = method.toUpperCase(Locale.ROOT);
        if (!METHOD.matcher(method).matches()) {
            throw usage("'" + method + "' is not an HTTP method such as GET or POST");
        }
        if (!path.startsWith("/")) {
            throw usage("PATH must start with /, e.g. /api/v1/strategies");
        }
        try {
            URI.create("http://127.0.0.1" + path);
        } catch (IllegalArgumentException e) {
            throw usage("PATH '" + path + "' is not a valid URL path (" + e.getMessage()
                    + "); percent-encode spaces and special characters");
        }
        if (bodyFile != null && json != null) {
            throw usage("give --body or --json, not both");
        }
        if (timeoutSeconds <= 0) {
            throw usage("--timeout must be at least 1 second");
        }
        Path dataDir = (data != null ? data : Home.resolve().resolve("data")).toAbsolutePath().normalize();
        URI origin = origin(dataDir);
        byte[] body = body();
        AdminKey key = AdminKey.read(dataDir);
        AdminClient.Response response = new AdminClient(origin, key, Duration.ofSeconds(timeoutSeconds))
                .send(verb, path, body, body.length == 0 ? null : mediaType());
        PrintWriter out = spec.commandLine().getOut();
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            String shown = response.contentType().contains("json") || looksLikeJson(text) ? Json.pretty(text) : text;
            out.print(shown);
            if (!shown.endsWith("\n")) {
                out.println();
            }
            out.flush();
        }
        if (response.status() / 100 == 2) {
            return 0;
        }
        spec.commandLine().getErr().println("cambist: the admin API answered " + response.status() + " to " + verb
                + " " + path);
        return CambistCommand.EXIT_FAILED;
    }

    private URI origin(Path dataDir) {
        if (url != null) {
            URI uri;
            try {
                uri = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                throw usage("--url '" + url + "' is not a URL such as http://127.0.0.1:8080");
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw usage("--url '" + url + "' is not an http(s) URL such as http://127.0.0.1:8080");
            }
            return AdminUrl.origin(uri);
        }
        return AdminUrl.read(dataDir).orElse(URI.create("http://" + CambistBuilder.DEFAULT_HOST + ":"
                + CambistBuilder.DEFAULT_PORT));
    }

    private byte[] body() {
        if (json != null) {
            return json.getBytes(StandardCharsets.UTF_8);
        }
        if (bodyFile == null) {
            return new byte[0];
        }
        try {
            if (bodyFile.equals("-")) {
                return stdin.readAllBytes();
            }
            return Files.readAllBytes(Path.of(bodyFile));
        } catch (NoSuchFileException e) {
            throw new CambistException("body file " + bodyFile + " does not exist");
        } catch (IOException e) {
            throw new CambistException("cannot read the body " + bodyFile + " (" + e.getMessage() + ")");
        }
    }

    private String mediaType() {
        if (contentType != null) {
            return contentType;
        }
        return bodyFile != null && bodyFile.endsWith(".jar") ? "application/java-archive" : "application/json";
    }

    private static boolean looksLikeJson(String text) {
        String t = text.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
