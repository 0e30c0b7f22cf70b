package io.github.vbios.vm;

import io.github.vbios.io.Finding;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A libvirt domain XML as {@code virsh dumpxml} writes it, read for what a passthrough plan must
 * not collide with: controller indexes, used slots on {@code pcie.0}, chassis numbers, the
 * machine type, hostdevs already present. Never throws: a document that cannot be read is a
 * result with {@code document == null} and a finding. DOCTYPEs are refused (no external entities).
 *
 * @param pc      a pc (i440fx) machine: a conventional PCI root bus {@code pci.0}, no PCIe root ports
 * @param uefi    the guest boots with UEFI ({@code <os firmware='efi'>} or a pflash {@code <loader>})
 * @param acpi    {@code <features><acpi/>} is present
 * @param maxPort the highest root-port {@code port} in use (0 when none)
 */
public record LibvirtDomain(Document document, String machine, Set<Integer> controllerIndexes,
                            Set<Integer> rootBusSlots, int maxChassis, List<String> hostdevSources,
                            List<Finding> findings, boolean pc, boolean uefi, boolean acpi, int maxPort) {
    public LibvirtDomain {
        controllerIndexes = Set.copyOf(controllerIndexes);
        rootBusSlots = Set.copyOf(rootBusSlots);
        hostdevSources = List.copyOf(hostdevSources);
        findings = List.copyOf(findings);
    }

    public boolean usable() {
        return document != null;
    }

    public static LibvirtDomain read(String xml) {
        List<Finding> findings = new ArrayList<>();
        Document doc;
        try {
            DocumentBuilder b = secureBuilder();
            b.setErrorHandler(SILENT);
            doc = b.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            findings.add(Finding.error(VmCode.XML_UNREADABLE, -1, "not a readable XML document: " + e.getMessage()));
            return empty(findings);
        }
        Element root = doc.getDocumentElement();
        if (root == null || !"domain".equals(root.getLocalName())) {
            findings.add(Finding.error(VmCode.ROOT_NOT_DOMAIN,
                    -1, "the root element is <" + (root == null ? "" : root.getTagName())
                    + ">, not <domain>: pass the output of virsh dumpxml VM"));
            return empty(findings);
        }
        Optional<String> malformed = firstMalformedName(root);
        if (malformed.isPresent()) {
            String badName = malformed.get();
            // the lenient parser keeps names such as ":type"; patching the tree would then fail in DOM
            findings.add(Finding.error(VmCode.NAME_MALFORMED, -1, "the domain XML has the malformed name '" + badName
                    + "' (an empty prefix or local part around ':'): fix it, or pass the output of virsh dumpxml VM"));
            return empty(findings);
        }
        return scan(doc, findings);
    }

    /** The first element or attribute name that is not a valid namespaced name (prefix:local), if any. */
    private static Optional<String> firstMalformedName(Element root) {
        NodeList all = root.getOwnerDocument().getElementsByTagName("*");  // document order, no recursion here
        for (int k = 0; k < all.getLength(); k++) {
            Element e = (Element) all.item(k);
            if (!wellFormedName(e.getTagName())) {
                return Optional.of(e.getTagName());
            }
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                String n = attrs.item(i).getNodeName();
                if (!wellFormedName(n)) {
                    return Optional.of(n);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean wellFormedName(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 || (colon > 0 && colon < qname.length() - 1 && qname.indexOf(':', colon + 1) < 0);
    }

    private static LibvirtDomain scan(Document doc, List<Finding> findings) {
        Element root = doc.getDocumentElement();
        String machine = "";
        for (Element os : Xml.children(root, "os")) {
            for (Element type : Xml.children(os, "type")) {
                machine = type.getAttribute("machine");
            }
        }
        Set<Integer> indexes = new TreeSet<>();
        Set<Integer> slots = new TreeSet<>();
        int[] chassis = {0, 0};
        List<String> sources = new ArrayList<>();
        for (Element devices : Xml.children(root, "devices")) {
            controllers(devices, indexes, chassis);
            rootBusSlots(devices, slots);
            for (Element h : Xml.children(devices, "hostdev")) {
                for (Element s : Xml.children(h, "source")) {
                    Xml.children(s, "address").forEach(a -> sources.add(Xml.hostAddress(a)));
                }
            }
        }
        boolean uefi = false;
        for (Element os : Xml.children(root, "os")) {
            uefi |= "efi".equals(os.getAttribute("firmware"));
            for (Element loader : Xml.children(os, "loader")) {
                uefi |= "pflash".equals(loader.getAttribute("type")) || loader.getTextContent().contains("OVMF")
                        || loader.getTextContent().contains("edk2");
            }
        }
        boolean acpi = false;
        for (Element f : Xml.children(root, "features")) {
            acpi |= !Xml.children(f, "acpi").isEmpty();
        }
        boolean pciRoot = false;
        for (Element devices : Xml.children(root, "devices")) {
            for (Element c : Xml.children(devices, "controller")) {
                pciRoot |= "pci".equals(c.getAttribute("type")) && "pci-root".equals(c.getAttribute("model"));
            }
        }
        // libvirt's "pc" is i440fx; a hand-written domain without machine but with a pci-root is one too
        boolean pc = machine.isEmpty() ? pciRoot : !machine.contains("q35") && (machine.startsWith("pc") || pciRoot);
        return new LibvirtDomain(doc, machine, indexes, slots, chassis[0], sources, findings, pc, uefi, acpi, chassis[1]);
    }

    /** The PCI root bus's name as libvirt and QEMU call it. */
    public String rootBusName() {
        return pc ? "pci.0" : "pcie.0";
    }

    /**
     * Where a hostdev for {@code hostAddress} already sits in the guest, so that patching again keeps
     * the GPU (and its ACPI path) where it was: directly on the root bus, or behind a root port on
     * the root bus. Empty when there is none, it has no assigned address, or it is deeper.
     */
    public Optional<Placement> placementOf(String hostAddress) {
        if (document == null) {
            return Optional.empty();
        }
        for (Element devices : Xml.children(document.getDocumentElement(), "devices")) {
            for (Element h : Xml.children(devices, "hostdev")) {
                boolean match = Xml.children(h, "source").stream().flatMap(s -> Xml.children(s, "address").stream())
                        .anyMatch(a -> Xml.hostAddress(a).equals(hostAddress));
                Element guest = Xml.children(h, "address").stream().filter(a -> "pci".equals(a.getAttribute("type")))
                        .findFirst().orElse(null);
                if (!match || guest == null) {
                    continue;
                }
                int bus = Xml.number(guest.getAttribute("bus")).orElse(-1);
                if (bus == 0) {
                    return Optional.of(new Placement(0, Xml.number(guest.getAttribute("slot")).orElse(0),
                            0, 0, 0));
                }
                for (Element c : Xml.children(devices, "controller")) {
                    if ("pci".equals(c.getAttribute("type")) && "pcie-root-port".equals(c.getAttribute("model"))
                            && Xml.number(c.getAttribute("index")).orElse(-1) == bus) {
                        Element a = Xml.children(c, "address").stream().findFirst().orElse(null);
                        if (a == null || Xml.number(a.getAttribute("bus")).orElse(-1) != 0) {
                            return Optional.empty();
                        }
                        int chassis = 0;
                        int port = 0;
                        for (Element t : Xml.children(c, "target")) {
                            chassis = Xml.number(t.getAttribute("chassis")).orElse(0);
                            port = Xml.number(t.getAttribute("port")).orElse(0);
                        }
                        return Optional.of(new Placement(bus, Xml.number(a.getAttribute("slot")).orElse(0),
                                Xml.number(a.getAttribute("function")).orElse(0), chassis, port));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An existing GPU placement.
     *
     * @param controllerIndex the root port's index, 0 when the GPU sits on the root bus itself
     * @param slot            the slot on the root bus (of the root port, or of the GPU)
     */
    public record Placement(int controllerIndex, int slot, int function, int chassis, int port) {
    }

    private static void controllers(Element devices, Set<Integer> indexes, int[] chassis) {
        for (Element c : Xml.children(devices, "controller")) {
            if ("pci".equals(c.getAttribute("type"))) {
                Xml.number(c.getAttribute("index")).ifPresent(indexes::add);
            }
            for (Element t : Xml.children(c, "target")) {
                chassis[0] = Math.max(chassis[0], Xml.number(t.getAttribute("chassis")).orElse(0));
                chassis[1] = Math.max(chassis[1], Xml.number(t.getAttribute("port")).orElse(0));
            }
        }
    }

    /** Guest addresses on bus 0 (pcie.0) of every device; host addresses under {@code <source>} do not count. */
    private static void rootBusSlots(Element devices, Set<Integer> slots) {
        NodeList addresses = devices.getElementsByTagName("address");
        for (int i = 0; i < addresses.getLength(); i++) {
            Element a = (Element) addresses.item(i);
            boolean source = "source".equals(((Element) a.getParentNode()).getTagName());
            if (!source && "pci".equals(a.getAttribute("type")) && Xml.number(a.getAttribute("bus")).orElse(-1) == 0) {
                Xml.number(a.getAttribute("slot")).ifPresent(slots::add);
            }
        }
    }

    private static LibvirtDomain empty(List<Finding> findings) {
        return new LibvirtDomain(null, "", Set.of(), Set.of(), 0, List.of(), findings, false, false, false, 0);
    }

    static DocumentBuilder secureBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // not an error
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
