package io.cambist.benchmarks.engine;

import java.util.List;

import io.cambist.core.internal.journal.Journal;
import io.cambist.core.internal.journal.JournalRecord;

/**
 * The engine's file journal with the time of every order-intent append measured (the appends the engine asks to
 * fsync), and optionally without the fsync itself: everything is still written to the file, only
 * {@code FileChannel.force} is left out, to show what the fsync costs.
 */
final class MeteredJournal implements Journal {

    private final Journal file;
    private final boolean fsync;
    private final Samples intents;

    MeteredJournal(Journal file, boolean fsync, Samples intents) {
        this.file = file;
        this.fsync = fsync;
        this.intents = intents;
    }

    @Override
    public void append(JournalRecord record, boolean sync) {
        if (!sync) {
            file.append(record, false);
            return;
        }
        long t0 = System.nanoTime();
        file.append(record, fsync);
        intents.add(System.nanoTime() - t0);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public boolean wantsCheckpoint() {
        return file.wantsCheckpoint();
    }

    @Override
    public void checkpoint(List<JournalRecord> state) {
        file.checkpoint(state);
    }

    @Override
    public void close() {
        file.close();
    }
}
