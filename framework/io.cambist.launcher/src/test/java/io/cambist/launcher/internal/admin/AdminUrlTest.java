package io.cambist.launcher.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.launcher.CambistException;

class AdminUrlTest {

    @TempDir
    Path data;

    @Test
    void writesTheOriginAndRemovesOnlyItsOwn() throws IOException {
        assertThat(AdminUrl.read(data)).isEmpty();
        AdminUrl.write(data, URI.create("http://127.0.0.1:41234/api/v1"));
        assertThat(data.resolve("admin.url")).hasContent("http://127.0.0.1:41234");
        assertThat(AdminUrl.read(data)).contains(URI.create("http://127.0.0.1:41234"));
        AdminUrl.remove(data, URI.create("http://127.0.0.1:9999/api/v1"));
        assertThat(data.resolve("admin.url")).exists();
        AdminUrl.remove(data, URI.create("http://127.0.0.1:41234/api/v1"));
        assertThat(data.resolve("admin.url")).doesNotExist();
        AdminUrl.remove(data, URI.create("http://127.0.0.1:41234/api/v1"));
    }

    @Test
    void aFileWithoutAnHttpUrlIsOneError() throws IOException {
        Files.writeString(data.resolve("admin.url"), "not a url\n");
        assertThatThrownBy(() -> AdminUrl.read(data)).isInstanceOf(CambistException.class)
                .hasMessage(data.resolve("admin.url") + " does not hold an http URL; delete it, or pass the address with --url");
    }
}
