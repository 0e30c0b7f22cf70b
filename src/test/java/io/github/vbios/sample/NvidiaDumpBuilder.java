package io.github.vbios.sample;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Synthetic NVIDIA full-flash dumps (rom-format.md 1.8, 1.9.4): a container in front (none,
 * NVGI v1/v2, NVGI v3 + RFRD, NVFW + RFRD v4, written by {@link NvidiaContainerBuilder}, the same
 * writer the demo's dump uses), the option-ROM chain in layout A or B ({@link RomImages}' images,
 * written by {@link OptionRomBuilder} like the demo's chain), then what real dumps carry after it
 * (InfoROM, a backup copy of container and chain, 0xFF fill).
 *
 * <pre>
 * byte[] dump = NvidiaDumpBuilder.dump(Container.NVGI_V2, Layout.B);       // like a Pascal nvflash dump
 * byte[] big = new NvidiaDumpBuilder(Container.NVGI_V3, Layout.A).backupCopy(true).infoRom(true).build();
 * </pre>
 */
public final class NvidiaDumpBuilder {
    /** Which header sits in front of the option ROM (rom-format.md 1.8). */
    public enum Container { NONE, NVGI_V1, NVGI_V2, NVGI_V3, NVFW_V4 }

    /** Where the NVIDIA-only images sit (rom-format.md 1.9.4). */
    public enum Layout {
        /** E0/NBSI after the EFI image (Kepler, Turing, Blackwell): the PCI view ends before them. */
        A,
        /** E0/NBSI inside the x86 PCIR length (Maxwell, Pascal): the PCI view contains them. */
        B
    }

    /** The IDs and GOP version of the demo's {@link NvidiaSample}, so both describe one card. */
    public static final int DEVICE = NvidiaSample.DEVICE;
    public static final int ROM_DEVICE = NvidiaSample.ROM_DEVICE;
    public static final long GOP_VERSION = NvidiaSample.GOP_VERSION;
    static final int X86_BLOCKS = 0x40;
    static final int E0_BLOCKS = 0x18;
    static final int NBSI_BLOCKS = 4;
    static final int EFI_BLOCKS = 0x10;

    private final Container container;
    private final Layout layout;
    private int device = DEVICE;
    private boolean backupCopy;
    private boolean infoRom;
    private int minSize;

    public NvidiaDumpBuilder(Container container, Layout layout) {
        this.container = container;
        this.layout = layout;
    }

    /** The default dump for a container and layout: chain plus 0xFF fill to a power of two (nvflash-like). */
    public static byte[] dump(Container container, Layout layout) {
        return new NvidiaDumpBuilder(container, layout).build();
    }

    public NvidiaDumpBuilder device(int id) {
        this.device = id;
        return this;
    }

    /** Append a byte-identical copy of container + chain (TU117 has one at 0x54000). */
    public NvidiaDumpBuilder backupCopy(boolean on) {
        this.backupCopy = on;
        return this;
    }

    /** Append an InfoROM object directory ("ROM" 01 then IMG/OBD records), as GTX 1070 dumps have. */
    public NvidiaDumpBuilder infoRom(boolean on) {
        this.infoRom = on;
        return this;
    }

    /** Pad with 0xFF to at least this many bytes (0: to the next power of two). */
    public NvidiaDumpBuilder size(int bytes) {
        this.minSize = bytes;
        return this;
    }

    /** Offset of the first 55 AA inside {@link #build()}'s result. */
    public int romStart() {
        return switch (container) {
            case NONE -> 0;
            case NVGI_V1 -> NvidiaContainerBuilder.V1_START;
            case NVGI_V2 -> NvidiaContainerBuilder.V2_START;
            case NVGI_V3 -> NvidiaContainerBuilder.V3_START;
            case NVFW_V4 -> NvidiaContainerBuilder.V4_START;
        };
    }

    public byte[] build() {
        byte[] chain = chain(layout, device);
        byte[] head = header(chain.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(chain);
        int front = out.size();
        if (infoRom) {
            pad(out, align(out.size() + 0x800, 0x1000));
            out.writeBytes(infoRomBlock());
        }
        if (backupCopy) {
            pad(out, align(out.size() + 1, 0x4000));
            out.write(head, 0, head.length);
            out.write(chain, 0, chain.length);
        }
        int size = minSize > 0 ? Math.max(minSize, out.size()) : Integer.highestOneBit(Math.max(1, out.size() - 1)) << 1;
        if (container == Container.NONE && !infoRom && !backupCopy && minSize == 0) {
            size = front;
        }
        pad(out, size);
        return out.toByteArray();
    }

    /**
     * The option-ROM chain alone (what a healthy card's ROM BAR shows, plus layout A's private
     * images), built by {@link OptionRomBuilder} from {@link RomImages}' images.
     */
    public static byte[] chain(Layout layout, int device) {
        RomImageSpec efi = RomImages.efi(0x10DE, device, EFI_BLOCKS, true)
                .npde(0x0100, 0x10).npdeLast(layout == Layout.B ? 0x80 : 0).npdeExtra(GOP_VERSION);
        RomImageSpec e0 = RomImages.nvidiaPrivate(ROM_DEVICE, 0xE0, E0_BLOCKS, false, true);
        if (layout == Layout.A) {
            return new OptionRomBuilder()
                    .add(RomImages.nvidiaX86(device, X86_BLOCKS, X86_BLOCKS, X86_BLOCKS))
                    .add(efi)
                    .add(e0)
                    .add(RomImages.nvidiaPrivate(ROM_DEVICE, 0x70, NBSI_BLOCKS, true, false))
                    .build();
        }
        int pcir = X86_BLOCKS + E0_BLOCKS + NBSI_BLOCKS;
        // byte 2 covers x86 + first E0, the PCIR length also the NBSI (Pascal, rom-format.md 3.6)
        return new OptionRomBuilder()
                .add(RomImages.nvidiaX86(device, X86_BLOCKS, pcir, X86_BLOCKS + E0_BLOCKS))
                .add(e0)
                .add(RomImages.nvidiaPrivate(ROM_DEVICE, 0x70, NBSI_BLOCKS, false, false))
                .add(efi)
                .build();
    }

    /** The bytes before the option ROM: the container header as {@link NvidiaContainerBuilder} writes it. */
    byte[] header(int chainLength) {
        return switch (container) {
            case NONE -> new byte[0];
            case NVGI_V1 -> NvidiaContainerBuilder.nvgiHeader(1, chainLength);
            case NVGI_V2 -> NvidiaContainerBuilder.nvgiHeader(2, chainLength);
            case NVGI_V3 -> NvidiaContainerBuilder.nvgiHeader(3, chainLength);
            case NVFW_V4 -> NvidiaContainerBuilder.nvfwHeader(chainLength);
        };
    }

    /** An InfoROM object directory: "ROM" 01 then 3-letter records (rom-format.md 1.8, observed). */
    static byte[] infoRomBlock() {
        ByteBuffer b = ByteBuffer.allocate(0x400).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'R').put(1, (byte) 'O').put(2, (byte) 'M').put(3, (byte) 1);
        String[] records = {"IMG", "OBD", "OEM", "BBO"};
        for (int i = 0; i < records.length; i++) {
            b.put(0x10 + i * 0x10, records[i].getBytes(StandardCharsets.US_ASCII));
            b.putInt(0x14 + i * 0x10, 0x100 * (i + 1));
        }
        RomImages.code(b.array(), 0x100, 0x2F0, 0x1F0);
        return b.array();
    }

    private static void pad(ByteArrayOutputStream out, int size) {
        while (out.size() < size) {
            out.write(0xFF);
        }
    }

    private static int align(int v, int a) {
        return (v + a - 1) / a * a;
    }
}
