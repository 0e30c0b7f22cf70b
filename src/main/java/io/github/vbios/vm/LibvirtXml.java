package io.github.vbios.vm;

import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Renders a {@link PassthroughPlan} as libvirt domain XML (acpi-vm.md 3.2): the root-port
 * {@code <controller>}, {@code <hostdev>} with a {@code ua-} alias and {@code <rom file>},
 * {@code <qemu:override>} with the subsystem IDs as unsigned decimal values (never the broken
 * {@code -set device.hostdev0} idiom, 4 #9; never an empty override, 4 #10),
 * {@code <qemu:commandline>} for {@code -acpitable}, and {@code <sysinfo type='fwcfg'>} for the
 * ROM in fw_cfg mode. The snippet and the patched domain come from the same code.
 */
public final class LibvirtXml {
    public static final String QEMU_NS = "http://libvirt.org/schemas/domain/qemu/1.0";
    /** The snippet's {@code <name>}: a placeholder, so that the snippet alone passes libvirt's schema. */
    public static final String SNIPPET_NAME = "VM";

    private LibvirtXml() {
    }

    /** A partial domain holding only what the plan adds: merge it with {@code virsh edit}. */
    public static String snippet(PassthroughPlan plan) {
        try {
            Document doc = LibvirtDomain.secureBuilder().newDocument();
            Element domain = doc.createElementNS(null, "domain");
            domain.setAttribute("type", "kvm");
            doc.appendChild(domain);
            // libvirt's schema requires a name; the placeholder marks the part not to merge
            Xml.add(domain, null, "name").setTextContent(SNIPPET_NAME);
            // "--" may not appear inside an XML comment
            doc.insertBefore(doc.createComment(" vbios: merge these parts into your domain (virsh edit VM). "
                    + "<name> is a placeholder: keep your own. GPU ACPI path in the guest: " + plan.acpiPath().replace("--", "") + " "), domain);
            apply(doc, plan, true);
            return Xml.write(doc);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        }
    }

    /** The user's whole domain with the plan applied; the guest's firmware is kept. */
    public static String patch(LibvirtDomain domain, PassthroughPlan plan) {
        return patch(domain, plan, false);
    }

    /**
     * The user's whole domain with the plan applied: hostdevs for the same host functions are
     * replaced, a root port the plan reuses (same index) is kept, {@code -acpitable} arguments for
     * the same files are not repeated, so patching the output again changes nothing. A BIOS guest
     * is switched to UEFI only with {@code switchToUefi}.
     */
    public static String patch(LibvirtDomain domain, PassthroughPlan plan, boolean switchToUefi) {
        if (!domain.usable()) {
            throw new IllegalArgumentException("the domain XML could not be read");
        }
        Document doc = (Document) domain.document().cloneNode(true);
        apply(doc, plan, switchToUefi);
        return Xml.write(doc);
    }

    private static void apply(Document doc, PassthroughPlan plan, boolean setUefi) {
        Element domain = doc.getDocumentElement();
        domain.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:qemu", QEMU_NS);
        os(domain, plan, setUefi);
        // the tables need ACPI, and libvirt refuses UEFI without it ("UEFI requires ACPI on this architecture")
        Element features = Xml.child(domain, null, "features");
        Xml.child(features, null, "acpi");
        if (plan.fwCfg() != null) {
            sysinfo(domain, plan.fwCfg());
        }
        Element devices = Xml.child(domain, null, "devices");
        removeHostdevs(devices, plan.functions());
        for (RootPort rp : plan.rootPorts()) {
            if (!rp.rootBus()) {
                rootPort(devices, rp);
            }
            for (GuestFunction f : rp.functions()) {
                devices.appendChild(hostdev(doc, rp, f));
            }
        }
        if (!plan.acpiTables().isEmpty()) {
            Element cl = Xml.child(domain, QEMU_NS, "qemu:commandline");
            removeAcpiTables(cl, plan.acpiTables());
            for (String t : plan.acpiTables()) {
                Xml.add(cl, QEMU_NS, "qemu:arg").setAttribute("value", "-acpitable");
                Xml.add(cl, QEMU_NS, "qemu:arg").setAttribute("value", "file=" + QemuArgs.value(t));
            }
        }
        List<GuestFunction> withIds = plan.functions().stream().filter(GuestFunction::hasSubsystem).toList();
        if (!withIds.isEmpty()) {
            override(domain, withIds);
        }
    }

    /** The same root port again (patching twice): keep it, only make sure of hotplug; else add it. */
    private static void rootPort(Element devices, RootPort rp) {
        for (Element c : Xml.children(devices, "controller")) {
            if ("pci".equals(c.getAttribute("type")) && Xml.number(c.getAttribute("index")).orElse(-1) == rp.index()) {
                boolean same = Xml.children(c, "address").stream().anyMatch(a -> Xml.number(a.getAttribute("bus"))
                        .orElse(-1) == 0 && Xml.number(a.getAttribute("slot")).orElse(-1) == rp.slot()
                        && Xml.number(a.getAttribute("function")).orElse(-1) == rp.function());
                if (!same || !"pcie-root-port".equals(c.getAttribute("model"))) {
                    throw new IllegalArgumentException("controller index " + rp.index() + " is another controller in "
                            + "the domain: plan with the domain (PassthroughPlanner) to pick a free index");
                }
                if (rp.hotplugOff()) {
                    Xml.child(c, null, "target").setAttribute("hotplug", "off");
                }
                return;
            }
        }
        devices.appendChild(controller(devices.getOwnerDocument(), rp));
    }

    /** Drops {@code -acpitable file=X} pairs for the plan's own files, which are added again after. */
    private static void removeAcpiTables(Element commandline, List<String> tables) {
        List<Element> args = Xml.children(commandline, "arg");
        for (int i = 0; i + 1 < args.size(); i++) {
            String value = args.get(i + 1).getAttribute("value");
            if ("-acpitable".equals(args.get(i).getAttribute("value"))
                    && tables.stream().anyMatch(t -> value.equals("file=" + QemuArgs.value(t)))) {
                commandline.removeChild(args.get(i));
                commandline.removeChild(args.get(i + 1));
                i++;
            }
        }
    }

    private static void os(Element domain, PassthroughPlan plan, boolean setUefi) {
        Element os = Xml.child(domain, null, "os");
        boolean uefi = "efi".equals(os.getAttribute("firmware")) || Xml.children(os, "loader").stream()
                .anyMatch(l -> "pflash".equals(l.getAttribute("type")));
        if (setUefi && !uefi) {
            os.setAttribute("firmware", "efi");
        }
        Element type = Xml.child(os, null, "type");
        if (!type.hasAttribute("machine")) {
            type.setAttribute("arch", "x86_64");
            type.setAttribute("machine", plan.machine());
            type.setTextContent("hvm");
        }
    }

    private static void sysinfo(Element domain, FwCfgEntry fw) {
        Element sysinfo = null;
        for (Element s : Xml.children(domain, "sysinfo")) {
            if ("fwcfg".equals(s.getAttribute("type"))) {
                sysinfo = s;
            }
        }
        if (sysinfo == null) {
            sysinfo = Xml.add(domain, null, "sysinfo");
            sysinfo.setAttribute("type", "fwcfg");
        }
        for (Element e : Xml.children(sysinfo, "entry")) {
            if (fw.name().equals(e.getAttribute("name"))) {
                sysinfo.removeChild(e);
            }
        }
        Element entry = Xml.add(sysinfo, null, "entry");
        entry.setAttribute("name", fw.name());
        entry.setAttribute("file", fw.file());
    }

    private static void removeHostdevs(Element devices, List<GuestFunction> functions) {
        for (Element h : Xml.children(devices, "hostdev")) {
            for (Element s : Xml.children(h, "source")) {
                for (Element a : Xml.children(s, "address")) {
                    String addr = Xml.hostAddress(a);
                    if (functions.stream().anyMatch(f -> f.hostAddress().equals(addr))) {
                        devices.removeChild(h);
                    }
                }
            }
        }
    }

    private static Element controller(Document doc, RootPort rp) {
        Element c = doc.createElementNS(doc.getDocumentElement().getNamespaceURI(), "controller");
        c.setAttribute("type", "pci");
        c.setAttribute("index", Integer.toString(rp.index()));
        c.setAttribute("model", "pcie-root-port");
        Element t = Xml.add(c, null, "target");
        t.setAttribute("chassis", Integer.toString(rp.chassis()));
        t.setAttribute("port", String.format(Locale.ROOT, "0x%x", rp.port()));
        if (rp.hotplugOff()) {
            t.setAttribute("hotplug", "off");
        }
        Xml.pciAddress(Xml.add(c, null, "address"), 0, 0, rp.slot(), rp.function());
        return c;
    }

    private static Element hostdev(Document doc, RootPort rp, GuestFunction f) {
        Element h = doc.createElementNS(doc.getDocumentElement().getNamespaceURI(), "hostdev");
        h.setAttribute("mode", "subsystem");
        h.setAttribute("type", "pci");
        h.setAttribute("managed", "yes");
        int[] a = f.hostFields();
        // a host address has no type attribute: libvirt's schema refuses type='pci' under <source>
        Xml.hostPciAddress(Xml.add(Xml.add(h, null, "source"), null, "address"), a[0], a[1], a[2], a[3]);
        Xml.add(h, null, "alias").setAttribute("name", "ua-" + f.alias());
        if (f.romfile() != null) {
            Element rom = Xml.add(h, null, "rom");
            rom.setAttribute("bar", "on");
            rom.setAttribute("file", f.romfile());
        }
        Element guest = Xml.add(h, null, "address");
        if (rp.rootBus()) {
            Xml.pciAddress(guest, 0, 0, rp.slot(), f.guestFunction());
        } else {
            Xml.pciAddress(guest, 0, rp.index(), 0, f.guestFunction());
        }
        if (f.guestFunction() == 0 && rp.functions().size() > 1) {
            guest.setAttribute("multifunction", "on");
        }
        return h;
    }

    /** {@code type='unsigned'} values are decimal: 0x1025 is written 4133 (acpi-vm.md 3.2). */
    private static void override(Element domain, List<GuestFunction> functions) {
        Element ov = Xml.child(domain, QEMU_NS, "qemu:override");
        for (GuestFunction f : functions) {
            for (Element d : Xml.children(ov, "device")) {
                if (("ua-" + f.alias()).equals(d.getAttribute("alias"))) {
                    ov.removeChild(d);
                }
            }
            Element dev = Xml.add(ov, QEMU_NS, "qemu:device");
            dev.setAttribute("alias", "ua-" + f.alias());
            Element fe = Xml.add(dev, QEMU_NS, "qemu:frontend");
            property(fe, "x-pci-sub-vendor-id", f.subsystemVendorId());
            property(fe, "x-pci-sub-device-id", f.subsystemDeviceId());
        }
    }

    private static void property(Element frontend, String name, int value) {
        Element p = Xml.add(frontend, QEMU_NS, "qemu:property");
        p.setAttribute("name", name);
        p.setAttribute("type", "unsigned");
        p.setAttribute("value", Integer.toString(value));
    }
}
