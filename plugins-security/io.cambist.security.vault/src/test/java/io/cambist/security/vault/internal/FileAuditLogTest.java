package io.cambist.security.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.security.AuditEvent;
import io.cambist.api.security.AuditRecord;
import io.cambist.api.security.AuditVerification;

class FileAuditLogTest {

    @TempDir
    Path dir;

    private final TestSupport.MutableClock clock = new TestSupport.MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    private FileAuditLog logWithFiveRecords() {
        FileAuditLog log = new FileAuditLog(dir, clock);
        for (int i = 1; i <= 5; i++) {
            log.append(new AuditEvent("key.rotate", "admin", "key-" + i, "ok", Map.of("version", Integer.toString(i))));
        }
        return log;
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(dir.resolve("audit.log")));
    }

    private void write(List<String> lines) throws Exception {
        Files.write(dir.resolve("audit.log"), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recordsAreChainedAndAnIntactLogVerifies() throws Exception {
        FileAuditLog log = logWithFiveRecords();
        List<AuditRecord> records = log.read(1, 10);
        assertThat(records).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(records.get(0).previousHash()).isEqualTo("0".repeat(64));
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).previousHash()).isEqualTo(records.get(i - 1).hash());
        }
        // hash = SHA-256(previousHash + canonical record), as documented
        AuditRecord first = records.get(0);
        assertThat(first.hash()).isEqualTo(AuditCodec.hash("0".repeat(64),
                "{\"seq\":1,\"time\":1772366400000,\"action\":\"key.rotate\",\"actor\":\"admin\",\"subject\":\"key-1\","
                        + "\"outcome\":\"ok\",\"details\":{\"version\":\"1\"}}"));
        AuditVerification v = log.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.records()).isEqualTo(5);
        assertThat(v.lastHash()).isEqualTo(records.get(4).hash());
        assertThat(log.read(4, 10)).hasSize(2);
        assertThat(log.read(1, 2)).hasSize(2);
        log.close();
        // reopening continues the chain
        FileAuditLog reopened = new FileAuditLog(dir, clock);
        assertThat(reopened.lastSequence()).isEqualTo(5);
        AuditRecord sixth = reopened.append(AuditEvent.of("key.create", "cli", "k6", "ok"));
        assertThat(sixth.previousHash()).isEqualTo(records.get(4).hash());
        assertThat(reopened.verify().intact()).isTrue();
        reopened.close();
    }

    @Test
    void findsAnEditedRecord() throws Exception {
        logWithFiveRecords().close();
        List<String> lines = lines();
        lines.set(2, lines.get(2).replace("\"actor\":\"admin\"", "\"actor\":\"someone-else\""));
        write(lines);
        AuditVerification v = FileAuditLog.verify(dir.resolve("audit.log"), 0);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBad()).isEqualTo(3);
        assertThat(v.records()).isEqualTo(2);
        assertThat(v.problem()).isEqualTo("record 3 was changed (its hash does not match)");
    }

    @Test
    void findsADeletedRecord() throws Exception {
        logWithFiveRecords().close();
        List<String> lines = lines();
        lines.remove(1);
        write(lines);
        AuditVerification v = FileAuditLog.verify(dir.resolve("audit.log"), 0);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBad()).isEqualTo(2);
        assertThat(v.problem()).contains("record 2 is missing or out of place");
    }

    @Test
    void findsReorderedRecords() throws Exception {
        logWithFiveRecords().close();
        List<String> lines = lines();
        Collections.swap(lines, 3, 4);
        write(lines);
        AuditVerification v = FileAuditLog.verify(dir.resolve("audit.log"), 0);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBad()).isEqualTo(4);
    }

    @Test
    void findsARecordWhoseHashWasRecomputedAfterAnEdit() throws Exception {
        logWithFiveRecords().close();
        List<String> lines = lines();
        // a careful forger edits record 2 and fixes its own hash: record 3 no longer follows it
        AuditRecord r = AuditCodec.parse(lines.get(1));
        AuditRecord forged = AuditCodec.seal(r.sequence(), r.time(), new AuditEvent("key.rotate", "admin", "forged",
                "ok", r.event().details()), r.previousHash());
        lines.set(1, AuditCodec.line(forged));
        write(lines);
        AuditVerification v = FileAuditLog.verify(dir.resolve("audit.log"), 0);
        assertThat(v.firstBad()).isEqualTo(3);
        assertThat(v.problem()).contains("does not follow record 2");
    }

    @Test
    void theRunningLogNoticesRecordsCutFromItsEnd() throws Exception {
        FileAuditLog log = logWithFiveRecords();
        List<String> lines = lines();
        write(lines.subList(0, 3));
        AuditVerification v = log.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).isEqualTo("the log ends at record 3 but record 5 was written: records were removed from "
                + "its end");
        log.close();
    }

    @Test
    void aPartialLastLineFromACrashIsCutOffOnOpen() throws Exception {
        logWithFiveRecords().close();
        Files.writeString(dir.resolve("audit.log"), "{\"seq\":6,\"time\":17", StandardOpenOption.APPEND);
        FileAuditLog log = new FileAuditLog(dir, clock);
        assertThat(log.lastSequence()).isEqualTo(5);
        assertThat(log.append(AuditEvent.of("key.create", "cli", "k", "ok")).sequence()).isEqualTo(6);
        assertThat(log.verify().intact()).isTrue();
        log.close();
    }

    @Test
    void onlyOneWriterAtATime() {
        FileAuditLog log = new FileAuditLog(dir, clock);
        assertThatThrownBy(() -> new FileAuditLog(dir, clock)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is in use by a running Cambist container");
        log.close();
    }
}
