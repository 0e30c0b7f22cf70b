package io.github.vbios.codec;

import java.util.Arrays;

/** Hash-chain longest-match finder over a sliding window (the LZ77 half of the EFI encoder). */
final class Lz77Matcher {
    static final int MIN_MATCH = 3;
    static final int MAX_MATCH = 256;
    private static final int HASH_BITS = 15;
    private static final int NO_POS = -1;

    private final byte[] data;
    private final int window;
    private final int maxChain;
    private final int[] head = new int[1 << HASH_BITS];
    private final int[] prev;
    private int inserted;
    private int matchDistance;

    Lz77Matcher(byte[] data, int window, int maxChain) {
        this.data = data;
        this.window = window;
        this.maxChain = maxChain;
        this.prev = new int[Math.min(window, Math.max(1, data.length))];
        Arrays.fill(head, NO_POS);
    }

    private int hash(int i) {
        int h = (data[i] & 0xFF) << 16 | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF);
        return (h * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    /** Adds every position below {@code upTo} to the hash chains. */
    void insertUpTo(int upTo) {
        int last = data.length - MIN_MATCH;
        for (; inserted < upTo; inserted++) {
            if (inserted <= last) {
                int h = hash(inserted);
                prev[inserted % prev.length] = head[h];
                head[h] = inserted;
            }
        }
    }

    /** Length of the longest match for position {@code pos} (0 when below MIN_MATCH); see {@link #distance()}. */
    int longest(int pos) {
        insertUpTo(pos);
        int limit = Math.min(MAX_MATCH, data.length - pos);
        if (limit < MIN_MATCH) {
            return 0;
        }
        int best = 0;
        int cand = head[hash(pos)];
        for (int chain = 0; cand != NO_POS && pos - cand <= window && chain < maxChain; chain++) {
            if (data[cand + best] == data[pos + best]) {
                int len = 0;
                while (len < limit && data[cand + len] == data[pos + len]) {
                    len++;
                }
                if (len > best) {
                    best = len;
                    matchDistance = pos - cand;
                    if (len == limit) {
                        break;
                    }
                }
            }
            int older = prev[cand % prev.length];
            if (older >= cand || pos - older > window) {
                break; // the ring slot was reused by a newer position, or the chain left the window
            }
            cand = older;
        }
        return best >= MIN_MATCH ? best : 0;
    }

    int distance() {
        return matchDistance;
    }
}
