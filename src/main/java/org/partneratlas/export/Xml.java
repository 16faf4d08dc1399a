package org.partneratlas.export;

import java.io.IOException;
import java.io.OutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A StAX writer over an output stream, for the XML formats: elements go out as they are written, and text is
 * cleaned of the characters XML 1.0 cannot hold (control characters would make the file unreadable to every parser).
 */
final class Xml {

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private final XMLStreamWriter writer;

	Xml(OutputStream out) throws IOException {
		try {
			this.writer = FACTORY.createXMLStreamWriter(out, "UTF-8");
		}
		catch (XMLStreamException ex) {
			throw new IOException(ex);
		}
	}

	XMLStreamWriter writer() {
		return this.writer;
	}

	/** Text with the characters XML 1.0 forbids taken out. */
	static String clean(String text) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
					|| (c >= 0xE000 && c <= 0xFFFD) || Character.isSurrogate(c);
			if (!ok && out == null) {
				out = new StringBuilder(text.length()).append(text, 0, i);
			}
			else if (ok && out != null) {
				out.append(c);
			}
		}
		return (out != null) ? out.toString() : text;
	}

	/** Runs StAX calls, turning their checked exception into an {@link IOException}. */
	void write(XmlWork work) throws IOException {
		try {
			work.run(this.writer);
		}
		catch (XMLStreamException ex) {
			throw new IOException(ex);
		}
	}

	interface XmlWork {

		void run(XMLStreamWriter w) throws XMLStreamException;

	}

}
