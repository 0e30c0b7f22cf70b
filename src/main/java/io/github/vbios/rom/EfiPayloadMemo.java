package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What decoding an EFI payload gave, remembered by the payload's exact bytes for as long as its
 * owner keeps it. Decoding is a pure function of (bytes, CompressionType), and the same GOP driver
 * ships inside many VBIOS builds (one NVIDIA GOP release covers a whole GPU family), so a
 * `vbios info` run over a ROM collection owns one memo and decompresses and hashes each distinct
 * driver once. Nothing is shared between runs: a caller that passes no memo gets {@link #off()}.
 *
 * <p>Lookup hashes the payload with CRC32C (a CPU instruction, far cheaper than the decode) and
 * then compares every byte with the stored copy, so a hit is never a guess. The stored copies are
 * capped at {@link #MAX_BYTES}; the least recently used entries go first.
 */
public final class EfiPayloadMemo {
    static final long MAX_BYTES = 64L << 20;
    /** Stores nothing (capacity 0), so it holds no state and one instance serves every caller. */
    private static final EfiPayloadMemo OFF = new EfiPayloadMemo(0);

    /** The payload bytes (a view for lookups, an owned copy once stored) and the compression type. */
    private static final class Key {
        final ByteSlice bytes;
        final int compression;
        final int hash;

        Key(ByteSlice bytes, int compression, int hash) {
            this.bytes = bytes;
            this.compression = compression;
            this.hash = hash;
        }

        Key owned() {
            return new Key(ByteSlice.of(bytes.toArray()), compression, hash);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.compression == compression && k.bytes.contentEquals(bytes);
        }
    }

    private final long maxBytes;
    private final Map<Key, EfiPayload> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long storedBytes;

    /** A memo for one run, holding up to {@link #MAX_BYTES} of payload copies. */
    public EfiPayloadMemo() {
        this(MAX_BYTES);
    }

    EfiPayloadMemo(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A memo that remembers nothing: every payload is decoded (benchmarks measure this cold path). */
    public static EfiPayloadMemo off() {
        return OFF;
    }

    /** The facts for {@code payload} at absolute offset {@code start}, decoding only on a miss. */
    EfiPayload get(ByteSlice payload, long start, int compression, Supplier<EfiPayload> decoder) {
        if (maxBytes == 0) {
            return decoder.get();
        }
        Key probe = new Key(payload, compression, (int) payload.crc32c());
        EfiPayload known;
        synchronized (this) {
            known = entries.get(probe);
        }
        if (known != null) {
            return known.at(start);
        }
        EfiPayload fresh = decoder.get();
        if (payload.length() <= maxBytes) {
            synchronized (this) {
                if (entries.put(probe.owned(), fresh) == null) {
                    storedBytes += payload.length();
                }
                Iterator<Map.Entry<Key, EfiPayload>> it = entries.entrySet().iterator();
                while (storedBytes > maxBytes && it.hasNext()) {
                    storedBytes -= it.next().getKey().bytes.length();
                    it.remove();
                }
            }
        }
        return fresh;
    }

    synchronized int size() {
        return entries.size();
    }
}
