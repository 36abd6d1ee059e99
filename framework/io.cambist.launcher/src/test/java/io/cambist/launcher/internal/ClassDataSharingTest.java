package io.cambist.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive itself is proven by CambistProcessIT (bin/cambist); here: asking without the JVM's support is harmless. */
class ClassDataSharingTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(ClassDataSharing.PROPERTY);
    }

    @Test
    void withoutARequestNothingIsWritten() {
        ClassDataSharing.dumpIfRequested();

        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aJvmStartedWithoutRecordDynamicDumpInfoLeavesNoFileBehindAndDoesNotThrow() {
        Path archive = dir.resolve("cambist-1.jsa");
        System.setProperty(ClassDataSharing.PROPERTY, archive.toString());

        ClassDataSharing.dumpIfRequested();

        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anExistingArchiveIsKept() throws Exception {
        Path archive = Files.writeString(dir.resolve("cambist-1.jsa"), "archive");
        System.setProperty(ClassDataSharing.PROPERTY, archive.toString());

        ClassDataSharing.dumpIfRequested();

        assertThat(archive).hasContent("archive");
    }
}
