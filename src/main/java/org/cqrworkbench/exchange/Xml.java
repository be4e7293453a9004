package org.cqrworkbench.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.cqrworkbench.web.InvalidInputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML read from untrusted files: no DTDs, no external entities, no includes. Elements are matched on their local
 * names, because writers disagree on the namespace ("urn:QDA-XML:codebook:1:0", "...:1.0").
 */
final class Xml {

    private Xml() {
    }

    static Document parse(byte[] content, String entryName) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(content));
        } catch (SAXParseException e) {
            throw new InvalidInputException("exchange.xml.malformed", entryName, e.getLineNumber(), e.getColumnNumber(),
                    e.getMessage());
        } catch (SAXException | IOException e) {
            throw new InvalidInputException("exchange.xml.malformed", entryName, 0, 0, e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be made safe", e);
        }
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be made safe", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** Up to `limit` problems the schema finds; an empty list means the document is valid. */
    static List<String> problems(byte[] content, String schemaResource, int limit) {
        List<String> problems = new ArrayList<>();
        try (InputStream xsd = Xml.class.getResourceAsStream(schemaResource)) {
            SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Schema schema = schemas.newSchema(new StreamSource(xsd));
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    if (problems.size() < limit) {
                        problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
                    }
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    error(e);
                    throw e;
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(content)));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + schemaResource, e);
        }
        return problems;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    /** The text of a child element, or null when there is none. */
    static String childText(Element parent, String localName) {
        return child(parent, localName).map(Element::getTextContent).orElse(null);
    }

    /** An attribute's value, or null when it is absent or empty. */
    static String attr(Element element, String name) {
        String value = element.getAttribute(name);
        return value == null || value.isEmpty() ? null : value;
    }

    static List<Element> descendants(Element root, String localName) {
        List<Element> found = new ArrayList<>();
        var nodes = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }
}
