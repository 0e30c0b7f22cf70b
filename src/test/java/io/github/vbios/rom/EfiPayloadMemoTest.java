package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.codec.EfiCompressionVariant;
import io.github.vbios.codec.EfiCompressor;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.sample.NvidiaSample;
import io.github.vbios.sample.PeSample;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EfiPayloadMemoTest {
    private final AtomicInteger decodes = new AtomicInteger();

    private Supplier<EfiPayload> decoder(ByteSlice payload, long start, int compression) {
        return () -> {
            decodes.incrementAndGet();
            return PeFacts.decode(payload, start, compression);
        };
    }

    private static byte[] compressedPe() {
        return EfiCompressor.compress(PeSample.pe32Plus(0x8664, 11, 0x4000, "nvgop-memo"), EfiCompressionVariant.EFI_1_1);
    }

    @Test
    void sameBytesElsewhereDecodeOnceAndKeepTheirOwnOffset() {
        EfiPayloadMemo memo = new EfiPayloadMemo(1 << 20);
        byte[] c = compressedPe();
        byte[] shifted = new byte[c.length + 77];
        System.arraycopy(c, 0, shifted, 77, c.length);
        ByteSlice first = ByteSlice.of(c);
        ByteSlice second = ByteSlice.of(shifted).from(77);

        EfiPayload a = memo.get(first, 0x1000, 1, decoder(first, 0x1000, 1));
        EfiPayload b = memo.get(second, 0x9000, 1, decoder(second, 0x9000, 1));

        assertThat(decodes).hasValue(1);
        assertThat(a.decoded()).isTrue();
        assertThat(a.gopName()).isEqualTo("nvgop-memo");
        assertThat(b.payloadOffset()).isEqualTo(0x9000);
        assertThat(b).isEqualTo(PeFacts.decode(second, 0x9000, 1));
    }

    @Test
    void oneChangedByteOrAnotherCompressionTypeIsAMiss() {
        EfiPayloadMemo memo = new EfiPayloadMemo(1 << 20);
        byte[] c = compressedPe();
        byte[] d = c.clone();
        d[d.length / 2] ^= 0x40;
        ByteSlice sc = ByteSlice.of(c);
        ByteSlice sd = ByteSlice.of(d);
        EfiPayload a = memo.get(sc, 0, 1, decoder(sc, 0, 1));
        EfiPayload b = memo.get(sd, 0, 1, decoder(sd, 0, 1));
        EfiPayload raw = memo.get(sc, 0, 0, decoder(sc, 0, 0));
        assertThat(decodes).hasValue(3);
        assertThat(b).isEqualTo(PeFacts.decode(sd, 0, 1)).isNotEqualTo(a);
        assertThat(raw.compressionType()).isZero();
    }

    @Test
    void storedCopiesStayUnderTheCapOldestFirst() {
        EfiPayloadMemo memo = new EfiPayloadMemo(250);
        for (int i = 0; i < 5; i++) {
            byte[] p = new byte[100];
            p[0] = (byte) i;
            ByteSlice s = ByteSlice.of(p);
            memo.get(s, 0, 0, decoder(s, 0, 0));
        }
        assertThat(memo.size()).isEqualTo(2);
        byte[] newest = new byte[100];
        newest[0] = 4;
        ByteSlice s = ByteSlice.of(newest);
        memo.get(s, 0, 0, decoder(s, 0, 0));
        assertThat(decodes).hasValue(5); // the newest one was still there
        byte[] oldest = new byte[100];
        ByteSlice o = ByteSlice.of(oldest);
        memo.get(o, 0, 0, decoder(o, 0, 0));
        assertThat(decodes).hasValue(6);
    }

    @Test
    void offRemembersNothing() {
        ByteSlice c = ByteSlice.of(compressedPe());
        EfiPayload a = EfiPayloadMemo.off().get(c, 0, 1, decoder(c, 0, 1));
        EfiPayload b = EfiPayloadMemo.off().get(c, 0, 1, decoder(c, 0, 1));
        assertThat(decodes).hasValue(2);
        assertThat(a).isEqualTo(b);
        assertThat(EfiPayloadMemo.off().size()).isZero();
    }

    @Test
    void theRunsMemoServesEveryAnalysisOfTheRun() {
        byte[] rom = NvidiaSample.layoutA();
        EfiPayloadMemo run = new EfiPayloadMemo();
        RomAnalysis first = RomAnalyzer.analyze(ByteSlice.of(rom), run);
        RomAnalysis second = RomAnalyzer.analyze(ByteSlice.of(rom.clone()), run);
        assertThat(run.size()).isEqualTo(1);
        assertThat(second.pciImages().get(1).efiPayload()).isEqualTo(first.pciImages().get(1).efiPayload());
        // an analysis without a memo decodes on its own to the same facts
        assertThat(RomAnalyzer.analyze(ByteSlice.of(rom)).pciImages().get(1).efiPayload())
                .isEqualTo(first.pciImages().get(1).efiPayload());
    }
}
