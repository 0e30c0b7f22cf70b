package io.github.vbios.vm;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Small DOM helpers for the libvirt renderer. */
final class Xml {
    private Xml() {
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nl = parent.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i) instanceof Element e && localName.equals(name(e))) {
                out.add(e);
            }
        }
        return out;
    }

    private static String name(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    /** The first child with this name, created (and appended) when missing. */
    static Element child(Element parent, String ns, String qname) {
        String local = qname.contains(":") ? qname.substring(qname.indexOf(':') + 1) : qname;
        for (Element e : children(parent, local)) {
            if (ns == null || ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return add(parent, ns, qname);
    }

    static Element add(Element parent, String ns, String qname) {
        Document d = parent.getOwnerDocument();
        Element e = ns == null ? d.createElementNS(parent.getNamespaceURI(), qname) : d.createElementNS(ns, qname);
        parent.appendChild(e);
        return e;
    }

    /** libvirt numbers: decimal or {@code 0x} hex. */
    static Optional<Integer> number(String text) {
        try {
            String t = text.trim();
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Optional.of(Integer.parseInt(t.substring(2), 16));
            }
            return t.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code <address domain= bus= slot= function=>} as {@code 0000:01:00.0} ("?" where unreadable). */
    static String hostAddress(Element a) {
        Optional<Integer> d = number(a.getAttribute("domain"));
        Optional<Integer> b = number(a.getAttribute("bus"));
        Optional<Integer> s = number(a.getAttribute("slot"));
        Optional<Integer> f = number(a.getAttribute("function"));
        if (b.isEmpty() || s.isEmpty() || f.isEmpty()) {
            return "?";
        }
        return String.format(Locale.ROOT, "%04x:%02x:%02x.%x", d.orElse(0), b.get(), s.get(), f.get());
    }

    static void pciAddress(Element a, int domain, int bus, int slot, int function) {
        a.setAttribute("type", "pci");
        hostPciAddress(a, domain, bus, slot, function);
    }

    /** A {@code <source><address>} of a hostdev: the same fields without {@code type}. */
    static void hostPciAddress(Element a, int domain, int bus, int slot, int function) {
        a.setAttribute("domain", String.format(Locale.ROOT, "0x%04x", domain));
        a.setAttribute("bus", String.format(Locale.ROOT, "0x%02x", bus));
        a.setAttribute("slot", String.format(Locale.ROOT, "0x%02x", slot));
        a.setAttribute("function", String.format(Locale.ROOT, "0x%x", function));
    }

    /** Drops whitespace-only text so the serializer's indentation is not doubled. */
    static void stripWhitespace(Node n) {
        NodeList nl = n.getChildNodes();
        for (int i = nl.getLength() - 1; i >= 0; i--) {
            Node c = nl.item(i);
            if (c.getNodeType() == Node.TEXT_NODE && c.getTextContent().isBlank()) {
                n.removeChild(c);
            } else if (c.getNodeType() == Node.ELEMENT_NODE) {
                stripWhitespace(c);
            }
        }
    }

    static String write(Document doc) {
        try {
            stripWhitespace(doc);
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(w));
            // the serializer puts a leading comment and the root element on one line
            return w.toString().strip().replaceFirst("^(<!--.*?-->)<", "$1\n<") + "\n";
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise XML: " + e.getMessage(), e);
        }
    }
}
