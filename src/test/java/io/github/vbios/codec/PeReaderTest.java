package io.github.vbios.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.io.ByteSlice;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PeReaderTest {
    /** A minimal MZ + PE header (PE/COFF spec 3.3-3.4) with {@code sections} empty section headers. */
    static byte[] pe(int machine, int magic, int subsystem, int sizeOfImage, int sections) {
        int lfanew = 0x80;
        int optSize = magic == 0x20B ? 240 : 224;
        ByteBuffer b = ByteBuffer.allocate(lfanew + 24 + optSize + 40 * sections).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3C, lfanew);
        b.putInt(lfanew, 0x4550).putShort(lfanew + 4, (short) machine).putShort(lfanew + 6, (short) sections)
                .putShort(lfanew + 20, (short) optSize);
        int opt = lfanew + 24;
        b.putShort(opt, (short) magic).putInt(opt + 56, sizeOfImage).putShort(opt + 68, (short) subsystem);
        return b.array();
    }

    static byte[] te(int machine, int subsystem, int sections) {
        ByteBuffer b = ByteBuffer.allocate(40 + 40 * sections).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'V').put((byte) 'Z').putShort((short) machine).put((byte) sections).put((byte) subsystem)
                .putShort((short) 0x1C8);
        for (int i = 0; i < sections; i++) {
            int sh = 40 + 40 * i;
            b.putInt(sh + 8, 0x1000).putInt(sh + 12, 0x240 + 0x1000 * i).putInt(sh + 16, 0x800);
        }
        return b.array();
    }

    @Test
    void pe32PlusX64Driver() throws Exception {
        PeHeader h = PeReader.read(ByteSlice.of(pe(0x8664, 0x20B, 11, 0x21000, 5)));
        assertThat(h).isEqualTo(new PeHeader(0x8664, 11, 0x21000, true, false, 5));
        assertThat(h.machineName()).isEqualTo("X64");
    }

    @Test
    void pe32Ia32Application() throws Exception {
        PeHeader h = PeReader.read(ByteSlice.of(pe(0x14C, 0x10B, 10, 0x3000, 2)));
        assertThat(h).isEqualTo(new PeHeader(0x14C, 10, 0x3000, false, false, 2));
        assertThat(h.machineName()).isEqualTo("IA32");
    }

    @Test
    void teImage() throws Exception {
        PeHeader h = PeReader.read(ByteSlice.of(te(0x8664, 11, 3)));
        assertThat(h.te()).isTrue();
        assertThat(h.pe32Plus()).isFalse();
        assertThat(h.machine()).isEqualTo(0x8664);
        assertThat(h.subsystem()).isEqualTo(11);
        assertThat(h.numberOfSections()).isEqualTo(3);
        assertThat(h.sizeOfImage()).isEqualTo(0x240 + 0x2000 + 0x1000);
    }

    @Test
    void errorsSayWhatAndWhere() {
        assertThatThrownBy(() -> PeReader.read(ByteSlice.of(new byte[] {'P', 'K', 3, 4})))
                .isInstanceOf(CodecException.class).hasMessageContaining("'MZ'").hasMessageContaining("50 4B");
        assertThatThrownBy(() -> PeReader.read(ByteSlice.of(new byte[0]))).isInstanceOf(CodecException.class);
        byte[] badLfanew = pe(0x8664, 0x20B, 11, 0x1000, 1);
        ByteBuffer.wrap(badLfanew).order(ByteOrder.LITTLE_ENDIAN).putInt(0x3C, 0x7FFF_FFF0);
        assertThatThrownBy(() -> PeReader.read(ByteSlice.of(badLfanew)))
                .isInstanceOf(CodecException.class).hasMessageContaining("e_lfanew");
        byte[] badMagic = pe(0x8664, 0x30B, 11, 0x1000, 1);
        assertThatThrownBy(() -> PeReader.read(ByteSlice.of(badMagic)))
                .isInstanceOf(CodecException.class).hasMessageContaining("magic");
        byte[] truncated = Arrays.copyOf(pe(0x8664, 0x20B, 11, 0x1000, 1), 0x90);
        assertThatThrownBy(() -> PeReader.read(ByteSlice.of(truncated)))
                .isInstanceOf(CodecException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> PeReader.read(ByteSlice.of(Arrays.copyOf(te(0x8664, 11, 4), 100))))
                .isInstanceOf(CodecException.class).hasMessageContaining("truncated");
    }

    @Property(tries = 300)
    void garbageGivesHeaderOrCodecException(@ForAll @Size(max = 600) byte[] tail, @ForAll boolean te,
                                            @ForAll @IntRange(max = 0x1FF) int cut) {
        byte[] base = te ? te(0x8664, 11, 2) : pe(0x8664, 0x20B, 11, 0x1000, 1);
        byte[] img = Arrays.copyOf(base, Math.min(base.length, cut) + tail.length);
        System.arraycopy(tail, 0, img, Math.min(base.length, cut), tail.length);
        try {
            PeHeader h = PeReader.read(ByteSlice.of(img));
            assertThat(h.numberOfSections()).isBetween(0, 0xFFFF);
        } catch (CodecException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
