package io.github.vbios.acpi;

import io.github.vbios.io.VbiosException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The ACPI path of a {@code <hostdev>} in a libvirt domain XML: its guest {@code <address>}, then
 * the {@code <controller type='pci'>} whose index is that bus, its address, and so on up to the
 * root bus (acpi-vm.md 1.2, 3.2). Only addresses libvirt has assigned can be used: run
 * {@code virsh dumpxml} on a defined domain, not the XML you wrote by hand.
 */
public final class LibvirtPath {
    private static final int MAX_HOPS = 16;

    private LibvirtPath() {
    }

    public static AcpiPath fromDomainXml(String xml, String hostBdf) {
        Document doc = parse(xml);
        int[] host = AcpiPath.parseBdf(hostBdf);
        Element hostdev = findHostdev(doc, host, hostBdf);
        Element addr = pciAddress(hostdev).orElseThrow(() -> invalid("the <hostdev> for " + hostBdf
                + " has no guest <address type='pci'>; use the XML of a defined domain (virsh dumpxml VM), where "
                + "libvirt has assigned one"));
        List<String> segs = new ArrayList<>();
        int bus = num(addr, "bus");
        segs.add(AcpiPath.segment(num(addr, "slot"), num(addr, "function")));
        for (int hop = 0; bus != 0; hop++) {
            if (hop >= MAX_HOPS) {
                throw invalid("PCI controller chain deeper than " + MAX_HOPS + " (a loop in the XML?)");
            }
            Element ctl = controller(doc, bus);
            String model = ctl.getAttribute("model");
            if (model.contains("expander")) {
                // pxb roots are \_SB.PCxx, not below \_SB.PCI0 (acpi-vm.md 1.2)
                throw invalid("bus " + bus + " is a " + model + " controller; only devices below pcie.0/pci.0 "
                        + "(through root ports, switches and bridges) are supported: use --path");
            }
            int index = bus;
            Element caddr = pciAddress(ctl).orElseThrow(
                    () -> invalid("controller index " + index + " (" + model + ") has no PCI <address>"));
            segs.add(AcpiPath.segment(num(caddr, "slot"), num(caddr, "function")));
            bus = num(caddr, "bus");
        }
        segs.add("PCI0");
        segs.add("_SB_");
        Collections.reverse(segs);
        return AcpiPath.of(segs);
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // A domain XML never needs a DTD or external entities; refuse them (XXE).
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw invalid("not a readable libvirt domain XML: " + e.getMessage());
        }
    }

    private static Element findHostdev(Document doc, int[] host, String hostBdf) {
        NodeList list = doc.getElementsByTagName("hostdev");
        for (int i = 0; i < list.getLength(); i++) {
            Element h = (Element) list.item(i);
            NodeList src = h.getElementsByTagName("source");
            if (src.getLength() == 0) {
                continue;
            }
            NodeList a = ((Element) src.item(0)).getElementsByTagName("address");
            if (a.getLength() > 0) {
                Element e = (Element) a.item(0);
                if (num(e, "bus") == host[0] && num(e, "slot") == host[1] && num(e, "function") == host[2]) {
                    return h;
                }
            }
        }
        throw new VbiosException(VbiosException.Kind.NOT_FOUND, "no <hostdev> with source address " + hostBdf
                + " in the domain XML");
    }

    /** The element's own {@code <address type='pci'>} child (not one of a nested source). */
    private static Optional<Element> pciAddress(Element parent) {
        NodeList kids = parent.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            if (kids.item(i) instanceof Element e && e.getTagName().equals("address")
                    && "pci".equals(e.getAttribute("type"))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Element controller(Document doc, int index) {
        NodeList list = doc.getElementsByTagName("controller");
        for (int i = 0; i < list.getLength(); i++) {
            Element c = (Element) list.item(i);
            if ("pci".equals(c.getAttribute("type")) && !c.getAttribute("index").isEmpty()
                    && parseNumber(c.getAttribute("index")) == index) {
                return c;
            }
        }
        throw invalid("no <controller type='pci' index='" + index + "'> for bus " + index);
    }

    private static int num(Element e, String attr) {
        String v = e.getAttribute(attr);
        return v.isEmpty() ? 0 : parseNumber(v);
    }

    private static int parseNumber(String v) {
        try {
            String t = v.trim();
            return t.startsWith("0x") || t.startsWith("0X") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw invalid("'" + v + "' is not a number in the domain XML");
        }
    }

    private static VbiosException invalid(String message) {
        return new VbiosException(VbiosException.Kind.INVALID_INPUT, message);
    }
}
