"""Rendering a PDF document with WeasyPrint: archival (PDF/A-3a: tagged, Unicode, with its data attached), marked
PDF/UA-1, with the project's own fonts only, the same bytes for the same input on any machine.

Fonts come only from tayho/pdf/fonts: fontconfig is pointed at a configuration naming that folder alone (an
installed DejaVu of another version would otherwise be preferred and change the bytes). Dates come from the
document (the record's version), the PDF identifier from its content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from ..fonts import FONTS
from .document import PdfDocument

HERE = Path(__file__).resolve().parent
STYLESHEET = HERE / "pdf.css"
VARIANT = "pdf/a-3a"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PDFAID = "http://www.aiim.org/pdfa/ns/id/"
PDFUAID = "http://www.aiim.org/pdfua/ns/id/"
NAMESPACES = {
    "rdf": RDF,
    "pdfaid": PDFAID,
    "pdfuaid": PDFUAID,
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}

# PDF/A lets a file name only the XMP namespaces it declares: the PDF/UA identification is declared here.
_UA_EXTENSION = f"""<rdf:Description xmlns:rdf="{RDF}" rdf:about=""
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"><pdfaExtension:schemas><rdf:Bag>
<rdf:li rdf:parseType="Resource"><pdfaSchema:namespaceURI>{PDFUAID}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix><pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource"><pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>PDF/UA version identifier</pdfaProperty:description>
<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType></rdf:li></rdf:Seq></pdfaSchema:property></rdf:li>
</rdf:Bag></pdfaExtension:schemas></rdf:Description>"""


def use_project_fonts_only(cache_dir: Path) -> None:
    """Point fontconfig at the project's fonts alone (before the first render of this process)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    config = cache_dir / "fonts.conf"
    text = (
        f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{FONTS}</dir>\n  <cachedir>{cache_dir / 'fontconfig'}</cachedir>\n</fontconfig>\n"
    )
    if not config.is_file() or config.read_text(encoding="utf-8") != text:
        config.write_text(text, encoding="utf-8")
    os.environ["FONTCONFIG_FILE"] = str(config)  # read by fontconfig, the library WeasyPrint finds fonts with


def _local_fetcher():
    """Fetch nothing but the shipped fonts and the images the document carries inline (data: URIs, the QR codes):
    no request leaves the machine."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    fonts = FONTS.as_uri()

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith((fonts, "data:")):
                return super().fetch(url, headers)
            return URLFetcherResponse(url, b"", {"Content-Type": "text/plain"})

    return LocalFetcher(allowed_protocols={"file", "data"})


def _finish(document, pdf) -> None:
    """After WeasyPrint: list each attachment once in /AF, and add the PDF/UA-1 identification to the XMP."""
    if "AF" in pdf.catalog:
        unique = list(dict.fromkeys(pdf.catalog["AF"]))
        pdf.catalog["AF"].clear()
        pdf.catalog["AF"].extend(unique)
    metadata = pdf.objects[int(pdf.catalog["Metadata"].split()[0])]
    metadata.stream = [_with_ua_identification(b"".join(metadata.stream))]


def _with_ua_identification(xmp: bytes) -> bytes:
    start, end = xmp.index(b"<rdf:RDF"), xmp.index(b"</rdf:RDF>") + len(b"</rdf:RDF>")
    for prefix, uri in NAMESPACES.items():  # PDF/A expects these prefixes, not ns0, ns1…
        ElementTree.register_namespace(prefix, uri)
    rdf = ElementTree.fromstring(xmp[start:end])
    for description in rdf.iter(f"{{{RDF}}}Description"):
        if f"{{{PDFAID}}}part" in description.attrib:
            description.set(f"{{{PDFUAID}}}part", "1")
    rdf.append(ElementTree.fromstring(_UA_EXTENSION))
    return xmp[:start] + ElementTree.tostring(rdf) + xmp[end:]


def render_pdf(document: PdfDocument, date: str) -> bytes:
    """The PDF of `document` (whose version is dated `date`, YYYY-MM-DD), as bytes."""
    from weasyprint import CSS, HTML
    from weasyprint import Attachment as WeasyAttachment

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    moment = dt.datetime.fromisoformat(date).replace(tzinfo=dt.UTC)
    fetcher = _local_fetcher()
    attachments = [
        WeasyAttachment(
            string=item.content,
            name=item.name,
            description=item.description,
            created=moment,
            modified=moment,
            relationship="Data",
        )
        for item in document.attachments
    ]
    identifier = hashlib.sha256(document.html.encode("utf-8")).hexdigest()[:32].encode()
    html = HTML(string=document.html, base_url=document.base_url, url_fetcher=fetcher)
    return html.write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET), url_fetcher=fetcher)],
        pdf_variant=VARIANT,
        pdf_identifier=identifier,
        attachments=attachments,
        finisher=_finish,
        uncompressed_pdf=False,
    )
