package io.github.vbios.cli;

import io.github.vbios.host.RomAccess;
import io.github.vbios.host.SysfsRomAccess;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The child JVM of {@link DumpSignalTest}: {@code vbios dump} through the sysfs enable/read/disable
 * steps on a plain file standing in for the {@code rom} attribute, whose read blocks (as a FUSE
 * or wedged device does) until the parent sends a signal. Args: ATTR ROM-IMAGE then dump's args.
 */
public final class DumpSignalChild {
    private DumpSignalChild() {
    }

    public static void main(String[] args) {
        Path attr = Path.of(args[0]);
        Path image = Path.of(args[1]);
        String[] dumpArgs = Arrays.copyOfRange(args, 2, args.length);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
        CommandLine cl = Main.newCommandLine(out, err);
        DumpCommand dump = cl.getSubcommands().get("dump").getCommand();
        SysfsRomAccess sysfs = new SysfsRomAccess(attr);
        dump.accessFactory = dev -> new RomAccess() {
            @Override
            public void enable() throws IOException {
                sysfs.enable();
            }

            @Override
            public byte[] read(int limit) throws IOException {
                System.out.println("READING");
                System.out.flush();
                try {
                    Thread.sleep(120_000); // the parent signals long before
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Files.readAllBytes(image);
            }

            @Override
            public void disable() throws IOException {
                sysfs.disable();
            }

            @Override
            public Optional<String> restoreCommand() {
                return sysfs.restoreCommand();
            }
        };
        System.exit(cl.execute(dumpArgs));
    }
}
