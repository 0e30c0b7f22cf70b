import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step (pom.xml, execution "cds-prepare", a single-file source program run after shade with
 * ASM on its class path): rewrites the Java 5 class files of the shaded jar (picocli is compiled
 * for class-file version 49) as version 52 with computed StackMapTable frames. HotSpot's
 * class-data sharing refuses pre-Java 6 classes, and refuses classes whose verification fell back
 * to type inference; every vbios class that implements a picocli interface is then refused with
 * them, so without this step the AppCDS archive would hold almost none of the start-up path.
 * Only version and frames change, never an instruction. Usage: java -cp asm.jar
 * build/CdsPrepare.java target/vbios.jar
 */
public final class CdsPrepare {
    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".retarget.part");
        int changed = 0;
        int kept = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
             URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                     ClassLoader.getPlatformClassLoader());
             OutputStream raw = Files.newOutputStream(tmp);
             ZipOutputStream out = new ZipOutputStream(raw)) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                byte[] data;
                try (InputStream s = in.getInputStream(entry)) {
                    data = s.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && isBeforeJava6(data)) {
                    byte[] rewritten = retarget(data, loader);
                    if (rewritten != null) {
                        data = rewritten;
                        changed++;
                    } else {
                        kept++;
                    }
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        // Quiet when all went well (a build prints only problems); VBIOS_BUILD_VERBOSE=1 shows counts.
        if (kept > 0 || System.getenv("VBIOS_BUILD_VERBOSE") != null) {
            System.out.println("cds-prepare: " + changed + " pre-Java 6 class files rewritten as version 52 ("
                    + kept + " left as they were, class-data sharing skips them) in " + jar.getFileName());
        }
    }

    /** The class as version 52 with frames, or null when ASM cannot do it (e.g. JSR/RET code). */
    private static byte[] retarget(byte[] data, ClassLoader loader) {
        try {
            ClassReader reader = new ClassReader(data);
            ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
                @Override
                protected ClassLoader getClassLoader() {
                    return loader; // frames need the common superclass of picocli's own types
                }
            };
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                                  String[] interfaces) {
                    super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
                }
            }, ClassReader.SKIP_FRAMES);
            return writer.toByteArray();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static boolean isBeforeJava6(byte[] c) {
        return c.length > 8 && (c[0] & 0xff) == 0xCA && (c[1] & 0xff) == 0xFE && (c[2] & 0xff) == 0xBA
                && (c[3] & 0xff) == 0xBE && c[6] == 0 && c[7] < 50;
    }
}
