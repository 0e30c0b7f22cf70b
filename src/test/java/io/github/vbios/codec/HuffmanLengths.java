package io.github.vbios.codec;

import java.util.PriorityQueue;

/**
 * Code lengths for the EFI encoder: Huffman lengths limited to 16 bits (the format's maximum), and
 * canonical code words in the order the decoder's table builder assigns them (by length, then symbol).
 */
final class HuffmanLengths {
    private HuffmanLengths() {
    }

    /** Number of symbols with a non-zero frequency. */
    static int used(int[] freq, int n) {
        int used = 0;
        for (int i = 0; i < n; i++) {
            if (freq[i] > 0) {
                used++;
            }
        }
        return used;
    }

    /** Lengths for {@code freq[0..n)}; needs at least two used symbols. Frequencies are halved until the depth fits. */
    static int[] lengths(int[] freq, int n, int maxLength) {
        long[] f = new long[n];
        for (int i = 0; i < n; i++) {
            f[i] = freq[i];
        }
        while (true) {
            int[] len = depths(f, n);
            int max = 0;
            for (int l : len) {
                max = Math.max(max, l);
            }
            if (max <= maxLength) {
                return len;
            }
            for (int i = 0; i < n; i++) {
                if (f[i] > 0) {
                    f[i] = (f[i] >> 1) | 1;
                }
            }
        }
    }

    private static int[] depths(long[] f, int n) {
        // Nodes 0..n-1 are leaves, n.. are internal; ties broken by index so the result is deterministic.
        long[] weight = new long[2 * n];
        int[] parent = new int[2 * n];
        PriorityQueue<Integer> heap = new PriorityQueue<>((a, b) ->
                weight[a] != weight[b] ? Long.compare(weight[a], weight[b]) : Integer.compare(a, b));
        for (int i = 0; i < n; i++) {
            if (f[i] > 0) {
                weight[i] = f[i];
                heap.add(i);
            }
        }
        int next = n;
        while (heap.size() > 1) {
            int a = heap.poll();
            int b = heap.poll();
            weight[next] = weight[a] + weight[b];
            parent[a] = next;
            parent[b] = next;
            heap.add(next++);
        }
        int root = next - 1;
        int[] depth = new int[2 * n];
        int[] len = new int[n];
        for (int node = root - 1; node >= 0; node--) {
            if (node >= n || f[node] > 0) {
                depth[node] = depth[parent[node]] + 1;
            }
        }
        for (int i = 0; i < n; i++) {
            len[i] = f[i] > 0 ? depth[i] : 0;
        }
        return len;
    }

    /** Canonical code words: by increasing length, then by symbol (UEFI 2.9A 19.2.3 MakeTable order). */
    static int[] codes(int[] len, int n) {
        int[] count = new int[HuffmanTable.MAX_CODE_LENGTH + 2];
        for (int i = 0; i < n; i++) {
            count[len[i]]++;
        }
        count[0] = 0;
        int[] next = new int[HuffmanTable.MAX_CODE_LENGTH + 2];
        for (int l = 1; l <= HuffmanTable.MAX_CODE_LENGTH; l++) {
            next[l] = (next[l - 1] + count[l - 1]) << 1;
        }
        int[] code = new int[n];
        for (int i = 0; i < n; i++) {
            if (len[i] > 0) {
                code[i] = next[len[i]]++;
            }
        }
        return code;
    }
}
