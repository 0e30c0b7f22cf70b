package io.github.vbios.guest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code vbios vm libvirt --domain} on the domain virt-install writes for a Windows 11 guest, started
 * by a real libvirtd: {@code virsh create} on a session libvirtd of an unprivileged user (nobody when
 * the tests run as root), so QEMU runs as that user and must open vbios's artefacts with the modes
 * vbios gave them, and its arguments are exactly libvirt's. ({@link #qemu} gives the same domain's
 * {@code virsh domxml-to-native qemu-argv}, for a look.) Before the
 * conversion the test changes only what a CI machine cannot provide: KVM-only parts (type, host
 * CPU, Hyper-V), the disks, network, SPICE, TPM and pty consoles, the memory size; it adds the
 * direct kernel boot and a file serial, picks the firmware of the cell, and replaces each
 * {@code <hostdev>} by a stand-in at its guest address (the GPU by {@code <rng model='virtio'>},
 * other functions by an i6300esb watchdog), dropping the {@code qemu:override} of vfio-only
 * properties. After it, the monitor socket, {@code -S} and {@code -no-shutdown} go (no libvirtd
 * drives this QEMU).
 */
record LibvirtStack(Path home) implements Stack {
    static final String DOMAIN_RESOURCE = "win11-virt-install.xml";
    private static final String QEMU_NS = "http://libvirt.org/schemas/domain/qemu/1.0";
    private static final int NOBODY = 65534;

