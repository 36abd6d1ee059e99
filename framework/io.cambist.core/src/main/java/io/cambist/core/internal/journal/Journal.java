package io.cambist.core.internal.journal;

import java.util.List;

/** The engine's append-only record of order intents, fills and state changes (none in backtests). */
public interface Journal extends AutoCloseable {

    /** No journal: backtests and benchmarks. */
    Journal NONE = new Journal() {
        @Override
        public void append(JournalRecord record, boolean sync) {
        }

        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public boolean wantsCheckpoint() {
            return false;
        }

        @Override
        public void checkpoint(List<JournalRecord> state) {
        }

        @Override
        public void close() {
        }
    };

    /**
     * Appends a record.
     *
     * @param sync true to fsync before returning (order intents, before the order leaves for its venue)
     * @throws java.io.UncheckedIOException when the record cannot be written
     */
    void append(JournalRecord record, boolean sync);

    /** False for {@link #NONE}. */
    boolean enabled();

    /** True when the active segment has grown past its limit and a checkpoint should replace it. */
    boolean wantsCheckpoint();

    /** Starts a new segment holding {@code state} (the whole live state), then deletes the older segments. */
    void checkpoint(List<JournalRecord> state);

    @Override
    void close();
}
