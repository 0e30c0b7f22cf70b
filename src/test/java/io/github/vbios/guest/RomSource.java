package io.github.vbios.guest;

import io.github.vbios.firmware.CarvedRom;
import io.github.vbios.firmware.Extractor;
import io.github.vbios.firmware.Limits;
import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import io.github.vbios.rom.RomView;
import io.github.vbios.sample.NvidiaContainerBuilder;
import io.github.vbios.sample.NvidiaSample;
import io.github.vbios.sample.OptionRomBuilder;
import io.github.vbios.sample.RomImageSpec;
import io.github.vbios.testutil.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Where the VBIOS comes from, and what {@code _ROM} must give the driver: the NVIDIA view
 * (rom-format.md 1.9.3, computed by the rom room's walker on the source, not by the tables' code).
 */
interface RomSource {
    String name();

    /** The input file the user has (written into {@code dir} when generated). */
    Path input(Path dir) throws Exception;

    /** The bytes NVIDIA's driver and nouveau read from the card's own ROM. */
    byte[] nvidiaView(Path input) throws Exception;

    /** True when the user runs {@code vbios optimus} on the input; else {@code patch} + {@code ssdt} + {@code vm}. */
    boolean optimus();

    /** Extra words for {@code vbios optimus} ({@code --pick 1}). */
    default List<String> optimusArgs() {
        return List.of();
    }

    static byte[] view(ByteSlice data, RomView v) {
        return data.slice(v.start(), v.length()).toArray();
    }

    /**
     * A GPU flash dump (NVGI v3 container, 0xFF tail) holding a layout-A ROM (x86, EFI with the PCIR
     * last bit, E0, NBSI) whose NVIDIA view is exactly {@code size} bytes, the E0 image filled with
     * seeded noise so that a shifted or short read cannot hash right.
     */
    record Synthetic(int size) implements RomSource {
        @Override
        public String name() {
            return size / 1024 + "KiB-dump";
        }

        @Override
        public boolean optimus() {
            return false;
        }

        @Override
        public Path input(Path dir) throws Exception {
            int e0Blocks = 8 + (size - layoutA(8).length) / 512;
            byte[] chain = layoutA(e0Blocks);
            if (chain.length != size) {
                throw new AssertionError("synthetic layout-A ROM is " + chain.length + " bytes, wanted " + size);
            }
            return Files.write(dir.resolve("gpu-flash-dump.bin"), NvidiaContainerBuilder.nvgiV3(chain, 0x2000));
        }

        private byte[] layoutA(int e0Blocks) {
            RomImageSpec e0 = OptionRomBuilder.nvidiaPrivate(NvidiaSample.ROM_DEVICE, 0xE0).sizeBlocks(e0Blocks)
                    .npde(0x0101, 0x14);
            byte[] noise = new byte[e0Blocks * 512 - 0x400];
            new Random(size).nextBytes(noise);
            e0.put(0x400, noise);
            return new OptionRomBuilder()
                    .add(NvidiaSample.x86(16, e0))
                    .add(NvidiaSample.efiGop(NvidiaSample.DEVICE).indicator(0x80).npdeLast(0))
                    .add(e0)
                    .add(OptionRomBuilder.nvidiaPrivate(0, 0x70).sizeBlocks(2))
                    .build();
        }

        @Override
        public byte[] nvidiaView(Path input) throws Exception {
            ByteSlice data = ByteSlice.of(Files.readAllBytes(input));
            return view(data, RomAnalyzer.analyze(data).nvidiaView());
        }
    }

    /** A GPU dump from the corpus ({@code roms/kepler-gk107.rom}: NVGI v1, layout A). */
    record CorpusDump(String file) implements RomSource {
        @Override
        public String name() {
            return Path.of(file).getFileName().toString();
        }

        @Override
        public boolean optimus() {
            return true;
        }

        @Override
        public Path input(Path dir) {
            return Corpus.file(file);
        }

        @Override
        public byte[] nvidiaView(Path input) throws Exception {
            ByteSlice data = ByteSlice.of(Files.readAllBytes(input));
            return view(data, RomAnalyzer.analyze(data).nvidiaView());
        }
    }

    /**
     * System firmware from the corpus (the LG R510 image): {@code vbios optimus --pick 1} takes its
     * first NVIDIA candidate, 10de:0648 (docs/commands/optimus.md); the firmware room's extractor
     * finds the same ROM for the expected bytes.
     */
    record CorpusFirmware(String file, int vendor, int device) implements RomSource {
        @Override
        public String name() {
            return Path.of(file).getFileName().toString();
        }

        @Override
        public boolean optimus() {
            return true;
        }

        @Override
        public List<String> optimusArgs() {
            return List.of("--pick", "1");
        }

        @Override
        public Path input(Path dir) {
            return Corpus.file(file);
        }

        @Override
        public byte[] nvidiaView(Path input) throws Exception {
            ByteSlice data = ByteSlice.of(Files.readAllBytes(input));
            for (CarvedRom r : Extractor.run(data, name(), Limits.defaults(), ExternalTools.system()).roms()) {
                if (r.vendorId() == vendor && r.deviceId() == device) {
                    RomAnalysis a = r.analysis();
                    // this ROM's NVIDIA view ends inside its PCI view (one legacy image), so the carved bytes hold it
                    ByteSlice pci = r.pciView();
                    RomAnalysis own = RomAnalyzer.analyze(pci);
                    if (own.nvidiaView().end() > pci.length() || a.nvidiaView().length() > own.pciView().length()) {
                        throw new AssertionError(name() + ": the NVIDIA view reaches past the carved PCI view");
                    }
                    return view(pci, own.nvidiaView());
                }
            }
            throw new AssertionError(String.format("%s: no ROM %04x:%04x found", name(), vendor, device));
        }
    }
}