    /** A folder the unprivileged session libvirtd can use as HOME. */
    static LibvirtStack create() throws Exception {
        Path home = Files.createTempDirectory("vbios-libvirt-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
        return new LibvirtStack(home);
    }

    @Override
    public String name() {
        return "libvirt";
    }

    @Override
    public List<String> vmCommand(Guest guest) throws Exception {
        Path domain = guest.dir().resolve("win11.xml");
        try (var in = LibvirtStack.class.getResourceAsStream(DOMAIN_RESOURCE)) {
            Files.write(domain, in.readAllBytes());
        }
        List<String> cmd = new ArrayList<>(List.of("vm", "libvirt", "--domain", domain.toString()));
        if (guest.hotplug()) {
            cmd.add("--keep-hotplug");
        }
        return cmd;
    }

    @Override
    public List<String> qemu(JsonNode vm, Guest guest) throws Exception {
        String patched = vm.get("libvirtDomain").asText();
        Path xml = home.resolve(guest.dir().getFileName() + ".xml");
        Files.writeString(xml, forCi(patched, guest));
        Files.setPosixFilePermissions(xml, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> argv = ShellWords.split(nativeArgv(xml));
        return strip(argv);
    }

    @Override
    public Run run(JsonNode vm, Guest guest, long timeoutSeconds) throws Exception {
        // the unprivileged QEMU reaches the cell's folder; vbios's own files keep the modes vbios gave them
        Files.setPosixFilePermissions(guest.dir().getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(guest.dir(), PosixFilePermissions.fromString("rwxrwxrwx"));
        Path kernel = Files.copy(guest.kernel(), guest.dir().resolve("vmlinuz"));
        Guest own = new Guest(guest.dir(), kernel, guest.initrd(), guest.serial(), guest.append(), guest.ovmf(),
                guest.hotplug());
        String name = "vbios-" + guest.dir().getFileName();
        Path xml = home.resolve(name + ".xml");
        Files.writeString(xml, forCi(vm.get("libvirtDomain").asText(), own).replaceFirst("<name>[^<]*</name>",
                "<name>" + name + "</name>"));
        Files.setPosixFilePermissions(xml, PosixFilePermissions.fromString("rw-r--r--"));
        String create;
        try {
            create = virsh(120, "create", xml.toString());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n(QEMU runs as an unprivileged user here: \"can't open file\""
                    + " means a file vbios wrote, or its folder, is not readable by others; issue 16 point 1)", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        boolean done = false;
        while (System.nanoTime() < deadline) {
            if (!virsh(60, "list", "--name").lines().map(String::strip).toList().contains(name)) {
                done = true;
                break;
            }
            Thread.sleep(2000);
        }
        if (!done) {
            virsh(60, "destroy", name);
        }
        Path log = home.resolve(".cache/libvirt/qemu/log/" + name + ".log");
        String qemuLog = Files.exists(log) ? Files.readString(log) : "(no libvirt log at " + log + ")";
        return new Run(List.of("virsh", "-c", "qemu:///session", "create", xml.toString()), create + "\n" + qemuLog,
                done);
    }

    /** Runs virsh as nobody (when root) against a session libvirtd in {@link #home}; fails unless it exits 0. */
    private String virsh(long seconds, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        cmd.addAll(List.of("env", "-i", "PATH=/usr/bin:/bin:/usr/sbin:/sbin", "HOME=" + home,
                "XDG_RUNTIME_DIR=" + home.resolve("run"), "virsh", "-c", "qemu:///session"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("virsh " + String.join(" ", args) + " failed:\n" + out);
        }
        return out.strip();
    }

    private String nativeArgv(Path xml) throws Exception {
        return virsh(120, "domxml-to-native", "qemu-argv", xml.toString());
    }

    /** libvirt's argv without the environment prefix and the parts only a managing libvirtd uses. */
    static List<String> strip(List<String> argv) {
        int bin = 0;
        while (!argv.get(bin).endsWith("qemu-system-x86_64")) {
            bin++;
        }
        List<String> out = new ArrayList<>(List.of("qemu-system-x86_64"));
        for (int i = bin + 1; i < argv.size(); i++) {
            String a = argv.get(i);
            String next = i + 1 < argv.size() ? argv.get(i + 1) : "";
            if (a.equals("-S") || a.equals("-no-shutdown")) {
                continue;
            }
            if ((a.equals("-chardev") && next.contains("id=charmonitor")) || a.equals("-mon")
                    || (a.equals("-object") && next.contains("masterKey0"))) {
                i++;
                continue;
            }
            out.add(a);
        }
        return out;
    }

    static String forCi(String patched, Guest guest) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(patched)));
        Element domain = doc.getDocumentElement();
        domain.setAttribute("type", "qemu");
        removeAll(doc, "uuid");
        text(doc, "memory", "524288");
        text(doc, "currentMemory", "524288");
        text(doc, "vcpu", "1");
        removeAll(doc, "cpu", "hyperv");
        NodeList timers = doc.getElementsByTagName("timer");
        for (int i = timers.getLength() - 1; i >= 0; i--) {
            Element t = (Element) timers.item(i);
            if (t.getAttribute("name").equals("hypervclock")) {
                t.getParentNode().removeChild(t);
            }
        }
        removeAll(doc, "disk", "interface", "graphics", "channel", "redirdev", "tpm", "audio", "serial", "console");
        Element os = (Element) doc.getElementsByTagName("os").item(0);
        os.removeAttribute("firmware");
        removeAll(doc, "firmware", "loader", "nvram");
        if (guest.ovmf()) {
            Element loader = child(os, "loader", OVMF_CODE.toString());
            loader.setAttribute("readonly", "yes");
            loader.setAttribute("type", "pflash");
            Path vars = guest.dir().resolve("win11_VARS.fd");
            if (!Files.exists(vars)) {
                Files.copy(OVMF_VARS, vars);
                Files.setPosixFilePermissions(vars, PosixFilePermissions.fromString("rw-rw-rw-"));
            }
            child(os, "nvram", vars.toString()).setAttribute("template", OVMF_VARS.toString());
        }
        child(os, "kernel", guest.kernel().toString());
        child(os, "initrd", guest.initrd().toString());
        child(os, "cmdline", guest.append());
        Element devices = (Element) doc.getElementsByTagName("devices").item(0);
        Element serial = child(devices, "serial", null);
        serial.setAttribute("type", "file");
        child(serial, "source", null).setAttribute("path", guest.serial().toString());
        standIns(doc);
        StringWriter w = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(w));
        return w.toString();
    }

    private static void standIns(Document doc) {
        Set<String> aliases = new HashSet<>();
        NodeList hostdevs = doc.getElementsByTagName("hostdev");
        for (int i = hostdevs.getLength() - 1; i >= 0; i--) {
            Element h = (Element) hostdevs.item(i);
            Element address = null;
            for (Node n = h.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals("address")) {
                    address = e;
                } else if (n instanceof Element e && e.getTagName().equals("alias")) {
                    aliases.add(e.getAttribute("name"));
                }
            }
            if (address == null) {
                throw new AssertionError("a <hostdev> without a guest <address>: libvirt would place it itself");
            }
            boolean gpu = Integer.decode(address.getAttribute("function")) == 0;
            Element standIn;
            if (gpu) {
                standIn = doc.createElement("rng");
                standIn.setAttribute("model", "virtio");
                child(standIn, "backend", "/dev/urandom").setAttribute("model", "random");
            } else {
                standIn = doc.createElement("watchdog");
                standIn.setAttribute("model", "i6300esb");
                standIn.setAttribute("action", "reset");
            }
            standIn.appendChild(address.cloneNode(true));
            h.getParentNode().replaceChild(standIn, h);
        }
        NodeList overrides = doc.getElementsByTagNameNS(QEMU_NS, "device");
        for (int i = overrides.getLength() - 1; i >= 0; i--) {
            Element d = (Element) overrides.item(i);
            if (aliases.contains(d.getAttribute("alias"))) {
                d.getParentNode().removeChild(d);
            }
        }
        NodeList empty = doc.getElementsByTagNameNS(QEMU_NS, "override");
        for (int i = empty.getLength() - 1; i >= 0; i--) {
            Element o = (Element) empty.item(i);
            if (o.getElementsByTagNameNS(QEMU_NS, "device").getLength() == 0) {
                o.getParentNode().removeChild(o);
            }
        }
    }

    private static void text(Document doc, String tag, String value) {
        NodeList l = doc.getElementsByTagName(tag);
        if (l.getLength() > 0) {
            Element e = (Element) l.item(0);
            e.setTextContent(value);
            e.removeAttribute("placement");
            if (e.hasAttribute("unit")) {
                e.setAttribute("unit", "KiB");
            }
        }
    }

    private static void removeAll(Document doc, String... tags) {
        for (String tag : tags) {
            NodeList l = doc.getElementsByTagName(tag);
            for (int i = l.getLength() - 1; i >= 0; i--) {
                Node n = l.item(i);
                n.getParentNode().removeChild(n);
            }
        }
    }

    private static Element child(Element parent, String tag, String text) {
        Element e = parent.getOwnerDocument().createElement(tag);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }
}
