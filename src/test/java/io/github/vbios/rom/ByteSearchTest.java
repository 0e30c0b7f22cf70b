package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteSearchTest {
    private static int naive(byte[] d, int from, int end, byte v) {
        for (int i = from; i < end; i++) {
            if (d[i] == v) {
                return i;
            }
        }
        return end;
    }

    @Test
    void agreesWithAByteLoopAtEveryAlignment() {
        Random r = new Random(7);
        for (int n = 0; n < 300; n++) {
            byte[] d = new byte[r.nextInt(70)];
            for (int i = 0; i < d.length; i++) {
                d[i] = (byte) (r.nextInt(4) == 0 ? 0x55 : r.nextInt(3) == 0 ? 0x54 : r.nextInt(256));
            }
            int from = d.length == 0 ? 0 : r.nextInt(d.length + 1);
            int end = from + r.nextInt(d.length - from + 1);
            for (byte v : new byte[] {0x55, (byte) 'N', 0, (byte) 0xFF, (byte) 0x80}) {
                assertThat(ByteSearch.next(d, from, end, v)).isEqualTo(naive(d, from, end, v));
            }
        }
    }
}
