package dev.mlpmaven.engine.io;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Numbers in the JSON files the engine writes (metrics.json, the evaluation file, leaderboard.json) stay JSON
 * numbers: a finite value is written as a number, NaN and infinity (which JSON has no number for, and which Jackson
 * would otherwise write as the strings "NaN" and "Infinity") as {@code null}. Why a value is missing is a field of
 * its own: metrics.json's {@code diverged}, leaderboard.json's {@code diverged} (see docs/reports.md).
 */
public final class JsonNumbers {
    private JsonNumbers() {
    }

    /** {@code o.key = v}, or {@code null} when {@code v} is NaN or infinite. */
    public static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
