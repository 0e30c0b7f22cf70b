package io.github.vbios.host;

import io.github.vbios.io.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The real {@code /sys/bus/pci/devices/BDF/rom} attribute. Writing {@code 1} makes the kernel
 * map the ROM BAR (Linux {@code pci_map_rom}); without it a read returns nothing.
 */
public final class SysfsRomAccess implements RomAccess {
    private final Path rom;

    public SysfsRomAccess(Path rom) {
        this.rom = rom;
    }

    @Override
    public void enable() throws IOException {
        // opening a FIFO for writing blocks until a reader comes: refuse anything but the attribute
        InputFiles.requireRegular(rom);
        // WRITE without TRUNCATE: sysfs attributes take the value as a write at offset 0.
        Files.write(rom, "1".getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE);
    }

    @Override
    public byte[] read(int limit) throws IOException {
        InputFiles.requireRegular(rom);
        try (InputStream in = Files.newInputStream(rom)) {
            return in.readNBytes(limit);
        }
    }

    @Override
    public Optional<String> restoreCommand() {
        return Optional.of("echo 0 | sudo tee " + rom);
    }

    @Override
    public void disable() throws IOException {
        Files.write(rom, "0".getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE);
    }
}
