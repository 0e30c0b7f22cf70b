package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What decoding an EFI payload gave, remembered by the payload's exact bytes for the rest of the
 * process. Decoding is a pure function of (bytes, CompressionType), and the same GOP driver ships
 * inside many VBIOS builds (one NVIDIA GOP release covers a whole GPU family), so `vbios info`
 * over a ROM collection decompresses and hashes each distinct driver once.
 *
 * <p>Lookup hashes the payload with CRC32C (a CPU instruction, far cheaper than the decode) and
 * then compares every byte with the stored copy, so a hit is never a guess. The stored copies are
 * capped at {@link #MAX_BYTES}; the least recently used entries go first. Setting the system
 * property {@code vbios.efiMemo=off} turns it off (benchmarks measure the cold path with it).
 */
final class EfiPayloadMemo {
    static final long MAX_BYTES = 64L << 20;
    private static final boolean ENABLED = !"off".equals(System.getProperty("vbios.efiMemo"));
    private static final EfiPayloadMemo SHARED = new EfiPayloadMemo(MAX_BYTES);

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

    EfiPayloadMemo(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The process-wide memo, or a pass-through when turned off. */
    static EfiPayload decode(ByteSlice payload, long start, int compression, Supplier<EfiPayload> decoder) {
        return ENABLED ? SHARED.get(payload, start, compression, decoder) : decoder.get();
    }

    /** The facts for {@code payload} at absolute offset {@code start}, decoding only on a miss. */
    EfiPayload get(ByteSlice payload, long start, int compression, Supplier<EfiPayload> decoder) {
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
