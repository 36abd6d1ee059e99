package io.cambist.admin.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cambist.admin.internal.testing.InMemoryApi.Reply;
import io.cambist.admin.internal.testing.TestApi;
import io.cambist.api.security.AuditEvent;
import io.cambist.api.security.AuditLog;
import io.cambist.api.security.AuditRecord;
import io.cambist.api.security.AuditVerification;
import io.cambist.api.security.NonceResult;
import io.cambist.api.security.NonceStore;
import io.cambist.api.security.NonceStoreStats;

class AuditAndNoncesResourceTest {

    /** An audit log in memory (no hashing: the resource only reads it). */
    static final class MemoryAudit implements AuditLog {
        final List<AuditRecord> records = new ArrayList<>();

        @Override
        public synchronized AuditRecord append(AuditEvent event) {
            AuditRecord r = new AuditRecord(records.size() + 1, 1000L + records.size(), event, "0".repeat(64), "h" + records.size());
            records.add(r);
            return r;
        }

        @Override
        public synchronized List<AuditRecord> read(long fromSequence, int limit) {
            return records.stream().filter(r -> r.sequence() >= fromSequence).limit(limit).toList();
        }

        @Override
        public synchronized long lastSequence() {
            return records.size();
        }

        @Override
        public AuditVerification verify() {
            return new AuditVerification(false, 7, 5, "record 5 was changed", "abc");
        }
    }

    private final TestApi t = new TestApi();

    @Test
    void readsTheNewestPageByDefaultAndAnyPageOnRequest() {
        MemoryAudit audit = new MemoryAudit();
        for (int i = 0; i < 150; i++) {
            audit.append(new AuditEvent("key.rotate", "admin", "k" + i, "ok", Map.of("version", "2")));
        }
        t.auditLog.set(audit);
        JsonNode page = t.api().get("audit").json();
        assertThat(page.get("lastSequence").asLong()).isEqualTo(150);
        assertThat(page.get("records")).hasSize(100);
        assertThat(page.get("records").get(0).get("sequence").asLong()).isEqualTo(51);
        assertThat(page.get("records").get(0).get("event").get("subject").asText()).isEqualTo("k50");
        JsonNode first = t.api().get("audit?from=1&limit=2").json();
        assertThat(first.get("records")).hasSize(2);
        assertThat(first.get("records").get(1).get("sequence").asLong()).isEqualTo(2);
        assertThat(t.api().get("audit?limit=5000").status()).isEqualTo(400);
        assertThat(t.api().get("audit?from=x").status()).isEqualTo(400);
    }

    @Test
    void verifyReportsTampering() {
        t.auditLog.set(new MemoryAudit());
        JsonNode v = t.api().get("audit/verify").json();
        assertThat(v.get("intact").asBoolean()).isFalse();
        assertThat(v.get("firstBad").asLong()).isEqualTo(5);
        assertThat(v.get("problem").asText()).isEqualTo("record 5 was changed");
    }

    @Test
    void everyChangeThroughTheApiIsAuditedWithItsStatus() {
        MemoryAudit audit = new MemoryAudit();
        t.auditLog.set(audit);
        t.api().json("POST", "halt", "{}");
        t.api().get("audit");
        assertThat(audit.records).hasSize(1);
        AuditEvent e = audit.records.get(0).event();
        assertThat(e.action()).isEqualTo("admin.post");
        assertThat(e.actor()).isEqualTo("admin");
        assertThat(e.subject()).isEqualTo("/api/v1/halt");
        assertThat(e.outcome()).isEqualTo("failed");
        assertThat(e.details()).containsEntry("status", "503");
    }

    @Test
    void nonceStatsOfEveryStore() {
        t.nonceStores.set(store(new NonceStoreStats("file", 300_000, 12, 100, 3, 1, 0)))
                .add(store(new NonceStoreStats("memory", 30_000, 0, 0, 0, 0, 0)));
        Reply r = t.api().get("nonces");
        assertThat(r.status()).isEqualTo(200);
        JsonNode s = r.json().get("stores");
        assertThat(s).hasSize(2);
        assertThat(s.get(0).get("type").asText()).isEqualTo("file");
        assertThat(s.get(0).get("replayed").asLong()).isEqualTo(3);
    }

    @Test
    void withoutANonceStoreTheAnswerIs503() {
        Reply r = t.api().get("nonces");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("detail").asText()).contains("io.cambist.security.nonce");
    }

    private static NonceStore store(NonceStoreStats stats) {
        return new NonceStore() {
            @Override
            public NonceResult claim(String keyId, String nonce, long timestampMillis) {
                return NonceResult.ACCEPTED;
            }

            @Override
            public long windowMillis() {
                return stats.windowMillis();
            }

            @Override
            public NonceStoreStats stats() {
                return stats;
            }
        };
    }
}
